"""Rasterise a `PageLayout` into a clean RGB page image with Pillow (CJK OpenType/TrueType
fonts, seals composited with a multiply blend so black text under red ink stays black)."""

from __future__ import annotations

import random

import numpy as np
from PIL import Image, ImageDraw

from samplegen.fonts import IMAGE_FONTS, pil_font
from samplegen.layout import LineItem, PageLayout, QrItem, RectItem, SealItem, TextItem, qr_modules
from samplegen.seal import seal_image

ANCHOR = {"l": "ls", "c": "ms", "r": "rs"}


def pick_fonts(rng: random.Random) -> dict[str, tuple[str, int]]:
    """Choose one concrete font per role for a whole document."""
    return {role: rng.choice(cands) for role, cands in IMAGE_FONTS.items()}


def _text(img: Image.Image, draw: ImageDraw.ImageDraw, it: TextItem, s: float, fonts, rng: random.Random) -> None:
    path, idx = fonts[it.role]
    font = pil_font(path, idx, round(it.size * s))
    x, y = it.x * s, it.y * s
    if it.hand:
        # handwriting: per-character jitter in position, size and angle
        f_w = font.getlength(it.text) if it.align != "l" else 0
        cx = x - (f_w if it.align == "r" else f_w / 2 if it.align == "c" else 0)
        for ch in it.text:
            size = round(it.size * s * rng.uniform(0.9, 1.15))
            f = pil_font(path, idx, size)
            w = f.getlength(ch)
            tile = Image.new("L", (int(size * 1.6), int(size * 1.6)), 0)
            ImageDraw.Draw(tile).text((tile.width / 2, tile.height / 2), ch, font=f, fill=255, anchor="mm")
            tile = tile.rotate(rng.uniform(-8, 8), resample=Image.BICUBIC)
            img.paste(Image.new("RGB", tile.size, it.color),
                      (int(cx + w / 2 - tile.width / 2), int(y - size * 0.38 - tile.height / 2 + rng.uniform(-2, 2) * s / 2)),
                      tile)
            cx += w * rng.uniform(0.92, 1.08)
        return
    if abs(it.scale_x - 1.0) > 0.01:
        w = int(font.getlength(it.text)) + 4
        h = int(it.size * s * 1.5)
        tile = Image.new("L", (w, h), 0)
        ImageDraw.Draw(tile).text((0, h * 0.8), it.text, font=font, fill=255, anchor="ls")
        tile = tile.resize((max(int(w * it.scale_x), 1), h))
        left = {"l": x, "c": x - tile.width / 2, "r": x - tile.width}[it.align]
        img.paste(Image.new("RGB", tile.size, it.color), (int(left), int(y - h * 0.8)), tile)
        return
    draw.text((x, y), it.text, font=font, fill=it.color, anchor=ANCHOR[it.align])


def render_page(page: PageLayout, dpi: float, fonts: dict, rng: random.Random, nprng: np.random.Generator,
                paper: tuple = (255, 255, 255)) -> Image.Image:
    """Page image at `dpi`, seals drawn last over everything."""
    s = dpi / 72.0
    img = Image.new("RGB", (round(page.width * s), round(page.height * s)), paper)
    draw = ImageDraw.Draw(img)
    seals: list[SealItem] = []
    for it in page.items:
        if isinstance(it, SealItem):
            seals.append(it)
        elif isinstance(it, TextItem):
            _text(img, draw, it, s, fonts, rng)
        elif isinstance(it, LineItem):
            draw.line([(it.x0 * s, it.y0 * s), (it.x1 * s, it.y1 * s)], fill=it.color, width=max(round(it.width * s), 1))
        elif isinstance(it, RectItem):
            box = [it.x0 * s, it.y0 * s, it.x1 * s, it.y1 * s]
            w = max(round(it.width * s), 1)
            if it.ellipse:
                draw.ellipse(box, fill=it.fill, outline=it.color, width=w if it.color else 0)
            else:
                draw.rectangle(box, fill=it.fill, outline=it.color, width=w if it.color else 0)
        elif isinstance(it, QrItem):
            m = it.size * s / 25
            for (i, j) in qr_modules(it.seed):
                draw.rectangle([it.x * s + i * m, it.y * s + j * m, it.x * s + (i + 1) * m - 1, it.y * s + (j + 1) * m - 1],
                               fill=(20, 20, 20))
    if seals:
        arr = np.asarray(img, dtype=np.float32)
        for sl in seals:
            r_px = max(int(sl.r * s), 8)
            simg = seal_image(sl, r_px, nprng)
            sa = np.asarray(simg, dtype=np.float32)
            a = sa[..., 3:4] / 255.0
            col = sa[..., :3] / 255.0
            x0 = int(sl.cx * s - simg.width / 2)
            y0 = int(sl.cy * s - simg.height / 2)
            xa, ya = max(x0, 0), max(y0, 0)
            xb, yb = min(x0 + simg.width, arr.shape[1]), min(y0 + simg.height, arr.shape[0])
            if xb <= xa or yb <= ya:
                continue
            sub = arr[ya:yb, xa:xb]
            aa = a[ya - y0:yb - y0, xa - x0:xb - x0]
            cc = col[ya - y0:yb - y0, xa - x0:xb - x0]
            arr[ya:yb, xa:xb] = sub * (1 - aa + aa * cc)
        img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    return img
