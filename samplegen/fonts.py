"""CJK fonts: TrueType ones registered with reportlab, and a Pillow font cache.

Font *roles* used by the layout: ``song`` (宋体-like), ``songb`` (bold 宋), ``hei`` (黑体),
``heib`` (bold 黑), ``kai`` (楷体, also handwriting), ``fang`` (仿宋 stand-in).
reportlab cannot use the OpenType/CFF Noto fonts, so PDFs use WenQuanYi / AR PL fonts,
while rendered images may use Noto as well.
"""

from __future__ import annotations

import functools

from PIL import ImageFont

NOTO = "/usr/share/fonts/opentype/noto/"
WQY = "/usr/share/fonts/truetype/wqy/"
ARPHIC = "/usr/share/fonts/truetype/arphic/"

# role -> (reportlab font name, file, subfont index, fake bold)
PDF_FONTS: dict[str, tuple[str, str, int, bool]] = {
    "song": ("CJKSong", ARPHIC + "uming.ttc", 0, False),
    "songb": ("CJKSong", ARPHIC + "uming.ttc", 0, True),
    "hei": ("CJKHei", WQY + "wqy-zenhei.ttc", 0, False),
    "heib": ("CJKHei", WQY + "wqy-zenhei.ttc", 0, True),
    "kai": ("CJKKai", ARPHIC + "ukai.ttc", 0, False),
    "fang": ("CJKSong", ARPHIC + "uming.ttc", 0, False),
}

# role -> candidate (file, index) for images; a document picks one candidate per role.
IMAGE_FONTS: dict[str, list[tuple[str, int]]] = {
    "song": [(NOTO + "NotoSerifCJK-Regular.ttc", 2), (ARPHIC + "uming.ttc", 0)],
    "songb": [(NOTO + "NotoSerifCJK-Bold.ttc", 2)],
    "hei": [(NOTO + "NotoSansCJK-Regular.ttc", 2), (WQY + "wqy-zenhei.ttc", 0), (WQY + "wqy-microhei.ttc", 0)],
    "heib": [(NOTO + "NotoSansCJK-Bold.ttc", 2)],
    "kai": [(ARPHIC + "ukai.ttc", 0)],
    "fang": [(ARPHIC + "uming.ttc", 0), (NOTO + "NotoSerifCJK-Regular.ttc", 2)],
}

SEAL_FONT = (NOTO + "NotoSerifCJK-Bold.ttc", 2)
SEAL_FONT_ALT = (NOTO + "NotoSansCJK-Bold.ttc", 2)


@functools.cache
def register_pdf_fonts() -> None:
    """Register the TrueType CJK fonts with reportlab (once per process)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    done = set()
    for name, path, index, _ in PDF_FONTS.values():
        if name not in done:
            pdfmetrics.registerFont(TTFont(name, path, subfontIndex=index))
            done.add(name)


@functools.lru_cache(maxsize=4096)
def _char_width(font_name: str, ch: str) -> float:
    from reportlab.pdfbase import pdfmetrics

    return pdfmetrics.stringWidth(ch, font_name, 1000.0) / 1000.0


def text_width(text: str, role: str, size: float) -> float:
    """Width in points of `text` set in font role `role` at `size` pt (reportlab metrics)."""
    register_pdf_fonts()
    name = PDF_FONTS[role][0]
    return sum(_char_width(name, ch) for ch in text) * size


@functools.lru_cache(maxsize=512)
def pil_font(path: str, index: int, size_px: int) -> ImageFont.FreeTypeFont:
    """A cached Pillow font."""
    return ImageFont.truetype(path, max(int(size_px), 4), index=index)
