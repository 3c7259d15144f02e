"""Bytes in, Notice out: the one path every command (parse, eval, convert) goes through.

readers → layout → extract → enrich; a Notice JSON input skips straight to enrich.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from avis.corrections import apply_sidecar
from avis.errors import AvisError, InternalError, LimitExceededError
from avis.extract import extract_notice
from avis.files import shown
from avis.layout import Document
from avis.model import Notice, SourceInfo
from avis.readers import NOTICE_JSON, ReadOptions, check_size, detect_format, read_bytes

if TYPE_CHECKING:
    from avis.settings import Settings


def parse_bytes(
    data: bytes,
    name: str | None = None,
    options: ReadOptions | None = None,
    settings: Settings | None = None,
) -> Notice:
    """Read, extract and enrich one notice; raises only :class:`avis.errors.AvisError`."""
    return parse_document(data, name, options, settings)[1]


def parse_document(
    data: bytes,
    name: str | None = None,
    options: ReadOptions | None = None,
    settings: Settings | None = None,
    *,
    input_path: Path | None = None,
) -> tuple[Document, Notice]:
    """Read and extract one notice, keeping the layout (for ALTO and other page-level output).

    Readers translate their libraries' errors themselves; anything else that escapes (a bug in
    avis) becomes an :class:`~avis.errors.InternalError` naming the exception, so one odd file
    never stops a batch or prints a traceback. ``input_path``: the file the bytes came from;
    a reviewer's ``NAME.corrections.json`` beside it is applied over extraction.
    """
    from avis.enrich import enrich
    from avis.settings import Settings

    options = options or ReadOptions()
    settings = settings or Settings()
    try:
        check_size(data, options)
        fmt = detect_format(data)
        if fmt == NOTICE_JSON:
            from avis.readers.notice_json import read_notice

            return Document(format=fmt), enrich(read_notice(data), settings.enrich_options())
        doc = read_bytes(data, options, fmt=fmt)
        source = SourceInfo(
            file=shown(name) if name is not None else None,  # a Latin-1 name is no UTF-8
            sha256=hashlib.sha256(data).hexdigest(),
            format=fmt,
            pages=len(doc.pages),
            size=len(data),
        )
        notice = boxes_as_stored(extract_notice(doc, source, settings.lexicon), doc)
        if input_path is not None:
            notice = apply_sidecar(notice, Path(input_path))
        return doc, enrich(notice, settings.enrich_options())
    except AvisError:
        raise
    except MemoryError as exc:
        raise LimitExceededError(
            "this file needs more memory than is available; convert it alone, or lower "
            "--max-pages / --max-mb to refuse such files early"
        ) from exc
    except Exception as exc:
        raise InternalError(
            f"avis failed on this file ({type(exc).__name__}: {str(exc)[:200]}); this is a "
            "bug: please report it with the file"
        ) from exc


def parse_path(
    path: str | Path, options: ReadOptions | None = None, settings: Settings | None = None
) -> Notice:
    """Parse one file; its limits are checked from ``stat`` before it is read (a FIFO, a
    device or a huge sparse file is refused, never read): see :mod:`avis.files`."""
    from avis.files import read_input

    path = Path(path)
    options = options or ReadOptions()
    data = read_input(path, options.max_bytes)
    try:
        return parse_bytes(data, shown(path.name), options, settings)
    except AvisError as exc:
        exc.path = exc.path or shown(path)
        raise


def boxes_as_stored(notice: Notice, doc: Document) -> Notice:
    """Provenance boxes in the frame of each page as stored: a page OCR read after turning it
    (scanned sideways) has its boxes turned back, so they land on the scan people look at."""
    from avis.layout.frames import to_stored_frame

    turned = {page.number: page for page in doc.pages if page.turned}
    if not turned:
        return notice
    for prov in notice.provenance.values():
        page = turned.get(prov.page) if prov.page is not None else None
        if page is not None and prov.bbox is not None:
            prov.bbox = to_stored_frame(prov.bbox, page)
    return notice
