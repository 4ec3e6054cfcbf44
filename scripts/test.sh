#!/usr/bin/env bash
# Set up, then run the whole test suite (live OCR and the Prefect flow included).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
exec python -m pytest -q "$@"
