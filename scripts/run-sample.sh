#!/usr/bin/env bash
# Set up, then run the batch flow on the bundled sample folder into data/curated/cehours.duckdb.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
exec cehours run data/raw --year 2023 --db data/curated/cehours.duckdb "$@"
