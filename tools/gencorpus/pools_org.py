"""Employers, places, corps and people: the who and where of a notice (all fictional)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Employer:
    """An employer as printed, with the places it recruits for and its reference habits."""

    names: tuple[str, ...]
    short: str
    locations: tuple[str, ...]
    ref_styles: tuple[str, ...]
    ref_suffix: str
    domains: tuple[str, ...] = ()  # domain keys it recruits in; empty means all


EMPLOYERS: tuple[Employer, ...] = (
    Employer(
        ("Province des îles Loyauté",),
        "Province des îles Loyauté",
        ("Lifou", "Lifou – Wé", "Maré – Tadine", "Ouvéa – Fayaoué", "Lifou (Hôtel de la province)"),
        ("drhfpnc", "drhfpnc", "numero"),
        "SR",
    ),
    Employer(
        ("Province Sud", "Province Sud – Direction des ressources humaines"),
        "Province Sud",
        (
            "Nouméa",
            "Nouméa – Hôtel de la province Sud, 6 route des Artifices",
            "La Foa",
            "Bourail",
            "Mont-Dore",
        ),
        ("drhfpnc", "numero"),
        "PS",
    ),
    Employer(
        ("Province Nord",),
        "Province Nord",
        ("Koné", "Poindimié", "Koumac", "Hienghène", "Koné – Hôtel de la province Nord"),
        ("drhfpnc", "numero"),
        "PN",
    ),
    Employer(
        ("Gouvernement de la Nouvelle-Calédonie",),
        "Gouvernement de la Nouvelle-Calédonie",
        ("Nouméa", "Nouméa – 8 route des Artifices, Baie de la Moselle", "Nouméa (Centre-ville)"),
        ("drhfpnc", "drhfpnc"),
        "SR",
    ),
    Employer(
        ("Ville de Nouméa", "Mairie de Nouméa"),
        "Ville de Nouméa",
        ("Nouméa", "Hôtel de ville – 16 rue du Général Mangin – Nouméa", "Nouméa – Ducos"),
        ("numero", "drhfpnc"),
        "DRH",
    ),
    Employer(
        (
            "Office des postes et télécommunications",
            "Office des Postes et des Télécommunications de Nouvelle-Calédonie (OPT-NC)",
        ),
        "OPT-NC",
        (
            "Nouméa",
            "Direction générale – Immeuble Central – 12 rue de Sébastopol – Nouméa",
            "Centre de tri de Ducos – Nouméa",
            "Koné",
        ),
        ("drhfpnc", "avp"),
        "SR",
        ("numerique", "rh", "finances", "juridique", "technique"),
    ),
    Employer(
        (
            "CAFAT",
            "Caisse de compensation des prestations familiales, des accidents du travail et de "
            "prévoyance des travailleurs (CAFAT)",
        ),
        "CAFAT",
        ("Nouméa", "Nouméa – Siège, 4 rue du Général Gallieni", "Koné (agence Nord)"),
        ("numero", "avp"),
        "DRH",
        ("numerique", "rh", "finances", "juridique", "social"),
    ),
    Employer(
        ("Commune de Lifou", "Mairie de Lifou"),
        "Commune de Lifou",
        ("Lifou – Wé",),
        ("numero",),
        "DGS",
    ),
    Employer(
        ("Commune de Koné", "Mairie de Koné"), "Commune de Koné", ("Koné",), ("numero",), "DGS"
    ),
    Employer(("Commune de Bourail",), "Commune de Bourail", ("Bourail",), ("numero",), "RH"),
    Employer(
        ("Commune du Mont-Dore",),
        "Commune du Mont-Dore",
        ("Mont-Dore – Boulari",),
        ("numero",),
        "RH",
    ),
    Employer(("Commune de Païta",), "Commune de Païta", ("Païta",), ("numero", "avp"), "DRH"),
)

# (first name, is female): civility and role agree with the person.
FIRST_NAMES: tuple[tuple[str, bool], ...] = (
    ("Hélène", True),
    ("Jean-Marc", False),
    ("Sylvie", True),
    ("Rémi", False),
    ("Maëva", True),
    ("Joseph", False),
    ("Léa", True),
    ("Éric", False),
    ("Nathalie", True),
    ("Kévin", False),
    ("Océane", True),
    ("Grégoire", False),
    ("Anaïs", True),
    ("Thierry", False),
    ("Sandrine", True),
    ("Loïc", False),
)
LAST_NAMES: tuple[str, ...] = (
    "MARTIN",
    "LEROUX",
    "DUVAL",
    "FONTAINE",
    "GARNIER",
    "LEBRUN",
    "MOREL",
    "PERRIN",
    "ROUSSEL",
    "CHEVALIER",
    "BONNET",
    "GIRARD",
    "AUBERT",
    "MERCIER",
)

PHONE_FORMS: tuple[str, ...] = ("local", "intl", "local", "paren")

SUPERVISOR_TITLES: tuple[str, ...] = (
    "Directeur",
    "Directeur adjoint",
    "Chef de service",
    "Cheffe du bureau",
    "Secrétaire général",
    "Directeur général des services",
    "Chef de section",
)

AGENTS_DIRECT: tuple[str, ...] = ("/", "1", "2", "3", "5", "8")
AGENTS_INDIRECT: tuple[str, ...] = ("/", "4", "12", "25", "40")
