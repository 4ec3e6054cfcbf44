"""Integrity cases appended to a generated set, so every flag code occurs on the sample:

- a near-copy of another person's certificate photo (re-saved smaller, re-lit, recompressed:
  not the same bytes) → duplicate_file + name_mismatch, and duplicate_file on the source;
- a composited patent certificate: another person's name pasted over the declarant's at the
  same inventor rank → duplicate_certificate on both claims;
- employer training that no filed plan lists → unfiled_plan;
- an over-exposed phone photo on which (almost) nothing reads → unreadable.

They come after every other claim, each from its own random stream, so adding them changes
no earlier file.
"""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter

from samplegen import claims
from samplegen.people import make_person
from samplegen.render import choose_render, render_document
from samplegen.rng import sub_numpy, sub_random
from samplegen.templates import build

CERT_KINDS = ("qualification_certificate", "completion_certificate")
PHOTOS = ("photo_jpeg", "photo_png")


def _flag(claim_labels: list[dict], cid: str, code: str) -> None:
    c = next(c for c in claim_labels if c["claim_id"] == cid)
    c["expected_flags"] = sorted(set(c["expected_flags"]) | {code})


def _new_person(seed: int, tag: str, persons, extra_persons, attempt: int = 0):
    rng = sub_random(seed, "integrity-person", tag, *([attempt] if attempt else []))
    return make_person(rng, f"P{len(persons) + len(extra_persons) + 1:04d}", {x.name for x in persons + extra_persons})


def _person(seed: int, tag: str, persons, extra_persons):
    p = _new_person(seed, tag, persons, extra_persons)
    extra_persons.append(p)
    return p


def _claim_label(src: dict, pid: str, cid: str, paths: list[str], flags: list[str], notes: str, **over) -> dict:
    return dict(src, person_id=pid, claim_id=cid, documents=paths, expected_flags=sorted(set(flags)), notes=notes,
                facts={}, **over)


def near_copy(out: Path, seed: int, labels_docs, claim_labels, persons, extra_persons, cid: str) -> bool:
    """Another person re-uses a claim's evidence: the certificate photo re-saved (not the same
    bytes), the claim's other files as they were."""
    taken = {d.get("duplicate_of") for d in labels_docs}
    src = next((d for d in labels_docs if d["doc_kind"] in CERT_KINDS and d["render"] in PHOTOS
                and d["path"] not in taken and not d.get("duplicate_of")
                and (c := next(c for c in claim_labels if c["claim_id"] == d["claim_id"]))
                and not c["notes"] and c["category"] is not None), None)
    if src is None:
        return False
    p = _person(seed, "near-copy", persons, extra_persons)
    sc = next(c for c in claim_labels if c["claim_id"] == src["claim_id"])
    paths = []
    for d in [x for x in labels_docs if x["claim_id"] == sc["claim_id"]]:
        if d is src:
            img = Image.open(out / src["path"]).convert("RGB")
            w, h = img.size
            img = ImageEnhance.Brightness(img.resize((int(w * 0.82), int(h * 0.82)), Image.LANCZOS)).enhance(1.06)
            buf = io.BytesIO()
            img.save(buf, "JPEG", quality=72)
            rel, data = f"{p.person_id}/{cid}/证书照片.jpg", buf.getvalue()
        else:
            rel, data = f"{p.person_id}/{cid}/{Path(d['path']).name}", (out / d["path"]).read_bytes()
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(data)
        paths.append(rel)
        labels_docs.append(dict(d, path=rel, person_id=p.person_id, claim_id=cid, duplicate_of=d["path"],
                                near_copy=d is src, bad_values=["person_name"]))
    claim_labels.append(_claim_label(sc, p.person_id, cid, paths, ["duplicate_file", "name_mismatch", *sc["expected_flags"]],
                                     f"near-copy (resized, re-lit, JPEG 72) of {src['path']}, other files copied"))
    _flag(claim_labels, src["claim_id"], "duplicate_file")
    return True


def composited_patent(out: Path, seed: int, year: int, plans, docs, labels_docs, claim_labels, persons,
                      extra_persons, cid: str) -> bool:
    hit = next(((c, pl) for c, _, pl in plans if pl.category == 7 and not pl.notes), None)
    if hit is None:
        return False
    src_cid, plan = hit
    src_doc = next(d for d in docs if d["cid"] == src_cid)
    p = _person(seed, "composite", persons, extra_persons)
    data = copy.copy(plan.docs[0].data)
    pt = dict(data["patent"])
    rank = pt["rank"]
    pt["inventors"] = [p.name if i == rank - 1 else n for i, n in enumerate(pt["inventors"])]
    data |= {"patent": pt, "person": p, "name": p.name, "id_number": p.id_number, "unit": p.unit}
    rng = sub_random(seed, "composite", cid)
    comp = build("patent_certificate", src_doc["family"], data, rng)
    rf = render_document(comp, "photo_jpeg", rng, sub_numpy(seed, "composite", cid), pt["grant_date"])[0]
    rel = f"{p.person_id}/{cid}/专利证书{rf.ext}"
    (out / rel).parent.mkdir(parents=True, exist_ok=True)
    (out / rel).write_bytes(rf.data)
    src_label = next(d for d in labels_docs if d["claim_id"] == src_cid)
    fields = dict(src_label["fields"], inventors=json.dumps(pt["inventors"], ensure_ascii=False), person_name=p.name)
    labels_docs.append(dict(src_label, path=rel, person_id=p.person_id, claim_id=cid, render=rf.render,
                            pages=rf.pages, text=rf.text, fields=fields, composited_from=src_label["path"]))
    sc = next(c for c in claim_labels if c["claim_id"] == src_cid)
    claim_labels.append(_claim_label(sc, p.person_id, cid, [rel], ["duplicate_certificate", *sc["expected_flags"]],
                                     f"composited: {p.name} pasted over inventor {rank} of {src_label['path']}"))
    _flag(claim_labels, src_cid, "duplicate_certificate")
    return True


def unfiled_training(out: Path, seed: int, year: int, families, docs, labels_docs, claim_labels, persons,
                     extra_persons, cid: str, doc_label, claim_label) -> bool:
    for attempt in range(12):  # another training, and every third try another person
        p = _new_person(seed, "unfiled", persons, extra_persons, attempt // 3)
        rng = sub_random(seed, "unfiled", cid, *([attempt] if attempt else []))
        plan = claims.build_claim(14, "unfiled", rng, p, year, [])
        plan.docs = [d for d in plan.docs if d.kind != "plan_filing"]  # its own filing is left out
        # judged like every other claim: another filing of the set may list the training
        claims.settle_plans([(cid, p, plan)], docs)
        if "unfiled_plan" in plan.flags:
            break
    else:
        return False
    extra_persons.append(p)
    paths = []
    for j, dp in enumerate(plan.docs):
        drng = sub_random(seed, "unfiled-doc", cid, j)
        fam = drng.choice(families)
        comp = build(dp.kind, fam, dp.data, drng)
        render = choose_render(dp.kind, len(comp.pages), drng)
        for rf in render_document(comp, render, drng, sub_numpy(seed, "unfiled", cid, j), dt_of(dp.data, year),
                                  title=dp.hint):
            rel = f"{p.person_id}/{cid}/{dp.hint}{'' if not paths else j}{rf.ext}"
            (out / rel).parent.mkdir(parents=True, exist_ok=True)
            (out / rel).write_bytes(rf.data)
            paths.append(rel)
            labels_docs.append(doc_label(rel, p.person_id, cid, dp, fam, rf))
    claim_labels.append(claim_label(cid, p.person_id, year, plan, paths))
    return True


def dt_of(data: dict, year: int):
    import datetime as dt

    return data.get("issue_date") or dt.date(year, 6, 1)


def washed_out_photo(out: Path, seed: int, year: int, families, labels_docs, claim_labels, persons, extra_persons,
                     cid: str) -> bool:
    """A phone photo of a page so over-exposed that only faint smudges remain."""
    p = _person(seed, "washed", persons, extra_persons)
    rng = np.random.default_rng(sub_random(seed, "washed", cid).randrange(2**32))
    w, h = 1200, 1600
    paper = np.clip(238 + rng.normal(0, 4, (h, w)), 0, 255).astype(np.uint8)
    img = Image.fromarray(paper).convert("RGB")
    draw = ImageDraw.Draw(img)
    for _ in range(14):  # ghosts of text lines, too faint and blurred to read
        y, x = int(rng.integers(150, 1450)), int(rng.integers(100, 300))
        draw.rectangle([x, y, x + int(rng.integers(300, 800)), y + 14], fill=(226, 226, 226))
    img = img.filter(ImageFilter.GaussianBlur(6))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=80)
    rel = f"{p.person_id}/{cid}/IMG_{20230000 + int(rng.integers(1000, 9999))}.jpg"
    (out / rel).parent.mkdir(parents=True, exist_ok=True)
    (out / rel).write_bytes(buf.getvalue())
    labels_docs.append({"path": rel, "person_id": p.person_id, "claim_id": cid, "doc_kind": "other", "family": families[0],
                        "template": "other/washed_out", "render": "photo_jpeg", "pages": 1, "text": "", "fields": {"has_seal": "false"},
                        "fields_raw": {"has_seal": "false"}, "seals": [], "bad_values": [], "unreadable": True})
    claim_labels.append({"person_id": p.person_id, "claim_id": cid, "year": year, "category": 16, "variant": "unreadable",
                         "hours": None, "rule_id": "16.route", "assumed": False,
                         "expected_flags": ["city_hr_review", "low_confidence", "unreadable"],
                         "notes": "over-exposed photo: nothing readable; routed to a person", "facts": {},
                         "documents": [rel]})
    return True


def add_cases(out: Path, seed: int, year: int, families, plans, docs, labels_docs, claim_labels, persons,
              extra_persons, next_claim: int, doc_label, claim_label) -> int:
    """Append the integrity cases that the set can support; returns the next claim number."""
    cases = [
        lambda cid: near_copy(out, seed, labels_docs, claim_labels, persons, extra_persons, cid),
        lambda cid: composited_patent(out, seed, year, plans, docs, labels_docs, claim_labels, persons, extra_persons, cid),
        lambda cid: unfiled_training(out, seed, year, families, docs, labels_docs, claim_labels, persons, extra_persons,
                                     cid, doc_label, claim_label),
        lambda cid: washed_out_photo(out, seed, year, families, labels_docs, claim_labels, persons, extra_persons, cid),
    ]
    for case in cases:
        if case(f"C{next_claim:04d}"):
            next_claim += 1
    return next_claim
