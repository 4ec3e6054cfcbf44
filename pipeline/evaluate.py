"""Measure a landed run against ground-truth labels (`labels.json` of a generated folder).

Reports document-kind accuracy (per kind, with the confusions), claim-category accuracy and
macro-F1 with a confusion table, per-field exact-match accuracy after normalisation (and the
"key fields": names, dates, hours, identifiers, ranks), and the hours exact-match rate.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from extractors._text.dates import term_year
from pipeline.store import connect

IDENTIFIERS = {"id_number", "patent_number", "issn", "isbn", "cn_number", "certificate_number", "document_number"}
NAMES = {"person_name", "inventors", "authors", "awardees", "members"}
HOURS = {"hours_stated", "days", "months_absent", "months", "courses_passed", "word_count"}
RANKS = {"inventor_rank", "author_rank", "awardee_rank", "member_rank"}
DATES = {"start_date", "end_date", "issue_date", "filing_date", "grant_date", "pass_date", "leave_start", "leave_end"}
KEY_FIELDS = IDENTIFIERS | NAMES | HOURS | RANKS | DATES
# (kind, label field) → the extractor's name for the same value, where a template family's
# labels name it otherwise: an award's completer list, an assignment's kind (支医, 援藏 …).
FIELD_ALIASES = {("award_certificate", "authors"): "awardees", ("assignment_document", "title"): "assignment_kind"}


def predicted_value(kind: str, name: str, got: dict):
    """The pipeline's value for a label field (by its own name, else by its alias)."""
    if name in got:
        return got[name]
    return got.get(FIELD_ALIASES.get((kind, name), name))


def canon(value) -> object:
    """Comparable form: NFKC, no whitespace; JSON lists element-wise; numbers as numbers."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return [canon(v) for v in value]
    if isinstance(value, dict):
        return {k: canon(v) for k, v in sorted(value.items())}
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return float(value)
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(value)))
    if text[:1] in "[{":
        try:
            return canon(json.loads(text))
        except ValueError:
            pass
    try:
        return float(text)
    except ValueError:
        return text.lower()


# Transcript rows are compared on what a transcript shows and the policy uses: the course,
# its score, whether it passed and the calendar year of the exam. The label's extra keys
# (exam_month, in_year) and the term as a string are not compared: a transcript writes the
# term as a 学期 name or as the exam date ('2022年秋季学期' / '2022.12'), both of one year.
COURSE_KEYS = ("course", "score", "passed", "year")


def _course_year(row: dict) -> int | None:
    for key in ("year", "exam_month", "term"):
        if row.get(key) not in (None, ""):
            m = re.search(r"(?:19|20)\d{2}", str(row[key]))
            if key == "term":
                return term_year(str(row[key]))
            if m:
                return int(m.group(0))
    return None


def _courses(value) -> object:
    rows = canon(value)
    if not isinstance(rows, list):
        return rows
    out = []
    for r in rows:
        if isinstance(r, dict):
            r = {**r, "year": _course_year(r)}
            out.append({k: canon(r.get(k)) for k in COURSE_KEYS})
        else:
            out.append(r)
    return out


def same_value(name: str, want, got) -> bool:
    """Field equality after normalisation (canon); `courses` row by row on COURSE_KEYS."""
    if name == "courses":
        return _courses(want) == _courses(got)
    return canon(want) == canon(got)


def _predicted(db: Path):
    with connect(db, read_only=True) as con:
        docs = {p: (d, k) for p, d, k in con.execute("SELECT path, doc_id, doc_kind FROM documents").fetchall()}
        fields: dict[str, dict[str, str]] = defaultdict(dict)
        # Highest confidence first; the first value per name is the one the pipeline uses.
        for doc_id, name, value in con.execute(
                "SELECT doc_id, name, value FROM fields ORDER BY doc_id, name, confidence DESC, rowid").fetchall():
            fields[doc_id].setdefault(name, value)
        claims = {(p, c): (cat, None) for p, c, cat in
                  con.execute("SELECT person_id, claim_id, category FROM claims").fetchall()}
        hours = {(p, c): h for p, c, h in con.execute("SELECT person_id, claim_id, hours FROM hour_proposals").fetchall()}
        flags: dict[tuple[str, str], set[str]] = defaultdict(set)
        for p, c, code in con.execute("SELECT person_id, claim_id, code FROM flags").fetchall():
            flags[(p, c)].add(code)
    return docs, fields, claims, hours, flags


def macro_f1(truth: list, pred: list) -> float:
    """Macro-averaged F1 over the labels that occur in `truth`."""
    labels = sorted(set(truth))
    scores = []
    for lab in labels:
        tp = sum(t == lab and p == lab for t, p in zip(truth, pred))
        fp = sum(t != lab and p == lab for t, p in zip(truth, pred))
        fn = sum(t == lab and p != lab for t, p in zip(truth, pred))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


def evaluate(db: Path, labels: dict) -> dict:
    docs, fields, claims, hours, flags = _predicted(db)
    kind_rows, field_rows = [], []
    for d in labels["documents"]:
        doc_id, kind = docs.get(d["path"], (None, None))
        kind_rows.append((d["doc_kind"], kind, d.get("render", "?")))
        got = fields.get(doc_id, {})
        for name, want in d["fields"].items():
            value = predicted_value(d["doc_kind"], name, got)
            field_rows.append((d["doc_kind"], name, d.get("render", "?"), same_value(name, want, value),
                               d["path"], want, value))
    claim_rows = []
    for c in labels["claims"]:
        if c.get("quarantined_only"):
            continue
        key = (c["person_id"], c["claim_id"])
        cat = claims.get(key, (None, None))[0]
        h = hours.get(key)
        same_hours = (c["hours"] is None and h is None) or (
            c["hours"] is not None and h is not None and abs(float(c["hours"]) - float(h)) < 0.01)
        claim_rows.append((c["category"], cat, same_hours, c["claim_id"], c["hours"], h))
    flag_rows = [(c["person_id"], c["claim_id"], set(c.get("expected_flags", [])), flags.get((c["person_id"], c["claim_id"]), set()))
                 for c in labels["claims"] if not c.get("quarantined_only")]
    return dict(kinds=kind_rows, fields=field_rows, claims=claim_rows, flags=flag_rows)


def _pct(ok: int, n: int) -> str:
    return f"{ok}/{n} = {100 * ok / n:.1f}%" if n else "n/a"


def summary_figures(report: dict) -> dict:
    kinds, fields, claims = report["kinds"], report["fields"], report["claims"]
    key = [r for r in fields if r[1] in KEY_FIELDS]
    truth, pred = [c[0] for c in claims], [c[1] or 0 for c in claims]
    return {
        "doc_kind_accuracy": sum(t == p for t, p, _ in kinds) / max(len(kinds), 1),
        "category_accuracy": sum(t == p for t, p in zip(truth, pred)) / max(len(claims), 1),
        "category_macro_f1": macro_f1(truth, pred),
        "field_accuracy": sum(r[3] for r in fields) / max(len(fields), 1),
        "key_field_accuracy": sum(r[3] for r in key) / max(len(key), 1),
        "hours_exact": sum(c[2] for c in claims) / max(len(claims), 1),
        "documents": len(kinds), "claims": len(claims), "fields": len(fields), "key_fields": len(key),
    }


def render(report: dict, misses: int = 15) -> str:
    kinds, fields, claims = report["kinds"], report["fields"], report["claims"]
    fig = summary_figures(report)
    out = [
        f"document kind accuracy   {_pct(sum(t == p for t, p, _ in kinds), len(kinds))}",
        f"claim category accuracy  {_pct(sum(c[0] == c[1] for c in claims), len(claims))}   macro-F1 {fig['category_macro_f1']:.3f}",
        f"key fields exact         {_pct(sum(r[3] for r in fields if r[1] in KEY_FIELDS), fig['key_fields'])}",
        f"all fields exact         {_pct(sum(r[3] for r in fields), len(fields))}",
        f"hours exact              {_pct(sum(c[2] for c in claims), len(claims))}",
        "", "document kind, per kind (truth: right/total; confused with):",
    ]
    by_kind = defaultdict(list)
    for t, p, _ in kinds:
        by_kind[t].append(p)
    for k in sorted(by_kind):
        preds = by_kind[k]
        wrong = Counter(p for p in preds if p != k)
        out.append(f"  {k:26s} {_pct(sum(p == k for p in preds), len(preds)):>18s}  "
                   + ", ".join(f"{p}×{n}" for p, n in wrong.most_common()))
    out += ["", "per render kind: document kind / fields"]
    for r in sorted({k[2] for k in kinds}):
        kr = [k for k in kinds if k[2] == r]
        fr = [f for f in fields if f[2] == r]
        out.append(f"  {r:12s} kinds {_pct(sum(t == p for t, p, _ in kr), len(kr)):>18s}   "
                   f"fields {_pct(sum(f[3] for f in fr), len(fr)):>20s}")
    out += ["", "claim category confusion (rows truth, columns predicted):"]
    cats = sorted({c[0] for c in claims} | {c[1] or 0 for c in claims})
    out.append("      " + "".join(f"{c:>4d}" for c in cats))
    for t in cats:
        row = [sum(1 for c in claims if c[0] == t and (c[1] or 0) == p) for p in cats]
        if any(row):
            out.append(f"  {t:>3d} " + "".join(f"{n:>4d}" if n else "   ." for n in row))
    out += ["", "fields (exact after normalisation), worst first:"]
    per = defaultdict(list)
    for kind, name, _, ok, *_ in fields:
        per[(kind, name)].append(ok)
    for (kind, name), oks in sorted(per.items(), key=lambda kv: (sum(kv[1]) / len(kv[1]), kv[0])):
        mark = "*" if name in KEY_FIELDS else " "
        out.append(f" {mark}{kind:26s} {name:22s} {_pct(sum(oks), len(oks)):>18s}")
    if report.get("flags"):
        out += ["", "flags per code (claims: expected → raised; raised without being expected):"]
        codes = sorted({f for r in report["flags"] for f in r[2] | r[3]})
        for code in codes:
            exp = [r for r in report["flags"] if code in r[2]]
            extra = [r for r in report["flags"] if code in r[3] and code not in r[2]]
            out.append(f"  {code:22s} {_pct(sum(code in r[3] for r in exp), len(exp)):>18s}   unexpected {len(extra)}")
    bad_fields = [f for f in fields if not f[3]][:misses]
    if bad_fields:
        out += ["", f"first {len(bad_fields)} field misses (path, field, expected → got):"]
        out += [f"  {p}  {name}: {want!r} → {got!r}" for _, name, _, _, p, want, got in bad_fields]
    bad_claims = [c for c in claims if c[0] != c[1] or not c[2]][:misses]
    if bad_claims:
        out += ["", "claims with a wrong category or hours (claim, category truth → predicted, hours truth → proposed):"]
        out += [f"  {cid}: {t} → {p}, {ht} → {hp}" for t, p, _, cid, ht, hp in bad_claims]
    return "\n".join(out)


def load_labels(folder: Path) -> dict:
    return json.loads((Path(folder) / "labels.json").read_text(encoding="utf-8"))
