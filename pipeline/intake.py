"""Walk an uploaded evidence folder: manifest, claims, path safety, content hashes.

Layout (../shared/contract.md): `<root>/<person_id>/<claim_id>/<files>`; a file directly
under `<person_id>/` is a claim of its own (claim id = file stem). Anything that cannot be
evidence becomes a `Rejected` with a reason, never an exception.
"""

from __future__ import annotations

import csv
import hashlib
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.settings import EVIDENCE_SUFFIXES, ROOT_METADATA_FILES, Settings


@dataclass
class ManifestRow:
    person_id: str
    claim_id: str
    person_name: str | None = None
    unit: str | None = None
    year: int | None = None
    declared_category: int | None = None
    declared_hours: float | None = None


@dataclass
class Candidate:
    """A file that looks like evidence; `sha256` is filled by `fingerprint`."""

    path: Path
    rel: str
    person_id: str
    claim_id: str
    size: int = 0
    sha256: str = ""


@dataclass
class Rejected:
    rel: str
    reason: str
    person_id: str | None = None
    claim_id: str | None = None
    sha256: str = ""
    size: int | None = None


@dataclass
class Intake:
    root: Path
    candidates: list[Candidate] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    manifest: dict[tuple[str, str], ManifestRow] = field(default_factory=dict)


def _int_or_none(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(float(value)) if value else None


def _float_or_none(value: str | None) -> float | None:
    value = (value or "").strip()
    return float(value) if value else None


def read_manifest(root: Path) -> dict[tuple[str, str], ManifestRow]:
    """Rows of `<root>/manifest.csv` keyed by (person_id, claim_id); {} when absent."""
    path = root / "manifest.csv"
    if not path.is_file():
        return {}
    rows: dict[tuple[str, str], ManifestRow] = {}
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for raw in csv.DictReader(fh):
            row = ManifestRow(
                person_id=raw["person_id"].strip(),
                claim_id=raw["claim_id"].strip(),
                person_name=(raw.get("person_name") or "").strip() or None,
                unit=(raw.get("unit") or "").strip() or None,
                year=_int_or_none(raw.get("year")),
                declared_category=_int_or_none(raw.get("declared_category")),
                declared_hours=_float_or_none(raw.get("declared_hours")),
            )
            rows[(row.person_id, row.claim_id)] = row
    return rows


def _escapes(path: Path, root_real: Path) -> bool:
    try:
        return not Path(os.path.realpath(path)).is_relative_to(root_real)
    except OSError:
        return True


def _triage(path: Path, root_real: Path, settings: Settings) -> str | None:
    """Why this file cannot be evidence, or None when it may be."""
    if _escapes(path, root_real):
        return "path escapes the upload root (symlink to outside) / 路径越出上传目录"
    if not path.is_file():
        return "not a regular file / 非普通文件"
    size = path.stat().st_size
    if size == 0:
        return "empty file (0 bytes) / 空文件"
    if size > settings.max_file_bytes:
        return f"file too large ({size} bytes) / 文件过大"
    if path.suffix.lower() not in EVIDENCE_SUFFIXES:
        return f"unsupported file type '{path.suffix or '(none)'}' / 不支持的文件格式"
    if path.suffix.lower() == ".docx":
        return _zip_bomb_reason(path, size, settings)
    return None


def _zip_bomb_reason(path: Path, size: int, settings: Settings) -> str | None:
    try:
        with zipfile.ZipFile(path) as zf:
            inflated = sum(info.file_size for info in zf.infolist())
    except (zipfile.BadZipFile, OSError):
        return "corrupt DOCX (not a readable zip archive) / DOCX文件损坏"
    if inflated > settings.max_unzipped_bytes or inflated > size * settings.max_zip_ratio:
        return f"zip bomb: DOCX inflates to {inflated} bytes / 压缩炸弹"
    return None


def discover(root: Path, settings: Settings | None = None) -> Intake:
    """List candidate evidence files and rejected entries under `root`, in path order."""
    settings = settings or Settings()
    root = Path(root)
    root_real = Path(os.path.realpath(root))
    intake = Intake(root=root, manifest=read_manifest(root))
    for entry in sorted(root.iterdir()):
        if entry.name in ROOT_METADATA_FILES and entry.is_file():
            continue
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and not entry.is_symlink():
            _walk_person(entry, root, root_real, settings, intake)
        else:
            reason = _triage(entry, root_real, settings) or "file outside any person folder / 文件不在申报人目录下"
            intake.rejected.append(Rejected(rel=_rel(entry, root), reason=reason))
    return intake


def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def _walk_person(person_dir: Path, root: Path, root_real: Path, settings: Settings, intake: Intake) -> None:
    person_id = person_dir.name
    for entry in sorted(person_dir.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and not entry.is_symlink():
            for path in sorted(p for p in entry.rglob("*") if not p.is_dir() or p.is_symlink()):
                _consider(path, root, root_real, settings, intake, person_id, entry.name)
        else:
            _consider(entry, root, root_real, settings, intake, person_id, entry.stem)


def _consider(path, root, root_real, settings, intake, person_id, claim_id) -> None:
    if any(part.startswith(".") for part in path.relative_to(root).parts):
        return
    rel = _rel(path, root)
    reason = _triage(path, root_real, settings)
    if reason:
        size = path.stat().st_size if path.is_file() and not _escapes(path, root_real) else None
        intake.rejected.append(Rejected(rel=rel, reason=reason, person_id=person_id, claim_id=claim_id, size=size))
    else:
        intake.candidates.append(
            Candidate(path=path, rel=rel, person_id=person_id, claim_id=claim_id, size=path.stat().st_size)
        )


def sha256_of(path: Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def fingerprint(intake: Intake) -> Intake:
    """Fill each candidate's sha256; hash the rejected regular files too (quarantine key)."""
    for cand in intake.candidates:
        cand.sha256 = sha256_of(cand.path)
    for rej in intake.rejected:
        path = intake.root / rej.rel
        if rej.size and not path.is_symlink():
            rej.sha256 = sha256_of(path)
    return intake


def doc_id_for(person_id: str, claim_id: str, sha256: str) -> str:
    """Stable document id: the same bytes in the same claim are one document."""
    return hashlib.sha256(f"{person_id}/{claim_id}/{sha256}".encode()).hexdigest()[:16]
