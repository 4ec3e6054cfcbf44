"""Policy as data: load a rules file (rules/*.toml) and propose hours for a claim.

A policy file may `extends = "<another policy id>"` (a file in rules/): it starts from that
policy and overrides what it states — [annual] numbers, single rules (key by key: a city
changing 7.invention's by_rank restates only that), evidence lists; an [annual] table is
taken whole (a city that states no compulsory share has none) and [calendar] is never
inherited. `cehours run --policy`
takes a path or the id of a bundled file (zhengzhou_2020).

Every proposal names the rule it used and whether that rule is assumed (a default a city
must confirm); its explanation is one line a reviewer reads at a glance, e.g.
'发明专利，第2发明人，授权公告日2023-06-13 → 50学时（规则7.invention.2，暂定标准）'."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from pipeline.policy.calculators import CALCULATORS
from pipeline.policy.evidence import FiledPlan, evidence_period, implausible_dates, in_year
from schemas.records import ClaimContext, Proposal

RULES_DIR = Path(__file__).parent / "rules"
DEFAULT_POLICY = RULES_DIR / "luohe_2018.toml"


@dataclass
class Policy:
    id: str
    name: str
    annual: dict[str, int]
    rules: dict[str, dict]
    evidence: dict[int, list[list[str]]] = field(default_factory=dict)
    evidence_by_leave: dict[str, list[list[str]]] = field(default_factory=dict)
    evidence_notes: dict[int, str] = field(default_factory=dict)
    meta: dict = field(default_factory=dict)  # [policy]: city, year, document_number, extends
    calendar: dict = field(default_factory=dict)  # [calendar]: deadlines as "MM-DD"
    source: str = ""

    def calendar_date(self, key: str, year: int) -> date | None:
        """A [calendar] day ("12-10") in `year`, e.g. calendar_date("plan_filing_deadline", 2020)."""
        md = self.calendar.get(key)
        if not md:
            return None
        month, day = (int(x) for x in str(md).split("-"))
        return date(year, month, day)

    def row(self) -> dict:
        """This policy as a `policies` table row (schemas/duckdb.sql)."""
        y = self.meta.get("year")
        return dict(policy_id=self.id, name=self.name, city=self.meta.get("city"), year=y,
                    document_number=self.meta.get("document_number"),
                    required_hours=self.annual.get("required_hours", 90),
                    public_hours=self.annual.get("public_hours"),
                    compulsory_hours=self.annual.get("compulsory_hours"),
                    professional_hours=self.annual.get("professional_hours", 60),
                    declaration_deadline=self.calendar_date("declaration_deadline", y) if y else None,
                    plan_filing_deadline=self.calendar_date("plan_filing_deadline", y) if y else None,
                    review_days=self.calendar.get("review_days"), source=self.source)

    def rule(self, rule_id: str) -> dict:
        """The policy rule a (specific) rule id falls under: '7.invention.2' → '7.invention'."""
        parts = rule_id.split(".")
        for n in range(len(parts), 0, -1):
            if (key := ".".join(parts[:n])) in self.rules:
                return self.rules[key]
        return {}

    def assumed(self, rule_id: str) -> bool:
        return bool(self.rule(rule_id).get("assumed", False))


class PolicyError(ValueError):
    """A policy file that cannot be used (missing, unknown parent, a cycle, bad values)."""


def policy_path(name_or_path: str | Path | None) -> Path:
    """A policy file from a path or the id of a bundled policy (rules/<id>.toml)."""
    if name_or_path is None:
        return DEFAULT_POLICY
    p = Path(name_or_path)
    if p.exists():
        return p
    bundled = RULES_DIR / f"{name_or_path}.toml"
    if bundled.exists():
        return bundled
    known = ", ".join(sorted(f.stem for f in RULES_DIR.glob("*.toml")))
    raise PolicyError(f"policy file not found: {name_or_path} (bundled policies: {known})")


def _merge(base: dict, over: dict) -> dict:
    """`over` on top of `base`; tables merge key by key, anything else is replaced."""
    out = dict(base)
    for k, v in over.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def _read(path: Path, seen: tuple[str, ...] = ()) -> dict:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"{path}: not valid TOML: {exc}") from exc
    parent = data.get("policy", {}).get("extends")
    if not parent:
        return data
    if parent in seen:
        raise PolicyError(f"{path}: policy extends itself ({' → '.join((*seen, parent))})")
    base = _read(policy_path(parent), (*seen, parent))
    base.get("policy", {}).pop("year", None)  # the year, deadlines and number are the child's own
    base.get("policy", {}).pop("document_number", None)
    base.pop("calendar", None)
    if "annual" in data:  # a requirement is stated whole: an unstated compulsory share is none
        base.pop("annual", None)
    return _merge(base, data)


def load_policy(path: str | Path | None = None) -> Policy:
    """Read a policy file or bundled policy id (default: rules/luohe_2018.toml), following
    `extends`."""
    src = policy_path(path)
    data = _read(src, (src.stem,))
    meta = data.get("policy", {})
    annual = data.get("annual", {})
    for key in ("required_hours", "professional_hours"):
        if not isinstance(annual.get(key), int) or annual[key] < 0:
            raise PolicyError(f"{src}: [annual] {key} must be a whole number of hours")
    return Policy(
        id=meta.get("id", src.stem), name=meta.get("name", ""),
        annual=annual, rules=data.get("rules", {}),
        evidence={int(k): v for k, v in data.get("evidence", {}).items()},
        evidence_by_leave=data.get("evidence_by_leave", {}),
        evidence_notes={int(k): v for k, v in data.get("evidence_notes", {}).items()},
        meta=meta, calendar=data.get("calendar", {}), source=src.name,
    )


@lru_cache(maxsize=1)
def default_policy() -> Policy:
    """The default policy, read once (treat it as read-only)."""
    return load_policy()


def _explain(detail: str, hours: float | None, rule_id: str, assumed: bool, note: str = "") -> str:
    result = "不予折算建议，需人工核定" if hours is None else f"{hours:g}学时"
    return f"{detail} → {result}（规则{rule_id}{'，暂定标准' if assumed else ''}）{note}"


def propose(ctx: ClaimContext, category: int, policy: Policy | None = None,
            plans: list[FiledPlan] | None = None) -> Proposal:
    """The proposed hours for a claim of `category` under `policy` (default policy if None).
    `rule_id` is the specific rule applied (7.invention.2, 8.provincial.2, 4.national.paper_long);
    `assumed` comes from the policy rule it falls under. Category 16 routes to the city HR
    bureau (hours None); evidence dated outside the declaration year proposes 0 under
    'year.out_of_year'; categories 13/14 are checked against the claim's own plan filings
    and `plans` (filed annual plans from other sources)."""
    policy = policy or default_policy()
    if category not in CALCULATORS:
        rid = "16.route"
        return Proposal(hours=None, rule_id=rid, assumed=policy.assumed(rid),
                        explanation=_explain("其他类别继续教育形式，由市人社局参照专业科目折算标准确认", None, rid, False))
    calc = CALCULATORS[category](ctx, policy, category, plans=plans)
    if category != 3 and in_year(ctx, category) is False:
        start, end, label = evidence_period(ctx, category)
        when = start.isoformat() if start == end else f"{start.isoformat()}至{end.isoformat()}"
        rid = "year.out_of_year"
        detail = f"{calc.detail}；证据日期{when}不在{ctx.year}年度"
        return Proposal(hours=0.0, rule_id=rid, assumed=False, explanation=_explain(detail, 0.0, rid, False))
    note = calc.note
    if bad := implausible_dates(ctx, category):
        note += "；" + "、".join(f"{v}" for _, v in bad) + "晚于今日，疑为识别错误，未据此判断年度"
    assumed = policy.assumed(calc.rule_id)
    return Proposal(hours=calc.hours, rule_id=calc.rule_id, assumed=assumed,
                    explanation=_explain(calc.detail, calc.hours, calc.rule_id, assumed, note))
