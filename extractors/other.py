"""其他 (unrecognised evidence): whatever common fields are present — person_name,
id_number, organization, issue_date, document_number, certificate_number, has_seal — and
what an activity would have (title, start_date, end_date, days, hours_stated): category 16
goes to the city HR bureau, which needs the same facts."""

from __future__ import annotations

from extractors._activity import hours_stated, period, title
from extractors._base import DocView
from extractors._common import common_fields
from schemas.document import DocumentText
from schemas.records import ExtractedField


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Common fields plus any activity facts."""
    v = DocView(doc)
    return common_fields(v) + [f for f in (title(v), hours_stated(v, training=False)) if f] + period(v)
