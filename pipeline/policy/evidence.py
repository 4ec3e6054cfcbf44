"""Reading a claim's fields for the policy: which documents to trust for a value, the dates
that place the evidence in a year, and the declarant's rank in a name list."""

from __future__ import annotations

import json
import re
from datetime import date

from extractors._text.dates import month_end
from extractors._text.names import rank_of
from schemas.kinds import DocKind
from schemas.records import ClaimContext

K = DocKind
TRAINING_KINDS = (K.completion_certificate, K.training_notice, K.employer_proof, K.plan_filing)
# Where each category's dated evidence is, in order of trust: (kinds, start field, end field).
DATE_SOURCES: dict[int, list[tuple[tuple[DocKind, ...], str, str]]] = {
    1: [(TRAINING_KINDS, "start_date", "end_date"), ((K.completion_certificate,), "issue_date", "issue_date")],
    3: [],  # per course (term years), see calculators
    4: [((K.conference_notice, K.presentation_proof), "start_date", "end_date")],
    5: [((K.project_proof,), "start_date", "end_date"), ((K.project_proof,), "issue_date", "issue_date")],
    6: [((K.journal_pages,), "year", "year"), ((K.book_pages,), "issue_date", "issue_date")],
    7: [((K.patent_certificate,), "grant_date", "grant_date")],
    8: [((K.award_certificate,), "issue_date", "issue_date")],
    9: [((K.qualification_certificate,), "pass_date", "pass_date"), ((K.qualification_certificate,), "issue_date", "issue_date")],
    10: [((K.leader_endorsement,), "issue_date", "issue_date")],
    11: [((K.assignment_document, K.employer_proof), "start_date", "end_date")],
    12: [((K.service_notice, K.employer_proof), "start_date", "end_date")],
    15: [((K.maternity_proof, K.sick_leave_proof, K.overseas_proof, K.employer_proof), "leave_start", "leave_end")],
}
for _c in (2, 13, 14):
    DATE_SOURCES[_c] = DATE_SOURCES[1]


def field(ctx: ClaimContext, name: str, kinds=None) -> str | None:
    """First non-empty value of `name`, searching documents of `kinds` in that order."""
    docs = ctx.documents if kinds is None else [d for k in kinds for d in ctx.documents if d.doc_kind == k]
    return next((v for d in docs if (v := d.field(name))), None)


def parse_period(value: str | None) -> tuple[date, date] | None:
    """'2023-06-13' → that day; '2023-06' → the month; '2023' → the year."""
    if not value:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    if not m:
        return None
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    if d:
        day = date(y, int(mo), int(d))
        return day, day
    if mo:
        return date(y, int(mo), 1), month_end(y, int(mo))
    return date(y, 1, 1), date(y, 12, 31)


def evidence_period(ctx: ClaimContext, category: int) -> tuple[date, date, str] | None:
    """(start, end, field label) of the evidence that dates the claim, or None if undated."""
    for kinds, start_name, end_name in DATE_SOURCES.get(category, []):
        s, e = field(ctx, start_name, kinds), field(ctx, end_name, kinds)
        ps, pe = parse_period(s), parse_period(e or s)
        if ps or pe:
            start, end = (ps or pe)[0], (pe or ps)[1]
            return start, max(start, end), start_name if start_name == end_name else f"{start_name}–{end_name}"
    return None


def in_year(ctx: ClaimContext, category: int) -> bool | None:
    """Whether the dated evidence overlaps the declaration year (None: undated)."""
    p = evidence_period(ctx, category)
    if p is None:
        return None
    return p[0] <= date(ctx.year, 12, 31) and p[1] >= date(ctx.year, 1, 1)


def json_list(value: str | None) -> list:
    try:
        out = json.loads(value) if value else []
    except json.JSONDecodeError:
        return []
    return out if isinstance(out, list) else []


def name_lists(ctx: ClaimContext, list_field: str, kinds) -> list[list[str]]:
    """Every ordered name list of `list_field` in the documents of `kinds` (a journal's
    contents page adds one list per article, from its `articles` field)."""
    out = []
    for d in (d for k in kinds for d in ctx.documents if d.doc_kind == k):
        names = [n for n in json_list(d.field(list_field)) if isinstance(n, str)]
        if names:
            out.append(names)
        for art in json_list(d.field("articles")) if list_field == "authors" else []:
            if isinstance(art, dict) and art.get("authors"):
                out.append([n for n in art["authors"] if isinstance(n, str)])
    return out


def declarant_rank(ctx: ClaimContext, rank_field: str, list_field: str, kinds) -> tuple[int | None, str]:
    """The declarant's rank: written explicitly, else their place in the first name list
    (over all the claim's documents of `kinds`) that holds them, best match first.
    Returns (rank, how) with how in explicit / exact / ocr_variant / loose / missing."""
    explicit = field(ctx, rank_field, kinds)
    if explicit and explicit.isdigit():
        return int(explicit), "explicit"
    if not ctx.person_name:
        return None, "missing"
    found = [rank_of(ctx.person_name, names) for names in name_lists(ctx, list_field, kinds)]
    order = {"exact": 0, "ocr_variant": 1, "loose": 2}
    found = sorted((f for f in found if f[0]), key=lambda f: order[f[1]])
    return found[0] if found else (None, "missing")
