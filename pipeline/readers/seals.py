"""Red official seal (公章) detection with OpenCV.

A seal is an ink ring (round or oval) with a star and/or arced text inside, often stamped
over black text, faded or broken in places, photographed under coloured light, scanned in
grey, or pasted into a DOCX as a picture. Red-head documents (红头文件) also carry big red
title text, red rules, ★ rules, red frames and red table lines, and people write, sign and
draw loops in red: none of those may count.

All work happens on a copy no larger than WORK_SIDE (GREY_WORK_SIDE for grey images) after
*flattening*: each channel divided by a local paper estimate (a max filter of a small copy),
which removes shadows, uneven light and colour casts.

Colour images, in up to three passes (the next only when the last found nothing):
1. a binary mask of clearly red ink (hue from pink to orange-red, red well above green and
   blue); then a weaker mask that also takes faded, dull or palette-reduced red;
2. candidate ellipses: around each connected piece of the mask, with and without long
   straight runs (rules, frames, table lines), around groups of nearby pieces (a ring broken
   by black text or fading), and from a Hough circle search; each is also snapped to the
   outer edge of the ink near its rim;
3. the ring test on the mask (`_is_ring`): red in nearly every direction at the rim
   (directions off the image, or where the rim lies under black text, are not counted, so a
   seal half off the page or stamped over text is still found), a band of ink there,
   hardly any red just outside it, and some red inside (star, text) without being filled;
4. failing both masks, the ring search below on a continuous red-strength image.

Grey images (a greyscale scan): the seal is a grey ring among text as dark as itself, so
there is no mask; the ring search (`_ring_search`) takes Hough circles on darkness (also on
copies squeezed along each axis, for ovals), refits them as ellipses to the ink near their
rim, and tests the ring on the darkness itself (`_grey_ring`): at the rim radius nearly every
direction meets ink, judged against the rim's own strength so a faded ring passes the same
shape test as a fresh one; just outside it most directions meet paper; the inside is not
filled.

A red title character, a title line, a ★, a rule, a table, a frame, a signature or a loop
drawn round black words fails at least one of these tests.
"""

from __future__ import annotations

import numpy as np

from schemas.document import BBox

WORK_SIDE = 1000  # detect on a copy whose longer side is at most this (speed; seals are big)
GREY_WORK_SIDE = 1400  # grey scans: a thin grey ring needs more pixels to stand apart from text
HOUGH_SIDE = 1000  # the circle search runs on a copy no larger than this
OVAL = 0.7  # squeeze for the oval search (a 3:2 oval seal turns nearly round)
MIN_D = 0.055  # smallest seal diameter, share of the image's shorter side
MAX_D = 1.05  # largest (a picture of just the seal)
_ANGLES = 96
INK = 0.16  # ink strength (darkness or redness, 0–1) that counts as ink in the ring search


Ellipse = tuple[float, float, float, float, float]  # cx, cy, semi-axis a, semi-axis b, angle (deg)


def _resize(image: np.ndarray, side: int) -> tuple[np.ndarray, float]:
    import cv2

    h, w = image.shape[:2]
    f = min(1.0, side / max(h, w))
    if f < 1:
        image = cv2.resize(image, (max(1, round(w * f)), max(1, round(h * f))), interpolation=cv2.INTER_AREA)
    return image, f


def flatten(image_rgb: np.ndarray) -> np.ndarray:
    """float32 (H, W, 3) in about 0–1: each channel divided by its local paper brightness."""
    import cv2

    img = image_rgb.astype(np.float32)
    h, w = img.shape[:2]
    step = max(1, round(max(h, w) / 160))
    small = cv2.resize(img, (max(1, w // step), max(1, h // step)), interpolation=cv2.INTER_AREA)
    k = max(3, round(max(small.shape[:2]) / 14)) | 1  # wider than any stroke, narrower than a shadow
    paper = cv2.dilate(small, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    paper = cv2.blur(paper, (k, k))
    paper = cv2.resize(paper, (w, h), interpolation=cv2.INTER_LINEAR)
    return np.clip(img / np.maximum(paper, 24.0), 0.0, 1.0)


def red_mask(image_rgb: np.ndarray) -> np.ndarray:
    """uint8 mask (0/255) of seal-red pixels in an RGB image (any size)."""
    return _red_ink(flatten(image_rgb))


def _red_ink(flat: np.ndarray, weak: bool = False) -> np.ndarray:
    """Red ink on flattened colour. `weak` also takes dull, brownish or washed-out red (a
    palette-reduced PNG, a dim photo), and ink a warm photo turned orange-brown (hue up to
    ~30°: chat-app PNG photos of A/B/D/E proofs and transcripts, 20 of 72 seals missed before,
    9 after); the ring test still decides."""
    r, g, b = flat[..., 0], flat[..., 1], flat[..., 2]
    chroma = r - np.maximum(g, b)
    # hue: orange-red (green above blue) up to ~25°, pink-red (blue above green) down to ~-35°
    lean = (g - b) / np.maximum(chroma, 1e-3)
    if weak:
        ok = (chroma > 0.08) & (chroma > 0.10 * r) & (r > 0.30) & (lean < 1.0) & (lean > -0.85)
    else:
        ok = (chroma > 0.16) & (chroma > 0.30 * r) & (r > 0.30) & (lean < 0.55) & (lean > -0.85)
    return ok.astype(np.uint8) * 255


def _black_ink(flat: np.ndarray) -> np.ndarray:
    """uint8 mask of dark, colourless ink (printed text a seal may be stamped over)."""
    r, g, b = flat[..., 0], flat[..., 1], flat[..., 2]
    dark = (r + g + b) < 1.35
    grey = (np.maximum(np.maximum(r, g), b) - np.minimum(np.minimum(r, g), b)) < 0.15
    return ((dark & grey) * 255).astype(np.uint8)


def looks_grey(image_rgb: np.ndarray) -> bool:
    """True for an image without colour (a greyscale scan, or one saved as RGB)."""
    step = max(1, max(image_rgb.shape[:2]) // 400)
    f = image_rgb[::step, ::step].astype(np.int16)
    r, g, b = f[..., 0], f[..., 1], f[..., 2]
    chroma = np.maximum(np.maximum(abs(r - g), abs(g - b)), abs(r - b))
    return float((chroma > 24).mean()) < 0.0005


def _drop_lines(mask: np.ndarray, min_side: int) -> np.ndarray | None:
    """The mask without long horizontal and vertical runs (rules, frames, table lines);
    None when there are none."""
    import cv2

    n = max(15, round(0.11 * min_side))
    lines = cv2.morphologyEx(mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (n, 1)))
    lines |= cv2.morphologyEx(mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, n)))
    if not cv2.countNonZero(lines):
        return None
    lines = cv2.dilate(lines, np.ones((3, 3), np.uint8))
    return cv2.bitwise_and(mask, cv2.bitwise_not(lines))


def find_seals(image_rgb: np.ndarray) -> list[BBox]:
    """Boxes of red seals in `image_rgb` (H, W, 3 uint8), in that image's pixel coordinates."""
    if image_rgb.ndim == 2:
        image_rgb = np.repeat(image_rgb[..., None], 3, axis=2)
    image_rgb = image_rgb[..., :3]
    grey = looks_grey(image_rgb)
    small, f = _resize(image_rgb, GREY_WORK_SIDE if grey else WORK_SIDE)
    if grey:
        found = _ring_search(np.clip(1.0 - flatten(small).mean(axis=2), 0.0, 1.0))
    else:
        flat = flatten(small)
        black = _black_ink(flat)
        found, tried = _colour_seals(_red_ink(flat), black)
        if not found:  # fainter, duller, pinker or more orange ink
            found, tried = _colour_seals(_red_ink(flat, weak=True), black)
        if not found:  # a ring too faint or broken for any mask: judge it on red strength
            found = _ring_search(_redness(flat), black, inner=True, extra=tried)
    sh, sw = small.shape[:2]
    boxes = [_box(e, sw, sh) for e in _suppress(found)]
    return sorted((BBox(x0=x0 / f, y0=y0 / f, x1=x1 / f, y1=y1 / f) for x0, y0, x1, y1 in boxes),
                  key=lambda b: (b.y0, b.x0))


def _colour_seals(ink: np.ndarray, black: np.ndarray | None = None) -> tuple[list[Ellipse], list[Ellipse]]:
    """Seal rings in a binary red-ink mask; also every sizable ellipse tried."""
    import cv2

    if cv2.countNonZero(ink) < 40:
        return [], []
    min_side = min(ink.shape)
    k = max(3, round(min_side * 0.006)) | 1
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k))
    mask = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, kernel)
    no_lines = _drop_lines(ink, min_side)
    if no_lines is not None:
        no_lines = cv2.morphologyEx(no_lines, cv2.MORPH_CLOSE, kernel)
    # a seal over a red table or rule is judged without the lines too; a large seal's own
    # ring can look like a line piece, so it is judged with them as well
    masks = [mask] if no_lines is None else [mask, no_lines]
    found: list[Ellipse] = []
    tried: list[Ellipse] = []
    for source in (lambda: _candidates(mask, min_side, no_lines), lambda: _hough(masks[-1], min_side)):
        for c in source():
            for m in masks:
                snapped = _snap(m, c)
                tried += [c] if snapped is None else [c, snapped]
                e = next((e for e in (c, snapped) if e is not None and _is_ring(m, e, min_side, black)), None)
                if e is not None:
                    found.append(e)
                    break
        if found:
            break
    return found, tried


def _snap(mask: np.ndarray, e: Ellipse) -> Ellipse | None:
    """Refit `e` to the outer edge of the ink near its rim: per direction the outermost ink
    between 0.75 and 1.25 of the radius, fitted, then fitted again without the stragglers
    (text inside where the ring is missing, other ink outside)."""
    radii = np.linspace(0.75, 1.25, 26)
    v, inside = _sample(mask, e, radii)
    ink = (v > 0) & inside
    has = ink.any(axis=1)
    if has.sum() < 0.5 * _ANGLES:
        return None
    last = len(radii) - 1 - np.argmax(ink[:, ::-1], axis=1)
    xs, ys = _samples(e, radii)
    rows = np.nonzero(has)[0]
    pts = np.stack([xs[rows, last[rows]], ys[rows, last[rows]]], axis=1)
    for _ in range(2):
        f = _fit(pts)
        if f is None:
            return None
        keep = np.abs(_radius(f, pts) - 1) < 0.06
        if keep.sum() < 0.4 * _ANGLES:
            return None
        pts = pts[keep]
    r0 = max(e[2], e[3])
    if np.hypot(f[0] - e[0], f[1] - e[1]) > 0.25 * r0 or not 0.7 * r0 < max(f[2], f[3]) < 1.3 * r0:
        return None
    return f


def _redness(flat: np.ndarray) -> np.ndarray:
    """0–1 strength of red (any seal hue) per pixel: a faint or palette-dulled ring that no
    binary mask keeps whole still shows here as one continuous weak ring."""
    import cv2

    r, g, b = flat[..., 0], flat[..., 1], flat[..., 2]
    chroma = r - np.maximum(g, b)
    lean = (g - b) / np.maximum(chroma, 1e-3)
    hue_ok = (chroma > 0) & (lean < 0.7) & (lean > -0.85)
    red = np.where(hue_ok, np.clip((chroma - 0.03) / 0.12, 0.0, 1.0), 0.0).astype(np.float32)
    return cv2.dilate(red, np.ones((3, 3), np.uint8))  # close pinholes (palette dithering, speckle)


def _ring_search(ink: np.ndarray, black: np.ndarray | None = None, inner: bool = False,
                 extra: list[Ellipse] | None = None) -> list:
    """Rings in a 0–1 ink-strength image (grey darkness or redness): candidates by a Hough
    search, refitted as ellipses, then a ring test on the strengths themselves (in a grey
    scan the text inside and across a seal is as dark as the seal, so no mask separates them).
    Inside the ring at most half the area may be ink (a ring, not a disc); with `inner` some
    ink must show there too (a seal's star and text; a loop drawn round black words has none).
    `extra` are more candidates (the ellipses already tried on masks)."""
    import cv2

    min_side = min(ink.shape)
    found: list[Ellipse] = []
    img = (ink * 255).astype(np.uint8)

    def test(cands: list[Ellipse]) -> None:
        for c in cands:
            e: Ellipse | None = c
            for _ in range(5):  # an oval seal converges from its Hough circle in a few refits
                ring = _grey_ring(ink, e, min_side, black)
                if ring is not None and not (0.01 if inner else 0.0) <= _inner_share(ink, ring) <= 0.5:
                    break  # filled (a dark shape, not a ring), or nothing red inside
                if ring is not None:
                    found.append(ring)
                    break
                e = _refit(ink, e)
                if e is None:
                    break

    test((extra or []) + _hough(img, min_side, HOUGH_SIDE))
    if not found:  # an oval seal: look for circles in the image squeezed along each axis
        for fx, fy in ((OVAL, 1.0), (1.0, OVAL)):
            sq = cv2.resize(img, (round(img.shape[1] * fx), round(img.shape[0] * fy)), interpolation=cv2.INTER_AREA)
            test([(x / fx, y / fy, r / fx, r / fy, 0.0) for x, y, r, _, _ in _hough(sq, min_side, HOUGH_SIDE)])
            if found:
                break
    return found


def _inner_share(ink: np.ndarray, e: Ellipse) -> float:
    """Share of the area inside 0.72 of `e` where the ink strength passes INK."""
    import cv2

    inner = np.zeros(ink.shape, np.uint8)
    cv2.ellipse(inner, ((e[0], e[1]), (1.44 * e[2], 1.44 * e[3]), e[4]), 255, -1)
    area = cv2.countNonZero(inner)
    return float(((ink > INK) & (inner > 0)).sum()) / max(area, 1)


def _refit(ink: np.ndarray, c: Ellipse) -> Ellipse | None:
    """An ellipse fitted to the ink near the rim of `c` (a photographed or oval seal), fitted
    again without the points far from the first fit (text inside and outside the ring)."""
    radii = np.arange(0.8, 1.2, 0.01)
    v, inside = _sample(ink, c, radii)
    xs, ys = _samples(c, radii)
    sel = (v > 0.6 * INK) & inside
    if sel.sum() < 20:
        return None
    pts = np.stack([xs[sel], ys[sel]], axis=1)
    for _ in range(2):
        e = _fit(pts)
        if e is None:
            return None
        pts = pts[np.abs(_radius(e, pts) - 1) < 0.08]
        if len(pts) < 20:
            return None
    r = (c[2] + c[3]) / 2
    if np.hypot(e[0] - c[0], e[1] - c[1]) > 0.2 * r or not 0.6 * r <= min(e[2], e[3]) <= max(e[2], e[3]) <= 1.4 * r:
        return None
    return e


def _radius(e: Ellipse, pts: np.ndarray) -> np.ndarray:
    """Each point's distance from the centre of `e`, as a share of e's radius that way."""
    cx, cy, a, b, ang = e
    th = np.deg2rad(ang)
    dx, dy = pts[:, 0] - cx, pts[:, 1] - cy
    return np.hypot((dx * np.cos(th) + dy * np.sin(th)) / a, (-dx * np.sin(th) + dy * np.cos(th)) / b)


# ---------------------------------------------------------------- candidates

def _fit(points: np.ndarray) -> Ellipse | None:
    import cv2

    if len(points) < 5:
        return None
    try:
        (cx, cy), (w, h), ang = cv2.fitEllipse(points.astype(np.float32))
    except cv2.error:  # degenerate point sets
        return None
    if not (np.isfinite(w) and np.isfinite(h)) or min(w, h) < 4:
        return None
    return cx, cy, w / 2, h / 2, ang


def _candidates(mask: np.ndarray, min_side: int, no_lines: np.ndarray | None) -> list[Ellipse]:
    """Ellipses around connected pieces of ink, and around groups of nearby pieces."""
    import cv2

    dmin, dmax = max(18.0, MIN_D * min_side), MAX_D * min_side
    out: list[Ellipse] = []

    def from_pixels(ys: np.ndarray, xs: np.ndarray) -> None:
        pts = np.stack([xs, ys], axis=1).astype(np.int32)
        hull = cv2.convexHull(pts)
        bx, by, bw, bh = cv2.boundingRect(hull)
        if not dmin <= max(bw, bh) <= dmax or min(bw, bh) < 0.45 * max(bw, bh):
            return
        # the box's ellipse (right for circles and upright ovals) and the hull's fitted one
        out.append((bx + bw / 2, by + bh / 2, bw / 2, bh / 2, 0.0))
        e = _fit(hull.reshape(-1, 2))
        if e is not None:
            out.append(e)

    def pieces(m: np.ndarray, group: int) -> None:
        src = cv2.dilate(m, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (group, group))) if group else m
        n, labels, stats, _ = cv2.connectedComponentsWithStats(src, connectivity=8)
        for i in range(1, n):
            x, y, w, h, area = stats[i]
            if max(w, h) < dmin or max(w, h) > dmax * 1.1 or (not group and area < 0.5 * max(w, h)):
                continue
            sub = labels[y:y + h, x:x + w] == i
            if group:
                sub &= m[y:y + h, x:x + w] > 0
            ys, xs = np.nonzero(sub)
            if len(xs) >= 5:
                from_pixels(ys + y, xs + x)

    base = mask if no_lines is None else no_lines
    pieces(mask, 0)
    if no_lines is not None:
        pieces(no_lines, 0)
    # pieces of one ring broken by black text or fading: group what lies close together
    pieces(base, max(5, round(0.025 * min_side)) | 1)
    return out


def _hough(img: np.ndarray, min_side: int, side: int = 0) -> list[Ellipse]:
    """Circles in an ink image (a ring joined to other ink, or a grey ring among text),
    searched on a copy whose longer side is at most `side` (0: as is)."""
    import cv2

    f = 1.0
    if side and max(img.shape) > side:
        f = side / max(img.shape)
        img = cv2.resize(img, (round(img.shape[1] * f), round(img.shape[0] * f)), interpolation=cv2.INTER_AREA)
    dmin, dmax = max(18.0, MIN_D * min_side) * f, 0.6 * min_side * f
    blur = cv2.GaussianBlur(img, (5, 5), 1.5)
    circles = cv2.HoughCircles(blur, cv2.HOUGH_GRADIENT_ALT, dp=1.5, minDist=dmin / 2, param1=300, param2=0.5,
                               minRadius=round(dmin / 2), maxRadius=round(dmax / 2))
    if circles is None:
        return []
    return [(float(x) / f, float(y) / f, float(r) / f, float(r) / f, 0.0) for x, y, r in circles[0][:20]]


# ---------------------------------------------------------------- the ring test

def _samples(e: Ellipse, radii: np.ndarray, angles: int = _ANGLES) -> tuple[np.ndarray, np.ndarray]:
    cx, cy, a, b, ang = e
    t = np.linspace(0, 2 * np.pi, angles, endpoint=False)[:, None]
    th = np.deg2rad(ang)
    u, v = a * radii[None, :] * np.cos(t), b * radii[None, :] * np.sin(t)
    return cx + u * np.cos(th) - v * np.sin(th), cy + u * np.sin(th) + v * np.cos(th)


def _sample(img: np.ndarray, e: Ellipse, radii: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """img values at (direction, radius) samples of ellipse `e`, and whether each is inside."""
    h, w = img.shape[:2]
    xs, ys = _samples(e, radii)
    xi, yi = np.round(xs).astype(int), np.round(ys).astype(int)
    inside = (xi >= 0) & (xi < w) & (yi >= 0) & (yi < h)
    return img[np.clip(yi, 0, h - 1), np.clip(xi, 0, w - 1)], inside


def _hits(mask: np.ndarray, e: Ellipse, lo: float, hi: float, n: int = 10):
    """Per direction: any ink in [lo, hi]×radius, all samples inside, ink count, inside count."""
    v, inside = _sample(mask, e, np.linspace(lo, hi, n))
    ink = (v > 0) & inside
    return ink.any(axis=1), inside.all(axis=1), ink.sum(axis=1), inside.sum(axis=1)


def _longest_run(miss: np.ndarray) -> int:
    run = best = 0
    for m in np.concatenate([miss, miss]):
        run = run + 1 if m else 0
        best = max(best, run)
    return min(best, len(miss))


def _is_ring(mask: np.ndarray, e: Ellipse, min_side: int, black: np.ndarray | None = None) -> bool:
    """Whether ellipse `e` runs along a seal ring in the binary ink `mask`. Directions where
    the rim lies under black ink (`black`, text the seal was stamped over) and shows no red
    count as unseen, like directions off the image."""
    import cv2

    cx, cy, a, b, _ = e
    d, short = 2 * max(a, b), 2 * min(a, b)
    if not max(18.0, MIN_D * min_side) <= d <= MAX_D * min_side or short < 0.5 * d:
        return False
    hit, known, _, _ = _hits(mask, e, 0.86, 1.03)
    if black is not None:
        under, _, _, _ = _hits(black, e, 0.86, 1.03)
        seen = known & (hit | ~under)
    else:
        seen = known
    if seen.mean() < 0.5 or hit[seen].mean() < 0.8:
        return False
    # a ring may be broken, not missing a side
    if _longest_run(~hit & seen) > _ANGLES * 0.14:
        return False
    # a band of ink, not a scatter of stroke ends
    _, _, n_ink, n_in = _hits(mask, e, 0.88, 1.0, 8)
    band = n_ink[seen].sum() / max(n_in[seen].sum(), 1)
    if band < 0.15:
        return False
    # little ink just outside the rim
    out_hit, out_known, _, _ = _hits(mask, e, 1.14, 1.32, 8)
    if out_known.sum() and out_hit[out_known].mean() > 0.2:
        return False
    # something inside (star, text), but not a filled blob
    inner = np.zeros_like(mask)
    cv2.ellipse(inner, ((cx, cy), (2 * a * 0.72, 2 * b * 0.72), e[4]), 255, -1)
    area = cv2.countNonZero(inner)
    fill = cv2.countNonZero(cv2.bitwise_and(mask, inner)) / max(area, 1)
    return 0.01 <= fill <= 0.5 and fill < 0.9 * band


def _grey_ring(ink_img: np.ndarray, e: Ellipse, min_side: int, black: np.ndarray | None = None) -> Ellipse | None:
    """`e` scaled to its rim if it is a seal ring on the 0–1 ink-strength image, else None.

    The rim is the radius (around the candidate's) where the ink is strongest in most
    directions; what counts as ink there is judged against that rim's own strength, so a
    faded ring is held to the same shape test as a fresh one. At the rim nearly every
    direction must meet ink (or, with `black` given, black ink lying over the ring), while
    just outside it most directions meet paper."""
    radii = np.arange(0.84, 1.36, 0.01)
    v, inside = _sample(ink_img, e, radii)
    known = inside.all(axis=1)
    if known.mean() < 0.5:
        return None

    def near(m: np.ndarray) -> np.ndarray:  # the max within ±2% of each radius
        out = m.copy()
        for k in (1, 2):
            out[:, k:] = np.maximum(out[:, k:], m[:, :-k])
            out[:, :-k] = np.maximum(out[:, :-k], m[:, k:])
        return out

    vn = near(np.where(inside, v, 0.0))
    level = np.median(vn[known], axis=0)
    i = int(np.argmax(np.where(radii <= 1.1, level, -1)))
    t = float(np.clip(0.5 * level[i], 0.07, INK))
    hit = vn > t
    if black is not None:
        over, _ = _sample(black, e, radii)
        hit_or_over = hit | near(over > 0)
    else:
        hit_or_over = hit
    if hit_or_over[known, i].mean() < 0.82 or hit[known, i].mean() < 0.6:
        return None
    if _longest_run(~hit_or_over[:, i] & known) > _ANGLES * 0.1:
        return None
    s = radii[i] + 0.02  # to the rim's outer edge
    j = int(np.searchsorted(radii, s * 1.12))
    if j + 3 > len(radii):
        return None
    if hit[known, j:j + 8].mean() > 0.35:
        return None
    if level[i] - np.median(v[known, j:j + 8]) < 0.1:
        return None
    cx, cy, a, b, ang = e
    d = 2 * max(a, b) * s
    return (cx, cy, a * s, b * s, ang) if max(18.0, MIN_D * min_side) <= d <= MAX_D * min_side else None


def _box(e: Ellipse, w: int, h: int) -> tuple[float, float, float, float]:
    cx, cy, a, b, ang = e
    th = np.deg2rad(ang)
    hx = np.hypot(a * np.cos(th), b * np.sin(th))
    hy = np.hypot(a * np.sin(th), b * np.cos(th))
    return max(0.0, cx - hx), max(0.0, cy - hy), min(float(w), cx + hx), min(float(h), cy + hy)


def _suppress(found: list[Ellipse]) -> list[Ellipse]:
    """One ellipse per seal: of overlapping finds keep the largest (the outer ring)."""
    keep: list[Ellipse] = []
    for e in sorted(found, key=lambda e: -e[2] * e[3]):
        if all(np.hypot(e[0] - k[0], e[1] - k[1]) > 0.6 * max(k[2], k[3]) for k in keep):
            keep.append(e)
    return keep
