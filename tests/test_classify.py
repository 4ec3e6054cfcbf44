"""Document-kind classification (seeds and one realistic text per kind) and claim categories."""

from pathlib import Path

import pytest

from extractors._base import doc_from_text
from pipeline.classify import classify_claim, classify_document
from pipeline.nlp import KIND_CUES, find_cues
from schemas.kinds import DocKind
from schemas.records import ClaimContext, ClaimDocument, ExtractedField

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seeds_are_policy_notices(path):
    guess = classify_document(doc_from_text(path.read_text(encoding="utf-8")))
    assert guess.kind == DocKind.policy_notice and guess.confidence > 0.8


KIND_TEXTS = [
    ("training_notice", "关于举办2023年全市医疗质量管理培训班的通知\n郑卫科教〔2023〕15号\n培训时间：2023年6月12日至16日\n培训地点：市卫健委培训中心\n参训人员：各医院质控科负责人"),
    ("completion_certificate", "结 业 证 书\n王小明同志于2023年5月8日至12日参加基层医疗卫生人员能力提升培训班学习，经考核合格，准予结业。\n共计40学时"),
    ("completion_certificate", "继续教育学时证明\n张伟同志参加了2023年度专业科目网络培训，完成培训，获得24学时。"),
    ("employer_proof", "单位证明\n兹证明我单位职工李娜同志于2023年6月12日至16日参加市卫健委举办的培训，情况属实。\n特此证明。\n郑州市第一人民医院"),
    ("transcript", "研究生课程成绩单\n姓名：赵强\n课程名称 学分 成绩\n高级临床医学 3 85\n医学统计学 2 良好"),
    ("assessment_proof", "年度考核证明\n兹证明徐明同志在2023年度考核中被评为优秀等次。\n南阳市中心医院"),
    ("conference_notice", "关于召开2023年河南省医学会心血管病学术年会的通知\n会议时间：2023年9月14日\n会议地点：郑州\n参会人员请于9月13日报到"),
    ("presentation_proof", "证明\n兹证明刘洋同志在2023年河南省护理学会学术年会上宣读论文《早期康复护理的影响》。\n河南省护理学会"),
    ("project_proof", "河南省科技攻关项目立项通知书\n项目编号：232102310123\n项目名称：基层慢病管理研究\n项目负责人：周杰\n课题组成员：周杰、吴敏"),
    ("book_pages", "图书在版编目（CIP）数据\n内科护理学/张三主编. —郑州：郑州大学出版社，2023.5\nISBN 978-7-5645-9876-1\n开本：16开 印张：25 字数：560千字\n定价：68.00元"),
    ("journal_pages", "中国实用护理杂志\n2023年第5期\nISSN 1672-7088 CN 11-5234/R\n摘要：目的 探讨……\n关键词：脑卒中\n中图分类号：R473 文献标识码：A"),
    ("patent_certificate", "证书号第6123456号\n发明专利证书\n发明名称：一种医学影像分割方法\n发明人：张三;李四\n专利号：ZL 2021 1 0123456.7\n授权公告日：2023年06月13日"),
    ("award_certificate", "获奖证书\n黄河流域生态保护关键技术研究项目荣获2023年度河南省科学技术进步奖二等奖。\n特发此证，以资鼓励。"),
    ("qualification_certificate", "专业技术资格证书\n姓名：孙丽\n资格名称：主治医师\n管理号：2023041010000123\n中华人民共和国人力资源和社会保障部"),
    ("leader_endorsement", "领导批示件\n报告题目：关于我市基层医疗服务能力的调研报告\n批示领导：副市长\n批示内容：请卫健委研究落实。"),
    ("assignment_document", "关于选派第十批援疆干部人才的通知\n漯组通〔2022〕8号\n经研究，决定选派马力同志赴新疆哈密市挂职，开展援疆工作。"),
    ("service_notice", "关于开展“三下乡”义诊服务基层活动的通知\n定于2023年7月10日至14日在舞阳县开展送医下乡、巡回医疗活动。"),
    ("plan_filing", "2023年度专业技术人员继续教育培训计划备案表\n序号 培训项目名称 学时\n1 心血管急危重症救治培训班 24\n同意备案"),
    ("sick_leave_proof", "郑州大学第一附属医院\n诊断证明书\n姓名：吕伟\n诊断：腰椎间盘突出症\n建议全休，病假六个月。\n医师签名：林"),
    ("maternity_proof", "生育证明\n朱琳于2023年4月10日分娩，产假时间为2023年4月1日至9月6日。"),
    ("overseas_proof", "境外工作证明\n邓超同志经公派于2022年9月至2023年8月赴美国斯坦福大学作访问学者，出国一年。"),
    ("other", "会议室使用登记表\n登记人 使用时间 备注"),
    ("other", ""),
]


@pytest.mark.parametrize("kind, text", KIND_TEXTS, ids=[f"{k}-{i}" for i, (k, _) in enumerate(KIND_TEXTS)])
def test_kind_texts(kind, text):
    guess = classify_document(doc_from_text(text))
    assert guess.kind.value == kind, guess.scores
    assert 0 <= guess.confidence <= 1 and abs(sum(guess.scores.values()) - 1) < 0.05


def test_ocr_spacing_and_traditional_characters():
    guess = classify_document(doc_from_text("結 業 證 書\n經考核合格，准予結業", source="ocr"))
    assert guess.kind == DocKind.completion_certificate


def test_title_weighs_more_than_body():
    title_first = classify_document(doc_from_text("获奖证书\n" + "正文内容\n" * 10 + "单位证明"))
    assert title_first.kind == DocKind.award_certificate


def test_cue_table_has_no_phrase_in_two_kinds():
    seen = {}
    for kind, cues in KIND_CUES.items():
        for phrase in cues:
            assert phrase not in seen, (phrase, kind, seen.get(phrase))
            seen[phrase] = kind


def test_longest_cue_wins():
    cues = find_cues("实用新型专利证书")
    assert [(c.kind, c.phrase) for c in cues] == [("patent_certificate", "实用新型专利证书")]


# ---------------------------------------------------------------- claim categories

def doc(kind, text="", conf=0.9, **fields):
    return ClaimDocument(doc_id=f"d-{kind}", path=f"p/{kind}.pdf", doc_kind=DocKind(kind), doc_kind_confidence=conf,
                         text=text, fields=[ExtractedField(name=k, value=v) for k, v in fields.items()])


def claim(*docs, unit="郑州市第一人民医院"):
    return ClaimContext(claim_id="c1", person_id="p1", year=2023, person_name="王小明", unit=unit, documents=list(docs))


@pytest.mark.parametrize("kind, category", [
    ("patent_certificate", 7), ("award_certificate", 8), ("qualification_certificate", 9), ("transcript", 3),
    ("journal_pages", 6), ("book_pages", 6), ("conference_notice", 4), ("presentation_proof", 4),
    ("project_proof", 5), ("leader_endorsement", 10), ("assignment_document", 11), ("service_notice", 12),
    ("sick_leave_proof", 15), ("maternity_proof", 15), ("overseas_proof", 15),
])
def test_direct_categories(kind, category):
    guess = classify_claim(claim(doc(kind), doc("employer_proof")))
    assert guess.category == category and guess.confidence > 0.5 and f"第{category}类" in guess.reason


def test_training_at_ce_base_is_1():
    g = classify_claim(claim(doc("completion_certificate", organizer="河南省专业技术人员继续教育基地"), doc("employer_proof")))
    assert g.category == 1 and "继续教育基地" in g.reason


def test_training_by_department_is_13():
    g = classify_claim(claim(doc("training_notice", organizer="郑州市卫生健康委员会"), doc("completion_certificate")))
    assert g.category == 13 and "行业主管部门" in g.reason


def test_training_by_own_employer_is_14():
    g = classify_claim(claim(doc("training_notice", organization="郑州市第一人民医院"), doc("completion_certificate")))
    assert g.category == 14 and "所在单位" in g.reason


def test_training_by_society_is_2():
    g = classify_claim(claim(doc("completion_certificate", organizer="河南省医学会"), doc("employer_proof")))
    assert g.category == 2


def test_training_without_organiser_is_2():
    assert classify_claim(claim(doc("completion_certificate"))).category == 2


def test_only_policy_notice_or_other_is_16():
    g = classify_claim(claim(doc("policy_notice"), doc("other")))
    assert g.category == 16 and "第16类" in g.reason
    assert classify_claim(claim()).category == 16


def test_employer_proof_alone_by_content():
    assert classify_claim(claim(doc("employer_proof", text="兹证明张丽同志休产假"))).category == 15
    assert classify_claim(claim(doc("employer_proof", text="同意其赴新疆援疆"))).category == 11
    g = classify_claim(claim(doc("employer_proof", text="兹证明该同志参加培训")))
    assert g.category == 2 and g.confidence < 0.5


def test_conflicting_evidence_lowers_confidence():
    single = classify_claim(claim(doc("patent_certificate")))
    mixed = classify_claim(claim(doc("patent_certificate"), doc("award_certificate")))
    assert mixed.category == 7 and mixed.confidence < single.confidence and "需核对" in mixed.reason


def test_declared_category_is_not_an_input():
    ctx = claim(doc("patent_certificate"))
    ctx.declared_category = 2
    assert classify_claim(ctx).category == 7


def test_same_org_needs_the_same_region():
    from pipeline.policy.categories import same_org
    assert same_org("郑州市第一人民医院", "郑州市第一人民医院（盖章）")
    assert same_org("河南省人民医院", "河南省人民医院护理部")
    assert not same_org("全国农业技术推广服务中心", "南阳市农业技术推广中心")
    assert not same_org("河南省农业科学院", "安阳市农业科学院")


def test_employer_proof_about_something_else_is_16():
    g = classify_claim(claim(doc("employer_proof", text="兹证明该同志受邀担任科普讲座主讲人，授课2学时")))
    assert g.category == 16
