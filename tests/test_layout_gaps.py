"""Header layouts the rules once lost, built fresh here: a Word text box whose lines are
"LABEL<tab>value" tab-stop rows (Word writes the box twice: DrawingML and a VML fallback), and
a LibreOffice-style PDF grid of three columns, small capital labels above values in body type
with paragraph spacing between them."""

from __future__ import annotations

import io

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from avis.pipeline import parse_bytes
from avis.readers import ReadOptions
from avis.readers.docx import read
from avis.readers.pdf import read as read_pdf

TAB_ROWS = [
    ("N° DE L'AVIS", "2024-225/RH du 10 octobre 2024"),
    ("COLLECTIVITE", "Commune de Bourail"),
    ("DIRECTION", "des systèmes d'information"),
    ("LIEU DE TRAVAIL", "Bourail"),
    ("DATE DE CLOTURE DES CANDIDATURES", "1er novembre 2024"),
]


def _tab_paragraphs() -> str:
    return "".join(
        '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="3400"/></w:tabs></w:pPr>'
        f"<w:r><w:rPr><w:b/></w:rPr><w:t>{label}</w:t></w:r><w:r><w:tab/></w:r>"
        f'<w:r><w:t xml:space="preserve">{value}</w:t></w:r></w:p>'
        for label, value in TAB_ROWS
    ).replace("'", "&apos;")


def _text_box_docx() -> bytes:
    box = f"<w:txbxContent>{_tab_paragraphs()}</w:txbxContent>"
    run = parse_xml(
        f"<w:r {nsdecls('w')} "
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>'
        f"{box}</wps:txbx></wps:wsp></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r>"
    )
    d = docx.Document()
    d.add_paragraph("Commune de Bourail – AVIS DE VACANCE DE POSTE")
    d.add_paragraph("Technicien support", style="Title")
    d.add_paragraph()._p.append(run)
    d.add_paragraph("Missions du poste", style="Heading 1")
    d.add_paragraph("Assurer le support aux utilisateurs.", style="List Bullet")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_text_box_tab_rows_are_read_once_as_label_value_rows() -> None:
    lines = read(_text_box_docx()).pages[0].lines
    texts = [ln.text for ln in lines]
    for label, value in TAB_ROWS:
        assert texts.count(label) == 1, texts  # the VML fallback is not read again
        row = next(ln for ln in lines if ln.text == label).row
        cells = {ln.col: ln.text for ln in lines if ln.row == row and ln.row is not None}
        assert cells == {0: label, 1: value}


def test_text_box_header_fields_are_extracted() -> None:
    notice = parse_bytes(_text_box_docx(), "textbox.docx")
    assert notice.employer == "Commune de Bourail"
    assert notice.direction == "des systèmes d'information"
    assert notice.title == "Technicien support"
    assert notice.location == "Bourail"
    assert str(notice.deadline) == "2024-11-01"


GRID = [
    [
        ("RÉFÉRENCE", ["2026-165/RH"]),
        ("EMPLOYEUR", ["Département du", "Finistère"]),
        ("FILIÈRE / CADRE D'EMPLOIS", ["Rédacteurs territoriaux", "(catégorie B)"]),
    ],
    [
        ("DIRECTION", ["du secrétariat général"]),
        ("PRISE DE POSTE", ["à compter du jeudi 1er", "octobre 2026"]),
        ("LIEU DE TRAVAIL", ["Brest – Maison du", "département"]),
    ],
]


def _stacked_pdf() -> bytes:
    """Three columns; 8 pt labels, 11 pt values 13 pt below them (paragraph spacing)."""
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4)
    height = A4[1]
    c.setFont("Helvetica", 11)
    c.drawString(90, height - 84, "Département du Finistère – AVIS DE VACANCE DE POSTE")
    c.setFont("Helvetica-Bold", 20)
    c.drawString(90, height - 120, "Assistant de direction")
    y = height - 156
    for row in GRID:
        for col, (label, value) in enumerate(row):
            x = 90 + 144 * col
            c.setFont("Helvetica-Bold", 8)
            c.drawString(x, y, label.split(" D'")[0])
            if " D'" in label:
                c.drawString(x, y - 10.8, "D'" + label.split(" D'")[1])
            c.setFont("Helvetica", 11)
            below = y - 24 - (10.8 if " D'" in label else 0.0)  # under a wrapped label
            for k, part in enumerate(value):
                c.drawString(x, below - 14.7 * k, part)
        y -= 72
    c.setFont("Helvetica-Bold", 13)
    c.drawString(90, y - 10, "Missions")
    c.setFont("Helvetica", 11)
    c.drawString(90, y - 30, "- Assurer le secrétariat de la direction.")
    c.showPage()
    c.save()
    return buf.getvalue()


def test_three_column_grid_keeps_its_cells_apart() -> None:
    texts = [ln.text for ln in read_pdf(_stacked_pdf(), ReadOptions()).pages[0].lines]
    assert "RÉFÉRENCE" in texts and "EMPLOYEUR" in texts, texts  # not one line per row


def test_three_column_grid_with_spaced_values_pairs_each_label() -> None:
    notice = parse_bytes(_stacked_pdf(), "stacked.pdf")
    assert notice.reference is not None and notice.reference.id == "2026-165/RH"
    assert notice.employer == "Département du Finistère"
    assert notice.corps == "Rédacteurs territoriaux (catégorie B)"
    assert notice.direction == "du secrétariat général"
    assert notice.location == "Brest – Maison du département"
    assert notice.start is not None and str(notice.start.date) == "2026-10-01"


def test_a_value_that_folds_to_nothing_does_not_dangle() -> None:
    from avis.extract.header import dangles

    assert not dangles("\u0301")  # a lone combining accent folds to an empty string
    assert dangles("Direction de la")


def _split_header_pdf() -> bytes:
    """The grid's last label row ends page 1; its value opens page 2, after a missions list."""
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4)
    height = A4[1]
    c.setFont("Helvetica-Bold", 20)
    c.drawString(90, height - 100, "Assistant de direction")
    y = height - 150
    for label, value in (("RÉFÉRENCE", "2026-165/RH"), ("EMPLOYEUR", "Département du Finistère")):
        c.setFont("Helvetica-Bold", 8)
        c.drawString(90, y, label)
        c.setFont("Helvetica", 11)
        c.drawString(90, y - 20, value)
        y -= 50
    c.setFont("Helvetica-Bold", 13)
    c.drawString(90, y, "Missions")
    c.setFont("Helvetica", 11)
    for k, item in enumerate(("Gérer le courrier de la direction", "Préparer les réunions")):
        c.drawString(100, y - 20 - 15 * k, "• " + item)
    c.setFont("Helvetica-Bold", 8)
    c.drawString(90, 60, "UNITÉ ORGANISATIONNELLE")
    c.drawString(234, 60, "NOMBRE D'AGENTS ENCADRÉS")
    c.showPage()
    c.setFont("Helvetica", 11)
    c.drawString(90, height - 84, "Secrétariat de direction")
    c.drawString(234, height - 84, "Directs : 3 / Indirects : 25")
    c.setFont("Helvetica-Bold", 13)
    c.drawString(90, height - 140, "Compétences")
    c.setFont("Helvetica", 11)
    c.drawString(100, height - 160, "• Maîtrise des outils bureautiques")
    c.showPage()
    c.save()
    return buf.getvalue()


def test_a_header_row_split_over_two_pages_keeps_its_values() -> None:
    notice = parse_bytes(_split_header_pdf(), "split.pdf")
    assert notice.missions == ["Gérer le courrier de la direction", "Préparer les réunions"]
    assert notice.organisation is not None
    assert notice.organisation.unit == "Secrétariat de direction"


def test_a_list_item_wrapped_inside_parentheses_stays_one_item() -> None:
    text = (
        "AVIS DE VACANCE DE POSTE\n\nMissions\n\n"
        "Superviser les chantiers de voirie de la conception à la réception\n"
        "Entretenir le réseau routier provincial (environ 1\n"
        "200 km de routes).\n\n"
        "Connaissances\n\n"
        "◦ Réglementation de la paie et des cotisations sociales (CAFAT,\n"
        "  CRE-IRCAFEX)\n"
        "◦ Statut général des fonctionnaires\n"
    ).encode()
    notice = parse_bytes(text, "wrapped.txt")
    assert notice.missions[-1] == (
        "Entretenir le réseau routier provincial (environ 1 200 km de routes)"
    )
    assert notice.knowledge == [
        "Réglementation de la paie et des cotisations sociales (CAFAT, CRE-IRCAFEX)",
        "Statut général des fonctionnaires",
    ]


def test_a_start_only_label_opens_a_segment_after_a_dash() -> None:
    text = (
        "AVIS DE VACANCE DE POSTE\n\nIntitulé du poste : Technicien informatique\n\n"
        "Date de prise de poste : à définir – Site : Bourail\n\n"
        "Missions\n\n- Assurer le support\n\n"
        "In SITE: the notice is kept for a year.\n"
    ).encode()
    notice = parse_bytes(text, "segments.txt")
    assert notice.location == "Bourail"


def test_a_label_wrapped_before_its_leader_dots_is_one_label() -> None:
    from avis.extract.header import merge_label_cells
    from avis.extract.lexicon import default_lexicon
    from avis.layout import Line

    def line(text: str, col: int, block: int) -> Line:
        return Line(text=text, page=1, origin="pdf", col=col, block=block)

    run = [
        line("FONCTION DU SUPERIEUR", 0, 22),
        line("Directeur général des services", 1, 21),
        line("HIERARCHIQUE DIRECT ... :", 0, 23),
    ]
    out = merge_label_cells(run, default_lexicon())
    assert [ln.col for ln in out] == [0, 1]
    assert out[0].text.startswith("FONCTION DU SUPERIEUR HIERARCHIQUE DIRECT")
