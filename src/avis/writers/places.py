"""Known New Caledonian places and employers, kept as data.

The job-board formats need a country code (and like a region); a notice only prints a place
("Lifou", "9 rue du général Gallieni - Nouméa") and an employer. These tables let the writers
say "NC" when — and only when — one of them is recognisably New Caledonian; everything else is
left to :attr:`avis.writers.base.WriterOptions.country`. Add rows, the code does not change.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

SUD = "Province Sud"
NORD = "Province Nord"
ILES = "Province des îles Loyauté"

#: The 33 communes of New Caledonia (official spelling), their province (None: Poya straddles
#: two) and other spellings or localities found in addresses.
COMMUNES: tuple[tuple[str, str | None, tuple[str, ...]], ...] = (
    ("Nouméa", SUD, ("Noumea", "Nouville", "Ducos", "Magenta")),
    ("Le Mont-Dore", SUD, ("Mont-Dore", "Mont Dore")),
    ("Dumbéa", SUD, ("Koutio", "Dumbéa-sur-Mer")),
    ("Païta", SUD, ("La Tontouta", "Tontouta")),
    ("Bouloupari", SUD, ("Boulouparis",)),
    ("La Foa", SUD, ()),
    ("Sarraméa", SUD, ()),
    ("Farino", SUD, ()),
    ("Moindou", SUD, ()),
    ("Bourail", SUD, ()),
    ("Thio", SUD, ()),
    ("Yaté", SUD, ()),
    ("L'Île-des-Pins", SUD, ("Île des Pins", "Ile des Pins", "Kunié")),
    ("Poya", None, ("Népoui",)),
    ("Pouembout", NORD, ()),
    ("Koné", NORD, ()),
    ("Voh", NORD, ()),
    ("Kaala-Gomen", NORD, ()),
    ("Koumac", NORD, ()),
    ("Poum", NORD, ()),
    ("Bélep", NORD, ()),
    ("Ouégoa", NORD, ()),
    ("Pouébo", NORD, ()),
    ("Hienghène", NORD, ()),
    ("Touho", NORD, ()),
    ("Poindimié", NORD, ()),
    ("Ponérihouen", NORD, ()),
    ("Houaïlou", NORD, ()),
    ("Kouaoua", NORD, ()),
    ("Canala", NORD, ()),
    ("Lifou", ILES, ("Drehu", "Wé")),
    ("Maré", ILES, ("Tadine", "Nengone")),
    ("Ouvéa", ILES, ("Fayaoué", "Iaai")),
)

#: Employers (and words) that place a notice in New Caledonia: (pattern, region, web site).
#: Sites are only given where the project has seen them (standards/examples); add more freely.
EMPLOYERS: tuple[tuple[str, str | None, str | None], ...] = (
    ("Province des îles Loyauté", ILES, None),
    ("Province des îles", ILES, None),
    ("Province Sud", SUD, None),
    ("Province Nord", NORD, None),
    ("Nouvelle-Calédonie", None, None),
    ("Gouvernement de la Nouvelle-Calédonie", None, None),
    ("Office des postes et télécommunications", None, "https://www.opt.nc"),
    ("Office des postes et des télécommunications", None, "https://www.opt.nc"),
    ("OPT-NC", None, "https://www.opt.nc"),
    ("OPT", None, "https://www.opt.nc"),
    ("DRHFPNC", None, None),
    ("CAFAT", None, None),
    ("Centre hospitalier territorial", None, None),
    ("Centre hospitalier du Nord", NORD, None),
    ("Enercal", None, None),
    ("NC", None, None),
)

#: Fixed UTC offsets (hours) by country, for "end of the deadline day". New Caledonia has kept
#: UTC+11 without daylight saving since 1998, which is all the dates a notice can carry.
UTC_OFFSETS: dict[str, int] = {"NC": 11}


def normalise(text: str) -> str:
    """Lower-case, accent-free, punctuation as spaces: the form names are compared in."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^0-9a-z]+", " ", bare).split())


def _contains(haystack: str, needle: str) -> bool:
    return bool(needle) and f" {needle} " in f" {haystack} "


@dataclass(frozen=True, slots=True)
class Located:
    """Where a notice's post is, as far as the tables can tell.

    ``locality``/``region`` describe the first place named; ``places`` lists every commune the
    location names ("Agences de Voh, Koné et Pouembout" → three), in the order written.
    """

    locality: str | None = None
    region: str | None = None
    country: str | None = None
    street: str | None = None
    website: str | None = None
    places: tuple[tuple[str, str | None], ...] = ()


def _communes(text: str) -> tuple[list[tuple[str, str | None]], bool]:
    """Communes named in ``text`` in reading order, and whether the text is just one name."""
    norm = f" {normalise(text)} "
    found: dict[str, tuple[int, str | None]] = {}
    exact = False
    for name, region, aliases in COMMUNES:
        for alias in (name, *aliases):
            key = normalise(alias)
            at = norm.find(f" {key} ")
            if key and at >= 0:
                found[name] = (min(at, found.get(name, (at, None))[0]), region)
                exact = exact or norm.strip() == key
    ordered = sorted(found.items(), key=lambda item: item[1][0])
    return [(name, region) for name, (_, region) in ordered], exact and len(ordered) == 1


def _employer(text: str) -> tuple[str | None, str | None] | None:
    """(region, website) of the longest known employer pattern in ``text``."""
    norm = normalise(text)
    best: tuple[int, str | None, str | None] | None = None
    for pattern, region, site in EMPLOYERS:
        key = normalise(pattern)
        if _contains(norm, key) and (best is None or len(key) > best[0]):
            best = (len(key), region, site)
    return None if best is None else (best[1], best[2])


def locate(location: str | None, employer: str | None, default_country: str | None) -> Located:
    """Locality, region and country from a notice's place and employer names."""
    locality = region = country = street = website = None
    places: tuple[tuple[str, str | None], ...] = ()
    if location and location.strip():
        communes, exact = _communes(location)
        if communes:
            places = tuple(communes)
            locality, region = communes[0]
            country = "NC"
            if not exact:
                street = location.strip()
        else:
            locality = location.strip()
            hit = _employer(location)
            if hit:
                country = "NC"
                region = hit[0]
    if employer:
        hit = _employer(employer)
        if hit:
            country = "NC"
            region = region or hit[0]
            website = hit[1]
    return Located(locality, region, country or default_country, street, website, places)
