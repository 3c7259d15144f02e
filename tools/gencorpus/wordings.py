"""Label and heading wordings of the unseen families, grouped by public-service family.

New Caledonian notices (NC, the DRHFPNC habits), French territorial (FPT: communes,
departments, regions), state (FPE: ministries, prefectures) and hospital (FPH) notices name
the same fields differently. One table, so ``label-wordings.md`` (read by whoever extends the
extraction lexicon) and the generator can never disagree: ``python -m tools.gencorpus.wordings``
rewrites that file from this table.

Every wording here means one field only; a wording that could mean two fields (e.g. "Poste",
"Compétences", "Service d’affectation", used by the organisation block) is left out on purpose.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .labels import HEADER_LABELS, HEADINGS

GROUPS: tuple[str, ...] = ("NC", "FPT", "FPE", "FPH")
GROUP_NAMES: dict[str, str] = {
    "NC": "Nouvelle-Calédonie (DRHFPNC, provinces, établissements publics)",
    "FPT": "fonction publique territoriale (communes, départements, régions)",
    "FPE": "fonction publique de l’État (ministères, préfectures, services déconcentrés)",
    "FPH": "fonction publique hospitalière (centres hospitaliers, EHPAD publics)",
}

# Header labels: group → field key (as in labels.HEADER_ORDER, plus "title") → wordings.
HEADER_WORDINGS: dict[str, dict[str, tuple[str, ...]]] = {
    "NC": {
        **HEADER_LABELS,
        "reference": (*HEADER_LABELS["reference"], "N° de l’avis"),
        "title": ("Intitulé du poste",),
    },
    "FPT": {
        "reference": ("Référence de l’offre", "N° de l’offre", "Référence", "Réf. offre"),
        "title": ("Intitulé du poste", "Emploi proposé"),
        "employer": ("Collectivité", "Collectivité employeur", "Employeur"),
        "corps": ("Cadre d’emplois", "Cadre d’emplois / Grade", "Filière / Cadre d’emplois"),
        "direction": ("Service / Direction", "Direction / Service", "Direction"),
        "start": ("Prise de poste", "Date de prise de poste", "Poste à pourvoir"),
        "location": ("Lieu d’affectation", "Lieu de travail", "Résidence administrative"),
        "posted": ("Date de publication", "Date de mise en ligne", "Publié le"),
        "deadline": (
            "Date de clôture des candidatures",
            "Date limite de candidature",
            "Candidatures avant le",
            "Date lim. de candidature",
        ),
        "positions": ("Nombre de postes", "Nombre de poste(s)"),
    },
    "FPE": {
        "reference": ("Référence", "N° de l’avis", "Numéro de l’offre", "Référence du poste"),
        "title": ("Intitulé du poste", "Intitulé de l’emploi"),
        "employer": ("Administration", "Employeur", "Organisme"),
        "corps": ("Corps", "Corps et grade", "Catégorie / Corps"),
        "direction": ("Direction d’affectation", "Direction", "Direction / Service"),
        "start": ("Date de prise de fonctions", "Disponibilité du poste", "Poste à pourvoir"),
        "location": ("Localisation du poste", "Lieu d’exercice", "Localisation"),
        "posted": ("Date de parution", "Date de diffusion", "Date de publication"),
        "deadline": (
            "Date limite de dépôt des candidatures",
            "Date limite de réception des candidatures",
            "Date limite",
            "Date lim. dépôt",
        ),
        "positions": ("Nb de postes", "Nombre de postes à pourvoir"),
    },
    "FPH": {
        "reference": ("Référence", "N° de l’offre", "Référence de l’avis"),
        "title": ("Intitulé du poste", "Libellé du poste"),
        "employer": ("Établissement", "Établissement employeur", "Employeur"),
        "corps": ("Grade", "Corps / Grade", "Corps"),
        "direction": ("Direction", "Direction / Pôle", "Direction fonctionnelle"),
        "start": ("Date de prise de poste", "Prise de fonctions", "Poste à pourvoir"),
        "location": ("Site", "Lieu d’exercice", "Localisation"),
        "posted": ("Date de l’offre", "Date de diffusion", "Date de mise en ligne"),
        "deadline": (
            "Date limite de candidature",
            "Clôture des candidatures",
            "Candidature avant le",
        ),
        "positions": ("Nombre de postes à pourvoir", "Nombre de postes", "Nb postes"),
    },
}

# Body headings: group → heading key (as in labels.HEADINGS) → wordings.
HEADING_WORDINGS: dict[str, dict[str, tuple[str, ...]]] = {
    "NC": dict(HEADINGS),
    "FPT": {
        "details": ("Descriptif de l’emploi", "Contexte", "Présentation du poste"),
        "missions": ("Missions", "Missions principales", "Vos missions"),
        "activities": ("Activités principales", "Activités et tâches principales"),
        "secondary_activities": ("Activités secondaires", "Activités complémentaires"),
        "conditions": ("Conditions d’exercice", "Spécificités du poste"),
        "profile": ("Profil recherché", "Profil du candidat"),
        "knowledge": ("Savoirs", "Connaissances", "Savoir"),
        "know_how": ("Savoir-faire", "Compétences techniques"),
        "behaviours": ("Savoir-être", "Qualités requises", "Qualités relationnelles"),
        "contact": ("Renseignements", "Informations complémentaires", "Contact"),
        "apply": ("Modalités de candidature", "Pour postuler", "Candidatures"),
    },
    "FPE": {
        "details": ("Descriptif du poste", "Présentation du service", "Contexte"),
        "missions": ("Missions du poste", "Mission principale", "Missions"),
        "activities": ("Activités principales", "Principales activités"),
        "secondary_activities": ("Activités annexes", "Activités secondaires"),
        "conditions": (
            "Sujétions et conditions particulières",
            "Conditions particulières d’exercice",
        ),
        "profile": ("Profil recherché", "Compétences attendues"),
        "knowledge": ("Connaissances", "Compétences – connaissances", "Savoirs"),
        "know_how": ("Compétences techniques", "Savoir-faire", "Compétences opérationnelles"),
        "behaviours": ("Compétences comportementales", "Savoir-être"),
        "contact": ("Personnes à contacter", "Contacts", "Renseignements"),
        "apply": ("Modalités de candidature", "Dépôt des candidatures"),
    },
    "FPH": {
        "details": ("Présentation du poste", "Contexte", "Présentation du service"),
        "missions": ("Missions générales", "Mission principale", "Missions"),
        "activities": ("Activités principales", "Activités permanentes"),
        "secondary_activities": ("Activités ponctuelles", "Activités spécifiques"),
        "conditions": ("Conditions d’exercice", "Particularités du poste"),
        "profile": ("Profil", "Qualifications et compétences requises"),
        "knowledge": ("Connaissances requises", "Connaissances particulières", "Savoirs"),
        "know_how": ("Savoir-faire requis", "Savoir-faire", "Compétences techniques"),
        "behaviours": ("Qualités professionnelles", "Savoir-être", "Aptitudes"),
        "contact": ("Renseignements", "Contact", "Personne à contacter"),
        "apply": ("Candidatures", "Modalités de candidature", "Envoi des candidatures"),
    },
}

# Inline "Label : value" lines of the closing (no heading): contact and how to apply.
INLINE_WORDINGS: dict[str, tuple[str, ...]] = {
    "contact": (
        "Renseignements",
        "Renseignements auprès de",
        "Pour tout renseignement",
        "Informations",
    ),
    "apply": ("Modalités de candidature", "Candidatures", "Pour postuler"),
}

# Which Notice field each key feeds (truth key, as in *.truth.json).
FIELD_OF_KEY: dict[str, str] = {
    "reference": "reference",
    "title": "title",
    "employer": "employer",
    "corps": "corps",
    "direction": "direction",
    "residence": "residence_requirement",
    "start": "start",
    "location": "location",
    "posted": "posted_on",
    "deadline": "deadline",
    "positions": "positions",
    "details": "description",
    "missions": "missions",
    "activities": "activities",
    "secondary_activities": "secondary_activities",
    "conditions": "conditions",
    "profile": "(profile group heading, no field)",
    "knowledge": "knowledge",
    "know_how": "know_how",
    "behaviours": "behaviours",
    "contact": "contact (email, phone, name)",
    "apply": "contact.how_to_apply",
}


def wordings_markdown() -> str:
    """The table as a plain list, field → wordings (with the groups that use each)."""
    out = [
        "# Label wordings used by tools/gencorpus (unseen families)",
        "",
        "Generated from `tools/gencorpus/wordings.py` by `python -m tools.gencorpus.wordings`;",
        "do not edit by hand. Groups: "
        + "; ".join(f"{g} = {GROUP_NAMES[g]}" for g in GROUPS)
        + ".",
        "Apostrophes are printed as ’ or ' (either may occur); labels may be printed in upper",
        "case (sometimes without accents: `DATE DE CLOTURE DES CANDIDATURES`), with or without",
        'a trailing " :", or followed by dotted leaders.',
        "",
    ]

    def block(title: str, table: dict[str, dict[str, tuple[str, ...]]]) -> None:
        out.extend([f"## {title}", ""])
        keys: list[str] = []
        for group in GROUPS:
            keys += [k for k in table[group] if k not in keys]
        for key in keys:
            out.append(f"- `{key}` → {FIELD_OF_KEY[key]}")
            seen: dict[str, list[str]] = {}
            for group in GROUPS:
                for wording in table[group].get(key, ()):
                    seen.setdefault(wording, []).append(group)
            for wording, groups in seen.items():
                out.append(f"  - {wording}  ({', '.join(groups)})")
        out.append("")

    block("Header labels (label → value)", HEADER_WORDINGS)
    block("Body section headings", HEADING_WORDINGS)
    out.extend(["## Inline closing labels (no heading, `Label : text` after the last list)", ""])
    for key, wordings in INLINE_WORDINGS.items():
        out.append(f"- `{key}` → {FIELD_OF_KEY[key]}")
        out.extend(f"  - {w}" for w in wordings)
    return "\n".join(out) + "\n"


WORDINGS_FILE = Path(__file__).with_name("label-wordings.md")

if __name__ == "__main__":
    WORDINGS_FILE.write_text(wordings_markdown(), encoding="utf-8")
    sys.exit(0)
