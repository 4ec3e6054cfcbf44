"""Wordings and layouts the extractors were not first written against (hand-made texts, one
or more per known weak spot): award completer lists and ranks, project members and periods,
invitations addressed to a person, qualification query printouts, assignment registration
forms, journal running heads and citation lines, plan years, certificate periods, service
proofs, DOCX tables, and dates damaged under a seal."""

from __future__ import annotations

import json

import pytest

from extractors import extract
from extractors._base import DocView, doc_from_text
from pipeline.declarant import merge_fields, resolve_document
from schemas.document import BBox, DocumentText, Line, Page
from schemas.records import ClaimDocument


def fields(kind: str, text: str, **kw) -> dict:
    """The surest value of each field."""
    return {f.name: f.value for f in sorted(extract(kind, doc_from_text(text, **kw)), key=lambda f: f.confidence)}


def resolved(kind: str, text: str, declarant: str, doc: DocumentText | None = None) -> dict:
    """The fields as the claim stage leaves them for `declarant` (rank from the list)."""
    doc = doc or doc_from_text(text)
    fs = extract(kind, doc)
    cd = ClaimDocument(doc_id="d", path="x", doc_kind=kind, doc_kind_confidence=1.0, text=doc.text, fields=fs)
    out = {}
    for f in sorted(merge_fields(fs, resolve_document(cd, declarant)), key=lambda f: f.confidence):
        out[f.name] = f.value
    return out


def grid_doc(rows: list[list[tuple[str, float]]], source: str = "ocr", head: list[str] = (),
             tail: list[str] = ()) -> DocumentText:
    """An OCR page of boxes: `head` lines on top, then rows of (text, x) cells, then `tail` lines."""
    lines, y = [], 40.0
    for t in head:
        lines.append(Line(text=t, bbox=BBox(x0=60, y0=y, x1=60 + 24 * len(t), y1=y + 24), confidence=0.97))
        y += 40
    for row in rows:
        for text, x in row:
            lines.append(Line(text=text, bbox=BBox(x0=x, y0=y, x1=x + 22 * len(text), y1=y + 24), confidence=0.96))
        y += 40
    for t in tail:
        lines.append(Line(text=t, bbox=BBox(x0=60, y0=y, x1=60 + 24 * len(t), y1=y + 24), confidence=0.97))
        y += 40
    return DocumentText(source=source, engine="synthetic", pages=[Page(number=1, width=1240, height=1754, lines=lines)])


# ---------------------------------------------------------------- award certificates

AWARD_LIST_COMMA = """荣誉证书
为表彰在科学技术进步工作中作出突出贡献的集体和个人，特颁发此证书。
项目名称：县域慢性病综合防控体系构建与应用
奖励等级：三等奖
获奖人员：韩雪梅，葛建军，孔令辉，邵丹丹，陶志远
证书编号：ZM2023-3-087
驻马店市人民政府
二〇二三年十一月六日"""

AWARD_LIST_SPACES = """河南省社会科学优秀成果奖
获 奖 证 书
成果名称：《乡村振兴背景下县域职业教育发展研究》
获奖等级：二等奖
完成人员：郭子涵  魏国栋  朱晓琳
河南省人民政府
2023年12月"""

AWARD_LIST_WRAPPED = """科学技术进步奖
证书
获奖项目：黄河下游滩区生态修复关键技术
获奖等级：一等奖
主要完成人：宋立新、罗佳怡、谭永刚、
邹春燕、夏明轩
颁奖单位：新乡市人民政府
证书号：XK2023-1-004"""

AWARD_RANK_WORD = """获奖证书
授予：蒋文博（第二完成人）
项目：城市地下综合管廊智能监测系统
荣获二〇二三年度许昌市科学技术进步奖二等奖
许昌市人民政府"""

AWARD_RANK_NUMBERED_LIST = """教学成果奖证书
成果名称：基于工作过程的护理专业课程体系改革与实践
获奖等级：省级二等奖
完成人：1.吕晓红 2.蔡文亮 3.潘思远 4.杜梦瑶
河南省教育厅
2023年9月18日"""

AWARD_RANK_ENUMERATED = """荣誉证书
项目名称：高速公路沥青路面预防性养护技术研究
第一完成人：程伟
第二完成人：金丽萍
第三完成人：秦浩宇
荣获2023年度河南省交通运输科技进步奖三等奖
河南省交通运输厅"""


@pytest.mark.parametrize("text, declarant, names, rank", [
    (AWARD_LIST_COMMA, "孔令辉", ["韩雪梅", "葛建军", "孔令辉", "邵丹丹", "陶志远"], "3"),
    (AWARD_LIST_SPACES, "魏国栋", ["郭子涵", "魏国栋", "朱晓琳"], "2"),
    (AWARD_LIST_WRAPPED, "夏明轩", ["宋立新", "罗佳怡", "谭永刚", "邹春燕", "夏明轩"], "5"),
    (AWARD_RANK_NUMBERED_LIST, "潘思远", ["吕晓红", "蔡文亮", "潘思远", "杜梦瑶"], "3"),
    (AWARD_RANK_ENUMERATED, "金丽萍", ["程伟", "金丽萍", "秦浩宇"], "2"),
], ids=["comma", "spaces", "wrapped", "numbered", "enumerated"])
def test_award_completer_lists(text, declarant, names, rank):
    f = fields("award_certificate", text)
    assert json.loads(f["awardees"]) == names
    r = resolved("award_certificate", text, declarant)
    assert r["awardee_rank"] == rank and r["person_name"] == declarant


def test_award_rank_written_as_word():
    f = fields("award_certificate", AWARD_RANK_WORD)
    assert f["awardee_rank"] == "2" and f["person_name"] == "蒋文博"
    assert f["award_grade"] == "二等" and f["award_level"] == "city"


def test_award_enumerated_ranks_are_not_the_declarants():
    f = fields("award_certificate", AWARD_RANK_ENUMERATED)
    assert "awardee_rank" not in f  # three ranks written: the list decides whose is whose


def test_award_completers_in_a_table():
    doc = grid_doc([[("序号", 80), ("完成人", 260), ("工作单位", 520)],
                    [("1", 80), ("田雨欣", 260), ("洛阳市中心医院", 520)],
                    [("2", 80), ("冯志强", 260), ("洛阳市中心医院", 520)],
                    [("3", 80), ("石佳琪", 260), ("洛阳理工学院", 520)]],
                   head=["洛阳市科学技术进步奖", "证 书", "项目名称：老年髋部骨折围手术期综合管理", "奖励等级：二等奖"])
    r = resolved("award_certificate", "", "冯志强", doc)
    assert json.loads(r["awardees"]) == ["田雨欣", "冯志强", "石佳琪"] and r["awardee_rank"] == "2"


def test_award_completers_in_a_label_row():
    doc = grid_doc([[("主要完成人", 80), ("史文静", 330), ("贾少华", 480), ("龚雅琴", 630)]],
                   head=["科技成果奖证书", "项目名称：农村饮水安全保障技术", "奖励等级：一等奖"])
    r = resolved("award_certificate", "", "龚雅琴", doc)
    assert json.loads(r["awardees"]) == ["史文静", "贾少华", "龚雅琴"] and r["awardee_rank"] == "3"


# ---------------------------------------------------------------- project proofs

PROJECT_MEMBERS_SPACES = """河南省科技攻关项目
结题证明
项目编号：232102310456
项目名称：智慧农业物联网监测平台研发与示范
项目负责人：杨俊峰
项目组成员（按排名）：杨俊峰 闫欣怡 薛志刚 侯丽娜
研究期限：2022年01月—2023年12月
经验收，该项目已完成合同规定的各项任务，同意结题。
河南省科学技术厅
2023年12月26日"""

PROJECT_LEADER_AND_MEMBERS = """课题立项通知书
课题名称：基于核心素养的初中数学单元教学设计研究
课题编号：JKGH2023-0217
课题类别：河南省教育科学规划一般课题
课题主持人：胡晓东
课题组成员：钟美玲，高翔，于淑芬
起止时间：2023.03-2024.12
河南省教育科学规划领导小组办公室
2023年3月10日"""

PROJECT_SPLIT_DATES = """关于同意立项的通知
项目名称：基层医疗机构抗菌药物合理使用评价
项目来源：国家卫生健康委员会医药卫生科技发展研究中心
项目负责人：廖志华
主要研究人员：廖志华、覃雪、任思琪
开始时间：2023年4月1日
结束时间：2025年3月31日"""


def test_project_members_separated_by_spaces():
    f = fields("project_proof", PROJECT_MEMBERS_SPACES)
    assert json.loads(f["members"]) == ["杨俊峰", "闫欣怡", "薛志刚", "侯丽娜"]
    assert (f["start_date"], f["end_date"]) == ("2022-01-01", "2023-12-31")
    assert f["project_level"] == "provincial"
    assert resolved("project_proof", PROJECT_MEMBERS_SPACES, "薛志刚")["member_rank"] == "3"


def test_project_leader_first():
    f = fields("project_proof", PROJECT_LEADER_AND_MEMBERS)
    assert json.loads(f["members"]) == ["胡晓东", "钟美玲", "高翔", "于淑芬"]
    assert (f["start_date"], f["end_date"]) == ("2023-03-01", "2024-12-31")
    assert f["project_level"] == "provincial"


def test_project_split_period_and_national_source():
    f = fields("project_proof", PROJECT_SPLIT_DATES)
    assert (f["start_date"], f["end_date"]) == ("2023-04-01", "2025-03-31")
    assert f["project_level"] == "national"
    assert json.loads(f["members"]) == ["廖志华", "覃雪", "任思琪"]


@pytest.mark.parametrize("line, start, end", [
    ("执行期：2023年1月1日至2025年12月31日", "2023-01-01", "2025-12-31"),
    ("项目执行期限 2022.07—2024.06", "2022-07-01", "2024-06-30"),
    ("研究周期：2023年6月-2025年5月", "2023-06-01", "2025-05-31"),
    ("起讫时间：自2023年9月起至2025年8月止", "2023-09-01", "2025-08-31"),
    ("实施期限：2023-01-01～2024-12-31", "2023-01-01", "2024-12-31"),
])
def test_project_period_forms(line, start, end):
    f = fields("project_proof", f"项目立项证明\n项目名称：农作物重大病虫害监测预警\n{line}\n"
                                f"参与人员：戴文华、陆小雨\n洛阳市科学技术局\n2023年5月6日")
    assert (f["start_date"], f["end_date"]) == (start, end)
    assert f["project_level"] == "city"


def test_project_level_from_the_issuer_not_a_mention():
    f = fields("project_proof", """结项证书
经专家组鉴定，由郑州大学承担的河南省自然科学基金项目“黄河流域生态保护政策评估”
（参照国家相关标准执行）已完成研究任务，准予结项。
课题组成员：孟凡星、左丽华
河南省科学技术厅
2023年10月9日""")
    assert f["project_level"] == "provincial"


def test_a_unit_named_after_its_province_does_not_set_the_level():
    """'河南省人民医院' is the undertaking unit, not a provincial funder: the project is as
    national as the programme the text names; a municipality's bureau ranks as a province's;
    ministries under their own names are national."""
    text = ("课题参与证明\n兹证明我院钟美玲同志作为第2完成人参加了河南省人民医院承担的"
            "国家重点研发计划课题“脓毒症早期预警模型研究”。\n河南省人民医院\n2023年6月2日")
    assert fields("project_proof", text)["project_level"] == "national"
    text = "项目结题证明\n项目名称：城市更新关键技术\n项目来源：北京市科学技术委员会\n北京市科学技术委员会\n2023年6月2日"
    assert fields("project_proof", text)["project_level"] == "provincial"
    text = "项目立项通知\n项目名称：智能网联汽车测试\n下达部门：工业和信息化部\n2023年6月2日"
    assert fields("project_proof", text)["project_level"] == "national"
    text = "项目立项通知\n项目名称：城市道路养护\n承担单位：郑州市第一中学\n郑州市科学技术局\n2023年6月2日"
    assert fields("project_proof", text)["project_level"] == "city"


def test_project_members_in_a_column_table():
    doc = grid_doc([[("排名", 80), ("姓名", 220), ("单位", 420), ("职称", 760)],
                    [("1", 80), ("汤晓峰", 220), ("南阳理工学院", 420), ("教授", 760)],
                    [("2", 80), ("尹梦洁", 220), ("南阳理工学院", 420), ("讲师", 760)]],
                   head=["南阳市科技计划项目立项证明", "项目名称：艾草深加工关键技术研究", "项目组成员："])
    f = {x.name: x.value for x in extract("project_proof", doc)}
    assert json.loads(f["members"]) == ["汤晓峰", "尹梦洁"]


# ---------------------------------------------------------------- invitations addressed to a person

@pytest.mark.parametrize("salutation, name", [
    ("尊敬的常晓丽教授：", "常晓丽"),
    ("尊敬的 欧阳明远 主任：", "欧阳明远"),
    ("卢志刚同志：", "卢志刚"),
    ("邵 斌 老师：", "邵斌"),
    ("尊敬的孔维专家：", "孔维"),
])
def test_conference_invitation_names_the_invitee(salutation, name):
    f = fields("conference_notice", f"""邀请函
{salutation}
河南省医学会定于2023年9月15日至17日在郑州召开河南省医学会第十二次超声医学学术会议，
诚邀您拨冗出席并作专题报告。
联系人：赵敏 电话：0371-65923456
河南省医学会
2023年8月20日""")
    assert f["person_name"] == name
    assert (f["start_date"], f["end_date"]) == ("2023-09-15", "2023-09-17")


def test_conference_notice_to_units_names_nobody():
    f = fields("conference_notice", """关于召开2023年全省护理管理学术会议的通知
各会员单位：
定于2023年6月2日至4日召开全省护理管理学术会议。
联系人：王红 电话：0371-1234567
河南省护理学会
2023年5月8日""")
    assert "person_name" not in f


def test_invitation_phrase_in_the_body():
    f = fields("conference_notice", """会议邀请
兹邀请 黎建国 同志于2023年11月3日至5日参加中国农学会2023年学术年会，并在分会场作交流发言。
中国农学会
2023年10月12日""")
    assert f["person_name"] == "黎建国"


# ---------------------------------------------------------------- qualification printouts

QUAL_QUERY_LINES = """专业技术人员资格证书查询结果
姓名：沈佳怡
证件号码：410102199005124528
资格名称：中级会计师
级别：中级
专业：会计
管理号：2023410010213345
批准日期：2023-10-20
打印时间：2023-12-01 15:32"""


def test_qualification_query_printout():
    f = fields("qualification_certificate", QUAL_QUERY_LINES)
    assert (f["person_name"], f["id_number"]) == ("沈佳怡", "410102199005124528")
    assert (f["qualification_name"], f["qualification_level"]) == ("中级会计师", "intermediate")
    assert (f["certificate_number"], f["pass_date"]) == ("2023410010213345", "2023-10-20")


def test_qualification_query_header_row_table():
    doc = grid_doc([[("姓名", 60), ("证件号码", 200), ("资格名称", 560), ("级别", 780), ("管理号", 880), ("批准日期", 1100)],
                    [("沈佳怡", 60), ("410102199005124528", 200), ("执业药师", 560), ("执业", 780),
                     ("20234100123", 880), ("2023年12月5日", 1100)]],
                   head=["全国专业技术人员职业资格证书查询", "查询结果"])
    f = {x.name: x.value for x in sorted(extract("qualification_certificate", doc), key=lambda x: x.confidence)}
    assert (f["person_name"], f["qualification_name"]) == ("沈佳怡", "执业药师")
    assert f["qualification_level"] == "practising"
    assert (f["certificate_number"], f["pass_date"]) == ("20234100123", "2023-12-05")


def test_qualification_score_proof():
    f = fields("qualification_certificate", """2023年度全国卫生专业技术资格考试
成绩合格证明
考生姓名：金晓燕
身份证号：410105198808084523
报考级别：中级
报考专业：主管护师
考试结果：全部科目合格
取得时间：2023年9月
国家卫生健康委人才交流服务中心""")
    assert f["person_name"] == "金晓燕" and f["qualification_level"] == "intermediate"
    assert f["qualification_name"] == "主管护师"


# ---------------------------------------------------------------- assignment registration forms

def test_assignment_registration_form_boxes():
    doc = grid_doc([[("姓名", 60), ("邱建平", 200), ("性别", 420), ("男", 560)],
                    [("工作单位", 60), ("平顶山市第一人民医院", 200), ("职称", 700), ("主治医师", 820)],
                    [("援派类别", 60), ("援疆", 200), ("派驻单位", 420), ("哈密市第二人民医院", 560)],
                    [("派出时间", 60), ("2023年2月15日至2023年8月14日", 200)],
                    [("派出期限", 60), ("6个月", 200)]],
                   head=["专业技术人员援派登记表"])
    f = {x.name: x.value for x in sorted(extract("assignment_document", doc), key=lambda x: x.confidence)}
    assert f["person_name"] == "邱建平"
    assert (f["start_date"], f["end_date"], float(f["months"])) == ("2023-02-15", "2023-08-14", 6.0)


@pytest.mark.parametrize("period, start, end, months", [
    ("挂职期限：2023年3月至2024年2月", "2023-03-01", "2024-02-29", 12),
    ("援派期限：自2023年7月1日起，为期一年", "2023-07-01", "2024-06-30", 12),
    ("支教时间：2023年2月20日起，期限6个月", "2023-02-20", "2023-08-19", 6),
    ("服务期限：一年半（2022年9月1日—2024年2月29日）", "2022-09-01", "2024-02-29", 18),
])
def test_assignment_periods(period, start, end, months):
    f = fields("assignment_document", f"""关于选派专业技术人员挂职锻炼的通知
经研究，决定选派我院刁文涛同志到栾川县人民医院挂职。
{period}
洛阳市第三人民医院
2023年1月10日""")
    assert (f["start_date"], f["end_date"]) == (start, end)
    assert float(f["months"]) == months


def test_assignment_years_stated_only():
    f = fields("assignment_document", """援派证明
兹证明我单位专业技术人员柏林同志，于2022年赴西藏开展援藏工作，援派期限两年。
特此证明。
郑州市第七人民医院""")
    assert float(f["months"]) == 24


# ---------------------------------------------------------------- journals: running heads and citations

@pytest.mark.parametrize("text, journal, pages", [
    ("·12·  中国全科医学 2023年3月第26卷第9期\n社区老年人跌倒风险评估\n", "中国全科医学", None),
    ("《现代预防医学》2023年第50卷第5期 第812-816页\n", "现代预防医学", "812-816"),
    ("引用本文：陆思远，田甜. 基层卫生人才培养模式探讨[J]. 卫生职业教育, 2023, 41(6): 150-152.\n",
     "卫生职业教育", "150-152"),
    ("中国实用医刊, 2023, 50(11): 88-91\n", "中国实用医刊", "88-91"),
    ("河南农业科学 2023，52(4)：34-39\n", "河南农业科学", "34-39"),
    ("[J].护理研究,2023,37(14):2561-2565.\n", "护理研究", "2561-2565"),
])
def test_journal_name_and_pages_from_citation_and_running_head(text, journal, pages):
    f = fields("journal_pages", text + "作者：陆思远，田甜\n摘要：目的 探讨……")
    assert f["journal_name"] == journal
    if pages:
        assert f["pages"] == pages


def test_journal_pages_from_running_head_folios():
    doc = doc_from_text("·150·  卫生职业教育  2023年3月第41卷第6期\n基层卫生人才培养模式探讨\n陆思远 田甜\n"
                        "（河南医学高等专科学校，河南 郑州 451191）\n摘要：目的……\f"
                        "卫生职业教育  2023年3月第41卷第6期  ·151·\n正文继续……\f"
                        "·152·  卫生职业教育  2023年3月第41卷第6期\n参考文献\n[1] 张三.……")
    f = {x.name: x.value for x in extract("journal_pages", doc)}
    assert f["journal_name"] == "卫生职业教育" and f["pages"] == "150-152"
    assert (f["year"], f["issue"]) == ("2023", "6")


# ---------------------------------------------------------------- plan filings

@pytest.mark.parametrize("text, year", [
    ("专业技术人员继续教育培训计划备案表\n计划年度：2024年\n填报单位：漯河市中心医院\n已备案", "2024"),
    ("关于2023年度全市卫生系统专业技术人员继续教育项目安排的备案函\n漯河市人力资源和社会保障局", "2023"),
    ("继续教育年度计划备案表\n年度 2023\n培训项目名称 起止时间\n临床用血管理培训班 2023.4.10-4.12", "2023"),
    ("二〇二三年度专业技术人员培训计划\n许昌市住房和城乡建设局", "2023"),
])
def test_plan_filing_year(text, year):
    assert fields("plan_filing", text)["year"] == year


def test_plan_filing_year_from_the_planned_trainings():
    f = fields("plan_filing", """专业技术人员继续教育培训计划备案表
填报单位：鹤壁市人民医院
序号 培训项目名称 培训时间 学时
1 急诊急救技能培训班 2024年3月12日至14日 24
2 医院感染防控培训班 2024年6月5日至6日 16
经审核，同意备案。
鹤壁市人力资源和社会保障局""")
    assert f["year"] == "2024"


# ---------------------------------------------------------------- completion certificates: periods

@pytest.mark.parametrize("sentence, start, end", [
    ("学员苗雨同志于2023年5月8日—12日参加心血管疾病诊疗新进展研修班学习，成绩合格，准予结业。", "2023-05-08", "2023-05-12"),
    ("苗雨同志自2023年10月9日起至2023年10月13日止参加全省基层卫生人才培训，考核合格。", "2023-10-09", "2023-10-13"),
    ("苗雨同志：\n你于二〇二三年七月十日至七月十四日参加了中药炮制技术培训班，完成规定课程。", "2023-07-10", "2023-07-14"),
    ("学习时间：2023年4月17日～2023年4月21日\n学员：苗雨\n课程：基层全科医生能力提升培训", "2023-04-17", "2023-04-21"),
    ("学员苗雨于2023.08.21-08.25在我中心参加基层医院药事管理培训班学习。", "2023-08-21", "2023-08-25"),
])
def test_completion_certificate_period_forms(sentence, start, end):
    f = fields("completion_certificate", f"结业证书\n{sentence}\n河南省卫生健康委员会\n2023年11月2日")
    assert (f["start_date"], f["end_date"]) == (start, end)


def test_completion_period_year_damaged_under_seal():
    f = fields("completion_certificate", """培训证书
学员：苗雨
培训时间：2023年5月8日至2028年5月12日
培训项目：急危重症护理技术培训班
证书编号：HN2023-0815
河南省护理学会
2023年5月12日""")
    assert (f["start_date"], f["end_date"]) == ("2023-05-08", "2023-05-12")


def test_completion_period_prefers_the_labelled_range():
    f = fields("completion_certificate", """结业证书
学员：苗雨
培训时间：2023年6月5日至6月9日
苗雨同志于2O23年6月5曰至6月9日参加培训（报到时间：2023年6月4日）。
河南省医学会
2023年6月9日""")
    assert (f["start_date"], f["end_date"]) == ("2023-06-05", "2023-06-09")


# ---------------------------------------------------------------- employer proofs of a service activity

def test_employer_proof_of_service_activity():
    f = fields("employer_proof", """证  明
兹证明我院职工邹建华（身份证号码：410303198507152516）于2023年6月16日至18日
参加洛阳市卫生健康委员会组织的“健康义诊进乡村”服务基层活动，累计服务3天。
特此证明。
洛阳市第一人民医院
2023年6月25日""")
    assert (f["person_name"], f["id_number"]) == ("邹建华", "410303198507152516")
    assert (f["start_date"], f["end_date"]) == ("2023-06-16", "2023-06-18")


def test_employer_proof_service_on_listed_days():
    f = fields("employer_proof", """单位证明
我单位专业技术人员邹建华，身份证号 4103 0319 8507 1525 16，
分别于2023年5月20日、6月17日、7月15日参加送医下乡志愿服务活动。
洛阳市第一人民医院
2023年8月1日""")
    assert f["id_number"] == "410303198507152516"
    assert (f["start_date"], f["end_date"]) == ("2023-05-20", "2023-07-15")


def test_service_notice_participation_proof_carries_the_id():
    f = fields("service_notice", """参与证明
邹建华同志（身份证号：410303198507152516）于2023年9月2日参加我委组织的科技下乡活动。
洛阳市科学技术协会
2023年9月10日""")
    assert f["id_number"] == "410303198507152516"
    assert (f["start_date"], f["end_date"]) == ("2023-09-02", "2023-09-02")


# ---------------------------------------------------------------- DOCX tables

def _docx(tmp_path, build) -> DocumentText:
    docx = pytest.importorskip("docx")
    from pipeline.readers.docxfile import read_docx

    d = docx.Document()
    build(d)
    path = tmp_path / "x.docx"
    d.save(str(path))
    return read_docx(path)


def test_docx_form_table_reaches_extractors_as_rows(tmp_path):
    def build(d):
        d.add_paragraph("专业技术人员挂职锻炼登记表")
        t = d.add_table(rows=4, cols=4)
        for r, row in enumerate([("姓名", "白雪松", "性别", "男"), ("工作单位", "开封市中心医院", "职称", "副主任医师"),
                                 ("挂职单位", "兰考县人民医院", "挂职岗位", "副院长"),
                                 ("挂职时间", "2023年3月1日至2023年8月31日", "期限", "6个月")]):
            for c, text in enumerate(row):
                t.cell(r, c).text = text
        d.add_paragraph("开封市卫生健康委员会")
        d.add_paragraph("2023年2月20日")

    doc = _docx(tmp_path, build)
    v = DocView(doc)
    row = [ln.text for ln in v.lines if abs(ln.bbox.y0 - v.lines[1].bbox.y0) < 1]
    assert row == ["姓名", "白雪松", "性别", "男"]
    f = {x.name: x.value for x in extract("assignment_document", doc)}
    assert f["person_name"] == "白雪松"
    assert (f["start_date"], f["end_date"], float(f["months"])) == ("2023-03-01", "2023-08-31", 6.0)
    assert f["issue_date"] == "2023-02-20"


def test_docx_column_table_members(tmp_path):
    def build(d):
        d.add_paragraph("河南省科技攻关项目结项证明")
        d.add_paragraph("项目名称：小麦赤霉病绿色防控技术集成")
        t = d.add_table(rows=3, cols=3)
        for r, row in enumerate([("序号", "姓名", "工作单位"), ("1", "单志刚", "河南农业大学"), ("2", "闵晓雪", "河南农业大学")]):
            for c, text in enumerate(row):
                t.cell(r, c).text = text
        d.add_paragraph("河南省科学技术厅")

    doc = _docx(tmp_path, build)
    f = {x.name: x.value for x in extract("project_proof", doc)}
    assert json.loads(f["members"]) == ["单志刚", "闵晓雪"]


# ---------------------------------------------------------------- dates under a seal

def test_issue_date_prefers_the_labelled_date():
    f = fields("award_certificate", """获奖证书
获奖者：梁晓东
发证日期：2023年6月25日
南阳市人民政府
2O28年6月2S日""", source="ocr")
    assert f["issue_date"] == "2023-06-25"


def test_issue_date_of_a_web_notice_is_its_publication_date():
    f = fields("training_notice", """全国农业技术推广服务中心 通知公告
2023年耕地质量提升与保护专题研修班开班通知
发布时间：2023-07-16 来源：培训部 浏览次数：1694
举办时间 2023.7.25至2023.7.26（为期2天）
全国农业技术推广服务中心
023年7月廿日""", source="ocr")
    assert f["issue_date"] == "2023-07-16"


def test_one_day_activity_of_an_other_proof():
    f = fields("other", """工作量证明
洛阳市农业技术推广中心常帅同志于2023-06-09应邀参加2023年洛阳市专业技术人员继续教育，担任科普讲座主讲人，圆满完成各项任务。
特此证明。
洛阳市科学技术协会
2023年6月25日""")
    assert (f["start_date"], f["title"], f["issue_date"]) == ("2023-06-09", "科普讲座主讲人", "2023-06-25")


@pytest.mark.parametrize("body", [
    "兹证明张三同志于2023年6月9日在新乡市科技馆担任科普讲座主讲人，表现突出。",
    "2023年6月9日，张三同志应邀为全市基层医务人员作《高血压防治》专题讲座。",
    "张三同志于二〇二三年六月九日受邀担任全市职业技能大赛评委。",
    "张三同志于2023年6月9日为我单位职工讲授《安全生产》课程，共2学时。",
    "张三同志2023年6月9日参加了全市科普宣传活动，担任讲解员。",
    "兹有张三同志在2023年6月9日举办的全市技能竞赛中担任裁判。",
    "活动时间：2023年6月9日\n活动内容：科普讲座\n主讲人：张三",
    "张三同志于2023年6月9日下午在市第一人民医院开展义诊活动。",
    "2023年6月9日上午，张三同志在市科技馆作科普报告。",
    "兹聘请张三同志为新乡市科普讲师团讲师，聘期自2023年6月9日起。",
    "张三同志于2023.6.9到我校开展专题讲座。",
    "经研究，决定聘任张三同志为评审专家，自2023年6月9日起生效。",
])
def test_the_day_of_a_one_day_activity_in_other_wordings(body):
    f = fields("other", "证明\n" + body + "\n特此证明。\n新乡市科学技术协会\n2023年6月25日")
    assert (f.get("start_date"), f.get("issue_date")) == ("2023-06-09", "2023-06-25")


@pytest.mark.parametrize("body,start,end", [
    ("请于2023年6月9日前将材料报送至市人社局，再到市人社局参加审核。", None, None),  # a deadline
    ("张三同志于2023年6月9日至6月10日参加了全市科普宣传活动。", "2023-06-09", "2023-06-10"),  # a range
])
def test_a_deadline_or_a_range_is_no_one_day_activity(body, start, end):
    f = fields("other", "证明\n" + body + "\n特此证明。\n新乡市科学技术协会\n2023年6月25日")
    assert (f.get("start_date"), f.get("end_date")) == (start, end)


def test_assessment_date_cell_whose_label_lost_a_character_under_the_seal():
    doc = grid_doc([[("姓名", 80), ("秦玉兰", 200), ("性别", 600), ("女", 700)],
                    [("进修时间", 80), ("2023年5月1日至2023年10月3日", 200)],
                    [("鉴定单位", 80), ("河南省肿瘤医院", 200), ("鉴时间2023年10月6日", 640)]], head=["进修人员鉴定表"])
    f = {x.name: x.value for x in extract("assessment_proof", doc)}
    assert f["issue_date"] == "2023-10-06" and f["end_date"] == "2023-10-03"


_PROOF_BODY = ("工作证明\n兹证明张三同志（身份证号：410102198501012345）系我单位在职专业技术人员，于2023年5月8日至"
               "2023年5月12日参加河南省卫生健康委员会举办的培训班，期间工资照发。\n特此证明。\n")


@pytest.mark.parametrize("tail", [
    "河南省专业技术人员继续教育基地（郑州大学） 2023年9月24日",  # a long issuer before the date
    "河南省人民医院\n二〇二三年九月廿四日",  # 廿 = 20
    "河南省人民医院\n时间：2023年9月24日",
    "河南省人民医院\n2023年9月24日\n附件\n培训日程\n2023年5月8日 开班\n2023年5月9日 讲座\n2023年5月10日 讲座\n"
    "2023年5月11日 实操\n2023年5月12日 考核\n备注 无\n其他 无\n联系人 李四",  # an attachment after it
])
def test_signature_dates_of_other_layouts(tail):
    assert fields("employer_proof", _PROOF_BODY + tail)["issue_date"] == "2023-09-24"


@pytest.mark.parametrize("boxes", [[("2023年", 700), ("9月", 820), ("24日", 900)], [("2023年9月", 700), ("24日", 900)]])
def test_signature_date_ocr_split_into_boxes(boxes):
    doc = grid_doc([[("特此证明。", 80)], [("河南省人民医院", 700)], boxes],
                   head=["工作证明", "兹证明张三同志系我单位在职专业技术人员，", "于2023年5月8日至2023年5月12日参加培训。"])
    assert {x.name: x.value for x in extract("employer_proof", doc)}["issue_date"] == "2023-09-24"


def test_signature_year_is_kept_when_the_document_number_year_is_the_misread():
    f = fields("plan_filing", """培训计划备案表
平人社继备【2028〕25号
序号 培训名称 时间
1 2023年急救技能培训 2023年5月
2 2023年院感防控培训 2023年6月
已备案。
平顶山市人力资源和社会保障局
2023年02月14日""")
    assert f["issue_date"] == "2023-02-14"


def test_two_numeral_signature_year_outside_the_documents_years_takes_theirs():
    f = fields("leader_endorsement", "批示\n关于2023年全市高标准农田建设的调研报告\n请各部门认真研究落实。\n安阳市人民政府\n上二六年八月二日")
    assert f["issue_date"] == "2023-08-02"


@pytest.mark.parametrize("tail", ["年7月30日", "7月30日", "年七月三十日", ".07.30", "/7/30",
                                  "二三三年七月三十日", "二二三年七月三十日"])  # a year no year reads from
def test_signature_date_whose_year_the_seal_took_takes_the_documents_year(tail):
    """'洛阳' / '第一高级中' / '年7月30日': a photographed signature whose seal hid the year (or left
    it garbled)."""
    f = fields("employer_proof", "关于冯辉同志参加培训的情况说明\n我单位冯辉同志于2023年7月13日至16日参加了河南师范大学举办的"
                                 "“2023年中小学班主任专业能力提升高级研修班”，培训期间无缺勤。\n本单位对上述情况的真实性负责。\n"
                                 f"洛阳\n第一高级中\n{tail}")
    assert f["issue_date"] == "2023-07-30"


def test_a_signature_date_read_to_the_month_has_its_damaged_year_settled():
    """'2033/9/A7': the day lost, the year one confusable digit off the document's 2023."""
    f = fields("employer_proof", "证明\n兹证明张建华同志于2023年5月8日至2023年5月12日参加了培训，共计40学时。\n特此证明。\n"
                                 "南阳市第二中学\n2033/9/A7")
    assert f["issue_date"] == "2023-09"


@pytest.mark.parametrize("tail", ["07.30", "第2页", ".13.30", "-1-"])
def test_a_bare_number_pair_is_no_yearless_date(tail):
    """Only month and day after a year's lost separator count: not a page mark, not 13.30."""
    f = fields("employer_proof", "证明\n兹证明冯辉同志于2023年7月13日至16日参加了培训，培训期间无缺勤。\n洛阳市第一高级中学\n"
                                 f"{tail}")
    assert "issue_date" not in f


def test_a_full_signature_date_beats_a_yearless_one():
    f = fields("employer_proof", "证明\n兹证明张三同志于2022年参加培训。\n漯河市中心医院\n2023年1月5日\n经办：李四 8月15日")
    assert f["issue_date"] == "2023-01-05"


# ---------------------------------------------------------------- more layouts (from reading family D)

def test_patent_register_copy_is_dated_when_signed():
    f = fields("patent_certificate", """专利登记簿副本
专利类型 实用新型
专利号 ZL 2022 2 0456789.1
申请日 2022-03-14
授权公告日 2022-09-30
实用新型名称 一种便携式输液架
发明人 马思远·韦明·乔欣悦
专利权人 南阳市第二人民医院
上述内容与专利登记簿记载一致。
国家知识产权局
2023年5月16日""")
    assert f["issue_date"] == "2023-05-16" and f["grant_date"] == "2022-09-30"
    assert json.loads(f["inventors"]) == ["马思远", "韦明", "乔欣悦"]


def test_dotted_names_with_one_surname_misread():
    f = fields("patent_certificate", "发明专利证书\n发明人：万涛·杂林·姚婷·易建华\n专利号：ZL 2021 1 0681537.9")
    assert json.loads(f["inventors"]) == ["万涛", "杂林", "姚婷", "易建华"]


def test_query_printout_photographed_at_a_slant():
    # the header row and the value row climb to the right (a phone held askew)
    xs = [60, 160, 330, 480, 560, 690]
    head = ["姓名", "证件号码", "资格名称", "级别", "批准日期", "管理号"]
    vals = ["沈佳怡", "410102199005124528", "中级注册安全工程师", "执业资格", "2023年07月08日", "20234142252783"]
    lines = [Line(text=t, bbox=BBox(x0=x, y0=300 - 0.1 * x, x1=x + 20 * len(t) if len(t) < 9 else x + 120,
                                    y1=326 - 0.1 * x), confidence=0.95) for t, x in zip(head, xs)]
    lines += [Line(text=t, bbox=BBox(x0=x, y0=340 - 0.1 * x, x1=x + 20 * len(t) if len(t) < 9 else x + 120,
                                     y1=366 - 0.1 * x), confidence=0.95) for t, x in zip(vals, xs)]
    doc = DocumentText(source="ocr", engine="synthetic", pages=[Page(number=1, width=1000, height=800, lines=lines)])
    f = {x.name: x.value for x in sorted(extract("qualification_certificate", doc), key=lambda x: x.confidence)}
    assert (f["person_name"], f["qualification_name"], f["qualification_level"]) == ("沈佳怡", "中级注册安全工程师", "practising")
    assert (f["certificate_number"], f["pass_date"]) == ("20234142252783", "2023-07-08")


def test_name_label_with_its_first_character_lost():
    doc = grid_doc([[("名", 100), ("白丹", 180), ("性别", 420), ("女", 500)],
                    [("身份证号", 60), ("412535198105031543", 180)]], head=["继续教育培训合格证"])
    assert {x.name: x.value for x in extract("completion_certificate", doc)}["person_name"] == "白丹"


def test_hours_in_the_cell_beside_their_label():
    doc = grid_doc([[("学员姓名", 60), ("康强", 260)], [("获得学时", 60), ("16", 260)],
                    [("培训时间", 60), ("2023-05-12~2023-05-12", 260)]], head=["电子培训证明"])
    f = {x.name: x.value for x in extract("completion_certificate", doc)}
    assert f["hours_stated"] == "16" and (f["start_date"], f["end_date"]) == ("2023-05-12", "2023-05-12")


@pytest.mark.parametrize("rows, want", [
    ([[("培训项目", 60), ("培训时间", 420), ("学时数", 760)],
      [("基层卫生人员能力提升培训", 60), ("2023.5.8-2023.5.12", 420), ("40", 770)]], "40"),   # one row under a 学时 column
    ([[("课程", 60), ("授课日期", 420), ("学时", 760)], [("院感防控", 60), ("2023.5.8", 420), ("16", 770)],
      [("急救技能", 60), ("2023.5.9", 420), ("24", 770)], [("合计", 60), ("40", 770)]], "40"),  # its 合计 row
    ([[("课程", 60), ("授课日期", 420), ("学时", 760)], [("院感防控", 60), ("2023.5.8", 420), ("16", 770)],
      [("急救技能", 60), ("2023.5.9", 420), ("24", 770)]], None),  # rows without a total state no total
])
def test_hours_in_a_table_column(rows, want):
    doc = grid_doc(rows, head=["培训证明", "学员：康强"], tail=["河南省卫生健康委员会"])
    assert {x.name: x.value for x in extract("completion_certificate", doc)}.get("hours_stated") == want


@pytest.mark.parametrize("sentence, start, end", [
    ("叶佳同志于二二三年四月十九日至二十二日参加研修班。", "2023-04-19", "2023-04-22"),  # 〇 dropped
    ("万晓东同志于二〇二三年三月二十四日一二〇二三年三月二十六日参加培训班。", "2023-03-24", "2023-03-26"),  # 一 for —
    ("自二〇二三年十一月二十三日起至二〇二三年十一\n月二十四日止参加培训。", "2023-11-23", "2023-11-24"),  # broken line
])
def test_ocr_damaged_ranges(sentence, start, end):
    f = fields("completion_certificate", f"培训证书\n{sentence}\n中国教育学会\n2023年12月1日")
    assert (f["start_date"], f["end_date"]) == (start, end)


def test_journal_cover_volume_number_year():
    f = fields("journal_pages", "中国康复理论与实践\nChinese Journal of Rehabilitation Theory and Practice\nVol.29 No.6 2023\n"
                                "ISSN 1006-9771")
    assert (f["year"], f["issue"]) == ("2023", "6")


def test_contents_entry_starting_with_its_page():
    f = fields("journal_pages", "本期目次\n46 2型糖尿病患者自我管理干预研究\n姜平·易子豪\n51 社区护理质量评价体系构建\n毛涛·胡军")
    arts = json.loads(f["articles"])
    assert arts[0]["title"] == "2型糖尿病患者自我管理干预研究" and arts[1]["authors"] == ["毛涛", "胡军"]


def test_word_count_on_a_spaced_copyright_page():
    f = fields("book_pages", "图书在版编目(CIP)数据\n书名 基层护理实务\n开\n本 787mm×1092mm 1/16\n字\n数 380千\n"
                             "版\n次 2023年6月第1版\nISBN 978-7-5349-2615-0")
    assert f["word_count"] == "380000"


def test_signature_year_before_its_own_document_number_is_a_misread():
    f = fields("plan_filing", """继续教育年度培训计划备案登记表
计划年度：2023年度
备案编号：新人社继备〔2023〕48号
报备单位：新乡市农业农村局
新乡市人力资源和社会保障局
二〇二二年二月十三日""", source="ocr")
    assert f["issue_date"] == "2023-02-13" and f["filer"] == "新乡市农业农村局"


def test_signature_two_years_after_the_event_is_a_misread():
    f = fields("sick_leave_proof", """病假证明单
姓名 叶佳 性别 女
建议：病休6个月（2023.06.01～2023.11.30）
河南省胸科医院
2025年5月29日""", source="ocr")
    assert f["issue_date"] == "2023-05-29"


def test_transcript_exam_date_column():
    f = fields("transcript", """课程考试成绩登记表
姓名：冯明
课程编号 课程名称 学时 考核方式 成绩 考核时间
M31716 学术英语 32 考试 63 2022-12
K49019 高级作物栽培学 32 考试 86 2023-06""")
    rows = json.loads(f["courses"])
    assert [(r["course"], r["year"]) for r in rows] == [("学术英语", 2022), ("高级作物栽培学", 2023)]


@pytest.mark.parametrize("heading, title", [
    ("关于组织开展2023年畜禽养殖疫病防控技术培训班的通知", "2023年畜禽养殖疫病防控技术培训班"),
    ("关于开办2023年心理健康教育实务高级研修班的通知", "2023年心理健康教育实务高级研修班"),
])
def test_notice_heading_with_chained_verbs(heading, title):
    f = fields("training_notice", f"平顶山市农业农村局\n平农〔2023〕94号\n{heading}\n各有关单位：\n定于2023年6月20日至22日举办。")
    assert f["title"] == title


def test_service_notice_heading_names_who_takes_part():
    f = fields("service_notice", "关于组织专家参加2023年“百名专家进基层”志愿服务活动的通知\n各单位：\n"
                                 "定于2023年5月20日开展活动。\n洛阳市科学技术协会\n2023年5月5日")
    assert f["title"] == "“百名专家进基层”志愿服务活动"


def test_invitation_names_the_conference_it_holds():
    f = fields("conference_notice", """邀 请 函
尊敬的夏龙专家：
中国作物学会定于2023.11.03~2023.11.04在河南省人民会堂举办中国作
物学会2023年学术年会。诚挚邀请您拨冗出席。
中国作物学会
2023年9月17日""")
    assert f["title"] == "中国作物学会2023年学术年会" and f["person_name"] == "夏龙"


def test_award_title_before_ronghuo_and_a_broken_award_name():
    f = fields("award_certificate", """获 奖 证 书
“优质花生耐逆新品种选育与应用”荣获2022年度河南省医
学科学技术进步奖贰等奖。
主要完成人：易家豪、毛海燕、何杰、汪丽、史龙、王文博、金
红、卢燕
河南省卫生健康委员会
2023年9月15日""")
    assert f["title"] == "优质花生耐逆新品种选育与应用"
    assert f["award_name"] == "河南省医学科学技术进步奖" and f["award_grade"] == "二等"
    assert json.loads(f["awardees"]) == ["易家豪", "毛海燕", "何杰", "汪丽", "史龙", "王文博", "金红", "卢燕"]


def test_plan_filer_is_the_addressee_of_the_reply():
    f = fields("plan_filing", "专业技术人员继续教育培训计划备案通知书\n备案号：许人社继备〔2023〕32号\n许昌市住房和城乡建设局：\n"
                              "你单位报送的2023年度继续教育培训计划已收悉，准予备案。\n许昌市人力资源和社会保障局\n2023年04月15日")
    assert f["filer"] == "许昌市住房和城乡建设局" and f["year"] == "2023"


def test_assignment_form_names_the_assignment_kind():
    doc = grid_doc([[("姓名", 60), ("钟立新", 200)], [("选派类别", 60), ("驻村帮扶", 200)],
                    [("派出时间", 60), ("2023年10月01日—2024年02月29日", 200)], [("派出期限", 60), ("5个月", 200)]],
                   head=["对口支援（驻村帮扶）人员登记表"])
    f = {x.name: x.value for x in extract("assignment_document", doc)}
    assert f["title"] == "驻村帮扶" and float(f["months"]) == 5


def test_resident_id_with_an_impossible_birth_year_read_by_ocr():
    f = fields("completion_certificate", "培训合格证\n姓名：谭志强\n身份证号：412428297005155115", source="ocr")
    assert f["id_number"] == "412428197005155115"
    # born-digital text is what it says: a wrong ID stays wrong (invalid_checksum)
    assert fields("completion_certificate", "姓名：谭志强\n身份证号：412428297005155115")["id_number"] == "412428297005155115"


def test_resident_id_with_a_region_code_that_does_not_exist():
    # 410305 (涧西区) read as 400305: only one region digit gives a real region and the check digit
    f = fields("completion_certificate", "培训合格证\n姓名：谭志强\n身份证号：400305198912013965", source="ocr")
    assert f["id_number"] == "410305198912013965"
    # a real region with a wrong check digit is what a made-up number looks like: kept as read
    f = fields("completion_certificate", "培训合格证\n姓名：谭志强\n身份证号：410305198912013964", source="ocr")
    assert f["id_number"] == "410305198912013964"


def test_project_number_under_a_bare_label_and_a_research_group():
    f = fields("project_proof", "立项证书\n编号：223111800104\n国家自然科学基金面上项目课题组成员情况表\n课题组成员：徐晓静、郝旭")
    assert f["certificate_number"] == "223111800104" and f["project_role"] == "main"


def test_bare_colon_lines_are_salutations_only_when_the_letter_says_nin():
    assert "person_name" not in fields("conference_notice", "关于召开2023年全省护理学术会议的通知\n各会员单位：\n"
                                                          "会议定于2023年6月2日至4日召开。\n任务：\n专题报告\n费用：\n食宿自理。")
    assert fields("conference_notice", "邀请函\n曹建国：\n您好！兹定于2023年6月2日至4日召开全省护理学术会议，诚邀您参加。"
                                       )["person_name"] == "曹建国"


# ---------------------------------------------------------------- a table's date is no signature date

def _plan_photo(signature: str) -> DocumentText:
    """A plan-filing reply photographed skewed: its training list (title | month | hours), each
    row's cells drifting down to the right, then the issuer and `signature`."""
    def box(text, x, y, h=24):
        return Line(text=text, bbox=BBox(x0=x, y0=y, x1=x + 20 * len(text), y1=y + h), confidence=0.9)

    lines = [box("关于市住房和城乡建设局2023年度继续教育培训计划备案的复函", 100, 40),
             box("经审核，予以备案。附件：备案培训项目清单", 100, 80), box("项目名称", 180, 120), box("举办时间", 540, 124)]
    for i, (title, month, hours) in enumerate([("2023年建设工程质量安全管理培训班", "2023年5月", "16"),
                                               ("2023年城市道路养护新技术培训班", "2023年6月", "24"),
                                               ("2023年装配式建筑设计与施工技术培训班", "2023年8月", "8")]):
        y = 160 + 28 * i
        lines += [box(title, 100, y), box(month, 540, y + 16), box(hours, 660, y + 24)]
    lines += [box("新乡市人力资源和社会保障局", 480, 300), box(signature, 520, 336)]
    return DocumentText(source="ocr", engine="synthetic", pages=[Page(number=1, width=800, height=1100, lines=lines)])


def test_a_table_month_is_not_taken_for_a_lost_signature_date():
    """The signature date read garbled: no date rather than a table row's month joined with the
    hours cell right of it ('2023年8月' + '8' read as 2023-08-08)."""
    got = {f.name: f.value for f in extract("plan_filing", _plan_photo("2023年0月月09日"))}
    assert got.get("issue_date") is None
    got = {f.name: f.value for f in extract("plan_filing", _plan_photo("2023年4月9日"))}
    assert got["issue_date"] == "2023-04-09"


def test_a_sub_project_wrapped_in_a_narrow_cell_is_still_a_sub_project():
    """'河南省重点研发专项子课' | '题': the table cell wrapped its last character onto a line of its own."""
    f = fields("project_proof", "课题结题验收书\n核心素养导向的职业教育课堂教\n项目名称\n学评价研究\n河南省重点研发专项子课\n项目编号\n"
                                "223111693105\n项目类别\n题\n课题负责人\n常婷\n专家组意见:同意结题。\n河南省科学技术厅\n2023年04月27日")
    assert f["project_role"] == "sub"
    # a word that merely starts with 子 at a line's end is no sub-project
    assert fields("project_proof", "课题结题证书\n课题名称：城市绿化子\n树种选育研究\n课题负责人：常婷")["project_role"] == "main"


def test_a_grid_whose_name_cell_did_not_read_gives_no_name():
    """'姓名' with its value cell lost on a photo: the next label ('证件号码') is no name."""
    doc = grid_doc([[("姓名", 100), ("性别", 420), ("女", 500)],
                    [("证件号码", 60), ("410104198312133982", 180)]], head=["卫生专业技术资格考试合格证明"])
    assert "person_name" not in {x.name for x in extract("qualification_certificate", doc)}


def test_a_national_funder_misread_in_the_heading_and_signature_is_still_national():
    """'国冢自然科学基金委员会' (家 misread) heads and signs a conclusion notice to a unit in Henan:
    the project is national, not provincial by the unit's '河南省'; a provincial department
    one glyph off ('河南省科学技本厅') stays provincial."""
    text = ("国冢自然科学基金委员会\n关于下达2023年度项目结题结果的通知\n河南省人民医院：\n"
            "你单位承担的“急性心肌梗死早期预警模型研究”项目已通过结题验收。\n国冢自然科学基金委员会\n2023年7月1日")
    assert fields("project_proof", text)["project_level"] == "national"
    assert fields("project_proof", "结项证书\n项目名称：某某技术研究\n承担单位：许昌学院\n河南省科学技本厅\n2023年3月1日"
                  )["project_level"] == "provincial"


@pytest.mark.parametrize("text, name", [
    ("邀请函\n尊敬的张明专家：\n兹定于2023年9月15日举办漯河市基层医疗培训会，特邀请您作专题讲座。\n漯河市卫生健康委员会\n2023年9月1日", "张明"),
    ("感谢信\n刘平老师：\n感谢您为我市2023年专业技术人员继续教育授课。\n漯河市人力资源和社会保障局\n2023年9月1日", "刘平"),
])
def test_letter_salutation_with_a_courtesy_title_names_the_person(text, name):
    assert fields("other", text)["person_name"] == name


def test_letter_salutation_to_a_group_names_no_one():
    assert "person_name" not in fields("other", "邀请函\n尊敬的各位专家：\n兹定于2023年9月15日举办培训会。\n漯河市卫生健康委员会\n2023年9月1日")


def test_appointment_addressed_to_you():
    """'聘任您为…' (the letter speaks to the appointee): the role, without 您为."""
    f = fields("other", "聘 书\n张明同志：\n经研究，决定聘任您为2023年漯河市专业技术人员继续教育兼职教师，聘期两年。\n"
                        "漯河市人力资源和社会保障局\n二〇二三年三月一日")
    assert f["title"] == "专业技术人员继续教育兼职教师" and f["person_name"] == "张明"


@pytest.mark.parametrize("text, title", [
    ("继续医学教育学分证书\n王丽娟 同志于2023年6月8日至2023年6月10日参加国家级继续医学教育项目“心血管疾病新进展研讨班”"
     "（项目编号：2023-04-01-123(国)），经考核合格，授予I类学分6分。\n中华医学会\n2023年6月10日", "心血管疾病新进展研讨班"),
    ("证书\n王丽娟同志参加了“2023年基层医师规范化培训会”，完成全部学习任务。\n共计16学时。\n漯河市卫生健康委员会\n2023年6月10日",
     "2023年基层医师规范化培训会"),
    ("证书\n王丽娟同志参加河南省护理学会举办的“急危重症护理工作坊”，成绩合格。\n学时：12\n河南省护理学会\n2023年6月10日",
     "急危重症护理工作坊"),
])
def test_certificate_titles_of_other_event_words_and_quoted_names(text, title):
    """研讨班, 培训会, 工作坊 name events too; a name quoted after what it is (…项目“X”) is X."""
    assert fields("completion_certificate", text)["title"] == title


@pytest.mark.parametrize("head, names", [
    ("李建国 王芳 赵强：", ["李建国", "王芳", "赵强"]),
    ("李建国　王芳：", ["李建国", "王芳"]),
])
def test_award_completers_addressed_apart_by_spaces(head, names):
    f = fields("award_certificate", f"荣誉证书\n{head}\n你们完成的“基层慢病管理模式研究”项目荣获2022年度安阳市科学技术进步奖二等奖。\n"
                                    "特发此证，以资鼓励。\n安阳市人民政府\n二〇二三年四月")
    assert json.loads(f["awardees"]) == names


def test_award_addressed_to_an_organisation_names_no_completers():
    f = fields("award_certificate", "荣誉证书\n安阳市 人民医院：\n你单位完成的项目荣获2022年度安阳市科学技术进步奖二等奖。\n安阳市人民政府\n2023年4月1日")
    assert "awardees" not in f


def test_contents_entries_with_title_leader_authors_and_page_on_one_line():
    f = fields("journal_pages", "中华护理杂志\n2023年第58卷第6期\nISSN 0254-1769\nCN 11-2234/R\n目次\n"
                                "基层医院急诊护理质量改进实践 …… 李建国 王芳 赵强（645）\n糖尿病足护理研究进展 …… 孙丽 周敏（652）")
    assert json.loads(f["articles"]) == [
        {"title": "基层医院急诊护理质量改进实践", "authors": ["李建国", "王芳", "赵强"], "start": 645},
        {"title": "糖尿病足护理研究进展", "authors": ["孙丽", "周敏"], "start": 652}]


@pytest.mark.parametrize("text, ends", [
    ("2023年5月8日上午8:30至5月12日下午17:00", [("2023-05-08", "2023-05-12")]),
    ("2023年5月8日（周一）至5月12日（周五）", [("2023-05-08", "2023-05-12")]),
    ("2023年5月8日下午至9日上午", [("2023-05-08", "2023-05-09")]),
    ("2023年5月8日 8:30-17:00", []),  # the hours of one day
])
def test_ranges_with_the_weekday_or_time_of_day_after_the_first_day(text, ends):
    from extractors._text.dates import find_ranges
    assert [(r.start.isoformat(), r.end.isoformat()) for r in find_ranges(text)] == ends


@pytest.mark.parametrize("line", ["附：关于我市基层急诊服务能力建设的调研报告（李建国、王芳）",
                                  "关于我市基层急诊服务能力建设的调研报告（李建国 王芳）"])
def test_endorsed_report_with_its_authors_after_its_title(line):
    f = fields("leader_endorsement", f"安阳市人民政府\n领导批示\n市长张伟批示：该调研报告很有价值，请卫健委认真研究落实。\n2023年5月18日\n{line}")
    assert (f["title"], json.loads(f["authors"])) == ("我市基层急诊服务能力建设", ["李建国", "王芳"])


def test_qualification_named_in_its_sentence_over_its_subject():
    """'取得中级经济师资格' names the qualification; '专业：人力资源管理' is only its subject."""
    f = fields("qualification_certificate", "全国专业技术人员职业资格证书\n李建国\n身份证件号码：410521198507123017\n"
                                            "通过全国统一考试，取得中级经济师资格。\n专业：人力资源管理\n批准日期：2023年11月\n"
                                            "管理号：2023011410000123\n人力资源和社会保障部")
    assert (f["qualification_name"], f["qualification_level"]) == ("中级经济师", "intermediate")


def test_certificate_number_labelled_as_its_code():
    """资格证书编码 (a physician's certificate code, which holds the resident ID in it)."""
    f = fields("qualification_certificate", "医师资格证书\n姓名：李建国\n身份证号：410521198507123017\n医师资格级别：执业医师\n"
                                            "资格证书编码：202341110410521198507123017\n签发单位：河南省卫生健康委员会\n签发日期：2023年10月20日")
    assert f["certificate_number"] == "202341110410521198507123017" and f["id_number"] == "410521198507123017"


@pytest.mark.parametrize("text, ends", [
    ("培训时间：2023.5.8-12，共5天", [("2023-05-08", "2023-05-12")]),  # the end written as its day alone
    ("2023.5.8-12:00", []),  # a time of day, not a day
    ("2023.5.12-8", []),  # not a later day
])
def test_numeric_range_ending_in_a_bare_day(text, ends):
    from extractors._text.dates import find_ranges
    assert [(r.start.isoformat(), r.end.isoformat()) for r in find_ranges(text)] == ends


def test_hours_with_their_kind_between_figure_and_unit():
    f = fields("training_notice", "关于举办2023年漯河市基层医师培训班的通知\n各单位：\n培训时间：2023年5月8日至12日。\n"
                                  "培训合格者授予24个继续教育学时。\n漯河市卫生健康委员会\n2023年5月2日")
    assert f["hours_stated"] == "24"


@pytest.mark.parametrize("body, name", [
    ("我院医师李建国（身份证号：410521198507123017）于2023年5月参加培训。", "李建国"),
    ("学员李建国（身份证号：410521198507123017）参加培训。", "李建国"),
    ("我院职工欧阳晓明（公民身份证号码410521198507123017）参加培训。", "欧阳晓明"),
])
def test_name_between_who_the_person_is_and_the_bracketed_id(body, name):
    assert fields("employer_proof", f"证明\n{body}\n安阳市人民医院\n2023年5月22日")["person_name"] == name


def test_presentation_at_a_quoted_conference():
    f = fields("presentation_proof", "证明\n李建国同志于2023年9月23日在“河南省医学会急诊医学分会2023年学术年会”上作题为"
                                     "《基层急诊分级救治体系建设》的专题报告。\n特此证明。\n河南省医学会急诊医学分会\n2023年9月25日")
    assert (f["title"], f["article_title"]) == ("河南省医学会急诊医学分会2023年学术年会", "基层急诊分级救治体系建设")
