"""OCR one page image into a `Page`: seals, seal clean-up, orientation, text lines."""

from __future__ import annotations

import numpy as np

from pipeline.ocr.base import OcrEngine, check_image
from pipeline.readers.orient import read_upright, rotate_box
from pipeline.readers.seals import find_seals
from schemas.document import BBox, Page


def soften_seals(image: np.ndarray, seals: list[BBox]) -> np.ndarray:
    """Return a copy of `image` where each seal box shows only its red channel as grey.

    Red ink is bright in the red channel while black text stays dark, so text stamped over
    by a seal reads cleanly (e.g. "河南省继续医学教育委员会" instead of "河南省迷续医").
    Only seal boxes are touched: red title text elsewhere must stay legible.
    """
    if not seals:
        return image
    out = image.copy()
    h, w = image.shape[:2]
    for b in seals:
        x0, y0 = max(0, int(b.x0)), max(0, int(b.y0))
        x1, y1 = min(w, int(np.ceil(b.x1)) + 1), min(h, int(np.ceil(b.y1)) + 1)
        out[y0:y1, x0:x1] = out[y0:y1, x0:x1, :1]
    return out


def ocr_page(image: np.ndarray, engine: OcrEngine, number: int) -> Page:
    """Read an RGB page image: detect seals, OCR upright, report everything in the upright
    image's pixel space (Page.width/height are the upright image's size)."""
    image = check_image(image)
    h, w = image.shape[:2]
    seals = find_seals(image)
    reading = read_upright(soften_seals(image, seals), engine)
    rot = reading.rotation
    width, height = (h, w) if rot in (90, 270) else (w, h)
    return Page(
        number=number,
        width=float(width),
        height=float(height),
        lines=reading.lines,
        rotation=rot,
        seals=[rotate_box(b, rot, w, h) for b in seals],
    )
