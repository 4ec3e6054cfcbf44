"""DOCX files via python-docx: body paragraphs, text boxes and table cells, in document order.

There is no layout, so every line gets a synthetic box: x0=0, y0=20×index, x1=10×len(text),
y1=y0+16, on one page whose height fits the lines (width 1000).

Pictures pasted into the document (a phone photo of a certificate in a Word file is common)
are OCR'd as further pages, in document order. Source stays "docx" unless the typed text is
almost empty, in which case the pictures are the document and the source is "ocr".
A small picture that is a seal (a seal image pasted over the signature) becomes a seal box
on the typed page, at the line where the picture is anchored.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Callable

from pipeline.normalize import normalize_text
from pipeline.ocr.base import OcrEngine
from pipeline.readers.errors import UnreadableFile
from schemas.document import BBox, DocumentText, Line, Page

LINE_STEP = 20.0
PAGE_WIDTH = 1000.0
MIN_PICTURE_SIDE = 200  # smaller pictures are logos and icons, not evidence (but may be a seal)
MIN_SEAL_SIDE = 48  # a seal picture smaller than this is an icon
MAX_PICTURES = 10
MIN_TEXT_CHARS = 10


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _para_texts(p_el) -> list[str]:
    """The paragraph's own text, then the text of any text boxes anchored in it."""
    from docx.text.paragraph import Paragraph

    out = [Paragraph(p_el, None).text]
    seen: set[str] = set()
    # Text boxes appear twice (DrawingML + VML fallback); keep each text once.
    for inner in p_el.iter(_qn("w:txbxContent")):
        for q in inner.iter(_qn("w:p")):
            t = "".join(node.text or "" for node in q.iter(_qn("w:t")))
            if t.strip() and t not in seen:
                seen.add(t)
                out.append(t)
    return out


def _table(tbl_el) -> list[list[str | None]]:
    from docx.table import Table

    rows: list[list[str | None]] = []
    for row in Table(tbl_el, None).rows:
        cells: list[str | None] = []
        prev = None
        for cell in row.cells:
            # python-docx repeats a horizontally merged cell once per grid column
            cells.append(None if cell._tc is prev else normalize_text(cell.text.strip()))
            prev = cell._tc
        rows.append(cells)
    return rows


def _pictures_at(document, where: dict) -> list[tuple[bytes, int]]:
    """(blob, line index) of each picture referenced from the body, in document order, each
    once; `where` maps body elements to the index of the first line they hold."""
    seen: set[str] = set()
    out: list[tuple[bytes, int]] = []
    for child in document.element.body.iterchildren():
        for blip in child.iter(_qn("a:blip")):
            rid = blip.get(_qn("r:embed"))
            if not rid or rid in seen:
                continue
            seen.add(rid)
            part = document.part.related_parts.get(rid)
            if part is not None and hasattr(part, "blob"):
                out.append((part.blob, where.get(child, 0)))
    return out


def _picture_pages(blobs: list[bytes], engine: Callable[[], OcrEngine] | None, first: int) -> tuple[list[Page], list[str], list[int]]:
    """OCR'd pages for the sizable pictures (when `engine` is given); also the indexes of the
    small pictures that are a seal (a seal image pasted over the signature)."""
    import io

    from PIL import Image

    from pipeline.readers.image import check_size, to_rgb
    from pipeline.readers.ocrpage import ocr_page
    from pipeline.readers.seals import find_seals

    pages: list[Page] = []
    warnings: list[str] = []
    seal_pictures: list[int] = []
    for i, blob in enumerate(blobs):
        if len(pages) == MAX_PICTURES:
            warnings.append(f"more than {MAX_PICTURES} pictures; the rest were not read")
            break
        try:
            img = Image.open(io.BytesIO(blob))
            check_size(*img.size)
            if min(img.size) < MIN_PICTURE_SIDE:
                if min(img.size) >= MIN_SEAL_SIDE and find_seals(to_rgb(img)[0]):
                    seal_pictures.append(i)
                continue
            if engine is None:
                continue
            arr, _ = to_rgb(img)
        except UnreadableFile as e:
            warnings.append(f"picture skipped: {e.reason}")
            continue
        except Exception as e:  # EMF/WMF and other formats Pillow cannot decode
            warnings.append(f"picture skipped: {type(e).__name__}")
            continue
        pages.append(ocr_page(arr, engine(), first + len(pages)))
    return pages, warnings, seal_pictures


def read_docx(path: Path, engine: Callable[[], OcrEngine] | None = None) -> DocumentText:
    """Read a .docx into one page of lines (paragraphs, text boxes, table cells) and tables,
    plus one OCR'd page per sizable picture when an `engine` factory is given."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
        body = document.element.body
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as e:
        raise UnreadableFile(f"corrupt DOCX: {type(e).__name__} (Word文件损坏)")
    except Exception as e:  # lxml XMLSyntaxError and friends
        raise UnreadableFile(f"corrupt DOCX: {type(e).__name__} (Word文件损坏)")
    texts: list[str] = []
    tables: list[list[list[str | None]]] = []
    where: dict = {}
    for child in body.iterchildren():
        where[child] = sum(1 for t in texts if normalize_text(t).strip())
        if child.tag == _qn("w:p"):
            texts += _para_texts(child)
        elif child.tag == _qn("w:tbl"):
            rows = _table(child)
            tables.append(rows)
            texts += [c for row in rows for c in row if c]
    lines: list[Line] = []
    for t in texts:
        t = normalize_text(t).strip()
        if not t:
            continue
        y0 = len(lines) * LINE_STEP
        box = BBox(x0=0.0, y0=y0, x1=min(PAGE_WIDTH, 10.0 * len(t)), y1=y0 + 16.0)
        lines.append(Line(text=t, bbox=box, confidence=1.0))
    placed = _pictures_at(document, where)
    first = 2 if lines or tables else 1
    pictures, warnings, seal_pictures = _picture_pages([b for b, _ in placed], engine, first)
    # a seal picture is put on the typed page, over the line where it is anchored
    seals = [BBox(x0=PAGE_WIDTH * 0.55, y0=placed[i][1] * LINE_STEP - 40.0,
                  x1=PAGE_WIDTH * 0.55 + 100.0, y1=placed[i][1] * LINE_STEP + 60.0) for i in seal_pictures]
    height = max([LINE_STEP, len(lines) * LINE_STEP] + [b.y1 for b in seals])
    page = Page(number=1, width=PAGE_WIDTH, height=height, lines=lines, tables=tables, seals=seals)
    typed_page = [page] if lines or tables or seals else []
    if seals and first == 1:  # the typed page exists only for its seal: pictures follow it
        for p in pictures:
            p.number += 1
    if not pictures:
        return DocumentText(source="docx", engine=None, pages=[page], warnings=warnings)
    typed = sum(len(l.text) for l in lines) >= MIN_TEXT_CHARS
    return DocumentText(source="docx" if typed else "ocr", engine=engine().kind,
                        pages=typed_page + pictures, warnings=warnings)
