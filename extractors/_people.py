"""Ordered name lists after labels (发明人：…, 作者：…, 课题组成员：…) and explicit ranks."""

from __future__ import annotations

import re

from extractors._base import DocView
from extractors._text.names import split_names
from extractors._text.numbers import parse_rank
from schemas.records import ExtractedField

_NAME_LIST = r"([\u4e00-\u9fff·、,，;；/\s]{2,120})"


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
    names = [n for n in names if not re.search(r"单位|学院|大学|医院|公司|名称|负责|联系", n)]
    if not names or pos is None:
        return None
    return v.make(field, names, 0.8, *pos)


def explicit_rank(v: DocView, field: str) -> ExtractedField | None:
    """An explicit rank written on the evidence (第二发明人, 排名第3, 第1完成人)."""
    rank = parse_rank(v.text)
    if rank is None:
        return None
    m = re.search(r"第\s*\S{1,3}\s*(?:发明人|设计人|作者|完成人|名|位)|排名|排序|位次", v.text)
    return v.make(field, rank, 0.75, m.start() if m else 0, m.end() if m else 1)
