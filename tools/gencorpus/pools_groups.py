"""Employers and corps of the territorial, state and hospital families (all offers fictional).

The NC family keeps ``pools_org.EMPLOYERS`` and each domain's corps; the other families get
employers and corps worded the way their notices word them ("Cadre d’emplois des …",
"Corps des …", hospital grades).
"""

from __future__ import annotations

from .pools_org import Employer

GROUP_EMPLOYERS: dict[str, tuple[Employer, ...]] = {
    "FPT": (
        Employer(
            ("Ville de Dumbéa", "Commune de Dumbéa"),
            "Ville de Dumbéa",
            ("Dumbéa – Hôtel de ville", "Dumbéa-sur-Mer", "Dumbéa"),
            ("numero",),
            "DRH",
        ),
        Employer(
            ("Département du Finistère",),
            "Département du Finistère",
            ("Quimper", "Brest – Maison du département", "Morlaix"),
            ("numero",),
            "RH",
        ),
        Employer(
            ("Communauté d’agglomération du Grand Angoulême",),
            "GrandAngoulême",
            ("Angoulême", "Soyaux – centre technique communautaire"),
            ("numero", "avp"),
            "DRH",
        ),
        Employer(
            ("Région Bretagne", "Conseil régional de Bretagne"),
            "Région Bretagne",
            ("Rennes", "Rennes – 283 avenue du Général Patton"),
            ("numero",),
            "DRH",
        ),
        Employer(
            ("Syndicat intercommunal des eaux du Sud", "SIE du Sud"),
            "SIE du Sud",
            ("Païta", "La Foa"),
            ("numero",),
            "SG",
        ),
    ),
    "FPE": (
        Employer(
            ("Haut-commissariat de la République en Nouvelle-Calédonie",),
            "Haut-commissariat de la République",
            ("Nouméa", "Nouméa – 1 avenue du Maréchal Foch"),
            ("numero",),
            "SGAC",
        ),
        Employer(
            ("Vice-rectorat de la Nouvelle-Calédonie",),
            "Vice-rectorat de la Nouvelle-Calédonie",
            ("Nouméa", "Nouméa – Immeuble Flize"),
            ("numero", "avp"),
            "VR",
        ),
        Employer(
            ("Préfecture de la Gironde",),
            "Préfecture de la Gironde",
            ("Bordeaux", "Bordeaux – 2 esplanade Charles-de-Gaulle"),
            ("numero",),
            "SGAR",
        ),
        Employer(
            ("Direction départementale des territoires et de la mer du Finistère",),
            "DDTM 29",
            ("Quimper", "Brest"),
            ("numero",),
            "DDTM",
        ),
        Employer(
            ("Ministère de l’Intérieur – Secrétariat général pour l’administration",),
            "Ministère de l’Intérieur",
            ("Paris", "Paris 8e – place Beauvau"),
            ("numero", "avp"),
            "SGA",
        ),
    ),
    "FPH": (
        Employer(
            ("Centre hospitalier territorial Gaston-Bourret", "CHT Gaston-Bourret"),
            "CHT Gaston-Bourret",
            ("Dumbéa – Médipôle de Koutio", "Médipôle de Koutio"),
            ("numero", "avp"),
            "DRH",
        ),
        Employer(
            ("Centre hospitalier spécialisé Albert-Bousquet",),
            "CHS Albert-Bousquet",
            ("Nouméa – Nouville", "Nouméa"),
            ("numero",),
            "DRH",
        ),
        Employer(
            ("Centre hospitalier du Nord",),
            "Centre hospitalier du Nord",
            ("Koumac", "Poindimié", "Koné"),
            ("numero",),
            "CHN",
        ),
        Employer(
            ("Centre hospitalier universitaire de Bordeaux", "CHU de Bordeaux"),
            "CHU de Bordeaux",
            ("Bordeaux – Groupe hospitalier Pellegrin", "Pessac – Hôpital Haut-Lévêque"),
            ("numero",),
            "DRH",
        ),
        Employer(
            ("EHPAD public Les Tamaris",),
            "EHPAD Les Tamaris",
            ("Bourail", "La Foa"),
            ("numero",),
            "DIR",
        ),
    ),
}

# Values never open with a label wording ("Corps des …", "Cadre d’emplois des …"): a value
# that starts like a label is exactly what the extraction must not produce, so the truth never
# does either.
GROUP_CORPS: dict[str, tuple[str, ...]] = {
    "FPT": (
        "Rédacteurs territoriaux (catégorie B)",
        "Attaché territorial",
        "Techniciens territoriaux – spécialité réseaux et voirie",
        "Ingénieur territorial",
        "Adjoint administratif territorial principal de 2e classe",
        "Rédacteur principal de 1re classe – filière administrative",
    ),
    "FPE": (
        "Secrétaires administratifs de l’intérieur et de l’outre-mer",
        "Attaché d’administration de l’État",
        "Technicien supérieur du développement durable",
        "Adjoint administratif principal",
        "Ingénieur des travaux publics de l’État (catégorie A)",
    ),
    "FPH": (
        "Adjoint des cadres hospitaliers",
        "Attaché d’administration hospitalière",
        "Technicien supérieur hospitalier",
        "Ingénieur hospitalier",
        "Assistant médico-administratif",
    ),
}

# Who signs the application address, per family ("à l’attention de …").
ADDRESSEES: dict[str, tuple[str, ...]] = {
    "NC": (
        "Monsieur le Directeur des ressources humaines",
        "Madame la Directrice des ressources humaines",
    ),
    "FPT": ("Monsieur le Maire", "Madame la Présidente", "Monsieur le Président"),
    "FPE": ("Madame la Secrétaire générale", "Monsieur le Secrétaire général"),
    "FPH": ("Monsieur le Directeur général", "Madame la Directrice des ressources humaines"),
}
