"""单位证明/派出证明 (employer proof): person_name, id_number, organization (the employer: the
signature, else the person's 工作单位), issue_date, document_number, has_seal (the reviewer
needs the seal), and what it attests: the activity (title, start_date, end_date, days,
hours_stated) or, for an absence, the leave fields (leave_kind, leave_start, leave_end,
months_absent) with the period also as start_date/end_date. A proof for several staff
('关于X等同志参加培训的证明' + a 参训人员 table) names its first person in the heading."""

from __future__ import annotations

import re

from extractors._activity import hours_stated, period, title
from extractors._base import DocView
from extractors._common import common_fields, org_name, settle_org, signed_after_event
from extractors._leave import leave_fields, leave_kind
from schemas.document import DocumentText
from schemas.records import ExtractedField

COMMON = ("person_name", "id_number", "organization", "issue_date", "document_number", "has_seal")


def own_unit(v: DocView) -> ExtractedField | None:
    """The person's unit as a form names it (工作单位：…), as the employer's name."""
    hit = v.labelled(r"工作单位|所在单位|单位名称|工作部门", r"[^\n]{3,60}")
    if hit and (name := org_name(hit[0])):
        f = v.make("organization", name, 0.55, hit[1], hit[1] + len(name))
        return settle_org(v, f, v.span_lines(hit[1], hit[2])[0])
    return None


def _unframed(v: DocView, f: ExtractedField) -> ExtractedField:
    """A name read out of a heading's frame '关于蔡欢等同志…的证明' keeps the 于 of 关于 ('于蔡欢'):
    the name without it when the body names the person so."""
    name = f.value
    if len(name) >= 3 and name[0] == "于" and f"关{name}" in v.flat:
        rest = name[1:]
        if re.search(rf"(?<![关于]){re.escape(rest)}", v.flat):
            return f.model_copy(update={"value": rest})
    return f


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Employer-proof fields (see module docstring)."""
    v = DocView(doc)
    fields = [(_unframed(v, f) if f.name == "person_name" else f) for f in common_fields(v, COMMON)]
    if not any(f.name == "organization" for f in fields) and (unit := own_unit(v)):
        fields.append(unit)  # the signature is illegible: the proof is the person's employer's
    if (kind := leave_kind(v.text, strict=True)):
        leave = leave_fields(v, kind)
        # the period attested, under the names every employer proof uses, too
        period_ = [f.model_copy(update={"name": {"leave_start": "start_date", "leave_end": "end_date"}[f.name]})
                   for f in leave if f.name in ("leave_start", "leave_end")]
        return signed_after_event(fields + leave + period_)
    fields += [f for f in (title(v), hours_stated(v)) if f]
    return signed_after_event(fields + period(v))
