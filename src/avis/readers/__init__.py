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

from avis.errors import AvisError, CorruptInputError, EmptyInputError, LimitExceededError
from avis.layout import Document

FORMATS = ("pdf", "docx", "image", "html", "text")


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


_IMAGE_MAGIC = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"II*\x00",
    b"MM\x00*",
    b"GIF87a",
    b"GIF89a",
    b"BM",
)


def detect_format(data: bytes) -> str:
    """Name the reader for these bytes: ``pdf``, ``docx``, ``image``, ``html`` or ``text``."""
    if not data:
        raise EmptyInputError("the file is empty (0 bytes)")
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = set(zf.namelist())
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise CorruptInputError(f"the file is a damaged ZIP archive ({exc})") from exc
        if "word/document.xml" in names or any(n.startswith("word/") for n in names):
            return "docx"
        from avis.errors import UnsupportedFormatError

        raise UnsupportedFormatError(
            "the file is a ZIP archive but not a Word document (no word/document.xml); "
            "unzip it and convert the notices inside"
        )
    if head.startswith(_IMAGE_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP"):
        return "image"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        from avis.errors import UnsupportedFormatError

        raise UnsupportedFormatError(
            "this is an old binary Word/Office file (.doc); save it as .docx or PDF first"
        )
    from avis.readers.html import looks_like_html
    from avis.readers.text import looks_like_text

    if looks_like_text(data):
        return "html" if looks_like_html(data) else "text"
    from avis.errors import UnsupportedFormatError

    raise UnsupportedFormatError(
        "unrecognised binary content: avis reads PDF, DOCX, images (PNG, JPEG, TIFF) and text"
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
    if len(data) > options.max_bytes:
        raise LimitExceededError(
            f"the file is {len(data):,} bytes, over the {options.max_bytes:,}-byte limit "
            "(raise it with --max-bytes)"
        )
    fmt = fmt or detect_format(data)
    try:
        doc = _reader(fmt)(data, options)
    except AvisError:
        raise
    except MemoryError as exc:
        raise LimitExceededError("the file needs more memory than is available") from exc
    except RecursionError as exc:
        raise CorruptInputError(f"the {fmt} file is nested too deeply to read") from exc
    except Exception as exc:  # a library's own error on a damaged file
        raise CorruptInputError(
            f"the {fmt} file could not be decoded ({type(exc).__name__}: {exc})"
        ) from exc
    if not any(line.text.strip() for line in doc.lines()):
        raise EmptyInputError(f"no text found in this {fmt} file")
    return doc
