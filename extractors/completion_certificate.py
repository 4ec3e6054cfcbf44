"""结业/培训/合格证书 (completion certificate): person_name, id_number, certificate_number,
organization (issuer; the organiser when no signature can be read), issue_date, has_seal,
and the training: title, organizer, start_date, end_date, days, hours_stated, level."""

from __future__ import annotations

from extractors._activity import activity_fields
from extractors._base import DocView
from extractors._common import common_fields
from schemas.document import DocumentText
from schemas.records import ExtractedField

COMMON = ("person_name", "id_number", "certificate_number", "organization", "issue_date", "has_seal")


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Completion-certificate fields (see module docstring)."""
    v = DocView(doc)
    fields = common_fields(v, COMMON)
    org = next((f for f in fields if f.name == "organization"), None)
    activity = activity_fields(v, training=True, issuer=org)
    if org is None and (o := next((f for f in activity if f.name == "organizer"), None)):
        # no legible signature (a seal over it): the certificate is the organiser's
        fields.append(o.model_copy(update={"name": "organization", "confidence": round(o.confidence * 0.75, 3)}))
    return fields + activity
