"""Check avis's outputs against their schemas, and publish those schemas.

Schemas ship inside the package (``avis/data/schemas``, loaded with :mod:`importlib.resources`)
so an installed avis validates offline; ``schemas/`` at the repository root is the published
copy of the same tree. Nothing is ever fetched: JSON Schema ``$ref`` resolve through a
pre-filled :mod:`referencing` registry, XSD imports through local files with network off.

``validate_output(data, kind)`` returns human-readable problems (``where: what``), empty when
the document is valid; ``kind`` is detected from the content when not given.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from avis.errors import AvisError, UsageError

KINDS: tuple[str, ...] = ("json", "jsonld", "hropen", "xml", "feed", "csv", "dc", "alto")
ALTO_NS = "http://www.loc.gov/standards/alto/ns-v4#"
NOTICE_NS = "urn:avis:notice:1"
_HROPEN_ROOT = "third_party/hropen/catalog/www.hropenstandards.org"
_HROPEN_BASE = "https://www.hropenstandards.org/"


@dataclass(frozen=True, slots=True)
class PublishedSchema:
    """One schema ``avis schema NAME`` prints."""

    name: str
    path: str | None
    """File under ``avis/data/schemas`` (None: generated from the model)."""
    kind: str
    """The output kind it validates."""
    official: bool
    summary: str


SCHEMAS: tuple[PublishedSchema, ...] = (
    PublishedSchema(
        "notice-json",
        None,
        "json",
        True,
        "avis Notice JSON Schema, generated from the model (avis.notice_schema)",
    ),
    PublishedSchema("notice-xsd", "avis-notice.xsd", "xml", True, "avis Notice XML (XSD)"),
    PublishedSchema(
        "google-jobposting",
        "third_party/derived/google-jobposting-profile.schema.json",
        "jsonld",
        False,
        "schema.org JobPosting, Google for Jobs profile — DERIVED, NOT OFFICIAL",
    ),
    PublishedSchema(
        "hropen-positionopening",
        _HROPEN_ROOT + "/recruiting/json/PositionOpeningType.json",
        "hropen",
        True,
        "HR Open Standards 4.x PositionOpeningType (draft-04; $refs in the same tree)",
    ),
    PublishedSchema(
        "indeed-feed",
        "third_party/derived/indeed-feed.DERIVED.xsd",
        "feed",
        False,
        "Indeed-style XML job feed — DERIVED, NOT OFFICIAL (Indeed publishes no XSD)",
    ),
    PublishedSchema(
        "dublin-core",
        "third_party/dublin-core/qualifieddc.xsd",
        "dc",
        True,
        "DCMI qualified Dublin Core container (2008 XSDs)",
    ),
    PublishedSchema(
        "alto",
        "third_party/alto/alto-4-4.offline.xsd",
        "alto",
        True,
        "ALTO 4.4 OCR layout (XLink import made local)",
    ),
)


# ---- schema files ----------------------------------------------------------------------------


def schema_root() -> Traversable:
    """The packaged ``schemas`` directory."""
    return files("avis").joinpath("data", "schemas")


def _schema_file(path: str) -> Path:
    """A packaged schema as a filesystem path (lxml resolves imports relative to it)."""
    return Path(str(schema_root().joinpath(*path.split("/"))))


def schema_names() -> list[str]:
    """Names ``avis schema NAME`` accepts."""
    return [s.name for s in SCHEMAS]


def list_schemas() -> list[PublishedSchema]:
    """Every schema avis publishes, with whether it is official."""
    return list(SCHEMAS)


def schema_listing() -> str:
    """A table of the published schemas, for ``avis schema`` without a name."""
    width = max(len(s.name) for s in SCHEMAS)
    lines = [
        f"{s.name:<{width}}  {s.kind:<6}  {'official' if s.official else 'DERIVED'}  {s.summary}"
        for s in SCHEMAS
    ]
    return "\n".join(lines) + "\n"


def _published(name: str) -> PublishedSchema:
    for schema in SCHEMAS:
        if schema.name == name:
            return schema
    raise UsageError(f"unknown schema {name!r}; known schemas: {', '.join(schema_names())}")


def schema_text(name: str) -> str:
    """The text of a published schema, for ``avis schema NAME``.

    ``notice-json`` is generated from the model on the spot (so always current); the copies
    in ``schemas/`` and ``avis/data/schemas/`` are checked against it by the tests.
    """
    schema = _published(name)
    if schema.path is None:
        from avis.notice_schema import notice_schema_text

        return notice_schema_text()
    return _schema_file(schema.path).read_text(encoding="utf-8")


# ---- validators ----------------------------------------------------------------------------


@cache
def _xml_schema(name: str) -> Any:
    from lxml import etree

    path = _schema_file(_published(name).path or "")
    parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
    return etree.XMLSchema(etree.parse(str(path), parser))


def xsd_problems(root: Any, name: str) -> list[str]:
    """Problems of a parsed XML tree against the published XSD ``name``."""
    schema = _xml_schema(name)
    if schema.validate(root):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


@cache
def _google_validator() -> Any:
    from jsonschema import Draft202012Validator

    path = _published("google-jobposting").path or ""
    schema = json.loads(_schema_file(path).read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _walk(node: Traversable, prefix: str) -> Iterator[tuple[str, Traversable]]:
    for child in node.iterdir():
        rel = f"{prefix}{child.name}"
        if child.is_dir():
            yield from _walk(child, rel + "/")
        elif child.name.endswith(".json"):
            yield rel, child


@cache
def _hropen_validator() -> Any:
    """Draft-04 validator whose registry holds every shipped HR Open file — no retrieval."""
    from jsonschema import Draft4Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT4

    root = schema_root().joinpath(*_HROPEN_ROOT.split("/"))
    resources = [
        (_HROPEN_BASE + rel, Resource(json.loads(f.read_text(encoding="utf-8")), DRAFT4))
        for rel, f in _walk(root, "")
    ]
    registry: Registry[Any] = Registry().with_resources(resources)
    entry = {"$ref": _HROPEN_BASE + "recruiting/json/PositionOpeningType.json"}
    return Draft4Validator(entry, registry=registry, format_checker=Draft4Validator.FORMAT_CHECKER)


def _json_problems(validator: Any, doc: Any) -> list[str]:
    problems = []
    for error in sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path))):
        message = error.message if len(error.message) <= 240 else error.message[:237] + "…"
        problems.append(f"{error.json_path}: {message}")
    return problems


# ---- detection and validation --------------------------------------------------------------


def _strip_bom(data: bytes) -> bytes:
    return data[3:] if data.startswith(b"\xef\xbb\xbf") else data


def detect_kind(data: bytes) -> str | None:
    """Which avis output these bytes are, from their content; None when unknown."""
    body = _strip_bom(data).lstrip()
    if body.startswith(b"{"):
        try:
            doc = json.loads(body)
        except ValueError:
            return None
        if not isinstance(doc, dict):
            return None
        if doc.get("@type") == "JobPosting" or "@context" in doc:
            return "jsonld"
        if "positionProfiles" in doc or "postingRequester" in doc or "documentId" in doc:
            return "hropen"
        return "json"
    if body.startswith(b"<"):
        from avis.writers.native_xml import safe_parse

        try:
            root = safe_parse(body)
        except AvisError:
            return None
        tag = root.tag if isinstance(root.tag, str) else ""
        if tag == "{" + NOTICE_NS + "}notice":
            return "xml"
        if tag == "source":
            return "feed"
        if tag in ("qualifieddc", "simpledc"):
            return "dc"
        if tag == "{" + ALTO_NS + "}alto":
            return "alto"
        return None
    try:
        first = body.decode("utf-8").splitlines()[0] if body else ""
    except (UnicodeDecodeError, IndexError):
        return None
    return "csv" if first.startswith("reference.id,") else None


def _validate_json_notice(data: bytes) -> list[str]:
    from pydantic import ValidationError

    from avis.model import Notice

    try:
        Notice.model_validate_json(data)
    except ValidationError as exc:
        return [
            f"$.{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" if err["loc"] else err["msg"]
            for err in exc.errors()
        ]
    return []


def _validate_csv(data: bytes) -> list[str]:
    from avis.writers.csv_table import HEADER

    try:
        text = _strip_bom(data).decode("utf-8")
    except UnicodeDecodeError as exc:
        return [f"byte {exc.start}: not UTF-8"]
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows:
        return ["the file is empty (no header row)"]
    problems = []
    if tuple(rows[0]) != HEADER:
        problems.append("row 1: the header is not avis's column list (see avis.writers.csv_table)")
    for number, cells in enumerate(rows[1:], start=2):
        if len(cells) != len(HEADER):
            problems.append(f"row {number}: {len(cells)} cells, expected {len(HEADER)}")
    return problems


def validate_output(data: bytes, kind: str | None = None) -> list[str]:
    """Problems of an avis output against its schema (``where: what``); [] when valid."""
    if kind is None:
        kind = detect_kind(data)
        if kind is None and _strip_bom(data).lstrip().startswith(b"<"):
            from avis.writers.native_xml import safe_parse

            try:
                safe_parse(data)
            except AvisError as exc:
                return [exc.message]
        if kind is None:
            return [
                "not recognised as an avis output (JSON-LD JobPosting, HR Open PositionOpening, "
                "notice JSON or XML, job feed, Dublin Core, ALTO or CSV)"
            ]
    if kind not in KINDS:
        raise UsageError(f"unknown output kind {kind!r}; known kinds: {', '.join(KINDS)}")
    if kind == "csv":
        return _validate_csv(data)
    if kind == "json":
        return _validate_json_notice(_strip_bom(data))
    if kind in ("jsonld", "hropen"):
        try:
            doc = json.loads(_strip_bom(data))
        except ValueError as exc:
            return [f"not JSON: {exc}"]
        validator = _google_validator() if kind == "jsonld" else _hropen_validator()
        return _json_problems(validator, doc)
    from avis.writers.native_xml import safe_parse

    try:
        root = safe_parse(data)
    except AvisError as exc:
        return [exc.message]
    name = {"xml": "notice-xsd", "feed": "indeed-feed", "dc": "dublin-core", "alto": "alto"}[kind]
    problems = xsd_problems(root, name)
    if kind == "xml" and not problems:
        from avis.writers.native_xml import from_xml

        try:
            from_xml(data)
        except AvisError as exc:
            problems.append(exc.message)
    return problems
