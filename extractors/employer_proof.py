"""单位证明/派出证明 (employer proof): person_name, id_number, organization (the employer),
issue_date, document_number, has_seal (the reviewer needs the seal), and what it attests:
the activity (title, start_date, end_date, days, hours_stated) or, for an absence, the
leave fields (leave_kind, leave_start, leave_end, months_absent)."""

from __future__ import annotations

from extractors._activity import hours_stated, period, title
from extractors._base import DocView
from extractors._common import common_fields
from extractors._leave import leave_fields, leave_kind
from schemas.document import DocumentText
from schemas.records import ExtractedField

COMMON = ("person_name", "id_number", "organization", "issue_date", "document_number", "has_seal")


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Employer-proof fields (see module docstring)."""
    v = DocView(doc)
    fields = common_fields(v, COMMON)
    if (kind := leave_kind(v.text, strict=True)):
        return fields + leave_fields(v, kind)
    fields += [f for f in (title(v), hours_stated(v)) if f]
    return fields + period(v)
