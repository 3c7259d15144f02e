"""PDF layout classes of issue #10: ``pdf-sidebar`` (header pairs in a narrow box beside the
body on page 1), ``pdf-prose`` (header facts as sentences) and ``pdf-ocr`` (a label │ value
table whose labels carry OCR damage)."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from .pdfbody import Headings, OrgRenderer, body_story, title_block
from .pdfcommon import (
    BOTTOM,
    FRAME_W,
    MARGIN,
    PAGE_H,
    TOP,
    Styles,
    _furniture,
    doc_options,
    para_text,
    register_fonts,
    styles,
)
from .pdftable import label_table
from .spec import HeaderRow, NoticeSpec

EXT = ".pdf"
TITLE_H = 80.0
SIDEBAR_W = FRAME_W * 0.3
GAP = 14.0


def _org(spec: NoticeSpec) -> OrgRenderer:
    def org(rows: tuple[HeaderRow, ...], st: Styles) -> list[Flowable]:
        return [
            Spacer(1, 6),
            label_table(rows, st, ruled=spec.ruled, colon=spec.label_colon, label_share=0.34),
        ]

    return org


def sidebar_box(spec: NoticeSpec, st: Styles) -> Table:
    """The "L'essentiel" box: label line over value line, or ``Label : value``, shaded."""
    small = ParagraphStyle("sb-label", parent=st["label"], fontSize=8, leading=10)
    value = ParagraphStyle("sb-value", parent=st["value"], fontSize=8.5, leading=10.5)
    cells: list[list[Flowable]] = []
    for row in spec.header:
        label = spec.label(row)
        if spec.label_colon:
            cells.append([Paragraph(f"<b>{para_text(label)} :</b> {para_text(row.value)}", value)])
        else:
            cells.append(
                [Paragraph(para_text(label), small), Paragraph(para_text(row.value), value)]
            )
    table = Table([[c] for c in cells], colWidths=[SIDEBAR_W])
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("BOX", (0, 0), (-1, -1), 0.6, colors.HexColor("#4A6A8A")),
    ]
    if spec.ruled:
        commands.append(("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#E8EEF4")))
    table.setStyle(TableStyle(commands))
    return table


def _templates(spec: NoticeSpec) -> list[PageTemplate]:
    """Page 1: title band, then the sidebar and the body side by side; later pages: one frame."""
    height = PAGE_H - TOP - BOTTOM
    body_h = height - TITLE_H
    left = spec.sidebar != "right"
    side_x = MARGIN if left else MARGIN + FRAME_W - SIDEBAR_W
    body_x = MARGIN + SIDEBAR_W + GAP if left else MARGIN
    pad = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
    first = [
        Frame(MARGIN, BOTTOM + body_h, FRAME_W, TITLE_H, id="title", **pad),
        Frame(side_x, BOTTOM, SIDEBAR_W, body_h, id="side", **pad),
        Frame(body_x, BOTTOM, FRAME_W - SIDEBAR_W - GAP, body_h, id="body", **pad),
    ]
    rest = [Frame(MARGIN, BOTTOM, FRAME_W, height, id="full", **pad)]
    return [PageTemplate("first", first), PageTemplate("later", rest)]


def _story(spec: NoticeSpec) -> list[Flowable]:
    st = styles()
    head = Headings(spec, st)
    if spec.sidebar:
        return [
            NextPageTemplate("later"),
            *title_block(spec, st),
            FrameBreak(),
            sidebar_box(spec, st),
            FrameBreak(),
            *body_story(spec, st, head, _org(spec)),
        ]
    if spec.prose:
        header: list[Flowable] = [Paragraph(para_text(s), st["body"]) for s in spec.prose]
    else:
        header = [
            label_table(spec.header, st, ruled=spec.ruled, colon=spec.label_colon, label_share=0.36)
        ]
    return [*title_block(spec, st), *header, Spacer(1, 8), *body_story(spec, st, head, _org(spec))]


def _build(spec: NoticeSpec, pages: int | None) -> tuple[bytes, int]:
    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, **doc_options(spec))
    deco = _furniture(spec, pages)
    if spec.sidebar:
        templates = _templates(spec)
    else:
        frame = Frame(MARGIN, BOTTOM, FRAME_W, PAGE_H - TOP - BOTTOM, id="full")
        templates = [PageTemplate("later", [frame])]
    for t in templates:
        t.onPage = deco
    doc.addPageTemplates(templates)
    doc.build(_story(spec))
    return buf.getvalue(), doc.page


def render(spec: NoticeSpec, outdir: Path) -> Path:
    """Write ``NAME.pdf`` (laid out twice: the footer needs the page count)."""
    register_fonts()
    _, pages = _build(spec, None)
    data, again = _build(spec, pages)
    assert again == pages, "page count changed between passes"
    path = outdir / f"{spec.name}{EXT}"
    path.write_bytes(data)
    return path
