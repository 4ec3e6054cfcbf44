"""Unreadable inputs the pipeline must quarantine: an empty PDF, a truncated PDF (first 40 %
of a real one), a text file named .pdf, a password-protected PDF and a zero-byte JPEG.

(The 20000×20000 image and the symlink escaping the root are made by tests, not here.)"""

from __future__ import annotations

import io

import pikepdf

BAD_SPECS = [
    # (file name, kind, reason keyword, alternative keywords)
    ("空白文件.pdf", "empty_pdf", "empty", ["empty", "zero", "0 bytes"]),
    ("结业证书_上传中断.pdf", "truncated_pdf", "corrupt", ["corrupt", "truncated", "damaged", "eof", "unreadable"]),
    ("单位证明.pdf", "text_as_pdf", "corrupt", ["corrupt", "not a pdf", "unknown format", "header", "invalid"]),
    ("加密证书.pdf", "encrypted_pdf", "encrypted", ["encrypted", "password"]),
    ("IMG_0001.jpg", "empty_jpg", "empty", ["empty", "zero", "0 bytes"]),
]


def truncated(pdf: bytes, fraction: float = 0.4) -> bytes:
    """The first `fraction` of a PDF's bytes."""
    return pdf[: int(len(pdf) * fraction)]


def encrypted(pdf: bytes, user_password: str = "123456") -> bytes:
    """The PDF protected with a user password (RC4-128, static /ID: deterministic bytes)."""
    src = pikepdf.open(io.BytesIO(pdf))
    out = io.BytesIO()
    src.save(out, encryption=pikepdf.Encryption(owner="owner-" + user_password, user=user_password, R=3, aes=False, metadata=False),
             static_id=True, deterministic_id=False)
    return out.getvalue()


def text_pretending_pdf() -> bytes:
    """Plain text saved with a .pdf name."""
    return ("证明\n\n兹证明我单位同志参加了继续教育培训，特此证明。\n（此文件由手机备忘录导出，非PDF格式）\n").encode("utf-8")


def make_bad_files(real_pdf: bytes) -> list[tuple[str, str, str, list[str], bytes]]:
    """(file name, kind, reason keyword, keywords, bytes) for every bad input."""
    data = {"empty_pdf": b"", "truncated_pdf": truncated(real_pdf), "text_as_pdf": text_pretending_pdf(),
            "encrypted_pdf": encrypted(real_pdf), "empty_jpg": b""}
    return [(name, kind, kw, kws, data[kind]) for name, kind, kw, kws in BAD_SPECS]
