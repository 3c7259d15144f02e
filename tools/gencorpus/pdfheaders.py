"""Header arrangements of the unseen PDF families: label above value in an n-column grid,
dotted leaders, inline "Label : value" prose, and a header pushed across a page break."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from .pdfcommon import BOLD, FONT, FRAME_W, Styles, para_text
from .spec import HeaderRow, NoticeSpec


def label_text(spec: NoticeSpec, row: HeaderRow, colon: bool | None = None) -> str:
    """The label as printed: upper-cased ("RÉFÉRENCE") in some notices, with " :" in some."""
    text = spec.label(row)
    return text + (" :" if (spec.label_colon if colon is None else colon) else "")


def grid(spec: NoticeSpec, rows: tuple[HeaderRow, ...], st: Styles) -> Table:
    """Each cell holds a label with its value *below* it; cells flow left to right."""
    n = max(2, spec.columns)
    cells: list[list[Flowable] | str] = [
        [
            Paragraph(para_text(label_text(spec, r, colon=False)), st["label"]),
            Paragraph(para_text(r.value), st["value"]),
        ]
        for r in rows
    ]
    cells += [""] * (-len(cells) % n)
    data = [cells[i : i + n] for i in range(0, len(cells), n)]
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]
    if spec.ruled:
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    else:
        commands.append(("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#999999")))
    table = Table(data, colWidths=[FRAME_W / n] * n, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def pairs4(spec: NoticeSpec, rows: tuple[HeaderRow, ...], st: Styles) -> Table:
    """Label │ value │ label │ value: two pairs side by side on each table row."""
    small = ParagraphStyle("label4", parent=st["label"], fontSize=8.5, leading=11)
    cells: list[Paragraph | str] = []
    for r in rows:
        cells += [
            Paragraph(para_text(label_text(spec, r)), small),
            Paragraph(para_text(r.value), st["value"]),
        ]
    cells += [""] * (-len(cells) % 4)
    data = [cells[i : i + 4] for i in range(0, len(cells), 4)]
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if spec.ruled:
        commands += [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#EDEDED")),
            ("BACKGROUND", (2, 0), (2, -1), colors.HexColor("#EDEDED")),
        ]
    widths = [FRAME_W * w for w in (0.21, 0.29, 0.21, 0.29)]
    table = Table(data, colWidths=widths, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def _dots(label: str, width: float, size: float) -> str:
    """Leader dots that fill ``width`` after the bold label (at least three)."""
    free = width - stringWidth(label + " ", BOLD, size) - 6
    return "." * max(3, int(free / stringWidth(".", FONT, size)))


def leaders(spec: NoticeSpec, rows: tuple[HeaderRow, ...], st: Styles) -> list[Flowable]:
    """``Label ........ value``: in a two-column table (dots fill the label column) or, with
    one column, in running text where the value wraps back under the label."""
    size = st["value"].fontSize
    colon = " :" if spec.label_colon else ""
    if spec.columns >= 2:
        share = 0.42
        data = []
        for r in rows:
            label = label_text(spec, r, colon=False)
            dots = _dots(label, FRAME_W * share - 8 - stringWidth(colon, FONT, size), size)
            data.append(
                [
                    Paragraph(f"<b>{para_text(label)}</b> {dots}{colon}", st["value"]),
                    Paragraph(para_text(r.value), st["value"]),
                ]
            )
        table = Table(data, colWidths=[FRAME_W * share, FRAME_W * (1 - share)], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 2),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ]
            )
        )
        return [table]
    out: list[Flowable] = []
    for r in rows:
        label = label_text(spec, r, colon=False)
        dots = _dots(label, FRAME_W * 0.45, size) if len(label) < 40 else "......"
        out.append(
            Paragraph(f"<b>{para_text(label)}</b> {dots}{colon} {para_text(r.value)}", st["value"])
        )
    return out


def inline(spec: NoticeSpec, rows: tuple[HeaderRow, ...], st: Styles) -> list[Flowable]:
    """ "Label : value" prose; two short pairs sometimes share a line, joined by " – "."""
    out: list[Flowable] = []
    i = 0
    while i < len(rows):
        take = 1
        pair = rows[i : i + 2]
        if len(pair) == 2 and all(len(r.label) + len(r.value) < 38 for r in pair):
            take = 2
        parts = [
            f"<b>{para_text(label_text(spec, r, colon=False))}</b> : {para_text(r.value)}"
            for r in rows[i : i + take]
        ]
        out.append(Paragraph(" – ".join(parts), st["body"]))
        i += take
    return out
