"""Folder walking, manifest, path safety and fingerprints (no OCR involved)."""

import os
import zipfile

from pipeline.intake import discover, doc_id_for, fingerprint, read_manifest
from pipeline.settings import Settings


def _touch(path, data=b"%PDF-1.4 test"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_layout_claims_and_loose_files(tmp_path):
    _touch(tmp_path / "P1" / "C1" / "a.pdf")
    _touch(tmp_path / "P1" / "C1" / "sub" / "b.jpg", b"\xff\xd8\xff")
    _touch(tmp_path / "P1" / "loose.png", b"\x89PNG")
    found = discover(tmp_path)
    got = {(c.person_id, c.claim_id, c.rel) for c in found.candidates}
    assert got == {("P1", "C1", "P1/C1/a.pdf"), ("P1", "C1", "P1/C1/sub/b.jpg"), ("P1", "loose", "P1/loose.png")}
    assert found.rejected == []


def test_manifest_rows(tmp_path):
    (tmp_path / "manifest.csv").write_text(
        "person_id,person_name,unit,year,claim_id,declared_category,declared_hours\n"
        "P1,张三,漯河市第一人民医院,2023,C1,7,50\nP1,张三,漯河市第一人民医院,2023,C2,,\n", encoding="utf-8")
    rows = read_manifest(tmp_path)
    assert rows[("P1", "C1")].person_name == "张三"
    assert rows[("P1", "C1")].declared_category == 7 and rows[("P1", "C1")].declared_hours == 50.0
    assert rows[("P1", "C2")].declared_category is None and rows[("P1", "C2")].year == 2023


def test_bad_entries_are_rejected_with_reasons(tmp_path):
    root = tmp_path / "root"
    _touch(root / "P1" / "C1" / "empty.pdf", b"")
    _touch(root / "P1" / "C1" / "notes.txt", b"hello")
    _touch(root / "stray.pdf")
    outside = _touch(tmp_path / "secret.pdf")
    (root / "P1" / "C1" / "link.pdf").symlink_to(outside)
    os.symlink(tmp_path, root / "P1" / "C2")  # a symlinked claim folder escaping the root
    bomb = root / "P1" / "C1" / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"\0" * (50 * 1024 * 1024))
    reasons = {r.rel: r.reason for r in discover(root, Settings()).rejected}
    assert "empty" in reasons["P1/C1/empty.pdf"]
    assert "unsupported file type '.txt'" in reasons["P1/C1/notes.txt"]
    assert "outside any person folder" in reasons["stray.pdf"]
    assert "escapes the upload root" in reasons["P1/C1/link.pdf"]
    assert "escapes the upload root" in reasons["P1/C2"]
    assert "zip bomb" in reasons["P1/C1/bomb.docx"]


def test_symlink_inside_root_is_allowed(tmp_path):
    target = _touch(tmp_path / "P1" / "C1" / "a.pdf")
    (tmp_path / "P1" / "C2").mkdir()
    (tmp_path / "P1" / "C2" / "same.pdf").symlink_to(target)
    found = discover(tmp_path)
    assert {c.rel for c in found.candidates} == {"P1/C1/a.pdf", "P1/C2/same.pdf"}


def test_fingerprint_and_doc_ids(tmp_path):
    _touch(tmp_path / "P1" / "C1" / "a.pdf", b"%PDF-same")
    _touch(tmp_path / "P2" / "C9" / "b.pdf", b"%PDF-same")
    found = fingerprint(discover(tmp_path))
    a, b = found.candidates
    assert a.sha256 == b.sha256 and len(a.sha256) == 64
    # Same bytes in two claims are two documents; same claim and bytes is one.
    assert doc_id_for(a.person_id, a.claim_id, a.sha256) != doc_id_for(b.person_id, b.claim_id, b.sha256)
    assert doc_id_for("P1", "C1", a.sha256) == doc_id_for("P1", "C1", a.sha256)
