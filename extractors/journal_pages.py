"""期刊封面/目录/文章 (journal pages): journal_name (labelled, else as a running head
('·12· 中国全科医学 2023年3月第26卷第9期') or a citation line ('…[J]. 卫生职业教育, 2023,
41(6): 150-152', '引用本文：…', '本文引用格式：…') names it, else 《…》 or a name ending in
杂志/学报…, else a cover's name line; never a quality-list badge such as 中文核心期刊,
中国科技论文统计源期刊, CSCD来源期刊, 河南省一级期刊), issn (with check), cn_number, year, issue,
pages ('104-107': from 文章编号, a written range (第12-15页, pp. 12-15, 45(3): 12-15 in a
citation line), the folios of running heads on the article's first and last pages ('·69·',
read '.69.'), or the contents (the next entry's start less one); only the start page when
that is all the pages show), article_title, authors (JSON, in order), articles (JSON
[{title, authors, start}] of a contents page's entries: on a contents page alone
`article_title` is its first entry, and the claim stage (pipeline.articles) picks the
declarant's article), author_rank (only when written explicitly; otherwise the claim stage
ranks the declarant in `authors`/`articles`), level (national/provincial, see _level),
has_seal.

Cover, contents and article pages often come together: the article is the title line above
a line of names that is followed by the authors' affiliation or the abstract, not a
contents entry ending in a page number."""

from __future__ import annotations

import re

from extractors._activity import level_of
from extractors._base import DocView, TLine, doc_from_text
from extractors._common import has_seal
from extractors._people import explicit_rank, known_surname, name_list, plausible_name
from extractors._text.fuzzy import edit_distance
from extractors._text.ids import find_cn_numbers, find_issns
from extractors._text.names import split_names
from schemas.document import DocumentText
from schemas.records import ExtractedField

_JOURNAL_RE = re.compile(r"《([^》]{2,30})》|([\u4e00-\u9fff]{2,20}(?:杂志|学报|期刊|半月刊|月刊|旬刊|周刊|学刊|刊))")
_ISSUE_RES = [
    re.compile(r"((?:19|20)\d{2})\s*年\s*(?:\d{1,2}\s*月\s*)?(?:第\s*\d+\s*卷\s*)?第\s*(\d{1,3})\s*期"),
    re.compile(r"((?:19|20)\d{2})\s*[,，]\s*(?:\d+\s*)?\(\s*(\d{1,3})\s*\)"),
    # a cover's '2023　第10期（总第562期）' (the year without 年)
    re.compile(r"((?:19|20)\d{2})\s*第\s*(\d{1,3})\s*期"),
    # a citation without the volume: '河南教育，2023(6)：12-14'
    re.compile(r"((?:19|20)\d{2})\s*\(\s*(\d{1,2})\s*\)\s*[:：]\s*\d"),
    re.compile(r"((?:19|20)\d{2})\s*[,，]?\s*(?:Vol\.?\s*\d+\s*[,，]?\s*)?No\.?\s*(\d{1,3})", re.I),
    # 'Vol.32 No.7 2023' (OCR: V01.32): issue before year, swapped below
    re.compile(r"V[o0O][l1I]\.?\s*\d+\s*[,，]?\s*No\.?\s*(?P<issue>\d{1,3})\s*[,，(（]?\s*(?P<year>(?:19|20)\d{2})", re.I),
]
# 文章编号：1673-3444(2023)07-0088-05 → start page 88, 5 pages.
_ARTICLE_NO = re.compile(r"文章编号\s*[:：]?\s*\d{4}-\d{3}[\dX]\s*[(（]\s*\d{4}\s*[)）]\s*\d{1,2}\s*-\s*(\d{3,4})\s*-\s*(\d{1,3})")
_PAGES_RE = re.compile(r"(?:第\s*|页码\s*[:：]?\s*|起止页码?\s*[:：]?\s*|pp?\.?\s*|\)\s*[:：]\s*)"
                       r"(\d{1,4})\s*[-—~]\s*(\d{1,4})(?!\s*[期卷年月])\s*页?", re.I)
# a level stated as such: '国家级期刊', '省级学术期刊'
_LEVEL_WORDS = [("national", re.compile(r"国家级(?:学术|医学|科技|专业)?(?:期刊|刊物|杂志)")),
                ("provincial", re.compile(r"省级(?:学术|医学|科技|专业)?(?:期刊|刊物|杂志)"))]
# Badges of quality lists on a cover (中文核心期刊, 中国科技核心期刊, CSCD来源期刊, RCCSE中国核心学术
# 期刊, 中国期刊方阵双效期刊, 河南省一级期刊 …): not the journal's name, and not its level (a
# journal sponsored by a provincial body is provincial however it is ranked).
_BADGE = re.compile(r"核心(?:学术)?期刊|中文核心|北大核心|科技核心|统计源|来源期刊|源期刊|CSCD|CSSCI|RCCSE|"
                    r"期刊方阵|双效期刊|双奖期刊|(?:优秀|精品|百强|一级|二级|示范)(?:科技|学术|社科)?期刊|收录期刊|"
                    r"入选|(?:数据库|文摘|引文)[\u4e00-\u9fff]{0,6}(?:收录|来源)", re.I)
_CORE_BADGE = re.compile(r"核心(?:学术)?期刊|中文核心|北大核心|科技核心|统计源|CSCD|CSSCI", re.I)
_NOISE = re.compile(r"[\d*＊†‡#△▲,，;；、\[\]]+|[(（]\d+[)）]")
# the author list's label; not the corresponding (通信作者) or first author named in a footnote
_AUTHORS_LABEL = r"(?<!通信)(?<!通讯)(?<!第一)(?<!责任)作\s*者(?!简介|单位)|作者姓名|署\s*名"
_AFFILIATION = re.compile(r"^[(（].*(?:省|市|大学|医院|学院|中心|研究|\d{6})|^\d\s*[.、]?\s*[\u4e00-\u9fff]+(?:大学|医院|学院|中心)")


_REF_HEAD = re.compile(r"^(?:参考文献|\[?参考文献\]?|References?)\s*[:：]?\s*$|^参考文献\s*[:：]", re.I)
_REF_ENTRY = re.compile(r"^\s*[\[［【]\s*\d{1,3}\s*[\]］】]")


def _reference_lines(v: DocView) -> set[int]:
    """Lines of a reference list (参考文献): entries starting '[3]', and every line from the
    heading to the end of its page. Their citations name other papers' journals and pages."""
    out: set[int] = set()
    page = None
    for i, ln in enumerate(v.lines):
        if _REF_HEAD.search(ln.text):
            page = ln.page
        elif page is not None and ln.page != page:
            page = None
        if page is not None or _REF_ENTRY.match(ln.text):
            out.add(i)
    return out


def _outside(v: DocView, matches, skip: set[int]):
    """The matches that do not start on a line of `skip`."""
    return (m for m in matches if v.line_index(m.start()) not in skip)


def _author_lines(v: DocView) -> list[tuple[float, int, list[str]]]:
    """(score, line index, names) for lines made only of names; an affiliation or abstract
    below scores up, a contents page number (…（88）) scores down."""
    out = []
    for i, ln in enumerate(v.lines[:120]):
        if i == 0 or re.search(r"摘要|关键词|作者简介|单位|杂志|期刊|学报|[:：]", ln.text):
            continue
        found = split_names(_NOISE.sub(" ", ln.raw))
        names = [n for n in found if plausible_name(n)]
        if not names or len(names) > 10 or len(names) < len(found) or len(v.lines[i - 1].text) < 6 \
                or sum(map(known_surname, names)) * 2 < len(names):
            continue
        below = [x.text for x in v.lines[i + 1:i + 5]]
        score = 3.0 * bool(below and _AFFILIATION.search(below[0])) + 2.0 * any("摘要" in b for b in below)
        score -= 2.0 * bool(re.search(r"[(（]\d{1,4}[)）]\s*$", ln.text))
        out.append((score, i, names))
    return out


def _entry_title(ln) -> str:
    """A contents entry's title without the page number it starts with ('46 2型糖尿病…')."""
    m = re.match(r"\s*(\d{1,4})\s+(?=\S)", ln.raw)
    return re.sub(r"\s", "", ln.raw[m.end():]) if m and len(ln.text) > len(m.group(1)) + 4 else ln.text


def _article(v: DocView) -> list[ExtractedField]:
    """Title and authors of the article (the byline over its affiliation or abstract; on a
    contents page alone, its first entry) and `articles`, every contents entry with its
    authors and start page, for the claim stage to find the declarant's."""
    out = []
    title_hit = v.labelled(r"文章题目|论文题目|题\s*目|篇\s*名|文\s*题", r"[《“\"]?([^》”\"\n]{4,80})")
    authors = name_list(v, "authors", _AUTHORS_LABEL)
    entries, toc_lines = _toc(v)
    all_cands = _author_lines(v)
    cands = [c for c in all_cands if c[1] not in toc_lines] if entries else all_cands
    best = max(cands, key=lambda c: (c[0], -c[1])) if cands else None
    first = next((e for e in entries if e.get("authors")), entries[0] if entries else None)
    if best is None and not title_hit and (shown := _entry_shown(v, entries, toc_lines)):
        first = shown  # no byline read, but the article page repeats a contents entry's title
    if title_hit:
        out.append(v.make("article_title", title_hit[0], 0.85, title_hit[1], title_hit[2]))
    elif best:
        t = v.lines[best[1] - 1]
        out.append(v.make("article_title", _entry_title(t), 0.6 + 0.05 * best[0], line=t))
    elif first:  # a contents page alone: its first entry (the claim stage picks the declarant's)
        out.append(v.make("article_title", first["title"], 0.5, line=v.lines[first["_i"]]))
    if authors:
        out.append(authors)
    elif best:
        out.append(v.make("authors", _split_byline_dots(best[2]), 0.6 + 0.05 * best[0], line=v.lines[best[1]]))
    elif first and first.get("authors"):
        out.append(v.make("authors", first["authors"], 0.5, line=v.lines[first["_i"]]))
    if len(entries) >= 2:  # a contents page: every article with its authors and start page
        arts = [{k: e[k] for k in ("title", "authors", "start") if e.get(k) is not None} for e in entries]
        out.append(v.make("articles", arts, 0.6, line=v.lines[entries[0]["_i"]]))
    elif len(all_cands) > 1:  # name lines under titles, no contents layout recognised
        arts = [{"title": _entry_title(v.lines[i - 1]), "authors": names} for _, i, names in all_cands]
        out.append(v.make("articles", arts, 0.55, line=v.lines[all_cands[0][1]]))
    elif not any(f.name == "authors" for f in out) and \
            (m := re.search(r"作者简介\s*[:：]?\s*([\u4e00-\u9fff]{2,4})\s*[(（,，]", v.text)):
        out.append(v.make("authors", [m.group(1)], 0.5, m.start(1), m.end(1)))  # the first author only
    return out


# A citation of the article: '…[J]. 卫生职业教育, 2023, 41(6): 150-152', '中国实用医刊, 2023, 50(11): 88-91'.
_CITATION = re.compile(r"(?:\[J\]\s*[.．]?\s*|^|[.．]\s*)([\u4e00-\u9fff][\u4e00-\u9fff()（）·]{1,24}?)\s*[,，]?\s*"
                       r"((?:19|20)\d{2})\s*[,，]?\s*(?:(\d{1,3})\s*)?[(（]\s*(\d{1,3})\s*[)）]\s*[:：]\s*"
                       r"(\d{1,4})(?:\s*[-—~]\s*(\d{1,4}))?",
                       re.M)
# A running head: '·12· 中国全科医学 2023年3月第26卷第9期', '郑州大学学报（医学版）2023年第5期 ·33·'.
_RUNNING_HEAD = re.compile(r"^[·.•\s\d]*?([\u4e00-\u9fff]{2,20}?(?:[(（][\u4e00-\u9fff]{2,8}[)）])?)\s*"
                           r"(?:19|20)\d{2}\s*年\s*(?:\d{1,2}\s*月\s*)?(?:第\s*\d{1,3}\s*卷\s*)?第\s*\d{1,3}\s*期")
# The name after the volume/issue: '·34· 第45卷 第11期 中国农学通报 Vol.45 No.11',
# '第41卷第3期 2023年5月 中原医刊' (a short line; the name ends it or English follows).
_RUNNING_HEAD_AFTER = re.compile(r"^[·.•\s\d]*?(?:第\s*\d{1,3}\s*卷\s*)?第\s*\d{1,3}\s*期\s*"
                                 r"(?:(?:19|20)\d{2}\s*年\s*(?:\d{1,2}\s*月)?\s*)?"
                                 r"([\u4e00-\u9fff]{2,20}(?:[(（][\u4e00-\u9fff]{2,8}[)）])?)\s*"
                                 r"(?=$|[A-Za-z]|[·•]\s*\d)")
_EDITORIAL = re.compile(r"《([^》]{2,30})》\s*(?:编辑部|编辑委员会|杂志社|编辑出版)")
_FREQUENCY = re.compile(r"[\u4e00-\u9fff]?(?:半月刊|双月刊|月刊|旬刊|周刊|季刊|双周刊|年刊)|期刊")
# a folio '·69·' (OCR: '.69.', '-69-', '• 69 •') at either end of a running head or alone
_FOLIO = re.compile(r"^[·•.\-—]\s*(\d{1,4})\s*[·•.\-—]|[·•.\-—]\s*(\d{1,4})\s*[·•.\-—]$")
_NOT_JOURNAL = re.compile(r"^(?:本刊|本期|刊于|发表于|收稿|见|载|原载|引自)|[:：]|目\s*[次录]|出版|创刊|总第")


def _not_journal(name: str) -> bool:
    """A phrase that is not a journal's name: 本刊…, a label, a contents heading, a badge."""
    return bool(_NOT_JOURNAL.search(name) or _BADGE.search(name))


def _journal_name(v: DocView) -> ExtractedField | None:
    """The journal: labelled (刊名：…), else as a citation of the article or a running head
    names it, else a name in 《》 or ending like one (…杂志, …学报), else a cover's name line
    above its English title or issue line."""
    hit = v.labelled(r"刊\s*名|期刊名称|杂志名称|刊物名称", r"[《]?([^》\s]{2,30})")
    if hit:
        return v.make("journal_name", hit[0], 0.85, hit[1], hit[2])
    refs = _reference_lines(v)
    for rx, conf in ((_RUNNING_HEAD, 0.75), (_RUNNING_HEAD_AFTER, 0.7), (_CITATION, 0.75)):
        for i, ln in enumerate(v.lines):
            if i in refs:
                continue
            for m in rx.finditer(ln.text):
                name = re.sub(r"^[《]|[》]$", "", m.group(1))
                if not _not_journal(name) and len(name) >= 2:
                    return v.make("journal_name", name, conf, v.starts[i] + m.start(1), v.starts[i] + m.end(1))
    if (m := _EDITORIAL.search(v.text)):  # 《中原医刊》编辑部 (a masthead's 编辑出版)
        return v.make("journal_name", m.group(1), 0.7, m.start(1), m.end(1))
    firsts = [i for i, ln in enumerate(v.lines) if i == 0 or ln.page != v.lines[i - 1].page]
    tops = [i + k for i in firsts for k in range(6) if i + k < len(v.lines) and v.lines[i + k].page == v.lines[i].page]
    for i in tops:  # a cover or masthead (under its badges): the name over its name in pinyin or English
        ln, nxt = v.lines[i], v.lines[i + 1].raw.strip() if i + 1 < len(v.lines) else ""
        if re.fullmatch(r"[\u4e00-\u9fff]{2,20}(?:\([\u4e00-\u9fff]{2,8}\))?", ln.text) \
                and re.fullmatch(r"[A-Za-z][A-Za-z .,&'-]{5,80}", nxt) and not _not_journal(ln.text):
            return v.make("journal_name", ln.text, 0.65, line=ln)
    for m in _JOURNAL_RE.finditer(v.text):
        if refs and v.line_index(m.start()) in refs:
            continue
        name = m.group(1) or m.group(2)
        if not _FREQUENCY.fullmatch(name) and not _BADGE.search(name):
            return v.make("journal_name", name, 0.7, m.start(), m.end())
    for i, ln in enumerate(v.lines[:3]):  # a cover: the name above its English title / issue line
        nxt = " ".join(x.text for x in v.lines[i + 1:i + 3])
        if re.fullmatch(r"[\u4e00-\u9fff]{3,20}", ln.text) and re.search(r"[A-Za-z]{4,}|第\d+期|ISSN", nxt) \
                and not _not_journal(ln.text):
            return v.make("journal_name", ln.text, 0.6, line=ln)
    return None


def _folio_lines(v: DocView) -> list[tuple[int, TLine]]:
    """(page number, line) of every folio: one alone on its line ('·150·', OCR '.150.') or
    at either end of a running head; never in a reference list (': 313-325.')."""
    refs = _reference_lines(v)
    found = []
    for i, ln in enumerate(v.lines):
        if i in refs:
            continue
        m = re.fullmatch(r"[·•.\-—]\s*(\d{1,4})\s*[·•.\-—]", ln.text)
        if m is None and (_RUNNING_HEAD.search(ln.text) or re.search(r"第\s*\d+\s*期", ln.text)):
            m = _FOLIO.search(ln.text)
        if m:
            found.append((int(next(g for g in m.groups() if g)), ln))
    return found


def folios(text: str) -> list[int]:
    """The folios printed on a document's pages (for the claim stage, which joins an article's
    first and last pages photographed apart)."""
    return [n for n, _ in _folio_lines(DocView(doc_from_text(text)))]


def _folios(v: DocView) -> ExtractedField | None:
    """First and last page from the folios of running heads ('·150·' on the article's first
    page, '·152·' on its last), when two pages or more show one."""
    found = _folio_lines(v)
    pages = sorted({n for n, _ in found})
    if len(pages) >= 2 and pages[-1] - pages[0] <= 40:
        return v.make("pages", f"{pages[0]}-{pages[-1]}", 0.55, line=found[0][1])
    return None


# A contents page: its heading ('目　次', '本期目次', 'CONTENTS 目录'), its lines.
_TOC_HEAD = re.compile(r"^(?:本\s*期\s*)?目\s*[次录]$|^(?:CONTENTS|Contents)\b|目\s*[次录]\s*$|^[目]\s*[次录]\b")
# where the contents end and an article begins (a byline's affiliation, its abstract)
_TOC_STOP = re.compile(r"摘\s*要|关键词|Abstract|中图分类号|文献标[志识]码|DOI|收稿日期|作者简介|^\s*[(（].*\d{6}")
_LEADER = re.compile(r"(?:…|\.{2,}|·{2,}|-{3,}|_{3,}|·\.|\.·)+")
_SECTION = re.compile(r"^[·•■□◆◇【\[〔]|[·•】\]〕]$")
# an entry line ending in its page: '……何宁，薛波 49', '邱静，沈玉兰（70）', '田勇，余辉60'
_ENDS_PAGE = re.compile(r"^(.*?)\s*[(（]?\s*(\d{1,4})\s*[)）]?\s*$")


def _names_of(text: str) -> list[str] | None:
    """The names of an author line ('何宁，薛波，范浩然，等'; '汪晓东·乔健'), or None when
    it is not one (a title, a section head)."""
    t = re.sub(r"[,，、]?\s*等\s*$", "", text.strip())
    if not t or re.search(r"[:：;；。0-9A-Za-z]", t) or len(re.sub(r"\W", "", t)) > 40:
        return None
    found = split_names(t)
    names = [n for n in found if plausible_name(n)]
    if not names or len(names) < len(found) or sum(map(known_surname, names)) * 2 < len(names):
        return None
    return _split_byline_dots(names)


def _split_byline_dots(names: list[str]) -> list[str]:
    """'汪晓东·春健' in a Han byline: two names OCR joined with a '·' read for '，' (each
    part two or three characters, the first a known surname), not a transliterated name."""
    out = []
    for n in names:
        parts = n.split("·")
        if len(parts) == 2 and all(2 <= len(x) <= 3 for x in parts) and known_surname(parts[0]) \
                and len(names) + len(parts) - 1 <= 12:
            out.extend(parts)
        else:
            out.append(n)
    return out


def _entry_shown(v: DocView, entries: list[dict], toc_lines: set[int]) -> dict | None:
    """The contents entry whose title a line outside the contents repeats (the article's own
    page, its byline unreadable), with that line's reading of the title."""
    for i, ln in enumerate(v.lines):
        if i in toc_lines or len(ln.text) < 6:
            continue
        for e in entries:
            if abs(len(e["title"]) - len(ln.text)) <= 2 and edit_distance(e["title"], ln.text, 2) <= 2:
                return {**e, "title": ln.text, "_i": i}
    return None


def _toc_pages(v: DocView) -> dict[int, int]:
    """{page: index of its first contents line}: a page headed 目次/目录/CONTENTS, or one
    with three lines or more ending in a page number after a leader or in brackets."""
    out: dict[int, int] = {}
    for i, ln in enumerate(v.lines):
        if ln.page not in out and _TOC_HEAD.search(ln.text) and len(ln.text) <= 16:
            out[ln.page] = i + 1
    by_page: dict[int, list[int]] = {}
    for i, ln in enumerate(v.lines):
        if ln.page not in out and re.search(r"(?:…|\.{2,})\s*[(（]?\d{1,4}[)）]?$|[(（]\d{1,4}[)）]$", ln.text):
            by_page.setdefault(ln.page, []).append(i)
    for page, idx in by_page.items():
        if len(idx) >= 3:
            out[page] = max(idx[0] - 1, 0)
    return out


def _toc(v: DocView) -> tuple[list[dict], set[int]]:
    """The entries of the contents pages: [{title, authors, start}] in printed order, and
    the lines they took. An entry is a title line with its author line and start page
    in any of the usual layouts: the names line ending in the page ('……何宁，薛波 49',
    '邱静，沈玉兰（70）'), the page before the title ('46 2型糖尿病…'), the page on a line of
    its own (a tabbed column read apart), 'title（authors）……49' or 'title……authors（49）' on
    one line."""
    entries: list[dict] = []
    used: set[int] = set()
    heads = _toc_pages(v)
    for page, first in heads.items():
        cur: dict | None = None
        for i in range(first, len(v.lines)):
            ln = v.lines[i]
            if ln.page != page:
                break
            t = _LEADER.sub(" ", ln.raw).strip()
            tc = re.sub(r"\s", "", t)
            if _TOC_STOP.search(ln.text):
                if cur and cur.get("start") is None and cur.get("authors"):
                    entries.remove(cur)  # the article's own title and byline, not an entry
                    used -= set(range(cur["_i"], i))
                break
            if not tc or _TOC_HEAD.search(tc) or re.search(r"ISSN|CN\d|\d{4}\s*年|Vol\.?\s*\d|No\.\s*\d", ln.text, re.I):
                continue
            used.add(i)
            if re.fullmatch(r"[(（]?\d{1,4}[)）]?", tc):  # the page, read apart from its entry
                if cur and cur.get("start") is None:
                    cur["start"] = int(re.sub(r"\D", "", tc))
                continue
            lm = _LEADER.search(ln.raw)
            rm = lm and _ENDS_PAGE.match(ln.raw[lm.end():].strip())
            if rm and re.search(r"[\u4e00-\u9fff]{4}", ln.raw[:lm.start()]) and (an := _names_of(rm.group(1))):
                cur = {"title": re.sub(r"\s", "", ln.raw[:lm.start()]), "authors": an, "start": int(rm.group(2)), "_i": i}
                entries.append(cur)  # 'title …… authors（645）' on one line
                continue
            m = re.match(r"(\d{1,4})\s+(\S.{3,})$", t)  # '46 2型糖尿病患者…'
            if m and re.search(r"[\u4e00-\u9fff]{4}", m.group(2)):
                cur = {"title": re.sub(r"\s", "", m.group(2)), "start": int(m.group(1)), "_i": i}
                entries.append(cur)
                continue
            pm = _ENDS_PAGE.match(t)
            body, page_no = (t, None)
            if pm and re.search(r"[\u4e00-\u9fff]", pm.group(1)) and not re.search(r"第\s*$", pm.group(1)):
                body, page_no = pm.group(1), int(pm.group(2))
            names = _names_of(body)
            if names:
                if cur is not None and not cur.get("authors"):
                    cur["authors"] = names
                    if page_no is not None and cur.get("start") is None:
                        cur["start"] = page_no
                continue
            if (dm := re.match(r"(.{4,}?)[(（]([^()（）]{2,40})[)）]\s*$", body)) and (an := _names_of(dm.group(2))):
                cur = {"title": re.sub(r"\s", "", dm.group(1)), "authors": an, "_i": i}  # 'title（authors）……49'
                if page_no is not None:
                    cur["start"] = page_no
                entries.append(cur)
                continue
            title = re.sub(r"\s", "", body)
            if len(re.findall(r"[\u4e00-\u9fff]", title)) < 5 or _SECTION.search(title) or \
                    not re.search(r"[\u4e00-\u9fff]{3}", title) or re.fullmatch(r"[A-Za-z .,:;'&()-]+", body):
                continue  # a section head ('·论著·', '【教学研究】', '作物栽培'), English
            if cur is not None and not cur.get("authors") and cur.get("start") is None and len(cur["title"]) >= 24:
                cur["title"] += title  # a title wrapped over two lines
                continue
            cur = {"title": title, "_i": i}
            if page_no is not None:
                cur["start"] = page_no
            entries.append(cur)
    # an entry whose author and page line the reader lost keeps its title (a long one)
    return [e for e in entries if e.get("authors") or e.get("start") is not None or len(e["title"]) >= 8], used


def _pages(v: DocView, title: str | None) -> ExtractedField | None:
    """The article's pages: from 文章编号 (start and count), a written range, else its start
    in the contents and the next entry's start less one; else only the start page (the
    folio alone at the foot of the article page)."""
    if (m := _ARTICLE_NO.search(v.text)):
        start, count = int(m.group(1)), m.group(2)
        if len(count) == 3:  # the count is printed in two digits ('-03'): a third is an OCR speck ('-403')
            count = count[-2:] if count[0] != "0" else count
        count = int(count)
        if count > 0:
            return v.make("pages", f"{start}-{start + count - 1}", 0.8, m.start(), m.end())
    refs = _reference_lines(v)
    for m in _outside(v, _PAGES_RE.finditer(v.text), refs):
        if int(m.group(1)) <= int(m.group(2)):
            return v.make("pages", f"{int(m.group(1))}-{int(m.group(2))}", 0.7, m.start(), m.end())
    if (f := _folios(v)):
        return f
    entries = [(e["title"], e["start"]) for e in _toc(v)[0] if e.get("start") is not None]
    if title and entries:
        for k, (t, start) in enumerate(entries):
            if edit_distance(t, title, 2) <= 2:
                nxt = entries[k + 1][1] if k + 1 < len(entries) else None
                pos = max(v.text.find(t), 0)
                if nxt and nxt > start:
                    return v.make("pages", f"{start}-{nxt - 1}", 0.5, pos, pos + len(t))  # run-on articles end on the next one's first page
                return v.make("pages", str(start), 0.45, pos, pos + len(t))
    if title and not entries and len(found := _folio_lines(v)) == 1 and v.lines.index(found[0][1]) < 6:
        return v.make("pages", str(found[0][0]), 0.45, line=found[0][1])  # the article's first page: its start
    if title and not entries:
        last = [ln for ln in v.lines if ln.page == v.lines[-1].page]
        foot = max(last, key=lambda ln: ln.bbox.y0)
        if re.fullmatch(r"\d{1,4}", foot.text) and int(foot.text) > 0:
            return v.make("pages", foot.text, 0.45, line=foot)
    return None


_SPONSOR_LABELLED = re.compile(r"(?:主办单位|主管单位|主\s*办|主\s*管)\s*[:：]\s*([\u4e00-\u9fff（）()]{3,40})")
# a masthead line with its label spaced and no colon: '主　　管　中国科学技术协会'
_SPONSOR_LINE = re.compile(r"(?m)^(?:主管单位|主办单位|主管|主办)\s*([\u4e00-\u9fff（）()]{3,40})$")
_SPONSOR_BEFORE = re.compile(r"([\u4e00-\u9fff（）()]{3,40}?)\s*(?:主办|主管)(?![\u4e00-\u9fff])")


def _level(v: DocView) -> ExtractedField | None:
    """national / provincial, as Henan title reviews rank a journal: a level stated as such
    (国家级期刊, 省级期刊), else its sponsors (主管/主办: a national body — a ministry, 中国科协,
    中华医学会 — → national; a provincial one → provincial), else the CN registration region
    (CN 11-: Beijing, where the central journals are registered, and CN 10-, the series for
    central bodies → national; another region → provincial; low confidence). A core-list
    badge (中文核心期刊, 科技核心) ranks quality, not level: only when nothing else tells, a
    low-confidence 'national'."""
    refs = _reference_lines(v)
    for lv, rx in _LEVEL_WORDS:
        if (m := next(_outside(v, rx.finditer(v.text), refs), None)):
            return v.make("level", lv, 0.7, m.start(), m.end())
    sponsors = [m for rx in (_SPONSOR_LABELLED, _SPONSOR_LINE, _SPONSOR_BEFORE) for m in rx.finditer(v.text)]
    levels = [(level_of(m.group(1)), m) for m in sponsors]
    for want in ("national", "provincial"):
        if (m := next((m for lv, m in levels if lv == want), None)):
            return v.make("level", want, 0.65, m.start(1), m.end(1))
    if (cns := find_cn_numbers(v.text)):
        lv = "national" if cns[0].value.startswith(("CN 10-", "CN 11-")) else "provincial"
        return v.make("level", lv, 0.45, cns[0].start, cns[0].end)
    if (m := next(_outside(v, _CORE_BADGE.finditer(v.text), refs), None)):
        return v.make("level", "national", 0.35, m.start(), m.end())
    return None


# The year and issue coded in an article number ('文章编号：2095-9249(2023)11-0034-04') or a
# DOI of the form '10.3969/j.issn.1003-7063.2023.03.021' or '10.16821/j.cnki.hsjx.2023.07.015'.
_CODED_ISSUE = [re.compile(r"文章编号\s*[:：]?\s*\d{4}-\d{3}[\dX]\s*[(（]\s*((?:19|20)\d{2})\s*[)）]\s*(\d{1,2})\s*-"),
                re.compile(r"j\.\s*(?:issn\.\s*\d{4}-\d{3}[\dXx]|cnki\.\s*[a-z]{2,12})\.\s*((?:19|20)\d{2})\.\s*(\d{1,2})\.",
                           re.I),
                # the DOI with its 'j.issn' misread ('10.18265/3.1968.1006-4189.2023.08.008')
                re.compile(r"10\.\d{4,5}/\S*?\d{4}-\d{3}[\dXx]\.\s*((?:19|20)\d{2})\.\s*(\d{1,2})\.\d")]
# '第45卷 第11期(总第551期)' with the year elsewhere on the line or the next ('2023年11月15日出版')
_VOL_ISSUE = re.compile(r"第\s*\d{1,3}\s*卷\s*[,，]?\s*第\s*(\d{1,3})\s*期")


def _year_issue(v: DocView) -> tuple[str, str, float, re.Match] | None:
    """(year, issue, confidence, match): a year with its issue (2023年第5期, 2023, 41(3),
    Vol.41 No.3 2023), else as an article number or DOI codes them, else a volume and issue
    with a year on the same or the next line. Reference-list entries are skipped."""
    refs = _reference_lines(v)
    for rx in _ISSUE_RES:
        for m in _outside(v, rx.finditer(v.text), refs):
            if "year" in rx.groupindex:
                return m.group("year"), m.group("issue"), 0.85, m
            return m.group(1), m.group(2), 0.85, m
    coded = [m for rx in _CODED_ISSUE for m in _outside(v, rx.finditer(v.text), refs) if 1 <= int(m.group(2)) <= 53]
    if coded:
        # the article number and the DOI code the same year: one misread ('(2025)' beside
        # '.2023.08.') leaves the year in doubt, a cover page of the claim may settle it
        m = coded[0]
        return m.group(1), m.group(2), 0.8 if len({c.group(1) for c in coded}) == 1 else 0.45, m
    for m in _outside(v, _VOL_ISSUE.finditer(v.text), refs):
        i = v.line_index(m.start())
        near = " ".join(ln.text for ln in v.lines[i:i + 2])
        if (y := re.search(r"((?:19|20)\d{2})\s*年", near)):
            return y.group(1), m.group(1), 0.7, m
    return None


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Journal-page fields (see module docstring)."""
    v = DocView(doc)
    fields: list[ExtractedField] = []
    if (issns := find_issns(v.text)):
        best = next((i for i in issns if i.valid), issns[0])
        fields.append(v.make("issn", best.value, 0.95 if best.valid else 0.5, best.start, best.end))
    if (cns := find_cn_numbers(v.text)):
        fields.append(v.make("cn_number", cns[0].value, 0.9, cns[0].start, cns[0].end))
    if (yi := _year_issue(v)):
        year, issue, conf, m = yi
        fields += [v.make("year", year, conf, m.start(), m.end()),
                   v.make("issue", str(int(issue)), conf, m.start(), m.end())]
    article = _article(v)
    title = next((f.value for f in article if f.name == "article_title"), None)
    fields += [f for f in (_journal_name(v), _pages(v, title)) if f]
    fields += article
    if (r := explicit_rank(v, "author_rank")):
        fields.append(r)
    if (lv := _level(v)):
        fields.append(lv)
    return fields + [has_seal(v)]
