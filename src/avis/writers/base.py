"""What every writer shares: the options it honours and the shape the registry expects.

A format is one module: its class declares name, extension, media type, the schemas it is
checked against (``schemas``), how to recognise its output (``sniff``) and how to check it
(``validate``). :mod:`avis.validate` and ``avis schema`` read all of that from the registry,
so adding a format touches its module and one line of :data:`avis.writers.WRITERS`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from avis.errors import AvisError, OutputValidationError, UsageError
from avis.model import Notice
from avis.writers.schemas import PublishedSchema, strip_bom

if TYPE_CHECKING:
    from avis.settings import Settings


@dataclass(frozen=True, slots=True)
class WriterOptions:
    """Knobs the writers honour; the defaults give valid, reproducible output.

    ``today`` and ``generated_at`` exist so a feed or a status code can be rebuilt exactly
    (tests, re-runs); when absent, "today" is taken in the notice's own time zone, not the
    server's. Where the notice is comes from the notice (``notice.place``, set by the enrich
    stage), never from here.
    """

    today: dt.date | None = None
    generated_at: dt.datetime | None = None
    include_expired: bool = False
    bom: bool = False
    base_url: str | None = None
    publisher: str = "avis"
    publisher_url: str | None = None
    logo: str | None = None
    """URL of the hiring organisation's logo (JSON-LD ``hiringOrganization.logo``)."""
    validate: bool = True
    """Check each document against its schema before returning it (OutputValidationError)."""
    csv_guard_formulas: bool = True
    """Prefix ``'`` to CSV cells starting with = + - @ so spreadsheets do not run them."""

    @classmethod
    def from_settings(cls, settings: Settings, **options: Any) -> WriterOptions:
        """Writer options from the user's settings (avis.toml, CLI), plus per-run ``options``."""
        values: dict[str, Any] = {
            "base_url": settings.base_url,
            "publisher_url": settings.publisher_url,
            "logo": settings.logo,
        }
        if settings.publisher:
            values["publisher"] = settings.publisher
        return cls(**(values | options))


@dataclass(frozen=True, slots=True)
class Probe:
    """Bytes looked into once, for every format's ``sniff``."""

    data: bytes
    json: Any = None
    """The parsed JSON value, when the bytes are JSON."""
    xml_root: Any = None
    """The root element, when the bytes are well-formed, safe XML."""
    first_line: str | None = None
    """The first line, when the bytes are UTF-8 text."""

    @classmethod
    def of(cls, data: bytes) -> Probe:
        body = strip_bom(data).lstrip()
        if body.startswith((b"{", b"[")):
            try:
                return cls(data, json=json.loads(body))
            except (ValueError, RecursionError):
                return cls(data)
        if body.startswith(b"<"):
            from avis.writers.safe_xml import safe_parse

            try:
                return cls(data, xml_root=safe_parse(body))
            except AvisError:
                return cls(data)
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return cls(data)
        return cls(data, first_line=text.splitlines()[0] if text else "")

    def json_object(self) -> dict[str, Any] | None:
        return self.json if isinstance(self.json, dict) else None

    def xml_tag(self) -> str | None:
        if self.xml_root is None:
            return None
        tag = self.xml_root.tag
        return tag if isinstance(tag, str) else None


class Format(Protocol):
    """An output format avis can recognise and validate (writers, and ALTO pages)."""

    name: ClassVar[str]
    extension: ClassVar[str]
    media_type: ClassVar[str]
    description: ClassVar[str]
    schemas: ClassVar[tuple[PublishedSchema, ...]]
    """The schemas this format is checked against, the first being the main one."""

    @staticmethod
    def sniff(probe: Probe) -> bool:
        """Whether these bytes are this format's output (from content only)."""
        ...

    @staticmethod
    def validate(data: bytes) -> list[str]:
        """Problems of ``data`` against the format's schema (``where: what``); [] if valid."""
        ...


class Writer(Format, Protocol):
    """One output format for notices. Single-notice writers (``many`` false) take a
    one-element list."""

    many: ClassVar[bool]
    binary: ClassVar[bool]
    """The output is bytes, not UTF-8 text (``avis.write`` returns bytes then)."""

    def render(self, notices: Sequence[Notice], *, options: WriterOptions) -> bytes: ...


def single(notices: Sequence[Notice], writer: str) -> Notice:
    """The one notice a single-notice writer was given; several is the caller's mistake."""
    if len(notices) != 1:
        raise UsageError(
            f"the {writer} writer writes one notice per file and was given {len(notices)}; "
            "call it once per notice"
        )
    return notices[0]


def check_output(data: bytes, fmt: Format, options: WriterOptions, what: str) -> bytes:
    """Validate ``data`` with its format's own check when asked; raise with every problem."""
    if options.validate:
        problems = fmt.validate(data)
        if problems:
            shown = "; ".join(problems[:5])
            more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
            raise OutputValidationError(
                f"the {fmt.name} output for {what} is invalid: {shown}{more}"
            )
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
