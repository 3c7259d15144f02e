"""Realistic Notices for the writer tests, built from the real notices in the project corpus.

``seed()`` is notice 3134-25-0176/SR of the Province des îles Loyauté as published;
``opt()`` is OPT-NC notice 3134-26-0420/SR with every kind of field filled (organisation,
contact, extra, provenance, warnings — its printed dates are swapped, hence the warning);
``sparse()`` is what a damaged scan might give: almost nothing. Each goes through the enrich
stage, as every parsed notice does (place, time zone, employment, diplomas).
"""

from __future__ import annotations

import datetime as dt

from avis.enrich import enrich
from avis.model import (
    Contact,
    Notice,
    NoticeWarning,
    Organisation,
    Provenance,
    Reference,
    SourceInfo,
    Start,
)


def _seed() -> Notice:
    """3134-25-0176/SR du 24 janvier 2025 — Directeur, Province des îles Loyauté, Lifou."""
    return Notice(
        reference=Reference(
            raw="3134-25-0176/SR du 24 janvier 2025",
            id="3134-25-0176/SR",
            date=dt.date(2025, 1, 24),
        ),
        title="Directeur",
        employer="Province des îles Loyauté",
        corps="Emploi fonctionnel",
        direction="du numérique et des systèmes d’information",
        location="Lifou",
        residence_requirement=None,
        start=Start(raw="immédiatement", immediate=True),
        posted_on=dt.date(2025, 1, 24),
        deadline=dt.date(2025, 2, 14),
        description=(
            "Garant de l’alignement des systèmes d’information avec la stratégie de la province "
            "des îles Loyauté, le directeur du numérique et des systèmes d’Information est chargé "
            "de mettre en œuvre la politique des technologies de l’information et de la "
            "communication de la collectivité et il est responsable du maintien en conditions "
            "opérationnelles des systèmes d’information."
        ),
        missions=[
            "La gestion et la surveillance des équipements (serveur, routeur et télécommunication)",
            "La définition des procédures d’administration, de gestion et de supervision des "
            "infrastructures informatiques",
            "La garantie au quotidien du fonctionnement optimal des services de base (messagerie, "
            "accès à internet, logiciels) et des infrastructures de communication",
            "Le pilotage, l’assistance et le conseil des projets liés à l’infrastructure",
            "La gestion des incidents liés aux réseaux et la téléphonie, la rédaction des cahiers "
            "des charges techniques",
            "La maintenance évolutive et préventive du réseau informatique",
        ],
        knowledge=[
            "Bonnes connaissances de l’architecture et l’urbanisation des systèmes d’information",
            "Bonnes connaissances de la réglementation des marchés publics",
            "Bonnes connaissances des cycles de l’innovation et de la conduite du changement",
        ],
        know_how=[
            "Maîtrise des principes de gestion budgétaire et financière des collectivités "
            "publiques",
            "Maîtrise de la gestion des portefeuilles des projets",
            "Maîtrise des composantes d’un système d’information (infrastructure, données, "
            "applications)",
            "Maîtrise des outils de gouvernance des systèmes d’information (COBIT, ITIL)",
            "Maîtrise du management des projets (Prince2, PMBOK, Agile)",
        ],
        source=SourceInfo(
            file="3134-25-0176_SR.pdf",
            sha256="5f2b8c0d9e7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c",
            format="pdf",
            pages=3,
            size=182_344,
        ),
        provenance={
            "title": Provenance(
                page=1, bbox=(72.0, 96.5, 180.25, 110.0), origin="text_layer", rule="title"
            ),
            "deadline": Provenance(
                page=1,
                bbox=(300.0, 240.0, 480.0, 252.0),
                origin="text_layer",
                confidence=0.95,
                rule="header:Date limite de candidature",
                text="Vendredi 14 février 2025",
            ),
        },
    )


def _opt() -> Notice:
    """3134-26-0420/SR — OPT-NC, Nouméa: every part of the model filled in."""
    return Notice(
        reference=Reference(
            raw="3134-26-0420/SR du 27 mars 2026", id="3134-26-0420/SR", date=dt.date(2026, 3, 27)
        ),
        title="DT - Chargé d'affaires Télécom grands comptes stratégiques - AE",
        employer="Office des postes et télécommunications",
        corps="cadre d'exploitation",
        direction="Télécom",
        service="Agence Entreprises",
        location="9 rue du général Gallieni - Nouméa",
        job="Emploi RESPNC : Chargé d'affaires",
        residence_requirement="au moins égale à 5 ans",
        start=Start(raw="susceptible d'être à pourvoir", immediate=False),
        posted_on=dt.date(2026, 3, 27),
        deadline=dt.date(2026, 4, 17),
        positions=1,
        missions=[
            "Garantir une relation de proximité avec les clients en portefeuille (B to B)",
            "Analyser, identifier, écouter les besoins émis et proposer des solutions adaptées",
        ],
        activities=[
            "Conseiller et vendre aux clients les solutions correspondant à leurs besoins et en "
            "adéquation avec la stratégie de l'OPT",
            "Contribuer à la définition et à l'atteinte des objectifs commerciaux",
            "Assurer la représentation de l'agence entreprises lors des manifestations "
            "(salon, forum, etc)",
        ],
        secondary_activities=["Tutorer de nouveaux agents (sur la base du volontariat)"],
        knowledge=[
            "Outils informatiques et suite MS 365",
            "Techniques de vente (processus de vente : prospection, accueil client, découverte "
            "du besoin, présentation produits, négociation, suivi du client…)",
            "Diplôme exigé : BTS ou licence commerce",
        ],
        know_how=["Prospecter une clientèle", "Gérer une relation client", "Argumenter"],
        behaviours=["Capacité à communiquer", "Aisance relationnelle", "Être autonome"],
        conditions=[
            "Habilitations, permis nécessaires pour l'exercice des fonctions : Permis de "
            "conduire B",
            "Conditions de travail : du lundi au samedi en fonction du règlement intérieur",
        ],
        organisation=Organisation(
            unit="Agence Entreprises",
            supervisor="Chef de Section Développement Clients",
            org_chart_position="N-2 (par rapport au directeur opérationnel)",
            staff_direct="/",
            staff_indirect="/",
        ),
        contact=Contact(
            name="Cheffe de section Développement Clients",
            email="drh-candidature@opt.nc",
            phone="26 77 98",
            address="Direction Générale 2 rue Montchovet, Port Plaisance 98841 NOUMÉA Cedex",
            how_to_apply=(
                "Les candidatures (CV détaillé, lettre de motivation, photocopie des diplômes) "
                "précisant la référence de l'offre doivent parvenir à la Direction des ressources "
                "humaines.\n\nToute candidature incomplète ne pourra être prise en considération."
            ),
        ),
        extra={"Nb d'agents encadrés": "Directs : / - Indirects : /"},
        source=SourceInfo(
            file="26-0420.md",
            sha256="0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d",
            format="text",
            pages=1,
            size=9_412,
        ),
        warnings=[
            NoticeWarning(
                code="dates_swapped",
                field="deadline",
                message="'Date limite' was followed by the earlier date; the pair was swapped",
            ),
            NoticeWarning(code="split_value", field="corps", message="value split by a label"),
        ],
        provenance={
            "deadline": Provenance(
                origin="text", confidence=0.6, rule="swap:dates", text="Vendredi 17 avril 2026"
            )
        },
    )


def _sparse() -> Notice:
    """A scan that gave almost nothing: a title and a reference, no dates, no employer."""
    return Notice(
        reference=Reference(id="3134-24-0001/SR"),
        title="Agent d'accueil",
        source=SourceInfo(file="scan.png", format="image", pages=1),
        warnings=[NoticeWarning(code="ocr_low_confidence", message="OCR confidence 0.41")],
    )


def _empty() -> Notice:
    """Nothing at all: every field at its default."""
    return Notice()


def seed() -> Notice:
    return enrich(_seed())


def opt() -> Notice:
    return enrich(_opt())


def sparse() -> Notice:
    return enrich(_sparse())


def empty() -> Notice:
    return enrich(_empty())


def all_samples() -> dict[str, Notice]:
    return {"seed": seed(), "opt": opt(), "sparse": sparse(), "empty": empty()}
