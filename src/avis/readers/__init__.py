"""Readers: one module per input kind, each turning bytes into a :class:`~avis.layout.Document`.

The kind is detected from the content (magic bytes, zip members), never from the file name, so a
``.pdf`` that is really a Word file is still read — and an HTML page named ``.pdf`` is refused
with a clear error instead of a library traceback. Each reader module declares a
:class:`ReaderSpec` (``READER``); :data:`READER_MODULES` lists them in sniffing order.
Readers never import extraction or writers.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from avis.errors import (
    AvisError,
    CorruptInputError,
    EmptyInputError,
    LimitExceededError,
    UnsupportedFormatError,
)
from avis.layout import Document

NOTICE_JSON = "notice-json"
"""Not a layout format: the bytes are a Notice already (:mod:`avis.readers.notice_json`); the
pipeline takes it as it is, :func:`read_bytes` reads it as text."""

CHARS_PER_PAGE = 5_000
"""Formats without pages (text, HTML, Word) are held to ``max_pages`` through their length:
a dense A4 page holds 4–5,000 characters, a notice is about three pages. Extraction time grows
with the text, so this bounds it with the limit users already know (``--max-pages``)."""


PDF_ENGINES = ("pdfium", "pdfplumber")
"""What can read a PDF's text layer (:data:`avis.readers.pdf.ENGINES`), the default first."""


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
    pdf_engine: str = PDF_ENGINES[0]
    """What reads a PDF's text layer: ``pdfium`` (fast, the default) or ``pdfplumber`` (the
    pdfminer parse; see :mod:`avis.readers.pdf`)."""


READER_MODULES = (
    "avis.readers.pdf",
    "avis.readers.docx",
    "avis.readers.image",
    "avis.readers.notice_json",
    "avis.readers.html",
    "avis.readers.text",
)
"""Every reader, in the order their sniffing is tried (text last: it takes what is left).
Adding a reader is one module declaring a :class:`ReaderSpec` named ``READER``, plus its name
here. Modules are imported when detection reaches them, so they keep heavy imports lazy."""


@dataclass(frozen=True, slots=True)
class ReaderSpec:
    """What a reader module declares: its name (``SourceInfo.format``), how it recognises its
    bytes, how it reads them, and what to say when it finds no text.

    ``sniff`` looks at the content only (never the file name) and may raise a typed
    :class:`~avis.errors.AvisError` for bytes of its kind it refuses (a legacy ``.doc``, a ZIP
    that is not a Word document). ``paged`` is False for formats without pages, which are held
    to ``max_pages`` through their length (:data:`CHARS_PER_PAGE`).
    """

    name: str
    sniff: Callable[[bytes], bool]
    read: Callable[[bytes, ReadOptions], Document]
    paged: bool
    no_text: str


def reader_specs() -> Iterator[ReaderSpec]:
    """The readers in sniffing order, each module imported when reached."""
    for module in READER_MODULES:
        spec = importlib.import_module(module).READER
        assert isinstance(spec, ReaderSpec), module
        yield spec


def get_reader(name: str) -> ReaderSpec:
    """The reader registered under ``name`` (as :func:`detect_format` returns it)."""
    for spec in reader_specs():
        if spec.name == name:
            return spec
    raise UnsupportedFormatError(f"no reader named {name!r}")


def _sniff(data: bytes) -> ReaderSpec:
    if not data:
        raise EmptyInputError(
            "the file is empty (0 bytes); check that it was saved, copied or downloaded completely"
        )
    if not data.strip(b"\x00"):
        raise EmptyInputError(
            f"the file holds only zero bytes ({len(data):,} NUL bytes): it was not written or "
            "copied completely; get a fresh copy"
        )
    for spec in reader_specs():
        if spec.sniff(data):
            return spec
    raise UnsupportedFormatError(
        "unrecognised binary content: avis reads PDF, DOCX, images (PNG, JPEG, TIFF, GIF, BMP, "
        "WebP), HTML and text; save the notice in one of those formats"
    )


def detect_format(data: bytes) -> str:
    """Name the reader for these bytes (``pdf``, ``docx``, ``image``, ``html``, ``text``…)."""
    return _sniff(data).name


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


def read_bytes(data: bytes, options: ReadOptions | None = None, fmt: str | None = None) -> Document:
    """Read a whole file's bytes into the layout model, raising only :class:`AvisError`."""
    options = options or ReadOptions()
    check_size(data, options)
    reader = get_reader(fmt) if fmt else _sniff(data)
    fmt = reader.name
    try:
        doc = reader.read(data, options)
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
    if not reader.paged:
        check_text_size(sum(len(line.text) for line in doc.lines()), options, f"{fmt} file")
    if not any(line.text.strip() for line in doc.lines()):
        raise EmptyInputError(reader.no_text)
    return doc


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
