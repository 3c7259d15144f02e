"""The schemas avis ships and the validators built from them — nothing fetched, ever.

Schemas live inside the package (``avis/data/schemas``, read with :mod:`importlib.resources`);
``schemas/`` at the repository root is the published copy of the same tree. JSON Schema
``$ref`` resolve through a pre-filled :mod:`referencing` registry, XSD imports through local
files with network off. Each writer module declares its :class:`PublishedSchema` and uses the
helpers here to validate its output; :mod:`avis.validate` lists them from the registry.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

HROPEN_ROOT = "third_party/hropen/catalog/www.hropenstandards.org"
_HROPEN_BASE = "https://www.hropenstandards.org/"


@dataclass(frozen=True, slots=True)
class PublishedSchema:
    """One schema ``avis schema NAME`` prints."""

    name: str
    path: str | None
    """File under ``avis/data/schemas`` (None: generated from the model)."""
    kind: str
    """The output format it validates (a ``--to`` name, or ``alto``)."""
    official: bool
    summary: str


def schema_root() -> Traversable:
    """The packaged ``schemas`` directory."""
    return files("avis").joinpath("data", "schemas")


def schema_file(path: str) -> Path:
    """A packaged schema as a filesystem path (lxml resolves imports relative to it)."""
    return Path(str(schema_root().joinpath(*path.split("/"))))


def strip_bom(data: bytes) -> bytes:
    return data[3:] if data.startswith(b"\xef\xbb\xbf") else data


@cache
def _xml_schema(path: str) -> Any:
    from lxml import etree

    parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
    return etree.XMLSchema(etree.parse(str(schema_file(path)), parser))


def xsd_problems(root: Any, path: str) -> list[str]:
    """Problems of a parsed XML tree against the packaged XSD at ``path``."""
    schema = _xml_schema(path)
    if schema.validate(root):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


def xml_problems(data: bytes, path: str) -> list[str]:
    """Problems of XML bytes (parsed safely) against the packaged XSD at ``path``."""
    from avis.errors import AvisError
    from avis.writers.safe_xml import safe_parse

    try:
        root = safe_parse(data)
    except AvisError as exc:
        return [exc.message]
    return xsd_problems(root, path)


@cache
def draft2020_validator(path: str) -> Any:
    """A Draft 2020-12 validator (formats checked) for a self-contained packaged schema."""
    from jsonschema import Draft202012Validator

    schema = json.loads(schema_file(path).read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _walk(node: Traversable, prefix: str) -> Iterator[tuple[str, Traversable]]:
    for child in node.iterdir():
        rel = f"{prefix}{child.name}"
        if child.is_dir():
            yield from _walk(child, rel + "/")
        elif child.name.endswith(".json"):
            yield rel, child


@cache
def hropen_validator(entry: str) -> Any:
    """Draft-04 validator whose registry holds every shipped HR Open file — no retrieval."""
    from jsonschema import Draft4Validator
    from referencing import Registry
    from referencing.jsonschema import DRAFT4

    root = schema_root().joinpath(*HROPEN_ROOT.split("/"))
    resources = [
        (_HROPEN_BASE + rel, DRAFT4.create_resource(json.loads(f.read_text(encoding="utf-8"))))
        for rel, f in _walk(root, "")
    ]
    registry: Registry[Any] = Registry().with_resources(resources)
    ref = {"$ref": _HROPEN_BASE + entry}
    return Draft4Validator(ref, registry=registry, format_checker=Draft4Validator.FORMAT_CHECKER)


def json_problems(validator: Any, data: bytes) -> list[str]:
    """Problems of JSON bytes against a jsonschema validator (``$.path: message``)."""
    try:
        doc = json.loads(strip_bom(data))
    except ValueError as exc:
        return [f"not JSON: {exc}"]
    problems = []
    for error in sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path))):
        message = error.message if len(error.message) <= 240 else error.message[:237] + "…"
        problems.append(f"{error.json_path}: {message}")
    return problems
