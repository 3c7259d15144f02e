"""``jsonld``: schema.org JobPosting as Google for Jobs reads it.

Google requires title, description, datePosted, hiringOrganization and jobLocation. A notice
missing any of them is refused with :class:`~avis.errors.OutputValidationError` naming the
*notice* fields to fill — never guessed: a posting with an invented date or employer is worse
than none. Everything else is emitted only when the notice carries it.

Text is the notice's, HTML-escaped inside ``description``; characters XML/HTML cannot carry
(C0 controls, lone surrogates) are dropped — the native json/xml outputs keep them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, ClassVar

from avis.errors import OutputValidationError
from avis.model import Notice
from avis.writers.base import WriterOptions, check_output, describe, single
from avis.writers.places import Located
from avis.writers.shared import (
    description_html,
    diplomas,
    employment_codes,
    end_of_day,
    items,
    notice_url,
    present,
    where,
)


def _text_list(values: list[str]) -> str | None:
    """A list field as schema.org Text: one item per line."""
    kept = items(values)
    return "\n".join(kept) if kept else None


def _address(locality: str | None, region: str | None, country: str) -> dict[str, Any]:
    address: dict[str, Any] = {"@type": "PostalAddress"}
    if locality:
        address["addressLocality"] = locality
    if region:
        address["addressRegion"] = region
    address["addressCountry"] = country
    return address


def _job_location(place: Located) -> dict[str, Any] | list[dict[str, Any]]:
    """One Place, or one per commune when the notice names several ("Voh, Koné et …")."""
    country = place.country or ""
    if len(place.places) > 1:
        return [
            {"@type": "Place", "address": _address(name, region, country)}
            for name, region in place.places
        ]
    address = _address(place.locality, place.region, country)
    if place.street:
        address = {"@type": "PostalAddress", "streetAddress": place.street} | address
    return {"@type": "Place", "address": address}


def job_posting(notice: Notice, options: WriterOptions) -> dict[str, Any]:
    """The JobPosting as a JSON-compatible dict (raises when a required field is missing)."""
    title = present(notice.title)
    employer = present(notice.employer)
    description = description_html(notice)
    place = where(notice, options)
    missing = []
    if not title:
        missing.append("title (→ title)")
    if not description:
        missing.append("description or a list section such as missions (→ description)")
    if notice.posted_on is None:
        missing.append("posted_on (→ datePosted)")
    if not employer:
        missing.append("employer (→ hiringOrganization)")
    if not place.country:
        missing.append(
            "a New Caledonian location or employer, or WriterOptions.country "
            "(→ jobLocation.address.addressCountry)"
        )
    if missing:
        raise OutputValidationError(
            f"cannot write a schema.org JobPosting for {describe(notice)}: it lacks "
            + "; ".join(missing)
            + " — Google for Jobs requires these"
        )
    assert title and description and employer and notice.posted_on and place.country

    doc: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": title,
        "description": description,
        "datePosted": notice.posted_on.isoformat(),
    }
    if notice.deadline is not None:
        doc["validThrough"] = end_of_day(notice.deadline, place.country)
    org: dict[str, Any] = {"@type": "Organization", "name": employer}
    if place.website:
        org["sameAs"] = place.website
    doc["hiringOrganization"] = org
    doc["jobLocation"] = _job_location(place)
    ref = present(notice.reference.id)
    if ref:
        doc["identifier"] = {"@type": "PropertyValue", "name": employer, "value": ref}
    kinds = employment_codes(notice, "FULL_TIME", "PART_TIME", "TEMPORARY")
    doc["employmentType"] = kinds[0] if len(kinds) == 1 else kinds
    doc["directApply"] = False
    url = notice_url(notice, options)
    if url:
        doc["url"] = url
    residence = present(notice.residence_requirement)
    if residence:
        doc["applicantLocationRequirements"] = {"@type": "Country", "name": place.country}
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
    education = diplomas(notice)
    if education:
        doc["educationRequirements"] = "\n".join(education)
    if notice.start.date is not None:
        doc["jobStartDate"] = notice.start.date.isoformat()
    if notice.start.immediate:
        doc["jobImmediateStart"] = True
    if notice.positions is not None:
        doc["totalJobOpenings"] = notice.positions
    return doc


class JsonLdWriter:
    """schema.org JobPosting JSON-LD, valid against the (unofficial) Google profile."""

    name: ClassVar[str] = "jsonld"
    extension: ClassVar[str] = ".jsonld"
    media_type: ClassVar[str] = "application/ld+json"
    many: ClassVar[bool] = False
    description: ClassVar[str] = "schema.org JobPosting for Google for Jobs (JSON-LD)"

    def render(self, notices: Sequence[Notice], *, options: WriterOptions) -> bytes:
        notice = single(notices, self.name)
        text = json.dumps(job_posting(notice, options), ensure_ascii=False, indent=2)
        # "</" cannot close a <script> block when the file is pasted into a page.
        data = (text.replace("</", "<\\/") + "\n").encode("utf-8")
        return check_output(data, self.name, options, describe(notice))
