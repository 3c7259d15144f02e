"""The enrich stage's data files (places.toml, wordings.toml) and the tz database tables."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any


def normalise(text: str) -> str:
    """Lower-case, accent-free, punctuation as spaces: the form names are compared in."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^0-9a-z%]+", " ", bare).split())


def contains(haystack: str, needle: str) -> int:
    """Where the normalised ``needle`` starts in the normalised ``haystack`` as whole words,
    or -1."""
    if not needle:
        return -1
    at = f" {haystack} ".find(f" {needle} ")
    return at


@dataclass(frozen=True, slots=True)
class Commune:
    name: str
    country: str
    region: str | None
    keys: tuple[str, ...]
    """Normalised name and aliases."""
    zone: str | None = None


@dataclass(frozen=True, slots=True)
class Region:
    name: str
    country: str
    keys: tuple[str, ...]
    zone: str | None = None


@dataclass(frozen=True, slots=True)
class Places:
    communes: tuple[Commune, ...]
    regions: tuple[Region, ...]
    countries: dict[str, tuple[str, ...]]
    """Code → normalised names."""
    country_zones: dict[str, str]
    address_words: frozenset[str]
    postal_code: re.Pattern[str]


def _read(name: str) -> dict[str, Any]:
    text = resources.files("avis.enrich").joinpath(name).read_text(encoding="utf-8")
    return tomllib.loads(text)


def _keys(name: str, aliases: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(k for k in (normalise(a) for a in (name, *aliases)) if k))


@cache
def places() -> Places:
    data = _read("places.toml")
    countries = {
        code: tuple(normalise(n) for n in spec.get("names", []))
        for code, spec in data.get("country", {}).items()
    }
    zones = {code: spec["zone"] for code, spec in data.get("country", {}).items() if "zone" in spec}
    return Places(
        communes=tuple(
            Commune(
                c["name"], c["country"], c.get("region"), _keys(c["name"], c.get("aliases", []))
            )
            for c in data.get("commune", [])
        ),
        regions=tuple(
            Region(r["name"], r["country"], _keys(r["name"], r.get("aliases", [])), r.get("zone"))
            for r in data.get("region", [])
        ),
        countries=countries,
        country_zones=zones,
        address_words=frozenset(normalise(w) for w in data["address"]["words"]),
        postal_code=re.compile(data["address"]["postal_code"], re.IGNORECASE),
    )


@dataclass(frozen=True, slots=True)
class Wordings:
    employment: dict[str, tuple[str, ...]]
    diplomas: tuple[str, ...]


@cache
def wordings() -> Wordings:
    data = _read("wordings.toml")
    return Wordings(
        employment={
            kind: tuple(normalise(w) for w in words)
            for kind, words in data.get("employment", {}).items()
        },
        diplomas=tuple(normalise(w) for w in data.get("diplomas", {}).get("words", [])),
    )


def _tz_table(name: str) -> list[list[str]]:
    """Rows of a tz database table (``zone.tab``, ``iso3166.tab``): the ``tzdata`` package's
    copy, else the system's."""
    text: str | None = None
    try:
        text = resources.files("tzdata").joinpath("zoneinfo", name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        for root in ("/usr/share/zoneinfo", "/usr/lib/zoneinfo", "/usr/share/lib/zoneinfo"):
            path = Path(root) / name
            if path.is_file():
                text = path.read_text(encoding="utf-8")
                break
    if text is None:
        return []
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@cache
def zones_by_country() -> dict[str, tuple[str, ...]]:
    """ISO country code → the IANA zones the tz database lists for it."""
    out: dict[str, list[str]] = {}
    for row in _tz_table("zone.tab"):
        if len(row) >= 3:
            out.setdefault(row[0], []).append(row[2])
    return {code: tuple(zones) for code, zones in out.items()}


@cache
def country_names() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code → English name (the tz database's ``iso3166.tab``)."""
    return {row[0]: row[1] for row in _tz_table("iso3166.tab") if len(row) >= 2}
