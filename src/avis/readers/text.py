"""Plain text and Markdown notices (web text, converter output such as marker's).

Markdown structure becomes layout hints: ``#`` headings, ``-``/``*``/``•`` bullets, whole-line
bold. Emphasis marks and backslash escapes are removed from the text so that extraction sees
what a reader of the rendered page sees.
"""

from __future__ import annotations

import codecs
import re

from avis.errors import EmptyInputError
from avis.layout import Document, Line, Page, Word

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_BULLET = re.compile(r"^\s*(?:[-*+•▪●◦‣–—]|\d{1,2}[.)])\s+(.*)$")
_EMPHASIS = re.compile(r"(\*\*|__)")
_SINGLE_STAR = re.compile(r"(?<![\w\\])\*(?=\S)|(?<=\S)(?<!\\)\*(?!\w)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def looks_like_text(data: bytes) -> bool:
    """True when the bytes decode as text in a usual encoding and are mostly printable."""
    try:
        text = decode(data[:65536], strict=True)
    except UnicodeDecodeError:
        return False
    if not text:
        return False
    bad = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\x00")
    return bad <= len(text) * 0.01


def decode(data: bytes, strict: bool = False) -> str:
    """Decode by BOM, then UTF-8, then Windows-1252 (what old French office files use)."""
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(enc, errors="strict" if strict else "replace")
    if len(data) >= 4 and data[1:4:2] == b"\x00\x00" and data[0] and data[2]:
        return data.decode("utf-16-le", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A truncated multi-byte sequence at the end of a sample is still UTF-8.
        if strict and exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            return data[: exc.start].decode("utf-8")
        if b"\x00" in data[:4096]:
            raise
        return data.decode("cp1252", errors="strict" if strict else "replace")


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
    """
    chars: list[str] = []
    mask: list[bool] = []
    for i, segment in enumerate(_EMPHASIS.split(text)):
        if segment in ("**", "__"):
            continue
        bold = (i // 2) % 2 == 1
        cleaned = _clean_segment(segment)
        chars.extend(cleaned)
        mask.extend([bold] * len(cleaned))
    words: list[Word] = []
    current: list[str] = []
    current_bold: list[bool] = []
    for ch, b in zip([*chars, " "], [*mask, False], strict=True):
        if ch.isspace():
            if current:
                words.append(Word(text="".join(current), bold=current_bold[0], conf=1.0))
                current, current_bold = [], []
        else:
            current.append(ch)
            current_bold.append(b)
    return " ".join(w.text for w in words), words


def read(data: bytes, options: object = None) -> Document:
    text = decode(data).replace("\x00", "")
    if not text.strip():
        raise EmptyInputError("the text file holds only white space")
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
