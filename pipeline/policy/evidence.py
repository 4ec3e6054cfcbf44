"""Reading a claim's fields for the policy: which documents to trust for a value, the dates
that place the evidence in a year (and the months of a period inside it), the declarant's
rank in a name list, and whether a training is in a filed annual plan."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field as dc_field
from datetime import date
from difflib import SequenceMatcher

from extractors._text.dates import month_end
from extractors._text.normalize import to_halfwidth
from pipeline import declarant
from schemas.kinds import DocKind
from schemas.records import ClaimContext, ClaimDocument

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


def _future(p: tuple[date, date] | None, today: date) -> bool:
    return p is not None and p[0] > today


def surest(ctx: ClaimContext, name: str, kinds) -> str | None:
    """The value of `name` read with the most confidence on the documents of `kinds`."""
    rows = [f for d in ctx.documents if d.doc_kind in kinds for f in d.fields if f.name == name and f.value]
    return max(rows, key=lambda f: f.confidence).value if rows else None


def consensus(ctx: ClaimContext, name: str, kinds) -> str | None:
    """The value of `name` most of the documents of `kinds` give (by summed confidence; a tie
    goes to the first kind's): three documents of one training, one misread ('3' days where
    the notice and the proof read 4), agree on the others' reading."""
    votes: dict[str, float] = {}
    for k in kinds:
        for d in ctx.documents:
            if d.doc_kind == k and (f := max((f for f in d.fields if f.name == name and f.value),
                                              key=lambda f: f.confidence, default=None)):
                votes[f.value] = votes.get(f.value, 0.0) + f.confidence
    return max(votes, key=lambda v: votes[v]) if votes else None


def evidence_period(ctx: ClaimContext, category: int) -> tuple[date, date, str] | None:
    """(start, end, field label) of the evidence that dates the claim, or None if undated.
    A single date (issue, grant, pass date, a journal's year) is the surest reading of it
    among the claim's documents; one later than today cannot be right (a misread year): it
    is passed over, see `implausible_dates`."""
    today = date.today()
    for kinds, start_name, end_name in DATE_SOURCES.get(category, []):
        if start_name == end_name:
            s = e = surest(ctx, start_name, kinds)
        else:
            s, e = field(ctx, start_name, kinds), field(ctx, end_name, kinds)
        ps, pe = parse_period(s), parse_period(e or s)
        if start_name == end_name and _future(ps, today):
            continue
        if ps or pe:
            start, end = (ps or pe)[0], (pe or ps)[1]
            return start, max(start, end), start_name if start_name == end_name else f"{start_name}–{end_name}"
    return None


def implausible_dates(ctx: ClaimContext, category: int) -> list[tuple[str, str]]:
    """(field, value) of single dates passed over because they lie in the future."""
    today = date.today()
    out = []
    for kinds, start_name, end_name in DATE_SOURCES.get(category, []):
        if start_name == end_name and (v := surest(ctx, start_name, kinds)) and _future(parse_period(v), today):
            out.append((start_name, v))
    return out


def calendar_months(start: date, end: date, year: int) -> float:
    """Months of [start, end] inside `year`, whole calendar months counting 1 each and a
    part of a month its share of days (Jan 1–Jun 30 = 6.0; Apr 1–Sep 6 = 5.2)."""
    lo, hi = max(start, date(year, 1, 1)), min(end, date(year, 12, 31))
    total, y, m = 0.0, lo.year, lo.month
    while hi >= lo and (y, m) <= (hi.year, hi.month):
        first, last = date(y, m, 1), month_end(y, m)
        a, b = max(lo, first), min(hi, last)
        total += ((b - a).days + 1) / ((last - first).days + 1)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return round(total, 2)


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
    return [names for k in kinds for d in ctx.documents if d.doc_kind == k
            for names, _ in declarant.doc_lists(d, list_field)]


def declarant_rank(ctx: ClaimContext, rank_field: str, list_field: str, kinds) -> tuple[int | None, str]:
    """The declarant's rank: the rank field (resolved by the claim stage, or written on the
    evidence), else their place in the best name list of `kinds` that holds them.
    Returns (rank, how) with how in explicit / exact / ocr_variant / loose / missing."""
    ranks = [f for k in kinds for d in ctx.documents if d.doc_kind == k for f in d.fields
             if f.name == rank_field and f.value.isdigit()]
    if ranks:  # the surest, when pages disagree (a contents page vs the article's byline)
        return int(max(ranks, key=lambda f: f.confidence).value), "explicit"
    name, _ = declarant.declarant_name(ctx)
    if not name:
        return None, "missing"
    docs = [d for k in kinds for d in ctx.documents if d.doc_kind == k]
    hit = declarant.best_list_match(name, [lf for d in docs for lf in declarant.doc_lists(d, list_field)])
    return (hit[0].rank, hit[0].quality) if hit else (None, "missing")


# --- filed annual training plans (categories 13 and 14) ---------------------------------------

@dataclass(frozen=True)
class FiledPlan:
    """One filed annual training plan: the trainings it lists. From a `plan_filing` document
    of this batch or database, or (later) from a plan-filings table."""

    trainings: tuple[str, ...]
    year: int | None = None
    filer: str | None = None
    source: str = ""  # document path, or the table it came from
    organizers: tuple[str | None, ...] = ()  # per training, where the plan names its organiser
    filed_date: date | None = None  # when HR received/stamped the filing, where known
    # the rows of a photographed plan table: (row, title, month, hours), None where a cell did not read
    rows: tuple[tuple[int, str | None, int | None, float | None], ...] = ()


def plans_from_documents(docs: list[ClaimDocument]) -> list[FiledPlan]:
    """The filed plans among `docs` (their `plan_filing` documents' `trainings` lists)."""
    out = []
    for d in docs:
        if d.doc_kind != K.plan_filing:
            continue
        titles, orgs = [], []
        listed = json_list(d.field("trainings"))
        beside = json_list(d.field("training_organizers"))  # the extractor's per-row organisers
        beside = beside if len(beside) == len(listed) else [None] * len(listed)
        for t, org in zip(listed, beside):
            title = t.get("title") if isinstance(t, dict) else t
            if isinstance(title, str) and title.strip():
                titles.append(title.strip())
                orgs.append((t.get("organizer") or None) if isinstance(t, dict) else (org or None))
        rows = tuple((int(r["row"]), r.get("title"), r.get("month"), None if r.get("hours") is None else float(r["hours"]))
                     for r in json_list(d.field("plan_rows")) if isinstance(r, dict) and r.get("row"))
        if titles or rows:
            y = d.field("year")
            out.append(FiledPlan(tuple(titles), int(y) if y and y.isdigit() else None,
                                 d.field("filer"), d.path, tuple(orgs), _iso(d.field("issue_date")), rows))
    return out


_GENERIC = re.compile(r"(?:19|20)\d{2}\s*年度?|第[一二三四五六七八九十\d]+期|专业技术人员|继续教育|专题|高级|"
                      r"培训班|研修班|培训|研修|讲座|院内|校本|内部|全员|全市|全省|[班期]")


def _title_core(title: str) -> str:
    t = re.sub(r"[^\u4e00-\u9fffA-Za-z0-9]", "", to_halfwidth(title))
    return _GENERIC.sub("", t)


def same_training(a: str, b: str, threshold: float = 0.78) -> bool:
    """Two titles of one training, allowing OCR slips: their distinctive parts (without the
    year and words like 培训班/专业技术人员) agree to `threshold`."""
    ca, cb = _title_core(a), _title_core(b)
    if len(ca) < 2 or len(cb) < 2:
        return False
    if ca == cb or (min(len(ca), len(cb)) >= 4 and (ca in cb or cb in ca)):
        return True
    return SequenceMatcher(None, ca, cb).ratio() >= threshold


def training_titles(ctx: ClaimContext) -> list[str]:
    """The claimed training's title as each training document gives it."""
    kinds = (K.completion_certificate, K.training_notice, K.employer_proof)
    return list(dict.fromkeys(v for k in kinds for d in ctx.documents if d.doc_kind == k
                              for f in d.fields if f.name == "title" and (v := f.value.strip())))


def _org(name: str | None) -> str:
    return re.sub(r"[^\u4e00-\u9fffA-Za-z0-9]", "", to_halfwidth(name or ""))


# Henan's prefecture-level cities: an organisation's city is snapped to one of them, so that an
# OCR slip (平硕山市) still matches while two real cities one character apart (南阳/洛阳) do not.
HENAN_CITIES = ("郑州", "开封", "洛阳", "平顶山", "安阳", "鹤壁", "新乡", "焦作", "濮阳", "许昌", "漯河", "三门峡",
                "南阳", "商丘", "信阳", "周口", "驻马店", "济源")
_CITY = re.compile(r"^(?:河南省)?([\u4e00-\u9fff]{2,3}?)市")


def _city(org: str | None) -> tuple[str | None, str]:
    """(city, rest of the name): the city snapped to a Henan city when one character off."""
    o = _org(org)
    m = _CITY.match(o)
    if not m:
        return None, o
    raw, rest = m.group(1), o[m.end():]
    if raw in HENAN_CITIES:
        return raw, rest
    near = [c for c in HENAN_CITIES if len(c) == len(raw) and sum(a != b for a, b in zip(c, raw)) == 1]
    return (near[0] if len(near) == 1 else raw), rest


# A document number (文号) opens with its issuer's short name, and a city body's or a city
# firm's with the city's one-character name: '漯人社〔2023〕12号', '洛中原建工〔2023〕86号'
# (豫 is the province). 南阳's is 宛.
CITY_SHORT = {"郑": "郑州", "汴": "开封", "洛": "洛阳", "平": "平顶山", "安": "安阳", "鹤": "鹤壁", "新": "新乡",
              "焦": "焦作", "濮": "濮阳", "许": "许昌", "漯": "漯河", "宛": "南阳", "商": "商丘", "信": "信阳",
              "周": "周口", "驻": "驻马店", "济": "济源"}


def document_number_city(number: str | None) -> str | None:
    """The city a document number's opening character names ('漯豫通〔2023〕148号' → 漯河)."""
    m = re.match(r"\s*([\u4e00-\u9fff])[\u4e00-\u9fff]{0,8}\s*[〔\[(（【]\s*(?:19|20)\d{2}", number or "")
    return CITY_SHORT.get(m.group(1)) if m else None


def same_org(a: str | None, b: str | None) -> bool:
    """One organisation, allowing an OCR slip or two (平硕山市教育局 ≈ 平顶山市教育局, but
    南阳市卫生健康委员会 ≠ 洛阳市卫生健康委员会)."""
    (ca, ra), (cb, rb) = _city(a), _city(b)
    if ca and cb and ca != cb:
        return False
    x, y = (ra, rb) if ca and cb else (_org(a), _org(b))
    return bool(x and y) and (x == y or SequenceMatcher(None, x, y).ratio() >= 0.85)


def _organizers(ctx: ClaimContext) -> list[str]:
    kinds = (K.completion_certificate, K.training_notice)
    return list(dict.fromkeys(v for k in kinds for d in ctx.documents if d.doc_kind == k
                              for f in d.fields if f.name == "organizer" and (v := f.value.strip())))


def _plan_applies(plan: FiledPlan, ctx: ClaimContext, category: int, own: list[FiledPlan]) -> bool:
    """Whether a plan filed elsewhere (another claim, the database, a table) can hold this
    claim's training: the organising department's own plan (13), or the plan of the
    department the claim's own filings name, else one naming the claim's organiser beside a
    training, else one in the organiser's city (14): the city its name gives, else the city
    the training documents' 文号 open with."""
    if plan in own or not plan.filer:
        return True
    organizers = _organizers(ctx)
    if category == 13:
        return not organizers or any(same_org(plan.filer, o) for o in organizers)
    if own:
        return any(same_org(plan.filer, p.filer) for p in own if p.filer)
    if any(o and same_org(o, x) for o in plan.organizers for x in organizers):
        return True  # the plan names the claim's organiser beside a training it lists
    cities = {c for o in organizers if (c := _city(o)[0])}
    if not cities:  # an organiser named without its city ('河南省豫通路桥工程有限公司'): its 文号's
        cities = {c for d in ctx.documents if d.doc_kind in (K.training_notice, K.completion_certificate)
                  if (c := document_number_city(d.field("document_number")))}
    city = _city(plan.filer)[0]
    return not cities or not city or city in cities


@dataclass
class PlanCheck:
    """Whether the claimed training is in a filed plan of the declaration year."""

    filed: bool
    titles: list[str]
    plan: FiledPlan | None = None
    entry: str | None = None
    plans_checked: list[FiledPlan] = dc_field(default_factory=list)
    late: list[FiledPlan] = dc_field(default_factory=list)  # listed it, but filed after the deadline


def check_plan(ctx: ClaimContext, plans: list[FiledPlan] | None = None, category: int = 13,
               deadline: date | None = None) -> PlanCheck:
    """The one place categories 13/14 are checked against filed plans: the claim's own plan
    filings, plus `plans` from any other source (plan filings elsewhere in the batch and
    database, a plan-filings table) that can hold the training (see `_plan_applies`). A
    plan of another year does not count; a listed training matches on its title (fuzzy,
    see `same_training`) and, where the plan names its organiser, on the organiser. With a
    filing `deadline` (Zhengzhou: Apr 20), a plan filed after it does not count. When no
    listed name matches, a row of the claim's own photographed plan whose name did not read
    can hold it by its month and hours (`_row_by_month_and_hours`; the entry says so)."""
    own = plans_from_documents(ctx.documents)
    pool = list(dict.fromkeys([*own, *(plans or [])]))
    pool = [p for p in pool if p.year in (None, ctx.year) and _plan_applies(p, ctx, category, own)]
    titles, organizers = training_titles(ctx), _organizers(ctx)
    late = []
    for plan in pool:
        for i, entry in enumerate(plan.trainings):
            org = plan.organizers[i] if i < len(plan.organizers) else None
            if org and organizers and not any(same_org(org, o) for o in organizers):
                continue  # the plan lists a training of that name by another organiser
            if any(same_training(t, entry) for t in titles):
                if deadline and plan.filed_date and plan.filed_date > deadline:
                    late.append(plan)
                    break
                return PlanCheck(True, titles, plan, entry, pool)
    if not late and (row := _row_by_month_and_hours(ctx, titles, [p for p in pool if p in own])):
        plan, (n, title, month, hours) = row
        named = f"名称读作“{title}”" if title else "名称未能识别"
        told = "、".join(x for x in (f"{month}月" if month else "", f"{hours:g}学时" if hours is not None else "") if x)
        return PlanCheck(True, titles, plan, f"第{n}行，{named}，{told}{ROW_GUESS}", pool)
    return PlanCheck(False, titles, None, None, pool, late)


ROW_GUESS = "与本培训相符，需核对"  # the note of a plan row matched by month and hours (flags.py warns on it)


def _row_by_month_and_hours(ctx: ClaimContext, titles: list[str], own: list[FiledPlan]):
    """The one row of the claim's own photographed plan that can be the training when no name
    the plan lists matched: its name did not read, or reads only half alike (a blurred cell,
    '急北重空教治技术' for '急危重症救治技术'); its month (where it read) is the month the
    training began and its hours (where they read) the hours stated, and at least one of the
    two read. (plan, row), or None when no row fits or several do."""
    kinds = (K.training_notice, K.completion_certificate, K.employer_proof)
    start = parse_period(field(ctx, "start_date", kinds))
    try:
        hours = float(field(ctx, "hours_stated", kinds) or "")
    except ValueError:
        hours = None
    month = start[0].month if start else None
    fits = []
    for p in own:
        for r in p.rows:
            _, title, m, h = r
            if title and not any(same_training(title, t, threshold=0.5) for t in titles):
                continue  # the row reads as another training
            if (m is not None and m != month) or (h is not None and h != hours):
                continue
            if (m is not None and month is not None) or (h is not None and hours is not None):
                fits.append((p, r))
    return fits[0] if len(fits) == 1 else None


def _iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None
