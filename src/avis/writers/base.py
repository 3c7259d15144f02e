"""What every writer shares: the options it honours and the shape the registry expects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Protocol

from avis.errors import OutputValidationError, UsageError
from avis.model import Notice


@dataclass(frozen=True, slots=True)
class WriterOptions:
    """Knobs the writers honour; the defaults give valid, reproducible output.

    ``today`` and ``generated_at`` exist so a feed or a status code can be rebuilt exactly
    (tests, re-runs); when absent, "today" is taken in the notice's own time zone
    (New Caledonia is UTC+11), not the server's.
    """

    today: dt.date | None = None
    generated_at: dt.datetime | None = None
    include_expired: bool = False
    bom: bool = False
    base_url: str | None = None
    publisher: str = "avis"
    publisher_url: str | None = None
    country: str | None = None
    """ISO 3166 code used when neither the location nor the employer names a known place."""
    validate: bool = True
    """Check each document against its schema before returning it (OutputValidationError)."""
    csv_guard_formulas: bool = True
    """Prefix ``'`` to CSV cells starting with = + - @ so spreadsheets do not run them."""


class Writer(Protocol):
    """One output format. Single-notice writers (``many`` false) take a one-element list."""

    name: ClassVar[str]
    extension: ClassVar[str]
    media_type: ClassVar[str]
    many: ClassVar[bool]
    description: ClassVar[str]

    def render(self, notices: Sequence[Notice], *, options: WriterOptions) -> bytes: ...


def single(notices: Sequence[Notice], writer: str) -> Notice:
    """The one notice a single-notice writer was given; several is the caller's mistake."""
    if len(notices) != 1:
        raise UsageError(
            f"the {writer} writer writes one notice per file and was given {len(notices)}; "
            "call it once per notice"
        )
    return notices[0]


def check_output(data: bytes, kind: str, options: WriterOptions, what: str) -> bytes:
    """Validate ``data`` against its schema when asked; raise with every problem found."""
    if options.validate:
        from avis.validate import validate_output

        problems = validate_output(data, kind)
        if problems:
            shown = "; ".join(problems[:5])
            more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
            raise OutputValidationError(f"the {kind} output for {what} is invalid: {shown}{more}")
    return data


def describe(notice: Notice) -> str:
    """A short handle for messages: the reference, else the source file, else the title."""
    if notice.reference.id:
        return f"notice {notice.reference.id}"
    if notice.source.file:
        return f"notice from {notice.source.file}"
    if notice.title:
        return f"notice {notice.title[:60]!r}"
    return "a notice with no reference"
