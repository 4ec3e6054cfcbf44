"""Extracted fields as numbered boxes over a page image.

Each box gets a short number tag (drawn at its corner) and a line in the legend beside the
page (number, field name, value), so long field names never pile up on the image. Boxes are
numbered in reading order (top to bottom, left to right); `static/keys.js` moves a tag that
would cover another one to the side or below its box.
"""

from __future__ import annotations

import json


def field_boxes(fields: list[dict], page_row: dict) -> list[dict]:
    """The fields of one page that have a box, in reading order, with the box in percent of the page."""
    width, height = page_row.get("width"), page_row.get("height")
    if not width or not height:
        return []
    out = []
    for f in fields:
        b = json.loads(f["bbox"]) if isinstance(f.get("bbox"), str) else f.get("bbox")
        if f.get("page") != page_row["page"] or not b:
            continue
        x0, y0 = max(0.0, b["x0"] / width), max(0.0, b["y0"] / height)
        x1, y1 = min(1.0, b["x1"] / width), min(1.0, b["y1"] / height)
        if x1 <= x0 or y1 <= y0:
            continue
        out.append(dict(name=f["name"], value=f["value"], confidence=f.get("confidence"),
                        left=100 * x0, top=100 * y0, width=100 * (x1 - x0), height=100 * (y1 - y0)))
    out.sort(key=lambda b: (round(b["top"], 1), b["left"], b["name"]))
    for n, b in enumerate(out, 1):
        b["n"] = n
    return out
