"""Make corpus/blind4: eleven fictional job notices and their truth files.

Written on 2026-12-03 by a helper who had not read avis's extraction rules, readers, layout code,
generator or tests. The layouts are ones blind, blind2 and blind3 do not have: four notices
printed and scanned (skewed, sideways, a typewritten one, an image-only PDF), a two-column body,
a header table with merged cells, a landscape page with a horizontal header, an A5 flyer with a
page-top banner, a job-board page with a cookie banner, a DOCX whose facts sit in the Word page
header, and a board export with English labels. Content and truth live side by side below (list
items are written once and used for both, so they cannot drift apart); every scalar truth value
is typed by hand from the printed text.

Run from the repository root: ``.venv/bin/python corpus/blind4/make_blind4.py``. Writes beside
itself. Needs reportlab, python-docx, Pillow and numpy, and ``pdftoppm`` (poppler-utils) for the
scans; does not import avis. Deterministic: reportlab ``invariant``, fixed noise seeds.
"""

# ruff: noqa: E501  (the truth notes are long prose strings)
from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import tempfile
from html import escape as html_escape
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
    """Write NAME.truth.json with the 20 keys of corpus/blind3, in the same order."""
    missing = [k for k in KEYS if k not in fields]
    extra = [k for k in fields if k not in KEYS]
    assert not missing and not extra, (name, missing, extra)
    doc = {
        "file": f"{name}.{ext}",
        "source": (
            "blind4 test set, written by hand without knowledge of avis's extraction rules, "
            f"readers or layout code (a helper session, {WRITTEN}); fictional notice ({what})"
        ),
        "fields": {k: fields[k] for k in KEYS},
        "hard": [],
        "notes": notes,
    }
    (OUT / f"{name}.truth.json").write_text(
        json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


# =============================================================================================
# Shared renderers
# =============================================================================================
def _styles(font: str = "Helvetica", bold: str = "Helvetica-Bold", size: float = 10) -> dict:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("body", fontName=font, fontSize=size, leading=size * 1.3)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=size - 2, leading=(size - 2) * 1.25),
        "h": ParagraphStyle(
            "h",
            parent=base,
            fontName=bold,
            fontSize=size + 1,
            leading=(size + 1) * 1.3,
            spaceBefore=8,
            spaceAfter=3,
        ),
        "sub": ParagraphStyle("sub", parent=base, fontName=bold, spaceBefore=3, spaceAfter=1),
        "bullet": ParagraphStyle(
            "bullet", parent=base, leftIndent=14, bulletIndent=3, bulletFontName=font
        ),
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontName=bold,
            fontSize=size + 5,
            leading=(size + 5) * 1.25,
            spaceAfter=6,
        ),
        "centre": ParagraphStyle("centre", parent=base, alignment=1, fontName=bold),
        "right": ParagraphStyle("right", parent=base, alignment=2),
        "label": ParagraphStyle("label", parent=base, fontName=bold),
        "rlabel": ParagraphStyle(
            "rlabel", parent=base, fontName=bold, alignment=2, textColor=colors.HexColor("#444444")
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


def _liberation_serif() -> tuple[str, str]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    d = Path("/usr/share/fonts/truetype/liberation")
    if (d / "LiberationSerif-Regular.ttf").exists():
        pdfmetrics.registerFont(TTFont("LibSerif", str(d / "LiberationSerif-Regular.ttf")))
        pdfmetrics.registerFont(TTFont("LibSerif-Bold", str(d / "LiberationSerif-Bold.ttf")))
        return "LibSerif", "LibSerif-Bold"
    return "Times-Roman", "Times-Bold"


def _scan(
    pdf: Path,
    *,
    dpi: int,
    seed: int,
    skews: list[float],
    paper: int = 232,
    noise: float = 5.0,
    blur: float = 0.6,
    specks: int = 300,
    jpeg: int | None = None,
    sideways: bool = False,
) -> list:
    """Print-and-scan a PDF: render each page, grey the paper, blur, add sensor noise and dust,
    skew it, optionally pass it through JPEG and turn it a quarter turn. Seeded: same bytes each run.
    """
    import numpy as np
    from PIL import Image, ImageFilter

    rng = np.random.default_rng(seed)
    pages = []
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), f"{tmp}/p"], check=True
        )
        files = sorted(Path(tmp).glob("p-*.png"))
        for i, f in enumerate(files):
            skew = skews[i % len(skews)]
            img = Image.open(f).convert("L")
            img.load()
            img = img.filter(ImageFilter.GaussianBlur(blur))
            a = np.asarray(img, dtype=np.float32)
            a = 18 + a * ((paper - 18) / 255.0)  # ink never black, paper never white
            # uneven lighting across the page (lamp of the scanner), a few grey levels
            h, w = a.shape
            a += np.linspace(-6, 6, w, dtype=np.float32)[None, :]
            a += rng.normal(0.0, noise, a.shape).astype(np.float32)
            ys = rng.integers(0, h, specks)
            xs = rng.integers(0, w, specks)
            a[ys, xs] = rng.integers(40, 140, specks)
            img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")
            img = img.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=paper)
            if jpeg is not None:
                buf = io.BytesIO()
                img.save(buf, "JPEG", quality=jpeg)
                img = Image.open(io.BytesIO(buf.getvalue())).convert("L")
            if sideways:
                img = img.transpose(Image.Transpose.ROTATE_90)
            pages.append(img)
    return pages


def _image_pdf(pages: list, dpi: int, path: Path, quality: int) -> None:
    """An image-only PDF, one scanned page each, JPEG-encoded as scanners write them (Pillow's PDF
    writer, dates fixed: the same pages give the same bytes)."""
    pages[0].save(
        path,
        "PDF",
        save_all=True,
        append_images=pages[1:],
        resolution=float(dpi),
        quality=quality,
        title="Numérisation",
        creationDate=dt.datetime(2026, 5, 19, 9, 30, 0).timetuple(),
        modDate=dt.datetime(2026, 5, 19, 9, 30, 0).timetuple(),
    )


# =============================================================================================
# 01 — Gouvernement de la NC / DIMENC: ruled table with a shaded label column, printed and
#      scanned (PNG, 300 dpi, 1.3° skew, grey paper, noise)
# =============================================================================================
N01 = "blind4-01-dimenc-scan"
N01_TITLE = "Inspecteur(trice) des installations classées – carrières"
N01_HEADER = [
    ("Référence", "3134-26-0912/DIMENC du 12 mai 2026"),
    ("Employeur", "Nouvelle-Calédonie"),
    ("Corps ou cadre d'emploi / Domaine", "Ingénieur des travaux / Mines et énergie"),
    ("Direction", "de l'industrie, des mines et de l'énergie (DIMENC)"),
    ("Durée de résidence exigée pour le recrutement sur titre (1)", "au moins égale à 10 ans"),
    ("Poste(s) à pourvoir", "à compter du 3 août 2026"),
    ("Lieu de travail", "Nouméa, avec déplacements sur les sites miniers"),
    ("Date de dépôt de l'offre", "Mardi 12 mai 2026"),
    ("Date limite de candidature", "Vendredi 12 juin 2026"),
]
N01_DESC = (
    "Le service de l'environnement industriel de la DIMENC contrôle les installations classées "
    "pour la protection de l'environnement relevant de la compétence de la Nouvelle-Calédonie, "
    "en lien avec les provinces."
)
N01_MISSIONS = [
    "Assurer l'inspection des carrières et des installations de traitement de matériaux, de "
    "l'instruction des dossiers d'autorisation jusqu'au contrôle sur site"
]
N01_ACT = [
    "Instruire les demandes d'autorisation et de déclaration d'exploitation de carrières",
    "Préparer les arrêtés de prescriptions et les propositions de sanctions administratives",
    "Réaliser les visites d'inspection programmées et les contrôles inopinés",
    "Répondre aux plaintes des riverains et des associations",
]
N01_SEC = ["Contribuer à la mise à jour de la réglementation applicable aux carrières"]
N01_KNO = [
    "Diplôme d'ingénieur ou master en géologie, environnement ou génie civil",
    "Réglementation des installations classées",
    "Techniques d'exploitation des carrières",
]
N01_KH = [
    "Rédiger des actes administratifs",
    "Conduire une inspection et en rendre compte",
    "Gérer une situation conflictuelle",
]
N01_BEH = ["Rigueur", "Sens du service public", "Capacité d'adaptation"]
N01_COND = [
    "Habilitations, permis nécessaires pour l'exercice des fonctions : Permis B",
    "Conditions de travail : déplacements fréquents sur sites, port des équipements de protection individuelle",
]


def make_01() -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    st = _styles(size=9.5)
    body, h, b, sub = st["body"], st["h"], st["bullet"], st["sub"]
    story: list = [
        Paragraph("GOUVERNEMENT DE LA NOUVELLE-CALÉDONIE", st["centre"]),
        Paragraph("Direction des ressources humaines et de la fonction publique", st["small"]),
        Spacer(1, 8),
        Paragraph("AVIS DE VACANCE DE POSTE", st["centre"]),
        Spacer(1, 4),
        Paragraph(escape(N01_TITLE), st["title"]),
    ]
    rows = [
        [Paragraph(escape(lab), st["label"]), Paragraph(escape(val), body)]
        for lab, val in N01_HEADER
    ]
    t = Table(rows, colWidths=[6.2 * cm, 11.0 * cm])
    t.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#d0d0d0")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    story += [t, Spacer(1, 6)]
    story += [Paragraph("Détails de l'offre", h), Paragraph(escape(N01_DESC), body)]
    story += [Paragraph("Missions", h)] + [Paragraph(escape(m + "."), body) for m in N01_MISSIONS]
    story += [Paragraph("Activités principales", h), *_bullets(N01_ACT, b, "-")]
    story += [Paragraph("Activités secondaires", h), *_bullets(N01_SEC, b, "-")]
    story += [Paragraph("Profil du candidat", h)]
    story += [Paragraph("Savoir / Connaissance / Diplôme exigé :", sub), *_bullets(N01_KNO, b, "-")]
    story += [Paragraph("Savoir-faire :", sub), *_bullets(N01_KH, b, "-")]
    story += [Paragraph("Comportement professionnel :", sub), *_bullets(N01_BEH, b, "-")]
    story += [Paragraph("Caractéristiques particulières de l'emploi", h)]
    for c in N01_COND:
        lab, val = c.split(" : ", 1)
        story.append(Paragraph(f"<b>{escape(lab)} :</b> {escape(val)}", body))
    story += [
        Spacer(1, 6),
        Paragraph(
            "Contact : Prénom NOM, chef du service de l'environnement industriel – tél. 27 00 00 – "
            "prenom.nom@example.nc",
            body,
        ),
        Paragraph(
            "Les candidatures (lettre de motivation, CV, copie des diplômes et, pour les "
            "fonctionnaires, dernier arrêté) sont à déposer sur le site de recrutement du "
            "gouvernement ou à adresser à drhfpnc.recrutement@example.nc.",
            body,
        ),
        Spacer(1, 6),
        Paragraph(
            "(1) Loi du pays n° 2010-9 du 27 juillet 2010 relative à la protection, à la promotion "
            "et au soutien de l'emploi local.",
            st["small"],
        ),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "n01.pdf"
        SimpleDocTemplate(
            str(pdf),
            pagesize=A4,
            leftMargin=1.8 * cm,
            rightMargin=1.8 * cm,
            topMargin=1.4 * cm,
            bottomMargin=1.2 * cm,
            invariant=1,
        ).build(story)
        (page,) = _scan(pdf, dpi=300, seed=401, skews=[1.3], noise=3.0, specks=400)
    # 16 grey levels (a 4-bit greyscale PNG, as document scanners offer): a tenth of the size
    levels = page.point(lambda v: (v // 16) * 17)
    palette = [v for g in range(16) for v in (g * 17,) * 3]
    pal = levels.point(lambda v: v // 17).convert("P")
    pal.putpalette(palette)
    pal.save(OUT / f"{N01}.png", optimize=True, bits=4, dpi=(300, 300))
    write_truth(
        N01,
        "png",
        "scanned page, PNG 300 dpi, Gouvernement de la Nouvelle-Calédonie / DIMENC, ruled header table with a shaded label column",
        {
            "reference.id": "3134-26-0912/DIMENC",
            "reference.date": "2026-05-12",
            "title": N01_TITLE,
            "employer": "Nouvelle-Calédonie",
            "corps": "Ingénieur des travaux / Mines et énergie",
            "direction": "de l'industrie, des mines et de l'énergie (DIMENC)",
            "location": "Nouméa, avec déplacements sur les sites miniers",
            "residence_requirement": "au moins égale à 10 ans",
            "start.immediate": False,
            "start.date": "2026-08-03",
            "posted_on": "2026-05-12",
            "deadline": "2026-06-12",
            "missions": N01_MISSIONS,
            "activities": N01_ACT,
            "secondary_activities": N01_SEC,
            "knowledge": N01_KNO,
            "know_how": N01_KH,
            "behaviours": N01_BEH,
            "conditions": N01_COND,
            "contact.email": "prenom.nom@example.nc",
        },
        "A one-page notice printed and scanned: rendered at 300 dpi (pdftoppm), grey paper, slight "
        "blur, sensor noise, dust specks, uneven lighting, turned 1.3° (anticlockwise); PNG, greyscale. "
        "Truth is the printed text. Standard New Caledonian labels in a ruled 2-column table whose "
        "label column is shaded grey (light text on grey after scanning). Letterhead 'GOUVERNEMENT DE "
        "LA NOUVELLE-CALÉDONIE', the DRHFPNC line and 'AVIS DE VACANCE DE POSTE' are not the title; the "
        "title is the large bold line. Reference 'du 12 mai 2026' = 'Date de dépôt de l'offre'. "
        "'Poste(s) à pourvoir : à compter du 3 août 2026' → not immediate. Lists with '-' bullets ending "
        "' ;' / '.'. Conditions printed as bold 'Label :' + value lines (no bullets). contact.email is the "
        "contact person's address (drhfpnc.recrutement@example.nc is the application mailbox). The "
        "footnote (1) is not a field.",
    )


# =============================================================================================
# 02 — CHS Albert-Bousquet: labels right-aligned against their values (no rules), title given
#      as a header value; printed and scanned SIDEWAYS (TIFF, JPEG-compressed, 200 dpi)
# =============================================================================================
N02 = "blind4-02-chs-albert-bousquet-couche"
N02_TITLE = "Infirmier(ère) en psychiatrie – unité d'hospitalisation de courte durée"
N02_HEADER = [
    ("N° de l'appel", "CHSAB-2026/041"),
    ("Intitulé du poste", N02_TITLE),
    ("Établissement", "Centre hospitalier spécialisé Albert-Bousquet"),
    ("Cadre d'emplois", "Infirmiers diplômés d'État"),
    ("Direction", "Direction des soins infirmiers"),
    ("Pôle", "Psychiatrie adulte"),
    ("Lieu d'exercice", "Site de Nouville, Nouméa"),
    ("Durée de résidence exigée", "/"),
    ("Date de prise de fonction", "01/07/2026"),
    ("Date de publication", "18/05/2026"),
    ("Clôture des candidatures", "08/06/2026"),
]
N02_DESC = (
    "L'unité d'hospitalisation de courte durée (12 lits) accueille des patients adultes en phase "
    "aiguë, orientés par les urgences du Médipôle ou par les centres médico-psychologiques."
)
N02_MISSIONS = [
    "Dispenser des soins infirmiers relationnels et techniques aux patients hospitalisés, dans le "
    "cadre du projet de soins de l'unité et en lien avec l'équipe pluridisciplinaire"
]
N02_ACT = [
    "Accueillir le patient et sa famille et recueillir les données cliniques",
    "Mener les entretiens infirmiers et participer aux entretiens médicaux",
    "Préparer et administrer les traitements prescrits et en surveiller les effets",
    "Prévenir et gérer les situations de crise et d'agressivité",
    "Assurer la traçabilité des soins dans le dossier patient informatisé",
]
N02_SEC = [
    "Encadrer les étudiants en soins infirmiers",
    "Participer aux groupes de travail de l'établissement",
]
N02_KNO = [
    "Diplôme d'État d'infirmier",
    "Sémiologie et pathologies psychiatriques",
    "Cadre législatif des soins sans consentement",
]
N02_KH = [
    "Conduire un entretien d'aide",
    "Évaluer le risque suicidaire",
    "Travailler en équipe pluridisciplinaire",
]
N02_BEH = ["Stabilité émotionnelle", "Bienveillance", "Sens des responsabilités"]
N02_COND = [
    "Horaires : en 12 heures, de jour ou de nuit, selon un cycle de travail",
    "Tenue : fournie et entretenue par l'établissement",
]


def make_02() -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font, bold = _dejavu()
    st = _styles(font, bold, size=9)
    body, h, b, sub = st["body"], st["h"], st["bullet"], st["sub"]
    story: list = [
        Paragraph("CENTRE HOSPITALIER SPÉCIALISÉ ALBERT-BOUSQUET", st["centre"]),
        Paragraph("Direction des ressources humaines", st["centre"]),
        Spacer(1, 10),
        Paragraph("APPEL À CANDIDATURES", st["title"].clone("t2", alignment=1)),
        Spacer(1, 4),
    ]
    rows = [
        [Paragraph(escape(lab), st["rlabel"]), Paragraph(escape(val), body)]
        for lab, val in N02_HEADER
    ]
    t = Table(rows, colWidths=[5.4 * cm, 11.6 * cm])
    t.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEAFTER", (0, 0), (0, -1), 0.8, colors.HexColor("#777777")),
                ("LEFTPADDING", (1, 0), (1, -1), 10),
                ("RIGHTPADDING", (0, 0), (0, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    story += [t, Spacer(1, 8)]
    story += [Paragraph("Présentation de l'unité", h), Paragraph(escape(N02_DESC), body)]
    story += [Paragraph("Mission principale", h)] + [
        Paragraph(escape(m + "."), body) for m in N02_MISSIONS
    ]
    story += [Paragraph("Activités", h), *_bullets(N02_ACT, b, "▪", (".", "."))]
    story += [Paragraph("Activités ponctuelles", h), *_bullets(N02_SEC, b, "▪", (".", "."))]
    story += [Paragraph("Compétences attendues", h)]
    story += [Paragraph("Connaissances", sub), *_bullets(N02_KNO, b, "▪", ("", ""))]
    story += [Paragraph("Savoir-faire", sub), *_bullets(N02_KH, b, "▪", ("", ""))]
    story += [Paragraph("Qualités attendues", sub), *_bullets(N02_BEH, b, "▪", ("", ""))]
    story += [Paragraph("Contraintes du poste", h), *_bullets(N02_COND, b, "▪", (".", "."))]
    story += [
        Spacer(1, 8),
        Paragraph(
            "Renseignements : Prénom NOM, cadre supérieur de santé du pôle, tél. 24 00 00, "
            "prenom.nom@example.nc.",
            body,
        ),
        Paragraph(
            "Adressez votre candidature (CV, lettre de motivation, copie du diplôme) au service "
            "recrutement : recrutement.chs@example.nc.",
            body,
        ),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "n02.pdf"
        SimpleDocTemplate(
            str(pdf),
            pagesize=A4,
            leftMargin=2 * cm,
            rightMargin=2 * cm,
            topMargin=1.5 * cm,
            bottomMargin=1.5 * cm,
            invariant=1,
        ).build(story)
        (page,) = _scan(pdf, dpi=200, seed=402, skews=[-0.7], noise=4.0, jpeg=None, sideways=True)
    page.save(OUT / f"{N02}.tiff", compression="jpeg", quality=60, dpi=(200, 200))
    write_truth(
        N02,
        "tiff",
        "page scanned sideways, TIFF with JPEG compression, 200 dpi, CHS Albert-Bousquet, labels right-aligned against their values",
        {
            "reference.id": "CHSAB-2026/041",
            "reference.date": None,
            "title": N02_TITLE,
            "employer": "Centre hospitalier spécialisé Albert-Bousquet",
            "corps": "Infirmiers diplômés d'État",
            "direction": "Direction des soins infirmiers",
            "location": "Site de Nouville, Nouméa",
            "residence_requirement": None,
            "start.immediate": False,
            "start.date": "2026-07-01",
            "posted_on": "2026-05-18",
            "deadline": "2026-06-08",
            "missions": N02_MISSIONS,
            "activities": N02_ACT,
            "secondary_activities": N02_SEC,
            "knowledge": N02_KNO,
            "know_how": N02_KH,
            "behaviours": N02_BEH,
            "conditions": N02_COND,
            "contact.email": "prenom.nom@example.nc",
        },
        "One page printed and scanned at 200 dpi (grey paper, noise, dust, turned -0.7°), then stored "
        "turned a quarter turn anticlockwise (the sheet went into the feeder sideways): the text runs "
        "bottom to top. TIFF with JPEG compression (quality 60). Truth is the printed text. Hospital "
        "of New Caledonia, embedded DejaVu Sans. Letterhead lines and 'APPEL À CANDIDATURES' are not the "
        "title; the title is the value of 'Intitulé du poste' in the header. Header: labels in bold grey, "
        "RIGHT-aligned against a thin vertical rule, values left-aligned after it; no colons, no other "
        "rules. Mapping: 'N° de l'appel' → reference (no date → null), 'Établissement' → employer, "
        "'Cadre d'emplois' → corps, 'Lieu d'exercice' → location, 'Durée de résidence exigée : /' → null, "
        "'Date de prise de fonction : 01/07/2026' → not immediate, 'Date de publication' → posted_on, "
        "'Clôture des candidatures' → deadline. 'Pôle' has no truth key. 'Présentation de l'unité' is "
        "the description; 'Mission principale' one paragraph. 'Activités ponctuelles' → "
        "secondary_activities. Profile under 'Compétences attendues': 'Connaissances' / 'Savoir-faire' / "
        "'Qualités attendues' (→ behaviours); '▪' bullets. Conditions: '▪' bullets 'Label : value' under "
        "'Contraintes du poste'. The 'Renseignements' line (contact person's e-mail → contact.email) and "
        "the application line (recrutement.chs@example.nc, the application mailbox) are not conditions.",
    )


# =============================================================================================
# 03 — Commune de Bourail, 1998: typewritten notice (Courier, underlined labels, no table, no
#      accented capitals), scanned in colour on yellowed paper, JPEG
# =============================================================================================
N03 = "blind4-03-bourail-dactylo-1998"
N03_TITLE = "SECRETAIRE DE MAIRIE ADJOINT(E)"
N03_HEADER = [
    ("Référence", "98/017/SG"),
    ("Affiché le", "2 mars 1998"),
    ("Emploi", N03_TITLE),
    ("Collectivité", "Commune de Bourail"),
    ("Cadre d'emplois", "Rédacteurs communaux"),
    ("Service", "Secrétariat général"),
    ("Lieu de travail", "Hôtel de ville de Bourail"),
    ("Poste à pourvoir", "le 1er avril 1998"),
    ("Date limite de dépôt des candidatures", "vendredi 20 mars 1998"),
]
N03_MISSIONS = [
    "Sous l'autorité du secrétaire général, l'agent seconde celui-ci dans la direction des "
    "services administratifs de la commune et le remplace en son absence"
]
N03_ACT = [
    "préparation et suivi des délibérations du conseil municipal",
    "élaboration et exécution du budget communal",
    "gestion du personnel communal (carrières, paie)",
    "suivi de l'état civil et des élections",
    "accueil et renseignement du public",
]
N03_PROFILE = [
    "connaissance du fonctionnement des communes de Nouvelle-Calédonie",
    "pratique de la comptabilité publique",
    "maîtrise du traitement de texte",
    "discrétion et disponibilité",
]
N03_COND = [
    "Rémunération : selon la grille indiciaire des rédacteurs communaux",
    "Horaires : 39 heures hebdomadaires",
]


def _typewriter_pdf(path: Path, lines: list[tuple[str, int, int]], seed: int) -> None:
    """Each line (text, column, underline length) typed character by character in Courier:
    ink density and baseline wander a little, as on a worn ribbon."""
    import random

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    rnd = random.Random(seed)
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    size, step, lead = 11, 6.6, 14.2
    x0, y = 62.0, A4[1] - 70
    for text, col, under in lines:
        if y < 60:
            c.showPage()
            y = A4[1] - 70
        for i, ch in enumerate(text):
            if ch in " \u00a0":
                continue
            c.setFont("Courier", size)
            c.setFillGray(rnd.uniform(0.0, 0.3))
            c.drawString(
                x0 + (col + i) * step + rnd.uniform(-0.25, 0.25), y + rnd.uniform(-0.4, 0.4), ch
            )
        if under:
            c.setStrokeGray(0.15)
            c.setLineWidth(0.7)
            c.line(x0 + col * step, y - 2.2, x0 + (col + under) * step, y - 2.2)
        y -= lead
    c.showPage()
    c.save()


def make_03() -> None:
    import textwrap

    from PIL import Image

    width = 70
    L: list[tuple[str, int, int]] = []

    def add(text: str = "", col: int = 0, under: int = 0) -> None:
        L.append((text, col, under))

    def centre(text: str, under: bool = False) -> None:
        col = (width - len(text)) // 2
        add(text, col, len(text) if under else 0)

    def items(xs: list[str]) -> None:
        for i, x in enumerate(xs):
            end = (
                "." if i == len(xs) - 1 else "\u00a0;"
            )  # the typist never left ';' alone on a line
            for j, part in enumerate(textwrap.wrap(x + end, width - 4, break_on_hyphens=False)):
                add(("- " if j == 0 else "  ") + part, 2)

    centre("COMMUNE DE BOURAIL")
    centre("Province Sud - Nouvelle-Calédonie")
    add()
    centre("AVIS DE VACANCE D'EMPLOI", under=True)
    add()
    for lab, val in N03_HEADER:
        head = f"{lab} : "
        wrapped = textwrap.wrap(val, width - len(head), break_on_hyphens=False)
        add(head + wrapped[0], 0, len(lab))
        for more in wrapped[1:]:
            add(" " * len(head) + more)
    add()
    add("MISSIONS :", 0, 8)
    add()
    for part in textwrap.wrap(N03_MISSIONS[0] + ".", width, break_on_hyphens=False):
        add(part)
    add()
    add("FONCTIONS :", 0, 9)
    add()
    items(N03_ACT)
    add()
    add("PROFIL SOUHAITE :", 0, 15)
    add()
    items(N03_PROFILE)
    add()
    add("CONDITIONS :", 0, 10)
    add()
    items(N03_COND)
    add()
    for part in textwrap.wrap(
        "Les candidatures manuscrites, accompagnées d'un curriculum vitae et d'une photographie "
        "récente, doivent être adressées à Monsieur le Maire de Bourail, B.P. 00, 98870 Bourail, "
        "avant la date limite.",
        width,
    ):
        add(part)
    add()
    add("Bourail, le 2 mars 1998", 40)
    add("Le Maire,", 40)
    add()
    add("Prénom NOM", 40)
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "n03.pdf"
        _typewriter_pdf(pdf, L, seed=403)
        pages = _scan(
            pdf, dpi=200, seed=413, skews=[1.8], paper=226, noise=6.0, blur=0.8, specks=900
        )
    assert len(pages) == 1
    g = pages[0]
    # yellowed paper, scanned in colour
    rgb = Image.merge(
        "RGB", (g, g.point(lambda v: int(v * 0.96)), g.point(lambda v: int(v * 0.82)))
    )
    rgb.save(OUT / f"{N03}.jpg", "JPEG", quality=55, dpi=(200, 200))
    write_truth(
        N03,
        "jpg",
        "typewritten 1998 notice scanned in colour, JPEG 200 dpi, Commune de Bourail, underlined labels, no table",
        {
            "reference.id": "98/017/SG",
            "reference.date": None,
            "title": N03_TITLE,
            "employer": "Commune de Bourail",
            "corps": "Rédacteurs communaux",
            "direction": None,
            "location": "Hôtel de ville de Bourail",
            "residence_requirement": None,
            "start.immediate": False,
            "start.date": "1998-04-01",
            "posted_on": "1998-03-02",
            "deadline": "1998-03-20",
            "missions": N03_MISSIONS,
            "activities": N03_ACT,
            "secondary_activities": [],
            "knowledge": N03_PROFILE,
            "know_how": [],
            "behaviours": [],
            "conditions": N03_COND,
            "contact.email": None,
        },
        "An archive notice of 1998 typed on a typewriter: Courier 11, one character at a time with "
        "uneven ink and baseline, capitals without accents ('SECRETAIRE', 'PROFIL SOUHAITE'), labels "
        "UNDERLINED (the rule stops under the label, not under ' :'), no table; scanned in colour at "
        "200 dpi on yellowed paper, noisy, dusty, turned 1.8°, JPEG quality 55. Truth is the typed text. "
        "The centred 'COMMUNE DE BOURAIL' / province line and the underlined 'AVIS DE VACANCE D'EMPLOI' "
        "are not the title; the title is the value of 'Emploi' (capitals as typed). Mapping: 'Référence' "
        "(no date → reference.date null), 'Affiché le : 2 mars 1998' → posted_on, 'Collectivité' → "
        "employer, 'Cadre d'emplois' → corps, 'Service' has no truth key, no Direction label → null, "
        "'Lieu de travail' → location, no residence line → null, 'Poste à pourvoir : le 1er avril 1998' → "
        "not immediate, 1998-04-01, 'Date limite de dépôt des candidatures : vendredi 20 mars 1998' → "
        "deadline. 'MISSIONS :' one paragraph (wrapped by the typist). 'FONCTIONS :' → activities "
        "(lower-case items kept, ' ;' / '.' removed, wrapped lines rejoined). 'PROFIL SOUHAITE :' is an "
        "undivided profile → all of it to knowledge in printed order (blind-set convention), know_how and "
        "behaviours empty. 'CONDITIONS :' items are 'Label : value' ('Rémunération' is a condition inside "
        "that section). The application paragraph and the place/date/signature block are not fields; the "
        "notice prints no e-mail → contact.email null.",
    )


# =============================================================================================
# 04 — DDETS de la Gironde (FPE "fiche de poste"): checkbox rows in the header, competences as
#      a 3-column table; two pages printed and scanned into an image-only PDF (300 dpi)
# =============================================================================================
N04 = "blind4-04-ddets-gironde-scan"
N04_TITLE = "Chargé(e) de mission insertion par l'activité économique"
N04_HEADER = [
    ("N° de la fiche de poste", "DDETS33-2026-027"),
    (
        "Administration",
        "Direction départementale de l'emploi, du travail et des solidarités de la Gironde",
    ),
    ("Catégorie statutaire", "☒ A     ☐ B     ☐ C"),
    ("Corps", "Attaché d'administration de l'État"),
    ("Service", "Pôle emploi et insertion – unité insertion par l'activité économique"),
    ("Localisation", "Cité administrative, 2 rue Jules-Ferry, 33000 Bordeaux"),
    ("Situation du poste", "☒ vacant     ☐ susceptible d'être vacant"),
    ("Date de prise de poste souhaitée", "1er septembre 2026"),
    ("Date de publication", "19 mai 2026"),
    ("Date limite de candidature", "19 juin 2026"),
]
N04_DESC = (
    "La DDETS met en œuvre dans le département les politiques de l'emploi, de l'insertion, de la "
    "cohésion sociale et de la protection des personnes vulnérables. L'unité insertion par "
    "l'activité économique suit 140 structures conventionnées."
)
N04_MISSIONS = [
    "Piloter le conventionnement et l'accompagnement des structures de l'insertion par l'activité "
    "économique de la métropole bordelaise et du Médoc, et animer le réseau des partenaires"
]
N04_ACT = [
    "Instruire les demandes de conventionnement et d'aide au poste",
    "Analyser les bilans d'activité et les résultats d'insertion des structures",
    "Préparer et animer le conseil départemental de l'insertion par l'activité économique",
    "Répondre aux sollicitations des élus et des porteurs de projets",
    "Suivre l'exécution des crédits du programme 102 sur son périmètre",
]
N04_KNO = [
    "Politiques de l'emploi et de l'insertion",
    "Réglementation de l'insertion par l'activité économique",
    "Fonctionnement de l'économie sociale et solidaire",
]
N04_KH = [
    "Conduire une réunion partenariale",
    "Analyser un bilan financier",
    "Rédiger une note de synthèse",
]
N04_BEH = ["Sens du travail en équipe", "Capacité d'initiative", "Aisance relationnelle"]
N04_COND_ITEMS = [
    "Déplacements réguliers dans le département (véhicule de service)",
    "Télétravail possible jusqu'à deux jours par semaine",
]


def make_04() -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import (
        KeepTogether,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    font, bold = _dejavu()
    st = _styles(font, bold, size=10.5)
    body, h, b = st["body"], st["h"], st["bullet"]
    story: list = [
        Paragraph("PRÉFET<br/>DE LA GIRONDE", st["label"]),
        Paragraph("<i>Liberté<br/>Égalité<br/>Fraternité</i>", st["small"]),
        Spacer(1, 6),
        Paragraph(
            "Direction départementale de l'emploi, du travail et des solidarités", st["right"]
        ),
        Spacer(1, 14),
        Paragraph("FICHE DE POSTE", st["title"].clone("fp", alignment=1)),
        Paragraph(escape(N04_TITLE), st["title"].clone("t4", alignment=1, fontSize=13, leading=17)),
        Spacer(1, 8),
    ]
    rows = [
        [Paragraph(escape(lab), st["label"]), Paragraph(escape(val), body)]
        for lab, val in N04_HEADER
    ]
    t = Table(rows, colWidths=[5.6 * cm, 11.6 * cm])
    t.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1, colors.black),
                ("INNERGRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    story += [t, Spacer(1, 10)]
    story += [Paragraph("Présentation du service", h), Paragraph(escape(N04_DESC), body)]
    story += [Paragraph("Missions du poste", h)] + [
        Paragraph(escape(m + "."), body) for m in N04_MISSIONS
    ]
    story += [Paragraph("Activités principales", h), *_bullets(N04_ACT, b, "•", (" ;", "."))]
    cells = [
        [Paragraph(f"<b>{x}</b>", body) for x in ("Connaissances", "Savoir-faire", "Savoir-être")]
    ]
    for k, kh, be in zip(N04_KNO, N04_KH, N04_BEH, strict=True):
        cells.append(
            [Paragraph(escape(k), body), Paragraph(escape(kh), body), Paragraph(escape(be), body)]
        )
    ct = Table(cells, colWidths=[5.73 * cm] * 3)
    ct.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story += [KeepTogether([Paragraph("Compétences requises", h), ct])]
    story += [
        Paragraph("Sujétions particulières", h),
        *_bullets(N04_COND_ITEMS, b, "•", (" ;", ".")),
    ]
    story += [
        Paragraph("Contacts", h),
        Paragraph(
            "Personne à contacter : Prénom NOM, cheffe du pôle emploi et insertion – 05 56 00 00 00 – "
            "prenom.nom@example.fr",
            body,
        ),
        Paragraph(
            "Candidature (CV et lettre de motivation) à transmettre à ddets-recrutement@example.fr en "
            "rappelant le numéro de la fiche.",
            body,
        ),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "n04.pdf"
        SimpleDocTemplate(
            str(pdf),
            pagesize=A4,
            leftMargin=2 * cm,
            rightMargin=2 * cm,
            topMargin=1.5 * cm,
            bottomMargin=1.8 * cm,
            invariant=1,
        ).build(story)
        pages = _scan(pdf, dpi=300, seed=404, skews=[0.6, -0.9], paper=238, noise=3.5, specks=250)
    _image_pdf(pages, 300, OUT / f"{N04}.pdf", quality=60)
    write_truth(
        N04,
        "pdf",
        "image-only PDF of a scanned 2-page FPE fiche de poste, DDETS de la Gironde, checkbox rows, 3-column competence table",
        {
            "reference.id": "DDETS33-2026-027",
            "reference.date": None,
            "title": N04_TITLE,
            "employer": "Direction départementale de l'emploi, du travail et des solidarités de la Gironde",
            "corps": "Attaché d'administration de l'État",
            "direction": None,
            "location": "Cité administrative, 2 rue Jules-Ferry, 33000 Bordeaux",
            "residence_requirement": None,
            "start.immediate": False,
            "start.date": "2026-09-01",
            "posted_on": "2026-05-19",
            "deadline": "2026-06-19",
            "missions": N04_MISSIONS,
            "activities": N04_ACT,
            "secondary_activities": [],
            "knowledge": N04_KNO,
            "know_how": N04_KH,
            "behaviours": N04_BEH,
            "conditions": [f"Sujétions particulières : {c}" for c in N04_COND_ITEMS],
            "contact.email": "prenom.nom@example.fr",
        },
        "State (FPE) fiche de poste printed and scanned at 300 dpi, stored as an image-only PDF (no text "
        "layer; one JPEG per page), page 1 turned 0.6°, page 2 -0.9°. Truth is the printed text. The "
        "'PRÉFET DE LA GIRONDE / Liberté Égalité Fraternité' block, the right-aligned DDETS line and 'FICHE "
        "DE POSTE' are not the title; the title is the bold centred line under 'FICHE DE POSTE'. Header: a "
        "ruled 2-column table; two rows are checkboxes ('Catégorie statutaire ☒ A ☐ B ☐ C', 'Situation du "
        "poste ☒ vacant ☐ susceptible d'être vacant'): no truth key. Mapping: 'N° de la fiche de poste' → "
        "reference (no date → null), 'Administration' → employer, 'Corps' → corps, 'Service' has no truth "
        "key and there is no Direction label → direction null, 'Localisation' → location, no residence "
        "line → null, 'Date de prise de poste souhaitée : 1er septembre 2026' → not immediate, 'Date de "
        "publication' → posted_on, 'Date limite de candidature' → deadline. 'Présentation du service' is "
        "the description; 'Missions du poste' one paragraph. No secondary activities. 'Compétences "
        "requises' is a ruled 3-column table with a shaded heading row 'Connaissances | Savoir-faire | "
        "Savoir-être', one item per cell (read by column: knowledge, know_how, behaviours; read row by "
        "row the columns interleave). 'Sujétions particulières' plain bullets → the heading as sub-heading. "
        "'Contacts': the contact person's e-mail → contact.email (ddets-recrutement@example.fr is the "
        "application mailbox).",
    )


# =============================================================================================
# 05 — Ville de Païta: full-width boxed header, then a TWO-COLUMN body (missions and activities
#      left, profile and conditions right), closing band full width
# =============================================================================================
N05 = "blind4-05-paita-deux-colonnes"
N05_TITLE = "Conducteur(trice) de travaux voirie et réseaux divers"
N05_HEADER = [
    ("Avis n°", "2026-38/DRH du 6 mai 2026"),
    ("Employeur", "Ville de Païta"),
    ("Cadre d'emplois / Domaine", "Technicien / Voirie et réseaux divers"),
    ("Direction", "Direction des services techniques"),
    ("Lieu de travail", "Centre technique municipal, Païta"),
    ("Durée de résidence exigée", "3 ans"),
    ("Prise de poste", "dès que possible"),
    ("Mise en ligne", "06/05/2026"),
    ("Date limite de candidature", "27/05/2026"),
]
N05_DESC = (
    "Commune en forte croissance du Grand Nouméa, Païta engage un programme pluriannuel de "
    "réfection de ses voiries et de ses réseaux d'eaux pluviales."
)
N05_MISSIONS = [
    "Conduire et contrôler les chantiers de voirie et de réseaux réalisés en régie ou par des "
    "entreprises, de la préparation à la réception des travaux"
]
N05_ACT = [
    "Préparer les dossiers de consultation des entreprises",
    "Organiser et suivre les chantiers (planning, sécurité, qualité)",
    "Contrôler les situations de travaux et les métrés",
    "Rédiger les ordres de service et les procès-verbaux de réception",
    "Informer les riverains et les concessionnaires",
]
N05_SEC = [
    "Participer à l'astreinte technique de la commune",
    "Mettre à jour le plan des réseaux",
]
N05_KNO = [
    "BTS ou DUT en travaux publics",
    "Règles de l'art en voirie et assainissement",
    "Code des marchés publics de la Nouvelle-Calédonie",
]
N05_KH = [
    "Lire un plan et un profil en long",
    "Piloter des entreprises sur un chantier",
    "Utiliser un logiciel de DAO",
]
N05_BEH = ["Autorité naturelle", "Réactivité", "Sens de l'organisation"]
N05_COND = [
    "Permis : permis B exigé",
    "Astreintes : une semaine sur cinq",
]


def make_05() -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        FrameBreak,
        PageTemplate,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )

    st = _styles(size=9.5)
    body, b, sub = st["body"], st["bullet"], st["sub"]
    W, H = A4
    m = 1.5 * cm
    head_h = 8.6 * cm
    gap = 0.8 * cm
    col_w = (W - 2 * m - gap) / 2
    foot_h = 3.0 * cm
    cols_h = H - 2 * m - head_h - foot_h
    frames = [
        Frame(m, H - m - head_h, W - 2 * m, head_h, id="head"),
        Frame(m, m + foot_h, col_w, cols_h, id="left"),
        Frame(m + col_w + gap, m + foot_h, col_w, cols_h, id="right"),
        Frame(m, m, W - 2 * m, foot_h, id="foot"),
    ]

    def column_rule(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setStrokeColor(colors.HexColor("#2e7d32"))
        canvas.setLineWidth(0.6)
        x = m + col_w + gap / 2
        canvas.line(x, m + foot_h + 4, x, m + foot_h + cols_h - 4)
        canvas.restoreState()

    doc = BaseDocTemplate(
        str(OUT / f"{N05}.pdf"), pagesize=A4, title="Avis de vacance – Ville de Païta", invariant=1
    )
    doc.addPageTemplates([PageTemplate(id="p", frames=frames, onPage=column_rule)])
    green = colors.HexColor("#2e7d32")
    hh = st["h"].clone("hg", textColor=green)
    story: list = [
        Paragraph(
            "VILLE DE PAÏTA", st["label"].clone("vp", fontSize=13, leading=16, textColor=green)
        ),
        Paragraph("Avis de vacance de poste", st["small"]),
        Spacer(1, 4),
        Paragraph(escape(N05_TITLE), st["title"]),
    ]
    rows = []
    for i in range(0, len(N05_HEADER), 2):
        row = []
        for lab, val in N05_HEADER[i : i + 2]:
            row.append(Paragraph(f"<b>{escape(lab)} :</b> {escape(val)}", body))
        while len(row) < 2:
            row.append("")
        rows.append(row)
    t = Table(rows, colWidths=[(W - 2 * m) / 2] * 2)
    t.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, green),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f1f8f1")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    story += [t, Spacer(1, 4), Paragraph(escape(N05_DESC), body), FrameBreak()]
    story += [Paragraph("MISSIONS", hh)] + [Paragraph(escape(x + "."), body) for x in N05_MISSIONS]
    story += [Paragraph("ACTIVITÉS PRINCIPALES", hh), *_bullets(N05_ACT, b, "•", ("", ""))]
    story += [Paragraph("ACTIVITÉS SECONDAIRES", hh), *_bullets(N05_SEC, b, "•", ("", ""))]
    story += [FrameBreak()]
    story += [Paragraph("PROFIL", hh)]
    story += [Paragraph("Savoirs", sub), *_bullets(N05_KNO, b, "•", ("", ""))]
    story += [Paragraph("Savoir-faire", sub), *_bullets(N05_KH, b, "•", ("", ""))]
    story += [Paragraph("Savoir-être", sub), *_bullets(N05_BEH, b, "•", ("", ""))]
    story += [Paragraph("CONDITIONS PARTICULIÈRES", hh)]
    story += [
        Paragraph(f"<b>{escape(c.split(' : ')[0])} :</b> {escape(c.split(' : ', 1)[1])}", body)
        for c in N05_COND
    ]
    story += [FrameBreak()]
    story += [
        Paragraph(
            "Pour postuler : lettre de motivation et CV à adresser à Monsieur le Maire, par courriel à "
            "rh.recrutement@example.nc, avant le 27 mai 2026.",
            body,
        ),
        Paragraph(
            "Renseignements : Prénom NOM, directeur des services techniques – 35 00 00 – prenom.nom@example.nc",
            body,
        ),
    ]
    doc.build(story)
    write_truth(
        N05,
        "pdf",
        "born-digital PDF, Ville de Païta, full-width header box then a two-column body",
        {
            "reference.id": "2026-38/DRH",
            "reference.date": "2026-05-06",
            "title": N05_TITLE,
            "employer": "Ville de Païta",
            "corps": "Technicien / Voirie et réseaux divers",
            "direction": "Direction des services techniques",
            "location": "Centre technique municipal, Païta",
            "residence_requirement": "3 ans",
            "start.immediate": True,
            "start.date": None,
            "posted_on": "2026-05-06",
            "deadline": "2026-05-27",
            "missions": N05_MISSIONS,
            "activities": N05_ACT,
            "secondary_activities": N05_SEC,
            "knowledge": N05_KNO,
            "know_how": N05_KH,
            "behaviours": N05_BEH,
            "conditions": N05_COND,
            "contact.email": "prenom.nom@example.nc",
        },
        "Born-digital one-page PDF (reportlab, Helvetica). Green 'VILLE DE PAÏTA' letterhead and small "
        "'Avis de vacance de poste' are not the title; the title is the large bold line. Header: a shaded "
        "full-width box of 'Label : value' pairs, TWO pairs per row (bold label with colon), values "
        "wrapping inside their half; then an unlabelled description paragraph. Body in TWO COLUMNS "
        "separated by a thin green rule: left 'MISSIONS' (one paragraph), 'ACTIVITÉS PRINCIPALES', "
        "'ACTIVITÉS SECONDAIRES'; right 'PROFIL' with 'Savoirs' / 'Savoir-faire' / 'Savoir-être', and "
        "'CONDITIONS PARTICULIÈRES' as bold 'Label :' + value lines. Lines of both columns share y "
        "positions, so reading across the page interleaves them. A full-width closing band: application "
        "paragraph (rh.recrutement@example.nc is the application mailbox) and 'Renseignements' (contact "
        "person's e-mail → contact.email); neither is a condition. 'Avis n° 2026-38/DRH du 6 mai 2026' → id "
        "before ' du ', without 'n°'. 'Durée de résidence exigée : 3 ans' kept as printed. 'Prise de poste "
        "dès que possible' → immediate. 'Mise en ligne' → posted_on. '•' bullets, no end punctuation.",
    )


# =============================================================================================
# 06 — Centre hospitalier intercommunal de Cornouaille (FPH): header table with MERGED cells,
#      a group label spanning several rows at the left, sub-labels, values; dotted dates
# =============================================================================================
N06 = "blind4-06-chic-cornouaille-fusion"
N06_TITLE = "Préparateur(trice) en pharmacie hospitalière"
N06_GROUPS = [
    (
        "IDENTIFICATION\nDU POSTE",
        [
            ("Référence", "CHIC-DRH-2026-0214"),
            ("Grade", "Préparateur en pharmacie hospitalière de classe normale"),
            ("Quotité", "100 %"),
        ],
    ),
    (
        "AFFECTATION",
        [
            ("Établissement", "Centre hospitalier intercommunal de Cornouaille"),
            ("Direction de rattachement", "Direction des soins"),
            ("Lieu d'exercice", "Pharmacie à usage intérieur – site de Quimper"),
        ],
    ),
    (
        "CALENDRIER",
        [
            ("Date de publication", "21.05.2026"),
            ("Prise de fonctions", "1er septembre 2026"),
            ("Date limite de candidature", "20.06.2026"),
        ],
    ),
]
N06_DESC = (
    "La pharmacie à usage intérieur dessert les 1 100 lits et places des sites de Quimper et de "
    "Concarneau ; elle compte une unité de reconstitution des cytotoxiques."
)
N06_MISSIONS = [
    "Préparer, contrôler et dispenser les médicaments et les dispositifs médicaux stériles sous la "
    "responsabilité du pharmacien, dans le respect des bonnes pratiques de préparation"
]
N06_ACT = [
    "Réaliser les préparations magistrales et hospitalières",
    "Reconstituer les chimiothérapies en isolateur",
    "Dispenser nominativement les traitements aux unités de soins",
    "Gérer les stocks et les commandes de produits pharmaceutiques",
]
N06_SEC = ["Participer à l'encadrement des élèves préparateurs"]
N06_KNO = [
    "Diplôme de préparateur en pharmacie hospitalière (DPPH)",
    "Bonnes pratiques de préparation",
    "Pharmacologie",
]
N06_KH = [
    "Travailler en environnement à atmosphère contrôlée",
    "Utiliser le logiciel de gestion pharmaceutique",
    "Contrôler la conformité d'une préparation",
]
N06_BEH = ["Rigueur", "Concentration", "Respect du secret professionnel"]
N06_COND = [
    "Horaires : 7 h 30 – 15 h 30 ou 9 h 30 – 17 h 30, du lundi au vendredi",
    "Temps de travail : un samedi matin sur six",
]


def make_06() -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font, bold = _liberation_serif()
    st = _styles(font, bold, size=10.5)
    body, h, b, sub = st["body"], st["h"], st["bullet"], st["sub"]
    story: list = [
        Paragraph("Centre hospitalier intercommunal de Cornouaille", st["label"]),
        Paragraph("Quimper – Concarneau", st["small"]),
        Spacer(1, 10),
        Paragraph("FICHE DE POSTE", st["centre"]),
        Spacer(1, 4),
        Paragraph(escape(N06_TITLE), st["title"].clone("t6", alignment=1)),
        Spacer(1, 4),
    ]
    rows: list = []
    spans: list = []
    grp = st["label"].clone("grp", alignment=1, fontSize=9, leading=11)
    for g, pairs in N06_GROUPS:
        first = len(rows)
        for i, (lab, val) in enumerate(pairs):
            rows.append(
                [
                    Paragraph(escape(g).replace("\n", "<br/>"), grp) if i == 0 else "",
                    Paragraph(escape(lab), st["label"]),
                    Paragraph(escape(val), body),
                ]
            )
        spans.append(("SPAN", (0, first), (0, len(rows) - 1)))
        spans.append(("BACKGROUND", (0, first), (0, len(rows) - 1), colors.HexColor("#dfe7f2")))
    t = Table(rows, colWidths=[3.4 * cm, 4.6 * cm, 9.2 * cm])
    t.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#2f4f7f")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                *spans,
            ]
        )
    )
    story += [t, Spacer(1, 8)]
    story += [Paragraph("Présentation du service", h), Paragraph(escape(N06_DESC), body)]
    story += [Paragraph("Missions principales", h)] + [
        Paragraph(escape(m + "."), body) for m in N06_MISSIONS
    ]
    story += [Paragraph("Activités", h), *_bullets(N06_ACT, b, "–", (" ;", "."))]
    story += [Paragraph("Activités complémentaires", h), *_bullets(N06_SEC, b, "–", (".", "."))]
    story += [Paragraph("Compétences", h)]
    story += [Paragraph("Connaissances associées", sub), *_bullets(N06_KNO, b, "–", ("", ""))]
    story += [Paragraph("Savoir-faire requis", sub), *_bullets(N06_KH, b, "–", ("", ""))]
    story += [Paragraph("Qualités professionnelles", sub), *_bullets(N06_BEH, b, "–", ("", ""))]
    story += [Paragraph("Conditions d'exercice", h)]
    story += [
        Paragraph(f"<u>{escape(c.split(' : ')[0])}</u> : {escape(c.split(' : ', 1)[1])}", body)
        for c in N06_COND
    ]
    story += [
        Spacer(1, 10),
        Paragraph(
            "Les candidatures (lettre de motivation et curriculum vitae) sont à adresser à la direction "
            "des ressources humaines, par courriel : drh.recrutement@example.fr.",
            body,
        ),
        Paragraph(
            "Renseignements : Prénom NOM, cadre de santé de la pharmacie, 02 98 00 00 00.",
            body,
        ),
        Spacer(1, 8),
        Paragraph("* Poste ouvert aux titulaires et, à défaut, aux contractuels.", st["small"]),
    ]
    SimpleDocTemplate(
        str(OUT / f"{N06}.pdf"),
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=1.6 * cm,
        bottomMargin=1.6 * cm,
        title="Fiche de poste",
        invariant=1,
    ).build(story)
    write_truth(
        N06,
        "pdf",
        "born-digital PDF, Centre hospitalier intercommunal de Cornouaille (FPH), header table with merged group cells",
        {
            "reference.id": "CHIC-DRH-2026-0214",
            "reference.date": None,
            "title": N06_TITLE,
            "employer": "Centre hospitalier intercommunal de Cornouaille",
            "corps": "Préparateur en pharmacie hospitalière de classe normale",
            "direction": "Direction des soins",
            "location": "Pharmacie à usage intérieur – site de Quimper",
            "residence_requirement": None,
            "start.immediate": False,
            "start.date": "2026-09-01",
            "posted_on": "2026-05-21",
            "deadline": "2026-06-20",
            "missions": N06_MISSIONS,
            "activities": N06_ACT,
            "secondary_activities": N06_SEC,
            "knowledge": N06_KNO,
            "know_how": N06_KH,
            "behaviours": N06_BEH,
            "conditions": N06_COND,
            "contact.email": "drh.recrutement@example.fr",
        },
        "Born-digital PDF (reportlab, embedded Liberation Serif), hospital (FPH) wording. Letterhead "
        "(establishment name, 'Quimper – Concarneau') and 'FICHE DE POSTE' are not the title; the title "
        "is the large centred bold line. Header: a ruled 3-column table whose first column holds GROUP "
        "labels in MERGED cells, each spanning three rows, shaded ('IDENTIFICATION DU POSTE' on two lines, "
        "'AFFECTATION', 'CALENDRIER'), the second column the sub-labels and the third the values; the group "
        "labels are not field labels. Mapping: 'Référence' (no date → null), 'Grade' → corps, 'Quotité' has "
        "no truth key, 'Établissement' → employer, 'Direction de rattachement' → direction, 'Lieu "
        "d'exercice' → location, 'Date de publication : 21.05.2026' (dotted date) → posted_on, 'Prise de "
        "fonctions : 1er septembre 2026' → not immediate, 'Date limite de candidature : 20.06.2026' → "
        "deadline. No residence line → null. 'Présentation du service' is the description; 'Missions "
        "principales' one paragraph. 'Activités complémentaires' → secondary_activities. Profile under "
        "'Compétences': 'Connaissances associées' → knowledge, 'Savoir-faire requis' → know_how, "
        "'Qualités professionnelles' → behaviours; '–' bullets. 'Conditions d'exercice': underlined "
        "'Label' + ' : value' lines. After them the application paragraph (the only e-mail, the application "
        "mailbox → contact.email), a 'Renseignements' line with a phone number, and a footnote: none is a "
        "condition.",
    )


# =============================================================================================
# 07 — DREAL Bretagne (FPE): LANDSCAPE page, header as a horizontal table (labels as column
#      headings, values in the row below), body in two columns
# =============================================================================================
N07 = "blind4-07-dreal-bretagne-paysage"
N07_TITLE = "Chargé(e) de mission rénovation énergétique des bâtiments"
N07_HEADER = [
    ("Employeur", "DREAL Bretagne"),
    ("Référence", "2026-1204589"),
    ("Corps / grade", "Ingénieur des travaux publics de l'État"),
    ("Service", "Service climat, énergie, aménagement, logement (SCEAL)"),
    ("Localisation", "10 rue Maurice-Fabre, 35000 Rennes"),
    ("Vacance de l'emploi", "01/09/2026"),
    ("Publiée le", "26 mai 2026"),
    ("Date limite", "16 juin 2026"),
]
N07_DESC = (
    "La direction régionale de l'environnement, de l'aménagement et du logement met en œuvre en "
    "Bretagne les politiques du ministère de la Transition écologique. Le SCEAL porte la "
    "planification énergétique régionale et les aides à la rénovation."
)
N07_MISSIONS = [
    "Animer en région la politique de rénovation énergétique des bâtiments publics et privés et "
    "accompagner les services de l'État et les collectivités dans sa mise en œuvre"
]
N07_ACT = [
    "Piloter le réseau régional des espaces conseil France Rénov'",
    "Suivre la programmation et la consommation des crédits de rénovation",
    "Produire les bilans et indicateurs régionaux",
    "Appuyer les directions départementales des territoires sur les dossiers complexes",
]
N07_SEC = [
    "Représenter la DREAL dans les instances partenariales",
    "Contribuer aux actions de communication du service",
]
N07_KNO = [
    "Thermique du bâtiment",
    "Dispositifs d'aide à la rénovation énergétique",
    "Organisation des services de l'État",
]
N07_KH = [
    "Conduire un projet en mode partenarial",
    "Exploiter des bases de données",
    "Présenter un sujet technique à des élus",
]
N07_BEH = ["Sens du dialogue", "Esprit de synthèse", "Curiosité"]
N07_COND = [
    "Télétravail : possible selon la charte ministérielle",
    "Déplacements : ponctuels dans les quatre départements bretons",
]


def make_07() -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import cm
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        FrameBreak,
        PageTemplate,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )

    font, bold = _dejavu()
    st = _styles(font, bold, size=9)
    body, b, sub = st["body"], st["bullet"], st["sub"]
    W, H = landscape(A4)
    m = 1.3 * cm
    head_h = 6.2 * cm
    gap = 1.0 * cm
    col_w = (W - 2 * m - gap) / 2
    blue = colors.HexColor("#000091")
    frames = [
        Frame(m, H - m - head_h, W - 2 * m, head_h, id="head"),
        Frame(m, m, col_w, H - 2 * m - head_h, id="left"),
        Frame(m + col_w + gap, m, col_w, H - 2 * m - head_h, id="right"),
    ]

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(font, 7)
        canvas.setFillColor(colors.grey)
        canvas.drawString(
            m, 0.6 * cm, "DREAL Bretagne – offre publiée sur la place de l'emploi public"
        )
        canvas.drawRightString(W - m, 0.6 * cm, f"{doc.page}/1")
        canvas.restoreState()

    doc = BaseDocTemplate(
        str(OUT / f"{N07}.pdf"), pagesize=(W, H), title="Offre DREAL Bretagne", invariant=1
    )
    doc.addPageTemplates([PageTemplate(id="land", frames=frames, onPage=footer)])
    h = st["h"].clone("h7", textColor=blue, spaceBefore=5)
    story: list = [
        Paragraph(
            "MINISTÈRE DE LA TRANSITION ÉCOLOGIQUE", st["label"].clone("m7", fontSize=8, leading=10)
        ),
        Paragraph(
            "Direction régionale de l'environnement, de l'aménagement et du logement Bretagne",
            st["small"],
        ),
        Spacer(1, 6),
        Paragraph(escape(N07_TITLE), st["title"].clone("t7", textColor=blue)),
    ]
    head_style = st["label"].clone("hs", fontSize=8, leading=10, textColor=colors.white)
    t = Table(
        [
            [Paragraph(escape(lab), head_style) for lab, _ in N07_HEADER],
            [Paragraph(escape(val), body) for _, val in N07_HEADER],
        ],
        colWidths=[(W - 2 * m) / len(N07_HEADER)] * len(N07_HEADER),
    )
    t.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), blue),
                ("GRID", (0, 0), (-1, -1), 0.5, blue),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story += [t, Spacer(1, 4), Paragraph(escape(N07_DESC), body), FrameBreak()]
    story += [Paragraph("Votre mission", h)] + [
        Paragraph(escape(x + "."), body) for x in N07_MISSIONS
    ]
    story += [Paragraph("Vos activités", h), *_bullets(N07_ACT, b, "›", (" ;", "."))]
    story += [Paragraph("Activités transverses", h), *_bullets(N07_SEC, b, "›", (" ;", "."))]
    story += [Paragraph("Conditions d'emploi", h)]
    story += [
        Paragraph(f"<b>{escape(c.split(' : ')[0])}</b> : {escape(c.split(' : ', 1)[1])}", body)
        for c in N07_COND
    ]
    story += [FrameBreak(), Paragraph("Votre profil", h)]
    story += [Paragraph("Connaissances", sub), *_bullets(N07_KNO, b, "›", ("", ""))]
    story += [Paragraph("Compétences techniques", sub), *_bullets(N07_KH, b, "›", ("", ""))]
    story += [Paragraph("Qualités relationnelles", sub), *_bullets(N07_BEH, b, "›", ("", ""))]
    story += [
        Paragraph("Pour candidater", h),
        Paragraph(
            "Envoyez CV et lettre de motivation à candidatures-dreal@example.fr en indiquant la "
            "référence de l'offre. Entretiens prévus fin juin.",
            body,
        ),
        Paragraph(
            "Contact : Prénom NOM, cheffe du SCEAL – 02 99 00 00 00 – prenom.nom@example.fr", body
        ),
    ]
    doc.build(story)
    write_truth(
        N07,
        "pdf",
        "born-digital landscape PDF, DREAL Bretagne (FPE), horizontal header table, two-column body",
        {
            "reference.id": "2026-1204589",
            "reference.date": None,
            "title": N07_TITLE,
            "employer": "DREAL Bretagne",
            "corps": "Ingénieur des travaux publics de l'État",
            "direction": None,
            "location": "10 rue Maurice-Fabre, 35000 Rennes",
            "residence_requirement": None,
            "start.immediate": False,
            "start.date": "2026-09-01",
            "posted_on": "2026-05-26",
            "deadline": "2026-06-16",
            "missions": N07_MISSIONS,
            "activities": N07_ACT,
            "secondary_activities": N07_SEC,
            "knowledge": N07_KNO,
            "know_how": N07_KH,
            "behaviours": N07_BEH,
            "conditions": N07_COND,
            "contact.email": "prenom.nom@example.fr",
        },
        "Born-digital one-page PDF in LANDSCAPE A4 (reportlab, embedded DejaVu Sans), state (FPE) wording. "
        "Ministry line and the DREAL line are a letterhead, not the title; the title is the large blue line. "
        "Header: a HORIZONTAL table of 8 columns, the labels as white-on-blue column headings in the first "
        "row and each value under its label in the second row (values wrap inside their column); no colons. "
        "Mapping: 'Employeur' → employer as printed ('DREAL Bretagne'), 'Référence' (no date → null), 'Corps / "
        "grade' → corps, 'Service' has no truth key and there is no Direction label → direction null, "
        "'Localisation' → location, 'Vacance de l'emploi : 01/09/2026' → not immediate, start 2026-09-01, "
        "'Publiée le' → posted_on, 'Date limite' → deadline; no residence line → null. An unlabelled "
        "description paragraph under the table. Body in two columns: left 'Votre mission' (one paragraph), "
        "'Vos activités', 'Activités transverses' (→ secondary_activities), 'Conditions d'emploi' (bold "
        "label + ' : value' lines); right 'Votre profil' with 'Connaissances' / 'Compétences techniques' "
        "(→ know_how) / 'Qualités relationnelles' (→ behaviours), then 'Pour candidater' (the application "
        "mailbox candidatures-dreal@example.fr) and a 'Contact' line (contact person's e-mail → "
        "contact.email). '›' bullets. Page footer line is not a field.",
    )


# =============================================================================================
# 08 — Commune de Poindimié: A5 FLYER; reference and dates in a page-top BANNER (commune name
#      left, reference and dates right), a few facts as arrow lines, "Vous avez / savez / êtes"
# =============================================================================================
N08 = "blind4-08-poindimie-flyer-a5"
N08_TITLE = "Animateur(trice) du centre culturel"
N08_FACTS = [
    ("Cadre d'emplois", "Adjoint d'animation"),
    ("Service", "Culture et vie associative"),
    ("Lieu de travail", "Centre culturel de Tiéta, Poindimié"),
    ("Prise de poste", "lundi 1er juin 2026"),
]
N08_MISSIONS = [
    "Faire vivre le centre culturel : programmer, animer et accueillir des activités pour tous les "
    "publics, en lien avec les associations et les tribus de la commune"
]
N08_ACT = [
    "Accueillir le public et tenir les permanences du centre",
    "Préparer et animer les ateliers (danse, musique, arts plastiques)",
    "Organiser les expositions et les soirées culturelles",
    "Tenir le planning des salles et les inscriptions",
]
N08_SEC = ["Participer à la fête de la commune", "Aider à la communication sur les réseaux"]
N08_KNO = ["Un BPJEPS ou une expérience en animation", "La connaissance du tissu associatif local"]
N08_KH = ["Animer un groupe d'enfants ou d'adultes", "Monter un petit projet culturel"]
N08_BEH = ["Dynamique", "Créatif(ve)", "À l'écoute"]
N08_COND = [
    "Horaires : du mardi au samedi, de 8 h à 16 h, soirées ponctuelles",
    "Permis : permis B souhaité",
]


def make_08() -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A5
    from reportlab.lib.units import cm
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        NextPageTemplate,
        PageTemplate,
        Paragraph,
        Spacer,
    )

    font, bold = _dejavu()
    st = _styles(font, bold, size=8.5)
    body, b = st["body"], st["bullet"]
    W, H = A5
    m = 1.1 * cm
    band = 2.6 * cm
    teal = colors.HexColor("#00747a")

    def banner(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFillColor(teal)
        canvas.rect(0, H - band, W, band, stroke=0, fill=1)
        canvas.setFillColor(colors.white)
        canvas.setFont(bold, 15)
        canvas.drawString(m, H - 1.15 * cm, "COMMUNE DE POINDIMIÉ")
        canvas.setFont(font, 7.5)
        canvas.drawString(m, H - 1.65 * cm, "Province Nord – Nouvelle-Calédonie")
        canvas.setFont(font, 8)
        right = W - m
        canvas.drawRightString(right, H - 0.9 * cm, "Réf. 2026/RH/019")
        canvas.drawRightString(right, H - 1.35 * cm, "Diffusée le 04/05/2026")
        canvas.setFont(bold, 8)
        canvas.drawRightString(right, H - 1.8 * cm, "Candidatures jusqu'au 25/05/2026")
        canvas.restoreState()

    first = Frame(m, m, W - 2 * m, H - band - m - 0.3 * cm, id="f1")
    later = Frame(m, m, W - 2 * m, H - 2 * m, id="f2")
    doc = BaseDocTemplate(str(OUT / f"{N08}.pdf"), pagesize=A5, title="On recrute !", invariant=1)
    doc.addPageTemplates(
        [
            PageTemplate(id="first", frames=[first], onPage=banner),
            PageTemplate(id="later", frames=[later]),
        ]
    )
    h = st["h"].clone("h8", textColor=teal, fontSize=10, leading=13)
    story: list = [
        NextPageTemplate("later"),
        Paragraph("ON RECRUTE !", st["label"].clone("or", textColor=teal, fontSize=10)),
        Paragraph(escape(N08_TITLE), st["title"].clone("t8", fontSize=15, leading=18)),
    ]
    for lab, val in N08_FACTS:
        story.append(Paragraph(f"<b>{escape(lab)} :</b> {escape(val)}", b, bulletText="▸"))
    story += [Spacer(1, 4), Paragraph("Votre mission", h)]
    story += [Paragraph(escape(x + "."), body) for x in N08_MISSIONS]
    story += [Paragraph("Au quotidien", h), *_bullets(N08_ACT, b, "✓", ("", ""))]
    story += [Paragraph("Missions annexes", h), *_bullets(N08_SEC, b, "✓", ("", ""))]
    story += [Paragraph("Vous avez", h), *_bullets(N08_KNO, b, "✓", ("", ""))]
    story += [Paragraph("Vous savez", h), *_bullets(N08_KH, b, "✓", ("", ""))]
    story += [Paragraph("Vous êtes", h), *_bullets(N08_BEH, b, "✓", ("", ""))]
    story += [Paragraph("Conditions", h)]
    story += [
        Paragraph(f"<b>{escape(c.split(' : ')[0])} :</b> {escape(c.split(' : ', 1)[1])}", body)
        for c in N08_COND
    ]
    story += [
        Spacer(1, 6),
        Paragraph(
            "Envoyez votre lettre et votre CV à Monsieur le Maire, BP 00, 98822 Poindimié, ou à "
            "mairie.rh@example.nc.",
            body,
        ),
        Paragraph("Infos : Prénom NOM, responsable du centre culturel – 42 00 00.", body),
    ]
    doc.build(story)
    write_truth(
        N08,
        "pdf",
        "born-digital A5 flyer PDF, Commune de Poindimié, reference and dates in a page-top banner",
        {
            "reference.id": "2026/RH/019",
            "reference.date": None,
            "title": N08_TITLE,
            "employer": {"any": ["Commune de Poindimié", "COMMUNE DE POINDIMIÉ"]},
            "corps": "Adjoint d'animation",
            "direction": None,
            "location": "Centre culturel de Tiéta, Poindimié",
            "residence_requirement": None,
            "start.immediate": False,
            "start.date": "2026-06-01",
            "posted_on": "2026-05-04",
            "deadline": "2026-05-25",
            "missions": N08_MISSIONS,
            "activities": N08_ACT,
            "secondary_activities": N08_SEC,
            "knowledge": N08_KNO,
            "know_how": N08_KH,
            "behaviours": N08_BEH,
            "conditions": N08_COND,
            "contact.email": "mairie.rh@example.nc",
        },
        "Born-digital PDF on A5 paper (reportlab, embedded DejaVu Sans), a recruitment flyer. Page 1 opens "
        "with a teal BANNER drawn across the page top: left the commune name in large white capitals "
        "'COMMUNE DE POINDIMIÉ' (the only place the employer is printed → employer, either case accepted) "
        "and 'Province Nord – Nouvelle-Calédonie'; right, right-aligned, 'Réf. 2026/RH/019' (→ reference, "
        "no date → null), 'Diffusée le 04/05/2026' (→ posted_on) and 'Candidatures jusqu'au 25/05/2026' "
        "(→ deadline). 'ON RECRUTE !' is not the title; the title is the large bold line. Four facts as '▸' "
        "lines with bold 'Label :': 'Cadre d'emplois' → corps, 'Service' (no truth key), 'Lieu de travail' "
        "→ location, 'Prise de poste : lundi 1er juin 2026' → not immediate. No Direction and no residence "
        "line → null. 'Votre mission' one paragraph; 'Au quotidien' → activities; 'Missions annexes' → "
        "secondary_activities (they are annex activities, not missions); profile as 'Vous avez' → "
        "knowledge, 'Vous savez' → know_how, 'Vous êtes' → behaviours; '✓' bullets, no end punctuation. "
        "'Conditions': bold 'Label :' + value lines. The postal/e-mail application paragraph (the only "
        "e-mail → contact.email) and the 'Infos' phone line are not conditions. The flyer runs onto a "
        "second A5 page without the banner.",
    )


# =============================================================================================
# 09 — Rectorat de l'académie de Montpellier (FPE) on a JOB BOARD page: cookie banner first,
#      site chrome, <table> of <th scope=row> labels, free-text sections, "similar offers" aside
# =============================================================================================
N09 = "blind4-09-rectorat-montpellier-jobboard"
N09_TITLE = "Gestionnaire des bourses nationales de lycée (H/F)"
N09_TABLE = [
    ("Référence", "2026-1211873"),
    ("Date de première publication", "22/05/2026"),
    ("Versant", "Fonction publique de l'État"),
    ("Employeur", "Rectorat de l'académie de Montpellier"),
    ("Catégorie", "Catégorie B (technicien)"),
    ("Corps", "Secrétaire administratif de l'éducation nationale et de l'enseignement supérieur"),
    ("Nature de l'emploi", "Emploi ouvert aux titulaires et aux contractuels"),
    ("Direction", "Division des élèves et de la scolarité (DIVES)"),
    ("Localisation du poste", "31 rue de l'Université, 34000 Montpellier"),
    ("Date de vacance de l'emploi", "01/09/2026"),
    ("Date limite de candidature", "12/06/2026"),
]
N09_DESC = (
    "Le rectorat assure le pilotage du service public d'éducation dans les cinq départements de "
    "l'académie. La DIVES gère notamment les aides financières aux élèves de 400 établissements."
)
N09_MISSIONS = [
    "Au sein du bureau des bourses, vous instruisez les dossiers de bourses nationales de lycée et "
    "assurez le paiement des aides dans le respect du calendrier de campagne"
]
N09_ACT = [
    "Instruire les demandes de bourse et les recours gracieux",
    "Contrôler les pièces justificatives et les ressources déclarées",
    "Préparer les mises en paiement trimestrielles",
    "Répondre aux familles et aux établissements par téléphone et par courriel",
]
N09_SEC = ["Participer à la formation des secrétariats des établissements"]
N09_KNO = [
    "Réglementation des aides aux élèves",
    "Règles de la comptabilité publique",
]
N09_KH = [
    "Utiliser les applications de gestion des bourses",
    "Appliquer une procédure",
    "Rédiger un courrier administratif",
]
N09_BEH = ["Rigueur", "Sens de la relation avec les usagers", "Esprit d'équipe"]
N09_COND_ITEMS = [
    "Pics d'activité en septembre et en janvier (congés à poser hors campagne)",
    "Télétravail possible après six mois, un jour par semaine",
]


def make_09() -> None:
    e = html_escape
    rows = "\n".join(
        f'      <tr><th scope="row">{e(lab)}</th><td>{e(val)}</td></tr>' for lab, val in N09_TABLE
    )

    def ul(items: list[str], ends: tuple[str, str] = (" ;", ".")) -> str:
        out = []
        for i, it in enumerate(items):
            end = ends[1] if i == len(items) - 1 else ends[0]
            out.append(f"          <li>{e(it + end)}</li>")
        return "        <ul>\n" + "\n".join(out) + "\n        </ul>"

    page = f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>{e(N09_TITLE)} - Montpellier | Emplois publics</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/static/site.css">
</head>
<body>
<div id="cookie-consent" class="banner" role="dialog" aria-label="Gestion des cookies">
  <p>Ce site utilise des cookies pour mesurer l'audience et améliorer votre expérience. Vous pouvez
  accepter, refuser ou personnaliser vos choix à tout moment.</p>
  <button type="button">Tout accepter</button> <button type="button">Tout refuser</button>
  <a href="/cookies">Personnaliser</a>
</div>
<header class="site">
  <a class="logo" href="/">Emplois publics</a>
  <span class="tagline">Les offres des trois fonctions publiques</span>
  <nav><a href="/offres">Offres</a> | <a href="/employeurs">Employeurs</a> | <a href="/alertes">Mes alertes</a> | <a href="/connexion">Se connecter</a></nav>
</header>
<main>
  <p class="breadcrumb"><a href="/">Accueil</a> &gt; <a href="/offres">Offres</a> &gt; Occitanie &gt; Hérault</p>
  <article class="offer">
    <h1>{e(N09_TITLE)}</h1>
    <p class="share">Partager : <a href="#">LinkedIn</a> · <a href="#">Courriel</a> · <a href="#">Imprimer</a></p>
    <table class="offer-facts">
{rows}
    </table>
    <section>
      <h2>Descriptif de l'employeur</h2>
      <p>{e(N09_DESC)}</p>
    </section>
    <section>
      <h2>Description du poste</h2>
      <p>{e(N09_MISSIONS[0] + ".")}</p>
      <p><strong>Activités principales :</strong></p>
{ul(N09_ACT)}
      <p><strong>Activités associées :</strong></p>
{ul(N09_SEC)}
    </section>
    <section>
      <h2>Profil recherché</h2>
      <p><em>Connaissances</em></p>
{ul(N09_KNO, ("", ""))}
      <p><em>Savoir-faire</em></p>
{ul(N09_KH, ("", ""))}
      <p><em>Savoir-être</em></p>
{ul(N09_BEH, ("", ""))}
    </section>
    <section>
      <h2>Conditions particulières d'exercice</h2>
{ul(N09_COND_ITEMS, (".", "."))}
    </section>
    <section>
      <h2>Éléments de candidature</h2>
      <p>CV et lettre de motivation à adresser par courriel à ce.drh-recrutement@example.fr, en
      précisant la référence de l'offre.</p>
      <h2>Personne à contacter</h2>
      <p>Prénom NOM, cheffe du bureau des bourses<br>prenom.nom@example.fr</p>
    </section>
    <p class="apply"><a class="button" href="/offres/2026-1211873/postuler">Postuler</a></p>
  </article>
  <aside class="similar">
    <h2>Offres similaires</h2>
    <ul>
      <li><a href="/offres/2026-1209911">Gestionnaire des examens et concours (H/F)</a> – Nîmes</li>
      <li><a href="/offres/2026-1210420">Assistant(e) de gestion financière (H/F)</a> – Perpignan</li>
    </ul>
  </aside>
</main>
<footer>
  <p><a href="/mentions-legales">Mentions légales</a> · <a href="/accessibilite">Accessibilité : partiellement conforme</a> · <a href="/plan">Plan du site</a></p>
  <p>© 2026 Emplois publics – site de démonstration</p>
</footer>
</body>
</html>
"""
    (OUT / f"{N09}.html").write_text(page, encoding="utf-8")
    write_truth(
        N09,
        "html",
        "job-board HTML page with cookie banner and site chrome, Rectorat de l'académie de Montpellier (FPE), <th scope=row> facts table",
        {
            "reference.id": "2026-1211873",
            "reference.date": None,
            "title": N09_TITLE,
            "employer": "Rectorat de l'académie de Montpellier",
            "corps": "Secrétaire administratif de l'éducation nationale et de l'enseignement supérieur",
            "direction": "Division des élèves et de la scolarité (DIVES)",
            "location": "31 rue de l'Université, 34000 Montpellier",
            "residence_requirement": None,
            "start.immediate": False,
            "start.date": "2026-09-01",
            "posted_on": "2026-05-22",
            "deadline": "2026-06-12",
            "missions": N09_MISSIONS,
            "activities": N09_ACT,
            "secondary_activities": N09_SEC,
            "knowledge": N09_KNO,
            "know_how": N09_KH,
            "behaviours": N09_BEH,
            "conditions": [f"Conditions particulières d'exercice : {c}" for c in N09_COND_ITEMS],
            "contact.email": "prenom.nom@example.fr",
        },
        "Job-board page (fictional board, schema-less HTML, no JSON-LD). Before the offer: a cookie-consent "
        "<div> (paragraph and buttons), a site <header> with logo text, tagline and <nav>, a breadcrumb; "
        "after it a 'Partager' line, a 'Postuler' button, an <aside> 'Offres similaires' with two OTHER job "
        "titles, and a <footer>: none of it is a field; the title is the <h1> (the <title> adds ' - "
        'Montpellier | Emplois publics\'). Facts: a <table> whose rows are <th scope="row"> label + <td> '
        "value (labels of the state job board: 'Date de première publication' → posted_on, 'Versant', "
        "'Catégorie' and 'Nature de l'emploi' have no truth key, 'Localisation du poste' → location, 'Date "
        "de vacance de l'emploi : 01/09/2026' → not immediate, start 2026-09-01). 'Référence' (no date → "
        "null). 'Direction' value printed as a division name → direction as printed. No residence line → "
        "null. 'Descriptif de l'employeur' is the description. 'Description du poste': a first <p> "
        "(→ the one mission), then <strong> 'Activités principales :' and 'Activités associées :' "
        "(→ secondary_activities) paragraphs each followed by a <ul>. 'Profil recherché' with <em> "
        "'Connaissances' / 'Savoir-faire' / 'Savoir-être' paragraphs, each before a <ul>. 'Conditions "
        "particulières d'exercice': plain <li> → the heading as sub-heading. 'Éléments de candidature' "
        "(application mailbox ce.drh-recrutement@example.fr) and 'Personne à contacter' (contact person's "
        "e-mail after a <br> → contact.email) are not conditions.",
    )


# =============================================================================================
# 10 — DAC-NC (state service in New Caledonia): DOCX whose employer, reference and dates sit in
#      the Word PAGE HEADER part; body facts in a borderless table with RIGHT-aligned labels
# =============================================================================================
N10 = "blind4-10-dac-nc-entete-word"
N10_TITLE = "Agent(e) d'information aéronautique"
N10_FACTS = [
    (
        "Corps ou grade",
        "Technicien supérieur des études et de l'exploitation de l'aviation civile (TSEEAC)",
    ),
    ("Service", "Service de la navigation aérienne – subdivision information aéronautique"),
    ("Lieu d'affectation", "Aéroport international de Nouméa-La Tontouta, Païta"),
    ("Poste à pourvoir", "immédiatement"),
    ("Nombre de postes", "1"),
]
N10_DESC = (
    "La DAC-NC exerce en Nouvelle-Calédonie les missions de l'État en matière d'aviation civile. "
    "Le bureau d'information aéronautique de La Tontouta fonctionne 7 jours sur 7."
)
N10_MISSIONS = [
    "Fournir aux équipages et aux exploitants l'information aéronautique nécessaire à la sécurité "
    "des vols et tenir à jour la documentation du territoire"
]
N10_ACT = [
    "Recevoir, contrôler et diffuser les NOTAM",
    "Assurer le briefing avant vol des équipages",
    "Traiter les plans de vol déposés",
    "Mettre à jour les cartes et publications aéronautiques",
]
N10_SEC = ["Participer aux exercices de crise de la plateforme"]
N10_KNO = [
    "Réglementation de la circulation aérienne",
    "Anglais aéronautique (niveau 4 OACI)",
    "Météorologie aéronautique",
]
N10_KH = [
    "Utiliser les systèmes de traitement de l'information aéronautique",
    "Communiquer de façon claire et concise",
    "Hiérarchiser les urgences",
]
N10_BEH = ["Rigueur", "Sang-froid", "Sens du travail en équipe"]
N10_COND_ITEMS = [
    "Travail posté en horaires décalés, week-ends et jours fériés compris",
    "Visite médicale d'aptitude obligatoire",
]


def _docx_bytes(doc: Any, when: tuple[int, int, int, int, int, int]) -> bytes:
    """Save a python-docx Document with fixed zip timestamps: the same script gives the same bytes."""
    import zipfile

    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(raw.getvalue())) as zin,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout,
    ):
        for info in zin.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=when)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, zin.read(info.filename))
    return out.getvalue()


def _no_borders(table: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def make_10() -> None:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    doc = Document()
    cp = doc.core_properties
    cp.author = "DAC-NC"
    cp.title = "Appel à candidatures"
    cp.created = cp.modified = dt.datetime(2026, 5, 15, 8, 0, 0)
    cp.last_modified_by = "DAC-NC"
    cp.revision = 1
    sec = doc.sections[0]
    sec.top_margin = Cm(3.4)
    sec.header_distance = Cm(1.0)
    header = sec.header
    header.is_linked_to_previous = False
    hp = header.paragraphs[0]
    ht = header.add_table(1, 2, Cm(17))
    _no_borders(ht)
    left, right = ht.rows[0].cells
    lp = left.paragraphs[0]
    r = lp.add_run("Direction de l'aviation civile en Nouvelle-Calédonie")
    r.bold = True
    r.font.size = Pt(10)
    lp2 = left.add_paragraph()
    r = lp2.add_run("Service d'État de l'aviation civile – Ministère chargé des transports")
    r.font.size = Pt(7.5)
    r.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    for i, text in enumerate(
        [
            "Réf. : DAC-NC/SG/2026-12",
            "Publié le 15 mai 2026",
            "Clôture : vendredi 5 juin 2026 à 16 h",
        ]
    ):
        p = right.paragraphs[0] if i == 0 else right.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = p.add_run(text)
        run.font.size = Pt(8.5)
        run.bold = i == 2
    hp.text = ""
    footer = sec.footer
    footer.paragraphs[0].text = "DAC-NC – BP 00 – 98845 Nouméa Cedex"
    footer.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER

    p = doc.add_paragraph()
    run = p.add_run("APPEL À CANDIDATURES")
    run.bold = True
    run.font.size = Pt(9)
    run.font.color.rgb = RGBColor(0x1F, 0x3A, 0x68)
    doc.add_paragraph(N10_TITLE, style="Title")
    t = doc.add_table(rows=0, cols=2)
    _no_borders(t)
    for lab, val in N10_FACTS:
        row = t.add_row().cells
        row[0].width = Cm(4.5)
        row[1].width = Cm(12.5)
        lp = row[0].paragraphs[0]
        lp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        lr = lp.add_run(lab)
        lr.bold = True
        lr.font.color.rgb = RGBColor(0x1F, 0x3A, 0x68)
        row[1].paragraphs[0].add_run(val)
    t.autofit = False
    t.columns[0].width = Cm(4.5)
    t.columns[1].width = Cm(12.5)
    doc.add_heading("Contexte", level=2)
    doc.add_paragraph(N10_DESC)
    doc.add_heading("Mission", level=2)
    for x in N10_MISSIONS:
        doc.add_paragraph(x + ".")
    doc.add_heading("Activités", level=2)
    p = doc.add_paragraph()
    p.add_run("Activités principales").bold = True
    for x in N10_ACT:
        doc.add_paragraph(x, style="List Number")
    p = doc.add_paragraph()
    p.add_run("Activités secondaires").bold = True
    for x in N10_SEC:
        doc.add_paragraph(x, style="List Bullet")
    doc.add_heading("Compétences", level=2)
    for head, items in (
        ("Connaissances :", N10_KNO),
        ("Savoir-faire :", N10_KH),
        ("Savoir-être :", N10_BEH),
    ):
        p = doc.add_paragraph()
        p.add_run(head).bold = True
        for x in items:
            doc.add_paragraph(x, style="List Bullet")
    doc.add_heading("Sujétions", level=2)
    for x in N10_COND_ITEMS:
        doc.add_paragraph(x, style="List Bullet")
    doc.add_paragraph(
        "Les candidatures (CV, lettre de motivation, dernier arrêté ou contrat) sont à adresser à "
        "dac-nc.rh@example.nc avant la date de clôture."
    )
    doc.add_paragraph(
        "Renseignements : Prénom NOM, chef de la subdivision information aéronautique, "
        "prenom.nom@example.nc."
    )
    (OUT / f"{N10}.docx").write_bytes(_docx_bytes(doc, (2026, 5, 15, 8, 0, 0)))
    write_truth(
        N10,
        "docx",
        "DOCX, Direction de l'aviation civile en Nouvelle-Calédonie (state service), employer, reference and dates in the Word page header",
        {
            "reference.id": "DAC-NC/SG/2026-12",
            "reference.date": None,
            "title": N10_TITLE,
            "employer": "Direction de l'aviation civile en Nouvelle-Calédonie",
            "corps": "Technicien supérieur des études et de l'exploitation de l'aviation civile (TSEEAC)",
            "direction": None,
            "location": "Aéroport international de Nouméa-La Tontouta, Païta",
            "residence_requirement": None,
            "start.immediate": True,
            "start.date": None,
            "posted_on": "2026-05-15",
            "deadline": "2026-06-05",
            "missions": N10_MISSIONS,
            "activities": N10_ACT,
            "secondary_activities": N10_SEC,
            "knowledge": N10_KNO,
            "know_how": N10_KH,
            "behaviours": N10_BEH,
            "conditions": [f"Sujétions : {c}" for c in N10_COND_ITEMS],
            "contact.email": "prenom.nom@example.nc",
        },
        "DOCX (python-docx). The employer, the reference and both dates are ONLY in the Word page header "
        "part (header1.xml, repeated on every page by Word), not in the body: a borderless 2-cell table, "
        "left 'Direction de l'aviation civile en Nouvelle-Calédonie' (bold → employer) over a small grey "
        "ministry line, right three right-aligned paragraphs 'Réf. : DAC-NC/SG/2026-12' (→ reference, no "
        "date → null), 'Publié le 15 mai 2026' (→ posted_on), 'Clôture : vendredi 5 juin 2026 à 16 h' "
        "(→ deadline, time ignored). The page footer (postal address) is not a field. Body: small 'APPEL À "
        "CANDIDATURES' (not the title), the title in Word's 'Title' style, then a borderless table whose "
        "bold labels are RIGHT-aligned in their cell against the values: 'Corps ou grade' → corps, "
        "'Service' (no truth key; no Direction label → null), 'Lieu d'affectation' → location, 'Poste à "
        "pourvoir : immédiatement' → immediate, 'Nombre de postes' (no key). No residence line → null. "
        "Headings are Word 'Heading 2'. 'Contexte' is the description; 'Mission' one paragraph. Under "
        "'Activités', bold run paragraphs 'Activités principales' ('List Number' items) and 'Activités "
        "secondaires' ('List Bullet'). 'Compétences' with bold 'Connaissances :' / 'Savoir-faire :' / "
        "'Savoir-être :' paragraphs before 'List Bullet' items. 'Sujétions': plain 'List Bullet' items → "
        "the heading as sub-heading. Then two Normal paragraphs: application (dac-nc.rh@example.nc, the "
        "application mailbox) and 'Renseignements' (contact person's e-mail → contact.email); not conditions.",
    )


# =============================================================================================
# 11 — Université de la Nouvelle-Calédonie: Markdown EXPORT of an aggregator / ATS, its field
#      labels in English ("Reference:", "Closing date:") over a French notice; REFERENS wording
# =============================================================================================
N11 = "blind4-11-unc-export-anglais"
N11_TITLE = "Ingénieur(e) systèmes et réseaux"
N11_DESC = (
    "L'Université de la Nouvelle-Calédonie accueille 3 500 étudiants sur les campus de Nouville "
    "et de Baco. La DNSI administre l'infrastructure numérique de l'établissement."
)
N11_MISSIONS = [
    "Administrer, sécuriser et faire évoluer les serveurs et le réseau de l'université",
    "Garantir la continuité de service des applications de scolarité, de recherche et de gestion",
]
N11_ACT = [
    "Administrer les serveurs Linux et Windows et la plateforme de virtualisation",
    "Exploiter le réseau filaire et sans fil des deux campus",
    "Mettre en œuvre la politique de sécurité des systèmes d'information",
    "Rédiger la documentation technique et les procédures d'exploitation",
    "Assurer le support de niveau 3 auprès de l'équipe d'assistance",
]
N11_KNO = [
    "Systèmes d'exploitation et virtualisation",
    "Protocoles réseau (TCP/IP, routage, VLAN)",
    "Sécurité des systèmes d'information",
    "Anglais technique",
]
N11_KH = [
    "Diagnostiquer et résoudre un incident",
    "Automatiser des tâches d'administration",
    "Conduire un projet technique",
]
N11_BEH = ["Sens de l'organisation", "Réactivité", "Capacité à transmettre"]
N11_COND = [
    "Astreinte : une semaine par mois, indemnisée",
    "Horaires : 37 h 30 hebdomadaires, congés en période de fermeture de l'université",
]


def make_11() -> None:
    def bl(items: list[str]) -> str:
        return "\n".join(f"* {x}" for x in items)

    md = f"""# {N11_TITLE}

**Employer:** Université de la Nouvelle-Calédonie
**Reference:** UNC-BIATSS-2026-07
**Department:** Direction du numérique et des systèmes d'information (DNSI)
**Location:** Campus de Nouville, Nouméa
**Job family:** BAP E – Informatique, statistiques et calcul scientifique
**Corps / grade:** Ingénieur d'études
**Contract type:** Titulaire ou contractuel (CDD 3 ans)
**Start date:** dès que possible
**Posted:** 2026-05-18
**Closing date:** 08/06/2026

---

## Description

{N11_DESC}

## Missions

{N11_MISSIONS[0]}.

{N11_MISSIONS[1]}.

## Activités principales

{bl(N11_ACT)}

## Compétences

### Connaissances

{bl(N11_KNO)}

### Compétences opérationnelles

{bl(N11_KH)}

### Compétences comportementales

{bl(N11_BEH)}

## Conditions particulières

{bl(N11_COND)}

## How to apply

Envoyer CV et lettre de motivation à recrutement.biatss@example.nc avant la date de clôture.
Contact : Prénom NOM, directeur de la DNSI – prenom.nom@example.nc

---

*Source: https://jobs.example.nc/offres/unc-biatss-2026-07 · Exported 2026-05-20 · Tags: IT, réseaux, Nouméa*
"""
    (OUT / f"{N11}.md").write_text(md, encoding="utf-8")
    write_truth(
        N11,
        "md",
        "Markdown export of a job aggregator with English field labels, Université de la Nouvelle-Calédonie",
        {
            "reference.id": "UNC-BIATSS-2026-07",
            "reference.date": None,
            "title": N11_TITLE,
            "employer": "Université de la Nouvelle-Calédonie",
            "corps": "Ingénieur d'études",
            "direction": "Direction du numérique et des systèmes d'information (DNSI)",
            "location": "Campus de Nouville, Nouméa",
            "residence_requirement": None,
            "start.immediate": True,
            "start.date": None,
            "posted_on": "2026-05-18",
            "deadline": "2026-06-08",
            "missions": N11_MISSIONS,
            "activities": N11_ACT,
            "secondary_activities": [],
            "knowledge": N11_KNO,
            "know_how": N11_KH,
            "behaviours": N11_BEH,
            "conditions": N11_COND,
            "contact.email": "prenom.nom@example.nc",
        },
        "Markdown written by an aggregator/ATS export: the title as '#' heading, then one line per fact "
        "with a bold ENGLISH label and colon inside the bold ('**Reference:** …'), consecutive lines without "
        "Markdown hard breaks (they render as one paragraph; each fact is on its own source line), then a "
        "'---' rule. Mapping: 'Employer' → employer, 'Reference' (no date → null), 'Department' → direction "
        "as printed, 'Location' → location, 'Job family' (the university BAP) and 'Contract type' have no "
        "truth key, 'Corps / grade' → corps, 'Start date: dès que possible' → immediate, 'Posted: "
        "2026-05-18' (ISO) → posted_on, 'Closing date: 08/06/2026' (day first, French order) → deadline. "
        "No residence line → null. French body: '## Description' is the description; '## Missions' two "
        "paragraphs → two missions; '## Activités principales' '*' bullets; no secondary activities. "
        "'## Compétences' with the university (REFERENS) wording '### Connaissances' → knowledge, '### "
        "Compétences opérationnelles' → know_how, '### Compétences comportementales' → behaviours. '## "
        "Conditions particulières' bullets 'Label : value'. '## How to apply' (application mailbox "
        "recrutement.biatss@example.nc; 'Contact :' line with the contact person's e-mail → contact.email) "
        "and the italic export footer (source URL, export date, tags) are not fields.",
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
        make_11,
    ):
        make()


if __name__ == "__main__":
    main()
