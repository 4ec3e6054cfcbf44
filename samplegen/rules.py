"""The default hour-conversion table of domain.md, as small functions returning
(hours, rule_id, assumed). Policy overrides are the pipeline's business; these produce the
*expected* proposals stored in labels.json.

Rule ids are the pipeline's (pipeline/policy/rules/luohe_2018.toml keys, with the specific
case appended): 1.stated, 2.per_day, 3.courses, 4.national, 4.provincial.paper_short,
5.national.main.3, 5.other, 6.paper.national.1, 6.book.chief_editor / deputy_editor /
contributor, 6.other, 7.invention.2, 7.other, 8.national, 8.provincial.2 (二等), 8.city.1,
9.pass, 10.city, 11.six_months, 11.per_month, 12.per_day, 13.stated, 13.unfiled, 14.stated,
14.unfiled, 15.maternity, 15.sick, 15.sick.short, 15.overseas, 15.overseas.short, 16.route,
and year.out_of_year for evidence dated outside the declaration year."""

from __future__ import annotations

Result = tuple[float | None, str, bool]

GRADE_NO = {"一": 1, "二": 2, "三": 3}
OUT_OF_YEAR: Result = (0.0, "year.out_of_year", False)


def training_hours(cat: int, hours_stated: int | None, days: int) -> Result:
    """Cats 1 and 2: stated hours, else 8 per day (assumed)."""
    if hours_stated:
        return float(hours_stated), f"{cat}.stated", False
    return float(8 * days), f"{cat}.per_day", True


def courses_hours(n_passed: int) -> Result:
    """Cat 3: 15 per course passed in the year."""
    return float(15 * n_passed), "3.courses", False


def conference_hours(level: str, paper_words: int | None) -> Result:
    """Cat 4: national 12 (+6 short paper, +8 long), provincial 8 (+4 / +6)."""
    base, short, long_ = (12, 6, 8) if level == "national" else (8, 4, 6)
    if not paper_words:
        return float(base), f"4.{level}", False
    if paper_words <= 2000:
        return float(base + short), f"4.{level}.paper_short", False
    return float(base + long_), f"4.{level}.paper_long", False


PROJECT_TABLE = {("national", "main"): [64, 56, 48, 40, 32], ("national", "sub"): [48, 40, 32],
                 ("provincial", "main"): [56, 48, 40], ("provincial", "sub"): [40, 32, 24]}


def project_hours(level: str, role: str, rank: int) -> Result:
    """Cat 5: the rank table; any other rank or level 0."""
    table = PROJECT_TABLE.get((level, role))
    if table and 1 <= rank <= len(table):
        return float(table[rank - 1]), f"5.{level}.{role}.{rank}", False
    return 0.0, "5.other", False


def paper_hours(level: str, rank: int) -> Result:
    """Cat 6 paper (assumed): national 40/30/20, provincial 30/20/10 by author rank."""
    table = [40, 30, 20] if level == "national" else [30, 20, 10]
    if not 1 <= rank <= 3:
        return 0.0, "6.other", True
    return float(table[rank - 1]), f"6.paper.{level}.{rank}", True


BOOK_ROLE = {"主编": ("chief_editor", 60), "副主编": ("deputy_editor", 40), "参编": ("contributor", 20)}


def book_hours(role: str) -> Result:
    """Cat 6 book (assumed): 主编 60, 副主编 40, 参编 20."""
    key, h = BOOK_ROLE[role]
    return float(h), f"6.book.{key}", True


PATENT_TABLE = {"invention": [60, 50, 40], "utility_model": [40, 30, 20], "design": [30, 20, 10]}


def patent_hours(ptype: str, rank: int) -> Result:
    """Cat 7 (assumed): by type and inventor rank 1–3."""
    t = PATENT_TABLE[ptype]
    if not 1 <= rank <= 3:
        return 0.0, "7.other", True
    return float(t[rank - 1]), f"7.{ptype}.{rank}", True


def award_hours(level: str, grade: str, rank: int) -> Result:
    """Cat 8 (assumed): national 60; provincial 60/50/40; city 40/30/20; −6 per rank after 1st."""
    g = GRADE_NO[grade]
    base = 60 if level == "national" else [60, 50, 40][g - 1] if level == "provincial" else [40, 30, 20][g - 1]
    rule = "8.national" if level == "national" else f"8.{level}.{g}"
    return float(max(base - 6 * (rank - 1), 0)), rule, True


def qualification_hours() -> Result:
    """Cat 9: 60."""
    return 60.0, "9.pass", False


def endorsement_hours(level: str) -> Result:
    """Cat 10 (assumed): provincial 40, city 30, county 20."""
    return float({"provincial": 40, "city": 30, "county": 20}[level]), f"10.{level}", True


def assignment_hours(months_in_year: int) -> Result:
    """Cat 11 (assumed): ≥6 months in the year 60, else 10 per month."""
    if months_in_year >= 6:
        return 60.0, "11.six_months", True
    return float(10 * months_in_year), "11.per_month", True


def service_hours(days: int) -> Result:
    """Cat 12 (assumed): 8 per day, at most 60."""
    return float(min(8 * days, 60)), "12.per_day", True


def planned_training_hours(cat: int, filed: bool, hours: int) -> Result:
    """Cats 13/14: stated hours only if in a filed plan, else 0 (flag unfiled_plan)."""
    if filed:
        return float(hours), f"{cat}.stated", False
    return 0.0, f"{cat}.unfiled", False


def absence_hours(kind: str, months_in_year: int) -> Result:
    """Cat 15: 60 × months / 12 rounded; overseas and sick only when > 6 months."""
    if kind in ("overseas", "sick") and months_in_year <= 6:
        return 0.0, f"15.{kind}.short", False
    return float(round(60 * months_in_year / 12)), f"15.{kind}", False


def other_hours() -> Result:
    """Cat 16: no proposal; routed to the city HR bureau."""
    return None, "16.route", False
