"""``hropen``: HR Open Standards 4.x PositionOpening JSON.

Valid against the official draft-04 schemas (``recruiting/json/PositionOpeningType.json`` and
the files it references, shipped in ``avis/data/schemas/third_party/hropen``). HR Open requires
almost nothing, so a sparse notice still gives a valid — if thin — document; the job content
sits in ``positionProfiles[0]``. ``statusCode`` is ``Closed`` once the deadline day has passed
in the notice's zone (``WriterOptions.today`` fixes "today"), else ``Active``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, ClassVar

from avis.model import Notice, Place
from avis.writers.base import Probe, WriterOptions, check_output, describe, single
from avis.writers.schemas import HROPEN_ROOT, PublishedSchema, hropen_validator, json_problems
from avis.writers.shared import (
    end_of_day,
    html_sections,
    is_expired,
    items,
    notice_url,
    present,
    zone,
)

#: competencyClassificationCode for each skill list (HR Open leaves the code list open).
_COMPETENCIES = (
    ("knowledge", "Savoir"),
    ("know_how", "SavoirFaire"),
    ("behaviours", "SavoirEtre"),
)


def _looks_like_email(text: str) -> bool:
    """HR Open's EmailType has format "email"; only pass what is plainly an address."""
    local, at, domain = text.partition("@")
    return bool(at and local and "." in domain and not any(c.isspace() for c in text))


def _location(
    city: str | None, region: str | None, country: str | None, postal_code: str | None = None
) -> dict[str, Any]:
    location: dict[str, Any] = {}
    city, region, postal_code = present(city), present(region), present(postal_code)
    if city:
        location["city"] = city
    if postal_code:
        location["postalCode"] = postal_code
    if country:
        location["countryCode"] = country
    if region:
        location["countrySubDivisions"] = [{"value": region, "type": "Province"}]
    return location


def _locations(place: Place, raw: str | None) -> list[dict[str, Any]]:
    """One entry per town named; a single place also keeps the printed address."""
    towns = [t for t in place.localities if present(t.name)]
    if len(towns) > 1:
        return [
            _location(t.name, t.region or place.region, place.country, t.postal_code) for t in towns
        ]
    town = towns[0] if towns else None
    location = _location(
        town.name if town else None,
        (town.region if town else None) or place.region,
        place.country,
        town.postal_code if town else None,
    )
    if raw:
        location["formattedAddress"] = raw
    return [location] if location else []


def position_opening(notice: Notice, options: WriterOptions) -> dict[str, Any]:
    """The PositionOpening as a JSON-compatible dict."""
    place = notice.place
    employer = present(notice.employer)
    ref = present(notice.reference.id)
    doc: dict[str, Any] = {}
    if ref:
        doc["documentId"] = {"value": ref, "schemeId": "AVP"}
        if employer:
            doc["documentId"]["schemeAgencyId"] = employer
    doc["language"] = "fr"
    doc["statusCode"] = "Closed" if is_expired(notice, options) else "Active"
    if employer:
        doc["postingRequester"] = {
            "id": {"value": employer, "schemeId": "name"},
            "name": employer,
            "roleCode": "Company",
        }

    profile: dict[str, Any] = {"language": "fr", "profileName": "Avis de vacance de poste"}
    if ref:
        profile["positionId"] = {"value": ref}
    title = present(notice.title)
    if title:
        profile["positionTitle"] = title
    url = notice_url(notice, options)
    if url:
        profile["positionUri"] = url
    if employer:
        profile["positionOrganizations"] = [{"name": employer}]
    locations = _locations(place, present(notice.location))
    if locations:
        profile["positionLocation"] = locations
    categories = [
        {"name": v} for v in (present(notice.corps), present(notice.job)) if v is not None
    ]
    if categories:
        profile["jobCategories"] = categories
    job = notice.employment
    schedules = [
        code for code, on in (("FullTime", job.full_time), ("PartTime", job.part_time)) if on
    ]
    if schedules:
        profile["positionScheduleTypeCodes"] = schedules
    if job.temporary:
        profile["positionOfferingTypes"] = ["Temporary"]
    if notice.start.immediate is not None:
        profile["immediateStartIndicator"] = notice.start.immediate
    if notice.start.date is not None:
        profile["positionPeriod"] = {"start": notice.start.date.isoformat()}
    if notice.positions is not None:
        profile["positionOpenQuantity"] = notice.positions

    instruction: dict[str, Any] = {}
    if notice.posted_on is not None:
        instruction["start"] = notice.posted_on.isoformat()
    if notice.deadline is not None:
        instruction["end"] = notice.deadline.isoformat()
    method: dict[str, Any] = {}
    how = present(notice.contact.how_to_apply)
    if how:
        method["instructions"] = how
    email = present(notice.contact.email)
    if email and _looks_like_email(email.strip()):
        method["applicationEmail"] = {"address": email.strip()}
    phone = present(notice.contact.phone)
    if phone:
        method["applicationPhone"] = {"formattedNumber": phone}
    if notice.deadline is not None:
        method["applicationCloseDate"] = {"end": end_of_day(notice.deadline, zone(notice))}
    if method:
        instruction["applicationMethods"] = [method]
    if url:
        instruction["positionUri"] = url
    if instruction:
        profile["postingInstructions"] = [instruction]

    sections = html_sections(notice)
    if sections:
        profile["positionFormattedDescriptions"] = [
            {"title": heading, "content": body} for heading, body in sections
        ]
    qualification: dict[str, Any] = {}
    competencies = [
        {"competencyName": value, "competencyClassificationCode": code}
        for field, code in _COMPETENCIES
        for value in items(getattr(notice, field))
    ]
    if competencies:
        qualification["positionCompetencies"] = competencies
    education = items(notice.diplomas)
    if education:
        qualification["educationRequirement"] = {"descriptions": education}
    licences = [c for c in items(notice.conditions) if "permis" in c.casefold()]
    if licences:
        qualification["licences"] = licences
    if qualification:
        profile["positionQualifications"] = [qualification]
    doc["positionProfiles"] = [profile]
    return doc


HROPEN = PublishedSchema(
    "hropen-positionopening",
    HROPEN_ROOT + "/recruiting/json/PositionOpeningType.json",
    "hropen",
    True,
    "HR Open Standards 4.x PositionOpeningType (draft-04; $refs in the same tree)",
)


class HrOpenWriter:
    """HR Open Standards 4.x PositionOpening (official draft-04 JSON Schema)."""

    name: ClassVar[str] = "hropen"
    extension: ClassVar[str] = ".hropen.json"
    media_type: ClassVar[str] = "application/json"
    many: ClassVar[bool] = False
    binary: ClassVar[bool] = False
    description: ClassVar[str] = "HR Open Standards 4.x PositionOpening JSON"
    schemas: ClassVar[tuple[PublishedSchema, ...]] = (HROPEN,)

    @staticmethod
    def sniff(probe: Probe) -> bool:
        doc = probe.json_object()
        markers = ("positionProfiles", "postingRequester", "documentId")
        return doc is not None and any(k in doc for k in markers)

    @staticmethod
    def validate(data: bytes) -> list[str]:
        return json_problems(hropen_validator("recruiting/json/PositionOpeningType.json"), data)

    def render(self, notices: Sequence[Notice], *, options: WriterOptions) -> bytes:
        notice = single(notices, self.name)
        text = json.dumps(position_opening(notice, options), ensure_ascii=False, indent=2)
        data = (text + "\n").encode("utf-8")
        return check_output(data, self, options, describe(notice))
