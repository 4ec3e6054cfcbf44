"""获奖证书 (award certificate): award_name, award_level (national/provincial/city/county),
award_grade (特等/一等/二等/三等/优秀奖…; 壹/贰/叁 read as 一/二/三; a grade a line break cut,
'…进步奖二' + '等奖'), awardees (JSON, in rank order: a completer table's name column, ranks
enumerated (第一完成人：…, X（第2完成人）), or the list after 主要完成人/获奖人员/完成人员/…
separated by 、，or spaces, in the boxes of a form row, continued over lines, in a grid of
names or one name a line, numbered or with the unit after the name; a 主持人 named apart from
the 参与人 first; a list in a sentence or salutation: '授予张三、李四同志…奖', '张三、李四同志：';
a list of awarded projects, one row each, the row whose title the document states elsewhere
first), awardee_rank (when one
rank is written: 第二完成人, 排名第3, 完成人位次：第二; several written ranks enumerate the list
instead), title (the awarded project),
person_name (the one awardee a certificate names), certificate_number, organization,
issue_date, has_seal."""

from __future__ import annotations

import json
import re

from extractors._activity import level_of
from extractors._base import DocView
from extractors._common import common_fields
from extractors._people import explicit_rank, name_list, names_from_table, pick_list_row, project_list_rows
from schemas.document import DocumentText
from schemas.records import ExtractedField

COMMON = ("person_name", "certificate_number", "organization", "issue_date", "has_seal")
_AWARD_RE = re.compile(r"([\u4e00-\u9fff]{0,16}?(?:科学技术进步|科技进步|自然科学|技术发明|社会科学优秀成果|社科优秀成果|"
                       r"哲学社会科学|社科|科学技术|科技成果|教学成果|发展研究|优秀论文|成果)奖)")
_GRADE_RE = re.compile(r"(特等|一等|二等|三等|壹等|贰等|叁等)\s*奖?|(优秀|金|银|铜)\s*奖")
_GRADE_MAP = {"金": "一等", "银": "二等", "铜": "三等", "壹等": "一等", "贰等": "二等", "叁等": "三等"}
_TITLE_LABEL = r"获奖项目|项目名称|成果名称|获奖成果|论文题目|作品名称"
# Labels of the completer list (its order is the awardees' ranks).
_AWARDEE_LABELS = (r"(?:(?:项目|成果)?主要完成人员?|主要完成者|项目完成人员?|成果完成人员?|完成人员?|完成者|获奖人员|"
                   r"获奖者|获奖人|获奖个人|获奖作者|主要研究人员|(?:主要)?参与人员?|(?:主要)?参加人员?|(?:项目|课题)组?成员)"
                   r"(?:名单|排序|排名|及排序|及排名)?|获奖名单|授予")
# Labels of the leader a certificate names apart from the list (主持人 + 参与人).
_LEAD_LABELS = r"(?:成果|项目|课题)?主持人|(?:项目|课题|成果)?负责人|第一完成人"


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Award-certificate fields (see module docstring)."""
    v = DocView(doc)
    fields = common_fields(v, COMMON)
    name = v.labelled(r"奖项名称|奖励名称|奖\s*项|奖励类别", r"(.{3,40}?奖)")
    m = _AWARD_RE.search(v.flat)  # a name the line breaks ('…国家科学' + '技术进步奖')
    if name:
        fields.append(v.make("award_name", name[0], 0.85, name[1], name[2]))
    elif m:
        award = re.sub(r"^(?:.*?(?:年度|荣获|获得)|度)", "", m.group(1))
        award = re.sub(r"^.*(?:证书|表彰在?|授予)", "", award)  # '荣誉证书为表彰在河南省…奖'
        # the issuer's line before the name ('河南省人民政府' + '河南省社会科学优秀成果奖')
        award = re.sub(r"^.{2,14}?(?:人民政府|政府|委员会|国务院)(?=国家|[\u4e00-\u9fff]{1,3}[省市])", "", award)
        fields.append(v.make("award_name", award, 0.75, *v.from_flat(m.start(1), m.end(1))))
    award_text = next((f.value for f in fields if f.name == "award_name"), v.head(6))
    org = next((f.value for f in fields if f.name == "organization"), "")
    lv = level_of(award_text) or level_of(org)
    if lv:
        fields.append(v.make("award_level", lv, 0.75, *(name[1:] if name else (v.from_flat(*m.span(1)) if m else (0, 1)))))
    if (g := _GRADE_RE.search(v.text)):
        grade = g.group(1) or g.group(2)
        fields.append(v.make("award_grade", _GRADE_MAP.get(grade, grade), 0.85, g.start(), g.end()))
    elif (g := re.search(r"(特等|一等|二等|三等|壹等|贰等|叁等)奖", v.flat)):  # '…进步奖一' + '等奖。'
        fields.append(v.make("award_grade", _GRADE_MAP.get(g.group(1), g.group(1)), 0.75, *v.from_flat(*g.span())))
    if (hit := v.labelled(_TITLE_LABEL, r"[《“\"]?([^》”\"]{3,80})")):
        fields.append(v.make("title", hit[0], 0.8, hit[1], hit[2]))
    elif (t := re.search(r"[“\"《]([^”\"》]{4,60})[”\"》]\s*(?:项目|成果|论文|课题|荣获|获得|获评|被评为)", v.flat)):
        fields.append(v.make("title", t.group(1), 0.7, *v.from_flat(t.start(1), t.end(1))))
    rows = project_list_rows(v)  # a list of awarded projects (获奖项目名单): one list a row, the document's own first
    for k, i in enumerate(pick_list_row(v, rows)):
        pos = max(v.text.find(rows[i][1][0]), 0)
        fields.append(v.make("awardees", rows[i][1], 0.8 if k == 0 else 0.5, pos, pos + len(rows[i][1][0])))
    people = [] if rows else names_from_table(v)
    if people:
        pos = max(v.text.find(people[0]), 0)
        fields.append(v.make("awardees", people, 0.8, pos, pos + len(people[0])))
    elif not rows and (found := name_list(v, "awardees", _AWARDEE_LABELS, _LEAD_LABELS, more=True)):
        fields.append(found)
    one = next((json.loads(f.value) for f in fields if f.name == "awardees"), [])
    if len(one) == 1 and not any(f.name == "person_name" for f in fields):  # '获奖者：王小明（第3完成人）'
        f = next(f for f in fields if f.name == "awardees")
        fields.append(f.model_copy(update={"name": "person_name", "value": one[0]}))
    if (r := explicit_rank(v, "awardee_rank")):
        fields.append(r)
    return fields
