"""Render ONE labelled evidence document of a chosen kind, template family and rendering.

    from samplegen.single import render_document
    lab = render_document("patent_certificate", "A", "photo_jpeg", seed=3, out_dir=Path("/tmp/one"))
    path = Path("/tmp/one") / lab["path"]

This is the generator's per-document entry point for tests and experiments. It reuses the
claim builders (`samplegen.claims`), the templates (`samplegen.templates.build`), the
fake declarants (`samplegen.people`) and the renderers (`samplegen.render`) that
`samplegen.generate` uses, so a document made here looks exactly like one in a generated
folder. Output bytes depend only on the arguments.

How a kind is produced: a claim of a category that carries that kind is built (e.g. a
`patent_certificate` comes from a category-7 claim, a `transcript` from category 3) for a
fresh declarant, without deliberate defects unless `inject` asks for some, and the first
document of the wanted kind (or of the wanted `sub`) is rendered. `policy_notice` renders
one of the five seed city notices (`samplegen.seeds`); its family is always ``"seed"``.

The returned dict has the shape of a ``labels.json`` document (path relative to
`out_dir`, person_id, claim_id, doc_kind, family, template, render, pages, text, fields,
fields_raw, seals, bad_values, subkind/orientation when set) plus ``abs_path``,
``category``, ``variant`` and ``person`` (the declarant's label). A multi-page document
photographed (``photo_jpeg``/``photo_png``) becomes one photo per page, as in generated
folders: the top-level dict then describes the whole document (fields merged over pages,
``path`` = the first photo) and ``files`` holds one labels.json-style dict per photo, each
with its own ``path``, ``text``, ``fields`` and ``source_pages``.

Renderings: every kind can be rendered as ``digital_pdf``, ``scan_pdf``, ``photo_jpeg`` or
``photo_png`` (even where `generate` would not pick one, e.g. a born-digital sick-leave
proof); ``docx`` only for the letter/notice kinds in `samplegen.render.DOCX_KINDS` (plus
``policy_notice``), since certificates are absolutely placed and have no DOCX layout.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from samplegen import claims, seeds
from samplegen.generate import _doc_date, _doc_label, file_name
from samplegen.people import Person, make_person
from samplegen.render import DOCX_KINDS, RENDERS
from samplegen.render import render_document as _render
from samplegen.rng import sub_numpy, sub_random
from samplegen.templates import FAMILIES, build

# kind → the (category, variant) claims that carry it; the first is the default, the rest
# are picked by seed when `variant` is None and `vary=True`.
SOURCES: dict[str, list[tuple[int, str]]] = {
    "training_notice": [(2, "stated"), (1, "stated"), (13, "filed"), (14, "filed")],
    "completion_certificate": [(2, "stated"), (1, "stated"), (13, "filed")],
    "employer_proof": [(2, "stated"), (4, "national"), (12, "days"), (15, "sick"), (3, "refresher")],
    "transcript": [(3, "degree"), (3, "refresher")],
    "assessment_proof": [(11, "full"), (3, "refresher")],
    "conference_notice": [(4, "national"), (4, "provincial")],
    "presentation_proof": [(4, "national_paper_long"), (4, "provincial_paper_short")],
    "project_proof": [(5, "national_main"), (5, "national_sub"), (5, "provincial_main"), (5, "provincial_sub")],
    "book_pages": [(6, "book")],
    "journal_pages": [(6, "paper")],
    "patent_certificate": [(7, "invention"), (7, "utility_model"), (7, "design")],
    "award_certificate": [(8, "provincial"), (8, "city"), (8, "national")],
    "qualification_certificate": [(9, "exam")],
    "leader_endorsement": [(10, "city"), (10, "provincial"), (10, "county")],
    "assignment_document": [(11, "full"), (11, "partial")],
    "service_notice": [(12, "days")],
    "plan_filing": [(13, "filed"), (14, "filed")],
    "sick_leave_proof": [(15, "sick")],
    "maternity_proof": [(15, "maternity")],
    "overseas_proof": [(15, "overseas"), (15, "overseas_short")],
    "other": [(16, "lecture")],
}
KINDS = tuple(SOURCES) + ("policy_notice",)


def _person(seed: int, kind: str, category: int, variant: str) -> Person:
    """A fresh declarant fit for the claim (female for maternity, medical for 进修)."""
    need = claims_requires(category, variant)
    prng = sub_random(seed, "single-person", kind)
    while True:
        p = make_person(prng, "P0001", set(), need.get("profession"))
        if p.gender == need.get("gender", p.gender):
            return p


def claims_requires(category: int, variant: str) -> dict:
    """What the declarant must be for (category, variant) (same table as `generate`)."""
    from samplegen.generate import REQUIRES

    return REQUIRES.get((category, variant), {})


def _check(kind: str, family: str, render: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"unknown doc kind {kind!r}; known: {', '.join(KINDS)}")
    if render not in RENDERS:
        raise ValueError(f"unknown render {render!r}; known: {', '.join(RENDERS)}")
    if kind != "policy_notice" and family not in FAMILIES:
        raise ValueError(f"unknown template family {family!r}; known: {', '.join(FAMILIES)}")
    if render == "docx" and kind not in DOCX_KINDS | {"policy_notice"}:
        raise ValueError(f"{kind} has no DOCX layout; DOCX kinds: {', '.join(sorted(DOCX_KINDS))}")


def _write(out: Path, folder: str, files, hint: str, render: str, when: dt.date, rng) -> list[str]:
    rels, taken = [], set()
    for k, rf in enumerate(files):
        name = file_name(rng, hint, render, when, rf.ext, part=(k + 1) if len(files) > 1 else None)
        stem, dot, ext = name.rpartition(".")
        n, cand = 1, name
        while cand in taken:
            n += 1
            cand = f"{stem}({n}).{ext}"
        taken.add(cand)
        rel = f"{folder}/{cand}"
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(rf.data)
        rels.append(rel)
    return rels


def _result(out: Path, rels: list[str], labels: list[dict], extra: dict) -> dict:
    for rel, lab in zip(rels, labels):
        lab["abs_path"] = str(out / rel)
        lab.update(extra)
    if len(labels) == 1:
        return labels[0]
    # one photo per page: a whole-document view, with the per-photo labels under `files`
    whole = dict(labels[0])
    whole.pop("source_pages", None)
    whole.pop("orientation", None)
    fields: dict = {}
    raw: dict = {}
    for lab in labels:
        for k, v in lab["fields"].items():
            fields.setdefault(k, v)
        for k, v in lab["fields_raw"].items():
            raw.setdefault(k, v)
    fields["has_seal"] = "true" if any(lab["fields"].get("has_seal") == "true" for lab in labels) else "false"
    whole.update(pages=len(labels), text="\n".join(lab["text"] for lab in labels),
                 fields=dict(sorted(fields.items())), fields_raw=dict(sorted(raw.items())),
                 seals=[s for lab in labels for s in lab["seals"]], files=labels)
    return whole


def _policy_notice(render: str, seed: int, out: Path, seed_file: str | None, sideways: int,
                   exif_tag: bool) -> dict:
    files = seeds.seed_files()
    f = next(x for x in files if x.name == seed_file) if seed_file else files[seed % len(files)]
    text = f.read_text(encoding="utf-8")
    rng = sub_random(seed, "single-seed", f.name, render)
    comp = seeds.compose(text, rng)
    facts = seeds.seed_facts(text)
    stem = f"{facts.get('city', '')}市{facts.get('year', '')}年度继续教育工作通知"
    when = dt.date(int(facts.get("year") or 2023), 6, 1)
    rendered = _render(comp, render, rng, sub_numpy(seed, "single-seed", f.name, render), when, title=stem,
                       sideways=sideways, exif_tag=exif_tag)
    rels = _write(out, f"policy_notice-seed-{render}-s{seed}", rendered, stem, render, when, rng)
    dp = claims.DocPlan("policy_notice", {}, stem)
    labels = []
    for rel, rf in zip(rels, rendered):
        lab = _doc_label(rel, "HR0000", "C0001", dp, "seed", rf, split=len(rendered) > 1)
        lab["template"] = "policy_notice/seed"
        lab["seed_file"] = f.name
        labels.append(lab)
    return _result(out, rels, labels, {"category": 16, "variant": "policy_notice", "person": None})


def render_document(kind: str, family: str, render: str, seed: int, out_dir: Path, year: int = 2023, *,
                    variant: str | None = None, category: int | None = None, sub: str | None = None,
                    vary: bool = False, inject: tuple[str, ...] = (), sideways: int = 0, exif_tag: bool = False,
                    seed_file: str | None = None) -> dict:
    """Render one document of `kind` in template `family` as `render` under `out_dir`; return
    its label (see module docstring).

    `category`/`variant` pick the claim that carries the document (default: the first of
    `SOURCES[kind]`, or one picked by seed when `vary`). `sub` picks a sub-kind where a claim
    has two documents of the kind (service_notice: "notice" or "participation").
    `inject` passes deliberate defects to the claim builder (e.g. ``("invalid_patent",)``),
    `sideways` (±90) and `exif_tag` store a photo rotated, with or without an EXIF tag.
    `seed_file` picks the seed notice for ``policy_notice`` (default: by seed).
    """
    _check(kind, family, render)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if kind == "policy_notice":
        return _policy_notice(render, seed, out, seed_file, sideways, exif_tag)
    srcs = SOURCES[kind]
    if category is not None or variant is not None:
        cands = [(c, v) for c, v in srcs if (category is None or c == category) and (variant is None or v == variant)]
        if not cands:
            if category is None or variant is None:
                raise ValueError(f"no claim source for {kind} with category={category} variant={variant}")
            cands = [(category, variant)]
        cat, var = cands[0]
    else:
        cat, var = sub_random(seed, "single-source", kind).choice(srcs) if vary else srcs[0]
    p = _person(seed, kind, cat, var)
    plan = claims.build_claim(cat, var, sub_random(seed, "single-claim", kind, cat, var), p, year, list(inject))
    docs = [d for d in plan.docs if d.kind == kind and (sub is None or d.sub == sub)]
    if not docs:
        raise ValueError(f"claim {cat}/{var} has no {kind} document" + (f" of sub-kind {sub!r}" if sub else ""))
    dp = docs[0]
    drng = sub_random(seed, "single-doc", kind, family, render)
    comp = build(kind, family, dp.data, drng)
    when = _doc_date(dp.data, year)
    rendered = _render(comp, render, drng, sub_numpy(seed, "single-pixels", kind, family, render), when,
                       title=dp.hint, sideways=sideways, exif_tag=exif_tag)
    rels = _write(out, f"{kind}-{family}-{render}-s{seed}", rendered, dp.hint, render, when, drng)
    labels = [_doc_label(rel, p.person_id, "C0001", dp, family, rf, split=len(rendered) > 1)
              for rel, rf in zip(rels, rendered)]
    return _result(out, rels, labels, {"category": cat, "variant": var, "person": p.to_label()})
