"""Ordered name lists after labels (发明人：…, 作者：…, 课题组成员：…), in table cells and
columns, or enumerated with their ranks (第一完成人：…), and explicit ranks."""

from __future__ import annotations

import re

from extractors._base import DocView
from extractors._text.names import COMPOUND_SURNAMES, SURNAMES, split_names
from extractors._text.numbers import NUM_RE, cn_to_int, parse_rank
from schemas.records import ExtractedField

_NAME_LIST = r"([\u4e00-\u9fff·、,，;；:：/\s]{2,120})"  # OCR reads ；as ：
# What a list of names may carry besides names: enumerators (1. ①), notes in brackets
# ((第3完成人), (河南大学)), 等.
_ENUM = re.compile(r"(?:(?<=^)|(?<=[\s、,，;；:：]))(?:[(（]?\d{1,2}[)）.、．]|[①-⑳])\s*")
_BRACKET = re.compile(r"[(（][^()（）]{0,20}[)）]")
# A label that follows the list on its line ('… 证书编号：…'): the list ends before it.
_NEXT_LABEL = re.compile(r"\s+[\u4e00-\u9fff]{2,8}\s*[:：]|\s{2,}[\u4e00-\u9fff]{2,8}(?:编号|号|日期|时间|单位)")
# Ranks that enumerate a list: '第一完成人：程伟', '第2发明人 王芳'.
_RANK_WORDS = r"(?:完成人|获奖人|获奖者|发明人|设计人|作者|参与人|参加人|主研人|研究人员|成员|起草人)"
_RANKED = re.compile(rf"第\s*({NUM_RE})\s*{_RANK_WORDS}\s*[:：]?\s*([\u4e00-\u9fff·]{{2,5}})")
_NAME_AND_RANK = re.compile(rf"([\u4e00-\u9fff·]{{2,5}})\s*[(（]\s*(?:排名|排序|位次)?\s*第\s*({NUM_RE})\s*(?:{_RANK_WORDS}|名|位)?\s*[)）]")


def _names_in(raw: str) -> tuple[list[str], int]:
    """(plausible names, count of other tokens) in a list's raw text."""
    m = _NEXT_LABEL.search(raw)
    text = raw[:m.start()] if m else raw
    text = _ENUM.sub(" ", _BRACKET.sub(" ", text))
    found = [n for n in split_names(text) if n != "等"]
    names = [n for n in found if plausible_name(n)]
    return names, len(found) - len(names)


def _continuation(v: DocView, idx: int, ended_open: bool) -> list[str]:
    """Names on the lines after line `idx` that continue a list broken over lines: the list
    ended on a separator ('…、'), or the next line holds two names or more and nothing else."""
    out: list[str] = []
    for j in range(idx + 1, min(idx + 4, len(v.lines))):
        ln = v.lines[j]
        if ln.page != v.lines[idx].page or re.search(r"[:：\d]", ln.text):
            break
        names, other = _names_in(ln.raw)
        if other or not names or (not ended_open and len(names) < 2):
            break
        out += names
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


def labelled_names(v: DocView, labels: str) -> tuple[list[str], int, int] | None:
    """(names, start, end) of the first list after one of `labels`: on the label's line
    (a parenthesised note may follow the label: '项目组成员（按排名）：'; without a colon the
    label must be followed by a space), continued on the next lines; or, for a label standing
    alone in its box, the boxes to its right (a form row) or the line below."""
    rx = re.compile(rf"(?:{labels})(?:\s*[(（][^()（）]{{0,12}}[)）])?(\s*[:：]\s*|\s*$|\s+)")
    for colon_first in (True, False):
        for idx, ln in enumerate(v.lines):
            for m in rx.finditer(ln.raw):
                colon = bool(re.search(r"[:：]", m.group(1)))
                inside = m.start() > 0 and not re.match(r"[\s\d.、,，;；:：]", ln.raw[m.start() - 1])
                if colon != colon_first or (inside and not colon):
                    continue  # a bare label inside a sentence ('…的完成人 …') is no label
                span = v.starts[idx], v.starts[idx] + len(ln.text)
                rest = ln.raw[m.end():]
                if rest.strip() and idx + 1 < len(v.lines) and not re.search(r"[、,，;；]\s*$", rest) and \
                        re.match(r"\s*[\u4e00-\u9fff]{1,2}\s*[、,，;；]", v.lines[idx + 1].raw) and \
                        not re.search(r"[:：\d]", v.lines[idx + 1].raw):
                    rest += v.lines[idx + 1].raw  # a name the line break cut ('…、金' + '红、卢燕')
                    idx += 1
                if rest.strip():
                    names, other = _names_in(rest)
                    if names and other <= len(names):
                        open_end = bool(re.search(r"[、,，;；]\s*$", rest))
                        return names + [n for n in _continuation(v, idx, open_end) if n not in names], *span
                    continue
                if (names := _row_right(v, idx)):
                    return names, *span
                j = v.neighbour(idx)
                if j is not None and not rx.match(v.lines[j].raw):
                    names, other = _names_in(v.lines[j].raw)
                    if names and other <= len(names):
                        open_end = bool(re.search(r"[、,，;；]\s*$", v.lines[j].raw))
                        names += [n for n in _continuation(v, j, open_end) if n not in names]
                        return names, v.starts[j], v.starts[j] + len(v.lines[j].text)
    return None


def ranked_names(v: DocView) -> tuple[list[str], int, int] | None:
    """Names enumerated with their ranks ('第一完成人：程伟 第二完成人：金丽萍', '程伟（第1完成人）
    金丽萍（第2完成人）'), in rank order, when two ranks or more are written."""
    pairs: dict[int, tuple[str, int]] = {}
    for rx, name_g, rank_g in ((_RANKED, 2, 1), (_NAME_AND_RANK, 1, 2)):
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


def name_list(v: DocView, field: str, labels: str, lead: str | None = None) -> ExtractedField | None:
    """A JSON list of names: enumerated with ranks (ranked_names), else after one of
    `labels` (labelled_names). `lead` labels (项目负责人, 主持人) put their name first."""
    names: list[str] = []
    pos = None
    if lead and (hit := v.labelled(lead, r"([\u4e00-\u9fff·]{2,8})")):
        names += [n for n in split_names(hit[0])[:1] if plausible_name(n)]
        pos = hit[1:]
    found = ranked_names(v) or labelled_names(v, labels)
    if found:
        names += [n for n in found[0] if n not in names and 2 <= len(n) <= 8]
        pos = found[1:]
    names = [n for n in names if plausible_name(n)]
    if not names or pos is None:
        return None
    return v.make(field, names, 0.8, *pos)


_NOT_NAME = re.compile(r"单位|学院|大学|医院|公司|名称|负责|联系|姓名|职称|职务|分工|排序|序号|任务|简介|目录|摘要|前言|"
                       r"附件|说明|备注|合计|[的了和与及等年月日号第期页版章节市省县区院局部处室]")


def plausible_name(name: str) -> bool:
    """Could this token be a person's name? 2–4 characters (a minority name with ·), no
    heading or function words; a 4-character name needs a known (compound) surname."""
    if "·" in name:
        return 3 <= len(name) <= 16
    if not 2 <= len(name) <= 4 or _NOT_NAME.search(name):
        return False
    return len(name) < 4 or name[:2] in COMPOUND_SURNAMES or name[0] in SURNAMES


def known_surname(name: str) -> bool:
    return name[0] in SURNAMES or name[:2] in COMPOUND_SURNAMES or "·" in name


# Header of the name column of a member / completer table.
_NAME_HEADER = re.compile(r"^(?:(?:成员|人员|完成人|获奖人|作者|参加人员|研究人员|主要完成人)?姓\s*名|完成人|主要完成人|获奖人|"
                          r"获奖者|获奖人员|完成人员|成员|项目成员|课题组成员|参加人员|研究人员)$")
_RANK_HEADER = re.compile(r"^(?:序号|排名|排序|位次|名次|完成人排序|排\s*序)$")


def names_from_table(v: DocView) -> list[str]:
    """Names in the name column of a member table (排序 姓名 工作单位 职称 …), in the order of
    its rank column when it has one."""
    from extractors._table import table_rows  # noqa: PLC0415 - _table imports _base only

    col, rank_col, out = None, None, []
    for cells in table_rows(v, lambda cells: any(_NAME_HEADER.match(c.strip()) for c in cells if c)):
        if col is None:
            col = next((i for i, c in enumerate(cells) if c and _NAME_HEADER.match(c.strip())), None)
            rank_col = next((i for i, c in enumerate(cells) if c and _RANK_HEADER.match(c.strip())), None)
        elif col < len(cells) and plausible_name(re.sub(r"\s", "", cells[col] or "")):
            rank = None
            if rank_col is not None and rank_col < len(cells) and (m := re.fullmatch(r"\s*(\d{1,2})\s*", cells[rank_col] or "")):
                rank = int(m.group(1))
            out.append((rank, len(out), re.sub(r"\s", "", cells[col])))
        elif out:
            break
    if out and all(r is not None for r, _, _ in out) and len({r for r, _, _ in out}) == len(out):
        out.sort()
    return [n for _, _, n in out]


def explicit_rank(v: DocView, field: str) -> ExtractedField | None:
    """An explicit rank written on the evidence (第二发明人, 排名第3, 第1完成人) when it is the
    only one: several ranks enumerate a list (第一完成人：…，第二完成人：…) and the claim stage
    ranks the declarant in it."""
    if ranked_names(v):
        return None
    rank = parse_rank(v.text)
    if rank is None:
        return None
    m = re.search(r"第\s*\S{1,3}\s*(?:发明人|设计人|作者|完成人|名|位)|排名|排序|位次", v.text)
    return v.make(field, rank, 0.75, m.start() if m else 0, m.end() if m else 1)
