"""Readers: one per file type, each turning a file into `schemas.document.DocumentText`.

Use `pipeline.text.read_document` rather than these modules directly: it sniffs the type,
picks the reader and the OCR engine. Every reader raises `UnreadableFile` (with a `.reason`)
for a file it cannot read, and nothing else for a bad file.
"""

from pipeline.readers.errors import UnreadableFile
from pipeline.readers.sniff import sniff_type

__all__ = ["UnreadableFile", "sniff_type"]
