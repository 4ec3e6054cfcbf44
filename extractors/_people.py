"""Ordered name lists after labels (发明人：…, 作者：…, 课题组成员：…) — continued over lines,
in grids of names, one name a line (numbered, or with the unit after the name) — in table
cells and columns (a member table's header told from a form row naming one person), or
enumerated with their ranks (第一完成人：…); the leader a form names (项目负责人 | 姓名 | …);
and explicit ranks (第三完成人, 排名第3, 完成人位次：第二)."""

from __future__ import annotations

import re

from extractors._base import DocView
from extractors._text.names import COMPOUND_SURNAMES, SURNAMES, is_title, split_names, strip_title
from extractors._text.numbers import NUM_RE, cn_to_int
from schemas.records import ExtractedField

_NAME_LIST = r"([\u4e00-\u9fff·、,，;；:：/\s]{2,120})"  # OCR reads ；as ：
# What a list of names may carry besides names: enumerators (1. ①), notes in brackets
# ((第3完成人), (河南大学)), 等.
_ENUM = re.compile(r"(?:(?<=^)|(?<=[\s、,，;；:：]))(?:[(（]?\d{1,2}[)）.、．]|[①-⑳])\s*|"
                   # '一、张三 二、李四': after a separator or a whole name, never inside a spaced name ('张　三、李　四')
                   r"(?:(?<=^)|(?<=[,，;；:：])|(?<=[\u4e00-\u9fff·]{2}\s))[一二三四五六七八九十]{1,2}、\s*")
_BRACKET = re.compile(r"[(（][^()（）]{0,20}[)）]")
# A label that follows the list on its line ('… 证书编号：…'): the list ends before it.
_NEXT_LABEL = re.compile(r"\s+[\u4e00-\u9fff]{2,8}\s*[:：]|\s{2,}[\u4e00-\u9fff]{2,8}(?:编号|号|日期|时间|单位)")
# Ranks that enumerate a list: '第一完成人：程伟', '第2发明人 王芳'.
_RANK_WORDS = r"(?:完成人|获奖人|获奖者|发明人|设计人|作者|参与人|参加人|主研人|研究人员|成员|起草人|负责人|主持人|研制人)"
_RANKED = re.compile(rf"第\s*({NUM_RE})\s*{_RANK_WORDS}\s*[:：]?\s*([\u4e00-\u9fff·]{{2,5}})")
# Places without a rank word, their colon required ('第一名：张三', '排名第二：李四'; '荣获第一名' is no rank).
_RANKED_PLACE = re.compile(rf"(?:排名|排序|位次|名次)?第\s*({NUM_RE})\s*[名位]?\s*[:：]\s*([\u4e00-\u9fff·]{{2,5}})")

# A member label numbered ('成员1：王敏', '参加人员二：李强', '成员2 王五'): the numbers enumerate the list.
_LABEL_NUMBERED = re.compile(rf"(?:项目|课题)?(?:成员|组员|参加人员?|参与人员?|主要参加人|主要参与人|研究人员|完成人员?)\s*({NUM_RE})(?:\s*[:：]\s*|\s+)"
                             rf"([\u4e00-\u9fff·]{{2,5}})")
# Places at a line's start without a colon ('第一名 张三', '排名第2 李四；排名第3 王五').
_RANKED_PLACE_SPACED = re.compile(rf"(?:^|(?<=[；;，,\s]))(?:排名|排序|位次|名次)?第\s*({NUM_RE})\s*[名位]?\s+([\u4e00-\u9fff·]{{2,4}})(?![\u4e00-\u9fff])")
# The rank after the name: '张三：第一完成人', '张三 第1名', '张三排名第一'.
_NAME_THEN_RANK = re.compile(rf"(?:^|(?<=[；;，,。\s]))([\u4e00-\u9fff·]{{2,4}}?)\s*(?:[:：]\s*|\s+|(?=排名|排序|位列))(?:排名|排序|位列)?第\s*({NUM_RE})\s*"
                             rf"(?:{_RANK_WORDS}|名|位)?(?=$|[，,；;。\s])")
_NAME_AND_RANK = re.compile(rf"([\u4e00-\u9fff·]{{2,5}})\s*[(（]\s*(?:排名|排序|位次)?\s*第\s*({NUM_RE})\s*(?:{_RANK_WORDS}|名|位)?\s*[)）]")


def _names_in(raw: str) -> tuple[list[str], int]:
    """(plausible names, count of other tokens) in a list's raw text."""
    m = _NEXT_LABEL.search(raw)
    text = raw[:m.start()] if m else raw
    text = _ENUM.sub(" ", _BRACKET.sub(" ", text))  # enumerators first: '1）张三 2）李四'
    text = re.split(r"[)）]", text)[0]  # '（负责人：张三；成员：李四、王五）按计划…': the list closes with its bracket
    found = []
    for n in split_names(text):
        if n == "等":
            continue
        parts = re.split(r"以及|和|及|与", n)  # '王五和赵六': the list's last two joined by a word
        if not plausible_name(n) and len(parts) == 2 and all(plausible_name(p) and known_surname(p) for p in parts):
            found += parts
        else:
            found.append(n)
    names = [n for n in found if plausible_name(n)]
    return names, len(found) - len(names)


# An enumerator opening a list line ('1.', '2、', '(3)', '4-' as OCR reads '4．', '⑤').
_LINE_ENUM = re.compile(r"^\s*(?:[(（]?\d{1,2}\s*[)）.、．\-·]|[①-⑳]|[一二三四五六七八九十]{1,2}、|[·•●◆■▪○-](?=\s*[\u4e00-\u9fff])|\d{1,2}\s+(?=[\u4e00-\u9fff]))\s*")
# A unit printed after a name on a one-name-a-line list ('张　三　　河南大学').
_ORG_TOKEN = re.compile(r"^[\u4e00-\u9fff()（）]{2,30}(?:大学|学院|医院|中心|公司|研究院|研究所|委员会|学校|中学|小学|幼儿园|"
                        r"医专|师专|高专|卫校|集团|[院所局厅站校部处社馆会厂司室科])$")


def _list_line(raw: str) -> tuple[list[str], int]:
    """(names, other tokens) of one line of a list: a leading enumerator is dropped, and so is
    the unit printed after a lone name ('3．王　敏　 河南大学')."""
    text = _LINE_ENUM.sub(" ", raw)
    names, other = _names_in(text)
    if len(names) == 1 and other:
        toks = [re.sub(r"[^\u4e00-\u9fff()（）]", "", t) for t in text.split()]
        rest = [t for t in toks if t and not plausible_name(t) and len(t) > 1]
        if rest and all(_ORG_TOKEN.match(t) or is_title(t) for t in rest):
            return names, 0
    return names, other


def _continuation(v: DocView, idx: int, ended_open: bool, starts: tuple[float, ...] = ()) -> list[str]:
    """Names on the lines after line `idx` that continue a list broken over lines: the list
    ended on a separator ('…、'), or the next line holds two names or more and nothing else,
    or it holds names and lines up with the list (a grid's last row, a list printed one name
    a line, its boxes read one by one): it starts where a line of the list started (or at
    `starts`, where the names after a label began), or on the row of the line before, right of
    it. A numbered line ('2．王敏') is a list line; a line with a colon or other digits is not."""
    out: list[str] = []
    prev = v.lines[idx]
    xs = [prev.bbox.x0, *starts]
    for j in range(idx + 1, min(idx + 40, len(v.lines))):
        ln = v.lines[j]
        body = _LINE_ENUM.sub("", ln.raw)
        if ln.page != prev.page or re.search(r"[:：\d]", body):
            break
        names, other = _list_line(ln.raw)
        h = max(prev.bbox.y1 - prev.bbox.y0, ln.bbox.y1 - ln.bbox.y0, 1.0)
        same_row = min(ln.bbox.y1, prev.bbox.y1) - max(ln.bbox.y0, prev.bbox.y0) > 0.4 * h and \
            prev.bbox.x0 < ln.bbox.x0 < prev.bbox.x1 + 12 * h
        if not names and same_row and _ORG_TOKEN.match(re.sub(r"[^\u4e00-\u9fff()（）]", "", ln.raw)):
            continue  # the unit after a name, read as a box of its own
        if other or not names:
            break
        below = -0.3 * h <= ln.bbox.y0 - prev.bbox.y1 < 2.6 * h
        lined_up = below and any(abs(ln.bbox.x0 - x) <= 1.5 * h for x in xs)
        if not (ended_open or len(names) >= 2 or ((same_row or lined_up) and all(map(known_surname, names)))):
            break
        out += names
        xs.append(ln.bbox.x0)
        prev = ln
        ended_open = bool(re.search(r"[、,，;；]\s*$", ln.raw))
    return out


def _row_right(v: DocView, idx: int) -> list[str]:
    """Names in the boxes to the right of a label box on its row, left to right, and in rows
    below that stay right of the label (cells wrapped onto a second line)."""
    lab = v.lines[idx]
    h = max(lab.bbox.y1 - lab.bbox.y0, 1.0)
    out: list[str] = []
    y = lab.bbox.y0
    for _ in range(3):
        row = sorted((ln for ln in v.lines if ln.page == lab.page and ln.bbox.x0 >= lab.bbox.x1 - 0.5 * h
                      and abs(ln.bbox.y0 - y) < 0.5 * h), key=lambda ln: ln.bbox.x0)
        got = []
        for ln in row:
            names, other = _names_in(ln.raw)
            if other and not names:
                break
            got += names
        if not got:
            break
        out += got
        nxt = [ln.bbox.y0 for ln in v.lines if ln.page == lab.page and ln.bbox.y0 > y + 0.5 * h]
        if not nxt:
            break
        y = min(nxt)
        below_left = [ln for ln in v.lines if ln.page == lab.page and abs(ln.bbox.y0 - y) < 0.5 * h
                      and ln.bbox.x1 <= lab.bbox.x1]
        if below_left:  # the next row has a label of its own
            break
    return out


def _band_right(v: DocView, idx: int) -> list[str]:
    """Names in the cell right of a label box standing alone in a form's label column, when
    the cell wrapped over lines the label sits between ('史文静，张强，…' / 课题组成员 / '郑燕'),
    row by row, left to right (_table.right_band). A row holding anything but names ends the
    list; one before the first name means the cell holds no list."""
    from extractors._table import right_band  # noqa: PLC0415 - _table imports _base only

    rows: list[str] = []
    for ln in right_band(v, idx):
        # a name the cell's line break cut ('…、陆芳、王露' + '露'): its end joins the line before
        if rows and not re.search(r"[、,，;；\s]$", rows[-1]) and re.match(r"\s*[\u4e00-\u9fff]{1,2}(?:\s*[、,，;；]|\s*$)", ln.raw) \
                and len(re.sub(r"\s", "", ln.raw.split("、")[0].split("，")[0])) == 1:
            rows[-1] += ln.raw.strip()
        else:
            rows.append(ln.raw)
    out: list[str] = []
    for raw in rows:
        names, other = _list_line(raw)
        if other or not names:
            break
        out += [n for n in names if n not in out]
    return out


# Words a list label may carry before its colon ('成员排序：', '成员及排名：', '人员组成：', '成员排序如下：').
_LABEL_TAIL = r"(?:及?(?:排名|排序|排位|顺序|次序|位次)|名单|组成|构成|签字|签名)?(?:如下|依次为|分别为)?"


def labelled_names(v: DocView, labels: str) -> tuple[list[str], int, int] | None:
    """(names, start, end) of the first list after one of `labels`: on the label's line
    (a parenthesised note may follow the label: '项目组成员（按排名）：'; without a colon the
    label must be followed by a space), continued on the next lines; or, for a label standing
    alone in its box, the boxes to its right (a form row) or the line below."""
    rx = re.compile(rf"(?:{labels}){_LABEL_TAIL}(?:\s*[(（][^()（）]{{0,12}}[)）])?(\s*[:：]\s*|\s*$|\s+)")
    for colon_first in (True, False):
        for idx, ln in enumerate(v.lines):
            for m in rx.finditer(ln.raw):
                colon = bool(re.search(r"[:：]", m.group(1)))
                inside = m.start() > 0 and not re.match(r"[\s\d.、,，;；:：]", ln.raw[m.start() - 1])
                if colon != colon_first or (inside and not colon):
                    continue  # a bare label inside a sentence ('…的完成人 …') is no label
                span = v.starts[idx], v.starts[idx] + len(ln.text)
                rest = ln.raw[m.end():]
                # where the names after the label begin (a grid's next rows line up there)
                at = ln.bbox.x0 + (ln.bbox.x1 - ln.bbox.x0) * (m.end() + len(rest) - len(rest.lstrip())) / max(len(ln.raw), 1)
                cut_last = bool(re.search(r"(?:^|[、,，;；\s])[\u4e00-\u9fff]\s*$", rest))  # '…、赵' + '六'
                if rest.strip() and idx + 1 < len(v.lines) and not re.search(r"[、,，;；]\s*$", rest) and \
                        re.match(r"\s*[\u4e00-\u9fff]{1,2}\s*" + (r"(?:[、,，;；]|$)" if cut_last else r"[、,，;；]"),
                                 v.lines[idx + 1].raw) and \
                        not re.search(r"[:：\d]", v.lines[idx + 1].raw):
                    rest += v.lines[idx + 1].raw  # a name the line break cut ('…、金' + '红、卢燕')
                    idx += 1
                if rest.strip():
                    names, other = _names_in(rest)
                    if names and other <= len(names):
                        open_end = bool(re.search(r"[、,，;；]\s*$", rest))
                        names += [n for n in _continuation(v, idx, open_end, (at,)) if n not in names]
                        return names + _same_label_lines(v, idx, m.group(0).strip(), names), *span
                    continue
                nxt = v.lines[idx + 1] if idx + 1 < len(v.lines) else None
                # the reader goes on under the label ('课题组成员：' over a grid of names): the
                # list starts there, not in boxes of a lower row a skewed photo lifts level with it
                under = colon and nxt is not None and nxt.page == ln.page and nxt.bbox.x0 < ln.bbox.x1 and \
                    (nxt.bbox.y0 + nxt.bbox.y1) / 2 > ln.bbox.y1 - 0.2 * (ln.bbox.y1 - ln.bbox.y0)
                names = [] if under else _row_right(v, idx)
                if not under and len(wrapped := _band_right(v, idx)) > len(names):
                    names = wrapped
                if names:
                    return names, *span
                j = idx + 1 if under else v.neighbour(idx)
                if idx + 1 < len(v.lines) and (nxt := v.lines[idx + 1]).page == ln.page and j != idx + 1 and \
                        ln.bbox.y0 < (nxt.bbox.y0 + nxt.bbox.y1) / 2 and ln.bbox.x0 - 2 * (ln.bbox.y1 - ln.bbox.y0) <= nxt.bbox.x0 < ln.bbox.x1 \
                        and (j is None or v.lines[j].bbox.y0 > nxt.bbox.y0):
                    j = idx + 1  # the reader's next line, under the label (a skewed photo's row gaps are uneven)
                if j is not None and not rx.match(v.lines[j].raw):
                    names, other = _list_line(v.lines[j].raw)
                    if names and other <= len(names):
                        open_end = bool(re.search(r"[、,，;；]\s*$", v.lines[j].raw))
                        names += [n for n in _continuation(v, j, open_end) if n not in names]
                        return names, v.starts[j], v.starts[j] + len(v.lines[j].text)
    return None


def _same_label_lines(v: DocView, idx: int, label: str, have: list[str]) -> list[str]:
    """Names on the lines right after line `idx` that repeat its label, one name each
    ('参与人 李四' / '参与人 王五' / '参与人 赵六')."""
    out: list[str] = []
    for ln in v.lines[idx + 1:idx + 40]:
        if not ln.raw.strip().startswith(label):
            break
        names, other = _names_in(ln.raw.strip()[len(label):])
        if not names or other:
            break
        out += [n for n in names if n not in have and n not in out]
    return out


def ranked_names(v: DocView) -> tuple[list[str], int, int] | None:
    """Names enumerated with their ranks ('第一完成人：程伟 第二完成人：金丽萍', '程伟（第1完成人）
    金丽萍（第2完成人）'), in rank order, when two ranks or more are written."""
    pairs: dict[int, tuple[str, int]] = {}
    # each line as read first (a space ends the name: '第一完成人：张三 漯河市中心医院'), then the
    # text without spaces (a name OCR spaced, '张 三'; a label and its name in two boxes)
    for rx, name_g, rank_g in ((_RANKED, 2, 1), (_RANKED_PLACE, 2, 1), (_NAME_AND_RANK, 1, 2), (_LABEL_NUMBERED, 2, 1),
                               (_RANKED_PLACE_SPACED, 2, 1), (_NAME_THEN_RANK, 1, 2)):
        for idx, ln in enumerate(v.lines):
            for m in rx.finditer(ln.raw):
                rank, name = cn_to_int(m.group(rank_g)), m.group(name_g)
                if rank and 0 < rank < 50 and plausible_name(name) and known_surname(name):
                    pairs.setdefault(rank, (name, v.starts[idx]))
    for rx, name_g, rank_g in ((_RANKED, 2, 1), (_RANKED_PLACE, 2, 1), (_NAME_AND_RANK, 1, 2)):
        for m in rx.finditer(v.text):
            rank, name = cn_to_int(m.group(rank_g)), m.group(name_g)
            name = split_names(name)[0] if split_names(name) else name
            if rank and 0 < rank < 50 and plausible_name(name):
                pairs.setdefault(rank, (name, m.start()))
    if len(pairs) < 2:
        return None
    order = sorted(pairs)
    if order != list(range(order[0], order[0] + len(order))):
        return None  # gaps: not one enumeration
    pos = [p for _, p in pairs.values()]
    return [pairs[r][0] for r in order], min(pos), max(pos) + 1


_N = r"[\u4e00-\u9fff·]{2,5}"
_HONORIFIC = r"(?:同志|教授|研究员|副教授|博士|老师|主任|院长|医师)?"
# The leader a sentence names: '由陆建军同志主持', '孙一鸣（主持人）', '项目负责人为陆宁'.
_SENTENCE_LEAD = [re.compile(rf"由\s*({_N}?)\s*{_HONORIFIC}\s*(?:主持|负责|牵头|领衔)"),
                  re.compile(rf"({_N})\s*[(（]\s*(?:项目|课题)?(?:主持人|负责人|组长|第一完成人)\s*[)）]"),
                  re.compile(rf"(?:项目|课题)?(?:负责人|主持人)\s*(?:为|是)\s*({_N}?)\s*{_HONORIFIC}(?=[，,。；;、\s及和]|$)"),
                  re.compile(rf"(?<=[由及和与、，,])(?:项目|课题)?(?:负责人|主持人)\s*({_N}?)\s*{_HONORIFIC}(?=[，,、]|及|和|与|带领)")]
# What follows a list inside a sentence ('…、郑琳等同志参加了该项研究', '…等7位成员组成').
_SENTENCE_AFTER = re.compile(r"(?:等\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})?\s*[位名人]?\s*(?:同志|人员|成员|专家|同事|人)?|"
                             r"(?<=[\u4e00-\u9fff])(?=(?:共同)?参[加与]))\s*"
                             r"(?:共同|分别)?(?:参加|参与|组成|共同完成|承担|完成了?(?:该|本)(?:项|课题|项目))")
# What opens a list inside a sentence ('项目组成员有：…', '参加研究的人员有…', '成员包括…').
_SENTENCE_BEFORE = re.compile(r"(?:(?:成员|人员|参加者|参与者|参加人|参与人|研究者)\s*|(?:参与|参加)[\u4e00-\u9fff]{0,10}?的(?:人员|同志|成员)?还?)"
                              r"(?:有|包括|为|是|依次为|分别为)\s*[:：]?\s*")


def _best_suffix(text: str) -> str | None:
    """The name ending `text` ('由孙一鸣' → 孙一鸣): the longest plausible one with a known surname."""
    text = re.sub(r"\s", "", text)
    for k in (4, 3, 2):
        if len(text) >= k and plausible_name(text[-k:]) and known_surname(text[-k:]):
            return text[-k:]
    return None


def _sentence_lead(flat: str) -> tuple[str, int] | None:
    for rx in _SENTENCE_LEAD:
        for m in rx.finditer(flat):
            name = _best_suffix(m.group(1)) if rx not in _SENTENCE_LEAD[2:] else \
                next((m.group(1)[:k] for k in (4, 3, 2) if len(m.group(1)) >= k and plausible_name(m.group(1)[:k])
                      and known_surname(m.group(1)[:k])), None)
            if name:
                return name, m.start(1)
    return None


# More anchors after a list of names a sentence or a salutation holds without 等 ('张三、李四同志
# 承担的…', '由张三、李四完成的…', '授予张三、李四同志…奖', '张三、李四同志：'): every name then
# needs a known surname.
_SENTENCE_AFTER_MORE = re.compile(r"(?<=[\u4e00-\u9fff)）])(?:同志|老师|教授|专家|研究员)?(?:共同|分别)?"
                                  r"(?:承担|完成|主持|申报|参加|参与|负责|申请|研究)(?:的|了)|(?<=[\u4e00-\u9fff])同志(?!们)|"
                                  r"(?<=[\u4e00-\u9fff)）])(?:共同|分别)(?:完成|承担|参与|参加|研究|实施)|"
                                  # '…由张三、李四完成。', '…赵六四人组成', '…赵六为课题组成员', '…系“…”课题组成员'
                                  r"(?<=[\u4e00-\u9fff])(?:(?:十?[一二三四五六七八九]|十|\d{1,2})\s*[位名人]\s*)?(?:完成|承担|组成)(?=\s*[。，,；;]|\s*$)|"
                                  r"(?<=[\u4e00-\u9fff])(?:为|系|是)(?:[^。，,；;]{0,30}?)(?:课题组|项目组|研究组)(?:主要)?成员")
# Words a sentence puts right before the first name of its list ('由张三、…', '授予张三、…').
_LIST_OPENER = r"(?:以及|及|和|与|由|授予|给予|表彰|奖励|向|成员|人员|参与人|参加人)"


def _after_opener(token: str, ok) -> str | None:
    """The name ending `token` right after an opener word ('由张三', '及彭龙'); the opener is the
    one nearest the name ('成员由张三': 由, not 成员)."""
    for k in (4, 3, 2):
        if len(token) > k and re.search(rf"{_LIST_OPENER}$", token[:-k]) and ok(token[-k:]):
            return token[-k:]
    return None


def _names_before(v: DocView, at: int, strict: bool) -> list[str]:
    """The names ending right before flat offset `at`, read backwards over 、，-separated
    tokens to the first that is no name: a name after an opener word ('由张三', '及彭龙') or
    after a line break ('…证书' / '张三、李四同志：') is the list's first. A line break inside a
    token joins it (a sentence wraps inside a name). `strict`: every name has a known surname."""
    end = v.flat_index[at] if at < len(v.flat_index) else len(v.text)
    seg = v.text[max(0, end - 240):end].replace("\n", "\x00")
    seg = re.sub(r"[(（][^()（）]{0,20}[)）]\s*$", "", seg)  # a note after the list ('…、赵六（按排名顺序）共同承担')
    ok = (lambda n: plausible_name(n) and known_surname(n)) if strict else plausible_name
    names: list[str] = []
    for t in reversed(re.split(r"[、,，;；\s]+", seg)):
        if not t.replace("\x00", "") and not names:
            continue
        if ok(t.replace("\x00", "")):
            names.insert(0, strip_title(t.replace("\x00", "")))
            continue
        tail = t.split("\x00")[-1]
        if tail != t and plausible_name(tail) and known_surname(tail):
            names.insert(0, strip_title(tail))
        elif (first := _after_opener(t.replace("\x00", ""), ok)) and (not strict or known_surname(first)):
            names.insert(0, strip_title(first))
        break
    return names


def sentence_names(v: DocView, more: bool = False) -> tuple[list[str], int, int] | None:
    """(names, start, end) of members a sentence names: the leader ('由X主持', 'X（主持人）',
    '负责人为X') first, then the list before '等同志参加了…' / '等N位成员组成' (read
    backwards over 、，-separated names to the first token that is no name, '及彭龙'
    ending it) or after '成员有：' / '参加研究的人员有' (read forwards). Lines are joined:
    a sentence wraps where the width ends, also inside a name. `more`: also a list before
    '同志承担的' / '完成的' / '同志：' ('由张三、李四完成的…', '授予张三、李四同志…奖', a
    salutation naming several), of names with known surnames, two or more."""
    flat = v.flat
    found: list[tuple[list[str], int, int]] = []
    anchors = [(m, False) for m in _SENTENCE_AFTER.finditer(flat)]
    if more:
        anchors += [(m, True) for m in _SENTENCE_AFTER_MORE.finditer(flat)]
    for m, strict in sorted(anchors, key=lambda a: a[0].start()):
        names = _names_before(v, m.start(), strict)
        if names and not (strict and len(names) < 2):
            found.append((names, m.start() - len("".join(names)), m.start()))
            if len(names) >= 2 or not more:
                break
    found.sort(key=lambda f: len(f[0]) < 2)  # a list of several before a lone name
    if not found:
        for m in _SENTENCE_BEFORE.finditer(flat):
            seg = re.split(r"[。；;：:)）]|等", _BRACKET.sub("", flat[m.end():m.end() + 200]))[0]
            names = []
            for t in re.split(r"[、,，\s]+", seg):
                if not t and not names:
                    continue
                if not plausible_name(t):
                    break
                names.append(t)
            if names:
                found.append((names, m.end(), m.end() + len(seg)))
                break
    if not found:
        return None
    names, a, b = found[0]
    if len(names) < 2 and not (lead := _sentence_lead(flat)):
        return None
    if (lead := _sentence_lead(flat)) and lead[0] not in names:
        names = [lead[0]] + names
        a = min(a, lead[1])
    return names, *v.from_flat(a, b)


# A name marked as the leader inside a list ('张三（负责人） 李四 王五', '王敏(组长)、…').
_ANNOTATED = re.compile(rf"{_N}\s*[(（]\s*(?:项目|课题)?(?:负责人?|主持人?|组长|牵头人?|第一完成人)\s*[)）]")


def annotated_names(v: DocView) -> tuple[list[str], int, int] | None:
    """(names, start, end) of a line listing names, the first marked as the leader
    ('张三（负责人） 李四 王五 赵六'), without a label; continued on the next lines."""
    for idx, ln in enumerate(v.lines):
        if not (a := _ANNOTATED.search(ln.raw)):
            continue
        names, other = _list_line(re.split(r"[:：]", ln.raw[:a.start()])[-1] + ln.raw[a.start():])  # after a label
        if len(names) >= 2 and not other and all(map(known_surname, names)):
            open_end = bool(re.search(r"[、,，;；]\s*$", ln.raw))
            names += [n for n in _continuation(v, idx, open_end) if n not in names]
            return names, v.starts[idx], v.starts[idx] + len(ln.text)
    return None


def _names_on_a_line(v: DocView, rx: re.Pattern, lines: int | None = None, whole: bool = False) -> tuple[list[str], int, int] | None:
    """(names, start, end) of the first of the first `lines` lines where `rx`'s group 1 holds two
    names or more, all with known surnames (`whole`: each a space-separated token of its own)."""
    for idx, ln in enumerate(v.lines[:lines]):
        for m in rx.finditer(ln.raw):
            names = split_names(m.group(1))
            if len(names) >= 2 and all(plausible_name(n) and known_surname(n) for n in names) and \
                    (not whole or len(m.group(1).split()) == len(names)):
                return names, v.starts[idx], v.starts[idx] + len(ln.text)
    return None


# A letter opening on several people with no 同志 after them ('张三、李四、王五：' over '你们承担的…');
# names also apart by spaces alone, as certificates print them ('李建国　王芳　赵强：').
_SALUTATION_LIST = re.compile(rf"^\s*((?:{_N}(?:\s*[、,，]\s*|[ \t\u3000]+))+{_N})\s*[:：]\s*$")
# A transposed member table's name row ('排名 1 2 3 4' over '姓名 张三 李四 王五 赵六').
_NAME_ROW = re.compile(r"^\s*姓\s*名\s*[:：]?\s+(.+?)\s*$")


def salutation_names(v: DocView) -> tuple[list[str], int, int] | None:
    return _names_on_a_line(v, _SALUTATION_LIST, lines=8)


def row_label_names(v: DocView) -> tuple[list[str], int, int] | None:
    return _names_on_a_line(v, _NAME_ROW, whole=True)


def glued_label_names(v: DocView, labels: str) -> tuple[list[str], int, int] | None:
    """A list written right after its label inside a sentence, with no colon
    ('课题主持人张三，课题组成员李四、王五、赵六。')."""
    return _names_on_a_line(v, re.compile(rf"(?:{labels})(?:为|是|有)?\s*((?:{_N}\s*[、,，]\s*)+{_N})(?=[。；;，,\s]|$)"))


def salutation_name(v: DocView) -> tuple[str, int, int] | None:
    """The one person a letter opens on ('张三同志：', '尊敬的李强老师：') in its first lines."""
    for idx, ln in enumerate(v.lines[:8]):
        m = re.fullmatch(r"\s*(?:尊敬的)?\s*([\u4e00-\u9fff·]{2,5}?)\s*(?:同志|老师|教授|研究员|先生|女士|主任|医师)?\s*[:：]\s*", ln.raw)
        if m and plausible_name(m.group(1)) and known_surname(m.group(1)) and not _COLUMN_WORDS.match(m.group(1)):
            return m.group(1), v.starts[idx], v.starts[idx] + len(ln.text)
    return None


def lead_name(v: DocView, lead: str) -> tuple[str, int, int] | None:
    """(name, start, end) of the person a `lead` label names ('项目负责人：陆建军', a form row
    '课题主持人 | 姓名 | 李强 | 性别 …', its boxes read one by one). Not a label asking for a
    signature ('项目负责人（签字）：'), nor one inside a sentence or ending a table row."""
    rx = re.compile(rf"(?:{lead})(?!\s*[(（]?\s*(?:签字|签名|签章|签署|意见))\s*[:：]?\s*(?:姓\s*名\s*[:：]?\s*)?")
    for idx, ln in enumerate(v.lines):
        for m in rx.finditer(ln.raw):
            if m.start() > 0 and not re.match(r"[\s.。、,，;；:：(（]", ln.raw[m.start() - 1]):
                continue
            if m.start() > 0 and ln.raw[m.start() - 1] in "(（" and not re.search(r"[:：]", m.group(0)):
                continue  # '张三（负责人）': a note on the name before, no label
            rest = ln.raw[m.end():]
            j = idx
            if not rest.strip() and len(ln.raw[:m.start()].split()) >= 2:
                continue  # the last cell of a table row ('张三 男 主任医师 市中心医院 负责人'): a role, no label
            if not rest.strip():  # the name in the next box ('姓名' between them)
                for _ in range(2):
                    j = v.neighbour(j)
                    if j is None or j == idx:
                        break
                    if re.fullmatch(r"\s*姓\s*名\s*[:：]?\s*", v.lines[j].raw):
                        continue
                    rest = v.lines[j].raw
                    break
            cut = _NEXT_LABEL.search(rest)
            rest = rest[:cut.start()] if cut else rest
            if not rest.strip() or re.match(r"\s*(?:\d|[为是由][\u4e00-\u9fff])", rest):
                continue  # no name, or a sentence ('项目负责人为周敏', read by sentence_names)
            toks = _BRACKET.sub(" ", rest).split()
            if toks and len(re.sub(r"[^\u4e00-\u9fff·]", "", toks[0])) >= 2:
                rest = re.split(r"[、,，;；]", toks[0])[0]  # the name's own box ('张三 男 1975.03 …': no '张三男')
            first = split_names(_BRACKET.sub(" ", rest))[:1]
            if first and plausible_name(first[0]) and known_surname(first[0]):
                s0 = v.starts[j]
                return first[0], s0, s0 + len(v.lines[j].text)
    return None


def _unwrap(cell: str) -> str:
    """A table cell's lines joined: directly after a separator or before a one-character
    rest of a name the break cut ('…、王露' + '露'), else as a separator."""
    parts = cell.split("\n")
    out = parts[0]
    for part in parts[1:]:
        cut = re.match(r"\s*[\u4e00-\u9fff](?:\s*[、,，;；]|\s*$)", part)
        out += part if re.search(r"[、,，;；\s]$", out) or cut else " " + part
    return out


def form_row_names(v: DocView, labels: str) -> tuple[list[str], int, int] | None:
    """(names, start, end) of a ruled form's member row in the reader's tables (born-digital
    PDFs): a row whose first cell is one of `labels` (its label wrapped in a narrow column,
    '项目组\\n成员', read whole) and whose other cells hold names only — joined in one cell
    (wrapped) or one to a few a cell — and the rows under it with an empty label cell."""
    if not any(p.tables for p in v.doc.pages):
        return None
    from extractors._table import table_rows  # noqa: PLC0415 - _table imports _base only

    lab_rx = re.compile(rf"(?:{labels})(?:[(（][^()（）]{{0,12}}[)）])?[:：]?")
    out: list[str] = []
    for cells in table_rows(v, lambda _: False):
        first = re.sub(r"\s", "", cells[0] if cells else "")
        if out and first:
            break
        if not out and not lab_rx.fullmatch(first):
            continue
        got: list[str] = []
        for c in cells[1:]:
            if not (c or "").strip():
                continue
            names, other = _names_in(_unwrap(c))
            if other or not names:
                got = []
                break
            got += names
        if not got:
            break
        out += [n for n in got if n not in out]
    if not out:
        return None
    pos = max(v.text.find(out[0]), 0)
    return out, pos, pos + len(out[0])


def _flat_lead(v: DocView, lead: str) -> tuple[str, int, int] | None:
    """The leader after a `lead` label and a colon when a line break cut their name
    ('课题负责人：夏' + '雅婷；…'): read in the text without line breaks, the name ending at
    a separator."""
    for m in re.finditer(rf"(?:{lead})\s*[:：]\s*({_N}?)(?=[；;，,。、\s]|$)", v.flat):
        if plausible_name(m.group(1)) and known_surname(m.group(1)):
            return m.group(1), *v.from_flat(m.start(1), m.end(1))
    return None


def name_list(v: DocView, field: str, labels: str, lead: str | None = None, more: bool = False) -> ExtractedField | None:
    """A JSON list of names: enumerated with ranks (ranked_names), else after one of
    `labels` (labelled_names), else in a sentence (sentence_names). `lead` labels (项目负责人,
    主持人) put their name first. `more` (members, completers): also a line whose first name
    is marked the leader (annotated_names) and the wider sentence forms."""
    names: list[str] = []
    pos = None
    from extractors._table import form_value  # noqa: PLC0415 - _table imports _base only

    if lead and (hit := lead_name(v, lead) or v.labelled(lead, r"(?![为是由][\u4e00-\u9fff])([\u4e00-\u9fff·]{2,8})")
                 or form_value(v, lead) or _flat_lead(v, lead)):
        names += [n for n in split_names(hit[0])[:1] if plausible_name(n)]
        pos = hit[1:]
    found = ranked_names(v) or form_row_names(v, labels) or labelled_names(v, labels) or \
        (more and (annotated_names(v) or glued_label_names(v, labels))) or sentence_names(v, more) or \
        (more and (salutation_names(v) or row_label_names(v)))
    if found and lead and more and not names and (sl := _sentence_lead(v.flat)) and sl[0] not in found[0]:
        names.append(sl[0])  # the leader a sentence names ('由张三主持完成') before a labelled list of the others
    if found:
        names += [n for n in found[0] if n not in names and 2 <= len(n) <= 8]
        pos = found[1:]
    # a name read twice (a sentence going on after the list: '…、赵六，王五同志排名第3') is one person
    names = list(dict.fromkeys(n for n in names if plausible_name(n)))
    if not names or pos is None:
        return None
    return v.make(field, names, 0.8, *pos)


_NOT_NAME = re.compile(r"单位|学院|大学|医院|公司|名称|负责|项目|课题|联系|姓名|职称|职务|分工|排序|序号|任务|简介|目录|摘要|前言|"
                       r"附件|说明|备注|合计|签字|签名|盖章|意见|专家|[的了与及等年日号第期页版节市省县区院局部处室]")
# 月, 和 and 章 occur in given names (梁秋月, 王和平) and 章 is a surname; they are heading
# words only elsewhere in the token ('3月', '和', '第一章').
_NOT_NAME_AFTER_FIRST = re.compile(r"^.+章|^[月和]|^[\d一二三四五六七八九十]{1,2}月|月份")


def plausible_name(name: str) -> bool:
    """Could this token be a person's name? 2–4 characters (a minority name with ·), no
    heading or function words; a 4-character name needs a known (compound) surname."""
    if not re.fullmatch(r"[\u4e00-\u9fff·]+", name):
        return False  # Latin letters or digits OCR made of a name ('Te')
    if "·" in name:
        return 3 <= len(name) <= 16
    if not 2 <= len(name) <= 4 or _NOT_NAME.search(name) or _NOT_NAME_AFTER_FIRST.search(name):
        return False
    return len(name) < 4 or name[:2] in COMPOUND_SURNAMES or name[0] in SURNAMES


def known_surname(name: str) -> bool:
    return name[0] in SURNAMES or name[:2] in COMPOUND_SURNAMES or "·" in name


# Header of the name column of a member / completer table.
_NAME_HEADER = re.compile(r"^(?:[\u4e00-\u9fff]{0,5}姓\s*名|(?:主要)?(?:完成人|获奖人|获奖者|完成者)(?:员)?|"
                          r"(?:项目|课题)?组?(?:主要)?成员|(?:主要)?(?:参加|参与|研究|协作)人员?)$")
_RANK_HEADER = re.compile(r"^(?:序\s*号|[\u4e00-\u9fff]{0,4}(?:排名|排序|位次|名次)|排\s*序)$")


# Words heading a member table's other columns (never a person's name).
_COLUMN_WORDS = re.compile(r"^(?:性别|学历|学位|年龄|民族|专业|职务|职称|技术职称|签字|签名|本人签字|出生年月|身份证号码?|"
                           r"文化程度|政治面貌|出生日期|所学专业|从事专业|最高学历|最后学历|专业技术职务|行政职务|项目角色|"
                           r"[\u4e00-\u9fff]{0,6}(?:单位|分工|任务|贡献|备注|时间|内容|角色|职责|身份|类别))$")


# Words of a member table's other columns that pass for names (高工, 方案, 文献, 农艺师).
_NOT_A_NAME = re.compile(r"[师员级案献析计划导]$|^(?:管理|党员|成员|方案|文献|高级|中级|初级|汉族|高工|博士|硕士|学士|本科|专科)$")


def _is_value(cell: str) -> bool:
    """A cell holding a value rather than heading a column: a number, or a person's name."""
    c = re.sub(r"\s", "", cell or "")
    return bool(re.search(r"\d", c)) or (plausible_name(c) and known_surname(c) and not _COLUMN_WORDS.match(c)
                                          and not _NAME_HEADER.match(c))


def _member_header(cells: list[str]) -> bool:
    """The header row of a member table: a name column ('姓名', '完成人'), and no value in
    any cell (a form row '课题负责人 | 姓名 | 李强 | 性别 | 男' names one person, it heads nothing)."""
    return sum(1 for c in cells if c and c.strip()) >= 2 and any(c and _NAME_HEADER.match(c.strip()) for c in cells) \
        and not any(_is_value(c) for c in cells if c)  # a lone '课题组成员' titles a section, it heads no column


def _cell_name(cell: str) -> str | None:
    """The name in a table cell: the whole cell ('张　三' → 张三), or the name opening a cell
    that took in a neighbour's text when OCR boxes were assigned to columns ('赵海燕 河南大学')."""
    whole = re.sub(r"\s", "", cell or "")
    if plausible_name(whole):
        return whole
    first = split_names(cell)[:1] if re.search(r"\s", cell or "") else []
    return first[0] if first and plausible_name(first[0]) and known_surname(first[0]) else None


def _row_name(cells: list[str], col: int) -> str | None:
    """The name of one table row: in the name column; else, when that cell holds no name (OCR
    boxes slipped a column: a lost row number, a unit wrapped onto two boxes), a name with
    a known surname in a neighbouring cell."""
    if col < len(cells) and (name := _cell_name(cells[col] or "")):
        return name
    for k in (col - 1, col + 1):
        if 0 <= k < len(cells) and (name := _cell_name(cells[k] or "")) and known_surname(name) \
                and not _COLUMN_WORDS.match(name) and not _NOT_A_NAME.search(name):
            return name
    return None


def names_from_table(v: DocView) -> list[str]:
    """Names in the name column of a member table (排序 姓名 工作单位 职称 …), in the order of
    its rank column when it has one. Rows without a name (a cell wrapped onto a second line)
    are passed over; a row naming something else ends the table. A table printed in two
    halves side by side (序号 姓名 单位 | 序号 姓名 单位) is read half by half, left first,
    or in the order of its rank cells when every name has one."""
    from extractors._table import table_rows  # noqa: PLC0415 - _table imports _base only

    cols: list[int] = []
    rank_cols: list[int | None] = []
    out: list[list[tuple]] = []
    gap = 0
    for cells in table_rows(v, _member_header):
        if not any(out) and _member_header(cells):
            cols = [i for i, c in enumerate(cells) if c and _NAME_HEADER.match(c.strip())]
            ranks = [i for i, c in enumerate(cells) if c and _RANK_HEADER.match(c.strip())]
            # each half's rank column lies left of its name column, after the half before
            rank_cols = [next((r for r in ranks if (cols[k - 1] if k else -1) < r < c), None) for k, c in enumerate(cols)]
            out = [[] for _ in cols]
        elif not cols:
            continue
        elif any(names := [_row_name(cells, c) if k == 0 else _cell_name(cells[c] or "") if c < len(cells) else None
                           for k, c in enumerate(cols)]):
            for k, name in enumerate(names):
                if not name:
                    continue
                rank = None
                rc = rank_cols[k]
                if rc is not None and rc < len(cells) and (m := re.fullmatch(r"\s*(\d{1,2})\s*", cells[rc] or "")):
                    rank = int(m.group(1))
                out[k].append((rank, k, len(out[k]), name))
            gap = 0
        elif any(out) and (cols[0] >= len(cells) or (cells[cols[0]] or "").strip() or (gap := gap + 1) > 2):
            break
    flat = [r for half in out for r in half]
    if flat and all(r[0] is not None for r in flat) and len({r[0] for r in flat}) == len(flat):
        flat.sort()
    return list(dict.fromkeys(r[3] for r in flat))


_RANK_ORDINAL = re.compile(rf"第\s*({NUM_RE})\s*(?:完成人|完成者|获奖人|获奖者|发明人|设计人|作者|主研人|研究人员|参与人|参加人|"
                           rf"成员|起草人|负责人|主持人|研制人|署名|名|位)")
_RANK_LABELLED = re.compile(rf"((?:完成人|完成者|获奖者|获奖人|本人|个人|成员|作者|署名)?)(?:排名|排序|署名|位次|名次|排位|位列|序号|次序|顺序)"
                            rf"([:：]?)(\s*)(第?)\s*({NUM_RE})")


def _written_rank(text: str) -> re.Match | None:
    """The first written rank: '第三完成人', '排名第3', '完成人位次：第二', '获奖者排序：2',
    '本人序号3'. A rank label heading a table column ('排名' over '1') is none: its number
    follows a line break without a colon or 第; 序号/次序 count only after a person word
    ('完成人序号：3'), a row's 序号 being no rank."""
    found = []
    if (m := _RANK_ORDINAL.search(text)):
        found.append((m.start(), m, 1))
    for m in _RANK_LABELLED.finditer(text):
        who, colon, gap, di = m.group(1), m.group(2), m.group(3), m.group(4)
        if "\n" in gap and not (colon or di):
            continue
        if m.group(0)[len(who):len(who) + 2] in ("序号", "次序", "顺序") and not who:
            continue
        found.append((m.start(), m, 5))
        break
    for _, m, g in sorted(found, key=lambda x: x[0]):
        n = cn_to_int(m.group(g))
        if n is not None and 0 < n < 100:
            return m
    return None


def explicit_rank(v: DocView, field: str) -> ExtractedField | None:
    """An explicit rank written on the evidence (第二发明人, 排名第3, 第1完成人, 完成人位次：第二)
    when it is the only one: several ranks enumerate a list (第一完成人：…，第二完成人：…) and
    the claim stage ranks the declarant in it."""
    if ranked_names(v):
        return None
    m = _written_rank(v.text)
    if m is None:
        return None
    rank = cn_to_int(m.group(1) if m.re is _RANK_ORDINAL else m.group(5))
    return v.make(field, rank, 0.75, m.start(), m.end())


# Headers of a list of projects (立项名单, 结项名单, 获奖项目名单): one row a project, its title,
# its leader and the others in cells of their own.
_TITLE_HEADER = re.compile(r"^(?:获奖)?(?:项目|课题|成果|论文|作品)(?:名称|题目)$|^(?:项目|课题|成果)$")
_LEAD_HEADER = re.compile(r"^(?:项目|课题|成果)?(?:负责人|主持人|申请人|申报人|第一完成人)(?:姓名)?$")
_GROUP_HEADER = re.compile(r"^(?:项目|课题|成果)?组?(?:主要|其他)?(?:成员|参加人员?|参与人员?|研究人员|完成人员?|参研人员|"
                           r"主研人员?|协作人员?|合作者|获奖人员?|获奖者|完成者|完成人)(?:姓名|名单)?$")


def _list_header(cells: list[str]) -> tuple[int, int | None, int | None] | None:
    """(title, leader, others) columns of a project list's header row: short labels without
    digits or names, a title column and a leader or members column."""
    keys = [re.sub(r"\s", "", c or "") for c in cells]
    if sum(1 for k in keys if k) < 3 or any(len(k) > 10 or re.search(r"\d", k) or _is_value(k) for k in keys if k):
        return None
    tc = next((i for i, k in enumerate(keys) if _TITLE_HEADER.match(k)), None)
    lc = next((i for i, k in enumerate(keys) if _LEAD_HEADER.match(k)), None)
    gc = next((i for i, k in enumerate(keys) if _GROUP_HEADER.match(k) and i != lc), None)
    nc = next((i for i, k in enumerate(keys) if re.fullmatch(r"(?:项目|课题|立项|合同)?(?:编号|批准号)|批准号|立项号", k)), None)
    return (tc, lc, gc, nc) if tc is not None and (lc is not None or gc is not None) else None


def _group_names(cell: str) -> list[str] | None:
    """The names of a members cell ('李四、王五、赵六', '李四 王五'), None when it holds other words."""
    names, other = _names_in(_unwrap(cell or ""))
    return names if names and not other and all(map(known_surname, names)) else None


def _list_row(cells: list[str], tc: int, lc: int | None, gc: int | None, nc: int | None) -> tuple[str, str | None, list[str]]:
    """(title, leader, others) of one row of a project list: from the header's columns, else
    (a row whose cells did not line up with the header: a title or a members cell holding
    spaces) from its tokens — the title up to the first name with a known surname, the
    leader, then the names that follow."""
    def cell(i):
        return cells[i] if i is not None and i < len(cells) and cells[i] else ""

    title = re.sub(r"\s", "", cell(tc))
    lead = _cell_name(cell(lc)) if lc is not None else None
    group = _group_names(cell(gc)) if gc is not None else []
    if (lc is None or lead) and group is not None and (lead or group):
        return title, lead, group
    toks = " ".join(c or "" for c in cells).split()
    start = next((i for i, t in enumerate(toks) if not re.fullmatch(r"[\dA-Za-z\-.、()（）]+", t)), None)
    if start is None:
        return title, lead, group or []
    for i in range(start + 1, len(toks)):
        t = re.sub(r"[^\u4e00-\u9fff·]", "", toks[i])
        if plausible_name(t) and known_surname(t) and not _COLUMN_WORDS.match(t) and not _NOT_A_NAME.search(t):
            rest: list[str] = []
            for tok in toks[i + 1:]:
                got = _group_names(tok)
                if not got:
                    break
                rest += got
            return "".join(toks[start:i]), t, rest
    return title, lead, group or []


def project_list_rows(v: DocView) -> list[tuple[str, list[str], str | None]]:
    """(title, names, number) of each row of a list of projects (序号 | 项目编号 | 项目名称 |
    负责人 | 主要成员 | 承担单位): the leader's name, then the members cell's. A row holding
    only a title's or a members cell's second line continues the row above."""
    from extractors._table import table_rows  # noqa: PLC0415 - _table imports _base only

    hdr, out = None, []
    for cells in table_rows(v, lambda c: _list_header(c) is not None):
        if hdr is None:
            hdr = _list_header(cells)
            continue
        if _list_header(cells):
            continue
        title, lead, group = _list_row(cells, *hdr)
        if not lead and not group:
            if out and title and len(re.sub(r"\s", "", " ".join(c or "" for c in cells))) == len(title):
                out[-1][0] += title  # a title's second line
            continue
        if not lead and out and not title and hdr[1] is not None:
            out[-1][1].extend(n for n in group if n not in out[-1][1])  # the members cell's second line
            continue
        names = ([lead] if lead else []) + [n for n in group if n != lead]
        nums = [re.sub(r"\s", "", cells[hdr[3]] or "")] if hdr[3] is not None and hdr[3] < len(cells) else []
        nums += [t for t in " ".join(c or "" for c in cells).split()]
        number = next((t for t in nums if re.fullmatch(r"[A-Za-z0-9\-]{4,30}", t) and re.search(r"\d{4}", t)), None)
        out.append([title, names, number])
    return [(t, n, no) for t, n, no in out]


def _covered(a: str, b: str) -> float:
    """How much of the shorter of `a` and `b` the other holds in order, in runs of 3 or more."""
    from difflib import SequenceMatcher  # noqa: PLC0415

    if not a or not b:
        return 0.0
    got = sum(m.size for m in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks() if m.size >= 3)
    return got / min(len(a), len(b))


def pick_list_row(v: DocView, rows: list[tuple]) -> list[int]:
    """Row indexes of a project list, the document's own project first (own_list_row), else
    in printed order."""
    own = own_list_row(v, rows)
    return list(range(len(rows))) if own is None else [own] + [i for i in range(len(rows)) if i != own]


def own_list_row(v: DocView, rows: list[tuple]) -> int | None:
    """The row of a project list that is the document's own project: the only row, or the
    row whose title the document states outside the list (its heading, a quoted title in a
    sentence, a labelled 项目名称), when one row matches clearly better than the others."""
    if len(rows) < 2:
        return 0 if rows else None
    titles = [re.sub(r"\s", "", r[0]) for r in rows]
    leads = {r[1][0] for r in rows if r[1]}
    cands = [q for q in re.findall(r"[“\"《]([^”\"》]{4,80})[”\"》]", v.flat)]
    for ln in v.lines:
        t = ln.text
        if len(t) < 4 or any(n in t for n in leads) or any(t in x for x in titles if x):
            continue  # a row of the list, or one of its cells
        cands.append(t)
    score = [max((_covered(t, c) for c in cands), default=0.0) if len(t) >= 4 else 0.0 for t in titles]
    best = max(range(len(rows)), key=lambda i: score[i])
    if score[best] >= 0.75 and sum(s >= score[best] - 0.1 for s in score) == 1:
        return best
    return None


def transposed_names(v: DocView) -> list[str]:
    """Names of a transposed member table: a row headed 姓名 holding a name a cell, left to
    right (the table printed in chunks, one 姓名 row each, in order), with rows of other
    columns' words (职称, 工作单位, 性别…) under it. Born-digital tables, or the rows of boxes
    (a 姓名 box with name boxes to its right, or a line '姓名 张三 李四 …')."""
    head = re.compile(r"姓\s*名[:：]?")
    out: list[str] = []
    for page in v.doc.pages:
        for table in page.tables:
            firsts = [re.sub(r"\s", "", (r[0] or "") if r else "") for r in table]
            if not any(_COLUMN_WORDS.match(f) for f in firsts):
                continue
            for r, f in zip(table, firsts):
                if head.fullmatch(f):
                    names = [re.sub(r"\s", "", c or "") for c in r[1:] if (c or "").strip()]
                    if names and all(plausible_name(n) and known_surname(n) and not _COLUMN_WORDS.match(n) for n in names):
                        out += [n for n in names if n not in out]
    if out or any(p.tables for p in v.doc.pages):
        return out if len(out) >= 2 else []
    below = False
    for idx, ln in enumerate(v.lines):
        if not (m := head.match(ln.raw.strip())):
            continue
        rest = ln.raw.strip()[m.end():]
        if rest.strip():
            names, other = _names_in(rest)
        else:  # the boxes of its row, followed box to box (a skewed photo's row drifts)
            names, other = [], 0
            for j in sorted((j for j in v._row_chain(idx) if v.lines[j].bbox.x0 > ln.bbox.x0), key=lambda j: v.lines[j].bbox.x0):
                got, bad = _names_in(v.lines[j].raw)
                names, other = names + got, other + bad
        if not names or other or not all(known_surname(n) and not _COLUMN_WORDS.match(n) for n in names):
            continue
        h = max(ln.bbox.y1 - ln.bbox.y0, 1.0)
        below = below or any(l.page == ln.page and l.bbox.y0 > ln.bbox.y1 - 0.3 * h and abs(l.bbox.x0 - ln.bbox.x0) < 3 * h
                             and (t := l.raw.split()) and _COLUMN_WORDS.match(t[0]) for l in v.lines[idx + 1:idx + 40])
        out += [n for n in names if n not in out]
    return out if len(out) >= 2 and below else []
