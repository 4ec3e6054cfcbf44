"""Read a garbled date line again.

The date of a proof or certificate sits in its signature block, often under the red seal and
often in Chinese numerals (二〇二三年八月十七日), whose thin strokes (〇, 一, 十) a recogniser
drops or doubles on photos and scans: '二〇二年月十日', '二〇三三年十十月十三日',
'2023年123月26日'. Such a line is no date at all, or an impossible one. The line's crop is then
recognised again in a few other renderings (the red channel alone, which lifts a seal's ink
off black text; smoothed; enlarged) and a rendering that reads as a valid full date replaces
the text — the date most renderings agree on, then the surest. A line whose date already
reads as valid is never touched (a re-read cannot tell a right date from a wrong one).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

import numpy as np

from extractors._text.dates import find_dates
from schemas.document import Line

_CN = "〇零一二三四五六七八九O○"
# a line that means to be a date: year … month … day, in digits or numerals, little else
_DATE_LIKE = re.compile(rf"[\d{_CN}十]{{1,5}}\s*年.{{0,6}}月.{{0,6}}[日号]|[\d{_CN}]{{2,5}}\s*年\s*[\d{_CN}十]{{1,4}}\s*月")
_MAX_LEN = 24  # longer lines are sentences: their dates are body text, not the signature date
PAD = 4  # px around the line's box


def full_dates(text: str) -> list[date]:
    """Full dates (day precision, year printed) in `text`, years 1990 … next year."""
    top = date.today().year + 1
    return [d.value for d in find_dates(text) if d.precision == "day" and d.has_year and 1990 <= d.value.year <= top]


def garbled(text: str) -> bool:
    """A short line shaped like a date that does not read as a valid full date."""
    t = text.replace(" ", "")
    return len(t) <= _MAX_LEN and bool(_DATE_LIKE.search(t)) and not full_dates(t)


def _renderings(crop: np.ndarray) -> list[np.ndarray]:
    import cv2

    red = np.ascontiguousarray(np.repeat(crop[:, :, :1], 3, axis=2))
    big = cv2.resize(crop, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
    return [red, cv2.GaussianBlur(crop, (0, 0), 0.9), big, cv2.GaussianBlur(red, (0, 0), 0.9), crop]


def reread_dates(image: np.ndarray, lines: list[Line], recognize_crop) -> list[Line]:
    """`lines` (read from `image`, boxes in its pixels) with each garbled date line read again
    (see module docstring). `recognize_crop(crop) -> (text, score)` recognises one line crop."""
    h, w = image.shape[:2]
    out = []
    for line in lines:
        if not garbled(line.text):
            out.append(line)
            continue
        b = line.bbox
        y0, y1 = max(0, int(b.y0) - PAD), min(h, int(np.ceil(b.y1)) + PAD)
        x0, x1 = max(0, int(b.x0) - PAD), min(w, int(np.ceil(b.x1)) + PAD)
        if y1 - y0 < 8 or x1 - x0 < 8:
            out.append(line)
            continue
        crop = np.ascontiguousarray(image[y0:y1, x0:x1])
        reads = [recognize_crop(r) for r in _renderings(crop)]
        valid = [(text, score, ds[0]) for text, score in reads if text and (ds := full_dates(text))]
        if not valid:
            out.append(line)
            continue
        votes = Counter(d for _, _, d in valid)
        text, score, _ = max(valid, key=lambda v: (votes[v[2]], v[1]))
        out.append(line.model_copy(update={"text": text, "confidence": round(float(score), 4)}))
    return out
