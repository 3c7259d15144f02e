"""The schemas avis ships: both copies identical, complete, offline, in step with the model."""

from __future__ import annotations

import filecmp
import json
import posixpath
import types
from pathlib import Path
from typing import Any, Union, get_args, get_origin

import pytest
from lxml import etree
from pydantic import BaseModel

from avis.model import Notice
from avis.notice_schema import notice_schema_text
from avis.validate import list_schemas, schema_listing, schema_names, schema_text

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = ROOT / "schemas"
PACKAGED = ROOT / "src" / "avis" / "data" / "schemas"
XS = "{http://www.w3.org/2001/XMLSchema}"


def _files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def test_published_and_packaged_schemas_are_identical() -> None:
    published, packaged = _files(PUBLISHED), _files(PACKAGED)
    assert published == packaged, (
        "schemas/ and src/avis/data/schemas/ differ in files: "
        f"{sorted(published ^ packaged)} — see schemas/README.md"
    )
    _match, mismatch, errors = filecmp.cmpfiles(PUBLISHED, PACKAGED, sorted(packaged), False)
    assert not mismatch and not errors, f"files differ: {mismatch + errors}"


def test_packaged_notice_json_schema_is_current() -> None:
    assert (PACKAGED / "notice.schema.json").read_text(encoding="utf-8") == notice_schema_text()


def test_every_copied_tree_has_its_sources_and_licences() -> None:
    sources = (PACKAGED / "third_party" / "SOURCES.md").read_text(encoding="utf-8")
    assert "NOT OFFICIAL" in sources
    for name in (
        "hropen/LICENSE-Apache-2.0-1EdTech-repo.txt",
        "dublin-core/LICENCE-CC-BY-3.0.txt",
        "LICENCE-dpres-xml-schemas.rst",
    ):
        assert (PACKAGED / "third_party" / name).is_file(), name
    for derived in (PACKAGED / "third_party" / "derived").iterdir():
        assert derived.name in sources


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [
            r
            for k, v in node.items()
            for r in ([v] if k == "$ref" and isinstance(v, str) else _refs(v))
        ]
    if isinstance(node, list):
        return [r for v in node for r in _refs(v)]
    return []


def test_hropen_refs_all_resolve_locally() -> None:
    base = PACKAGED / "third_party/hropen/catalog/www.hropenstandards.org"
    for path in base.rglob("*.json"):
        rel = path.relative_to(base).as_posix()
        for ref in _refs(json.loads(path.read_text(encoding="utf-8"))):
            target = ref.split("#")[0]
            if not target:
                continue
            assert "://" not in target, (rel, ref)
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(rel), target))
            assert (base / resolved).is_file(), (rel, ref)


def test_xsd_imports_stay_local() -> None:
    for path in PACKAGED.rglob("*.xsd"):
        tree = etree.parse(str(path))
        for el in tree.iter(XS + "import", XS + "include"):
            location = el.get("schemaLocation")
            if location:
                assert "://" not in location
                assert (path.parent / location).is_file(), (path.name, location)


@pytest.mark.parametrize("name", schema_names())
def test_schema_text_for_every_published_name(name: str) -> None:
    text = schema_text(name)
    assert text.strip()
    if text.lstrip().startswith("{"):
        json.loads(text)
    else:
        etree.fromstring(text.encode("utf-8"))


def test_schema_listing_names_every_schema() -> None:
    listing = schema_listing()
    for name in schema_names():
        assert name in listing
    assert listing.count("  DERIVED  ") == 2


def test_unofficial_schemas_say_so() -> None:
    unofficial = {s.name for s in list_schemas() if not s.official}
    assert unofficial == {"google-jobposting", "indeed-feed"}
    for schema in list_schemas():
        if not schema.official:
            assert "NOT OFFICIAL" in schema.summary


# ---- the native XSD covers the model ------------------------------------------------------------


def _unwrap(annotation: Any) -> Any:
    if get_origin(annotation) in (Union, types.UnionType):
        (inner,) = [a for a in get_args(annotation) if a is not type(None)]
        return inner
    return annotation


def _xsd_types() -> dict[str, list[str]]:
    """complexType name → element names of its sequence, from avis-notice.xsd."""
    tree = etree.parse(str(PACKAGED / "avis-notice.xsd"))
    return {
        ct.get("name", ""): [el.get("name", "") for el in ct.iter(XS + "element")]
        for ct in tree.getroot().iter(XS + "complexType")
    }


def test_native_xsd_declares_every_model_field_in_order() -> None:
    types_ = _xsd_types()
    seen: set[type[BaseModel]] = set()

    def check(model: type[BaseModel]) -> None:
        if model in seen:
            return
        seen.add(model)
        assert types_.get(model.__name__) == list(model.model_fields), (
            f"avis-notice.xsd complexType {model.__name__} does not list the model's fields "
            "in order — add the new field (see schemas/README.md)"
        )
        for field in model.model_fields.values():
            tp = _unwrap(field.annotation)
            for arg in (tp, *get_args(tp)):
                if isinstance(arg, type) and issubclass(arg, BaseModel):
                    check(arg)

    check(Notice)
    assert len(seen) >= 8
