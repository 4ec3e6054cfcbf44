"""Classification: which document kind a file is, and which of the 16 categories a claim is.

`classify_document` weighs kind cues (pipeline.nlp) by where they stand — the title (the
first heading lines of the first page) most, and in the title the word that ends it (the
document's type noun: …单位证明, …结业证书, …的通知) more than the topic words before it; later
pages of a multi-page file count less — plus structural evidence (a valid patent number, an
ISSN or a volume/issue line, a contents page, a 文号, a course table). Checks of form and
voice follow (`_who_and_what`): who writes about whom — an employer vouching for its own staff
member (系我单位…, 我院护士…, an approval form with the employer's opinion fields) writes an
employer proof whatever activity it describes (also when the body places the person in the
signing organisation by name: …现为<signer>…), while an organiser or host vouching for a guest
does not (nor one the body names as the activity's organiser: 参加<signer>组织开展的…; a host
certifying a guest's posting, …在我单位开展支教工作, writes an assignment document); what the
paper is about — a posting form (one person, sending unit → host, period)
is an assignment document whatever its type noun (备案表, 登记表), a 备案 without training
programmes is no plan filing, an exam qualification (资格名称, 级别, 管理号, 批准日期) outweighs
generic 合格 wording. A title ending in 证明/证书 or naming an approval form (审批表) rules out a
notice and one ending in 通知 a certificate; a policy notice must look like a notice. A page
that names nothing but ends like a notice (contact person, fees) is taken as a notice's last
page. The scores become probabilities by a softmax against an `other` baseline at a
temperature fitted on labelled data (`CALIBRATION`), so the confidence reads as the chance the
kind is right.

`classify_claim` maps the kinds (and, for training, the organiser) of a claim's documents
to a category with a Chinese reason (rules in pipeline.policy.categories). A spaCy text
classifier was tried against these rules and lost (pipeline/textcat.py has the figures)."""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict

from extractors._common import org_name
from extractors._text.docnum import own_doc_number
from extractors._text.ids import find_cn_numbers, find_isbns, find_issns, find_patent_numbers, find_resident_ids
from pipeline.nlp import find_cues, normalise
from pipeline.policy.categories import decide_category
from schemas.document import DocumentText
from schemas.kinds import DocKind
from schemas.records import CategoryGuess, ClaimContext, KindGuess

OTHER_BASELINE = 2.5  # score `other` competes with: below it nothing convincing was found
MAX_CONFIDENCE = 0.99  # keyword evidence never makes a kind certain
TITLE_HEAD_BONUS = 1.5  # the cue that ends a title line (its type noun)
TITLE_TOPIC_FACTOR = 0.5  # other cues of a title line that ends in a type noun (its topic)
LATER_PAGE_FACTOR = 0.6  # pages after the first: the first page / title decides
_REPEAT_WEIGHT = 0.25  # each further occurrence of a cue, at most 3 counted
_HEAD_LINES = 6  # first CJK lines of page 1 that may hold the title

# Confidence calibration: p(kind) = softmax(score / T) over the four strongest kinds and
# `other`, T = max(t0, top score / t1); `other` won by default (nothing named the page) is
# capped at other_plain. Fitted by minimising the log-loss of the winner's confidence on the
# labelled A/B folders, a damaged copy of each of their documents (cropped title, misread
# characters, a page missing: pipeline.textcat.damage) and the hand-written wordings of
# tests/test_classify.py:
#   python -m pipeline.textcat calibrate /work/evalsets/ab=<ab cache.duckdb> \
#       data/raw=data/curated/cehours.duckdb --texts tests/test_classify.py
# which prints the reliability tables and these constants. Measured ECE (10 bins): A/B folders
# 0.022, damaged copies 0.052, wordings 0.052; fitted without family A (B) and tested on it:
# 0.025 (0.016) clean, 0.032 (0.041) damaged. Refit with family D added
# (/work/evalsets/d=<d cache>): the same constants; A/B + data/raw + D 0.025, damaged 0.030,
# wordings 0.051.
CALIBRATION = {"t0": 1.5, "t1": 8.0, "other_plain": 0.4}

_SENTENCE = re.compile(r"[,，。;；:：!！?？]")  # titles carry no sentence punctuation
_TRAILING = re.compile(r"[\s:：。.,，、;；!！]*$")
_NOISE_LINE = re.compile(
    r"^(?:[\u4e00-\u9fff]{1,12}[〔\[【(（]\s*(?:19|20)\d{2}\s*[〕\]】)）]\s*(?:第)?\d{1,4}号"  # 文号
    r"|(?:证书)?(?:编号|证号|证书号)|No\.?\s*\w"  # certificate numbers
    r"|第\s*\d{1,4}\s*期$|(?:19|20)\d{2}\s*年.{0,8}第\s*\d+\s*期)")  # issue lines
_OWN_STAFF = re.compile(r"(?:系|为|是)(?:我|本)(?:单位|院|校|局|中心|公司|所|站|厂|馆)"
                        r"|(?:我|本)(?:单位|院|校|局|中心|公司|所|站|厂|馆)[\u4e00-\u9fff]{0,6}?"
                        r"(?:职工|员工|教师|老师|医师|医生|护士|护师|药师|技师|工程师|干部|人员|同志)"
                        r"|(?:我|本)(?:单位|院|校|局|中心|公司|所|站|厂|馆)[\u4e00-\u9fff]{7,10}?同志"  # 我单位高级农艺师方梦瑶同志
                        r"|(?:我|本)(?:单位|院|校)[\u4e00-\u9fff]{1,8}(?:科|部|组|室|所|处)"
                        r"|在(?:我|本)(?:单位|院|校|局|中心|公司|所|站)(?:工作|从事|任职|担任)"
                        r"|(?:任职|就职|供职)于(?:我|本)"
                        r"|在职(?:专业技术人员|职工|员工|人员|教师|医师|医生|护士)|在编在岗|在编(?:人员|职工|教师)"
                        r"|经(?:我|本)?(?:单位|院|校|医院|学校|局|公司)(?:领导)?(?:同意|批准)"
                        r"|[，,；;。]\s*(?:单位|院|校)(?:领导)?(?:同意|批准)其")  # '…，单位批准其…休病假'
# "…在我院进修", "为我院规培学员": the host unit writing about a guest, not about its staff
_GUEST = re.compile(r"(?:在|到|来)(?:我|本)(?:单位|院|校|中心|所|站|局)[\u4e00-\u9fff]{0,4}?"
                    r"(?:进修|实习|规培|培训|学习|挂职|支医|支教|支农|开展|服务|帮扶|锻炼|交流)"
                    r"|(?:为|是|系)(?:我|本)(?:单位|院|校|中心)(?:进修|实习|规培|挂职)")
# "兹证明<another organisation><name>同志…": a proof written by someone other than the employer
_THIRD_PARTY = re.compile(r"兹证明[\u4e00-\u9fff()]{2,24}?(?:医院|学校|中学|小学|大学|学院|公司|中心|局|院|所|站|厂|委员会|协会|学会)"
                          r"[\u4e00-\u9fff·]{2,4}同志")
# …or opening the body with "<another organisation><name>同志…" and no 兹证明 before it
_ORG_PERSON_OPENING = re.compile(r"^(?![我本])[\u4e00-\u9fff()（）]{2,24}?(?:医院|学校|中学|小学|大学|学院|公司|中心|局|院|所|站|厂|委员会|协会|学会)"
                                 r"[\u4e00-\u9fff·]{2,4}同志")
# the person is the writer's patient: a hospital writing, not the employer (我院医师诊断)
_PATIENT_SUBJECT = re.compile(r"患者|病人|就诊|门诊号|住院号|病历号")
# "…参加我中心举办的…": the organiser writing, not the employer
_ORGANISER_WRITES = re.compile(r"参加(?:了)?(?:由)?我(?:中心|会|院|校|基地|学院|协会|学会|单位)(?:举办|组织|主办|承办)")
_NOTICE_TAIL = re.compile(r"联系人|联系电话|联系方式|回执|报名表|费用[^。]{0,8}报销|食宿")
_TOC_LINE = re.compile(r"(?:…{2,}|\.{4,}|·{4,}).{0,30}\d{1,4}\)?$|[(（]\d{1,4}[)）]$")
_CERTIFICATE_VOICE = re.compile(r"特发此证|颁发此证|发给此证|特颁此证")
# The word a title ends with (a trailing note in brackets or punctuation aside).
_FORM_END = re.compile(r"(?:(证明书?|证明信)|(证书|[^身份]证)|(通知)|((?:审批|申请|审核|呈批|报批)[表单]))[)）\]】]?[\s:：。.,，]*$")
_NOTICE_KINDS = ("training_notice", "conference_notice", "policy_notice")
_FORM_EXCLUDES = {"proof": _NOTICE_KINDS, "certificate": _NOTICE_KINDS, "approval": _NOTICE_KINDS,
                  "notice": ("completion_certificate", "employer_proof", "patent_certificate", "award_certificate",
                             "qualification_certificate", "sick_leave_proof", "maternity_proof", "overseas_proof")}
_NOTICE_HEAD = re.compile(r"通知|办法|意见|规定|细则|文件|决定|函|〔\d{4}〕")

# Who writes about whom. An employer's proof about its own staff member ("系我单位…",
# "本单位职工…" in a proof's voice) is an employer proof whatever the activity it describes
# (a service activity, a 支医 posting, a talk given); the activity is its topic.
_PROOF_VOICE = re.compile(r"特此证明|兹证明|情况属实|经核实|特此说明|予以证明|情况说明|真实性负责")
# …and one person's approval form whose opinion fields are the employer's own (科室意见,
# 单位审批意见: not the sending, receiving or supervising body's, nor the HR bureau's)
_EMPLOYER_OPINION = re.compile(r"(?<![派出收援管社案荐织])(?:科室|单位|部门|学校|医院|教研组)(?:主任|领导|负责人)?(?:审批|审核)?意见"
                               r"|(?:院|校|所|站|局|中心|公司)(?:领导|长)(?:审批|审核)?意见")
_ACTIVITY_KINDS = ("service_notice", "presentation_proof", "assignment_document", "training_notice",
                   "conference_notice", "sick_leave_proof")
# One person sent from their unit to a host for a period (援派/挂职/支教… registration,
# approval and filing forms): a sending-unit label, a host label, a period of the posting.
_ASSIGN_TOPIC = re.compile(r"援(?:派|疆|藏|外|助|青|建)|支援|挂职|支教|支医|支农|驻村|扶贫|帮扶|第一书记|派驻")
_SENDER = re.compile(r"(?:派出|选派|推荐|原工作|原)(?:单位|医院|学校|院校|机构|部门)")
_HOST = re.compile(r"(?:接收|受援|派驻|挂职|支教|支医|支农|援派|援助|帮扶|驻村|对口)(?:单位|医院|学校|院校|机构|地点|地区|地|县|乡镇|村|岗位|职务|科室)"
                   r"|派往|受援|服务单位")
_PERIOD = re.compile(r"期限|(?:援派|援疆|援藏|援外|支援|挂职|派驻|派出|驻村|支教|支医|支农|帮扶|选派)(?:时间|起止|年限|期间|月数|时长|天数)")
# The host of a posting writing about its guest: '…于2023年2月至9月在我单位开展支教工作',
# '在我院对口支援期间'; an appraisal of the guest (考核, 鉴定) is an assessment proof instead.
_HOSTED_POSTING = re.compile(r"(?:在|到|来)(?:我|本)(?:单位|院|校|中心|所|站|局|县|乡|镇|村)[\u4e00-\u9fff]{0,6}?"
                             r"(?:支教|支医|支农|援疆|援藏|援外|援派|挂职|帮扶|驻村|对口支援)")
_APPRAISAL = re.compile(r"考核|鉴定|评定|等次|测评|述职")
# A year's assessment result stated as such: '2023年度考核结果为“优秀”等次', '年度考核确定为合格'.
_ANNUAL_RESULT = re.compile(r"(?:年度|年终)[\u4e00-\u9fff]{0,6}?(?:考核|考评)[\u4e00-\u9fff]{0,6}?(?:结果|等次|确定为|评定为|评为)[\u4e00-\u9fff]{0,3}?"
                            r"[“\"]?(?:优秀|合格|称职|良好|基本合格|基本称职|不合格|不称职)")
# A guest's 进修 at the writer's unit (在我院急诊科进修, 来我院进修学习).
_HOSTED_STUDY = re.compile(r"(?:在|到|来)(?:我|本)(?:单位|院|校|中心|所|站)[\u4e00-\u9fff]{0,6}?进修")
# What some kinds are about, without which their words are another paper's topic: a filed
# training plan lists training programmes with hours (备案 alone names a procedure many
# papers go through); a sick-leave proof has a patient (门诊, 住院, 诊断 also describe a
# doctor's work); a presentation was given at a meeting (a talk at a school is not one).
_PLAN_CONTENT = re.compile(r"培训计划|继续教育计划|培训项目|继续教育项目|计划学时|项目名称.{0,40}学时")
_PATIENT = re.compile(r"患者|病人姓名|诊断证明|病假|病休|休息|全休|休养|因病|患病|病情|出院诊断|入院|住院号|门诊号|就诊|病历")
_MEETING = re.compile(r"会议|年会|论坛|研讨|学术|大会|交流会|峰会|沙龙")
_NEEDS = (("plan_filing", lambda flat: _PLAN_CONTENT.search(flat) or flat.count("学时") >= 2, 0.35),
          ("sick_leave_proof", _PATIENT.search, 0.5),
          ("presentation_proof", _MEETING.search, 0.5))
# An exam qualification (its name, level, management number, approval date) against a
# training (hours, credits, completion): 合格证明 wording is shared by both.
_QUAL_LABELS = re.compile(r"资格名称|资格级别|资格类别|报考级别|报考专业|报考科目|管理号|批准日期|专业技术资格|职业资格|执业资格"
                          r"|资格考试|资格证书|人事考试|取得.{0,16}资格|资格证|档案号|准考证号|考试级别|合格标志|成绩合格")
_TRAINING_WORDS = re.compile(r"培训|学时|学分|结业|继续教育|研修|进修|举办|课程学习")
_COURSE_RECORD = re.compile(r"学期|学年|学号|课程名称|开课|课程")
_CONFERENCE_WORDS = re.compile(r"会议|参会|会务|年会|征文|论文")


def _content_lines(doc: DocumentText) -> list[tuple[int, str]]:
    """(page number, normalised text) of every line with Chinese characters, in reading order."""
    return [(page.number, t) for page in doc.pages for t in (normalise(ln.text) for ln in page.lines)
            if re.search(r"[\u4e00-\u9fff]", t)]


def _head_text(doc: DocumentText) -> str:
    return "".join(t for _, t in _content_lines(doc)[:_HEAD_LINES])


def title_form(doc: DocumentText) -> str | None:
    """What the title says the paper is — 'proof' (…证明), 'certificate' (…证书, …证),
    'notice' (…通知), 'approval' (…审批表, …申请单: a request for someone's approval) — from
    the first title line that ends in one of these words."""
    for i, (page, line) in enumerate(_content_lines(doc)[:_HEAD_LINES]):
        if not _head_line(i, page, line):
            continue
        m = _FORM_END.search(line)
        if m:
            return "proof" if m.group(1) else "certificate" if m.group(2) else "notice" if m.group(3) else "approval"
    return None


def _head_line(i: int, page: int, line: str) -> bool:
    """A line that can be (part of) the title: among the first lines of page 1, short, not a
    文号 or certificate number, not a sentence."""
    return (page == 1 and i < _HEAD_LINES and len(line) <= 32 and not _NOISE_LINE.search(line)
            and not _SENTENCE.search(line.rstrip(":：")))


def _position_factor(i: int, page: int, line: str, cue_len: int) -> float:
    """Titles (first lines) and short heading lines near the top count more; the body of
    a long document (a policy notice listing every kind of evidence) counts less, and so
    do later pages."""
    if i < 5:
        f = 2.0
    elif i < 15 and len(line) <= 14 and cue_len * 2 >= len(line):
        f = 1.8  # a heading line of its own (结业证书, 证明)
    elif i < 10:
        f = 1.3
    else:
        f = 0.5 if i >= 30 else 1.0
    return f if page <= 1 else f * LATER_PAGE_FACTOR


def cue_scores(doc: DocumentText) -> dict[str, float]:
    """Kind → score from phrase cues, position-weighted. A cue counts fully once (repeats a
    little), and one line adds at most 1.5× its strongest cue to a kind (a line listing
    援藏、援疆、支教… is one piece of evidence, not eight). In a title line, the cue that ends
    it names the document (…单位证明) and the cues before it only its topic (服务基层…)."""
    lines = _content_lines(doc)
    starts, pos = [], 0
    for _, ln in lines:
        starts.append(pos)
        pos += len(ln)
    cues = find_cues("".join(ln for _, ln in lines), normalised=True)
    # Title lines that end in a cue: the type noun of the document.
    ends_with_cue: set[int] = set()
    for cue in cues:
        i = bisect.bisect_right(starts, cue.start) - 1
        page, line = lines[i]
        if _head_line(i, page, line) and cue.end >= starts[i] + len(_TRAILING.sub("", line)):
            ends_with_cue.add(i)
    per_line: dict[tuple[str, int], list[float]] = defaultdict(list)
    seen: dict[tuple[str, str], int] = defaultdict(int)
    for cue in cues:
        i = bisect.bisect_right(starts, cue.start) - 1
        page, line = lines[i]
        n = seen[(cue.kind, cue.phrase)]
        seen[(cue.kind, cue.phrase)] += 1
        if n > 3:
            continue
        weight = cue.weight * (1.0 if n == 0 else _REPEAT_WEIGHT) * _position_factor(i, page, line, cue.end - cue.start)
        if i in ends_with_cue:
            if cue.end >= starts[i] + len(_TRAILING.sub("", line)):
                weight *= TITLE_HEAD_BONUS  # a title's last word names the document: …单位证明
            elif cue.end <= starts[i] + len(line):
                weight *= TITLE_TOPIC_FACTOR  # …服务基层活动… in that title is its topic
        per_line[(cue.kind, i)].append(weight)
    scores: dict[str, float] = defaultdict(float)
    for (kind, _), weights in per_line.items():
        scores[kind] += min(sum(weights), 1.5 * max(weights))
    return scores


def structure_scores(doc: DocumentText) -> dict[str, float]:
    """Kind → score from identifiers, 文号, tables and the way a proof is written."""
    text = doc.text
    flat = normalise(text)
    s: dict[str, float] = defaultdict(float)
    patents = find_patent_numbers(text)
    if patents:
        s["patent_certificate"] += 5 if any(p.valid for p in patents) else 2.5
    if find_issns(text) or find_cn_numbers(text):
        s["journal_pages"] += 4
    elif re.search(r"第\d{1,3}卷(?:\(?第?\d{1,3}\)?期)|Vo[l1I|]\.?\d{1,3}.{0,6}N[o0]\.?\d{1,2}", flat):
        s["journal_pages"] += 4  # a volume/issue line: books have no issues
    elif re.search(r"(?:19|20)\d{2}年(?:\d{1,2}月)?第\d{1,2}期", flat):
        s["journal_pages"] += 3  # an issue line on a contents page
    if len(re.findall(r"\([\u4e00-\u9fff]{2,30}[,，][\u4e00-\u9fff]{2,8}\d{6}\)", flat)) >= 1:
        s["journal_pages"] += 2  # author affiliation with a postcode: (XX医院,河南郑州450000)
    toc = [ln for _, ln in _content_lines(doc) if _TOC_LINE.search(ln)]
    if len(toc) >= 3:  # a contents page: chapters are a book's, articles with authors a journal's
        s["book_pages" if re.search(r"第[一二三四五六七八九十\d]+[章节篇]", flat) else "journal_pages"] += 2
    if _CERTIFICATE_VOICE.search(flat):
        s["training_notice"] -= 3  # "特发此证": a certificate of what happened, not an announcement
        s["conference_notice"] -= 3
    if find_isbns(text):
        s["book_pages"] += 4
    if find_resident_ids(text):
        for k in ("completion_certificate", "qualification_certificate", "employer_proof"):
            s[k] += 0.5
    dn = own_doc_number(text)
    if dn and not dn.cited:
        for k, w in (("policy_notice", 1.5), ("training_notice", 1), ("conference_notice", 1),
                     ("assignment_document", 1), ("service_notice", 0.5), ("plan_filing", 0.5)):
            s[k] += w
        head = normalise("\n".join(ln.text for page in doc.pages[:1] for ln in page.lines[:8]))
        if "人社" in dn.prefix and "继续教育" in head and "通知" in head:
            s["policy_notice"] += 8  # the HR bureau's own notice about continuing education
    for page in doc.pages:
        for table in page.tables:
            cells = "".join(c or "" for row in table[:3] for c in row)
            if re.search(r"课程|科目", cells) and re.search(r"成绩|分数", cells):
                s["transcript"] += 4
    return s


def raw_scores(doc: DocumentText) -> dict[str, float]:
    """Kind → evidence score (cues + structure), `other` at its baseline plus its own cues."""
    raw: dict[str, float] = defaultdict(float)
    for part in (cue_scores(doc), structure_scores(doc)):
        for k, v in part.items():
            raw[k] += v
    raw[DocKind.other.value] += OTHER_BASELINE
    flat = normalise(doc.text)
    if (_someone_else_writes(doc, flat) or _signer_organised(doc, flat)) and not _own_staff(flat):
        raw["employer_proof"] *= 0.3  # the organiser or host vouching for a guest: its 兹证明… is not the employer's
    _who_and_what(doc, flat, raw)
    form = title_form(doc)
    for kind in _FORM_EXCLUDES.get(form, ()):
        if kind in raw:
            raw[kind] *= 0.3  # a page titled …证明 is no announcement, one titled …的通知 no certificate
    if raw.get("policy_notice") and not _NOTICE_HEAD.search(_head_text(doc)):
        raw["policy_notice"] *= 0.4  # policy is announced in notices, not on certificates or forms
    best = max((k for k in raw if k != DocKind.other.value), key=lambda k: raw[k], default=None)
    if best is None or raw[best] < raw[DocKind.other.value]:
        # Nothing names the page, but it ends like a notice (contact person, fees, reply
        # slip): the last page of a notice photographed on its own.
        tail = [ln for _, ln in _content_lines(doc)]
        if any(_NOTICE_TAIL.search(ln) for ln in tail):
            kind = "conference_notice" if any(_CONFERENCE_WORDS.search(ln) for ln in tail) else "training_notice"
            raw[kind] = max(raw[kind], raw[DocKind.other.value] + 0.5)
    return {k: v for k, v in raw.items() if v > 0}


def _signer(doc: DocumentText) -> str | None:
    """The organisation signing at the foot: the bottom-most of the last lines that is an
    organisation's name alone (a 盖章 note aside)."""
    for _, line in reversed(_content_lines(doc)[-6:]):
        text = re.sub(r"[(（]?(?:盖章|公章|签章)[)）]?|[:：]$", "", line).strip()
        name = org_name(text)
        if name and len(name) >= 4 and len(name) >= len(text) - 1:
            return name
    return None


def _signer_employs(doc: DocumentText, flat: str) -> bool:
    """The body places the person in the signing organisation ('…，现为洛阳市第一高级中学教务处
    副教授', '系XX医院职工'): the employer vouching for its own staff member."""
    name = _signer(doc)
    return bool(name and re.search(rf"(?:现为|现系|系|现任职于|现就职于|任职于|就职于|现工作于|现在)\s*{re.escape(name)}", flat))


def _signer_organised(doc: DocumentText, flat: str) -> bool:
    """The body names the signing organisation as the activity's organiser ('参加XX局组织开展
    的…活动', '随XX协会组织的服务队'): the organiser vouching for a participant."""
    name = _signer(doc)
    return bool(name and re.search(rf"(?:参加|参与|出席|随|跟随|由)(?:了)?\s*(?:由)?\s*{re.escape(name)}\s*"
                                   r"(?:组织|主办|举办|承办|开展|牵头|召开)", flat))


def _own_staff(flat: str) -> bool:
    """The text speaks of the writer's own staff member (系我单位…, 我院护士…, …在职专业技术
    人员), not of a guest or a patient."""
    return bool(_OWN_STAFF.search(flat)) and not _GUEST.search(flat) and not _PATIENT_SUBJECT.search(flat)


def _someone_else_writes(doc: DocumentText, flat: str) -> bool:
    """The organiser, the host or another third party vouches for a guest (兹证明<其他单位>
    <姓名>同志…, 参加我中心举办的…, 在我院进修…)."""
    if _THIRD_PARTY.search(flat) or _ORGANISER_WRITES.search(flat) or _GUEST.search(flat):
        return True
    return any(_ORG_PERSON_OPENING.search(line) for _, line in _content_lines(doc)[1:4])


def _employer_writes(doc: DocumentText, flat: str, posting: bool) -> bool:
    """The employer vouches for its own staff member: a proof about 我单位/本单位职工…, or one
    person's approval form signed off in the employer's opinion fields."""
    if _someone_else_writes(doc, flat) or (_signer_organised(doc, flat) and not _own_staff(flat)):
        return False
    if (_own_staff(flat) or _signer_employs(doc, flat)) and _PROOF_VOICE.search(flat):
        return True
    return bool(not posting and re.search(r"姓名|申请人|身份证", flat) and _EMPLOYER_OPINION.search(flat)
            and re.search(r"同意|情况属实", flat) and not _PATIENT_SUBJECT.search(flat))


def _who_and_what(doc: DocumentText, flat: str, raw: dict[str, float]) -> None:
    """Structural checks of what a paper is about, applied to the evidence scores in place:
    a posting form (one person, sender → host, period) is an assignment document even when
    its title says 备案表; a 备案 without training programmes is no plan filing; an exam
    qualification outweighs generic 合格 wording; an employer's proof about its own staff is
    an employer proof whatever activity it describes."""
    # One person sent to a host for a period.
    posting = False
    if _ASSIGN_TOPIC.search(flat) and title_form(doc) not in ("proof", "notice"):
        # a form or letter; a proof about the posting is the employer's or the host's
        # (weighed by who writes it), a notice is decided by its own wording
        roles = sum(bool(p.search(flat)) for p in (_SENDER, _HOST, _PERIOD))
        if roles >= 2:
            posting = True
            raw["assignment_document"] += 2.0 * roles + 2.0
    form = title_form(doc)
    if form != "certificate" and (_ANNUAL_RESULT.search(flat) or (_HOSTED_STUDY.search(flat) and _APPRAISAL.search(flat))):
        # what is certified is an appraisal: a year's assessment grade, or how a guest's 进修
        # at the host went (结业考核成绩优秀) — not the employer's leave or the course's completion
        raw["assessment_proof"] += 4.0
        raw["completion_certificate"] *= 0.5
        if _ANNUAL_RESULT.search(flat):
            raw["employer_proof"] *= 0.6  # the employer's voice; the year's grade is what it certifies
    if form == "proof" and _HOSTED_POSTING.search(flat) and not _APPRAISAL.search(flat):
        # the host certifying a guest's posting with it (…在我单位开展支教工作): the posting's paper
        raw["assignment_document"] += 4.0
        raw["employer_proof"] *= 0.5
    for kind, about, factor in _NEEDS:
        if raw.get(kind) and not about(flat):
            raw[kind] *= factor  # 备案表 of a posting, a doctor's 门诊 work, a talk at a school
    # Exam qualification against training completion.
    quals = {m.group(0)[:4] for m in _QUAL_LABELS.finditer(flat)}
    training = {m.group(0) for m in _TRAINING_WORDS.finditer(flat)}
    if len(quals) >= 2 and len(quals) > len(training):  # (a footer may mention 继续教育)
        raw["qualification_certificate"] += min(6.0, 1.5 * len(quals))
        raw["completion_certificate"] *= 0.4  # the 合格 of an exam, not of a course
        if not _COURSE_RECORD.search(flat):
            raw["transcript"] *= 0.5  # exam subjects and scores, not a course record
    elif training and raw.get("qualification_certificate") and _TRAINING_WORDS.search(_head_text(doc)):
        raw["qualification_certificate"] *= 0.5  # …继续教育合格证明 of a qualified person's training
    # The employer vouching for its own staff member: the activity is the topic. (Sick leave
    # vouched for by the employer is its proof too; the hospital's proof is of a patient.)
    if _employer_writes(doc, flat, posting):
        rival = max((k for k in raw if k not in ("employer_proof", DocKind.other.value)), key=raw.get, default=None)
        for kind in _ACTIVITY_KINDS:
            if kind in raw:
                raw[kind] *= 0.5
        if rival in _ACTIVITY_KINDS:  # an absence (产假, 境外) vouched for by the employer is its own kind
            raw["employer_proof"] += 3.0 if find_resident_ids(doc.text) else 2.0


def probabilities(raw: dict[str, float], params: dict | None = None) -> dict[str, float]:
    """Softmax of the evidence scores (the four strongest kinds and `other`) at the
    calibrated temperature."""
    p = CALIBRATION if params is None else params
    # The three strongest rivals compete with the winner and `other`; a long tail of weak
    # cues (a policy notice names every kind of evidence) is noise, not doubt.
    other = raw.get(DocKind.other.value, OTHER_BASELINE)
    top = dict(sorted(((k, v) for k, v in raw.items() if k != DocKind.other.value), key=lambda kv: -kv[1])[:4])
    top[DocKind.other.value] = other
    best = max(top.values())
    # The temperature grows with the top score: what matters is the margin relative to the
    # evidence found, so a long document's many cues do not make it look certain.
    temperature = max(p["t0"], best / p["t1"])
    exps = {k: math.exp((v - best) / temperature) for k, v in top.items()}
    total = sum(exps.values())
    return {k: e / total for k, e in exps.items()}


def decide(raw: dict[str, float], params: dict | None = None) -> tuple[str, float, dict[str, float]]:
    """(kind, calibrated confidence, probabilities) from evidence scores. `other` won by
    default — nothing named the page — is capped at `other_plain`: such pages are as often
    an unreadable or cropped page of some evidence as a paper that is no evidence."""
    p = CALIBRATION if params is None else params
    probs = probabilities(raw, p)
    best = max(probs, key=lambda k: (probs[k], k != DocKind.other.value))
    conf = probs[best]
    if best == DocKind.other.value and raw.get(best, OTHER_BASELINE) <= OTHER_BASELINE:
        conf = min(conf, p["other_plain"])
    return best, min(MAX_CONFIDENCE, conf), probs


def classify_document(doc: DocumentText) -> KindGuess:
    """The document's kind with a confidence in [0, 1] (calibrated: on labelled data, of the
    documents given confidence ≈ p, a fraction ≈ p is right); `scores` holds the
    probabilities of the four strongest kinds and of `other`."""
    best, conf, probs = decide(raw_scores(doc))
    shown = {k: round(v, 3) for k, v in sorted(probs.items(), key=lambda kv: -kv[1]) if v >= 0.005}
    return KindGuess(kind=DocKind(best), confidence=round(conf, 3), scores=shown)


def classify_claim(ctx: ClaimContext) -> CategoryGuess:
    """The claim's category (1–16) from its documents' kinds and contents; the manifest's
    declared category is not used (a disagreement is a flag, see pipeline.flags)."""
    category, confidence, reason = decide_category(ctx)
    return CategoryGuess(category=category, confidence=round(confidence, 3), reason=reason)
