"""Document-level stages: classify each document's kind, then extract its fields."""

from __future__ import annotations

import re
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
            text_source=self.text.source,
        )


# Kinds that run over several pages, which people photograph one page per file.
MULTI_PAGE_KINDS = {"training_notice", "conference_notice", "service_notice", "journal_pages", "book_pages",
                    "transcript", "plan_filing", "policy_notice"}


def classify_documents(records: list[DocRecord]) -> list[DocRecord]:
    for rec in records:
        rec.kind = classify_document(rec.text)
    return continuation_pages(records)


_PAGE_NO = re.compile(r"[_\-(（ ](\d{1,2})[)）]?$")
# what an uploader's file name says the document is (培训通知_2.jpg, 目录.jpg)
_NAME_KINDS = [(re.compile(r"通知|日程|附件"), {"training_notice", "conference_notice", "service_notice", "policy_notice"}),
               (re.compile(r"期刊|论文|目录|文章"), {"journal_pages", "book_pages"}),
               (re.compile(r"著作|图书|版权"), {"book_pages"}),
               (re.compile(r"成绩"), {"transcript"}),
               (re.compile(r"备案|计划"), {"plan_filing"})]


def _continued_kinds(rec: DocRecord, cands: list[DocRecord]) -> set[str]:
    """Which of several multi-page kinds a stray page continues: the file numbered one
    before it (微信图片_…_1.jpg before 培训通知_2.jpg), else the kinds its own file name
    names; empty when neither decides."""
    m = _PAGE_NO.search(rec.cand.path.stem)
    if m and int(m.group(1)) > 1:
        before = {r.kind.kind for r in cands if (n := _PAGE_NO.search(r.cand.path.stem)) and int(n.group(1)) == int(m.group(1)) - 1}
        if len(before) == 1:
            return before
    named = {k for rx, ks in _NAME_KINDS if rx.search(rec.cand.path.stem) for k in ks}
    return {r.kind.kind for r in cands if r.kind.kind in named}


def continuation_pages(records: list[DocRecord]) -> list[DocRecord]:
    """A page photographed on its own (a notice's 附件 schedule, an article's second page)
    has no cue of its kind: it is `other` because nothing matched. When the same claim holds
    a file of the same type (photo beside photo) whose kind runs over several pages, and only
    one such kind, the page is taken as that kind's continuation, at a confidence that still
    sends it to review. A page with cues of its own (an `other` that matched) is left alone."""
    by_claim: dict[tuple[str, str], list[DocRecord]] = {}
    for rec in records:
        by_claim.setdefault((rec.cand.person_id, rec.cand.claim_id), []).append(rec)
    for recs in by_claim.values():
        for rec in recs:
            if rec.kind.kind != "other" or rec.kind.confidence > 0.4:
                continue
            suffix = rec.cand.path.suffix.lower()
            cands = [r for r in recs if r is not rec and r.kind.kind in MULTI_PAGE_KINDS
                     and r.cand.path.suffix.lower() == suffix]
            kinds = {r.kind.kind for r in cands}
            if len(kinds) > 1:
                kinds = _continued_kinds(rec, cands) or kinds
            if len(kinds) == 1:
                kind = kinds.pop()
                rec.kind = KindGuess(kind=kind, confidence=0.5, scores=rec.kind.scores)
    return records


def extract_fields(records: list[DocRecord]) -> list[DocRecord]:
    for rec in records:
        rec.fields = extract(rec.kind.kind, rec.text)
    return records
