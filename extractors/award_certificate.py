"""获奖证书 (award certificate): award_name, award_level (national/provincial/city/county),
award_grade (特等/一等/二等/三等/优秀奖…), awardees (JSON, ordered), awardee_rank (when
written: 第二完成人, 排名第3), title (the awarded project), person_name,
certificate_number, organization, issue_date, has_seal."""

from __future__ import annotations

import re

from extractors._activity import level_of
from extractors._base import DocView
from extractors._common import common_fields
from extractors._people import explicit_rank, name_list
from schemas.document import DocumentText
from schemas.records import ExtractedField

COMMON = ("person_name", "certificate_number", "organization", "issue_date", "has_seal")
_AWARD_RE = re.compile(r"([\u4e00-\u9fff]{0,16}?(?:科学技术进步|科技进步|自然科学|技术发明|社会科学优秀成果|社科优秀成果|"
                       r"哲学社会科学|社科|科学技术|科技成果|教学成果|发展研究|优秀论文|成果)奖)")
_GRADE_RE = re.compile(r"(特等|一等|二等|三等)\s*奖?|(优秀|金|银|铜)\s*奖")
_GRADE_MAP = {"金": "一等", "银": "二等", "铜": "三等"}
_TITLE_LABEL = r"获奖项目|项目名称|成果名称|获奖成果|论文题目|作品名称"


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Award-certificate fields (see module docstring)."""
    v = DocView(doc)
    fields = common_fields(v, COMMON)
    name = v.labelled(r"奖项名称|奖励名称|奖\s*项|奖励类别", r"(.{3,40}?奖)")
    m = _AWARD_RE.search(v.text)
    if name:
        fields.append(v.make("award_name", name[0], 0.85, name[1], name[2]))
    elif m:
        award = re.sub(r"^(?:.*?(?:年度|荣获|获得)|度)", "", m.group(1))
        fields.append(v.make("award_name", award, 0.75, m.start(1), m.end(1)))
    award_text = next((f.value for f in fields if f.name == "award_name"), v.head(6))
    org = next((f.value for f in fields if f.name == "organization"), "")
    lv = level_of(award_text) or level_of(org)
    if lv:
        fields.append(v.make("award_level", lv, 0.75, *(name[1:] if name else (m.span(1) if m else (0, 1)))))
    if (g := _GRADE_RE.search(v.text)):
        grade = g.group(1) or g.group(2)
        fields.append(v.make("award_grade", _GRADE_MAP.get(grade, grade), 0.85, g.start(), g.end()))
    if (hit := v.labelled(_TITLE_LABEL, r"[《“\"]?([^》”\"]{3,80})")):
        fields.append(v.make("title", hit[0], 0.8, hit[1], hit[2]))
    elif (t := re.search(r"[“\"《]([^”\"》]{4,60})[”\"》]\s*(?:项目|成果|论文|课题)", v.flat)):
        fields.append(v.make("title", t.group(1), 0.7, *v.from_flat(t.start(1), t.end(1))))
    if (people := name_list(v, "awardees", r"获奖者|获奖人|获奖人员|完成人|主要完成人|获奖个人")):
        fields.append(people)
    if (r := explicit_rank(v, "awardee_rank")):
        fields.append(r)
    return fields
