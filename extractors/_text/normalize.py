"""Text normalisation shared by every parser: width, spacing and OCR digit confusions.

OCR of Chinese documents inserts or drops spaces between characters, mixes full-width and
half-width punctuation, and reads 0 as O and 1 as l. Every parser in `_text` runs on text
passed through `norm` first, so its regexes can stay simple.
"""

from __future__ import annotations

import re
import unicodedata

# Spaces are kept only between two ASCII letters/digits ("ZL 2023 1", "ISSN 1234").
_SPACE_RE = re.compile(r"(?<![A-Za-z0-9])[ \t\u3000]+|[ \t\u3000]+(?![A-Za-z0-9])")
_DIGIT_O_RE = re.compile(r"(?<=\d)[Oo]|[Oo](?=\d)")
_DIGIT_L_RE = re.compile(r"(?<=\d)[lI|]|[lI|](?=\d)|(?<![A-Za-z])[lI|](?![A-Za-z])(?=[年月日号期届学个天])|"
                         r"(?<=[年月第])[lI|](?![A-Za-z])")
_EXTRA = str.maketrans({
    "［": "[", "］": "]", "｛": "{", "｝": "}",
    "﹝": "〔", "﹞": "〕", "〖": "【", "〗": "】",
    "×": "X", "Х": "X", "ｘ": "x",
    "―": "—", "‐": "-", "‑": "-", "–": "-", "−": "-", "～": "~",
    "○": "〇", "◯": "〇", "Ｏ": "O",
    "•": "·", "・": "·", "‧": "·", "∙": "·",
})


# 十 in a date's month or day read as a look-alike ('二〇二三年千一月十日', '五月+日'): a month
# or day holds no 千, 干 or '+', so there it is 十 (one character for one)
_TEN_MISREAD = re.compile(r"(?:(?<=年)|(?<=月))[一二三四五六七八九十]?[千干+][一二三四五六七八九]?(?=[月日号])")


def fix_ten(text: str) -> str:
    """十 misread in a numeral date's month or day put back (see _TEN_MISREAD)."""
    return _TEN_MISREAD.sub(lambda m: re.sub("[千干+]", "十", m.group()), text)


def to_halfwidth(text: str) -> str:
    """NFKC (full-width ASCII → half-width, Kangxi radicals → ideographs) plus bracket,
    dash and zero-like glyph unification. 〔〕 and 【】 are kept: they mark 文号."""
    return unicodedata.normalize("NFKC", text).translate(_EXTRA)


def fix_digits(text: str) -> str:
    """Replace O/o next to a digit by 0, and l/I/| next to a digit or a date/count word
    (年月日号期…) by 1: OCR confusions. One character for one, so offsets are kept."""
    text = _DIGIT_O_RE.sub("0", text)
    return _DIGIT_L_RE.sub("1", text)


def compact(text: str) -> str:
    """Drop whitespace except between two ASCII letters/digits."""
    return _SPACE_RE.sub("", text)


def compact_map(text: str) -> tuple[str, list[int]]:
    """`compact(text)` and, for each output character, its index in `text`."""
    keep = [True] * len(text)
    for m in _SPACE_RE.finditer(text):
        for i in range(m.start(), m.end()):
            keep[i] = False
    idx = [i for i, k in enumerate(keep) if k]
    return "".join(text[i] for i in idx), idx


def norm(text: str) -> str:
    """The normal form every `_text` parser expects (one line or many; newlines kept)."""
    lines = [fix_ten(fix_digits(compact(fix_digits(to_halfwidth(line))))) for line in text.split("\n")]
    return "\n".join(lines)


def squash(text: str) -> str:
    """`norm` and then no whitespace at all: for matching phrases broken across lines."""
    return re.sub(r"\s+", "", norm(text))

