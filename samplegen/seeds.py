"""The five real city notices (../shared/seeds/*.txt, bundled in seed_texts/) as
`policy_notice` documents.

The text is cleaned (markdown marks, <url> brackets), hard-wrapped lines are re-flowed into
paragraphs, tab-separated rows become tables, and the result is laid out as a 红头 notice.
Ground-truth fields: document_number, organization, city, year, required_hours (90),
public_hours (30), professional_hours (60), issue_date when the notice states one."""

from __future__ import annotations

import random
import re
from pathlib import Path

from samplegen.layout import Composer

# verbatim copies of ../shared/seeds/*.txt, bundled so generation does not depend on the
# checkout layout (the bytes are identical, so output is the same either way)
SEED_DIR = Path(__file__).resolve().parent / "seed_texts"
DOCNO = re.compile(r"([\u4e00-\u9fff]{1,8}〔\s*(\d{4})\s*〕\s*\d+\s*号)")
DATE_LINE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
HEADING = re.compile(r"^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|\d+[.．、]|附件)")
END_PUNCT = tuple("。：；！？”」）)")


def seed_files(seed_dir: Path | None = None) -> list[Path]:
    """The seed notice files, sorted."""
    d = seed_dir or SEED_DIR
    return sorted(d.glob("*.txt"))


def _clean(line: str) -> str:
    line = line.strip()
    line = re.sub(r"^#+\s*", "", line)
    line = re.sub(r"<(https?://[^>]+)>", r"\1", line)
    return line.strip()


def parse(text: str) -> dict:
    """Split a seed into header, 文号, title, addressee and body blocks."""
    lines = [_clean(x) for x in text.splitlines()]
    lines = [x for x in lines if x and x != "---"]
    header = lines[0]
    i = 1
    docno = None
    if i < len(lines) and DOCNO.search(lines[i]):
        docno = re.sub(r"\s+", "", lines[i])
        i += 1
    title = []
    while i < len(lines) and not lines[i].endswith("：") and len("".join(title)) < 60:
        title.append(lines[i])
        i += 1
        if title[-1].endswith("通知"):
            break
    addressee = None
    if i < len(lines) and lines[i].startswith("各"):
        parts = [lines[i]]
        j = i
        while not parts[-1].endswith("：") and j + 1 < len(lines) and len(parts) < 3:
            j += 1
            parts.append(lines[j])
        if parts[-1].endswith("："):
            addressee = "".join(parts)
            i = j + 1
    blocks: list[tuple[str, object]] = []
    para = ""
    table: list[list[str]] = []
    for ln in lines[i:]:
        raw = ln
        if "\t" in raw:
            if para:
                blocks.append(("para", para))
                para = ""
            table.append([c.strip() for c in raw.split("\t")])
            continue
        if table:
            blocks.append(("table", table))
            table = []
        is_head = bool(HEADING.match(ln)) and len(ln) < 40
        if para and (para.endswith(END_PUNCT) or is_head or DATE_LINE.match(ln) or len(para) < 18):
            blocks.append(("para", para))
            para = ""
        para = para + ln if para else ln
    if para:
        blocks.append(("para", para))
    if table:
        blocks.append(("table", table))
    return {"header": header, "docno": docno, "title": "".join(title).replace(" ", ""),
            "addressee": addressee, "blocks": blocks}


def seed_facts(text: str) -> dict:
    """Ground-truth fields stated by the notice itself."""
    p = parse(text)
    m = DOCNO.search(p["docno"] or "")
    org = p["header"].replace("文件", "").strip()
    city = re.match(r"(.+?)市", org)
    out = {"organization": org, "city": city.group(1) if city else "", "required_hours": "90",
           "public_hours": "30", "professional_hours": "60"}
    if m:
        out["document_number"] = re.sub(r"\s+", "", m.group(1))
        out["year"] = m.group(2)
    for kind, b in p["blocks"]:
        if kind == "para":
            dm = DATE_LINE.match(str(b).strip())
            if dm:
                out["issue_date"] = f"{int(dm.group(1)):04d}-{int(dm.group(2)):02d}-{int(dm.group(3)):02d}"
    return out


def compose(text: str, rng: random.Random) -> Composer:
    """Lay a seed notice out as a multi-page 红头 document."""
    p = parse(text)
    c = Composer(margins=(80, 76, 72, 72), role="fang", font_size=14, rng=rng, leading=1.75)
    head = p["header"]
    c.red_header(head if head.endswith("文件") or len(head) > 14 else head, p["docno"])
    c.title(p["title"], size=20)
    if p["addressee"]:
        c.para(p["addressee"], indent=0)
    date_text = None
    for kind, b in p["blocks"]:
        if kind == "table":
            rows = b  # type: ignore[assignment]
            ncol = max(len(r) for r in rows)
            c.table([r + [""] * (ncol - len(r)) for r in rows], size=10.5, header=False)
            continue
        s = str(b)
        if DATE_LINE.match(s):
            date_text = s
            continue
        if HEADING.match(s) and len(s) < 40:
            c.para(s, role="hei", indent=2 if not s.startswith("附件") else 0)
        else:
            c.para(s)
    org = p["header"].replace("文件", "")
    c.sign(org, date_text or "", seal=True)
    facts = seed_facts(text)
    for k, v in facts.items():
        if k == "document_number":
            c.pages[0].fields[k] = v
            c.pages[0].raw[k] = p["docno"] or v
        elif k == "issue_date" and date_text:
            c.page.fields[k] = v
            c.page.raw[k] = date_text
        else:
            c.pages[0].fields.setdefault(k, v)
    return c
