"""Plain text and Markdown notices (web text, converter output such as marker's).

Read with a real Markdown parser (markdown-it-py, CommonMark plus GitHub tables), so the text
extraction sees is what a reader of the rendered page sees: emphasis, escapes and links
resolved, ``#`` headings, list items and bullet glyphs as bullets, bold words kept, and a
table's rows as label│value cells (``col``/``row``, as a PDF or Word table) — never a line of
``| label | value |`` with its pipes.
"""

from __future__ import annotations

import codecs
import re
from functools import cache
from typing import Any

from avis.errors import EmptyInputError, LimitExceededError, UnsupportedFormatError
from avis.layout import Document, Line, Page, Word
from avis.readers import ReaderSpec

_BULLET = re.compile(r"^\s*(?:[-*+•▪●◦‣–—]|\d{1,2}[.)])\s+(.*)$")
# May not scan past the next opening bracket: "<a<a<a…" on a long line would otherwise make it
# quadratic (a 1 MB line took hours).
_HTML_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
_SAMPLE = 65536


def looks_like_text(data: bytes) -> bool:
    """True when the bytes decode as text in a usual encoding and are mostly printable.

    NUL bytes count as unprintable: a few inside a text are tolerated (and dropped when
    reading), a file full of them is binary (Word's ``~$`` owner files, for one).
    """
    try:
        text = decode(data[:_SAMPLE], strict=True)
    except UnicodeDecodeError:
        return False
    if not text:
        return False
    bad = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    return bad <= len(text) * 0.01


# Lines only program source has: statements and declarations of the usual languages, a quoted
# literal alone on its line (a list in code), a lone bracket. French notices never start a
# line like this (a list item ending in " ;" is no statement: the semicolon rule is left out).
_CODE_LINE = re.compile(
    r"""^\s*(?:
        (?:import|from\s+[\w.]+\s+import|def|class|return|raise|elif|except|try:|finally:
          |async\s+def|yield|lambda|assert|pass$|break$|continue$
          |\#include|\#define|function|var|let|const|public|private|protected|static|package
          |using|namespace|fn|pub|impl|struct|enum|interface|export|require\(|module\.exports
        )\b
      | @\w[\w.]*(?:\(.*\))?\s*$
      | [rbuf]{0,2}(?:"[^"]*"|'[^']*')\s*[,:+)\]}]?\s*$
      | (?:"[\w.-]*"|'[\w.-]*')\s*:\s*\S
      | [\])}]+[,;)]*\s*$
      | .*[{(\[]\s*$
      | \w+(?:\.\w+)+\(.*
      | [\w.\[\]]+\s*(?::\s*[\w.\[\], |]+)?\s*[-+*/|]?=\s*\S
      | (?:if|for|while|with)\b.*:\s*$
    )""",
    re.VERBOSE,
)


def source_code_kind(text: str) -> str | None:
    """Why ``text`` reads as program source rather than a document (None when it does not):
    a ``#!`` line, or statements on two in five of its first non-blank lines (eight at least).
    A folder of notices often holds the scripts that made them: skipped, never read as notices."""
    if text.startswith("#!"):
        return "a script (it starts with #!)"
    lines = [ln for ln in text.splitlines()[:400] if ln.strip()]
    if len(lines) < 5:
        return None
    code = sum(1 for ln in lines if _CODE_LINE.match(ln))
    if code >= 8 and code * 5 >= len(lines) * 2:
        return f"program source code ({code} of its first {len(lines)} lines are statements)"
    return None


def sniff_text(data: bytes) -> bool:
    """Text in a usual encoding; program source is refused (:class:`UnsupportedFormatError`)."""
    if not looks_like_text(data):
        return False
    why = source_code_kind(decode(data[:_SAMPLE], strict=False))
    if why is not None:
        raise UnsupportedFormatError(
            f"this is {why}, not a notice; if it is a notice, save it as .txt or .md without "
            "code-like lines"
        )
    return True


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when the bytes look like UTF-16 text saved without a BOM.

    Latin text in UTF-16 has a zero high byte in almost every code unit, so NUL bytes crowd
    the odd (little-endian) or even (big-endian) offsets and are rare at the others.
    """
    n = min(len(data), 4096) // 2 * 2
    if n < 4:
        return None
    units = n // 2
    even, odd = data[0:n:2].count(0), data[1:n:2].count(0)
    if odd >= 0.3 * units and even <= 0.05 * units:
        return "utf-16-le"
    if even >= 0.3 * units and odd <= 0.05 * units:
        return "utf-16-be"
    return None


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Decode an invalid byte of a UTF-8 file as Windows-1252 (a file edited in two editors)."""
    assert isinstance(exc, UnicodeDecodeError)
    bad = exc.object[exc.start : exc.end]
    return bytes(bad).decode("cp1252", errors="replace"), exc.end


codecs.register_error("avis-cp1252", _cp1252_fallback)


def decode(data: bytes, strict: bool = False) -> str:
    """Decode by BOM, then UTF-16 without BOM, UTF-8, then Windows-1252 (what old French
    office files use).

    ``strict`` (used to sniff a sample) refuses what does not decode cleanly, but forgives a
    multi-byte character cut by the end of the sample. Otherwise decoding never fails: a UTF-8
    file with a few stray Windows-1252 bytes keeps both (``é`` either way).
    """
    errors = "strict" if strict else "replace"
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    else:
        for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
            if data.startswith(bom):
                return _utf16(data[2:], enc, strict)
        enc16 = _utf16_without_bom(data)
        if enc16 is not None:
            return _utf16(data, enc16, strict)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A truncated multi-byte sequence at the end of a sample is still UTF-8.
        if strict and exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            return data[: exc.start].decode("utf-8")
        if strict and b"\x00" in data[:4096]:
            raise
        if not data[: exc.start].isascii():  # valid UTF-8 accents came first: UTF-8 it is
            return data.decode("utf-8", errors="avis-cp1252")
        return data.decode("cp1252", errors=errors)


def _utf16(data: bytes, encoding: str, strict: bool) -> str:
    if len(data) % 2:
        data = data[:-1]  # a sample (or a truncated file) cut inside a code unit
    if strict:
        text = data.decode(encoding, errors="strict" if len(data) < _SAMPLE - 4 else "replace")
        if text.endswith("\ufffd"):  # only a surrogate pair cut by the sample's end
            text = text[:-1]
        if "\ufffd" in text:
            raise UnicodeDecodeError(encoding, data, 0, len(data), "invalid UTF-16")
        return text
    return data.decode(encoding, errors="replace")


_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\t": " "})
_STRAY_EMPHASIS = re.compile(r"\*\*|__")
_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)


LONG_LINE = 5_000
"""A line longer than this is no notice prose (a paragraph is a few hundred characters): it is
read without the inline rules whose cost grows with the square of the brackets or emphasis marks
on one line ("[[[[…", "**a**a…"), and its markup is stripped by bounded patterns instead."""
_LINK = re.compile(r"\[([^\[\]]*)\]\((?:[^()]|\([^()]*\))*\)")
# Neither pattern may scan past the next opening bracket (quadratic on "[[[[…" otherwise).
_HEAVY_INLINE = ["link", "image", "html_inline", "autolink", "emphasis", "backticks"]


@cache
def _parser(light: bool = False) -> Any:
    """CommonMark with GitHub tables; raw HTML is recognised (then reduced to its text).
    ``light``: without the heavy inline rules (see :data:`LONG_LINE`). Built once per
    process: the parser keeps no state between documents."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": True}).enable("table")
    return parser.disable(_HEAVY_INLINE) if light else parser


class _Builder:
    """Turns markdown-it's token stream into layout lines.

    One line per source line (soft breaks stay line breaks, as the notice printed them),
    ``block`` counting blank-line runs as before, ``#`` headings, list items as bullets (and
    lines opening with a bullet glyph), bold words, and table rows as label│value cells.
    """

    def __init__(self, source_lines: list[str]) -> None:
        self.page = Page(number=1, origin="text")
        self.blocks: list[int] = []
        block = 0
        for raw in source_lines:
            if not raw.strip():
                block += 1
            self.blocks.append(block)
        self.rows = 0

    def _block(self, line_no: int) -> int:
        return self.blocks[min(line_no, len(self.blocks) - 1)] if self.blocks else 0

    def add(
        self,
        words: list[Word],
        line_no: int,
        *,
        heading: int | None = None,
        bullet: bool = False,
        col: int | None = None,
        row: int | None = None,
    ) -> None:
        text = " ".join(w.text for w in words)
        if not text:
            return
        if not bullet and col is None:
            m = _BULLET.match(text)
            if m and m.group(1).strip():
                bullet = True
                rest = m.group(1)
                drop = len(text) - len(rest)
                while words and drop > 0:
                    first = words[0]
                    if len(first.text) + 1 <= drop:
                        drop -= len(first.text) + 1
                        words = words[1:]
                    else:
                        words = [Word(first.text[drop:], bold=first.bold), *words[1:]]
                        drop = 0
                text = " ".join(w.text for w in words)
        if not text:
            return
        self.page.lines.append(
            Line(
                text=text,
                words=words,
                origin="text",
                heading=heading,
                bullet=bullet,
                bold=all(w.bold for w in words),
                col=col,
                row=row,
                block=self._block(line_no),
            )
        )

    def plain(self, content: str, line_no: int, *, html: bool = False) -> None:
        """Code blocks and raw HTML blocks: their text, line by line."""
        if html:
            content = _BREAK_TAG.sub("\n", content)
        for i, raw in enumerate(content.splitlines()):
            text = _HTML_TAG.sub(" ", raw) if html else raw
            self.add(_words(text, False), line_no + i)


def _words(text: str, bold: bool, light: bool = False) -> list[Word]:
    if light:
        text = _HTML_TAG.sub(" ", _LINK.sub(r"\1", text))
    text = _STRAY_EMPHASIS.sub("", text.translate(_SPACES))
    return [Word(text=t, bold=bold, conf=1.0) for t in text.split()]


def _inline_lines(token: Any, light: bool = False) -> list[list[Word]]:
    """An inline token's words, split at its line breaks, with bold marked. Adjacent text
    pieces of the same weight are joined before cleaning (the parser splits text at every
    markup character)."""
    lines: list[list[tuple[str, bool]]] = [[]]
    bold = 0

    def put(text: str) -> None:
        run = lines[-1]
        if run and run[-1][1] == (bold > 0):
            run[-1] = (run[-1][0] + text, run[-1][1])
        else:
            run.append((text, bold > 0))

    for child in token.children or []:
        kind = child.type
        if kind in ("softbreak", "hardbreak"):
            lines.append([])
        elif kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold = max(0, bold - 1)
        elif kind in ("text", "code_inline", "image"):
            put(child.content)
        elif kind == "html_inline":
            if _BREAK_TAG.fullmatch(child.content.strip()):
                lines.append([])
            else:
                put(" ")
    return [[w for text, b in run for w in _words(text, b, light)] for run in lines]


def _cells(
    tokens: list[Any], start: int, light: bool
) -> tuple[list[tuple[list[list[Word]], int]], int]:
    """The cells of the row opening at ``tokens[start]`` and the index after the row."""
    cells: list[tuple[list[list[Word]], int]] = []
    i = start + 1
    while i < len(tokens) and tokens[i].type != "tr_close":
        if tokens[i].type == "inline":
            line_no = (tokens[start].map or [0])[0]
            cells.append((_inline_lines(tokens[i], light), line_no))
        i += 1
    return cells, i + 1


def _text_of(cell: list[list[Word]]) -> str:
    return " ".join(w.text for line in cell for w in line)


def _table_row(
    b: _Builder, cells: list[tuple[list[list[Word]], int]], last: int | None
) -> int | None:
    """Emit one table row; returns the row id a following label-less row continues."""
    texts = [_text_of(c) for c, _ in cells]
    if not any(texts):
        return last
    if len(cells) == 4 and all(texts[i] and len(texts[i]) <= 80 for i in (0, 2)):
        pairs = [(cells[0], cells[1]), (cells[2], cells[3])]
    elif len(cells) == 2:
        pairs = [(cells[0], cells[1])]
    else:
        for cell, line_no in cells:
            for words in cell:
                b.add(words, line_no)
        return None
    row = last
    for (label, line_no), (value, _) in pairs:
        if _text_of(label) or row is None:
            b.rows += 1
            row = b.rows
            for words in label:
                b.add(words, line_no, col=0, row=row)
        for words in value:
            b.add(words, line_no, col=1, row=row)
    return row


def _build(text: str) -> Page:
    source = text.splitlines()
    light = any(len(line) > LONG_LINE for line in source)
    tokens = _parser(light).parse("\n".join(source))
    b = _Builder(source)
    heading: int | None = None
    item_start = False
    last_row: int | None = None
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        kind = tok.type
        if kind == "heading_open":
            heading = int(tok.tag[1:])
        elif kind == "heading_close":
            heading = None
        elif kind == "list_item_open":
            item_start = True
        elif kind == "tr_open":
            cells, i = _cells(tokens, i, light)
            last_row = _table_row(b, cells, last_row)
            continue
        elif kind == "table_close":
            last_row = None
        elif kind in ("code_block", "fence"):
            b.plain(tok.content, (tok.map or [0])[0] + (1 if kind == "fence" else 0))
        elif kind == "html_block":
            b.plain(tok.content, (tok.map or [0])[0], html=True)
        elif kind == "inline":
            first = (tok.map or [0])[0]
            for n, words in enumerate(_inline_lines(tok, light)):
                bullet = item_start and n == 0 and bool(words)
                b.add(words, first + n, heading=heading, bullet=bullet)
                if bullet:
                    item_start = False
        i += 1
    return b.page


def read(data: bytes, options: object = None) -> Document:
    """Read plain text or Markdown into one page of lines (one per non-blank source line)."""
    from avis.readers import CHARS_PER_PAGE, ReadOptions

    text = decode(data).replace("\x00", "")
    if isinstance(options, ReadOptions) and len(text) > 2 * options.max_pages * CHARS_PER_PAGE:
        # Early, on the raw length (markup and blank lines included, hence the margin of 2):
        # the exact check on the read text follows in read_bytes.
        raise LimitExceededError(
            f"the text file holds {len(text):,} characters, more than twice "
            f"{options.max_pages} pages of {CHARS_PER_PAGE:,} characters: over the "
            f"{options.max_pages}-page limit (raise it with --max-pages)"
        )
    if not text.strip():
        raise EmptyInputError(
            "the text file holds only white space; check that it is the right file"
        )
    return Document(format="text", pages=[_build(text)])


READER = ReaderSpec(
    name="text",
    sniff=sniff_text,
    read=read,
    paged=False,
    no_text="the text file holds only white space; check that it is the right file",
)
