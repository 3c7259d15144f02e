"""Layout ``docx-table``: Word header table, Heading styles and "List Bullet" paragraphs.

Bullets are list *styles*, not glyphs in the text, as Word writes them; the zip is rewritten
with fixed timestamps so the same seed gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument

from .spec import HeaderRow, ListSection, NoticeSpec

EXT = ".docx"
FIXED_TIME = dt.datetime(2025, 1, 1, 0, 0, 0)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _core(doc: DocxDocument, spec: NoticeSpec) -> None:
    """Fixed core properties: python-docx would otherwise stamp the current time."""
    props = doc.core_properties
    props.author = props.last_modified_by = "tools.gencorpus"
    props.title = spec.title
    props.subject = "Avis de vacance de poste (fictif)"
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1


def _labelled(doc: DocxDocument, row: HeaderRow) -> None:
    """ "Label : value" in one paragraph with a bold label run (organisation lines)."""
    para = doc.add_paragraph()
    para.add_run(row.label).bold = True
    para.add_run(f" : {row.value}")


def _section(doc: DocxDocument, sec: ListSection, level: int = 1) -> None:
    """Heading style plus "List Bullet" items (or plain paragraphs for paragraph missions)."""
    doc.add_heading(sec.heading, level=level)
    for item in sec.items:
        doc.add_paragraph(item, style=None if sec.as_paragraphs else "List Bullet")


def _stable_zip(data: bytes) -> bytes:
    """Same members, same order, fixed timestamps: byte-identical output for a seed."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


def render(spec: NoticeSpec, outdir: Path) -> Path:
    """Write ``NAME.docx``."""
    doc = Document()
    _core(doc, spec)
    section = doc.sections[0]
    section.header.paragraphs[0].text = spec.page_header
    section.footer.paragraphs[0].text = "Avis de vacance de poste"
    doc.add_paragraph(f"{spec.page_header} – AVIS DE VACANCE DE POSTE")
    doc.add_heading(spec.title, level=0)
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for row in spec.header:
        label, value = table.add_row().cells
        label.paragraphs[0].add_run(row.label + (" :" if spec.label_colon else "")).bold = True
        value.paragraphs[0].add_run(row.value)
    doc.add_heading(spec.details_heading, level=1)
    doc.add_paragraph(spec.description)
    _section(doc, spec.missions)
    for row in spec.organisation:
        _labelled(doc, row)
    for sec in spec.activity_sections:
        _section(doc, sec)
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
    doc.add_heading(spec.contact_heading, level=1)
    for line in spec.contact_lines:
        doc.add_paragraph(line)
    doc.add_heading(spec.apply_heading, level=1)
    doc.add_paragraph(spec.apply_text)
    for item in spec.apply_items:
        doc.add_paragraph(item, style="List Bullet")
    for note in spec.footnotes:
        doc.add_paragraph(note)
    buf = io.BytesIO()
    doc.save(buf)
    path = outdir / f"{spec.name}{EXT}"
    path.write_bytes(_stable_zip(buf.getvalue()))
    return path
