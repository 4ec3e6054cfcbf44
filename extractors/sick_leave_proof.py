"""病假/诊断证明 (sick_leave_proof): leave_kind = sick, leave_start, leave_end, months_absent, plus
person_name, id_number, organization (issuer: employer or hospital), issue_date, has_seal."""

from __future__ import annotations

from extractors._base import DocView
from extractors._common import common_fields, signed_after_event
from extractors._leave import leave_fields
from schemas.document import DocumentText
from schemas.records import ExtractedField

COMMON = ("person_name", "id_number", "organization", "issue_date", "has_seal")


def extract(doc: DocumentText) -> list[ExtractedField]:
    """病假/诊断证明 fields (see module docstring)."""
    v = DocView(doc)
    return signed_after_event(common_fields(v, COMMON) + leave_fields(v, "sick"))
