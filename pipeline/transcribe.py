"""The text stage for a batch: cached text where the same bytes were read before, otherwise
read/OCR in worker processes (pipeline.text.ocr_pool_map: one engine per process, both cores
busy), with a progress bar of files done / total and rate. A file that cannot be read becomes
a reason string, never an exception.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from pipeline.text import ocr_pool_map
from schemas.document import DocumentText


@dataclass
class TextResults:
    texts: dict[str, DocumentText] = field(default_factory=dict)  # sha256 -> text
    failures: dict[str, str] = field(default_factory=dict)  # sha256 -> reason
    fresh: set[str] = field(default_factory=set)  # sha256s read in this run (to cache)


def transcribe(jobs: dict[str, Path], cached: dict[str, str], engine_kind: str, workers: int,
               show_progress: bool = True) -> TextResults:
    """Text for every sha256 in `jobs` (sha256 -> one path holding those bytes)."""
    results = TextResults()
    for sha in jobs.keys() & cached.keys():
        results.texts[sha] = DocumentText.model_validate_json(cached[sha])
    todo = [(sha, path) for sha, path in jobs.items() if sha not in cached]
    bar = tqdm(total=len(jobs), initial=len(jobs) - len(todo), unit="file", desc="text",
               disable=not show_progress, file=sys.stderr, dynamic_ncols=True)
    try:
        read = ocr_pool_map([path for _, path in todo], engine_kind, workers, on_done=lambda _: bar.update(1))
    finally:
        bar.close()
    for (sha, _), res in zip(todo, read):
        if res.document is not None:
            results.texts[sha] = res.document
            results.fresh.add(sha)
        else:
            results.failures[sha] = res.reason or "unreadable"
    return results
