"""The OCR engine registry: the one place that maps an engine kind to its backend.

    from pipeline.ocr import get_engine
    lines = get_engine("rapid").recognize(rgb_array)

Backends are imported lazily by their factory, so importing this package is cheap and a
machine without paddle can still use `rapid` or `null`. Engines are cached per process.
"""

from __future__ import annotations

from typing import Callable

from pipeline.ocr.base import OcrEngine


def _rapid() -> OcrEngine:
    from pipeline.ocr.rapid import RapidEngine

    return RapidEngine()


def _paddle() -> OcrEngine:
    from pipeline.ocr.paddle import PaddleEngine

    return PaddleEngine()


def _null() -> OcrEngine:
    from pipeline.ocr.null import NullEngine

    return NullEngine()


ENGINES: dict[str, Callable[[], OcrEngine]] = {
    "rapid": _rapid,
    "paddle": _paddle,
    "null": _null,
}
DEFAULT_ENGINE = "rapid"

_cache: dict[str, OcrEngine] = {}


def get_engine(kind: str = DEFAULT_ENGINE) -> OcrEngine:
    """Return this process's engine of `kind`, building it on first use (KeyError if unknown)."""
    if kind not in ENGINES:
        raise KeyError(f"unknown OCR engine {kind!r}; known: {', '.join(ENGINES)}")
    engine = _cache.get(kind)
    if engine is None:
        engine = _cache[kind] = ENGINES[kind]()
    return engine


__all__ = ["ENGINES", "DEFAULT_ENGINE", "OcrEngine", "get_engine"]
