"""Bytes in, Notice out: the one path every command (parse, eval, convert) goes through."""

from __future__ import annotations

import hashlib
from pathlib import Path

from avis.extract import extract_notice
from avis.layout import Document
from avis.model import Notice, SourceInfo
from avis.readers import ReadOptions, detect_format, read_bytes


def parse_bytes(data: bytes, name: str | None = None, options: ReadOptions | None = None) -> Notice:
    """Read and extract one notice; raises only :class:`avis.errors.AvisError`."""
    fmt = detect_format(data)
    doc = read_bytes(data, options, fmt=fmt)
    source = SourceInfo(
        file=name,
        sha256=hashlib.sha256(data).hexdigest(),
        format=fmt,
        pages=len(doc.pages),
        size=len(data),
    )
    return extract_notice(doc, source)


def parse_path(path: str | Path, options: ReadOptions | None = None) -> Notice:
    path = Path(path)
    from avis.errors import AvisError

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise AvisError(f"cannot read the file: {exc.strerror or exc}", path=str(path)) from exc
    try:
        return parse_bytes(data, path.name, options)
    except AvisError as exc:
        exc.path = exc.path or str(path)
        raise


def read_document(data: bytes, options: ReadOptions | None = None) -> Document:
    return read_bytes(data, options)
