"""宣读论文/报告证明 (presentation proof): person_name, organization, issue_date, has_seal,
title (the conference), article_title (the paper or report presented), word_count (字数,
characters, when stated), level, start_date."""

from __future__ import annotations

import re

from extractors._activity import level, period, title
from extractors._base import DocView
from extractors._common import common_fields, issue_date, org_name, rejoin_quoted, split_form_rows
from extractors._text.dates import find_dates, loose_date
from extractors._text.names import trim_name
from extractors._text.numbers import NUM_RE, cn_to_int
from schemas.document import DocumentText, Page
from schemas.records import ExtractedField

COMMON = ("person_name", "organization", "issue_date", "has_seal")
_ARTICLE_RE = re.compile(r"(?:论文|报告|发言|交流|宣读|题目|题为)[^《“\"]{0,10}[《“\"]([^》”\"]{3,80})[》”\"]")
_CONFERENCE_RE = re.compile(r"(?:在|入选|参加|出席|于)\s*([\u4e00-\u9fff\d“”]{4,40}?(?:学术年会|年会|学术会议|会议|论坛|研讨会|大会|交流会))")
_ARTICLE_LABEL = r"论文题目|报告题目|论文名称|报告名称|发言题目|交流题目|论文标题|题\s*目"
# Who presented: a form's presenter/author label ('发言人 | 叶雨萱').
_PRESENTER_LABEL = r"(?m:^)(?:发\s*言\s*人|报\s*告\s*人|交流人|宣读人|汇报人|主讲人|论文作者|第一作者|作\s*者)"
# A letter to the presenter: '汪超（河南省中原建设工程有限公司）：', '叶雨萱老师：'.
_ADDRESSEE = re.compile(r"(?m)^(?:尊敬的)?([\u4e00-\u9fff]{2,4}?)\s*(?:同志|老师|先生|女士|教授|专家)?\s*"
                        r"(?:[(（][\u4e00-\u9fff()（）]{2,40}[)）])?\s*[:：]$")
_WORDS_RE = re.compile(rf"(?:(?:字数|全文|共)\s*[:：]?\s*(?:约)?|[(（]\s*(?:约|共|全文)?)\s*"
                       rf"(\d{{1,3}}(?:[ ,]\d{{3}})+|{NUM_RE}(?:\.\d+)?)\s*(千字|万字|字)")
_WORDS_UNIT = re.compile(r"字\s*数\s*[:：]?\s*(\d{2,4}(?:\.\d+)?)\s*(千|万)(?!字)")  # '字数 380千'
_WORDS_BARE = re.compile(r"字\s*数\s*[:：]?\s*(\d{1,3}(?:[ ,]\d{3})+|\d{3,7})(?![\d.千万字])")


def word_count(v: DocView) -> ExtractedField | None:
    """字数 as a number of characters: '3500字' → 3500, '3.5千字' → 3500, '350千字' → 350000."""
    # '字数 420 000'; on a copyright page the spaced label breaks over boxes ('字' | '数530千字')
    for text, flat in ((v.text, False), (v.flat, True)):
        m = _WORDS_RE.search(text) or _WORDS_BARE.search(text) or _WORDS_UNIT.search(text)
        if m:
            break
    else:
        return None
    raw = re.sub(r"[ ,]", "", m.group(1))
    n = float(raw) if re.fullmatch(r"\d+(?:\.\d+)?", raw) else cn_to_int(raw)
    if n is None:
        return None
    unit = m.group(2) if m.re is not _WORDS_BARE else "字"
    n *= {"千字": 1000, "万字": 10000, "字": 1, "千": 1000, "万": 10000}[unit]
    span = v.from_flat(m.start(), m.end()) if flat else (m.start(), m.end())
    return v.make("word_count", int(n), 0.8 if not flat else 0.7, *span)


def quoted_value(v: DocView, hit: tuple[str, int, int]) -> str:
    """A labelled 《…》 value, completed when a form cell wrapped it around its label
    (_common.rejoin_quoted)."""
    ln = v.lines[v.line_index(hit[1])]
    whole = rejoin_quoted(v, ln.text, v.starts[v.line_index(hit[1])])
    if whole != ln.text and (m := re.search(r"《([^》]{3,80})》", whole)):
        return m.group(1)
    return hit[0]


def article_title(v: DocView) -> ExtractedField | None:
    hit = v.labelled(_ARTICLE_LABEL, r"[《“\"]?([^》”\"]{3,80})")
    if hit:
        return v.make("article_title", quoted_value(v, hit), 0.85, hit[1], hit[2])
    m = _ARTICLE_RE.search(v.flat)  # titles are often broken over lines
    return v.make("article_title", m.group(1), 0.75, *v.from_flat(m.start(1), m.end(1))) if m else None


# A conference named in a sentence: …经X学术委员会评审…, 在X上作…, 入选X…
# (the name may be quoted: '在“河南省…2023年学术年会”上')
_CONF_NAME = re.compile(r"(?:在|经|入选|参加|出席|于|向|被)\s*[“\"《]?((?!会议|大会|本次|此次|会上|该)[\u4e00-\u9fff\d]{4,40}?"
                        r"(?:学术年会|年会|学术会议|学术大会|论坛|研讨会|交流会|大会))"
                        r"[”\"》]?(?=学术委员会|组委会|组织委员会|专家|上|期间|[,，。(（]|$)")
_BAD_CONF = re.compile(r"[“”\"]|^(?:会议|大会|会上|本次|此次)")


def conference(v: DocView) -> ExtractedField | None:
    """The conference named in the proof (…在河南省医学会2023年学术年会上…): a labelled or
    headed name, else the name in a sentence; a phrase around a quoted form of
    presentation ('会议期间以“大会…') is no name."""
    t = title(v)
    if t and re.search(r"会|论坛", t.value) and not _BAD_CONF.search(t.value):
        return t
    for rx, conf in ((_CONF_NAME, 0.7), (_CONFERENCE_RE, 0.65)):
        for m in rx.finditer(v.flat):
            if not _BAD_CONF.search(m.group(1)):
                return v.make("title", m.group(1), conf, *v.from_flat(m.start(1), m.end(1)))
    return t


# --- signature dates (shared with leader_endorsement) -----------------------------------------

# A 版记 or print line after the signature ('抄送：…', 'XX办公室 2023年3月9日印发'), a contact
# line: never the signature.
_COLOPHON = re.compile(r"^(?:抄送|抄报|分送|主送|联系人|联系电话|电话|地址|邮编|打印)|(?:印发|印制|打印)$")
# Lines of a form or sentence a signature date is not taken from: ranges, cells of dated
# labels (会议时间, 交流时间, 报送日期 …).
_NOT_SIGNED = re.compile(r"(?:至|到|—|~|-{1,2})\s*(?:(?:19|20)\d{2}|[〇零一二三四五六七八九O]{4}|\d{1,2}\s*月)|"
                         r"(?:会议|交流|报告|发言|报送|收文|报到|举办|召开|提交|截止|出生)(?:时间|日期)")


def without_colophon(doc: DocumentText) -> DocumentText:
    """The document without its 版记/print/contact lines (see _COLOPHON): what is left ends
    with the signature block."""
    pages = []
    for page in doc.pages:
        keep = [ln for ln in page.lines if not _COLOPHON.search(re.sub(r"\s", "", ln.text))]
        pages.append(page.model_copy(update={"lines": keep}))
    return doc.model_copy(update={"pages": pages})


def signature_date(v: DocView) -> ExtractedField | None:
    """The signature block's date when the shared reader finds none: the bottom-most full
    date standing (nearly) alone on its line, or after an issuer's name on it ('河南省医学会
    二〇二三年十月二十日'), or under a bare 日期 label, anywhere on the page (a short letter's
    signature can sit in the upper half of its lines) — never a range end, a dated form cell
    or a 版记/contact line. A year OCR damaged under the seal is repaired against the years
    the text states."""
    years = [d.value.year for d in find_dates(v.text, normalised=True) if d.has_year]
    order = sorted(range(len(v.lines)), key=lambda i: (v.lines[i].page, v.lines[i].bbox.y0, i), reverse=True)
    for i in order:
        t = v.lines[i].text
        if _COLOPHON.search(t) or _NOT_SIGNED.search(t) or len(t) > 40:
            continue
        ds = [d for d in find_dates(t, normalised=True) if d.has_year and d.precision == "day"]
        d = ds[-1] if ds else None
        conf = 0.7
        if d is None and (loose := loose_date(t, years)):
            d, conf = loose[0], 0.7 * loose[1]
        if d is None:
            continue
        head = t[:d.start]
        if len(t) - (d.end - d.start) > 16 and not org_name(re.sub(r"^日\s*期\s*[:：]?", "", head).strip()):
            continue
        if re.search(r"[\u4e00-\u9fff]{2}", head) and not (org_name(head.strip()) or re.match(r"^日\s*期\s*[:：]?$", head)):
            continue  # a sentence or a form cell, not a signature
        return v.make("issue_date", d.iso, conf, v.starts[i] + d.start, v.starts[i] + d.end)
    return None


def signed_issue_date(doc: DocumentText) -> ExtractedField | None:
    """The issue date of a document signed at its foot: the shared reader on the document
    without its 版记/contact lines, else signature_date."""
    v = DocView(split_form_rows(without_colophon(doc)))
    return issue_date(v) or signature_date(v)


def wrapped_value(v: DocView, label: str) -> tuple[str, int, int] | None:
    """A cell value a form wrapped around its label's row (one part above the label's line,
    one below), joined: see qualification_certificate._wrapped_cell."""
    from extractors.qualification_certificate import _wrapped_cell  # noqa: PLC0415
    for m in re.finditer(rf"(?m)^(?:{label})\s*[:：]?$", v.text):
        i = v.line_index(m.start())
        if (cell := _wrapped_cell(v, i)):
            a, b = cell[0], cell[-1]
            return "".join(v.lines[j].text for j in cell), v.starts[a], v.starts[b] + len(v.lines[b].text)
    return None


_HOST_LABEL = r"主办单位|主办方|承办单位|组织单位|证明单位"


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Presentation-proof fields (see module docstring)."""
    v = DocView(split_form_rows(doc))
    t = conference(v)
    if (cell := wrapped_value(v, r"会议名称|会议全称|大会名称")) and (not t or t.value in cell[0]):
        t = v.make("title", cell[0], 0.8, cell[1], cell[2])  # the name a form cell wrapped around its label
    fields = common_fields(v, tuple(n for n in COMMON if n != "issue_date")) + \
        [f for f in (t, article_title(v), word_count(v)) if f]
    if (signed := signed_issue_date(doc)):
        fields.append(signed)
    if not any(f.name == "organization" for f in fields):
        for value, s, e in v.labelled_all(_HOST_LABEL, r"[^\n]{3,40}"):
            if (name := org_name(value)):  # the organiser named in the form
                fields.append(v.make("organization", name, 0.65, s, s + len(name)))
                break
    who = v.labelled(_PRESENTER_LABEL, r"[\u4e00-\u9fff·]{2,12}")
    if who and (name := trim_name(who[0])):
        fields = [f for f in fields if f.name != "person_name"] + [
            v.make("person_name", name, 0.85, who[1], who[1] + len(name))]
    elif not any(f.name == "person_name" for f in fields) and (m := _ADDRESSEE.search(v.text)):
        fields.append(v.make("person_name", m.group(1), 0.75, m.start(1), m.end(1)))
    if (lv := level(v, t)):
        fields.append(lv)
    return fields + [f for f in period(v) if f.name == "start_date"]
