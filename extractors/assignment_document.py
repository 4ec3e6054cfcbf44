"""援派/挂职文件 (assignment document): assignment_kind (援藏/援疆/援外/支教/支农/支医/扶贫/
挂职/驻村帮扶 as named; 驻村 alone, 帮扶 and 第一书记 are 扶贫), title (the assignment as named:
驻村帮扶), start_date, end_date, months, days, person_name, document_number, organization,
issue_date, has_seal.

Documents come as notices (选派…的通知), proofs and table-form registration forms (援派人员
登记表: 姓名 | … | 派出时间 | 2023年2月15日至… | 期限 | 6个月). The period is a labelled range,
else a labelled start with a duration ('自2023年7月1日起，为期一年' → the day before the
anniversary), else the first range; months are the stated duration when it agrees with the
range (within a month), else the range's calendar months. A paper without a 文号 of its own
(a host's 援派工作证明, a form) takes the number of the posting decision it cites."""

from __future__ import annotations

import re
from datetime import timedelta

from extractors._activity import doc_year, find_period
from extractors._base import DocView
from extractors._common import common_fields
from extractors._leave import add_months, months_phrase, span_months
from extractors._text.dates import find_dates
from extractors._text.docnum import find_doc_numbers
from schemas.document import DocumentText
from schemas.records import ExtractedField

COMMON = ("person_name", "document_number", "organization", "issue_date", "has_seal")
_KIND_RE = re.compile(r"援藏|援疆|援青|援外|支教|支农|支医|扶贫|挂职|驻村帮扶|驻村|对口支援|帮扶|第一书记")
_KIND_MAP = {"援青": "援外", "对口支援": "支医", "帮扶": "扶贫", "驻村": "扶贫", "第一书记": "扶贫"}
# The assignment as the document names it: '开展驻村帮扶工作' → 驻村帮扶, '参加援疆医疗队' → 援疆医疗队.
_TITLE_RE = re.compile(r"(?:开展|从事|参加|进行|担任|执行)((?:[\u4e00-\u9fff]{0,4}?)(?:援藏|援疆|援青|援外|支教|支农|支医|"
                       r"扶贫|挂职|驻村|帮扶|对口支援|第一书记)[\u4e00-\u9fff]{0,4}?)(?:工作|活动|任务|锻炼|的|，|。|$)")
_TITLE_LABEL = r"(?:选派|援派|派出|派驻|帮扶|支援|挂职)(?:类别|类型|形式|事由|项目|任务)|工作类别|援派性质"
_PERIOD_LABEL = (r"(?:援派|挂职|支援|服务|工作|派驻|支教|支医|支农|选派|派出|援藏|援疆|援外|驻村|帮扶|锻炼|任职|借调)?"
                 r"(?:时间|期限|期间|时限|起止时间|起止日期|起止年月|日期)|起止(?:时间|日期)?|自")
_DURATION_LABEL = (r"(?:援派|挂职|支援|服务|工作|派驻|支教|支医|支农|选派|派出|援藏|援疆|援外|驻村|帮扶|锻炼|任职)?"
                   r"(?:期限|时限|时长|年限|月数)")
_START = re.compile(r"(?:自|从|于)?\s*((?:19|20)\d{2}\s*(?:年|[.\-/])\s*\d{1,2}\s*(?:月|[.\-/])\s*\d{1,2}\s*[日号]?)\s*(?:起|开始|到岗|出发)")


def _duration(v: DocView) -> tuple[float, int, int] | None:
    """A stated duration in months: labelled (派出期限：6个月 / 一年), else a phrase (为期一年)."""
    for hit in v.labelled_all(_DURATION_LABEL, r"[^\n]{1,30}"):
        if (found := months_phrase("期" + hit[0])):
            return found[0], hit[1], hit[2]
    return months_phrase(v.text)


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Assignment fields (see module docstring)."""
    v = DocView(doc)
    fields = common_fields(v, COMMON)
    if not any(f.name == "document_number" for f in fields) and (cited := find_doc_numbers(v.flat, normalised=True)):
        # a proof or form citing the posting's decision (根据…《X〔2023〕72号》文件): its number
        s, e = v.from_flat(cited[0].start, cited[0].end)
        fields.append(v.make("document_number", cited[0].value, 0.6, s, e))
    if (m := _KIND_RE.search(v.text)):
        fields.append(v.make("assignment_kind", _KIND_MAP.get(m.group(0), m.group(0)), 0.8, m.start(), m.end()))
    if (hit := v.labelled(_TITLE_LABEL, r"([\u4e00-\u9fff（）()]{2,16})")) and _KIND_RE.search(hit[0]):
        fields.append(v.make("title", hit[0], 0.8, hit[1], hit[2]))  # a form's 选派类别 | 驻村帮扶
    elif (t := _TITLE_RE.search(v.flat)):
        fields.append(v.make("title", t.group(1), 0.7, *v.from_flat(t.start(1), t.end(1))))
    elif (m := re.match(r"(?:关于)?(援藏|援疆|援青|援外|支教|支农|支医|挂职|驻村帮扶|对口支援)", v.head(2))):
        fields.append(v.make("title", m.group(1), 0.6, line=v.lines[0]))  # '援疆专业技术人员选派审批表'
    
    stated = _duration(v)
    found = find_period(v, _PERIOD_LABEL)
    if found:
        r, span, conf = found
        months = span_months(r.start, r.end)
        if stated and abs(stated[0] - months) <= 1 and float(stated[0]).is_integer():
            months = stated[0]  # 2023.2.16—2023.8.15 '共6个月'
        fields += [v.make("start_date", r.start.isoformat(), conf - 0.05, *span),
                   v.make("end_date", r.end.isoformat(), conf - 0.05, *span),
                   v.make("months", round(months, 1), conf - 0.1, *span), v.make("days", r.days, conf - 0.1, *span)]
        return fields
    start = _START.search(v.text)
    ds = find_dates(start.group(1), default_year=doc_year(v)) if start else []
    if ds and stated and ds[0].precision == "day":
        # a start and a duration: '自2023年7月1日起，为期一年' → 2023-07-01 … 2024-06-30
        begin = ds[0].value
        whole = float(stated[0]).is_integer()
        end = add_months(begin, int(stated[0])) - timedelta(days=1) if whole else \
            begin + timedelta(days=round(stated[0] * 30.44) - 1)
        span = (start.start(1), start.end(1))
        fields += [v.make("start_date", begin.isoformat(), 0.7, *span), v.make("end_date", end.isoformat(), 0.6, *span),
                   v.make("months", round(stated[0], 1), 0.7, stated[1], stated[2])]
    elif stated is not None:
        fields.append(v.make("months", round(stated[0], 1), 0.6, stated[1], stated[2]))
    return fields
