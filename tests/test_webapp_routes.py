"""The review app's routes with FastAPI's TestClient: every role, every forbidden path, the
decision rules, escaping and masking, exports, and decisions written while a batch lands."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).parent))
from webapp_helpers import RESIDENT_ID, TEST_UNIT, XSS, add_user, build_review_db, csrf_of, login  # noqa: E402

MINE = ("P0007", "C0009")          # 漯河市疾病预防控制中心: born-digital PDF, flagged
MY_UNIT = "漯河市疾病预防控制中心"
OTHER = ("P0002", "C0003")         # 安阳市中医院


@pytest.fixture(scope="module")
def built(prefect_harness, small_sample, tmp_path_factory):
    db, root = build_review_db(small_sample, tmp_path_factory.mktemp("webapp"))
    add_user(db, "emp", "employer", [MY_UNIT, TEST_UNIT])
    add_user(db, "dept", "department")
    add_user(db, "hr", "hr")
    add_user(db, "ana", "analyst")
    return db, root


@pytest.fixture
def env(built, tmp_path):
    """A fresh copy of the built database per test (decisions change it)."""
    db, root = built
    copy = tmp_path / "review.duckdb"
    shutil.copy(db, copy)
    return copy, root


def client_for(env, user: str | None = None) -> TestClient:
    from webapp import create_app

    db, root = env
    c = TestClient(create_app(db, root, secret=b"k" * 32), base_url="https://testserver")
    if user:
        r = login(c, user)
        assert r.status_code == 303 and r.headers["location"] == "/queue", r.text
    return c


def claim_url(key) -> str:
    return f"/claims/{key[0]}/{key[1]}"


def view_all_pages(c: TestClient, key) -> None:
    page = c.get(claim_url(key))
    assert page.status_code == 200
    import re

    for src in re.findall(r'src="(/evidence/[^"]+)"', page.text):
        r = c.get(src)
        assert r.status_code == 200 and r.headers["content-type"] == "image/jpeg"


def decide(c: TestClient, key, decision: str, hours: str = "", reason: str = "ok", csrf: str | None = None):
    token = csrf if csrf is not None else csrf_of(c.get(claim_url(key)).text)
    return c.post(claim_url(key) + "/decide", data=dict(csrf=token, decision=decision, hours=hours, reason=reason),
                  follow_redirects=False)


def _count(db: Path, sql: str) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def reviews(db: Path) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT person_id, claim_id, reviewer, level, decision, hours FROM reviews ORDER BY decided_at").fetchall()
    finally:
        con.close()


# ---- sessions, login, CSRF -----------------------------------------------------------------

def test_no_session_redirects_or_refuses(env):
    c = client_for(env)
    for url in ("/queue", claim_url(MINE), "/overview"):
        r = c.get(url, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/login")
    assert c.get("/export/claims.csv").status_code == 401
    assert c.get("/evidence/x/1.jpg").status_code == 401
    assert c.post(claim_url(MINE) + "/decide", data=dict(decision="approve", reason="x")).status_code == 401


def test_session_cookie_is_httponly_secure_samesite(env):
    c = client_for(env)
    r = login(c, "emp")
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "Secure" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")


def test_wrong_password_and_rate_limit(env):
    c = client_for(env)
    for _ in range(5):
        r = login(c, "emp", "wrong password")
        assert r.status_code == 303 and "error" in r.headers["location"]
    assert login(c, "emp").status_code == 429  # even the right password, for a while
    assert login(c, "hr").status_code == 303  # other accounts unaffected


def test_login_needs_csrf(env):
    c = client_for(env)
    c.get("/login")
    r = c.post("/login", data=dict(username="emp", password="correct horse 42"), follow_redirects=False)
    assert r.status_code == 403


def test_forged_session_cookie_is_refused(env):
    c = client_for(env)
    c.cookies.set("cehours_session", "eyJ1IjoiaHIifQ.deadbeef", domain="testserver")
    assert c.get("/queue", follow_redirects=False).status_code == 303


def test_decision_without_csrf_is_refused(env):
    c = client_for(env, "emp")
    view_all_pages(c, MINE)
    assert decide(c, MINE, "approve", csrf="").status_code == 403
    assert decide(c, MINE, "approve", csrf="0" * 64).status_code == 403
    assert reviews(env[0]) == []


# ---- roles and units ----------------------------------------------------------------------

def test_employer_queue_shows_only_assigned_units(env):
    c = client_for(env, "emp")
    html = c.get("/queue").text
    assert "C0009" in html and "C9990" in html
    assert "C0003" not in html and "安阳市中医院" not in html


def test_department_and_hr_queues_wait_for_lower_levels(env):
    assert "C0009" not in client_for(env, "dept").get("/queue").text  # employer has not decided yet
    assert "C0009" not in client_for(env, "hr").get("/queue").text
    assert "C0009" in client_for(env, "ana").get("/queue").text      # analysts see every pending claim


def test_employer_cannot_open_other_units_claim_or_image(env):
    c = client_for(env, "emp")
    assert c.get(claim_url(OTHER)).status_code == 403
    db = env[0]
    con = duckdb.connect(str(db), read_only=True)
    other_doc = con.execute("SELECT doc_id FROM documents WHERE person_id = ? AND claim_id = ?", list(OTHER)).fetchone()[0]
    con.close()
    assert c.get(f"/evidence/{other_doc}/1.jpg").status_code == 403
    assert decide(c, OTHER, "approve", csrf=csrf_of(c.get(claim_url(MINE)).text)).status_code == 403
    assert c.get("/export/claims.csv?unit=安阳市中医院").status_code == 403


def test_path_traversal_is_refused(env):
    c = client_for(env, "hr")
    for url in ("/evidence/..%2F..%2Fetc%2Fpasswd/1.jpg", "/evidence/../../etc/passwd/1.jpg",
                "/static/../db.py", "/static/..%2Fdb.py"):
        r = c.get(url)
        assert r.status_code in (403, 404), url
        assert b"import" not in r.content and b"root:" not in r.content
    # a documents row pointing outside the root (a tampered database) is still refused
    db = env[0]
    con = duckdb.connect(str(db))
    con.execute("UPDATE documents SET path = '../../../../etc/passwd' WHERE person_id = ? AND claim_id = ?", list(MINE))
    doc = con.execute("SELECT doc_id FROM documents WHERE person_id = ? AND claim_id = ?", list(MINE)).fetchone()[0]
    con.close()
    assert c.get(f"/evidence/{doc}/1.jpg").status_code == 404


def test_resolve_inside(tmp_path):
    from webapp.evidence import EvidenceError, resolve_inside

    (tmp_path / "root" / "a").mkdir(parents=True)
    (tmp_path / "root" / "a" / "x.pdf").write_bytes(b"%PDF")
    (tmp_path / "secret.txt").write_text("s")
    (tmp_path / "root" / "a" / "link.pdf").symlink_to(tmp_path / "secret.txt")
    assert resolve_inside(tmp_path / "root", "a/x.pdf").name == "x.pdf"
    for bad in ("../secret.txt", "a/../../secret.txt", "/etc/passwd", "a/link.pdf", "", "a"):
        with pytest.raises(EvidenceError):
            resolve_inside(tmp_path / "root", bad)


def test_analyst_is_read_only(env):
    c = client_for(env, "ana")
    page = c.get(claim_url(MINE))
    assert page.status_code == 200 and 'id="decide"' not in page.text
    view_all_pages(c, MINE)
    assert decide(c, MINE, "approve").status_code == 403
    assert reviews(env[0]) == []


# ---- decisions ----------------------------------------------------------------------------

def test_decision_refused_before_evidence_viewed(env):
    c = client_for(env, "emp")
    r = decide(c, MINE, "approve")
    assert r.status_code == 409 and "请先查看全部证明材料" in r.text
    assert reviews(env[0]) == []
    view_all_pages(c, MINE)
    assert decide(c, MINE, "approve").status_code == 303
    assert reviews(env[0])[0][:5] == ("P0007", "C0009", "emp", "employer", "approve")


def test_levels_decide_in_order_and_year_updates(env):
    db = env[0]
    hr = client_for(env, "hr")
    view_all_pages(hr, MINE)
    r = decide(hr, MINE, "adjust", hours="10")
    assert r.status_code == 409 and "尚未轮到本级审核" in r.text  # out of order: employer first
    emp, dept = client_for(env, "emp"), client_for(env, "dept")
    for c in (emp, dept):
        view_all_pages(c, MINE)
        assert decide(c, MINE, "approve").status_code == 303
    assert decide(emp, MINE, "approve").status_code == 409  # the employer level has decided
    assert decide(hr, MINE, "adjust", hours="12.5", reason="按实际学时调整").status_code == 303
    page = hr.get(claim_url(MINE) + "?done=1").text
    assert "审核结论已记录" in page and 'id="prof-approved">12.5<' in page
    assert [r[3:] for r in reviews(db)] == [("employer", "approve", reviews(db)[0][5]), ("department", "approve", reviews(db)[1][5]),
                                            ("hr", "adjust", 12.5)]
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT professional_approved FROM person_year_summary WHERE person_id = 'P0007'").fetchone()[0] == 12.5
    con.close()


def test_lower_level_rejection_stops_the_claim(env):
    emp, dept = client_for(env, "emp"), client_for(env, "dept")
    view_all_pages(emp, MINE)
    assert decide(emp, MINE, "reject", reason="材料不全").status_code == 303
    assert "C0009" not in dept.get("/queue").text
    view_all_pages(dept, MINE)
    r = decide(dept, MINE, "approve")
    assert r.status_code == 409 and "已结束" in r.text


def test_decision_needs_a_reason(env):
    c = client_for(env, "emp")
    view_all_pages(c, MINE)
    r = decide(c, MINE, "approve", reason="  ")
    assert r.status_code == 409 and "审核意见" in r.text


# ---- escaping, masking, pages ---------------------------------------------------------------

def test_ocr_text_is_escaped_and_ids_masked(env):
    key = ("P9990", "C9990")
    emp = client_for(env, "emp").get(claim_url(key)).text
    assert XSS not in emp and "&lt;script&gt;alert(" in emp
    assert RESIDENT_ID not in emp and "4101**********1234" in emp
    assert RESIDENT_ID in client_for(env, "hr").get(claim_url(key)).text


def test_masked_page_image_differs_for_hr(env):
    from PIL import Image

    key = ("P9990", "C9990")
    con = duckdb.connect(str(env[0]), read_only=True)
    doc = con.execute("SELECT doc_id FROM documents WHERE person_id = 'P9990'").fetchone()[0]
    con.close()
    masked = Image.open(io.BytesIO(client_for(env, "emp").get(f"/evidence/{doc}/1.jpg").content))
    clear = Image.open(io.BytesIO(client_for(env, "hr").get(f"/evidence/{doc}/1.jpg").content))
    assert masked.size == clear.size
    import numpy as np

    dark = lambda im: int((np.asarray(im.convert("L")) < 40).sum())  # noqa: E731
    assert dark(masked) > dark(clear) + 500  # the ID line is blacked out


def test_claim_page_draws_field_boxes(env):
    html = client_for(env, "emp").get(claim_url(MINE)).text
    assert html.count('class="box"') >= 5 and "/evidence/" in html
    assert "规则" in html and "invalid_checksum" in html and 'id="year"' in html


def test_queue_filters_and_working_day_age(env):
    from datetime import date, timedelta

    from webapp import create_app

    db, root = env
    c = TestClient(create_app(db, root, secret=b"k" * 32, today=date.today() + timedelta(days=40)), base_url="https://testserver")
    login(c, "ana")
    html = c.get("/queue").text
    assert "超期" in html  # far past the 5-day limit
    assert "C0009" in c.get("/queue?flag=invalid_checksum").text
    assert "C0003" not in c.get("/queue?flag=invalid_checksum").text
    assert "C0009" in c.get("/queue?category=6").text and "C0003" not in c.get("/queue?category=6").text
    assert "C0009" in c.get("/queue?person=P0007").text and "C0003" not in c.get("/queue?person=P0007").text
    assert "C0003" in c.get("/queue?unit=安阳市中医院").text and "C0009" not in c.get("/queue?unit=安阳市中医院").text
    assert "C0009" not in c.get("/queue?confidence=0.0001").text


def test_workdays_use_the_chinese_calendar():
    from datetime import date

    from webapp.workdays import working_days_between

    assert working_days_between(date(2023, 9, 28), date(2023, 10, 9)) == 3   # 9-29..10-6 holiday; Sat 10-7, Sun 10-8 make-up days, Mon 10-9
    assert working_days_between(date(2023, 6, 5), date(2023, 6, 12)) == 5
    assert working_days_between(date(2023, 6, 5), date(2023, 6, 5)) == 0


def test_overview_and_exports(env):
    from openpyxl import load_workbook

    c = client_for(env, "emp")
    html = c.get("/overview").text
    for chart in ("chart-completion", "chart-categories", "chart-flags", "chart-ages"):
        assert f'id="{chart}"' in html
    assert "安阳市中医院" not in html and "第12类" not in html  # only the employer's units' claims
    assert "invalid_checksum" in html and "第6类" in html
    csv_text = c.get("/export/claims.csv").content.decode("utf-8-sig")
    assert "C0009" in csv_text and "C0003" not in csv_text
    per_person = c.get("/export/persons.csv?person=P0007").content.decode("utf-8-sig").splitlines()
    assert len(per_person) == 2 and "P0007" in per_person[1]
    wb = load_workbook(io.BytesIO(c.get(f"/export/claims.xlsx?unit={MY_UNIT}").content))
    assert [r[3] for r in wb.active.iter_rows(min_row=2, values_only=True)] == ["C0009"]
    assert c.get("/export/x.csv").status_code == 404


# ---- concurrency: a batch landing while decisions are written --------------------------------

@pytest.mark.e2e
def test_batch_landing_while_reviewers_decide(env, tmp_path):
    """`cehours run` (another process) lands new claims into the same database while reviewers
    post decisions: neither fails and no decision is lost."""
    from samplegen import generate

    db, root = env
    extra = tmp_path / "extra"
    generate(extra, n_claims=4, seed=91, year=2023, families=("A",), include_seeds=False, include_bad=False)
    hr = client_for(env, "hr")
    keys = [(p, c) for p, c in [("P0001", "C0001"), ("P0003", "C0004"), ("P0006", "C0008"), ("P0012", "C0018"), MINE]]
    # employer and department decisions go straight in (pre-seeded), HR decides during the batch
    con = duckdb.connect(str(db))
    for p, c in keys:
        for level in ("employer", "department"):
            con.execute("INSERT INTO reviews (claim_id, person_id, reviewer, level, decision, reason) VALUES (?, ?, 'seed', ?, 'approve', 'ok')",
                        [c, p, level])
    con.close()
    for key in keys:
        view_all_pages(hr, key)
    before = _count(db, "SELECT count(*) FROM claims")
    batch = subprocess.Popen([sys.executable, "-m", "flows.cli", "run", str(extra), "--year", "2023", "--db", str(db),
                              "--engine", "null", "--workers", "1", "--no-progress"],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    posted = []
    while batch.poll() is None or len(posted) < len(keys):
        if len(posted) < len(keys):
            key = keys[len(posted)]
            r = decide(hr, key, "adjust", hours=str(len(posted) + 1), reason="并发测试")
            assert r.status_code == 303, r.text
            posted.append(key)
        else:
            assert hr.get("/queue").status_code == 200  # reads keep working during the landing
    out = batch.communicate()[0]
    assert batch.returncode == 0, out
    got = [(p, c, lvl, h) for p, c, _, lvl, _, h in reviews(db) if lvl == "hr"]
    assert got == [(p, c, "hr", float(i + 1)) for i, (p, c) in enumerate(keys)]
    assert _count(db, "SELECT count(*) FROM claim_status WHERE status = 'approved'") == len(keys)
    assert _count(db, "SELECT count(*) FROM claims") > before  # the batch landed too


def test_concurrent_decisions_in_threads(env):
    """Many reviewers' requests at once in one server process: every decision lands once."""
    db, root = env
    from webapp import db as wdb

    keys = [("P0001", "C0001"), ("P0003", "C0004"), ("P0006", "C0008"), ("P0012", "C0018"), MINE, ("P9990", "C9990")]
    for p, c in keys:
        con = duckdb.connect(str(db))
        con.execute("INSERT INTO evidence_views (reviewer, person_id, claim_id, doc_id, page) "
                    "SELECT 'emp', person_id, claim_id, doc_id, page FROM document_pages JOIN documents USING (doc_id) "
                    "WHERE person_id = ? AND claim_id = ?", [p, c])
        con.close()
    errors = []

    def work(key):
        try:
            wdb.decide(db, "emp", "employer", key[0], key[1], "approve", None, "ok")
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(k,)) for k in keys]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert errors == [] and sorted((p, c) for p, c, *_ in reviews(db)) == sorted(keys)



# ---- accounts from the command line: disable, passwd ------------------------------------------

def _cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], input=stdin, capture_output=True, text=True,
                          timeout=120)


def test_disabled_user_cannot_log_in_and_session_stops(env):
    db = env[0]
    c = client_for(env, "emp")
    assert c.get("/queue").status_code == 200
    done = _cli("user", "disable", "emp", "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert c.get("/queue", follow_redirects=False).status_code == 303          # the open session ended
    assert c.get("/export/claims.csv").status_code == 401
    r = login(client_for(env), "emp")
    assert r.status_code == 303 and "error" in r.headers["location"]           # cannot log in again
    assert _cli("user", "enable", "emp", "--db", str(db)).returncode == 0
    assert login(client_for(env), "emp").headers["location"] == "/queue"
    assert _cli("user", "disable", "nobody", "--db", str(db)).returncode == 2


def test_passwd_from_stdin_ends_old_sessions(env):
    db = env[0]
    old = client_for(env, "hr")
    done = _cli("user", "passwd", "hr", "--db", str(db), stdin="a new long passphrase\n")
    assert done.returncode == 0, done.stderr
    assert old.get("/queue", follow_redirects=False).status_code == 303        # made with the old password
    assert "error" in login(client_for(env), "hr").headers["location"]         # old password refused
    assert login(client_for(env), "hr", "a new long passphrase").headers["location"] == "/queue"
    short = _cli("user", "passwd", "hr", "--db", str(db), stdin="short\n")
    assert short.returncode == 2 and "8 characters" in short.stderr
    listed = _cli("user", "list", "--db", str(db)).stdout
    assert "hr\thr\tactive" in listed


# ---- year filter, "next" after a decision, ID masking, field boxes ---------------------------

def test_queue_and_overview_default_to_the_latest_year(env):
    db = env[0]
    con = duckdb.connect(str(db))
    con.execute("UPDATE claims SET year = 2022 WHERE person_id = 'P0002'")
    con.close()
    c = client_for(env, "ana")
    html = c.get("/queue").text
    assert "C0009" in html and "C0003" not in html and '<option value="2023" selected' in html
    old = c.get("/queue?year=2022").text
    assert "C0003" in old and "C0009" not in old
    both = c.get("/queue?year=all").text
    assert "C0003" in both and "C0009" in both
    assert "C0009" in c.get("/queue?year=1999").text                          # unknown year: the latest
    assert "安阳市中医院" not in c.get("/overview").text.split("chart-completion")[1].split("</figure>")[0]
    assert "安阳市中医院" in c.get("/overview?year=2022").text
    assert 'value="2022"' in c.get("/overview").text


def test_next_after_a_decision_is_the_following_claim(env):
    c = client_for(env, "emp")
    keys = [tuple(h.split("/")[2:4]) for h in re.findall(r'data-href="(/claims/[^"]+)"', c.get("/queue").text)]
    assert len(keys) >= 2
    key, following = keys[0], keys[1]
    page = c.get(claim_url(key)).text
    assert f'name="after" value="{following[0]}/{following[1]}"' in page
    view_all_pages(c, key)
    token = csrf_of(page)
    r = c.post(claim_url(key) + "/decide", data=dict(csrf=token, decision="approve", reason="ok",
                                                    after=f"{following[0]}/{following[1]}"), follow_redirects=False)
    assert r.status_code == 303
    done = c.get(r.headers["location"]).text
    assert "审核结论已记录" in done
    assert re.search(r'id="next" href="/claims/([^"]+)"', done).group(1) == f"{following[0]}/{following[1]}"
    history = re.search(r'<table class="history".*?</table>', done, re.S).group(0)
    assert "emp" in history and "通过" in history and re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d", history)


@pytest.mark.parametrize("text, masked", [
    ("410102199003071234", "4101**********1234"),
    ("41010219900307123X", "4101**********123X"),
    ("身份证号 410102900307123 (旧)", "身份证号 4101*******7123 (旧)"),
    ("4101 0219 9003 0712 34", "4101 **** **** **12 34"),
    ("410102 19900307 1234", "4101** ******** 1234"),
    ("410102-19900307-1234", "4101**-********-1234"),
])
def test_resident_ids_masked_in_every_form(text, masked):
    from webapp.access import User, has_id, mask_ids

    assert mask_ids(User("e", "employer"), text) == masked and has_id(text)
    assert mask_ids(User("h", "hr"), text) == text


@pytest.mark.parametrize("text", ["ZL 2023 1 0123456.7", "证书编号 202341000012345", "ISBN 978-7-111-12345-6",
                                  "13812345678", "2023 05 08 至 2023 05 12", "CN 41-1234/R"])
def test_other_numbers_stay_readable(text):
    from webapp.access import User, has_id, mask_ids

    assert mask_ids(User("e", "employer"), text) == text and not has_id(text)


def test_field_boxes_are_numbered_with_a_legend(env):
    from webapp.boxes import field_boxes

    row = dict(page=1, width=200, height=100)
    fields = [dict(name="b", value="2", page=1, bbox=dict(x0=10, y0=50, x1=60, y1=60)),
              dict(name="a", value="1", page=1, bbox='{"x0": 10, "y0": 10, "x1": 250, "y1": 20}'),
              dict(name="c", value="3", page=2, bbox=dict(x0=0, y0=0, x1=1, y1=1)),
              dict(name="d", value="4", page=1, bbox=None)]
    boxes = field_boxes(fields, row)
    assert [(b["n"], b["name"]) for b in boxes] == [(1, "a"), (2, "b")]
    assert boxes[0]["left"] == 5 and boxes[0]["width"] == 95  # clipped to the page
    html = client_for(env, "emp").get(claim_url(MINE)).text
    assert html.count('class="tag"') >= 10 and html.count('<ol class="legend"') >= 1


def test_serve_finds_the_evidence_folder_of_the_last_run(tmp_path, capsys):
    """`cehours serve --db F` without --root uses the folder the latest landed run read."""
    from datetime import datetime

    from flows.cli import _last_run_root
    from pipeline.store import connect

    db = tmp_path / "x.duckdb"
    assert _last_run_root(db) is None
    with connect(db) as con:
        con.execute("INSERT INTO runs (run_id, started_at, root, status) VALUES ('a', ?, '/old', 'landed'), "
                    "('b', ?, ?, 'landed'), ('c', ?, '/failed', 'failed')",
                    [datetime(2023, 1, 1), datetime(2023, 2, 1), str(tmp_path), datetime(2023, 3, 1)])
    assert _last_run_root(db) == tmp_path
