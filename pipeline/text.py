"""Any evidence file → `DocumentText`: sniff the type, dispatch to a reader, OCR when needed.

    doc = read_document(Path("证书.jpg"))              # raises UnreadableFile(reason)
    results = ocr_pool_map(paths, "rapid", workers=2)  # never raises for a bad file

Safe in worker processes: OCR engines are built lazily, once per process (pipeline.ocr).
"""

from __future__ import annotations

import os
import time
from collections import deque
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Callable, Iterable

from pipeline.ocr import DEFAULT_ENGINE, ENGINES, get_engine
from pipeline.readers.docxfile import read_docx
from pipeline.readers.errors import UnreadableFile
from pipeline.readers.image import read_image
from pipeline.readers.pdf import read_pdf
from pipeline.readers.sniff import sniff_type
from schemas.document import DocumentText

# Bump when a reader's output changes (OCR pre-processing, seal detection, line building):
# cached texts made by an older reader are then read again instead of reused.
READER_VERSION = "26"


def cache_key(engine_kind: str) -> str:
    """The `text_cache.engine` key: which engine, and which reader version, made the text."""
    return f"{engine_kind}@r{READER_VERSION}"


IMAGE_KINDS = {"jpeg", "png", "tiff", "webp", "bmp", "gif"}
_LOOKS_LIKE = {
    "text": "plain text",
    "zip": "a zip archive",
    "ole": "a legacy Office file (.doc/.xls); save it as DOCX or PDF",
    "rar": "a RAR archive",
    "7z": "a 7z archive",
    "gzip": "a gzip archive",
    "unknown": "unrecognised binary data",
}
_CLAIMED = {
    ".pdf": "a PDF", ".jpg": "a JPEG image", ".jpeg": "a JPEG image", ".png": "a PNG image",
    ".tif": "a TIFF image", ".tiff": "a TIFF image", ".docx": "a DOCX document",
}


def unsupported_reason(path: Path, kind: str) -> str:
    """Quarantine reason for a file of an unsupported sniffed `kind`."""
    looks = _LOOKS_LIKE.get(kind, kind)
    claimed = _CLAIMED.get(path.suffix.lower())
    if claimed:
        return f"not {claimed}: looks like {looks} (文件类型不符)"
    return f"unsupported file type: {looks} (不支持的文件类型)"


def read_document(path: Path | str, engine_kind: str = DEFAULT_ENGINE) -> DocumentText:
    """Read one evidence file. Raises UnreadableFile for anything that is not a readable
    PDF, image or DOCX. The OCR engine is built only when a page needs OCR, so files are
    validated before any model is loaded."""
    if engine_kind not in ENGINES:
        raise KeyError(f"unknown OCR engine {engine_kind!r}; known: {', '.join(ENGINES)}")
    path = Path(path)
    if not path.is_file():
        raise UnreadableFile("not a regular file (文件不存在)")
    if path.stat().st_size == 0:
        raise UnreadableFile("empty file: 0 bytes (空文件)")
    kind = sniff_type(path)
    if kind == "pdf":
        return read_pdf(path, lambda: get_engine(engine_kind))
    if kind in IMAGE_KINDS:
        return read_image(path, lambda: get_engine(engine_kind))
    if kind == "docx":
        return read_docx(path, lambda: get_engine(engine_kind))
    raise UnreadableFile(unsupported_reason(path, kind))


@dataclass
class ReadResult:
    """Outcome of reading one file: a document, or the reason it is unreadable."""

    path: str
    document: DocumentText | None = None
    reason: str | None = None  # UnreadableFile.reason, or "reader error: …" for a crash/bug
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.document is not None


def read_one(path: str, engine_kind: str = DEFAULT_ENGINE) -> ReadResult:
    """read_document that returns a ReadResult instead of raising (for pools and batch loops)."""
    t = time.perf_counter()
    try:
        doc = read_document(path, engine_kind)
        return ReadResult(path, doc, None, time.perf_counter() - t)
    except UnreadableFile as e:
        return ReadResult(path, None, e.reason, time.perf_counter() - t)
    except Exception as e:  # a reader bug must not take the batch down; keep it visible
        return ReadResult(path, None, f"reader error: {type(e).__name__}: {e}"[:300], time.perf_counter() - t)


def _init_worker(engine_kind: str) -> None:
    # One thread per worker: parallelism comes from the pool (see pipeline.ocr.base).
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    try:
        import cv2

        cv2.setNumThreads(1)
    except ImportError:
        pass
    get_engine(engine_kind)  # pay start-up once, before the first file


def _ping() -> bool:
    return True


def _pool(engine_kind: str, workers: int) -> ProcessPoolExecutor:
    ctx = get_context("spawn")  # fork is unsafe with onnxruntime/paddle threads already running
    return ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker, initargs=(engine_kind,))


def _healthy(engine_kind: str) -> bool:
    """Can a worker start and build its engine at all?"""
    try:
        with _pool(engine_kind, 1) as ex:
            return ex.submit(_ping).result()
    except BrokenProcessPool:
        return False


def _run_window(paths: list[str], queue: deque[int], engine_kind: str, workers: int,
                results: dict[int, ReadResult], on_done: Callable[[ReadResult], None] | None = None) -> list[int]:
    """Run queued files with at most `workers` in flight; on a worker death return the files
    that were in flight (the suspects) and leave the rest queued."""
    with _pool(engine_kind, workers) as ex:
        inflight: dict = {}
        while queue or inflight:
            while queue and len(inflight) < workers:
                i = queue.popleft()
                inflight[ex.submit(read_one, paths[i], engine_kind)] = i
            done, _ = wait(inflight, return_when=FIRST_COMPLETED)
            for fut in done:
                i = inflight.pop(fut)
                try:
                    results[i] = fut.result()
                except BrokenProcessPool:
                    return [i, *inflight.values()]
                if on_done:
                    on_done(results[i])
    return []


def ocr_pool_map(paths: Iterable[Path | str], engine_kind: str = DEFAULT_ENGINE, workers: int = 2,
                 on_done: Callable[[ReadResult], None] | None = None) -> list[ReadResult]:
    """Read many files in `workers` spawned processes (one engine each); results in input order.

    Never raises for a bad file. Only `workers` files are in flight at a time, so when a worker
    dies (a native crash, out of memory) just those are suspects: each is retried alone, and
    one that kills its own worker is reported as "reader error: worker process crashed on this
    file"; the queue goes on in a fresh pool. If a worker cannot even start, the environment is
    broken: RuntimeError. workers <= 1 reads inline, in this process. `on_done` is called
    with each result as it arrives (a progress bar).
    """
    if engine_kind not in ENGINES:
        raise KeyError(f"unknown OCR engine {engine_kind!r}; known: {', '.join(ENGINES)}")
    paths = [str(p) for p in paths]
    if workers <= 1 or len(paths) <= 1:
        out = []
        for p in paths:
            out.append(read_one(p, engine_kind))
            if on_done:
                on_done(out[-1])
        return out
    results: dict[int, ReadResult] = {}
    queue = deque(range(len(paths)))
    suspects: list[int] = []
    checked = False
    while queue:
        suspects += _run_window(paths, queue, engine_kind, min(workers, len(queue)), results, on_done)
        if suspects and not checked:
            checked = True
            if not _healthy(engine_kind):
                raise RuntimeError("OCR worker processes cannot start; check the environment")
    for i in suspects:
        alone: dict[int, ReadResult] = {}
        if _run_window(paths, deque([i]), engine_kind, 1, alone):
            alone[i] = ReadResult(paths[i], None, "reader error: worker process crashed on this file")
        results.update(alone)
        if on_done:
            on_done(alone[i])
    return [results[i] for i in range(len(paths))]
