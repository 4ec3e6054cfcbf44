"""DOCX writer (python-docx) for letter-like documents: red header, title, paragraphs with
first-line indent, ruled tables, right-hand signature block, optional seal picture.
The zip is rewritten with fixed timestamps so the bytes are deterministic."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import numpy as np
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from samplegen.layout import Block
from samplegen.seal import seal_image

ALIGN = {"l": WD_ALIGN_PARAGRAPH.LEFT, "c": WD_ALIGN_PARAGRAPH.CENTER, "r": WD_ALIGN_PARAGRAPH.RIGHT}
FACE = {"song": "宋体", "songb": "方正小标宋简体", "hei": "黑体", "heib": "黑体", "kai": "楷体_GB2312",
        "fang": "仿宋_GB2312"}
FIXED = dt.datetime(2023, 1, 1, 8, 0, 0, tzinfo=dt.timezone.utc)


def _run(par, text: str, role: str, size: float, color) -> None:
    run = par.add_run(text)
    run.font.size = Pt(size)
    run.font.bold = role.endswith("b")
    run.font.color.rgb = RGBColor(*color)
    face = FACE.get(role, "宋体")
    run.font.name = face
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), face)


def _bottom_border(par, color: str = "FF0000", size: int = 18) -> None:
    ppr = par._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", str(size)), ("w:space", "1"), ("w:color", color)):
        bottom.set(qn(k), v)
    bdr.append(bottom)
    ppr.append(bdr)


def _deterministic_zip(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2023, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def docx_bytes(blocks: list[Block], seed: int = 0) -> tuple[bytes, list[str]]:
    """Write `blocks` to DOCX. Returns the bytes and the ground-truth text lines
    (one per paragraph / table row / signature line, as a DOCX reader yields them)."""
    doc = Document()
    cp = doc.core_properties
    cp.author, cp.last_modified_by, cp.title = "Administrator", "Administrator", ""
    cp.created = cp.modified = cp.last_printed = FIXED
    cp.revision = 1
    sec = doc.sections[0]
    sec.left_margin = sec.right_margin = Pt(80)
    lines: list[str] = []
    rng = np.random.default_rng(seed)
    for b in blocks:
        if b.kind == "break":
            doc.add_page_break()
            continue
        if b.kind == "rule":
            if doc.paragraphs:
                _bottom_border(doc.paragraphs[-1], "FF0000" if b.color[0] > 150 else "000000")
            continue
        if b.kind == "table" and b.rows:
            ncol = max(len(r) for r in b.rows)
            t = doc.add_table(rows=len(b.rows), cols=ncol)
            t.style = "Table Grid"
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
            for i, row in enumerate(b.rows):
                for j in range(ncol):
                    cell = t.cell(i, j)
                    cell.text = ""
                    _run(cell.paragraphs[0], row[j] if j < len(row) else "", "heib" if i == 0 else "song", b.size, (0, 0, 0))
                lines.append(" ".join(c for c in row if c.strip()))
            continue
        if b.kind == "sign":
            for k, text in enumerate(b.extra or []):
                p = doc.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                _run(p, text, "song", b.size, (0, 0, 0))
                lines.append(text)
            if b.seal is not None:
                img = seal_image(b.seal, 80, rng)
                buf = io.BytesIO()
                img.save(buf, "PNG", optimize=True)
                buf.seek(0)
                p = doc.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                p.add_run().add_picture(buf, width=Pt(b.seal.r * 2))
            continue
        p = doc.add_paragraph()
        p.alignment = ALIGN.get(b.align, WD_ALIGN_PARAGRAPH.LEFT)
        if b.indent:
            p.paragraph_format.first_line_indent = Pt(b.size * b.indent)
        _run(p, b.text, b.role, b.size, b.color)
        if b.text.strip():
            lines.append(b.text)
    buf = io.BytesIO()
    doc.save(buf)
    return _deterministic_zip(buf.getvalue()), lines
