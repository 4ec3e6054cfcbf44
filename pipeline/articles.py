"""The declarant's article across the documents of a journal claim.

A claim for a paper is often several photographs: the cover, the contents page (目录/目次),
the article's first page, its last page. Each is read alone, so the contents page's
extractor can only offer its first entry as `article_title` (with every entry in
`articles`: title, authors, start page), and an article page photographed alone shows at
most its start page. The claim stage knows more:

* the declarant's article is the contents entry that lists the declarant (an OCR variant
  of the name counts), or, when the contents page prints no authors for it, the entry whose
  title best matches the title read on the claim's article page;
* on a contents page, that entry replaces the first-entry guess: `article_title` (the
  article page's reading of the same title when there is one: it is the printed title,
  not a contents line), `authors`, and `pages` (start page to the next entry's start page
  less one);
* the article's page range — as an article page prints it (citation line, 文章编号, running
  head folios), else from the contents entry — is written on the claim's journal documents
  that show no range.
"""

from __future__ import annotations

import json
import re

from extractors._text.fuzzy import edit_distance
from extractors.journal_pages import folios
from pipeline.declarant import _ORDER, best_row, clean, find_in_list, json_value, make_field, merge_fields
from schemas.kinds import DocKind
from schemas.records import ClaimContext, ClaimDocument, ExtractedField

_RANGE = re.compile(r"^\s*(\d{1,4})\s*-\s*(\d{1,4})\s*$")


def _entries(doc: ClaimDocument) -> tuple[list[dict], ExtractedField] | None:
    row = best_row(doc, "articles")
    arts = json_value(row.value) if row else None
    if not isinstance(arts, list):
        return None
    arts = [a for a in arts if isinstance(a, dict) and isinstance(a.get("title"), str) and a["title"].strip()]
    # a contents page gives start pages (name lines under titles alone may be an article page)
    return (arts, row) if len(arts) >= 2 and sum(isinstance(a.get("start"), int) for a in arts) >= 2 else None


def _key(title: str) -> str:
    return re.sub(r"[\s\W_]", "", title or "").lower()


def title_distance(a: str, b: str) -> float:
    """Edit distance of two titles over the longer one's length (0 same, 1 unrelated)."""
    x, y = _key(a), _key(b)
    if not x or not y:
        return 1.0
    n = max(len(x), len(y))
    return edit_distance(x, y, n) / n


def _close(a: str, b: str) -> bool:
    return title_distance(a, b) <= 0.2


def entry_range(arts: list[dict], k: int) -> str | None:
    """'start-end' of entry k: its start page to the next entry's start less one."""
    start = arts[k].get("start")
    nxt = arts[k + 1].get("start") if k + 1 < len(arts) else None
    if isinstance(start, int) and isinstance(nxt, int) and 0 < nxt - start <= 60:
        return f"{start}-{nxt - 1}" if nxt - 1 > start else str(start)
    return None


def _from_contents(doc: ClaimDocument, arts: list[dict]) -> bool:
    """Was the document's article title taken from its contents (no article page in it)?
    The extractor offers the first entry, with its authors, at low confidence; an article
    page that is the first entry has its own byline."""
    row = best_row(doc, "article_title")
    if row is None:
        return True
    if _key(row.value) != _key(arts[0]["title"]):
        return False
    authors = json_value(a.value) if (a := best_row(doc, "authors")) else None
    return row.confidence <= 0.55 or authors in (None, arts[0].get("authors"))


def _article_titles(docs: list[ClaimDocument], contents: dict[str, tuple[list[dict], ExtractedField]]) -> list[ExtractedField]:
    """Titles read on article pages (not a contents page's first-entry guess), surest first."""
    out = []
    for d in docs:
        row = best_row(d, "article_title")
        if row and not (d.doc_id in contents and _from_contents(d, contents[d.doc_id][0])):
            out.append(row)
    return sorted(out, key=lambda f: -f.confidence)


def _pick(name: str | None, arts: list[dict], titles: list[ExtractedField]) -> tuple[int, str] | None:
    """(index, how) of the declarant's entry: by their name among its authors, else by the
    article page's title."""
    if name:
        found = []
        for k, a in enumerate(arts):
            names = [n for n in a.get("authors") or [] if isinstance(n, str)]
            if names and (m := find_in_list(name, names)):
                found.append((_ORDER[m.quality], k))
        if found:
            best = min(found)
            if best[0] < _ORDER["loose"] or sum(q == best[0] for q, _ in found) == 1:
                return best[1], "name"
    for t in titles:
        scored = sorted((title_distance(t.value, a["title"]), k) for k, a in enumerate(arts))
        if scored and scored[0][0] <= 0.25 and (len(scored) < 2 or scored[1][0] > scored[0][0]):
            return scored[0][1], "title"
    return None


def _row(name: str, value, conf: float, src: ExtractedField | None) -> ExtractedField:
    return make_field(name, value if isinstance(value, str) else json.dumps(value, ensure_ascii=False), conf, src)


def _replace(doc: ClaimDocument, rows: dict[str, ExtractedField | None]) -> ClaimDocument:
    return doc.model_copy(update={"fields": merge_fields(doc.fields, rows)}) if rows else doc


def _is_range(row: ExtractedField | None) -> bool:
    return bool(row and (m := _RANGE.match(row.value)) and int(m.group(1)) <= int(m.group(2)))


def _folio_range(docs: list[ClaimDocument], contents: dict, entry_ranges: list) -> tuple[float, str, ExtractedField | None] | None:
    """First to last folio over the claim's article pages, when two or more documents show
    one (a page photographed alone shows its own folio) and the first agrees with the
    contents entry's start page, if any."""
    per_doc = [(d, sorted(set(folios(d.text)))) for d in docs if d.doc_id not in contents]
    found = sorted({n for _, ns in per_doc for n in ns})
    if sum(bool(ns) for _, ns in per_doc) < 2 or len(found) < 2 or found[-1] - found[0] > 40:
        return None
    starts = {int(r.split("-")[0]) for _, r, _ in entry_ranges}
    if starts and found[0] not in starts:
        return None
    src = next((best_row(d, "article_title") for d, ns in per_doc if found[0] in ns), None)
    return 0.6, f"{found[0]}-{found[-1]}", src


def resolve_articles(ctx: ClaimContext, name: str | None) -> ClaimContext:
    """The claim with its contents pages pointing at the declarant's article and its page
    range on every journal document (see module docstring)."""
    docs = [d for d in ctx.documents if d.doc_kind == DocKind.journal_pages]
    if not docs:
        return ctx
    contents = {d.doc_id: e for d in docs if (e := _entries(d))}
    titles = _article_titles(docs, contents)
    changes: dict[str, dict[str, ExtractedField | None]] = {}
    entry_ranges: list[tuple[float, str, ExtractedField]] = []
    for d in docs:
        if d.doc_id not in contents:
            continue
        arts, src = contents[d.doc_id]
        pick = _pick(name, arts, titles)
        if pick is None:
            continue
        k, how = pick
        e = arts[k]
        conf = src.confidence * (1.2 if how == "name" else 1.05)
        rng = entry_range(arts, k)
        if rng:
            entry_ranges.append((conf, rng, src))
        if not _from_contents(d, arts):
            continue  # the document holds the article page itself: its own reading stands
        title = next((t.value for t in titles if _close(t.value, e["title"])), e["title"])
        rows: dict[str, ExtractedField | None] = {"article_title": _row("article_title", title, conf, src)}
        authors = [n for n in e.get("authors") or [] if isinstance(n, str)]
        if authors:
            rows["authors"] = _row("authors", authors, conf * 0.9, src)
        elif best_row(d, "authors"):
            rows["authors"] = None  # the first entry's authors, not the article's
        rows["pages"] = _row("pages", rng, conf * 0.9, src) if rng else (
            _row("pages", str(e["start"]), conf * 0.6, src) if isinstance(e.get("start"), int) else None)
        changes[d.doc_id] = rows
    # the article's range: as an article page prints it, else its pages photographed apart
    # (the first page's folio to the last page's), else from the contents entry
    printed = [(f.confidence, f.value, f) for d in docs if d.doc_id not in changes
               for f in [best_row(d, "pages")] if _is_range(f) and f.confidence >= 0.55]
    best = max(printed, key=lambda x: x[0]) if printed else None
    if best is None:
        best = _folio_range(docs, contents, entry_ranges)
    if best is None and entry_ranges:
        best = max(entry_ranges, key=lambda x: x[0])
    if best and _RANGE.match(best[1]):
        for d in docs:
            cur = changes.get(d.doc_id, {}).get("pages", best_row(d, "pages"))
            if not _is_range(cur):
                changes.setdefault(d.doc_id, {})["pages"] = _row("pages", best[1], best[0] * 0.85, best[2])
    if not changes:
        return ctx
    return ctx.model_copy(update={"documents": [_replace(d, changes.get(d.doc_id, {})) for d in ctx.documents]})
