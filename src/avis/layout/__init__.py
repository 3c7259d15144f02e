"""The layout stage: the model every reader produces and every extraction rule reads, and the
analysis that builds it from positioned words.

Readers with geometry (PDF text layers, OCR) only produce words with boxes, fonts and sizes, and
the page's rulings (:class:`PageWords`); :func:`analyse_page` turns them into lines, blocks and
label│value cells, and :func:`finish_document` runs the passes that need every page. Readers
without geometry (DOCX, HTML, text) build :class:`Line` objects directly from their structure.

``avis.layout`` imports neither readers nor extraction: it sits between them.
"""

from __future__ import annotations

from avis.layout.blocks import Ids
from avis.layout.document import finish_document
from avis.layout.grids import Rulings, Segment
from avis.layout.model import BBox, Document, Line, Origin, Page, Word, union_bbox
from avis.layout.page import PageWords, analyse_page

__all__ = [
    "BBox",
    "Document",
    "Ids",
    "Line",
    "Origin",
    "Page",
    "PageWords",
    "Rulings",
    "Segment",
    "Word",
    "analyse",
    "analyse_page",
    "finish_document",
    "union_bbox",
]


def analyse(pages: list[PageWords], ids: Ids | None = None) -> list[Page]:
    """Lay out every page, then run the document-wide passes: words and rulings in, pages of
    lines, blocks and grid cells out."""
    ids = ids or Ids()
    out = [analyse_page(page, ids) for page in pages]
    finish_document(out)
    return out
