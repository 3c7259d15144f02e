"""Layout ``pdf-stacked``: each label on its own line above its value; numbered/upper headings."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import Flowable, Spacer

from .pdfbody import Headings, body_story, title_block
from .pdfcommon import Styles, build_pdf, styles
from .pdftable import stacked
from .spec import HeaderRow, NoticeSpec

EXT = ".pdf"


def render(spec: NoticeSpec, outdir: Path) -> Path:
    """Write ``NAME.pdf``; no table at all, so pairing relies on line order and boldness."""
    st = styles()

    def org(rows: tuple[HeaderRow, ...], st: Styles) -> list[Flowable]:
        return [Spacer(1, 4), *stacked(rows, st, colon=spec.label_colon)]

    def story() -> list[Flowable]:
        header = stacked(spec.header, st, colon=spec.label_colon)
        return [
            *title_block(spec, st),
            *header,
            Spacer(1, 6),
            *body_story(spec, st, Headings(spec, st), org),
        ]

    path = outdir / f"{spec.name}{EXT}"
    build_pdf(spec, path, story)
    return path
