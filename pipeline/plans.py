"""Filed annual training plans (categories 13/14): the `plan_filings` table.

Rows come from `plan_filing` documents (one row per listed training; plan_id = doc_id) and
from the HR bureau's filing register exported as CSV (`cehours load-plans <csv>`, or
`<root>/plan_filings.csv`, read by every run). CSV headers may be English or Chinese:

    year/年度, filer/备案单位, training_title/培训项目, organizer/主办单位 (optional),
    filed_date/备案日期 (optional, any date form), plan_id/计划编号 (optional)
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from extractors._text.dates import find_dates
from pipeline.policy.evidence import FiledPlan, plans_from_documents
from schemas.kinds import DocKind

COLUMNS = ["plan_id", "year", "filer", "training_title", "organizer", "filed_date", "source", "run_id"]
HEADERS = {"year": ("year", "年度", "计划年度"), "filer": ("filer", "备案单位", "申报单位", "单位"),
           "training_title": ("training_title", "培训项目", "培训名称", "项目名称", "培训班名称"),
           "organizer": ("organizer", "主办单位", "承办单位", "组织单位"),
           "filed_date": ("filed_date", "备案日期", "备案时间"), "plan_id": ("plan_id", "计划编号", "备案编号")}
REQUIRED = ("year", "training_title")


@dataclass
class Registers:
    """The CSV registers found at the root of an evidence folder: filed plans
    (plan_filings.csv) and public-subject hours (public_hours.csv: person_id, year, hours)."""

    plans: pd.DataFrame
    public_hours: pd.DataFrame
    problems: list[str]


def read_registers(root: Path, run_id: str | None = None) -> Registers:
    """Read `<root>/plan_filings.csv` and `<root>/public_hours.csv` where present. A
    register that cannot be read is reported (the run's problems), not fatal."""
    plans, problems = pd.DataFrame(columns=COLUMNS), []
    if (f := Path(root) / "plan_filings.csv").is_file():
        try:
            plans, problems = read_plan_csv(f, run_id)
        except (PlanFileError, UnicodeDecodeError, csv.Error) as exc:
            problems = [f"{f.name}: {exc}"]
    public = pd.DataFrame(columns=["person_id", "year", "hours", "source"])
    if (f := Path(root) / "public_hours.csv").is_file():
        try:
            public, more = read_public_csv(f)
            problems += more
        except (PlanFileError, UnicodeDecodeError, csv.Error) as exc:
            problems.append(f"{f.name}: {exc}")
    return Registers(plans, public, problems)


def read_public_csv(path: Path) -> tuple[pd.DataFrame, list[str]]:
    """Public-subject hours per person and year (platform export): person_id, year, hours."""
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        if not {"person_id", "year", "hours"} <= set(reader.fieldnames or []):
            raise PlanFileError(f"{path.name}: needs the columns person_id, year, hours")
        rows, problems = [], []
        for i, raw in enumerate(reader, start=2):
            try:
                rows.append(dict(person_id=raw["person_id"].strip(), year=int(raw["year"]),
                                 hours=float(raw["hours"]), source=path.name))
            except (TypeError, ValueError, AttributeError):
                problems.append(f"{path.name} line {i}: person_id, year and hours must be filled (hours a number)")
    return pd.DataFrame(rows, columns=["person_id", "year", "hours", "source"]), problems


class PlanFileError(ValueError):
    """A plan register that cannot be read (missing columns); the message says which."""


def _iso(value: str | None) -> date | None:
    ds = find_dates(value or "")
    try:
        return date.fromisoformat(ds[0].iso) if ds and len(ds[0].iso) == 10 else None
    except ValueError:
        return None


def rows_from_documents(contexts, run_id: str) -> pd.DataFrame:
    """plan_filings rows of the plan_filing documents among these claims (one per listed
    training, with its organiser where the plan's table names it)."""
    rows, seen = [], set()
    for ctx in contexts:
        for d in ctx.documents:
            if d.doc_kind != DocKind.plan_filing:
                continue
            for plan in plans_from_documents([d]):
                for title, org in zip(plan.trainings, plan.organizers):
                    if (d.doc_id, title) in seen:
                        continue
                    seen.add((d.doc_id, title))
                    rows.append(dict(plan_id=d.doc_id, year=plan.year, filer=plan.filer, training_title=title,
                                     organizer=org, filed_date=plan.filed_date, source=d.path, run_id=run_id))
    return pd.DataFrame(rows, columns=COLUMNS)


def read_plan_csv(path: Path, run_id: str | None = None) -> tuple[pd.DataFrame, list[str]]:
    """A filing register CSV as plan_filings rows, plus one problem per skipped row."""
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        header = {h.strip(): h for h in (reader.fieldnames or [])}
        col = {k: next((header[a] for a in alts if a in header), None) for k, alts in HEADERS.items()}
        missing = [k for k in REQUIRED if not col[k]]
        if missing:
            raise PlanFileError(f"{path.name}: missing column(s) {', '.join(missing)} "
                                f"(accepted headers: {'; '.join('/'.join(HEADERS[m]) for m in missing)})")
        rows, problems = [], []
        for i, raw in enumerate(reader, start=2):
            get = lambda k: (raw.get(col[k]) or "").strip() if col[k] else ""
            year, title = get("year"), get("training_title")
            if not title or not year.isdigit():
                problems.append(f"{path.name} line {i}: needs a year and a training title")
                continue
            rows.append(dict(plan_id=get("plan_id") or f"csv:{path.name}:{i}", year=int(year),
                             filer=get("filer") or None, training_title=title, organizer=get("organizer") or None,
                             filed_date=_iso(get("filed_date")), source=path.name, run_id=run_id))
    return pd.DataFrame(rows, columns=COLUMNS), problems


def plans_from_rows(df: pd.DataFrame, skip: set[str] = frozenset()) -> list[FiledPlan]:
    """FiledPlans from plan_filings rows (grouped by plan_id), leaving out `skip` plan ids."""
    if df is None or df.empty:
        return []
    out = []
    for plan_id, g in df.groupby("plan_id", sort=True):
        if plan_id in skip:
            continue
        first = g.iloc[0]
        filed = first["filed_date"]
        out.append(FiledPlan(
            trainings=tuple(g["training_title"]),
            year=None if pd.isna(first["year"]) else int(first["year"]),
            filer=None if pd.isna(first["filer"]) else first["filer"],
            source=first["source"],
            organizers=tuple(None if pd.isna(o) else o for o in g["organizer"]),
            filed_date=None if filed is None or pd.isna(filed) else pd.Timestamp(filed).date()))
    return out
