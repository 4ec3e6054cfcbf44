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
from samplegen.generate import REQUIRES, _doc_date, _doc_label, file_name
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
    need = REQUIRES.get((category, variant), {})
    prng = sub_random(seed, "single-person", kind)
    while True:
        p = make_person(prng, "P0001", set(), need.get("profession"))
        if p.gender == need.get("gender", p.gender):
            return p


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


def _seed_file(seed: int, seed_file: str | None) -> Path:
    files = seeds.seed_files()
    return next(x for x in files if x.name == seed_file) if seed_file else files[seed % len(files)]


def _plan(kind: str, family: str, render: str, seed: int, year: int, variant: str | None, category: int | None,
          sub: str | None, vary: bool, inject: tuple[str, ...], seed_file: str | None) -> dict:
    """Everything up to the rendering: the document plan, the filled composer, its rng and
    the label context. Deterministic in the arguments."""
    _check(kind, family, render)
    if kind == "policy_notice":
        f = _seed_file(seed, seed_file)
        text = f.read_text(encoding="utf-8")
        rng = sub_random(seed, "single-seed", f.name, render)
        comp = seeds.compose(text, rng)
        facts = seeds.seed_facts(text)
        stem = f"{facts.get('city', '')}市{facts.get('year', '')}年度继续教育工作通知"
        return {"dp": claims.DocPlan("policy_notice", {}, stem), "comp": comp, "rng": rng,
                "nprng": sub_numpy(seed, "single-seed", f.name, render), "family": "seed",
                "when": dt.date(int(facts.get("year") or year), 6, 1), "person_id": "HR0000",
                "folder": f"policy_notice-seed-{render}-s{seed}",
                "extra": {"category": 16, "variant": "policy_notice", "person": None},
                "label_extra": {"template": "policy_notice/seed", "seed_file": f.name}}
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
    return {"dp": dp, "comp": comp, "rng": drng, "nprng": sub_numpy(seed, "single-pixels", kind, family, render),
            "family": family, "when": _doc_date(dp.data, year), "person_id": p.person_id,
            "folder": f"{kind}-{family}-{render}-s{seed}",
            "extra": {"category": cat, "variant": var, "person": p.to_label()}, "label_extra": {}}


def expected_label(kind: str, family: str, render: str, seed: int, year: int = 2023, *,
                   variant: str | None = None, category: int | None = None, sub: str | None = None,
                   vary: bool = False, inject: tuple[str, ...] = (), seed_file: str | None = None) -> dict:
    """The ground-truth ``fields`` and ``fields_raw`` `render_document` would label the whole
    document with (same arguments), without rendering anything: cheap enough for test
    collection."""
    pl = _plan(kind, family, render, seed, year, variant, category, sub, vary, tuple(inject), seed_file)
    comp = pl["comp"]
    fields: dict = {}
    raw: dict = {}
    for pg in comp.pages:
        for k, v in pg.fields.items():
            fields.setdefault(k, v)
        for k, v in pg.raw.items():
            raw.setdefault(k, v)
    if render == "docx":
        has = any(b.kind == "sign" and b.seal is not None for b in comp.blocks)
    else:
        has = any(pg.seals for pg in comp.pages)
    fields["has_seal"] = "true" if has else "false"
    return {"fields": dict(sorted(fields.items())), "fields_raw": dict(sorted(raw.items()))}


def expected_fields(kind: str, family: str, render: str, seed: int, year: int = 2023, **kw) -> dict:
    """Just the ``fields`` of `expected_label`."""
    return expected_label(kind, family, render, seed, year, **kw)["fields"]


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
    `seed_file` picks the seed notice for ``policy_notice`` (default: by seed); `family`
    is ignored for it.
    """
    pl = _plan(kind, family, render, seed, year, variant, category, sub, vary, tuple(inject), seed_file)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    dp, rng = pl["dp"], pl["rng"]
    rendered = _render(pl["comp"], render, rng, pl["nprng"], pl["when"], title=dp.hint, sideways=sideways,
                       exif_tag=exif_tag)
    rels = _write(out, pl["folder"], rendered, dp.hint, render, pl["when"], rng)
    labels = []
    for rel, rf in zip(rels, rendered):
        lab = _doc_label(rel, pl["person_id"], "C0001", dp, pl["family"], rf, split=len(rendered) > 1)
        lab.update(pl["label_extra"])
        labels.append(lab)
    return _result(out, rels, labels, pl["extra"])
