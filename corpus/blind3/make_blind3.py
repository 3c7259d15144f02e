"""Make corpus/blind3: ten fictional job notices and their truth files.

Written on 2026-12-03 by a helper who had not read avis's extraction rules, its generator or its
tests: the layouts here are chosen to be ones those do not make. Content and truth live side by
side below (list items are written once and used for both, so they cannot drift apart); every
scalar truth value is typed by hand from the printed text.

Run from the repository root: ``.venv/bin/python corpus/blind3/make_blind3.py``. Writes beside
itself. Needs reportlab and python-docx (dev dependencies); does not import avis.
"""

# ruff: noqa: E501  (the truth notes are long prose strings)
from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

OUT = Path(__file__).resolve().parent
WRITTEN = "2026-12-03"
KEYS = [
    "reference.id",
    "reference.date",
    "title",
    "employer",
    "corps",
    "direction",
    "location",
    "residence_requirement",
    "start.immediate",
    "start.date",
    "posted_on",
    "deadline",
    "missions",
    "activities",
    "secondary_activities",
    "knowledge",
    "know_how",
    "behaviours",
    "conditions",
    "contact.email",
]


def write_truth(name: str, ext: str, what: str, fields: dict[str, Any], notes: str) -> None:
    """Write NAME.truth.json with the 20 keys of corpus/blind2, in the same order."""
    missing = [k for k in KEYS if k not in fields]
    extra = [k for k in fields if k not in KEYS]
    assert not missing and not extra, (name, missing, extra)
    doc = {
        "file": f"{name}.{ext}",
        "source": (
            "blind3 test set, written by hand without knowledge of avis's extraction rules "
            f"(a helper session, {WRITTEN}); fictional notice ({what})"
        ),
        "fields": {k: fields[k] for k in KEYS},
        "hard": [],
        "notes": notes,
    }
    (OUT / f"{name}.truth.json").write_text(
        json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


# ---------------------------------------------------------------------------------------------
# 01 — Province Sud, born-digital PDF, 3-column header grid with each label ABOVE its value
# ---------------------------------------------------------------------------------------------
N01 = "blind3-01-province-sud-grille"
N01_HEADER = [
    ("RÉFÉRENCE", "PS-26-0517/DRH du 8 mai 2026"),
    ("EMPLOYEUR", "Province Sud"),
    ("CADRE D'EMPLOIS / DOMAINE", "Rédacteur / Insertion professionnelle et emploi"),
    ("DIRECTION", "de l'économie, de la formation et de l'emploi (DEFE)"),
    ("LIEU DE TRAVAIL", "Antenne provinciale de Bourail"),
    ("DURÉE DE RÉSIDENCE EXIGÉE (1)", "au moins égale à 5 ans"),
    ("POSTE À POURVOIR", "à compter du 1er juillet 2026"),
    ("DATE DE PUBLICATION", "08/05/2026"),
    ("DATE LIMITE DE CANDIDATURE", "vendredi 5 juin 2026"),
]
N01_DESC = (
    "Au sein de la DEFE, le service de l'emploi et de l'insertion accompagne chaque année plus "
    "de 1 200 demandeurs d'emploi de la côte Ouest. L'antenne de Bourail couvre les communes de "
    "Bourail, Moindou et Farino."
)
N01_MISSIONS = [
    "Accueillir, orienter et accompagner les demandeurs d'emploi de la zone de l'antenne dans la "
    "construction de leur parcours d'insertion professionnelle",
    "Développer les relations avec les entreprises et les partenaires locaux afin de favoriser "
    "le retour à l'emploi",
]
N01_ACT = [
    "Conduire les entretiens de diagnostic et établir avec chaque personne un plan d'action "
    "individualisé",
    "Animer des ateliers collectifs (techniques de recherche d'emploi, préparation aux entretiens)",
    "Prospecter les entreprises de la zone et recueillir leurs offres d'emploi",
    "Mettre en relation les candidats avec les employeurs et suivre leur intégration",
    "Saisir et mettre à jour les dossiers dans le logiciel de suivi des parcours",
]
N01_SEC = [
    "Participer aux forums de l'emploi et aux réunions d'information collectives",
    "Contribuer au bilan annuel d'activité de l'antenne",
]
N01_KNO = [
    "Diplôme de niveau bac + 2 minimum dans le domaine de l'insertion ou des ressources humaines",
    "Connaissance du marché du travail calédonien",
    "Dispositifs de formation et d'insertion de la province Sud",
]
N01_KH = [
    "Mener un entretien individuel",
    "Animer un groupe",
    "Utiliser les outils bureautiques et un logiciel métier",
]
N01_BEH = ["Sens de l'écoute", "Discrétion", "Capacité à travailler en réseau"]
N01_COND = [
    "Déplacements : fréquents dans les communes de la zone, véhicule de service",
    "Permis : permis B indispensable",
]
N01_APPLY = (
    "Les candidatures (lettre de motivation, curriculum vitae et copie des diplômes) sont à "
    "adresser avant la date limite à la direction des ressources humaines de la province Sud, "
    "de préférence par courriel à recrutement.drh@example.nc."
)
N01_INFO = (
    "Renseignements : Prénom NOM, responsable de l'antenne de Bourail – tél. 44 11 22 – "
    "prenom.nom@example.nc"
)
N01_FOOT = (
    "(1) Durée de résidence exigée pour le recrutement sur titre, en application de la loi du "
    "pays n° 2010-9 du 27 juillet 2010."
)

# ---------------------------------------------------------------------------------------------
# 02 — CHT Gaston-Bourret, PDF, boxed sidebar with the header facts beside the body
# ---------------------------------------------------------------------------------------------
N02 = "blind3-02-cht-encadre"
N02_SIDEBAR = [
    ("Référence", "CHT/DRH/2026-088"),
    ("Date de parution", "lundi 11 mai 2026"),
    ("Employeur", "Centre hospitalier territorial Gaston-Bourret"),
    ("Corps", "Techniciens de laboratoire médical"),
    ("Direction", "Direction des soins et des activités médico-techniques"),
    ("Pôle", "Biologie – laboratoire"),
    ("Lieu d'exercice", "Médipôle de Koutio, Dumbéa"),
    ("Durée de résidence exigée", "/"),
    ("Prise de poste", "dès que possible"),
    ("Clôture des candidatures", "29 mai 2026"),
]
N02_DESC = (
    "Le laboratoire de biologie moléculaire du CHT réalise les analyses de diagnostic "
    "virologique et bactériologique pour l'ensemble des établissements de santé du territoire."
)
N02_MISSIONS = [
    "Réaliser les analyses de biologie moléculaire dans le respect des procédures d'assurance "
    "qualité et des délais attendus par les services cliniques"
]
N02_ACT = [
    "Préparer les échantillons et réaliser les extractions d'acides nucléiques",
    "Conduire les analyses par PCR en temps réel et valider techniquement les résultats",
    "Assurer la maintenance de premier niveau des automates",
    "Tracer les opérations dans le système de gestion du laboratoire",
    "Gérer les stocks de réactifs et de consommables",
]
N02_SEC = [
    "Participer aux audits internes dans le cadre de l'accréditation COFRAC",
    "Former les nouveaux techniciens et les stagiaires",
]
N02_KNO = [
    "Diplôme d'État de technicien de laboratoire médical, BTS ou DUT d'analyses biologiques",
    "Techniques de biologie moléculaire",
    "Règles d'hygiène et de sécurité en laboratoire (niveau L2)",
]
N02_KH = [
    "Appliquer un protocole et un mode opératoire",
    "Détecter une anomalie et alerter",
    "Utiliser un système informatique de laboratoire",
]
N02_BEH = ["Rigueur et minutie", "Esprit d'équipe", "Réactivité"]
N02_COND_ITEMS = [
    "Travail en horaires décalés (7 h – 19 h), un week-end sur trois",
    "Participation aux gardes de nuit selon le planning du pôle",
]
N02_APPLY = (
    "Les candidatures (CV et lettre de motivation) sont à adresser à la direction des ressources "
    "humaines du CHT, par courriel à recrutement.cht@example.nc, au plus tard le 29 mai 2026."
)
N02_INFO = (
    "Renseignements auprès de Prénom NOM, cadre de santé du laboratoire, au 20 80 00 (poste 4321)."
)

# ---------------------------------------------------------------------------------------------
# 03 — Ville de Montbrison (FPT, metropolitan France), PDF, header with dotted leaders
# ---------------------------------------------------------------------------------------------
N03 = "blind3-03-montbrison-pointilles"
N03_HEADER = [
    ("Référence de l'offre", "O042260500187342"),
    ("Date de publication", "8 mai 2026"),
    ("Collectivité", "Ville de Montbrison"),
    ("Cadre d'emplois", "Adjoints administratifs territoriaux ou rédacteurs territoriaux"),
    ("Catégorie", "C ou B"),
    ("Service / Direction", "Direction des ressources humaines"),
    ("Lieu de travail", "Hôtel de ville, 1 place de l'Hôtel de ville, 42600 Montbrison"),
    ("Temps de travail", "Temps complet – 37 h 30 hebdomadaires"),
    ("Poste à pourvoir le", "lundi 1er juin 2026"),
    ("Date limite de dépôt", "22/05/2026"),
]
N03_DESC = (
    "Au sein d'une direction des ressources humaines de huit agents, vous gérez un portefeuille "
    "d'environ 180 agents titulaires et contractuels, de leur recrutement à leur départ."
)
N03_MISSIONS = [
    "Assurer la gestion administrative des carrières et l'élaboration de la paie d'un "
    "portefeuille d'agents, dans le respect du statut de la fonction publique territoriale"
]
N03_ACT = [
    "Préparer et saisir les éléments variables de paie et contrôler les bulletins",
    "Rédiger les actes administratifs (arrêtés, contrats, attestations)",
    "Suivre les avancements d'échelon et de grade et la promotion interne",
    "Instruire les dossiers de retraite et de validation de services",
    "Renseigner les agents sur leur situation administrative",
]
N03_KNO = [
    "Statut de la fonction publique territoriale",
    "Règles de la paie publique et des cotisations sociales",
    "Logiciel de paie CIRIL ou équivalent",
]
N03_KH = [
    "Appliquer une réglementation complexe",
    "Rédiger un acte administratif",
    "Gérer des échéances",
]
N03_BEH = ["Discrétion professionnelle", "Rigueur", "Sens du service public"]
N03_COND = [
    "Horaires : du lundi au vendredi, 8 h 30 – 12 h / 13 h 30 – 17 h 30",
    "Rémunération : statutaire, régime indemnitaire (RIFSEEP) et CNAS",
]
N03_APPLY = (
    "Merci d'adresser votre candidature (lettre de motivation, CV et dernier arrêté de situation "
    "administrative) avant le 22 mai 2026 à Monsieur le Maire, Hôtel de ville, 42600 Montbrison, "
    "ou par courriel à recrutement@example.fr."
)
N03_INFO = "Renseignements : Prénom NOM, responsable des ressources humaines, 04 77 00 00 00."

# ---------------------------------------------------------------------------------------------
# 04 — Gouvernement NC / DASS, PDF, ruled header table split across pages 1 and 2
# ---------------------------------------------------------------------------------------------
N04 = "blind3-04-dass-deux-pages"
N04_HEADER = [
    ("Référence", "3152-26-0611/DASS du 12 mai 2026"),
    ("Employeur", "Gouvernement de la Nouvelle-Calédonie"),
    ("Corps ou cadre d'emploi / Domaine", "Ingénieur / Santé publique et environnement"),
    ("Direction", "des affaires sanitaires et sociales (DASS)"),
    ("Service", "Service de santé environnementale"),
    ("Lieu de travail", "Nouméa"),
    (
        "Durée de résidence exigée pour le recrutement sur titre (1)",
        "au moins égale à 10 ans",
    ),
    ("Poste(s) à pourvoir", "immédiatement"),
    ("Date de dépôt de l'offre", "mardi 12 mai 2026"),
    ("Date limite de candidature", "vendredi 12 juin 2026"),
]
N04_PREAMBLE = [
    "Le présent avis est publié en application de la délibération n° 81 du 24 juillet 1990 "
    "portant droits et obligations des fonctionnaires territoriaux. Les fonctionnaires "
    "titulaires du corps ou du cadre d'emplois mentionné ci-dessous peuvent faire acte de "
    "candidature par voie de mutation, de détachement ou d'intégration directe.",
    "À défaut de candidature statutaire, le poste pourra être pourvu par voie de recrutement "
    "sur titre ou par un agent contractuel. Les candidats recrutés sur titre doivent remplir la "
    "condition de durée de résidence précisée dans le tableau ci-après (1).",
    "Les informations essentielles du poste sont récapitulées ci-dessous ; le détail des "
    "missions et du profil attendu figure aux pages suivantes.",
]
N04_DESC = (
    "Le service de santé environnementale évalue et prévient les risques sanitaires liés à "
    "l'eau, à l'air, à l'habitat et aux nuisances sur l'ensemble du territoire."
)
N04_MISSIONS = [
    "Conduire des études et des inspections visant à évaluer l'exposition de la population aux "
    "risques environnementaux",
    "Proposer aux autorités sanitaires les mesures de gestion et de prévention adaptées",
]
N04_ACT = [
    "Piloter le contrôle sanitaire des eaux destinées à la consommation humaine et des eaux de "
    "baignade",
    "Instruire les dossiers de plaintes relatives à l'habitat insalubre et au bruit",
    "Réaliser des inspections sur site et rédiger les rapports correspondants",
    "Exploiter et valoriser les données sanitaires (bilans, cartographies)",
]
N04_SEC = [
    "Participer à la gestion des alertes sanitaires (cyclones, pollutions accidentelles)",
    "Contribuer à la formation des agents des communes",
]
N04_COND = [
    "Habilitations, permis nécessaires pour l'exercice des fonctions : permis B",
    "Conditions de travail : déplacements en brousse et dans les îles",
]
N04_KNO = [
    "Diplôme d'ingénieur ou master en santé environnementale",
    "Réglementation sanitaire applicable en Nouvelle-Calédonie",
    "Méthodes d'évaluation des risques sanitaires",
]
N04_KH = [
    "Conduire une inspection",
    "Rédiger un rapport technique",
    "Animer une réunion avec des partenaires",
]
N04_BEH = ["Rigueur", "Sens du travail en équipe", "Capacité d'adaptation"]
N04_INFO = (
    "Pour tout renseignement, contacter Prénom NOM, chef du service de santé environnementale, "
    "au 24 37 00 ou par courriel : prenom.nom@example.nc."
)
N04_APPLY = (
    "Les candidatures (lettre de motivation, CV, copie des diplômes et, pour les fonctionnaires, "
    "dernier arrêté de situation) sont à adresser au plus tard le vendredi 12 juin 2026 à la "
    "DRHFPNC : candidatures.drhfpnc@example.nc."
)
N04_FOOT = (
    "(1) Condition applicable aux seuls recrutements sur titre, en application de la loi du pays "
    "n° 2010-9 du 27 juillet 2010 relative à la protection, à la promotion et au soutien de "
    "l'emploi local."
)

# ---------------------------------------------------------------------------------------------
# 05 — DDTM du Finistère (FPE), PDF "fiche de poste", two label/value pairs sharing one row
# ---------------------------------------------------------------------------------------------
N05 = "blind3-05-ddtm-paires"
N05_ROWS: list[list[tuple[str, str]]] = [
    [("N° de poste PEP", "2026-1187342"), ("Date de publication", "12/05/2026")],
    [("Employeur", "Direction départementale des territoires et de la mer du Finistère")],
    [("Corps", "Secrétaires administratifs"), ("Catégorie", "B")],
    [("Service", "Service aménagement et urbanisme"), ("Unité", "Application du droit des sols")],
    [("Localisation", "2 boulevard du Finistère, Quimper"), ("Télétravail", "possible, 2 jours")],
    [("Poste à pourvoir le", "1er septembre 2026"), ("Date limite de candidature", "12 juin 2026")],
]
N05_DESC = (
    "L'unité Application du droit des sols instruit pour le compte de l'État et de 27 communes "
    "les permis de construire, d'aménager et de démolir."
)
N05_MISSIONS = [
    "Instruire les demandes d'autorisation d'urbanisme dans le respect des délais réglementaires "
    "et sécuriser juridiquement les décisions proposées à la signature"
]
N05_ACT = [
    "Vérifier la complétude des dossiers et notifier les demandes de pièces",
    "Analyser la conformité des projets aux documents d'urbanisme",
    "Consulter les services et gestionnaires de réseaux",
    "Rédiger les propositions de décision",
]
N05_SEC = [
    "Renseigner les pétitionnaires et les secrétaires de mairie",
    "Participer au contrôle de conformité des travaux",
]
N05_KNO = [
    "Code de l'urbanisme",
    "Lecture de plans et de documents graphiques",
    "Procédure administrative",
]
N05_KH = [
    "Instruire un dossier dans un délai contraint",
    "Rédiger un acte administratif",
    "Utiliser le logiciel ADS",
]
N05_BEH = ["Sens de l'organisation", "Aisance relationnelle", "Esprit d'équipe"]
N05_COND_ITEMS = ["Pics d'activité en fin d'année", "Déplacements ponctuels sur le terrain"]
N05_CONTACT = "Prénom NOM, cheffe de l'unité ADS – 02 98 76 00 00 – prenom.nom@example.fr"
N05_APPLY = (
    "Les candidatures (CV et lettre de motivation) sont à déposer sur Choisir le service public "
    "avant le 12 juin 2026."
)

# ---------------------------------------------------------------------------------------------
# 06 — Centre hospitalier de Saint-Lô (FPH), DOCX, 4-column table label|value|label|value
# ---------------------------------------------------------------------------------------------
N06 = "blind3-06-ch-saint-lo-tableau4"
N06_ROWS = [
    [("Établissement", "Centre hospitalier de Saint-Lô"), ("Référence", "DRH/FP/2026-054")],
    [("Grade", "Cadre de santé paramédical"), ("Catégorie", "A")],
    [("Direction", "Direction des soins"), ("Pôle", "Médecine et gériatrie")],
    [("Lieu d'exercice", "Site Mémorial, Saint-Lô"), ("Quotité", "100 %")],
    [("Poste à pourvoir le", "1er juillet 2026"), ("Date de publication", "20/05/2026")],
    [("Date limite de candidature", "19/06/2026"), ("Contact", "Prénom NOM, directrice des soins")],
]
N06_DESC = (
    "Le service de court séjour gériatrique compte 30 lits et accueille des patients de plus de "
    "75 ans, le plus souvent admis par les urgences."
)
N06_MISSIONS = [
    "Organiser l'activité de soins du service et encadrer l'équipe paramédicale, en garantissant "
    "la qualité et la sécurité des prises en charge"
]
N06_ACT = [
    "Organiser les plannings et gérer les effectifs paramédicaux",
    "Coordonner les parcours de soins avec les équipes médicales et sociales",
    "Conduire les entretiens annuels d'évaluation",
    "Suivre les indicateurs de qualité et de gestion des risques",
    "Accueillir et intégrer les nouveaux professionnels",
]
N06_SEC = [
    "Participer aux groupes de travail institutionnels",
    "Encadrer les étudiants cadres de santé",
]
N06_KNO = [
    "Diplôme de cadre de santé",
    "Gestion des ressources humaines à l'hôpital",
    "Démarche qualité et certification HAS",
]
N06_KH = ["Conduire un projet de service", "Gérer un conflit", "Animer une réunion d'équipe"]
N06_BEH = ["Leadership bienveillant", "Disponibilité", "Capacité d'écoute"]
N06_COND_ITEMS = [
    "Participation aux astreintes de cadre de santé",
    "Horaires variables selon les besoins du service",
]
N06_APPLY = (
    "Les candidatures (CV et lettre de motivation) sont à adresser avant le 19 juin 2026 à "
    "Prénom NOM, directrice des soins : prenom.nom@example.fr – 02 33 00 00 00."
)

# ---------------------------------------------------------------------------------------------
# 07 — Ville de Nouméa, DOCX, header as paragraphs aligned with tab stops (two pairs per line)
# ---------------------------------------------------------------------------------------------
N07 = "blind3-07-noumea-tabulations"
N07_LINES: list[list[tuple[str, str]]] = [
    [("Référence :", "VDN-DRH-2026-131 du 4 mai 2026")],
    [("Employeur :", "Ville de Nouméa")],
    [("Cadre d'emploi :", "Agent technique / Médiation sociale et prévention")],
    [("Direction :", "Direction de la prévention et de la médiation (DPM)")],
    [("Lieu de travail :", "Maison de quartier de Rivière-Salée")],
    [("Durée de résidence exigée :", "/")],
    [("Poste à pourvoir :", "dès que possible"), ("Nombre de postes :", "2")],
    [("Date de publication :", "04/05/2026"), ("Date limite :", "lundi 1er juin 2026")],
]
N07_DESC = (
    "La Ville de Nouméa renforce sa présence dans les quartiers en recrutant deux médiateurs "
    "chargés de prévenir les conflits et de faciliter l'accès des habitants aux services publics."
)
N07_MISSIONS = [
    "Assurer une présence active de proximité dans les quartiers afin de prévenir et de réguler "
    "les tensions et les conflits de la vie quotidienne"
]
N07_ACT = [
    "Aller à la rencontre des habitants, des commerçants et des associations",
    "Intervenir en médiation lors de conflits de voisinage",
    "Orienter les habitants vers les services et dispositifs adaptés",
    "Signaler les dysfonctionnements constatés sur l'espace public",
]
N07_SEC = ["Participer aux animations de quartier", "Rédiger les comptes rendus d'intervention"]
N07_KNO = [
    "Connaissance des quartiers et des acteurs locaux",
    "Notions de droit et de fonctionnement des institutions",
    "Langues kanak ou wallisienne appréciées",
]
N07_KH = ["Gérer une situation de tension", "Écouter et reformuler", "Rendre compte par écrit"]
N07_BEH = ["Calme et maîtrise de soi", "Neutralité", "Sens du contact"]
N07_COND = ["Horaires : du mardi au samedi, de 12 h à 20 h", "Permis : permis B exigé"]
N07_APPLY = (
    "Les candidatures (lettre de motivation et CV) sont à adresser avant le lundi 1er juin 2026 "
    "à Monsieur le Maire, par courriel à drh.recrutement@example.nc."
)
N07_INFO = "Renseignements : service recrutement, 27 31 15."

# ---------------------------------------------------------------------------------------------
# 08 — Province Nord, HTML, header as a definition list <dl>
# ---------------------------------------------------------------------------------------------
N08 = "blind3-08-province-nord-dl"
N08_DL = [
    ("N° d'avis", "PN-DDEE-2026-044 du 30 avril 2026"),
    ("Collectivité", "Province Nord"),
    ("Corps / Domaine", "Technicien / Environnement et forêt"),
    ("Direction", "du développement économique et de l'environnement (DDEE)"),
    ("Service", "Service des milieux et ressources terrestres"),
    ("Lieu d'affectation", "Koné, avec déplacements sur la côte Est"),
    ("Durée de résidence exigée (1)", "au moins égale à 5 ans"),
    ("Prise de poste", "1er juin 2026"),
    ("Mise en ligne", "jeudi 30 avril 2026"),
    ("Clôture des candidatures", "lundi 25 mai 2026"),
]
N08_DESC = (
    "Le service des milieux et ressources terrestres gère les forêts provinciales et conduit les "
    "programmes de reboisement et de lutte contre les incendies."
)
N08_MISSIONS = [
    "Participer à la gestion durable des forêts de la province Nord et à la mise en œuvre des "
    "programmes de reboisement"
]
N08_ACT = [
    "Réaliser les inventaires forestiers et les relevés de terrain",
    "Encadrer les chantiers de plantation et d'entretien",
    "Suivre les conventions passées avec les propriétaires coutumiers et privés",
    "Contrôler les coupes et délivrer les autorisations de transport de bois",
]
N08_SEC = [
    "Participer aux actions de sensibilisation en milieu scolaire",
    "Appuyer la surveillance des feux de brousse en saison sèche",
]
N08_KNO = [
    "BTS gestion forestière ou équivalent",
    "Botanique et essences locales",
    "Techniques de sylviculture tropicale",
]
N08_KH = [
    "Utiliser un GPS et un logiciel de SIG",
    "Organiser un chantier",
    "Rédiger un compte rendu de terrain",
]
N08_BEH = ["Goût pour le travail de terrain", "Respect des usages coutumiers", "Autonomie"]
N08_COND = [
    "Déplacements : fréquents, parfois sur plusieurs jours",
    "Permis : permis B obligatoire, permis de conduire les engins forestiers apprécié",
]

# ---------------------------------------------------------------------------------------------
# 09 — Agence sanitaire et sociale de la NC (établissement public), Markdown table header
# ---------------------------------------------------------------------------------------------
N09 = "blind3-09-ass-nc-tableau"
N09_TABLE = [
    ("Référence", "ASS-NC/RH/26-017"),
    ("Établissement", "Agence sanitaire et sociale de la Nouvelle-Calédonie"),
    ("Cadre d'emplois", "Éducateur sanitaire / Prévention et promotion de la santé"),
    ("Pôle / Direction", "Direction de la prévention et de la promotion de la santé"),
    ("Lieu de travail", "Nouméa, interventions dans les écoles de la province Sud"),
    ("Durée de résidence exigée", "/"),
    ("Date de prise de fonctions", "dès que possible"),
    ("Publié le", "8 mai 2026"),
    ("Date limite de dépôt", "29 mai 2026 à 12 h"),
]
N09_DESC = (
    "Le programme « Mes dents, ma santé » mène chaque année des actions de dépistage et "
    "d'éducation dans plus de 150 écoles."
)
N09_MISSIONS = [
    "Concevoir, animer et évaluer les actions de prévention bucco-dentaire du programme auprès "
    "des enfants, des familles et des équipes éducatives"
]
N09_ACT = [
    "Planifier les interventions dans les écoles avec les directeurs et les infirmières scolaires",
    "Animer les séances d'éducation à l'hygiène bucco-dentaire",
    "Organiser les campagnes de dépistage avec les chirurgiens-dentistes",
    "Saisir et analyser les données d'activité du programme",
]
N09_SEC = [
    "Concevoir des supports pédagogiques adaptés aux enfants",
    "Représenter l'agence lors des manifestations de santé publique",
]
N09_KNO = [
    "Diplôme de niveau bac + 3 en santé publique ou en éducation pour la santé",
    "Méthodologie de projet en promotion de la santé",
    "Connaissance du système éducatif calédonien",
]
N09_KH = [
    "Animer un groupe d'enfants",
    "Construire un outil d'évaluation",
    "Travailler en partenariat",
]
N09_BEH = ["Pédagogie", "Dynamisme", "Adaptabilité"]
N09_COND = [
    ("Horaires", "calés sur le calendrier scolaire, congés pris pendant les vacances scolaires"),
    ("Permis", "permis B exigé"),
]

# ---------------------------------------------------------------------------------------------
# 10 — Ville de Millau (FPT), plain text, header facts as "Label : value" prose
# ---------------------------------------------------------------------------------------------
N10 = "blind3-10-millau-prose"
N10_MISSIONS = [
    "Sous l'autorité du directeur de la vie sportive et associative, vous pilotez le service des "
    "sports et mettez en œuvre la politique sportive de la collectivité"
]
N10_ACT = [
    "encadrer et animer l'équipe du service (25 agents)",
    "piloter la gestion et la maintenance des équipements sportifs",
    "préparer et exécuter le budget du service",
    "instruire les demandes de subventions des associations",
    "organiser les grands événements sportifs de la ville",
]
N10_KNO = [
    "formation supérieure en management du sport (STAPS, master ou équivalent)",
    "réglementation des équipements sportifs et des établissements recevant du public",
    "fonctionnement des collectivités territoriales",
]
N10_KH = [
    "manager une équipe pluridisciplinaire",
    "conduire un projet d'équipement",
    "élaborer et suivre un budget",
]
N10_BEH = ["sens du dialogue avec le monde associatif", "disponibilité", "rigueur"]
N10_COND_ITEMS = [
    "temps complet, 39 h hebdomadaires avec RTT",
    "disponibilité en soirée et le week-end lors des manifestations",
]


# =============================================================================================
# Renderers
# =============================================================================================
def _pdf_styles(font: str, bold: str) -> dict[str, Any]:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("body", fontName=font, fontSize=10, leading=13)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10),
        "h": ParagraphStyle(
            "h", parent=base, fontName=bold, fontSize=11, leading=14, spaceBefore=9, spaceAfter=4
        ),
        "sub": ParagraphStyle("sub", parent=base, fontName=bold, spaceBefore=4, spaceAfter=2),
        "bullet": ParagraphStyle("bullet", parent=base, leftIndent=16, bulletIndent=4),
        "title": ParagraphStyle(
            "title", parent=base, fontName=bold, fontSize=15, leading=19, spaceAfter=8
        ),
        "centre": ParagraphStyle("centre", parent=base, alignment=1, fontName=bold),
        "label": ParagraphStyle(
            "label", parent=base, fontName=bold, fontSize=7.5, leading=9, textColor=colors.grey
        ),
    }


def _bullets(items: list[str], st: Any, mark: str, ends: tuple[str, str] = (" ;", ".")) -> list:
    from reportlab.platypus import Paragraph

    out = []
    for i, it in enumerate(items):
        end = ends[1] if i == len(items) - 1 else ends[0]
        out.append(Paragraph(escape(it + end), st, bulletText=mark))
    return out


def _dejavu() -> tuple[str, str]:
    """DejaVu when installed (an embedded TrueType font, like most office PDFs), else Helvetica."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    d = Path("/usr/share/fonts/truetype/dejavu")
    if (d / "DejaVuSans.ttf").exists():
        pdfmetrics.registerFont(TTFont("DejaVu", str(d / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(d / "DejaVuSans-Bold.ttf")))
        return "DejaVu", "DejaVu-Bold"
    return "Helvetica", "Helvetica-Bold"


def make_01() -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    st = _pdf_styles("Helvetica", "Helvetica-Bold")
    story: list = [
        Paragraph("PROVINCE SUD", st["centre"]),
        Paragraph("Nouvelle-Calédonie", st["small"]),
        Spacer(1, 10),
        Paragraph("AVIS DE VACANCE DE POSTE", st["centre"]),
        Spacer(1, 6),
        Paragraph(escape("Chargé(e) d'accompagnement vers l'emploi"), st["title"]),
    ]
    cells = [
        [Paragraph(escape(lab), st["label"]), Paragraph(escape(val), st["body"])]
        for lab, val in N01_HEADER
    ]
    rows = [cells[i : i + 3] for i in range(0, 9, 3)]
    t = Table(rows, colWidths=[5.7 * cm] * 3)
    t.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.lightgrey),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    story += [t, Spacer(1, 8)]
    h, b, sub = st["h"], st["bullet"], st["sub"]
    story += [Paragraph("LE CONTEXTE", h), Paragraph(escape(N01_DESC), st["body"])]
    story += [Paragraph("MISSIONS", h)]
    story += [Paragraph(escape(m + "."), st["body"]) for m in N01_MISSIONS]
    story += [Paragraph("ACTIVITÉS PRINCIPALES", h), *_bullets(N01_ACT, b, "•")]
    story += [Paragraph("ACTIVITÉS SECONDAIRES", h), *_bullets(N01_SEC, b, "•")]
    story += [Paragraph("PROFIL DU CANDIDAT", h)]
    story += [Paragraph("Savoirs", sub), *_bullets(N01_KNO, b, "•")]
    story += [Paragraph("Savoir-faire", sub), *_bullets(N01_KH, b, "•")]
    story += [Paragraph("Savoir-être", sub), *_bullets(N01_BEH, b, "•")]
    story += [Paragraph("CONTRAINTES DU POSTE", h)]
    story += [Paragraph(escape(c), st["body"]) for c in N01_COND]
    story += [Spacer(1, 8), Paragraph(escape(N01_APPLY), st["body"]), Spacer(1, 4)]
    story += [Paragraph(escape(N01_INFO), st["body"]), Spacer(1, 10)]
    story += [Paragraph(escape(N01_FOOT), st["small"])]
    doc = SimpleDocTemplate(
        str(OUT / f"{N01}.pdf"),
        pagesize=A4,
        leftMargin=1.8 * cm,
        rightMargin=1.8 * cm,
        topMargin=1.6 * cm,
        bottomMargin=1.6 * cm,
        title="Avis de vacance de poste",
    )
    doc.build(story)
    write_truth(
        N01,
        "pdf",
        "born-digital PDF, Province Sud, 3-column header grid with labels above values",
        {
            "reference.id": "PS-26-0517/DRH",
            "reference.date": "2026-05-08",
            "title": "Chargé(e) d'accompagnement vers l'emploi",
            "employer": "Province Sud",
            "corps": "Rédacteur / Insertion professionnelle et emploi",
            "direction": "de l'économie, de la formation et de l'emploi (DEFE)",
            "location": "Antenne provinciale de Bourail",
            "residence_requirement": "au moins égale à 5 ans",
            "start.immediate": False,
            "start.date": "2026-07-01",
            "posted_on": "2026-05-08",
            "deadline": "2026-06-05",
            "missions": N01_MISSIONS,
            "activities": N01_ACT,
            "secondary_activities": N01_SEC,
            "knowledge": N01_KNO,
            "know_how": N01_KH,
            "behaviours": N01_BEH,
            "conditions": N01_COND,
            "contact.email": "prenom.nom@example.nc",
        },
        "Born-digital PDF (reportlab, Helvetica). Letterhead 'PROVINCE SUD' / 'Nouvelle-Calédonie' "
        "and centred 'AVIS DE VACANCE DE POSTE' are not the title; the title is the large bold line. "
        "Header: a 3×3 grid without vertical rules, each cell a small grey CAPITALS label ABOVE its "
        "value (values wrap inside their cell: corps and direction take two lines), a thin rule under "
        "each row. 'DIRECTION' value printed 'de l'économie, …' (real-notice convention: text after "
        "the label). 'POSTE À POURVOIR : à compter du 1er juillet 2026' → not immediate, 2026-07-01. "
        "Reference date '8 mai 2026' and 'DATE DE PUBLICATION 08/05/2026' agree. 'LE CONTEXTE' is the "
        "description. Missions: two paragraphs. Lists: '•' bullets ending ' ;' and '.', removed. "
        "Profile sub-headings 'Savoirs' / 'Savoir-faire' / 'Savoir-être' (bold, no colon). "
        "'CONTRAINTES DU POSTE' → conditions, 'Label : value' lines without bullets. After them, with "
        "no heading, an application paragraph and a 'Renseignements : …' line: neither is a "
        "condition. contact.email is the contact person's address (recrutement.drh@example.nc is the "
        "application mailbox). Footnote (1) is not a field.",
    )


def make_02() -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        FrameBreak,
        NextPageTemplate,
        PageTemplate,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )

    font, bold = _dejavu()
    st = _pdf_styles(font, bold)
    W, H = A4
    m = 1.6 * cm
    side_w = 5.6 * cm
    top_block = 4.2 * cm
    frames_first = [
        Frame(m, H - m - top_block, W - 2 * m, top_block, id="head"),
        Frame(m, m, side_w, H - 2 * m - top_block, id="side"),
        Frame(
            m + side_w + 0.6 * cm,
            m,
            W - 2 * m - side_w - 0.6 * cm,
            H - 2 * m - top_block,
            id="body",
        ),
    ]
    frames_later = [Frame(m, m, W - 2 * m, H - 2 * m, id="full")]
    doc = BaseDocTemplate(str(OUT / f"{N02}.pdf"), pagesize=A4, title="Offre d'emploi CHT")
    doc.addPageTemplates(
        [
            PageTemplate(id="first", frames=frames_first),
            PageTemplate(id="later", frames=frames_later),
        ]
    )
    story: list = [
        NextPageTemplate("later"),
        Paragraph("CENTRE HOSPITALIER TERRITORIAL GASTON-BOURRET", st["centre"]),
        Paragraph("Nouvelle-Calédonie", st["small"]),
        Spacer(1, 8),
        Paragraph("OFFRE D'EMPLOI", st["small"]),
        Paragraph(escape("Technicien(ne) de laboratoire – biologie moléculaire"), st["title"]),
        FrameBreak(),
    ]
    side_label = st["label"].clone("sl", textColor=colors.HexColor("#1f4e79"), fontSize=8)
    side_val = st["body"].clone("sv", fontSize=9.5, leading=12)
    rows = [[Paragraph("L'ESSENTIEL", st["sub"])]]
    for lab, val in N02_SIDEBAR:
        rows.append([Paragraph(escape(lab), side_label)])
        rows.append([Paragraph(escape(val), side_val)])
    side = Table(rows, colWidths=[side_w - 4])
    side.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1, colors.HexColor("#1f4e79")),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#eef3f8")),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    story += [side, FrameBreak()]
    h, b, sub = st["h"], st["bullet"], st["sub"]
    story += [Paragraph("Le service", h), Paragraph(escape(N02_DESC), st["body"])]
    story += [Paragraph("Vos missions", h)]
    story += [Paragraph(escape(x + "."), st["body"]) for x in N02_MISSIONS]
    story += [Paragraph("Activités principales", h), *_bullets(N02_ACT, b, "•", (".", "."))]
    story += [Paragraph("Autres activités", h), *_bullets(N02_SEC, b, "•", (".", "."))]
    story += [Paragraph("Profil recherché", h)]
    story += [Paragraph("Connaissances", sub), *_bullets(N02_KNO, b, "–", ("", ""))]
    story += [Paragraph("Savoir-faire", sub), *_bullets(N02_KH, b, "–", ("", ""))]
    story += [Paragraph("Qualités professionnelles", sub), *_bullets(N02_BEH, b, "–", ("", ""))]
    story += [Paragraph("Conditions d'exercice", h), *_bullets(N02_COND_ITEMS, b, "•", (".", "."))]
    story += [Spacer(1, 6), Paragraph(escape(N02_APPLY), st["body"])]
    story += [Paragraph(escape(N02_INFO), st["body"])]
    doc.build(story)
    write_truth(
        N02,
        "pdf",
        "born-digital PDF, CHT Gaston-Bourret, boxed sidebar with the header facts beside the body",
        {
            "reference.id": "CHT/DRH/2026-088",
            "reference.date": None,
            "title": "Technicien(ne) de laboratoire – biologie moléculaire",
            "employer": "Centre hospitalier territorial Gaston-Bourret",
            "corps": "Techniciens de laboratoire médical",
            "direction": "Direction des soins et des activités médico-techniques",
            "location": "Médipôle de Koutio, Dumbéa",
            "residence_requirement": None,
            "start.immediate": True,
            "start.date": None,
            "posted_on": "2026-05-11",
            "deadline": "2026-05-29",
            "missions": N02_MISSIONS,
            "activities": N02_ACT,
            "secondary_activities": N02_SEC,
            "knowledge": N02_KNO,
            "know_how": N02_KH,
            "behaviours": N02_BEH,
            "conditions": [f"Conditions d'exercice : {c}" for c in N02_COND_ITEMS],
            "contact.email": "recrutement.cht@example.nc",
        },
        "Born-digital PDF (reportlab, embedded DejaVu Sans). Page 1: letterhead in capitals (not the "
        "title), small 'OFFRE D'EMPLOI', the title as a large bold line; below it a boxed, shaded "
        "sidebar 'L'ESSENTIEL' in the left column with each label on its own line and the value on "
        "the next, while the body runs in the right column at the same heights (lines of the sidebar "
        "and of the body share y positions). From page 2 the body is full width. Reference printed "
        "without a date → reference.date null; 'Date de parution : lundi 11 mai 2026' → posted_on. "
        "'Corps' → corps. 'Pôle' has no truth key. 'Durée de résidence exigée : /' → null. "
        "'Prise de poste : dès que possible' → immediate. 'Clôture des candidatures : 29 mai 2026' → "
        "deadline. 'Le service' is the description; 'Vos missions' one paragraph. 'Autres activités' "
        "→ secondary_activities. Profile under 'Profil recherché': 'Connaissances' / 'Savoir-faire' / "
        "'Qualités professionnelles' (→ behaviours), '–' bullets without end punctuation. Conditions: "
        "plain bullets under 'Conditions d'exercice' → each takes the heading as sub-heading "
        "(blind-set convention). The closing application paragraph and 'Renseignements …' line are "
        "not conditions. Only e-mail printed is the application mailbox → contact.email.",
    )


def make_03() -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer

    class Leader(Flowable):
        def __init__(self, label: str, value: str, width: float) -> None:
            super().__init__()
            self.label, self.value, self.w = label, value, width
            self.col = 5.4 * cm
            self.lines = simpleSplit(value, "Helvetica", 10, width - self.col)
            self.height_ = 13 * len(self.lines) + 3

        def wrap(self, aw: float, ah: float) -> tuple[float, float]:
            return self.w, self.height_

        def draw(self) -> None:
            c = self.canv
            y = self.height_ - 11
            c.setFont("Helvetica-Bold", 10)
            c.drawString(0, y, self.label)
            lw = stringWidth(self.label + " ", "Helvetica-Bold", 10)
            c.setFont("Helvetica", 10)
            dot = stringWidth(".", "Helvetica", 10)
            n = int((self.col - 6 - lw) / dot)
            c.drawString(lw, y, "." * max(n, 3))
            for i, line in enumerate(self.lines):
                c.drawString(self.col, y - 13 * i, line)

    st = _pdf_styles("Helvetica", "Helvetica-Bold")
    width = 13.5 * cm  # a narrow value column: long values wrap under themselves
    story: list = [
        Paragraph("VILLE DE MONTBRISON", st["centre"]),
        Paragraph("Loire – 16 000 habitants", st["small"]),
        Spacer(1, 10),
        Paragraph("OFFRE D'EMPLOI", st["centre"]),
        Spacer(1, 4),
        Paragraph("Gestionnaire carrière et paie (H/F)", st["title"]),
    ]
    story += [Leader(lab, val, width) for lab, val in N03_HEADER]
    h, b, sub = st["h"], st["bullet"], st["sub"]
    story += [
        Spacer(1, 6),
        Paragraph("Descriptif de l'emploi", h),
        Paragraph(escape(N03_DESC), st["body"]),
    ]
    story += [Paragraph("Missions", h)] + [
        Paragraph(escape(x + "."), st["body"]) for x in N03_MISSIONS
    ]
    story += [Paragraph("Activités principales", h), *_bullets(N03_ACT, b, "-", (" ;", "."))]
    story += [Paragraph("Profil du candidat", h)]
    story += [Paragraph("Connaissances", sub), *_bullets(N03_KNO, b, "-", ("", ""))]
    story += [Paragraph("Savoir-faire", sub), *_bullets(N03_KH, b, "-", ("", ""))]
    story += [Paragraph("Savoir-être", sub), *_bullets(N03_BEH, b, "-", ("", ""))]
    story += [Paragraph("Conditions de travail", h)]
    story += [Paragraph(escape(c), st["body"]) for c in N03_COND]
    story += [Spacer(1, 8), Paragraph(escape(N03_APPLY), st["body"]), Spacer(1, 4)]
    story += [Paragraph(escape(N03_INFO), st["body"])]
    SimpleDocTemplate(
        str(OUT / f"{N03}.pdf"),
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=1.5 * cm,
        bottomMargin=1.5 * cm,
        title="Offre d'emploi",
    ).build(story)
    write_truth(
        N03,
        "pdf",
        "born-digital PDF, Ville de Montbrison (FPT, metropolitan France), header with dotted leaders",
        {
            "reference.id": "O042260500187342",
            "reference.date": None,
            "title": "Gestionnaire carrière et paie (H/F)",
            "employer": "Ville de Montbrison",
            "corps": "Adjoints administratifs territoriaux ou rédacteurs territoriaux",
            "direction": "Direction des ressources humaines",
            "location": "Hôtel de ville, 1 place de l'Hôtel de ville, 42600 Montbrison",
            "residence_requirement": None,
            "start.immediate": False,
            "start.date": "2026-06-01",
            "posted_on": "2026-05-08",
            "deadline": "2026-05-22",
            "missions": N03_MISSIONS,
            "activities": N03_ACT,
            "secondary_activities": [],
            "knowledge": N03_KNO,
            "know_how": N03_KH,
            "behaviours": N03_BEH,
            "conditions": N03_COND,
            "contact.email": "recrutement@example.fr",
        },
        "Born-digital PDF (reportlab, Helvetica), metropolitan territorial (FPT) wording. Header: bold "
        "label, a run of '.' leader characters drawn as text, then the value at a fixed column; a "
        "long value wraps onto a second line at the value column (corps, location). No colon anywhere in "
        "the header. Mapping: 'Référence de l'offre' → reference (an emploi-territorial style number "
        "with no date → reference.date null), 'Date de publication : 8 mai 2026' → posted_on, "
        "'Collectivité' → employer, 'Cadre d'emplois' → corps, 'Catégorie' / 'Temps de travail' have "
        "no truth key, 'Service / Direction' → direction, 'Poste à pourvoir le : lundi 1er juin 2026' "
        "→ not immediate, 2026-06-01, 'Date limite de dépôt : 22/05/2026' → deadline. No residence "
        "line (metropolitan notice) → null. 'Descriptif de l'emploi' is the description. No "
        "secondary activities printed. '-' bullets ('- ' drawn as bullet glyph). 'Conditions de "
        "travail' → 'Label : value' lines. Application paragraph and 'Renseignements' line follow the "
        "conditions with no heading; only e-mail printed is the application mailbox → contact.email.",
    )


def make_04() -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font, bold = _dejavu()
    st = _pdf_styles(font, bold)

    def running(canv: Any, doc: Any) -> None:
        canv.saveState()
        canv.setFont(font, 7.5)
        canv.drawString(2 * cm, A4[1] - 1.1 * cm, "Gouvernement de la Nouvelle-Calédonie – DRHFPNC")
        canv.drawRightString(A4[0] - 2 * cm, A4[1] - 1.1 * cm, "Avis n° 3152-26-0611/DASS")
        canv.drawCentredString(A4[0] / 2, 1.0 * cm, f"page {doc.page}")
        canv.restoreState()

    story: list = [
        Paragraph("GOUVERNEMENT DE LA NOUVELLE-CALÉDONIE", st["centre"]),
        Paragraph(
            "Direction des ressources humaines et de la fonction publique de Nouvelle-Calédonie",
            st["small"].clone("c", alignment=1),
        ),
        Spacer(1, 28),
        Paragraph("AVIS DE VACANCE DE POSTE", st["centre"]),
        Spacer(1, 8),
        Paragraph(escape("Chargé(e) d'études en santé environnementale"), st["title"]),
        Spacer(1, 10),
    ]
    story += [Paragraph(escape(p), st["body"].clone("j", spaceAfter=8)) for p in N04_PREAMBLE]
    story += [Spacer(1, 330)]  # pushes the table down so that it breaks after "Service"
    lab = st["body"].clone("lab", fontName=bold, fontSize=9.5, leading=12)
    val = st["body"].clone("val", fontSize=10, leading=13)
    rows = [[Paragraph(escape(a), lab), Paragraph(escape(v), val)] for a, v in N04_HEADER]
    t = Table(rows, colWidths=[6.2 * cm, 10.8 * cm], splitByRow=1)
    t.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#e8e8e8")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 7),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ]
        )
    )
    story += [t, Spacer(1, 8)]
    h, b, sub = st["h"], st["bullet"], st["sub"]
    story += [Paragraph("Détails de l'offre", h), Paragraph(escape(N04_DESC), st["body"])]
    story += [Paragraph("Missions", h)] + [
        Paragraph(escape(x + "."), st["body"].clone("mp", spaceAfter=4)) for x in N04_MISSIONS
    ]
    story += [Paragraph("Activités principales", h), *_bullets(N04_ACT, b, "-", (",", "."))]
    story += [Paragraph("Activités secondaires", h), *_bullets(N04_SEC, b, "-", (",", "."))]
    story += [Paragraph("Caractéristiques particulières de l'emploi", h)]
    story += [Paragraph(escape(c), b, bulletText="-") for c in N04_COND]
    story += [Paragraph("Profil du candidat", h)]
    story += [
        Paragraph("Savoir / Connaissance / Diplôme exigé", sub),
        *_bullets(N04_KNO, b, "-", ("", "")),
    ]
    story += [Paragraph("Savoir-faire", sub), *_bullets(N04_KH, b, "-", ("", ""))]
    story += [Paragraph("Comportement professionnel", sub), *_bullets(N04_BEH, b, "-", ("", ""))]
    story += [Spacer(1, 8), Paragraph(escape(N04_INFO), st["body"]), Spacer(1, 4)]
    story += [Paragraph(escape(N04_APPLY), st["body"]), Spacer(1, 10)]
    story += [Paragraph(escape(N04_FOOT), st["small"])]
    SimpleDocTemplate(
        str(OUT / f"{N04}.pdf"),
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=1.8 * cm,
        bottomMargin=1.8 * cm,
        title="Avis de vacance de poste",
    ).build(story, onFirstPage=running, onLaterPages=running)
    write_truth(
        N04,
        "pdf",
        "born-digital PDF, Gouvernement de la Nouvelle-Calédonie / DASS, ruled header table split across two pages",
        {
            "reference.id": "3152-26-0611/DASS",
            "reference.date": "2026-05-12",
            "title": "Chargé(e) d'études en santé environnementale",
            "employer": "Gouvernement de la Nouvelle-Calédonie",
            "corps": "Ingénieur / Santé publique et environnement",
            "direction": "des affaires sanitaires et sociales (DASS)",
            "location": "Nouméa",
            "residence_requirement": "au moins égale à 10 ans",
            "start.immediate": True,
            "start.date": None,
            "posted_on": "2026-05-12",
            "deadline": "2026-06-12",
            "missions": N04_MISSIONS,
            "activities": N04_ACT,
            "secondary_activities": N04_SEC,
            "knowledge": N04_KNO,
            "know_how": N04_KH,
            "behaviours": N04_BEH,
            "conditions": N04_COND,
            "contact.email": "prenom.nom@example.nc",
        },
        "Born-digital PDF (reportlab, embedded DejaVu Sans) with a running header on every page "
        "('Gouvernement de la Nouvelle-Calédonie – DRHFPNC' / 'Avis n° 3152-26-0611/DASS', not "
        "fields) and a 'page N' footer. Page 1: letterhead, heading, title, three preamble paragraphs "
        "(legal text, not the description), then the ruled two-column label│value table with a grey "
        "label column, which breaks after its fifth row ('Service'): 'Lieu de travail' to 'Date "
        "limite de candidature' are at the top of page 2, after the running header. Standard NC "
        "labels. 'Direction' value 'des affaires sanitaires et sociales (DASS)' as printed. "
        "'Service' has no truth key. 'Poste(s) à pourvoir : immédiatement' → immediate. 'Détails de "
        "l'offre' is the description; missions two paragraphs; '-' bullets ending ',' / '.'. "
        "Conditions: 'Caractéristiques particulières de l'emploi' bullets of 'Label : value'. "
        "Profile: 'Savoir / Connaissance / Diplôme exigé' / 'Savoir-faire' / 'Comportement "
        "professionnel'. After the last list, two paragraphs: contact person (e-mail → "
        "contact.email) and how to apply (candidatures.drhfpnc@example.nc is the application "
        "mailbox). Footnote (1) is not a field.",
    )


def make_05() -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    st = _pdf_styles("Times-Roman", "Times-Bold")
    st["body"] = st["body"].clone("b2", fontSize=10.5, leading=13.5)
    story: list = [
        Paragraph("PRÉFET DU FINISTÈRE", st["sub"]),
        Paragraph("Liberté<br/>Égalité<br/>Fraternité", st["small"]),
        Spacer(1, 4),
        Paragraph("Direction départementale<br/>des territoires et de la mer", st["small"]),
        Spacer(1, 14),
        Paragraph("FICHE DE POSTE", st["centre"]),
        Spacer(1, 4),
        Paragraph(escape("Instructeur(trice) des autorisations d'urbanisme"), st["title"]),
    ]

    def pair(lab: str, val: str) -> Any:
        return Paragraph(f"<b>{escape(lab)} :</b> {escape(val)}", st["body"])

    rows, spans = [], []
    for i, row in enumerate(N05_ROWS):
        if len(row) == 1:
            rows.append([pair(*row[0]), ""])
            spans.append(("SPAN", (0, i), (1, i)))
        else:
            rows.append([pair(*row[0]), pair(*row[1])])
    t = Table(rows, colWidths=[9 * cm, 8 * cm])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), *spans]))
    story += [t, Spacer(1, 6)]
    h, b, sub = st["h"], st["bullet"], st["sub"]
    story += [
        Paragraph("Présentation de l'environnement professionnel", h),
        Paragraph(escape(N05_DESC), st["body"]),
    ]
    story += [Paragraph("Missions du poste", h)] + [
        Paragraph(escape(x + "."), st["body"]) for x in N05_MISSIONS
    ]
    story += [Paragraph("Activités principales", h), *_bullets(N05_ACT, b, "•", ("", ""))]
    story += [Paragraph("Activités annexes", h), *_bullets(N05_SEC, b, "•", ("", ""))]
    story += [Paragraph("Compétences requises", h)]
    story += [Paragraph("Connaissances techniques", sub), *_bullets(N05_KNO, b, "•", ("", ""))]
    story += [Paragraph("Savoir-faire", sub), *_bullets(N05_KH, b, "•", ("", ""))]
    story += [Paragraph("Savoir-être", sub), *_bullets(N05_BEH, b, "•", ("", ""))]
    story += [Paragraph("Contraintes et sujétions", h), *_bullets(N05_COND_ITEMS, b, "•", ("", ""))]
    story += [
        Paragraph("Qui contacter ?", h),
        Paragraph(escape(N05_CONTACT), st["body"]),
        Spacer(1, 4),
    ]
    story += [Paragraph(escape(N05_APPLY), st["body"])]
    SimpleDocTemplate(
        str(OUT / f"{N05}.pdf"),
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=1.5 * cm,
        bottomMargin=1.5 * cm,
        title="Fiche de poste",
    ).build(story)
    write_truth(
        N05,
        "pdf",
        "born-digital PDF, DDTM du Finistère (FPE, metropolitan France), two label/value pairs per header row",
        {
            "reference.id": "2026-1187342",
            "reference.date": None,
            "title": "Instructeur(trice) des autorisations d'urbanisme",
            "employer": "Direction départementale des territoires et de la mer du Finistère",
            "corps": "Secrétaires administratifs",
            "direction": None,
            "location": "2 boulevard du Finistère, Quimper",
            "residence_requirement": None,
            "start.immediate": False,
            "start.date": "2026-09-01",
            "posted_on": "2026-05-12",
            "deadline": "2026-06-12",
            "missions": N05_MISSIONS,
            "activities": N05_ACT,
            "secondary_activities": N05_SEC,
            "knowledge": N05_KNO,
            "know_how": N05_KH,
            "behaviours": N05_BEH,
            "conditions": [f"Contraintes et sujétions : {c}" for c in N05_COND_ITEMS],
            "contact.email": "prenom.nom@example.fr",
        },
        "Born-digital PDF (reportlab, Times), state (FPE) 'fiche de poste' wording. Letterhead block "
        "at top left ('PRÉFET DU FINISTÈRE', motto, 'Direction départementale des territoires et de la "
        "mer' on two lines) is not a field. Header: an unruled table of inline '<b>Label :</b> value' "
        "cells, two pairs per row ('N° de poste PEP' | 'Date de publication', 'Corps' | 'Catégorie', "
        "'Service' | 'Unité', 'Localisation' | 'Télétravail', 'Poste à pourvoir le' | 'Date limite de "
        "candidature'); 'Employeur' spans the whole row. Reference: the PEP number, no date → "
        "reference.date null. No 'Direction' label is printed → direction null ('Service' and "
        "'Unité' have no truth key; the employer is itself a directorate). 'Localisation' → "
        "location. No residence line → null. '1er septembre 2026' → not immediate. 'Présentation de "
        "l'environnement professionnel' is the description; 'Missions du poste' one paragraph. "
        "'Activités annexes' → secondary_activities. 'Compétences requises' → 'Connaissances "
        "techniques' / 'Savoir-faire' / 'Savoir-être'. Conditions: plain '•' bullets under "
        "'Contraintes et sujétions' → heading as sub-heading. 'Qui contacter ?' gives the contact "
        "person's e-mail (contact.email); the last paragraph says how to apply (no e-mail).",
    )


def make_06() -> None:
    from docx import Document
    from docx.shared import Pt

    d = Document()
    p = d.add_paragraph()
    r = p.add_run("CENTRE HOSPITALIER DE SAINT-LÔ")
    r.bold = True
    r.font.size = Pt(13)
    d.add_paragraph("Fiche de poste – personnel non médical")
    t = d.add_paragraph()
    r = t.add_run("Cadre de santé – court séjour gériatrique")
    r.bold = True
    r.font.size = Pt(16)
    table = d.add_table(rows=0, cols=4)
    table.style = "Table Grid"
    for row in N06_ROWS:
        cells = table.add_row().cells
        for j, (lab, val) in enumerate(row):
            cells[2 * j].paragraphs[0].add_run(lab).bold = True
            cells[2 * j + 1].paragraphs[0].add_run(val)
    d.add_heading("Présentation du service", level=2)
    d.add_paragraph(N06_DESC)
    d.add_heading("Missions générales", level=2)
    for x in N06_MISSIONS:
        d.add_paragraph(x + ".")
    d.add_heading("Activités principales", level=2)
    for x in N06_ACT:
        d.add_paragraph(x, style="List Bullet")
    d.add_heading("Activités secondaires", level=2)
    for x in N06_SEC:
        d.add_paragraph(x, style="List Bullet")
    d.add_heading("Profil", level=2)
    for head, items in (
        ("Diplômes et connaissances", N06_KNO),
        ("Savoir-faire", N06_KH),
        ("Qualités requises", N06_BEH),
    ):
        d.add_heading(head, level=3)
        for x in items:
            d.add_paragraph(x, style="List Bullet")
    d.add_heading("Contraintes du poste", level=2)
    for x in N06_COND_ITEMS:
        d.add_paragraph(x, style="List Bullet")
    d.add_paragraph(N06_APPLY)
    d.core_properties.title = "Fiche de poste"
    d.core_properties.author = "DRH"
    d.save(str(OUT / f"{N06}.docx"))
    write_truth(
        N06,
        "docx",
        "DOCX, Centre hospitalier de Saint-Lô (FPH, metropolitan France), 4-column header table label|value|label|value",
        {
            "reference.id": "DRH/FP/2026-054",
            "reference.date": None,
            "title": "Cadre de santé – court séjour gériatrique",
            "employer": "Centre hospitalier de Saint-Lô",
            "corps": "Cadre de santé paramédical",
            "direction": "Direction des soins",
            "location": "Site Mémorial, Saint-Lô",
            "residence_requirement": None,
            "start.immediate": False,
            "start.date": "2026-07-01",
            "posted_on": "2026-05-20",
            "deadline": "2026-06-19",
            "missions": N06_MISSIONS,
            "activities": N06_ACT,
            "secondary_activities": N06_SEC,
            "knowledge": N06_KNO,
            "know_how": N06_KH,
            "behaviours": N06_BEH,
            "conditions": [f"Contraintes du poste : {c}" for c in N06_COND_ITEMS],
            "contact.email": "prenom.nom@example.fr",
        },
        "DOCX (python-docx), hospital (FPH) wording. Bold letterhead paragraph and 'Fiche de poste – "
        "personnel non médical' are not the title; the title is the large bold paragraph. Header: a "
        "'Table Grid' table with FOUR columns, bold label | value | bold label | value, no colon. "
        "Mapping: 'Établissement' → employer, 'Grade' → corps, 'Direction' → direction, 'Lieu "
        "d'exercice' → location, 'Poste à pourvoir le : 1er juillet 2026' → not immediate, "
        "'Date de publication : 20/05/2026' → posted_on, 'Date limite de candidature : 19/06/2026' → "
        "deadline. 'Catégorie', 'Pôle', 'Quotité' and 'Contact' (a name and job title, no e-mail) "
        "have no truth key. Reference printed without date → null. No residence line → null. "
        "Headings are Word 'Heading 2' / 'Heading 3' styles; list items use the 'List Bullet' "
        "style (no bullet character in the text), no end punctuation. 'Présentation du service' is "
        "the description; 'Missions générales' one paragraph. Profile: 'Diplômes et connaissances' "
        "→ knowledge, 'Savoir-faire', 'Qualités requises' → behaviours. Conditions: 'List Bullet' "
        "items under 'Contraintes du poste' → heading as sub-heading. A plain 'Normal' paragraph "
        "after the last list says how to apply (not a condition); its e-mail is the contact's.",
    )


def make_07() -> None:
    from docx import Document
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.shared import Cm, Pt

    d = Document()
    for text, size in (("VILLE DE NOUMÉA", 14), ("AVIS DE RECRUTEMENT", 11)):
        p = d.add_paragraph()
        r = p.add_run(text)
        r.bold = True
        r.font.size = Pt(size)
    p = d.add_paragraph()
    r = p.add_run("Médiateur(trice) de quartier")
    r.bold = True
    r.font.size = Pt(16)
    for line in N07_LINES:
        p = d.add_paragraph()
        pf = p.paragraph_format
        pf.space_after = Pt(2)
        pf.tab_stops.add_tab_stop(Cm(4.8), WD_TAB_ALIGNMENT.LEFT, WD_TAB_LEADER.DOTS)
        pf.tab_stops.add_tab_stop(Cm(9.0))
        pf.tab_stops.add_tab_stop(Cm(13.0))
        for j, (lab, val) in enumerate(line):
            if j:
                p.add_run("\t")
            p.add_run(lab).bold = True
            p.add_run("\t" + val)
    d.add_heading("Présentation", level=2)
    d.add_paragraph(N07_DESC)
    d.add_heading("Missions", level=2)
    for x in N07_MISSIONS:
        d.add_paragraph(x + ".")
    d.add_heading("Activités", level=2)
    for head, items in (("Activités principales :", N07_ACT), ("Activités secondaires :", N07_SEC)):
        d.add_paragraph().add_run(head).bold = True
        for i, x in enumerate(items):
            p = d.add_paragraph("•\t" + x + (" ;" if i < len(items) - 1 else "."))
            p.paragraph_format.left_indent = Cm(0.9)
            p.paragraph_format.first_line_indent = Cm(-0.6)
    d.add_heading("Profil", level=2)
    for head, items in (
        ("Connaissances :", N07_KNO),
        ("Savoir-faire :", N07_KH),
        ("Savoir-être :", N07_BEH),
    ):
        d.add_paragraph().add_run(head).bold = True
        for x in items:
            p = d.add_paragraph("•\t" + x)
            p.paragraph_format.left_indent = Cm(0.9)
            p.paragraph_format.first_line_indent = Cm(-0.6)
    d.add_heading("Conditions particulières", level=2)
    for c in N07_COND:
        lab, val = c.split(" : ", 1)
        p = d.add_paragraph()
        p.add_run(lab + " : ").bold = True
        p.add_run(val)
    d.add_paragraph(N07_APPLY)
    d.add_paragraph(N07_INFO)
    d.save(str(OUT / f"{N07}.docx"))
    write_truth(
        N07,
        "docx",
        "DOCX, Ville de Nouméa, header as paragraphs aligned with tab stops",
        {
            "reference.id": "VDN-DRH-2026-131",
            "reference.date": "2026-05-04",
            "title": "Médiateur(trice) de quartier",
            "employer": "Ville de Nouméa",
            "corps": "Agent technique / Médiation sociale et prévention",
            "direction": "Direction de la prévention et de la médiation (DPM)",
            "location": "Maison de quartier de Rivière-Salée",
            "residence_requirement": None,
            "start.immediate": True,
            "start.date": None,
            "posted_on": "2026-05-04",
            "deadline": "2026-06-01",
            "missions": N07_MISSIONS,
            "activities": N07_ACT,
            "secondary_activities": N07_SEC,
            "knowledge": N07_KNO,
            "know_how": N07_KH,
            "behaviours": N07_BEH,
            "conditions": N07_COND,
            "contact.email": "drh.recrutement@example.nc",
        },
        "DOCX (python-docx). Bold paragraphs 'VILLE DE NOUMÉA' and 'AVIS DE RECRUTEMENT' are not the "
        "title; the title is the large bold paragraph. Header: one paragraph per line, bold 'Label :' "
        "then a TAB to a tab stop (4.8 cm, dotted tab leader drawn by Word, not characters) then the "
        "value; the last two lines carry two pairs each, separated by tabs to stops at 9 and 13 cm "
        "('Poste à pourvoir : dès que possible' + 'Nombre de postes : 2'; 'Date de publication : "
        "04/05/2026' + 'Date limite : lundi 1er juin 2026'). 'Cadre d'emploi' → corps. 'Durée de "
        "résidence exigée : /' → null. 'Nombre de postes' has no truth key. 'Présentation' is the "
        "description. Lists are 'Normal' paragraphs starting with a typed '•' and a tab (hanging "
        "indent), not a Word list style; activities end ' ;' / '.', removed. Bold run paragraphs "
        "'Activités principales :' / 'Activités secondaires :' under the 'Activités' heading; "
        "profile sub-headings 'Connaissances :' / 'Savoir-faire :' / 'Savoir-être :'. Conditions: "
        "'Conditions particulières' paragraphs with a bold 'Label : ' run. Then, with no heading, "
        "the application paragraph (the only e-mail → contact.email) and a 'Renseignements' line.",
    )


def make_08() -> None:
    e = html.escape

    def ul(items: list[str], tag: str = "ul", end: str = "") -> str:
        lis = "\n".join(f"    <li>{e(x)}{end}</li>" for x in items)
        return f"  <{tag}>\n{lis}\n  </{tag}>"

    dl = "\n".join(f"    <dt>{e(k)}</dt>\n    <dd>{e(v)}</dd>" for k, v in N08_DL)
    page = f"""<!DOCTYPE html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <title>Province Nord – offres d'emploi</title>
  <style>
    dl.fiche {{ display: grid; grid-template-columns: 16em 1fr; }}
    dl.fiche dt {{ font-weight: bold; }}
  </style>
</head>
<body>
<header><p class="logo">PROVINCE NORD – Nouvelle-Calédonie</p>
<nav><a href="/">Accueil</a> › <a href="/emploi">Emploi</a> › Avis de vacance</nav></header>
<main>
  <h1>{e("Technicien(ne) forestier(ère)")}</h1>
  <dl class="fiche">
{dl}
  </dl>
  <h2>Présentation</h2>
  <p>{e(N08_DESC)}</p>
  <h2>Missions</h2>
  <p>{e(N08_MISSIONS[0])}.</p>
  <h2>Activités principales</h2>
{ul(N08_ACT, "ol")}
  <h2>Activités secondaires</h2>
{ul(N08_SEC)}
  <h2>Compétences</h2>
  <h3>Savoirs</h3>
{ul(N08_KNO)}
  <h3>Savoir-faire</h3>
{ul(N08_KH)}
  <h3>Savoir-être</h3>
{ul(N08_BEH)}
  <h2>Contraintes</h2>
{ul(N08_COND, end=".")}
  <p>Renseignements : Prénom NOM, chef du service, tél. 47 72 00,
  <a href="mailto:prenom.nom@example.nc">prenom.nom@example.nc</a></p>
  <p>Les candidatures (lettre de motivation, CV, diplômes) sont à adresser à
  <a href="mailto:drh.candidatures@example.nc">drh.candidatures@example.nc</a> avant le 25 mai 2026.</p>
  <p><small>(1) Pour le recrutement sur titre, en application de la loi du pays n° 2010-9.</small></p>
</main>
<footer>© Province Nord – mentions légales</footer>
</body>
</html>
"""
    (OUT / f"{N08}.html").write_text(page, encoding="utf-8")
    write_truth(
        N08,
        "html",
        "HTML page, Province Nord, header as a <dl> definition list",
        {
            "reference.id": "PN-DDEE-2026-044",
            "reference.date": "2026-04-30",
            "title": "Technicien(ne) forestier(ère)",
            "employer": "Province Nord",
            "corps": "Technicien / Environnement et forêt",
            "direction": "du développement économique et de l'environnement (DDEE)",
            "location": "Koné, avec déplacements sur la côte Est",
            "residence_requirement": "au moins égale à 5 ans",
            "start.immediate": False,
            "start.date": "2026-06-01",
            "posted_on": "2026-04-30",
            "deadline": "2026-05-25",
            "missions": N08_MISSIONS,
            "activities": N08_ACT,
            "secondary_activities": N08_SEC,
            "knowledge": N08_KNO,
            "know_how": N08_KH,
            "behaviours": N08_BEH,
            "conditions": N08_COND,
            "contact.email": "prenom.nom@example.nc",
        },
        "HTML page with site chrome (<title>, logo line, breadcrumb <nav>, <footer>): none of it is "
        "a field; the title is the <h1>. Apostrophes in the markup are the entity &#x27; (decoded to a "
        "plain '). Header: a <dl> with one <dt> label and one <dd> value per "
        "fact (laid out as two columns by CSS grid), no colons. Mapping: 'N° d'avis' → reference "
        "(id before ' du '), 'Collectivité' → employer, 'Corps / Domaine' → corps, 'Direction' → "
        "direction as printed ('du développement …'), 'Service' has no truth key, 'Lieu "
        "d'affectation' → location, 'Durée de résidence exigée (1)' → residence, 'Prise de poste : "
        "1er juin 2026' → not immediate, 2026-06-01, 'Mise en ligne' → posted_on, 'Clôture des "
        "candidatures' → deadline. 'Présentation' is the description. Activities are an <ol>. "
        "Profile: <h3> 'Savoirs' / 'Savoir-faire' / 'Savoir-être' under <h2> 'Compétences'. "
        "Conditions: <h2> 'Contraintes', <li> 'Label : value' ending '.', removed. After the list, "
        "two <p> with no heading: 'Renseignements : …' (contact person's e-mail → contact.email) and "
        "how to apply (drh.candidatures@example.nc is the application mailbox).",
    )


def make_09() -> None:
    table = [f"| {N09_TABLE[0][0]} | {N09_TABLE[0][1]} |", "|:--|:--|"]
    table += [f"| {k} | {v} |" for k, v in N09_TABLE[1:]]
    md = f"""**AGENCE SANITAIRE ET SOCIALE DE LA NOUVELLE-CALÉDONIE**

Offre d'emploi – établissement public

## Chargé(e) de prévention en santé bucco-dentaire

{chr(10).join(table)}

### Le poste

{N09_DESC}

### Missions

{N09_MISSIONS[0]}.

### Activités principales

{chr(10).join(f"{i}. {x}{' ;' if i < len(N09_ACT) else '.'}" for i, x in enumerate(N09_ACT, 1))}

### Activités secondaires

{chr(10).join(f"- {x} ;" if i < len(N09_SEC) - 1 else f"- {x}." for i, x in enumerate(N09_SEC))}

### Profil recherché

**Connaissances**

{chr(10).join(f"- {x}" for x in N09_KNO)}

**Savoir-faire**

{chr(10).join(f"- {x}" for x in N09_KH)}

**Savoir-être**

{chr(10).join(f"- {x}" for x in N09_BEH)}

### Spécificités du poste

{chr(10).join(f"- **{k}** : {v}" for k, v in N09_COND)}

Renseignements : Prénom NOM, responsable du programme, 25 07 60 — prenom.nom@example.nc

Les candidatures (CV et lettre de motivation) sont à adresser à recrutement.ass@example.nc avant la date limite.
"""
    (OUT / f"{N09}.md").write_text(md, encoding="utf-8")
    write_truth(
        N09,
        "md",
        "Markdown, Agence sanitaire et sociale de la Nouvelle-Calédonie (public establishment), header as a Markdown table",
        {
            "reference.id": "ASS-NC/RH/26-017",
            "reference.date": None,
            "title": "Chargé(e) de prévention en santé bucco-dentaire",
            "employer": "Agence sanitaire et sociale de la Nouvelle-Calédonie",
            "corps": "Éducateur sanitaire / Prévention et promotion de la santé",
            "direction": "Direction de la prévention et de la promotion de la santé",
            "location": "Nouméa, interventions dans les écoles de la province Sud",
            "residence_requirement": None,
            "start.immediate": True,
            "start.date": None,
            "posted_on": "2026-05-08",
            "deadline": "2026-05-29",
            "missions": N09_MISSIONS,
            "activities": N09_ACT,
            "secondary_activities": N09_SEC,
            "knowledge": N09_KNO,
            "know_how": N09_KH,
            "behaviours": N09_BEH,
            "conditions": [f"{k} : {v}" for k, v in N09_COND],
            "contact.email": "prenom.nom@example.nc",
        },
        "Markdown. Bold letterhead line and 'Offre d'emploi – établissement public' are not the "
        "title; the title is the '##' heading. Header: a two-column pipe table whose HEADER ROW is "
        "itself the first pair ('| Référence | ASS-NC/RH/26-017 |', then the '|:--|:--|' delimiter "
        "row), then one pair per row. Mapping: 'Établissement' → employer, 'Cadre d'emplois' → "
        "corps, 'Pôle / Direction' → direction, 'Durée de résidence exigée : /' → null, 'Date de "
        "prise de fonctions : dès que possible' → immediate, 'Publié le : 8 mai 2026' → posted_on, "
        "'Date limite de dépôt : 29 mai 2026 à 12 h' → deadline (time ignored). Reference without "
        "date → null. '### Le poste' is the description. Activities numbered '1.'–'4.' ending ' ;' "
        "/ '.'. Profile: bold paragraphs 'Connaissances' / 'Savoir-faire' / 'Savoir-être'. "
        "Conditions: '### Spécificités du poste', bullets '- **Label** : value'. After the last list "
        "two plain paragraphs: 'Renseignements : …' (contact person's e-mail → contact.email) and how "
        "to apply (recrutement.ass@example.nc is the application mailbox).",
    )


def make_10() -> None:
    def dash(items: list[str]) -> str:
        return "\n".join(f"- {x}{' ;' if i < len(items) - 1 else '.'}" for i, x in enumerate(items))

    txt = f"""VILLE DE MILLAU
Aveyron – 22 000 habitants

Offre d'emploi n° O012260500734519

Responsable du service des sports (H/F)

La Ville de Millau recrute, par voie statutaire ou à défaut contractuelle, un(e)
responsable du service des sports. Le service (25 agents) gère 14 équipements et
accompagne 80 associations sportives.

Collectivité : Ville de Millau – Cadre d'emplois : Attachés territoriaux (catégorie A)
Direction : Direction de la vie sportive et associative. Lieu de travail : Complexe
sportif de la Maladrerie, Millau. Date de publication : 11 mai 2026.
Poste à pourvoir le 1er septembre 2026 ; date limite de candidature : vendredi 26 juin 2026.

Vos missions :
{N10_MISSIONS[0]}.

Vos activités :
{dash(N10_ACT)}
Le poste est basé au complexe sportif de la Maladrerie, avec des déplacements
fréquents sur les autres équipements de la ville.

Votre profil :
Connaissances :
{dash(N10_KNO)}
Savoir-faire :
{dash(N10_KH)}
Qualités :
{dash(N10_BEH)}

Conditions :
{dash(N10_COND_ITEMS)}

Les candidatures (lettre de motivation, CV et, le cas échéant, dernier arrêté de
situation administrative) sont à adresser avant le 26 juin 2026 à Monsieur le Maire,
Hôtel de ville, 17 avenue de la République, 12100 Millau, ou par courriel à
recrutement@example.fr.
Renseignements : Prénom NOM, directeur de la vie sportive et associative,
05 65 00 00 00.
"""
    (OUT / f"{N10}.txt").write_text(txt, encoding="utf-8")
    write_truth(
        N10,
        "txt",
        "plain text, Ville de Millau (FPT, metropolitan France), header facts as 'Label : value' prose",
        {
            "reference.id": "O012260500734519",
            "reference.date": None,
            "title": "Responsable du service des sports (H/F)",
            "employer": "Ville de Millau",
            "corps": {"any": ["Attachés territoriaux (catégorie A)", "Attachés territoriaux"]},
            "direction": "Direction de la vie sportive et associative",
            "location": "Complexe sportif de la Maladrerie, Millau",
            "residence_requirement": None,
            "start.immediate": False,
            "start.date": "2026-09-01",
            "posted_on": "2026-05-11",
            "deadline": "2026-06-26",
            "missions": N10_MISSIONS,
            "activities": N10_ACT,
            "secondary_activities": [],
            "knowledge": N10_KNO,
            "know_how": N10_KH,
            "behaviours": N10_BEH,
            "conditions": [f"Conditions : {c}" for c in N10_COND_ITEMS],
            "contact.email": "recrutement@example.fr",
        },
        "Plain text (hard-wrapped), metropolitan territorial (FPT) wording. Letterhead 'VILLE DE "
        "MILLAU' / 'Aveyron – 22 000 habitants' is not the title; the title is the line "
        "'Responsable du service des sports (H/F)'. Reference 'Offre d'emploi n° O012260500734519' "
        "(no date → null). Header facts are prose: several 'Label : value' pairs per line, "
        "separated by ' – ' or '. ', and one value wrapped onto the next line ('Complexe / sportif de "
        "la Maladrerie, Millau'); 'Poste à pourvoir le 1er septembre 2026' without a colon → not "
        "immediate, 2026-09-01; 'date limite de candidature : vendredi 26 juin 2026' after ' ; '. "
        "'Collectivité' → employer; corps accepts the printed value with or without '(catégorie A)'. "
        "No residence line → null. Sections are lines ending with ':' ('Vos missions :', 'Vos "
        "activités :', 'Votre profil :', 'Connaissances :', 'Savoir-faire :', 'Qualités :' → "
        "behaviours, 'Conditions :'). Items start in lower case (kept) and end ' ;' / '.' (removed). "
        "The unbulleted paragraph after the activities ('Le poste est basé …') is not an activity. "
        "Conditions: plain items under 'Conditions :' → heading as sub-heading. The application "
        "paragraph and the 'Renseignements' lines after them are not conditions; the only e-mail is "
        "the application mailbox → contact.email. No secondary activities printed.",
    )


def main() -> None:
    from reportlab import rl_config

    rl_config.invariant = 1  # no creation date or random id in the PDFs: reruns give the same bytes
    for make in (
        make_01,
        make_02,
        make_03,
        make_04,
        make_05,
        make_06,
        make_07,
        make_08,
        make_09,
        make_10,
    ):
        make()


if __name__ == "__main__":
    main()
