"""The field registry (avis.fields) is the one list of fields every stage reads."""

from __future__ import annotations

import typing

from pydantic import BaseModel

from avis.explain import SCALARS
from avis.extract.confidence import CONFIDENCE
from avis.extract.lexicon import default_lexicon
from avis.extract.values import VALUE_KINDS
from avis.fields import BY_NAME, ENRICHED, FIELDS, META, value_paths
from avis.model import Notice
from avis.writers.csv_table import HEADER


def _leaves(model: type[BaseModel], prefix: str = "") -> list[str]:
    out: list[str] = []
    for name, info in model.model_fields.items():
        ann = info.annotation
        if name in ENRICHED and not prefix:
            continue
        if isinstance(ann, type) and issubclass(ann, BaseModel) and not prefix:
            if prefix + name in META:
                continue
            out.extend(_leaves(ann, f"{name}."))
        elif prefix + name not in META:
            out.append(prefix + name)
    return out


def test_every_model_field_has_a_spec_and_no_spec_is_dangling() -> None:
    leaves = _leaves(Notice)
    assert sorted(leaves) == sorted(value_paths())


def test_every_lexicon_key_is_a_registry_field_with_a_parser() -> None:
    lexicon = default_lexicon()
    for label in lexicon.labels:
        if label.field.startswith("group:"):
            continue  # section groups (profile, contact…) that hold other fields
        if label.field.startswith("extra:"):
            assert label.kind == "header", label  # a header label whose value goes to extra
            continue
        assert label.field in BY_NAME, label
        if label.kind == "header":
            assert label.vtype == BY_NAME[label.field].vtype, label
    for spec in FIELDS:
        assert spec.vtype in VALUE_KINDS or spec.vtype in ("list", "email", "phone"), spec


def test_csv_and_explain_read_the_registry() -> None:
    assert HEADER[: len(value_paths())] == value_paths()
    scalars = [p for s in FIELDS if s.shape != "list" for p in s.outputs]
    assert set(SCALARS) <= {*scalars, "start"}


def test_every_rule_a_notice_names_has_a_confidence(tmp_path: object) -> None:
    from pathlib import Path

    from avis.pipeline import parse_path

    root = Path(__file__).resolve().parent.parent / "corpus"
    for path in [
        root / "real" / "seed" / "3134-25-0176_SR.md",
        *sorted(root.glob("generated/*-01.*")),
    ]:
        if path.name.endswith(".truth.json"):
            continue
        notice = parse_path(path)
        for key, prov in notice.provenance.items():
            if key.split(".")[0] in ENRICHED or prov.rule.startswith(("enrich:", "setting:")):
                continue  # the enrich stage's own provenance
            assert prov.rule.split("+")[0] in CONFIDENCE or prov.rule.startswith("section."), key


def test_model_types_are_what_the_registry_says() -> None:
    hints = typing.get_type_hints(Notice)
    for spec in FIELDS:
        if spec.shape == "list":
            assert hints[spec.name] == list[str], spec.name


def test_the_native_xsd_declares_every_registry_field() -> None:
    """The XSD is written by hand: this keeps it in step with the registry."""
    import re
    from importlib import resources

    xsd = resources.files("avis.data.schemas").joinpath("avis-notice.xsd").read_text("utf-8")
    declared = set(re.findall(r'name="([a-z_]+)"', xsd))
    for path in value_paths():
        assert set(path.split(".")) <= declared, path
