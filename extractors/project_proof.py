"""立项/结项/课题证明 (research project proof): title (project name or 成果名称),
project_level (national/provincial/city: the labelled source, else the heading, else the
issuer, else the first level the text names), project_role (main project or sub-project),
members (JSON, leader first: a member table's name column in rank order, with the 项目负责人
of a form row of their own put first when the table lists only the others; ranks enumerated
(第一完成人：…); a ruled form's member row (its label wrapped in a narrow column); or a list
after a label, separated by 、，or spaces, continued over lines, in a grid or one name a line,
in a form cell wrapped around its label; or named in a sentence: '由X主持，…等同志参加了该项
研究', '项目组成员有：…', '张三、李四同志承担的…', '由张三、李四完成的…', a salutation naming
several); a line whose first name is marked (负责人); lines numbered by label (成员1：…); a
transposed table (姓名 row across); a 组长 / 副组长 / 成员 team; a list of projects (立项名单,
one row a project: the leader's cell, then the members cell; the row whose title the
document states elsewhere first, every row's list given, the others less sure); the
leader a notice is addressed to ('张三同志：') before a labelled list of the others; a
proof about one person naming the others '与张三、李四共同完成' with the person's stated rank:
the person put in at that rank), title
(the own row of a list of projects; also a form cell wrapped over lines, or quoted before
'被批准立项'), certificate_number (the own row's number; 项目编号/批准号…, also when a line
break cuts the label, or in a ruled form's cell; else a bare 编号),
member_rank (when written explicitly and only once), person_name, start_date, end_date (the
period under 研究期限/起止时间/执行期/…, or 开始时间 + 结束时间; a range of months runs from
the first of its first month to the last of its last, 2023—2025年 from 1 January to 31
December), organization, issue_date, document_number, has_seal."""

from __future__ import annotations

import json
import re

from extractors._activity import find_period
from extractors._base import DocView
from extractors._common import certificate_number, common_fields
from extractors._table import form_value, right_band
from extractors._people import (explicit_rank, labelled_names, lead_name, name_list, names_from_table, own_list_row, pick_list_row,
                                project_list_rows, salutation_name, transposed_names)
from extractors._text.fuzzy import find_approx
from schemas.document import DocumentText
from schemas.records import ExtractedField

COMMON = ("person_name", "organization", "issue_date", "document_number", "has_seal")
_SOURCE_LABEL = (r"项目来源|项目类别|项目类型|项目级别|课题级别|立项级别|计划类别|计划类型|资助类别|课题类别|课题类型|课题来源|"
                 r"下达单位|立项单位|立项部门|资助机构|批准单位|主管部门|归口管理部门")
PROJECT_LEVELS = [
    # (the ministries and national bodies a project is commonly funded by, under their usual
    # short names too; 国家…局/委 is a national administration)
    ("national", re.compile(r"国家(?:自然|社会)?科学基金|国家重点研发|国家科技|国家.{0,8}(?:基金|计划|专项|项目)|"
                            r"科学技术部|科技部|教育部|国家卫生健康委|国家卫健委|国家中医药管理局|全国.{0,8}规划|国家级|部级|"
                            r"工业和信息化部|工信部|农业农村部|农业部|生态环境部|住房和城乡建设部|住建部|交通运输部|水利部|"
                            r"人力资源和社会保障部|自然资源部|应急管理部|文化和旅游部|国家发展和改革委员会|国家发改委|"
                            r"中国科学院|中国工程院|中国社会科学院|中国博士后科学基金|国务院|国家[\u4e00-\u9fff]{2,10}(?:总局|局)")),
    ("provincial", re.compile(r"河南省|省科技厅|省教育厅|省卫生健康委|省卫健委|省社科|省自然科学基金|省重点|省级|省部级|省.{0,6}厅|"
                              r"[\u4e00-\u9fff]{2,3}省(?:科学技术|科技|教育|卫生|社会科学|自然科学|哲学社会|重点|人民政府)|"
                              r"自治区|(?:北京|上海|天津|重庆)市(?:科学技术|科技|教育|卫生|社会科学|自然科学|哲学社会|人民政府)")),
    ("city", re.compile(r"市科技局|市科学技术局|市级|市厅级|市社科|[\u4e00-\u9fff]{2,3}市.{0,8}(?:局|委|政府|办公室|协会|学会)")),
]
_NUMBER_LABEL = r"项目编号|课题编号|批准号|立项编号|项目批准号|合同编号|立项号"
# (a narrow table cell wraps its last character onto a line of its own: '…专项子课' | '题')
_SUB_RE = re.compile(r"子课题|子项目|子任务|分课题|项目课题(?!组)|下设课题|课题[一二三四五六七八九\d]\b|"
                     r"(?:子课|子项|分课)$", re.M)
_PERIOD_LABEL = (r"(?:研究|执行|实施|项目|课题|建设|资助|计划|立项|项目执行|项目实施|项目研究|课题研究)?"
                 r"(?:期限|周期|起止(?:时间|日期|年限|年月)?|起讫(?:时间|日期)?|执行期|时间)")
_MEMBER_LABELS = (r"(?:项目|课题|研究)?(?:组|小组)?(?:主要|其他)?(?:成员|参加人员?|参与人员?|研究人员|完成人员?|完成者|协作人员?|参与者|参加者|"
                  r"参研人员?|主研人员?|研制人员|研究者|合作者|协作者|承担人员?|骨干(?:成员)?|参加单位及人员)(?:名单)?|"
                  r"(?:项目|课题)(?:组|小组)?人员|团队成员|研究团队|项目团队|课题团队|成\s*员|(?:项目|课题|研究)(?:组|小组)|"
                  r"(?:项目|课题)?承担人|组\s*员")
_LEAD_LABELS = r"项目负责人|课题负责人|项目主持人|课题主持人|主持人|负\s*责\s*人|项目申请人|申\s*请\s*人|(?<!专家)(?<!验收)(?<!评审)(?<!鉴定)(?:课题|项目)?组\s*长|" \
               r"首席专家|(?:项目|课题|学科)?带头人|(?:项目|课题)?牵头人|(?:项目|课题)申报人"
# The second in command, listed after the leader and before the members.
_DEPUTY_LABELS = r"(?:课题|项目)?副组长|副主持人|副负责人|(?:项目|课题)?第二负责人"


_TITLE_LABEL = r"项目名称|课题名称|项目题目|课题题目|课题名|项目名|成果名称|项目\(课题\)名称"


def _wrapped_cell(v: DocView, hit: tuple[str, int, int]) -> str:
    """The whole value of a form cell that wrapped over lines its label sits between
    ('城市地下…技术' / 课题名称 / '集成与示范'): the lines of the cell right of the label
    (_table.right_band), joined, when the value read is one of them, none holds a colon and
    they start at one x (a cell's lines, not a heading above it)."""
    for idx, ln in enumerate(v.lines):
        if re.fullmatch(rf"\s*(?:{_TITLE_LABEL})\s*", ln.raw):
            band = right_band(v, idx)
            texts = [b.text for b in band]
            if 2 <= len(band) <= 4 and hit[0] in texts and not any(re.search(r"[:：]", t) for t in texts) \
                    and max(b.bbox.x0 for b in band) - min(b.bbox.x0 for b in band) <= 1.5 * (ln.bbox.x1 - ln.bbox.x0) / max(len(ln.text), 1):
                return "".join(texts)
    return hit[0]


# A province or city named as part of an institution's name (河南省人民医院, 郑州市第一中学): the
# undertaking unit, not the level of the body funding the project.
_INSTITUTION = re.compile(r"[^\s，,。；;：:、（）()]{0,12}?(?:医院|大学|学院|研究院|研究所|科学院|中心|学校|中学|小学|卫生院|"
                          r"保健院|公司|集团)")


def _level_in(text: str) -> tuple[str, re.Match] | None:
    """The level named earliest in `text` (national before provincial before city at one
    place); a province or city that only begins an institution's name is passed over."""
    hits = [(m.start(), i, lv, m) for i, (lv, rx) in enumerate(PROJECT_LEVELS) for m in rx.finditer(text)
            if lv == "national" or not _INSTITUTION.match(text, m.end())]
    if not hits:
        return None
    _, _, lv, m = min(hits)
    if lv == "city" and re.search(r"北京市|上海市|天津市|重庆市", m.group()):
        lv = "provincial"  # a municipality's bureau ranks with a province's
    return lv, m


# National funders and ministries by their full names: on a photo one or two glyphs of the
# heading or the signature may be misread ('国家自然科学基金委贝会', '科学技木部'), and the
# first level the body names is then the undertaking unit's province.
_NATIONAL_FUNDERS = ("国家自然科学基金委员会", "全国哲学社会科学工作办公室", "国家重点研发计划", "中华人民共和国科学技术部",
                     "中华人民共和国教育部", "国家卫生健康委员会", "国家中医药管理局")


def _national_funder(v: DocView) -> ExtractedField | None:
    """'national' when the heading or the signature (first three, last four lines) names a
    national funder with at most one glyph in five misread (find_approx)."""
    for lines in (v.lines[:3], v.lines[-4:]):
        text = "".join(ln.text for ln in lines)
        for name in _NATIONAL_FUNDERS:
            dist, start, end = find_approx(name, text)
            if dist <= len(name) // 5 and end - start >= len(name) - 1:
                return v.make("project_level", "national", 0.6, line=lines[0])
    return None


def project_level(v: DocView, issuer: ExtractedField | None = None) -> ExtractedField | None:
    """national / provincial / city: from the labelled source (项目来源：…, 项目级别：…), else a
    national funder heading or signing it (one glyph in five may be misread), else the
    heading, else the issuer, else the first level the text names. A level word
    mentioned in passing ('参照国家相关标准') is not the project's: the labels, the heading
    and the issuer come first."""
    for hit in v.labelled_all(_SOURCE_LABEL, r".{2,40}"):
        if (found := _level_in(hit[0])):
            return v.make("project_level", found[0], 0.85, hit[1], hit[2])
    if (hit := _national_funder(v)):
        return hit
    if (found := _level_in(v.head(3))) and v.lines:
        return v.make("project_level", found[0], 0.75, line=v.lines[0])
    if issuer and (found := _level_in(issuer.value)):
        return ExtractedField(name="project_level", value=found[0], confidence=0.7, page=issuer.page, bbox=issuer.bbox)
    if (found := _level_in(v.text)):
        return v.make("project_level", found[0], 0.6, found[1].start(), found[1].end())
    return None


def _deputies(v: DocView, names: list[str]) -> list[str]:
    """The list with the deputy leaders (副组长：…) the form names apart put after the leader."""
    found = labelled_names(v, _DEPUTY_LABELS)
    deps = [n for n in (found[0] if found else []) if n not in names]
    return names[:1] + deps + names[1:] if deps and names else names


def members(v: DocView, rows: list[tuple]) -> list[ExtractedField]:
    """The members, leader first (see module docstring). A list of projects (立项名单, `rows`)
    gives a list per row, the document's own project's first (pick_list_row), the others
    less sure: the claim stage looks for the declarant in each."""
    if rows:
        out = []
        for k, i in enumerate(pick_list_row(v, rows)):
            names = rows[i][1]
            pos = max(v.text.find(names[0]), 0)
            out.append(v.make("members", names, 0.8 if k == 0 else 0.5, pos, pos + len(names[0])))
        return out
    table = names_from_table(v) or transposed_names(v)
    lead = lead_name(v, _LEAD_LABELS)
    if table and lead and lead[0] not in table:
        table = [lead[0]] + table  # the leader in a form of their own, the members' table without them
    if table:
        pos = max(v.text.find(table[0]), 0)
        return [v.make("members", table, 0.8, pos, pos + len(table[0]))]
    m = name_list(v, "members", _MEMBER_LABELS, _LEAD_LABELS, more=True)
    if not m:
        return []
    names = _deputies(v, json.loads(m.value))
    # a notice addressed to the leader ('张三同志：') naming the others after a label
    if not lead and not v.labelled(_LEAD_LABELS, r"[\u4e00-\u9fff·]{2,8}") and (sal := salutation_name(v)) and sal[0] not in names:
        names = [sal[0]] + names
    return [m.model_copy(update={"value": json.dumps(names, ensure_ascii=False)})]


def _with_subject(v: DocView, found: list[ExtractedField], person: ExtractedField | None,
                  rank: ExtractedField | None) -> list[ExtractedField]:
    """A proof about one person who did the work '与张三、李四、赵六共同完成' names only the
    others: the person goes into the list at the rank the proof states ('排名第三')."""
    if len(found) != 1 or person is None or rank is None:
        return found
    names = json.loads(found[0].value)
    r = int(rank.value)
    if person.value in names or not 1 <= r <= len(names) + 1 or \
            not re.search(rf"(?:与|和|同)\s*{re.escape(names[0])}", v.flat):
        return found
    names.insert(r - 1, person.value)
    return [found[0].model_copy(update={"value": json.dumps(names, ensure_ascii=False)})]


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Project-proof fields (see module docstring)."""
    v = DocView(doc)
    fields = common_fields(v, COMMON)
    rows = project_list_rows(v)  # a list of projects (立项名单): the document's own row gives title and number
    own = rows[k] if rows and (k := own_list_row(v, rows)) is not None else None
    if own and len(own[0]) >= 4:
        pos = max(v.text.find(own[0][:6]), 0)
        fields.append(v.make("title", own[0], 0.8, pos, pos + len(own[0])))
    elif (hit := form_value(v, _TITLE_LABEL)) and 3 <= len(hit[0].strip("《》“”\"")) <= 80:  # a ruled form's cell, whole
        fields.append(v.make("title", hit[0].strip("《》“”\""), 0.85, hit[1], hit[2]))
    elif (hit := v.labelled(_TITLE_LABEL, r"[《“\"]?([^》”\"]{3,80})")):
        fields.append(v.make("title", _wrapped_cell(v, hit), 0.85, hit[1], hit[2]))
    elif (m := re.search(r"(?:课题|项目|子课题|专项)[“\"《]([^”\"》]{4,60})[”\"》]", v.flat) or
          re.search(r"[“\"《]([^”\"》]{4,60})[”\"》]\s*(?:被|已|为|经|获|项目|课题|列入|批准|通过|准予)", v.flat)):
        fields.append(v.make("title", m.group(1), 0.7, *v.from_flat(m.start(1), m.end(1))))
    if own and own[2] and any(f.name == "title" and f.value == own[0] for f in fields):
        pos = max(v.text.find(own[2]), 0)
        fields.append(v.make("certificate_number", own[2], 0.8, pos, pos + len(own[2])))
    elif (hit := v.labelled(_NUMBER_LABEL, r"([A-Za-z0-9\-]{4,30})")) or \
            ((hit := form_value(v, _NUMBER_LABEL)) and re.fullmatch(r"[A-Za-z0-9\-]{4,30}", hit[0])):
        fields.append(v.make("certificate_number", hit[0], 0.85, hit[1], hit[2]))
    elif (m := re.search(rf"(?:{_NUMBER_LABEL})[:：]([A-Za-z0-9\-]{{4,30}})", v.flat)):  # '（批' + '准号：8237…）'
        fields.append(v.make("certificate_number", m.group(1), 0.75, *v.from_flat(m.start(1), m.end(1))))
    elif (no := certificate_number(v)):  # a bare 编号：… / 证书编号：…
        fields.append(no)
    if (lv := project_level(v, next((f for f in fields if f.name == "organization"), None))):
        fields.append(lv)
    sub = _SUB_RE.search(v.text)
    fields.append(v.make("project_role", "sub" if sub else "main", 0.75 if sub else 0.55,
                         sub.start() if sub else 0, sub.end() if sub else 1))
    rank = explicit_rank(v, "member_rank")
    fields += _with_subject(v, members(v, rows), next((f for f in fields if f.name == "person_name"), None), rank)
    if rank:
        fields.append(rank)
    if (found := find_period(v, _PERIOD_LABEL, whole_years=True)):
        r, span, conf = found
        fields += [v.make("start_date", r.start.isoformat(), conf - 0.05, *span),
                   v.make("end_date", r.end.isoformat(), conf - 0.05, *span)]
    return fields
