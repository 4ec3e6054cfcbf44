"""会议通知 (conference notice): like a training notice — document_number, organization,
issue_date, has_seal, title, organizer, start_date, end_date, days, hours_stated (when a
学时 figure is written; 学分 credits are not hours), level (national/provincial/city) — and,
for an invitation addressed to one person (尊敬的X教授：, X同志：, 兹邀请X参加…),
person_name."""

from __future__ import annotations

import re

from extractors._base import DocView
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


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Conference-notice fields (see module docstring)."""
    v = DocView(doc)
    fields = notice_fields(v, training=False)
    if (who := addressee(v)):
        fields.append(who)
    return fields
