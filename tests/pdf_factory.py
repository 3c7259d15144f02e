"""Build small born-digital notice PDFs with reportlab, so reader tests need no stored files.

Each builder returns the PDF bytes. Layouts mimic real notices: a label│value header (ruled or
borderless) with labels and values that wrap, values vertically centred, a body with headings and
bullets that wrap, repeated page headers/footers.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)


def _register_vera() -> str:
    """reportlab ships Bitstream Vera, a TrueType font with a real "•" (the standard fonts'
    bullet comes out as an unmapped glyph)."""
    import os

    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "Vera" not in pdfmetrics.getRegisteredFontNames():
        path = os.path.join(os.path.dirname(reportlab.__file__), "fonts", "Vera.ttf")
        pdfmetrics.registerFont(TTFont("Vera", path))
    return "Vera"


BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=12.5)
LABEL = ParagraphStyle("label", parent=BODY, fontName="Helvetica-Bold")
TITLE = ParagraphStyle(
    "title", parent=BODY, fontName="Helvetica-Bold", fontSize=16, leading=20, alignment=TA_CENTER
)
HEADING = ParagraphStyle(
    "heading", parent=BODY, fontName="Helvetica-Bold", fontSize=12, leading=15, spaceBefore=8
)
BULLET = ParagraphStyle(
    "bullet", parent=BODY, leftIndent=18, bulletIndent=6, bulletFontName=_register_vera()
)

# (label, value): labels and values long enough to wrap in their column.
HEADER_ROWS: list[tuple[str, str]] = [
    ("Référence", "3134-25-0176/SR du 24 janvier 2025"),
    ("Employeur", "Province des îles Loyauté"),
    ("Corps ou Cadre d'emploi / Domaine", "Emploi fonctionnel de direction"),
    (
        "Direction",
        "Direction du numérique et des systèmes d'information, service des infrastructures "
        "et de la téléphonie de la collectivité",
    ),
    ("Durée de résidence exigée pour le recrutement sur titre (1)", "/"),
    ("Poste(s) à pourvoir", "immédiatement"),
    ("Lieu de travail", "Lifou"),
    ("Date de dépôt de l'offre", "Vendredi 24 janvier 2025"),
    ("Date limite de candidature", "Vendredi 14 février 2025"),
]

MISSIONS = [
    "La gestion et la surveillance des équipements (serveur, routeur et télécommunication), "
    "avec la rédaction des procédures d'exploitation et le suivi des contrats de maintenance",
    "La définition des procédures d'administration",
    "La garantie au quotidien du fonctionnement optimal des services de base (messagerie, accès "
    "à internet, logiciels) et des infrastructures de communication de toute la province",
]


def _header_table(
    rows: Sequence[tuple[str, str]], ruled: bool, widths: tuple[float, float], frame: bool = False
) -> Table:
    data = [[Paragraph(label, LABEL), Paragraph(value, BODY)] for label, value in rows]
    style = [
        ("VALIGN", (0, 0), (0, -1), "TOP"),
        ("VALIGN", (1, 0), (1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if frame:  # a box and the column rule, no rules between rows
        style.append(("BOX", (0, 0), (-1, -1), 0.75, colors.black))
        style.append(("LINEAFTER", (0, 0), (0, -1), 0.75, colors.black))
    elif ruled:
        style.append(("GRID", (0, 0), (-1, -1), 0.75, colors.black))
    else:
        style.append(("LEFTPADDING", (1, 0), (1, -1), 0))
    return Table(data, colWidths=list(widths), style=TableStyle(style), hAlign="LEFT")


def _body() -> list[Flowable]:
    story: list[Flowable] = [
        Paragraph("Missions :", HEADING),
        *[Paragraph(item, BULLET, bulletText="•") for item in MISSIONS],
        Paragraph("Profil du candidat", HEADING),
        Paragraph(
            "Le candidat justifie d'une expérience confirmée dans la conduite de projets "
            "informatiques et dans l'encadrement d'équipes techniques pluridisciplinaires.",
            BODY,
        ),
    ]
    return story


def _build(
    story: list[Flowable],
    on_page: Callable[[Canvas, object], None] | None = None,
    **kwargs: object,
) -> bytes:
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2.5 * cm,
        bottomMargin=2.5 * cm,
        **kwargs,
    )
    if on_page is None:
        doc.build(story)
    else:
        doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buf.getvalue()


def notice_pdf(
    ruled: bool = True,
    rows: Sequence[tuple[str, str]] = HEADER_ROWS,
    widths: tuple[float, float] = (4.2 * cm, 11 * cm),
    furniture: bool = False,
    frame: bool = False,
    **kwargs: object,
) -> bytes:
    """A one-page notice: title, label│value header table, missions bullets, a paragraph."""
    story: list[Flowable] = [
        Paragraph("AVIS DE VACANCE DE POSTE", TITLE),
        Spacer(1, 10),
        _header_table(rows, ruled, widths, frame),
        Spacer(1, 10),
        *_body(),
    ]
    return _build(story, on_page=_furniture if furniture else None, **kwargs)


def cid_pdf() -> bytes:
    """A page whose font lost its character map: accented letters come out as (cid:N)."""
    _register_vera()
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=A4, pageCompression=0)
    canvas.setFont("Vera", 11)
    for i in range(12):
        canvas.drawString(2 * cm, 25 * cm - i * 15, f"Référence du poste à pourvoir numéro {i}")
    canvas.showPage()
    canvas.save()
    data = buf.getvalue()
    assert data.count(b"/ToUnicode") == 1
    return data.replace(b"/ToUnicode", b"/ToUnicodX")  # same length: offsets stay right


def _furniture(canvas: Canvas, doc: object) -> None:
    """Page header and footer as real notices print them (the page number changes)."""
    width, height = A4
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.drawString(2 * cm, height - 1.2 * cm, "PROVINCE DES ILES LOYAUTE - Avis 3134-25-0176")
    canvas.drawRightString(width - 2 * cm, 1.2 * cm, f"Page {canvas.getPageNumber()} / 3")
    canvas.restoreState()


def multipage_pdf(pages: int = 3) -> bytes:
    """A notice over several pages with a repeated header and a "Page N / 3" footer."""
    story: list[Flowable] = [
        Paragraph("AVIS DE VACANCE DE POSTE", TITLE),
        Spacer(1, 10),
        _header_table(HEADER_ROWS, True, (4.2 * cm, 11 * cm)),
        Spacer(1, 10),
    ]
    for n in range(pages):
        if n:
            story.append(PageBreak())
        story.extend(_body())
        story.append(
            Paragraph(
                " ".join(
                    f"Phrase {n}-{i} du corps de texte, assez longue pour remplir la ligne."
                    for i in range(30)
                ),
                BODY,
            )
        )
    return _build(story, on_page=_furniture)


def four_column_pdf() -> bytes:
    """A ruled header holding two label│value pairs per row (label, value, label, value)."""
    pairs = [
        ("Référence", "3134-26-0420/SR", "Employeur", "Office des postes et télécommunications"),
        ("Corps ou Cadre d'emploi / Domaine", "cadre d'exploitation", "Direction", "Télécom"),
        ("Lieu de travail", "Nouméa", "Date limite de candidature", "Vendredi 27 mars 2026"),
    ]
    data = [[Paragraph(c, LABEL if i % 2 == 0 else BODY) for i, c in enumerate(r)] for r in pairs]
    table = Table(
        data,
        colWidths=[3 * cm, 4.5 * cm, 3 * cm, 4.5 * cm],
        style=TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]),
    )
    return _build([Paragraph("AVIS DE VACANCE DE POSTE", TITLE), Spacer(1, 8), table])


SIDE_BY_SIDE = [
    ("Référence", "3134-26-0420/SR", "Direction", "Télécom"),
    ("Employeur", "Office des postes et télécommunications", "Date limite de candidature",
     "Vendredi 27 mars 2026"),
    ("Corps ou Cadre d'emploi / Domaine", "cadre d'exploitation", "Date de dépôt de l'offre",
     "Vendredi 17 avril 2026"),
    ("Lieu de travail", "9 rue du général Gallieni - Nouméa", "Postes à pourvoir", "1"),
]  # fmt: skip


def side_by_side_pdf(ruled: bool) -> bytes:
    """Two "Label : value" items per row (OPT-NC style): the columns are not label│value."""
    data = [
        [Paragraph(f"<b>{a} :</b> {b}", BODY), Paragraph(f"<b>{c} :</b> {d}", BODY)]
        for a, b, c, d in SIDE_BY_SIDE
    ]
    style = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    if ruled:
        style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    table = Table(data, colWidths=[7.5 * cm, 7.5 * cm], style=TableStyle(style), hAlign="LEFT")
    return _build([Paragraph("AVIS DE VACANCE DE POSTE", TITLE), Spacer(1, 8), table])


def dashes_pdf() -> bytes:
    """Items whose wrapped line starts with a dash, sub-items with dashes, hand-typed items."""
    vera = _register_vera()
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=A4)
    top = A4[1] - 100

    def put(y: float, *parts: tuple[float, str, str]) -> None:
        for x, font, text in parts:
            canvas.setFont(font, 10)
            canvas.drawString(x, top - y, text)

    long = "Habilitations, permis nécessaires pour l'exercice des fonctions : électrique B1V"
    put(0, (62.7, vera, "•"), (76.7, "Helvetica", long))
    put(13, (76.7, vera, "–"), (84.9, "Helvetica", "H0"))
    put(26, (62.7, vera, "•"), (76.7, "Helvetica", "Conditions de travail :"))
    put(39, (76.7, vera, "–"), (90.7, "Helvetica", "travail en open space"))
    put(56, (62.7, "Helvetica", "- item tapé à la main"))
    put(69, (62.7, "Helvetica", "- second item tapé"))
    canvas.showPage()
    canvas.save()
    return buf.getvalue()


def spacing_pdf() -> bytes:
    """Three two-line paragraphs, justified to the same right edge, 3 pt apart: only the
    spacing tells where one ends."""
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=A4)
    canvas.setFont("Courier", 10)
    y = A4[1] - 100
    for p in range(3):
        for k in range(2):
            canvas.drawString(50, y, f"Paragraphe {p} ligne {k} " + "x" * 58)
            y -= 13
        y -= 3
    canvas.showPage()
    canvas.save()
    return buf.getvalue()


def image_only_pdf() -> bytes:
    """A page holding only a picture (no text layer), then a normal text page."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    img = Image.new("RGB", (400, 120), "white")
    ImageDraw.Draw(img).text((10, 50), "Avis de vacance (scan)", fill="black")
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=A4)
    canvas.drawImage(ImageReader(img), 2 * cm, 20 * cm, width=12 * cm, height=3.6 * cm)
    canvas.showPage()
    canvas.setFont("Helvetica", 11)
    canvas.drawString(2 * cm, 25 * cm, "Référence : 3134-25-0176/SR du 24 janvier 2025")
    canvas.showPage()
    canvas.save()
    return buf.getvalue()


def blank_pages_pdf(pages: int) -> bytes:
    """Many short pages, to exercise the page limit."""
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=A4)
    for n in range(pages):
        canvas.drawString(2 * cm, 25 * cm, f"Texte de la page {n + 1}")
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def encrypted_pdf(user_password: str, owner_password: str = "owner-secret") -> bytes:
    """A notice encrypted with reportlab; an empty user password means edit-protection only."""
    from reportlab.lib.pdfencrypt import StandardEncryption

    enc = StandardEncryption(
        user_password, ownerPassword=owner_password, canPrint=0, canModify=0, canCopy=0
    )
    return notice_pdf(encrypt=enc)
