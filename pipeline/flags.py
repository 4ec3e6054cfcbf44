"""Flags a reviewer must see: one small check per flag code, each returning a list of Flag
with a Chinese message naming the evidence file. `check_claim` runs them all.

`duplicate_file` and `duplicate_certificate` need the other claims of the whole database:
pipeline/duplicates.py, run when `check_claim` is given an index. `unfiled_plan` reports
the policy's plan check (pipeline/policy/evidence.check_plan)."""

from __future__ import annotations

from datetime import date

from extractors._text import ids
from extractors._text.names import same_person
from pipeline import declarant
from pipeline.duplicates import EvidenceIndex, check_duplicates
from pipeline.glyphs import one_glyph_slip
from pipeline.policy.engine import Policy, default_policy
from pipeline.policy.evidence import ROW_GUESS, evidence_period, field, json_list
from schemas.kinds import CATEGORY_LABELS_ZH, DOC_KIND_LABELS_ZH, DocKind, FlagCode, Severity
from schemas.records import CategoryGuess, ClaimContext, ClaimDocument, Flag, Proposal

MIN_CHARS = 10  # fewer characters than this: OCR found (almost) nothing
LOW_KIND_CONFIDENCE = 0.5
LOW_READ_CONFIDENCE = 0.6
LOW_CATEGORY_CONFIDENCE = 0.5
NAME_LISTS = {"inventors": "发明人", "authors": "作者", "awardees": "获奖者", "members": "成员"}
CHECKSUMS = {"id_number": "身份证号", "issn": "ISSN", "isbn": "ISBN", "patent_number": "专利号"}
NOT_PERSONAL = declarant.NOT_PERSONAL


def _flag(code: FlagCode, severity: Severity, message: str, doc: ClaimDocument | None = None) -> Flag:
    return Flag(code=code, severity=severity, message=message, doc_id=doc.doc_id if doc else None)


def out_of_year(ctx: ClaimContext, category: int) -> list[Flag]:
    """The dated evidence lies outside the declaration year (for a transcript: every dated
    course is from another year)."""
    if category == 3:
        years = {c.get("year") for c in json_list(field(ctx, "courses")) if isinstance(c, dict)} - {None}
        if years and ctx.year not in years:
            return [_flag(FlagCode.out_of_year, Severity.error,
                          f"成绩单课程学期（{'、'.join(map(str, sorted(years)))}年）均不在申报年度{ctx.year}内")]
        return []
    p = evidence_period(ctx, category)
    if not p or (p[0] <= date(ctx.year, 12, 31) and p[1] >= date(ctx.year, 1, 1)):
        return []
    when = p[0].isoformat() if p[0] == p[1] else f"{p[0].isoformat()}至{p[1].isoformat()}"
    return [_flag(FlagCode.out_of_year, Severity.error, f"证据日期（{p[2]}）{when}不在申报年度{ctx.year}内")]


def name_mismatch(ctx: ClaimContext) -> list[Flag]:
    """The person on the evidence is not the declarant (the manifest's name, else the name
    most single-person documents carry; one OCR-confusable character is tolerated: a known
    confusion, or two look-alike glyphs, see pipeline/glyphs.py). For
    name lists (inventors, authors…), the declarant is absent from every list of that kind
    in the claim (a book's cover may name only the chief editor). One flag per document."""
    name, source = declarant.declarant_name(ctx)
    if not name:
        return []
    who = f"申报人“{name}”" if source == "manifest" else f"其他材料上的姓名“{name}”"
    out, flagged = [], set()
    for d in ctx.documents:
        got = d.field("person_name")
        if d.doc_kind not in NOT_PERSONAL and got and same_person(got, name) == "different" \
                and not one_glyph_slip(got, name):
            out.append(_flag(FlagCode.name_mismatch, Severity.error, f"{d.path}：证据上的姓名“{got}”与{who}不一致", d))
            flagged.add(d.doc_id)
    for list_field, zh in NAME_LISTS.items():
        docs = [d for d in ctx.documents if d.doc_kind not in NOT_PERSONAL and declarant.doc_lists(d, list_field)]
        lists = [names for d in docs for names, _ in declarant.doc_lists(d, list_field)]
        if not lists or any((m := declarant.find_in_list(name, names)) and m.quality != "loose" for names in lists):
            continue
        if all(d.doc_id in flagged for d in docs):
            continue
        shown = "、".join(dict.fromkeys(n for names in lists for n in names))
        paths = "、".join(d.path for d in docs)
        first = next(d for d in docs if d.doc_id not in flagged)
        out.append(_flag(FlagCode.name_mismatch, Severity.error, f"{paths}：{zh}名单（{shown}）中未找到{who}", first))
        flagged.update(d.doc_id for d in docs)
    return out


def missing_evidence(ctx: ClaimContext, category: int, policy: Policy) -> list[Flag]:
    """A kind of evidence the category requires is absent (the core requirement is an error,
    the others warnings; category 1 may be declared in bulk by the base, so warnings only)."""
    kinds = {k.value for k in ctx.kinds()}
    reqs = list(policy.evidence.get(category, []))
    if category == 15:
        leave = field(ctx, "leave_kind")
        reqs += policy.evidence_by_leave.get(leave or "", [])
    out = []
    for i, req in enumerate(reqs):
        if kinds & set(req):
            continue
        names = "或".join(DOC_KIND_LABELS_ZH[DocKind(k)] for k in req)
        severity = Severity.error if i == 0 and category != 1 else Severity.warning
        note = policy.evidence_notes.get(category, "")
        out.append(_flag(FlagCode.missing_evidence, severity,
                         f"第{category}类（{CATEGORY_LABELS_ZH[category]}）缺少{names}" + (f"（{note}）" if note else "")))
    return out


def invalid_checksum(ctx: ClaimContext) -> list[Flag]:
    """An ISSN, ISBN, resident ID or patent number whose check digit fails."""
    out = []
    for d in ctx.documents:
        for f in d.fields:
            if f.name in CHECKSUMS and ids.is_valid(f.name, f.value) is False:
                out.append(_flag(FlagCode.invalid_checksum, Severity.error,
                                 f"{d.path}：{CHECKSUMS[f.name]}“{f.value}”校验位不正确（可能识别错误或伪造）", d))
    return out


def unfiled_plan(category: int, proposal: Proposal | None) -> list[Flag]:
    """Categories 13/14: the training is in no filed annual plan (the policy's check, see
    pipeline/policy/evidence.check_plan), so it proposed 0."""
    if category not in (13, 14) or not proposal or not proposal.rule_id.endswith(".unfiled"):
        return []
    return [_flag(FlagCode.unfiled_plan, Severity.error,
                  f"第{category}类培训须列入备案的年度培训计划：{proposal.explanation.split(' → ')[0]}")]


def unread_plan_row(category: int, proposal: Proposal | None) -> list[Flag]:
    """Categories 13/14: the training was matched to a row of a photographed plan whose name
    did not read (or read half alike), by its month and hours (check_plan): the reviewer
    reads the row."""
    if category not in (13, 14) or not proposal or ROW_GUESS not in proposal.explanation:
        return []
    return [_flag(FlagCode.low_confidence, Severity.warning,
                  f"备案计划中该行培训名称未能识别或不清，按月份与学时对应：{proposal.explanation.split('；', 1)[-1]}")]


def no_seal(ctx: ClaimContext) -> list[Flag]:
    """An employer proof on which no official seal was found."""
    return [_flag(FlagCode.no_seal, Severity.warning, f"{d.path}：单位证明未检测到公章", d)
            for d in ctx.documents if d.doc_kind == DocKind.employer_proof and d.field("has_seal") != "true"]


def assumed_rule(proposal: Proposal | None) -> list[Flag]:
    """The proposal used a rule the city has not confirmed."""
    if not proposal or not proposal.assumed:
        return []
    return [_flag(FlagCode.assumed_rule, Severity.warning, f"建议学时依据暂定标准（规则{proposal.rule_id}），需人工确认")]


def low_confidence(ctx: ClaimContext, guess: CategoryGuess | None) -> list[Flag]:
    """Uncertain document kind, poor reading, uncertain category, or a declared category that
    differs from the recognised one."""
    out = []
    for d in ctx.documents:
        if d.doc_kind_confidence < LOW_KIND_CONFIDENCE:
            out.append(_flag(FlagCode.low_confidence, Severity.warning,
                             f"{d.path}：材料类型识别为{DOC_KIND_LABELS_ZH[d.doc_kind]}，置信度仅{d.doc_kind_confidence:.2f}", d))
        if d.mean_confidence < LOW_READ_CONFIDENCE and d.char_count >= MIN_CHARS:
            out.append(_flag(FlagCode.low_confidence, Severity.warning,
                             f"{d.path}：文字识别置信度低（{d.mean_confidence:.2f}），请核对原件", d))
    if guess and guess.confidence < LOW_CATEGORY_CONFIDENCE:
        out.append(_flag(FlagCode.low_confidence, Severity.warning,
                         f"申报类别识别为第{guess.category}类，置信度仅{guess.confidence:.2f}：{guess.reason}"))
    if guess and ctx.declared_category and ctx.declared_category != guess.category:
        out.append(_flag(FlagCode.low_confidence, Severity.warning,
                         f"申报类别{ctx.declared_category}与识别类别{guess.category}不一致"
                         f"（申报：{CATEGORY_LABELS_ZH.get(ctx.declared_category, '未知')}；"
                         f"识别：{CATEGORY_LABELS_ZH[guess.category]}）"))
    return out


def unreadable(ctx: ClaimContext) -> list[Flag]:
    """A file from which (almost) no text was read."""
    return [_flag(FlagCode.unreadable, Severity.error, f"{d.path}：仅识别出{d.char_count}个字符，无法读取内容", d)
            for d in ctx.documents if d.char_count < MIN_CHARS and len((d.text or "").strip()) < MIN_CHARS]


def city_hr_review(category: int) -> list[Flag]:
    """Category 16 is decided by the city HR bureau."""
    if category != 16:
        return []
    return [_flag(FlagCode.city_hr_review, Severity.info, "第16类（其他）不作学时建议，报市人社局参照专业科目折算标准认定")]


def check_claim(ctx: ClaimContext, category_guess: CategoryGuess, proposal: Proposal | None,
                policy: Policy | None = None, index: EvidenceIndex | None = None) -> list[Flag]:
    """Every flag for one claim (the duplicate checks only with an `index`)."""
    policy = policy or default_policy()
    cat = category_guess.category
    return [*unreadable(ctx), *out_of_year(ctx, cat), *name_mismatch(ctx), *missing_evidence(ctx, cat, policy),
            *check_duplicates(ctx, index), *invalid_checksum(ctx), *unfiled_plan(cat, proposal),
            *unread_plan_row(cat, proposal), *no_seal(ctx), *assumed_rule(proposal),
            *low_confidence(ctx, category_guess), *city_hr_review(cat)]
