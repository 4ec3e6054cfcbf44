"""Stable ids from ../shared/domain.md: document kinds, claim categories, flags, text sources.

These strings are stored in DuckDB and used as registry keys; never rename one.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum


class DocKind(StrEnum):
    training_notice = "training_notice"
    completion_certificate = "completion_certificate"
    employer_proof = "employer_proof"
    transcript = "transcript"
    assessment_proof = "assessment_proof"
    conference_notice = "conference_notice"
    presentation_proof = "presentation_proof"
    project_proof = "project_proof"
    book_pages = "book_pages"
    journal_pages = "journal_pages"
    patent_certificate = "patent_certificate"
    award_certificate = "award_certificate"
    qualification_certificate = "qualification_certificate"
    leader_endorsement = "leader_endorsement"
    assignment_document = "assignment_document"
    service_notice = "service_notice"
    plan_filing = "plan_filing"
    sick_leave_proof = "sick_leave_proof"
    maternity_proof = "maternity_proof"
    overseas_proof = "overseas_proof"
    policy_notice = "policy_notice"
    other = "other"


DOC_KIND_LABELS_ZH: dict[DocKind, str] = {
    DocKind.training_notice: "培训通知",
    DocKind.completion_certificate: "结业/培训/合格证书",
    DocKind.employer_proof: "单位证明/派出证明",
    DocKind.transcript: "成绩单",
    DocKind.assessment_proof: "考核证明/年度考核",
    DocKind.conference_notice: "会议通知",
    DocKind.presentation_proof: "宣读论文/报告证明",
    DocKind.project_proof: "立项/结项/课题证明",
    DocKind.book_pages: "封面/扉页/版权页/目录",
    DocKind.journal_pages: "期刊封面/目录/文章",
    DocKind.patent_certificate: "专利证书",
    DocKind.award_certificate: "获奖证书",
    DocKind.qualification_certificate: "资格证书",
    DocKind.leader_endorsement: "批示件",
    DocKind.assignment_document: "援派/挂职文件",
    DocKind.service_notice: "服务活动通知/参与证明",
    DocKind.plan_filing: "年度培训计划备案",
    DocKind.sick_leave_proof: "病假/诊断证明",
    DocKind.maternity_proof: "生育证明",
    DocKind.overseas_proof: "境外工作证明",
    DocKind.policy_notice: "继续教育工作通知",
    DocKind.other: "其他",
}


class Category(IntEnum):
    """The 16 Luohe declaration categories (漯人社专技〔2018〕1号)."""

    ce_base_training = 1
    training = 2
    degree_education = 3
    conference = 4
    research_project = 5
    book_or_paper = 6
    patent = 7
    award = 8
    qualification_exam = 9
    leader_endorsement = 10
    assignment = 11
    grassroots_service = 12
    department_training = 13
    employer_training = 14
    absence = 15
    other = 16


CATEGORY_LABELS_ZH: dict[int, str] = {
    1: "继续教育基地培训班",
    2: "培训、研修",
    3: "学历、学位教育、进修",
    4: "学术会议",
    5: "课题研究与项目开发",
    6: "出版著作、发表论文",
    7: "专利",
    8: "获奖",
    9: "资格考试",
    10: "调研报告批示",
    11: "援藏援疆援外、支教支农支医、扶贫、挂职",
    12: "服务基层活动",
    13: "行业主管部门培训",
    14: "用人单位培训",
    15: "境外、病假、产假等",
    16: "其他",
}


class FlagCode(StrEnum):
    out_of_year = "out_of_year"
    name_mismatch = "name_mismatch"
    missing_evidence = "missing_evidence"
    duplicate_file = "duplicate_file"
    duplicate_certificate = "duplicate_certificate"
    invalid_checksum = "invalid_checksum"
    unfiled_plan = "unfiled_plan"
    no_seal = "no_seal"
    assumed_rule = "assumed_rule"
    low_confidence = "low_confidence"
    unreadable = "unreadable"
    city_hr_review = "city_hr_review"


class Severity(StrEnum):
    info = "info"
    warning = "warning"
    error = "error"


class TextSource(StrEnum):
    pdf_text = "pdf_text"
    ocr = "ocr"
    docx = "docx"
