"""Phone photos of a sheet: find the paper, flatten it to a rectangle, bring small text up to size.

A phone photo shows the sheet lying on a desk: a bright quadrilateral, a little rotated and
keystoned, covering part of the frame, with text often only ~10 px high (chat apps shrink and
palette-reduce pictures). The OCR detector reads such text poorly. `prepare_photo` finds the
sheet (the largest bright, paper-coloured region whose outline is close to a quadrilateral;
failing that, on a desk as pale as the paper, the quadrilateral outline of the edge map with
paper inside and desk outside),
warps it to an upright rectangle at a scale where text lines are big enough, and returns the
transform so line boxes can be mapped back onto the original picture (the review app draws
them there).

Nothing happens (identity) when no clear sheet is found: a scan, a screenshot, a photo whose
sheet fills the frame or runs off it, a cluttered scene.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from schemas.document import BBox

WORK = 640  # sheet search runs on a copy whose long side is this
MIN_AREA = 0.25  # the sheet covers at least this share of the frame...
MAX_AREA = 0.92  # ...and leaves some background visible (else nothing to gain)
MARGIN = 0.04  # share of the sheet's long side kept around it
TARGET_LONG = 0  # rectified sheet's long side; 0 keeps the photographed size (see prepare_photo)


@dataclass
class Prepared:
    image: np.ndarray  # what the OCR reads
    matrix: np.ndarray | None  # 3×3 homography original → prepared (None: identity)
    quad: np.ndarray | None  # sheet corners in the original (tl, tr, br, bl)

    def box_to_original(self, box: BBox, width: float, height: float) -> BBox:
        """Map a box on the prepared image back to the original: the bounding rectangle of the
        box's corners sent through the inverse transform, clipped to the original."""
        if self.matrix is None:
            return box
        return map_box(box, np.linalg.inv(self.matrix), width, height)


def map_box(box: BBox, inv: np.ndarray, width: float, height: float) -> BBox:
    pts = np.array([[box.x0, box.y0, 1], [box.x1, box.y0, 1], [box.x1, box.y1, 1], [box.x0, box.y1, 1]], float)
    q = pts @ inv.T
    q = q[:, :2] / q[:, 2:3]
    return BBox(
        x0=float(np.clip(q[:, 0].min(), 0, width)),
        y0=float(np.clip(q[:, 1].min(), 0, height)),
        x1=float(np.clip(q[:, 0].max(), 0, width)),
        y1=float(np.clip(q[:, 1].max(), 0, height)),
    )


def order_corners(pts: np.ndarray) -> np.ndarray:
    """4×2 points → top-left, top-right, bottom-right, bottom-left."""
    pts = np.asarray(pts, dtype=np.float32).reshape(4, 2)
    c = pts.mean(axis=0)
    ang = np.arctan2(pts[:, 1] - c[1], pts[:, 0] - c[0])
    pts = pts[np.argsort(ang)]  # clockwise in image coordinates, starting somewhere
    start = int(np.argmin(pts.sum(axis=1)))  # top-left: smallest x + y
    return np.roll(pts, -start, axis=0)


def find_sheet(image: np.ndarray) -> np.ndarray | None:
    """Corners (tl, tr, br, bl; float32 4×2, original pixels) of the paper sheet, or None."""
    import cv2

    h, w = image.shape[:2]
    f = WORK / max(h, w)
    small = cv2.resize(image, (max(1, round(w * f)), max(1, round(h * f))), interpolation=cv2.INTER_AREA)
    sh, sw = small.shape[:2]
    hsv = cv2.cvtColor(small, cv2.COLOR_RGB2HSV)
    val = cv2.GaussianBlur(hsv[..., 2], (5, 5), 0)
    sat = cv2.GaussianBlur(hsv[..., 1], (5, 5), 0)
    # Paper: bright and nearly colourless. Text and rules inside are closed over below.
    score = val.astype(np.int16) - sat.astype(np.int16)
    score = np.clip(score, 0, 255).astype(np.uint8)
    t, mask = cv2.threshold(score, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    k = max(3, round(max(sh, sw) / 40)) | 1
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    quad = _sheet_quad(cv2.morphologyEx(mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (5, 5))))
    if quad is None:
        # A lamp's highlight on a pale desk joins the sheet through a narrow neck: a wider
        # opening cuts it off (the quadrilateral tests below still decide).
        wide = max(5, round(max(sh, sw) / 16)) | 1
        quad = _sheet_quad(cv2.morphologyEx(mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (wide, wide))))
    if quad is None:
        # A pale grey desk under a lamp can be as bright as the paper: the sheet is then
        # found by its outline instead.
        quad = _edge_sheet(small)
    return None if quad is None else quad / f


def _to_quad(hull: np.ndarray) -> np.ndarray | None:
    import cv2

    peri = cv2.arcLength(hull, True)
    for eps in (0.01, 0.015, 0.02, 0.03, 0.04):
        approx = cv2.approxPolyDP(hull, eps * peri, True)
        if len(approx) == 4:
            return approx.reshape(4, 2).astype(np.float32)
    return None


def _plausible(quad: np.ndarray, sh: int, sw: int) -> np.ndarray | None:
    """The quadrilateral ordered (tl, tr, br, bl) when it can be a photographed sheet: a
    quarter to most of the frame, not running off it, corners near 90°."""
    import cv2

    if not MIN_AREA * sh * sw <= cv2.contourArea(quad) <= MAX_AREA * sh * sw:
        return None
    # A side lying on the frame border means the sheet runs off the picture: leave it.
    margin = 2
    touching = sum(
        1 for x, y in quad if x <= margin or y <= margin or x >= sw - 1 - margin or y >= sh - 1 - margin
    )
    if touching >= 2:
        return None
    quad = order_corners(quad)
    # Corner angles near 90° (a photo of a sheet, not a random blob).
    for i in range(4):
        a, b, c = quad[i - 1], quad[i], quad[(i + 1) % 4]
        v1, v2 = a - b, c - b
        cos = float(np.dot(v1, v2) / (np.linalg.norm(v1) * np.linalg.norm(v2) + 1e-6))
        if abs(cos) > 0.35:  # outside ~70°–110°
            return None
    return quad


def _side_points(a: np.ndarray, b: np.ndarray, n: int = 60) -> np.ndarray:
    t = np.linspace(0.1, 0.9, n)[:, None]  # corners left out: they blur and round off
    return a[None, :] * (1 - t) + b[None, :] * t


def _sample(img: np.ndarray, pts: np.ndarray) -> np.ndarray:
    h, w = img.shape[:2]
    return img[np.clip(pts[:, 1].round().astype(int), 0, h - 1), np.clip(pts[:, 0].round().astype(int), 0, w - 1)]


def _edge_sheet(small: np.ndarray) -> np.ndarray | None:
    """The sheet as the largest quadrilateral outline of the edge map whose four sides are
    edges along most of their length and step in brightness across (paper inside, desk
    outside) — a printed frame or a table's outline has paper on both sides."""
    import cv2

    sh, sw = small.shape[:2]
    gray = cv2.GaussianBlur(cv2.cvtColor(small, cv2.COLOR_RGB2GRAY), (5, 5), 0)
    edges = cv2.dilate(cv2.Canny(gray, 20, 60), np.ones((3, 3), np.uint8))
    contours, _ = cv2.findContours(edges, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    hulls = sorted((cv2.convexHull(c) for c in contours), key=cv2.contourArea, reverse=True)
    g = gray.astype(np.float32)
    for hull in hulls[:3]:
        quad = _to_quad(hull)
        if quad is None or (quad := _plausible(quad, sh, sw)) is None:
            continue
        centre = quad.mean(axis=0)
        ok = True
        for i in range(4):
            a, b = quad[i], quad[(i + 1) % 4]
            pts = _side_points(a, b)
            d = np.array([b[1] - a[1], a[0] - b[0]], np.float32)  # normal to the side...
            d /= np.linalg.norm(d) + 1e-6
            if np.dot(centre - (a + b) / 2, d) < 0:
                d = -d  # ...pointing into the sheet
            # an edge within a few pixels of the fitted side (the fit rounds corners off)
            near = np.zeros(len(pts), bool)
            for t in range(-4, 5):
                near |= _sample(edges, pts + t * d) > 0
            step = float(np.median(_sample(g, pts + 7 * d))) - float(np.median(_sample(g, pts - 7 * d)))
            if near.mean() < 0.7 or abs(step) < 8:
                ok = False
                break
        if ok:
            return quad
    return None


def _sheet_quad(mask: np.ndarray) -> np.ndarray | None:
    """Corners (tl, tr, br, bl) of the largest region of `mask` when it is a sheet: a
    quadrilateral it fills (see `_plausible`)."""
    import cv2

    sh, sw = mask.shape[:2]
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    if not contours:
        return None
    cnt = max(contours, key=cv2.contourArea)
    area = cv2.contourArea(cnt)
    if not MIN_AREA * sh * sw <= area <= MAX_AREA * sh * sw:
        return None
    hull = cv2.convexHull(cnt)
    quad = _to_quad(hull)
    if quad is None:
        return None
    qa = cv2.contourArea(quad)
    # The outline must really be a quadrilateral: the region fills it, nothing sticks out.
    if area < 0.93 * qa or qa > 1.06 * cv2.contourArea(hull):
        return None
    return _plausible(quad, sh, sw)


def prepare_photo(image: np.ndarray, target_long: int = TARGET_LONG) -> Prepared:
    """The sheet warped upright, its long side `target_long` px or (0, the default) as long as
    photographed (never shrunk); identity when no sheet is found.

    Upscaling small photos (to ~1900 px, text ~20 px high) was measured and made recognition
    worse, not better: photographed text is blurred and noisy rather than short of pixels, and
    the recogniser resizes every line to 48 px anyway."""
    import cv2

    quad = find_sheet(image)
    if quad is None:
        return Prepared(image, None, None)
    tl, tr, br, bl = quad
    width = max(np.linalg.norm(tr - tl), np.linalg.norm(br - bl))
    height = max(np.linalg.norm(bl - tl), np.linalg.norm(br - tr))
    s = max(1.0, target_long / max(width, height))
    W, H = int(round(width * s)), int(round(height * s))
    dst = np.float32([[0, 0], [W - 1, 0], [W - 1, H - 1], [0, H - 1]])
    M = cv2.getPerspectiveTransform(quad.astype(np.float32), dst)
    # A margin of the surroundings is kept: a corner found a little inside the true one, or a
    # coloured band along the sheet's edge that the paper mask left out, still gets read.
    m = round(MARGIN * max(W, H))
    M = np.array([[1, 0, m], [0, 1, m], [0, 0, 1]]) @ M
    W, H = W + 2 * m, H + 2 * m
    out = cv2.warpPerspective(image, M, (W, H), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE)
    return Prepared(out, M, quad)
