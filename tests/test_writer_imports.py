"""Stage boundaries on the writer side: writers only map Notice fields, so they import no
reader, extraction, enrich stage or validate module (even lazily), and enrich imports neither
readers nor writers."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "avis"


def imported(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def forbidden(path: Path, prefixes: tuple[str, ...]) -> list[str]:
    return sorted(m for m in imported(path) if m.startswith(prefixes))


@pytest.mark.parametrize("path", sorted((SRC / "writers").glob("*.py")), ids=lambda p: p.name)
def test_writers_import_no_other_stage(path: Path) -> None:
    stages = ("avis.readers", "avis.extract", "avis.enrich", "avis.validate", "avis.pipeline")
    assert forbidden(path, stages) == []


@pytest.mark.parametrize("path", sorted((SRC / "enrich").glob("*.py")), ids=lambda p: p.name)
def test_enrich_imports_neither_readers_nor_writers(path: Path) -> None:
    assert forbidden(path, ("avis.readers", "avis.writers", "avis.extract")) == []


def test_validate_reads_the_registry_and_holds_no_format_code() -> None:
    text = (SRC / "validate.py").read_text(encoding="utf-8")
    for name in ("jsonld", "hropen", "feed", '"dc"', "alto"):
        assert name not in text.split('"""', 2)[2], name
