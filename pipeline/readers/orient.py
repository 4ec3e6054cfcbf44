"""Page orientation: find the quarter turn that makes a page image upright, using the OCR itself.

The upright case costs one OCR pass. Only when that pass looks wrong do we try other turns:
- most text (by characters) sits in tall, narrow boxes → the page is sideways: try 270 and 90;
- the text is short-boxed but the recogniser is unsure → maybe upside down: try 180.
Each try is scored by Σ confidence × characters, discounted by the share of characters in tall
boxes; a turn replaces the upright reading only if it scores clearly better.

Rotation values are clockwise degrees applied to the image (0, 90, 180, 270).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pipeline.ocr.base import OcrEngine
from schemas.document import BBox, Line

TALL_RATIO = 1.5  # a box this much taller than wide holds a vertical (sideways) line
SIDEWAYS_SHARE = 0.4
GOOD_CONFIDENCE = 0.85
MARGIN = 1.1


@dataclass
class Reading:
    rotation: int
    lines: list[Line]
    chars: int
    tall_share: float
    confidence: float  # mean, weighted by characters
    score: float


def rotate_image(image: np.ndarray, rotation: int) -> np.ndarray:
    """Turn an (H, W, C) array clockwise by `rotation` degrees (a multiple of 90)."""
    k = (rotation // 90) % 4
    return np.ascontiguousarray(np.rot90(image, k=-k)) if k else image


def rotate_box(box: BBox, rotation: int, width: float, height: float) -> BBox:
    """Map a box on a `width`×`height` image to the same image turned clockwise by `rotation`."""
    r = rotation % 360
    if r == 90:
        return BBox(x0=height - box.y1, y0=box.x0, x1=height - box.y0, y1=box.x1)
    if r == 180:
        return BBox(x0=width - box.x1, y0=height - box.y1, x1=width - box.x0, y1=height - box.y0)
    if r == 270:
        return BBox(x0=box.y0, y0=width - box.x1, x1=box.y1, y1=width - box.x0)
    return box


def assess(rotation: int, lines: list[Line]) -> Reading:
    """Score one OCR reading of a page turned by `rotation`."""
    chars = sum(len(l.text) for l in lines)
    if not chars:
        return Reading(rotation, lines, 0, 0.0, 0.0, 0.0)
    tall = sum(
        len(l.text)
        for l in lines
        if len(l.text) > 1 and (l.bbox.y1 - l.bbox.y0) > TALL_RATIO * (l.bbox.x1 - l.bbox.x0)
    )
    weighted = sum(l.confidence * len(l.text) for l in lines)
    share = tall / chars
    return Reading(rotation, lines, chars, share, weighted / chars, weighted * (1.0 - share))


def looks_upright(r: Reading) -> bool:
    """True when a reading needs no other orientation tried."""
    return r.chars > 0 and r.tall_share < SIDEWAYS_SHARE and r.confidence >= GOOD_CONFIDENCE


def has_ink(image: np.ndarray) -> bool:
    """Cheap test for 'something is printed here': share of pixels clearly darker than paper."""
    step = max(1, max(image.shape[:2]) // 500)
    grey = image[::step, ::step].mean(axis=2)
    paper = np.percentile(grey, 90)
    return float((grey < paper - 60).mean()) > 0.003


def _candidates(upright: Reading, image: np.ndarray) -> list[int]:
    if upright.chars == 0:
        # Recognisers drop low-score lines, so an upside-down or sideways page can read as
        # nothing at all; only a blank page should stop here.
        return [180, 90, 270] if has_ink(image) else []
    if upright.tall_share >= SIDEWAYS_SHARE:
        # PP-OCR style pipelines turn tall crops a quarter turn counter-clockwise before
        # recognition, so a confident sideways reading means the page needs 270; an unsure
        # one, 90. Both are tried anyway when the first does not look upright.
        return [270, 90] if upright.confidence >= 0.8 else [90, 270]
    return [180]


def read_upright(image: np.ndarray, engine: OcrEngine) -> Reading:
    """OCR `image` in the orientation that reads best; returns that reading and its rotation."""
    best = assess(0, engine.recognize(image))
    if looks_upright(best):
        return best
    candidates = _candidates(best, image)
    upright = best
    for rot in candidates:
        r = assess(rot, engine.recognize(rotate_image(image, rot)))
        if r.score > best.score:
            best = r
        if looks_upright(r):
            break
    return best if best.score > upright.score * MARGIN else upright
