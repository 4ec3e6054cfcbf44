"""Red official seal (公章) detection with OpenCV.

A seal is a red ring (round or oval) with a star and arced text inside, often stamped over
black text. Red-head documents (红头文件) also carry large red title text and red rules, which
must not count. The test is geometric, on a red mask:

1. red pixels in HSV (hue near 0/180, saturated, not dark);
2. a closing joins the ring's pieces (black text crossing it leaves gaps);
3. each blob must be sizable, roughly round (aspect 0.6–1.67, convex hull filling ~π/4 of its
   box like an ellipse does), red all the way round its rim (ring coverage), and mostly
   hollow inside — a red title line fails the aspect test, a red character fails ring
   coverage, a solid red patch fails hollowness.
"""

from __future__ import annotations

import numpy as np

from schemas.document import BBox

WORK_SIDE = 1000  # detect on a copy whose longer side is at most this (speed; seals are big)
_ANGLES = 72


def red_mask(image_rgb: np.ndarray) -> np.ndarray:
    """uint8 mask (0/255) of seal-red pixels in an RGB image."""
    import cv2

    hsv = cv2.cvtColor(image_rgb, cv2.COLOR_RGB2HSV)
    lo = cv2.inRange(hsv, (0, 70, 60), (10, 255, 255))
    hi = cv2.inRange(hsv, (160, 70, 60), (179, 255, 255))
    return cv2.bitwise_or(lo, hi)


def find_seals(image_rgb: np.ndarray) -> list[BBox]:
    """Boxes of red seals in `image_rgb` (H, W, 3 uint8), in that image's pixel coordinates."""
    import cv2

    h, w = image_rgb.shape[:2]
    f = min(1.0, WORK_SIDE / max(h, w))
    small = cv2.resize(image_rgb, (max(1, round(w * f)), max(1, round(h * f))), interpolation=cv2.INTER_AREA) if f < 1 else image_rgb
    mask = red_mask(small)
    if cv2.countNonZero(mask) < 50:
        return []
    sh, sw = mask.shape
    k = max(3, round(min(sh, sw) * 0.012)) | 1
    closed = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k)))
    contours, _ = cv2.findContours(closed, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    out: list[BBox] = []
    for c in contours:
        x, y, bw, bh = cv2.boundingRect(c)
        if _is_seal(mask, x, y, bw, bh, c, min(sh, sw)):
            out.append(BBox(x0=x / f, y0=y / f, x1=(x + bw) / f, y1=(y + bh) / f))
    return sorted(out, key=lambda b: (b.y0, b.x0))


def _is_seal(mask: np.ndarray, x: int, y: int, bw: int, bh: int, contour, min_side: int) -> bool:
    import cv2

    d = max(bw, bh)
    if d < max(24, 0.05 * min_side) or d > 0.8 * min_side:
        return False
    if not 0.6 <= bw / bh <= 1.67:
        return False
    hull_fill = cv2.contourArea(cv2.convexHull(contour)) / float(bw * bh)
    if not 0.6 <= hull_fill <= 0.9:  # an ellipse fills π/4 ≈ 0.785 of its box
        return False
    cx, cy, ax, ay = x + bw / 2, y + bh / 2, bw / 2, bh / 2
    if _ring_coverage(mask, cx, cy, ax, ay) < 0.7:
        return False
    inside = np.zeros_like(mask)
    cv2.ellipse(inside, (round(cx), round(cy)), (max(1, round(ax * 0.8)), max(1, round(ay * 0.8))), 0, 0, 360, 255, -1)
    area = cv2.countNonZero(inside)
    fill = cv2.countNonZero(cv2.bitwise_and(mask, inside)) / max(area, 1)
    return fill <= 0.6


def _ring_coverage(mask: np.ndarray, cx: float, cy: float, ax: float, ay: float) -> float:
    """Fraction of directions from the centre that meet red between 78% and 102% of the radius."""
    h, w = mask.shape
    t = np.linspace(0, 2 * np.pi, _ANGLES, endpoint=False)[:, None]
    r = np.linspace(0.78, 1.02, 10)[None, :]
    xs = np.clip(np.round(cx + ax * r * np.cos(t)).astype(int), 0, w - 1)
    ys = np.clip(np.round(cy + ay * r * np.sin(t)).astype(int), 0, h - 1)
    hit = mask[ys, xs] > 0
    return float(hit.any(axis=1).mean())
