"""Text normalisation applied to every line a reader produces (OCR, PDF text layer, DOCX).

- Traditional/variant characters → simplified (OpenCC ``t2s``): OCR models trained on mixed
  corpora read 于 as 於, 资 as 資 and so on; simplified input is left unchanged.
- Full-width ASCII digits and letters (０-９, Ａ-Ｚ, ａ-ｚ) → half-width, so "２０２３年" and
  "2023年" match the same patterns. Chinese punctuation (：，（）〔〕【】) is kept as is.
- Kangxi radicals (U+2F00–U+2FDF) and CJK radicals supplement (U+2E80–U+2EFF), which some PDF
  producers emit instead of the ordinary ideograph (⽂ for 文), → the ideograph (NFKC per char).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_FULLWIDTH_ALNUM = {
    **{0xFF10 + i: 0x30 + i for i in range(10)},
    **{0xFF21 + i: 0x41 + i for i in range(26)},
    **{0xFF41 + i: 0x61 + i for i in range(26)},
}


@lru_cache(maxsize=1)
def _converter():
    import opencc  # imported lazily: the C extension loads its dictionaries on first use

    return opencc.OpenCC("t2s")


def _radical_to_ideograph(ch: str) -> str:
    o = ord(ch)
    if 0x2E80 <= o <= 0x2FDF:
        return unicodedata.normalize("NFKC", ch)
    return ch


def normalize_text(s: str) -> str:
    """Return `s` in simplified Chinese with half-width ASCII digits/letters (see module doc)."""
    if not s:
        return s
    s = s.translate(_FULLWIDTH_ALNUM)
    if any(0x2E80 <= ord(c) <= 0x2FDF for c in s):
        s = "".join(_radical_to_ideograph(c) for c in s)
    if s.isascii():
        return s
    return _converter().convert(s)
