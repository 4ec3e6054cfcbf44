"""Policy as data: load a rules file (rules/*.toml) and propose hours for a claim.

Every proposal names the rule it used and whether that rule is assumed (a default a city
must confirm); its explanation is one line a reviewer reads at a glance, e.g.
'发明专利，第2发明人，授权公告日2023-06-13 → 50学时（规则7.invention.2，暂定标准）'."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
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

    def rule(self, rule_id: str) -> dict:
        """The policy rule a (specific) rule id falls under: '7.invention.2' → '7.invention'."""
        parts = rule_id.split(".")
        for n in range(len(parts), 0, -1):
            if (key := ".".join(parts[:n])) in self.rules:
                return self.rules[key]
        return {}

    def assumed(self, rule_id: str) -> bool:
        return bool(self.rule(rule_id).get("assumed", False))


def load_policy(path: str | Path | None = None) -> Policy:
    """Read a policy file (default: rules/luohe_2018.toml)."""
    data = tomllib.loads(Path(path or DEFAULT_POLICY).read_text(encoding="utf-8"))
    meta = data.get("policy", {})
    return Policy(
        id=meta.get("id", Path(path or DEFAULT_POLICY).stem), name=meta.get("name", ""),
        annual=data.get("annual", {}), rules=data.get("rules", {}),
        evidence={int(k): v for k, v in data.get("evidence", {}).items()},
        evidence_by_leave=data.get("evidence_by_leave", {}),
        evidence_notes={int(k): v for k, v in data.get("evidence_notes", {}).items()},
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
