"""其他 (unrecognised evidence): whatever common fields are present — person_name,
id_number, organization, issue_date, document_number, certificate_number, has_seal — and
what an activity would have (title — or what a 聘书 appoints to —, start_date, end_date, days,
hours_stated): category 16 goes to the city HR bureau, which needs the same facts."""

from __future__ import annotations

import re

from extractors._activity import hours_stated, period, title
from extractors._base import DocView
from extractors._common import common_fields
from schemas.document import DocumentText
from schemas.records import ExtractedField


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Common fields plus any activity facts."""
    v = DocView(doc)
    t = title(v) or appointment(v)
    return common_fields(v) + [f for f in (t, hours_stated(v, training=False)) if f] + period(v)


def appointment(v: DocView) -> ExtractedField | None:
    """What a letter of appointment (聘书) appoints to: '兹聘请刘平同志为2023年新乡市…主讲人' →
    the role, without the leading year and place."""
    m = re.search(r"聘(?:请|任|用)?[\u4e00-\u9fff·]{2,8}?(?:同志|先生|女士)?(?:为|担任)([\u4e00-\u9fff\d“”]{2,40}?)[。，,；;]", v.flat)
    if not m:
        return None
    role = re.sub(r"^(?:(?:19|20)\d{2}\s*年度?)?(?:[\u4e00-\u9fff]{2,3}[省市县区])*", "", m.group(1))
    return v.make("title", role or m.group(1), 0.5, *v.from_flat(m.start(1), m.end(1)))
