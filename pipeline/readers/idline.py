"""Read a resident ID or a patent number that fails its check digit again.

An 18-character resident ID carries its own check (GB 11643, mod 11-2), a CNIPA patent number
too (mod 11): one misread digit always breaks it. On photos and scans a digit is misread now
and then (1973 read 1978 in an ID), and the extractors cannot tell which. When a line holds
a number that fails its check, its crop is recognised again in the renderings the date re-read uses (red
channel alone, smoothed, enlarged, …); when at least two readings agree on an ID that passes
the check and differs from the first reading in at most two characters, it replaces the
first reading's. A made-up number (what a forged ID or patent looks like) stays as printed: its
re-reads fail the check too, and two of them would have to agree on the same valid misread.
"""

from __future__ import annotations

from collections import Counter

import numpy as np

from extractors._text.ids import find_patent_numbers, find_resident_ids
from extractors._text.normalize import norm
from pipeline.readers.dateline import crop_box, renderings
from schemas.document import Line

FINDERS = (find_resident_ids, find_patent_numbers)
MAX_CHANGED = 2  # characters a re-read may change
AGREE = 2  # readings that must give the same valid ID


def _changed(a: str, b: str) -> int:
    return sum(x != y for x, y in zip(a, b))


def _bad(text: str) -> list:
    return [i for find in FINDERS for i in find(text) if not i.valid]


def reread_ids(image: np.ndarray, lines: list[Line], recognize_crop) -> list[Line]:
    """`lines` (boxes in `image`'s pixels) with each resident ID or patent number that fails
    its check digit read again from its line's crop (see module docstring)."""
    out = []
    for line in lines:
        bad = _bad(line.text)
        box = crop_box(image, line.bbox) if bad else None
        if box is None:
            out.append(line)
            continue
        crop = np.ascontiguousarray(image[box])
        readings = [recognize_crop(r)[0] for r in renderings(crop)]
        valid = Counter(i.value for t in readings for find in FINDERS for i in find(t) if i.valid)
        text = line.text
        for ident in bad:
            fits = [v for v, n in valid.items() if n >= AGREE and len(v) == len(ident.value)
                    and _changed(v, ident.value) <= MAX_CHANGED]
            if len(fits) != 1:
                continue
            if ident.value in text:
                text = text.replace(ident.value, fits[0])
            else:  # written with spaces or look-alike letters ('ZL 2023 1 0123456.7'): the line in normal form
                t = norm(text)
                text = t[:ident.start] + fits[0] + t[ident.end:] if t[ident.start:ident.end].strip() else text
        out.append(line if text == line.text else line.model_copy(update={"text": text}))
    return out
