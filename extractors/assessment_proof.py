"""考核证明/年度考核 (assessment proof): person_name, id_number, organization, issue_date,
has_seal, year (the assessed year), assessment_result (优秀/良好/合格/称职/基本合格/
基本称职/不合格/不称职), and the period assessed (start_date, end_date) when written."""

from __future__ import annotations

import re

from extractors._activity import period
from extractors._base import DocView
from extractors._common import common_fields, org_name, settle_org, split_form_rows
from datetime import date

from extractors._text.dates import confusable_years, find_dates
from schemas.document import DocumentText
from schemas.records import ExtractedField

COMMON = ("person_name", "id_number", "organization", "issue_date", "has_seal")
_RESULT_RE = re.compile(r"(?:考核|评定|鉴定|等次|结果|评为|确定为|成绩|为)\s*[:：]?\s*[“\"]?(优秀|良好|基本合格|基本称职|不合格|不称职|合格|称职)")
# '2023年度考核', '2023年援藏期间年度考核', '考核年度 2023年度'
# The date an assessment was signed, on a 鉴定表 form.
_ISSUER_LABEL = r"鉴定单位|鉴定机构|评定单位|考核单位\s*[(（]\s*盖章\s*[)）]"
# (one character of the label may be lost under the seal: '鉴时间2023年10月6日')
_SIGNED_LABEL = r"鉴定?日期|鉴定?时间|评定日期|评定时间|鉴定单位盖章日期|(?<![\u4e00-\u9fff])定(?:日期|时间)"
_YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*(?:年度|年)\s*(?:年度)?(?:考核|工作|度)|"
                      r"((?:19|20)\d{2})\s*年(?![\d一二三四五六七八九十]{1,2}\s*月)[^，。,;；\n\d]{0,8}?年度考核|"
                      r"考核年度\s*[:：]?\s*((?:19|20)\d{2})")


def _settled_sign_year(v: DocView, fields: list[ExtractedField]) -> list[ExtractedField]:
    """An annual assessment is signed in the year assessed or later: a signature year one
    confusable digit before it (二〇二二 read for 二〇二三 under the seal) is that year."""
    m = _YEAR_RE.search(v.text)
    year = int(next(g for g in m.groups() if g)) if m else None
    out = []
    for f in fields:
        if f.name == "issue_date" and year and len(f.value) == 10:
            y = int(f.value[:4])
            if y < year and confusable_years(y, year):
                try:
                    f = f.model_copy(update={"value": date.fromisoformat(f.value).replace(year=year).isoformat(),
                                             "confidence": round(f.confidence * 0.7, 3)})
                except ValueError:
                    pass
        out.append(f)
    return out


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Assessment-proof fields (see module docstring)."""
    v = DocView(split_form_rows(doc))
    fields = common_fields(v, COMMON)
    for hit in v.labelled_all(_SIGNED_LABEL, r"[^\n]{6,24}"):  # 鉴定日期: the day the host signed its verdict
        ds = [d for d in find_dates(hit[0]) if d.has_year and d.precision == "day"]
        if ds:
            fields = [f for f in fields if f.name != "issue_date"] + [v.make("issue_date", ds[0].iso, 0.85, hit[1], hit[2])]
            break
    if (m := _RESULT_RE.search(v.text)):
        fields.append(v.make("assessment_result", m.group(1), 0.85, m.start(1), m.end(1)))
    elif (m := _RESULT_RE.search(v.flat)):  # '成绩合\n格': a result broken over lines
        fields.append(v.make("assessment_result", m.group(1), 0.75, *v.from_flat(m.start(1), m.end(1))))
    fields = _settled_sign_year(v, fields)
    if not any(f.name == "organization" for f in fields) and (hit := v.labelled(_ISSUER_LABEL, r"[^\n]{3,40}")) \
            and (name := org_name(hit[0])):  # '鉴定单位 | 河南省胸科医院' on a form
        fields.append(settle_org(v, v.make("organization", name, 0.8, hit[1], hit[1] + len(name)),
                                 v.span_lines(hit[1], hit[2])[0]))
    dates = [f for f in period(v) if f.name != "days"]
    if (m := _YEAR_RE.search(v.text)):
        g = next(i for i in (1, 2, 3) if m.group(i))
        fields.append(v.make("year", m.group(g), 0.8, m.start(g), m.end(g)))
    elif dates:  # a 进修 assessment: the year of the period assessed
        fields.append(dates[0].model_copy(update={"name": "year", "value": dates[0].value[:4], "confidence": 0.6}))
    return fields + dates
