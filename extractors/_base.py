"""A normalised, searchable view over a DocumentText that remembers where each piece of
text came from, so every extracted value carries the page and box of its line."""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from typing import Iterator

from extractors._text.normalize import compact_map, fix_digits, to_halfwidth
from schemas.document import BBox, DocumentText, Line, Page
from schemas.records import ExtractedField


@dataclass(frozen=True)
class TLine:
    page: int
    bbox: BBox
    text: str  # normalised (extractors._text.normalize.norm)
    conf: float
    raw: str = ""  # width/digit-normalised but with the reader's spaces kept
    index: tuple[int, ...] = ()  # text[i] is raw[index[i]]
    # `bbox` is where the line lies for layout (rows, columns, label → value): on a
    # photographed sheet read flat, its box on the flat sheet (schemas.document.Line.layout).
    # `shown` is then its box on the photo, the one fields report (None: `bbox` is).
    shown: BBox | None = None

    @property
    def display(self) -> BBox:
        return self.shown or self.bbox


_SPECKS = set(".·,，、。`'")


class DocView:
    """Lines of every page, normalised, joined by '\\n' into `text`; offsets map back to lines."""

    def __init__(self, doc: DocumentText):
        self.doc = doc
        self.lines: list[TLine] = []
        for page in doc.pages:
            # the flat sheet's boxes only when every line has one (one frame per page)
            flat = bool(page.lines) and all(line.layout is not None for line in page.lines)
            for line in (docx_grid(page) if page.tables and _typed_page(page) else page.lines):
                raw = fix_digits(to_halfwidth(line.text)).replace("\n", " ")
                t, index = compact_map(raw)
                t = fix_digits(t)  # again: 'l 月' is next to 月 only once spaces are gone
                if t.strip():
                    box, shown = (line.layout, line.bbox) if flat else (line.bbox, None)
                    self.lines.append(TLine(page.number, box, t, line.confidence, raw, tuple(index), shown))
        self.starts: list[int] = []
        pos = 0
        for ln in self.lines:
            self.starts.append(pos)
            pos += len(ln.text) + 1
        self.text = "\n".join(ln.text for ln in self.lines)
        # `flat`: the text without line breaks, for sentences a layout broke over lines;
        # flat[i] is text[flat_index[i]]. A stop or comma opening a wrapped line is a speck OCR
        # read (Chinese typesetting never starts a line with one): '…至二〇二三年八\n.月三十一日'.
        specks = {self.starts[k] for k in range(1, len(self.lines)) if self.lines[k].text[:1] in _SPECKS}
        self.flat_index = [i for i, ch in enumerate(self.text) if ch != "\n" and i not in specks]
        self.flat = "".join(self.text[i] for i in self.flat_index)

    def from_flat(self, start: int, end: int) -> tuple[int, int]:
        """A span of `flat` as a span of `text`."""
        if not self.flat_index:
            return 0, 0
        return self.flat_index[min(start, len(self.flat_index) - 1)], self.flat_index[max(min(end, len(self.flat_index)) - 1, 0)] + 1

    def line_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def span_lines(self, start: int, end: int) -> list[TLine]:
        if not self.lines:
            return []
        a, b = self.line_index(start), self.line_index(max(start, end - 1))
        return self.lines[a:b + 1]

    def raw_slice(self, start: int, end: int) -> str:
        """The reader's text (spaces kept) for a span of `text` within one line: spaces
        separate names in lists that the normalised text runs together."""
        i = self.line_index(start)
        ln = self.lines[i]
        a, b = start - self.starts[i], min(end - self.starts[i], len(ln.text))
        if not ln.index or b <= a:
            return self.text[start:end]
        return ln.raw[ln.index[a]:ln.index[b - 1] + 1]

    def search(self, rx: re.Pattern) -> Iterator[re.Match]:
        return rx.finditer(self.text)

    def make(self, name: str, value, conf: float, start: int | None = None, end: int | None = None,
             line: TLine | None = None) -> ExtractedField:
        """An ExtractedField located by a span of `text` or by a line. Lists become JSON;
        confidence is scaled by the reader's confidence for the line(s)."""
        if isinstance(value, (list, dict)):
            value = json.dumps(value, ensure_ascii=False)
        elif isinstance(value, float):
            value = int(value) if value.is_integer() else round(value, 2)
        elif isinstance(value, str) and re.search(r"[\u4e00-\u9fff]", value):
            value = value.replace("(", "（").replace(")", "）")  # Chinese text keeps full-width brackets
        lines = [line] if line else (self.span_lines(start, end or start) if start is not None else [])
        lines = [ln for ln in lines if ln.page == lines[0].page] if lines else []
        bbox = None
        for ln in lines:
            bbox = ln.display if bbox is None else bbox.union(ln.display)
        ocr = min((ln.conf for ln in lines), default=1.0)
        if any(self.under_seal(ln) for ln in lines):
            conf *= 0.85  # text under a red seal: the reader's confidence overstates it
        return ExtractedField(name=name, value=str(value), confidence=round(conf * (0.6 + 0.4 * ocr), 3),
                              page=lines[0].page if lines else None, bbox=bbox)

    def under_seal(self, ln: TLine) -> bool:
        """Does a seal the reader found cover a fifth or more of this line's box? (Only OCR'd
        pages: a born-digital text layer is not damaged by a seal drawn over it.)"""
        if self.doc.source != "ocr":
            return False
        page = next((p for p in self.doc.pages if p.number == ln.page), None)
        box = ln.display  # seals are found on the photo
        area = max((box.x1 - box.x0) * (box.y1 - box.y0), 1.0)
        for s in page.seals if page else ():
            w = min(s.x1, box.x1) - max(s.x0, box.x0)
            h = min(s.y1, box.y1) - max(s.y0, box.y0)
            if w > 0 and h > 0 and w * h >= 0.2 * area:
                return True
        return False

    def neighbour(self, idx: int) -> int | None:
        """The line holding the value of a label ending line `idx`: the reader's next box
        when it lies to the right on about the same row, else the nearest box to its right
        on the same row, else the next line below on the same page. In a column table's
        header row (序号 | 姓名 | 工作单位 …) it is the cell of the next row under the label."""
        lab = self.lines[idx]
        h = max(lab.bbox.y1 - lab.bbox.y0, 1.0)
        right = [(ln.bbox.x0, j) for j, ln in enumerate(self.lines)
                 if j != idx and ln.page == lab.page and ln.bbox.x0 >= lab.bbox.x1 - h * 0.5
                 and min(ln.bbox.y1, lab.bbox.y1) - max(ln.bbox.y0, lab.bbox.y0) > 0.5 * h]
        header = self._header_row(idx)
        if not header and idx + 1 < len(self.lines) and (nxt := self.lines[idx + 1]).page == lab.page:
            # the reader's next box, when it lies to the right on about the same row: on a
            # skewed photo the row drifts, but the reader's order follows it
            dy = abs((nxt.bbox.y0 + nxt.bbox.y1) / 2 - (lab.bbox.y0 + lab.bbox.y1) / 2)
            if nxt.bbox.x0 >= lab.bbox.x1 - h * 0.5 and dy < 0.8 * max(h, nxt.bbox.y1 - nxt.bbox.y0):
                return idx + 1
        if right and not header:
            return min(right)[1]
        xc = (lab.bbox.x0 + lab.bbox.x1) / 2
        below = [(ln.bbox.y0, j) for j, ln in enumerate(self.lines)
                 if ln.page == lab.page and ln.bbox.y0 >= lab.bbox.y1 - 0.3 * h and j != idx
                 and (ln.bbox.x0 < lab.bbox.x1 + 4 * h or header) and not (header and _label_cell(ln.text))]
        if below:
            def overlaps(j: int) -> bool:
                return min(self.lines[j].bbox.x1, lab.bbox.x1) - max(self.lines[j].bbox.x0, lab.bbox.x0) > 0

            if header:  # the nearest cell below in the label's column (a skewed photo's rows drift)
                col = [(y, j) for y, j in below if overlaps(j)]
                if not col:
                    return min(right)[1] if right else None
                top = min(col)[0]
                return min((j for y, j in col if y < top + 0.5 * h),
                           key=lambda j: abs((self.lines[j].bbox.x0 + self.lines[j].bbox.x1) / 2 - xc))
            top = min(below)[0]
            col = [j for y, j in below if y < top + 0.5 * h and overlaps(j)]
            if col:
                return min(col, key=lambda j: abs((self.lines[j].bbox.x0 + self.lines[j].bbox.x1) / 2 - xc))
            # the top band holds only boxes of other columns (a line far to the left that
            # starts level with the label): the box right under the label is its value
            under = [(y, j) for y, j in below if overlaps(j) and y < lab.bbox.y1 + 1.5 * h]
            if under:
                return min(under)[1]
            return min(below)[1]
        if right:
            return min(right)[1]
        return idx + 1 if idx + 1 < len(self.lines) and self.lines[idx + 1].page == lab.page else None

    def _header_row(self, idx: int) -> bool:
        """Is line `idx` a cell of a column table's header row: three or more boxes on its
        row (followed box to box, so a skewed photo's row is followed as it drifts), most of
        them short labels without digits?"""
        row = self._row_chain(idx)
        labels = [j for j in row if _label_cell(self.lines[j].text)]
        return len(row) >= 3 and len(labels) >= max(3, 0.75 * len(row))

    def _row_chain(self, idx: int) -> list[int]:
        """The boxes of line `idx`'s row, found by stepping to the nearest box on either
        side whose vertical centre is within 0.7 line heights of the box before it."""
        out = [idx]
        for direction in (1, -1):
            cur = self.lines[idx]
            while True:
                h = max(cur.bbox.y1 - cur.bbox.y0, 1.0)
                yc = (cur.bbox.y0 + cur.bbox.y1) / 2
                cands = [(abs(ln.bbox.x0 - cur.bbox.x1) if direction > 0 else abs(cur.bbox.x0 - ln.bbox.x1), j)
                         for j, ln in enumerate(self.lines)
                         if ln.page == cur.page and j not in out and abs((ln.bbox.y0 + ln.bbox.y1) / 2 - yc) < 0.7 * h
                         and (ln.bbox.x0 >= cur.bbox.x1 - 0.5 * h if direction > 0 else ln.bbox.x1 <= cur.bbox.x0 + 0.5 * h)]
                if not cands:
                    break
                j = min(cands)[1]
                out.append(j)
                cur = self.lines[j]
        return out

    def labelled(self, label: str, value: str = r".+", flags: int = 0) -> tuple[str, int, int] | None:
        """Value after a label: on the same line ('姓名：张三'), else in the neighbouring box
        (label and value read as two lines). `label`/`value` are regex sources; when `value`
        has a group, group 1 is the value. Labels followed by a colon are tried before bare
        ones (a bare '专业' also occurs inside titles). Returns (value, start, end), offsets
        into `text`."""
        return next(self.labelled_all(label, value, flags), None)

    def labelled_all(self, label: str, value: str = r".+", flags: int = 0) -> Iterator[tuple[str, int, int]]:
        """Every value `labelled` could return, in its order (colon labels first)."""
        val_rx = re.compile(rf"(?:{value})", flags)
        lab_rx = re.compile(rf"(?:{label})", flags)
        seen = set()
        for sep in (r"\s*[:：]\s*", r"[ \t]*[.]?[ \t]*"):
            for m in re.finditer(rf"(?:{label}){sep}", self.text, flags):
                found = self._value_after(m, val_rx, lab_rx)
                if found and found[1] not in seen:
                    seen.add(found[1])
                    yield found

    def fuzzy_labelled(self, labels: tuple[str, ...], value: str = r".+") -> tuple[str, int, int] | None:
        """A value after a label OCR misread in one character ('证书输号：…', '培测项目：…'): a
        line starting with a token of three to six characters and a colon, the token one
        substitution from one of `labels` (exact labels are `labelled`'s). Callers lower the
        confidence of what it finds."""
        val_rx = re.compile(rf"(?:{value})")
        for i, ln in enumerate(self.lines):
            m = re.match(r"[^\u4e00-\u9fff]{0,2}([\u4e00-\u9fff]{3,6})\s*[:：]\s*", ln.text)
            if not m or m.group(1) in labels:
                continue
            tok = m.group(1)
            if any(len(lab) == len(tok) and sum(a != b for a, b in zip(tok, lab)) == 1 for lab in labels):
                v = val_rx.match(self.text, self.starts[i] + m.end(), self.starts[i] + len(ln.text))
                if v and v.group(0).strip():
                    return _value(v)
        return None

    def _value_after(self, m: re.Match, val_rx: re.Pattern, lab_rx: re.Pattern) -> tuple[str, int, int] | None:
        idx = self.line_index(m.start())
        line_end = self.starts[idx] + len(self.lines[idx].text)
        if m.end() > line_end:  # 'label\n：value': the colon starts the next line
            j = self.line_index(m.end())
            v = val_rx.match(self.text, m.end(), self.starts[j] + len(self.lines[j].text))
            return self._form_cut(*_value(v)) if v and v.group(0).strip() else None
        v = val_rx.match(self.text, m.end(), line_end)
        if v and v.group(0).strip():
            return self._form_cut(*_value(v))
        if m.end() < line_end:
            return None  # something else follows the label on its line
        j = self.neighbour(idx)
        if j is not None and not lab_rx.match(self.lines[j].text):  # a label, not a value
            s = self.starts[j]
            v = val_rx.match(self.text, s, s + len(self.lines[j].text))
            if v and v.group(0).strip():
                return self._form_cut(*_value(v))
        return None

    def _form_cut(self, value: str, start: int, end: int) -> tuple[str, int, int]:
        """Cut a value read to the end of a form line before the next label token."""
        raw = self.raw_slice(start, end)
        toks = list(re.finditer(r"\S+", raw))
        for t in toks[1:]:
            if _LABEL_TOKEN.match(t.group(0)) or _LABEL_COLON.match(t.group(0)):
                keep = len(re.sub(r"\s", "", raw[:t.start()]))  # normalised characters kept
                return value[:keep].strip(), start, start + keep
        return value, start, end

    def head(self, n: int = 8) -> str:
        """The first `n` lines joined without breaks (titles are often split over lines)."""
        return "".join(ln.text for ln in self.lines[:n])


LINE_STEP, CHAR_W, LINE_H = 20.0, 10.0, 16.0  # the DOCX reader's synthetic layout


def _typed_page(page: Page) -> bool:
    """A DOCX page as the reader lays it out: every line at x 0, one line per 20 units."""
    return bool(page.lines) and all(ln.bbox.x0 == 0 and ln.bbox.y0 == LINE_STEP * i for i, ln in enumerate(page.lines))


def _key(text: str | None) -> str:
    return re.sub(r"\s", "", to_halfwidth(text or ""))


def docx_grid(page: Page) -> list[Line]:
    """A DOCX page with its tables laid out as tables: the reader lists a table's cells one
    per line, each below the last, so '姓名 | 王小明 | 性别 | 男' reads as four stacked lines and
    a column table loses its columns. Here every table row becomes one row of cell boxes, the
    cells of a column under each other (as a PDF or a photographed form has them), and the
    paragraphs keep their lines. A table whose cells cannot be found among the lines in order
    is left as read."""
    lines = list(page.lines)
    keys = [_key(ln.text) for ln in lines]
    blocks: list[tuple[int, int, list[list[str]]]] = []  # (first line, end line, rows)
    pos = 0
    for table in page.tables:
        cells = [_key(c) for row in table for c in row if c and _key(c)]
        if not cells:
            continue
        at = next((k for k in range(pos, len(lines) - len(cells) + 1) if keys[k:k + len(cells)] == cells), None)
        if at is None:
            continue
        rows = [[(c or "").strip() for c in row] for row in table]
        blocks.append((at, at + len(cells), [r for r in rows if any(r)]))
        pos = at + len(cells)
    if not blocks:
        return lines
    out: list[Line] = []
    y = 0.0

    def put(text: str, x0: float, width_chars: int) -> None:
        out.append(Line(text=text, bbox=BBox(x0=x0, y0=y, x1=x0 + CHAR_W * max(width_chars, 1), y1=y + LINE_H), confidence=1.0))

    i = 0
    for start, end, rows in blocks + [(len(lines), len(lines), [])]:
        for ln in lines[i:start]:
            put(ln.text, 0.0, len(ln.text))
            y += LINE_STEP
        ncol = max((len(r) for r in rows), default=0)
        # column widths: the longest cell of each column, capped (a long cell wraps in Word)
        widths = [min(max((len(r[c]) for r in rows if c < len(r)), default=1), 40) for c in range(ncol)]
        x_at = [sum(widths[:c]) * CHAR_W + 2 * CHAR_W * c for c in range(ncol)]
        for r in rows:
            for c, text in enumerate(r):
                if text:
                    put(text, x_at[c], min(len(text), widths[c]))
            y += LINE_STEP
        i = end
    return out


# A token that is itself a form label ('服务地点', '职称', '科室'): on form lines such as
# '活动名称 送教下乡活动 服务地点 西峡县', a value stops before it.
_LABEL_TOKEN = re.compile(r"^[\u4e00-\u9fff]{0,6}(?:名称|地点|时间|日期|天数|月数|职称|职务|科室|性别|单位|意见|编号|号码|"
                          r"年龄|专业|学历|类别|等级|结果|成绩|情况|机构|学号|民族|电话)[:：]?$")


# A token that starts with a label and its colon ('性别：男' after '姓名：张三' and a tab).
_LABEL_COLON = re.compile(r"^[\u4e00-\u9fff]{2,8}[:：]")
# Words heading the columns of a member or registration table.
_HEADER_WORD = re.compile(r"^(?:序号|排名|排序|名次|位次|姓名|备注|签名|分工|任务分工|承担任务|出生年月|身份证号码?|证件号码|"
                          r"现任职务|级别|资格级别|管理号|证号|证书号|证书编号|档案号|档案编号|资格名称|科目|成绩|考试成绩|合格标准|考试年度|年度|"
                          r"[\u4e00-\u9fff]{0,4}(?:单位|职称|职务|时间|期限|日期|地点|岗位|类别|内容|任务))$")


def _label_cell(text: str) -> bool:
    """A short box that names a field rather than holding a value."""
    return len(text) <= 8 and not re.search(r"\d", text) and bool(_LABEL_TOKEN.match(text) or _HEADER_WORD.match(text))


def _value(m: re.Match) -> tuple[str, int, int]:
    g = 1 if m.re.groups else 0
    return m.group(g).strip(), m.start(g), m.end(g)


def doc_from_text(text: str, *, source: str = "pdf_text", seals: dict[int, list[BBox]] | None = None,
                  confidence: float = 1.0) -> DocumentText:
    """A DocumentText from plain text, one Line per text line, with synthetic boxes (30 units
    per line, 20 per character); pages split on form feeds. For tests and seed checks."""
    from schemas.document import Line, Page  # noqa: PLC0415

    pages = []
    for n, page_text in enumerate(text.split("\f"), 1):
        lines = [Line(text=t, bbox=BBox(x0=50, y0=40 + 30 * i, x1=50 + 20 * max(len(t), 1), y1=64 + 30 * i),
                      confidence=confidence)
                 for i, t in enumerate(page_text.split("\n")) if t.strip()]
        pages.append(Page(number=n, width=1240, height=max(1754, 80 + 30 * len(lines)), lines=lines,
                          seals=(seals or {}).get(n, [])))
    return DocumentText(source=source, engine=None if source != "ocr" else "synthetic", pages=pages)
