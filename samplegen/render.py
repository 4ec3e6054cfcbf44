"""Turn a filled Composer into evidence files: born-digital PDF, scanned PDF, phone photo
(JPEG/PNG, possibly stored sideways with or without an EXIF orientation tag) or DOCX.

`choose_render` picks a rendering per document kind; `render_document` returns one or more
`RenderedFile`s (a multi-page document photographed becomes one photo per page)."""

from __future__ import annotations

import datetime as dt
import io
import random
from dataclasses import dataclass, field

import numpy as np
from PIL import Image

from samplegen import degrade
from samplegen.layout import Composer
from samplegen.render_docx import docx_bytes
from samplegen.render_image import pick_fonts, render_page
from samplegen.render_pdf import digital_pdf, image_pdf
from samplegen.rng import weighted

RENDERS = ("digital_pdf", "scan_pdf", "photo_jpeg", "photo_png", "docx")
GROUP_WEIGHTS = {
    "notice": {"digital_pdf": 5, "scan_pdf": 2.5, "photo_jpeg": 1.5, "photo_png": 0.2, "docx": 1.2},
    "letter": {"digital_pdf": 2, "scan_pdf": 3, "photo_jpeg": 3, "photo_png": 0.2, "docx": 1.5},
    "certificate": {"digital_pdf": 1.5, "scan_pdf": 2.5, "photo_jpeg": 4, "photo_png": 0.2},
    "multipage": {"digital_pdf": 3, "scan_pdf": 4, "photo_jpeg": 2.5},
    "medical": {"scan_pdf": 2, "photo_jpeg": 4, "photo_png": 0.2},
    "handwritten": {"scan_pdf": 3, "photo_jpeg": 3, "photo_png": 0.2},
}
KIND_GROUP = {
    "training_notice": "notice", "conference_notice": "notice", "service_notice": "notice", "plan_filing": "notice",
    "policy_notice": "notice", "employer_proof": "letter", "assessment_proof": "letter", "presentation_proof": "letter",
    "assignment_document": "letter", "maternity_proof": "letter", "overseas_proof": "letter", "other": "letter",
    "project_proof": "letter", "transcript": "letter", "completion_certificate": "certificate",
    "patent_certificate": "certificate", "award_certificate": "certificate", "qualification_certificate": "certificate",
    "journal_pages": "multipage", "book_pages": "multipage", "sick_leave_proof": "medical",
    "leader_endorsement": "handwritten",
}
DOCX_KINDS = {"employer_proof", "training_notice", "conference_notice", "service_notice", "plan_filing",
              "assessment_proof", "presentation_proof", "overseas_proof", "maternity_proof", "assignment_document", "other"}


def allowed_renders(kind: str, pages: int) -> list[str]:
    """Renderings that make sense for this kind (DOCX only for letter-like kinds)."""
    w = GROUP_WEIGHTS[KIND_GROUP[kind]]
    out = [r for r in RENDERS if r in w]
    if kind not in DOCX_KINDS:
        out = [r for r in out if r != "docx"]
    if pages > 1:
        out = [r for r in out if r != "photo_png"]
    return out


def choose_render(kind: str, pages: int, rng: random.Random) -> str:
    """Pick a rendering with the kind's weights."""
    w = GROUP_WEIGHTS[KIND_GROUP[kind]]
    return weighted(rng, {r: w[r] for r in allowed_renders(kind, pages)})


@dataclass
class RenderedFile:
    data: bytes
    ext: str
    render: str
    pages: int
    text: str
    fields: dict
    raw: dict
    page_numbers: list[int]
    orientation: dict | None = None
    seals: list = field(default_factory=list)


def _merge(pages) -> tuple[dict, dict]:
    fields, raw = {}, {}
    for pg in pages:
        for k, v in pg.fields.items():
            fields.setdefault(k, v)
        for k, v in pg.raw.items():
            raw.setdefault(k, v)
    return fields, raw


def _seal_fields(fields: dict, pages) -> list:
    seals = [{"page": i + 1, "text": s.text, "sub": s.sub, "bbox_pt": [round(s.cx - s.r, 1), round(s.cy - s.r, 1),
                                                                        round(s.cx + s.r, 1), round(s.cy + s.r, 1)]}
             for i, pg in enumerate(pages) for s in pg.seals]
    fields["has_seal"] = "true" if seals else "false"
    return seals


def _exif(orientation: int | None, when: dt.date, rng: random.Random) -> bytes:
    ex = Image.Exif()
    make, model = rng.choice([("HUAWEI", "ELS-AN00"), ("Xiaomi", "M2102K1C"), ("OPPO", "PEGM00"), ("vivo", "V2134A"),
                              ("Apple", "iPhone 12")])
    ex[0x010F] = make
    ex[0x0110] = model
    ex[0x0132] = f"{when:%Y:%m:%d} {rng.randint(8, 20):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    if orientation:
        ex[0x0112] = orientation
    return ex.tobytes()


def render_document(c: Composer, render: str, rng: random.Random, nprng: np.random.Generator,
                    when: dt.date, title: str = "", sideways: int = 0, exif_tag: bool = False,
                    split_pages: bool = True) -> list[RenderedFile]:
    """Render the composer's pages as `render`; see module docstring."""
    pages = c.pages
    if render == "digital_pdf":
        fields, raw = _merge(pages)
        seals = _seal_fields(fields, pages)
        data = digital_pdf(pages, title=title, creator=rng.choice(["WPS 文字", "Microsoft® Word 2016", "Microsoft® Word 2019"]))
        return [RenderedFile(data, ".pdf", render, len(pages), "\n".join(p.text for p in pages), fields, raw,
                             list(range(1, len(pages) + 1)), seals=seals)]
    if render == "docx":
        data, lines = docx_bytes(c.blocks, seed=int(nprng.integers(1 << 30)))
        fields, raw = _merge(pages)
        has = any(b.kind == "sign" and b.seal is not None for b in c.blocks)
        fields["has_seal"] = "true" if has else "false"
        seals = [{"page": None, "text": b.seal.text, "sub": b.seal.sub, "bbox_pt": None}
                 for b in c.blocks if b.kind == "sign" and b.seal is not None]
        return [RenderedFile(data, ".docx", render, 1, "\n".join(lines), fields, raw, [1], seals=seals)]
    fonts = pick_fonts(rng)
    if render == "scan_pdf":
        dpi = rng.choice([150, 150, 150, 165])
        gray = rng.random() < (0.8 if len(pages) > 2 else 0.4)
        imgs = [degrade.scan(render_page(pg, dpi, fonts, rng, nprng), nprng, gray=gray) for pg in pages]
        data = image_pdf(imgs, [(pg.width, pg.height) for pg in pages], quality=rng.randint(46, 62))
        fields, raw = _merge(pages)
        seals = _seal_fields(fields, pages)
        return [RenderedFile(data, ".pdf", render, len(pages), "\n".join(p.text for p in pages), fields, raw,
                             list(range(1, len(pages) + 1)), seals=seals)]
    # photos: one file per page
    out = []
    png = render == "photo_png"
    for i, pg in enumerate(pages):
        img = render_page(pg, rng.choice([140, 150, 160]) if not png else 120, fonts, rng, nprng,
                          paper=tuple(int(v) for v in nprng.integers(236, 252, 3)))
        long_side = rng.randint(1200, 1300) if png else rng.randint(1300, 1700)
        ph = degrade.photo(img, nprng, long_side=long_side, sideways=sideways)
        buf = io.BytesIO()
        orientation = None
        if sideways:
            tag = (8 if sideways == 90 else 6) if exif_tag else None
            orientation = {"stored_rotation_cw": 90 if sideways == 90 else 270, "exif_orientation": tag}
        if png:
            ph.quantize(colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(buf, "PNG", optimize=True)
            ext = ".png"
        else:
            tag = orientation["exif_orientation"] if orientation else None
            ph.save(buf, "JPEG", quality=rng.randint(70, 78), optimize=True, exif=_exif(tag, when, rng))
            ext = ".jpg"
        fields, raw = _merge([pg])
        seals = _seal_fields(fields, [pg])
        for s in seals:
            s["page"] = 1
        out.append(RenderedFile(buf.getvalue(), ext, render, 1, pg.text, fields, raw, [i + 1], orientation, seals))
    return out
