"""批示件 (leader's endorsement of a report): leader_level (provincial/city/county), title (the
report's subject, see report_topic), person_name and authors (the report's authors),
organization, issue_date (the endorsement date: labelled, or the date under the leader's
signature), issue_month_day ('--03-19', ISO 8601 without a year, when the signature date has
no year and the page names none: the claim stage completes issue_date with the claim's year,
with less confidence: pipeline/claims.py),
document_number, has_seal.

The level comes from a labelled leader (批示领导：副市长), else the office that circulates
the report (临颍县人民政府办公室 → county), else any leader title in the text."""

from __future__ import annotations

import re

from extractors._base import DocView
from extractors._activity import COUNTY_CITY_RE
from extractors._common import common_fields, org_name, rejoin_quoted, split_form_rows
from extractors._people import known_surname, plausible_name
from extractors.presentation_proof import signed_issue_date, wrapped_value
from extractors._text.dates import find_dates, find_years
from extractors._text.names import split_names
from schemas.document import DocumentText
from schemas.records import ExtractedField

COMMON = ("person_name", "organization", "issue_date", "document_number", "has_seal")
LEADER_LEVELS = [
    ("provincial", re.compile(r"省委|省政府|省人民政府|省长|副省长|省委书记|省人大|省政协|省[\u4e00-\u9fff]{0,6}(?:办公厅|研究室)")),
    ("city", re.compile(r"市委|市政府|市人民政府|市长|副市长|市委书记|市人大|市政协|市[\u4e00-\u9fff]{0,6}(?:办公室|研究室)")),
    ("county", re.compile(r"县委|县政府|县人民政府|县长|副县长|县委书记|区委|区政府|区人民政府|区长|副区长")),
]
_LEADER_LABEL = r"批示领导|领导职务|批示人|批示领导职务|签批领导"
_TITLE_LABEL = r"报告题目|报告名称|文件标题|来文标题|文件名称|呈阅件名称|题\s*目|标\s*题"
_REPORT_LINE = re.compile(r"^(?:关于)?[\u4e00-\u9fff“”\"（）()、\d]{4,60}(?:调研报告|报告|调研|情况)$")
# Authors named in a sentence: '…中学薛刚、马永刚、田军同志撰写的《…》'.
_WROTE = re.compile(r"(?:^|[^\u4e00-\u9fff、,，])\s*([\u4e00-\u9fff、,，]{2,60}?)\s*(?:等)?\s*(?:同志)?\s*(?:共同)?"
                    r"(?:撰写|执笔|起草|调研撰写)的")
_SIGNED_DATE = re.compile(r"^[\u4e00-\u9fff]{2,4}\s*((?:(?:19|20)\d{2}\s*[.\-/年])?\d{1,2}\s*[.\-/月]\s*\d{1,2}\s*日?)$")


def leader_level(v: DocView) -> ExtractedField | None:
    hit = v.labelled(_LEADER_LABEL, r"[^\n]{2,30}")
    where = ([(hit[0], hit[1], hit[2], 0.85)] if hit else []) + \
        [(v.head(3), None, None, 0.7), (v.text, None, None, 0.6)]
    for text, s, e, conf in where:
        text = COUNTY_CITY_RE.sub("县", text)  # 汝州市人民政府 → a county-level government
        found = sorted((m.start(), lv, m) for lv, rx in LEADER_LEVELS if (m := rx.search(text)))
        if found:
            _, lv, m = found[0]
            start = s if s is not None else (m.start() if text is v.text else 0)
            end = e if e is not None else (m.end() if text is v.text else 1)
            return v.make("leader_level", lv, conf, start, end)
    return None


def report_topic(title: str) -> str:
    """The report's subject: '关于县域医共体建设运行情况的调研报告' → '县域医共体建设运行情况' (the
    wrapper 关于…的调研报告/报告 is the document type, as 关于举办…的通知 is for a notice)."""
    t = title.strip("《》“”\"")
    t = re.sub(r"^关于", "", t)
    t = re.sub(r"(?:的)?(?:专题)?(?:调研|调查|研究)?报告$", "", t)
    return t if len(t) >= 4 else title


def _report(v: DocView) -> tuple[ExtractedField | None, list[str], int | None]:
    """The report title (as its subject, see report_topic) and the author names written
    under it; without a legible title, a byline of names alone ('（甲、乙、丙）')."""
    t = v.labelled(_TITLE_LABEL, r"《?([^》\n]{4,80})")  # inner quotes stay ('“双减”政策')
    if t:
        i = v.line_index(t[1])
        whole = rejoin_quoted(v, v.lines[i].text, v.starts[i])  # a cell wrapped around its label
        if whole != v.lines[i].text and (m := re.search(r"《([^》]{4,80})》", whole)):
            t = (m.group(1), t[1], t[2])
        return v.make("title", report_topic(t[0]), 0.85, t[1], t[2]), [], None
    if (m := re.search(r"《([^》]{4,80})》", v.text)):
        return v.make("title", report_topic(m.group(1)), 0.7, m.start(1), m.end(1)), [], None
    for i, ln in enumerate(v.lines):
        # the report attached under the endorsement, its authors after it ('附：关于…的调研报告（甲、乙）')
        m = re.fullmatch(r"(?:附\s*件?\s*\d?\s*[:：]\s*)?(.{4,60}?)\s*[(（]([^()（）]{2,40})[)）]", ln.text)
        if m and _REPORT_LINE.match(m.group(1)) and (names := _author_names(m.group(2))):
            return v.make("title", report_topic(m.group(1)), 0.65, line=ln), names, i
        if _REPORT_LINE.match(ln.text):
            text = ln.text
            prev = v.lines[i - 1].text if i else ""
            if not text.startswith("关于") and re.fullmatch(r"关于[\u4e00-\u9fff“”\"（）()、\d]{2,40}", prev):
                text = prev + text  # a title broken over two lines
            title = v.make("title", report_topic(text), 0.65, line=ln)
            for j in range(i + 1, min(i + 3, len(v.lines))):  # a comment may interleave
                if (names := _author_names(v.lines[j].raw)):
                    return title, names, j
            return title, [], None
    for j, ln in enumerate(v.lines):
        if re.fullmatch(r"[(（][^()（）]{4,40}[)）]", ln.text) and (names := _author_names(ln.raw)):
            return None, names, j
    return None, [], None


def _author_names(raw: str) -> list[str]:
    """Names on a byline ('（甲、乙）', 'XX单位　甲　乙', 'XX单位甲乙丙'): a leading organisation
    name dropped, every other token a plausible name with a known surname."""
    toks = [t for t in re.split(r"[\s、,，;；()（）]+", raw) if t]
    names = []
    for t in toks:
        org = org_name(t)
        rest = t[len(org):] if org and t.startswith(org) else t
        if org and not rest:
            continue
        names += split_names(rest)
    # every token name-like, the first and most with a known surname (OCR may misread one
    # surname: '彭梦瑶' read as '影梦瑶')
    ok = names and all(plausible_name(n) for n in names) and known_surname(names[0]) and \
        sum(map(known_surname, names)) * 2 > len(names)
    return names if ok else []


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Endorsement fields (see module docstring)."""
    v = DocView(split_form_rows(doc))
    common = common_fields(v, COMMON)
    fields = [f for f in common if f.name != "issue_date"]
    if (lv := leader_level(v)):
        fields.append(lv)
    title, authors, line = _report(v)
    if title:
        fields.append(title)
    labelled = v.labelled(r"作\s*者|撰\s*写\s*人|撰\s*稿\s*人|起\s*草\s*人|执\s*笔(?:人)?|报送人|调研人|课题组成员",
                          r"([\u4e00-\u9fff、,，\s]{2,40})")
    if labelled:
        authors = [n for n in re.split(r"[、,，\s]+", labelled[0]) if n][:1]
        if (listed := _author_names(labelled[0])):
            authors = listed
    wrote = None
    if not authors and (wrote := _WROTE.search(v.flat)) and (named := _author_names(wrote.group(1))):
        authors = named  # '…中学薛刚、马永刚、田军同志撰写的《…》'
    if authors:
        at = v.make("authors", authors, 0.7, line=v.lines[line]) if line is not None else \
            v.make("authors", authors, 0.7, *v.from_flat(wrote.start(1), wrote.end(1))) if wrote else \
            v.make("authors", authors, 0.75, labelled[1], labelled[2])
        fields = [f for f in fields if f.name != "person_name"] + [
            at, at.model_copy(update={"name": "person_name", "value": authors[0]})]
    if (cell := wrapped_value(v, _TITLE_LABEL)) and (m := re.search(r"《([^》]{4,80})》", cell[0])):
        # a title cell the form wrapped around its label
        fields = [f for f in fields if f.name != "title"] + [v.make("title", report_topic(m.group(1)), 0.8, cell[1], cell[2])]
    year = next(iter(find_years(v.text)), None)
    d = v.labelled(r"批示时间|批示日期|签批时间|签批日期|阅批时间|阅批日期|"
                   r"(?:批示人|签批人|阅批人|签\s*字|签\s*名)\s*[:：]?\s*[\u4e00-\u9fff]{2,4}?\s*(?:日\s*期)?\s*[:：]?"
                   r"(?=\s*(?:(?:19|20)\d{2}|[〇零一二三四五六七八九O]{4}))",
                   r"[^\n]{4,24}")
    if d and (ds := find_dates(d[0], default_year=year)):
        fields.append(v.make("issue_date", ds[0].iso, 0.85, d[1], d[2]))
    else:
        for ln in v.lines:
            m = _SIGNED_DATE.match(ln.text)
            if not m:
                continue
            md = m.group(1) if re.search(r"\d{4}", m.group(1)) else m.group(1).replace(".", "月", 1) + "日"
            if (ds := find_dates(md, default_year=year)):
                fields.append(v.make("issue_date", ds[0].iso, 0.7 if year is None or ds[0].has_year else 0.55, line=ln))
                break
            if (ds := find_dates(md, default_year=2000)):  # '蔡婷3.19' on a page that names no year
                fields.append(v.make("issue_month_day", ds[0].value.strftime("--%m-%d"), 0.7, line=ln))
                break
        else:
            # the leader's signature on a line of its own and the date alone under it (a
            # handwritten endorsement above the report's text: not the last date of the page);
            # else a date alone under the signature, as any document signs
            signed = _under_name(v, year) or signed_issue_date(doc)
            fields += [signed] if signed else []
    return fields


def _under_name(v: DocView, year: int | None) -> ExtractedField | None:
    """The date standing alone on the line right under a line holding a person's name alone
    (a leader's signature: '侯涛' over '二〇二三年八月二十五日' or '2023.8.25')."""
    for i in range(len(v.lines) - 1):
        name, nxt = v.lines[i], v.lines[i + 1]
        if nxt.page != name.page or not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", name.text):
            continue
        if not (plausible_name(name.text) and known_surname(name.text)):
            continue
        ds = [d for d in find_dates(nxt.text, default_year=year) if d.precision == "day"]
        if ds and ds[0].has_year and len(nxt.text) <= ds[0].end - ds[0].start + 2:
            return v.make("issue_date", ds[0].iso, 0.75, line=nxt)
    return None
