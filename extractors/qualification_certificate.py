"""资格证书 (qualification certificate): qualification_name, qualification_level
(senior/intermediate/junior/practising), pass_date, person_name, id_number,
certificate_number (证书编号/管理号), organization, issue_date, has_seal."""

from __future__ import annotations

import re

from extractors._base import DocView
from extractors._common import common_fields
from extractors._text.dates import find_dates
from schemas.document import DocumentText
from schemas.records import ExtractedField

COMMON = ("person_name", "id_number", "certificate_number", "organization", "issue_date", "has_seal")
# Tried in this order; a bare 专业 only as a form label at a line start ('专业技术人员职业资格
# 证书' is a heading).
_NAME_LABELS = (r"职业资格名称|资格名称", r"职称名称|资格类别", r"专业名称", r"资格级别|级\s*别", r"(?m:^)专\s*业(?=\s*[:：])")
_NAME_PHRASE = re.compile(r"(?:取得|具备|具有|获得|授予)\s*(?:了)?\s*([\u4e00-\u9fff()（）]{2,20}?)\s*(?:专业技术)?(?:职业)?(?:资格|职称|执业证书)")
QUAL_LEVELS = [
    ("practising", re.compile(r"执业|职业资格|注册|从业资格|职业水平|职业技能")),
    ("senior", re.compile(r"高级|正高|副高|主任(?:医|药|护|技)师|教授|研究员")),
    ("intermediate", re.compile(r"中级|主治|主管|工程师|讲师|会计师|经济师|统计师|审计师|一级教师")),
    ("junior", re.compile(r"初级|助理|技术员|医士|护士|药士|技士|会计员|二级教师|三级教师")),
]
_PASS_LABEL = r"考试时间|考试日期|考试年度|通过时间|取得时间|取得资格时间|批准日期|资格取得时间|评审通过时间"


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Qualification-certificate fields (see module docstring)."""
    v = DocView(doc)
    fields = common_fields(v, COMMON)
    hit = next((h for lab in _NAME_LABELS if (h := v.labelled(lab, r"([\u4e00-\u9fff()（）·]{2,24})"))), None)
    m = _NAME_PHRASE.search(v.text)
    name = (hit[0], 0.85, hit[1], hit[2]) if hit else ((m.group(1), 0.7, m.start(1), m.end(1)) if m else None)
    if name:
        fields.append(v.make("qualification_name", *name))
    stated = v.labelled(r"资格级别|资格等级|级\s*别", r"(正高级|副高级|高级|中级|初级|助理级|员级)")
    if stated:  # a level written out decides
        lv = "senior" if "高" in stated[0] else "intermediate" if stated[0] == "中级" else "junior"
        fields.append(v.make("qualification_level", lv, 0.85, stated[1], stated[2]))
    for text, conf in (() if stated else ((name[0] if name else "", 0.75), (v.head(8), 0.55))):
        # the name decides (主治医师, 执业药师); else the heading: a 职业资格/执业资格 certificate
        # without a stated level is a practising qualification (domain.md)
        lv = next((lv for lv, rx in QUAL_LEVELS if rx.search(text)), None)
        if lv:
            fields.append(v.make("qualification_level", lv, conf, *(name[2:] if name else (0, 1))))
            break
    hit = v.labelled(_PASS_LABEL, r".{4,24}")
    ds = find_dates(hit[0]) if hit else []
    if ds:
        fields.append(v.make("pass_date", ds[0].iso, 0.85, hit[1], hit[2]))
    elif (y := re.search(r"((?:19|20)\d{2})\s*年度?.{0,12}(?:考试|通过|合格)", v.text)):
        fields.append(v.make("pass_date", y.group(1), 0.5, y.start(), y.end()))
    return fields
