"""Ordered name lists after labels (发明人：…, 作者：…, 课题组成员：…) and explicit ranks."""

from __future__ import annotations

import re

from extractors._base import DocView
from extractors._text.names import COMPOUND_SURNAMES, SURNAMES, split_names
from extractors._text.numbers import parse_rank
from schemas.records import ExtractedField

_NAME_LIST = r"([\u4e00-\u9fff·、,，;；:：/\s]{2,120})"  # OCR reads ；as ：


def name_list(v: DocView, field: str, labels: str, lead: str | None = None) -> ExtractedField | None:
    """A JSON list of names after one of `labels` (same line or the neighbouring box).
    `lead` labels (项目负责人, 主持人) put their name first."""
    names: list[str] = []
    pos = None
    if lead and (hit := v.labelled(lead, r"([\u4e00-\u9fff·]{2,8})")):
        names += split_names(hit[0])[:1]
        pos = hit[1:]
    hit = v.labelled(labels, _NAME_LIST)
    if hit:
        names += [n for n in split_names(v.raw_slice(hit[1], hit[2])) if n not in names and 2 <= len(n) <= 8]
        pos = hit[1:]
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


def names_from_table(v: DocView) -> list[str]:
    """Names in the 姓名 column of a member table (排序 姓名 工作单位 职称 …)."""
    from extractors._table import table_rows  # noqa: PLC0415 - _table imports _base only

    col, out = None, []
    for cells in table_rows(v, lambda cells: any(c.strip() in ("姓名", "成员姓名", "人员姓名") for c in cells)):
        if col is None:
            col = next((i for i, c in enumerate(cells) if c.strip() in ("姓名", "成员姓名", "人员姓名")), None)
        elif col < len(cells) and plausible_name(cells[col].strip()):
            out.append(cells[col].strip())
        elif out:
            break
    return out


def explicit_rank(v: DocView, field: str) -> ExtractedField | None:
    """An explicit rank written on the evidence (第二发明人, 排名第3, 第1完成人)."""
    rank = parse_rank(v.text)
    if rank is None:
        return None
    m = re.search(r"第\s*\S{1,3}\s*(?:发明人|设计人|作者|完成人|名|位)|排名|排序|位次", v.text)
    return v.make(field, rank, 0.75, m.start() if m else 0, m.end() if m else 1)
