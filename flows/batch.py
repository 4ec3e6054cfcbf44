"""The batch flow: a table of contents over the stage functions in pipeline/.

discover → fingerprint → text → classify → extract → propose → validate → land

Runs ephemeral (no Prefect server) by default, or against a server when PREFECT_API_URL is
set. A file that fails any per-file stage is quarantined with its reason; the batch lands.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from pipeline import assemble, claims, duplicates, intake, plans, store, understand
from pipeline.intake import Rejected
from pipeline.policy import load_policy
from pipeline.select import select_new, versions
from pipeline.settings import Settings
from pipeline.summary import summarize
from pipeline.text import cache_key
from pipeline.transcribe import transcribe

stage = task(cache_policy=NO_CACHE, persist_result=False)


@stage
def discover(root: Path, settings: Settings) -> intake.Intake:
    return intake.discover(root, settings)


@stage
def fingerprint(found: intake.Intake) -> intake.Intake:
    return intake.fingerprint(found)


@stage
def text(selection, known: store.Known, settings: Settings, progress: bool):
    jobs = {c.sha256: c.path for c in selection.new}
    results = transcribe(jobs, known.cached_texts, settings.ocr_engine, settings.workers, progress)
    records, failed = [], []
    for cand in selection.new:
        if cand.sha256 in results.texts:
            records.append(understand.DocRecord(cand=cand, text=results.texts[cand.sha256]))
        else:
            failed.append(Rejected(rel=cand.rel, reason=results.failures[cand.sha256],
                                   person_id=cand.person_id, claim_id=cand.claim_id,
                                   sha256=cand.sha256, size=cand.size))
    return records, failed, results


@stage
def classify(records):
    return understand.classify_documents(records)


@stage
def extract(records):
    return understand.extract_fields(records)


@stage
def classify_claims(records, found: intake.Intake, db: Path, year: int):
    keys = sorted({(r.cand.person_id, r.cand.claim_id) for r in records})
    landed = store.load_claim_documents(db, keys)
    landed_fields = store.load_fields(db, list(landed["doc_id"]) if not landed.empty else [])
    contexts = claims.build_contexts(records, landed, landed_fields, found.manifest, year)
    return claims.classify_claims(contexts)


@stage
def image_hashes(records):
    return duplicates.hash_records(records)


@stage
def propose(results, policy, db: Path, registers: plans.Registers):
    # Plans filed in earlier runs count too (a plan_filing uploaded with another claim, a
    # CSV register), and the register in this folder.
    filed = claims.landed_plans(db) + plans.plans_from_rows(registers.plans)
    return claims.propose_hours(results, policy, plans=filed)


@stage
def validate(results, policy, records, phashes, db: Path):
    index = duplicates.build_index([r.ctx for r in results], records, phashes, store.load_evidence(db))
    return claims.validate(results, policy, index)


@stage
def land(db: Path, batch: store.Batch) -> None:
    store.land(db, batch)


@flow(name="cehours-batch")
def batch_flow(root: str, year: int, db: str, ocr_engine: str | None = None,
               policy_path: str | None = None, workers: int | None = None,
               progress: bool = True) -> dict:
    settings = Settings.from_env(ocr_engine=ocr_engine, workers=workers)
    root_p, db_p = Path(root), Path(db)
    run_id, started = uuid.uuid4().hex[:12], datetime.now()
    try:
        policy = load_policy(policy_path)
        found = fingerprint(discover(root_p, settings))
        known = store.read_known(db_p, cache_key(settings.ocr_engine), [c.sha256 for c in found.candidates])
        selection = select_new(found, known)
        records, failed, texts = text(selection, known, settings, progress)
        records = extract(classify(records))
        phashes = image_hashes(records)
        registers = plans.read_registers(root_p, run_id)
        results = propose(classify_claims(records, found, db_p, year), policy, db_p, registers)
        results = validate(results, policy, records, phashes, db_p)
        batch = assemble.build_batch(found, selection, records, failed, texts, results, run_id,
                                     settings.ocr_engine, started, year, policy=policy, phashes=phashes,
                                     registers=registers)
        land(db_p, batch)
    except Exception:
        store.record_failed_run(db_p, assemble.run_row(run_id, started, str(root_p), year, settings.ocr_engine,
                                                        {}, "failed", versions()))
        raise
    return summarize(db_p, run_id)
