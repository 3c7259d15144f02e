"""Independent schema checks for writer tests: straight lxml / jsonschema on the published
``schemas/`` copy, so a bug in ``avis.validate`` cannot hide a bug in a writer."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
from lxml import etree
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"
HROPEN = SCHEMAS / "third_party/hropen/catalog/www.hropenstandards.org"
HROPEN_BASE = "https://www.hropenstandards.org/"

XSD = {
    "xml": "avis-notice.xsd",
    "feed": "third_party/derived/indeed-feed.DERIVED.xsd",
    "dc": "third_party/dublin-core/qualifieddc.xsd",
}


@cache
def xml_schema(kind: str) -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.parse(str(SCHEMAS / XSD[kind]), parser))


@cache
def json_validator(kind: str) -> Any:
    if kind == "jsonld":
        path = SCHEMAS / "third_party/derived/google-jobposting-profile.schema.json"
        schema = json.loads(path.read_text(encoding="utf-8"))
        return jsonschema.Draft202012Validator(
            schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
        )
    if kind == "json":
        schema = json.loads((SCHEMAS / "notice.schema.json").read_text(encoding="utf-8"))
        return jsonschema.Draft202012Validator(
            schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
        )
    resources = [
        (
            HROPEN_BASE + p.relative_to(HROPEN).as_posix(),
            Resource(json.loads(p.read_text(encoding="utf-8")), DRAFT4),
        )
        for p in HROPEN.rglob("*.json")
    ]
    registry: Registry[Any] = Registry().with_resources(resources)
    return jsonschema.Draft4Validator(
        {"$ref": HROPEN_BASE + "recruiting/json/PositionOpeningType.json"},
        registry=registry,
        format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER,
    )


def schema_errors(kind: str, data: bytes) -> list[str]:
    """Errors of ``data`` against the published schema of ``kind`` (csv: none defined)."""
    if kind in XSD:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        schema = xml_schema(kind)
        if schema.validate(etree.fromstring(data, parser)):
            return []
        return [str(e) for e in schema.error_log]
    if kind in ("json", "jsonld", "hropen"):
        doc = json.loads(data)
        return [f"{e.json_path}: {e.message}" for e in json_validator(kind).iter_errors(doc)]
    return []
