"""The extractor registry: exactly one pure extractor per document kind."""

import ast
from pathlib import Path

import extractors
from extractors import EXTRACTORS, extract
from extractors._base import doc_from_text
from schemas.kinds import DocKind

EXTRACTORS_DIR = Path(extractors.__file__).parent


def test_every_kind_has_exactly_one_extractor():
    assert set(EXTRACTORS) == set(DocKind)
    assert len(EXTRACTORS) == len(DocKind)
    for kind in DocKind:
        assert (EXTRACTORS_DIR / f"{kind.value}.py").exists(), kind


def test_every_extractor_runs_on_empty_and_plain_text():
    for kind, fn in EXTRACTORS.items():
        assert isinstance(fn(doc_from_text("")), list), kind
        for f in fn(doc_from_text("这是一段与任何材料无关的文字。\n第二行")):
            assert f.name and isinstance(f.value, str) and 0 <= f.confidence <= 1, (kind, f)


def test_unknown_kind_reads_as_other():
    assert extract("no_such_kind", doc_from_text("姓名：王小明")) == extract(DocKind.other, doc_from_text("姓名：王小明"))


def test_extractors_do_no_io_and_import_one_way():
    forbidden = {"pipeline", "flows", "prefect", "open", "requests", "urllib", "pathlib", "os", "subprocess"}
    for path in EXTRACTORS_DIR.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom):
                names = {(node.module or "").split(".")[0]}
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                names = {node.func.id} & {"open"}
            else:
                continue
            assert not names & forbidden, (path.name, names)
