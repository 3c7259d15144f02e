"""Shared reportlab plumbing: fonts, styles, page furniture and a reproducible build."""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from .spec import NoticeSpec

FONT = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
FONT_DIRS: tuple[Path, ...] = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/local/share/fonts"),
)
MARGIN = 20 * mm
PAGE_W, PAGE_H = A4
FRAME_W = PAGE_W - 2 * MARGIN

Styles = dict[str, ParagraphStyle]


def _font_file(name: str) -> Path:
    for folder in FONT_DIRS:
        if (folder / name).is_file():
            return folder / name
    raise FileNotFoundError(
        f"{name} not found in {', '.join(map(str, FONT_DIRS))}: install fonts-dejavu-core "
        "(base-14 Helvetica cannot print ’ « » reliably as extractable text)"
    )


@cache
def register_fonts() -> None:
    """Embed DejaVu once per process: real Unicode text for accents, ’ and « »."""
    pdfmetrics.registerFont(TTFont(FONT, str(_font_file("DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(BOLD, str(_font_file("DejaVuSans-Bold.ttf"))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)


@cache
def styles() -> Styles:
    """The paragraph styles every PDF layout shares (10 pt body, as real notices)."""
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=13, spaceAfter=4)
    return {
        "body": body,
        "item": ParagraphStyle("item", parent=body, spaceAfter=2),
        "label": ParagraphStyle("label", parent=body, fontName=BOLD, fontSize=9.5, spaceAfter=0),
        "value": ParagraphStyle("value", parent=body, fontSize=9.5, spaceAfter=0),
        "kicker": ParagraphStyle(
            "kicker", parent=body, fontSize=9, alignment=TA_CENTER, spaceAfter=2
        ),
        "title": ParagraphStyle(
            "title",
            parent=body,
            fontName=BOLD,
            fontSize=15,
            leading=19,
            alignment=TA_CENTER,
            spaceAfter=10,
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=body,
            fontName=BOLD,
            fontSize=11.5,
            leading=15,
            spaceBefore=9,
            spaceAfter=4,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=body,
            fontName=BOLD,
            fontSize=10.5,
            leading=14,
            spaceBefore=5,
            spaceAfter=3,
        ),
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=10, spaceAfter=2),
    }


def para_text(text: str) -> str:
    """Escape for reportlab's mini-markup: the printed text must be exactly ``text``."""
    return escape(text)


def _furniture(spec: NoticeSpec, pages: int | None) -> Callable[[Canvas, SimpleDocTemplate], None]:
    """Repeated page header (employer) and footer (page x of n) on every page."""

    def draw(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8)
        top = PAGE_H - 12 * mm
        canvas.drawString(MARGIN, top, spec.page_header)
        canvas.drawRightString(PAGE_W - MARGIN, top, "Avis de vacance de poste")
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN, top - 2 * mm, PAGE_W - MARGIN, top - 2 * mm)
        footer = spec.footer_format.format(page=doc.page, pages=pages or 9)
        canvas.drawCentredString(PAGE_W / 2, 10 * mm, footer)
        canvas.restoreState()

    return draw


def _build(
    spec: NoticeSpec,
    story: list[Flowable],
    pages: int | None,
    canvasmaker: type[Canvas] = Canvas,
) -> tuple[bytes, int]:
    """One layout pass; ``invariant=1`` fixes dates and the file id for identical bytes."""
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, **doc_options(spec))
    deco = _furniture(spec, pages)
    doc.build(story, onFirstPage=deco, onLaterPages=deco, canvasmaker=canvasmaker)
    return buf.getvalue(), doc.page


TOP, BOTTOM = 22 * mm, 18 * mm
"""Page margins above and below the frames of every generated PDF."""


def doc_options(spec: NoticeSpec) -> dict[str, Any]:
    """What every generated PDF's document template takes: A4, the margins, and metadata
    fixed for identical bytes (``invariant=1``)."""
    return {
        "pagesize": A4,
        "leftMargin": MARGIN,
        "rightMargin": MARGIN,
        "topMargin": TOP,
        "bottomMargin": BOTTOM,
        "invariant": 1,
        "title": spec.title,
        "author": "tools.gencorpus",
        "subject": f"Avis de vacance de poste (fictif) – {spec.layout}",
        "creator": "tools.gencorpus",
    }


def build_pdf(
    spec: NoticeSpec,
    path: Path,
    make_story: Callable[[], list[Flowable]],
    canvasmaker: type[Canvas] = Canvas,
) -> int:
    """Lay out twice (the footer needs the page count), write the bytes, return the pages."""
    register_fonts()
    _, pages = _build(spec, make_story(), None, canvasmaker)
    data, again = _build(spec, make_story(), pages, canvasmaker)
    assert again == pages, "page count changed between passes"
    path.write_bytes(data)
    return pages
