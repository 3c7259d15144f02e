"""The pdfplumber engine: words with fonts and sizes, and rulings, from pdfminer's parse.

pdfminer's parse of a page is the cost of reading a PDF with it, so nothing here parses a page
twice; its log records (it warns on every damaged object) are kept off stderr and summed up as
one document warning.
"""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Iterator
from typing import Any

from avis.errors import AvisError
from avis.layout import PageWords, Rulings, Word
from avis.readers import ReadOptions
from avis.readers.pdf.repair import password_error
from avis.readers.pdf.rules import rulings_from
from avis.readers.pdf.text_layer import is_bold


@contextlib.contextmanager
def quiet_pdfminer(warnings: list[str]) -> Iterator[None]:
    """Collect pdfminer's log records (warnings on damaged objects) while reading, instead of
    letting logging's last-resort handler print them; restore the logger afterwards."""
    logger = logging.getLogger("pdfminer")
    handler = _Collect()
    saved = (logger.level, logger.propagate)
    logger.addHandler(handler)
    logger.propagate = False
    if logger.level == logging.NOTSET or logger.level < logging.WARNING:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
        if handler.count:
            warnings.append(
                f"pdfminer reported {handler.count} problem(s) in the file's structure "
                f"(first: {handler.first}); text may be incomplete"
            )


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0
        self.first = ""

    def emit(self, record: logging.LogRecord) -> None:
        if not self.count:
            try:
                self.first = record.getMessage()[:200]
            except Exception:  # a malformed record must not break reading
                self.first = str(record.msg)[:200]
        self.count += 1


def read_pages(
    data: bytes, pdf_doc: Any, options: ReadOptions, wanted: list[int], warnings: list[str]
) -> Iterator[tuple[int, PageWords | None]]:
    """Words and rulings of the ``wanted`` pages (indexes), in order; ``None`` for a page pdfminer
    fails on (the reason is in ``warnings``: the caller reads it another way). A page past the
    end of pdfminer's page tree is not yielded. ``pdf_doc`` (pdfium's) is not used."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        pdf = pdfplumber.open(io.BytesIO(data), password=options.password or "")
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect):
            raise password_error(options.password) from exc
        # pdfium opened the file, pdfminer cannot: every page is read by pdfium instead.
        warnings.append(f"the text layer could not be parsed with fonts ({cause!r})")
        yield from ((i, None) for i in wanted)
        return
    except (AvisError, MemoryError):
        raise
    except Exception as exc:
        warnings.append(f"the text layer could not be parsed with fonts ({exc!r})")
        yield from ((i, None) for i in wanted)
        return
    with pdf:
        try:
            plumber_pages = pdf.pages
        except AvisError:
            raise
        except Exception as exc:  # pdfminer cannot walk the page tree pdfium could
            warnings.append(f"the text layer's page tree could not be parsed ({exc!r})")
            yield from ((i, None) for i in wanted)
            return
        for i in wanted:
            if i >= len(plumber_pages):
                continue
            ppage = plumber_pages[i]
            try:
                raw: PageWords | None = page_words(ppage, i + 1)
            except AvisError:
                raise
            except Exception as exc:  # pdfminer on one damaged page: try the next route
                warnings.append(f"page {i + 1}: the text layer could not be parsed ({exc!r})")
                raw = None
            finally:
                ppage.close()
            yield i, raw


def page_words(ppage: Any, number: int) -> PageWords:
    """One pdfplumber page as the layout stage takes it."""
    words = _words(ppage)
    rulings = _rulings(ppage) if words else Rulings()
    return PageWords(number, float(ppage.width), float(ppage.height), words, rulings)


# ---------------------------------------------------------------------------------------------
# One text-layer page


def _words(ppage: Any) -> list[Word]:
    ox, oy = ppage.bbox[0], ppage.bbox[1]
    raw = ppage.extract_words(
        extra_attrs=["fontname", "size"], keep_blank_chars=False, use_text_flow=False
    )
    words = []
    bold_cache: dict[str, bool] = {}
    for w in raw:
        font = w["fontname"]
        bold = bold_cache.get(font)
        if bold is None:
            bold = bold_cache[font] = is_bold(font)
        words.append(
            Word(
                text=w["text"],
                bbox=(w["x0"] - ox, w["top"] - oy, w["x1"] - ox, w["bottom"] - oy),
                font=font,
                size=round(float(w["size"]), 2),
                bold=bold,
            )
        )
    return words


def _rulings(ppage: Any) -> Rulings:
    """Rules from drawn lines and rectangle edges (same parse as the words)."""
    ox, oy = ppage.bbox[0], ppage.bbox[1]
    lines = ((o["x0"] - ox, o["top"] - oy, o["x1"] - ox, o["bottom"] - oy) for o in ppage.lines)
    rects = ((o["x0"] - ox, o["top"] - oy, o["x1"] - ox, o["bottom"] - oy) for o in ppage.rects)
    return rulings_from(lines, rects, float(ppage.width), float(ppage.height))
