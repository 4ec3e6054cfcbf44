"""PDF files: text layer via pdfplumber; pages without one are rendered (pypdfium2) and OCR'd.

Text-layer pages keep pdfplumber's coordinates (PDF points, origin top-left, page size in
points). OCR'd pages use the render's pixel space (Page.width/height = render size).
Seals are looked for on every page: on text pages in a cheap ≤72 dpi render.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

import numpy as np

from pipeline.normalize import normalize_text
from pipeline.ocr.base import OcrEngine
from pipeline.readers.errors import UnreadableFile
from pipeline.readers.ocrpage import ocr_page
from pipeline.readers.seals import find_seals
from schemas.document import BBox, DocumentText, Line, Page

MAX_PAGES = 50
MIN_TEXT_CHARS = 10  # fewer characters than this on a page: treat it as a scan
# A page that is mostly one picture with only a caption or header in text (a certificate
# photo pasted under a typed title) is OCR'd too; the render includes the typed text.
PICTURE_SHARE = 0.5
PICTURE_PAGE_MAX_CHARS = 60
OCR_DPI = 200
OCR_MAX_SIDE = 2500
SEAL_MAX_SIDE = 1200  # px; A4 at 72 dpi is 595×842, so only oversized pages are scaled down
_CID = re.compile(r"\(cid:\d+\)")


def check_pdf(path: Path) -> tuple[int, list[str]]:
    """Open with qpdf (pikepdf) to refuse encrypted, truncated or broken PDFs early.

    Returns (page count, warnings). A PDF encrypted with only an owner password (printing or
    copying restrictions, common for official notices) opens with an empty password and is read.
    """
    import pikepdf

    with path.open("rb") as f:
        f.seek(0, 2)
        f.seek(max(0, f.tell() - 4096))
        if b"%%EOF" not in f.read():
            raise UnreadableFile("truncated PDF: no %%EOF end marker (文件不完整)")
    try:
        with pikepdf.open(path) as pdf:
            n = len(pdf.pages)
            warnings = ["PDF has an owner password (restrictions only); read anyway"] if pdf.is_encrypted else []
    except pikepdf.PasswordError:
        raise UnreadableFile("password-protected PDF: cannot open without the password (加密PDF)")
    except (pikepdf.PdfError, RuntimeError, ValueError) as e:
        raise UnreadableFile(f"corrupt PDF: {str(e).replace(str(path), '').strip(': ')[:160]} (PDF损坏)")
    if n == 0:
        raise UnreadableFile("PDF has no pages (空PDF)")
    if n > MAX_PAGES:
        raise UnreadableFile(f"too many pages: {n} (limit {MAX_PAGES}, 页数过多)")
    return n, warnings


def _text_lines(page) -> list[Line]:
    lines = []
    for d in page.extract_text_lines(strip=True, return_chars=False):
        text = normalize_text(d["text"]).strip()
        if text:
            box = BBox(x0=d["x0"], y0=d["top"], x1=d["x1"], y1=d["bottom"])
            lines.append(Line(text=text, bbox=box, confidence=1.0))
    return lines


def _usable_chars(lines: list[Line]) -> int:
    text = "".join(l.text for l in lines)
    return len(re.sub(r"\s", "", _CID.sub("", text)))


def _needs_ocr(page, lines: list[Line]) -> bool:
    chars = _usable_chars(lines)
    if chars < MIN_TEXT_CHARS:
        return True
    if chars >= PICTURE_PAGE_MAX_CHARS or not page.images:
        return False
    area = float(page.width * page.height) or 1.0
    biggest = max((im["x1"] - im["x0"]) * (im["bottom"] - im["top"]) for im in page.images)
    return biggest / area >= PICTURE_SHARE


def _tables(page) -> list[list[list[str | None]]]:
    return [
        [[normalize_text(c) if c else c for c in row] for row in table]
        for table in page.extract_tables()
    ]


def _render(pdfium_page, scale: float) -> np.ndarray:
    return np.asarray(pdfium_page.render(scale=scale).to_pil().convert("RGB"))


def _seals_in_points(pdfium_page) -> list[BBox]:
    """Seals on a text page, from a render at ≤72 dpi (so 1 px ≤ 1 pt), in PDF points."""
    w, h = pdfium_page.get_size()
    scale = min(1.0, SEAL_MAX_SIDE / max(w, h, 1.0))
    return [
        BBox(x0=b.x0 / scale, y0=b.y0 / scale, x1=b.x1 / scale, y1=b.y1 / scale)
        for b in find_seals(_render(pdfium_page, scale))
    ]


def read_pdf(path: Path, engine: Callable[[], OcrEngine]) -> DocumentText:
    """Read a PDF; `engine` is called (once) only if some page needs OCR."""
    import pdfplumber
    import pypdfium2

    _, warnings = check_pdf(path)
    pages: list[Page] = []
    ocr_kind: str | None = None
    try:
        plumber = pdfplumber.open(path)
        plumber_pages = plumber.pages
        pdfium = pypdfium2.PdfDocument(str(path))
    except Exception as e:  # pdfminer/pdfium raise many types for the same broken file
        if "plumber" in locals():
            plumber.close()
        raise UnreadableFile(f"corrupt PDF: {type(e).__name__} (PDF损坏)")
    with plumber:
        try:
            for i, page in enumerate(plumber_pages):
                try:
                    lines = _text_lines(page)
                    if not _needs_ocr(page, lines):
                        seals = _seals_in_points(pdfium[i])
                        pages.append(Page(number=i + 1, width=float(page.width), height=float(page.height),
                                          lines=lines, tables=_tables(page), seals=seals))
                        continue
                    w, h = pdfium[i].get_size()
                    scale = min(OCR_DPI / 72.0, OCR_MAX_SIDE / max(w, h, 1.0))
                    image = _render(pdfium[i], scale)
                except Exception as e:  # broken content streams, fonts, images…
                    raise UnreadableFile(f"corrupt PDF: {type(e).__name__} on page {i + 1} (PDF损坏)")
                finally:
                    page.close()
                eng = engine()
                ocr_kind = eng.kind
                pages.append(ocr_page(image, eng, i + 1))
                warnings.append(f"page {i + 1}: no usable text layer, OCR'd at {scale * 72:.0f} dpi")
        finally:
            pdfium.close()
    source = "ocr" if ocr_kind else "pdf_text"
    return DocumentText(source=source, engine=ocr_kind, pages=pages, warnings=warnings)
