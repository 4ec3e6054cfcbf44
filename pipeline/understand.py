"""Document-level stages: classify each document's kind, then extract its fields."""

from __future__ import annotations

from dataclasses import dataclass, field

from extractors import extract
from pipeline.classify import classify_document
from pipeline.intake import Candidate, doc_id_for
from schemas.document import DocumentText
from schemas.records import ClaimDocument, ExtractedField, KindGuess


@dataclass
class DocRecord:
    """One new document of this batch, with everything the later stages need."""

    cand: Candidate
    text: DocumentText
    kind: KindGuess | None = None
    fields: list[ExtractedField] = field(default_factory=list)

    @property
    def doc_id(self) -> str:
        return doc_id_for(self.cand.person_id, self.cand.claim_id, self.cand.sha256)

    def as_claim_document(self) -> ClaimDocument:
        text = self.text.text
        return ClaimDocument(
            doc_id=self.doc_id,
            path=self.cand.rel,
            doc_kind=self.kind.kind,
            doc_kind_confidence=self.kind.confidence,
            text=text,
            fields=self.fields,
            mean_confidence=self.text.mean_confidence,
            char_count=len("".join(text.split())),
        )


def classify_documents(records: list[DocRecord]) -> list[DocRecord]:
    for rec in records:
        rec.kind = classify_document(rec.text)
    return records


def extract_fields(records: list[DocRecord]) -> list[DocRecord]:
    for rec in records:
        rec.fields = extract(rec.kind.kind, rec.text)
    return records
