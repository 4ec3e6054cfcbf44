"""培训通知 (training notice): document_number, organization (issuer), issue_date, has_seal,
and the activity: title, organizer (the issuer when none is named), start_date, end_date,
days, hours_stated, level. A notice is signed before its attachments (附件: schedules, reply
slips): the issue date is read from the part before them."""

from __future__ import annotations

from extractors._activity import activity_fields, signed_before_annex
from extractors._base import DocView
from extractors._common import common_fields
from schemas.document import DocumentText
from schemas.records import ExtractedField

COMMON = ("document_number", "organization", "issue_date", "has_seal")


def notice_fields(v: DocView, training: bool) -> list[ExtractedField]:
    """Common notice fields plus the activity; the issuer stands in as organizer."""
    fields = signed_before_annex(v.doc, common_fields(v, COMMON, official=True), official=True)
    org = next((f for f in fields if f.name == "organization"), None)
    return fields + activity_fields(v, training, issuer=org)


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Training-notice fields (see module docstring)."""
    return notice_fields(DocView(doc), training=True)
