"""Label │ value blocks for PDF headers: ruled, borderless, or stacked label-above-value."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table, TableStyle

from .pdfcommon import FRAME_W, Styles, para_text
from .spec import HeaderRow


def _label(row: HeaderRow, colon: bool) -> str:
    """Some employers print "Label :", others just "Label"."""
    return row.label + (" :" if colon else "")


def label_table(
    rows: tuple[HeaderRow, ...],
    st: Styles,
    *,
    ruled: bool,
    colon: bool,
    label_share: float,
    middle: frozenset[str] = frozenset(),
) -> Table:
    """Two columns, bold wrapped labels; ``middle`` rows centre their value vertically."""
    data = [
        [
            Paragraph(para_text(_label(r, colon)), st["label"]),
            Paragraph(para_text(r.value), st["value"]),
        ]
        for r in rows
    ]
    widths = [FRAME_W * label_share, FRAME_W * (1 - label_share)]
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if ruled:
        commands += [
            ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
            ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#EDEDED")),
        ]
    commands += [
        ("VALIGN", (1, i), (1, i), "MIDDLE") for i, r in enumerate(rows) if r.key in middle
    ]
    table = Table(data, colWidths=widths, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def stacked(rows: tuple[HeaderRow, ...], st: Styles, *, colon: bool) -> list[Flowable]:
    """Each label on its own bold line, its value on the next line(s), full width."""
    return [
        KeepTogether(
            [
                Paragraph(para_text(_label(r, colon)), st["label"]),
                Paragraph(para_text(r.value), st["body"]),
            ]
        )
        for r in rows
    ]
