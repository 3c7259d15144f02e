"""The enrich stage: place, time zone, employment and diplomas from printed text or settings,
never guessed, each with provenance; unknown values stay unset with a warning."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from avis.enrich import EnrichOptions, enrich
from avis.enrich.data import places, zones_by_country
from avis.model import Notice, Provenance
from avis.pipeline import parse_path

ROOT = Path(__file__).resolve().parent.parent


def notice(**fields: object) -> Notice:
    return Notice(title="Agent", **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("location", "employer", "towns", "region", "country"),
    [
        ("Lifou", None, ["Lifou"], "Province des îles Loyauté", "NC"),
        ("DRH _ Immeuble Georges Kling - DUCOS- NOUMEA", None, ["Nouméa"], "Province Sud", "NC"),
        ("Agences de Voh, Koné et Pouembout", None, ["Voh", "Koné", "Pouembout"], None, "NC"),
        ("Siège", "Province Nord", [], "Province Nord", "NC"),
        ("Papeete, Polynésie française", None, ["Papeete"], None, "PF"),
        ("Hôtel de ville", "Mairie de Paris", [], None, None),
        ("Lyon", "Ville de Lyon", ["Lyon"], None, None),
        ("Complexe", "Ville de Millau", [], None, None),  # a lone word is no town
        ("Millau", "Ville de Millau", ["Millau"], None, None),
        ("8 avenue Foch, 75116 PARIS CEDEX 16", None, ["PARIS"], None, None),
        (None, "OPT-NC", [], None, None),
    ],
)
def test_places_from_the_printed_location_and_employer(
    location: str | None,
    employer: str | None,
    towns: list[str],
    region: str | None,
    country: str | None,
) -> None:
    place = enrich(notice(location=location, employer=employer)).place
    assert [t.name for t in place.localities] == towns
    assert place.country == country
    if towns and towns != ["Voh", "Koné", "Pouembout"]:
        assert place.region == region
    if country == "NC":
        assert place.time_zone == "Pacific/Noumea"


def test_places_are_data_with_a_valid_zone_for_every_listed_country() -> None:
    data = places()
    assert len([c for c in data.communes if c.country == "NC"]) == 33
    for code in data.countries:
        zones = zones_by_country().get(code, ())
        assert len(zones) == 1 or code in data.country_zones, code


def test_provenance_points_at_the_printed_location() -> None:
    located = Provenance(page=2, bbox=(1.0, 2.0, 3.0, 4.0), origin="ocr", confidence=0.8)
    n = enrich(notice(location="9 rue Galliéni - Nouméa", provenance={"location": located}))
    prov = n.provenance["place.country"]
    assert (prov.page, prov.bbox, prov.origin, prov.confidence) == (2, located.bbox, "ocr", 0.8)
    assert prov.rule == "enrich:place:commune" and prov.text == "9 rue Galliéni - Nouméa"
    assert n.place.address == "9 rue Galliéni - Nouméa"  # more than the town: kept as address
    assert n.provenance["place.time_zone"].rule == "enrich:zone:tz-database"


def test_unknown_country_stays_unset_and_says_which_setting_fills_it() -> None:
    n = enrich(notice(location="Hôtel de ville", employer="Mairie de Brest"))
    assert n.place.country is None and n.place.time_zone is None
    codes = {w.code: w for w in n.warnings}
    assert "--country" in codes["place_unknown"].message
    assert "locality_unknown" in codes
    given = enrich(n, EnrichOptions(country="FR"))
    assert given.place.country == "FR" and given.place.time_zone == "Europe/Paris"
    assert given.provenance["place.country"].origin == "setting"
    assert "place_unknown" not in {w.code for w in given.warnings}


def test_a_country_with_several_zones_gets_no_zone() -> None:
    n = enrich(notice(location="Denver"), EnrichOptions(country="US"))
    assert n.place.country == "US" and n.place.time_zone is None


def test_postal_codes_only_when_printed_next_to_the_town() -> None:
    n = enrich(
        notice(
            location="Dumbéa",
            contact={"how_to_apply": "Écrire à BP 8, 98835 Dumbéa ou 98800 Nouméa Cedex"},
        )
    )
    assert n.place.localities[0].postal_code is None  # a mailbox code is no town's code
    n = enrich(notice(location="Dumbéa", contact={"address": "12 rue X, 98835 Dumbéa"}))
    assert n.place.localities[0].postal_code == "98835"


@pytest.mark.parametrize(
    ("conditions", "kinds"),
    [
        (["Poste à temps complet"], {"full_time"}),
        (["Temps non complet (17h30)"], {"part_time"}),
        (["CDD de 6 mois, mi-temps"], {"part_time", "temporary"}),
        (["Déplacements fréquents"], set()),
    ],
)
def test_employment_only_as_printed(conditions: list[str], kinds: set[str]) -> None:
    n = enrich(notice(conditions=conditions))
    assert {k for k, v in n.employment if v} == kinds
    assert all(v in (True, None) for _k, v in n.employment)  # never "False" by assumption
    if kinds:
        for kind in kinds:
            assert n.provenance[f"employment.{kind}"].text == conditions[0]
    else:
        assert any(w.code == "employment_unknown" for w in n.warnings)


def test_diplomas_from_knowledge_items_with_provenance() -> None:
    n = enrich(
        notice(
            knowledge=["Rigueur", "Diplôme exigé : BTS ou licence", "Bac + 2 en comptabilité"],
            provenance={"knowledge[1]": Provenance(page=1, rule="section.knowledge")},
        )
    )
    assert n.diplomas == ["Diplôme exigé : BTS ou licence", "Bac + 2 en comptabilité"]
    assert n.provenance["diplomas[0]"].page == 1
    assert n.provenance["diplomas[0]"].rule == "enrich:diploma"


def test_corrected_values_are_kept_and_a_second_run_changes_nothing() -> None:
    once = enrich(notice(location="Lifou"))
    corrected = once.model_copy(
        update={"place": once.place.model_copy(update={"country": "FR", "time_zone": None})}
    )
    again = enrich(corrected)
    assert again.place.country == "FR"
    assert again.place.time_zone == "Europe/Paris"
    assert enrich(again) == again
    assert enrich(once) == once


def test_default_employer_is_a_setting_with_provenance() -> None:
    n = enrich(notice(), EnrichOptions(employer="Ville de Lyon"))
    assert n.employer == "Ville de Lyon"
    assert n.provenance["employer"].origin == "setting"
    printed = enrich(notice(employer="CAFAT"), EnrichOptions(employer="Ville de Lyon"))
    assert printed.employer == "CAFAT"


def test_every_parsed_notice_is_enriched() -> None:
    n = parse_path(ROOT / "corpus" / "blind" / "blind-02-dumbea-fiche.md")
    assert n.place.country == "NC" and n.place.localities[0].name == "Dumbéa"
    assert n.provenance["place.country"].rule == "enrich:place:commune"
    assert n.deadline == dt.date(2026, 3, 20)
