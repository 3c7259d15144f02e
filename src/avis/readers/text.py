"""Plain text and Markdown notices (web text, converter output such as marker's).

Markdown structure becomes layout hints: ``#`` headings, ``-``/``*``/``•`` bullets, whole-line
bold. Emphasis marks and backslash escapes are removed from the text so that extraction sees
what a reader of the rendered page sees.
"""

from __future__ import annotations

import bisect
import codecs
import re

from avis.errors import EmptyInputError, LimitExceededError
from avis.layout import Document, Line, Page, Word
from avis.readers import ReaderSpec

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_BULLET = re.compile(r"^\s*(?:[-*+•▪●◦‣–—]|\d{1,2}[.)])\s+(.*)$")
_EMPHASIS = re.compile(r"(\*\*|__)")
_SINGLE_STAR = re.compile(r"(?<![\w\\])\*(?=\S)|(?<=\S)(?<!\\)\*(?!\w)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
# Neither pattern may scan past the next opening bracket: "[[[[…" or "<a<a<a…" on a long line
# would otherwise make them quadratic (a 1 MB line took hours).
_LINK = re.compile(r"\[([^\[\]]*)\]\((?:[^()]|\([^()]*\))*\)")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
_WORD = re.compile(r"\S+")
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


def _clean_segment(text: str) -> str:
    text = _LINK.sub(r"\1", text)
    text = _HTML_TAG.sub(" ", text)
    text = _SINGLE_STAR.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    return text.replace("\u00a0", " ").replace("\u202f", " ").replace("\t", " ")


def clean_inline(text: str) -> tuple[str, list[Word]]:
    """Remove Markdown emphasis, links and escapes; keep which words were bold.

    Bold matters: converters mark header labels bold, which tells a label printed mid-line
    ("… **Direction** Télécom") from the same word inside a value ("Direction générale").
    A word is bold when its first character is (a word can straddle an emphasis mark).
    """
    pieces: list[str] = []
    starts: list[int] = []  # where each cleaned segment starts in the joined text
    bolds: list[bool] = []
    at = 0
    for i, segment in enumerate(_EMPHASIS.split(text)):
        if segment in ("**", "__"):
            continue
        cleaned = _clean_segment(segment)
        if cleaned:
            pieces.append(cleaned)
            starts.append(at)
            bolds.append((i // 2) % 2 == 1)
            at += len(cleaned)
    joined = "".join(pieces)
    words = [
        Word(text=m.group(), bold=bolds[bisect.bisect_right(starts, m.start()) - 1], conf=1.0)
        for m in _WORD.finditer(joined)
    ]
    return " ".join(w.text for w in words), words


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
    page = Page(number=1, origin="text")
    block = 0
    for raw in text.splitlines():
        if not raw.strip():
            block += 1
            continue
        heading = None
        bullet = False
        m = _HEADING.match(raw)
        if m:
            heading = len(m.group(1))
            raw = m.group(2)
        m = _BULLET.match(raw)
        if m:
            bullet = True
            raw = m.group(1)
        clean, words = clean_inline(raw)
        if not clean:
            continue
        page.lines.append(
            Line(
                text=clean,
                words=words,
                origin="text",
                heading=heading,
                bullet=bullet,
                bold=all(w.bold for w in words),
                block=block,
            )
        )
    return Document(format="text", pages=[page])


READER = ReaderSpec(
    name="text",
    sniff=looks_like_text,
    read=read,
    paged=False,
    no_text="the text file holds only white space; check that it is the right file",
)
