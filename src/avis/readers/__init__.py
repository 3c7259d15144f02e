"""Readers: one module per input kind, each turning bytes into a :class:`~avis.layout.Document`.

The kind is detected from the content (magic bytes, zip members), never from the file name, so a
``.pdf`` that is really a Word file is still read — and an HTML page named ``.pdf`` is refused
with a clear error instead of a library traceback.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from avis.errors import (
    AvisError,
    CorruptInputError,
    EmptyInputError,
    LimitExceededError,
    UnsupportedFormatError,
)
from avis.layout import Document

FORMATS = ("pdf", "docx", "image", "html", "text")

NOTICE_JSON = "notice-json"
"""Not a layout format: the bytes are a Notice already (:mod:`avis.readers.notice_json`)."""

CHARS_PER_PAGE = 5_000
"""Formats without pages (text, HTML, Word) are held to ``max_pages`` through their length:
a dense A4 page holds 4–5,000 characters, a notice is about three pages. Extraction time grows
with the text, so this bounds it with the limit users already know (``--max-pages``)."""


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Knobs every reader honours; defaults suit a folder of ordinary notices."""

    password: str | None = None
    max_bytes: int = 200 * 1024 * 1024
    max_pages: int = 200
    max_pixels: int = 180_000_000
    ocr: bool = True
    ocr_lang: str = "fra"
    ocr_dpi: int = 300
    ocr_threads: int = 1
    """Pages of one document OCR'd at a time (Tesseract processes): the cores for a single
    document (``avis parse``); 1 in a batch, whose worker processes already use them."""


_IMAGE_MAGIC = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"II*\x00",
    b"MM\x00*",
    b"GIF87a",
    b"GIF89a",
    b"BM",
)


_ENCRYPTED_OOXML = "EncryptedPackage".encode("utf-16-le")
"""A password-protected .docx is an OLE container holding this stream, not a zip."""


def detect_format(data: bytes) -> str:
    """Name the reader for these bytes: ``pdf``, ``docx``, ``image``, ``html``, ``text`` or
    ``notice-json``."""
    if not data:
        raise EmptyInputError(
            "the file is empty (0 bytes); check that it was saved, copied or downloaded completely"
        )
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        from avis.readers._ooxml import check_member_count

        check_member_count(data)  # before zipfile builds an entry per member
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = set(zf.namelist())
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            raise CorruptInputError(
                f"the file is a damaged ZIP archive ({exc}); ask for a new copy or re-save it "
                "from Word"
            ) from exc
        if "word/document.xml" in names or any(n.startswith("word/") for n in names):
            return "docx"
        raise UnsupportedFormatError(
            "the file is a ZIP archive but not a Word document (no word/document.xml); "
            "unzip it and convert the notices inside"
        )
    if head.startswith(_IMAGE_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return "image"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        if _ENCRYPTED_OOXML in data:
            from avis.errors import PasswordRequiredError

            raise PasswordRequiredError(
                "the Word document is password-protected (encrypted); open it in Word, remove "
                "the password (File > Info > Protect Document) and save it again"
            )
        raise UnsupportedFormatError(
            "this is an old binary Word/Office file (.doc); save it as .docx or PDF first"
        )
    if not data.strip(b"\x00"):
        raise EmptyInputError(
            f"the file holds only zero bytes ({len(data):,} NUL bytes): it was not written or "
            "copied completely; get a fresh copy"
        )
    from avis.readers.html import looks_like_html
    from avis.readers.notice_json import looks_like_notice_json
    from avis.readers.text import looks_like_text

    if looks_like_notice_json(data):
        return NOTICE_JSON
    if looks_like_text(data):
        return "html" if looks_like_html(data) else "text"
    raise UnsupportedFormatError(
        "unrecognised binary content: avis reads PDF, DOCX, images (PNG, JPEG, TIFF, GIF, BMP, "
        "WebP), HTML and text; save the notice in one of those formats"
    )


def check_text_size(chars: int, options: ReadOptions, what: str) -> None:
    """Refuse a page-less document longer than ``max_pages`` pages of text (see
    :data:`CHARS_PER_PAGE`)."""
    limit = options.max_pages * CHARS_PER_PAGE
    if chars > limit:
        pages = -(-chars // CHARS_PER_PAGE)
        raise LimitExceededError(
            f"the {what} holds {chars:,} characters, about {pages:,} pages of "
            f"{CHARS_PER_PAGE:,} characters: over the {options.max_pages}-page limit "
            "(raise it with --max-pages)"
        )


def _reader(fmt: str) -> Callable[[bytes, ReadOptions], Document]:
    if fmt == "pdf":
        from avis.readers.pdf import read
    elif fmt == "docx":
        from avis.readers.docx import read
    elif fmt == "image":
        from avis.readers.image import read
    elif fmt == "html":
        from avis.readers.html import read
    else:
        from avis.readers.text import read
    return read


def read_bytes(data: bytes, options: ReadOptions | None = None, fmt: str | None = None) -> Document:
    """Read a whole file's bytes into the layout model, raising only :class:`AvisError`."""
    options = options or ReadOptions()
    check_size(data, options)
    fmt = fmt or detect_format(data)
    try:
        doc = _reader(fmt)(data, options)
    except AvisError:
        raise
    except MemoryError as exc:
        raise LimitExceededError(
            f"reading this {fmt} file needs more memory than is available; convert it alone, "
            "or lower --max-pages / --max-mb to refuse such files early"
        ) from exc
    except RecursionError as exc:
        raise CorruptInputError(
            f"the {fmt} file is nested too deeply to read (damaged or hostile); re-save it "
            "from the application that made it"
        ) from exc
    except Exception as exc:  # a library's own error on a damaged file
        raise CorruptInputError(
            f"the {fmt} file could not be decoded ({type(exc).__name__}: {_short(exc)}); it is "
            "damaged: ask for a new copy or re-save it from the application that made it"
        ) from exc
    if fmt in ("text", "html", "docx"):
        check_text_size(sum(len(line.text) for line in doc.lines()), options, f"{fmt} file")
    if not any(line.text.strip() for line in doc.lines()):
        raise EmptyInputError(_NO_TEXT.get(fmt, f"no text found in this {fmt} file"))
    return doc


_NO_TEXT = {
    "html": "no text found in this HTML page (only scripts, styles or markup); check that it is "
    "the notice and not an error or login page, or save the notice as PDF",
    "pdf": "no text found in this PDF; if it is a scan, turn OCR on (--ocr) and install "
    "Tesseract, else check that it is the right file",
    "docx": "no text found in this Word document; check that it is the right file",
    "text": "the text file holds only white space; check that it is the right file",
}


def _short(exc: BaseException, limit: int = 200) -> str:
    text = str(exc)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_size(data: bytes, options: ReadOptions) -> None:
    """The ``max_bytes`` limit, checked before anything looks inside the file."""
    if len(data) > options.max_bytes:
        raise LimitExceededError(
            f"the file is {len(data):,} bytes, over the {options.max_bytes:,}-byte limit "
            f"({options.max_bytes / 1024 / 1024:g} MB; raise it with --max-mb)"
        )
