"""PDF families of the unseen set drawn with reportlab: ``pdf-grid2`` / ``pdf-grid3`` /
``pdf-grid4`` (label above value), ``pdf-table4``, ``pdf-leaders``, ``pdf-inline`` and
``pdf-split``."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.platypus import Flowable, Spacer

from .pdfbody import Headings, OrgRenderer, body_story, title_block
from .pdfcommon import FRAME_W, Styles, build_pdf, styles
from .pdfheaders import grid, inline, leaders, pairs4
from .pdftable import label_table
from .spec import HeaderRow, NoticeSpec

EXT = ".pdf"


class Banner(Flowable):
    """A blank letterhead band (a logo block) that pushes the header to the page bottom."""

    def __init__(self, height: float) -> None:
        super().__init__()
        self.width, self.height = FRAME_W, height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setFillColor(colors.HexColor("#E4E9F0"))
        self.canv.rect(0, 6, self.width * 0.35, self.height - 12, stroke=0, fill=1)


def header_flowables(spec: NoticeSpec, st: Styles) -> list[Flowable]:
    """The header block in the notice's arrangement."""
    style = spec.header_style
    if style == "above":
        return [grid(spec, spec.header, st)]
    if style == "leaders":
        return leaders(spec, spec.header, st)
    if style == "pairs4":
        return [pairs4(spec, spec.header, st)]
    if style == "inline":
        return inline(spec, spec.header, st)
    if style == "split":
        # Title block ~70 pt; leave 70–150 pt of page 1 so the table breaks after a few rows.
        room = 729 - 70 - (70 + 20 * (sum(map(ord, spec.name)) % 5))
        return [
            Banner(room),
            label_table(
                spec.header, st, ruled=spec.ruled, colon=spec.label_colon, label_share=0.34
            ),
        ]
    raise ValueError(f"no PDF header for style {style!r}")


def org_flowables(spec: NoticeSpec) -> OrgRenderer:
    """Organisation lines in the same arrangement as the header (grids get 2 columns)."""

    def org(rows: tuple[HeaderRow, ...], st: Styles) -> list[Flowable]:
        if spec.header_style == "above":
            return [Spacer(1, 6), grid(spec, rows, st)]
        if spec.header_style == "leaders":
            return [Spacer(1, 4), *leaders(spec, rows, st)]
        if spec.header_style == "pairs4":
            return [Spacer(1, 6), pairs4(spec, rows, st)]
        if spec.header_style == "inline":
            return [Spacer(1, 4), *inline(spec, rows, st)]
        return [
            Spacer(1, 6),
            label_table(rows, st, ruled=spec.ruled, colon=spec.label_colon, label_share=0.34),
        ]

    return org


def render(spec: NoticeSpec, outdir: Path) -> Path:
    """Write ``NAME.pdf``."""
    st = styles()
    org = org_flowables(spec)

    def story() -> list[Flowable]:
        return [
            *title_block(spec, st),
            *header_flowables(spec, st),
            Spacer(1, 8),
            *body_story(spec, st, Headings(spec, st), org),
        ]

    path = outdir / f"{spec.name}{EXT}"
    build_pdf(spec, path, story)
    return path
