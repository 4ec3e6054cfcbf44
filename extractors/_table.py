"""Tables: pdfplumber rows when the reader found them, else rows rebuilt from OCR line
boxes (lines clustered into rows by vertical centre, cells ordered by x)."""

from __future__ import annotations

import re
import statistics

from extractors._base import DocView, TLine
from extractors._text.dates import find_dates
from extractors._text.normalize import norm
from schemas.document import BBox


def split_cells(ln: TLine) -> list[TLine]:
    """Split a line the reader returned as one box into whitespace-separated cells, each with
    a box estimated from its character position (OCR often reads a table row as one line)."""
    pieces = [(m.start(), m.end()) for m in re.finditer(r"\S+", ln.raw)]
    if len(pieces) <= 1:
        return [ln]
    width, n = ln.bbox.x1 - ln.bbox.x0, max(len(ln.raw), 1)
    out = []
    for a, b in pieces:
        box = BBox(x0=ln.bbox.x0 + width * a / n, y0=ln.bbox.y0, x1=ln.bbox.x0 + width * b / n, y1=ln.bbox.y1)
        out.append(TLine(ln.page, box, norm(ln.raw[a:b]), ln.conf, ln.raw[a:b], shown=ln.shown))
    return out


def rows_from_lines(lines: list[TLine], slope: float = 0.0) -> list[list[TLine]]:
    """Group one page's lines into rows: a line joins the current row when its vertical
    centre is within half a median line height of the row's centre. `slope` (dy/dx) undoes
    the skew of a photo: centres are compared as y − slope·x."""
    if not lines:
        return []
    heights = [max(ln.bbox.y1 - ln.bbox.y0, 1.0) for ln in lines]
    tol = statistics.median(heights) * 0.5

    def yc(ln: TLine) -> float:
        return (ln.bbox.y0 + ln.bbox.y1) / 2 - slope * (ln.bbox.x0 + ln.bbox.x1) / 2

    rows: list[list[TLine]] = []
    centre = None
    for ln in sorted(lines, key=lambda l: (yc(l), l.bbox.x0)):
        if rows and centre is not None and abs(yc(ln) - centre) <= tol:
            rows[-1].append(ln)
            centre = statistics.mean(yc(l) for l in rows[-1])
        else:
            rows.append([ln])
            centre = yc(ln)
    return [sorted(r, key=lambda l: l.bbox.x0) for r in rows]


def _row_cost(rows: list[list[TLine]], slope: float, h: float) -> float:
    """How badly `slope` lines the boxes up: their spread about their row's centre (in line
    heights) less the boxes joined into rows. Lowest where the table's rows are level."""
    cost = 0.0
    for r in rows:
        ys = [(ln.bbox.y0 + ln.bbox.y1) / 2 - slope * (ln.bbox.x0 + ln.bbox.x1) / 2 for ln in r]
        m = sum(ys) / len(ys)
        cost += sum(abs(y - m) for y in ys) / h - (len(r) - 1)
    return cost


def page_slope(lines: list[TLine]) -> float:
    """The skew of a photographed table (dy/dx between −0.12 and 0.12): the slope that lines
    its rows up best (_row_cost); 0 unless another is clearly better."""
    if len(lines) < 6:
        return 0.0
    h = statistics.median(max(ln.bbox.y1 - ln.bbox.y0, 1.0) for ln in lines)
    best, best_cost = 0.0, _row_cost(rows_from_lines(lines), 0.0, h)
    for k in range(-24, 25):
        s = k * 0.005
        if s and (cost := _row_cost(rows_from_lines(lines, s), s, h)) < best_cost - 1:
            best, best_cost = s, cost
    return best


def _assign(row: list[TLine], header: list[TLine]) -> list[str]:
    """Cells of `row` under the header's columns: in order when the counts agree, else each
    under the nearest header column by horizontal centre."""
    if len(row) == len(header) and len(row) > 1:
        return [ln.text for ln in row]
    centres = [(h.bbox.x0 + h.bbox.x1) / 2 for h in header]
    cells = [""] * len(header)
    for ln in row:
        xc = (ln.bbox.x0 + ln.bbox.x1) / 2
        j = min(range(len(centres)), key=lambda k: abs(centres[k] - xc))
        cells[j] = (cells[j] + " " + ln.text).strip()
    return cells


def merge_wrapped(rows: list[list[str]], width: int) -> list[list[str]]:
    """Rejoin table rows whose cells wrapped onto a second OCR line: a row (aligned to the
    header's columns) filling at most half of the `width` columns, with no date of its own,
    continues the row above, cell by cell."""
    out: list[list[str]] = []
    for cells in rows:
        filled = sum(1 for c in cells if c)
        dated = any(find_dates(c) for c in cells if c)  # a new row has its own date
        if out and len(cells) == width and len(out[-1]) == width and 1 <= filled <= width // 2 and not dated:
            out[-1] = [(a + b) for a, b in zip(out[-1], cells)]
        else:
            out.append(list(cells))
    return out


def _within_column(ln: TLine, header: list[TLine]) -> bool:
    """A lone box that fits inside one header column (a wrapped cell's second line or a row
    number), unlike a signature or a note spanning columns."""
    centres = sorted((h.bbox.x0 + h.bbox.x1) / 2 for h in header)
    bounds = [-1e9] + [(a + b) / 2 for a, b in zip(centres, centres[1:])] + [1e9]
    return any(lo <= ln.bbox.x0 and ln.bbox.x1 <= hi for lo, hi in zip(bounds, bounds[1:]))


def table_rows(v: DocView, is_header) -> list[list[str]]:
    """All rows of the document as lists of cell strings. pdfplumber tables are used as they
    are; otherwise each page's lines are clustered into rows and, from the first row that
    `is_header(cells)` accepts, aligned to that header's columns."""
    out: list[list[str]] = []
    for page in v.doc.pages:
        for table in page.tables:
            out.extend([norm(c or "").replace("\n", "") for c in row] for row in table)
    if out:
        return out
    for page in v.doc.pages:
        header = None
        cells = [c for ln in v.lines if ln.page == page.number for c in split_cells(ln)]
        for row in rows_from_lines(cells, page_slope(cells) if v.doc.source == "ocr" else 0.0):
            texts = [ln.text for ln in row]
            if header is None and not is_header(texts) and (paired := _spaced_words(row)) is not row \
                    and is_header([ln.text for ln in paired]):
                row, texts = paired, [ln.text for ln in paired]  # a letter-spaced header ('姓 名 职 称')
            if header is None and is_header(texts):
                header = row
                out.append(texts)
            elif header is not None and (len(row) >= 2 or _within_column(row[0], header)):
                out.append(_assign(row, header))
            else:
                out.append(texts)
    return out


def _spaced_words(row: list[TLine]) -> list[TLine]:
    """A row whose header words were printed letter-spaced ('序号 姓 名 职 称'), each
    character read as a cell: runs of one-character cells joined two by two (the common
    two-character column words). The row itself when it has no such run."""
    out: list[TLine] = []
    i, joined = 0, False
    while i < len(row):
        a = row[i]
        b = row[i + 1] if i + 1 < len(row) else None
        if b is not None and re.fullmatch(r"[\u4e00-\u9fff]", a.text) and re.fullmatch(r"[\u4e00-\u9fff]", b.text):
            box = BBox(x0=a.bbox.x0, y0=min(a.bbox.y0, b.bbox.y0), x1=b.bbox.x1, y1=max(a.bbox.y1, b.bbox.y1))
            shown = a.display.union(b.display) if a.shown or b.shown else None
            out.append(TLine(a.page, box, a.text + b.text, min(a.conf, b.conf), a.text + b.text, shown=shown))
            i, joined = i + 2, True
        else:
            out.append(a)
            i += 1
    return out if joined else row


def right_band(v: DocView, idx: int) -> list[TLine]:
    """The boxes of the cell right of line `idx`, a label standing alone in a form's label
    column, when the cell wrapped over lines the label sits between vertically: of the
    boxes right of the label whose centres lie between the label column's box above it and
    the one below it (at most 2.5 lines above, 6 below), the rows packed together (less
    than 0.7 line apart) around the row nearest the label's centre, as many above the label's
    centre as below it; by row, left to right."""
    lab = v.lines[idx]
    h = max(lab.bbox.y1 - lab.bbox.y0, 1.0)
    same = [ln for ln in v.lines if ln.page == lab.page and ln is not lab]
    column = [ln for ln in same if min(ln.bbox.x1, lab.bbox.x1) - max(ln.bbox.x0, lab.bbox.x0) > 0.3 * h]
    top = max((ln.bbox.y1 for ln in column if ln.bbox.y1 <= lab.bbox.y0 + 0.2 * h), default=lab.bbox.y0 - 2.5 * h)
    bot = min((ln.bbox.y0 for ln in column if ln.bbox.y0 >= lab.bbox.y1 - 0.2 * h), default=lab.bbox.y1 + 6 * h)
    top, bot = max(top, lab.bbox.y0 - 2.5 * h), min(bot, lab.bbox.y1 + 6 * h)
    def cy(ln: TLine) -> float:
        return (ln.bbox.y0 + ln.bbox.y1) / 2

    # a box nearer another label of the column than this one is that label's (tall photo boxes overlap)
    boxes = [ln for ln in same if ln.bbox.x0 >= lab.bbox.x1 - 0.5 * h and top - 0.2 * h <= cy(ln) <= bot + 0.2 * h
             and not any(abs(cy(c) - cy(ln)) < abs(cy(lab) - cy(ln)) for c in column if c.bbox.x1 < ln.bbox.x0)]
    rows = rows_from_lines(boxes)
    if not rows:
        return []
    yc = (lab.bbox.y0 + lab.bbox.y1) / 2
    span = [(min(ln.bbox.y0 for ln in r), max(ln.bbox.y1 for ln in r)) for r in rows]
    k = min(range(len(rows)), key=lambda i: abs((span[i][0] + span[i][1]) / 2 - yc))
    lo = hi = k
    while lo > 0 and span[lo][0] - span[lo - 1][1] < 0.7 * h:
        lo -= 1
    while hi + 1 < len(rows) and span[hi + 1][0] - span[hi][1] < 0.7 * h:
        hi += 1
    # the label sits at the cell's middle: rows beyond it on one side only are another cell's
    while lo < hi and abs((span[lo][0] + span[hi][1]) / 2 - yc) > 0.5 * h:
        if yc - span[lo][0] > span[hi][1] - yc:
            lo += 1
        else:
            hi -= 1
    return [ln for r in rows[lo:hi + 1] for ln in r]


def form_value(v: DocView, labels: str) -> tuple[str, int, int] | None:
    """(value, start, end) of a ruled form's cell labelled by one of `labels` in the reader's
    tables (born-digital PDFs): the first non-empty cell after the label cell, its lines
    joined. The label cell is read whole, also when a narrow column wrapped it ('项目负' /
    '责人'); the value's span is where its first line occurs in the text."""
    rx = re.compile(rf"(?:{labels})[:：]?")
    for page in v.doc.pages:
        for table in page.tables:
            for row in table:
                for i, cell in enumerate(row):
                    if not rx.fullmatch(re.sub(r"\s", "", cell or "")):
                        continue
                    val = next((c for c in row[i + 1:] if (c or "").strip()), None)
                    if val is None or rx.fullmatch(re.sub(r"\s", "", val)):
                        break
                    first = norm(val.split("\n")[0]).strip()
                    pos = v.text.find(first)
                    pos = max(pos, 0)
                    return norm(val.replace("\n", "")).strip(), pos, pos + len(first)
    return None
