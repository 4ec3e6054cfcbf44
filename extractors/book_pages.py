"""封面/扉页/版权页/目录 (book pages): title, isbn (ISBN-13 when the check digit is valid),
publisher (also as organization), issue_date (publication month, 'YYYY-MM' or a day), year,
editors (JSON {role: [names]} with roles 主编/副主编/参编), authors (JSON, every editor in
role order), role (only when a single named person holds it), word_count (characters:
'350千字' → 350000), has_seal. Names written without separators are split (主编郑玉兰张佳). The
declarant's role is decided per claim from `editors`."""

from __future__ import annotations

import re

from extractors._base import DocView
from extractors._common import has_seal
from extractors._text.dates import find_dates
from extractors._text.ids import find_isbns
from extractors._people import plausible_name
from extractors._text.names import split_names
from extractors.presentation_proof import word_count
from schemas.document import DocumentText
from schemas.records import ExtractedField

_ROLES = {"主编": r"(?<!副)主\s*编", "副主编": r"副\s*主\s*编",
          "参编": r"(?:参\s*编(?:人员)?|编\s*委(?!会)|编\s*者|编写人员|编写者|编写组成员)(?!人员名单|名单)"}
# A role heading whose names follow on the next lines ('编　委（以姓氏笔画为序）', '参编人员：').
_NOTE = r"(?:[(（][^)）]{2,16}[)）])?"
_CIP_RE = re.compile(r"^(.{2,40}?)\s*/\s*([\u4e00-\u9fff、,，·\s]{2,40}?)\s*(主编|编著|著|编|译)")
_PUBLISHER_RE = re.compile(r"([\u4e00-\u9fff]{2,20}出版社)")
_PUBDATE_LABEL = r"出版时间|出版日期|版\s*次|印\s*次|出版年"


_EDITION_RE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*第\s*\d+\s*(?:版|次印刷)")


def _bare_word_count(v: DocView) -> ExtractedField | None:
    """A copyright page that prints its values without labels: the word count is the line
    that is only a number in thousands ('270 000', '270千字')."""
    for ln in v.lines:
        if (m := re.fullmatch(r"(\d{2,4})\s?000|(\d{2,4})\s*千字", ln.raw.strip())):
            return v.make("word_count", int(m.group(1) or m.group(2)) * 1000, 0.5, line=ln)
    return None


def editors(v: DocView) -> dict[str, list[str]]:
    """Names by editorial role: a line starting with the role ('主编：张三 李四', '主　编　张三'),
    a role with a colon anywhere, and the CIP line '书名/张三，李四主编'. Names are split on
    the reader's spaces; a name keeps its first role."""
    out: dict[str, list[str]] = {}
    for role, rx in _ROLES.items():
        # [ \t]: a role alone on its line ('主编' over '副主编 武品') does not take the next line
        pats = [rf"(?m:^)[ \t]*(?:{rx})[ \t]*[:：]?[ \t]*([\u4e00-\u9fff·、,，;； \t]{{2,60}})(?=\n|$)",
                rf"(?:{rx})[ \t]*[:：][ \t]*([\u4e00-\u9fff·、,，;； \t]{{2,60}})"]
        for pat in pats:
            for m in re.finditer(pat, v.text):
                names = split_names(v.raw_slice(m.start(1), m.end(1)))
                out.setdefault(role, []).extend(n for n in names if plausible_name(n))
    for role, rx in _ROLES.items():
        for i, ln in enumerate(v.lines):
            if not re.fullmatch(rf"(?:{rx})\s*[:：]?\s*{_NOTE}\s*[:：]?", ln.text) and \
                    not (re.match(rf"(?:{rx})\s*[:：]?", ln.text) and out.get(role) and _names_only(ln.raw, role)):
                continue
            for nxt in v.lines[i + 1:i + 12]:  # the names, wrapped over lines of their own
                names = _names_only(nxt.raw)
                if not names:
                    break
                out.setdefault(role, []).extend(names)
    for ln in v.lines:  # the title page's '张三　李四　主编'
        if (m := re.fullmatch(r"(.{2,40}?)\s*(副主编|主编|编著)", ln.raw.strip())) and (names := _names_only(m.group(1))):
            out.setdefault("主编" if m.group(2) == "编著" else m.group(2), []).extend(names)
    cip = next((m for ln in v.lines if (m := _CIP_RE.match(ln.text))), None)
    if cip and cip.group(3) in ("主编", "编著", "编"):
        out.setdefault("主编", []).extend(n for n in split_names(cip.group(2)) if plausible_name(n))
    everyone = {n.strip("·") for ns in out.values() for n in ns}
    for role, ns in out.items():
        out[role] = [x for n in ns if n.strip("·") not in _NOT_EDITOR for x in _unjoin(n.strip("·"), everyone)]
    seen: set[str] = set()
    result: dict[str, list[str]] = {}
    for role in ("主编", "副主编", "参编"):
        kept = [n for n in dict.fromkeys(out.get(role, [])) if n not in seen]
        kept = [n for n in kept if not _misread_of(n, kept, v.text)]
        seen.update(kept)
        if kept:
            result[role] = kept
    return result


_NOT_EDITOR = {"人员", "名单", "成员", "名录", "委员", "姓名", "职务"}


def _unjoin(name: str, everyone: set[str]) -> list[str]:
    """Two names OCR ran together ('于宇刘辉') when both are printed apart elsewhere, also
    with one character of either misread ('于字刘辉': `_misread_of` then drops 于字)."""
    def known(part: str) -> bool:
        return part in everyone or any(o != name and len(o) == len(part) and o[0] == part[0]
                                       and sum(x != y for x, y in zip(o, part)) == 1 for o in everyone)

    if len(name) >= 4:
        for exact in (True, False):
            for k in (2, 3):
                a, b = name[:k], name[k:]
                if (a in everyone and b in everyone) if exact else (2 <= len(b) <= 3 and known(a) and known(b)):
                    return [a, b]
    return [name]


def _names_only(raw: str, role: str | None = None) -> list[str]:
    """The names of a line made of names only (after the role word, when given), else []."""
    if role:
        raw = re.sub(rf"^\s*(?:{_ROLES[role]})\s*[:：]?\s*{_NOTE}", "", raw)
    raw = re.sub(r"[.。]", " ", raw)
    if not re.fullmatch(r"[\u4e00-\u9fff·、,，;；\s]{2,80}", raw.strip()) or \
            re.search(r"编|审|委员|顾问|主任|人员|名单|出版|作者|著|译", raw):
        return []
    names = split_names(raw)
    return names if names and all(plausible_name(n) for n in names) else []


def _misread_of(name: str, names: list[str], text: str) -> bool:
    """Is `name` an OCR variant of another editor printed more often (the copyright page's
    于字 for the cover's and title page's 于宇)? Same surname and length, one character
    different; two real co-editors are printed as often as each other."""
    return any(o != name and len(o) == len(name) and o[0] == name[0]
               and sum(a != b for a, b in zip(o, name)) == 1 and text.count(o) > text.count(name) for o in names)


def extract(doc: DocumentText) -> list[ExtractedField]:
    """Book-page fields (see module docstring)."""
    v = DocView(doc)
    fields: list[ExtractedField] = []
    if (isbns := find_isbns(v.text)):
        best = next((i for i in isbns if i.valid), isbns[0])
        fields.append(v.make("isbn", best.value, 0.95 if best.valid else 0.5, best.start, best.end))
    hit = v.labelled(r"书\s*名|著作名称|作品名称", r"[《“\"]?([^》”\"/]{2,60})")
    cip = next(((i, _CIP_RE.match(ln.text)) for i, ln in enumerate(v.lines) if _CIP_RE.match(ln.text)), None)
    if hit:
        fields.append(v.make("title", hit[0], 0.85, hit[1], hit[2]))
    elif cip:
        fields.append(v.make("title", cip[1].group(1).strip("《》"), 0.8, line=v.lines[cip[0]]))
    elif (m := re.search(r"《([^》]{2,60})》", v.text)):
        fields.append(v.make("title", m.group(1), 0.6, m.start(1), m.end(1)))
    elif v.lines and re.fullmatch(r"[\u4e00-\u9fff：:（）()]{2,30}", v.lines[0].text) \
            and not re.search(r"出版|版权|侵权|目录|目次|前言", v.lines[0].text) \
            and not re.match(r"(?:总?主\s*编|副\s*主\s*编|编\s*著|编\s*委|参\s*编|编\s*者|著\s*者)", v.lines[0].text):
        # (a cover photo whose big title OCR missed starts with its editors: no title)
        fields.append(v.make("title", v.lines[0].text, 0.5, line=v.lines[0]))  # a cover: the title first
    if (m := _PUBLISHER_RE.search(v.text)):
        fields += [v.make("publisher", m.group(1), 0.85, m.start(1), m.end(1)),
                   v.make("organization", m.group(1), 0.8, m.start(1), m.end(1))]
    hit = v.labelled(_PUBDATE_LABEL, r".{4,30}")
    ds = find_dates(hit[0]) if hit else []
    edition = _EDITION_RE.search(v.text)  # '2023年2月第1版' without its label
    if ds:
        fields.append(v.make("issue_date", ds[0].iso, 0.8, hit[1], hit[2]))
    elif edition:
        fields.append(v.make("issue_date", f"{edition.group(1)}-{int(edition.group(2)):02d}", 0.7,
                             edition.start(), edition.end()))
    elif cip and (m := re.search(r"((?:19|20)\d{2})\s*[.年]\s*(\d{1,2})", v.lines[cip[0]].text)):
        fields.append(v.make("issue_date", f"{m.group(1)}-{int(m.group(2)):02d}", 0.7, line=v.lines[cip[0]]))
    if (d := next((f for f in fields if f.name == "issue_date"), None)):
        fields.append(d.model_copy(update={"name": "year", "value": d.value[:4]}))
    eds = editors(v)
    if eds:
        first = next(iter(eds.values()))[0]
        pos = max(v.text.find(first), 0)
        fields.append(v.make("editors", eds, 0.75, pos, pos + len(first)))
        fields.append(v.make("authors", [n for ns in eds.values() for n in ns], 0.7, pos, pos + len(first)))
        people = [(r, n) for r, ns in eds.items() for n in ns]
        if len(people) == 1:
            fields.append(v.make("role", people[0][0], 0.7, pos, pos + len(first)))
    if (w := word_count(v) or _bare_word_count(v)):
        fields.append(w)
    return fields + [has_seal(v)]
