"""Web notices saved as HTML: block elements become lines, list items bullets, headings
headings, and two-cell table rows a label│value table (``col``/``row``), as in a PDF header."""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from avis.errors import CorruptInputError, EmptyInputError, LimitExceededError, UnsafeInputError
from avis.layout import Document, Line, Page, Word
from avis.readers import CHARS_PER_PAGE, ReaderSpec, ReadOptions, check_text_size
from avis.readers.text import decode, looks_like_text

MAX_TAGS = 1_000_000
"""About 500,000 elements, ~150 MB once parsed; a notice page has a few thousand."""
_Saved = tuple[int | None, int | None, int | None]

_BLOCKS = {
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "li",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "blockquote",
    "address",
    "td",
    "th",
    "tr",
    "table",
    "ul",
    "ol",
    "dl",
    "figcaption",
    "caption",
    "form",
    "fieldset",
    "nav",
}
_SKIP = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object"}
_BOLD = {"b", "strong"}
_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)


def looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf")
    return bool(_HTML_START.match(head))


class _Builder:
    """Walks the tree once, accumulating inline text into the current block's words."""

    def __init__(self, max_chars: int, options: ReadOptions) -> None:
        self.max_chars = max_chars
        self.options = options
        self.chars = 0
        self.lines: list[Line] = []
        self.words: list[Word] = []
        self.heading: int | None = None
        self.bullet = False
        self.col: int | None = None
        self.row: int | None = None
        self.block = 0
        self.rows = 0

    def text(self, text: str | None, bold: bool) -> None:
        if text:
            self.chars += len(text)
            if self.chars > 2 * self.max_chars:  # early: the exact check is in read_bytes
                check_text_size(self.chars // 2, self.options, "HTML page")
            self.words.extend(Word(text=t, bold=bold) for t in text.split())

    def flush(self) -> None:
        if self.words:
            self.lines.append(
                Line(
                    text=" ".join(w.text for w in self.words),
                    words=self.words,
                    origin="text",
                    heading=self.heading,
                    bullet=self.bullet,
                    bold=all(w.bold for w in self.words),
                    col=self.col,
                    row=self.row,
                    block=self.block,
                )
            )
            self.block += 1
        self.words = []
        self.bullet = False

    def walk(self, root: etree._Element, bold: bool = False) -> None:
        """Depth first, in document order, with an explicit stack: pages nest elements
        thousands deep (the parser allows 2,048 levels), more than Python's recursion limit."""
        stack: list[tuple[etree._Element, bool, tuple[bool, _Saved] | None]] = [(root, bold, None)]
        while stack:
            el, bold, leaving = stack.pop()
            if leaving is not None:
                is_block, saved = leaving
                if is_block:
                    self.flush()
                    self.heading, self.col, self.row = saved
                self.text(el.tail, bold)
                continue
            tag = el.tag.lower() if isinstance(el.tag, str) else ""
            if not isinstance(el.tag, str) or tag in _SKIP:  # comment, instruction, script
                self.text(el.tail, bold)
                continue
            if tag == "br":
                self.flush()
                self.text(el.tail, bold)
                continue
            is_block = tag in _BLOCKS
            saved = (self.heading, self.col, self.row)
            if is_block:
                self._open_block(el, tag)
            child_bold = bold or tag in _BOLD
            self.text(el.text, child_bold)
            stack.append((el, bold, (is_block, saved)))
            stack.extend((child, child_bold, None) for child in reversed(el))

    def _open_block(self, el: etree._Element, tag: str) -> None:
        self.flush()
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.heading = int(tag[1])
        if tag == "li":
            self.bullet = True
        if tag == "tr":
            cells = [c for c in el if isinstance(c.tag, str) and c.tag.lower() in {"td", "th"}]
            self.rows += 1
            self.row = self.rows if len(cells) == 2 else None
        if tag in {"td", "th"} and self.row is not None:
            parent = el.getparent()
            siblings = [c for c in parent if isinstance(c.tag, str)] if parent is not None else []
            self.col = siblings.index(el) if el in siblings else None


def read(data: bytes, options: ReadOptions | None = None) -> Document:
    """Parse leniently (real pages are rarely valid) but refuse what would exhaust memory or
    lose text without a word: too many tags, nesting beyond the parser's depth limit."""
    options = options or ReadOptions()
    tags = data.count(b"<")
    if tags > MAX_TAGS:
        raise LimitExceededError(
            f"the HTML page has {tags:,} tags, far more than a notice (at most {MAX_TAGS:,} are "
            "parsed); save the notice on its own, as PDF or text"
        )
    text = decode(data)
    if not text.strip():
        raise EmptyInputError("the HTML file holds only white space; check the file")
    parser = lxml_html.HTMLParser(
        no_network=True, remove_comments=True, recover=True, huge_tree=True, encoding="utf-8"
    )
    try:
        # Decoded by avis (BOM, UTF-16, Windows-1252…), handed over as UTF-8 bytes: a str
        # with an XML declaration is refused by lxml, and a <meta charset> must not re-decode.
        root = lxml_html.document_fromstring(text.encode("utf-8", "replace"), parser=parser)
    except etree.ParserError as exc:
        if "empty" in str(exc).lower():
            raise EmptyInputError(
                "the HTML page holds no elements or text; check that it is the notice"
            ) from exc
        raise CorruptInputError(
            f"the HTML could not be parsed ({exc}); save the page again or as PDF"
        ) from exc
    except ValueError as exc:
        raise CorruptInputError(
            f"the HTML could not be parsed ({exc}); save the page again or as PDF"
        ) from exc
    for entry in parser.error_log:
        if entry.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT:
            raise UnsafeInputError(
                f"the HTML nests elements deeper than the parser allows ({entry.message.strip()}"
                "): the rest of the page would be lost; save the notice as PDF or text"
            )
    builder = _Builder(options.max_pages * CHARS_PER_PAGE, options)
    body = root.find("body")
    builder.walk(body if body is not None else root)
    builder.flush()
    return Document(format="html", pages=[Page(number=1, origin="text", lines=builder.lines)])


READER = ReaderSpec(
    name="html",
    sniff=lambda data: looks_like_text(data) and looks_like_html(data),
    read=read,
    paged=False,
    no_text="no text found in this HTML page (only scripts, styles or markup); check that it "
    "is the notice and not an error or login page, or save the notice as PDF",
)
