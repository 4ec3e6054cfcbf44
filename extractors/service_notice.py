"""服务活动通知/参与证明 (grassroots service notice or participation proof): document_number,
person_name, id_number (a participation proof names the person and ID), organization,
issue_date, has_seal, title (the activity, without a leading year), organizer, start_date,
end_date (a range, days listed one by one, or the one day a sentence names), days,
hours_stated, level. A notice is signed before its attachments (附件: a service timetable):
the issuer and issue date are read from the part before them."""

from __future__ import annotations

import re

from extractors._activity import activity_fields, signed_before_annex
from extractors._base import DocView
from extractors._common import common_fields
from schemas.document import DocumentText
from schemas.records import ExtractedField

COMMON = ("document_number", "person_name", "id_number", "organization", "issue_date", "has_seal")


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Service-notice fields (see module docstring)."""
    v = DocView(doc)
    fields = signed_before_annex(doc, common_fields(v, COMMON))
    org = next((f for f in fields if f.name == "organization"), None)
    activity = activity_fields(v, training=False, issuer=org)
    # A recurring service activity is named without its year ('2023年送教下乡活动' → 送教下乡活动):
    # the year is in its dates.
    return fields + [f.model_copy(update={"value": re.sub(r"^(?:19|20)\d{2}\s*年度?", "", f.value)})
                     if f.name == "title" and len(f.value) > 9 else f for f in activity]
