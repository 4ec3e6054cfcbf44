"""Member lists of research-project proofs (立项通知/立项名单/结项证书/结题证书/验收意见/鉴定证书)
and completer lists of award certificates, in the forms real documents print them: list
tables with the members in one cell beside the leader's, member tables with gender/birth/
degree columns, role columns, names with their titles, lists in sentences and salutations,
names annotated (负责人), labels of other issuers (课题组/承担人/主研人员…). Plain text (one
line a row, as a born-digital text layer reads), OCR box grids and pdfplumber tables."""

from __future__ import annotations

import json

import pytest

from extractors import extract
from extractors._base import doc_from_text
from schemas.document import DocumentText
from test_extract_generalise import grid_doc  # noqa: E402 (tests/ is on sys.path)

WANT = ["张三", "李四", "王五", "赵六"]
TITLE = "基于大数据的慢病管理研究"


def first(kind: str, doc: DocumentText, name: str):
    """The first value of `name` (as the evaluation reads it)."""
    got = {}
    for f in extract(kind, doc):
        got.setdefault(f.name, f.value)
    v = got.get(name)
    return json.loads(v) if v and v.startswith("[") else v


def proof(body: str, head: str = f"{TITLE} 结题证书") -> DocumentText:
    return doc_from_text(f"{head}\n{body}\n漯河市科学技术局\n2023年9月9日")


def award(body: str) -> DocumentText:
    return doc_from_text(f"漯河市科学技术进步奖\n证书\n{body}\n漯河市人民政府\n2023年9月9日")


def table_doc(rows: list[list[str | None]], head: list[str] = (), tail: list[str] = ()) -> DocumentText:
    """A born-digital page: pdfplumber's table plus the text layer's lines (a row a line)."""
    text = "\n".join([*head, *(" ".join(c or "" for c in r).replace("\n", "") for r in rows), *tail])
    doc = doc_from_text(text)
    doc.pages[0].tables = [rows]
    return doc


def cols(*cells: str, xs=(60, 160, 260, 420, 560, 700, 860, 1000)) -> list[tuple[str, float]]:
    return [(c, x) for c, x in zip(cells, xs) if c]


# ---------------------------------------------------------------- project proofs, plain text

PROOF_TEXTS = {
    "list_table_row": "序号 项目编号 项目名称 负责人 主要成员 承担单位\n"
                      f"1 2023001 {TITLE} 张三 李四、王五、赵六 漯河市中心医院",
    "sentence_comrades": f"张三、李四、王五、赵六同志承担的“{TITLE}”项目已完成研究任务，准予结题。",
    "sentence_by": f"由张三、李四、王五、赵六完成的“{TITLE}”项目，经专家组验收，同意结题。",
    "gender_table": "姓名 性别 职称 单位 分工\n张三 男 主任医师 市中心医院 负责人\n李四 女 副主任医师 市中心医院 数据采集\n"
                    "王五 男 主治医师 市中心医院 统计分析\n赵六 女 主管护师 市中心医院 随访",
    "label_team": "课题组：张三、李四、王五、赵六",
    "label_undertaker": "承担人：张三、李四、王五、赵六",
    "label_main_researchers": "主研人员：张三 李四 王五 赵六",
    "annotated_lead": "张三（负责人） 李四 王五 赵六",
    "annotated_lead_sep": "项目组：张三（组长）、李四、王五、赵六",
    "titles_in_brackets": "项目组成员：张三（主任医师）、李四（副主任医师）、王五（主治医师）、赵六（主管护师）",
    "titles_after_names": "项目组成员：张三 主任医师  李四 副主任医师  王五 主治医师  赵六 主管护师",
    "two_spaces": "研究人员：张三  李四  王五  赵六",
    "continued_no_separator": "课题组成员：张三、李四\n王五、赵六",
    "lead_and_members_one_line": "主持人：张三   参加人：李四、王五、赵六",
    "inline_semicolon": "项目组（负责人：张三；成员：李四、王五、赵六）按计划完成了全部研究内容。",
    "ranked_lead_words": "第一负责人：张三\n第二负责人：李四\n第三负责人：王五\n第四负责人：赵六",
    "salutation": "张三、李四、王五、赵六同志：\n你们承担的科研项目已通过验收，特发此证。",
    "role_table": "角色 姓名 性别 出生年月 职称 工作单位\n负责人 张三 男 1975.03 主任医师 市中心医院\n"
                  "成员 李四 女 1980.06 副主任医师 市中心医院\n成员 王五 男 1985.11 主治医师 市中心医院\n"
                  "成员 赵六 女 1990.01 主管护师 市中心医院",
    "appraisal_table": "主要研制人员名单\n序号 姓名 性别 出生年月 技术职称 文化程度 工作单位 对成果创造性贡献\n"
                       "1 张三 男 1975.03 主任医师 研究生 漯河市中心医院 总体设计\n2 李四 女 1980.06 副主任医师 本科 漯河市中心医院 数据采集\n"
                       "3 王五 男 1985.11 主治医师 本科 漯河市中心医院 统计分析\n4 赵六 女 1990.01 主管护师 本科 漯河市中心医院 随访管理",
    "members_situation": "课题组成员情况\n姓名 年龄 专业 职称 工作单位 承担任务\n张三 48 临床医学 主任医师 市中心医院 总体设计\n"
                         "李四 43 临床医学 副主任医师 市中心医院 数据采集\n王五 38 公共卫生 主治医师 市中心医院 统计分析\n"
                         "赵六 33 护理学 主管护师 市中心医院 随访管理",
}


@pytest.mark.parametrize("case", sorted(PROOF_TEXTS))
def test_project_members_plain_text(case):
    assert first("project_proof", proof(PROOF_TEXTS[case]), "members") == WANT


def test_project_members_list_of_many_projects_row_by_title():
    """A 立项 notice listing many projects: the row whose title the notice names elsewhere."""
    text = (f"关于下达2023年度市级科技计划项目的通知\n你单位申报的“{TITLE}”项目经评审已批准立项，现将有关事项通知如下。\n"
            "附件：2023年度市级科技计划项目立项名单\n序号 项目编号 项目名称 负责人 主要成员 承担单位\n"
            "1 2023001 县域医共体信息化建设研究 周一 吴二、郑七 临颍县人民医院\n"
            f"2 2023002 {TITLE} 张三 李四、王五、赵六 漯河市中心医院\n"
            "3 2023003 中药材种植技术推广 孙八 钱九、冯十 舞阳县农业农村局")
    assert first("project_proof", doc_from_text(text + "\n漯河市科学技术局\n2023年3月1日"), "members") == WANT


# ---------------------------------------------------------------- award certificates, plain text

AWARD_TEXTS = {
    "grant_sentence": "授予张三、李四、王五、赵六同志漯河市科学技术进步奖二等奖。",
    "salutation": "张三、李四、王五、赵六同志：\n你们完成的“智慧医疗平台”项目荣获漯河市科学技术进步奖二等奖，特发此证。",
    "rank_table": "排名 姓名 工作单位 职称\n1 张三 漯河市中心医院 主任医师\n2 李四 漯河市中心医院 副主任医师\n"
                  "3 王五 漯河市中心医院 主治医师\n4 赵六 漯河市中心医院 主管护师",
    "units_in_brackets": "获奖者：张三（漯河市中心医院）、李四（漯河市中心医院）、王五（漯河医专）、赵六（漯河医专）",
    "list_then_units": "主要完成人员：张三，李四，王五，赵六\n主要完成单位：漯河市中心医院",
    "continued_spaces": "完成人：张三 李四\n王五 赵六",
    "in_brackets": "项目名称：智慧医疗平台\n（主要完成人：张三、李四、王五、赵六）",
    "gender_table": "完成人 性别 职称 工作单位\n张三 男 主任医师 市中心医院\n李四 女 副主任医师 市中心医院\n"
                    "王五 男 主治医师 市中心医院\n赵六 女 主管护师 市中心医院",
}


@pytest.mark.parametrize("case", sorted(AWARD_TEXTS))
def test_award_completers_plain_text(case):
    assert first("award_certificate", award(AWARD_TEXTS[case]), "awardees") == WANT


# ---------------------------------------------------------------- more wordings

MORE_PROOF_TEXTS = {
    "and_before_last": "项目组成员：张三、李四、王五和赵六",
    "sentence_lead_and_members": f"“{TITLE}”由项目负责人张三及项目组成员李四、王五、赵六共同完成，经验收合格。",
    "notice_to_leader": f"张三同志：\n你申报的“{TITLE}”项目经专家评审，批准立项。\n项目组成员：李四、王五、赵六",
    "lead_and_members_same_line": "课题负责人：张三  课题组成员：李四  王五  赵六",
    "ranked_with_units": "第一完成人：张三 漯河市中心医院\n第二完成人：李四 漯河市中心医院\n第三完成人：王五 漯河医专\n第四完成人：赵六 漯河医专",
    "leader_then_sentence_list": f"经审核，由张三主持，李四、王五、赵六参与完成的“{TITLE}”项目通过结题验收。",
    "count_after_the_list": "项目负责人：张三\n参加人员：李四，王五，赵六等3人",
    "name_cut_at_the_line_end": "项目负责人：张三\n主要参加人员：李四、王五、赵\n六",
    "backbone_members": "项目负责人：张三\n项目骨干：李四、王五、赵六",
    "titles_after_names": "项目组成员：张三主任医师、李四副主任医师、王五主治医师、赵六护师",
    "panel_head_signs_below": "项目组成员\n张三 李四\n王五 赵六\n专家组组长签字：周八",  # 签字 is no name, the panel's head no leader
    "expert_panel_after_the_members": "项目负责人：张三\n项目组成员：李四、王五、赵六\n验收专家组组长：孙七\n验收专家：周八、吴九、郑十",
    # a label with an order word, numbered inline ('成员排名：1.张三 2.李四')
    "label_rank_numbered_inline": "项目组成员排名：1.张三 2.李四 3.王五 4.赵六",
    "label_order_as_follows": "项目组成员排序如下：张三、李四、王五、赵六。",
    "label_and_rank_bracketed_numbers": "课题组成员及排名：张三（1）、李四（2）、王五（3）、赵六（4）",
    "label_composition": "课题组人员组成：张三、李四、王五、赵六",
    "label_order": "成员顺序：张三、李四、王五、赵六",
    # a note in brackets after a sentence's list; a list in brackets; a sentence going on after the list
    "sentence_note_after_list": f"兹证明，由张三、李四、王五、赵六（按排名顺序）共同承担的“{TITLE}”课题已于2023年立项。",
    "list_in_brackets_after_rank": f"兹证明王五同志参加了“{TITLE}”课题研究，排名第三（课题组成员依次为：张三、李四、王五、赵六）。",
    "sentence_goes_on_after_list": f"王五同志参与了由张三主持的“{TITLE}”课题，课题组成员为张三、李四、王五、赵六，王五同志排名第3。",
    # tables: printed in two halves side by side; a letter-spaced header
    "two_halves_side_by_side": "序号 姓名 工作单位 序号 姓名 工作单位\n1 张三 漯河市中心医院 3 王五 漯河市中心医院\n"
                               "2 李四 漯河医专 4 赵六 漯河医专",
    # Chinese-numeral enumerators, inline and a name a line; places with a colon; names spaced inside
    "chinese_enumerators_inline": "课题组成员：一、张三 二、李四 三、王五 四、赵六",
    "chinese_enumerators_lines": "课题组成员：\n一、张三\n二、李四\n三、王五\n四、赵六",
    "places_with_colons": "第一名：张三\n第二名：李四\n第三名：王五\n第四名：赵六",
    "ranked_places": "排名第一：张三\n排名第二：李四\n排名第三：王五\n排名第四：赵六",
    "names_spaced_inside": "课题组成员：张　三、李　四、王　五、赵　六",  # '三、' here is no enumerator
    # a proof about one person naming only the others, with the person's rank
    "the_others_with_the_persons_rank": f"兹证明王五同志作为课题组成员（排名第三），与张三、李四、赵六共同完成“{TITLE}”课题。",
    "letter_spaced_header": "课题组主要成员\n序号 姓 名 职 称 单 位\n1 张三 主任医师 漯河市中心医院\n2 李四 副主任医师 漯河市中心医院\n"
                            "3 王五 主治医师 漯河市中心医院\n4 赵六 主管护师 漯河市中心医院",
}


# ---------------------------------------------------------------- session-12 wordings: notes in the
# label, other enumerators and separators, a name-a-line list with units, a list glued to its
# label inside a sentence, a salutation naming several without 同志

LABEL_AND_SEPARATOR_TEXTS = {
    "label_paren": "课题组成员（按贡献大小排序）：张三、李四、王五、赵六",
    "label_paren2": "项目组主要成员(排名不分先后):张三,李四,王五,赵六",
    "slash": "课题组成员：张三/李四/王五/赵六",
    "circled": "课题组成员：①张三 ②李四 ③王五 ④赵六",
    "paren_num": "课题组成员：1）张三 2）李四 3）王五 4）赵六",
    "paren_num2": "课题组成员：(1)张三 (2)李四 (3)王五 (4)赵六",
    "period": "课题组成员：张三，李四，王五，赵六。",
    "heading_lines_units": "课题组成员名单\n张三 漯河市中心医院\n李四 漯河市中心医院\n王五 漯河医专\n赵六 漯河医专",
    "heading_numbered_lines": "课题组成员\n1.张三\n2.李四\n3.王五\n4.赵六",
    "host_and_members_in_sentence": "课题主持人张三，课题组成员李四、王五、赵六。",
    "team_with_lead_inline": "课题组成员：张三（主持人）、李四、王五、赵六",
    "members_then_lead_separate": "课题组成员：李四、王五、赵六\n课题负责人：张三",
    "lead_label_after": "主持人：张三\n成员：李四、王五、赵六",
    "participant": "参与者：张三、李四、王五、赵六",
    "research_group": "研究团队：张三、李四、王五、赵六",
    "main_participants": "主要参与人：张三、李四、王五、赵六",
    "completers_label": "完成人员：张三、李四、王五、赵六",
    "table_rank_name_title_unit_task": "排序 姓名 职称 工作单位 分工\n1 张三 主任医师 漯河市中心医院 设计\n2 李四 副主任医师 漯河市中心医院 实施\n3 王五 主治医师 漯河医专 统计\n4 赵六 主管护师 漯河医专 随访",
    "cert_sentence_with_rank_list": "张三、李四、王五、赵六：\n你们主持完成的课题已经结题验收，特发此证。",
    "space_after_colon": "课题组成员： 张三 、李四 、王五 、赵六",
    "two_per_line_cols": "课题组成员：张三 李四\n            王五 赵六",
    "three_char": "课题组成员：张三、李四、王五、赵六（以上排名分先后）",
    "comma_en": "课题组成员: 张三, 李四, 王五, 赵六",
    "members_count_head": "课题组成员（4人）：张三、李四、王五、赵六",
    "ordered_list_semicolon": "课题组成员：张三；李四；王五；赵六",
    "project_leader_and_members_table_kv": "课题负责人 张三 职称 主任医师\n课题组成员 李四、王五、赵六",
}


# Leader labels of other issuers (首席专家, 带头人, 牵头人, 申报人), a leader named in a sentence
# before a labelled list of the others, numbered member labels without a colon.
LEADER_TEXTS = {
    "chief_expert": "首席专家：张三\n课题组成员：李四、王五、赵六",
    "leader_daitouren": "项目带头人：张三\n项目组成员：李四、王五、赵六",
    "leader_qiantouren": "课题牵头人：张三\n课题组成员：李四、王五、赵六",
    "host_units_lines": "课题主持人：张三（漯河市中心医院）\n课题组成员：李四（漯河市中心医院）、王五（漯河医专）、赵六（漯河医专）",
    "first_responsible": "第一负责人：张三\n其他成员：李四、王五、赵六",
    "lead_role_bracket": "课题负责人（主持人）：张三\n课题组成员：李四、王五、赵六",
    "declarer": "项目申报人：张三\n项目组成员：李四、王五、赵六",
    "lead_sentence_members_label": "该课题由张三主持完成。\n课题组成员：李四、王五、赵六",
    "lead_and_team_table": "课题负责人 张三 单位 漯河市中心医院\n课题组成员\n姓名 单位 职称\n李四 漯河市中心医院 副主任医师\n王五 漯河医专 讲师\n赵六 漯河医专 助教",
    "principal_investigator": "项目主持人：张三  参加人员：李四、王五、赵六",
    "leader_in_heading": "课题组成员（第一位为负责人）：张三、李四、王五、赵六",
    "zhuyanrenyuan_with_rank": "主要研究人员（按排名）：张三、李四、王五、赵六",
    "canyan": "参研人员：张三、李四、王五、赵六",
    "xiezuo": "课题负责人：张三\n协作人员：李四、王五、赵六",
    "hexin": "课题负责人：张三\n核心成员：李四、王五、赵六",
    "other_members": "课题负责人：张三\n其他成员：李四、王五、赵六",
    "team_members_en_colon_space": "课题负责人: 张三\n课题组成员: 李四 王五 赵六",
    "members_incl_lead_with_leader_label": "负责人：张三\n成员：张三、李四、王五、赵六",
    "lead_with_title": "课题负责人：张三 主任医师\n课题组成员：李四 副主任医师、王五 主治医师、赵六 主管护师",
    "grid_kv_pairs": "负责人 张三 成员1 李四\n成员2 王五 成员3 赵六",
}


# Sentences ending a list with 完成/承担/组成/为…成员, member tables headed by other words (成员,
# 参加人员, 研究人员), a name a line with title and unit, bullets, ranks written after the name
# ('张三：第一完成人', '张三 第1名', '张三排名第一') and places without a colon ('第一名 张三').
SENTENCE_AND_RANK_TEXTS = {
    "by_done_plain": "本课题由张三、李四、王五、赵六完成。",
    "by_undertake": "该项目由张三、李四、王五、赵六承担。",
    "as_members": "张三、李四、王五、赵六为课题组成员。",
    "list_are_members_o": "张三、李四、王五、赵六系“基于大数据的慢病管理研究”课题组成员。",
    "participation_proof_list_after": "兹证明王五同志参与了“基于大数据的慢病管理研究”课题研究，排名第三。\n课题组成员名单：张三、李四、王五、赵六",
    "col_member": "序号 成员 单位 分工\n1 张三 漯河市中心医院 负责人\n2 李四 漯河市中心医院 数据采集\n3 王五 漯河医专 统计分析\n4 赵六 漯河医专 随访",
    "col_participant": "排序 参加人员 工作单位\n1 张三 漯河市中心医院\n2 李四 漯河市中心医院\n3 王五 漯河医专\n4 赵六 漯河医专",
    "col_team_member": "课题组成员 职称 工作单位\n张三 主任医师 漯河市中心医院\n李四 副主任医师 漯河市中心医院\n王五 主治医师 漯河医专\n赵六 主管护师 漯河医专",
    "col_researcher": "研究人员 性别 职称\n张三 男 主任医师\n李四 女 副主任医师\n王五 男 主治医师\n赵六 女 主管护师",
    "name_list_heading_then_table_no_header": "课题组成员\n张三 主任医师 漯河市中心医院\n李四 副主任医师 漯河市中心医院\n王五 主治医师 漯河医专\n赵六 主管护师 漯河医专",
    "label_partners": "合作者：张三、李四、王五、赵六",
    "label_main_finishers": "主要完成者：张三、李四、王五、赵六",
    "label_group_list": "课题组名单：张三、李四、王五、赵六",
    "label_researchers_list": "研究人员名单：张三、李四、王五、赵六",
    "label_participants_list": "参与人员名单：张三、李四、王五、赵六",
    "label_project_personnel": "项目人员：张三、李四、王五、赵六",
    "label_finishers_ordered": "完成人（按贡献排序）：张三、李四、王五、赵六",
    "label_main_research_members": "主要研究成员：张三、李四、王五、赵六",
    "label_backbone": "研究骨干：张三、李四、王五、赵六",
    "label_cooperators": "协作者：张三、李四、王五、赵六",
    "label_team": "团队成员：张三、李四、王五、赵六",
    "label_participants_plain": "参加者：张三、李四、王五、赵六",
    "label_signature": "课题组成员（签名）：张三 李四 王五 赵六",
    "ranked_words_member": "成员一：张三\n成员二：李四\n成员三：王五\n成员四：赵六",
    "ranked_order_cn": "第一名 张三\n第二名 李四\n第三名 王五\n第四名 赵六",
    "ranked_order_sequence": "排名第1 张三；排名第2 李四；排名第3 王五；排名第4 赵六",
    "name_rank_colon": "张三：第一完成人\n李四：第二完成人\n王五：第三完成人\n赵六：第四完成人",
    "name_then_rank": "张三 第1名\n李四 第2名\n王五 第3名\n赵六 第4名",
    "ordinal_sentence": "在“基于大数据的慢病管理研究”课题中，张三排名第一，李四排名第二，王五排名第三，赵六排名第四。",
    "list_with_dash_heading": "—— 课题组成员 ——\n张三、李四、王五、赵六",
    "bullet_list": "课题组成员：\n· 张三\n· 李四\n· 王五\n· 赵六",
    "list_colon_line_break": "课题组成员：\n张三、李四、王五、赵六",
    "sentence_team_consists": "课题组由张三、李四、王五、赵六组成。",
    "sentence_team_consists2": "课题组成员由张三、李四、王五、赵六四人组成。",
    "list_with_english": "课题组成员(Members)：张三、李四、王五、赵六",
}


# Bare numbers opening list lines, letter-spaced names, a transposed table's name row, '参与…的还有',
# roles in brackets (主持/参与), a label repeated a name a line, a label asking for signatures,
# names with 同志.
MORE_LIST_TEXTS = {
    "digits_space": "课题组成员排序：1 张三 2 李四 3 王五 4 赵六",
    "digits_space_lines": "课题组成员：\n1 张三\n2 李四\n3 王五\n4 赵六",
    "letter_spaced_names": "课题组成员：张 三  李 四  王 五  赵 六",
    "transposed": "排名 1 2 3 4\n姓名 张三 李四 王五 赵六",
    "others_too": "参与本课题研究的还有李四、王五、赵六。\n课题负责人：张三",
    "units_space": "课题组成员：张三（漯河市中心医院） 李四（漯河市中心医院） 王五（漯河医专） 赵六（漯河医专）",
    "rank_table_cn": "排名 姓名 单位\n一 张三 漯河市中心医院\n二 李四 漯河市中心医院\n三 王五 漯河医专\n四 赵六 漯河医专",
    "rank_table_ordinal": "名次 姓名\n第一 张三\n第二 李四\n第三 王五\n第四 赵六",
    "member_and_rank_cols": "姓名 排名\n张三 1\n李四 2\n王五 3\n赵六 4",
    "member_rank_sentence": "课题组成员依次为张三、李四、王五、赵六。",
    "semicolon_roles": "张三（主持）；李四（参与）；王五（参与）；赵六（参与）",
    "roles_table_nohdr": "主持人 张三\n参与人 李四\n参与人 王五\n参与人 赵六",
    "participants_label_numbered_lines": "参与人员：\n（1）张三\n（2）李四\n（3）王五\n（4）赵六",
    "member_cells_in_grid": "课题组成员 张三 李四\n王五 赵六",
    "with_id_numbers": "课题组成员：张三（4111…）、李四、王五、赵六",
    "sign_table": "课题组成员签字：\n张三 李四 王五 赵六",
    "honorifics": "课题组成员：张三同志、李四同志、王五同志、赵六同志",
    "completers_sentence": "经评审，“基于大数据的慢病管理研究”课题完成人员为张三、李四、王五、赵六。",
}


ALL_MORE_PROOF_TEXTS = {**MORE_PROOF_TEXTS, **LABEL_AND_SEPARATOR_TEXTS, **LEADER_TEXTS, **SENTENCE_AND_RANK_TEXTS, **MORE_LIST_TEXTS}


@pytest.mark.parametrize("case", sorted(ALL_MORE_PROOF_TEXTS))
def test_project_members_more_wordings(case):
    assert first("project_proof", proof(ALL_MORE_PROOF_TEXTS[case]), "members") == WANT



# ---------------------------------------------------------------- OCR box grids

LIST_HEADER = cols("序号", "项目编号", "项目名称", "负责人", "主要成员", "承担单位")


def test_project_list_grid_wrapped_title_row_by_heading():
    """An OCR'd 立项名单: titles wrapped in their cells; the notice names its project above."""
    rows = [LIST_HEADER,
            cols("1", "2023001", "县域医共体信息化建设", "周一", "吴二、郑七", "临颍县人民医院"),
            cols("", "", "研究"),
            cols("2", "2023002", "基于大数据的慢病管理", "张三", "李四、王五、赵六", "漯河市中心医院"),
            cols("", "", "研究"),
            cols("3", "2023003", "中药材种植技术推广", "孙八", "钱九、冯十", "舞阳县农业农村局")]
    doc = grid_doc(rows, head=["关于下达2023年度市级科技计划项目的通知", f"你单位申报的“{TITLE}”项目已批准立项。"],
                   tail=["漯河市科学技术局", "2023年3月1日"])
    assert first("project_proof", doc, "members") == WANT


def test_project_list_grid_single_row():
    rows = [LIST_HEADER, cols("1", "2023002", TITLE, "张三", "李四、王五、赵六", "漯河市中心医院")]
    assert first("project_proof", grid_doc(rows, head=[f"{TITLE} 立项证明"], tail=["漯河市科学技术局"]), "members") == WANT


def test_project_appraisal_grid():
    """鉴定证书 主要研制人员名单 read as OCR boxes (gender, birth month, degree columns)."""
    hdr = cols("序号", "姓名", "性别", "出生年月", "技术职称", "文化程度", "工作单位", "对成果创造性贡献")
    rows = [hdr] + [cols(str(i), n, g, b, t, "本科", "漯河市中心医院", "数据分析")
                    for i, (n, g, b, t) in enumerate([("张三", "男", "1975.03", "主任医师"), ("李四", "女", "1980.06", "副主任医师"),
                                                      ("王五", "男", "1985.11", "主治医师"), ("赵六", "女", "1990.01", "主管护师")], 1)]
    doc = grid_doc(rows, head=["科学技术成果鉴定证书", f"成果名称：{TITLE}", "主要研制人员名单"], tail=["漯河市科学技术局"])
    assert first("project_proof", doc, "members") == WANT


def test_project_role_grid():
    hdr = cols("项目角色", "姓名", "性别", "职称", "工作单位", "分工")
    rows = [hdr, cols("负责人", "张三", "男", "主任医师", "市中心医院", "总体设计")] + \
        [cols("成员", n, g, "医师", "市中心医院", "数据采集") for n, g in (("李四", "女"), ("王五", "男"), ("赵六", "女"))]
    doc = grid_doc(rows, head=[f"{TITLE} 结项证书"], tail=["漯河市科学技术局"])
    assert first("project_proof", doc, "members") == WANT


# ---------------------------------------------------------------- pdfplumber tables

def test_project_list_table_digital_wrapped_cells():
    rows = [["序号", "项目编号", "项目名称", "负责人", "主要成员", "承担单位"],
            ["1", "2023001", "县域医共体信息化\n建设研究", "周一", "吴二、郑七", "临颍县人民医院"],
            ["2", "2023002", "基于大数据的慢病\n管理研究", "张三", "李四、王五、\n赵六", "漯河市中心医院"]]
    doc = table_doc(rows, head=["关于公布2023年度科技计划项目结项名单的通知", f"“{TITLE}”等2个项目通过结项验收。"],
                    tail=["漯河市科学技术局"])
    assert first("project_proof", doc, "members") == WANT


def test_project_form_table_digital_lead_and_members_cells():
    rows = [["项目名称", TITLE, None, None], ["项目负责人", "张三", "职称", "主任医师"],
            ["项目组\n成员", "李四、王五、赵六", None, None]]
    doc = table_doc(rows, head=["结项验收意见表"], tail=["验收组长：孙八", "2023年9月9日"])
    assert first("project_proof", doc, "members") == WANT


def test_award_list_table_digital():
    rows = [["序号", "项目名称", "主要完成人", "主要完成单位", "奖励等级"],
            ["1", "智慧医疗平台", "张三、李四、王五、赵六", "漯河市中心医院", "二等奖"],
            ["2", "黄河滩区生态修复", "周一、吴二", "漯河市林业局", "三等奖"]]
    doc = table_doc(rows, head=["漯河市科学技术进步奖获奖项目", "荣誉证书"], tail=["漯河市人民政府", "2023年9月9日"])
    assert first("award_certificate", doc, "awardees") == WANT


def test_award_rank_grid():
    hdr = cols("排名", "姓名", "工作单位", "职称")
    rows = [hdr] + [cols(str(i), n, "漯河市中心医院", "医师") for i, n in enumerate(WANT, 1)]
    doc = grid_doc(rows, head=["漯河市科学技术进步奖", "获奖证书", "项目名称：智慧医疗平台"], tail=["漯河市人民政府"])
    assert first("award_certificate", doc, "awardees") == WANT


# ---------------------------------------------------------------- team forms: numbered labels, 组长/副组长, transposed tables

TEAM_TEXTS = {
    "numbered_labels": "项目负责人：张三\n成员1：李四\n成员2：王五\n成员3：赵六",
    "numbered_labels_cn": "主持人：张三\n参加人员一：李四\n参加人员二：王五\n参加人员三：赵六",
    "leader_deputy_members": "课题组长：张三\n副组长：李四\n成　　员：王五、赵六",
    "group_leader_spaced": "组　　长：张三\n组　　员：李四、王五、赵六",
    "transposed_text_rows": "课题组成员\n姓名 张三 李四 王五 赵六\n职称 主任医师 副主任医师 主治医师 主管护师\n工作单位 市中心医院 市中心医院 市中心医院 市中心医院",
}


@pytest.mark.parametrize("case", sorted(TEAM_TEXTS))
def test_project_members_team_forms(case):
    assert first("project_proof", proof(TEAM_TEXTS[case]), "members") == WANT


def test_project_transposed_table_digital_in_chunks():
    """姓名 row across (printed in chunks of three), 职称 and 工作单位 rows under it."""
    rows = [["姓名", "张三", "李四", "王五"], ["职称", "主任医师", "副主任医师", "主治医师"], ["工作单位", "市中心医院", "市中心医院", "医专"],
            ["姓名", "赵六", "", ""], ["职称", "主管护师", "", ""], ["工作单位", "市中心医院", "", ""]]
    doc = table_doc(rows, head=["项目验收意见", f"项目名称：{TITLE}", "项目组成员情况"], tail=["漯河市科学技术局"])
    assert first("project_proof", doc, "members") == WANT


def test_project_transposed_grid():
    rows = [cols("姓名", "张三", "李四", "王五", "赵六", xs=(60, 200, 400, 600, 800)),
            cols("职称", "主任医师", "副主任医师", "主治医师", "主管护师", xs=(60, 200, 400, 600, 800)),
            cols("工作单位", "市中心医院", "市中心医院", "市中心医院", "医专", xs=(60, 200, 400, 600, 800))]
    doc = grid_doc(rows, head=["结题证书", f"课题名称：{TITLE}", "课题组成员"], tail=["漯河市科学技术局"])
    assert first("project_proof", doc, "members") == WANT


def test_project_list_row_gives_title_and_number():
    text = (f"关于公布2023年度科技计划项目结项名单的通知\n你单位承担的“{TITLE}”项目已通过结项验收。\n"
            "序号 项目编号 项目名称 负责人 主要成员 承担单位\n"
            "1 2023001 县域医共体信息化建设研究 周一 吴二、郑七 临颍县人民医院\n"
            f"2 2023002 {TITLE} 张三 李四、王五、赵六 漯河市中心医院\n漯河市科学技术局")
    doc = doc_from_text(text)
    assert first("project_proof", doc, "title") == TITLE
    assert first("project_proof", doc, "certificate_number") == "2023002"
    lists = [json.loads(f.value) for f in extract("project_proof", doc) if f.name == "members"]
    assert lists == [WANT, ["周一", "吴二", "郑七"]]  # every row's list: the claim stage finds the declarant in one


def test_lead_label_ending_a_table_row_is_no_label():
    """'… 负责人' as the last cell of a member row (分工) names nobody on the next line."""
    doc = proof("姓名 性别 职称 单位 分工\n张三 男 主任医师 市中心医院 负责人\n李四 女 副主任医师 市中心医院 数据采集")
    assert first("project_proof", doc, "members") == ["张三", "李四"]


def test_latin_ocr_noise_is_no_name():
    from extractors._people import plausible_name
    assert not plausible_name("Te") and plausible_name("张三")


# ---------------------------------------------------------------- rendered family-E layouts (family_e/members2.py)

# (render, seed): seeds whose project takes one of members2's layouts
RENDERED = [("digital_pdf", 3),   # 立项名单 notice: the project one row of several
            ("digital_pdf", 5),   # 验收意见 naming the members by team form
            ("digital_pdf", 17),  # 结题鉴定意见, another team form
            ("photo_jpeg", 17),   # transposed member table, photographed (its rows drift)
            ("photo_jpeg", 59)]   # 立项名单 notice, photographed


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict:
    from pipeline.text import ocr_pool_map  # noqa: PLC0415
    from samplegen.single import render_document  # noqa: PLC0415

    root = tmp_path_factory.mktemp("members2")
    labels = {c: render_document("project_proof", "E", c[0], seed=c[1], out_dir=root / f"{c[0]}_{c[1]}") for c in RENDERED}
    results = ocr_pool_map([labels[c]["abs_path"] for c in RENDERED], "rapid", workers=2)
    return {c: (labels[c], r.document if r.ok else None) for c, r in zip(RENDERED, results)}


@pytest.mark.ocr
@pytest.mark.parametrize("case", RENDERED, ids=lambda c: f"{c[0]}-{c[1]}")
def test_rendered_members2(rendered, case):
    label, doc = rendered[case]
    assert doc is not None, "unreadable"
    want = json.loads(label["fields"]["members"])
    got = first("project_proof", doc, "members")
    if case[0] == "digital_pdf":
        assert got == want
        assert first("project_proof", doc, "title") == label["fields"]["title"]
        assert first("project_proof", doc, "certificate_number") == label["fields"]["certificate_number"]
    else:  # OCR may misread a name's character; the count and order still hold
        assert got is not None and len(got) == len(want)
