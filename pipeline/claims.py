"""Claim-level stages: gather each touched claim's documents (new and already landed),
resolve the declarant on each of them (pipeline/declarant.py), decide the claim's category,
propose hours, and check it."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from pipeline.classify import classify_claim
from pipeline.declarant import resolve_claim
from pipeline.flags import check_claim
from pipeline.intake import ManifestRow
from pipeline.policy import propose
from pipeline.policy.evidence import FiledPlan, plans_from_documents
from pipeline import store
from pipeline.duplicates import EvidenceIndex
from pipeline.plans import plans_from_rows
from pipeline.store import connect
from pipeline.understand import DocRecord
from schemas.document import BBox
from schemas.kinds import DocKind
from schemas.records import CategoryGuess, ClaimContext, ClaimDocument, ExtractedField, Flag, Proposal


@dataclass
class ClaimResult:
    ctx: ClaimContext
    category: CategoryGuess
    proposal: Proposal | None
    flags: list[Flag] = field(default_factory=list)


def _landed_documents(landed: pd.DataFrame, landed_fields: pd.DataFrame) -> dict[tuple[str, str], list[ClaimDocument]]:
    by_doc: dict[str, list[ExtractedField]] = {}
    for row in landed_fields.itertuples(index=False):
        bbox = BBox(**json.loads(row.bbox)) if isinstance(row.bbox, str) and row.bbox else None
        page = None if pd.isna(row.page) else int(row.page)
        by_doc.setdefault(row.doc_id, []).append(ExtractedField(
            name=row.name, value=row.value or "", confidence=float(row.confidence), page=page, bbox=bbox))
    out: dict[tuple[str, str], list[ClaimDocument]] = {}
    for row in landed.itertuples(index=False):
        out.setdefault((row.person_id, row.claim_id), []).append(ClaimDocument(
            doc_id=row.doc_id, path=row.path, doc_kind=DocKind(row.doc_kind),
            doc_kind_confidence=float(row.doc_kind_confidence), text=row.text or "",
            fields=by_doc.get(row.doc_id, []), mean_confidence=float(row.mean_confidence or 0),
            char_count=int(row.char_count or 0), text_source=getattr(row, "text_source", None) or None))
    return out


def build_contexts(records: list[DocRecord], landed: pd.DataFrame, landed_fields: pd.DataFrame,
                   manifest: dict[tuple[str, str], ManifestRow], year: int) -> list[ClaimContext]:
    """One context per claim that has a new document, holding all of the claim's documents,
    with the declarant resolved on each (person_name, rank fields, book role: see
    pipeline/declarant.py). The resolved fields replace any of the same name, so a claim
    recomputed later does not gain a second row; `resolved_fields` hands them to landing."""
    docs = _landed_documents(landed, landed_fields) if not landed.empty else {}
    for rec in records:
        docs.setdefault((rec.cand.person_id, rec.cand.claim_id), []).append(rec.as_claim_document())
    contexts = []
    for (person_id, claim_id) in sorted({(r.cand.person_id, r.cand.claim_id) for r in records}):
        row = manifest.get((person_id, claim_id))
        contexts.append(ClaimContext(
            claim_id=claim_id, person_id=person_id,
            year=(row.year if row and row.year else year),
            person_name=row.person_name if row else None,
            unit=row.unit if row else None,
            declared_category=row.declared_category if row else None,
            declared_hours=row.declared_hours if row else None,
            documents=sorted(docs[(person_id, claim_id)], key=lambda d: d.path)))
    return [_complete_month_days(resolve_claim(ctx)) for ctx in contexts]


def _complete_month_days(ctx: ClaimContext) -> ClaimContext:
    """A document whose date names no year (a leader's '蔡婷 3.19' on a page that names none:
    issue_month_day '--03-19') gets the issue_date of that day in the claim's year, with less
    confidence: the year is the declaration's, not read."""
    for d in ctx.documents:
        names = {f.name for f in d.fields}
        md = next((f for f in d.fields if f.name == "issue_month_day"), None)
        if md is None or "issue_date" in names:
            continue
        try:
            day = date.fromisoformat(f"{ctx.year}{md.value[1:]}")
        except ValueError:  # (29 February in a common year)
            continue
        d.fields = d.fields + [md.model_copy(update={"name": "issue_date", "value": day.isoformat(),
                                                      "confidence": round(md.confidence * 0.7, 4)})]
    return ctx


def resolved_fields(results: list[ClaimResult]) -> dict[str, list[ExtractedField]]:
    """Each document's fields as the claim stage settled them (extracted + resolved), by doc_id."""
    return {d.doc_id: d.fields for res in results for d in res.ctx.documents}


def filed_plans(results: list[ClaimResult]) -> list[FiledPlan]:
    """The filed annual plans among all documents the claim stage sees (this batch and the
    touched claims' landed documents)."""
    return plans_from_documents([d for res in results for d in res.ctx.documents])


def classify_claims(contexts: list[ClaimContext]) -> list[ClaimResult]:
    """Category 1–16 for each claim from its documents' kinds and contents."""
    return [ClaimResult(ctx=ctx, category=classify_claim(ctx), proposal=None) for ctx in contexts]


def landed_plans(db) -> list[FiledPlan]:
    """The filed plans the database knows, for `propose_hours(..., plans=...)`: the
    plan_filings table (plan documents landed before, CSV registers) and plan documents
    landed before that table existed. A plan filed with another claim still counts."""
    if not Path(db).exists():
        return []
    table = store.load_plan_rows(Path(db))
    known = set(table["plan_id"]) if not table.empty else set()
    with connect(Path(db), read_only=True) as con:
        rows = con.execute("""SELECT d.doc_id, d.path, f.name, f.value, f.confidence FROM documents d
                              JOIN fields f USING (doc_id) WHERE d.doc_kind = 'plan_filing'
                              ORDER BY d.doc_id, f.confidence DESC""").fetchall()
    rows = [r for r in rows if r[0] not in known]
    docs: dict[str, ClaimDocument] = {}
    for doc_id, path, name, value, conf in rows:
        d = docs.setdefault(doc_id, ClaimDocument(doc_id=doc_id, path=path, doc_kind=DocKind.plan_filing,
                                                  doc_kind_confidence=1.0))
        d.fields.append(ExtractedField(name=name, value=value or "", confidence=float(conf or 0)))
    return plans_from_rows(table) + plans_from_documents(list(docs.values()))


def propose_hours(results: list[ClaimResult], policy, plans: list[FiledPlan] | None = None) -> list[ClaimResult]:
    """Hours per claim. Categories 13/14 are checked against the filed plans of the whole
    batch, plus `plans` from elsewhere (e.g. a plan-filings table)."""
    pool = filed_plans(results) + list(plans or [])
    for res in results:
        res.proposal = propose(res.ctx, res.category.category, policy, plans=pool)
    return results


def validate(results: list[ClaimResult], policy=None, index: EvidenceIndex | None = None) -> list[ClaimResult]:
    """Flags per claim; `index` (duplicates.build_index) adds the cross-database duplicate checks."""
    for res in results:
        res.flags = check_claim(res.ctx, res.category, res.proposal, policy, index)
    return results
