"""Which of the 16 categories a claim's evidence supports (漯人社专技〔2018〕1号 attachment).

Direct kinds decide alone (专利证书 → 7 …). Training evidence (通知/结业证书 + 单位证明) is
split by who organised it: a 继续教育基地 → 1, the declarant's own employer (the manifest's
unit, else the employer proof's issuer; matched tolerantly of OCR slips) → 14, a competent
government department (a regional 局/厅/委员会…) → 13, anyone else → 2. The organiser is read
from several places (notice, certificate, "参加…举办的", the header) so one misread copy does
not decide. An employer proof alone goes by its topic. Only a policy notice or unknown files
→ 16. The manifest's declared category is never an input."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from extractors._text.docnum import CITY_NAMES, COUNTY_CITIES
from extractors._text.fuzzy import edit_distance
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
# A competent government department (行业主管部门): a bureau, commission or government office of
# a region, possibly one of its divisions (…委员会科教处).
_DEPARTMENT = re.compile(r"(?:人民政府|委员会|卫生健康委|卫健委|[\u4e00-\u9fff]{1,12}(?:局|厅)|办公室|委)"
                         r"(?:[\u4e00-\u9fff]{1,6}(?:处|科|司|办))?$")
_REGION = re.compile(r"^(?:中华人民共和国|国家|河南省|[\u4e00-\u9fff]{2,4}[省市县区])")
_CE_BASE = re.compile(r"继续教育[\u4e00-\u9fff]{0,4}基地|培训基地")
# Addressed to the organiser's own departments, or called internal: the employer's own training.
_INTERNAL = re.compile(r"院内培训|内部培训|本单位全体|本院全体|全院|各科室|各部门|各临床科室|本单位(?:专业技术|职工)|全体职工")
# "参加<organiser>举办的…": who ran it, as a certificate or proof puts it.
_RAN_BY = re.compile(r"参加(?:了)?(?:由)?([\u4e00-\u9fff()（）]{3,40}?)(?:举办|主办|组织|承办)")
_TOPIC_WORDS = {15: re.compile(r"产假|生育|病假|病休|境外|出国"), 11: re.compile(r"援疆|援藏|援外|支教|支医|支农|挂职|扶贫"),
                4: re.compile(r"学术会议|年会|研讨会|论坛"), 12: re.compile(r"服务基层|义诊|下乡"),
                3: re.compile(r"进修|学历教育|学位")}


_REGION_PREFIX = re.compile(r"^(?:中华人民共和国|全国|中国|国家|[\u4e00-\u9fff]{2,3}?(?:省|市|县|区))")


def _core(name: str) -> str:
    return _REGION_PREFIX.sub("", re.sub(r"[()（）\s]", "", name))


_NUMBERS = set("0123456789一二三四五六七八九十百零〇")


def _similar(x: str, y: str) -> bool:
    """One containing the other, ≥ 0.85 alike, or one OCR slip apart (≥ 5 characters, and
    not in a number: 第一人民医院 is not 第二人民医院)."""
    if not x or not y:
        return False
    if x in y or y in x or SequenceMatcher(None, x, y).ratio() >= 0.85:
        return True
    if min(len(x), len(y)) < 5 or edit_distance(x, y, bound=1) > 1:
        return False
    diff = set(x) ^ set(y)
    return not (diff & _NUMBERS)


def _known_place(region: str) -> bool:
    name = re.sub(r"[省市县区]$", "", region)
    return region in ("中华人民共和国", "全国", "中国", "国家", "河南省") or name in CITY_NAMES or name in COUNTY_CITIES


def same_org(a: str | None, b: str | None) -> bool:
    """Loose organisation match tolerant of OCR slips: the same region prefix (if both have
    one) and the same core name — one containing the other, ≥ 0.85 similar, or one
    character apart. Two different places never match (南阳市农业技术推广中心 is not
    全国农业技术推广服务中心, 洛阳市教育局 is not 安阳市教育局), but a place misread by one
    character (耶州市 for 郑州市) is compared as part of the name."""
    if not a or not b:
        return False
    a, b = re.sub(r"[()（）\s]", "", a), re.sub(r"[()（）\s]", "", b)
    ra, rb = _REGION_PREFIX.match(a), _REGION_PREFIX.match(b)
    if ra and rb and ra.group(0) != rb.group(0):
        x, y = ra.group(0), rb.group(0)
        if (_known_place(x) and _known_place(y)) or len(x) != len(y) or edit_distance(x, y, bound=1) > 1:
            return False
        return _similar(a, b)  # 耶州市… / 郑州市…: one slip in the place, judge the whole
    return _similar(_core(a), _core(b))


def _department(org: str) -> bool:
    return bool(_DEPARTMENT.search(org) and _REGION.search(org))


def _employer_of(ctx: ClaimContext) -> str | None:
    """The declarant's unit: the manifest's, else the issuer of an employer proof."""
    if ctx.unit:
        return ctx.unit
    return next((d.field("organization") for d in ctx.documents
                 if d.doc_kind == K.employer_proof and d.field("organization")), None)


_ORG_END = re.compile(r"(?:会|院|局|厅|委|校|学|司|中心|所|站|基地|办|室|部|处|科|社|馆|府)$")


def _header_org(text: str) -> str | None:
    """The issuer a notice or certificate is headed with (…文件 dropped), if it names one."""
    for line in (text or "").splitlines()[:2]:
        line = re.sub(r"\s+", "", line)
        name = re.sub(r"文件$", "", line)
        if 4 <= len(name) <= 30 and _ORG_END.search(name) and not re.search(r"证书|证明|通知|编号|〔|\d", name):
            return name
    return None


def organizer_candidates(ctx: ClaimContext) -> list[str]:
    """Who ran the training, most trusted first: the notice's organiser, the certificate's,
    the notice's and certificate's issuers, the "参加…举办的" phrase of a certificate or
    employer proof, the header a notice or certificate carries."""
    docs = ctx.documents
    out: list[str] = []
    for kind, name in ((K.training_notice, "organizer"), (K.completion_certificate, "organizer"),
                       (K.training_notice, "organization"), (K.completion_certificate, "organization")):
        out += [v for d in docs if d.doc_kind == kind and (v := d.field(name))]
    for d in docs:
        if d.doc_kind in (K.completion_certificate, K.employer_proof) and (m := _RAN_BY.search(re.sub(r"\s+", "", d.text or ""))):
            out.append(m.group(1))
    out += [h for d in docs if d.doc_kind in (K.training_notice, K.completion_certificate) and (h := _header_org(d.text))]
    return list(dict.fromkeys(o.strip() for o in out if o and o.strip()))


def organizer_type(ctx: ClaimContext) -> tuple[str, str | None]:
    """('ce_base' | 'employer' | 'department' | 'other', organiser name) for training claims.
    The first organiser candidate decides; the others stand in when it is misread (it does
    not end like an organisation's name)."""
    docs = [d for d in ctx.documents if d.doc_kind in (K.training_notice, K.completion_certificate)]
    cands = organizer_candidates(ctx)
    organizer = cands[0] if cands else None
    readable = [c for c in cands if _ORG_END.search(c)]
    trusted = [organizer] if organizer and _ORG_END.search(organizer) else readable[:1] or cands[:1]
    if (base := next((c for c in cands if _CE_BASE.search(c)), None)):
        return "ce_base", base
    employer = _employer_of(ctx)
    if employer and (hit := next((c for c in cands if same_org(c, employer)), None)):
        return "employer", hit
    notice_text = re.sub(r"\s+", "", " ".join(d.text or "" for d in docs if d.doc_kind == K.training_notice))
    if _INTERNAL.search(notice_text) and not (employer and organizer):
        return "employer", organizer  # an internal training whose organiser or declarant is unknown
    if trusted and _department(trusted[0]):
        return "department", trusted[0]
    # the first reading is garbled where it tells (郑州口教育局): another reading of the same name
    if trusted and (dep := next((c for c in cands if _department(c) and _similar(c, trusted[0])), None)):
        return "department", dep
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
