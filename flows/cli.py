"""`cehours` command line. Thin: parses arguments and calls flows or pipeline functions."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

DEFAULT_DB = "data/curated/cehours.duckdb"


def _quiet_prefect() -> None:
    # Ephemeral mode: no server process to talk to unless PREFECT_API_URL says so.
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")


def cmd_run(args: argparse.Namespace) -> int:
    root = Path(args.root)
    if not root.is_dir():
        print(f"error: {root} is not a folder", file=sys.stderr)
        return 2
    from pipeline.policy.engine import PolicyError, load_policy

    try:
        load_policy(args.policy)  # a bad policy file fails here, with its reason, before any work
    except PolicyError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    _quiet_prefect()
    from flows.batch import batch_flow
    from pipeline.summary import render

    summary = batch_flow(root=str(root), year=args.year, db=args.db, ocr_engine=args.engine,
                         policy_path=args.policy, workers=args.workers,
                         progress=not args.no_progress)
    print(json.dumps(summary, ensure_ascii=False, default=str, indent=1) if args.json else render(summary))
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    from samplegen import generate

    labels = generate(Path(args.out), n_claims=args.claims, seed=args.seed, year=args.year,
                      families=tuple(args.families.split(",")), include_seeds=not args.no_seeds,
                      include_bad=not args.no_bad)
    print(f"wrote {len(labels['documents'])} documents in {len(labels['claims'])} claims to {args.out}")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    import tempfile

    from pipeline import evaluate

    folder = Path(args.folder)
    labels = evaluate.load_labels(folder)
    year = args.year or labels.get("generator", {}).get("year") or 2023
    db = Path(args.db) if args.db else Path(tempfile.mkdtemp(prefix="cehours-eval-")) / "eval.duckdb"
    _quiet_prefect()
    from flows.batch import batch_flow
    from pipeline.store import copy_text_cache

    if args.cache:  # reuse text (OCR) from earlier evaluations of the same files
        copy_text_cache(Path(args.cache), db)
    batch_flow(root=str(folder), year=year, db=str(db), ocr_engine=args.engine, policy_path=args.policy,
               workers=args.workers, progress=not args.no_progress)
    if args.cache:
        copy_text_cache(db, Path(args.cache))
    report = evaluate.evaluate(db, labels)
    if args.json:
        print(json.dumps(evaluate.summary_figures(report), indent=1))
    else:
        print(f"evaluated {folder} (database {db})")
        print(evaluate.render(report, misses=args.misses))
    return 0


def _load_register(args: argparse.Namespace, read, land, what: str) -> int:
    """Read a CSV register with `read`, report skipped rows, land it with `land`."""
    from pipeline.plans import PlanFileError

    try:
        frame, problems = read(Path(args.csv))
    except (PlanFileError, OSError, UnicodeDecodeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for p in problems:
        print(f"skipped: {p}", file=sys.stderr)
    n = land(Path(args.db), frame)
    print(f"loaded {n} {what} from {args.csv} into {args.db} ({len(problems)} rows skipped)")
    return 0


def cmd_load_plans(args: argparse.Namespace) -> int:
    """Load an HR filing register (CSV) into plan_filings; later runs count its trainings."""
    from pipeline.plans import read_plan_csv
    from pipeline.store import load_csv_plans

    return _load_register(args, read_plan_csv, load_csv_plans, "filed trainings")


def cmd_load_public(args: argparse.Namespace) -> int:
    """Load public-subject hours (platform export: person_id, year, hours) into public_hours."""
    from pipeline.plans import read_public_csv
    from pipeline.store import load_public_hours

    return _load_register(args, read_public_csv, load_public_hours, "public-hours rows")


def cmd_policies(args: argparse.Namespace) -> int:
    """The bundled policies with their annual requirement and calendar."""
    from pipeline.policy.engine import RULES_DIR, load_policy

    for f in sorted(RULES_DIR.glob("*.toml")):
        pol = load_policy(f)
        a, cal = pol.annual, pol.calendar
        parent = pol.meta.get("extends")
        print(f"{pol.id:20s} {pol.name}")
        print(f"{'':20s} total {a.get('required_hours')} / public {a.get('public_hours', '—')} "
              f"(compulsory {a.get('compulsory_hours', '—')}) / professional {a.get('professional_hours')}"
              + "".join(f"; {k} {v}" for k, v in cal.items()) + (f"; extends {parent}" if parent else ""))
    return 0


def cmd_bench_ocr(args: argparse.Namespace) -> int:
    from pipeline.bench_ocr import main as bench_main

    return bench_main(args.rest)


def cmd_train_textcat(args: argparse.Namespace) -> int:
    """Train the spaCy document-kind classifier on a labelled folder's cached texts."""
    from pipeline.textcat import load_labelled, train_and_save

    examples = load_labelled(Path(args.folder), Path(args.cache))
    if not examples:
        print(f"error: no texts of {args.folder} in {args.cache} (run `cehours eval --cache` first)", file=sys.stderr)
        return 2
    summary = train_and_save(examples, Path(args.out), arch=args.arch, epochs=args.epochs, seed=args.seed)
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    return 0


def _last_run_root(db: Path) -> Path | None:
    """The folder the latest landed run read (runs.root), for `serve` without --root."""
    if not db.exists():
        return None
    from pipeline.store import connect

    with connect(db, read_only=True) as con:
        row = con.execute("SELECT root FROM runs WHERE status = 'landed' ORDER BY started_at DESC LIMIT 1").fetchone()
    return Path(row[0]) if row else None


def cmd_serve(args: argparse.Namespace) -> int:
    """Start the reviewers' web app on localhost (webapp/)."""
    import uvicorn

    from webapp import create_app

    root = Path(args.root) if args.root else _last_run_root(Path(args.db))
    if root is None or not root.is_dir():
        print(f"error: {root or 'no evidence folder'} is not a folder (give --root <the folder `cehours run` read>)",
              file=sys.stderr)
        return 2
    secret = os.environ.get("CEHOURS_SECRET_KEY")  # keeps sessions across restarts; random otherwise
    app = create_app(Path(args.db), root, secret=secret.encode() if secret else None,
                     secure_cookies=not args.insecure_cookies)
    print(f"cehours review app: http://{args.host}:{args.port}/  (database {args.db}, evidence {root})")
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def cmd_user_add(args: argparse.Namespace) -> int:
    """Create a reviewer account; the password comes from a prompt or standard input."""
    from webapp.access import ROLES
    from webapp.auth import hash_password
    from webapp.db import add_account

    if args.role not in ROLES:
        print(f"error: role must be one of {', '.join(ROLES)}", file=sys.stderr)
        return 2
    if args.role == "employer" and not args.unit:
        print("error: an employer reviewer needs at least one --unit", file=sys.stderr)
        return 2
    password = _read_new_password(args)
    if password is None:
        return 2
    try:
        add_account(Path(args.db), args.name, args.role, args.unit or [], hash_password(password))
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"added {args.role} reviewer {args.name}" + (f" for {', '.join(args.unit)}" if args.unit else ""))
    return 0


def _read_new_password(args: argparse.Namespace) -> str | None:
    """The password from standard input (--password-stdin, or any non-terminal stdin) or a prompt;
    None (with the reason printed) when it is refused."""
    import getpass

    if getattr(args, "password_stdin", False) or not sys.stdin.isatty():
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass(f"password for {args.name}: ")
        if password != getpass.getpass("again: "):
            print("error: passwords differ", file=sys.stderr)
            return None
    if len(password) < 8:
        print("error: the password needs at least 8 characters", file=sys.stderr)
        return None
    return password


def cmd_user_passwd(args: argparse.Namespace) -> int:
    """Set a reviewer's password (from standard input or a prompt); their open sessions end."""
    from webapp.auth import hash_password
    from webapp.db import set_password

    password = _read_new_password(args)
    if password is None:
        return 2
    try:
        set_password(Path(args.db), args.name, hash_password(password))
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"password changed for {args.name}; their open sessions have ended")
    return 0


def cmd_user_disable(args: argparse.Namespace) -> int:
    """Disable (or, with `enable`, re-enable) an account: no login, and open sessions stop working."""
    from webapp.db import set_disabled

    disable = args.user_command == "disable"
    try:
        set_disabled(Path(args.db), args.name, disable)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"{'disabled' if disable else 'enabled'} {args.name}")
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    from webapp.db import list_accounts

    for a in list_accounts(Path(args.db)):
        state = "disabled" if a["disabled"] else "active"
        print(f"{a['username']}\t{a['role']}\t{state}\t{', '.join(a['units'])}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cehours", description="Continuing-education hour evidence pipeline")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="run the batch flow over an evidence folder")
    run.add_argument("root")
    run.add_argument("--year", type=int, required=True)
    run.add_argument("--db", default=DEFAULT_DB)
    run.add_argument("--engine", default=None, help="OCR engine: rapid (default), paddle, null")
    run.add_argument("--policy", default=None,
                     help="policy file (TOML) or bundled policy id (see `cehours policies`); default luohe_2018")
    run.add_argument("--workers", type=int, default=None, help="OCR worker processes (default: 2)")
    run.add_argument("--no-progress", action="store_true")
    run.add_argument("--json", action="store_true", help="print the summary as JSON")
    run.set_defaults(func=cmd_run)

    gen = sub.add_parser("generate", help="render a labelled sample evidence folder")
    gen.add_argument("out")
    gen.add_argument("--claims", type=int, default=30)
    gen.add_argument("--seed", type=int, default=1)
    gen.add_argument("--year", type=int, default=2023)
    gen.add_argument("--families", default="A,B", help="template families, e.g. A,B or C (held out)")
    gen.add_argument("--no-seeds", action="store_true")
    gen.add_argument("--no-bad", action="store_true")
    gen.set_defaults(func=cmd_generate)

    ev = sub.add_parser("eval", help="run the pipeline on a labelled folder and print accuracy figures")
    ev.add_argument("folder")
    ev.add_argument("--db", default=None, help="database to use (default: a new temporary one)")
    ev.add_argument("--year", type=int, default=None, help="default: the labels' generator year")
    ev.add_argument("--engine", default=None)
    ev.add_argument("--policy", default=None)
    ev.add_argument("--workers", type=int, default=None)
    ev.add_argument("--cache", default=None,
                    help="a DuckDB file keeping OCR text between evaluations (re-evaluating skips OCR)")
    ev.add_argument("--misses", type=int, default=15, help="how many misses to list")
    ev.add_argument("--no-progress", action="store_true")
    ev.add_argument("--json", action="store_true", help="print only the summary figures as JSON")
    ev.set_defaults(func=cmd_eval)

    tc = sub.add_parser("train-textcat", help="train the spaCy document-kind classifier (see pipeline/textcat.py)")
    tc.add_argument("folder", help="a labelled folder (labels.json)")
    tc.add_argument("--cache", required=True, help="DuckDB file whose text_cache holds the folder's texts")
    tc.add_argument("--out", required=True, help="where to write the spaCy pipeline")
    tc.add_argument("--arch", default="cnn", choices=("cnn", "bow"))
    tc.add_argument("--epochs", type=int, default=25)
    tc.add_argument("--seed", type=int, default=0)
    tc.set_defaults(func=cmd_train_textcat)

    lp = sub.add_parser("load-plans", help="load a filed-plan register (CSV) into plan_filings")
    lp.add_argument("csv")
    lp.add_argument("--db", default=DEFAULT_DB)
    lp.set_defaults(func=cmd_load_plans)

    lpub = sub.add_parser("load-public", help="load public-subject hours (CSV: person_id, year, hours)")
    lpub.add_argument("csv")
    lpub.add_argument("--db", default=DEFAULT_DB)
    lpub.set_defaults(func=cmd_load_public)

    pol = sub.add_parser("policies", help="list the bundled policies")
    pol.set_defaults(func=cmd_policies)

    bench = sub.add_parser("bench-ocr", help="seconds per page and CER of each OCR engine")
    bench.add_argument("rest", nargs=argparse.REMAINDER)
    bench.set_defaults(func=cmd_bench_ocr)

    serve = sub.add_parser("serve", help="start the reviewers' web app")
    serve.add_argument("--db", default=DEFAULT_DB)
    serve.add_argument("--root", default=None,
                       help="the evidence folder the documents were read from (default: the latest run's folder)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--insecure-cookies", action="store_true",
                       help="send the session cookie over plain http to a non-localhost host (testing only)")
    serve.set_defaults(func=cmd_serve)

    user = sub.add_parser("user", help="reviewer accounts")
    usub = user.add_subparsers(dest="user_command", required=True)
    uadd = usub.add_parser("add", help="create a reviewer account")
    uadd.add_argument("name")
    uadd.add_argument("--role", required=True, help="employer | department | hr | analyst")
    uadd.add_argument("--unit", action="append", help="a unit the reviewer may see (repeat for more)")
    uadd.add_argument("--db", default=DEFAULT_DB)
    uadd.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    uadd.set_defaults(func=cmd_user_add)
    upw = usub.add_parser("passwd", help="set a reviewer's password (standard input or a prompt); ends their sessions")
    upw.add_argument("name")
    upw.add_argument("--db", default=DEFAULT_DB)
    upw.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    upw.set_defaults(func=cmd_user_passwd)
    for verb, text in (("disable", "disable an account (no login; open sessions stop working)"),
                       ("enable", "enable a disabled account again")):
        u = usub.add_parser(verb, help=text)
        u.add_argument("name")
        u.add_argument("--db", default=DEFAULT_DB)
        u.set_defaults(func=cmd_user_disable)
    ulist = usub.add_parser("list", help="list reviewer accounts")
    ulist.add_argument("--db", default=DEFAULT_DB)
    ulist.set_defaults(func=cmd_user_list)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
