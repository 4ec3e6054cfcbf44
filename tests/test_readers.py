"""Readers on real files made in the test: type sniffing, PDFs, images, DOCX, errors, seals.

These use the `null` OCR engine wherever text recognition is not the point; live OCR is in
tests/test_ocr.py.
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageEnhance

sys.path.insert(0, str(Path(__file__).parent))
from conftest_helpers_ocr import (  # noqa: E402
    draw_seal,
    make_docx,
    make_text_pdf,
    phone_photo,
    render_certificate,
    render_red_title_notice,
    write_png_bomb,
    write_zero_png,
)

from pipeline.normalize import normalize_text  # noqa: E402
from pipeline.readers import UnreadableFile, sniff_type  # noqa: E402
from pipeline.readers.orient import rotate_box  # noqa: E402
from pipeline.readers.seals import find_seals  # noqa: E402
from pipeline.text import ocr_pool_map, read_document  # noqa: E402
from schemas.document import BBox, DocumentText  # noqa: E402

SMALL = (825, 1170)  # half-size A4 pages keep the fast tests fast


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("readers")
    out: dict[str, Path] = {}

    def put(name: str) -> Path:
        out[name] = d / name
        return out[name]

    make_text_pdf(put("cert.pdf"))
    make_text_pdf(put("notice.pdf"), seal=False, red_title=True)
    render_certificate(SMALL).save(put("scan.pdf"), "PDF", resolution=100)
    render_certificate(SMALL).save(put("cert.jpg"), quality=85)
    render_certificate(SMALL).save(put("cert.png"))
    frames = [render_certificate(SMALL), render_red_title_notice(SMALL)]
    frames[0].save(put("two.tiff"), save_all=True, append_images=frames[1:], compression="tiff_deflate")
    make_docx(put("cert.docx"))
    make_docx(put("pictures.docx"), picture=out["cert.png"])
    make_docx(put("photo_only.docx"), picture=out["cert.png"], text=False)
    _picture_pdf(put("picture.pdf"), out["cert.png"])
    put("empty.pdf").write_bytes(b"")
    put("text.pdf").write_text("这不是PDF，只是一段文字。\nplain text\n", encoding="utf-8")
    data = out["cert.pdf"].read_bytes()
    put("truncated.pdf").write_bytes(data[: len(data) // 2])
    put("corrupt.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8)
    write_zero_png(put("zero.png"))
    write_png_bomb(put("bomb.png"))
    docx_bytes = out["cert.docx"].read_bytes()
    put("corrupt.docx").write_bytes(docx_bytes[: len(docx_bytes) // 3])
    put("blob.bin").write_bytes(bytes([0, 1, 2, 3, 200, 201]) * 100)

    import pikepdf

    with pikepdf.open(out["cert.pdf"]) as pdf:
        pdf.save(put("locked.pdf"), encryption=pikepdf.Encryption(user="secret", owner="owner", R=6))
        pdf.save(put("restricted.pdf"), encryption=pikepdf.Encryption(user="", owner="owner", R=4))
    big = pikepdf.new()
    for _ in range(51):
        big.add_blank_page(page_size=(595, 842))
    big.save(put("many.pdf"))
    return out


def _picture_pdf(path: Path, image: Path) -> None:
    """A typed one-line header above a pasted certificate photo."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from conftest_helpers_ocr import _pdf_font

    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(_pdf_font(), 14)
    c.drawString(60, A4[1] - 50, "附件：培训证书扫描件")
    c.drawImage(str(image), 60, 60, width=A4[0] - 120, height=A4[1] - 140)
    c.showPage()
    c.save()


# ---------------------------------------------------------------- sniffing and dispatch

@pytest.mark.parametrize(
    "name, kind",
    [("cert.pdf", "pdf"), ("cert.jpg", "jpeg"), ("cert.png", "png"), ("two.tiff", "tiff"),
     ("cert.docx", "docx"), ("text.pdf", "text"), ("empty.pdf", "empty"), ("blob.bin", "unknown"),
     ("corrupt.docx", "docx")],
)
def test_sniff_type_by_magic_bytes(files, name, kind):
    assert sniff_type(files[name]) == kind


def test_born_digital_pdf_lines_tables_and_seal(files):
    doc = read_document(files["cert.pdf"], "null")
    assert doc.source == "pdf_text" and doc.engine is None
    (page,) = doc.pages
    assert (round(page.width), round(page.height)) == (595, 842)  # PDF points
    assert "专业技术人员继续教育证书" in page.text and "共计40学时" in page.text
    assert all(l.confidence == 1.0 for l in page.lines)
    assert all(0 <= l.bbox.x0 < l.bbox.x1 <= page.width and 0 <= l.bbox.y0 < l.bbox.y1 <= page.height for l in page.lines)
    title = next(l for l in page.lines if l.text == "专业技术人员继续教育证书")
    assert title.bbox.y0 < 200  # top-left origin: the title is near the top
    assert page.tables == [[["课程", "学时", "成绩"], ["医院感染管理", "16", "合格"], ["防控新进展", "24", "优秀"]]]
    assert len(page.seals) == 1
    seal = page.seals[0]
    assert 370 < seal.x0 < 400 and 490 < seal.x1 < 520  # seal drawn at x=445±60 pt


def test_red_head_pdf_has_no_seal(files):
    doc = read_document(files["notice.pdf"], "null")
    assert doc.pages[0].seals == []
    assert doc.pages[0].lines[0].text == "郑州市人力资源和社会保障局文件"


def test_scanned_pdf_is_rendered_for_ocr(files):
    doc = read_document(files["scan.pdf"], "null")
    assert doc.source == "ocr" and doc.engine == "null"
    page = doc.pages[0]
    # 825×1170 px at 100 dpi = 594×842 pt; rendered at 200 dpi → ~1650×2340 px
    assert 1600 < page.width < 1700 and 2300 < page.height < 2400
    assert len(page.seals) == 1
    assert any("no usable text layer" in w for w in doc.warnings)


def test_pdf_page_that_is_mostly_a_picture_is_ocred(files):
    doc = read_document(files["picture.pdf"], "null")
    assert doc.source == "ocr" and doc.pages[0].width > 1000  # render pixels, not points


def test_owner_password_pdf_is_read(files):
    doc = read_document(files["restricted.pdf"], "null")
    assert doc.source == "pdf_text" and "继续教育" in doc.text
    assert any("owner password" in w for w in doc.warnings)


def test_images_and_multipage_tiff(files):
    for name in ("cert.jpg", "cert.png"):
        doc = read_document(files[name], "null")
        assert doc.source == "ocr" and doc.engine == "null" and len(doc.pages) == 1
        assert (doc.pages[0].width, doc.pages[0].height) == SMALL
        assert len(doc.pages[0].seals) == 1
    doc = read_document(files["two.tiff"], "null")
    assert [p.number for p in doc.pages] == [1, 2]
    assert len(doc.pages[0].seals) == 1 and doc.pages[1].seals == []


def test_large_photo_is_downscaled(tmp_path):
    p = tmp_path / "photo.jpg"
    phone_photo(render_certificate(SMALL), size=(3000, 4000)).save(p, quality=80)
    doc = read_document(p, "null")
    assert max(doc.pages[0].width, doc.pages[0].height) == 2500
    assert any("downscaled" in w for w in doc.warnings)


def test_docx_paragraphs_and_tables(files):
    doc = read_document(files["cert.docx"], "null")
    assert doc.source == "docx" and doc.engine is None and len(doc.pages) == 1
    texts = [l.text for l in doc.pages[0].lines]
    assert texts[0] == "专业技术人员继续教育证书"
    assert "医院感染管理" in texts and texts[-1] == "2023年5月8日"
    assert doc.pages[0].tables[0][1] == ["医院感染管理", "16", "合格"]
    ys = [l.bbox.y0 for l in doc.pages[0].lines]
    assert ys == sorted(ys) and ys[1] - ys[0] == 20


def test_docx_pictures_become_ocr_pages(files):
    doc = read_document(files["pictures.docx"], "null")
    assert doc.source == "docx" and doc.engine == "null"
    assert [p.number for p in doc.pages] == [1, 2] and len(doc.pages[1].seals) == 1
    doc = read_document(files["photo_only.docx"], "null")
    assert doc.source == "ocr" and [p.number for p in doc.pages] == [1]


# ---------------------------------------------------------------- unreadable files

@pytest.mark.parametrize(
    "name, words",
    [("empty.pdf", "empty file"), ("text.pdf", "not a PDF: looks like plain text"),
     ("truncated.pdf", "truncated PDF"), ("locked.pdf", "password-protected"),
     ("many.pdf", "too many pages"), ("corrupt.jpg", "corrupt image"), ("zero.png", "image"),
     ("corrupt.docx", "corrupt DOCX"), ("blob.bin", "unsupported file type")],
)
def test_unreadable_files_have_reasons(files, name, words):
    with pytest.raises(UnreadableFile) as e:
        read_document(files[name], "null")
    assert words in e.value.reason


def test_decompression_bomb_refused_without_decoding(files):
    t = time.perf_counter()
    with pytest.raises(UnreadableFile) as e:
        read_document(files["bomb.png"], "null")
    assert time.perf_counter() - t < 1.0  # decoding 400 MP would take far longer
    assert "20000×20000" in e.value.reason and "decompression bomb" in e.value.reason


def test_pool_map_mixes_documents_and_reasons(files):
    names = ["cert.pdf", "text.pdf", "cert.png", "bomb.png", "cert.docx"]
    results = ocr_pool_map([files[n] for n in names], "null", workers=2)
    assert [r.path for r in results] == [str(files[n]) for n in names]
    assert [r.ok for r in results] == [True, False, True, False, True]
    assert isinstance(results[0].document, DocumentText)
    assert "plain text" in results[1].reason and "decompression bomb" in results[3].reason


# ---------------------------------------------------------------- seals, geometry, text

def _arr(img: Image.Image) -> np.ndarray:
    return np.asarray(img.convert("RGB"))


def test_seal_found_on_certificate_variants():
    cert = render_certificate(SMALL)
    (box,) = find_seals(_arr(cert))
    # drawn at (825-210, ~) with radius 95 px
    assert 90 * 2 < box.x1 - box.x0 < 100 * 2 and abs((box.x0 + box.x1) / 2 - (825 - 210)) < 8
    buf = io.BytesIO()
    cert.save(buf, "JPEG", quality=35)
    assert len(find_seals(_arr(Image.open(buf)))) == 1
    assert len(find_seals(_arr(ImageEnhance.Color(cert).enhance(0.6)))) == 1  # faded ink
    assert len(find_seals(_arr(phone_photo(cert, size=(1500, 2000))))) == 1
    oval = render_certificate(SMALL, seal=False)
    stamp = Image.new("RGB", (300, 300), (255, 255, 255))
    draw_seal(stamp, (150, 150), 140)
    stamp = stamp.resize((330, 220))
    oval.paste(stamp, (300, 700), Image.fromarray((np.asarray(stamp).min(axis=2) < 200).astype("uint8") * 255))
    assert len(find_seals(_arr(oval))) == 1


def test_seal_on_red_head_notice_found_without_the_title():
    notice = render_red_title_notice(SMALL)
    draw_seal(notice, (600, 750), 95, "郑州市人力资源和社会保障局")
    (box,) = find_seals(_arr(notice))
    assert abs((box.x0 + box.x1) / 2 - 600) < 8 and abs((box.y0 + box.y1) / 2 - 750) < 8


def test_no_seal_on_red_title_notice_or_plain_page():
    assert find_seals(_arr(render_red_title_notice(SMALL))) == []
    assert find_seals(_arr(render_red_title_notice())) == []
    assert find_seals(_arr(render_certificate(SMALL, seal=False))) == []
    assert find_seals(_arr(phone_photo(render_red_title_notice(SMALL), size=(1500, 2000)))) == []


def test_rotate_box_matches_numpy_rotation():
    from pipeline.readers.orient import rotate_image

    img = np.zeros((40, 100, 3), np.uint8)
    img[5:15, 60:90] = 255
    box = BBox(x0=60, y0=5, x1=90, y1=15)
    for rot in (90, 180, 270):
        turned = rotate_image(img, rot)
        ys, xs = np.nonzero(turned[:, :, 0])
        b = rotate_box(box, rot, 100, 40)
        assert (b.x0, b.y0, b.x1, b.y1) == (xs.min(), ys.min(), xs.max() + 1, ys.max() + 1)


def test_normalize_text():
    assert normalize_text("於2023年５月８日") == "于2023年5月8日"
    assert normalize_text("專業技術人員繼續教育") == "专业技术人员继续教育"
    keep = "郑人社〔2023〕15号：（一）专业技术人员继续教育证书，共计40学时。"
    assert normalize_text(keep) == keep
    assert normalize_text("ＨＮ２０２３－００１") == "HN2023－001"  # letters/digits only
    assert normalize_text("⽂件") == "文件"  # Kangxi radical from a PDF text layer
