"""会议通知 (conference notice): like a training notice — document_number, organization,
issue_date, has_seal, title, organizer, start_date, end_date, days, hours_stated (when a
学时 figure is written; 学分 credits are not hours), level (national/provincial/city)."""

from __future__ import annotations

from extractors._base import DocView
from extractors.training_notice import notice_fields
from schemas.document import DocumentText
from schemas.records import ExtractedField


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Conference-notice fields (see module docstring)."""
    return notice_fields(DocView(doc), training=False)
