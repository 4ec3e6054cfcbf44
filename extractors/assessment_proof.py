"""考核证明/年度考核 (assessment proof): person_name, id_number, organization, issue_date,
has_seal, year (the assessed year), assessment_result (优秀/良好/合格/称职/基本合格/
基本称职/不合格/不称职), and the period assessed (start_date, end_date) when written."""

from __future__ import annotations

import re

from extractors._activity import period
from extractors._base import DocView
from extractors._common import common_fields
from schemas.document import DocumentText
from schemas.records import ExtractedField

COMMON = ("person_name", "id_number", "organization", "issue_date", "has_seal")
_RESULT_RE = re.compile(r"(?:考核|评定|鉴定|等次|结果|评为|确定为|成绩|为)\s*[:：]?\s*[“\"]?(优秀|良好|基本合格|基本称职|不合格|不称职|合格|称职)")
_YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*(?:年度|年)\s*(?:年度)?(?:考核|工作|度)")


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Assessment-proof fields (see module docstring)."""
    v = DocView(doc)
    fields = common_fields(v, COMMON)
    if (m := _RESULT_RE.search(v.text)):
        fields.append(v.make("assessment_result", m.group(1), 0.85, m.start(1), m.end(1)))
    elif (m := _RESULT_RE.search(v.flat)):  # '成绩合\n格': a result broken over lines
        fields.append(v.make("assessment_result", m.group(1), 0.75, *v.from_flat(m.start(1), m.end(1))))
    dates = [f for f in period(v) if f.name != "days"]
    if (m := _YEAR_RE.search(v.text)):
        fields.append(v.make("year", m.group(1), 0.8, m.start(1), m.end(1)))
    elif dates:  # a 进修 assessment: the year of the period assessed
        fields.append(dates[0].model_copy(update={"name": "year", "value": dates[0].value[:4], "confidence": 0.6}))
    return fields + dates
