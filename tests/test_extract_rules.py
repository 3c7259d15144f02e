"""Header pairing, sections and lists on small texts, including property tests."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from avis.extract.dates import find_dates, parse_date
from avis.extract.lexicon import default_lexicon
from avis.extract.values import parse_reference, parse_start
from avis.pipeline import parse_bytes

MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


@given(
    st.dates(min_value=dt.date(1970, 1, 1), max_value=dt.date(2099, 12, 31)),
    st.sampled_from(["long", "weekday", "numeric", "iso", "abbrev", "1er"]),
)
def test_any_printed_date_reads_back(day: dt.date, style: str) -> None:
    if style == "long":
        text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    elif style == "weekday":
        text = (
            f"{WEEKDAYS[day.weekday()].capitalize()} {day.day} {MONTHS[day.month - 1]} {day.year}"
        )
    elif style == "numeric":
        text = f"{day.day:02d}/{day.month:02d}/{day.year}"
    elif style == "iso":
        text = day.isoformat()
    elif style == "abbrev":
        text = f"{day.day} {MONTHS[day.month - 1][:4].rstrip('e')}. {day.year}"
    else:
        text = f"{'1er' if day.day == 1 else day.day} {MONTHS[day.month - 1]} {day.year}"
    assert parse_date(f"Date limite : {text} à 16h") == day
    found = find_dates(text)
    if style == "weekday":
        assert found[0].weekday_ok is True


def test_impossible_dates_are_refused() -> None:
    assert parse_date("30 février 2025") is None
    assert parse_date("31/04/2025") is None


@settings(deadline=None)  # a property of values, not of time: a loaded CI machine is slow
@given(st.text(max_size=200))
def test_date_and_reference_parsers_never_raise(text: str) -> None:
    parse_date(text)
    parse_reference(text)
    parse_start(text)


@given(
    code=st.integers(1000, 9999),
    yy=st.integers(0, 99),
    seq=st.integers(1, 9999),
    suffix=st.sampled_from(["SR", "DRH", "DSI", "PS"]),
    day=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)),
)
def test_reference_round_trip(code: int, yy: int, seq: int, suffix: str, day: dt.date) -> None:
    ident = f"{code}-{yy:02d}-{seq:04d}/{suffix}"
    ref = parse_reference(f"{ident} du {day.day} {MONTHS[day.month - 1]} {day.year}")
    assert ref.id == ident
    assert ref.date == day


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_any_lexicon_wording_pairs_with_its_value(data: st.DataObject) -> None:
    """Whatever wording of each label a notice uses, each label keeps its own value."""
    lex = default_lexicon()
    fields = {
        "employer": "Province Sud",
        "location": "Koné",
        "corps": "Rédacteur territorial",
        "posted_on": "Lundi 3 mars 2025",
        "deadline": "Vendredi 28 mars 2025",
    }
    lines = [
        "Avis de vacance de poste",
        "Chargé de mission numérique",
        "Référence : 2025-118/DRH du 3 mars 2025",
    ]
    for field, value in fields.items():
        wording = data.draw(
            st.sampled_from(
                [lb.text for lb in lex.labels if lb.kind == "header" and lb.field == field]
            )
        )
        sep = data.draw(st.sampled_from([" : ", " :", ": "]))
        lines.append(f"{wording}{sep}{value}")
    lines += ["", "Missions :", "- Piloter les projets,", "- Animer le réseau des partenaires."]
    notice = parse_bytes("\n".join(lines).encode(), "t.txt")
    assert notice.employer == "Province Sud"
    assert notice.location == "Koné"
    assert notice.corps == "Rédacteur territorial"
    assert notice.posted_on == dt.date(2025, 3, 3)
    assert notice.deadline == dt.date(2025, 3, 28)
    assert notice.title == "Chargé de mission numérique"
    assert notice.missions == ["Piloter les projets", "Animer le réseau des partenaires"]


def test_scrambled_side_by_side_header() -> None:
    """Two label│value columns printed on one line, the left value wrapping below."""
    text = (
        "# Technicien réseaux\n\n"
        "Référence : 3134-26-0001/SR du 6 mars 2026\n\n"
        "Employeur : Office des postes et télécommunications\n\n"
        "Corps ou Cadre d'emploi / Domaine : technicien **Direction :** Télécom\n\n"
        "supérieur\n\n"
        "Lieu de travail : Nouméa\n\n"
        "Date de dépôt de l'offre : Vendredi 6 mars 2026 "
        "Date limite de candidature : Vendredi 27 mars 2026\n"
    )
    notice = parse_bytes(text.encode(), "x.md")
    assert notice.corps == "technicien supérieur"
    assert notice.direction == "Télécom"
    assert notice.deadline == dt.date(2026, 3, 27)


def test_incomplete_notice_parses_and_names_missing_fields() -> None:
    notice = parse_bytes(
        "Intitulé du poste : Jardinier\nLieu de travail : Bourail\n".encode(), "x.txt"
    )
    assert notice.title == "Jardinier"
    assert notice.location == "Bourail"
    missing = {w.field for w in notice.warnings if w.code == "missing_field"}
    assert {"reference.id", "employer", "deadline", "posted_on"} <= missing


def test_deadline_before_posting_without_reference_is_kept_but_warned() -> None:
    text = (
        "Intitulé du poste : Agent\nDate de publication : 10 mars 2025\n"
        "Date limite de candidature : 1 mars 2025\n"
    )
    notice = parse_bytes(text.encode(), "x.txt")
    assert notice.deadline == dt.date(2025, 3, 1)
    assert any(w.code == "deadline_before_posting" for w in notice.warnings)


def test_start_forms() -> None:
    assert parse_start("immédiatement").immediate is True
    assert parse_start("Dès que possible").immediate is True
    s = parse_start("à compter du 1er mars 2025")
    assert (s.immediate, s.date) == (False, dt.date(2025, 3, 1))
    assert parse_start("à définir").immediate is False
    assert parse_start("susceptible d'être vacant").immediate is False


def test_numbered_section_headings_in_any_scheme() -> None:
    """Headings numbered "5.", "5," (OCR of "5."), "IV -" or "B." open their sections."""
    for number in ("5.", "5,", "IV -", "B.", "2)"):
        text = (
            "Intitulé du poste : Agent d'accueil\n\n"
            f"{number} Missions\n\n"
            "- Accueillir le public\n\n"
            f"{number} Conditions particulières\n\n"
            "- Travail le samedi matin\n"
        )
        notice = parse_bytes(text.encode(), "x.md")
        assert notice.missions == ["Accueillir le public"], number
        assert notice.conditions == ["Travail le samedi matin"], number


def test_listed_conditions_named_like_other_sections_stay_conditions() -> None:
    """ "- Temps de travail : …" under the conditions heading is a condition; alone, "Temps de
    travail" or "Rémunération" open sections of their own (not conditions)."""
    text = (
        "Intitulé du poste : Instructeur\n\n"
        "## 5. Conditions d'exercice\n\n"
        "- **Temps de travail :** 39 heures hebdomadaires\n"
        "- **Permis :** permis B obligatoire\n"
        "- **Rémunération :** selon grille indiciaire\n\n"
        "## Rémunération\n\n"
        "Selon la grille de la fonction publique.\n"
    )
    notice = parse_bytes(text.encode(), "x.md")
    assert notice.conditions == [
        "Temps de travail : 39 heures hebdomadaires",
        "Permis : permis B obligatoire",
        "Rémunération : selon grille indiciaire",
    ]


def test_unmarked_condition_lines_named_by_a_known_label_are_conditions() -> None:
    """No bullet, no bold (a Word table cell, plain text): "Temps de travail : …" under a
    "Conditions d'exercice" heading is still a condition of its own, not its value."""
    text = (
        "Intitulé du poste : Comptable\n\n"
        "Conditions d'exercice\n"
        "Temps de travail : 39 heures hebdomadaires\n"
        "Rémunération : selon grille indiciaire\n"
    )
    notice = parse_bytes(text.encode(), "x.txt")
    assert notice.conditions == [
        "Temps de travail : 39 heures hebdomadaires",
        "Rémunération : selon grille indiciaire",
    ]


def test_web_notice_sub_headings_and_bold_condition_labels() -> None:
    """A web notice: "Vos missions", a bold "Compétences requises" over its list (not glued to
    the item above), conditions as "<b>Horaires :</b> …" paragraphs under an h3 heading."""
    html = """<html><body><h1>Animateur jeunesse</h1>
    <h3>Vos missions</h3><p>Animer des projets éducatifs pour les 11-25 ans.</p>
    <h3>Profil recherché</h3>
    <p><strong>Diplôme :</strong> BPJEPS animation sociale</p>
    <p><strong>Compétences requises</strong></p>
    <ul><li>Méthodologie de projet</li><li>Techniques d'animation</li></ul>
    <h3>Conditions d'exercice</h3>
    <p><strong>Horaires :</strong> travail en soirée</p>
    <p><strong>Permis :</strong> permis B exigé</p>
    </body></html>"""
    notice = parse_bytes(html.encode(), "x.html")
    assert notice.missions == ["Animer des projets éducatifs pour les 11-25 ans"]
    assert notice.knowledge[-2:] == ["Méthodologie de projet", "Techniques d'animation"]
    assert notice.knowledge[0] == "Diplôme : BPJEPS animation sociale"
    assert notice.conditions == ["Horaires : travail en soirée", "Permis : permis B exigé"]
