"""Fields most evidence carries: person_name, id_number, organization, issue_date,
document_number, certificate_number, has_seal. Each returns an ExtractedField or None."""

from __future__ import annotations

import re

from extractors._base import DocView
from extractors._text.dates import find_dates
from extractors._text.docnum import own_doc_number
from extractors._text.ids import find_resident_ids, resident_id_valid
from extractors._text.names import find_person_name, trim_name
from schemas.records import ExtractedField

ORG_SUFFIX = (r"(?:委员会|人民政府|管理局|局|厅|委|办公室|学院|大学|学校|医院|卫生院|中心|协会|学会|研究会|"
              r"有限公司|有限责任公司|公司|集团|研究院|研究所|基地|出版社|杂志社|编辑部|党校|中学|小学|幼儿园|诊所|银行|支行|分行|事务所|"
              r"工作室|大队|部|处|站|所|馆|院|会|社|室|队)")
_ORG_RUN = re.compile(rf"[\u4e00-\u9fff]{{2,40}}(?:[(（][\u4e00-\u9fff]{{2,30}}[)）])?")


def org_name(text: str) -> str | None:
    """The organisation name a value starts with: the run of characters up to its last
    organisation suffix ('中国建筑科学研究院有限公司', not '…研究院'), keeping a trailing
    parenthesised name ('…继续教育基地（河南工业大学）')."""
    m = _ORG_RUN.match(text.strip())
    if not m:
        return None
    run = m.group(0)
    ends = [x.end() for x in re.finditer(ORG_SUFFIX, run)]
    paren = re.search(r"[(（][\u4e00-\u9fff]{2,30}[)）]$", run)
    if paren and ends and ends[-1] >= paren.start():
        return run
    head = run[: paren.start()] if paren else run
    ends = [x.end() for x in re.finditer(ORG_SUFFIX, head)]
    return head[: ends[-1]] if ends and ends[-1] >= 3 else None
# Lines naming the person's own unit or contact data, never the issuer.
_NOT_ISSUER = re.compile(r"^(?:工作单位|所在单位|原单位|单位名称|进修单位|学习单位|承担单位|地址|电话|抄送|附件|联系)|^[^:：]{1,8}[:：]")
_ORG_LABELS = (r"发证机关|发证单位|颁发单位|颁证单位|发证机构|证明单位|出具单位|(?<!填报)(?<!申报)(?<!报送)单位\(盖章\)|"
               r"盖章单位|颁奖单位")
_DATE_LABELS = (r"发证日期|发证时间|颁发日期|颁证日期|签发日期|证明日期|出具日期|开具日期|颁发时间|落款日期|"
                r"(?m:^)\s*日\s*期")
_CERT_NO = re.compile(r"(?<!身份)(?<!身份证)(?:证书编号|证书号码|证书号|证号|编号|管理号|No\.?|NO\.?|№)\s*[:：.]?\s*(?:第\s*)?([A-Za-z0-9][A-Za-z0-9\-]{3,29})(?:\s*号)?")


def person_name(v: DocView) -> ExtractedField | None:
    """A labelled name (form lines are cut at the next label), else the phrases of
    names.find_person_name (兹证明…同志, X同志：, X，男，), also across line breaks."""
    hit = v.labelled(r"学员姓名|[姓性]\s*名", r"[\u4e00-\u9fff·]{2,12}")  # OCR: 姓 → 性
    if hit and (name := trim_name(hit[0])):
        return v.make("person_name", name, 0.9, hit[1], hit[1] + len(name))
    found = find_person_name(v.text) or find_person_name(v.flat)  # phrases broken over lines
    if not found:
        return None
    name, conf = found
    pos = v.text.find(name)
    if pos < 0:  # the name was rejoined from OCR-spaced characters
        pos = v.text.find(name[0])
    return v.make("person_name", name, conf, pos, pos + len(name))


def id_number(v: DocView) -> ExtractedField | None:
    found = find_resident_ids(v.text)
    if not found:
        return None
    best = next((i for i in found if i.valid), found[0])
    return v.make("id_number", best.value, 0.95 if best.valid else 0.5, best.start, best.end)


def _header_org(v: DocView) -> ExtractedField | None:
    """An organisation heading the document ('XX局文件', 'XX基地（XX大学）')."""
    for ln in v.lines[:4]:
        text = re.sub(r"(?:文件|公文)$", "", re.sub(r"^[^\u4e00-\u9fff]+", "", ln.text))
        name = org_name(text)
        if name and len(name) == len(text):
            return v.make("organization", name, 0.8, line=ln)
    return None


def organization(v: DocView, prefer_header: bool = False) -> ExtractedField | None:
    """The issuer: a labelled issuer, else the bottom-most organisation line (signature
    block), else the header ('XX局文件'). Official documents (`prefer_header`) take the
    header first: attachments after the signature list other organisations."""
    hit = v.labelled(_ORG_LABELS, r"[^\n]{3,60}")
    if hit and (name := org_name(hit[0])):
        return v.make("organization", name, 0.85, hit[1], hit[1] + len(name))
    if prefer_header and (head := _header_org(v)):
        return head
    for ln in reversed(v.lines[-12:]):  # the signature block, bottom up
        if _NOT_ISSUER.match(ln.text):
            continue
        text = re.sub(r"[(（]?(?:盖章|公章|章)[)）]?|(?:19|20)\d{2}\s*[.\-/年].*$", "", ln.text).strip()
        name = org_name(text)
        if name and len(name) >= len(text) - 1:
            return v.make("organization", name, 0.7, line=ln)
    head = _header_org(v)
    return head.model_copy(update={"confidence": round(head.confidence * 0.75, 3)}) if head else None


def issue_date(v: DocView) -> ExtractedField | None:
    """A labelled issue date, else the last date standing (nearly) alone on a line in the
    lower part of the document (the signature date). Dates inside sentences are not issue
    dates."""
    hit = v.labelled(_DATE_LABELS, r".{6,20}")
    if hit:
        ds = find_dates(hit[0])
        if ds and ds[0].precision == "day" and ds[0].has_year:
            return v.make("issue_date", ds[0].iso, 0.85, hit[1], hit[2])
    dates = [d for d in find_dates(v.text, normalised=True) if d.has_year]
    for d in reversed(dates):
        i = v.line_index(d.start)
        if len(v.lines[i].text) <= d.end - d.start + 16 and i >= len(v.lines) // 2:
            return v.make("issue_date", d.iso, 0.8 if d.precision == "day" else 0.6, d.start, d.end)
    return None  # only dates inside sentences: no signature date was read


def document_number(v: DocView) -> ExtractedField | None:
    d = own_doc_number(v.text)
    if not d:
        return None
    return v.make("document_number", d.value, 0.9 if not d.cited else 0.5, d.start, d.end)


def certificate_number(v: DocView) -> ExtractedField | None:
    """A labelled certificate number (证书编号/证号/管理号/No.), never a resident ID (OCR
    garbles '身份证号' into '…证号')."""
    for m in _CERT_NO.finditer(v.text):
        value = m.group(1).upper()
        if not (len(value) == 18 and resident_id_valid(value)):
            return v.make("certificate_number", value, 0.85, m.start(1), m.end(1))
    return None


def has_seal(v: DocView) -> ExtractedField:
    """'true' with the seal's box when the reader found a red seal; 'false' otherwise (with
    low confidence: a faint seal can be missed)."""
    for page in v.doc.pages:
        if page.seals:
            return ExtractedField(name="has_seal", value="true", confidence=0.9, page=page.number, bbox=page.seals[0])
    return ExtractedField(name="has_seal", value="false", confidence=0.6)


COMMON = {
    "person_name": person_name, "id_number": id_number, "organization": organization,
    "issue_date": issue_date, "document_number": document_number,
    "certificate_number": certificate_number, "has_seal": has_seal,
}


def common_fields(v: DocView, names: tuple[str, ...] = tuple(COMMON), official: bool = False) -> list[ExtractedField]:
    """The named common fields that are present, in the order asked. `official` documents
    (notices with a 文号) take their issuer from the header."""
    out = []
    for name in names:
        f = organization(v, prefer_header=True) if official and name == "organization" else COMMON[name](v)
        if f is not None:
            out.append(f)
    return out
