"""PDF writers: born-digital pages drawn with reportlab (real text layer, vector seals) and
image-only PDFs wrapping scanned page images (no text layer). Output is byte-deterministic
(reportlab ``invariant`` mode)."""

from __future__ import annotations

import io

from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas as rl_canvas

from samplegen.fonts import PDF_FONTS, register_pdf_fonts
from samplegen.layout import LineItem, PageLayout, QrItem, RectItem, SealItem, TextItem, qr_modules
from samplegen.seal import draw_seal_pdf


def _rgb(c):
    return tuple(v / 255 for v in c)


def _text(cv, it: TextItem, h: float) -> None:
    name, _, _, bold = PDF_FONTS[it.role]
    t = cv.beginText()
    t.setFont(name, it.size)
    t.setFillColorRGB(*_rgb(it.color))
    if bold:
        cv.setStrokeColorRGB(*_rgb(it.color))
        cv.setLineWidth(it.size * 0.035)
        t.setTextRenderMode(2)
    if abs(it.scale_x - 1.0) > 0.01:
        t.setHorizScale(it.scale_x * 100)
    from samplegen.fonts import text_width
    w = text_width(it.text, it.role, it.size) * it.scale_x
    x = {"l": it.x, "c": it.x - w / 2, "r": it.x - w}[it.align]
    t.setTextOrigin(x, h - it.y)
    t.textOut(it.text)
    cv.drawText(t)


def digital_pdf(pages: list[PageLayout], title: str = "", creator: str = "WPS 文字") -> bytes:
    """Born-digital PDF bytes for the pages (text layer + vector seals drawn over the text)."""
    register_pdf_fonts()
    buf = io.BytesIO()
    cv = rl_canvas.Canvas(buf, pagesize=(pages[0].width, pages[0].height), invariant=1, pageCompression=1)
    cv.setTitle(title)
    cv.setCreator(creator)
    cv.setProducer(creator)
    for page in pages:
        cv.setPageSize((page.width, page.height))
        h = page.height
        seals = []
        for it in page.items:
            if isinstance(it, SealItem):
                seals.append(it)
            elif isinstance(it, TextItem):
                cv.saveState()
                _text(cv, it, h)
                cv.restoreState()
            elif isinstance(it, LineItem):
                cv.setStrokeColorRGB(*_rgb(it.color))
                cv.setLineWidth(it.width)
                cv.line(it.x0, h - it.y0, it.x1, h - it.y1)
            elif isinstance(it, RectItem):
                cv.saveState()
                if it.color:
                    cv.setStrokeColorRGB(*_rgb(it.color))
                    cv.setLineWidth(it.width)
                if it.fill:
                    cv.setFillColorRGB(*_rgb(it.fill))
                if it.ellipse:
                    cv.ellipse(it.x0, h - it.y0, it.x1, h - it.y1, stroke=1 if it.color else 0, fill=1 if it.fill else 0)
                else:
                    cv.rect(it.x0, h - it.y1, it.x1 - it.x0, it.y1 - it.y0, stroke=1 if it.color else 0,
                            fill=1 if it.fill else 0)
                cv.restoreState()
            elif isinstance(it, QrItem):
                m = it.size / 25
                cv.saveState()
                cv.setFillColorRGB(0.08, 0.08, 0.08)
                for (i, j) in qr_modules(it.seed):
                    cv.rect(it.x + i * m, h - it.y - (j + 1) * m, m, m, stroke=0, fill=1)
                cv.restoreState()
        for sl in seals:
            draw_seal_pdf(cv, sl, h)
        cv.showPage()
    cv.save()
    return buf.getvalue()


def image_pdf(images: list[Image.Image], page_sizes: list[tuple[float, float]], quality: int = 72) -> bytes:
    """An image-only PDF (one JPEG per page, no text layer) — a scanner's output."""
    buf = io.BytesIO()
    cv = rl_canvas.Canvas(buf, pagesize=page_sizes[0], invariant=1)
    cv.setCreator("Scanner")
    cv.setProducer("Scan to PDF")
    for img, (w, h) in zip(images, page_sizes):
        cv.setPageSize((w, h))
        jb = io.BytesIO()
        img.save(jb, "JPEG", quality=quality, optimize=True)
        jb.seek(0)
        cv.drawImage(ImageReader(jb), 0, 0, width=w, height=h)
        cv.showPage()
    cv.save()
    return buf.getvalue()
