"""Quick questions pdfium answers about a page before it is read: does it hold text, is it sane."""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from typing import Any

MAX_TEXT_OBJECTS = 6_000
"""A notice page draws a few hundred text objects. pdfium's text page costs grow with their
square (16,000 took 7 s) and pdfminer spends ~1 ms on each, so busier pages go to OCR."""
_MAX_DEPTH = 8
_TEXT, _FORM = 1, 5  # FPDF_PAGEOBJ_TEXT, FPDF_PAGEOBJ_FORM

OnText = Callable[[Any, Any], None]
"""Called with the loaded page and its text page when the page has text (the pdfium engine
reads it then, so a page is loaded and its text page built once)."""


def _too_many_texts(page: Any) -> bool:
    """More than :data:`MAX_TEXT_OBJECTS` text objects, forms included (counted without
    building anything; stops at the limit)."""
    from avis.readers.pdf.pdfium_api import api

    pdf = api()
    left = MAX_TEXT_OBJECTS
    root = ctypes.cast(page.raw, ctypes.c_void_p).value
    stack = [(root, pdf.page_count_objects, pdf.page_get_object, 0)]
    while stack:
        holder, count_of, get, depth = stack.pop()
        for k in range(count_of(holder)):
            obj = get(holder, k)
            kind = pdf.obj_type(obj)
            if kind == _TEXT:
                left -= 1
                if left < 0:
                    return True
            elif kind == _FORM and depth < _MAX_DEPTH:
                stack.append((obj, pdf.form_count_objects, pdf.form_get_object, depth + 1))
    return False


def text_chars(pdf_doc: Any, index: int, on_text: OnText | None = None) -> int:
    """Characters of a page's text layer (0 when it holds only white space), in a few ms; -1
    for a page of more than :data:`MAX_TEXT_OBJECTS` text objects, whose text is not read."""
    page = pdf_doc[index]
    try:
        if _too_many_texts(page):
            return -1
        textpage = page.get_textpage()
        try:
            if not textpage.get_text_range().strip():
                return 0
            if on_text is not None:
                on_text(page, textpage)
            return max(int(textpage.count_chars()), 1)
        finally:
            textpage.close()
    finally:
        page.close()
