"""Build the three DOCX notices of the blind test set, deterministically.

Run from anywhere:  python corpus/blind/make_docx.py [OUTPUT_DIR]
(default: the folder of this script). Needs python-docx (>= 1.1).

The notices are fictional (people, references, e-mail addresses @example.nc). Their truth
files (NAME.truth.json) are written by hand beside them; this script only makes the .docx.
Same script, same bytes: fixed core properties and fixed zip member timestamps.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

FIXED = dt.datetime(2026, 1, 1, 0, 0, 0)


# --------------------------------------------------------------------------- helpers
def new_document() -> Document:
    doc = Document()
    cp = doc.core_properties
    cp.author = "DRH"
    cp.last_modified_by = "DRH"
    cp.created = FIXED
    cp.modified = FIXED
    cp.revision = 1
    cp.title = ""
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)
    return doc


def bold_para(doc, text, style=None):
    p = doc.add_paragraph(style=style)
    p.add_run(text).bold = True
    return p


def label_value(doc, label, value):
    """A 'Label : value' paragraph with the label in bold."""
    p = doc.add_paragraph()
    p.add_run(label).bold = True
    p.add_run(" " + value)
    return p


def set_cell(cell, text, bold=False):
    """Fill a cell; text may be a list of paragraphs."""
    parts = text if isinstance(text, list) else [text]
    cell.text = ""
    first = cell.paragraphs[0]
    for i, part in enumerate(parts):
        p = first if i == 0 else cell.add_paragraph()
        p.add_run(part).bold = bold


def shade(cell, hex_fill):
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hex_fill)
    tc_pr.append(shd)


def save_deterministic(doc, path: Path) -> None:
    buf = io.BytesIO()
    doc.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            dst.writestr(zi, src.read(info.filename))
    path.write_bytes(out.getvalue())


# --------------------------------------------------------------------------- notice 08
def notice_08(path: Path) -> None:
    """Ville du Mont-Dore 'Fiche de poste': 2-column header table, manual dash bullets,
    List Number activities, a label cell split over two paragraphs."""
    doc = new_document()
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("VILLE DU MONT-DORE").bold = True
    p = doc.add_paragraph("Direction des ressources humaines")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_heading("FICHE DE POSTE", level=0)

    rows = [
        ("Intitulé du poste", "Gestionnaire comptable (H/F)"),
        ("Référence", "VMD/DRH/2026-022 du 2 mars 2026"),
        ("Employeur", "Ville du Mont-Dore"),
        ("Cadre d'emplois", "Adjoints administratifs – catégorie C"),
        ("Direction", "des finances et de la commande publique"),
        ("Rattachement hiérarchique", "Chef du service comptabilité"),
        ("Lieu de travail", "Hôtel de ville – Boulari, Le Mont-Dore"),
        (["Durée de résidence exigée", "pour le recrutement sur titre (1)"], "/"),
        ("Poste à pourvoir", "immédiatement"),
        ("Date de publication", "lundi 2 mars 2026"),
        ("Date limite de candidature", "vendredi 27 mars 2026"),
    ]
    table = doc.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    for row, (label, value) in zip(table.rows, rows, strict=True):
        set_cell(row.cells[0], label, bold=True)
        shade(row.cells[0], "DDE5EE")
        set_cell(row.cells[1], value)

    doc.add_heading("Missions", level=1)
    doc.add_paragraph(
        "Sous l'autorité du chef du service comptabilité, le/la gestionnaire assure l'exécution "
        "comptable des dépenses et des recettes de la commune et participe à la fiabilisation "
        "des comptes."
    )

    doc.add_heading("Activités principales", level=1)
    for item in [
        "Saisir et contrôler les engagements, les mandats et les titres de recettes",
        "Vérifier les pièces justificatives et le service fait",
        "Suivre les relations avec les fournisseurs et la paierie",
        "Tenir à jour les tableaux de suivi des crédits par service",
    ]:
        doc.add_paragraph(item, style="List Number")

    doc.add_heading("Activités secondaires", level=1)
    for item in [
        "Participer aux opérations de clôture de l'exercice",
        "Assurer l'accueil téléphonique du service",
    ]:
        doc.add_paragraph(item, style="List Number")

    doc.add_heading("Profil recherché", level=1)
    bold_para(doc, "Savoirs :")
    for item in [
        "- Règles de la comptabilité publique (M14 adaptée)",
        "- Procédures d'exécution budgétaire",
    ]:
        doc.add_paragraph(item)
    bold_para(doc, "Savoir-faire :")
    for item in [
        "- Utiliser un logiciel de gestion financière",
        "- Classer et archiver les pièces comptables",
        "- Travailler avec un tableur",
    ]:
        doc.add_paragraph(item)
    bold_para(doc, "Savoir-être :")
    for item in [
        "- Rigueur et fiabilité",
        "- Sens du travail en équipe",
    ]:
        doc.add_paragraph(item)

    doc.add_heading("Conditions d'exercice", level=1)
    label_value(doc, "Temps de travail :", "39 heures hebdomadaires")
    label_value(doc, "Contraintes :", "pics d'activité en fin d'exercice")

    doc.add_heading("Contact", level=1)
    doc.add_paragraph(
        "Renseignements auprès de M. Patrick OUNEMOA, chef du service comptabilité, "
        "au 43 70 00 ou par courriel : patrick.ounemoa@example.nc"
    )
    doc.add_paragraph(
        "Candidatures (lettre de motivation + CV) à adresser à Monsieur le Maire du Mont-Dore, "
        "BP 5, 98809 Mont-Dore."
    )
    p = doc.add_paragraph("(1) Pièces justificatives : voir la notice explicative de la DRHFPNC.")
    p.runs[0].font.size = Pt(8)
    save_deterministic(doc, path)


# --------------------------------------------------------------------------- notice 09
def notice_09(path: Path) -> None:
    """ASS-NC: 'Label : value' paragraphs (bold labels), Heading styles, List Bullet items,
    one bullet with a manual line break inside."""
    doc = new_document()
    doc.add_paragraph("AGENCE SANITAIRE ET SOCIALE DE LA NOUVELLE-CALÉDONIE").runs[0].bold = True
    doc.add_paragraph("Avis de vacance de poste")
    doc.add_heading("Chargé(e) de prévention en santé communautaire", level=1)

    label_value(doc, "Référence :", "ASS-2026-012")
    label_value(doc, "Employeur :", "Agence sanitaire et sociale de la Nouvelle-Calédonie")
    label_value(doc, "Corps ou cadre d'emploi :", "Technicien supérieur / Santé publique")
    label_value(doc, "Direction :", "de la prévention et de la promotion de la santé")
    label_value(doc, "Lieu de travail :", "Nouméa, avec déplacements dans les trois provinces")
    label_value(doc, "Durée de résidence exigée pour le recrutement sur titre (1) :", "/")
    label_value(doc, "Poste à pourvoir :", "dès que possible")
    label_value(doc, "Date de dépôt de l'offre :", "vendredi 6 février 2026")
    label_value(doc, "Date limite de candidature :", "vendredi 6 mars 2026")

    doc.add_heading("Missions", level=2)
    doc.add_paragraph(
        "Mettre en œuvre, avec les communes et les associations, les actions de prévention du "
        "programme « Bien manger, bouger » auprès des populations prioritaires."
    )

    doc.add_heading("Activités principales", level=2)
    items = [
        "Organiser et animer des ateliers de prévention en milieu scolaire et en tribu",
        "Former les relais communautaires (animateurs, agents de santé)",
        None,  # the item with a manual line break, built below
        "Évaluer les actions et rédiger les bilans d'activité",
    ]
    for item in items:
        if item is None:
            p = doc.add_paragraph(style="List Bullet")
            r = p.add_run("Concevoir les outils pédagogiques adaptés aux langues et aux")
            r.add_break()
            p.add_run("cultures locales")
        else:
            doc.add_paragraph(item, style="List Bullet")

    doc.add_heading("Activités secondaires", level=2)
    doc.add_paragraph(
        "Participer aux campagnes territoriales de sensibilisation", style="List Bullet"
    )

    doc.add_heading("Caractéristiques particulières de l'emploi", level=2)
    label_value(doc, "Sujétions liées au poste :", "déplacements fréquents en brousse et aux îles")
    label_value(
        doc, "Habilitations, permis nécessaires pour l'exercice des fonctions :", "permis B"
    )

    doc.add_heading("Profil du candidat", level=2)
    doc.add_heading("Savoir / Connaissance / Diplôme exigé", level=3)
    for item in [
        "Diplôme de niveau bac + 2 dans le domaine sanitaire ou social",
        "Notions d'épidémiologie et de santé publique",
        "Connaissance des cultures océaniennes",
    ]:
        doc.add_paragraph(item, style="List Bullet")
    doc.add_heading("Savoir-faire", level=3)
    for item in [
        "Animer un groupe et adapter son discours au public",
        "Conduire un projet de sa conception à son évaluation",
    ]:
        doc.add_paragraph(item, style="List Bullet")
    doc.add_heading("Savoir-être", level=3)
    for item in [
        "Qualités relationnelles et d'écoute",
        "Capacité d'adaptation",
        "Disponibilité",
    ]:
        doc.add_paragraph(item, style="List Bullet")

    doc.add_heading("Contact et candidature", level=2)
    label_value(doc, "Contact :", "Mme Aurélie KAROUIA, responsable du pôle prévention")
    label_value(doc, "Courriel :", "aurelie.karouia@example.nc")
    doc.add_paragraph(
        "Les candidatures sont à adresser à la direction de l'Agence, 16 rue Gallieni, "
        "BP P4, 98851 Nouméa Cedex."
    )
    save_deterministic(doc, path)


# --------------------------------------------------------------------------- notice 10
def notice_10(path: Path) -> None:
    """Gouvernement NC / DITTT: header table of 4 columns (two label/value pairs per row)
    under a merged title row; profile as a 3-column table (one item per cell paragraph)."""
    doc = new_document()
    doc.add_paragraph("GOUVERNEMENT DE LA NOUVELLE-CALÉDONIE").runs[0].bold = True
    doc.add_paragraph("AVIS DE VACANCE DE POSTE")
    doc.add_heading("Contrôleur(se) des transports terrestres", level=1)

    pairs = [
        (
            "Référence",
            "3152-26-0307/DITTT du 13 février 2026",
            "Date de dépôt de l'offre",
            "vendredi 13 février 2026",
        ),
        (
            "Employeur",
            "Gouvernement de la Nouvelle-Calédonie",
            "Date limite de candidature",
            "lundi 16 mars 2026",
        ),
        (
            "Corps / Domaine",
            "Contrôleur / Transports terrestres",
            "Poste à pourvoir",
            "dès que possible",
        ),
        (
            "Direction",
            "des infrastructures, de la topographie et des transports terrestres (DITTT)",
            "Lieu de travail",
            "Nouméa – 1 bis rue Unger, Vallée du Tir",
        ),
        (
            "Durée de résidence exigée pour le recrutement sur titre (1)",
            "au moins égale à 10 ans",
            "Nombre de postes",
            "2",
        ),
    ]
    table = doc.add_table(rows=len(pairs) + 1, cols=4)
    table.style = "Table Grid"
    top = table.rows[0].cells[0].merge(table.rows[0].cells[3])
    set_cell(top, "INFORMATIONS GÉNÉRALES", bold=True)
    shade(top, "BFCFE0")
    for row, (l1, v1, l2, v2) in zip(table.rows[1:], pairs, strict=True):
        set_cell(row.cells[0], l1, bold=True)
        set_cell(row.cells[1], v1)
        set_cell(row.cells[2], l2, bold=True)
        set_cell(row.cells[3], v2)
        shade(row.cells[0], "E7EDF3")
        shade(row.cells[2], "E7EDF3")

    doc.add_heading("Missions", level=2)
    doc.add_paragraph(
        "Contrôler le respect de la réglementation des transports routiers de personnes et de "
        "marchandises sur l'ensemble du territoire."
    )
    doc.add_paragraph("Instruire les autorisations d'exercer des entreprises de transport.")

    doc.add_heading("Activités principales", level=2)
    for item in [
        "Réaliser les contrôles sur route et en entreprise (temps de conduite, chargement, titres)",
        "Rédiger les procès-verbaux et les rapports de contrôle",
        "Instruire les dossiers d'inscription au registre des transporteurs",
        "Participer aux opérations conjointes avec la gendarmerie et la police",
    ]:
        doc.add_paragraph(item, style="List Number")

    doc.add_heading("Activités secondaires", level=2)
    for item in [
        "Informer les professionnels sur l'évolution de la réglementation",
        "Contribuer aux statistiques annuelles du secteur",
    ]:
        doc.add_paragraph(item, style="List Number")

    doc.add_heading("Caractéristiques particulières de l'emploi", level=2)
    bold_para(doc, "Sujétions liées au poste :")
    for item in [
        "contrôles de nuit et le week-end",
        "port de la tenue et des équipements de sécurité",
    ]:
        doc.add_paragraph(item, style="List Bullet")
    bold_para(doc, "Habilitations, permis nécessaires pour l'exercice des fonctions :")
    doc.add_paragraph("permis B et commissionnement par le procureur", style="List Bullet")

    doc.add_heading("Profil du candidat", level=2)
    prof = doc.add_table(rows=2, cols=3)
    prof.style = "Table Grid"
    for cell, head in zip(
        prof.rows[0].cells,
        ["Savoir / Connaissances", "Savoir-faire", "Comportement professionnel"],
        strict=True,
    ):
        set_cell(cell, head, bold=True)
    set_cell(
        prof.rows[1].cells[0],
        [
            "Code de la route et réglementation sociale européenne adaptée",
            "Procédure pénale (rédaction des procès-verbaux)",
            "Organisation des transports en Nouvelle-Calédonie",
        ],
    )
    set_cell(
        prof.rows[1].cells[1],
        [
            "Conduire un contrôle dans le respect des procédures",
            "Utiliser les appareils de lecture des chronotachygraphes",
        ],
    )
    set_cell(
        prof.rows[1].cells[2],
        [
            "Sens de la diplomatie et fermeté",
            "Intégrité",
            "Esprit d'équipe",
        ],
    )

    doc.add_heading("Contact et informations complémentaires", level=2)
    doc.add_paragraph(
        "M. Rémi VAKIÉ, chef du bureau des transports routiers – tél. 28 03 00 – "
        "remi.vakie@example.nc"
    )
    doc.add_heading("Pour répondre à cette offre", level=2)
    doc.add_paragraph(
        "Les candidatures précisant la référence de l'offre sont à adresser à la DRHFPNC, "
        "bureau du recrutement, BP M2, 98849 Nouméa Cedex."
    )
    save_deterministic(doc, path)


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent
    out.mkdir(parents=True, exist_ok=True)
    notice_08(out / "blind-08-montdore-fiche.docx")
    notice_09(out / "blind-09-assnc-paragraphes.docx")
    notice_10(out / "blind-10-dittt-4col.docx")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
