"""A page read from pdfium's character boxes alone: the route for a page pdfminer cannot parse."""

from __future__ import annotations

from typing import Any

from avis.layout import PageWords, Word


def char_box_words(pdf_doc: Any, index: int) -> PageWords:
    """A page read from pdfium's character boxes: positions without fonts (no bold, no sizes,
    no rulings), laid out like any other page."""
    import pypdfium2.raw as pdfium_c

    ppage = pdf_doc[index]
    words: list[Word] = []
    try:
        width, height = ppage.get_size()
        textpage = ppage.get_textpage()
        try:
            chars: list[str] = []
            box: list[float] | None = None

            def flush() -> None:
                if chars and box is not None:
                    bbox = (box[0], height - box[3], box[2], height - box[1])
                    words.append(Word(text="".join(chars), bbox=bbox))
                chars.clear()

            for i in range(textpage.count_chars()):
                code = pdfium_c.FPDFText_GetUnicode(textpage.raw, i)
                ch = chr(code) if 0 < code < 0x110000 and not 0xD800 <= code < 0xE000 else ""
                if not ch or ch.isspace():
                    flush()
                    box = None
                    continue
                left, bottom, right, top = textpage.get_charbox(i)
                if box is None:
                    box = [left, bottom, right, top]
                else:
                    box = [min(box[0], left), min(box[1], bottom), max(box[2], right),
                           max(box[3], top)]  # fmt: skip
                chars.append(ch)
            flush()
        finally:
            textpage.close()
    finally:
        ppage.close()
    return PageWords(index + 1, float(width), float(height), words)
