"""The batch flow against a real Prefect server when PREFECT_API_URL is set: the run is
recorded there, by the `cehours run` command line."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.e2e


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _post(url: str, body: dict) -> list:
    req = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"content-type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.load(resp)


@pytest.fixture()
def prefect_server(tmp_path):
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"), PREFECT_UI_ENABLED="false",
               PREFECT_SERVER_ANALYTICS_ENABLED="false")
    log = open(tmp_path / "server.log", "wb")
    proc = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                             "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT)
    api = f"http://127.0.0.1:{port}/api"
    try:
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"{api}/health", timeout=2):
                    break
            except OSError:
                time.sleep(1)
        else:
            pytest.fail("Prefect server did not start: " + (tmp_path / "server.log").read_text()[-2000:])
        yield api, env
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


def test_cli_run_is_recorded_on_the_server(prefect_server, small_sample, tmp_path):
    api, env = prefect_server
    db = tmp_path / "x.duckdb"
    cehours = Path(sys.executable).with_name("cehours")
    done = subprocess.run([str(cehours), "run", str(small_sample), "--year", "2023", "--db", str(db),
                           "--engine", "null", "--no-progress"],
                          env={**env, "PREFECT_API_URL": api}, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "claims per category" in done.stdout
    flows = {f["id"]: f["name"] for f in _post(f"{api}/flows/filter", {})}
    runs = _post(f"{api}/flow_runs/filter", {})
    assert [(flows[r["flow_id"]], r["state_type"]) for r in runs] == [("cehours-batch", "COMPLETED")]
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT status FROM runs").fetchall() == [("landed",)]
