"""The review app in a real browser: Playwright driving Debian's Chromium (`/usr/bin/chromium`)
against `uvicorn` serving a database the real flow built — a small generated folder (null OCR)
here, the bundled sample with live OCR in tests/test_webapp_sample.py. Screenshots go to
tests/artifacts/ (the sample's also to docs/screenshots/ for the README)."""

from __future__ import annotations

import shutil
import socket
import sys
import threading
import time
from pathlib import Path

from contextlib import contextmanager

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from webapp_helpers import PASSWORD, TEST_UNIT, add_user, build_review_db  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                 reason="Debian's chromium is not at /usr/bin/chromium (scripts/setup.sh installs it with apt)")]
REPO = Path(__file__).resolve().parents[1]
ARTIFACTS, DOCS = REPO / "tests" / "artifacts", REPO / "docs" / "screenshots"
MINE, OTHER = "/claims/P0007/C0009", "/claims/P0002/C0003"
MY_UNIT = "漯河市疾病预防控制中心"


@contextmanager
def serving(db: Path, root: Path):
    """uvicorn serving the app over `db` in a thread; yields the base URL."""
    import uvicorn

    from webapp import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(db, root), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.1)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(10)


@pytest.fixture(scope="module")
def server(prefect_harness, small_sample, tmp_path_factory):
    db, root = build_review_db(small_sample, tmp_path_factory.mktemp("browser"))
    add_user(db, "emp", "employer", [MY_UNIT, TEST_UNIT])
    add_user(db, "dept", "department")
    add_user(db, "hr", "hr")
    with serving(db, root) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield b
        b.close()


def session(browser, base: str, user: str, password: str = PASSWORD):
    ctx = browser.new_context(base_url=base, viewport={"width": 1440, "height": 1000}, locale="zh-CN")
    page = ctx.new_page()
    page.goto("/login")
    page.fill("input[name=username]", user)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url("**/queue")
    return ctx, page


def wait_images(page) -> None:
    page.wait_for_function("""() => [...document.querySelectorAll('img.page-image')]
                                     .every(i => i.complete && i.naturalWidth > 0)""")


def open_claim(page, url: str) -> None:
    page.goto(url)
    wait_images(page)


def overlapping_tags(page) -> list:
    """Pairs of field tags on one page image that cover each other (after keys.js laid them out)."""
    return page.evaluate("""() => {
        const bad = [];
        document.querySelectorAll('.page').forEach((pg) => {
            const r = [...pg.querySelectorAll('.box .tag')].map((t) => [t.textContent, t.getBoundingClientRect()]);
            for (let i = 0; i < r.length; i++) for (let j = i + 1; j < r.length; j++) {
                const a = r[i][1], b = r[j][1];
                if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
                    bad.push([pg.dataset.doc, r[i][0], r[j][0]]);
            }
        });
        return bad;
    }""")


def decide_with_keys(page, key: str, reason: str) -> None:
    page.keyboard.press(key)             # a = approve, r = reject: selects and focuses the reason
    page.keyboard.type(reason)
    page.keyboard.press("Enter")         # submits
    page.wait_for_selector("#notice")


def shot(page, name: str, full_page: bool = True, docs: bool = False) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=full_page)
    if docs:
        DOCS.mkdir(parents=True, exist_ok=True)
        shutil.copy(ARTIFACTS / name, DOCS / name)


def test_review_a_flagged_claim_through_three_levels(server, browser):
    ctx, page = session(browser, server, "emp")
    assert page.locator("#queue").inner_text().count("C0009") == 1
    page.click("a[href='/claims/P0007/C0009']")
    page.wait_for_function("""() => [...document.querySelectorAll('img.page-image')]
                                     .every(i => i.complete && i.naturalWidth > 0)""")
    assert page.locator(".flags li").count() >= 1
    # the extracted fields are drawn as boxes over the page image
    img = page.locator("img.page-image").first.bounding_box()
    boxes = page.locator(".page").first.locator(".box")
    assert boxes.count() >= 3
    for i in range(boxes.count()):
        b = boxes.nth(i).bounding_box()
        assert b["width"] > 2 and b["height"] > 2
        assert img["x"] - 1 <= b["x"] and b["x"] + b["width"] <= img["x"] + img["width"] + 1
        assert img["y"] - 1 <= b["y"] and b["y"] + b["height"] <= img["y"] + img["height"] + 1
    decide_with_keys(page, "a", "材料齐全")
    assert "用人单位\temp\t通过" in page.locator("#history").inner_text()
    assert overlapping_tags(page) == []

    # another unit's claim by URL: refused
    resp = page.goto(OTHER)
    assert resp.status == 403 and "无权查看" in page.locator("#error").inner_text()
    ctx.close()

    ctx, page = session(browser, server, "dept")
    open_claim(page, MINE)
    decide_with_keys(page, "a", "同意")
    ctx.close()

    ctx, page = session(browser, server, "hr")
    open_claim(page, MINE)
    before = float(page.locator("#prof-approved").inner_text())
    page.check("#d-adjust")
    page.fill("#hours", "12")
    page.fill("#reason", "按证书实际学时调整")
    page.click("#submit")
    page.wait_for_selector("#notice")
    assert float(page.locator("#prof-approved").inner_text()) == before + 12
    assert "人社部门\thr\t调整学时\t12.0" in page.locator("#history").inner_text()
    page.wait_for_function("""() => [...document.querySelectorAll('img.page-image')]
                                     .every(i => i.complete && i.naturalWidth > 0)""")
    page.set_viewport_size({"width": 1440, "height": 1500})  # tall enough for the person's year and history
    shot(page, "claim-small.png", full_page=False)
    page.goto("/overview")
    page.wait_for_selector("#chart-categories svg rect.bar >> nth=0")
    assert page.locator("svg rect.bar").count() >= 8
    shot(page, "overview-small.png")
    ctx.close()


def test_queue_keyboard_navigation(server, browser):
    ctx, page = session(browser, server, "emp")
    rows = page.locator("#queue tbody tr[data-href]")
    assert rows.count() >= 1  # the employer's unit has claims waiting at its level
    page.keyboard.press("j")
    assert "selected" in (rows.first.get_attribute("class") or "")
    page.keyboard.press("Enter")
    page.wait_for_url("**/claims/**")
    ctx.close()
