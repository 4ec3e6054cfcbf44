"""Classification: which document kind a file is, and which of the 16 categories a claim is.

`classify_document` weighs kind cues (pipeline.nlp) by where they stand — the title (the
first heading lines of the first page) most, and in the title the word that ends it (the
document's type noun: …单位证明, …结业证书, …的通知) more than the topic words before it; later
pages of a multi-page file count less — plus structural evidence (a valid patent number, an
ISSN or a volume/issue line, a contents page, a 文号, a course table). Three checks of form
follow: a title ending in 证明/证书 rules out a notice and one ending in 通知 a certificate; a
proof written by a third party about someone else's staff is not an employer proof; a policy
notice must look like a notice. A page that names nothing but ends like a notice (contact
person, fees) is taken as a notice's last page. The scores become probabilities by a softmax
against an `other` baseline at a temperature fitted on labelled data (`CALIBRATION`), so the
confidence reads as the chance the kind is right.

`classify_claim` maps the kinds (and, for training, the organiser) of a claim's documents
to a category with a Chinese reason (rules in pipeline.policy.categories). A spaCy text
classifier was tried against these rules and lost (pipeline/textcat.py has the figures)."""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict

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
# 0.025 (0.016) clean, 0.032 (0.041) damaged.
CALIBRATION = {"t0": 1.5, "t1": 8.0, "other_plain": 0.4}

_SENTENCE = re.compile(r"[,，。;；:：!！?？]")  # titles carry no sentence punctuation
_TRAILING = re.compile(r"[\s:：。.,，、;；!！]*$")
_NOISE_LINE = re.compile(
    r"^(?:[\u4e00-\u9fff]{1,12}[〔\[【(（]\s*(?:19|20)\d{2}\s*[〕\]】)）]\s*(?:第)?\d{1,4}号"  # 文号
    r"|(?:证书)?(?:编号|证号|证书号)|No\.?\s*\w"  # certificate numbers
    r"|第\s*\d{1,4}\s*期$|(?:19|20)\d{2}\s*年.{0,8}第\s*\d+\s*期)")  # issue lines
_OWN_STAFF = re.compile(r"系我(?:单位|院|校|局|中心|公司|所|站)|(?:我|本)(?:单位|院|校|局|中心|公司)(?:在编)?(?:职工|员工|教师|医师|人员|干部)"
                        r"|(?:我|本)(?:单位|院|校)[\u4e00-\u9fff]{1,8}(?:科|部|组|室|所|处)")
# "兹证明<another organisation><name>同志…": a proof written by someone other than the employer
_THIRD_PARTY = re.compile(r"兹证明[\u4e00-\u9fff()]{2,24}?(?:医院|学校|中学|小学|大学|学院|公司|中心|局|院|所|站|厂|委员会|协会|学会)"
                          r"[\u4e00-\u9fff·]{2,4}同志")
# "…参加我中心举办的…": the organiser writing, not the employer
_ORGANISER_WRITES = re.compile(r"参加(?:了)?(?:由)?我(?:中心|会|院|校|基地|学院|协会|学会|单位)(?:举办|组织|主办|承办)")
_NOTICE_TAIL = re.compile(r"联系人|联系电话|联系方式|回执|报名表|费用[^。]{0,8}报销|食宿")
_TOC_LINE = re.compile(r"(?:…{2,}|\.{4,}|·{4,}).{0,30}\d{1,4}\)?$|[(（]\d{1,4}[)）]$")
_CERTIFICATE_VOICE = re.compile(r"特发此证|颁发此证|发给此证|特颁此证")
# The word a title ends with (a trailing note in brackets or punctuation aside).
_FORM_END = re.compile(r"(?:(证明书?|证明信)|(证书|[^身份]证)|(通知))[)）\]】]?[\s:：。.,，]*$")
_NOTICE_KINDS = ("training_notice", "conference_notice", "policy_notice")
_FORM_EXCLUDES = {"proof": _NOTICE_KINDS, "certificate": _NOTICE_KINDS,
                  "notice": ("completion_certificate", "employer_proof", "patent_certificate", "award_certificate",
                             "qualification_certificate", "sick_leave_proof", "maternity_proof", "overseas_proof")}
_NOTICE_HEAD = re.compile(r"通知|办法|意见|规定|细则|文件|决定|函|〔\d{4}〕")
_CONFERENCE_WORDS = re.compile(r"会议|参会|会务|年会|征文|论文")


def _content_lines(doc: DocumentText) -> list[tuple[int, str]]:
    """(page number, normalised text) of every line with Chinese characters, in reading order."""
    return [(page.number, t) for page in doc.pages for t in (normalise(ln.text) for ln in page.lines)
            if re.search(r"[\u4e00-\u9fff]", t)]


def _head_text(doc: DocumentText) -> str:
    return "".join(t for _, t in _content_lines(doc)[:_HEAD_LINES])


def title_form(doc: DocumentText) -> str | None:
    """What the title says the paper is — 'proof' (…证明), 'certificate' (…证书, …证),
    'notice' (…通知) — from the first title line that ends in one of these words."""
    for i, (page, line) in enumerate(_content_lines(doc)[:_HEAD_LINES]):
        if not _head_line(i, page, line):
            continue
        m = _FORM_END.search(line)
        if m:
            return "proof" if m.group(1) else "certificate" if m.group(2) else "notice"
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
    elif re.search(r"第\d{1,3}卷(?:\(?第?\d{1,3}\)?期)|Vol\.?\d{1,3}.{0,6}No\.?\d{1,2}", flat):
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
    if (_THIRD_PARTY.search(flat) or _ORGANISER_WRITES.search(flat)) and not _OWN_STAFF.search(flat):
        raw["employer_proof"] *= 0.3  # the organiser vouching for a guest: its 兹证明… is not the employer's
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
