"""Web notices saved as HTML: block elements become lines, list items bullets, headings
headings, and two-cell table rows a label│value table (``col``/``row``), as in a PDF header."""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from avis.errors import CorruptInputError, EmptyInputError
from avis.layout import Document, Line, Page, Word
from avis.readers.text import decode

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

    def __init__(self) -> None:
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

    def walk(self, el: etree._Element, bold: bool = False) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if not isinstance(el.tag, str):  # comment or processing instruction
            self.text(el.tail, bold)
            return
        if tag in _SKIP:
            self.text(el.tail, bold)
            return
        if tag == "br":
            self.flush()
            self.text(el.tail, bold)
            return
        is_block = tag in _BLOCKS
        saved = (self.heading, self.col, self.row)
        if is_block:
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
                siblings = (
                    [c for c in parent if isinstance(c.tag, str)] if parent is not None else []
                )
                self.col = siblings.index(el) if el in siblings else None
        child_bold = bold or tag in _BOLD
        self.text(el.text, child_bold)
        for child in el:
            self.walk(child, child_bold)
        if is_block:
            self.flush()
            self.heading, self.col, self.row = saved
        self.text(el.tail, bold)


def read(data: bytes, options: object = None) -> Document:
    text = decode(data)
    if not text.strip():
        raise EmptyInputError("the HTML file holds only white space")
    parser = lxml_html.HTMLParser(no_network=True, remove_comments=True, recover=True)
    try:
        root = lxml_html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise CorruptInputError(f"the HTML could not be parsed ({exc})") from exc
    builder = _Builder()
    body = root.find("body")
    builder.walk(body if body is not None else root)
    builder.flush()
    return Document(format="html", pages=[Page(number=1, origin="text", lines=builder.lines)])
