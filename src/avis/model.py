"""The validated Notice: the public contract every writer and the evaluation read.

JSON keys are stable names (see issue #2); add fields, never rename them.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, FiniteFloat, model_validator

Origin = Literal["text_layer", "ocr", "docx", "text", "setting"]
"""Where a value was read: a reader's text, or ``setting`` (an explicit user setting, e.g.
``--country``, applied by the enrich stage)."""
ValueSource = Literal["extraction", "review"]


class _Base(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Reference(_Base):
    """``3134-25-0176/SR du 24 janvier 2025`` → id ``3134-25-0176/SR``, date 2025-01-24."""

    raw: str | None = None
    id: str | None = None
    date: dt.date | None = None


class Start(_Base):
    """When the post is to be filled: ``immédiatement``, ``dès que possible``, a date…"""

    raw: str | None = None
    immediate: bool | None = None
    date: dt.date | None = None


class Organisation(_Base):
    unit: str | None = None
    supervisor: str | None = None
    org_chart_position: str | None = None
    staff_direct: str | None = None
    staff_indirect: str | None = None


class Contact(_Base):
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    address: str | None = None
    how_to_apply: str | None = None


class SourceInfo(_Base):
    file: str | None = None
    sha256: str | None = None
    format: str | None = None
    pages: int = Field(default=0, ge=0)
    size: int | None = Field(default=None, ge=0)


class Provenance(_Base):
    """Where one field's value came from."""

    page: int | None = Field(default=None, ge=1)
    bbox: tuple[FiniteFloat, FiniteFloat, FiniteFloat, FiniteFloat] | None = Field(
        default=None, description="x0, top, x1, bottom in PDF points from the page's top-left"
    )
    origin: Origin = "text"
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    rule: str = ""
    text: str | None = Field(default=None, description="the source text the value was read from")
    source: ValueSource = Field(
        default="extraction",
        description="'review' when a person corrected the value (NAME.corrections.json); "
        "page, box and text then still say where avis had read it",
    )


class Locality(_Base):
    """A commune or town the post is in, as printed; region from avis's place data."""

    name: str
    region: str | None = None
    postal_code: str | None = None


class Place(_Base):
    """Where the post is: set by the enrich stage from the printed location, never guessed.

    ``address`` is the printed location when it says more than a place name (street,
    building); ``localities`` every commune named, in the order written; ``country`` an ISO
    3166-1 alpha-2 code; ``time_zone`` an IANA name (``Pacific/Noumea``).
    """

    address: str | None = None
    localities: list[Locality] = Field(default_factory=list)
    region: str | None = None
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    time_zone: str | None = None


class Employment(_Base):
    """What the notice prints about working time and contract; ``None``: not printed."""

    full_time: bool | None = None
    part_time: bool | None = None
    temporary: bool | None = None


class NoticeWarning(_Base):
    code: str
    field: str | None = None
    message: str


LIST_FIELDS: tuple[str, ...] = (
    "missions",
    "activities",
    "secondary_activities",
    "knowledge",
    "know_how",
    "behaviours",
    "conditions",
)


class Notice(_Base):
    """One job notice, every field optional: an incomplete notice still parses."""

    reference: Reference = Field(default_factory=Reference)
    title: str | None = None
    employer: str | None = None
    corps: str | None = None
    direction: str | None = None
    service: str | None = None
    location: str | None = None
    job: str | None = Field(default=None, description="job family line, e.g. 'Emploi RESPNC : …'")
    residence_requirement: str | None = None
    start: Start = Field(default_factory=Start)
    posted_on: dt.date | None = None
    deadline: dt.date | None = None
    positions: int | None = Field(default=None, ge=0)
    description: str | None = None
    missions: list[str] = Field(default_factory=list)
    activities: list[str] = Field(default_factory=list)
    secondary_activities: list[str] = Field(default_factory=list)
    knowledge: list[str] = Field(default_factory=list)
    know_how: list[str] = Field(default_factory=list)
    behaviours: list[str] = Field(default_factory=list)
    conditions: list[str] = Field(default_factory=list)
    organisation: Organisation = Field(default_factory=Organisation)
    contact: Contact = Field(default_factory=Contact)
    extra: dict[str, str] = Field(
        default_factory=dict, description="labelled header values avis has no field for"
    )
    place: Place = Field(default_factory=Place)
    employment: Employment = Field(default_factory=Employment)
    diplomas: list[str] = Field(
        default_factory=list, description="knowledge items that name a diploma (enrich stage)"
    )
    source: SourceInfo = Field(default_factory=SourceInfo)
    warnings: list[NoticeWarning] = Field(default_factory=list)
    provenance: dict[str, Provenance] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _deadline_not_before_posting(self) -> Notice:
        """A deadline before the posting date is never silently accepted."""
        if (
            self.deadline is not None
            and self.posted_on is not None
            and self.deadline < self.posted_on
            and not any(w.code == "deadline_before_posting" for w in self.warnings)
        ):
            raise ValueError(
                "deadline is before posted_on; the extraction must re-examine the pairing "
                "and record a 'deadline_before_posting' warning"
            )
        return self
