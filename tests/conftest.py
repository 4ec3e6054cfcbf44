"""Shared fixtures: a Prefect test harness, and small generated evidence folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


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
