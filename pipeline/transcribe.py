"""The text stage for a batch: cached text where the bytes were read before, otherwise
read/OCR in a pool of worker processes (one OCR engine per process, both cores busy), with
a progress bar of files done / total and rate. A file that cannot be read becomes a reason
string, never an exception.
"""

from __future__ import annotations

import os
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from schemas.document import DocumentText


@dataclass
class TextResults:
    texts: dict[str, DocumentText] = field(default_factory=dict)  # sha256 -> text
    failures: dict[str, str] = field(default_factory=dict)  # sha256 -> reason
    fresh: set[str] = field(default_factory=set)  # sha256s read in this run (to cache)


def _limit_threads() -> None:
    # One engine per process; intra-op threads would only fight over the two cores.
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "FLAGS_num_threads"):
        os.environ.setdefault(var, "1")


def read_one(path: str, engine_kind: str) -> tuple[str | None, str | None]:
    """Worker entry: (DocumentText JSON, None) or (None, reason)."""
    from pipeline.readers.errors import UnreadableFile
    from pipeline.text import read_document

    try:
        return read_document(Path(path), engine_kind).model_dump_json(), None
    except UnreadableFile as exc:
        return None, exc.reason
    except Exception as exc:  # a reader bug must cost one file, not the batch
        return None, f"failed to read: {type(exc).__name__}: {str(exc)[:200]}"


def transcribe(jobs: dict[str, Path], cached: dict[str, str], engine_kind: str, workers: int,
               show_progress: bool = True) -> TextResults:
    """Text for every sha256 in `jobs` (sha256 -> one path holding those bytes)."""
    results = TextResults()
    todo: dict[str, Path] = {}
    for sha, path in jobs.items():
        if sha in cached:
            results.texts[sha] = DocumentText.model_validate_json(cached[sha])
        else:
            todo[sha] = path
    bar = tqdm(total=len(jobs), initial=len(jobs) - len(todo), unit="file", desc="text",
               disable=not show_progress, file=sys.stderr, dynamic_ncols=True)
    try:
        for sha, (text_json, reason) in _run(todo, engine_kind, workers, bar):
            if text_json is not None:
                results.texts[sha] = DocumentText.model_validate_json(text_json)
                results.fresh.add(sha)
            else:
                results.failures[sha] = reason or "unreadable"
    finally:
        bar.close()
    return results


def _run(todo: dict[str, Path], engine_kind: str, workers: int, bar):
    if workers <= 1 or len(todo) <= 1:
        for sha, path in todo.items():
            yield sha, read_one(str(path), engine_kind)
            bar.update(1)
        return
    _limit_threads()
    import multiprocessing as mp

    ctx = mp.get_context("spawn")  # fork after loading onnxruntime/paddle is unsafe
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_limit_threads) as pool:
        futures = {pool.submit(read_one, str(path), engine_kind): sha for sha, path in todo.items()}
        for future in as_completed(futures):
            sha = futures[future]
            try:
                yield sha, future.result()
            except Exception as exc:  # worker died (e.g. out of memory)
                yield sha, (None, f"reader process failed: {type(exc).__name__}: {exc}")
            bar.update(1)
