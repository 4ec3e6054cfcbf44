"""援派/挂职文件 (assignment document): assignment_kind (援藏/援疆/援外/支教/支农/支医/扶贫/
挂职/驻村), title (the assignment as named: 驻村帮扶), start_date, end_date, months, days, person_name, document_number,
organization, issue_date, has_seal."""

from __future__ import annotations

import re

from extractors._base import DocView
from extractors._common import common_fields
from extractors._leave import months_phrase, span_months
from extractors._text.dates import find_ranges
from schemas.document import DocumentText
from schemas.records import ExtractedField

COMMON = ("person_name", "document_number", "organization", "issue_date", "has_seal")
_KIND_RE = re.compile(r"援藏|援疆|援青|援外|支教|支农|支医|扶贫|挂职|驻村|对口支援|帮扶|第一书记")
_KIND_MAP = {"援青": "援外", "对口支援": "支医", "帮扶": "扶贫", "驻村": "扶贫", "第一书记": "扶贫"}
# The assignment as the document names it: '开展驻村帮扶工作' → 驻村帮扶, '参加援疆医疗队' → 援疆医疗队.
_TITLE_RE = re.compile(r"(?:开展|从事|参加|进行|担任|执行)((?:[\u4e00-\u9fff]{0,4}?)(?:援藏|援疆|援青|援外|支教|支农|支医|"
                       r"扶贫|挂职|驻村|帮扶|对口支援|第一书记)[\u4e00-\u9fff]{0,4}?)(?:工作|活动|任务|锻炼|的|，|。|$)")
_PERIOD_LABEL = r"(?:援派|挂职|支援|服务|工作|派驻|支教|选派)?(?:时间|期限|期间|时限)|自"


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Assignment fields (see module docstring)."""
    v = DocView(doc)
    fields = common_fields(v, COMMON)
    if (m := _KIND_RE.search(v.text)):
        fields.append(v.make("assignment_kind", _KIND_MAP.get(m.group(0), m.group(0)), 0.8, m.start(), m.end()))
    if (t := _TITLE_RE.search(v.flat)):
        fields.append(v.make("title", t.group(1), 0.7, *v.from_flat(t.start(1), t.end(1))))
    hit = v.labelled(_PERIOD_LABEL, r".{6,50}")
    ranges = find_ranges(hit[0]) if hit else []
    span = (hit[1], hit[2]) if ranges else None
    if not ranges and (ranges := find_ranges(v.text, normalised=True)):
        span = ranges[0].span
    if ranges:
        r = ranges[0]
        fmt = (lambda d: d.isoformat()) if r.precision == "day" else (lambda d: d.strftime("%Y-%m"))
        fields += [v.make("start_date", fmt(r.start), 0.8, *span), v.make("end_date", fmt(r.end), 0.8, *span),
                   v.make("months", span_months(r.start, r.end), 0.75, *span), v.make("days", r.days, 0.75, *span)]
    elif (found := months_phrase(v.text)) is not None:
        fields.append(v.make("months", round(found[0], 1), 0.6, found[1], found[2]))
    return fields
