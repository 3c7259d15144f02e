"""Check avis's outputs against their schemas, and publish those schemas.

Everything here is read from the format registry (:data:`avis.writers.FORMATS`): each format
module declares its schemas, how to recognise its output and how to check it, so this module
holds no per-format code. ``validate_output(data, kind)`` returns human-readable problems
(``where: what``), empty when the document is valid; ``kind`` is detected from the content
when not given.
"""

from __future__ import annotations

from avis.errors import AvisError, UsageError
from avis.writers import FORMATS, get_format
from avis.writers.base import Probe
from avis.writers.schemas import PublishedSchema, schema_file, schema_root, strip_bom

__all__ = [
    "KINDS",
    "SCHEMAS",
    "PublishedSchema",
    "detect_kind",
    "list_schemas",
    "schema_listing",
    "schema_names",
    "schema_root",
    "schema_text",
    "validate_output",
]

KINDS: tuple[str, ...] = tuple(f.name for f in FORMATS)
SCHEMAS: tuple[PublishedSchema, ...] = tuple(s for f in FORMATS for s in f.schemas)


def schema_names() -> list[str]:
    """Names ``avis schema NAME`` accepts (a format name gives that format's schema too)."""
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
    lines.append("")
    lines.append("NAME may also be an output format name: " + ", ".join(KINDS))
    return "\n".join(lines) + "\n"


def _published(name: str) -> PublishedSchema:
    key = name.strip().lower()
    for schema in SCHEMAS:
        if schema.name == key:
            return schema
    for schema in SCHEMAS:
        if schema.kind == key:
            return schema
    if key in KINDS:
        raise UsageError(
            f"the {key} format has no published schema (its contract is documented in "
            f"avis.writers); schemas: {', '.join(schema_names())}"
        )
    raise UsageError(
        f"unknown schema {name!r}; known schemas: {', '.join(schema_names())} "
        f"(or a format: {', '.join(KINDS)})"
    )


def schema_text(name: str) -> str:
    """The text of a published schema, by schema name or output format name.

    ``notice-json`` is generated from the model on the spot (so always current); the copies
    in ``schemas/`` and ``avis/data/schemas/`` are checked against it by the tests.
    """
    schema = _published(name)
    if schema.path is None:
        from avis.notice_schema import notice_schema_text

        return notice_schema_text()
    return schema_file(schema.path).read_text(encoding="utf-8")


def detect_kind(data: bytes) -> str | None:
    """Which avis output these bytes are, from their content; None when unknown."""
    probe = Probe.of(data)
    for fmt in FORMATS:
        if fmt.sniff(probe):
            return fmt.name
    return None


def validate_output(data: bytes, kind: str | None = None) -> list[str]:
    """Problems of an avis output against its schema (``where: what``); [] when valid."""
    if kind is None:
        kind = detect_kind(data)
        if kind is None and strip_bom(data).lstrip().startswith(b"<"):
            from avis.writers.safe_xml import safe_parse

            try:
                safe_parse(data)
            except AvisError as exc:
                return [exc.message]
        if kind is None:
            known = "; ".join(f.description for f in FORMATS)
            return [f"not recognised as an avis output (one of: {known})"]
    return get_format(kind).validate(data)
