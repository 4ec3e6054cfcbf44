"""The short summary printed after a run: what the database now holds, and what this run added."""

from __future__ import annotations

from pathlib import Path

from pipeline.store import connect
from schemas.kinds import CATEGORY_LABELS_ZH


def summarize(db: Path, run_id: str | None = None) -> dict:
    """Counts for the printed summary, read back from the database (not from memory)."""
    with connect(db, read_only=True) as con:
        run = None
        if run_id:
            cols = ["run_id", "files_seen", "files_new", "documents_added", "texts_read", "texts_cached", "quarantined", "claims_updated", "seconds"]
            row = con.execute(f"SELECT {', '.join(cols)} FROM runs WHERE run_id = ?", [run_id]).fetchone()
            run = dict(zip(cols, row)) if row else None
        categories = con.execute("""
            SELECT c.category, count(*) AS claims, sum(p.hours) AS hours
            FROM claims c LEFT JOIN hour_proposals p USING (person_id, claim_id)
            GROUP BY c.category ORDER BY c.category""").fetchall()
        flags = con.execute("SELECT code, count(*) FROM flags GROUP BY code ORDER BY count(*) DESC, code").fetchall()
        # one proposal per category as a reviewer reads it (the first claim of the category)
        examples = dict(con.execute("""
            SELECT category, arg_min(person_id || '/' || claim_id || ': ' || explanation, person_id || claim_id)
            FROM hour_proposals GROUP BY category""").fetchall())
        people = con.execute("""SELECT count(*), count(*) FILTER (WHERE professional_shortfall_if_approved > 0)
                                FROM person_year_summary""").fetchone()
        quarantine = con.execute("SELECT path, reason FROM quarantine ORDER BY path").fetchall()
        totals = con.execute("""SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM claims),
                                       (SELECT coalesce(sum(hours), 0) FROM hour_proposals)""").fetchone()
    return dict(run=run, categories=[dict(category=c, claims=n, hours=h, example=examples.get(c))
                                     for c, n, h in categories],
                person_years=people[0], short_of_professional=people[1],
                flags=dict(flags), quarantine=[dict(path=p, reason=r) for p, r in quarantine],
                documents=totals[0], claims=totals[1], hours=totals[2])


def render(summary: dict) -> str:
    lines = []
    run = summary.get("run")
    if run:
        lines.append(f"run {run['run_id']}: {run['files_seen']} files seen, {run['files_new']} new, "
                     f"{run['documents_added']} documents added, {run['quarantined']} quarantined, "
                     f"{run['claims_updated']} claims updated in {run['seconds']:.1f}s")
    lines.append(f"database: {summary['documents']} documents, {summary['claims']} claims, "
                 f"{summary['hours']:g} hours proposed")
    lines.append("claims per category:")
    for c in summary["categories"]:
        label = CATEGORY_LABELS_ZH.get(c["category"], "?")
        hours = "—" if c["hours"] is None else f"{c['hours']:g}"
        lines.append(f"  {c['category']:>2} {label:<12} claims {c['claims']:>3}  hours {hours}")
        if c.get("example"):
            lines.append(f"       e.g. {c['example']}")
    if summary.get("person_years") is not None:
        lines.append(f"persons × years: {summary['person_years']} "
                     f"({summary['short_of_professional']} short of the professional hours even if all is approved)")
    lines.append("flags: " + (", ".join(f"{k} {v}" for k, v in summary["flags"].items()) or "none"))
    lines.append(f"quarantined files: {len(summary['quarantine'])}")
    for q in summary["quarantine"]:
        lines.append(f"  {q['path']}: {q['reason']}")
    return "\n".join(lines)
