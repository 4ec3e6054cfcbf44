"""The overview's bar charts, computed here and drawn as inline SVG by the template."""

from __future__ import annotations

from collections import defaultdict

from webapp.access import User, can_see_unit


def short(label: str, width: int = 32) -> str:
    """The label cut to fit the chart's label column (a CJK character is two columns wide)."""
    out, used = "", 0
    for ch in str(label):
        used += 2 if ord(ch) > 0x2E80 else 1
        if used > width:
            return out + "…"
        out += ch
    return out


def bars(items: list[tuple[str, float, str]], scale: float | None = None) -> dict:
    """[(label, value, text)] → rows with a bar width in percent of the largest (or `scale`)."""
    top = scale or max([v for _, v, _ in items] + [1e-9])
    return {"rows": [dict(label=l, short=short(l), value=v, text=t, pct=round(100 * min(v / top, 1), 1)) for l, v, t in items]}


def build(user: User, data: dict, ages: list[int | None], limit: int) -> dict:
    persons = [p for p in data["persons"] if can_see_unit(user, p["unit"])]
    by_unit = defaultdict(list)
    for p in persons:
        by_unit[p["unit"] or "（无单位）"].append(p)
    completion = []
    for unit, ps in sorted(by_unit.items()):
        share = sum(min(p["professional_approved"] / max(p["professional_required"] or 60, 1), 1) for p in ps) / len(ps)
        completion.append((unit, share, f"{share:.0%}（{len(ps)}人）"))
    claims = [c for c in data["claims"] if can_see_unit(user, c["unit"])]
    per_cat, per_flag = defaultdict(int), defaultdict(int)
    for c in claims:
        per_cat[c["category"]] += 1
    for f in data["flags"]:
        if can_see_unit(user, f["unit"]):
            per_flag[f["code"]] += 1
    n = max(len(claims), 1)
    buckets = {"0–1": 0, "2–3": 0, "4–5": 0, f">{limit}（超期）": 0}
    for a in ages:
        a = a or 0
        key = "0–1" if a <= 1 else "2–3" if a <= 3 else "4–5" if a <= limit else f">{limit}（超期）"
        buckets[key] += 1
    return {
        "completion": bars(completion, scale=1.0),
        "categories": bars([(f"第{k}类", v, str(v)) for k, v in sorted(per_cat.items()) if k is not None]),
        "flags": bars([(k, v / n, f"{v / n:.0%}") for k, v in sorted(per_flag.items(), key=lambda kv: (-kv[1], kv[0]))],
                      scale=1.0),
        "ages": bars([(k, v, str(v)) for k, v in buckets.items()]),
        "persons": len(persons),
        "pending": len(ages),
    }
