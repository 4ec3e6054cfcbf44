"""继续教育工作通知 (a city's annual CE notice, like the seeds): document_number, city (from
the issuer header, else the 文号 prefix), year, required_hours (90), public_hours (30),
compulsory_hours (24, where stated), professional_hours (60; when not legible, the total less
the public hours, at low confidence), deadline (ISO), title, organization, issue_date,
has_seal.

Hours are read clause by clause: a clause naming 公需 gives public hours, 必修 compulsory,
专业 professional, and one about the year's total (累计/全年/每年/任务) the requirement.
The deadline is the first 'X月X日前' in a clause about the year's declaration or review
(年度审核, 学时申报, 本年度…), skipping plan-filing and make-up-study clauses."""

from __future__ import annotations

import re

from extractors._base import DocView
from extractors._common import common_fields
from extractors._text.dates import find_dates
from extractors._text.docnum import city_from_prefix, city_from_text, own_doc_number
from extractors._text.hours import find_hours
from schemas.document import DocumentText
from schemas.records import ExtractedField

_CLAUSE_SPLIT = re.compile(r"[，,。；;（）()]|其中")
_SUBJECTS = [("compulsory_hours", re.compile(r"必修")), ("public_hours", re.compile(r"公需")),
             ("professional_hours", re.compile(r"专业科目|专业课")),
             ("required_hours", re.compile(r"累计|全年|每年|年度|任务|总"))]
_DEADLINE_GOOD = re.compile(r"年度审核|学时申报|本年度|继续教育任务|完成.{0,8}审核|审验|申报")
_DEADLINE_BAD = re.compile(r"计划|补学|过渡|作废|启用|备案")


def _clauses(v: DocView) -> list[tuple[str, int, int]]:
    """Clauses of the flattened text (sentences broken over lines rejoined), with their
    span in `flat`."""
    out, pos = [], 0
    for part in _CLAUSE_SPLIT.split(v.flat):
        start = v.flat.find(part, pos)
        out.append((part, start, start + len(part)))
        pos = start + len(part)
    return out


def _make(v: DocView, name: str, value, conf: float, fstart: int, fend: int) -> ExtractedField:
    return v.make(name, value, conf, *v.from_flat(fstart, fend))


def _hours_fields(v: DocView) -> list[ExtractedField]:
    found: dict[str, ExtractedField] = {}
    for clause, start, _ in _clauses(v):
        if "学时" not in clause or re.search(r"超出|超过|折算|补学|申报\d", clause):
            continue
        hours = [h for h in find_hours(clause, True) if h.qualifier in ("minimum", "plain", "total")]
        if not hours:
            continue
        for name, rx in _SUBJECTS:
            if rx.search(clause[:hours[0].start + 1]) and name not in found:
                h = hours[0]
                found[name] = _make(v, name, int(h.value), 0.85, start + h.start, start + h.end)
                break
    return list(found.values())


def _deadline(v: DocView, year: int | None) -> ExtractedField | None:
    for clause, start, _ in _clauses(v):
        if not _DEADLINE_GOOD.search(clause) or _DEADLINE_BAD.search(clause):
            continue
        for d in find_dates(clause, default_year=year):
            if clause[d.end:d.end + 2].startswith("前") and d.precision == "day":
                return _make(v, "deadline", d.iso, 0.8, start + d.start, start + d.end)
    return None


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Policy-notice fields (see module docstring)."""
    v = DocView(doc)
    fields = common_fields(v, ("document_number", "organization", "issue_date", "has_seal"), official=True)
    head = v.head(8)
    dn = own_doc_number(v.text)
    city = city_from_text(head) or (city_from_prefix(dn.prefix) if dn else None)
    if city:
        fields.append(v.make("city", city, 0.9, line=v.lines[0]))
    m = re.search(r"关于.{0,8}?((?:19|20)\d{2})\s*年", head)
    year = int(m.group(1)) if m else (dn.year if dn else None)
    if year:
        fields.append(v.make("year", year, 0.9 if m else 0.7, line=v.lines[0]))
    if (t := re.search(r"关于.{4,60}?通知", head)):
        pos = v.text.find(t.group(0)[:6])
        fields.append(v.make("title", t.group(0), 0.85, max(pos, 0), max(pos, 0) + 6))
    hours = _hours_fields(v)
    got = {f.name: f for f in hours}
    if "professional_hours" not in got and {"required_hours", "public_hours"} <= got.keys():
        # the professional part not legible (a first page cut mid-sentence): the year's total
        # less the public subjects, as the notices divide it (90 = 30 + 60); low confidence
        req, pub = got["required_hours"], got["public_hours"]
        diff = int(req.value) - int(pub.value)
        if diff > 0:
            hours.append(req.model_copy(update={"name": "professional_hours", "value": str(diff), "confidence": 0.4}))
    fields += hours
    if (d := _deadline(v, year)):
        fields.append(d)
    return fields
