"""Generic phrase fragments shared by all domains (verbs, tails, behaviours, conditions)."""

from __future__ import annotations

# (lead, preposition): the preposition decides the contraction with the object's article.
ACTIVITY_VERBS: tuple[tuple[str, str], ...] = (
    ("Assurer", ""),
    ("Piloter", ""),
    ("Coordonner", ""),
    ("Organiser", ""),
    ("Mettre en œuvre", ""),
    ("Superviser", ""),
    ("Gérer", ""),
    ("Préparer et suivre", ""),
    ("Contrôler", ""),
    ("Participer à", "à"),
    ("Contribuer à", "à"),
    ("Veiller à", "à"),
    ("Assurer le suivi de", "de"),
    ("Apporter son expertise sur", "sur"),
    ("Être l’interlocuteur privilégié pour", "pour"),
)

MISSION_NOUNS: tuple[tuple[str, str], ...] = (
    ("La gestion de", "de"),
    ("Le pilotage de", "de"),
    ("La coordination de", "de"),
    ("L’organisation de", "de"),
    ("La mise en œuvre de", "de"),
    ("Le suivi de", "de"),
    ("La supervision de", "de"),
    ("Le contrôle de", "de"),
    ("La participation à", "à"),
    ("La garantie au quotidien de", "de"),
)

KNOWLEDGE_LEADS: tuple[tuple[str, str], ...] = (
    ("Bonnes connaissances de", "de"),
    ("Connaissance de", "de"),
    ("Connaissance approfondie de", "de"),
    ("Maîtrise de", "de"),
    ("Notions sur", "sur"),
)

KNOW_HOW_LEADS: tuple[str, ...] = ("Savoir ", "Capacité à ", "Être en mesure de ", "")

TAILS: tuple[str, ...] = (
    " en lien avec les services concernés",
    " dans le respect des procédures en vigueur",
    " en relation avec les partenaires institutionnels et les prestataires",
    " conformément aux orientations fixées par la direction",
    " sur l’ensemble du territoire",
    " au sein d’une équipe de 12 agents",
    " afin de garantir la continuité du service public",
    " selon les « règles de l’art »",
)

# Only after a verb ("Assurer …"), never after a noun phrase ("La gestion de …").
VERB_TAILS: tuple[str, ...] = (
    " et en rendre compte à sa hiérarchie",
    " et proposer des axes d’amélioration",
    " et alerter en cas de dysfonctionnement",
)

PARENTHESES: tuple[str, ...] = (
    " (tableaux de bord, indicateurs, rapports d’activité)",
    " (procédures, modèles, fiches réflexes)",
    " (notes, courriers, comptes rendus)",
    " (2 à 3 réunions par mois)",
)

GENERIC_SKILLS: tuple[str, ...] = (
    "maîtriser les outils bureautiques (Word, Excel, Outlook) et les applications métiers",
    "rédiger des notes de synthèse, des courriers et des rapports",
    "conduire une réunion et en rédiger le compte rendu",
    "prioriser les dossiers et respecter les échéances",
    "travailler en transversalité avec les autres directions",
    "s’exprimer avec aisance à l’oral comme à l’écrit",
    "animer et motiver une équipe",
    "rendre compte de son activité de manière synthétique",
)

BEHAVIOURS: tuple[str, ...] = (
    "Sens de l’organisation et rigueur",
    "Capacité à travailler en équipe",
    "Discrétion et respect de la confidentialité",
    "Aisance relationnelle",
    "Esprit d’initiative et force de proposition",
    "Disponibilité (réunions en soirée possibles)",
    "Sens du service public",
    "Capacité d’adaptation",
    "Réactivité",
    "Autonomie",
    "Sens de l’écoute et de la pédagogie",
    "Loyauté et sens des responsabilités",
    "Capacité à gérer les priorités et à travailler dans l’urgence",
    "Diplomatie et maîtrise de soi face aux situations conflictuelles ou tendues avec le public",
    "Être rigoureux et méthodique",
    "Avoir l’esprit d’équipe",
    "Respect de la hiérarchie, des consignes et des règles d’hygiène et de sécurité",
    "Aptitude à rendre compte et à alerter sa hiérarchie en cas de difficulté",
)

PERMITS: tuple[str, ...] = (
    "Permis B",
    "Permis B obligatoire",
    "Permis B et permis bateau",
    "Habilitation électrique B1V – H0",
    "/",
)

GENERIC_CONDITIONS: tuple[str, ...] = (
    "horaires décalés",
    "travail en open space",
    "du lundi au vendredi, 7 h 30 – 16 h 30",
    "déplacements dans les îles et en brousse",
    "/",
)

CONDITION_HEADINGS: tuple[str, ...] = (
    "Conditions de travail",
    "Contraintes particulières",
    "Sujétions liées au poste",
)
PERMIT_HEADING = "Habilitations, permis nécessaires pour l’exercice des fonctions"

DESCRIPTION_EXTRAS: tuple[str, ...] = (
    "Le poste est ouvert aux fonctionnaires et, à défaut, aux agents contractuels.",
    "Des déplacements ponctuels sont à prévoir sur l’ensemble du territoire.",
    "Le titulaire du poste travaille en étroite collaboration avec les autres directions.",
    "L’agent rend compte régulièrement de son activité à sa hiérarchie.",
)

FOOTNOTES: tuple[str, ...] = (
    "(1) Vous trouverez la liste des pièces à fournir afin de justifier de la citoyenneté ou de "
    "la durée de résidence dans la « Notice explicative » téléchargeable sur le site de la "
    "DRHFPNC.",
    "(2) La fiche de renseignements et la demande de changement de corps ou cadre d’emplois sont "
    "à télécharger sur la page de garde des avis de vacance de poste. Toute candidature "
    "incomplète ne pourra être prise en considération.",
)
