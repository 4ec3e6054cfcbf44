"""A normalised, searchable view over a DocumentText that remembers where each piece of
text came from, so every extracted value carries the page and box of its line."""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from typing import Iterator

from extractors._text.normalize import compact_map, fix_digits, to_halfwidth
from schemas.document import BBox, DocumentText
from schemas.records import ExtractedField


@dataclass(frozen=True)
class TLine:
    page: int
    bbox: BBox
    text: str  # normalised (extractors._text.normalize.norm)
    conf: float
    raw: str = ""  # width/digit-normalised but with the reader's spaces kept
    index: tuple[int, ...] = ()  # text[i] is raw[index[i]]


class DocView:
    """Lines of every page, normalised, joined by '\\n' into `text`; offsets map back to lines."""

    def __init__(self, doc: DocumentText):
        self.doc = doc
        self.lines: list[TLine] = []
        for page in doc.pages:
            for line in page.lines:
                raw = fix_digits(to_halfwidth(line.text)).replace("\n", " ")
                t, index = compact_map(raw)
                t = fix_digits(t)  # again: 'l 月' is next to 月 only once spaces are gone
                if t.strip():
                    self.lines.append(TLine(page.number, line.bbox, t, line.confidence, raw, tuple(index)))
        self.starts: list[int] = []
        pos = 0
        for ln in self.lines:
            self.starts.append(pos)
            pos += len(ln.text) + 1
        self.text = "\n".join(ln.text for ln in self.lines)
        # `flat`: the text without line breaks, for sentences a layout broke over lines;
        # flat[i] is text[flat_index[i]].
        self.flat_index = [i for i, ch in enumerate(self.text) if ch != "\n"]
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
            bbox = ln.bbox if bbox is None else bbox.union(ln.bbox)
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
        area = max((ln.bbox.x1 - ln.bbox.x0) * (ln.bbox.y1 - ln.bbox.y0), 1.0)
        for s in page.seals if page else ():
            w = min(s.x1, ln.bbox.x1) - max(s.x0, ln.bbox.x0)
            h = min(s.y1, ln.bbox.y1) - max(s.y0, ln.bbox.y0)
            if w > 0 and h > 0 and w * h >= 0.2 * area:
                return True
        return False

    def neighbour(self, idx: int) -> int | None:
        """The line holding the value of a label ending line `idx`: the nearest box to its
        right on the same row, else the next line below on the same page."""
        lab = self.lines[idx]
        h = max(lab.bbox.y1 - lab.bbox.y0, 1.0)
        right = [(ln.bbox.x0, j) for j, ln in enumerate(self.lines)
                 if j != idx and ln.page == lab.page and ln.bbox.x0 >= lab.bbox.x1 - h * 0.5
                 and min(ln.bbox.y1, lab.bbox.y1) - max(ln.bbox.y0, lab.bbox.y0) > 0.5 * h]
        if right:
            return min(right)[1]
        below = [(ln.bbox.y0, j) for j, ln in enumerate(self.lines)
                 if ln.page == lab.page and ln.bbox.y0 >= lab.bbox.y1 - 0.3 * h
                 and ln.bbox.x0 < lab.bbox.x1 + 4 * h and j != idx]
        if below:
            return min(below)[1]
        return idx + 1 if idx + 1 < len(self.lines) and self.lines[idx + 1].page == lab.page else None

    def labelled(self, label: str, value: str = r".+", flags: int = 0) -> tuple[str, int, int] | None:
        """Value after a label: on the same line ('姓名：张三'), else in the neighbouring box
        (label and value read as two lines). `label`/`value` are regex sources; when `value`
        has a group, group 1 is the value. Labels followed by a colon are tried before bare
        ones (a bare '专业' also occurs inside titles). Returns (value, start, end), offsets
        into `text`."""
        val_rx = re.compile(rf"(?:{value})", flags)
        lab_rx = re.compile(rf"(?:{label})", flags)
        for sep in (r"\s*[:：]\s*", r"\s*[.]?\s*"):
            for m in re.finditer(rf"(?:{label}){sep}", self.text, flags):
                found = self._value_after(m, val_rx, lab_rx)
                if found:
                    return found
        return None

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
            if _LABEL_TOKEN.match(t.group(0)):
                keep = len(re.sub(r"\s", "", raw[:t.start()]))  # normalised characters kept
                return value[:keep].strip(), start, start + keep
        return value, start, end

    def head(self, n: int = 8) -> str:
        """The first `n` lines joined without breaks (titles are often split over lines)."""
        return "".join(ln.text for ln in self.lines[:n])


# A token that is itself a form label ('服务地点', '职称', '科室'): on form lines such as
# '活动名称 送教下乡活动 服务地点 西峡县', a value stops before it.
_LABEL_TOKEN = re.compile(r"^[\u4e00-\u9fff]{0,6}(?:名称|地点|时间|日期|天数|月数|职称|职务|科室|性别|单位|意见|编号|号码|"
                          r"年龄|专业|学历|类别|等级|结果|成绩|情况|机构|学号|民族|电话)[:：]?$")


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
