"""The layout model every reader produces and every extraction rule reads.

Coordinates are PDF points (1/72 in) from the page's top-left corner, ``(x0, top, x1, bottom)``,
whatever the source: OCR readers convert pixels with the image resolution, and sources with no
geometry (DOCX, text) leave boxes as ``None``. Plain dataclasses, not Pydantic: a page holds
thousands of words and building them must stay cheap next to parsing the PDF.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

Origin = Literal["text_layer", "ocr", "docx", "text"]
BBox = tuple[float, float, float, float]


def union_bbox(boxes: Iterable[BBox | None]) -> BBox | None:
    """Smallest box holding all given boxes (``None`` entries are ignored).

    One loop of comparisons: called for every line, cell and run built, it was a few times
    slower written with ``zip`` and ``min``/``max``."""
    it = iter(boxes)
    for first in it:
        if first is not None:
            break
    else:
        return None
    x0, top, x1, bottom = first
    for box in it:
        if box is None:
            continue
        a, b, c, d = box
        if a < x0:
            x0 = a
        if b < top:
            top = b
        if c > x1:
            x1 = c
        if d > bottom:
            bottom = d
    return (x0, top, x1, bottom)


@dataclass(slots=True)
class Word:
    """One word with its box; ``conf``: 1.0 for born-digital text, else OCR confidence in [0, 1]."""

    text: str
    bbox: BBox | None = None
    font: str | None = None
    size: float | None = None
    bold: bool = False
    conf: float = 1.0


@dataclass(slots=True)
class Line:
    """A visual line (or a paragraph for sources without geometry), in reading order.

    Structure hints readers fill when they know them:
    - ``heading``: heading level (1 = most important) when the source marks one;
    - ``bullet``: the line starts a list item (the bullet glyph is removed from ``text``);
    - ``bold``: the whole line is bold;
    - ``col``/``row``: the line is one cell of a label│value table: ``col`` 0 is the label
      column, 1 the value column, ``row`` identifies the table row when the source delimits rows
      (rulings, DOCX rows); rows of a borderless table are left ``None`` for extraction to pair;
    - ``block``: lines sharing a block id belong to one paragraph (a wrapped line continues it);
    - ``flow``: 1 for a sidebar's lines (a narrow column read on its own beside the body), 0 for
      the page's main flow: geometry never pairs a label of one flow with text of the other.
    """

    text: str
    words: list[Word] = field(default_factory=list)
    bbox: BBox | None = None
    page: int = 1
    origin: Origin = "text"
    conf: float = 1.0
    heading: int | None = None
    bullet: bool = False
    bold: bool = False
    col: int | None = None
    row: int | None = None
    block: int | None = None
    flow: int = 0


@dataclass(slots=True)
class Page:
    number: int
    width: float | None = None
    height: float | None = None
    origin: Origin = "text"
    lines: list[Line] = field(default_factory=list)
    dpi: float | None = None
    #: degrees (counter-clockwise, as Pillow's ``rotate``) the reader turned the page image to
    #: read it upright: width, height and boxes are in that upright frame (see
    #: :func:`avis.layout.frames.to_stored_frame`)
    turned: int = 0


@dataclass(slots=True)
class Document:
    """A read file: pages of lines, plus what the reader learnt about the file."""

    format: str
    pages: list[Page] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def lines(self) -> list[Line]:
        return [line for page in self.pages for line in page.lines]

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines())
