"""Layout ``pdf-ruled``: header as a gridded label │ value table, "•" bullets."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable, Spacer

from .pdfbody import Headings, body_story, title_block
from .pdfcommon import Styles, build_pdf, styles
from .pdftable import label_table
from .spec import HeaderRow, NoticeSpec

EXT = ".pdf"


def render(spec: NoticeSpec, outdir: Path) -> Path:
    """Write ``NAME.pdf``; labels take ~35 % of the width so long labels wrap."""
    st = styles()

    def org(rows: tuple[HeaderRow, ...], st: Styles) -> list[Flowable]:
        return [
            Spacer(1, 6),
            label_table(rows, st, ruled=True, colon=spec.label_colon, label_share=0.35),
        ]

    def story() -> list[Flowable]:
        header = label_table(spec.header, st, ruled=True, colon=spec.label_colon, label_share=0.35)
        return [
            *title_block(spec, st),
            header,
            Spacer(1, 8),
            *body_story(spec, st, Headings(spec, st), org),
        ]

    path = outdir / f"{spec.name}{EXT}"
    build_pdf(spec, path, story)
    return path
