"""Evidence used twice, across the whole database: `duplicate_file` and `duplicate_certificate`.

`duplicate_file`: a personal document (certificate, proof — not a notice, nor a journal issue
or patent certificate that co-authors and co-inventors share) whose bytes, image or text another claim already used: the same
sha256; a perceptual hash (pHash, 256 bits, of page 1 of a photo or scan) within
PHASH_NEAR bits — a re-saved, resized, recompressed or re-lit copy; or the same text to
TEXT_NEAR (a re-photographed or cropped copy, or one with a name pasted in). Measured on the
A/B sample photos and scans: a resized (0.7×), re-lit, JPEG-60 copy stays within 20 bits;
two different documents of one template are ≥ 28 apart; different documents of one
template share at most 88% of their text, an OCR'd copy of the same page ≥ 95%.

`duplicate_certificate`: one certificate, patent, article or project claimed twice beyond
what co-authorship allows: the same certificate number in another claim (anyone's); the same
patent / article / project claimed again by the same person, or by another at the same rank
(two inventors of one patent at ranks 1 and 2 are fine; rank 2 twice is not).

The index holds every landed document (claims not touched by this batch) plus this batch's
claims; a flag names the other claim and file. Only claims of this batch get flags.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

import numpy as np

from pipeline.declarant import NOT_PERSONAL
from schemas.kinds import DocKind as K
from schemas.kinds import FlagCode, Severity
from schemas.records import ClaimContext, Flag

PHASH_NEAR = 22  # bits of 256
TEXT_NEAR = 0.93
TEXT_MIN_CHARS = 40
LENGTH_SLACK = 0.12  # texts whose lengths differ more are not copies of each other
MINHASH_NEAR = 0.5  # share of MinHash values two texts must agree on before a full comparison
_MH_SEEDS = np.random.default_rng(20231).integers(1, 2**31 - 1, size=(2, 32), dtype=np.int64)
_MH_PRIME = 2**31 - 1


def minhash(text: str) -> np.ndarray:
    """32 MinHash values of the text's character bigrams (Jaccard estimate by agreement)."""
    grams = {zlib.crc32(text[i:i + 2].encode()) & 0x7FFFFFFF for i in range(len(text) - 1)} or {0}
    h = np.fromiter(grams, dtype=np.int64)
    return ((h[:, None] * _MH_SEEDS[0] + _MH_SEEDS[1]) % _MH_PRIME).min(axis=0)
# Kinds many people legitimately upload the same copy of: notices, and what co-authors,
# co-inventors and team members share (whose clashes duplicate_certificate judges by rank).
SHARED_KINDS = frozenset({*NOT_PERSONAL, K.service_notice, K.journal_pages, K.book_pages, K.patent_certificate,
                          K.project_proof, K.award_certificate})
IMAGE_TYPES = ("jpeg", "png", "tiff")

# kind → (identity fields, rank field or None, co-holders allowed)
IDENTITY = {
    K.patent_certificate: (("patent_number",), "inventor_rank", True),
    K.journal_pages: (("issn", "article_title"), "author_rank", True),
    K.book_pages: (("isbn",), None, True),
    K.project_proof: (("certificate_number",), "member_rank", True),
    K.award_certificate: (("certificate_number",), "awardee_rank", True),
    K.completion_certificate: (("certificate_number",), None, False),
    K.qualification_certificate: (("certificate_number",), None, False),
}
KIND_ZH = {K.patent_certificate: "专利", K.journal_pages: "论文", K.book_pages: "著作", K.project_proof: "课题",
           K.award_certificate: "获奖证书", K.completion_certificate: "结业证书", K.qualification_certificate: "资格证书"}


def image_phash(path: Path, file_type: str | None, scanned: bool) -> str | None:
    """pHash (16×16 DCT bits, hex) of page 1 of a photo, or of a PDF whose text came from
    OCR (a scan). None for born-digital files and anything unreadable: their bytes and text
    are compared instead."""
    import imagehash
    from PIL import Image, ImageOps

    try:
        if file_type in IMAGE_TYPES:
            with Image.open(path) as im:
                im.draft("RGB", (800, 800))  # JPEG: decode at reduced size, fast
                img = ImageOps.exif_transpose(im).convert("RGB")
        elif file_type == "pdf" and scanned:
            import pypdfium2 as pdfium

            pdf = pdfium.PdfDocument(str(path))
            try:
                img = pdf[0].render(scale=50 / 72).to_pil().convert("RGB")
            finally:
                pdf.close()
        else:
            return None
        return str(imagehash.phash(img, hash_size=16))
    except Exception:  # a hash is a nicety: never fail a document over it
        return None


def _bits(a: str, b: str) -> int:
    return bin(int(a, 16) ^ int(b, 16)).count("1")


def _norm_text(text: str) -> str:
    return re.sub(r"[^\u4e00-\u9fff0-9A-Za-z]", "", unicodedata.normalize("NFKC", text or ""))


def _norm_key(value: str) -> str:
    return re.sub(r"[\s\-_.·:：,，;；()（）《》\"'“”]", "", unicodedata.normalize("NFKC", value or "")).upper()


# Letters OCR reads for digits in a number that holds only digits (and a final X).
_DIGIT_LOOKALIKE = str.maketrans({"O": "0", "o": "0", "Q": "0", "D": "0", "l": "1", "I": "1", "i": "1", "|": "1",
                                  "L": "1", "Z": "2", "z": "2", "S": "5", "s": "5", "B": "8", "G": "6", "b": "6"})


def patent_key(value: str) -> str:
    """A patent number as a duplicate key, the same however it was written or OCR'd: without
    the ZL/CN prefix, spaces, the dot before the check character, letters read for digits
    (O/0, l/1) — and without the check character itself, which the 12 (pre-2004: 8) digits of
    the application number determine: 'ZL 2023 1 0123456.7', 'ZL202310123456.7',
    '2O231O123456·7' and '2023101234567' are one key, 'ZL202310123456'."""
    t = unicodedata.normalize("NFKC", value or "").strip()
    t = re.sub(r"^\s*(?:Z\s*[L1l|I]|CN)\s*[:：]?", "", t, flags=re.I)  # the prefix, 'Z1' as OCR reads ZL
    t = re.sub(r"[\s\-_·:：,，;；()（）]", "", t)
    if "." in t:
        body, _, check = t.rpartition(".")
    else:
        body, check = t, ""
    body = body.replace(".", "").translate(_DIGIT_LOOKALIKE)
    if not check and len(body) in (13, 9) and body[:-1].isdigit():
        body = body[:-1]  # the check character written without its dot
    if body.isdigit() and len(body) in (12, 8):
        return "ZL" + body
    return _norm_key(value)  # not a patent number's shape: compared as written


@dataclass
class EvidenceRef:
    """One document as the duplicate checks see it."""

    person_id: str
    claim_id: str
    doc_id: str
    path: str
    doc_kind: K
    sha256: str = ""
    phash: str | None = None
    text: str = ""  # normalised (CJK, digits, letters)
    fields: dict[str, str] = field(default_factory=dict)

    @property
    def claim(self) -> tuple[str, str]:
        return (self.person_id, self.claim_id)

    def identity(self) -> tuple | None:
        spec = IDENTITY.get(self.doc_kind)
        if not spec:
            return None
        values = [(patent_key if f == "patent_number" else _norm_key)(self.fields.get(f, "")) for f in spec[0]]
        if not all(values) or any(len(v) < 4 for v in values):
            return None
        group = "cert" if spec[0] == ("certificate_number",) and not spec[2] else self.doc_kind.value
        return (group, *values)

    def rank(self) -> str | None:
        spec = IDENTITY.get(self.doc_kind)
        return self.fields.get(spec[1]) if spec and spec[1] else None

    def where(self) -> str:
        return f"{self.person_id}/{self.claim_id}（{self.path}）"


@dataclass
class EvidenceIndex:
    refs: list[EvidenceRef] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.by_claim: dict[tuple[str, str], list[EvidenceRef]] = {}
        self.by_sha: dict[str, list[EvidenceRef]] = {}
        self.by_identity: dict[tuple, list[EvidenceRef]] = {}
        self.hashed: dict[K, list[tuple[int, EvidenceRef]]] = {}
        by_len: dict[K, list[tuple[int, EvidenceRef]]] = {}
        for r in self.refs:
            self.by_claim.setdefault(r.claim, []).append(r)
            self.by_sha.setdefault(r.sha256, []).append(r)
            if (ident := r.identity()):
                self.by_identity.setdefault(ident, []).append(r)
            if r.phash:
                self.hashed.setdefault(r.doc_kind, []).append((int(r.phash, 16), r))
            if len(r.text) >= TEXT_MIN_CHARS:
                by_len.setdefault(r.doc_kind, []).append((len(r.text), r))
        # texts by length, so a near-copy search only compares texts of similar length
        # and a MinHash signature each: only texts that share most bigrams are compared in full
        self.lengths, self.by_length, self.sigs = {}, {}, {}
        for k, v in by_len.items():
            v.sort(key=lambda t: t[0])
            self.lengths[k] = [n for n, _ in v]
            self.by_length[k] = [r for _, r in v]
            self.sigs[k] = np.stack([minhash(r.text) for r in self.by_length[k]])

    def text_candidates(self, d: EvidenceRef) -> list[EvidenceRef]:
        """Documents of d's kind with a text of similar length and mostly the same bigrams."""
        n = len(d.text)
        lengths = self.lengths.get(d.doc_kind, [])
        if not lengths:
            return []
        lo, hi = bisect_left(lengths, int(n * (1 - LENGTH_SLACK))), bisect_right(lengths, int(n / (1 - LENGTH_SLACK)) + 1)
        if lo >= hi:
            return []
        agree = (self.sigs[d.doc_kind][lo:hi] == minhash(d.text)).mean(axis=1)
        refs = self.by_length[d.doc_kind]
        return [refs[lo + i] for i in np.flatnonzero(agree >= MINHASH_NEAR)]


def refs_from_contexts(contexts: list[ClaimContext], hashes: dict[str, tuple[str, str | None]]) -> list[EvidenceRef]:
    """This batch's documents; `hashes` gives each doc_id's (sha256, phash)."""
    out = []
    for ctx in contexts:
        for d in ctx.documents:
            sha, ph = hashes.get(d.doc_id, ("", None))
            out.append(EvidenceRef(ctx.person_id, ctx.claim_id, d.doc_id, d.path, d.doc_kind, sha, ph,
                                   _norm_text(d.text), {f.name: f.value for f in d.fields}))
    return out


def _text_near(a: EvidenceRef, b: EvidenceRef) -> bool:
    if a.doc_kind != b.doc_kind or min(len(a.text), len(b.text)) < TEXT_MIN_CHARS:
        return False
    if abs(len(a.text) - len(b.text)) > LENGTH_SLACK * max(len(a.text), len(b.text)):
        return False
    m = SequenceMatcher(None, a.text, b.text, autojunk=False)
    return m.quick_ratio() >= TEXT_NEAR and m.ratio() >= TEXT_NEAR


def _same_file(d: EvidenceRef, index: EvidenceIndex) -> list[tuple[EvidenceRef, str]]:
    """Other claims' documents that are this file or a copy of it, with how they match."""
    hits: dict[str, tuple[EvidenceRef, str]] = {}
    for r in index.by_sha.get(d.sha256, []) if d.sha256 else []:
        if r.claim != d.claim:
            hits.setdefault(r.doc_id, (r, "同一文件"))
    if d.phash:
        mine = int(d.phash, 16)
        for h, r in index.hashed.get(d.doc_kind, []):
            if r.claim != d.claim and r.doc_id not in hits and (bits := (mine ^ h).bit_count()) <= PHASH_NEAR:
                hits[r.doc_id] = (r, f"图像近似副本（感知哈希相差{bits}位）")
    if len(d.text) >= TEXT_MIN_CHARS:
        for r in index.text_candidates(d):
            if r.claim != d.claim and r.doc_id not in hits and _text_near(d, r):
                hits[r.doc_id] = (r, "内容几乎相同的副本")
    return list(hits.values())


def duplicate_file(ctx: ClaimContext, index: EvidenceIndex) -> list[Flag]:
    out = []
    for d in index.by_claim.get((ctx.person_id, ctx.claim_id), []):
        if d.doc_kind in SHARED_KINDS:
            continue
        hits = _same_file(d, index)
        if not hits:
            continue
        shown = "；".join(f"{how}：{r.where()}" for r, how in hits[:3])
        more = f"等{len(hits)}处" if len(hits) > 3 else ""
        out.append(Flag(code=FlagCode.duplicate_file, severity=Severity.error, doc_id=d.doc_id,
                        message=f"{d.path}：与其他申报使用的材料重复（{shown}{more}）"))
    return out


def duplicate_certificate(ctx: ClaimContext, index: EvidenceIndex) -> list[Flag]:
    out = []
    for d in index.by_claim.get((ctx.person_id, ctx.claim_id), []):
        ident = d.identity()
        if not ident:
            continue
        copies = {r.doc_id for r, _ in _same_file(d, index)} if d.doc_kind not in SHARED_KINDS else set()
        coholders = IDENTITY[d.doc_kind][2]
        clashes = []
        for r in index.by_identity.get(ident, []):
            if r.claim == d.claim or r.doc_id in copies:
                continue  # the same claim, or already flagged as the same file
            if r.person_id == d.person_id:
                clashes.append((r, "本人在另一申报中已使用"))
            elif not coholders:
                clashes.append((r, "他人申报已使用"))
            elif d.rank() and r.rank() and d.rank() == r.rank():
                clashes.append((r, f"他人以相同排名（第{d.rank()}）申报"))
        if not clashes:
            continue
        label = KIND_ZH.get(d.doc_kind, "证书")
        shown = "；".join(f"{why}：{r.where()}" for r, why in clashes[:3])
        out.append(Flag(code=FlagCode.duplicate_certificate, severity=Severity.error, doc_id=d.doc_id,
                        message=f"{d.path}：同一{label}（{'/'.join(_norm_key(d.fields.get(f, '')) for f in IDENTITY[d.doc_kind][0])}）"
                                f"重复申报（{shown}）"))
    return out


def check_duplicates(ctx: ClaimContext, index: EvidenceIndex | None) -> list[Flag]:
    if index is None:
        return []
    return [*duplicate_file(ctx, index), *duplicate_certificate(ctx, index)]


def hash_records(records) -> dict[str, str | None]:
    """pHash per new document (doc_id → hex or None); see `image_phash`."""
    from pipeline.readers.sniff import sniff_type
    from schemas.kinds import TextSource

    return {rec.doc_id: image_phash(rec.cand.path, sniff_type(rec.cand.path), rec.text.source == TextSource.ocr)
            for rec in records}


def build_index(contexts: list[ClaimContext], records, phashes: dict[str, str | None], landed) -> EvidenceIndex:
    """The index over this batch's claims (all their documents) and `landed` refs (earlier
    runs' documents of claims this batch does not touch; see store.load_evidence)."""
    touched = {(c.person_id, c.claim_id) for c in contexts}
    hashes = {rec.doc_id: (rec.cand.sha256, phashes.get(rec.doc_id)) for rec in records}
    for r in landed:
        hashes.setdefault(r.doc_id, (r.sha256, r.phash))
    refs = refs_from_contexts(contexts, hashes)
    refs += [r for r in landed if r.claim not in touched]
    return EvidenceIndex(refs)
