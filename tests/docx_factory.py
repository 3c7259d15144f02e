"""Build small Word notices with python-docx (plus raw XML where Word does things python-docx
cannot write: text boxes, content controls, tracked changes), and hostile zip packages."""

from __future__ import annotations

import io

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from hostile import STRICT_NAMESPACES, member, rezip, to_strict

HEADER = [
    ("Référence", "3134-25-0176/SR du 24 janvier 2025"),
    ("Employeur", "Province des îles Loyauté"),
    ("Durée de résidence exigée pour le recrutement sur titre (1)", "/"),
    ("Lieu de travail", "Lifou"),
    ("Date limite de candidature", "Vendredi 14 février 2025"),
]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _save(document: docx.document.Document) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def notice_docx() -> bytes:
    """Title, a label│value table (merged title row, wrapped value with bullets, a vertically
    merged label), headings, bullet lists from styles and from numbering, plain paragraphs."""
    d = docx.Document()
    d.add_paragraph("AVIS DE VACANCE DE POSTE", style="Title")
    table = d.add_table(rows=0, cols=2)
    title = table.add_row().cells
    title[0].merge(title[1]).text = "Informations générales"
    for label, value in HEADER:
        cells = table.add_row().cells
        cells[0].text = label
        cells[1].text = value
    # A value cell holding a paragraph and two bullet items.
    cells = table.add_row().cells
    cells[0].text = "Direction"
    cells[1].text = "Direction du numérique"
    cells[1].add_paragraph("Service infrastructures", style="List Bullet")
    cells[1].add_paragraph("Service téléphonie", style="List Bullet")
    # A label merged over two rows: the second row's value continues the first.
    top = table.add_row().cells
    below = table.add_row().cells
    top[0].merge(below[0]).text = "Poste(s) à pourvoir"
    top[1].text = "immédiatement"
    below[1].text = "ou dès que possible"

    d.add_paragraph("Missions :", style="Heading 1")
    d.add_paragraph("La gestion et la surveillance des équipements", style="List Bullet")
    d.add_paragraph("La définition des procédures d'administration", style="List Bullet")
    numbered = d.add_paragraph("Un item numéroté par la numérotation directe")
    numbered._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')
    )
    d.add_paragraph("• Un item tapé avec sa puce")
    d.add_paragraph("Profil du candidat", style="Heading 2")
    soft = d.add_paragraph("Première ligne")
    soft.add_run().add_break()
    soft.add_run("suite après un saut de ligne")
    bold = d.add_paragraph()
    bold.add_run("Savoir-faire").bold = True
    mixed = d.add_paragraph()
    mixed.add_run("Contact : ").bold = True
    mixed.add_run("drh@province-iles.nc")
    return _save(d)


_TXBX = "<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"


def _text_box_run(text: str) -> object:
    """A run holding a text box the way Word writes it: DrawingML choice, VML fallback."""
    box = _TXBX.format(text=text)
    xml = (
        f"<w:r {nsdecls('w')} "
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>'
        f"{box}"
        "</wps:txbx></wps:wsp></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><v:shape><v:textbox>"
        f"{box}"
        "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    return parse_xml(xml)


def extras_docx() -> bytes:
    """Text python-docx's own API misses: a text box, block and inline content controls,
    tracked insertion and deletion, hidden text, a simple field, a nested table."""
    d = docx.Document()
    host = d.add_paragraph("Avant la zone de texte")
    host._p.append(_text_box_run("Texte dans la zone de texte"))
    body = d.element.body
    sdt = parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="Poste"/></w:sdtPr><w:sdtContent>'
        "<w:p><w:r><w:t>Intitulé du poste dans un contrôle de contenu</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"
    )
    body.insert(body.index(d.paragraphs[-1]._p) + 1, sdt)
    p = d.add_paragraph("Lieu : ")
    p._p.append(
        parse_xml(
            f"<w:sdt {nsdecls('w')}><w:sdtContent><w:r><w:t>Nouméa</w:t></w:r>"
            "</w:sdtContent></w:sdt>"
        )
    )
    tracked = d.add_paragraph("Date : ")
    tracked._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="1" w:author="a"><w:r><w:t>Vendredi 14 février</w:t>'
            "</w:r></w:ins>"
        )
    )
    tracked._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="2" w:author="a"><w:r><w:delText>Jeudi 13 février'
            "</w:delText></w:r></w:del>"
        )
    )
    hidden = d.add_paragraph("Visible")
    hidden._p.append(
        parse_xml(f"<w:r {nsdecls('w')}><w:rPr><w:vanish/></w:rPr><w:t> caché</w:t></w:r>")
    )
    field = d.add_paragraph("Champ : ")
    field._p.append(
        parse_xml(
            f'<w:fldSimple {nsdecls("w")} w:instr=" DOCPROPERTY Poste "><w:r>'
            "<w:t>Directeur</w:t></w:r></w:fldSimple>"
        )
    )
    outer = d.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "Activités"
    inner_cell = outer.cell(0, 1)
    inner_cell.text = "Principales :"
    inner = inner_cell.add_table(rows=2, cols=1)
    inner.cell(0, 0).text = "Piloter les projets"
    inner.cell(1, 0).text = "Encadrer l'équipe"
    layout = d.add_table(rows=1, cols=1)
    nested = layout.cell(0, 0).add_table(rows=1, cols=2)
    nested.cell(0, 0).text = "Employeur"
    nested.cell(0, 1).text = "Province Sud"
    d.add_paragraph("Fin du document")
    return _save(d)


SIDE_BY_SIDE = [
    ("Référence : 3134-26-0420/SR", "Direction : Télécom"),
    ("Employeur : Office des postes", "Date limite de candidature : Vendredi 27 mars 2026"),
]


def side_by_side_docx() -> bytes:
    """A 2-column table whose cells are whole "Label : value" items."""
    d = docx.Document()
    table = d.add_table(rows=0, cols=2)
    for left, right in SIDE_BY_SIDE:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = left, right
    return _save(d)


def zip_slip_docx() -> bytes:
    return rezip(notice_docx(), {}, {"../../evil.sh": b"rm -rf ~"})


def doctype_docx() -> bytes:
    """document.xml with a billion-laughs style entity declaration."""
    base = notice_docx()
    xml = member(base, "word/document.xml")
    decl = b'<!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
    head, rest = xml.split(b"?>", 1)
    return rezip(base, {"word/document.xml": head + b"?>" + decl + rest})


def zip_bomb_docx() -> bytes:
    """A member that inflates 11 MB of zeros from a few kilobytes."""
    return rezip(notice_docx(), {}, {"word/media/padding.bin": b"\0" * (11 * 1024 * 1024)})


def no_document_docx() -> bytes:
    return rezip(notice_docx(), {"word/document.xml": None})


def strict_docx() -> bytes:
    """The notice with Strict Open XML namespaces, as Word's "Strict Open XML" save writes."""
    return to_strict(notice_docx(), STRICT_NAMESPACES[:2])


def footnote_docx() -> bytes:
    """A notice whose "(1)" note is a real Word footnote (footnotes.xml part)."""
    base = notice_docx()
    notes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {nsdecls("w")}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        '</w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>(1) Durée appréciée à la date'
        " de clôture</w:t></w:r></w:p></w:footnote></w:footnotes>"
    ).encode()
    rels = member(base, "word/_rels/document.xml.rels").replace(
        b"</Relationships>",
        b'<Relationship Id="rIdFn1" Type="http://schemas.openxmlformats.org/officeDocument/'
        b'2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>',
    )
    types = member(base, "[Content_Types].xml").replace(
        b"</Types>",
        b'<Override PartName="/word/footnotes.xml" ContentType="application/vnd.'
        b'openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
    )
    return rezip(
        base,
        {"word/_rels/document.xml.rels": rels, "[Content_Types].xml": types},
        {"word/footnotes.xml": notes},
    )
