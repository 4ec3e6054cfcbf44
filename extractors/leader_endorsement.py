"""批示件 (leader's endorsement of a report): leader_level (provincial/city/county), title
(the report), person_name (its author), organization, issue_date (the endorsement date when
labelled), document_number, has_seal."""

from __future__ import annotations

import re

from extractors._base import DocView
from extractors._common import common_fields
from extractors._text.dates import find_dates
from schemas.document import DocumentText
from schemas.records import ExtractedField

COMMON = ("person_name", "organization", "issue_date", "document_number", "has_seal")
LEADER_LEVELS = [
    ("provincial", re.compile(r"省委|省政府|省人民政府|省长|副省长|省委书记|省人大|省政协|常务副省长")),
    ("city", re.compile(r"市委|市政府|市人民政府|市长|副市长|市委书记|市人大|市政协")),
    ("county", re.compile(r"县委|县政府|县长|副县长|县委书记|区委|区政府|区长|副区长")),
]
_LEADER_LABEL = r"批示领导|领导职务|批示人|批示领导职务|签批领导"
_TITLE_LABEL = r"报告题目|报告名称|调研报告|题\s*目|标\s*题"


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Endorsement fields (see module docstring)."""
    v = DocView(doc)
    fields = common_fields(v, COMMON)
    hit = v.labelled(_LEADER_LABEL, r".{2,30}")
    for text, s, e, conf in ([(hit[0], hit[1], hit[2], 0.85)] if hit else []) + [(v.text, None, None, 0.65)]:
        found = [(m.start(), lv, m) for lv, rx in LEADER_LEVELS if (m := rx.search(text))]
        if found:
            _, lv, m = min(found, key=lambda t: t[0]) if s is not None else found[0]
            fields.append(v.make("leader_level", lv, conf, s if s is not None else m.start(),
                                 e if e is not None else m.end()))
            break
    t = v.labelled(_TITLE_LABEL, r"[《“\"]?([^》”\"]{4,80})")
    m = re.search(r"《([^》]{4,80})》", v.text)
    if t:
        fields.append(v.make("title", t[0], 0.85, t[1], t[2]))
    elif m:
        fields.append(v.make("title", m.group(1), 0.7, m.start(1), m.end(1)))
    if not any(f.name == "person_name" for f in fields):
        if (a := v.labelled(r"作\s*者|撰\s*写\s*人|执\s*笔|报送人|调研人", r"([\u4e00-\u9fff]{2,4})")):
            fields.append(v.make("person_name", a[0], 0.75, a[1], a[2]))
    d = v.labelled(r"批示时间|批示日期|签批时间|签批日期", r".{6,24}")
    if d and (ds := find_dates(d[0])):
        fields = [f for f in fields if f.name != "issue_date"]
        fields.append(v.make("issue_date", ds[0].iso, 0.85, d[1], d[2]))
    return fields
