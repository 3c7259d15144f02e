"""Word families of the unseen set: ``docx-table4`` (4-column header table), ``docx-textbox``
(header inside a Word text box) and the DOCX that ``pdf-libreoffice`` prints to PDF.

Headers are built with python-docx where it can (tables); the text box is written as the XML
Word itself writes: a DrawingML shape (``wps:txbx``) with a VML fallback (``v:textbox``)
holding the same paragraphs, inside ``mc:AlternateContent``.
"""

from __future__ import annotations

import io
from pathlib import Path
from string import Template
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.shared import Pt

from .closing import closing_blocks
from .render_docx import _core, _labelled, _section, _stable_zip
from .spec import HeaderRow, NoticeSpec

EXT = ".docx"
EMU_PER_CM = 360000
# The run Word writes for a floating text box: DrawingML shape, then the VML fallback.
TEXTBOX = Template(Path(__file__).with_name("textbox_template.xml").read_text(encoding="utf-8"))


def _label(spec: NoticeSpec, row: HeaderRow, colon: bool | None = None) -> str:
    text = spec.label(row)
    return text + (" :" if (spec.label_colon if colon is None else colon) else "")


def _table2(doc: DocxDocument, spec: NoticeSpec, rows: tuple[HeaderRow, ...]) -> None:
    """Label │ value, one pair per row (what most Word notices use)."""
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for row in rows:
        label, value = table.add_row().cells
        label.paragraphs[0].add_run(_label(spec, row)).bold = True
        value.paragraphs[0].add_run(row.value)


def _table4(doc: DocxDocument, spec: NoticeSpec, rows: tuple[HeaderRow, ...]) -> None:
    """Label │ value │ label │ value: two pairs per table row, the last one maybe half empty."""
    table = doc.add_table(rows=0, cols=4)
    if spec.ruled:
        table.style = "Table Grid"
    for i in range(0, len(rows), 2):
        cells = table.add_row().cells
        for j, row in enumerate(rows[i : i + 2]):
            cells[2 * j].paragraphs[0].add_run(_label(spec, row)).bold = True
            cells[2 * j + 1].paragraphs[0].add_run(row.value)


def _above(doc: DocxDocument, spec: NoticeSpec, rows: tuple[HeaderRow, ...]) -> None:
    """Each cell: the label in bold, its value in the paragraph below; n cells per row."""
    n = max(2, spec.columns)
    table = doc.add_table(rows=0, cols=n)
    if spec.ruled:
        table.style = "Table Grid"
    for i in range(0, len(rows), n):
        cells = table.add_row().cells
        for cell, row in zip(cells, rows[i : i + n], strict=False):
            run = cell.paragraphs[0].add_run(_label(spec, row, colon=False))
            run.bold = True
            run.font.size = Pt(8)
            cell.add_paragraph(row.value)


def _txbx_paragraphs(spec: NoticeSpec, rows: tuple[HeaderRow, ...]) -> str:
    """``w:p`` elements of the box: bold label, then " : value" or a tab and the value."""
    out = []
    for row in rows:
        label = escape(_label(spec, row, colon=False))
        value = escape(row.value)
        if spec.columns >= 2:
            sep = "<w:r><w:tab/></w:r>"
            ppr = (
                '<w:pPr><w:tabs><w:tab w:val="left" w:pos="3400"/></w:tabs>'
                '<w:ind w:left="3400" w:hanging="3400"/></w:pPr>'
            )
        else:
            sep = '<w:r><w:t xml:space="preserve"> : </w:t></w:r>'
            ppr = '<w:pPr><w:spacing w:after="60"/></w:pPr>'
        out.append(
            f"<w:p>{ppr}<w:r><w:rPr><w:b/></w:rPr><w:t>{label}</w:t></w:r>{sep}"
            f'<w:r><w:t xml:space="preserve">{value}</w:t></w:r></w:p>'
        )
    return "".join(out)


def _textbox(doc: DocxDocument, spec: NoticeSpec, rows: tuple[HeaderRow, ...]) -> None:
    """The header inside a floating text box, as Word 2010+ writes it (shape + VML fallback)."""
    if spec.columns >= 2:  # label column 6 cm (~26 bold capitals), value column ~10 cm
        lines = sum(max(-(-len(r.label) // 24), -(-len(r.value) // 44)) for r in rows)
    else:
        lines = sum(-(-(len(r.label) + len(r.value) + 3) // 70) for r in rows)
    cx, cy = int(16 * EMU_PER_CM), int((0.5 * lines + 0.45 * len(rows) + 0.5) * EMU_PER_CM)
    content = f"<w:txbxContent>{_txbx_paragraphs(spec, rows)}</w:txbxContent>"
    xml = TEXTBOX.substitute(
        cx=cx, cy=cy, wpt=f"{cx / 12700:.1f}", hpt=f"{cy / 12700:.1f}", content=content
    )
    doc.add_paragraph()._p.append(parse_xml(xml))


HEADERS = {"table": _table2, "table4": _table4, "above": _above, "textbox": _textbox}


def header_kind(spec: NoticeSpec) -> str:
    """Which Word header a spec asks for (LibreOffice notices pick by column count)."""
    if spec.header_style in ("table4", "textbox"):
        return spec.header_style
    return {2: "table", 3: "above", 4: "table4"}.get(spec.columns, "table")


def document(spec: NoticeSpec) -> DocxDocument:
    """The whole Word document of an unseen-family notice."""
    doc = Document()
    _core(doc, spec)
    section = doc.sections[0]
    section.header.paragraphs[0].text = spec.page_header
    section.footer.paragraphs[0].text = "Avis de vacance de poste"
    section.footer.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph(f"{spec.page_header} – AVIS DE VACANCE DE POSTE")
    doc.add_heading(spec.banner or spec.title, level=0)
    kind = header_kind(spec)
    HEADERS[kind](doc, spec, spec.header)
    doc.add_heading(spec.details_heading, level=1)
    doc.add_paragraph(spec.description)
    _section(doc, spec.missions)
    if spec.organisation:
        if kind == "table":
            for row in spec.organisation:
                _labelled(doc, row)
        else:
            HEADERS["table4" if kind == "textbox" else kind](doc, spec, spec.organisation)
    for sec in spec.activity_sections:
        _section(doc, sec)
        if spec.list_note and sec.key == "activities":
            doc.add_paragraph(spec.list_note)
    if spec.conditions:
        doc.add_heading(spec.conditions_heading, level=1)
        for cond in spec.conditions:
            if len(cond.values) == 1:
                doc.add_paragraph(f"{cond.subheading} : {cond.values[0]}", style="List Bullet")
                continue
            doc.add_paragraph(f"{cond.subheading} :", style="List Bullet")
            for value in cond.values:
                doc.add_paragraph(value, style="List Bullet 2")
    doc.add_heading(spec.profile_heading, level=1)
    for sec in spec.profile_sections:
        _section(doc, sec, level=2)
    for kind_, text in closing_blocks(spec):
        if kind_ == "h1":
            doc.add_heading(text, level=1)
        elif kind_ == "lp":
            label, _, rest = text.partition("\x00")
            para = doc.add_paragraph()
            para.add_run(f"{label} :").bold = True
            para.add_run(f" {rest}")
        else:
            doc.add_paragraph(text)
    for note in spec.footnotes:
        doc.add_paragraph(note)
    return doc


def docx_bytes(spec: NoticeSpec) -> bytes:
    """The document as reproducible bytes (fixed zip timestamps and core properties)."""
    buf = io.BytesIO()
    document(spec).save(buf)
    return _stable_zip(buf.getvalue())


def render(spec: NoticeSpec, outdir: Path) -> Path:
    """Write ``NAME.docx``."""
    path = outdir / f"{spec.name}{EXT}"
    path.write_bytes(docx_bytes(spec))
    return path
