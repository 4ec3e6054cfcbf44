"""The reviewers' web app: FastAPI routes over webapp.db, server-rendered Jinja2 pages.

Every route that shows a claim, a page image or an export goes through `webapp.access`;
every POST checks the session's CSRF token.
"""

from __future__ import annotations

import secrets
from datetime import date
from pathlib import Path
from urllib.parse import quote, urlencode

from fastapi import FastAPI, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from webapp import auth, charts, db as wdb, exports
from webapp.access import ROLES, User, can_decide, can_see_unit, mask_ids, queue_for
from webapp.boxes import field_boxes
from webapp.evidence import EvidenceError, has_image, page_jpeg
from webapp.workdays import age

HERE = Path(__file__).parent
LEVEL_NAMES = {"employer": "用人单位", "department": "行业主管部门", "hr": "人社部门", "analyst": "分析（只读）"}
DECISION_NAMES = {"approve": "通过", "adjust": "调整学时", "reject": "不通过"}


class NotLoggedIn(Exception):
    pass


def create_app(db: Path, root: Path, secret: bytes | None = None, secure_cookies: bool = True,
               today: date | None = None) -> FastAPI:
    """The app over one DuckDB file and the evidence folder its documents' paths are relative to."""
    db, root = Path(db), Path(root)
    wdb.ensure_schema(db)
    signer = auth.Signer(secret or secrets.token_bytes(32))
    app = FastAPI(title="cehours review", docs_url=None, redoc_url=None, openapi_url=None)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.globals.update(LEVEL_NAMES=LEVEL_NAMES, DECISION_NAMES=DECISION_NAMES)

    def session(request: Request) -> dict | None:
        return signer.session(request.cookies.get(auth.SESSION_COOKIE))

    def current_user(request: Request) -> User:
        s = session(request)
        acc = wdb.get_account(db, s["u"]) if s else None  # None for a disabled account
        if not acc or not secrets.compare_digest(s.get("pv", ""), signer.password_version(acc["pw_hash"])):
            raise NotLoggedIn()
        return User(acc["username"], acc["role"], tuple(acc["units"]))

    def check_csrf(request: Request, token: str | None) -> None:
        s = session(request)
        if not s or not signer.csrf_ok(s.get("n"), token):
            raise HTTPException(403, "CSRF token missing or wrong (表单已失效，请刷新页面后重试)")

    def page(request: Request, name: str, user: User | None, status: int = 200, **ctx) -> HTMLResponse:
        s = session(request)
        csrf = signer.csrf_token(s["n"]) if s else ""
        mask = (lambda t: mask_ids(user, t)) if user else (lambda t: t)
        return templates.TemplateResponse(request, name, dict(ctx, user=user, csrf=csrf, mask=mask), status_code=status)

    def set_cookie(resp: Response, key: str, value: str, max_age: int) -> None:
        resp.set_cookie(key, value, max_age=max_age, httponly=True, secure=secure_cookies, samesite="strict", path="/")

    @app.exception_handler(NotLoggedIn)
    async def _to_login(request: Request, exc: NotLoggedIn):
        if request.method == "GET" and not request.url.path.startswith(("/evidence", "/export")):
            return RedirectResponse("/login?next=" + quote(request.url.path), status_code=303)
        return HTMLResponse("请先登录 (login required)", status_code=401)

    @app.exception_handler(HTTPException)
    async def _error(request: Request, exc: HTTPException):
        return templates.TemplateResponse(request, "error.html", dict(status=exc.status_code, detail=exc.detail,
                                                                      user=None, csrf="", mask=lambda t: t),
                                          status_code=exc.status_code)

    # ---- login ----------------------------------------------------------------------------

    @app.get("/login", response_class=HTMLResponse)
    def login_form(request: Request, next: str = "/queue", error: str = ""):
        nonce = request.cookies.get(auth.LOGIN_COOKIE) or secrets.token_hex(16)
        resp = templates.TemplateResponse(request, "login.html", dict(
            user=None, csrf=signer.csrf_token("login:" + nonce), next=next, error=error, mask=lambda t: t))
        set_cookie(resp, auth.LOGIN_COOKIE, nonce, 3600)
        return resp

    @app.post("/login")
    def login(request: Request, username: str = Form(...), password: str = Form(...),
              csrf: str = Form(""), next: str = Form("/queue")):
        nonce = request.cookies.get(auth.LOGIN_COOKIE)
        if not nonce or not signer.csrf_ok("login:" + nonce, csrf):
            raise HTTPException(403, "CSRF token missing or wrong (表单已失效，请刷新页面后重试)")
        client = request.client.host if request.client else ""
        if auth.too_many_failures(wdb.failed_logins_since(db, username, auth.failure_window_start())):
            raise HTTPException(429, "登录失败次数过多，请15分钟后再试 (too many failed logins; try again later)")
        acc = wdb.get_account(db, username)
        ok = auth.check_login(acc, password)
        wdb.record_login(db, username, client, ok)
        if not ok:
            return RedirectResponse("/login?" + urlencode({"error": "用户名或密码错误", "next": next}), status_code=303)
        target = next if next.startswith("/") and not next.startswith("//") else "/queue"
        resp = RedirectResponse(target, status_code=303)
        set_cookie(resp, auth.SESSION_COOKIE, signer.new_session(username, acc["pw_hash"]), auth.SESSION_SECONDS)
        return resp

    @app.post("/logout")
    def logout(request: Request, csrf: str = Form("")):
        check_csrf(request, csrf)
        resp = RedirectResponse("/login", status_code=303)
        resp.delete_cookie(auth.SESSION_COOKIE, path="/")
        return resp

    # ---- queue and claims -----------------------------------------------------------------

    def pick_year(year: str) -> tuple[int | None, list[int], str]:
        """The year to show (default: the latest in claims; "all": every year), the years, the raw value."""
        years = wdb.years(db)
        if year == "all":
            return None, years, "all"
        if year.isdigit() and int(year) in years:
            return int(year), years, year
        return (years[0] if years else None), years, str(years[0]) if years else "all"

    def my_queue(user: User, year: int | None = None) -> list[dict]:
        items = [q for q in queue_for(user, wdb.queue(db)) if year is None or q["year"] == year]
        for q in items:
            q["age"] = age(q.get("level_since"), today)
        return items

    @app.get("/")
    def home():
        return RedirectResponse("/queue", status_code=303)

    @app.get("/queue", response_class=HTMLResponse)
    def queue_page(request: Request, flag: str = "", category: str = "", confidence: str = "",
                   person: str = "", unit: str = "", year: str = ""):
        user = current_user(request)
        chosen, years, year = pick_year(year)
        items, limit = my_queue(user, chosen), wdb.review_days(db)
        options = dict(flags=sorted({c for q in items for c in (q["flag_codes"] or "").split(",") if c}),
                       categories=sorted({q["category"] for q in items if q["category"] is not None}),
                       units=sorted({q["unit"] for q in items if q["unit"]}))
        if flag:
            items = [q for q in items if flag in (q["flag_codes"] or "").split(",")]
        if category.isdigit():
            items = [q for q in items if q["category"] == int(category)]
        if confidence:
            try:
                items = [q for q in items if (q["category_confidence"] or 0) < float(confidence)]
            except ValueError:
                pass
        if person:
            items = [q for q in items if person in q["person_id"] or person in (q["person_name"] or "")]
        if unit:
            items = [q for q in items if q["unit"] == unit]
        return page(request, "queue.html", user, items=items, limit=limit, options=dict(options, years=years),
                    filters=dict(flag=flag, category=category, confidence=confidence, person=person, unit=unit,
                                 year=year))

    def load_claim(user: User, person_id: str, claim_id: str) -> dict:
        c = wdb.claim(db, person_id, claim_id)
        if c is None:
            raise HTTPException(404, "申报项不存在 (no such claim)")
        if not can_see_unit(user, c["unit"]):
            raise HTTPException(403, "无权查看其他单位的申报 (this claim belongs to a unit you are not assigned)")
        return c

    def claim_nav(user: User, key: tuple[str, str], year: int | None, after: str = "") -> dict:
        """Previous and next claim in this reviewer's queue (the claim's year). A claim just decided
        has left the queue: "next" is then the claim that followed it (`after`, carried by the
        form), or the first one still waiting."""
        keys = [(q["person_id"], q["claim_id"]) for q in my_queue(user, year)]
        if key in keys:
            here = keys.index(key)
            return dict(prev=keys[here - 1] if here else None, next=keys[here + 1] if here + 1 < len(keys) else None)
        wanted = tuple(after.split("/", 1)) if "/" in after else None
        return dict(prev=None, next=wanted if wanted in keys else (keys[0] if keys else None))

    def claim_page(request: Request, user: User, person_id: str, claim_id: str, error: str = "",
                   notice: str = "", status: int = 200, after: str = "") -> HTMLResponse:
        c = load_claim(user, person_id, claim_id)
        docx_pages = [(d["doc_id"], p["page"]) for d in c["documents"] if not has_image(d["file_type"])
                      for p in d["page_rows"]]
        wdb.record_views(db, user.username, person_id, claim_id, docx_pages)  # their text is on this page
        for d in c["documents"]:
            for p in d["page_rows"]:
                p["boxes"] = field_boxes(d["fields"], p)
        return page(request, "claim.html", user, status=status, c=c, nav=claim_nav(user, (person_id, claim_id), c["year"], after),
                    error=error, notice=notice, may_decide=can_decide(user, c["unit"]) and c["next_level"] == user.level,
                    has_image=has_image)

    @app.get("/claims/{person_id}/{claim_id}", response_class=HTMLResponse)
    def claim_view(request: Request, person_id: str, claim_id: str, done: str = "", after: str = ""):
        user = current_user(request)
        return claim_page(request, user, person_id, claim_id, after=after,
                          notice="审核结论已记录 (decision recorded)" if done else "")

    @app.post("/claims/{person_id}/{claim_id}/decide")
    def claim_decide(request: Request, person_id: str, claim_id: str, csrf: str = Form(""),
                     decision: str = Form(""), hours: str = Form(""), reason: str = Form(""), after: str = Form("")):
        user = current_user(request)
        check_csrf(request, csrf)
        c = load_claim(user, person_id, claim_id)
        if not can_decide(user, c["unit"]):
            raise HTTPException(403, "本账号只读，不能审核 (this role cannot decide)")
        try:
            value = float(hours) if hours.strip() else None
        except ValueError:
            value = None
        try:
            wdb.decide(db, user.username, user.level, person_id, claim_id, decision, value, reason)
        except wdb.DecisionRefused as exc:
            return claim_page(request, user, person_id, claim_id, error=str(exc), status=409, after=after)
        query = urlencode({"done": 1, "after": after} if after else {"done": 1})
        return RedirectResponse(f"/claims/{quote(person_id)}/{quote(claim_id)}?{query}", status_code=303)

    @app.get("/evidence/{doc_id}/{page}.jpg")
    def evidence(request: Request, doc_id: str, page: int):
        user = current_user(request)
        doc = wdb.document(db, doc_id)
        if doc is None:
            raise HTTPException(404, "no such document")
        if not can_see_unit(user, doc["unit"]):
            raise HTTPException(403, "无权查看其他单位的证明材料 (not your unit's evidence)")
        try:
            image = page_jpeg(root, doc, page, mask=not user.sees_ids)
        except EvidenceError as exc:
            raise HTTPException(404, str(exc))
        wdb.record_views(db, user.username, doc["person_id"], doc["claim_id"], [(doc_id, page)])
        return Response(image, media_type="image/jpeg", headers={"Cache-Control": "private, no-store"})

    # ---- overview and exports -------------------------------------------------------------

    @app.get("/overview", response_class=HTMLResponse)
    def overview(request: Request, year: str = ""):
        user = current_user(request)
        chosen, years, year = pick_year(year)
        data = wdb.overview(db, chosen)
        pending = [q for q in wdb.queue(db) if can_see_unit(user, q["unit"]) and (chosen is None or q["year"] == chosen)]
        ages = [age(q.get("level_since"), today) for q in pending]
        return page(request, "overview.html", user, charts=charts.build(user, data, ages, wdb.review_days(db)),
                    years=years, year=year)

    @app.get("/export/{what}.{fmt}")
    def export(request: Request, what: str, fmt: str, unit: str = "", person: str = ""):
        user = current_user(request)
        if what not in ("claims", "persons") or fmt not in ("csv", "xlsx"):
            raise HTTPException(404, "no such export")
        if unit and not can_see_unit(user, unit):
            raise HTTPException(403, "无权导出其他单位的数据 (not your unit)")
        table = exports.table(db, user, what, unit, person)
        body, media = exports.render(table, what, fmt)
        name = "-".join(x for x in (what, unit, person) if x) + "." + fmt
        return Response(body, media_type=media,
                        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"})

    app.state.db, app.state.root, app.state.roles = db, root, ROLES
    return app
