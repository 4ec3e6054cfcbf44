"""结业/培训/合格证书 (completion certificate): person_name, id_number, certificate_number,
organization (issuer; the organiser when no signature can be read), issue_date, has_seal,
and the training: title, organizer, start_date, end_date, days, hours_stated, level.

Certificates printed from online learning platforms (学习证明/学时证明) also carry the
project's number (项目编号 2023-04-05-123(国)) and a completion date: the project number is
never the certificate's number (the 证书/证明编号 is), and a labelled completion date (完成日期,
结业日期) is the issue date when no signature date can be read. A name is also read from
'学员X于…参加' and 'X（男）于…'."""

from __future__ import annotations

import re

from extractors._activity import activity_fields
from extractors._base import DocView
from extractors._common import common_fields, signed_after_event
from extractors._text.dates import find_dates
from extractors._text.names import trim_name
from schemas.document import DocumentText
from schemas.records import ExtractedField

COMMON = ("person_name", "id_number", "certificate_number", "organization", "issue_date", "has_seal")
# The number of something other than the certificate: the project, course, filing, student.
_OTHER_NO = re.compile(r"(?:项目|课程|备案|学籍|考生|准考|学员|班级|培训班|学)\s*$")
_OWN_NO_LABEL = (r"(?:证书|证明|证|学时证明|结业证|合格证|登记证)(?:编号|号码|号)|(?<![\u4e00-\u9fff])编号|"
                 r"No\.?|NO\.?|№")
_NUMBER = r"(?:No\.?|NO\.?|№)?\s*[:：.]?\s*(?:第\s*)?([A-Za-z0-9][A-Za-z0-9\-]{3,29})(?:\s*号)?"
_PUPIL = re.compile(r"(?:学员|学生|参训人员?|培训人员?)\s*[:：]?\s*([\u4e00-\u9fff]{2,4}?)\s*(?:同志)?\s*(?:[(（][男女][)）])?\s*"
                    r"(?:于|在|自|从|参加|已|完成|修完)")
_DONE_LABEL = r"完成日期|完成时间|结业日期|结业时间|考核日期|通过日期|颁证时间|出证时间"


def _certificate_number(v: DocView, found: ExtractedField | None) -> ExtractedField | None:
    """The certificate's own number when the common reader took another one (项目编号…)."""
    if found is not None:
        pos = v.text.find(found.value) if found.value else -1
        label_end = pos
        while label_end > 0 and v.text[label_end - 1] in " :：.\n":
            label_end -= 1
        before = re.sub(r"(?:编号|号码|号|No\.?|NO\.?|№)$", "", v.text[max(0, label_end - 10):label_end])
        if pos < 0 or not _OTHER_NO.search(before):
            return found
    for value, s, e in v.labelled_all(_OWN_NO_LABEL, _NUMBER):
        label = v.text[max(0, s - 12):s]
        if re.search(r"(?:项目|课程|备案|学籍|考生|准考|身份证?)\s*(?:编号|号码|号)\s*[:：]?\s*$", label):
            continue
        value = value.upper()
        if len(value) == 18 and sum(ch.isdigit() for ch in value) >= 16:
            continue  # a resident ID
        return v.make("certificate_number", value, 0.8, s, e)
    return None


# A sentence opening with the name and the gender: '任子豪（男）于2023年…参加…'.
_NAME_GENDER = re.compile(r"(?:^|\n)\s*([\u4e00-\u9fff]{2,4})\s*[(（]\s*[男女]\s*[)）]\s*[,，]?\s*(?:于|在|自|从|参加|已|完成|修完|同志)")


def _person(v: DocView) -> ExtractedField | None:
    """'学员程洁于…参加', '学员段一鸣（男）参加…', '任子豪（男）于…' → the name."""
    if (m := _PUPIL.search(v.flat)) and (name := trim_name(m.group(1))):
        s, e = v.from_flat(m.start(1), m.end(1))
        return v.make("person_name", name, 0.7, s, e)
    if (m := _NAME_GENDER.search(v.text)) and (name := trim_name(m.group(1))):
        return v.make("person_name", name, 0.65, m.start(1), m.end(1))
    return None


def _done_date(v: DocView) -> ExtractedField | None:
    """A labelled completion date (完成日期2023-04-17)."""
    for value, s, e in v.labelled_all(_DONE_LABEL, r"[^\n]{6,24}"):
        ds = find_dates(value)
        if ds and ds[0].precision == "day" and ds[0].has_year:
            return v.make("issue_date", ds[0].iso, 0.7, s, e)
    return None


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Completion-certificate fields (see module docstring)."""
    v = DocView(doc)
    fields = common_fields(v, COMMON)
    by = {f.name: f for f in fields}
    cert = _certificate_number(v, by.get("certificate_number"))
    fields = [f for f in fields if f.name != "certificate_number"] + ([cert] if cert else [])
    if "person_name" not in by and (p := _person(v)):
        fields.append(p)
    if "issue_date" not in by and (d := _done_date(v)):
        fields.append(d)
    org = next((f for f in fields if f.name == "organization"), None)
    activity = activity_fields(v, training=True, issuer=org)
    if org is None and (o := next((f for f in activity if f.name == "organizer"), None)):
        # no legible signature (a seal over it): the certificate is the organiser's
        fields.append(o.model_copy(update={"name": "organization", "confidence": round(o.confidence * 0.75, 3)}))
    return signed_after_event(fields + activity)
