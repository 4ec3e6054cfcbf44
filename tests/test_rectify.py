"""Phone photos: the sheet is found and read flat (pipeline.readers.rectify); line boxes land
on the right words of the original picture; a photographed date/number reads right."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from pipeline.bench_ocr import cer
from pipeline.readers.rectify import find_sheet, map_box, order_corners, prepare_photo
from schemas.document import BBox


def _desk_photo(quad, size=(900, 1250), desk=(120, 86, 60)) -> np.ndarray:
    """A plain bright sheet with dark text bars on a brown desk, sheet corners at `quad`."""
    import cv2

    w, h = size
    sheet = np.full((1400, 1000, 3), 242, np.uint8)
    for y in range(150, 1250, 60):
        sheet[y:y + 18, 120:880] = 40
    img = np.empty((h, w, 3), np.uint8)
    img[:] = desk
    M = cv2.getPerspectiveTransform(np.float32([[0, 0], [1000, 0], [1000, 1400], [0, 1400]]), np.float32(quad))
    warped = cv2.warpPerspective(sheet, M, (w, h))
    mask = cv2.warpPerspective(np.ones((1400, 1000), np.uint8), M, (w, h)).astype(bool)
    img[mask] = warped[mask]
    return img


QUAD = [[150, 120], [760, 150], [800, 1130], [110, 1100]]


def test_order_corners():
    pts = np.float32([[800, 1130], [150, 120], [110, 1100], [760, 150]])
    assert order_corners(pts).tolist() == [[150, 120], [760, 150], [800, 1130], [110, 1100]]


def test_sheet_found_on_a_desk():
    q = find_sheet(_desk_photo(QUAD))
    assert q is not None
    assert np.abs(q - np.float32(QUAD)).max() < 12


def test_no_sheet_on_a_scan_or_a_sheet_filling_the_frame():
    scan = np.full((1400, 1000, 3), 245, np.uint8)
    scan[200:220, 100:900] = 30
    assert find_sheet(scan) is None
    assert prepare_photo(scan).matrix is None
    full = _desk_photo([[-20, -20], [920, -10], [910, 1270], [-10, 1265]])
    assert find_sheet(full) is None


def _lit(img: np.ndarray, strength: float = 0.3) -> np.ndarray:
    """A lamp from the left: the frame darkens to the right by `strength`."""
    h, w = img.shape[:2]
    light = 1.0 + strength * (0.5 - np.arange(w, dtype=np.float32) / w)
    return np.clip(img * light[None, :, None], 0, 255).astype(np.uint8)


def test_sheet_found_on_a_pale_desk_as_bright_as_the_paper():
    # a light grey desk lit from the left is brighter there than the sheet's shaded side:
    # brightness alone cannot tell them apart, the sheet's outline can
    img = _lit(_desk_photo(QUAD, desk=(214, 214, 210)), 0.35)
    q = find_sheet(img)
    assert q is not None
    assert np.abs(q - np.float32(QUAD)).max() < 12


def test_a_printed_frame_on_a_sheet_filling_the_picture_is_not_a_sheet():
    # a certificate's border or a table's outline has paper on both sides: no sheet edge
    page = np.full((1250, 900, 3), 240, np.uint8)
    page[150:156, 120:780] = page[1000:1006, 120:780] = 40
    page[150:1006, 120:126] = page[150:1006, 774:780] = 40
    for y in range(250, 950, 60):
        page[y:y + 14, 200:700] = 60
    assert find_sheet(_lit(page, 0.2)) is None


def test_box_round_trip_through_the_warp():
    img = _desk_photo(QUAD)
    prep = prepare_photo(img)
    assert prep.matrix is not None
    # a box on the original sheet, sent to the flat sheet and back, lands where it was
    pts = np.float32([[300, 400, 1], [500, 400, 1], [500, 430, 1], [300, 430, 1]]) @ prep.matrix.T
    pts = pts[:, :2] / pts[:, 2:3]
    flat = BBox(x0=float(pts[:, 0].min()), y0=float(pts[:, 1].min()),
                x1=float(pts[:, 0].max()), y1=float(pts[:, 1].max()))
    back = prep.box_to_original(flat, img.shape[1], img.shape[0])
    assert abs(back.x0 - 300) < 6 and abs(back.x1 - 500) < 6 and abs(back.y0 - 400) < 12 and abs(back.y1 - 430) < 12
    # identity when nothing was warped
    assert map_box(flat, np.eye(3), 2000, 2000) == flat


# --- live OCR on rendered phone photos ---------------------------------------------------

ocr = pytest.mark.ocr


def _render(kind, family, render, seed, tmp_path):
    from samplegen.single import render_document

    lab = render_document(kind, family, render, seed=seed, out_dir=tmp_path)
    return lab, Path(lab["abs_path"])


@ocr
def test_photo_boxes_land_on_their_words(tmp_path):
    """Each long line's box, cut from the ORIGINAL photo and read again, says the same."""
    from pipeline.ocr import get_engine
    from pipeline.text import read_document

    lab, path = _render("completion_certificate", "B", "photo_png", 4, tmp_path)
    doc = read_document(path, "rapid")
    page = doc.pages[0]
    orig = np.asarray(Image.open(path).convert("RGB"))
    assert (page.width, page.height) == (orig.shape[1], orig.shape[0])
    assert prepare_photo(orig).matrix is not None  # the sheet was found: boxes were mapped back
    engine = get_engine("rapid")
    longest = sorted(page.lines, key=lambda l: -len(l.text))[:4]
    assert len(longest) == 4
    for line in longest:
        b = line.bbox
        pad = 0.3 * (b.y1 - b.y0)
        crop = orig[int(max(0, b.y0 - pad)):int(b.y1 + pad), int(max(0, b.x0 - pad)):int(b.x1 + pad)]
        again = "".join(l.text for l in engine.recognize_photo(np.ascontiguousarray(crop)))
        assert cer(line.text, again) < 0.35, (line.text, again)


@ocr
def test_photographed_date_and_number_read_right(tmp_path):
    """A chat-app PNG photo whose date and name were misread before (date lost, name wrong)."""
    from pipeline.text import read_document

    lab, path = _render(*CASE, tmp_path)
    text = re.sub(r"\s+", "", read_document(path, "rapid").text)
    for name in FIELDS:
        assert re.sub(r"\s+", "", lab["fields_raw"].get(name) or lab["fields"][name]) in text, name


CASE = ("completion_certificate", "B", "photo_png", 3)
FIELDS = ("issue_date", "person_name")  # before: date not found, 廖燕 read as 康燕


@ocr
def test_photographed_transcript_rows_follow_the_flat_sheet(tmp_path):
    """A transcript photographed at a slant (its right-hand columns a row higher on the photo
    than the course names): rows are built on the flat sheet, so every course keeps its
    own score and date; the fields' boxes are on the photo."""
    import json

    from extractors import extract
    from pipeline.evaluate import same_value
    from pipeline.text import read_document

    lab, path = _render("transcript", "B", "photo_jpeg", 1000, tmp_path)
    doc = read_document(path, "rapid")
    assert all(line.layout is not None for line in doc.pages[0].lines)
    fields = {f.name: f for f in extract("transcript", doc)}
    assert same_value("courses", lab["fields"]["courses"], fields["courses"].value), fields["courses"].value
    assert fields["courses_passed"].value == str(lab["fields"]["courses_passed"])
    box = fields["person_name"].bbox
    orig = Image.open(path)
    assert 0 <= box.x0 < box.x1 <= orig.width and 0 <= box.y0 < box.y1 <= orig.height
    assert json.loads(fields["courses"].value)
