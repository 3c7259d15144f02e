"""Where a notice's post is, from its printed location and employer — and nothing else.

A commune of ``places.toml`` named in the location gives locality, region and country; a
region or country printed in full (location first, then employer) gives those; a printed
"postal code + town" gives both for places the data does not list. A bare word that is no
known place ("Siège", "Hôtel de ville") is an address, never a town; a road is never a town.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from avis.enrich.data import Places, contains, normalise, places, zones_by_country


@dataclass(slots=True)
class Found:
    """What the printed text says about the place; ``rules`` name each finding's source."""

    address: str | None = None
    localities: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    """(name, region, postal code) of each town named, in the order written."""
    region: str | None = None
    country: str | None = None
    country_from: str | None = None
    """The printed text the country was read from (location or employer)."""
    locality_rule: str = ""
    country_rule: str = ""
    zone: str | None = None


def _communes(text: str, data: Places) -> list[tuple[int, str, str | None, str]]:
    """(position, name, region, country) of each listed commune named in ``text``."""
    norm = normalise(text)
    found: dict[str, tuple[int, str, str | None, str]] = {}
    for commune in data.communes:
        for key in commune.keys:
            at = contains(norm, key)
            if at >= 0 and (commune.name not in found or at < found[commune.name][0]):
                found[commune.name] = (at, commune.name, commune.region, commune.country)
    return sorted(found.values())


def _named(text: str, data: Places) -> tuple[str | None, str | None, str | None]:
    """(region, country, zone) from a region or country name printed in ``text``."""
    norm = normalise(text)
    best: tuple[int, str | None, str, str | None] | None = None
    for region in data.regions:
        for key in region.keys:
            if contains(norm, key) >= 0 and (best is None or len(key) > best[0]):
                best = (len(key), region.name, region.country, region.zone)
    if best is not None:
        return best[1], best[2], best[3]
    for code, names in data.countries.items():
        if any(contains(norm, n) >= 0 for n in names):
            return None, code, data.country_zones.get(code)
    return None, None, None


_SEGMENTS = re.compile(r"\s*(?:,|;|\s[-–—_]\s|\s[-–—]|[-–—]\s|\n)\s*")


def _postal_town(text: str, data: Places) -> tuple[str, str] | None:
    """("75015", "Paris") when a segment of ``text`` ends "postal code + town"."""
    for segment in reversed(_SEGMENTS.split(text)):
        m = data.postal_code.search(segment.strip())
        if m:
            town = m.group(2).strip(" -'’")
            if town and not any(w in data.address_words for w in normalise(town).split()):
                return m.group(1), town
    return None


def _postal_code_before(texts: list[str], names: tuple[str, ...]) -> str | None:
    """The postal code printed right before a town's name ("98800 Nouméa"): in the location
    (``texts[0]``), else in an address line that is no mailbox (``BP``, ``CS``, ``Cedex``
    codes belong to a recipient, not to the town)."""
    for n, text in enumerate(texts):
        folded = normalise(text)
        for name in names:
            pattern = (
                r"(?:(bp|cs) \d+ )?(?<!\d)(\d{5}) " + re.escape(name) + r"(?![a-z0-9])( cedex)?"
            )
            for m in re.finditer(pattern, folded):
                if n == 0 or not (m.group(1) or m.group(3)):
                    return m.group(2)
    return None


def _keys_of(name: str, data: Places) -> tuple[str, ...]:
    return next((c.keys for c in data.communes if c.name == name), (normalise(name),))


def _bare_town(text: str, data: Places, others: list[str]) -> str | None:
    """A location that is only a town's name ("Lyon", "Saint-Denis", "Papeete, Polynésie
    française"): one segment left once region and country names are set aside, of up to three
    capitalised words, no digit and no address word — and corroborated: printed beside its
    country or region, or named again in the employer or an address ("Ville de Lyon",
    "44190 Clisson"). A lone word ("Siège", "Complexe") is an address, not a town."""
    segments = [seg.strip() for seg in _SEGMENTS.split(text) if seg.strip()]
    rest = [seg for seg in segments if _named(seg, data) == (None, None, None)]
    if len(rest) != 1:
        return None
    key = normalise(rest[0])
    if len(rest) == len(segments) and not any(contains(normalise(t), key) >= 0 for t in others):
        return None
    stripped = rest[0]
    words = normalise(stripped).split()
    if not words or len(stripped.split()) > 3 or any(c.isdigit() for c in stripped):
        return None
    if any(w in data.address_words for w in words) or not stripped[:1].isupper():
        return None
    return stripped


def locate(location: str | None, employer: str | None, addresses: tuple[str, ...] = ()) -> Found:
    """What ``location`` and ``employer`` print about the post's place; ``addresses`` (the
    employer's, the contact's) are only read for the postal code of a town already found."""
    data = places()
    texts = [t for t in (location, employer, *addresses) if t]
    found = Found()
    location = (location or "").strip() or None
    if location:
        communes = _communes(location, data)
        if communes:
            found.localities = [
                (name, region, _postal_code_before(texts, _keys_of(name, data)))
                for _at, name, region, _country in communes
            ]
            found.region = communes[0][2]
            found.country = communes[0][3]
            found.country_from = location
            found.locality_rule = found.country_rule = "enrich:place:commune"
            single = len(communes) == 1 and normalise(location) in next(
                c.keys for c in data.communes if c.name == communes[0][1]
            )
            found.address = None if single else location
        else:
            postal = _postal_town(location, data)
            bare = None if postal else _bare_town(location, data, texts[1:])
            if postal:
                found.localities = [(postal[1], None, postal[0])]
                found.locality_rule = "enrich:place:postal-code"
            elif bare:
                found.localities = [(bare, None, _postal_code_before(texts, (normalise(bare),)))]
                found.locality_rule = "enrich:place:town-name"
            if not bare:
                found.address = location
        region, country, zone = _named(location, data)
        found.region = found.region or region
        if found.country is None and country is not None:
            found.country, found.country_from, found.zone = country, location, zone
            found.country_rule = "enrich:place:name"
    if employer and found.country is None:
        region, country, zone = _named(employer, data)
        if country is not None:
            found.region = found.region or region
            found.country, found.country_from, found.zone = country, employer, zone
            found.country_rule = "enrich:place:employer"
    return found


def time_zone(country: str, zone: str | None = None) -> str | None:
    """The IANA zone of a place: the one the data gives, else the country's only zone."""
    if zone:
        return zone
    zones = zones_by_country().get(country, ())
    if len(zones) == 1:
        return zones[0]
    return places().country_zones.get(country)
