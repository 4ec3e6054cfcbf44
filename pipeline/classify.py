"""Classification: which document kind a file is, and which of the 16 categories a claim is.

`classify_document` weighs kind cues (pipeline.nlp) by where they stand — the first lines
and short heading lines count more — plus structural evidence (a valid patent number, an
ISSN, a 文号, a course table), and turns the scores into a softmax-like confidence against an
`other` baseline. `classify_claim` maps the kinds (and, for training, the organiser) of a
claim's documents to a category with a Chinese reason."""

from __future__ import annotations

import bisect
import math
import re
from collections import defaultdict

from extractors._text.docnum import own_doc_number
from extractors._text.ids import find_cn_numbers, find_isbns, find_issns, find_patent_numbers, find_resident_ids
from pipeline.policy.categories import decide_category
from pipeline.nlp import find_cues, normalise
from schemas.document import DocumentText
from schemas.kinds import DocKind
from schemas.records import CategoryGuess, ClaimContext, KindGuess

OTHER_BASELINE = 2.5  # score `other` competes with: below it nothing convincing was found
TEMPERATURE = 2.0  # at least; see classify_document
MAX_CONFIDENCE = 0.99  # keyword evidence never makes a kind certain
TITLE_HEAD_BONUS = 1.5
_REPEAT_WEIGHT = 0.25  # each further occurrence of a cue, at most 3 counted


def _position_factor(line_no: int, line: str, cue_len: int) -> float:
    """Titles (first lines) and short heading lines near the top count more; the body of
    a long document (a policy notice listing every kind of evidence) counts less."""
    if line_no < 5:
        return 2.0
    if line_no < 15 and len(line) <= 14 and cue_len * 2 >= len(line):
        return 1.8  # a heading line of its own (结业证书, 证明)
    if line_no < 10:
        return 1.3
    return 0.5 if line_no >= 30 else 1.0


def cue_scores(doc: DocumentText) -> dict[str, float]:
    """Kind → score from phrase cues, position-weighted. A cue counts fully once (repeats a
    little), and one line adds at most 1.5× its strongest cue to a kind (a line listing
    援藏、援疆、支教… is one piece of evidence, not eight)."""
    lines = [ln for ln in (normalise(ln.text) for page in doc.pages for ln in page.lines)
             if re.search(r"[\u4e00-\u9fff]", ln)]
    starts, pos = [], 0
    for ln in lines:
        starts.append(pos)
        pos += len(ln)
    per_line: dict[tuple[str, int], list[float]] = defaultdict(list)
    seen: dict[tuple[str, str], int] = defaultdict(int)
    for cue in find_cues("".join(lines), normalised=True):
        i = bisect.bisect_right(starts, cue.start) - 1
        n = seen[(cue.kind, cue.phrase)]
        seen[(cue.kind, cue.phrase)] += 1
        if n <= 3:
            weight = cue.weight * (1.0 if n == 0 else _REPEAT_WEIGHT)
            if i < 3 and cue.end == starts[i] + len(lines[i]):
                weight *= TITLE_HEAD_BONUS  # a title's last word names the document: …单位证明
            per_line[(cue.kind, i)].append(weight * _position_factor(i, lines[i], cue.end - cue.start))
    scores: dict[str, float] = defaultdict(float)
    for (kind, _), weights in per_line.items():
        scores[kind] += min(sum(weights), 1.5 * max(weights))
    return scores


def structure_scores(doc: DocumentText) -> dict[str, float]:
    """Kind → score from identifiers, 文号 and tables."""
    text = doc.text
    s: dict[str, float] = defaultdict(float)
    patents = find_patent_numbers(text)
    if patents:
        s["patent_certificate"] += 5 if any(p.valid for p in patents) else 2.5
    if find_issns(text) or find_cn_numbers(text):
        s["journal_pages"] += 4
    elif re.search(r"(?:19|20)\d{2}\s*年\s*第\s*\d{1,2}\s*期", text):
        s["journal_pages"] += 2  # an issue line on a contents page
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


def classify_document(doc: DocumentText) -> KindGuess:
    """The document's kind with a confidence in [0, 1]; `scores` holds the probabilities of
    the four strongest kinds and of `other`."""
    raw: dict[str, float] = defaultdict(float)
    for part in (cue_scores(doc), structure_scores(doc)):
        for k, v in part.items():
            raw[k] += v
    # The three strongest rivals compete with the winner and `other`; a long tail of weak
    # cues (a policy notice names every kind of evidence) is noise, not doubt.
    raw = dict(sorted(((k, v) for k, v in raw.items() if v > 0), key=lambda kv: -kv[1])[:4])
    raw[DocKind.other.value] = OTHER_BASELINE
    top = max(raw.values())
    # The temperature grows with the top score: what matters is the margin relative to the
    # evidence found, so a long document's many cues do not make it look certain.
    temperature = max(TEMPERATURE, top / 4)
    exps = {k: math.exp((v - top) / temperature) for k, v in raw.items()}
    total = sum(exps.values())
    probs = {k: round(e / total, 3) for k, e in sorted(exps.items(), key=lambda kv: -kv[1]) if e / total >= 0.005}
    best = max(raw, key=lambda k: (raw[k], k != DocKind.other.value))
    return KindGuess(kind=DocKind(best), confidence=min(MAX_CONFIDENCE, round(exps[best] / total, 3)), scores=probs)


def classify_claim(ctx: ClaimContext) -> CategoryGuess:
    """The claim's category (1–16) from its documents' kinds and contents; the manifest's
    declared category is not used (a disagreement is a flag, see pipeline.flags)."""
    category, confidence, reason = decide_category(ctx)
    return CategoryGuess(category=category, confidence=round(confidence, 3), reason=reason)
