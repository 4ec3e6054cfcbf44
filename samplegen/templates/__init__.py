"""Document templates: one builder per DocKind, each with families "A", "B" (training /
committed sample), "C" (held-out evaluation) and "D" (a second tuning family, one module
`family_d`, written from real documents rather than from C). A builder takes the claim's data dict, a
family and an rng, and returns a filled `samplegen.layout.Composer`.

| kind | A | B | C | D |
|---|---|---|---|---|
| training_notice | 红头文件, numbered sections | plain head + arrangement table | red head ★ rule, (一)(二), 大写日期 | association notice, 学时 section / 课程安排表 |
| completion_certificate | landscape 结业证书 “你于…准予结业” | portrait 培训合格证书, photo, QR | landscape 继续教育学时证明 “兹证明…” | portrait 培训证书 / 合格证 form / 电子培训证明 web print |
| employer_proof | 证明 “兹证明…特此证明” | 单位证明 table + 单位意见 | 情况说明 to the city HR bureau | 证明信 with ID / 情况说明 / 审批表 |
| transcript | 研究生课程成绩单, 学期 column | 成绩证明, 考试日期 column | 课程修读记录, 学年学期 + 考试时间 | 考试成绩登记表 (考核时间) / 学业成绩单 (开课学期) |
| assessment_proof | 证明 narrative / 进修鉴定 | 考核结果 table / 鉴定表 | 登记表摘录 / 结业考核证明 | 考核结果通报 + list / 考核情况证明 / 进修证明书, 鉴定表 |
| conference_notice | 红头 会议通知 | 第一轮通知 with kv block | 邀请函 to the declarant | 邀请函 to the declarant / 第二轮通知 table |
| presentation_proof | 论文交流证明 | landscape 论文交流证书 | 大会发言登记表 | 论文录用及交流通知 / 学术交流证书 |
| project_proof | 立项通知书 + member table | landscape 结项证书 | 课题参与证明 (rank stated) | 课题组成员情况表 + 研究期限 / 结题证书 (month range) |
| book_pages | cover/扉页/CIP “350千字”/目录 | … “字数 350 000” | 编委会, 书号 | 编写人员 page, “350 千字”, 目录 with (页码) |
| journal_pages | band cover/dotted TOC/【摘要】 | plain cover/刊号 box/文章编号 | 核心期刊 cover/table TOC/[Abstract] | corner 刊号 cover / 本期目次 / 页眉 + 引用格式 |
| patent_certificate | CNIPA portrait, spaced ZL | landscape older layout, compact ZL | 电子专利证书 table, ISO dates | portrait, 专利号 first / 专利登记簿副本 |
| award_certificate | landscape 奖 证书 with 证书号 | portrait 荣誉证书 narrative | result table with ordered completers | 获奖证书 with 主要完成人 list / landscape 奖励证书 |
| qualification_certificate | 职业资格证书 inner page | landscape 资格证书 two columns | 成绩合格证明 (web print) | 查询结果 web print / 电子证书 / 考试合格证明 |
| leader_endorsement | 呈阅件 with 批示 box (handwritten) | 专报 with margin note | typed 批示件 transcription | 批示办理单 form / 信息专报 批示栏 |
| assignment_document | 红头 选派通知 + table | host's 工作证明 | 援派人员备案表 | 选派/援派人员审批表 / 派遣函 |
| service_notice | 红头 notice / 参与证明 | 实施方案 table / 登记表 | narrative notice / 志愿服务证明 | notice + 服务点表 / 工作量确认单, 参加活动证明 |
| plan_filing | 备案表 + HR filing stamp | HR 复函 + list | 备案回执 | 备案通知书 / 备案登记表 (计划年度) |
| sick_leave_proof | 诊断证明书 + doctor's hand | 疾病证明书 table | 病休建议书 | 病假证明单 / 出院证明书 |
| maternity_proof | 生育证明 | 职工产假审批表 | 情况说明 | 产假证明 / 生育假登记表 |
| overseas_proof | 出国（境）工作证明 | 因公出国（境）人员情况表 | 说明 letter | 出国（境）研修证明 / 访问学者情况表 |
| other | 证明 (lecture etc.) | 聘书 | 感谢信 | 工作量证明 / 聘请函 |
| policy_notice | the seed texts (see samplegen.seeds) | | | |
"""

from __future__ import annotations

from samplegen.templates import certificates, family_d, family_e, leave, misc, notices, proofs, publications, transcript

TEMPLATES = {
    "training_notice": notices.training_notice,
    "conference_notice": notices.conference_notice,
    "service_notice": notices.service_notice,
    "plan_filing": notices.plan_filing,
    "completion_certificate": certificates.completion_certificate,
    "patent_certificate": certificates.patent_certificate,
    "award_certificate": certificates.award_certificate,
    "qualification_certificate": certificates.qualification_certificate,
    "employer_proof": proofs.employer_proof,
    "assessment_proof": proofs.assessment_proof,
    "presentation_proof": proofs.presentation_proof,
    "project_proof": proofs.project_proof,
    "assignment_document": proofs.assignment_document,
    "journal_pages": publications.journal_pages,
    "book_pages": publications.book_pages,
    "transcript": transcript.transcript,
    "sick_leave_proof": leave.sick_leave_proof,
    "maternity_proof": leave.maternity_proof,
    "overseas_proof": leave.overseas_proof,
    "leader_endorsement": misc.leader_endorsement,
    "other": misc.other,
}
FAMILIES = ("A", "B", "C", "D", "E")


def build(kind: str, family: str, data: dict, rng):
    """Fill the template for `kind` in `family`; returns the Composer."""
    if family == "D":
        return family_d.BUILDERS[kind](data, family, rng)
    if family == "E":  # a kind without an E layout uses D's
        return family_e.BUILDERS.get(kind, family_d.BUILDERS[kind])(data, family, rng)
    return TEMPLATES[kind](data, family, rng)
