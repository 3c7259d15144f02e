"""``csv``: one row per notice, for archivists' spreadsheets.

* Columns: the notice's JSON paths (``reference.id``, ``title``, …, ``source.sha256``), in the
  fixed order of :data:`COLUMNS` — new columns are only ever appended.
* List fields hold one item per line inside the cell (the cell is quoted): a spreadsheet with
  "wrap text" shows them as the notice printed them, and items themselves hold commas, pipes
  and semicolons far more often than line breaks. ``extra`` is ``key: value`` lines, warnings
  ``code [field]: message`` lines. Provenance is not in the table (use json or xml).
* Dates ISO 8601, booleans ``true``/``false``, empty cell for a missing value.
* UTF-8, RFC 4180 (CRLF between rows, ``"`` doubled); ``WriterOptions.bom`` adds the UTF-8 BOM
  Excel needs to guess the encoding.
* ``WriterOptions.csv_guard_formulas`` (on by default) prefixes ``'`` to a cell starting with
  ``= + - @``, tab or CR, so a spreadsheet does not run text from a notice as a formula (OWASP
  "CSV injection"). This is the one change made to the text; turn it off for machine use.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Sequence
from typing import ClassVar

from avis.model import Notice
from avis.writers.base import Probe, WriterOptions, check_output
from avis.writers.schemas import PublishedSchema, strip_bom


def _s(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return value.isoformat()  # type: ignore[no-any-return]
    return str(value)


def _lines(values: list[str]) -> str:
    return "\n".join(values)


def _get(path: str) -> Callable[[Notice], str]:
    head, _, tail = path.partition(".")

    def get(notice: Notice) -> str:
        value = getattr(notice, head)
        if tail:
            value = getattr(value, tail)
        return _lines(value) if isinstance(value, list) else _s(value)

    return get


_PATHS = (
    "reference.id",
    "reference.date",
    "reference.raw",
    "title",
    "employer",
    "corps",
    "direction",
    "service",
    "location",
    "job",
    "residence_requirement",
    "start.raw",
    "start.immediate",
    "start.date",
    "posted_on",
    "deadline",
    "positions",
    "description",
    "missions",
    "activities",
    "secondary_activities",
    "knowledge",
    "know_how",
    "behaviours",
    "conditions",
    "organisation.unit",
    "organisation.supervisor",
    "organisation.org_chart_position",
    "organisation.staff_direct",
    "organisation.staff_indirect",
    "contact.name",
    "contact.email",
    "contact.phone",
    "contact.address",
    "contact.how_to_apply",
)


def _extra(notice: Notice) -> str:
    return _lines([f"{k}: {v}" for k, v in notice.extra.items()])


def _warnings(notice: Notice) -> str:
    return _lines(
        [
            f"{w.code} [{w.field}]: {w.message}" if w.field else f"{w.code}: {w.message}"
            for w in notice.warnings
        ]
    )


#: (header, getter) in the order the columns appear.
COLUMNS: tuple[tuple[str, Callable[[Notice], str]], ...] = (
    *((p, _get(p)) for p in _PATHS),
    ("extra", _extra),
    ("source.file", _get("source.file")),
    ("source.sha256", _get("source.sha256")),
    ("source.format", _get("source.format")),
    ("source.pages", _get("source.pages")),
    ("source.size", _get("source.size")),
    ("warnings", _warnings),
    ("place.country", lambda n: _s(n.place.country)),
    ("place.localities", lambda n: _lines([t.name for t in n.place.localities])),
    ("place.time_zone", lambda n: _s(n.place.time_zone)),
    ("employment", lambda n: ", ".join(k for k, v in n.employment if v)),
    ("diplomas", lambda n: _lines(n.diplomas)),
)

HEADER: tuple[str, ...] = tuple(name for name, _ in COLUMNS)
_SURROGATE = re.compile("[\ud800-\udfff]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def row(notice: Notice, *, guard: bool = True) -> list[str]:
    """The notice's cells, in :data:`HEADER` order."""
    cells = [get(notice) for _, get in COLUMNS]
    if guard:
        cells = ["'" + c if c.startswith(_FORMULA_START) else c for c in cells]
    return cells


def table_problems(data: bytes) -> list[str]:
    """Problems of a CSV file against avis's column list (``row N: what``)."""
    try:
        text = strip_bom(data).decode("utf-8")
    except UnicodeDecodeError as exc:
        return [f"byte {exc.start}: not UTF-8"]
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows:
        return ["the file is empty (no header row)"]
    problems = []
    if tuple(rows[0]) != HEADER:
        problems.append("row 1: the header is not avis's column list (see avis.writers.csv_table)")
    for number, cells in enumerate(rows[1:], start=2):
        if len(cells) != len(HEADER):
            problems.append(f"row {number}: {len(cells)} cells, expected {len(HEADER)}")
    return problems


class CsvWriter:
    """One CSV row per notice (UTF-8, optional BOM); many notices → one file."""

    name: ClassVar[str] = "csv"
    extension: ClassVar[str] = ".csv"
    media_type: ClassVar[str] = "text/csv"
    many: ClassVar[bool] = True
    binary: ClassVar[bool] = False
    description: ClassVar[str] = "CSV table, one row per notice (lists one item per line)"
    schemas: ClassVar[tuple[PublishedSchema, ...]] = ()
    """No published schema: the column list (HEADER) is the contract."""

    @staticmethod
    def sniff(probe: Probe) -> bool:
        return probe.first_line is not None and probe.first_line.startswith(HEADER[0] + ",")

    @staticmethod
    def validate(data: bytes) -> list[str]:
        return table_problems(data)

    def render(self, notices: Sequence[Notice], *, options: WriterOptions) -> bytes:
        buffer = io.StringIO(newline="")
        out = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        out.writerow(HEADER)
        for notice in notices:
            out.writerow(row(notice, guard=options.csv_guard_formulas))
        # Lone surrogates cannot be UTF-8: shown as U+FFFD (only the xml writer keeps them).
        data = _SURROGATE.sub("\ufffd", buffer.getvalue()).encode("utf-8")
        if options.bom:
            data = b"\xef\xbb\xbf" + data
        return check_output(data, self, options, f"a table of {len(notices)} notice(s)")
