"""Shared text parsers: normalize, numbers, dates, hours, ids, names, docnum (文号)."""
