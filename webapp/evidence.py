"""Evidence page images, rendered from the original files under the data root.

A PDF page is rendered with pypdfium2, an image frame is decoded with PIL and turned upright
by its EXIF orientation (as the OCR saw it). A DOCX has no page image: the claim page shows
its text. The file is found from the documents row, never from the URL, and must resolve
strictly inside the root (no `..`, no symlink out).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from webapp.access import has_id

MAX_SIDE = 1400
IMAGE_TYPES = {"jpeg", "png", "tiff"}


class EvidenceError(Exception):
    pass


def resolve_inside(root: Path, rel: str) -> Path:
    """The file `rel` under `root`, refusing anything that resolves outside it."""
    root = Path(root).resolve()
    if not rel or Path(rel).is_absolute():
        raise EvidenceError("path outside the data folder")
    path = (root / rel).resolve()
    if not path.is_relative_to(root) or path == root:
        raise EvidenceError("path outside the data folder")
    if not path.is_file():
        raise EvidenceError("file not found")
    return path


def has_image(file_type: str | None) -> bool:
    return file_type == "pdf" or file_type in IMAGE_TYPES


def render_page(path: Path, file_type: str, page: int):
    """Page `page` (1-based) of the file as an RGB PIL image no larger than MAX_SIDE."""
    from PIL import Image, ImageOps

    if file_type == "pdf":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
        try:
            if not 1 <= page <= len(pdf):
                raise EvidenceError("no such page")
            p = pdf[page - 1]
            scale = MAX_SIDE / max(p.get_width(), p.get_height())
            img = p.render(scale=scale).to_pil().convert("RGB")
        finally:
            pdf.close()
        return img
    if file_type in IMAGE_TYPES:
        with Image.open(path) as im:
            try:
                im.seek(page - 1)
            except EOFError:
                raise EvidenceError("no such page")
            im.draft("RGB", (MAX_SIDE, MAX_SIDE))
            img = ImageOps.exif_transpose(im).convert("RGB")
        img.thumbnail((MAX_SIDE, MAX_SIDE))
        return img
    raise EvidenceError("this file has no page image")


def mask_boxes(page_row: dict, fields: list[dict], page: int) -> list[dict]:
    """Boxes (page coordinates) that hold a resident ID number on this page."""
    boxes = []
    for f in fields:
        if f["page"] == page and f["bbox"] and (f["name"] == "id_number" or has_id(f["value"])):
            boxes.append(json.loads(f["bbox"]) if isinstance(f["bbox"], str) else f["bbox"])
    lines = page_row.get("lines")
    for line in (json.loads(lines) if isinstance(lines, str) else lines) or []:
        if has_id(line.get("text")) and line.get("bbox"):
            boxes.append(line["bbox"])
    return boxes


def page_jpeg(root: Path, doc: dict, page: int, mask: bool) -> bytes:
    """The page image as JPEG; resident ID numbers blacked out when `mask`.

    JPEG at quality 88 without chroma subsampling keeps small text and red seals sharp and is
    ~40× faster to encode than PNG (3 ms against 117 ms per sample page) at a quarter of the size
    (`python -m webapp.bench`)."""
    from PIL import ImageDraw

    path = resolve_inside(root, doc["path"])
    img = render_page(path, doc["file_type"], page)
    row = next((p for p in doc["page_rows"] if p["page"] == page), None)
    if mask and row and row.get("width"):
        sx, sy = img.width / row["width"], img.height / row["height"]
        draw = ImageDraw.Draw(img)
        for b in mask_boxes(row, doc["fields"], page):
            draw.rectangle([b["x0"] * sx, b["y0"] * sy, b["x1"] * sx, b["y1"] * sy], fill=(0, 0, 0))
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=88, subsampling=0)
    return buf.getvalue()
