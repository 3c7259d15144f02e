"""PDF reader: words with their boxes and fonts from the text layer, OCR for pages without one.

pdfplumber gives words with position, font and size (its pdfminer parse is the cost of a PDF, so
nothing here parses a page twice); pypdfium2 answers the quick questions — can the file be opened,
does a page hold any text — and renders pages that need OCR. Layout analysis rebuilds what
notices print: the label│value header table (ruled or borderless), list items that wrap, headings,
and drops page furniture (running headers, footers, page numbers).
"""

from __future__ import annotations

import contextlib
import io
import itertools
import logging
import re
import statistics
import unicodedata
from collections.abc import Hashable, Iterator
from dataclasses import dataclass, field
from typing import Any

from avis.errors import (
    AvisError,
    CorruptInputError,
    EmptyInputError,
    LimitExceededError,
    OcrUnavailableError,
    PasswordRequiredError,
)
from avis.layout import Document, Line, Page, Word
from avis.readers import ReadOptions
from avis.readers._bullets import is_bullet_token, is_weak_token, strip_glued_bullet
from avis.readers._furniture import drop_furniture
from avis.readers._geometry import (
    Grid,
    Segment,
    assign_blocks,
    find_columns,
    find_grids,
    group_lines,
    join_words,
    line_size,
    make_line,
    right_edge,
    split_at,
)
from avis.readers._inline_pairs import mostly_inline
from avis.readers._parallel import ordered_map

_BOLD = ("bold", "black", "heavy", "demi")
_MAX_RENDER_PIXELS = 60_000_000
"""OCR scales larger pages down to this anyway (``ocr.MAX_WORK_PIXELS``); an RGB render of it
is 180 MB."""
_MIN_OCR_DPI = 20.0
_GREY_RENDER_PIXELS = 20_000_000  # about A3 at 300 dpi
MAX_TEXT_OBJECTS = 6_000
"""A notice page draws a few hundred text objects. pdfium's text page costs grow with their
square (16,000 took 7 s) and pdfminer spends ~1 ms on each, so busier pages go to OCR."""


@dataclass(slots=True)
class _Counters:
    """Ids that must be unique across the whole document (rows, blocks)."""

    rows: Iterator[int] = field(default_factory=itertools.count)
    blocks: Iterator[int] = field(default_factory=itertools.count)

    def row(self) -> int:
        return next(self.rows)

    def block(self) -> int:
        return next(self.blocks)


def read(data: bytes, options: ReadOptions) -> Document:
    """Read a PDF into pages of lines; raises only :class:`~avis.errors.AvisError`.

    pdfminer's own log records (it warns on every damaged object) are kept out of the
    process's stderr and summed up as one document warning.
    """
    doc = Document(format="pdf")
    with _quiet_pdfminer(doc.warnings):
        _read(data, options, doc)
    return doc


def _read(data: bytes, options: ReadOptions, doc: Document) -> None:
    if b"%%EOF" not in data[-2048:]:
        doc.warnings.append("the PDF seems truncated (no end-of-file marker); text may be missing")
    original = data
    pdf_doc, data = _open_pdfium(data, options.password, doc.warnings)
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
        has_text: list[bool] = []
        broken: set[int] = set()
        for i in range(count):
            try:
                chars = _pdfium_chars(pdf_doc, i)
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
        counters = _Counters()
        pages: list[Page | None] = [None] * count
        unreadable: dict[int, Page] = {}
        failed: set[int] = set()
        if any(has_text):
            failed = _read_text_layer(
                data, options, has_text, pages, unreadable, counters, doc.warnings
            )
        for i in sorted(failed):
            # pdfminer cannot read this page (damaged): pdfium's character boxes still give
            # the text, laid out by position (no fonts, no rulings).
            page = _pdfium_text_page(pdf_doc, i, counters)
            if page.lines:
                pages[i] = page
                doc.warnings.append(f"page {i + 1} was read from character positions only")
        ocr_error: OcrUnavailableError | None = None
        reasons: dict[int, str] = {}

        def renders() -> Iterator[tuple[Any, int, float]]:
            """Pages without a usable text layer, rendered for OCR in page order (pdfium is
            not thread-safe: rendering stays in this thread, OCR may run in others)."""
            for i in range(count):
                if pages[i] is None and i not in broken:
                    image, dpi, reason = _render_for_ocr(pdf_doc, i, options, doc.warnings)
                    if image is None:
                        reasons[i] = reason
                    else:
                        yield image, i + 1, dpi

        for number, page, reason, err in _ocr_pages(renders(), options):
            ocr_error = ocr_error or err
            if page is None:
                reasons[number - 1] = reason
            else:
                _renumber(page, counters)
                pages[number - 1] = page
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
    drop_furniture(doc.pages)
    _join_across_pages(doc.pages)
    _mark_headings([p for p in doc.pages if p.origin == "text_layer"])
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


# ---------------------------------------------------------------------------------------------
# Opening


@contextlib.contextmanager
def _quiet_pdfminer(warnings: list[str]) -> Iterator[None]:
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


def pdfium_error() -> type[Exception]:
    import pypdfium2 as pdfium

    return pdfium.PdfiumError


def _open_pdfium(data: bytes, password: str | None, warnings: list[str]) -> tuple[Any, bytes]:
    """The pdfium document and the bytes it was opened from: a PDF whose trailer is lost (a
    truncated download) is opened from a copy with a rebuilt cross-reference table."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        return pdfium.PdfDocument(data, password=password), data
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise _password_error(password) from exc
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise CorruptInputError(
                "the PDF uses an unsupported encryption scheme; open it in a PDF viewer and "
                "print it to a new PDF"
            ) from exc
        repaired = _rebuild_xref(data) if code == pdfium_c.FPDF_ERR_FORMAT else None
        if repaired is not None:
            try:
                pdf_doc = pdfium.PdfDocument(repaired, password=password)
            except pdfium.PdfiumError:
                pass
            else:
                warnings.append(
                    "the PDF is damaged (its cross-reference table or trailer is missing, as "
                    "in a truncated file); it was rebuilt from the objects found, so text may "
                    "be missing"
                )
                return pdf_doc, repaired
        if code == pdfium_c.FPDF_ERR_SUCCESS:  # pdfium's answer to an empty page tree
            raise CorruptInputError(
                "the PDF has no pages (its page tree is empty or damaged); ask for a new copy"
            ) from exc
        raise CorruptInputError(
            f"the PDF is damaged and cannot be opened ({exc}); open it in a PDF viewer and "
            "save or print it to a new PDF, or ask for a new copy"
        ) from exc


_OBJ = re.compile(rb"(?<![0-9])(\d{1,10})[ \t\r\n\f\x00]+(\d{1,5})[ \t\r\n\f\x00]+obj\b")
_CATALOG = re.compile(rb"/Type\s*/Catalog\b")
_PAGES_ROOT = re.compile(rb"/Type\s*/Pages\b")
_PAGE = re.compile(rb"/Type\s*/Page\b(?!s)")
_PARENT = re.compile(rb"/Parent\b")
_MAX_REBUILT_OBJECTS = 200_000


def _rebuild_xref(data: bytes) -> bytes | None:
    """A copy of a PDF with a new cross-reference table and trailer, built by scanning the
    file for ``N G obj`` (later definitions win, as with incremental updates).

    The catalog is the object typed ``/Catalog``; when it was cut off, a new one points to
    the root ``/Pages`` node, or to a new node listing every ``/Page`` found. ``None`` when no
    page can be found. An unterminated last object (the cut) is closed.
    """
    objects: dict[int, tuple[int, int, int]] = {}  # number → (offset, generation, body end)
    found = list(itertools.islice(_OBJ.finditer(data), _MAX_REBUILT_OBJECTS + 1))
    if not found or len(found) > _MAX_REBUILT_OBJECTS:
        return None
    for k, m in enumerate(found):
        end = found[k + 1].start() if k + 1 < len(found) else len(data)
        objects[int(m.group(1))] = (m.start(), int(m.group(2)), end)

    def is_a(pattern: re.Pattern[bytes], number: int, parent: bool | None = None) -> bool:
        """Whether the object's dictionary (before any stream data) matches ``pattern``."""
        start, _, end = objects[number]
        end = min(end, start + 4096)
        cut = data.find(b"stream", start, end)
        end = end if cut < 0 else cut
        if pattern.search(data, start, end) is None:
            return False
        return parent is None or (_PARENT.search(data, start, end) is not None) == parent

    catalog = next((n for n in objects if is_a(_CATALOG, n)), None)
    tail = bytearray(b"\n")
    last_start, _, _ = max(objects.values())
    if data.rfind(b"endobj", last_start) < 0:
        if data.find(b"stream", last_start) >= 0 and data.rfind(b"endstream", last_start) < 0:
            tail += b"\nendstream"
        tail += b"\nendobj\n"
    extra: dict[int, bytes] = {}
    next_number = max(objects) + 1
    if catalog is None:
        pages_root = next((n for n in objects if is_a(_PAGES_ROOT, n, parent=False)), None)
        if pages_root is None:
            kids = [n for n in sorted(objects) if is_a(_PAGE, n)]
            if not kids:
                return None
            pages_root = next_number
            next_number += 1
            refs = b" ".join(b"%d 0 R" % n for n in kids)
            extra[pages_root] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (refs, len(kids))
        catalog = next_number
        extra[catalog] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_root
    out = bytearray(data)
    out += tail
    offsets = {n: (off, gen) for n, (off, gen, _) in objects.items()}
    for number, body in extra.items():
        offsets[number] = (len(out), 0)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    size = max(offsets) + 1
    out += b"xref\n0 %d\n" % size
    for number in range(size):
        if number in offsets:
            off, gen = offsets[number]
            out += b"%010d %05d n \n" % (off, min(gen, 65535))
        else:
            out += b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        size,
        catalog,
        xref,
    )
    return bytes(out)


def _password_error(password: str | None) -> PasswordRequiredError:
    if password:
        return PasswordRequiredError("the password given for this PDF is wrong (check --password)")
    return PasswordRequiredError(
        "the PDF is encrypted and needs a password to open; pass it with --password"
    )


def _pdfium_chars(pdf_doc: Any, index: int) -> int:
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


def _pdfium_text_page(pdf_doc: Any, index: int, counters: _Counters) -> Page:
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
    return _layout_page(words, [], [], index + 1, float(width), float(height), counters)


def _read_text_layer(
    data: bytes,
    options: ReadOptions,
    has_text: list[bool],
    pages: list[Page | None],
    unreadable: dict[int, Page],
    counters: _Counters,
    warnings: list[str],
) -> set[int]:
    """Read the pages that have a text layer with pdfplumber; return those it failed on."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        pdf = pdfplumber.open(io.BytesIO(data), password=options.password or "")
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect):
            raise _password_error(options.password) from exc
        # pdfium opened the file, pdfminer cannot: every page is read by pdfium instead.
        warnings.append(f"the text layer could not be parsed with fonts ({cause!r})")
        return {i for i, has in enumerate(has_text) if has}
    except (AvisError, MemoryError):
        raise
    except Exception as exc:
        warnings.append(f"the text layer could not be parsed with fonts ({exc!r})")
        return {i for i, has in enumerate(has_text) if has}
    failed: set[int] = set()
    with pdf:
        try:
            plumber_pages = pdf.pages
        except AvisError:
            raise
        except Exception as exc:  # pdfminer cannot walk the page tree pdfium could
            warnings.append(f"the text layer's page tree could not be parsed ({exc!r})")
            return {i for i, has in enumerate(has_text) if has}
        for i, has in enumerate(has_text):
            if not has or i >= len(plumber_pages):
                continue
            ppage = plumber_pages[i]
            try:
                page = _text_page(ppage, i + 1, counters)
            except AvisError:
                raise
            except Exception as exc:  # pdfminer on one damaged page: try the next route
                warnings.append(f"page {i + 1}: the text layer could not be parsed ({exc!r})")
                failed.add(i)
                page = None
            finally:
                ppage.close()
            if page is not None and not page.lines:
                warnings.append(f"page {i + 1}: the text layer yields no words")
                page = None
            elif page is not None and _is_garbage(page):
                warnings.append(
                    f"page {i + 1}: the text layer is unreadable (fonts without a character map)"
                )
                unreadable[i] = page
                page = None
            pages[i] = page
    return failed


# ---------------------------------------------------------------------------------------------
# One text-layer page


def _is_bold(fontname: str) -> bool:
    name = fontname.split("+", 1)[-1].lower()
    return any(marker in name for marker in _BOLD)


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
            bold = bold_cache[font] = _is_bold(font)
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


def _rulings(ppage: Any) -> tuple[list[Segment], list[Segment]]:
    """Horizontal and vertical rules from drawn lines and rectangle edges (same parse)."""
    ox, oy = ppage.bbox[0], ppage.bbox[1]
    area = float(ppage.width) * float(ppage.height)
    hs: list[Segment] = []
    vs: list[Segment] = []
    for obj in ppage.lines:
        x0, x1 = obj["x0"] - ox, obj["x1"] - ox
        top, bottom = obj["top"] - oy, obj["bottom"] - oy
        if bottom - top <= 1.5:
            hs.append(((top + bottom) / 2, x0, x1))
        elif x1 - x0 <= 1.5:
            vs.append(((x0 + x1) / 2, top, bottom))
    for obj in ppage.rects:
        x0, x1 = obj["x0"] - ox, obj["x1"] - ox
        top, bottom = obj["top"] - oy, obj["bottom"] - oy
        w, h = x1 - x0, bottom - top
        if w * h > 0.5 * area:  # a page background or frame
            continue
        if h <= 2.5 and w > 2.5:
            hs.append(((top + bottom) / 2, x0, x1))
        elif w <= 2.5 and h > 2.5:
            vs.append(((x0 + x1) / 2, top, bottom))
        elif w > 2.5 and h > 2.5:
            hs.extend([(top, x0, x1), (bottom, x0, x1)])
            vs.extend([(x0, top, bottom), (x1, top, bottom)])
    return hs, vs


@dataclass(slots=True)
class _Item:
    """A unit of the page's reading order: an ordinary line, or a table's lines.

    Entries are (line, text-flow context, right edge where the flow wraps or None for the body).
    """

    top: float
    entries: list[tuple[Line, Hashable, float | None]]


def _text_page(ppage: Any, number: int, counters: _Counters) -> Page:
    words = _words(ppage)
    hs, vs = _rulings(ppage) if words else ([], [])
    return _layout_page(words, hs, vs, number, float(ppage.width), float(ppage.height), counters)


def _layout_page(
    words: list[Word],
    hs: list[Segment],
    vs: list[Segment],
    number: int,
    width: float,
    height: float,
    counters: _Counters,
) -> Page:
    """Reading order of a page's words: ruled tables, borderless columns, wrapped items."""
    page = Page(number=number, width=width, height=height, origin="text_layer")
    if not words:
        return page
    grids = find_grids(hs, vs) if hs and vs else []
    items: list[_Item] = []
    free = words
    if grids:
        cells: dict[tuple[int, int, int], list[Word]] = {}
        free = []
        for w in words:
            assert w.bbox is not None
            cx, cy = (w.bbox[0] + w.bbox[2]) / 2, (w.bbox[1] + w.bbox[3]) / 2
            for gi, grid in enumerate(grids):
                g = grid.bbox
                if g[0] <= cx <= g[2] and g[1] <= cy <= g[3]:
                    where = grid.locate(cx, cy)
                    if where is not None:
                        cells.setdefault((gi, *where), []).append(w)
                        break
            else:
                free.append(w)
        for gi, grid in enumerate(grids):
            item = _grid_item(gi, grid, cells, number, counters)
            if item.entries:
                items.append(item)
    items.extend(_flow_items(group_lines(free), number))
    items.sort(key=lambda it: it.top)
    entries: list[tuple[Line, Hashable, float | None]] = []
    segment = 0
    for item in items:
        if len(item.entries) == 1 and item.entries[0][1] is None:
            entries.append((item.entries[0][0], ("body", segment), None))
        else:
            segment += 1
            entries.extend(item.entries)
    _resolve_dashes(entries)
    body_right = right_edge(line for line, _, right in entries if right is None)
    assign_blocks(
        [(line, ctx, body_right if right is None else right) for line, ctx, right in entries],
        counters.block,
    )
    page.lines = [line for line, _, _ in entries]
    return page


def _grid_item(
    gi: int, grid: Grid, cells: dict[tuple[int, int, int], list[Word]], page: int, c: _Counters
) -> _Item:
    """Lines of a ruled table, row by row; label│value rows get ``col`` and a shared ``row``.

    Rows of two or four cells are label│value pairs unless the left cells already hold
    "Label : value" items; other rows are read cell by cell as ordinary lines.
    """
    bands = []
    for bi, band in enumerate(grid.bands):
        n = len(band.cuts) - 1
        cell_lines = [
            [make_line(ws, page, "text_layer") for ws in group_lines(cells.get((gi, bi, ci), []))]
            for ci in range(n)
        ]
        if any(cell_lines):
            for lines in cell_lines:
                for line in lines:
                    _apply_bullet(line)
            bands.append((bi, band, cell_lines))
    pairs = not mostly_inline(
        " ".join(line.text for line in cell_lines[ci])
        for _, _, cell_lines in bands
        if len(cell_lines) in (2, 4)
        for ci in range(0, len(cell_lines), 2)
    )
    entries: list[tuple[Line, Hashable, float | None]] = []
    if pairs and len(bands) == 1 and len(bands[0][2]) == 2:
        # A frame with a column rule but no row rules: rows are not delimited, so read it like
        # a borderless table (visual line by visual line) and let extraction pair the rows.
        bi, band, cell_lines = bands[0]
        rights = [_cell_right(band.cuts[k + 1], cell_lines[k]) for k in (0, 1)]
        words = cells.get((gi, bi, 0), []) + cells.get((gi, bi, 1), [])
        for ws in group_lines(words):
            for k, part in enumerate(split_at(ws, band.cuts[1])):
                if part:
                    line = make_line(part, page, "text_layer", col=k)
                    _apply_bullet(line)
                    entries.append((line, ("grid", gi, k), rights[k]))
        return _Item(grid.bbox[1], entries)
    for bi, band, cell_lines in bands:
        n = len(cell_lines)
        if pairs and n in (2, 4):
            for pair in range(n // 2):
                row = c.row()
                for k in (0, 1):
                    ci = 2 * pair + k
                    right = _cell_right(band.cuts[ci + 1], cell_lines[ci])
                    for line in cell_lines[ci]:
                        line.col, line.row = k, row
                        entries.append((line, ("grid", gi, k, row), right))
        else:
            for ci, lines in enumerate(cell_lines):
                right = _cell_right(band.cuts[ci + 1], lines)
                entries.extend((line, ("grid", gi, bi, ci), right) for line in lines)
    return _Item(grid.bbox[1], entries)


def _cell_right(cut: float, lines: list[Line]) -> float:
    """Where text wraps before a column rule: cell padding is unknown, so assume a wide one
    (a wrapped value is then kept in one block rather than cut into items)."""
    size = statistics.median([line_size(line.words) for line in lines]) if lines else 10.0
    return cut - size


def _flow_items(lines: list[list[Word]], page: int) -> list[_Item]:
    """Lines outside ruled tables; borderless two-column regions are cut at their gutter.

    A region whose left column holds bare labels is a label│value table (``col`` 0/1, no
    rows); one whose left column already holds "Label : value" items is two columns of items,
    read left column first, as ordinary lines.
    """
    items: list[_Item] = []
    regions = find_columns(lines)
    in_region: set[int] = set()
    for ri, region in enumerate(regions):
        in_region.update(range(region.start, region.end + 1))
        halves = [split_at(lines[i], region.x) for i in range(region.start, region.end + 1)]
        pairs = not mostly_inline(join_words(left) for left, right in halves if left and right)
        parts: list[tuple[Line, Hashable]] = []
        for left, right in halves:
            for k, ws in ((0, left), (1, right)):
                if ws:
                    line = make_line(ws, page, "text_layer", col=k if pairs else None)
                    _apply_bullet(line)
                    parts.append((line, ("cols", ri, k)))
        if not pairs:  # left column first, then right
            parts.sort(key=lambda part: part[1][2])
        value_right = right_edge(line for line, ctx in parts if ctx[2] == 1)
        label_right = _cell_right(region.x, [line for line, ctx in parts if ctx[2] == 0])
        entries: list[tuple[Line, Hashable, float | None]] = [
            (line, ctx, label_right if ctx[2] == 0 else value_right) for line, ctx in parts
        ]
        top = min(w.bbox[1] for w in lines[region.start] if w.bbox is not None)
        items.append(_Item(top, entries))
    for i, ws in enumerate(lines):
        if i in in_region:
            continue
        line = make_line(ws, page, "text_layer")
        _apply_bullet(line)
        assert line.bbox is not None
        items.append(_Item(line.bbox[1], [(line, None, None)]))
    return items


def _apply_bullet(line: Line) -> None:
    """Mark a list item and take its glyph out of the text and the words.

    A dash followed by a mere space is left for :func:`_resolve_dashes`, which knows whether
    the line continues an item.
    """
    if not line.words:
        return
    first = line.words[0]
    if _dash_then_space(line.words):
        return
    if is_bullet_token(first.text, first.font) and len(line.words) > 1:
        line.words = line.words[1:]
    else:
        rest = strip_glued_bullet(first.text)
        if rest is None:
            return
        glued = Word(rest, first.bbox, first.font, first.size, first.bold, first.conf)
        line.words = [glued, *line.words[1:]]
    rebuilt = make_line(line.words, line.page, line.origin, line.col)
    line.text, line.bbox, line.bold = rebuilt.text, rebuilt.bbox, rebuilt.bold
    line.bullet = True


def _dash_then_space(words: list[Word]) -> bool:
    if len(words) < 2 or not is_weak_token(words[0].text):
        return False
    a, b = words[0].bbox, words[1].bbox
    size = words[0].size or 10.0
    return a is not None and b is not None and b[0] - a[2] < 0.5 * size


def _resolve_dashes(entries: list[tuple[Line, Hashable, float | None]]) -> None:
    """A line starting "– " is a list item unless it sits where the text of the item above
    wraps (then the dash belongs to the wrapped sentence: "… B1V" / "– H0")."""
    item_x: dict[Hashable, float] = {}
    prev: dict[Hashable, Line] = {}
    for line, ctx, _ in entries:
        last = prev.get(ctx)
        prev[ctx] = line
        if line.bullet and line.bbox is not None:
            item_x[ctx] = line.bbox[0]
            continue
        if not _dash_then_space(line.words) or line.bbox is None:
            continue
        size = line_size(line.words) or 10.0
        x = item_x.get(ctx)
        wraps = (
            x is not None
            and last is not None
            and last.bbox is not None
            and abs(line.bbox[0] - x) <= 0.15 * size
            and line.bbox[1] - last.bbox[1] <= 2.0 * size
        )
        if not wraps:
            line.words = line.words[1:]
            rebuilt = make_line(line.words, line.page, line.origin, line.col)
            line.text, line.bbox, line.bold = rebuilt.text, rebuilt.bbox, rebuilt.bold
            line.bullet = True
            item_x[ctx] = line.bbox[0] if line.bbox else 0.0


# ---------------------------------------------------------------------------------------------
# Text layers that are not text


def _is_garbage(page: Page) -> bool:
    """True when the text layer is glyph codes, not characters (fonts without ToUnicode)."""
    words = [w.text for line in page.lines for w in line.words]
    if not words:
        return False
    cid = sum(1 for w in words if "(cid:" in w)
    if cid > 0.2 * len(words):
        return True
    chars = "".join(w for w in words if len(w) > 1)
    if len(chars) < 40:
        return False
    odd = 0
    for ch in chars:
        cp = ord(ch)
        if cp == 0xFFFD or cp < 32 or 0xE000 <= cp <= 0xF8FF:
            odd += 1
        elif cp > 0x24F and not (0x2000 <= cp <= 0x20CF) and unicodedata.category(ch)[0] == "L":
            odd += 1  # letters outside Latin: French notices do not have many
    return odd > 0.3 * len(chars)


_OcrResult = tuple[int, Page | None, str, OcrUnavailableError | None]
"""Page number, the OCR'd page or None, why not, and the error to raise if nothing else in the
document can be read."""


def _ocr_pages(
    jobs: Iterator[tuple[Any, int, float]], options: ReadOptions
) -> Iterator[_OcrResult]:
    """OCR the rendered pages, ``options.ocr_threads`` at a time, in page order; the OCR
    module is imported only when a page needs it."""
    try:
        from avis.readers.ocr import ocr_image
    except ImportError as exc:
        for _image, number, _dpi in jobs:
            yield number, None, f"OCR is not available ({exc})", None
        return

    def one(job: tuple[Any, int, float]) -> _OcrResult:
        image, number, dpi = job
        try:
            return number, ocr_image(image, number, options, dpi=dpi), "", None
        except OcrUnavailableError as exc:
            return number, None, f"OCR is unavailable ({exc})", exc
        finally:
            image.close()

    yield from ordered_map(one, jobs, options.ocr_threads)


def _render_for_ocr(
    pdf_doc: Any, index: int, options: ReadOptions, warnings: list[str]
) -> tuple[Any, float, str]:
    """Render one page for OCR: ``(image, dpi, "")``, or ``(None, 0, why not)``."""
    number = index + 1
    if not options.ocr:
        return None, 0.0, "OCR disabled"
    ppage = pdf_doc[index]
    try:
        import pypdfium2.raw as pdfium_c

        if pdfium_c.FPDFPage_CountObjects(ppage.raw) == 0:
            return None, 0.0, "the page is blank (nothing is drawn on it)"
        width, height = ppage.get_size()
        dpi = float(options.ocr_dpi)
        pixels = width * height * (dpi / 72) ** 2
        cap = min(options.max_pixels, _MAX_RENDER_PIXELS)
        if pixels > cap:
            # No floor on the resolution: a poster-sized page (up to 200 × 200 inches) at even
            # 72 dpi would be hundreds of megabytes of bitmap.
            dpi = dpi * (cap / pixels) ** 0.5 * 0.995  # margin: the bitmap size is rounded up
            if dpi < _MIN_OCR_DPI:
                return (
                    None,
                    0.0,
                    (
                        f"the page is too large ({width:.0f} × {height:.0f} pt) to render for OCR "
                        f"within {cap:,} pixels"
                    ),
                )
            warnings.append(
                f"page {number} is too large to render at {options.ocr_dpi} dpi; "
                f"OCR at {dpi:.0f} dpi"
            )
        if width * height * (dpi / 72) ** 2 > _GREY_RENDER_PIXELS:
            # A poster-sized page: one byte a pixel instead of three (OCR reads grey anyway).
            image = ppage.render(
                scale=dpi / 72, grayscale=True, force_bitmap_format=pdfium_c.FPDFBitmap_Gray
            ).to_pil()
        else:
            image = ppage.render(scale=dpi / 72).to_pil()
    finally:
        ppage.close()
    image.info["dpi"] = (dpi, dpi)
    return image, dpi, ""


def _renumber(page: Page, counters: _Counters) -> None:
    """Make the OCR page's block and row ids unique in the document."""
    blocks: dict[int, int] = {}
    rows: dict[int, int] = {}
    for line in page.lines:
        if line.block is not None:
            line.block = blocks.setdefault(line.block, counters.block())
        if line.row is not None:
            line.row = rows.setdefault(line.row, counters.row())


# ---------------------------------------------------------------------------------------------
# Document-wide passes


def _join_across_pages(pages: list[Page]) -> None:
    """A paragraph or list item cut by a page break keeps one block id (once the footer and the
    next header are gone, the two halves are adjacent)."""
    for before, after in itertools.pairwise(pages):
        if before.origin != "text_layer" or after.origin != "text_layer":
            continue
        if not before.lines or not after.lines:
            continue
        last, first = before.lines[-1], after.lines[0]
        if (
            last.col is not None
            or first.col is not None
            or first.bullet
            or last.block is None
            or first.block is None
            or last.bbox is None
            or first.bbox is None
            or not first.words
            or first.bold != last.bold
        ):
            continue
        size = line_size(first.words) or 10.0
        if abs(size - (line_size(last.words) or size)) > 0.15 * size:
            continue
        if abs(first.bbox[0] - last.bbox[0]) > size:
            continue
        right = right_edge(line for line in before.lines if line.col is None)
        w0 = first.words[0].bbox
        width = w0[2] - w0[0] if w0 else 0.0
        if not last.text.endswith("-") and last.bbox[2] + 0.3 * size + width < right - 0.5:
            continue  # the last line ended short: the paragraph ended with the page
        old = first.block
        for line in after.lines:
            if line.block == old:
                line.block = last.block


def _mark_headings(pages: list[Page]) -> None:
    """Level 1 for the largest type; bold single-line paragraphs of body size come last."""
    lines = [line for page in pages for line in page.lines if line.col is None and line.words]
    if not lines:
        return
    weight: dict[float, int] = {}
    sizes: dict[int, float] = {}
    for line in lines:
        size = line_size(line.words)
        sizes[id(line)] = size
        weight[size] = weight.get(size, 0) + len(line.text)
    body = max(weight.items(), key=lambda kv: kv[1])[0]
    big = sorted(
        {s for line in lines if (s := sizes[id(line)]) >= body * 1.15 and len(line.text) <= 200},
        reverse=True,
    )
    levels = {s: min(i + 1, 6) for i, s in enumerate(big)}
    block_size: dict[int | None, int] = {}
    for line in lines:
        block_size[line.block] = block_size.get(line.block, 0) + 1
    for line in lines:
        size = sizes[id(line)]
        if size in levels and len(line.text) <= 200:
            line.heading = levels[size]
        elif (
            line.bold
            and not line.bullet
            and abs(size - body) <= 0.15 * body
            and block_size.get(line.block, 0) == 1
            and len(line.words) <= 12
            and len(line.text) <= 100
            and not line.text.rstrip().endswith((",", ";"))
            and any(ch.isalpha() for ch in line.text)
        ):
            line.heading = min(len(big) + 1, 6)
