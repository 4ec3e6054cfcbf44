"""File type by magic bytes, never by extension."""

from __future__ import annotations

import zipfile
from pathlib import Path

_MAGIC: list[tuple[bytes, str]] = [
    (b"\xff\xd8\xff", "jpeg"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"BM", "bmp"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),  # legacy .doc/.xls
    (b"Rar!\x1a\x07", "rar"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"\x1f\x8b", "gzip"),
]


def sniff_type(path: Path | str) -> str:
    """Return the file's type from its leading bytes.

    One of "pdf", "jpeg", "png", "tiff", "webp", "gif", "bmp", "docx", "zip", "ole", "rar",
    "7z", "gzip", "text", "empty" or "unknown". A PDF header may sit after up to 1 KiB of junk
    (readers accept that), so "%PDF-" is searched for in the first 1024 bytes.
    """
    path = Path(path)
    with path.open("rb") as f:
        head = f.read(1024)
    if not head:
        return "empty"
    if b"%PDF-" in head:
        return "pdf"
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path)
    if _looks_like_text(head):
        return "text"
    return "unknown"


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        # A truncated/corrupt archive has no readable directory; judge by its first entries
        # so a broken .docx is reported as a corrupt DOCX rather than an unknown zip.
        with path.open("rb") as f:
            head = f.read(4096)
        return "docx" if b"word/" in head or b"[Content_Types].xml" in head else "zip"
    if "word/document.xml" in names:
        return "docx"
    return "zip"


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    for enc in ("utf-8", "gb18030"):
        try:
            head.decode(enc)
            return True
        except UnicodeDecodeError:
            continue
    # a multi-byte character may be cut at the 1 KiB boundary
    try:
        head[:-3].decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False
