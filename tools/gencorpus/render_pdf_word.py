"""Layout ``pdf-word``: reportlab output made to look like Microsoft Word's PDF export.

Word is not available here, so this *emulates* what sets Word's PDFs apart (see the corpus
README): no space characters, each line a ``TJ`` array whose words are separated by
positioning gaps, some lines drawn glyph by glyph with small kerning adjustments, TrueType
subset fonts with Calibri metrics (Carlito) when installed, table rules drawn as thin filled
rectangles, marked content with MCIDs and ``/MarkInfo``, and a Word producer string.
"""

from __future__ import annotations

import zlib
from functools import cache
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFString
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable, Spacer
from reportlab.platypus.paragraph import ParagraphStyle

from .pdfbody import Headings, body_story, title_block
from .pdfcommon import Styles, build_pdf, register_fonts, styles
from .pdfheaders import grid
from .pdftable import label_table
from .spec import HeaderRow, NoticeSpec

EXT = ".pdf"
PRODUCER = "Microsoft® Word pour Microsoft 365"
FONT_CANDIDATES: tuple[tuple[str, str], ...] = (
    ("/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf", "Carlito-Bold.ttf"),
    ("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
)
WORD_FONT, WORD_BOLD = "WordBody", "WordBody-Bold"


@cache
def word_fonts() -> tuple[str, str]:
    """Register the Calibri-metric font (Carlito), else Liberation Sans, else DejaVu."""
    register_fonts()
    for regular, bold in FONT_CANDIDATES:
        reg = Path(regular)
        if reg.is_file() and (reg.parent / bold).is_file():
            pdfmetrics.registerFont(TTFont(WORD_FONT, str(reg)))
            pdfmetrics.registerFont(TTFont(WORD_BOLD, str(reg.parent / bold)))
            pdfmetrics.registerFontFamily(
                WORD_FONT, normal=WORD_FONT, bold=WORD_BOLD, italic=WORD_FONT, boldItalic=WORD_BOLD
            )
            return WORD_FONT, WORD_BOLD
    return "DejaVuSans", "DejaVuSans-Bold"


@cache
def word_styles() -> Styles:
    """The shared styles in Word's body font at 11 pt (Word's default size)."""
    regular, bold = word_fonts()
    out: Styles = {}
    for name, style in styles().items():
        font = bold if style.fontName.endswith("Bold") else regular
        size = style.fontSize + (1 if name in ("body", "item", "value", "label") else 0)
        out[name] = ParagraphStyle(
            f"word-{name}",
            parent=style,
            fontName=font,
            fontSize=size,
            leading=max(style.leading, size * 1.22),
        )
    return out


class WordText(PDFTextObject):
    """Writes each run as ``[(word) gap (word)] TJ``: spaces become positioning, and one line
    in four is split glyph by glyph with alternating ±4/1000 em kerning."""

    def _formatText(self, text: str) -> str:  # type: ignore[override]
        font = pdfmetrics.getFont(self._fontname)
        if not getattr(font, "_dynamicFont", False) or not text.strip():
            return super()._formatText(text)
        canv: Any = self._canvas
        size = self._fontsize
        gap = -(font.stringWidth(" ", size) + getattr(self, "_wordSpace", 0)) * 1000 / size
        per_glyph = zlib.crc32(text.encode("utf-8")) % 4 == 0
        out: list[str] = []
        arr: list[str] = []
        state: Any = self  # reportlab's text object keeps the current font subset untyped

        def flush() -> None:
            if arr:
                out.append("[" + " ".join(arr) + "] TJ")
                arr.clear()

        for k, word in enumerate(text.split(" ")):
            if k:
                arr.append(f"{gap:.1f}")
            for subset, chunk in font.splitString(word, canv._doc):
                if subset != state._curSubset:
                    flush()
                    name = font.getSubsetInternalName(subset, canv._doc)
                    out.append(f"{name} {size:g} Tf {self._leading:g} TL")
                    state._curSubset = subset
                if per_glyph:
                    for i, byte in enumerate(chunk):
                        if i:
                            arr.append("4" if i % 2 else "-4")
                        arr.append(f"({canv._escape(bytes([byte]))})")
                else:
                    arr.append(f"({canv._escape(chunk)})")
        flush()
        return " ".join(out)


class WordCanvas(Canvas):
    """Marked content per text object, rules as filled rectangles, Word's catalog entries."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["initialFontName"] = kwargs.get("initialFontName") or word_fonts()[0]
        super().__init__(*args, **kwargs)
        self._mcid = 0
        catalog: Any = self._doc.Catalog
        catalog.MarkInfo = PDFDictionary({"Marked": b"true"})
        catalog.Lang = PDFString("fr-FR")

    def setProducer(self, producer: str | None = None) -> None:
        """The document template sets reportlab's producer; Word's wins."""
        super().setProducer(PRODUCER)

    def beginText(self, x: float = 0, y: float = 0, direction: Any = None) -> PDFTextObject:
        return WordText(self, x, y, direction=direction)

    def drawText(self, aTextObject: PDFTextObject) -> None:
        self._code.append(f"/P <</MCID {self._mcid}>> BDC")
        super().drawText(aTextObject)
        self._code.append("EMC")
        self._mcid += 1

    def showPage(self) -> None:
        super().showPage()
        self._mcid = 0

    def line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        """Word draws borders as thin filled rectangles."""
        w = max(self._lineWidth, 0.5)
        self.saveState()
        self.setFillColor(self._strokeColorObj)
        if abs(y1 - y2) < 0.01:
            self.rect(min(x1, x2), y1 - w / 2, abs(x2 - x1), w, stroke=0, fill=1)
        elif abs(x1 - x2) < 0.01:
            self.rect(x1 - w / 2, min(y1, y2), w, abs(y2 - y1), stroke=0, fill=1)
        else:
            super().line(x1, y1, x2, y2)
        self.restoreState()

    def lines(self, linelist: Any) -> None:
        for x1, y1, x2, y2 in linelist:
            self.line(x1, y1, x2, y2)


def render(spec: NoticeSpec, outdir: Path) -> Path:
    """Write ``NAME.pdf``: a 2-column header table or a 4-column label-above grid."""
    st = word_styles()

    def header(rows: tuple[HeaderRow, ...]) -> Flowable:
        if spec.columns >= 4:
            return grid(spec, rows, st)
        return label_table(rows, st, ruled=True, colon=spec.label_colon, label_share=0.36)

    def org(rows: tuple[HeaderRow, ...], st: Styles) -> list[Flowable]:
        return [Spacer(1, 6), header(rows)]

    def story() -> list[Flowable]:
        return [
            *title_block(spec, st),
            header(spec.header),
            Spacer(1, 8),
            *body_story(spec, st, Headings(spec, st), org),
        ]

    path = outdir / f"{spec.name}{EXT}"
    build_pdf(spec, path, story, canvasmaker=WordCanvas)
    return path
