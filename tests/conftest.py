"""Shared fixtures: a Prefect test harness, and small generated evidence folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
RAW = REPO / "data" / "raw"


@pytest.fixture(scope="session")
def prefect_harness():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def small_sample(tmp_path_factory) -> Path:
    """A small rendered evidence folder (scans, photos, born-digital PDFs, a DOCX, bad files)."""
    from samplegen import generate

    root = tmp_path_factory.mktemp("sample") / "raw"
    generate(root, n_claims=10, seed=7, year=2023, families=("A", "B"), include_seeds=False, include_bad=True)
    return root


@pytest.fixture(scope="session")
def sample_run_db(prefect_harness, tmp_path_factory) -> Path:
    """The bundled sample (data/raw) through the whole flow with live OCR, once per test session
    (shared by tests/test_sample_run.py and the review app's browser test). Read it, or copy it
    before writing to it."""
    from flows.batch import batch_flow

    db = tmp_path_factory.mktemp("sample-run") / "cehours.duckdb"
    batch_flow(root=str(RAW), year=2023, db=str(db), progress=False)
    return db
