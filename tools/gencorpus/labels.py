"""Label and heading wordings: employers word the same field differently, so we do too."""

from __future__ import annotations

HEADER_LABELS: dict[str, tuple[str, ...]] = {
    "reference": ("Référence", "N° de référence", "Réf."),
    "employer": ("Employeur", "Collectivité", "Administration"),
    "corps": ("Corps ou Cadre d’emploi / Domaine", "Corps /Domaine", "Cadre d’emplois"),
    "direction": ("Direction",),
    "residence": (
        "Durée de résidence exigée pour le recrutement sur titre (1)",
        "Condition de durée de résidence pour le recrutement sur titre (1)",
    ),
    "start": ("Poste à pourvoir", "Postes à pourvoir", "Prise de poste"),
    "location": ("Lieu de travail", "Lieu d’affectation"),
    "posted": ("Date de dépôt de l’offre", "Date de publication"),
    "deadline": ("Date limite de candidature", "Date de clôture des candidatures"),
    "positions": ("Nombre de postes", "Nb de postes à pourvoir"),
}

# The usual order of real notices; the sampler perturbs it a little.
HEADER_ORDER: tuple[str, ...] = (
    "reference",
    "employer",
    "corps",
    "direction",
    "residence",
    "start",
    "location",
    "posted",
    "deadline",
    "positions",
)

ORGANISATION_LABELS: dict[str, tuple[str, ...]] = {
    "unit": ("Unité organisationnelle", "Service d’affectation"),
    "chart": ("Place dans l’organigramme",),
    "supervisor": ("Fonction du supérieur hiérarchique direct", "Supérieur hiérarchique"),
    "staff": ("Nb d’agents encadrés", "Nombre d’agents encadrés"),
}

HEADINGS: dict[str, tuple[str, ...]] = {
    "details": ("Détails de l’offre", "Présentation du poste"),
    "missions": ("Missions", "Missions du poste"),
    "activities": ("Activités principales",),
    "secondary_activities": ("Activités secondaires",),
    "conditions": (
        "Caractéristiques particulières de l’emploi",
        "Conditions particulières d’exercice",
    ),
    "profile": ("Profil du candidat", "Profil recherché"),
    "knowledge": (
        "Savoir / Connaissance / Diplôme exigé",
        "Savoir/Connaissance/Diplôme exigé",
        "Connaissances",
    ),
    "know_how": ("Savoir-faire",),
    "behaviours": ("Comportement professionnel", "Savoir-être"),
    "contact": ("Contact et informations complémentaires", "Renseignements"),
    "apply": ("Pour répondre à cette offre", "Modalités de candidature"),
}
