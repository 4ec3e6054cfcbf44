"""Turn a batch's results into one DataFrame per DuckDB table (see schemas/duckdb.sql)."""

from __future__ import annotations

import json
from datetime import datetime

import pandas as pd

from pipeline.claims import ClaimResult, resolved_fields
from pipeline.plans import rows_from_documents
from pipeline.readers.sniff import sniff_type
from pipeline.intake import Intake, ManifestRow, Rejected
from pipeline.select import Selection, versions
from pipeline.store import Batch
from pipeline.text import cache_key
from pipeline.transcribe import TextResults
from pipeline.understand import DocRecord
from schemas.kinds import TextSource


def _bbox_json(bbox) -> str | None:
    return bbox.model_dump_json() if bbox is not None else None


def documents_frame(records: list[DocRecord], run_id: str, phashes: dict | None = None) -> pd.DataFrame:
    phashes = phashes or {}
    rows = []
    for rec in records:
        text = rec.text
        rows.append(dict(
            doc_id=rec.doc_id, claim_id=rec.cand.claim_id, person_id=rec.cand.person_id,
            path=rec.cand.rel, sha256=rec.cand.sha256, doc_kind=rec.kind.kind.value,
            doc_kind_confidence=round(rec.kind.confidence, 4), text_source=text.source.value,
            ocr_engine=text.engine if text.source == TextSource.ocr else None,
            pages=len(text.pages), file_type=sniff_type(rec.cand.path),
            size_bytes=rec.cand.size, mean_confidence=round(text.mean_confidence, 4),
            char_count=len("".join(text.text.split())), run_id=run_id, phash=phashes.get(rec.doc_id)))
    return pd.DataFrame(rows)


def pages_frame(records: list[DocRecord]) -> pd.DataFrame:
    rows = []
    for rec in records:
        for page in rec.text.pages:
            rows.append(dict(
                doc_id=rec.doc_id, page=page.number, width=page.width, height=page.height,
                rotation=page.rotation, text=page.text,
                lines=json.dumps([l.model_dump() for l in page.lines], ensure_ascii=False)))
    return pd.DataFrame(rows)


def fields_frame(records: list[DocRecord], run_id: str, results: list[ClaimResult] = ()) -> pd.DataFrame:
    """One row per field of each new document: as the claim stage settled them (extracted,
    with the declarant's person_name / ranks / role resolved in place) when it saw the
    document, else as extracted."""
    settled = resolved_fields(list(results))
    rows = [dict(doc_id=rec.doc_id, name=f.name, value=f.value, confidence=round(f.confidence, 4),
                 page=f.page, bbox=_bbox_json(f.bbox), run_id=run_id)
            for rec in records for f in settled.get(rec.doc_id, rec.fields)]
    return pd.DataFrame(rows, columns=["doc_id", "name", "value", "confidence", "page", "bbox", "run_id"])


def text_cache_frame(records_text: dict, fresh: set[str], engine: str) -> pd.DataFrame:
    rows = [dict(sha256=sha, engine=engine, document=records_text[sha].model_dump_json())
            for sha in sorted(fresh)]
    return pd.DataFrame(rows)


def quarantine_frame(rejected: list[Rejected], run_id: str) -> pd.DataFrame:
    rows = [dict(path=r.rel, reason=r.reason, sha256=r.sha256, size_bytes=r.size,
                 person_id=r.person_id, claim_id=r.claim_id, run_id=run_id) for r in rejected]
    return pd.DataFrame(rows)


def persons_frame(manifest: dict[tuple[str, str], ManifestRow], person_ids: set[str], run_id: str) -> pd.DataFrame:
    people: dict[str, dict] = {}
    for row in manifest.values():
        if row.person_id in person_ids:
            people[row.person_id] = dict(person_id=row.person_id, person_name=row.person_name,
                                         unit=row.unit, run_id=run_id)
    for pid in person_ids - people.keys():
        people[pid] = dict(person_id=pid, person_name=None, unit=None, run_id=run_id)
    return pd.DataFrame(list(people.values()))


def claim_frames(results: list[ClaimResult], run_id: str, policy_id: str | None = None) -> dict[str, pd.DataFrame]:
    claims, proposals, flags = [], [], []
    for res in results:
        ctx = res.ctx
        key = dict(claim_id=ctx.claim_id, person_id=ctx.person_id)
        claims.append(dict(**key, year=ctx.year, category=res.category.category,
                           category_confidence=round(res.category.confidence, 4),
                           category_reason=res.category.reason, person_name=ctx.person_name,
                           unit=ctx.unit, declared_category=ctx.declared_category,
                           declared_hours=ctx.declared_hours, documents=len(ctx.documents),
                           run_id=run_id))
        p = res.proposal
        proposals.append(dict(**key, year=ctx.year, category=res.category.category, hours=p.hours,
                              rule_id=p.rule_id, assumed=p.assumed, explanation=p.explanation,
                              run_id=run_id, policy_id=policy_id))
        for f in res.flags:
            flags.append(dict(**key, doc_id=f.doc_id, code=f.code.value, severity=f.severity.value,
                              message=f.message, run_id=run_id))
    return {
        "claims": pd.DataFrame(claims),
        "hour_proposals": pd.DataFrame(proposals).astype({"hours": "float64"}) if proposals else pd.DataFrame(),
        "flags": pd.DataFrame(flags),
    }


def run_row(run_id: str, started: datetime, root: str, year: int, engine: str, counts: dict,
            status: str, versions: dict) -> dict:
    finished = datetime.now()
    return dict(run_id=run_id, started_at=started, finished_at=finished, root=root, year=year,
                ocr_engine=engine, seconds=(finished - started).total_seconds(), status=status,
                versions=json.dumps(versions), **counts)


def build_batch(found: Intake, selection: Selection, records: list[DocRecord], failed: list[Rejected],
                texts: TextResults, results: list[ClaimResult], run_id: str, engine: str,
                started: datetime, year: int, policy=None, phashes: dict | None = None,
                registers=None) -> Batch:
    """Everything this run lands, one DataFrame per table, plus its `runs` row."""
    quarantined = selection.rejected + failed
    frames = {
        "persons": persons_frame(found.manifest, {r.cand.person_id for r in records}, run_id),
        "documents": documents_frame(records, run_id, phashes),
        "document_pages": pages_frame(records),
        "fields": fields_frame(records, run_id, results),
        "text_cache": text_cache_frame(texts.texts, texts.fresh, cache_key(engine)),
        "quarantine": quarantine_frame(quarantined, run_id),
        **claim_frames(results, run_id, policy.id if policy else None),
        "policies": pd.DataFrame([policy.row()]) if policy else pd.DataFrame(),
        "plan_filings": pd.concat([f for f in (rows_from_documents([r.ctx for r in results], run_id),
                                               registers.plans if registers else None)
                                   if f is not None and not f.empty] or [pd.DataFrame()], ignore_index=True),
        "public_hours": registers.public_hours if registers else pd.DataFrame(),
    }
    counts = dict(files_seen=len(found.candidates) + len(found.rejected), files_new=len(selection.new),
                  documents_added=len(records), texts_read=len(texts.fresh),
                  texts_cached=len(texts.texts) - len(texts.fresh), quarantined=len(quarantined),
                  claims_updated=len(results))
    frames["runs"] = pd.DataFrame([run_row(run_id, started, str(found.root), year, engine, counts,
                                           "landed", versions())])
    return Batch(frames=frames, touched=[(r.ctx.person_id, r.ctx.claim_id) for r in results])
