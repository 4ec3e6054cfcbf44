"""Fields most evidence carries: person_name, id_number, organization, issue_date,
document_number, certificate_number, has_seal. Each returns an ExtractedField or None."""

from __future__ import annotations

import re
from datetime import date

from extractors._base import DocView, TLine
from extractors._text.dates import (confusable_years, find_dates, loose_date, month_mark_lost, repair_year,
                                    slash_read_as_digit)
from extractors._text.docnum import own_doc_number
from extractors._text.fuzzy import edit_distance, find_approx
from extractors._text.gazetteer import leading_places, repair_org
from extractors._text.ids import find_resident_ids, repair_resident_id, resident_id_valid
from extractors._text.names import find_person_name, trim_name
from schemas.records import ExtractedField

ORG_SUFFIX = (r"(?:委员会|人民政府|管理局|局|厅|委|办公室|学院|大学|学校|医院|卫生院|中心|协会|学会|研究会|"
              r"有限公司|有限责任公司|公司|集团|研究院|研究所|基地|出版社|杂志社|编辑部|党校|中学|小学|幼儿园|诊所|银行|支行|分行|事务所|"
              r"工作室|领导小组|大队|部|处|站|所|馆|院|会|社|室|队)")
_ORG_RUN = re.compile(rf"[\u4e00-\u9fff]{{2,40}}(?:[(（][\u4e00-\u9fff]{{2,30}}[)）])?")


def org_name(text: str) -> str | None:
    """The organisation name a value starts with: the run of characters up to its last
    organisation suffix ('中国建筑科学研究院有限公司', not '…研究院'), keeping a trailing
    parenthesised name ('…继续教育基地（河南工业大学）')."""
    m = _ORG_RUN.match(text.strip())
    if not m:
        return None
    run = m.group(0)
    ends = [x.end() for x in re.finditer(ORG_SUFFIX, run)]
    paren = re.search(r"[(（][\u4e00-\u9fff]{2,30}[)）]$", run)
    if paren and ends and ends[-1] >= paren.start():
        return run
    head = run[: paren.start()] if paren else run
    ends = [x.end() for x in re.finditer(ORG_SUFFIX, head)]
    return head[: ends[-1]] if ends and ends[-1] >= 3 else None
# Lines naming the person's own unit or contact data, never the issuer.
_NOT_ISSUER = re.compile(r"^(?:工作单位|所在单位|原单位|单位名称|进修单位|学习单位|承担单位|地址|电话|抄送|附件|联系)|^[^:：]{1,8}[:：]")
_ORG_LABELS = (r"发证机关|发证单位|颁发单位|颁证单位|发证机构|签发单位|签发机关|核发单位|核发机关|证明单位|出具单位|(?<!填报)(?<!申报)(?<!报送)单位\(盖章\)|"
               r"盖章单位|颁奖单位|出证单位|证明机构|落款单位|评价机构|认定机构|"
               r"(?<!填报)(?<!申报)(?<!报送)(?<!工作)(?<!所在)(?<!推荐)(?<!选派)单位\s*[(（]?\s*(?:盖章|公章|签章)\s*[)）]?(?=\s*[:：])")
_DATE_LABELS = (r"发证日期|发证时间|颁发日期|颁证日期|签发日期|证明日期|出具日期|开具日期|颁发时间|落款日期|落款时间|"
                r"备案日期|备案时间|盖章日期|签章日期|出证日期|出具时间|开具时间|证明时间|签发时间|"
                r"发布时间|发布日期|发文日期|发文时间|成文日期|"
                r"(?m:^)\s*日\s*期")
# A date label whose first character OCR lost under a seal ('证日期：2023.12.02' for 发证日期).
_DAMAGED_DATE_LABEL = r"(?m:^)(?:证日期|发日期|证时间)(?=\s*[:：])"
_CERT_NO = re.compile(r"(?<!身份)(?<!身份证)(?:证书编号|证书编码|证书号码|证书号|证号|编号|管理号|档案号|档案编号|No\.?|NO\.?|№)\s*[:：.]?\s*"
                      r"(?:第\s*|(?:No|NO)\s*[.,，:：]?\s*)?([A-Za-z0-9][A-Za-z0-9\-]{3,29}(?:[.·](?=[A-Za-z]*\d)[A-Za-z0-9]{3,20}(?![.\d]))?)(?:\s*号)?")


def person_name(v: DocView) -> ExtractedField | None:
    """A labelled name (form lines are cut at the next label), else the phrases of
    names.find_person_name (兹证明…同志, X同志：, X，男，), also across line breaks."""
    # OCR: 姓 → 性, or 姓 lost ('名 | 白丹': a box holding only 名 before the name)
    # the gap of a spaced label '姓　　名' read as a box or tick (姓☑名, 姓口名)
    hit = v.labelled(r"学员姓名|[姓性]\s*[☑☐□■口]?\s*名|(?m:^)名(?=\n)", r"[\u4e00-\u9fff·]{2,12}")
    if hit and (name := trim_name(hit[0])):
        return v.make("person_name", name, 0.9, hit[1], hit[1] + len(name))
    found = find_person_name(v.text) or find_person_name(v.flat)  # phrases broken over lines
    if not found:
        return None
    name, conf = found
    pos = v.text.find(name)
    if pos < 0:  # the name was rejoined from OCR-spaced characters
        pos = v.text.find(name[0])
    return v.make("person_name", name, conf, pos, pos + len(name))


def id_number(v: DocView) -> ExtractedField | None:
    found = find_resident_ids(v.text)
    if not found:
        return None
    best = next((i for i in found if i.valid), found[0])
    if not best.valid and v.doc.source == "ocr" and (fixed := repair_resident_id(best.value)):  # 2970 for 1970, 400305 for 410305
        return v.make("id_number", fixed, 0.55, best.start, best.end)
    return v.make("id_number", best.value, 0.95 if best.valid else 0.5, best.start, best.end)


def _header_org(v: DocView) -> ExtractedField | None:
    """An organisation heading the document ('XX局文件', 'XX基地（XX大学）')."""
    for ln in v.lines[:4]:
        text = re.sub(r"^[^\u4e00-\u9fff]+|(?:19|20)\d{2}\s*[.\-/年].*$", "", ln.text)  # '…办公室编 2023年8月11日'
        text = re.sub(r"(?:文件|公文|编印|编|印发|主办)$", "", text)
        name = org_name(text)
        if name and len(name) == len(text):
            return settle_org(v, v.make("organization", name, 0.8, line=ln), ln)
    return None


def same_row(v: DocView, idx: int) -> list[int]:
    """Indices of the lines on the row of line `idx` (same page, overlapping vertically by
    half a line), left to right."""
    a = v.lines[idx]
    h = max(a.bbox.y1 - a.bbox.y0, 1.0)
    row = [j for j, ln in enumerate(v.lines) if ln.page == a.page
           and min(ln.bbox.y1, a.bbox.y1) - max(ln.bbox.y0, a.bbox.y0) > 0.5 * min(h, max(ln.bbox.y1 - ln.bbox.y0, 1.0))]
    return sorted(row, key=lambda j: v.lines[j].bbox.x0)


_FORM_LABEL = re.compile(r"^[\u4e00-\u9fff]{0,6}(?:单位|名称|时间|日期|地点|意见|机构|职称|科室|项目|内容|姓名)[:：]?$")


def is_form_value(v: DocView, idx: int) -> bool:
    """A box to the right of a form label on its row ('主办单位 | 中国教育学会'): a cell value,
    not a signature."""
    me = v.lines[idx]
    return any(v.lines[j].bbox.x1 <= me.bbox.x0 + 5 and _FORM_LABEL.match(v.lines[j].text)
               for j in same_row(v, idx) if j != idx)


def is_table_cell(v: DocView, idx: int) -> bool:
    """A date box in a table (a plan's training list: '…培训班 | 2023年8月 | 8'), whose date is no
    signature date: two boxes or more share its row that are not pieces of one split date
    ('2023年' | '9月' | '24日'), or a dated box stands right above or below it in its column.
    Boxes lying across it are no cells beside it: a seal's words over a signature date."""
    me = v.lines[idx]
    others = [j for j in same_row(v, idx) if j != idx and not _DATE_PIECE.search(v.lines[j].text)
              and not _across(me.bbox, v.lines[j].bbox)]
    if len(others) >= 2:
        return True
    h = max(me.bbox.y1 - me.bbox.y0, 1.0)
    return any(ln.page == me.page and ln is not me and abs(ln.bbox.x0 - me.bbox.x0) <= 1.5 * h
               and 0 < abs(ln.bbox.y0 - me.bbox.y0) <= 1.5 * h and len(ln.text) <= 16 and find_dates(ln.text)
               for ln in v.lines)


def _across(a, b) -> bool:
    """Do two boxes overlap across a third of the narrower one's width?"""
    overlap = min(a.x1, b.x1) - max(a.x0, b.x0)
    return overlap > min(a.x1 - a.x0, b.x1 - b.x0) / 3


def _joined_row(v: DocView, idx: int, gap: float = 1.5, piece=lambda t: not re.search(r"\d|[:：]", t)) -> str:
    """Line `idx` with the boxes continuing it on its row, each starting within `gap` line
    heights of the last and accepted by `piece` (by default a signature OCR split in two
    boxes: '许昌市农业技术推' + '广中心', no digits or colons)."""
    me = v.lines[idx]
    h = max(me.bbox.y1 - me.bbox.y0, 1.0)
    parts, right = [me.text], me.bbox.x1
    for j in same_row(v, idx):
        ln = v.lines[j]
        if ln.bbox.x0 >= right - 0.3 * h and ln.bbox.x0 - right < gap * h and piece(ln.text):
            parts.append(ln.text)
            right = ln.bbox.x1
    return "".join(parts)


def suspect_org(name: str, line_conf: float = 1.0) -> bool:
    """Does an organisation name look damaged: not starting with a known place or national
    word, one edit from a gazetteer word, or read with low confidence?"""
    return line_conf < 0.9 or not name.startswith(_STARTS) and leading_places(name) == 0 or repair_org(name)[1]


def _ends_like(fragment: str, name: str) -> bool:
    """Is `fragment` the end of `name`, exactly or but for one character ('山市中院' of
    '平顶山市中医院')?"""
    if name.endswith(fragment):
        return True
    n = len(fragment)
    return n >= 3 and any(edit_distance(fragment, name[-k:], 1) <= 1 for k in (n - 1, n, n + 1) if k < len(name))


_NOT_WHOLE = re.compile(r"关于|[\u4e00-\u9fff]{0,6}(?:单位|机构|名称|主办|承办|发证)[:：]?")
_STARTS = ("中国", "中华", "国家", "全国", "人力资源", "河南")


def settle_org(v: DocView, f: ExtractedField, line: TLine | None = None) -> ExtractedField:
    """Check an organisation name read off one place against the rest of the document. A
    name is suspect when it looks damaged (suspect_org) or was read under a seal. A suspect
    name is completed or replaced from the document: a whole-line name it ends like ('委员会'
    → the heading '国家自然科学基金委员会'), the same text with its lost first characters
    elsewhere ('国教育学会' → '中国教育学会' in the body), a name one edit away (two for ten
    characters or more) that the document writes elsewhere; else the gazetteer repair
    (extractors._text.gazetteer). A name that is sound, or occurs again verbatim, is kept.
    A replaced value loses confidence."""
    name = f.value
    suspect = suspect_org(name, line.conf if line else 1.0) or (line is not None and v.under_seal(line))
    if not suspect:
        return f
    others = [ln for ln in v.lines if ln is not line]
    whole = [ln.text for ln in others if len(ln.text) > len(name) and not _NOT_WHOLE.match(ln.text)
             and org_name(ln.text) == ln.text and _ends_like(name, ln.text)]
    if whole:  # '委员会' under a seal, '国家自然科学基金委员会' in the heading
        return f.model_copy(update={"value": max(whole, key=len), "confidence": round(f.confidence * 0.85, 3)})
    if (fuller := _with_lost_start(name, others)):
        return f.model_copy(update={"value": fuller, "confidence": round(f.confidence * 0.85, 3)})
    if any(name in ln.text for ln in others):
        return f
    bound = 2 if len(name) >= 10 else 1
    best = None
    for ln in others:
        if len(ln.text) < len(name) - bound:
            continue
        d, s, e = find_approx(name, ln.text)
        m = ln.text[s:e]
        if 0 < d <= bound and org_name(m) == m and (best is None or d < best[0]):
            best = (d, m)
    if best:
        return f.model_copy(update={"value": best[1], "confidence": round(f.confidence * 0.85, 3)})
    fixed, changed = repair_org(name)
    if changed:
        return f.model_copy(update={"value": fixed, "confidence": round(f.confidence * 0.8, 3)})
    return f.model_copy(update={"confidence": round(f.confidence * 0.85, 3)})  # suspect, not settled


def _with_lost_start(name: str, lines: list[TLine]) -> str | None:
    """'国教育学会' written elsewhere as '…中国教育学会…': the name with up to four characters
    before it that make it start like a name (a place, 中国/国家…)."""
    if leading_places(name) or name.startswith(_STARTS):
        return None
    for ln in lines:
        pos = ln.text.find(name)
        while pos > 0:
            for k in range(1, min(4, pos) + 1):
                cand = ln.text[pos - k:pos + len(name)]
                if (leading_places(cand) or cand.startswith(_STARTS)) and org_name(cand) == cand:
                    return cand
            pos = ln.text.find(name, pos + 1)
    return None


_ISSUER_PHRASE = re.compile(r"由\s*([\u4e00-\u9fff（）()]{4,40}?)\s*(?:统一)?(?:批准|审核|认定)?\s*(?:颁发|签发|核发|制发|印制|监制)")
_COUNTRY = re.compile(r"^中华人民共和国(?=[\u4e00-\u9fff]{2,}(?:部|委员会|总局|局|署|办公室|院)$)")


def _issuer_phrase(v: DocView) -> ExtractedField | None:
    """'本证书由中华人民共和国人力资源和社会保障部批准颁发' → 人力资源和社会保障部 (a ministry is
    named without the country, as its seal and signature name it)."""
    m = _ISSUER_PHRASE.search(v.flat)
    if not m or not (name := org_name(m.group(1))) or name != m.group(1):
        return None
    name = _COUNTRY.sub("", name)
    s, e = v.from_flat(m.start(1), m.end(1))
    return v.make("organization", name, 0.65, s, e)


def _signature_org(v: DocView) -> ExtractedField | None:
    """The bottom-most organisation line of the signature block (boxes of one row joined),
    skipping form cells, the person's own unit and contact lines."""
    start = max(0, len(v.lines) - 12)
    for i in range(len(v.lines) - 1, start - 1, -1):
        ln = v.lines[i]
        if _NOT_ISSUER.match(ln.text) or _FORM_LABEL.match(ln.text) or is_form_value(v, i):
            continue
        text = re.sub(r"[(（]?(?:盖章|公章|章)[)）]?|(?:(?:19|20)\d{2}|[〇零一二三四五六七八九O○]{4})\s*[.\-/年].*$", "",
                      _joined_row(v, i)).strip()
        name = org_name(text)
        if name and len(name) >= len(text) - 1:
            return settle_org(v, v.make("organization", name, 0.7, line=ln), ln)
    return None


def organization(v: DocView, prefer_header: bool = False) -> ExtractedField | None:
    """The issuer: a labelled issuer, else the bottom-most organisation line (signature
    block; a fragment of it is completed from a '由…颁发' phrase), else such a phrase, else the
    header ('XX局文件'). Official documents (`prefer_header`) take the header first:
    attachments after the signature list other organisations. A name damaged by OCR is
    settled against the rest of the document (settle_org)."""
    hit = v.labelled(_ORG_LABELS, r"[^\n]{3,60}")
    if hit and (name := org_name(hit[0])):
        return settle_org(v, v.make("organization", name, 0.85, hit[1], hit[1] + len(name)), v.span_lines(hit[1], hit[2])[0])
    if prefer_header and (head := _header_org(v)):
        return head
    sig, phrase = _signature_org(v), _issuer_phrase(v)
    if phrase and (sig is None or (sig.value != phrase.value and sig.value in phrase.value)):
        return phrase
    if sig:
        return sig
    head = _header_org(v)
    return head.model_copy(update={"confidence": round(head.confidence * 0.75, 3)}) if head else None


def _date_context(v: DocView) -> list[tuple[int, int]]:
    """(line index, year) of every dated mention: the years a signature date is checked against.
    A year after next year is left out: no document was signed then, so it is a misread (a
    title's '2029年' for 2023) that would pull a rightly read signature year to itself."""
    top = date.today().year + 1
    out = [(v.line_index(d.start), d.value.year) for d in find_dates(v.text, normalised=True) if d.has_year]
    out += [(v.line_index(m.start()), int(m.group(1))) for m in _YEAR_WORD.finditer(v.text)]
    return [(i, y) for i, y in out if y <= top]


_YEAR_WORD = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年度?(?!\s*\d)")


_INLINE_LABEL = re.compile(r"^[\u4e00-\u9fff]{1,8}\s*[:：]")  # '培训时间：…' is a form line, not a signature
_RANGE_SIDE = re.compile(r"^\s*(?:起?\s*(?:至|到|—+|-{1,2}|~))")
_CN2_YEAR = re.compile(r"^[〇零一二三四五六七八九O]{2}\s*年")
# A signature date whose year a seal took ('年7月30日', '7月30日') or left garbled (a year of
# numerals no year reads from: '二三三年四月二十二日'): month and day, nothing else.
_YEARLESS = re.compile(r"^\s*[^\d\u4e00-\u9fff]{0,2}(?:[\d〇零一二三四五六七八九O○]{1,5}\s*年|年)?\s*((?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十廿卅]{1,3})\s*[日号])\s*$")
# the same in numbers, the year gone with its separator left ('.02.23', '-9-17' for 2023.02.23)
_YEARLESS_NUMERIC = re.compile(r"^\s*[.．/\-]\s*(\d{1,2})\s*[.．/\-]\s*(\d{1,2})\s*$")


def issue_date(v: DocView) -> ExtractedField | None:
    """A labelled issue date, else the signature date: the bottom-most date standing (nearly)
    alone on a line in the lower half of the document, not one end of a range and not a form
    cell. A year OCR damaged under the seal (3023, 2028, 二〇二) is settled against the years
    the document states elsewhere, with lower confidence; a signature date whose year is gone
    ('年7月30日') takes the year the document states most. Dates inside sentences are not
    issue dates."""
    for label, conf in ((_DATE_LABELS, 0.85), (_DAMAGED_DATE_LABEL, 0.7)):
        hit = v.labelled(label, r".{6,20}")
        if hit:
            ds = find_dates(hit[0])
            if ds and ds[0].precision == "day" and ds[0].has_year:
                return v.make("issue_date", ds[0].iso, conf, hit[1], hit[2])
            # a labelled date OCR damaged ('发证日期：202306.27', '2023-08=08')
            if (loose := loose_date(hit[0], [y for _, y in _date_context(v)])) and loose[0].start <= 2:
                return v.make("issue_date", loose[0].iso, conf * 0.9 * loose[1], hit[1], hit[2])
    if not v.lines:
        return None
    years = _date_context(v)
    own = own_doc_number(v.text)
    own_year = own.year if own and not own.cited else None
    # an attachment after the signature ('附件' alone heading its page, then a schedule with
    # dates of its own): the signature is the bottom-most date before it
    cut = next((i for i in range(len(v.lines) - 1, 2, -1) if _ATTACHMENT_HEAD.match(v.lines[i].text)), None)
    if cut is not None and (before := _signature_date(v, years, own_year, cut)):
        return before
    return _signature_date(v, years, own_year, len(v.lines))


_ATTACHMENT_HEAD = re.compile(r"^\s*附\s*(?:件|表|录)\s*[\d一二三四五六七八九]*\s*[:：]?\s*$")
# a signature line may begin with its issuer ('河南省专业技术人员继续教育基地（郑州大学） 2023年9月24日')
_ISSUER_END = re.compile(r"(?:院|局|会|中心|公司|学校|大学|学院|委|厅|部|所|站|社|基地|办公室|协会|学会|医院|政府)[)）]?\s*$")
_DATE_ONLY_LABEL = re.compile(r"^\s*(?:时\s*间|日\s*期)\s*[:：]")
_DATE_PIECE = re.compile(r"\d\s*[年月]|[年月]\s*$|^\s*\d{1,2}\s*[日号]\s*$")


def _row_date_text(v: DocView, idx: int) -> str:
    """Line `idx` with the short boxes right of it on its row, when OCR split a spaced date
    into boxes ('2023年' | '9月' | '24日'); else the line as read."""
    text = v.lines[idx].text
    if not _DATE_PIECE.search(text) or any(d.has_year and d.precision == "day" for d in find_dates(text)):
        return text
    return _joined_row(v, idx, gap=3.0, piece=lambda t: len(t) <= 8 and bool(_DATE_PIECE.search(t)))


def _commonest_year(years: list[int]) -> int:
    """The year the document states most often (the later one on a tie)."""
    return max(sorted(set(years)), key=lambda y: (years.count(y), y))


def _signature_date(v: DocView, years, own_year, end: int) -> ExtractedField | None:
    """The bottom-most signature date among lines [0, end) (see issue_date)."""
    order = sorted(range(end), key=lambda i: (v.lines[i].page, v.lines[i].bbox.y0, i), reverse=True)
    half = end // 2
    month_only = yearless = None
    for i in order:
        ln = v.lines[i]
        if i < half or is_form_value(v, i) or len(ln.text) > 40 or \
                _INLINE_LABEL.match(ln.text) and not _DATE_ONLY_LABEL.match(ln.text) or is_table_cell(v, i):
            continue  # (the table test, a scan of the page's lines, last)
        context = [y for j, y in years if j != i]
        text = _row_date_text(v, i)
        found = [d for d in find_dates(text, normalised=True) if d.has_year and not _RANGE_SIDE.match(text[d.end:])
                 and not re.search(r"(?:至|到|—|-|~)\s*$", text[:d.start])]
        dated = None
        if found and (len(text) <= found[-1].end - found[-1].start + 16 or
                      len(text[:found[-1].start]) <= 30 and _ISSUER_END.search(text[:found[-1].start])):
            d = found[-1]
            if d.precision == "day":
                fixed = repair_year(str(d.value.year), context)
                if own_year and d.value.year < own_year and confusable_years(d.value.year, own_year) and \
                        (own_year in context or d.value.year not in context):  # (not when the 文号's year is the misread one)
                    fixed = (own_year, 0.7)  # signed before its own 文号's year: a misread (二〇二二 for 二〇二三)
                cn2 = bool(_CN2_YEAR.match(text[d.start:]))
                conf = 0.8 * (0.6 if cn2 else 1.0)
                if cn2 and context and d.value.year not in context and d.value.year != max(context) + 1 and \
                        not (fixed and fixed[0] != d.value.year):  # ('二三年' on a 2022 award issued in 2023 stays 2023)
                    # two numerals left of a four-numeral year ('上二六年八月二日' for 二〇二三…): a
                    # guess the document's own years overrule
                    fixed = (_commonest_year(context), 0.7)
                if fixed and fixed[0] != d.value.year and not (d.value.month == 2 and d.value.day == 29):  # 2028 on a 2023 certificate: a misread 3
                    dated = (d.value.replace(year=fixed[0]).isoformat(), conf * fixed[1], d)
                else:
                    dated = (d.iso, conf if fixed else 0.5, d)
            elif month_only is None:
                month_only = (d, i, context)
        if dated is None and (loose := loose_date(ln.text, context) or slash_read_as_digit(ln.text, context)
                              or month_mark_lost(ln.text, context)) and len(ln.text) <= loose[0].end - loose[0].start + 16:
            dated = (loose[0].iso, 0.8 * loose[1], loose[0])
        if dated is None and yearless is None and context and \
                (m := _YEARLESS.match(ln.text) or _YEARLESS_NUMERIC.match(ln.text)):
            yearless = (m, i, context)
        if dated:
            iso, conf, d = dated
            if text != ln.text:  # a date joined from the boxes of its row: the whole line
                return v.make("issue_date", iso, conf * 0.95, v.starts[i], v.starts[i] + len(ln.text))
            return v.make("issue_date", iso, conf, v.starts[i] + d.start, v.starts[i] + d.end)
    if month_only:
        d, i, context = month_only
        iso = d.iso  # a year OCR damaged ('2033/9/A7' on a 2023 proof) is settled as for a full date
        if (fixed := repair_year(str(d.value.year), context)) and fixed[0] != d.value.year:
            iso = f"{fixed[0]}{iso[4:]}"
        return v.make("issue_date", iso, 0.5, v.starts[i] + d.start, v.starts[i] + d.end)
    if yearless:
        # the signature's year lost under the seal ('年7月30日'): the year the document states most
        m, i, context = yearless
        numeric = m.re is _YEARLESS_NUMERIC  # ('.02.23': read as 2月23日)
        day = f"{int(m.group(1))}月{int(m.group(2))}日" if numeric else m.group(1)
        if (d := next((d for d in find_dates(day, _commonest_year(context)) if d.precision == "day"), None)):
            return v.make("issue_date", d.iso, 0.4 if numeric else 0.45, v.starts[i] + m.start(1),
                          v.starts[i] + m.end(m.lastindex))
    return None


def document_number(v: DocView) -> ExtractedField | None:
    d = own_doc_number(v.text)
    if not d:
        return None
    return v.make("document_number", d.value, 0.9 if not d.cited else 0.5, d.start, d.end)


CERT_LABELS = ("证书编号", "证书号码", "证书号", "管理号", "档案号", "档案编号", "编号")


def _id_like(value: str) -> bool:
    """An 18-character number of digits (one or two misread): a resident ID, not a
    certificate number (OCR garbles '身份证号' into '…证号')."""
    return len(value) == 18 and (resident_id_valid(value) or sum(c.isdigit() for c in value) >= 16)


def certificate_number(v: DocView) -> ExtractedField | None:
    """A labelled certificate number (证书编号/证号/管理号/No.), as the number itself: a 'No.'
    written before it is not part of it ('No.3673G02648' → 3673G02648); a dot a photo put
    inside it is dropped ('No.6514L.38303' → 6514L38303). Never a resident ID.
    A label OCR misread in one character ('证书输号') is accepted with lower confidence."""
    for m in _CERT_NO.finditer(v.text):
        value = re.sub(r"[.·]", "", m.group(1)).upper()  # a dot inside is photo noise ('No.6514L.38303')
        if not _id_like(value):
            return v.make("certificate_number", value, 0.85, m.start(1), m.end(1))
    hit = v.labelled(r"证书编号|证书编码|证书号码|证书号|(?<!身份)证号|管理号|档案号|档案编号|(?<!身份证)编号", r"(?:No\.?|NO\.?|№)?\s*([A-Za-z0-9][A-Za-z0-9\-]{3,29})$")
    if hit and not _id_like(hit[0].upper()):  # the number in the box beside or below its label
        return v.make("certificate_number", hit[0].upper(), 0.75, hit[1], hit[2])
    hit = v.fuzzy_labelled(CERT_LABELS, r"(?:No\.?|NO\.?|№)?\s*([A-Za-z0-9][A-Za-z0-9\-]{3,29})")
    if hit and not _id_like(hit[0].upper()):
        return v.make("certificate_number", hit[0].upper(), 0.6, hit[1], hit[2])
    return None


def has_seal(v: DocView) -> ExtractedField:
    """'true' with the seal's box when the reader found a red seal; 'false' otherwise, with
    low confidence (a faint seal can be missed), lower still for a DOCX, whose pictures the
    reader does not search for seals. Every extractor reports it (extractors.extract)."""
    for page in v.doc.pages:
        if page.seals:
            return ExtractedField(name="has_seal", value="true", confidence=0.9, page=page.number, bbox=page.seals[0])
    return ExtractedField(name="has_seal", value="false", confidence=0.3 if v.doc.source == "docx" else 0.6)


SIGNED_LEAD_DAYS = 90  # how long before what it attests a proof may be dated (a dispatch letter)


def signed_after_event(fields: list[ExtractedField]) -> list[ExtractedField]:
    """`fields` with an issue date settled against the period the document attests: a proof
    or certificate of something done is not signed a year before it began. A signature date
    more than SIGNED_LEAD_DAYS before the period's start, in a year one confusable digit
    before the start's (二〇二二 read for 二〇二三: the seal's ring over the last numeral's middle
    stroke), takes the start's year. For kinds that attest (employer proofs, completion
    certificates, leave proofs), not for notices, which announce."""
    starts = [date.fromisoformat(f.value) for f in fields
              if f.name in ("start_date", "leave_start", "end_date", "leave_end") and len(f.value) == 10]
    if not starts:
        return fields
    start = min(starts)
    out = []
    for f in fields:
        if f.name == "issue_date" and len(f.value) == 10:
            d = date.fromisoformat(f.value)
            if (start - d).days > SIGNED_LEAD_DAYS and d.year < start.year and confusable_years(d.year, start.year):
                try:
                    f = f.model_copy(update={"value": d.replace(year=start.year).isoformat(),
                                             "confidence": round(f.confidence * 0.7, 3)})
                except ValueError:  # (29 February)
                    pass
        out.append(f)
    return out


COMMON = {
    "person_name": person_name, "id_number": id_number, "organization": organization,
    "issue_date": issue_date, "document_number": document_number,
    "certificate_number": certificate_number, "has_seal": has_seal,
}


def common_fields(v: DocView, names: tuple[str, ...] = tuple(COMMON), official: bool = False) -> list[ExtractedField]:
    """The named common fields that are present, in the order asked. `official` documents
    (notices with a 文号) take their issuer from the header."""
    out = []
    for name in names:
        f = organization(v, prefer_header=True) if official and name == "organization" else COMMON[name](v)
        if f is not None:
            out.append(f)
    return out


# --- text-layer form rows ------------------------------------------------------------------

# A short box naming a field of a form ('发言人', '论文题目', '批示领导', '考核年度'); with
# _base._label_cell's words (单位, 时间, 日期 …).
_CELL_LABEL = re.compile(r"^[\u4e00-\u9fff]{1,6}(?:人|者|形式|字数|标题|题目|领导|年度|等次|等级|结果|成绩|意见|科室|老师|"
                         r"名称|级别|文号|编号|号|期限|姓名|性别|职称|职务|岗位|专业|内容|情况|年月|年份)$|^(?:标题|题目)$")


def _cell_label(tok: str) -> bool:
    from extractors._base import _label_cell  # noqa: PLC0415
    return len(tok) <= 8 and not re.search(r"\d", tok) and bool(_label_cell(tok) or _CELL_LABEL.match(tok))


def _cell_units(text: str) -> float:
    return sum(0.55 if ch.isascii() else 1.0 for ch in text)


def _cells(line, groups: list[str], edges: list[tuple[float, float]] | None = None):
    """Boxes for the cells of a row read as one line: x positions in proportion to the
    characters (or the given `edges`), the row's height and confidence."""
    from schemas.document import BBox, Line  # noqa: PLC0415

    b = line.bbox
    if edges is None:
        units = [_cell_units(g) for g in groups]
        total = sum(units) + 1.2 * (len(groups) - 1) or 1.0
        scale = (b.x1 - b.x0) / total
        edges, x = [], b.x0
        for u in units:
            edges.append((x, x + u * scale))
            x += (u + 1.2) * scale
    return [Line(text=g, bbox=BBox(x0=a, y0=b.y0, x1=max(z, a + 1), y1=b.y1), confidence=line.confidence)
            for g, (a, z) in zip(groups, edges)], edges


def split_form_rows(doc):
    """A born-digital text layer reads each row of a ruled form as one line, its cells joined
    by spaces ('发言人 叶雨萱 工作单位 平顶山市第二中学', or a column table's header
    '姓名 证件号码 资格名称 批准日期' over '张三 4101… 主治医师 2023/9/20'). Such rows are
    split into one box per cell, as a photographed form reads, so a value is found beside or
    under its label: a row starting with a label whose labels stand before their values
    (the words between two labels are one value: a date typed '2023 年 5 月 8 日' stays whole),
    and the row under a header row of labels alone with as many cells (each cell under its
    label). Other lines and OCR'd documents are left as read."""
    if doc.source != "pdf_text":
        return doc
    pages = []
    changed = False
    for page in doc.pages:
        out = []
        header = None  # (cell count, edges) of the header row just read
        for line in page.lines:
            toks = line.text.split()
            labels = [_cell_label(t) for t in toks]
            if len(toks) >= 3 and all(labels):
                cells, edges = _cells(line, toks)
                header = (len(toks), edges)
                out += cells
                changed = True
                continue
            if header and len(toks) == header[0] and not any(labels):
                out += _cells(line, toks, header[1])[0]
                header = None
                changed = True
                continue
            header = None
            if len(toks) >= 2 and labels[0] and not labels[1] and not labels[-1]:
                groups: list[str] = []
                for t, is_label in zip(toks, labels):
                    if is_label or not groups or _cell_label(groups[-1]):
                        groups.append(t)
                    else:
                        groups[-1] += " " + t
                out += _cells(line, groups)[0]
                changed = True
                continue
            out.append(line)
        pages.append(page.model_copy(update={"lines": out}))
    return doc.model_copy(update={"pages": pages}) if changed else doc


def rejoin_quoted(v: DocView, value: str, start: int) -> str:
    """A 《…》 value a form cell wrapped, its label standing between the halves (the text
    layer reads '《高中物理教学中信息技术融' | '论文题目' | '合的实践研究》'): the half that ends
    with 》 is completed from the line above it holding an unclosed 《, the half that opens
    with 《 from the lines below it until the 》; lines that are labels alone are skipped.
    A value that is not broken is returned as it is."""
    i = v.line_index(start)
    me = v.lines[i]

    def near(ln) -> bool:
        return ln.page == me.page and min(ln.bbox.x1, me.bbox.x1) - max(ln.bbox.x0, me.bbox.x0) > 0

    if "》" in value and "《" not in value:
        for j in range(i - 1, max(i - 4, -1), -1):
            t = v.lines[j].text
            if _cell_label(t.rstrip(":：")):
                continue
            if near(v.lines[j]) and "《" in t and "》" not in t[t.rfind("《"):]:
                return t[t.rfind("《"):] + value
            break
    if "《" in value and "》" not in value[value.rfind("《"):]:
        out = value
        for j in range(i + 1, min(i + 4, len(v.lines))):
            t = v.lines[j].text
            if _cell_label(t.rstrip(":：")):
                continue
            if not near(v.lines[j]):
                break
            out += t
            if "》" in t:
                return out
        return value
    return value
