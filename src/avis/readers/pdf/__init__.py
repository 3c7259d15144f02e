"""PDF reader: words with their boxes and fonts from the text layer, OCR for pages without one.

pypdfium2 opens the file (repairing a lost cross-reference table, :mod:`.repair`), answers the
quick questions — does a page hold any text, is it sane (:mod:`.probe`) — and renders pages that
need OCR (:mod:`.scans`). An engine reads the text layer into words and rulings: pdfium itself
(:mod:`.pdfium_engine`, the default) or pdfplumber (:mod:`.plumber`, ``--pdf-engine
pdfplumber``), both grouping characters into the same words; the layout stage
(:mod:`avis.layout`) rebuilds lines, tables and blocks; a page the engine cannot parse is read
from pdfium's character boxes (:mod:`.charboxes`).
"""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Iterable, Iterator
from typing import Any

from avis.errors import (
    AvisError,
    CorruptInputError,
    EmptyInputError,
    LimitExceededError,
    OcrUnavailableError,
    UsageError,
)
from avis.layout import Document, Ids, Page, PageWords, analyse_page, finish_document
from avis.readers import ReaderSpec, ReadOptions
from avis.readers.pdf.probe import MAX_TEXT_OBJECTS, text_chars
from avis.readers.pdf.repair import open_pdfium, pdfium_error
from avis.readers.pdf.text_layer import is_garbage


def sniff(data: bytes) -> bool:
    """A PDF header within the first kilobyte (some producers put junk before it)."""
    return b"%PDF-" in data[:1024]


ENGINES = {
    "pdfium": "avis.readers.pdf.pdfium_engine",
    "pdfplumber": "avis.readers.pdf.plumber",
}
"""Text-layer engines by name (``ReadOptions.pdf_engine``), each a module with ``read_pages``;
imported only when used."""


def read(data: bytes, options: ReadOptions) -> Document:
    """Read a PDF into pages of lines; raises only :class:`~avis.errors.AvisError`.

    With pdfplumber, pdfminer's own log records (it warns on every damaged object) are kept
    out of the process's stderr and summed up as one document warning.
    """
    if options.pdf_engine not in ENGINES:
        raise UsageError(
            f"unknown PDF engine {options.pdf_engine!r}; choose one of {', '.join(ENGINES)}"
        )
    doc = Document(format="pdf")
    quiet: contextlib.AbstractContextManager[None] = contextlib.nullcontext()
    if options.pdf_engine == "pdfplumber":
        from avis.readers.pdf.plumber import quiet_pdfminer

        quiet = quiet_pdfminer(doc.warnings)
    with quiet:
        _read(data, options, doc)
    return doc


def _read(data: bytes, options: ReadOptions, doc: Document) -> None:
    if b"%%EOF" not in data[-2048:]:
        doc.warnings.append("the PDF seems truncated (no end-of-file marker); text may be missing")
    original = data
    pdf_doc, data = open_pdfium(data, options.password, doc.warnings)
    try:
        count = len(pdf_doc)
        if count == 0:
            raise CorruptInputError(
                "the PDF has no pages; check that it is the right file or ask for a new copy"
            )
        if count > options.max_pages:
            raise LimitExceededError(
                f"the PDF has {count} pages, over the {options.max_pages}-page limit "
                "(raise it with --max-pages)"
            )
        engine = importlib.import_module(ENGINES[options.pdf_engine])
        read_loaded = getattr(engine, "read_loaded", None)
        early: dict[int, PageWords | None] = {}
        has_text: list[bool] = []
        broken: set[int] = set()
        for i in range(count):
            on_text = None
            if read_loaded is not None:  # the engine reads the page while the probe has it

                def on_text(page: Any, textpage: Any, i: int = i) -> None:
                    try:
                        early[i] = read_loaded(page, textpage, i + 1)
                    except (AvisError, MemoryError):
                        raise
                    except Exception as exc:  # one odd page: its characters are read instead
                        doc.warnings.append(
                            f"page {i + 1}: the text layer could not be parsed ({exc!r})"
                        )
                        early[i] = None

            try:
                chars = text_chars(pdf_doc, i, on_text)
            except pdfium_error() as exc:
                chars = 0
                broken.add(i)
                doc.warnings.append(f"page {i + 1} cannot be loaded ({exc}); it is skipped")
            if chars < 0:
                doc.warnings.append(
                    f"page {i + 1} is built of more than {MAX_TEXT_OBJECTS:,} text objects (a "
                    "generated or hostile file): its text layer is not read, the page goes to "
                    "OCR like a scan"
                )
            has_text.append(chars > 0)
        if len(broken) == count:
            raise CorruptInputError(
                "no page of the PDF can be loaded (its page tree is damaged); open it in a PDF "
                "viewer and print it to a new PDF, or ask for a new copy"
            )
        ids = Ids()
        pages: list[Page | None] = [None] * count
        unreadable: dict[int, Page] = {}
        failed: set[int] = set()
        wanted = [i for i, has in enumerate(has_text) if has]
        if wanted:
            read = (
                ((i, early.get(i)) for i in wanted)
                if read_loaded is not None
                else engine.read_pages(data, pdf_doc, options, wanted, doc.warnings)
            )
            failed = _lay_out_text_layer(read, pages, unreadable, ids, doc)
        for i in sorted(failed):
            # The engine cannot read this page (damaged): pdfium's character boxes still give
            # the text, laid out by position (no fonts, no rulings).
            from avis.readers.pdf.charboxes import char_box_words

            page = analyse_page(char_box_words(pdf_doc, i), ids)
            if page.lines:
                pages[i] = page
                doc.warnings.append(f"page {i + 1} was read from character positions only")
        from avis.readers.pdf.scans import ocr_pages, render_for_ocr

        ocr_error: OcrUnavailableError | None = None
        reasons: dict[int, str] = {}

        def renders() -> Iterator[tuple[Any, int, float]]:
            """Pages without a usable text layer, rendered for OCR in page order (pdfium is
            not thread-safe: rendering stays in this thread, OCR may run in others)."""
            for i in range(count):
                if pages[i] is None and i not in broken:
                    image, dpi, reason = render_for_ocr(pdf_doc, i, options, doc.warnings)
                    if image is None:
                        reasons[i] = reason
                    else:
                        yield image, i + 1, dpi

        for number, scanned, reason, err in ocr_pages(renders(), options):
            ocr_error = ocr_error or err
            if scanned is None:
                reasons[number - 1] = reason
            else:
                ids.renumber(scanned)
                pages[number - 1] = scanned
        for i in sorted(reasons):
            if i in unreadable:
                pages[i] = unreadable[i]
                doc.warnings.append(f"page {i + 1}: {reasons[i]}; its unreadable text is kept")
            else:
                width, height = pdf_doc.get_page_size(i)
                pages[i] = Page(number=i + 1, width=width, height=height, origin="ocr")
                doc.warnings.append(f"page {i + 1} has no text layer; {reasons[i]}")
    finally:
        pdf_doc.close()
    doc.pages = [p for p in pages if p is not None]
    finish_document(doc.pages)
    if ocr_error is not None and not any(line.text.strip() for line in doc.lines()):
        raise ocr_error
    if data is not original and not any(line.text.strip() for line in doc.lines()):
        raise CorruptInputError(
            "the PDF is damaged (truncated?) and no text could be recovered from it; ask for a "
            "new copy or download it again"
        )
    if not any(line.text.strip() for line in doc.lines()):
        why = "; ".join(doc.warnings[:3]) or "its pages hold no text"
        hint = (
            "check that it is the right file and that its pages are legible"
            if options.ocr
            else "if it is a scan, turn OCR on (--ocr)"
        )
        raise EmptyInputError(f"no text found in this PDF ({why}); {hint}")


def _lay_out_text_layer(
    read: Iterable[tuple[int, PageWords | None]],
    pages: list[Page | None],
    unreadable: dict[int, Page],
    ids: Ids,
    doc: Document,
) -> set[int]:
    """Lay out the pages the engine read; return those it failed on (``None``)."""
    failed: set[int] = set()
    for i, raw in read:
        if raw is None:
            failed.add(i)
            continue
        page: Page | None = analyse_page(raw, ids)
        if page is not None and not page.lines:
            doc.warnings.append(f"page {i + 1}: the text layer yields no words")
            page = None
        elif page is not None and is_garbage(page):
            doc.warnings.append(
                f"page {i + 1}: the text layer is unreadable (fonts without a character map)"
            )
            unreadable[i] = page
            page = None
        pages[i] = page
    return failed


READER = ReaderSpec(
    name="pdf",
    sniff=sniff,
    read=read,
    paged=True,
    no_text="no text found in this PDF; if it is a scan, turn OCR on (--ocr) and install "
    "Tesseract, else check that it is the right file",
)
