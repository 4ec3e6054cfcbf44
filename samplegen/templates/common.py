"""Helpers shared by the templates: per-family date styles and wording, letterheads,
sign-offs, and field registration with the printed (raw) form."""

from __future__ import annotations

import datetime as dt
import json
import random

from samplegen.dates import fmt_date, fmt_month, fmt_range
from samplegen.layout import A4, A4_LANDSCAPE, BLACK, RED, Composer

# date styles a family uses in running text ("body") and under a signature ("sign")
DATE_STYLES = {
    "A": {"body": ["cn"], "sign": ["cn", "cn", "upper"]},
    "B": {"body": ["dot", "iso", "cn0"], "sign": ["cn0", "dot0", "iso"]},
    "C": {"body": ["slash", "dot0", "upper", "cn"], "sign": ["upper", "slash", "cn0"]},
}
SPACED = {"姓名": "姓　　名", "性别": "性　　别", "学时": "学　　时", "地址": "地　　址", "单位": "单　　位"}


def composer(fam: str, rng: random.Random, landscape: bool = False, font_size: float | None = None,
             role: str | None = None, margins=None) -> Composer:
    """A composer with the family's default body font and margins."""
    size = A4_LANDSCAPE if landscape else A4
    if margins is None:
        margins = {"A": (80, 76, 72, 72), "B": (70, 70, 60, 64), "C": (88, 84, 80, 72)}[fam]
        if landscape:
            margins = (90, 90, 70, 60)
    return Composer(size=size, margins=margins, role=role or {"A": "fang", "B": "song", "C": "song"}[fam],
                    font_size=font_size or {"A": 14, "B": 12, "C": 13}[fam], rng=rng)


def ds(fam: str, rng: random.Random, which: str = "body") -> str:
    """Pick a date style for this family."""
    return rng.choice(DATE_STYLES[fam][which])


def date_text(c: Composer, name: str | None, d: dt.date, style: str) -> str:
    """Format a date and (if `name`) register it as a field with its printed form."""
    s = fmt_date(d, style)
    if name:
        c.field(name, d.isoformat(), raw=s)
    return s


def range_text(c: Composer, a: dt.date, b: dt.date, style: str, start="start_date", end="end_date",
               compact: bool = True) -> str:
    """Format a date range and register its two ends."""
    s = fmt_range(a, b, style, compact)
    c.field(start, a.isoformat(), raw=s)
    c.field(end, b.isoformat(), raw=s)
    return s


def month_text(d: dt.date, fam: str) -> str:
    """Year-month in the family's manner."""
    return fmt_month(d, {"A": "cn", "B": "dot", "C": "upper"}[fam])


def hours_phrase(h: int, fam: str, rng: random.Random) -> str:
    """Stated hours the way each family words them."""
    if fam == "A":
        return rng.choice([f"共计{h}学时", f"计{h}学时"])
    if fam == "B":
        return rng.choice([f"{h}课时", f"共{h}课时"])
    return rng.choice([f"学时：{h}", f"学时{h}学时"])


def sick_leave_fields(c: Composer, ev: dict, rt: str) -> None:
    """Register the leave fields of a sick-leave event whose range reads `rt`."""
    c.field("leave_kind", "sick")
    c.field("leave_start", ev["start"].isoformat(), raw=rt)
    c.field("leave_end", ev["end"].isoformat(), raw=rt)
    c.field("months_absent", str(ev["months"]), raw=f"{ev['months']}个月")


def project_fields(c: Composer, pj: dict, name: str, listed: bool = True) -> None:
    """Register a project proof's labelled fields (the same on every template). `listed`:
    the template prints the member list; a proof that names only the declarant (and states
    their rank) has no `members` label, since nothing on it could be read as the list."""
    c.field("project_level", pj["level"])
    c.field("project_role", pj["role"])
    c.field("member_rank", str(pj["rank"]))
    c.field("person_name", name)
    c.field("title", pj["title"], raw=pj["title"])
    c.field("certificate_number", pj["number"], raw=pj["number"])
    if listed:
        c.field("members", names_json(pj["members"]))


def names_json(names: list[str]) -> str:
    """Ordered name list as a JSON array string (labels)."""
    return json.dumps(names, ensure_ascii=False)


def letterhead(c: Composer, issuer: str, docno: str | None, fam: str, rng: random.Random,
               wenjian: bool = True) -> None:
    """Document head: A 红头 “XX文件” + 文号 + red rule; B black issuer line + 文号 at the
    right; C red issuer without “文件”, star rule, 文号 on the left."""
    if fam == "A":
        c.red_header(issuer + ("文件" if wenjian else ""), docno)
    elif fam == "B":
        c.line_text(issuer, align="c", role="heib", size=20, after=4)
        c.rule(BLACK, 1.2, after=6)
        if docno:
            c.line_text(docno, align="r", size=12, after=6)
    else:
        c.red_header(issuer, docno, size=26, docno_align="c", star=True)
    if docno:
        c.field("document_number", docno.replace(" ", ""), raw=docno)


def signoff(c: Composer, org: str, d: dt.date, fam: str, rng: random.Random, seal: bool = True,
            seal_sub: str = "", prefix: str | None = None, register: bool = True) -> str:
    """Issuer, date and seal at the foot; registers `organization` and `issue_date`."""
    style = ds(fam, rng, "sign")
    s = fmt_date(d, style)
    c.sign(org, s, seal=seal, seal_sub=seal_sub, prefix=prefix)
    if register:
        c.field("organization", org)
        c.field("issue_date", d.isoformat(), raw=s)
    return s


def cert_title(c: Composer, text: str, size: float = 38, color=RED, spaced: bool = True, after: float = 18) -> None:
    """Big centred certificate title (characters spaced out)."""
    t = "　".join(text) if spaced and len(text) <= 4 else text
    c.line_text(t, align="c", role="heib", size=size, color=color, after=after)


def kv_lines(c: Composer, pairs: list[tuple[str, str]], size: float | None = None, sep: str = "：",
             label_w: int | None = None) -> None:
    """Aligned `label：value` lines (labels padded with full-width spaces to `label_w`)."""
    for label, value in pairs:
        lab = label
        if label_w and len(label) < label_w:
            if len(label) == 2:
                lab = label[0] + "　" * (label_w - 2) + label[1]
            else:
                lab = label + "　" * (label_w - len(label))
        c.kv(lab, value, size=size, sep=sep, label_chars=(label_w or len(label)) + 1)
