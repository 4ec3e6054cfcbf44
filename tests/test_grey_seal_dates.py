"""Signature dates under a seal on a GREY scan (pipeline.readers.ocrpage.read_around_seals).

In grey the seal's ring and its text are as dark as the date's strokes, so there is no red ink
to lift off; read within the whole page the date line is often lost or cut. When no clean date
reads by a seal, the seal's neighbourhood is read on its own and its clean date lines merged
in. Measured on 56 rendered grey proofs (four date styles, dates under the seal): issue_date
36 → 40 right; sets E and A+B, key fields 1137 → 1138 and 1100 → 1100."""

from __future__ import annotations

import numpy as np
import pytest

from pipeline.readers.ocrpage import read_around_seals
from schemas.document import BBox, Line

pytest.importorskip("reportlab")


class _Engine:
    """Records the crops it is given and reads one line at a fixed place in each."""

    kind, version = "fake", "0"

    def __init__(self):
        self.crops = []

    def recognize(self, crop):
        self.crops.append(crop.shape)
        return [Line(text="2023年9月3日", bbox=BBox(x0=5, y0=6, x1=105, y1=26), confidence=0.9)]


def test_lines_read_around_a_seal_come_back_in_page_pixels():
    image = np.full((1000, 800, 3), 255, np.uint8)
    seal = BBox(x0=500, y0=600, x1=700, y1=800)
    eng = _Engine()
    lines = read_around_seals(image, [seal], eng)
    # the neighbourhood runs 1.5 seal widths to the left, 0.8 to the right (clipped at the page
    # edge); then the seal's lower half, 0.3 widths wider on each side
    assert eng.crops == [(int(800 + 0.3 * 200) - int(600 - 0.2 * 200), 800 - 200, 3), (int(600 + 0.9 * 200) - int(600 + 0.45 * 200), 760 - 440, 3)]
    assert [ln.text for ln in lines] == ["2023年9月3日"] * 2
    assert (lines[0].bbox.x0, lines[0].bbox.y0) == (200 + 5, 560 + 6)
    assert (lines[1].bbox.x0, lines[1].bbox.y0) == (440 + 5, 690 + 6)


def _grey_proof(tmp_path, style: str, seed: int):
    """A one-page employer proof, its signature date in `style` under the seal, scanned grey."""
    from conftest_helpers_ocr import signed_proof
    from samplegen import render as R

    c, rng, nprng, d = signed_proof(style, seed)
    img = R.degrade.scan(R.render_page(c.pages[0], 150, R.pick_fonts(rng), rng, nprng), nprng, gray=True)
    path = tmp_path / f"{style}{seed}.pdf"
    path.write_bytes(R.image_pdf([img], [(c.pages[0].width, c.pages[0].height)], quality=rng.randint(46, 62)))
    return path, d


@pytest.mark.ocr
@pytest.mark.parametrize("style,seed", [("slash", 2), ("slash", 6), ("cn", 0), ("dot0", 6)])
def test_a_date_the_page_reading_loses_under_a_grey_seal_is_read(tmp_path, style, seed):
    """Four grey proofs whose date line the page reading lost (no issue date before)."""
    from extractors import extract
    from pipeline.text import read_document

    path, want = _grey_proof(tmp_path, style, seed)
    doc = read_document(path)
    assert doc.pages[0].seals, "the grey seal is found"
    got = {f.name: f.value for f in extract("employer_proof", doc)}.get("issue_date")
    assert got == want.isoformat()


@pytest.mark.ocr
def test_a_month_and_day_read_around_a_grey_seal_stands_in_for_the_lost_date(tmp_path):
    """A numeral date ('二〇二三年二月八日') whose first numerals the ring and the seal's own
    text cover in every reading: the neighbourhood reads only '二二三年二月八日', no full date.
    Its month and day go in (dateline.partial_date) and the extractor gives the year the
    document states (no issue date before)."""
    from extractors import extract
    from pipeline.text import read_document

    path, want = _grey_proof(tmp_path, "upper", 4)
    doc = read_document(path)
    got = {f.name: f.value for f in extract("employer_proof", doc)}.get("issue_date")
    assert got == want.isoformat()
