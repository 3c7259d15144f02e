"""Writers: one module per output format, looked up by name.

The registry is the explicit tuple :data:`WRITERS` — no import-time registration side effects,
so the set of formats is visible in one place and the same in every process. Each writer is a
class with ``name``, ``extension``, ``media_type``, ``many`` (one file for many notices),
``schemas``, ``sniff`` and ``validate`` (see :class:`avis.writers.base.Format`) and
``render(notices, *, options) -> bytes``; single-notice writers take a one-element list.
Every writer checks its own output against the format's schema before returning it
(``WriterOptions.validate``), so an invalid file is an error, not a surprise downstream.
Adding a format: its module, plus one line here.
"""

from __future__ import annotations

from collections.abc import Sequence

from avis.errors import UsageError
from avis.model import Notice
from avis.writers.alto import AltoFormat
from avis.writers.base import Format, Writer, WriterOptions
from avis.writers.csv_table import CsvWriter
from avis.writers.dublin_core import DublinCoreWriter
from avis.writers.feed import FeedWriter
from avis.writers.hropen import HrOpenWriter
from avis.writers.jsonld import JsonLdWriter
from avis.writers.native_json import JsonWriter
from avis.writers.native_xml import XmlWriter

__all__ = [
    "FORMATS",
    "WRITERS",
    "Format",
    "Writer",
    "WriterOptions",
    "get_format",
    "get_writer",
    "render",
    "writer_names",
]

WRITERS: tuple[type[Writer], ...] = (
    JsonWriter,
    JsonLdWriter,
    HrOpenWriter,
    XmlWriter,
    FeedWriter,
    CsvWriter,
    DublinCoreWriter,
)

FORMATS: tuple[type[Format], ...] = (*WRITERS, AltoFormat)
"""Every output avis recognises and validates: the writers, and ALTO pages."""

_BY_NAME: dict[str, type[Writer]] = {w.name: w for w in WRITERS}


def writer_names() -> list[str]:
    """The names ``--to`` accepts, in registry order."""
    return [w.name for w in WRITERS]


def get_writer(name: str) -> Writer:
    """A writer instance by name; an unknown name is a UsageError listing the known ones."""
    try:
        return _BY_NAME[name.strip().lower()]()
    except KeyError:
        raise UsageError(
            f"unknown output format {name!r}; known formats: {', '.join(writer_names())}"
        ) from None


def get_format(name: str) -> type[Format]:
    """An output format (writer or ALTO) by name; UsageError listing the known ones."""
    for fmt in FORMATS:
        if fmt.name == name.strip().lower():
            return fmt
    known = ", ".join(f.name for f in FORMATS)
    raise UsageError(f"unknown output kind {name!r}; known kinds: {known}")


def render(name: str, notices: Sequence[Notice], options: WriterOptions | None = None) -> bytes:
    """Shortcut: ``get_writer(name).render(notices, options=options or WriterOptions())``."""
    return get_writer(name).render(notices, options=options or WriterOptions())
