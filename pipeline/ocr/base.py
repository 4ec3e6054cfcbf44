"""The OCR engine interface every backend implements, and helpers shared by backends.

Rules for an engine:

- ``recognize(image)`` takes a numpy ``uint8`` array of shape ``(H, W, 3)`` in **RGB** order
  (backends that want BGR convert themselves) and returns one ``schemas.document.Line`` per
  detected text line, in reading order (top to bottom, then left to right, judged along the
  text's own slope so a tilted photo keeps its line order).
- Boxes are axis-aligned, in the input image's pixel coordinates (origin top-left), clipped to
  the image. Confidence is the recogniser's score in 0–1.
- Line text is passed through ``pipeline.normalize.normalize_text`` (simplified Chinese,
  half-width digits) and stripped; empty lines are dropped.
- An engine never rotates the page: orientation is the reader's job (pipeline.readers.orient).
- An engine never touches the network and never downloads models: model files ship inside
  installed packages. Heavy imports happen in the backend's constructor, not at import time.
- Optional: ``recognize_crop(crop) -> (text, score)`` reads one line crop as it is, and
  ``recognize_crop_aligned(crop) -> [(character, time step)]`` says where along the
  crop each character was read; the readers use them when an engine has them (re-reads of
  date and ID lines, the seal-date vote, numerals a seal hid: pipeline.readers.dategap).
- Inference runs single-threaded (intra-op threads = 1): the pipeline parallelises across
  processes instead. An engine instance is not shared between processes.
"""

from __future__ import annotations

from typing import Iterable, Protocol, runtime_checkable

import numpy as np

from pipeline.normalize import normalize_text
from schemas.document import BBox, Line


@runtime_checkable
class OcrEngine(Protocol):
    kind: str
    version: str

    def recognize(self, image: np.ndarray) -> list[Line]:
        """Read the text lines of an RGB image (see module docstring for the rules)."""
        ...


def check_image(image: np.ndarray) -> np.ndarray:
    """Validate an engine input: uint8 (H, W, 3), contiguous. Grey images are expanded to RGB."""
    if image.ndim == 2:
        image = np.repeat(image[:, :, None], 3, axis=2)
    if image.ndim != 3 or image.shape[2] != 3:
        raise ValueError(f"expected an RGB image (H, W, 3), got shape {image.shape}")
    if image.dtype != np.uint8:
        image = image.astype(np.uint8)
    return np.ascontiguousarray(image)


def lines_from_polys(
    polys: Iterable, texts: Iterable[str], scores: Iterable[float], width: int, height: int
) -> list[Line]:
    """Build `Line`s in reading order from quadrilaterals (4×2 points: top-left, top-right,
    bottom-right, bottom-left) as PP-OCR detectors return them."""
    items: list[tuple[Line, np.ndarray]] = []
    for poly, text, score in zip(polys, texts, scores):
        text = normalize_text(str(text)).strip()
        if not text:
            continue
        pts = np.asarray(poly, dtype=float).reshape(-1, 2)
        box = BBox(
            x0=float(np.clip(pts[:, 0].min(), 0, width)),
            y0=float(np.clip(pts[:, 1].min(), 0, height)),
            x1=float(np.clip(pts[:, 0].max(), 0, width)),
            y1=float(np.clip(pts[:, 1].max(), 0, height)),
        )
        items.append((Line(text=text, bbox=box, confidence=float(np.clip(score, 0.0, 1.0))), pts))
    if not items:
        return []
    # On a tilted photo, axis-aligned centres put a long line above a short one it follows;
    # sort in the frame of the text's median slope instead.
    slopes = [
        np.arctan2(p[1, 1] - p[0, 1], p[1, 0] - p[0, 0])
        for _, p in items
        if len(p) == 4 and p[1, 0] - p[0, 0] > abs(p[3, 1] - p[0, 1])  # wider than tall
    ]
    theta = float(np.median(slopes)) if slopes else 0.0
    c, s = np.cos(-theta), np.sin(-theta)
    keyed = []
    for line, pts in items:
        cx, cy = pts.mean(axis=0)
        h = float(np.linalg.norm(pts[3] - pts[0])) if len(pts) == 4 else line.bbox.y1 - line.bbox.y0
        keyed.append((line, cx * c - cy * s, cx * s + cy * c, max(h, 1.0)))
    return _order(keyed)


def sort_reading_order(lines: list[Line]) -> list[Line]:
    """Sort axis-aligned lines top-to-bottom, then left-to-right within a row."""
    return _order([
        (l, (l.bbox.x0 + l.bbox.x1) / 2, (l.bbox.y0 + l.bbox.y1) / 2, max(l.bbox.y1 - l.bbox.y0, 1.0))
        for l in lines
    ])


def _order(keyed: list[tuple[Line, float, float, float]]) -> list[Line]:
    """Rows: lines whose centres (x, y) lie within half a line height (h) vertically."""
    if not keyed:
        return []
    keyed = sorted(keyed, key=lambda k: k[2])
    rows: list[list[tuple[Line, float, float, float]]] = [[keyed[0]]]
    for k in keyed[1:]:
        ref = rows[-1][0]
        if abs(k[2] - ref[2]) < ref[3] / 2:
            rows[-1].append(k)
        else:
            rows.append([k])
    return [k[0] for row in rows for k in sorted(row, key=lambda k: k[1])]
