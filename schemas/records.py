"""Plain models passed between stages; their names mirror the DuckDB tables in duckdb.sql."""

from __future__ import annotations

from pydantic import BaseModel, Field

from schemas.document import BBox
from schemas.kinds import DocKind, FlagCode, Severity, TextSource


class ExtractedField(BaseModel):
    """One field read off a document. `value` is normalised text: ISO dates, plain digits,
    JSON array strings for ordered lists (inventors, authors)."""

    name: str
    value: str
    confidence: float = 1.0
    page: int | None = None
    bbox: BBox | None = None


class KindGuess(BaseModel):
    kind: DocKind
    confidence: float
    scores: dict[str, float] = Field(default_factory=dict)


class ClaimDocument(BaseModel):
    """What the claim-level stages see of one document of the claim."""

    doc_id: str
    path: str
    doc_kind: DocKind
    doc_kind_confidence: float
    text: str = ""
    fields: list[ExtractedField] = Field(default_factory=list)
    mean_confidence: float = 1.0
    char_count: int = 0
    text_source: TextSource | None = None  # how the text was obtained (None: not known)

    def field(self, name: str) -> str | None:
        for f in self.fields:
            if f.name == name:
                return f.value
        return None


class ClaimContext(BaseModel):
    """A claim with its documents and what the manifest says about it."""

    claim_id: str
    person_id: str
    year: int
    person_name: str | None = None
    unit: str | None = None
    declared_category: int | None = None
    declared_hours: float | None = None
    documents: list[ClaimDocument] = Field(default_factory=list)

    def kinds(self) -> set[DocKind]:
        return {d.doc_kind for d in self.documents}

    def first(self, name: str) -> str | None:
        for d in self.documents:
            v = d.field(name)
            if v:
                return v
        return None


class CategoryGuess(BaseModel):
    category: int
    confidence: float
    reason: str = ""


class Proposal(BaseModel):
    hours: float | None  # None: no proposal (category 16, routed to the city HR bureau)
    rule_id: str
    assumed: bool
    explanation: str


class Flag(BaseModel):
    code: FlagCode
    severity: Severity
    message: str
    doc_id: str | None = None
