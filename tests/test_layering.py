"""Imports go one way: flows → webapp → pipeline → extractors → schemas. Prefect stays in
flows/; the review app (webapp/) reads and writes through pipeline's store and schemas only."""

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# package -> top-level modules it must never import
FORBIDDEN = {
    "schemas": {"pipeline", "extractors", "flows", "samplegen", "prefect", "webapp"},
    "extractors": {"pipeline", "flows", "samplegen", "prefect", "webapp"},
    "pipeline": {"flows", "samplegen", "prefect", "webapp"},
    "samplegen": {"pipeline", "extractors", "flows", "prefect", "webapp"},
    "webapp": {"flows", "samplegen", "prefect", "extractors"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_imports_go_one_way(package):
    bad = {}
    for path in sorted((REPO / package).rglob("*.py")):
        hits = _imports(path) & FORBIDDEN[package]
        if hits:
            bad[str(path.relative_to(REPO))] = sorted(hits)
    assert bad == {}
