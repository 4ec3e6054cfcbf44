"""Red official seals (公章): a ring, a five-pointed star, the issuer's name along the upper
arc, an optional horizontal line under the star (e.g. 证明专用章).

`seal_image` rasterises a seal with ink texture for page images; `draw_seal_pdf` draws it as
vector paths in a reportlab canvas. The arc text is drawn as glyph outlines (traced from a
rasterised glyph), not as text, so a born-digital PDF's text layer holds no seal text.
"""

from __future__ import annotations

import functools
import math

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from samplegen.fonts import SEAL_FONT, pil_font
from samplegen.layout import SealItem

RING_W = 0.075
TEXT_R = 0.70
STAR_R = 0.29


def _geometry(text: str) -> tuple[list[float], float]:
    """Angles (degrees clockwise from 12 o'clock) of each character, and the char size (×r)."""
    n = max(len(text), 1)
    span = min(250.0, 28.0 * n + 20.0)
    if n == 1:
        return [0.0], 0.3
    step = span / n
    angles = [-span / 2 + step * (i + 0.5) for i in range(n)]
    arc = 2 * math.pi * TEXT_R * step / 360.0
    return angles, min(0.32, arc * 1.02)


def _star(cx: float, cy: float, r: float, rot: float = 0.0) -> list[tuple[float, float]]:
    pts = []
    for i in range(10):
        rr = r if i % 2 == 0 else r * 0.382
        a = math.radians(rot - 90 + i * 36)
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    return pts


def seal_image(seal: SealItem, r_px: int, rng: np.random.Generator) -> Image.Image:
    """An RGBA image (2·r_px square, already rotated) of `seal` with uneven ink."""
    ss = 2  # supersampling
    R = r_px * ss
    size = 2 * R + 8
    c = size / 2
    mask = Image.new("L", (size, size), 0)
    d = ImageDraw.Draw(mask)
    w = max(int(RING_W * R), 2)
    d.ellipse([c - R + 2, c - R + 2, c + R - 2, c + R - 2], outline=255, width=w)
    if seal.star:
        d.polygon(_star(c, c, STAR_R * R), fill=255)
    angles, ch_size = _geometry(seal.text)
    font = pil_font(SEAL_FONT[0], SEAL_FONT[1], int(ch_size * R * 1.05))
    for ch, ang in zip(seal.text, angles):
        box = int(ch_size * R * 1.6)
        g = Image.new("L", (box, box), 0)
        ImageDraw.Draw(g).text((box / 2, box / 2), ch, font=font, fill=255, anchor="mm")
        g = g.resize((max(int(box * 0.82), 1), box))
        g = g.rotate(-ang, resample=Image.BICUBIC, expand=True)
        px = c + TEXT_R * R * math.sin(math.radians(ang))
        py = c - TEXT_R * R * math.cos(math.radians(ang))
        mask.paste(Image.new("L", g.size, 255), (int(px - g.width / 2), int(py - g.height / 2)), g)
    if seal.sub:
        f2 = pil_font(SEAL_FONT[0], SEAL_FONT[1], int(0.15 * R))
        d.text((c, c + 0.55 * R), seal.sub, font=f2, fill=255, anchor="mm")
    mask = mask.resize((size // ss, size // ss), Image.LANCZOS)
    a = np.asarray(mask, dtype=np.float32) / 255.0
    # ink texture: low-frequency density variation plus fine speckle drop-outs
    h, wd = a.shape
    low = rng.normal(0, 1, (max(h // 16, 2), max(wd // 16, 2))).astype(np.float32)
    low = cv2.resize(low, (wd, h), interpolation=cv2.INTER_CUBIC)
    density = np.clip(0.82 + 0.16 * low, 0.45, 1.0)
    speck = (rng.random((h, wd)) > 0.06).astype(np.float32)
    speck = cv2.GaussianBlur(speck, (3, 3), 0.7)
    a = a * density * (0.55 + 0.45 * speck)
    alpha = np.clip(a * 255 * 0.92, 0, 255).astype(np.uint8)
    img = Image.new("RGBA", (wd, h), seal.color + (0,))
    img.putalpha(Image.fromarray(alpha))
    img = img.rotate(-seal.angle, resample=Image.BICUBIC, expand=False)
    return img.filter(ImageFilter.GaussianBlur(0.4))


@functools.lru_cache(maxsize=2048)
def glyph_contours(ch: str, px: int = 160) -> tuple[tuple[tuple[float, float], ...], ...]:
    """Outline polygons of a seal glyph in em units, centred, y up (traced from a raster)."""
    font = pil_font(SEAL_FONT[0], SEAL_FONT[1], px)
    box = int(px * 1.5)
    img = Image.new("L", (box, box), 0)
    ImageDraw.Draw(img).text((box / 2, box / 2), ch, font=font, fill=255, anchor="mm")
    arr = (np.asarray(img) > 127).astype(np.uint8)
    contours, _ = cv2.findContours(arr, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
    out = []
    for cnt in contours:
        cnt = cv2.approxPolyDP(cnt, 0.7, True)
        if len(cnt) < 3:
            continue
        out.append(tuple(((float(p[0][0]) - box / 2) / px, -(float(p[0][1]) - box / 2) / px) for p in cnt))
    return tuple(out)


def draw_seal_pdf(canvas, seal: SealItem, page_height: float) -> None:
    """Draw `seal` as vector paths (semi-transparent, multiply blend) on a reportlab canvas."""
    from reportlab.pdfgen.canvas import FILL_EVEN_ODD

    r = seal.r
    col = tuple(v / 255 for v in seal.color)
    canvas.saveState()
    try:
        canvas.setBlendMode("Multiply")
    except Exception:  # older reportlab
        pass
    canvas.setFillColorRGB(*col)
    canvas.setStrokeColorRGB(*col)
    canvas.setFillAlpha(0.88)
    canvas.setStrokeAlpha(0.88)
    canvas.translate(seal.cx, page_height - seal.cy)
    canvas.rotate(-seal.angle)
    canvas.setLineWidth(RING_W * r)
    canvas.circle(0, 0, r * (1 - RING_W / 2), stroke=1, fill=0)
    if seal.star:
        pts = _star(0, 0, STAR_R * r)
        p = canvas.beginPath()
        p.moveTo(pts[0][0], -pts[0][1])
        for x, y in pts[1:]:
            p.lineTo(x, -y)
        p.close()
        canvas.drawPath(p, stroke=0, fill=1)
    angles, ch_size = _geometry(seal.text)

    def glyph(ch: str, sx: float, sy: float) -> None:
        p = canvas.beginPath()
        for poly in glyph_contours(ch):
            p.moveTo(poly[0][0] * sx, poly[0][1] * sy)
            for x, y in poly[1:]:
                p.lineTo(x * sx, y * sy)
            p.close()
        canvas.drawPath(p, stroke=0, fill=1, fillMode=FILL_EVEN_ODD)

    for ch, ang in zip(seal.text, angles):
        canvas.saveState()
        canvas.rotate(-ang)
        canvas.translate(0, TEXT_R * r)
        glyph(ch, ch_size * r * 1.05 * 0.82, ch_size * r * 1.05)
        canvas.restoreState()
    if seal.sub:
        fs = 0.15 * r
        n = len(seal.sub)
        for i, ch in enumerate(seal.sub):
            canvas.saveState()
            canvas.translate((i - (n - 1) / 2) * fs, -0.55 * r)
            glyph(ch, fs, fs)
            canvas.restoreState()
    canvas.restoreState()
