"""Live OCR (rapid, paddle) on pages rendered in the test: CER, EXIF, sideways pages, seals."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

sys.path.insert(0, str(Path(__file__).parent))
from conftest_helpers_ocr import CERT_LINES, render_certificate, render_line  # noqa: E402

from pipeline.bench_ocr import cer, main as bench_main  # noqa: E402
from pipeline.ocr import ENGINES, get_engine  # noqa: E402
from pipeline.ocr.base import OcrEngine  # noqa: E402
from pipeline.text import read_document  # noqa: E402

pytestmark = pytest.mark.ocr

LINE = "专业技术人员继续教育证书 2023年5月8日 共计40学时"
PAGE = (1240, 1754)  # A4 at 150 dpi
# The seal's own curved text is not part of the truth; the issuer line under it is.
CERT_TRUTH = "".join(CERT_LINES)


def test_registry():
    assert set(ENGINES) >= {"rapid", "paddle", "null"}
    assert get_engine("null") is get_engine("null")
    with pytest.raises(KeyError):
        get_engine("tesseract")


@pytest.mark.parametrize("kind", ["rapid", "paddle"])
def test_engine_reads_a_line(kind):
    engine = get_engine(kind)
    assert isinstance(engine, OcrEngine) and engine.kind == kind and engine.version
    img = np.asarray(render_line(LINE))
    lines = engine.recognize(img)
    text = "".join(l.text for l in lines)
    assert cer(LINE, text) < 0.05, text
    h, w = img.shape[:2]
    for l in lines:
        assert 0 <= l.bbox.x0 < l.bbox.x1 <= w and 0 <= l.bbox.y0 < l.bbox.y1 <= h
        assert 0.5 <= l.confidence <= 1.0


@pytest.mark.parametrize("kind", ["rapid", "paddle"])
def test_certificate_page_with_seal(tmp_path, kind):
    p = tmp_path / "cert.png"
    render_certificate(PAGE).save(p)
    doc = read_document(p, kind)
    assert doc.source == "ocr" and doc.engine == kind
    page = doc.pages[0]
    assert page.rotation == 0 and len(page.seals) == 1
    # Seal-covered issuer line is read thanks to seal softening.
    assert "河南省继续医学教育委员会" in page.text
    assert cer(CERT_TRUTH, page.text) < 0.1, page.text
    assert doc.mean_confidence > 0.9


def test_exif_rotated_jpeg(tmp_path):
    p = tmp_path / "exif.jpg"
    upright = render_certificate(PAGE, seal=False)
    stored = upright.transpose(Image.Transpose.ROTATE_90)  # pixels stored sideways …
    exif = Image.Exif()
    exif[0x0112] = 6  # … and EXIF says "turn 90° clockwise to display"
    stored.save(p, quality=90, exif=exif)
    doc = read_document(p, "rapid")
    page = doc.pages[0]
    assert (page.width, page.height) == PAGE and page.rotation == 0
    assert cer(CERT_TRUTH, page.text) < 0.1


@pytest.mark.parametrize("turn", [Image.Transpose.ROTATE_90, Image.Transpose.ROTATE_270])
def test_sideways_page_is_turned_upright(tmp_path, turn):
    p = tmp_path / "sideways.png"
    render_certificate(PAGE).transpose(turn).save(p)
    doc = read_document(p, "rapid")
    page = doc.pages[0]
    # ROTATE_90 turns the page counter-clockwise, so it needs 90° clockwise back.
    assert page.rotation == (90 if turn == Image.Transpose.ROTATE_90 else 270)
    assert (page.width, page.height) == PAGE
    assert cer(CERT_TRUTH, page.text) < 0.1
    assert len(page.seals) == 1 and page.seals[0].y0 > PAGE[1] / 2  # seal back at the bottom


def test_upside_down_page(tmp_path):
    p = tmp_path / "flipped.png"
    render_certificate(PAGE).transpose(Image.Transpose.ROTATE_180).save(p)
    page = read_document(p, "rapid").pages[0]
    assert page.rotation == 180 and cer(CERT_TRUTH, page.text) < 0.1


@pytest.mark.parametrize("degrees", [-12, 12])
def test_tilted_photo_keeps_reading_order(degrees):
    from pipeline.readers.ocrpage import ocr_page

    tilted = render_certificate(PAGE).rotate(degrees, expand=True, fillcolor=(90, 80, 70), resample=Image.BICUBIC)
    page = ocr_page(np.asarray(tilted), get_engine("rapid"), 1)
    assert page.rotation == 0
    assert cer(CERT_TRUTH, page.text) < 0.05, page.text  # line order counts in CER


def test_scanned_pdf_is_ocred(tmp_path):
    p = tmp_path / "scan.pdf"
    render_certificate(PAGE).save(p, "PDF", resolution=150)
    doc = read_document(p, "rapid")
    assert doc.source == "ocr" and doc.engine == "rapid"
    assert cer(CERT_TRUTH, doc.text) < 0.1


def test_bench_main_runs(tmp_path, capsys):
    render_line(LINE).save(tmp_path / "line.png")
    (tmp_path / "labels.json").write_text(
        '{"documents": [{"path": "line.png", "text": "%s"}]}' % LINE, encoding="utf-8"
    )
    assert bench_main([str(tmp_path), "--engines", "rapid"]) == 0
    out = capsys.readouterr().out
    assert "rapid" in out and "CER" in out


def test_docx_with_pasted_certificate_photo(tmp_path):
    from conftest_helpers_ocr import make_docx

    img = tmp_path / "cert.jpg"
    render_certificate(PAGE).save(img, quality=85)
    p = tmp_path / "cert.docx"
    make_docx(p, picture=img, text=False)
    doc = read_document(p, "rapid")
    assert doc.source == "ocr" and doc.engine == "rapid" and len(doc.pages) == 1
    assert cer(CERT_TRUTH, doc.text) < 0.1


def test_pool_with_live_engine(tmp_path):
    from pipeline.text import ocr_pool_map

    a, b = tmp_path / "a.png", tmp_path / "b.txt"
    render_line(LINE).save(a)
    b.write_text("not evidence", encoding="utf-8")
    ra, rb = ocr_pool_map([a, b], "rapid", workers=2)
    assert ra.ok and cer(LINE, ra.document.text) < 0.05
    assert not rb.ok and "plain text" in rb.reason
