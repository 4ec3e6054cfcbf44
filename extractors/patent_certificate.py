"""专利证书 (patent certificate): patent_type (invention/utility_model/design, from the title,
else the number's type digit; less confident when a valid number's type digit disagrees),
patent_number ('ZL' + 12 digits + '.' + check; confidence drops when the check digit fails —
flags re-validate it), patent_title, inventors (JSON, ordered), inventor_rank (only when
written), patentee (OCR damage repaired as for organisations), filing_date, grant_date,
certificate_number, issue_date (the date signed at the foot: the grant date on a certificate, a later
day on a register copy; else the grant date), organization (the patent office), has_seal."""

from __future__ import annotations

import re

from extractors._base import DocView
from extractors._common import certificate_number, has_seal, issue_date, org_name, settle_org
from extractors._text.fuzzy import find_approx
from extractors._people import explicit_rank, name_list
from extractors._text.dates import find_dates
from extractors._text.ids import find_patent_numbers
from schemas.document import DocumentText
from schemas.records import ExtractedField

_TYPE_CUES = [("utility_model", re.compile(r"实用新型")), ("design", re.compile(r"外观设计")),
              ("invention", re.compile(r"发明专利|发明名称"))]
_TITLE_LABEL = r"发明名称|实用新型名称|外观设计名称|使用外观设计的产品名称|设计名称|产品名称|专利名称"


def _date(v: DocView, name: str, label: str) -> ExtractedField | None:
    hit = v.labelled(label, r".{6,24}")
    ds = find_dates(hit[0]) if hit else []
    return v.make(name, ds[0].iso, 0.9, hit[1], hit[2]) if ds and ds[0].precision == "day" else None


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Patent-certificate fields (see module docstring)."""
    v = DocView(doc)
    fields: list[ExtractedField] = []
    numbers = find_patent_numbers(v.text)
    best = next((n for n in numbers if n.valid), numbers[0]) if numbers else None
    if best:
        fields.append(v.make("patent_number", best.value, 0.95 if best.valid else 0.5, best.start, best.end))
    head = v.head(10)
    ptype = next((t for t, rx in _TYPE_CUES if rx.search(head)), None)
    if ptype:
        m = dict(_TYPE_CUES)[ptype].search(v.text)
        # a valid number of another type (its type digit) contradicts the wording: a misread
        # or a composited certificate, so the type is not certain
        clash = best is not None and best.valid and best.kind not in (None, ptype)
        fields.append(v.make("patent_type", ptype, 0.5 if clash else 0.9, m.start() if m else 0, m.end() if m else 1))
    elif best and best.kind:
        fields.append(v.make("patent_type", best.kind, 0.7, best.start, best.end))
    if (hit := v.labelled(_TITLE_LABEL, r"[《“\"]?([^》”\"]{2,80})")):
        fields.append(v.make("patent_title", hit[0], 0.85, hit[1], hit[2]))
    if (inv := name_list(v, "inventors", r"发\s*明\s*人|设\s*计\s*人|发明者")):
        fields.append(inv)
    if (r := explicit_rank(v, "inventor_rank")):
        fields.append(r)
    if (hit := v.labelled(r"专利权人|专\s*利\s*权\s*人|权利人", r"([^:：\n]{2,60}?)(?:地址|$)")):
        f = v.make("patentee", hit[0].rstrip(";；,，"), 0.85, hit[1], hit[2])
        fields.append(settle_org(v, f, v.span_lines(hit[1], hit[2])[0]) if org_name(f.value) == f.value else f)
    filing = _date(v, "filing_date", r"专利申请日|申\s*请\s*日")
    grant = _date(v, "grant_date", r"授权公告日|授\s*权\s*日|公告日")
    fields += [f for f in (filing, grant) if f]
    signed = issue_date(v)
    if signed and (not grant or signed.value >= grant.value):
        # the date the office signed this paper: the grant date on a certificate, a later
        # day on a register copy (专利登记簿副本) or a query printout
        fields.append(signed)
    elif grant:
        fields.append(grant.model_copy(update={"name": "issue_date"}))
    if (m := re.search(r"国家知识产权局|中华人民共和国专利局|中国专利局", v.text)):
        fields.append(v.make("organization", m.group(0), 0.8, m.start(), m.end()))
    else:  # the office's name under the seal, one or two characters misread ('向家知识产权')
        for ln in v.lines[-8:]:
            d, s, e = find_approx("国家知识产权局", ln.text)
            if d <= 2 and e - s >= 5 and len(ln.text) <= 12:
                fields.append(v.make("organization", "国家知识产权局", 0.6, line=ln))
                break
    return fields + [f for f in (certificate_number(v), has_seal(v)) if f]
