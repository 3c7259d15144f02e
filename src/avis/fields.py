"""The field registry: one spec per Notice field, read by extraction, explain, eval and CSV.

Adding a header field means one spec here, one model attribute, and its label wordings in
``extract/lexicon.toml`` (``[header.NAME]``); the value type names a parser of
``extract/values.py``. ``tests/test_fields.py`` checks that every model field has a spec and
every lexicon key a field.

This module imports nothing from avis: writers read it without reaching into extraction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Shape = Literal["scalar", "list", "text"]
#: Value types a header value may have; each has a parser and a "fits" test in extract/values.py.
ValueType = Literal[
    "text", "reference", "date", "start", "residence", "int", "staff", "email", "phone", "list"
]


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One field of a notice, as the lexicon and the rules name it.

    ``outputs`` are the Notice JSON paths the field fills (a reference fills id, date and the
    raw text), in the order tables show them. ``core`` ones are warned about when missing.
    """

    name: str
    vtype: ValueType
    outputs: tuple[str, ...]
    shape: Shape = "scalar"
    core: tuple[str, ...] = ()
    #: the provenance key (``start`` keeps one provenance for its three parts)
    provenance: str | None = None

    def provenance_key(self, path: str) -> str:
        return self.provenance or path


def _one(name: str, vtype: ValueType = "text", core: bool = False) -> FieldSpec:
    return FieldSpec(name, vtype, (name,), core=(name,) if core else ())


def _list(name: str) -> FieldSpec:
    return FieldSpec(name, "list", (name,), shape="list")


#: Every field, in the order of tables (CSV columns are only ever appended: keep the order).
FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        "reference",
        "reference",
        ("reference.id", "reference.date", "reference.raw"),
        core=("reference.id",),
    ),
    _one("title", core=True),
    _one("employer", core=True),
    _one("corps"),
    _one("direction"),
    _one("service"),
    _one("location", core=True),
    _one("job"),
    _one("residence_requirement", "residence"),
    FieldSpec("start", "start", ("start.raw", "start.immediate", "start.date"), provenance="start"),
    _one("posted_on", "date", core=True),
    _one("deadline", "date", core=True),
    _one("positions", "int"),
    FieldSpec("description", "text", ("description",), shape="text"),
    _list("missions"),
    _list("activities"),
    _list("secondary_activities"),
    _list("knowledge"),
    _list("know_how"),
    _list("behaviours"),
    _list("conditions"),
    _one("organisation.unit"),
    _one("organisation.supervisor"),
    _one("organisation.org_chart_position"),
    FieldSpec(
        "organisation.staff",
        "staff",
        ("organisation.staff_direct", "organisation.staff_indirect"),
    ),
    _one("contact.name"),
    _one("contact.email", "email"),
    _one("contact.phone", "phone"),
    _one("contact.address"),
    FieldSpec("contact.how_to_apply", "text", ("contact.how_to_apply",), shape="text"),
)

BY_NAME: dict[str, FieldSpec] = {spec.name: spec for spec in FIELDS}
LIST_FIELDS: tuple[str, ...] = tuple(s.name for s in FIELDS if s.shape == "list")
CORE_PATHS: tuple[str, ...] = tuple(p for s in FIELDS for p in s.core)
#: Notice parts that are not fields of the notice (they describe the reading).
META = ("extra", "source", "warnings", "provenance")
#: Notice parts the enrich stage (``avis.enrich``) derives from the fields, not read by rules.
ENRICHED = ("place", "employment", "diplomas")


def value_paths() -> tuple[str, ...]:
    """Every Notice JSON path a field fills, in table order."""
    return tuple(p for s in FIELDS for p in s.outputs)


def spec(name: str) -> FieldSpec:
    """The spec of a field named by the lexicon or a rule; a typo fails loudly."""
    try:
        return BY_NAME[name]
    except KeyError:
        raise KeyError(f"no field '{name}' in avis.fields.FIELDS") from None
