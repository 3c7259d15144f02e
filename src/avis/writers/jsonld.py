"""``jsonld``: schema.org JobPosting as Google for Jobs reads it.

Google requires title, description, datePosted, hiringOrganization and jobLocation. A notice
missing any of them is refused with :class:`~avis.errors.OutputValidationError` naming the
*notice* fields to fill — never guessed: a posting with an invented date, employer or country
is worse than none. The country and time zone are the enrich stage's (``notice.place``): a
notice naming no known place needs ``--country``. Everything else is emitted only when the
notice carries it (no ``employmentType`` unless the notice prints one).

Text is the notice's, HTML-escaped inside ``description``; characters XML/HTML cannot carry
(C0 controls, lone surrogates) are dropped — the native json/xml outputs keep them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, ClassVar

from avis.errors import OutputValidationError
from avis.model import Notice, Place
from avis.writers.base import Probe, WriterOptions, check_output, describe, single
from avis.writers.schemas import PublishedSchema, draft2020_validator, json_problems
from avis.writers.shared import (
    description_html,
    employment_codes,
    end_of_day,
    items,
    notice_url,
    present,
    zone,
)


def _text_list(values: list[str]) -> str | None:
    """A list field as schema.org Text: one item per line."""
    kept = items(values)
    return "\n".join(kept) if kept else None


def _address(
    country: str,
    locality: str | None = None,
    region: str | None = None,
    postal_code: str | None = None,
    street: str | None = None,
) -> dict[str, Any]:
    address: dict[str, Any] = {"@type": "PostalAddress"}
    for key, value in (
        ("streetAddress", street),
        ("addressLocality", locality),
        ("addressRegion", region),
        ("postalCode", postal_code),
    ):
        value = present(value)
        if value:
            address[key] = value
    address["addressCountry"] = country
    return address


def _job_location(place: Place, country: str) -> dict[str, Any] | list[dict[str, Any]]:
    """One Place, or one per town when the notice names several ("Voh, Koné et …")."""
    towns = [t for t in place.localities if present(t.name)]
    if len(towns) > 1:
        return [
            {
                "@type": "Place",
                "address": _address(country, t.name, t.region or place.region, t.postal_code),
            }
            for t in towns
        ]
    town = towns[0] if towns else None
    address = _address(
        country,
        town.name if town else None,
        (town.region if town else None) or place.region,
        town.postal_code if town else None,
        present(place.address),
    )
    return {"@type": "Place", "address": address}


def job_posting(notice: Notice, options: WriterOptions) -> dict[str, Any]:
    """The JobPosting as a JSON-compatible dict (raises when a required field is missing)."""
    title = present(notice.title)
    employer = present(notice.employer)
    description = description_html(notice)
    country = notice.place.country
    missing = []
    if not title:
        missing.append("title (→ title)")
    if not description:
        missing.append("description or a list section such as missions (→ description)")
    if notice.posted_on is None:
        missing.append("posted_on (→ datePosted)")
    if not employer:
        missing.append("employer (→ hiringOrganization; or --default-employer)")
    if not country:
        missing.append(
            "place.country: the notice names no place avis knows — give it with --country XX "
            "or `country` in avis.toml (→ jobLocation.address.addressCountry)"
        )
    if missing:
        raise OutputValidationError(
            f"cannot write a schema.org JobPosting for {describe(notice)}: it lacks "
            + "; ".join(missing)
            + " — Google for Jobs requires these"
        )
    assert title and description and employer and notice.posted_on and country

    doc: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": title,
        "description": description,
        "datePosted": notice.posted_on.isoformat(),
    }
    if notice.deadline is not None:
        doc["validThrough"] = end_of_day(notice.deadline, zone(notice))
    org: dict[str, Any] = {"@type": "Organization", "name": employer}
    if options.logo:
        org["logo"] = options.logo
    doc["hiringOrganization"] = org
    doc["jobLocation"] = _job_location(notice.place, country)
    ref = present(notice.reference.id)
    if ref:
        doc["identifier"] = {"@type": "PropertyValue", "name": employer, "value": ref}
    kinds = employment_codes(notice, "FULL_TIME", "PART_TIME", "TEMPORARY")
    if kinds:
        doc["employmentType"] = kinds[0] if len(kinds) == 1 else kinds
    doc["directApply"] = False
    url = notice_url(notice, options)
    if url:
        doc["url"] = url
    residence = present(notice.residence_requirement)
    if residence:
        # A length of residence is an eligibility rule, not the remote-work area that
        # applicantLocationRequirements describes.
        doc["eligibilityToWorkRequirement"] = (
            f"Durée de résidence exigée pour le recrutement sur titre : {residence}"
        )
    responsibilities = _text_list(
        [*notice.missions, *notice.activities, *notice.secondary_activities]
    )
    if responsibilities:
        doc["responsibilities"] = responsibilities
    skills = _text_list(notice.know_how)
    if skills:
        doc["skills"] = skills
    qualifications = _text_list(notice.knowledge)
    if qualifications:
        doc["qualifications"] = qualifications
    education = _text_list(notice.diplomas)
    if education:
        doc["educationRequirements"] = education
    if notice.start.date is not None:
        doc["jobStartDate"] = notice.start.date.isoformat()
    if notice.start.immediate:
        doc["jobImmediateStart"] = True
    if notice.positions is not None:
        doc["totalJobOpenings"] = notice.positions
    return doc


GOOGLE = PublishedSchema(
    "google-jobposting",
    "third_party/derived/google-jobposting-profile.schema.json",
    "jsonld",
    False,
    "schema.org JobPosting, Google for Jobs profile — DERIVED, NOT OFFICIAL",
)


class JsonLdWriter:
    """schema.org JobPosting JSON-LD, valid against the (unofficial) Google profile."""

    name: ClassVar[str] = "jsonld"
    extension: ClassVar[str] = ".jsonld"
    media_type: ClassVar[str] = "application/ld+json"
    many: ClassVar[bool] = False
    binary: ClassVar[bool] = False
    description: ClassVar[str] = "schema.org JobPosting for Google for Jobs (JSON-LD)"
    schemas: ClassVar[tuple[PublishedSchema, ...]] = (GOOGLE,)

    @staticmethod
    def sniff(probe: Probe) -> bool:
        doc = probe.json_object()
        return doc is not None and (doc.get("@type") == "JobPosting" or "@context" in doc)

    @staticmethod
    def validate(data: bytes) -> list[str]:
        return json_problems(draft2020_validator(GOOGLE.path or ""), data)

    def render(self, notices: Sequence[Notice], *, options: WriterOptions) -> bytes:
        notice = single(notices, self.name)
        text = json.dumps(job_posting(notice, options), ensure_ascii=False, indent=2)
        # "</" cannot close a <script> block when the file is pasted into a page.
        data = (text.replace("</", "<\\/") + "\n").encode("utf-8")
        return check_output(data, self, options, describe(notice))
