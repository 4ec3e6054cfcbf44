"""立项/结项/课题证明 (research project proof): title (project name), certificate_number (项目编号),
project_level (national/provincial/city), project_role (main project or sub-project),
members (JSON, leader first), member_rank (when written explicitly), person_name,
start_date, end_date, organization, issue_date, document_number, has_seal."""

from __future__ import annotations

import re

from extractors._base import DocView
from extractors._common import common_fields
from extractors._people import explicit_rank, name_list, names_from_table
from extractors._text.dates import find_ranges
from schemas.document import DocumentText
from schemas.records import ExtractedField

COMMON = ("person_name", "organization", "issue_date", "document_number", "has_seal")
_SOURCE_LABEL = r"项目来源|项目类别|项目类型|计划类别|资助类别|课题类别|课题来源|下达单位|立项单位|资助机构|批准单位"
PROJECT_LEVELS = [
    ("national", re.compile(r"国家(?:自然|社会)?科学基金|国家重点研发|国家科技|国家.{0,8}(?:基金|计划|专项|项目)|"
                            r"科技部|教育部|国家卫生健康委|国家卫健委|全国.{0,8}规划|国家级")),
    ("provincial", re.compile(r"河南省|省科技厅|省教育厅|省卫生健康委|省卫健委|省社科|省自然科学基金|省重点|省级|省.{0,6}厅")),
    ("city", re.compile(r"市科技局|市科学技术局|市级|市社科|[\u4e00-\u9fff]{2,3}市.{0,6}(?:局|委)")),
]
_SUB_RE = re.compile(r"子课题|子项目|子任务|分课题|项目课题|下设课题|课题[一二三四五六七八九\d]\b")


def project_level(v: DocView) -> ExtractedField | None:
    hit = v.labelled(_SOURCE_LABEL, r".{2,40}")
    where = [(hit[0], hit[1], hit[2], 0.85)] if hit else []
    where.append((v.text, None, None, 0.6))
    for text, s, e, conf in where:
        for lv, rx in PROJECT_LEVELS:
            if (m := rx.search(text)):
                start = s if s is not None else m.start()
                return v.make("project_level", lv, conf, start, e if e is not None else m.end())
    return None


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Project-proof fields (see module docstring)."""
    v = DocView(doc)
    fields = common_fields(v, COMMON)
    if (hit := v.labelled(r"项目名称|课题名称|项目题目|课题题目|课题名|项目名", r"[《“\"]?([^》”\"]{3,80})")):
        fields.append(v.make("title", hit[0], 0.85, hit[1], hit[2]))
    elif (m := re.search(r"(?:课题|项目|子课题|专项)[“\"《]([^”\"》]{4,60})[”\"》]", v.flat)):
        fields.append(v.make("title", m.group(1), 0.7, *v.from_flat(m.start(1), m.end(1))))
    if (hit := v.labelled(r"项目编号|课题编号|批准号|立项编号|项目批准号|合同编号|立项号", r"([A-Za-z0-9\-]{4,30})")):
        fields.append(v.make("certificate_number", hit[0], 0.85, hit[1], hit[2]))
    if (lv := project_level(v)):
        fields.append(lv)
    sub = _SUB_RE.search(v.text)
    fields.append(v.make("project_role", "sub" if sub else "main", 0.75 if sub else 0.55,
                         sub.start() if sub else 0, sub.end() if sub else 1))
    lead = r"项目负责人|课题负责人|主持人|负\s*责\s*人"
    table = names_from_table(v)
    if table:
        pos = max(v.text.find(table[0]), 0)
        fields.append(v.make("members", table, 0.8, pos, pos + len(table[0])))
    elif (m := name_list(v, "members", r"课题组成员|项目组成员|主要成员|参加人员|主要完成人员?|主要研究人员|参与人员|成\s*员", lead)):
        fields.append(m)
    if (r := explicit_rank(v, "member_rank")):
        fields.append(r)
    hit = v.labelled(r"研究期限|起止时间|执行期限|研究时间|项目周期|实施期限|起止年限", r".{6,40}")
    if hit and (rs := find_ranges(hit[0])):
        fmt = (lambda d: d.isoformat()) if rs[0].precision == "day" else (lambda d: d.strftime("%Y-%m"))
        fields += [v.make("start_date", fmt(rs[0].start), 0.8, hit[1], hit[2]),
                   v.make("end_date", fmt(rs[0].end), 0.8, hit[1], hit[2])]
    return fields
