"""会议通知 (conference notice): like a training notice — document_number, organization,
issue_date, has_seal, title, organizer, start_date, end_date, days, hours_stated (when a
学时 figure is written; 学分 credits are not hours), level (national/provincial/city) — and,
for an invitation addressed to one person (尊敬的X教授：, X同志：, 兹邀请X参加…),
person_name."""

from __future__ import annotations

import re

from extractors._base import DocView
from extractors._common import split_form_rows
from extractors._text.names import trim_name
from extractors.training_notice import notice_fields
from schemas.document import DocumentText
from schemas.records import ExtractedField

# How an invitation addresses its invitee: a courtesy or title after the name.
_TITLE = (r"(?:副?教授|副?研究员|副?主任(?:医师|药师|护师|技师)?|主治医师|主管护师|副?院长|博士|老师|先生|女士|同志|专家|医生|"
          r"护士长|高级工程师|高工|工程师|书记|局长|处长|科长|校长|主席|会长|秘书长|理事)")
_NAME = r"[\u4e00-\u9fff·]{2,5}?"
_SALUTATION = [
    (re.compile(rf"(?:^|\n)\s*尊敬的\s*({_NAME})\s*(?:{_TITLE})?\s*[:：]"), 0.85),
    (re.compile(rf"(?:^|\n)\s*({_NAME})\s*{_TITLE}\s*[:：]\s*(?=\n|$)"), 0.8),
    (re.compile(rf"(?:^|\n)\s*({_NAME})\s*[:：]\s*(?=\n|$)"), 0.6),
    (re.compile(rf"(?:特|诚|现|兹)邀请?\s*({_NAME})\s*(?:{_TITLE})?\s*(?:于|在|参加|出席|莅临|担任|作|前来|赴)"), 0.75),
]
_NOT_PERSON = re.compile(r"^(?:各|全体|有关|相关|诸位|会员|代表|专家|老师|同志|同仁|单位|您)")


def addressee(v: DocView) -> ExtractedField | None:
    """The one person an invitation is addressed to, from its salutation or an 邀请X参加
    phrase; None for a notice to units or members (各有关单位：)."""
    for k, (rx, conf) in enumerate(_SALUTATION):
        for m in rx.finditer(v.text):
            raw = m.group(1)
            if _NOT_PERSON.match(raw) or not (name := trim_name(raw)) or len(name) < len(raw) - 1:
                continue
            if k == 2 and (name != raw or not re.search(r"[您你]", v.text[m.end():m.end() + 60])):
                continue  # a bare 'X：' line is a salutation only when the letter then says 您
            pos = v.text.find(name, m.start(1))
            return v.make("person_name", name, conf, pos, pos + len(name))
    return None


_MEETING = r"(?:学术年会|年会|学术会议|学术大会|论坛|研讨会|交流会|峰会|大会)"
# The conference named in a heading ('X学术年会会议通知', 'X年会第二轮通知', 'X论坛邀请函') or
# as what someone runs ('…主办的X将于…', '…定于…召开X').
_HEADING = re.compile(rf"^((?:(?:19|20)\d{{2}}年)?[\u4e00-\u9fff\d“”()（）]{{4,50}}?{_MEETING})"
                      rf"(?:会议)?(?:第[一二三四1-4]轮)?(?:预|参会|会议)?(?:通知|邀请函|征文通知)$")
_HELD = re.compile(rf"(?:主办|举办|承办|组织)的\s*([\u4e00-\u9fff\d“”]{{4,50}}?{_MEETING})\s*(?:将|定于|拟|于|在)")
_DOUBLED = re.compile(rf"({_MEETING})会议$")  # '…学术年会会议' (a heading's 会议通知)


def _meeting_title(v: DocView, fields: list[ExtractedField]) -> list[ExtractedField]:
    """The conference's name: what notice_fields found, a doubled 会议 cut off
    ('…年会会议' of '…年会会议通知'); none found, a heading naming the meeting, else the
    meeting someone 主办的… runs."""
    t = next((f for f in fields if f.name == "title"), None)
    if t and _DOUBLED.search(t.value):
        return [f if f is not t else t.model_copy(update={"value": _DOUBLED.sub(r"\1", t.value)}) for f in fields]
    if t:
        return fields
    for ln in v.lines[:6]:
        if (m := _HEADING.match(ln.text)):
            return fields + [v.make("title", m.group(1), 0.65, line=ln)]
    if (m := _HELD.search(v.flat)):
        return fields + [v.make("title", m.group(1), 0.6, *v.from_flat(m.start(1), m.end(1)))]
    return fields


def _organizer_cut(fields: list[ExtractedField]) -> list[ExtractedField]:
    """An organiser read after a bare 主办 inside a sentence ('X主办的Y年会' → '的Y…'): the
    particle is no part of the name."""
    out = []
    for f in fields:
        if f.name == "organizer" and re.match(r"^[的之由]\s*[\u4e00-\u9fff]{4,}", f.value):
            f = f.model_copy(update={"value": f.value[1:].strip(), "confidence": round(f.confidence * 0.8, 3)})
        out.append(f)
    return out


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Conference-notice fields (see module docstring)."""
    v = DocView(split_form_rows(doc))
    fields = _organizer_cut(_meeting_title(v, notice_fields(v, training=False)))
    if (who := addressee(v)):
        fields.append(who)
    return fields
