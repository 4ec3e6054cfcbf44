"""Who the declarant is on each document of a claim.

An extractor sees one document and cannot know which of the names on it is the person
declaring. The claim stage can: with the manifest's `person_name` (or, without one, the
name on the claim's single-person documents: certificates, proofs) it finds the declarant
on every document and writes, as fields of that document,

* `person_name` — the declarant's name as printed, found in a name list or the text
  (an OCR-confusable variant of the declarant's name is the declarant's name); a
  single-person document naming somebody else keeps that name (`name_mismatch`),
* `inventor_rank` / `author_rank` / `awardee_rank` / `member_rank` — the declarant's place
  in the ordered list (inventors, authors, awardees, members) of patents, papers, awards
  and projects,
* `role` — 主编 / 副主编 / 参编 from a book's `editors` field,

each with a confidence and the page/bbox of the list it came from, in place of any
extracted row of the same name (one row per field, however often a claim is recomputed). A
name on no list leaves the rank unknown (the `name_mismatch` flag reports it); a looser
match (one other character) gives a rank of low confidence but no name. On OCR'd documents
the other names are first set right by what names are made of (pipeline.namefix).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass

from extractors._text.names import COMPOUND_SURNAMES, SURNAMES, same_person
from pipeline.glyphs import glyph_similarity, one_glyph_slip
from pipeline.namefix import fix_name_fields
from extractors._text.normalize import to_halfwidth
from schemas.kinds import DocKind, TextSource
from schemas.records import ClaimContext, ClaimDocument, ExtractedField

K = DocKind
# list field → (document kinds whose list ranks the declarant, rank field)
RANKED_LISTS: dict[str, tuple[frozenset[DocKind], str]] = {
    "inventors": (frozenset({K.patent_certificate}), "inventor_rank"),
    "authors": (frozenset({K.journal_pages}), "author_rank"),
    "awardees": (frozenset({K.award_certificate}), "awardee_rank"),
    "members": (frozenset({K.project_proof}), "member_rank"),
}
LIST_FIELDS = tuple(RANKED_LISTS)
RANK_FIELDS = tuple(rank for _, rank in RANKED_LISTS.values())
# Documents about one person: their person_name is the declarant when no manifest says otherwise.
SINGLE_PERSON = frozenset({
    K.completion_certificate, K.qualification_certificate, K.employer_proof, K.transcript, K.assessment_proof,
    K.presentation_proof, K.sick_leave_proof, K.maternity_proof, K.overseas_proof})
# Documents about no one in particular: nothing to resolve.
NOT_PERSONAL = frozenset({K.policy_notice, K.training_notice, K.conference_notice, K.plan_filing})
QUALITY = {"exact": 1.0, "ocr_variant": 0.85, "loose": 0.5}
_ORDER = {"exact": 0, "ocr_variant": 1, "loose": 2}
# In a name list, a one-character slip whose glyphs are this alike (below GLYPH_NEAR, or of a
# surname: 余林/杂林, 阎卫东/间卫东) is a loose match — a rank of low confidence, never a name.
LIST_GLYPH_NEAR = 0.72


def clean(name: str | None) -> str:
    return re.sub(r"[^\u4e00-\u9fff·]", "", to_halfwidth(name or ""))


def editor_role_name(label: str) -> str | None:
    """主编 / 副主编 / 参编 for an editors-list label (总主编 → 主编; 编委, 编者, 参编人员 → 参编)."""
    t = clean(label)
    if "副主编" in t:
        return "副主编"
    if "主编" in t:
        return "主编"
    return "参编" if "编" in t else None


def match_quality(name: str, entry: str) -> str | None:
    """'exact', 'ocr_variant' (one visually confusable character: a known confusion, or
    glyphs pipeline.glyphs rates alike), 'loose' (names of 3+ characters: one other
    non-surname character, or one character the entry lacks; any length: one character whose
    glyph is nearly alike, LIST_GLYPH_NEAR) or None. Otherwise two-character names sharing
    only the surname, or a two-character name inside a longer one, are different people."""
    x, y = clean(name), clean(entry)
    if not x or not y:
        return None
    q = same_person(x, y)
    if q != "different":
        return q
    if one_glyph_slip(x, y):  # 周晶 read 周品: two glyphs the known-confusions table lacks
        return "ocr_variant"
    diffs = [i for i, (a, b) in enumerate(zip(x, y)) if a != b] if len(x) == len(y) else []
    if len(x) >= 3 and len(diffs) == 1 and diffs[0] > 0:
        return "loose"
    if len(diffs) == 1 and glyph_similarity(x[diffs[0]], y[diffs[0]]) >= LIST_GLYPH_NEAR:
        return "loose"  # a look-alike slip, of the surname too (余林 read 杂林)
    if len(x) - len(y) == 1 and len(x) >= 3 and any(x[:i] + x[i + 1:] == y for i in range(len(x))):
        return "loose"  # OCR dropped a character
    return None


def _expand(names: list[str], name: str) -> list[str]:
    """A list with entries OCR glued together split again: '卢燕·曾林·武磊' (spaces read as
    middle dots) → 卢燕, 曾林, 武磊; '魏子豪曹美玲' around the declarant's exact name."""
    target = clean(name)
    out: list[str] = []
    for n in names:
        c = clean(n)
        parts = [p for p in c.split("·") if p]
        if len(parts) > 1 and all(2 <= len(p) <= 4 for p in parts):
            out.extend(parts)
        elif "·" not in c and len(target) >= 2 and len(c) >= len(target) + 2 and target in c:
            i = c.index(target)
            out.extend(p for p in (c[:i], target, c[i + len(target):]) if p)
        else:
            out.append(n)
    return out


@dataclass
class ListMatch:
    """Where the declarant is in one ordered name list."""

    rank: int
    printed: str  # the entry as read
    quality: str  # exact / ocr_variant / loose
    size: int  # length of the list it was found in
    expanded: bool = False  # found only after splitting glued entries


def _best(name: str, entries: list[str], expanded: bool) -> ListMatch | None:
    """The best-matching entry; a loose match only when it is the list's one loose match (two
    entries each one character off the declarant say nothing about which is theirs)."""
    best, loose = None, 0
    for i, entry in enumerate(entries, 1):
        q = match_quality(name, entry)
        loose += q == "loose"
        if q and (best is None or _ORDER[q] < _ORDER[best.quality]):
            best = ListMatch(i, entry, q, len(entries), expanded)
    return None if best and best.quality == "loose" and loose > 1 else best


def find_in_list(name: str, names: list[str]) -> ListMatch | None:
    """The declarant's best match in one list (exact > OCR variant > loose), first with the
    entries as read, then with glued entries split."""
    direct = _best(name, names, False)
    if direct and direct.quality != "loose":
        return direct
    entries = _expand(names, name)
    split = _best(name, entries, True) if entries != names else None
    found = [m for m in (direct, split) if m]
    return min(found, key=lambda m: (_ORDER[m.quality], m.expanded)) if found else None


def json_value(value: str | None):
    try:
        return json.loads(value) if value else None
    except (json.JSONDecodeError, TypeError):
        return None


def _names(value) -> list[str]:
    return [n for n in value if isinstance(n, str) and n.strip()] if isinstance(value, list) else []


def doc_lists(doc: ClaimDocument, list_field: str) -> list[tuple[list[str], ExtractedField]]:
    """Every ordered list of `list_field` on the document, with the field row it came from
    (a contents page adds one list per article, from `articles`)."""
    out = []
    for f in doc.fields:
        if f.name == list_field and (names := _names(json_value(f.value))):
            out.append((names, f))
        elif f.name == "articles" and list_field == "authors":
            for art in json_value(f.value) or []:
                if isinstance(art, dict) and (names := _names(art.get("authors"))):
                    out.append((names, f))
    return out


def best_list_match(name: str, lists: list[tuple[list[str], ExtractedField]]) -> tuple[ListMatch, ExtractedField] | None:
    """Best match over several lists: better quality, then found without splitting, then
    the longer list (a one-name list says nothing about order), then the surer field."""
    found = [(m, f) for names, f in lists if (m := find_in_list(name, names))]
    if not found:
        return None
    return min(found, key=lambda mf: (_ORDER[mf[0].quality], mf[0].expanded, -mf[0].size, -mf[1].confidence))


def editor_role(name: str, doc: ClaimDocument) -> tuple[str, str, ExtractedField] | None:
    """(role, quality, field) of the declarant in the document's `editors` {role: [names]}."""
    best = None
    for f in doc.fields:
        if f.name != "editors" or not isinstance(eds := json_value(f.value), dict):
            continue
        for role, names in eds.items():
            role = editor_role_name(role)
            m = find_in_list(name, _names(names)) if role else None
            if m and (best is None or _ORDER[m.quality] < _ORDER[best[1]]):
                best = (role, m.quality, f)
    return best


# a name label and two characters ending the line or the cell ('姓名：候佳', '姓 名  候佳  性别')
_NAME_LABELLED = re.compile(r"姓[ \t]*名[ \t]*[:：]?[ \t]*([\u4e00-\u9fff])[ \t]?([\u4e00-\u9fff])(?![\u4e00-\u9fff])")
# the cell after a name label, on its line or the next one (a form's label and value cells are
# read as two lines: '姓名' / '阎浩'): the characters up to the cell's end
_NAME_CELL = re.compile(r"(?:学员|申报人|持证人)?姓\s*名\s*[:：]?\s*([\u4e00-\u9fff]{2,4})(?![\u4e00-\u9fff])")
# how alike a misread character must look to the declarant's in a labelled name cell
CELL_GLYPH_NEAR = 0.72


def cell_slip(target: str, window: str) -> bool:
    """A labelled name cell read with look-alike slips of the declarant's name that no other
    person's name could be: one or two characters (of a name of 3+, else one) differ, each
    glyph alike (CELL_GLYPH_NEAR), and a differing surname reads as no surname at all
    (阎浩 read 阀浩, 贾志强 read 宽志强, 姜一鸣 read 美一鸡; 黄桂英 for 龚桂英 stays a
    different person: 黄 is a surname)."""
    if len(target) != len(window) or target == window:
        return False
    diffs = [i for i, (a, b) in enumerate(zip(target, window)) if a != b]
    if len(diffs) > (2 if len(target) >= 3 else 1) or len(diffs) == len(target):
        return False
    if 0 in diffs and (window[0] in SURNAMES or window[:2] in COMPOUND_SURNAMES):
        return False
    return all(glyph_similarity(target[i], window[i]) >= CELL_GLYPH_NEAR for i in diffs)


def find_in_text(name: str, text: str) -> tuple[str, str] | None:
    """The declarant's name in running text: exact, or with one OCR-confusable character
    (names of 3+ characters anywhere; of two, after a 姓名 label), or in the cell a 姓名 label
    heads or before 同志, read with look-alike slips (`cell_slip`). Returns (as read, quality)."""
    target, flat = clean(name), re.sub(r"\s+", "", to_halfwidth(text or ""))
    if len(target) < 2:
        return None
    if target in flat:
        return target, "exact"
    if len(target) == 2:  # two characters: only where a name label stands before them (姓名：候佳)
        for m in _NAME_LABELLED.finditer(to_halfwidth(text or "")):
            window = m.group(1) + m.group(2)
            if same_person(target, window) == "ocr_variant" or one_glyph_slip(target, window):
                return window, "ocr_variant"
    if len(target) >= 3:
        for i in range(len(flat) - len(target) + 1):
            window = flat[i:i + len(target)]
            if same_person(target, window) == "ocr_variant":
                return window, "ocr_variant"
        for i in range(len(flat) - len(target) + 1):  # look-alike glyphs no table lists
            window = flat[i:i + len(target)]
            if sum(a != b for a, b in zip(target, window)) == 1 and one_glyph_slip(target, window):
                return window, "ocr_variant"
    for m in _NAME_CELL.finditer(to_halfwidth(text or "")):
        if cell_slip(target, m.group(1)):
            return m.group(1), "ocr_variant"
    # the characters before 同志 ('候欢同志：', '兹证明我单位周品同志'): a name too
    for m in re.finditer(rf"([\u4e00-\u9fff]{{{len(target)}}})同志", flat):
        if cell_slip(target, m.group(1)):
            return m.group(1), "ocr_variant"
    return None


def make_field(name: str, value, confidence: float, src: ExtractedField | None) -> ExtractedField:
    return ExtractedField(name=name, value=str(value), confidence=round(max(0.05, min(confidence, 0.99)), 4),
                          page=src.page if src else None, bbox=src.bbox if src else None)


def best_row(doc: ClaimDocument, name: str) -> ExtractedField | None:
    """The surest non-empty row of field `name` on the document."""
    rows = [f for f in doc.fields if f.name == name and f.value]
    return max(rows, key=lambda f: f.confidence) if rows else None


def resolve_document(doc: ClaimDocument, name: str | None) -> dict[str, ExtractedField | None]:
    """The declarant's fields on one document: {field name: new row, or None to drop the
    extractor's rows of that name}. Empty when there is nothing to add or change."""
    if not name or doc.doc_kind in NOT_PERSONAL:
        return {}
    out: dict[str, ExtractedField | None] = {}
    printed: tuple[str, float, ExtractedField | None] | None = None  # (name, confidence, source)
    for list_field in LIST_FIELDS:
        lists = doc_lists(doc, list_field)
        hit = best_list_match(name, lists)
        kinds, rank_field = RANKED_LISTS[list_field]
        explicit = best_row(doc, rank_field)
        if hit is None:
            continue
        m, src = hit
        conf = src.confidence * QUALITY[m.quality]
        if m.quality != "loose" and (printed is None or conf > printed[1]):
            printed = (name, conf, src)  # the declarant's name, as an OCR-tolerant match found it
        if m.quality == "ocr_variant" and not m.expanded and src.name == list_field and \
                sum(f.name == list_field for f in doc.fields) == 1 and clean(m.printed) != clean(name):
            # the declarant's own entry, read with an OCR slip: the list names them as printed
            fixed = [clean(name) if i == m.rank else n for i, n in enumerate(_names(json_value(src.value)), 1)]
            out[list_field] = src.model_copy(update={"value": json.dumps(fixed, ensure_ascii=False)})
        if doc.doc_kind not in kinds:
            continue
        if explicit and explicit.value.isdigit() and (m.size < 2 or m.quality == "loose" or m.size < int(explicit.value)):
            continue  # '获奖者：王小明（第3完成人）': the written rank beats a partial list
        out[rank_field] = make_field(rank_field, m.rank, conf * (0.9 if m.expanded else 1.0) * (0.6 if m.size < 2 else 1.0), src)
    if doc.doc_kind == K.book_pages or any(f.name == "editors" for f in doc.fields):
        role = editor_role(name, doc)
        if role:
            out["role"] = make_field("role", role[0], role[2].confidence * QUALITY[role[1]], role[2])
            if printed is None and role[1] != "loose":
                printed = (name, role[2].confidence * QUALITY[role[1]], role[2])
        elif best_row(doc, "role"):
            out["role"] = None  # the role the extractor saw belongs to somebody else
    current = best_row(doc, "person_name")
    # person_name: one row, the declarant's name where the evidence shows it, else what was read
    if printed:
        keep = current is not None and clean(current.value) == clean(printed[0])
        out["person_name"] = current if keep else make_field("person_name", printed[0], printed[1], printed[2])
        return out
    q = same_person(current.value, name) if current else "different"
    if current and q == "different" and one_glyph_slip(clean(current.value), clean(name)):
        q = "ocr_variant"  # 沈宇 read 沈字: glyphs pipeline.glyphs rates alike (as name_mismatch does)
    if current and q != "different":
        out["person_name"] = current if q == "exact" else make_field("person_name", name, current.confidence * QUALITY[q], current)
        return out
    if found := find_in_text(name, doc.text):
        out["person_name"] = make_field("person_name", name, 0.7 * QUALITY[found[1]], None)
    return out


def merge_fields(fields: list[ExtractedField], resolved: dict[str, ExtractedField | None]) -> list[ExtractedField]:
    """The document's fields with the resolved ones in place of any of the same name: one
    row per resolved field, however often the claim is recomputed."""
    if not resolved:
        return list(fields)
    kept = [f for f in fields if f.name not in resolved]
    return [*(f for f in resolved.values() if f is not None), *kept]


def fallback_name(ctx: ClaimContext) -> str | None:
    """Without a manifest name: the name most single-person documents carry (OCR variants
    grouped), the surest spelling of it."""
    rows = [f for d in ctx.documents if d.doc_kind in SINGLE_PERSON for f in d.fields
            if f.name == "person_name" and clean(f.value)]
    if not rows:
        return None
    groups: list[list[ExtractedField]] = []
    for f in sorted(rows, key=lambda f: -f.confidence):
        g = next((g for g in groups if same_person(g[0].value, f.value) != "different"), None)
        (g.append(f) if g is not None else groups.append([f]))
    best = max(groups, key=lambda g: (len(g), sum(f.confidence for f in g)))
    return Counter(clean(f.value) for f in best).most_common(1)[0][0]


def declarant_name(ctx: ClaimContext) -> tuple[str | None, str]:
    """(name, source): the manifest's person_name, else the single-person documents' name."""
    if ctx.person_name and clean(ctx.person_name):
        return ctx.person_name.strip(), "manifest"
    name = fallback_name(ctx)
    return (name, "documents") if name else (None, "none")


def _names_fixed(doc: ClaimDocument, name: str) -> ClaimDocument:
    """An OCR'd document with its names that are not the declarant's (no match of any
    quality) set right by what names are made of (pipeline.namefix: 沈字 → 沈宇)."""
    if doc.text_source != TextSource.ocr:
        return doc
    fields = fix_name_fields(doc.fields, keep=lambda n: match_quality(name, n) is not None)
    return doc if fields == doc.fields else doc.model_copy(update={"fields": fields})


def resolve_claim(ctx: ClaimContext) -> ClaimContext:
    """The claim with every document's declarant fields resolved (see module docstring),
    then a journal claim's contents pages pointed at the declarant's article and its page
    range carried to the documents showing none (pipeline.articles)."""
    from pipeline.articles import resolve_articles  # noqa: PLC0415 (it imports this module)

    name, _ = declarant_name(ctx)
    if name:
        docs = [d.model_copy(update={"fields": merge_fields(d.fields, resolve_document(d, name))})
                for d in (_names_fixed(d, name) for d in ctx.documents)]
        ctx = ctx.model_copy(update={"documents": docs})
    return resolve_articles(ctx, name)
