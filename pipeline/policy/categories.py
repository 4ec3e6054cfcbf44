"""Which of the 16 categories a claim's evidence supports (漯人社专技〔2018〕1号 attachment).

Direct kinds decide alone (专利证书 → 7 …). Training evidence (通知/结业证书 + 单位证明) is
split by who organised it: a 继续教育基地 → 1, the declarant's own employer → 14, a
competent government department → 13, anyone else → 2. Only a policy notice or unknown
files → 16."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from schemas.kinds import CATEGORY_LABELS_ZH, DOC_KIND_LABELS_ZH, DocKind
from schemas.records import ClaimContext

K = DocKind
# In priority order: the first kind present decides, with the rule's base confidence.
DIRECT: list[tuple[DocKind, int, float]] = [
    (K.patent_certificate, 7, 0.95), (K.award_certificate, 8, 0.9), (K.qualification_certificate, 9, 0.9),
    (K.transcript, 3, 0.9), (K.journal_pages, 6, 0.9), (K.book_pages, 6, 0.9),
    (K.project_proof, 5, 0.85), (K.leader_endorsement, 10, 0.9), (K.conference_notice, 4, 0.85),
    (K.presentation_proof, 4, 0.8), (K.assignment_document, 11, 0.85), (K.service_notice, 12, 0.85),
    (K.maternity_proof, 15, 0.9), (K.sick_leave_proof, 15, 0.9), (K.overseas_proof, 15, 0.85),
]
TRAINING = (K.training_notice, K.completion_certificate, K.plan_filing)
_DEPARTMENT = re.compile(r"(?:人民政府|委员会|卫生健康委|卫健委|教育局|教育厅|[\u4e00-\u9fff]{1,12}(?:局|厅)|办公室|委)$")
_REGION = re.compile(r"^(?:中华人民共和国|国家|河南省|[\u4e00-\u9fff]{2,4}[省市县区])")
_CE_BASE = re.compile(r"继续教育基地|专业技术人员继续教育(?:培训)?基地")
_TOPIC_WORDS = {15: re.compile(r"产假|生育|病假|病休|境外|出国"), 11: re.compile(r"援疆|援藏|援外|支教|支医|支农|挂职|扶贫"),
                  4: re.compile(r"学术会议|年会|研讨会|论坛"), 12: re.compile(r"服务基层|义诊|下乡"),
                3: re.compile(r"进修|学历教育|学位")}


_REGION_PREFIX = re.compile(r"^(?:中华人民共和国|全国|中国|国家|[\u4e00-\u9fff]{2,3}?(?:省|市|县|区))")


def _core(name: str) -> str:
    return _REGION_PREFIX.sub("", re.sub(r"[()（）\s]", "", name))


def same_org(a: str | None, b: str | None) -> bool:
    """Loose organisation match tolerant of OCR slips: the same region prefix (if both have
    one) and the same core name — one containing the other, or ≥ 0.85 similar.
    南阳市农业技术推广中心 is not 全国农业技术推广服务中心."""
    if not a or not b:
        return False
    ra, rb = _REGION_PREFIX.match(a), _REGION_PREFIX.match(b)
    if ra and rb and ra.group(0) != rb.group(0):
        return False
    x, y = _core(a), _core(b)
    return bool(x and y) and (x in y or y in x or SequenceMatcher(None, x, y).ratio() >= 0.85)


def organizer_type(ctx: ClaimContext) -> tuple[str, str | None]:
    """('ce_base' | 'employer' | 'department' | 'other', organiser name) for training claims."""
    docs = [d for d in ctx.documents if d.doc_kind in TRAINING]
    organizer = next((d.field("organizer") for d in docs if d.field("organizer")), None) or \
        next((d.field("organization") for d in docs if d.doc_kind == K.training_notice and d.field("organization")), None)
    if any(_CE_BASE.search(d.text or "") for d in docs) or (organizer and "基地" in organizer):
        return "ce_base", organizer
    if organizer and same_org(organizer, ctx.unit):
        return "employer", organizer
    if organizer and _DEPARTMENT.search(organizer) and _REGION.search(organizer):
        return "department", organizer
    return "other", organizer


def _mean_conf(ctx: ClaimContext, kinds) -> float:
    confs = [d.doc_kind_confidence for d in ctx.documents if d.doc_kind in kinds]
    return sum(confs) / len(confs) if confs else 0.5


def decide_category(ctx: ClaimContext) -> tuple[int, float, str]:
    """(category, confidence, Chinese reason) for a claim."""
    kinds = ctx.kinds()
    for kind, cat, base in DIRECT:
        if kind in kinds:
            others = sorted({c for k, c, _ in DIRECT if k in kinds and c != cat})
            conf = base * _mean_conf(ctx, [kind]) * (0.8 if others else 1.0)
            note = f"；另含第{'、'.join(map(str, others))}类证据，需核对" if others else ""
            return cat, conf, f"含{DOC_KIND_LABELS_ZH[kind]} → 第{cat}类（{CATEGORY_LABELS_ZH[cat]}）{note}"
    if kinds & set(TRAINING):
        kind_zh = "、".join(DOC_KIND_LABELS_ZH[k] for k in TRAINING if k in kinds)
        typ, org = organizer_type(ctx)
        cat, base, why = {
            "ce_base": (1, 0.8, f"由继续教育基地“{org or '（基地）'}”举办"),
            "employer": (14, 0.7, f"主办单位“{org}”即申报人所在单位“{ctx.unit}”"),
            "department": (13, 0.65, f"主办单位“{org}”为行业主管部门"),
            "other": (2, 0.7, f"主办单位“{org}”" if org else "未识别主办单位"),
        }[typ]
        return cat, base * _mean_conf(ctx, TRAINING), f"含{kind_zh}，{why} → 第{cat}类（{CATEGORY_LABELS_ZH[cat]}）"
    for kind in (K.employer_proof, K.assessment_proof):
        if kind in kinds:
            text = " ".join(d.text for d in ctx.documents if d.doc_kind == kind)
            for cat, rx in _TOPIC_WORDS.items():
                if (m := rx.search(text)):
                    return cat, 0.55 * _mean_conf(ctx, [kind]), \
                        f"仅有{DOC_KIND_LABELS_ZH[kind]}，内容涉及“{m.group(0)}” → 第{cat}类（{CATEGORY_LABELS_ZH[cat]}）"
            if kind == K.employer_proof and not re.search(r"培训|研修|进修|学习班", text):
                continue  # a proof of something else (讲座主讲, 评审专家…): category 16
            cat = 2 if kind == K.employer_proof else 11
            return cat, 0.4 * _mean_conf(ctx, [kind]), \
                f"仅有{DOC_KIND_LABELS_ZH[kind]}，无其他证据 → 暂按第{cat}类（{CATEGORY_LABELS_ZH[cat]}）"
    names = "、".join(DOC_KIND_LABELS_ZH[k] for k in sorted(kinds)) or "无证据"
    return 16, 0.6 if kinds else 0.3, f"证据仅为{names}，无法对应第1–15类 → 第16类（其他），报市人社局认定"
