"""Job domains: directions, titles, corps and the domain-specific phrase fragments.

Noun phrases carry their article ("la", "le", "les", "l’") so the sampler can contract
them after "de" / "à" (du, des, au, aux) and build grammatical items from fragments.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Domain:
    """One field of work; every tuple is a pool the sampler draws from."""

    key: str
    directions: tuple[str, ...]
    titles: tuple[str, ...]
    corps: tuple[str, ...]
    units: tuple[str, ...]
    objects: tuple[str, ...]
    knowledge: tuple[str, ...]
    skills: tuple[str, ...]
    diploma_fields: tuple[str, ...]
    conditions: tuple[str, ...]
    description: str


DOMAINS: tuple[Domain, ...] = (
    Domain(
        key="numerique",
        directions=(
            "du numérique et des systèmes d’information",
            "des systèmes d’information et de la transformation numérique",
            "des technologies de l’information",
        ),
        titles=(
            "Directeur",
            "Chef du service infrastructures et réseaux",
            "Administrateur systèmes et réseaux",
            "Chef de projet applicatif",
            "Technicien support et assistance aux utilisateurs",
            "Responsable de la sécurité des systèmes d’information (RSSI)",
        ),
        corps=(
            "Emploi fonctionnel",
            "Ingénieur / Informatique",
            "Technicien supérieur / Informatique et télécommunications",
            "Cadre d’exploitation ou Contrôleur",
        ),
        units=(
            "Service des infrastructures et des réseaux",
            "Bureau du support aux utilisateurs",
            "Cellule projets et développements",
        ),
        objects=(
            "la surveillance des équipements (serveurs, routeurs et télécommunications)",
            "les procédures d’administration, de gestion et de supervision des infrastructures",
            "le fonctionnement des services de base (messagerie, accès à internet, logiciels)",
            "les projets liés à l’infrastructure et au réseau étendu des îles",
            "la sécurité des systèmes d’information et la politique de sauvegarde",
            "le parc informatique (environ 450 postes de travail et 60 serveurs)",
            "les cahiers des charges techniques des marchés informatiques",
            "la maintenance évolutive et préventive du réseau informatique",
            "le schéma directeur des systèmes d’information 2025-2028",
            "les demandes d’assistance des utilisateurs de niveau 1 et 2",
            "l’urbanisation des systèmes d’information et la gouvernance des données",
            "les contrats de maintenance et les relations avec les prestataires externes",
        ),
        knowledge=(
            "l’architecture et l’urbanisation des systèmes d’information",
            "les environnements Windows Server, Linux et VMware",
            "les protocoles réseaux (TCP/IP, VLAN, VPN, routage)",
            "la réglementation relative à la protection des données personnelles (RGPD)",
            "les référentiels de bonnes pratiques (ITIL, COBIT)",
            "les méthodes de gestion de projet (Prince2, PMBOK, Agile)",
        ),
        skills=(
            "diagnostiquer et résoudre un incident matériel ou logiciel",
            "rédiger une documentation technique claire et à jour",
            "administrer un annuaire Active Directory et une messagerie collaborative",
            "conduire un projet informatique de l’expression du besoin à la mise en production",
            "évaluer les risques de sécurité et proposer des mesures correctives",
        ),
        diploma_fields=("informatique", "systèmes et réseaux", "génie logiciel"),
        conditions=(
            "astreintes techniques un week-end sur quatre",
            "déplacements réguliers dans les îles (Maré, Ouvéa, Tiga)",
            "interventions possibles en dehors des heures ouvrables",
        ),
        description=(
            "Garant de l’alignement des systèmes d’information avec la stratégie de la "
            "collectivité, le titulaire du poste met en œuvre la politique des technologies de "
            "l’information et de la communication et assure le maintien en conditions "
            "opérationnelles des systèmes d’information."
        ),
    ),
    Domain(
        key="rh",
        directions=(
            "des ressources humaines",
            "des ressources humaines et de la formation",
            "des ressources humaines et des relations sociales",
        ),
        titles=(
            "Gestionnaire carrière et paie",
            "Chargé de recrutement et de mobilité",
            "Responsable du bureau de la formation",
            "Chef du service de la gestion administrative du personnel",
            "Conseiller en prévention des risques professionnels",
        ),
        corps=(
            "Rédacteur / Administration générale",
            "Attaché d’administration / Ressources humaines",
            "Adjoint administratif",
            "Attaché d’administration / Administration générale",
        ),
        units=(
            "Bureau de la paie et des carrières",
            "Service recrutement, mobilité, accompagnement",
            "Bureau de la formation",
        ),
        objects=(
            "les actes relatifs à la carrière des agents (avancements, promotions, positions)",
            "la paie mensuelle d’environ 600 agents et les déclarations sociales",
            "le plan de formation pluriannuel et son budget",
            "les procédures de recrutement, de la définition du besoin à l’accueil de l’agent",
            "les dossiers individuels des agents et leur archivage",
            "les tableaux de bord de la masse salariale",
            "la gestion prévisionnelle des emplois et des compétences (GPEC)",
            "le dialogue social et la préparation des commissions administratives paritaires",
            "les dossiers de retraite et de cessation d’activité",
            "les demandes des agents relatives à leur situation administrative",
        ),
        knowledge=(
            "le statut général des fonctionnaires de Nouvelle-Calédonie",
            "la réglementation de la paie et des cotisations sociales (CAFAT, CRE-IRCAFEX)",
            "les règles de la comptabilité publique",
            "le droit du travail applicable en Nouvelle-Calédonie",
            "les techniques d’entretien et de sélection",
        ),
        skills=(
            "instruire un dossier administratif complexe",
            "rédiger des actes administratifs (arrêtés, décisions, contrats)",
            "utiliser un logiciel de gestion des ressources humaines et de paie",
            "conduire un entretien de recrutement",
            "expliquer une règle statutaire de façon claire et pédagogique",
        ),
        diploma_fields=("gestion des ressources humaines", "droit public", "administration"),
        conditions=(
            "pics d’activité en période de clôture de la paie",
            "horaires de bureau (7 h 30 – 16 h 30)",
            "accueil du public les lundis et jeudis",
        ),
        description=(
            "Au sein de la direction, le titulaire du poste contribue à la gestion administrative "
            "et statutaire des agents et participe à la modernisation des processus « ressources "
            "humaines »."
        ),
    ),
    Domain(
        key="finances",
        directions=(
            "des finances et du budget",
            "des affaires financières",
            "du budget et de la commande publique",
        ),
        titles=(
            "Comptable",
            "Chef du bureau du budget",
            "Contrôleur de gestion",
            "Gestionnaire des marchés publics",
            "Régisseur de recettes",
        ),
        corps=(
            "Rédacteur / Finances",
            "Attaché d’administration / Finances publiques",
            "Contrôleur / Comptabilité",
            "Adjoint administratif",
        ),
        units=(
            "Bureau du budget et de la prospective",
            "Service de la commande publique",
            "Cellule contrôle de gestion",
        ),
        objects=(
            "la préparation et l’exécution du budget primitif et des décisions modificatives",
            "les engagements, liquidations et mandatements des dépenses",
            "les procédures de passation des marchés publics (appels d’offres, consultations)",
            "le suivi des subventions versées aux associations et aux communes",
            "les tableaux de bord financiers et les indicateurs de performance",
            "la fiabilité des comptes et la qualité comptable",
            "les relations avec la paierie et les fournisseurs",
            "l’inventaire du patrimoine et les amortissements",
            "le recouvrement des recettes et le suivi des impayés",
        ),
        knowledge=(
            "les règles de la comptabilité publique (instructions M52 et M14)",
            "la réglementation des marchés publics",
            "les principes de la gestion budgétaire et financière des collectivités",
            "les outils d’analyse financière et de prospective",
        ),
        skills=(
            "analyser un budget et en présenter les enjeux aux élus",
            "élaborer un tableau de bord et des indicateurs de suivi",
            "rédiger un dossier de consultation des entreprises",
            "contrôler la régularité d’une pièce justificative",
            "utiliser un tableur de façon avancée (tableaux croisés dynamiques, formules)",
        ),
        diploma_fields=("comptabilité", "finances publiques", "gestion"),
        conditions=(
            "pics d’activité lors de la préparation budgétaire (octobre à décembre)",
            "respect strict des délais de paiement",
            "/",
        ),
        description=(
            "Placé auprès du chef de bureau, l’agent participe à la préparation et à l’exécution "
            "du budget de la collectivité et veille à la régularité des opérations financières."
        ),
    ),
    Domain(
        key="technique",
        directions=(
            "de l’équipement et de l’aménagement",
            "des infrastructures, de la topographie et des transports",
            "des services techniques",
        ),
        titles=(
            "Ingénieur voirie et réseaux divers",
            "Conducteur de travaux",
            "Technicien bâtiment",
            "Chef du service des routes",
            "Dessinateur-projeteur",
        ),
        corps=(
            "Ingénieur / Génie civil",
            "Technicien supérieur / Bâtiment et travaux publics",
            "Agent de maîtrise / Technique",
            "Technicien / Infrastructures",
        ),
        units=("Service des routes et ouvrages d’art", "Bureau d’études", "Subdivision Nord"),
        objects=(
            "les chantiers de voirie et de réseaux divers (VRD) de la conception à la réception",
            "l’entretien du réseau routier provincial (environ 1 200 km de routes)",
            "les marchés de travaux et le contrôle des situations des entreprises",
            "les études de faisabilité et les avant-projets",
            "la sécurité des chantiers et la signalisation temporaire",
            "le patrimoine bâti (écoles, dispensaires, logements de fonction)",
            "les relevés topographiques et les plans de récolement",
            "les demandes des usagers et des autorités coutumières relatives aux travaux",
            "le programme pluriannuel d’investissement",
        ),
        knowledge=(
            "les techniques de construction et d’entretien des routes",
            "la réglementation des marchés publics de travaux",
            "les normes de sécurité des chantiers",
            "les logiciels de dessin et de conception (AutoCAD, Covadis)",
        ),
        skills=(
            "lire et interpréter des plans et des documents techniques",
            "estimer le coût d’un ouvrage et rédiger un métré",
            "encadrer une équipe d’agents d’exploitation sur le terrain",
            "contrôler la conformité des travaux réalisés par les entreprises",
            "rédiger un rapport technique et un compte rendu de chantier",
        ),
        diploma_fields=("génie civil", "bâtiment et travaux publics", "topographie"),
        conditions=(
            "déplacements fréquents sur les chantiers en brousse",
            "port des équipements de protection individuelle obligatoire",
            "astreintes en période cyclonique (novembre à avril)",
        ),
        description=(
            "Le titulaire du poste conduit les opérations de travaux neufs et d’entretien du "
            "réseau et garantit la qualité, les coûts et les délais des ouvrages réalisés."
        ),
    ),
    Domain(
        key="environnement",
        directions=(
            "du développement durable des territoires",
            "de l’environnement",
            "de l’eau et de l’assainissement",
        ),
        titles=(
            "Chargé de mission biodiversité",
            "Garde nature",
            "Technicien eau et assainissement",
            "Chargé d’études « déchets et économie circulaire »",
        ),
        corps=(
            "Technicien / Environnement",
            "Ingénieur / Environnement",
            "Agent technique / Espaces naturels",
        ),
        units=("Service de la biodiversité", "Bureau de l’eau", "Pôle des aires protégées"),
        objects=(
            "les plans de gestion des aires protégées et des espaces naturels",
            "les suivis scientifiques de la faune (tortues marines, dugongs, oiseaux marins)",
            "la police de l’environnement et les procès-verbaux d’infraction",
            "les actions de sensibilisation auprès des scolaires et des tribus",
            "les autorisations de prélèvement et de rejet",
            "le réseau de mesure de la qualité des eaux",
            "les programmes de lutte contre les espèces envahissantes",
            "les partenariats avec les associations et les organismes de recherche",
        ),
        knowledge=(
            "le code de l’environnement de la province",
            "les écosystèmes terrestres et marins de la Nouvelle-Calédonie",
            "les techniques d’inventaire et de suivi écologique",
            "les outils de cartographie (SIG, QGIS)",
        ),
        skills=(
            "conduire une mission de terrain en autonomie",
            "animer une réunion publique ou une séance de sensibilisation",
            "saisir et analyser des données naturalistes",
            "rédiger un procès-verbal de constat",
        ),
        diploma_fields=("écologie", "gestion de l’environnement", "sciences de l’eau"),
        conditions=(
            "travail en extérieur et sur le terrain",
            "permis bateau souhaité",
            "horaires décalés et week-ends selon les missions",
        ),
        description=(
            "Au sein du service, l’agent contribue à la préservation du patrimoine naturel et "
            "veille à l’application de la réglementation environnementale sur le territoire."
        ),
    ),
    Domain(
        key="social",
        directions=(
            "de l’action sanitaire et sociale",
            "de la santé et de la solidarité",
            "de la protection de l’enfance et de la famille",
        ),
        titles=(
            "Assistant de service social",
            "Infirmier de santé publique",
            "Éducateur spécialisé",
            "Coordinateur des centres médico-sociaux",
        ),
        corps=(
            "Assistant socio-éducatif / Social",
            "Infirmier / Santé",
            "Cadre de santé",
            "Éducateur / Social",
        ),
        units=(
            "Centre médico-social de Wé",
            "Service de l’aide sociale à l’enfance",
            "Pôle prévention et promotion de la santé",
        ),
        objects=(
            "l’accueil, l’écoute et l’orientation des usagers en difficulté",
            "les évaluations sociales et les informations préoccupantes",
            "les actions collectives de prévention (nutrition, addictions, santé sexuelle)",
            "les dossiers d’aide médicale et d’aide sociale",
            "les visites à domicile et en tribu",
            "le partenariat avec les écoles, les autorités coutumières et les associations",
            "les consultations de protection maternelle et infantile",
            "le suivi des mesures de protection de l’enfance",
        ),
        knowledge=(
            "la réglementation de l’aide sociale en Nouvelle-Calédonie",
            "les dispositifs de protection de l’enfance",
            "les techniques d’entretien et d’accompagnement social",
            "les problématiques de santé publique du territoire",
        ),
        skills=(
            "conduire un entretien d’aide et évaluer une situation familiale",
            "rédiger un rapport social argumenté",
            "travailler en réseau avec les partenaires institutionnels",
            "gérer une situation d’urgence ou de crise",
        ),
        diploma_fields=("service social", "soins infirmiers", "éducation spécialisée"),
        conditions=(
            "déplacements en tribu avec un véhicule de service",
            "permanences ponctuelles le samedi matin",
            "obligation de secret professionnel",
        ),
        description=(
            "L’agent accompagne les personnes et les familles dans leurs démarches et participe à "
            "la mise en œuvre de la politique sociale et sanitaire de la collectivité."
        ),
    ),
    Domain(
        key="juridique",
        directions=(
            "des affaires juridiques",
            "de l’administration générale et des affaires juridiques",
            "du secrétariat général",
        ),
        titles=(
            "Juriste",
            "Assistant de direction",
            "Secrétaire de mairie",
            "Chargé des assemblées",
            "Gestionnaire du courrier et des archives",
        ),
        corps=(
            "Attaché d’administration / Administration générale",
            "Rédacteur / Administration générale",
            "Adjoint administratif",
            "Emploi fonctionnel",
        ),
        units=(
            "Bureau des assemblées",
            "Service juridique et contentieux",
            "Secrétariat de direction",
        ),
        objects=(
            "les délibérations, arrêtés et conventions de la collectivité",
            "les contentieux administratifs et les relations avec les avocats",
            "le secrétariat des assemblées et des commissions",
            "l’agenda du directeur et l’organisation des réunions",
            "le courrier arrivé et départ et son enregistrement",
            "la veille juridique et la diffusion de l’information réglementaire",
            "les archives courantes et intermédiaires du service",
            "les consultations juridiques des directions",
        ),
        knowledge=(
            "le droit public des collectivités de Nouvelle-Calédonie",
            "la loi organique n° 99-209 du 19 mars 1999",
            "les règles de fonctionnement des assemblées délibérantes",
            "les techniques de classement et d’archivage",
        ),
        skills=(
            "rédiger un acte juridique sécurisé",
            "analyser un texte réglementaire et en mesurer l’impact",
            "prendre des notes et rédiger un procès-verbal",
            "organiser et hiérarchiser le travail d’un secrétariat",
        ),
        diploma_fields=("droit public", "administration publique", "secrétariat"),
        conditions=(
            "réunions en soirée lors des sessions de l’assemblée",
            "devoir de réserve et de confidentialité",
            "/",
        ),
        description=(
            "Le titulaire du poste apporte son expertise aux services et sécurise les actes et les "
            "procédures de la collectivité."
        ),
    ),
)
