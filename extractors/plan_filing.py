"""年度培训计划备案 (annual training-plan filing): organization (who stamped it, usually the
HR bureau), filer (whose plan it is), year, title, document_number, issue_date, has_seal,
filed ('true' when a filing mark such as 已备案/同意备案/备案号 is present), filing_number,
trainings (JSON array of the planned trainings' names, from the plan table or from lines
naming a 培训班/研修班), training_organizers (JSON array beside trainings: each row's organiser
where the table has a 组织单位/主办单位 column, null where a row's cell did not read), and on
OCR'd pages plan_rows (JSON array of the table's rows: row, title, month, hours, null where a
cell did not read — a photo's faint name cell leaves its row's month and hours to match by)."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from difflib import SequenceMatcher

from extractors._base import DocView
from extractors._common import common_fields, org_name
from extractors._table import merge_wrapped, table_rows
from extractors._text.dates import find_dates
from extractors._text.numbers import cn_to_int
from schemas.document import DocumentText
from schemas.records import ExtractedField

COMMON = ("organization", "document_number", "issue_date", "has_seal")
_ITEM_H = re.compile(r"培训(?:项目|名称|内容|班次|主题)|项目名称|班次名称|课程名称|培.项目名称|培训项.名称")
_ORG_H = re.compile(r"组织单位|主办单位|承办单位|举办单位|培训单位|实施单位|办班单位|组织部门|主办部门")
_FILED_RE = re.compile(r"已备案|同意备案|予以备案|备案号|备案编号|准予备案")
_ITEM_LINE = re.compile(r"([\u4e00-\u9fff\d()（）“”\"]{4,40}?(?:培训班|研修班|培训|学习班|讲座|研讨班))")
# What closes a training's name (培训班, 研修班, 院内培训 …).
def _is_header(cells: list[str]) -> bool:
    """A table header: three or more short cells, one naming the training."""
    short = [c for c in cells if 0 < len(c) <= 10]
    return len(short) >= 3 and any(_ITEM_H.search(c) for c in short)


_ITEM_END = re.compile(r"(?:培训班|研修班|进修班|学习班|培训|研修|讲座|论坛|会议|研讨会|研讨班|活动|训练营|轮训)$")
_TITLE_WORD = re.compile(r"培训|研修|进修|学习班|讲座|论坛|研讨|训练营|轮训|[训修]班")
# Text that is never a training's name: the approval stamp and its sentence, the
# filing's own wording, signatures, totals, addresses.
_NOT_TITLE = re.compile(r"备案|请按|按规定|组织实施|登记学时|意见|审核|收悉|报送|报选|准予|不予|未列入|见下表|计划[表已]|"
                        r"人力资源|社会保障|盖章|签字|签名|负责人|联系人|电话|合计|共计|总计|附件|"
                        r"你单位|贵单位|根据|现将|特此|此复")
# A name's start: its year ('2023年', OCR-clipped '20年', '203年'); or a row number.
_YEAR_START = re.compile(r"(?:19|20)\d{2}\s*年度?|\d{2,3}年(?!\d)")
_LEAD_NO = re.compile(r"^\s*(?:[(（]?\d{1,2}[)）.、．]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}\s+(?=\D))\s*")


def _clean_title(t: str) -> str:
    """A name as a plan lists it: without its row number and without cells of the row
    that ran into it (month, hours, the next columns: '…院内培训学时7月')."""
    t = _LEAD_NO.sub("", t.strip()).strip(" ,，。;；:：")
    ends = list(re.finditer(r"培训班|研修班|进修班|学习班|研讨班|专题班|培训|研修|讲座|论坛|研讨会|训练营|轮训", t))
    if ends:
        end = ends[-1].end()
        rest = t[end:]
        # a bracketed part (期次, 主办方) and a wrapped '班' stay; anything else is another cell
        m = re.match(r"(?:班)?(?:[(（][^()（）]{1,20}[)）])?", rest)
        t = t[:end + m.end()]
    # a suffix misread by one character ('…人员培调班', '…人员老训班'): the usual 培训班
    t = re.sub(r"(?<=人员)(?:培[\u4e00-\u9fff]班|[\u4e00-\u9fff]训班)$", "培训班", t)
    return t


def looks_like_training(t: str, strict: bool = True) -> bool:
    """Could `t` be a planned training's name? Not a stamp or approval sentence, a date, a
    header or a signature; 6–60 characters; with `strict` (free text, no table column to
    vouch for it) it also names the event (培训/研修/讲座 …)."""
    if not (6 <= len(t) <= 60) or _NOT_TITLE.search(t) or _ITEM_H.fullmatch(t):
        return False
    if re.fullmatch(r"[\d年月日.\-/至~—\s]+", t) or re.fullmatch(r"(?:19|20)\d{2}年\d{1,2}月(?:\d{1,2}日)?", t):
        return False
    if len(re.findall(r"[\u4e00-\u9fff]", t)) < 4:
        return False
    if strict:
        return bool(_TITLE_WORD.search(t))
    return bool(_TITLE_WORD.search(t) or _YEAR_START.match(t))


def split_merged(t: str) -> list[str]:
    """A cell holding two rows' names ('2023年A培训班2023年B培训班'): split before a second
    year that follows a complete name, or before any second full year ('…人员地20年B…'
    splits only when the part before it closes a name)."""
    cuts = [0]
    for m in _YEAR_START.finditer(t):
        if m.start() - cuts[-1] < 6 or (m.start() and t[m.start() - 1].isdigit()):
            continue
        before = t[cuts[-1]:m.start()]
        full = re.match(r"(?:19|20)\d{2}", m.group(0))
        if _ITEM_END.search(before) or (full and _YEAR_START.match(before)):
            cuts.append(m.start())
    return [t[a:b] for a, b in zip(cuts, cuts[1:] + [len(t)])]


def _entries(names: list[str], strict: bool) -> list[str]:
    out: list[str] = []
    for name in names:
        for part in split_merged(name):
            part = _clean_title(part)
            if looks_like_training(part, strict) and part not in out:
                out.append(part)
    return _repair_years(out)


def _repair_years(items: list[str]) -> list[str]:
    """A plan's trainings share its year: a name whose year OCR clipped ('20年…', '203年…')
    or misread in one digit takes the year two or more other names agree on."""
    years = [m.group(1) for t in items if (m := re.match(r"((?:19|20)\d{2})年", t))]
    if not years:
        return items
    year = max(sorted(set(years)), key=lambda y: (years.count(y), y))  # a tie: the later year, every run
    if years.count(year) < 2:
        return items
    out = []
    for t in items:
        m = re.match(r"(\d{2,4})年", t)
        if m and m.group(1) != year:
            y = m.group(1)
            clipped = len(y) < 4 and year.startswith(y[:2]) and all(c in year for c in y)
            one_off = len(y) == 4 and sum(a != b for a, b in zip(y, year)) == 1 and years.count(y) == 1
            if clipped or one_off:
                t = year + t[m.end() - 1:]
        out.append(t)
    return out


# A column header of a plan table: a short cell naming what the column holds.
_HEADER_WORD = re.compile(r"[\u4e00-\u9fff]{0,4}(?:序号|名称|项目|月份|时间|日期|对象|学时|课时|单位|地点|备注|人数|天数|内容|方式|"
                          r"类别|期次|期数|费用|层次|级别|类型|主题|部门)")


def _header_row(lines, head):
    """The boxes of the header's row, followed box to box (a skewed photo's row drifts);
    once the row has boxes on both sides of one, the next box is looked for where the row's
    slope so far puts it (a label of the form above, '报备日期', is not the row's 序号)."""
    row = [head]
    for direction in (1, -1):
        cur = head
        while True:
            h = max(cur.bbox.y1 - cur.bbox.y0, 1.0)
            yc = (cur.bbox.y0 + cur.bbox.y1) / 2
            xc = (cur.bbox.x0 + cur.bbox.x1) / 2
            s = _slope(row)

            def off(ln) -> float:  # from where the row, continued at its slope, runs
                return abs((ln.bbox.y0 + ln.bbox.y1) / 2 - (yc + s * ((ln.bbox.x0 + ln.bbox.x1) / 2 - xc)))

            cands = [ln for ln in lines if ln not in row and len(ln.text) <= 10 and off(ln) < 0.9 * h
                     and (ln.bbox.x0 >= cur.bbox.x1 - 0.5 * h if direction > 0 else ln.bbox.x1 <= cur.bbox.x0 + 0.5 * h)]
            if not cands:
                break
            # a header word before a body cell the skew brought up to the row ('培训对象', not
            # the '本单位专业技术人员' under it), then the nearest to where the row runs
            cur = min(cands, key=lambda ln: (not _HEADER_WORD.fullmatch(ln.text.replace(" ", "")), off(ln) + 0.3 * (
                abs(ln.bbox.x0 - cur.bbox.x1) if direction > 0 else abs(cur.bbox.x0 - ln.bbox.x1))))
            row.append(cur)
    return row


def _slope(row) -> float:
    """dy/dx of a header row's box centres (least squares), 0 for fewer than three boxes."""
    if len(row) < 3:
        return 0.0
    xs = [(ln.bbox.x0 + ln.bbox.x1) / 2 for ln in row]
    ys = [(ln.bbox.y0 + ln.bbox.y1) / 2 for ln in row]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    den = sum((x - mx) ** 2 for x in xs)
    s = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / den if den else 0.0
    return max(-0.25, min(0.25, s))


@dataclass
class _Frame:
    """An OCR'd plan table seen level: the header row (followed along its slope), where the
    training column runs (left–right, in the turned frame) and the body's boxes below the
    header, top to bottom, as ((x0, x1, y centre) in the frame, line)."""

    head: object
    row: list
    h: float
    left: float
    right: float
    body: list
    frame: object  # line → (x0, x1, y centre) turned about the header by the row's slope

    def centre(self, ln) -> float:
        x0, x1, _ = self.frame(ln)
        return (x0 + x1) / 2


def _table_frames(v: DocView) -> list[_Frame]:
    out = []
    for page in v.doc.pages:
        lines = [ln for ln in v.lines if ln.page == page.number]
        head = next((ln for ln in lines if len(ln.text) <= 10 and _ITEM_H.search(ln.text)), None)
        if head is None:
            continue
        h = max(head.bbox.y1 - head.bbox.y0, 1.0)
        row = _header_row(lines, head)
        s = _slope(row)
        hx, hy = (head.bbox.x0 + head.bbox.x1) / 2, (head.bbox.y0 + head.bbox.y1) / 2

        def frame(ln, s=s, hx=hx, hy=hy):  # (x0, x1, y centre) turned about the header by the slope
            xc, yc = (ln.bbox.x0 + ln.bbox.x1) / 2, (ln.bbox.y0 + ln.bbox.y1) / 2
            dx = s * (yc - hy)
            return ln.bbox.x0 + dx, ln.bbox.x1 + dx, yc - s * (xc - hx)

        hx0, hx1, hyc = frame(head)
        others = [frame(ln) for ln in row if ln is not head]
        left = max((x1 for x0, x1, _ in others if x1 <= hx0 + 0.5 * h), default=hx0 - 3 * h)
        right = min((x0 for x0, x1, _ in others if x0 >= hx1 - 0.5 * h), default=page.width)
        body = sorted(((frame(ln), ln) for ln in lines if ln not in row), key=lambda f: f[0][2])
        body = [(f, ln) for f, ln in body if f[2] > hyc + 0.5 * h]
        out.append(_Frame(head, row, h, left, right, body, frame))
    return out


def column_items(v: DocView) -> list[str]:
    """The training column of an OCR'd plan table read as a column: the boxes under the
    header naming it ('培训项目名称'), between its neighbours' edges, top to bottom, in the
    frame of the header row (a skewed photo's rows and columns are turned back level),
    until the table ends (the approval stamp's sentence, a line across the table). A name
    starts with its year or at a row number and ends at its event word (…培训班) unless a
    short continuation follows ('…培训' + '班'): cells wrapped over two lines come out whole."""
    out: list[str] = []
    for t in _table_frames(v):
        h, left, right = t.h, t.left, t.right
        frags: list[str] = []
        for (x0, x1, yc), ln in t.body:
            inside = min(x1, right) - max(x0, left)
            if inside <= 0.5 * (x1 - x0) or x0 < left - 0.5 * h:
                if x0 < left and x1 > right:
                    break  # a line across the table: the table has ended
                if _NOT_TITLE.search(ln.text) and frags:
                    break
                continue
            if _NOT_TITLE.search(ln.text) or (x1 > right + 3 * h and len(ln.text) > 12):
                break  # the stamp's sentence, or a paragraph below the table
            if re.fullmatch(r"[\d.、]+", ln.text):
                continue
            frags.append(ln.text)
        cur = ""
        names = []
        for k, frag in enumerate(frags):
            # (a row number is no cue: it sits beside a wrapped name's middle, not its start)
            if cur and _YEAR_START.match(frag) and len(frag) > 2:
                names.append(cur)
                cur = ""
            cur += frag
            nxt = frags[k + 1] if k + 1 < len(frags) else None
            if nxt is None or (_ITEM_END.search(cur) and len(nxt) > 2):
                names.append(cur)
                cur = ""
        out.extend(_entries(names, strict=False))
    return out


_MONTH_H = re.compile(r"时间|月份|日期")
_HOURS_H = re.compile(r"学时|课时")
_MONTH_CELL = re.compile(r"^(?:(?:19|20)\d{2}\s*[年.\-/]\s*)?(\d{1,2})\s*(?:月份?|$)")


def plan_rows(v: DocView) -> tuple[list[dict], object | None]:
    """The rows of an OCR'd plan table: [{"row": 3, "title": '…' or None, "month": 6 or None,
    "hours": 16 or None}] — the body's boxes grouped by their height in the header's frame
    (a skewed photo's rows turned level), each row's training-column text (None where the
    name did not read: a photo's faint or blurred cell; a line with nothing beside it is the
    name above it wrapped), its month and hours cells where they read; and the table's
    header line (for the field's box). A claim whose training matches no name the plan
    lists can still be in a row of its month and hours (pipeline.policy.evidence.check_plan)."""
    out: list[dict] = []
    where = None
    for t in _table_frames(v):
        hours_h = next((ln for ln in t.row if ln is not t.head and _HOURS_H.search(ln.text)), None)
        month_h = next((ln for ln in t.row if ln is not t.head and _MONTH_H.search(ln.text)), None)
        if hours_h is None and month_h is None:
            continue
        centres = [(t.centre(ln), ln) for ln in t.row]

        def column(ln):
            return min(centres, key=lambda c: abs(c[0] - t.centre(ln)))[1]

        groups: list[list] = []
        for (x0, x1, yc), ln in t.body:
            if _NOT_TITLE.search(ln.text):
                break  # the stamp's sentence: the table has ended
            if groups and yc - statistics.mean(g[0] for g in groups[-1]) <= 0.45 * t.h:
                groups[-1].append((yc, x0, x1, ln))
            else:
                groups.append([(yc, x0, x1, ln)])
        rows: list[dict] = []
        for g in groups:
            names = [ln.text for _, x0, x1, ln in sorted(g, key=lambda c: c[1])
                     if min(x1, t.right) - max(x0, t.left) > 0.5 * (x1 - x0) and re.search(r"[\u4e00-\u9fff]", ln.text)]
            # cells of the month and hours columns: short, with a numeral or 月 ('0月' is a
            # month cell misread: the row is still a row, its month unknown)
            months = [txt for *_, ln in g if month_h is not None and column(ln) is month_h
                      and len(txt := ln.text.strip()) <= 8 and re.search(r"[\d月]", txt)]
            hours = [txt for *_, ln in g if hours_h is not None and column(ln) is hours_h
                     and len(txt := ln.text.strip()) <= 5 and re.search(r"\d", txt)]
            if not (names or months or hours):
                continue
            joined = "".join(names)
            if names and not months and not hours and rows and rows[-1]["title"] and \
                    not _YEAR_START.match(joined) and (not _ITEM_END.search(rows[-1]["title"]) or len(joined) <= 2):
                rows[-1]["title"] += joined  # a name wrapped onto a line of its own
                continue
            m = _MONTH_CELL.match(months[0]) if months else None
            h = hours[0] if hours and re.fullmatch(r"\d{1,3}(?:\.\d)?", hours[0]) else None
            rows.append({"row": 0, "title": joined or None,  # (numbered once empty rows are gone)
                         "month": int(m.group(1)) if m and 1 <= int(m.group(1)) <= 12 else None,
                         "hours": float(h) if h else None})
        for r in rows:
            title = _clean_title(r["title"]) if r["title"] else ""
            r["title"] = title if len(re.findall(r"[\u4e00-\u9fff]", title)) >= 4 else None
        rows = [r for r in rows if r["title"] or r["month"] or r["hours"]]
        for i, r in enumerate(rows, 1):
            r["row"] = i
        if len(rows) >= 2:
            out.extend(rows)
            where = where or t.head
    return out, where


def trainings(v: DocView) -> list[str]:
    """Planned trainings: the rows of a table pdfplumber found; on OCR'd pages the training
    column (column_items); else rows under a header naming the training column, else lines
    that name a 培训班/研修班 (a numbered list, a sentence). Every name is checked
    (looks_like_training) and a cell holding two names is split (split_merged)."""
    if not any(p.tables for p in v.doc.pages) and (items := column_items(v)):
        return items
    rows = table_rows(v, _is_header)
    head = next((i for i, cells in enumerate(rows) if _is_header(cells)), None)
    out = []
    if head is not None:
        col = next(i for i, c in enumerate(rows[head]) if _ITEM_H.search(c))
        names = [cells[col] for cells in merge_wrapped(rows[head + 1:], len(rows[head]))
                 if col < len(cells) and len(cells[col]) >= 4]
        out = _entries(names, strict=False)
    if out:
        return out
    # (a name the line goes on to call a plan or a filing is the document's own title:
    # '…继续教育培训计划备案通知书')
    names = [m.group(1) for ln in v.lines for part in split_merged(_LEAD_NO.sub("", ln.text))
             if (m := _ITEM_LINE.search(part)) and not re.match(r"计划|备案|工作|方案|的", part[m.end():])]
    return _entries(names, strict=True)


def training_organizers(v: DocView, items: list[str]) -> list[str | None] | None:
    """Each planned training's organiser, where the plan's table has an organiser column:
    the row whose name cell reads most like the training (≥ 0.75 alike), its organiser cell.
    None when the table has no such column or no row's organiser read."""
    rows = table_rows(v, _is_header)
    head = next((i for i, cells in enumerate(rows) if _is_header(cells)), None)
    if head is None:
        return None
    header = rows[head]
    org_col = next((i for i, c in enumerate(header) if _ORG_H.search(c)), None)
    name_col = next((i for i, c in enumerate(header) if _ITEM_H.search(c)), None)
    if org_col is None or name_col is None:
        return None
    pairs = [(_clean_title(cells[name_col]), org) for cells in merge_wrapped(rows[head + 1:], len(header))
             if max(name_col, org_col) < len(cells) and (org := org_name(cells[org_col]))]
    out: list[str | None] = []
    for t in items:
        score, org = max(((SequenceMatcher(None, t, name).ratio(), org) for name, org in pairs), default=(0.0, None))
        out.append(org if score >= 0.75 else None)
    return out if any(out) else None


def filer(v: DocView) -> ExtractedField | None:
    """The unit whose plan it is: labelled (填报单位), else the addressee of a reply
    ('XX局：'), else named in the heading ('XX局2023年度…计划备案表', '关于XX局2023年度…备案的复函')."""
    hit = v.labelled(r"填报单位|申报单位|报送单位|报备单位|备案单位|计划单位|制定单位|编制单位", r"[^\n]{3,60}")
    if hit and (name := org_name(re.sub(r"^[(（]?盖章[)）]?[:：]?", "", hit[0]))):
        return v.make("filer", name, 0.85, hit[1], hit[2])
    for ln in v.lines[:6]:  # a reply addressed to the filer: '许昌市住房和城乡建设局：'
        if (m := re.fullmatch(r"([\u4e00-\u9fff（）()]{4,40})\s*[:：]", ln.text)) and org_name(m.group(1)) == m.group(1):
            return v.make("filer", m.group(1), 0.75, line=ln)
    head = re.sub(r"^.*?关于", "", v.head(4))
    head = re.sub(r"^.*?(?:〔\d{4}〕\d+号|文件)", "", head)
    if (m := re.match(r"([\u4e00-\u9fff]{3,40}?)(?:关于)?(?:19|20)\d{2}", head)) and (name := org_name(m.group(1))):
        pos = max(v.text.find(name), 0)
        return v.make("filer", name, 0.7, pos, pos + len(name))
    return None


_YEAR_LABEL = r"计划年度|培训年度|备案年度|实施年度|年\s*度|年\s*份"
_CN_YEAR = re.compile(r"([〇零一二三四五六七八九O]{4})\s*年度?")
# '2023年度…计划', '关于2023年度全市…项目安排的备案函': a year before the plan's name.
_PLAN_PHRASE = re.compile(r"((?:19|20)\d{2})\s*年度?[^。；;，,\n]{0,30}?(?:计划|项目|安排|备案)")


def plan_year(v: DocView) -> ExtractedField | None:
    """The year the plan is for: labelled (计划年度：2024), else named before the plan in the
    heading (2023年度…培训计划, 二〇二三年度…), else in the text, else the year the planned
    trainings' dates fall in."""
    hit = v.labelled(_YEAR_LABEL, r"((?:19|20)\d{2})\s*年?度?")
    if hit:
        return v.make("year", hit[0], 0.85, hit[1], hit[2])
    head = v.head(4)
    for text, conf in ((head, 0.85), (v.flat, 0.75)):
        if (m := _PLAN_PHRASE.search(text)) and not re.search(r"[《“\"]$", text[max(0, m.start() - 1):m.start()]):
            pos = max(v.text.find(m.group(1)), 0)
            return v.make("year", m.group(1), conf, pos, pos + 4)
        if (m := _CN_YEAR.search(text)) and (y := cn_to_int(m.group(1).replace("O", "〇"))) and 1990 <= y <= 2100:
            pos = max(v.text.find(m.group(1)), 0)
            return v.make("year", str(y), conf - 0.05, pos, pos + 4)
    dated = [d.value.year for d in find_dates(v.text, normalised=True) if d.has_year]
    if dated:  # the trainings planned (and the filing) are dated in the plan's year
        year = max(set(dated), key=lambda y: (dated.count(y), -y))
        return v.make("year", str(year), 0.55, line=v.lines[0])
    return None


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Plan-filing fields (see module docstring)."""
    v = DocView(doc)
    fields = common_fields(v, COMMON)
    if (y := plan_year(v)):
        fields.append(y)
    head = v.head(6)
    t = re.search(r"关于[^。:：]{4,60}?(?:复函|批复|通知|函)", head) or \
        re.search(r"[\u4e00-\u9fff\d（）()]{0,40}计划(?:备案表|表|备案)?", head)
    if t:
        pos = max(v.text.find(t.group(0)[:6]), 0)
        fields.append(v.make("title", t.group(0), 0.7, pos, pos + 6))
    if (f := filer(v)):
        fields.append(f)
    filed = _FILED_RE.search(v.text)
    fields.append(v.make("filed", "true" if filed else "false", 0.8 if filed else 0.5,
                         filed.start() if filed else 0, filed.end() if filed else 1))
    if (hit := v.labelled(r"备案号|备案编号", r"([A-Za-z0-9\-〔〕\[\]()\u4e00-\u9fff]{3,30}?号?)(?:\s|$)")):
        fields.append(v.make("filing_number", hit[0], 0.8, hit[1], hit[2]))
    if (items := trainings(v)):
        pos = max(v.text.find(items[0]), 0)
        fields.append(v.make("trainings", items, 0.7, pos, pos + len(items[0])))
        if (orgs := training_organizers(v, items)):
            fields.append(v.make("training_organizers", orgs, 0.6, pos, pos + len(items[0])))
    if v.doc.source == "ocr" and (rows := plan_rows(v))[0]:
        fields.append(v.make("plan_rows", rows[0], 0.5, line=rows[1]))
    return fields
