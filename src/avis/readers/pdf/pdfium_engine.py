"""The pdfium engine (the default): characters, fonts and rules straight from pdfium.

pdfium has already parsed the file to probe it, so reading the text layer costs one text page
and a pass over its characters: box (pdfium's loose box, whose bottom is pdfminer's descent
line), font and size of the text object each belongs to, grouped into words with pdfplumber's
rules (:mod:`.words`); rules come from path objects (:mod:`.paths`). Coordinates are the same as
the pdfplumber engine's: points from the top-left of the media box, in the page's display
orientation. pdfium is called through address-typed prototypes (:mod:`.pdfium_api`).
"""

from __future__ import annotations

import ctypes
import math
import re
from collections.abc import Iterator
from typing import Any

from avis.layout import PageWords, Rulings, Word
from avis.readers import ReadOptions
from avis.readers.pdf.paths import Matrix, mul, page_rulings
from avis.readers.pdf.pdfium_api import PdfiumApi
from avis.readers.pdf.pdfium_api import api as pdfium_api
from avis.readers.pdf.text_layer import is_bold
from avis.readers.pdf.words import TOLERANCE, Char, group_words


def _display(ppage: Any) -> tuple[Matrix, float, float]:
    """The matrix from PDF user space to page points from the top-left corner of the media box,
    as displayed (``/Rotate`` applied), and the displayed width and height."""
    # pdfium holds the box as 32-bit floats: 595.2756 comes back as 595.2755737…
    left, bottom, right, top = (float(f"{v:.7g}") for v in ppage.get_mediabox())
    w, h = right - left, top - bottom
    rotation = ppage.get_rotation() % 360
    if rotation == 90:
        return (0.0, 1.0, 1.0, 0.0, -bottom, -left), h, w
    if rotation == 180:
        return (-1.0, 0.0, 0.0, 1.0, right, -bottom), w, h
    if rotation == 270:
        return (0.0, -1.0, -1.0, 0.0, top, right), h, w
    return (1.0, 0.0, 0.0, -1.0, -left, top), w, h


def read_pages(
    data: bytes, pdf_doc: Any, options: ReadOptions, wanted: list[int], warnings: list[str]
) -> Iterator[tuple[int, PageWords | None]]:
    """Words and rulings of the ``wanted`` pages (indexes), in order; ``None`` for a page pdfium
    fails on (the reason is in ``warnings``). The reader itself calls :func:`read_loaded` from
    its probe instead, so each page is loaded once."""
    import pypdfium2 as pdfium

    from avis.readers.pdf.probe import text_chars

    for i in wanted:
        got: list[PageWords] = []

        def keep(
            page: Any, textpage: Any, number: int = i + 1, into: list[PageWords] = got
        ) -> None:
            into.append(read_loaded(page, textpage, number))

        try:
            text_chars(pdf_doc, i, keep)
        except pdfium.PdfiumError as exc:
            warnings.append(f"page {i + 1}: the text layer could not be parsed ({exc})")
        yield i, got[0] if got else None


def read_loaded(ppage: Any, textpage: Any, number: int) -> PageWords:
    """One loaded pdfium page (and its text page) as the layout stage takes it."""
    api = pdfium_api()
    to_page, width, height = _display(ppage)
    tp = ctypes.cast(textpage.raw, ctypes.c_void_p).value or 0
    words = _token_words(api, tp, to_page)
    if words is None:
        words = group_words(_chars(api, tp, to_page))
    rulings = page_rulings(api, ppage, to_page, width, height) if words else Rulings()
    return PageWords(number, width, height, words, rulings)


_TOKEN = re.compile(r"\S+")
_NOT_TOKEN_SAFE = re.compile(r"[\x00-\x08\x0e-\x1f]")
"""Glyphs without a character (see :func:`_chars`): such pages take the character path."""


def _token_words(api: PdfiumApi, tp: int, to_page: Matrix) -> list[Word] | None:
    """The words :func:`group_words` would make, found a word at a time: the fast path for an
    unturned page of upright text (else ``None``, and the caller reads character by character).

    Characters of one text object share its font, size and baseline, and pdfium keeps them
    together, so only the text object of each character is asked for; the text is cut at its
    white space by a regular expression, and a box is fetched for the first and last character
    of each token only. Tokens that pdfplumber would join (no space between them, same font and
    size, same line, a gap of at most 3 pt: text objects cut mid-word, pdfium's own spaces over
    a small gap) are joined; words are then ordered as pdfplumber orders them.
    """
    a, b, c, d, e, f = to_page
    if not (a == 1.0 and b == 0.0 and c == 0.0 and d == -1.0):
        return None
    n = api.count_chars(tp) if tp else 0
    if n <= 0:
        return []
    text = _text(api, tp, n)
    if not text or _NOT_TOKEN_SAFE.search(text):
        return None
    import pypdfium2.raw as pdfium_c

    text_object, loose_box = api.text_object, api.loose_box
    box = (ctypes.c_float * 4)()
    box_at = ctypes.addressof(box)
    box_values = memoryview(box).cast("B").cast("f")
    matrix = pdfium_c.FS_MATRIX()
    size_out = ctypes.c_float()
    name_buf = ctypes.create_string_buffer(256)
    styles: dict[int, Style] = {}
    seen: dict[tuple[Any, ...], Style] = {}

    def style_of(obj: int) -> Style:
        style = styles.get(obj)
        if style is None:
            style = styles[obj] = _style(api, obj, matrix, size_out, name_buf, to_page, seen)
        return style

    # (text, x0, top, x1, bottom, last char's x0, style, joins the previous token)
    tokens: list[tuple[str, float, float, float, float, float, Style, bool]] = []
    joinable = False  # no white space of the page's own since the previous token
    pos = 0
    for m in _TOKEN.finditer(text):
        i, j = m.span()
        for k in range(pos, i):
            # White space drawn by a text object separates words; pdfium's own (between
            # objects: line breaks, wide gaps) belongs to none and is only a gap.
            obj = text_object(tp, k)
            if obj:
                if not (styles.get(obj) or style_of(obj))[2]:
                    return None
                joinable = False
        first = text_object(tp, i)
        last = first if j - i == 1 else text_object(tp, j - 1)
        if first == last:
            pieces: Any = ((i, j, first),)  # one object first to last: the whole token
        else:
            pieces = _pieces(text_object, tp, i, j, first, last)
        for p0, p1, obj in pieces:
            if not obj:
                continue
            style = styles.get(obj) or style_of(obj)
            if not style[2]:
                return None
            size, adjust = style[1], style[3]
            loose_box(tp, p0, box_at)
            left, _top, right, bottom = box_values
            first_left = left
            if p1 - 1 > p0:
                loose_box(tp, p1 - 1, box_at)
                left, _top, right, _bottom = box_values
            pbottom = f - bottom - adjust
            tokens.append(
                (text[p0:p1], first_left + e, pbottom - size, right + e, pbottom, left + e, style,
                 joinable)
            )  # fmt: skip
            joinable = True
        pos = j
    for k in range(pos, len(text)):  # white space after the last word
        obj = text_object(tp, k)
        if obj and not style_of(obj)[2]:
            return None
    return _merge_tokens(tokens)


def _pieces(
    text_object: Any, tp: int, i: int, j: int, first: Any, last: Any
) -> list[tuple[int, int, Any]]:
    """A run of non-space characters ``i:j`` cut where its text object changes, with each
    piece's object (``first`` and ``last``: those of its end characters, already asked). A
    text object's characters are consecutive, so when the ends belong to one object the run is
    one piece: only runs that change object inside (a font change mid-word) are asked character
    by character. (One call per character was a third of this reader's time.)"""
    if first == last:
        return [(i, j, first)]
    out: list[tuple[int, int, Any]] = []
    start, current = i, first
    for k in range(i + 1, j):
        obj = last if k == j - 1 else text_object(tp, k)
        if obj != current:
            out.append((start, k, current))
            start, current = k, obj
    out.append((start, j, current))
    return out


def _merge_tokens(
    tokens: list[tuple[str, float, float, float, float, float, Style, bool]],
) -> list[Word]:
    """Join tokens pdfplumber would read as one word; order words per run of one style by
    line, then left to right (pdfplumber's ``cluster_objects`` on the characters' tops)."""
    words: list[Word] = []
    bold_cache: dict[str, bool] = {}
    run: list[tuple[str, float, float, float, float, float]] = []
    run_style: Style | None = None

    def flush() -> None:
        if not run or run_style is None:
            return
        font, size = run_style[0], round(run_style[1], 2)
        bold = bold_cache.get(font)
        if bold is None:
            bold = bold_cache[font] = is_bold(font)
        if len(run) == 1:
            t = run[0]
            words.append(Word(t[0], (t[1], t[2], t[3], t[4]), font, size, bold))
            return
        tops = sorted({t[2] for t in run})
        line: dict[float, int] = {}
        index, last = 0, tops[0]
        for v in tops:
            if v > last + TOLERANCE:
                index += 1
            line[v] = index
            last = v
        for t in sorted(run, key=lambda t: (line[t[2]], t[1])):
            words.append(Word(t[0], (t[1], t[2], t[3], t[4]), font, size, bold))

    for text, x0, top, x1, bottom, last_x0, style, joinable in tokens:
        if style != run_style:
            flush()
            run, run_style = [], style
        elif joinable and run:
            p = run[-1]
            if p[5] <= x0 <= p[3] + TOLERANCE and abs(top - p[2]) <= TOLERANCE:
                run[-1] = (p[0] + text, p[1], min(p[2], top), max(p[3], x1), max(p[4], bottom),
                           last_x0)  # fmt: skip
                continue
        run.append((text, x0, top, x1, bottom, last_x0))
    flush()
    return words


def _text(api: PdfiumApi, tp: int, n: int) -> str:
    """The page's characters, one per index (pdfium stores UTF-16; a character outside the
    Basic Multilingual Plane takes two units, so such text is read one code point at a time)."""
    buf = (ctypes.c_uint16 * (n + 1))()
    got = api.get_text(tp, 0, n, ctypes.addressof(buf))
    text = bytes(buf)[: max(got - 1, 0) * 2].decode("utf-16-le", errors="replace")
    # U+FFFE is pdfium's mark for a hyphen that ends a line (LibreOffice draws such a hyphen
    # with a glyph mapped to a control code): it is printed as a hyphen.
    text = text.replace("\ufffe", "-")
    return text if len(text) == n else ""


def _chars(api: PdfiumApi, tp: int, to_page: Matrix) -> list[Char]:
    """Every character of the text page in content order, in page coordinates."""
    n = api.count_chars(tp) if tp else 0
    if n <= 0:
        return []
    text = _text(api, tp, n)
    if not text:
        codes = (api.get_unicode(tp, k) for k in range(n))
        text = "".join(
            chr(u) if 0 < u < 0x110000 and not 0xD800 <= u < 0xE000 else "\ufffd" for u in codes
        )
    import pypdfium2.raw as pdfium_c

    box = (ctypes.c_float * 4)()  # FS_RECTF: left, top, right, bottom
    box_at = ctypes.addressof(box)
    box_values = memoryview(box).cast("B").cast("f")  # unpacks without a ctypes call per field
    matrix = pdfium_c.FS_MATRIX()
    size_out = ctypes.c_float()
    name_buf = ctypes.create_string_buffer(256)
    styles: dict[int, Style] = {}
    seen: dict[tuple[Any, ...], Style] = {}
    a, b, c, d, e, f = to_page
    plain = a == 1.0 and b == 0.0 and c == 0.0 and d == -1.0  # no /Rotate: the usual case
    out: list[Char] = []
    append = out.append
    text_object, loose_box, is_generated = api.text_object, api.loose_box, api.is_generated
    for k, ch in enumerate(text):
        if ch < " " and ch not in "\t\n\r\x0b\x0c":
            # A glyph whose font maps it to no character: pdfium hands back its code, pdfminer
            # writes "(cid:N)"; the text layer check (is_garbage) knows the latter.
            ch = f"(cid:{ord(ch)})"
        space = ch.isspace()
        if space and is_generated(tp, k):
            # pdfium's own spaces: between text objects (line breaks, wide gaps) they are
            # left to the gap test; inside one (a word break Word's export draws as a TJ
            # offset, not a space) they break the word, as in the token path.
            if out and text_object(tp, k):
                last = out[-1]
                append((" ", *last[1:8], True))
            continue
        obj = text_object(tp, k)
        if not obj:
            continue
        style = styles.get(obj)
        if style is None:
            style = styles[obj] = _style(api, obj, matrix, size_out, name_buf, to_page, seen)
        font, size, upright, adjust = style
        loose_box(tp, k, box_at)
        left, top, right, bottom = box_values
        if plain and upright:
            # pdfminer's box: from the descent line up by the font size
            pbottom = f - bottom - adjust
            append((ch, left + e, pbottom - size, right + e, pbottom, font, size, True, space))
            continue
        xs = (a * left + c * bottom + e, a * right + c * top + e)
        ys = (b * left + d * bottom + f, b * right + d * top + f)
        append((ch, min(xs), min(ys), max(xs), max(ys), font, size, upright, space))
    return out


Style = tuple[str, float, bool, float]
"""Font name, size on the page, upright, and the shift of the descent line to pdfminer's (see
:data:`_CORE_DESCENT`), shared by every character of a text object."""

_CORE_DESCENT: dict[str, int] = {
    **dict.fromkeys(
        (
            "Helvetica",
            "Helvetica-Oblique",
            "Helvetica-Bold",
            "Helvetica-BoldOblique",
            "Arial",
            "Arial,Italic",
            "Arial,Bold",
            "Arial,BoldItalic",
        ),
        -207,
    ),
    **dict.fromkeys(
        (
            "Courier",
            "Courier-Bold",
            "Courier-Oblique",
            "Courier-BoldOblique",
            "CourierNew",
            "CourierNew,Bold",
            "CourierNew,Italic",
            "CourierNew,BoldItalic",
        ),
        -194,
    ),
    **dict.fromkeys(
        (
            "Times-Roman",
            "Times-Bold",
            "Times-BoldItalic",
            "TimesNewRoman",
            "TimesNewRoman,Bold",
            "TimesNewRoman,BoldItalic",
        ),
        -217,
    ),
    **dict.fromkeys(("Times-Italic", "TimesNewRoman,Italic"), -217),
    "Symbol": 0,
    "ZapfDingbats": 0,
}
"""The standard fonts a PDF may use without embedding them: their descent (1/1000 em) in
Adobe's font metrics, which pdfminer uses, while pdfium measures the font it substitutes. Boxes
of such fonts are moved to the metrics' descent so that both engines put words at the same
height."""


def _style(
    api: PdfiumApi,
    obj: int,
    matrix: Any,
    size_out: Any,
    name_buf: Any,
    to_page: Matrix,
    seen: dict[tuple[Any, ...], Style] | None = None,
) -> Style:
    """Font name, size on the page and direction of one text object (shared by its chars).

    A page draws hundreds of text objects in a handful of fonts, sizes and directions:
    ``seen`` (one per page) keeps the style of each (font, size, matrix) met, so only three
    calls are made for most objects instead of seven and the arithmetic."""
    font = api.obj_font(obj)
    size = float(size_out.value) if api.obj_font_size(obj, size_out) else 0.0
    has_matrix = api.obj_matrix(obj, matrix)
    key = (font, size, (matrix.a, matrix.b, matrix.c, matrix.d) if has_matrix else None)
    if seen is not None:
        known = seen.get(key)
        if known is not None:
            return known
    name = ""
    if font:
        got = api.font_name(font, name_buf, len(name_buf))
        if 0 < got <= len(name_buf):
            name = name_buf.value.decode("latin-1")
    if has_matrix:
        m = mul((matrix.a, matrix.b, matrix.c, matrix.d, 0.0, 0.0), to_page)
    else:
        m = to_page
    ma, mb, mc, md = m[0], m[1], m[2], m[3]
    # pdfminer's test, on the display matrix (whose y axis points down: flip it back).
    upright = ma * -md > 0 and mb * -mc <= 0
    scale = math.hypot(mc, md) if upright else math.hypot(ma, mb)
    adjust = 0.0
    core = _CORE_DESCENT.get(name)
    if (
        core is not None
        and api.font_embedded(font) == 0  # a subset would be embedded, and described
        and api.font_descent(font, ctypes.c_float(1000.0), size_out)
    ):
        adjust = (core - size_out.value) / 1000 * size * scale
    style = (name, size * scale, upright, adjust)
    if seen is not None:
        seen[key] = style
    return style
