"""其他 (unrecognised evidence): whatever common fields are present — person_name,
id_number, organization, issue_date, document_number, certificate_number, has_seal — and
what an activity would have (title — or what a 聘书 appoints to —, start_date, end_date, days,
hours_stated): category 16 goes to the city HR bureau, which needs the same facts."""

from __future__ import annotations

import re

from extractors._activity import hours_stated, one_day, period, title
from extractors._base import DocView
from extractors._common import common_fields
from extractors._text.dates import find_dates
from schemas.document import DocumentText
from schemas.records import ExtractedField


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Common fields plus any activity facts."""
    v = DocView(doc)
    t = title(v)
    appointed = appointment(v)
    dates = period(v)
    out = common_fields(v) + [f for f in (t or (appointed[0] if appointed else None), hours_stated(v, training=False)) if f]
    if not dates and appointed and appointed[1]:
        dates = [appointed[1]]
    if not dates and (day := one_day(v)):
        dates = [day]
    return out + dates


_APPOINT = re.compile(r"(?:于\s*(?P<date>[^，。,；;]{6,16}?)\s*)?(?:受邀|被)?(?:聘请|聘任|聘用|聘|担任)"
                      r"(?:(?:[\u4e00-\u9fff·]{2,8}?(?:同志|先生|女士)?|[您你])(?:为|担任))?(?P<role>[\u4e00-\u9fff\d“”]{2,40}?)[。，,；;]")


def appointment(v: DocView) -> tuple[ExtractedField, ExtractedField | None] | None:
    """What a letter of appointment (聘书) or invitation appoints to — '兹聘请刘平同志为2023年
    新乡市…主讲人', '于2023年5月16日受邀担任…主讲人' — as the role without its leading year and
    place (title), and the date it starts when written (start_date)."""
    for m in _APPOINT.finditer(v.flat):
        role = re.sub(r"^(?:(?:19|20)\d{2}\s*年度?)?(?:[\u4e00-\u9fff]{2,3}[省市县区])*", "", m.group("role"))
        if len(role) < 2:
            continue
        t = v.make("title", role, 0.5, *v.from_flat(m.start("role"), m.end("role")))
        start = None
        if m.group("date") and (ds := find_dates(m.group("date"))) and ds[0].precision == "day":
            start = v.make("start_date", ds[0].iso, 0.6, *v.from_flat(m.start("date"), m.end("date")))
        return t, start
    return None
