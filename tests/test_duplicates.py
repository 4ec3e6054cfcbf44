"""duplicate_file and duplicate_certificate: perceptual hashes of real rendered photos, the
index rules (co-authors at different ranks are fine), and across runs of one database."""

import io
import json
import shutil
from pathlib import Path

import pytest
from PIL import Image, ImageEnhance

from pipeline.duplicates import (PHASH_NEAR, EvidenceIndex, EvidenceRef, _bits, _norm_text, check_duplicates,
                                 image_phash)
from samplegen.single import render_document
from schemas.kinds import DocKind as K
from schemas.kinds import FlagCode, Severity
from schemas.records import ClaimContext


@pytest.fixture(scope="module")
def photos(tmp_path_factory):
    out = tmp_path_factory.mktemp("dups")
    a = render_document("qualification_certificate", "A", "photo_jpeg", 3, out / "a")
    b = render_document("qualification_certificate", "A", "photo_jpeg", 4, out / "b")
    pdf = render_document("qualification_certificate", "A", "digital_pdf", 3, out / "c")
    return out, a, b, pdf


def _resaved(src: Path, dst: Path, scale=0.8, light=1.08, quality=65) -> Path:
    img = Image.open(src).convert("RGB")
    w, h = img.size
    img = ImageEnhance.Brightness(img.resize((int(w * scale), int(h * scale)))).enhance(light)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    dst.write_bytes(buf.getvalue())
    return dst


def test_phash_finds_a_resaved_copy_not_another_certificate(photos):
    out, a, b, pdf = photos
    pa = image_phash(out / "a" / a["path"], "jpeg", True)
    copy = _resaved(out / "a" / a["path"], out / "copy.jpg")
    pc = image_phash(copy, "jpeg", True)
    pb = image_phash(out / "b" / b["path"], "jpeg", True)
    assert _bits(pa, pc) <= PHASH_NEAR < _bits(pa, pb)  # same template, other person: not a copy
    assert image_phash(out / "c" / pdf["path"], "pdf", False) is None  # born digital: bytes and text decide
    assert image_phash(out / "nothing.jpg", "jpeg", True) is None  # unreadable: no hash, no crash


def ref(pid, cid, kind, sha="", phash=None, text="", doc=None, **fields):
    return EvidenceRef(pid, cid, doc or f"{pid}-{cid}-{kind.value}", f"{pid}/{cid}/{kind.value}.jpg", kind, sha, phash,
                       _norm_text(text), {k: str(v) for k, v in fields.items()})


def ctx(pid, cid):
    return ClaimContext(claim_id=cid, person_id=pid, year=2023)


def flags_for(pid, cid, refs):
    return check_duplicates(ctx(pid, cid), EvidenceIndex(refs))


def test_same_bytes_in_another_claim_is_flagged_on_both_sides():
    refs = [ref("P1", "C1", K.qualification_certificate, sha="aa"), ref("P2", "C7", K.qualification_certificate, sha="aa")]
    f = flags_for("P2", "C7", refs)
    assert [x.code for x in f] == [FlagCode.duplicate_file] and f[0].severity == Severity.error
    assert "同一文件" in f[0].message and "P1/C1" in f[0].message
    assert [x.code for x in flags_for("P1", "C1", refs)] == [FlagCode.duplicate_file]


def test_not_duplicates():
    same_claim = [ref("P1", "C1", K.employer_proof, sha="aa", doc="d1"), ref("P1", "C1", K.employer_proof, sha="aa", doc="d2")]
    assert flags_for("P1", "C1", same_claim) == []
    shared = [ref("P1", "C1", K.training_notice, sha="bb"), ref("P2", "C2", K.training_notice, sha="bb")]
    assert flags_for("P2", "C2", shared) == []  # colleagues upload the same notice
    other = [ref("P1", "C1", K.employer_proof, sha="cc"), ref("P2", "C2", K.employer_proof, sha="dd")]
    assert flags_for("P2", "C2", other) == []


def test_near_copies_by_image_and_by_text(photos):
    _, a, b, _ = photos
    near = [ref("P1", "C1", K.qualification_certificate, sha="1", phash="f" * 64),
            ref("P2", "C2", K.qualification_certificate, sha="2", phash="f" * 62 + "00")]  # 8 bits apart
    f = flags_for("P2", "C2", near)
    assert [x.code for x in f] == [FlagCode.duplicate_file] and "感知哈希相差8位" in f[0].message
    # an OCR'd copy of the same page (a few characters misread) vs another person's certificate
    misread = a["text"].replace("证", "正", 2).replace("年", "牛", 1)
    text_copy = [ref("P1", "C1", K.qualification_certificate, sha="1", text=a["text"]),
                 ref("P2", "C2", K.qualification_certificate, sha="2", text=misread)]
    assert [x.code for x in flags_for("P2", "C2", text_copy)] == [FlagCode.duplicate_file]
    other_person = [ref("P1", "C1", K.qualification_certificate, sha="1", text=a["text"]),
                    ref("P2", "C2", K.qualification_certificate, sha="2", text=b["text"])]
    assert flags_for("P2", "C2", other_person) == []


PATENT = "ZL202310123456.7"


@pytest.mark.parametrize("mine, theirs, same_person, expect", [
    ("2", "1", False, False),  # co-inventors at ranks 1 and 2: fine
    ("2", "2", False, True),   # the same rank claimed twice: a composited certificate
    ("2", "2", True, True),    # one person, two claims
    ("2", None, False, False),  # the other's rank unknown: no evidence of a clash
])
def test_patent_claimed_twice(mine, theirs, same_person, expect):
    other_pid = "P1" if same_person else "P9"
    refs = [ref("P1", "C1", K.patent_certificate, sha="x", patent_number=PATENT, inventor_rank=mine),
            ref(other_pid, "C2", K.patent_certificate, sha="y", patent_number=PATENT.replace(".", ""),
                **({"inventor_rank": theirs} if theirs else {}))]
    f = flags_for("P1", "C1", refs)
    assert [x.code for x in f] == ([FlagCode.duplicate_certificate] if expect else [])
    if expect:
        assert PATENT.replace(".", "") in f[0].message and "C2" in f[0].message


def test_certificate_number_has_one_holder():
    refs = [ref("P1", "C1", K.qualification_certificate, sha="x", certificate_number="HN2023-0001234"),
            ref("P2", "C2", K.qualification_certificate, sha="y", certificate_number="HN2023 0001234")]
    assert [x.code for x in flags_for("P2", "C2", refs)] == [FlagCode.duplicate_certificate]
    refs[1].fields["certificate_number"] = "HN2023-0001235"
    assert flags_for("P2", "C2", refs) == []
    # an article: same ISSN and title, authors at different ranks is co-authorship
    art = dict(issn="1000-0135", article_title="基于深度学习的病灶分割方法研究")
    refs = [ref("P1", "C1", K.journal_pages, author_rank="1", **art), ref("P2", "C2", K.journal_pages, author_rank="3", **art)]
    assert flags_for("P2", "C2", refs) == []


def test_duplicate_found_across_runs_of_one_database(prefect_harness, photos, tmp_path):
    """A copy uploaded in a later batch by another person is flagged against the landed one."""
    from flows.batch import batch_flow
    from pipeline.store import connect

    out, a, _, pdf = photos
    db = tmp_path / "db.duckdb"
    first, second = tmp_path / "batch1", tmp_path / "batch2"
    (first / "P0001" / "C0001").mkdir(parents=True)
    shutil.copy(out / "c" / pdf["path"], first / "P0001" / "C0001" / "资格证书.pdf")
    batch_flow(root=str(first), year=2023, db=str(db), ocr_engine="null", progress=False)
    (second / "P0002" / "C0009").mkdir(parents=True)
    shutil.copy(out / "c" / pdf["path"], second / "P0002" / "C0009" / "证书.pdf")
    batch_flow(root=str(second), year=2023, db=str(db), ocr_engine="null", progress=False)
    with connect(db, read_only=True) as con:
        rows = con.execute("SELECT person_id, claim_id, code, message FROM flags WHERE code LIKE 'duplicate%'").fetchall()
    assert [(p, c, code) for p, c, code, _ in rows] == [("P0002", "C0009", "duplicate_file")]
    assert "P0001/C0001" in rows[0][3]
