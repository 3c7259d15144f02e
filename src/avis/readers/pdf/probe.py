"""Quick questions pdfium answers about a page before it is read: does it hold text, is it sane."""

from __future__ import annotations

import itertools
from typing import Any

MAX_TEXT_OBJECTS = 6_000
"""A notice page draws a few hundred text objects. pdfium's text page costs grow with their
square (16,000 took 7 s) and pdfminer spends ~1 ms on each, so busier pages go to OCR."""


def text_chars(pdf_doc: Any, index: int) -> int:
    """Characters of a page's text layer (0 when it holds only white space), in a few ms; -1
    for a page of more than :data:`MAX_TEXT_OBJECTS` text objects, whose text is not read."""
    import pypdfium2.raw as pdfium_c

    page = pdf_doc[index]
    try:
        texts = page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_TEXT,), max_depth=8)
        if sum(1 for _ in itertools.islice(texts, MAX_TEXT_OBJECTS + 1)) > MAX_TEXT_OBJECTS:
            return -1
        textpage = page.get_textpage()
        try:
            if not textpage.get_text_range().strip():
                return 0
            return max(int(textpage.count_chars()), 1)
        finally:
            textpage.close()
    finally:
        page.close()
