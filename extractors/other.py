"""其他 (unrecognised evidence): whatever common fields are present — person_name,
id_number, organization, issue_date, document_number, certificate_number, has_seal."""

from __future__ import annotations

from extractors._base import DocView
from extractors._common import common_fields
from schemas.document import DocumentText
from schemas.records import ExtractedField


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Common fields only."""
    return common_fields(DocView(doc))
