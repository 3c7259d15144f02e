"""The one-way flow readers → layout → extract → writers, checked on the import graph of avis.

Every ``import`` statement of every module counts, including those inside functions (lazy
imports are still dependencies). Module-level imports must also form no cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path, top_level_only: bool) -> set[str]:
    """avis modules imported by the file (``from pkg import name`` counts as ``pkg.name`` when
    that is a module, else as ``pkg``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {m for m in found if m == "avis" or m.startswith("avis.")}


def _graph(top_level_only: bool) -> dict[str, set[str]]:
    files = {_module_name(p): p for p in SRC.joinpath("avis").rglob("*.py")}
    return {
        name: {m for m in _imports(path, top_level_only) if m in files and m != name}
        for name, path in files.items()
    }


def _in(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


FORBIDDEN = [
    ("avis.readers", "avis.extract"),
    ("avis.readers", "avis.writers"),
    ("avis.extract", "avis.readers"),
    ("avis.extract", "avis.writers"),
    ("avis.layout", "avis.readers"),
    ("avis.layout", "avis.extract"),
    ("avis.layout", "avis.writers"),
]


def test_the_graph_sees_lazy_imports_and_the_layout_stage() -> None:
    graph = _graph(top_level_only=False)
    assert "avis.readers.pdf.plumber" in graph["avis.readers.pdf"]  # imported in a function
    assert "avis.readers.pdf.plumber" not in _graph(top_level_only=True)["avis.readers.pdf"]
    assert "avis.layout" in graph["avis.readers.pdf"]
    assert any(_in(m, "avis.layout") for m in graph["avis.extract.notice"])


@pytest.mark.parametrize(("importer", "imported"), FORBIDDEN)
def test_stages_import_only_downstream(importer: str, imported: str) -> None:
    graph = _graph(top_level_only=False)
    wrong = sorted(
        f"{src} imports {dst}"
        for src, targets in graph.items()
        if _in(src, importer)
        for dst in targets
        if _in(dst, imported)
    )
    assert not wrong, "\n".join(wrong)


def test_no_import_cycle_at_module_level() -> None:
    """A cycle of module-level imports breaks depending on which module is imported first."""
    graph = _graph(top_level_only=True)
    # A package's __init__ runs before its submodules: an edge from a submodule to its own
    # package is how Python imports work, not a cycle to report, unless __init__ imports back.
    state: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    assert not cycles, "\n".join(" → ".join(c) for c in cycles)


def test_readers_are_found_through_their_registry_not_a_chain() -> None:
    """Every reader module declares a spec; detection order is the registry's."""
    import importlib

    from avis.readers import READER_MODULES, ReaderSpec, reader_specs

    specs = list(reader_specs())
    assert [s.name for s in specs] == [
        importlib.import_module(m).READER.name for m in READER_MODULES
    ]
    assert all(isinstance(s, ReaderSpec) for s in specs)
    assert len({s.name for s in specs}) == len(specs)
