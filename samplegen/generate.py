"""Orchestration: plan claims, fill templates, render files, write manifest and labels.

See `generate` for the entry point and `samplegen/__init__.py` for the label format."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections import Counter
from pathlib import Path

from samplegen import bad_files, claims, integrity, seeds
from samplegen.labels import fmt_hours, write_labels, write_manifest
from samplegen.people import Person, make_person
from samplegen.render import RENDERS, allowed_renders, choose_render, render_document
from samplegen.rng import sub_numpy, sub_random, weighted
from samplegen.templates import build

VERSION = 1
EXTRA_WEIGHTS = {2: 4, 6: 3, 7: 3, 13: 1.5, 14: 1.5, 15: 1.5, 4: 1, 9: 1, 8: 1, 3: 1, 5: 1, 12: 1, 1: 1,
                 11: 0.5, 10: 0.5, 16: 0.5}
DEFECTS = ["invalid_patent", "invalid_issn", "invalid_isbn", "out_of_year", "name_mismatch", "invalid_id",
           "no_seal", "missing_evidence"]
REQUIRES = {(15, "maternity"): {"gender": "女"}, (3, "refresher"): {"profession": "medical"}}
_GENERATED = re.compile(r"^(P\d{4}|HR\d{4})$")


# --- planning ------------------------------------------------------------------------------

def plan_categories(rng, n: int) -> list[int]:
    """Categories for n claims: all 16 once when n ≥ 16 (then 2, 6, 7 again, then weighted)."""
    if n >= 16:
        cats = list(range(1, 17))
        extra = [2, 6, 7][: n - 16]
        while len(cats) + len(extra) < n:
            extra.append(weighted(rng, EXTRA_WEIGHTS))
        cats += extra
    else:
        must = [2, 7, 6, 9][:n]
        rest = [c for c in range(1, 17) if c not in must]
        cats = must + rng.sample(rest, n - len(must))
    rng.shuffle(cats)
    return cats


def pick_variants(rng, cats: list[int]) -> list[str]:
    """Cycle through each category's variants (random start) so repeats differ."""
    offset = {c: rng.randrange(len(v)) for c, v in claims.VARIANTS.items()}
    seen: Counter = Counter()
    out = []
    for c in cats:
        vs = claims.VARIANTS[c]
        out.append(vs[(offset[c] + seen[c]) % len(vs)])
        seen[c] += 1
    return out


def assign_defects(rng, cats: list[int], variants: list[str]) -> list[list[str]]:
    """At most one deliberate defect per claim, preferring categories that occur twice. The
    first category-9 claim stays clean: it is the source of the duplicated certificate."""
    count = Counter(cats)
    reserved = cats.index(9) if 9 in cats else -1
    order = [i for i in range(len(cats)) if i != reserved]
    rng.shuffle(order)
    order.sort(key=lambda i: -count[cats[i]])
    out: list[list[str]] = [[] for _ in cats]
    for defect in DEFECTS:
        for i in order:
            if not out[i] and claims.supports(defect, cats[i], variants[i]):
                out[i].append(defect)
                break
    return out


def assign_persons(rng, seed: int, cats, variants) -> tuple[list[Person], list[int]]:
    """Group claims into persons (1–3 claims each), honouring gender/profession needs."""
    persons: list[Person] = []
    used: set[str] = set()
    owner: list[int] = []
    quota = 0
    for c, v in zip(cats, variants):
        need = REQUIRES.get((c, v), {})
        cur = persons[-1] if persons else None
        ok = cur is not None and quota > 0 and all(getattr(cur, k) == val for k, val in need.items())
        if not ok:
            prng = sub_random(seed, "person", len(persons))
            while True:
                p = make_person(prng, f"P{len(persons) + 1:04d}", used, need.get("profession"))
                if p.gender == need.get("gender", p.gender):
                    break
                used.discard(p.name)
            persons.append(p)
            quota = rng.choice([1, 1, 2, 2, 3])
        owner.append(len(persons) - 1)
        quota -= 1
    return persons, owner


# --- file names ------------------------------------------------------------------------------

def file_name(rng, hint: str, render: str, when: dt.date, ext: str, part: int | None = None) -> str:
    """Realistic upload names (phone-photo names, scanner-app names, or a descriptive stem)."""
    hh, mm, ss = rng.randint(8, 21), rng.randint(0, 59), rng.randint(0, 59)
    suffix = f"_{part}" if part else ""
    if render == "photo_jpeg":
        return rng.choice([f"IMG_{when:%Y%m%d}_{hh:02d}{mm:02d}{ss:02d}{suffix}{ext}",
                           f"微信图片_{when:%Y%m%d}{hh:02d}{mm:02d}{ss:02d}{suffix}{ext}", f"{hint}{suffix}{ext}"])
    if render == "photo_png":
        return rng.choice([f"Screenshot_{when:%Y%m%d}-{hh:02d}{mm:02d}{ss:02d}{suffix}{ext}", f"{hint}{suffix}{ext}"])
    if render == "scan_pdf":
        return rng.choice([f"扫描全能王 {when:%Y-%m-%d} {hh:02d}.{mm:02d}{ext}", f"{hint}（扫描件）{ext}",
                           f"SCAN{rng.randint(1, 999):04d}{ext}", f"{hint}{ext}"])
    return f"{hint}{ext}"


def _unique(name: str, taken: set[str]) -> str:
    stem, dot, ext = name.rpartition(".")
    out, k = name, 1
    while out in taken:
        k += 1
        out = f"{stem}({k}).{ext}"
    taken.add(out)
    return out


def _doc_date(data: dict, year: int) -> dt.date:
    for key in ("training", "conference", "patent", "award", "qualification", "service", "leave", "assignment",
                "endorsement", "other", "plan", "project"):
        obj = data.get(key)
        if isinstance(obj, dict):
            for k in ("cert_date", "issue_date", "grant_date", "pass_date", "date", "filing_date", "end"):
                if isinstance(obj.get(k), dt.date):
                    return obj[k]
    if isinstance(data.get("issue_date"), dt.date):
        return data["issue_date"]
    return dt.date(year, 12, 1)


# --- main ------------------------------------------------------------------------------------

def _clean_previous(out: Path) -> None:
    """Remove what an earlier run wrote (person folders, manifest, labels)."""
    if not (out / "labels.json").exists():
        return
    for child in out.iterdir():
        if child.is_dir() and _GENERATED.match(child.name):
            shutil.rmtree(child)
    for name in ("manifest.csv", "labels.json"):
        (out / name).unlink(missing_ok=True)


def generate(out_dir: Path, n_claims: int, seed: int, year: int = 2023, families: tuple[str, ...] = ("A", "B"),
             include_seeds: bool = True, include_bad: bool = True, bad_values: bool | None = None) -> dict:
    """Generate an evidence folder with ground truth.

    Writes `<out>/<person_id>/<claim_id>/<files>` (a few single-file claims directly under
    the person folder, named `<claim_id>.<ext>`), `<out>/manifest.csv` and
    `<out>/labels.json`, and returns the labels dict. `families` picks the template
    families ("A", "B" for training/demo data, "C" for a held-out set). `include_seeds`
    adds the five city notices under the pseudo-person `HR0000`; `include_bad` adds the
    unreadable files under `P9001`; `bad_values` (default: `include_bad`) injects
    deliberate defects (wrong check digits, out-of-year dates, name mismatches, missing
    seal or evidence, a duplicated certificate). Output bytes depend only on the arguments.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    _clean_previous(out)
    families = tuple(families)
    bad_values = include_bad if bad_values is None else bad_values
    prng = sub_random(seed, "plan")
    cats = plan_categories(prng, n_claims)
    variants = pick_variants(prng, cats)
    defects = assign_defects(prng, cats, variants) if bad_values else [[] for _ in cats]
    persons, owner = assign_persons(prng, seed, cats, variants)

    # 1. claims and their documents (templates filled, renders chosen)
    plans, docs = [], []
    for i, (cat, var) in enumerate(zip(cats, variants)):
        cid = f"C{i + 1:04d}"
        p = persons[owner[i]]
        plan = claims.build_claim(cat, var, sub_random(seed, "claim", cid), p, year, defects[i])
        plans.append((cid, p, plan))
        for j, dp in enumerate(plan.docs):
            drng = sub_random(seed, "doc", cid, j)
            fam = drng.choice(families)
            comp = build(dp.kind, fam, dp.data, drng)
            docs.append({"cid": cid, "person": p, "plan": dp, "family": fam, "comp": comp, "rng": drng,
                         "render": choose_render(dp.kind, len(comp.pages), drng), "index": j})
    _ensure_coverage(docs, prng)
    claims.settle_plans(plans, docs)

    # 2. render and write
    labels_docs, claim_paths = [], {}
    taken: dict[str, set[str]] = {}
    single = {cid for cid, _, plan in plans if len(plan.docs) == 1}
    direct = {cid for cid in sorted(single) if sub_random(seed, "direct", cid).random() < 0.25}
    for d in docs:
        cid, p, dp, rng = d["cid"], d["person"], d["plan"], d["rng"]
        nprng = sub_numpy(seed, "pixels", cid, d["index"])
        when = _doc_date(dp.data, year)
        files = render_document(d["comp"], d["render"], rng, nprng, when, title=dp.hint,
                                sideways=d.get("sideways", 0), exif_tag=d.get("exif", False))
        for k, rf in enumerate(files):
            if cid in direct and len(files) == 1:
                rel = f"{p.person_id}/{cid}{rf.ext}"
            else:
                folder = taken.setdefault(cid, set())
                name = file_name(rng, dp.hint, d["render"], when, rf.ext, part=(k + 1) if len(files) > 1 else None)
                rel = f"{p.person_id}/{cid}/{_unique(name, folder)}"
            path = out / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(rf.data)
            claim_paths.setdefault(cid, []).append(rel)
            labels_docs.append(_doc_label(rel, p.person_id, cid, dp, d["family"], rf, split=len(files) > 1))

    claim_labels, manifest = [], []
    for cid, p, plan in plans:
        claim_labels.append(_claim_label(cid, p.person_id, year, plan, claim_paths.get(cid, [])))
    next_claim = len(plans) + 1
    extra_persons: list[Person] = []

    # 3. a duplicated certificate claimed by somebody else (borrowed certificate)
    if bad_values:
        next_claim = _duplicate_claim(out, seed, year, plans, labels_docs, claim_labels, persons, extra_persons, next_claim)
        _mark_source(claim_labels, labels_docs)

    # 4. seed notices under the pseudo-person HR0000
    hr_rows = []
    if include_seeds:
        next_claim = _seed_claims(out, seed, year, labels_docs, claim_labels, hr_rows, next_claim)

    # 5. unreadable files under P9001
    bad_labels = []
    if include_bad:
        next_claim = _bad_claims(out, seed, year, claim_labels, bad_labels, extra_persons, next_claim)

    # 6. integrity cases: a near-copy photo, a composited patent, an unfiled training, an
    #    unreadable photo (samplegen/integrity.py); after everything else, so no earlier file changes
    if bad_values:
        next_claim = integrity.add_cases(out, seed, year, families, plans, docs, labels_docs, claim_labels, persons,
                                         extra_persons, next_claim, _doc_label, _claim_label)

    # 7. declared values and manifest
    for cl in claim_labels:
        if cl["person_id"] == "HR0000":
            cl["declared_category"], cl["declared_hours"], cl["declared_wrong"] = None, None, False
            continue
        cat = cl["category"] if cl["category"] is not None else 2
        hrs = cl["hours"] if cl["category"] is not None else 24.0
        dc, dh, wrong = _declared(seed, cl["claim_id"], cat, hrs)
        cl["declared_category"], cl["declared_hours"], cl["declared_wrong"] = dc, dh, wrong
        if dc is not None and cl["category"] is not None and dc != cl["category"]:
            cl["expected_flags"] = sorted(set(cl["expected_flags"]) | {"low_confidence"})  # declared ≠ recognised
    everyone = {p.person_id: p for p in persons + extra_persons}
    for cl in claim_labels:
        pid = cl["person_id"]
        if pid == "HR0000":
            row = {"person_id": pid, "person_name": "政策文件", "unit": "河南省各市人力资源和社会保障局"}
        else:
            pp = everyone[pid]
            row = {"person_id": pid, "person_name": pp.name, "unit": pp.unit}
        row |= {"year": year, "claim_id": cl["claim_id"], "declared_category": cl.get("declared_category") or "",
                "declared_hours": fmt_hours(cl.get("declared_hours"))}
        manifest.append(row)
    write_manifest(out / "manifest.csv", manifest)
    labels = {
        "generator": {"version": VERSION, "seed": seed, "families": list(families), "year": year,
                      "n_claims": n_claims, "include_seeds": include_seeds, "include_bad": include_bad,
                      "bad_values": bad_values},
        "persons": [p.to_label() for p in persons + extra_persons],
        "claims": claim_labels,
        "documents": labels_docs,
        "bad_files": bad_labels,
    }
    write_labels(out / "labels.json", labels)
    return labels


def _ensure_coverage(docs: list[dict], rng) -> None:
    """Make every rendering appear, and sideways photos with and without EXIF tags."""
    counts = Counter(d["render"] for d in docs)
    for r in RENDERS:
        if counts[r]:
            continue
        cands = [d for d in docs if r in allowed_renders(d["plan"].kind, len(d["comp"].pages)) and counts[d["render"]] > 1]
        if cands:
            cands.sort(key=lambda d: -counts[d["render"]])
            d = cands[0]
            counts[d["render"]] -= 1
            d["render"] = r
            counts[r] += 1
    photos = [d for d in docs if d["render"] == "photo_jpeg" and len(d["comp"].pages) == 1]
    for d in photos:
        if d["rng"].random() < 0.12:
            d["sideways"] = d["rng"].choice([90, -90])
            d["exif"] = d["rng"].random() < 0.5
    if len(photos) >= 3:
        if not any(d.get("sideways") and d.get("exif") for d in photos):
            d = next(d for d in photos if not d.get("sideways"))
            d["sideways"], d["exif"] = 90, True
        if not any(d.get("sideways") and not d.get("exif") for d in photos):
            d = next(d for d in reversed(photos) if not d.get("sideways"))
            d["sideways"], d["exif"] = -90, False


def _doc_label(rel: str, pid: str, cid: str, dp, family: str, rf, split: bool = False) -> dict:
    lab = {"path": rel, "person_id": pid, "claim_id": cid, "doc_kind": dp.kind, "family": family,
           "template": f"{dp.kind}/{family}", "render": rf.render, "pages": rf.pages, "text": rf.text,
           "fields": dict(sorted(rf.fields.items())), "fields_raw": dict(sorted(rf.raw.items())),
           "seals": rf.seals, "bad_values": list(dp.bad)}
    if dp.sub:
        lab["subkind"] = dp.sub
    if split:
        lab["source_pages"] = rf.page_numbers  # one photo per page of a multi-page document
    if rf.orientation:
        lab["orientation"] = rf.orientation
    return lab


def _declared(seed: int, cid: str, category: int | None, hours) -> tuple[int | None, float | None, bool]:
    """Manifest's declared values: mostly right, sometimes empty, a few deliberately wrong."""
    r = sub_random(seed, "declared", cid)
    x = r.random()
    if category is None or x < 0.22:
        return None, None, False
    if x < 0.34:
        wrong_cat = r.choice([c for c in range(1, 17) if c != category])
        return wrong_cat, hours, True
    if x < 0.42 and hours is not None:
        return category, float(hours + r.choice([10, 20, 30]) if hours else 60), True
    return category, hours, False


def _claim_label(cid, pid, year, plan, paths) -> dict:
    lab = {"person_id": pid, "claim_id": cid, "year": year, "category": plan.category, "variant": plan.variant,
           "hours": plan.hours, "rule_id": plan.rule_id, "assumed": plan.assumed,
           "expected_flags": sorted(set(plan.flags)), "notes": "; ".join(plan.notes), "facts": plan.facts,
           "documents": paths}
    return lab


def _duplicate_claim(out, seed, year, plans, labels_docs, claim_labels, persons, extra_persons, next_claim) -> int:
    src_cid = next((cid for cid, _, plan in plans if plan.category == 9 and not plan.notes), None)
    # the source claim's file must be a single file (a photo/scan/PDF of the certificate)
    if src_cid is None:
        return next_claim
    src = next(d for d in labels_docs if d["claim_id"] == src_cid)
    rng = sub_random(seed, "duplicate")
    p = make_person(rng, f"P{len(persons) + 1:04d}", {x.name for x in persons})
    extra_persons.append(p)
    cid = f"C{next_claim:04d}"
    ext = Path(src["path"]).suffix
    rel = f"{p.person_id}/{cid}/{rng.choice(['资格证书', '证书', '职业资格证书'])}{ext}"
    (out / rel).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(out / src["path"], out / rel)
    lab = dict(src, path=rel, person_id=p.person_id, claim_id=cid, duplicate_of=src["path"],
               bad_values=["person_name"])
    labels_docs.append(lab)
    src_claim = next(c for c in claim_labels if c["claim_id"] == src_cid)
    claim_labels.append({"person_id": p.person_id, "claim_id": cid, "year": year, "category": 9, "variant": "exam",
                         "hours": src_claim["hours"], "rule_id": src_claim["rule_id"], "assumed": False,
                         "expected_flags": ["duplicate_file", "name_mismatch"],
                         "notes": f"byte copy of {src['path']} (certificate of {src['fields'].get('person_name')})",
                         "facts": {}, "documents": [rel]})
    return next_claim + 1


def _mark_source(claim_labels, labels_docs) -> None:
    """The claim whose certificate was copied is flagged too (both claims show the clash)."""
    for d in labels_docs:
        if d.get("duplicate_of"):
            src = next(x for x in labels_docs if x["path"] == d["duplicate_of"])
            c = next(c for c in claim_labels if c["claim_id"] == src["claim_id"])
            c["expected_flags"] = sorted(set(c["expected_flags"]) | {"duplicate_file"})


def _seed_claims(out, seed, year, labels_docs, claim_labels, hr_rows, next_claim) -> int:
    for k, f in enumerate(seeds.seed_files()):
        text = f.read_text(encoding="utf-8")
        rng = sub_random(seed, "seed", f.name)
        comp = seeds.compose(text, rng)
        cid = f"C{next_claim:04d}"
        next_claim += 1
        facts = seeds.seed_facts(text)
        stem = f"{facts.get('city', '')}市{facts.get('year', '')}年度继续教育工作通知"
        dp = claims.DocPlan("policy_notice", {}, stem)
        paths = []
        renders = [("digital_pdf", comp)]
        if "漯人社" in facts.get("document_number", ""):
            first = seeds.compose(text, sub_random(seed, "seed-scan", f.name))
            first.pages = first.pages[:1]
            renders.append(("scan_pdf", first))
        for r, c in renders:
            rf = render_document(c, r, rng, sub_numpy(seed, "seed", f.name, r), dt.date(int(facts.get("year", year)), 6, 1),
                                 title=stem)[0]
            name = f"{stem}.pdf" if r == "digital_pdf" else f"{stem}（首页扫描件）.pdf"
            rel = f"HR0000/{cid}/{name}"
            (out / rel).parent.mkdir(parents=True, exist_ok=True)
            (out / rel).write_bytes(rf.data)
            lab = _doc_label(rel, "HR0000", cid, dp, "seed", rf)
            lab["template"] = "policy_notice/seed"
            lab["seed_file"] = f.name
            labels_docs.append(lab)
            paths.append(rel)
        claim_labels.append({"person_id": "HR0000", "claim_id": cid, "year": year, "category": 16, "variant": "policy_notice",
                             "hours": None, "rule_id": "16.route", "assumed": False, "expected_flags": ["city_hr_review"],
                             "notes": "policy notice only (pseudo-person HR0000): category 16, no proposal",
                             "facts": facts, "documents": paths})
    return next_claim


def _bad_claims(out, seed, year, claim_labels, bad_labels, extra_persons, next_claim) -> int:
    rng = sub_random(seed, "bad")
    p = make_person(rng, "P9001", set())
    extra_persons.append(p)
    plan = claims.build_claim(2, "stated", rng, p, year, [])
    comp = build("completion_certificate", "A", plan.docs[1].data, rng)
    real = render_document(comp, "digital_pdf", rng, sub_numpy(seed, "bad"), dt.date(year, 6, 1))[0].data
    for name, kind, kw, kws, data in bad_files.make_bad_files(real):
        cid = f"C{next_claim:04d}"
        next_claim += 1
        rel = f"P9001/{cid}/{name}"
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(data)
        bad_labels.append({"path": rel, "person_id": "P9001", "claim_id": cid, "kind": kind, "reason_keyword": kw,
                           "reason_keywords": kws, "size": len(data)})
        claim_labels.append({"person_id": "P9001", "claim_id": cid, "year": year, "category": None, "variant": None,
                             "hours": None, "rule_id": None, "assumed": False, "expected_flags": [],
                             "notes": f"only an unreadable file ({kind}); expect quarantine, no claim output",
                             "facts": {}, "documents": [rel], "quarantined_only": True})
    return next_claim
