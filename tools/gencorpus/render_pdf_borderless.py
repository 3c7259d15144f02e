"""Layout ``pdf-borderless``: header table without rulings, some values vertically centred."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable, Spacer

from .pdfbody import Headings, body_story, title_block
from .pdfcommon import Styles, build_pdf, styles
from .pdftable import label_table
from .spec import HeaderRow, NoticeSpec

EXT = ".pdf"


def render(spec: NoticeSpec, outdir: Path) -> Path:
    """Write ``NAME.pdf``; a narrow label column makes labels wrap beside centred values."""
    st = styles()

    def org(rows: tuple[HeaderRow, ...], st: Styles) -> list[Flowable]:
        table = label_table(
            rows,
            st,
            ruled=False,
            colon=spec.label_colon,
            label_share=0.3,
            middle=frozenset({"supervisor"}),
        )
        return [Spacer(1, 6), table]

    def story() -> list[Flowable]:
        header = label_table(
            spec.header,
            st,
            ruled=False,
            colon=spec.label_colon,
            label_share=0.3,
            middle=spec.middle_rows,
        )
        return [
            *title_block(spec, st),
            header,
            Spacer(1, 8),
            *body_story(spec, st, Headings(spec, st), org),
        ]

    path = outdir / f"{spec.name}{EXT}"
    build_pdf(spec, path, story)
    return path
