"""Issue 5's "done when", in a real browser: after the sample run (data/raw through the whole
flow with live OCR, shared with tests/test_sample_run.py), reviewers created with
`cehours user add` log in to `cehours serve`'s app and review the sample claims.

Screenshots of the queue, a claim page and the overview go to tests/artifacts/ and
docs/screenshots/ (the README's)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from test_webapp_browser import (CHROMIUM, browser, overlapping_tags, serving, session, shot,  # noqa: E402,F401
                                 wait_images)

pytestmark = [pytest.mark.browser, pytest.mark.e2e, pytest.mark.ocr,
              pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                 reason="Debian's chromium is not at /usr/bin/chromium (scripts/setup.sh installs it with apt)")]
RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
PASSWORD = "sample reviewer passphrase"
SERIOUS = ("duplicate_file", "name_mismatch")


def cehours(*args: str, stdin: str = "") -> str:
    exe = Path(sys.executable).parent / "cehours"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "flows.cli"]
    done = subprocess.run(cmd + list(args), input=stdin, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def q(db: Path, sql: str, params=()) -> list[tuple]:
    """Read the database the way the app does (webapp.db.reading): the server runs in a thread of
    this process, and DuckDB refuses a read-only and a read-write connection to one file at once."""
    from webapp.db import reading

    with reading(db) as con:
        return con.execute(sql, list(params)).fetchall()


def pick_claim(db: Path) -> tuple[str, str, str]:
    """A pending claim flagged duplicate_file or name_mismatch, with a page image carrying at least
    three field boxes; preferably in a unit with other waiting claims (so "next" has somewhere to go)."""
    found = q(db, f"""
        SELECT c.person_id, c.claim_id, c.unit
        FROM claims c JOIN review_queue r USING (person_id, claim_id)
        WHERE EXISTS (SELECT 1 FROM flags f WHERE f.person_id = c.person_id AND f.claim_id = c.claim_id
                      AND f.code IN {SERIOUS})
          AND EXISTS (SELECT 1 FROM documents d JOIN fields x USING (doc_id)
                      WHERE d.person_id = c.person_id AND d.claim_id = c.claim_id AND x.bbox IS NOT NULL
                        AND d.file_type IN ('pdf', 'jpeg', 'png')
                      GROUP BY d.doc_id, x.page HAVING count(*) >= 3)
        ORDER BY (SELECT count(*) FROM claims o WHERE o.unit = c.unit) DESC, c.person_id, c.claim_id""")
    assert found, "no flagged claim with boxed fields in the sample run"
    return found[0]


@pytest.fixture(scope="module")
def sample_app(sample_run_db, tmp_path_factory):
    """A copy of the session's sample-run database with four reviewers made by `cehours user add`,
    served over data/raw."""
    db = tmp_path_factory.mktemp("sample-review") / "cehours.duckdb"
    shutil.copy(sample_run_db, db)
    person, claim, unit = pick_claim(db)
    cehours("user", "add", "emp", "--role", "employer", "--unit", unit, "--password-stdin", "--db", str(db),
            stdin=PASSWORD + "\n")
    for name, role in (("dept", "department"), ("hr", "hr"), ("ana", "analyst")):
        cehours("user", "add", name, "--role", role, "--password-stdin", "--db", str(db), stdin=PASSWORD + "\n")
    with serving(db, RAW) as base:
        yield dict(base=base, db=db, key=(person, claim), unit=unit)


def queue_keys(page) -> list[tuple[str, str]]:
    return [tuple(h.split("/")[2:4]) for h in
            page.locator("#queue tbody tr[data-href]").evaluate_all("rows => rows.map(r => r.dataset.href)")]


def test_sample_claims_reviewed_in_the_browser(sample_app, browser):
    base, db, (person, claim), unit = sample_app["base"], sample_app["db"], sample_app["key"], sample_app["unit"]
    url = f"/claims/{person}/{claim}"
    pending = q(db, "SELECT count(*) FROM review_queue WHERE year = (SELECT max(year) FROM claims)")[0][0]

    # an analyst's queue holds every waiting sample claim, most serious first
    ctx, page = session(browser, base, "ana", PASSWORD)
    assert len(queue_keys(page)) == pending >= 30
    assert page.locator("#queue tbody tr.sev-error").count() >= 5
    shot(page, "queue.png", full_page=False, docs=True)
    ctx.close()

    # the employer reviewer: only their unit's claims; opens the flagged one from the queue
    ctx, page = session(browser, base, "emp", PASSWORD)
    mine = queue_keys(page)
    assert (person, claim) in mine
    assert {u for (u,) in q(db, "SELECT DISTINCT unit FROM review_queue WHERE claim_id IN (SELECT unnest(?))",
                            [[c for _, c in mine]])} == {unit}
    page.click(f"#queue a[href='{url}']")
    wait_images(page)
    flags = page.locator(".flags").inner_text()
    assert any(code in flags for code in SERIOUS)
    # the fields are drawn as boxes on the page image, their number tags readable (not piled up)
    pages = page.locator(".page")
    boxed = next(i for i in range(pages.count()) if pages.nth(i).locator(".box").count() >= 3)
    img = pages.nth(boxed).locator("img.page-image").bounding_box()
    boxes = pages.nth(boxed).locator(".box")
    for i in range(boxes.count()):
        b = boxes.nth(i).bounding_box()
        assert b["width"] > 2 and b["height"] > 2
        assert img["x"] - 1 <= b["x"] and b["x"] + b["width"] <= img["x"] + img["width"] + 1
        assert img["y"] - 1 <= b["y"] and b["y"] + b["height"] <= img["y"] + img["height"] + 1
    assert overlapping_tags(page) == []
    assert page.locator("ol.legend li").count() >= boxes.count()
    here = mine.index((person, claim))
    rest = [k for k in mine if k != (person, claim)]
    expected_next = mine[here + 1] if here + 1 < len(mine) else (rest[0] if rest else None)
    page.keyboard.press("a")
    page.keyboard.type("材料已核对")
    page.keyboard.press("Enter")
    page.wait_for_selector("#notice")
    assert "用人单位\temp\t通过" in page.locator("#history").inner_text()
    if expected_next:  # "next" is the claim that followed this one in the queue
        assert page.locator("#next").get_attribute("href") == "/claims/{}/{}".format(*expected_next)

    # another unit's claim and its page image, by URL: refused
    other = q(db, "SELECT c.person_id, c.claim_id, d.doc_id FROM claims c JOIN documents d USING (person_id, claim_id) "
                  "WHERE c.unit <> ? AND d.file_type = 'pdf' ORDER BY 1, 2 LIMIT 1", [unit])[0]
    resp = page.goto(f"/claims/{other[0]}/{other[1]}")
    assert resp.status == 403 and "无权查看" in page.locator("#error").inner_text()
    assert page.request.get(f"{base}/evidence/{other[2]}/1.jpg").status == 403
    ctx.close()

    # department: adjusts; HR: approves at the adjusted hours → the person's year shows them
    ctx, page = session(browser, base, "dept", PASSWORD)
    page.goto(url)
    wait_images(page)
    page.check("#d-adjust")
    page.fill("#hours", "20")
    page.fill("#reason", "按证书核定学时调整")
    page.click("#submit")
    page.wait_for_selector("#notice")
    ctx.close()

    ctx, page = session(browser, base, "hr", PASSWORD)
    page.goto(url)
    wait_images(page)
    before = float(page.locator("#prof-approved").inner_text())
    page.check("#d-adjust")
    page.fill("#hours", "20")
    page.fill("#reason", "同意部门核定的20学时")
    page.click("#submit")
    page.wait_for_selector("#notice")
    wait_images(page)
    assert float(page.locator("#prof-approved").inner_text()) == before + 20
    history = page.locator("#history").inner_text()
    for row in ("用人单位\temp\t通过", "行业主管部门\tdept\t调整学时\t20.0", "人社部门\thr\t调整学时\t20.0"):
        assert row in history
    assert q(db, "SELECT status, approved_hours FROM claim_status WHERE person_id = ? AND claim_id = ?",
             [person, claim]) == [("approved", 20.0)]
    page.set_viewport_size({"width": 1440, "height": 1500})
    shot(page, "claim.png", full_page=False, docs=True)
    page.goto("/overview")
    page.wait_for_selector("#chart-categories svg rect.bar >> nth=0")
    assert page.locator("#chart-categories svg rect.bar").count() == 16  # all 16 categories in the sample
    shot(page, "overview.png", docs=True)
    ctx.close()
