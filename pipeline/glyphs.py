"""How alike two Chinese characters look, for OCR slips no table lists (字/宇, 娟/涓).

Each character is drawn with an installed CJK font (Noto Sans CJK, else WenQuanYi or AR PL),
thickened and blurred, and compared by soft intersection-over-union. On 16 known OCR
confusions and 16 distinct name characters sharing a radical, confusions score 0.65–0.92 and
distinct pairs 0.39–0.75 (`GLYPH_NEAR` = 0.80 keeps every distinct pair apart). Without a
CJK font every pair scores 0 and only the hand-made table in extractors/_text/names.py
applies. (Here, not in extractors/, because it reads a font file.)
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

GLYPH_NEAR = 0.80
FONTS = ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
         "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
         "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
         "/usr/share/fonts/truetype/arphic/uming.ttc")


@lru_cache(maxsize=1)
def _font():
    from PIL import ImageFont

    for f in FONTS:
        if Path(f).exists():
            return ImageFont.truetype(f, 40)
    return None


@lru_cache(maxsize=8192)
def _bitmap(ch: str) -> np.ndarray | None:
    from PIL import Image, ImageDraw, ImageFilter

    font = _font()
    if font is None:
        return None
    im = Image.new("L", (48, 48), 0)
    ImageDraw.Draw(im).text((4, -6), ch, fill=255, font=font)
    im = im.filter(ImageFilter.MaxFilter(3)).filter(ImageFilter.GaussianBlur(1.5))
    return np.asarray(im, dtype=np.float32) / 255


def glyph_similarity(a: str, b: str) -> float:
    """0..1: soft IoU of the two characters' drawn shapes (1 for the same character)."""
    if a == b:
        return 1.0
    x, y = _bitmap(a), _bitmap(b)
    if x is None or y is None:
        return 0.0
    union = float(np.maximum(x, y).sum())
    return float(np.minimum(x, y).sum()) / union if union else 0.0


def look_alike(a: str, b: str) -> bool:
    return glyph_similarity(a, b) >= GLYPH_NEAR


def one_glyph_slip(a: str, b: str) -> bool:
    """Two names of the same length that differ in one character whose glyphs look alike —
    never the surname of a two-character name (王伟/玉伟 stays two people)."""
    x = "".join(ch for ch in a if "\u4e00" <= ch <= "\u9fff")
    y = "".join(ch for ch in b if "\u4e00" <= ch <= "\u9fff")
    if len(x) != len(y) or len(x) < 2:
        return False
    diffs = [i for i, (p, q) in enumerate(zip(x, y)) if p != q]
    if len(diffs) != 1 or (diffs[0] == 0 and len(x) == 2):
        return False
    return look_alike(x[diffs[0]], y[diffs[0]])
