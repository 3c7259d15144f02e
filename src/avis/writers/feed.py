"""``feed``: an Indeed-style XML job feed of many notices.

``<source><publisher/><publisherurl/><lastBuildDate/><job>…</job>…</source>``, every job value
in CDATA (lxml splits a CDATA section around any ``]]>`` in the text, so nothing breaks out).
Valid against the *unofficial* ``indeed-feed.DERIVED.xsd`` (Indeed publishes no XSD).

What goes in: notices whose deadline day has not passed in their own zone (all of them with
``include_expired``), and which have what a job board requires — title, posted_on, reference.
The others are left out, each with the reason as an XML comment at the top of the feed so a
batch is never silently short; :func:`excluded` gives the same list to the CLI. A feed with
no job at all is refused (the derived XSD needs one, and an empty feed would unpublish every
job on the board): :class:`~avis.errors.OutputValidationError`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import ClassVar

from lxml import etree

from avis.errors import OutputValidationError
from avis.model import Notice
from avis.writers.base import Probe, WriterOptions, check_output, describe
from avis.writers.schemas import PublishedSchema, xml_problems
from avis.writers.shared import (
    clean,
    description_html,
    employment_codes,
    is_expired,
    notice_url,
    present,
    start_of_day,
    xml_bytes,
    zone,
)


def _reason(notice: Notice, options: WriterOptions) -> str | None:
    """Why this notice stays out of the feed, or None when it goes in."""
    missing = [
        name
        for name, value in (
            ("title", present(notice.title)),
            ("posted_on", notice.posted_on),
            ("reference.id", present(notice.reference.id)),
        )
        if value is None
    ]
    if missing:
        return "no " + ", ".join(missing) + " (a job board requires them)"
    if not options.include_expired and is_expired(notice, options):
        return f"expired on {notice.deadline} (include_expired keeps it)"
    return None


def excluded(notices: Sequence[Notice], options: WriterOptions) -> list[tuple[Notice, str]]:
    """The notices the feed leaves out, each with the reason."""
    return [(n, r) for n in notices if (r := _reason(n, options)) is not None]


def _comment_safe(text: str) -> str:
    """Text an XML comment can hold: no "--", no trailing "-", no illegal characters."""
    text = clean(text) or ""
    while "--" in text:
        text = text.replace("--", "- -")
    return text.rstrip("-")


def _add(job: etree._Element, tag: str, value: str | None) -> None:
    if value is None:
        return
    etree.SubElement(job, tag).text = etree.CDATA(value)


def _job(notice: Notice, options: WriterOptions) -> etree._Element:
    place = notice.place
    town = next((t for t in place.localities if present(t.name)), None)
    ref = present(notice.reference.id)
    assert notice.posted_on is not None and ref is not None
    job = etree.Element("job")
    _add(job, "title", present(notice.title))
    _add(job, "date", start_of_day(notice.posted_on, zone(notice)))
    _add(job, "referencenumber", ref)
    _add(job, "requisitionid", ref)
    _add(job, "url", notice_url(notice, options))
    _add(job, "company", present(notice.employer))
    _add(job, "city", present(town.name) if town else None)
    _add(job, "state", present((town.region if town else None) or place.region))
    _add(job, "country", place.country)
    _add(job, "postalcode", present(town.postal_code) if town else None)
    _add(job, "streetaddress", present(place.address))
    _add(job, "email", present(notice.contact.email))
    _add(job, "description", description_html(notice))
    kinds = employment_codes(notice, "fulltime", "parttime", "temporary")
    _add(job, "jobtype", ", ".join(kinds) if kinds else None)
    _add(job, "category", present(notice.corps))
    if notice.deadline is not None:
        _add(job, "expirationdate", notice.deadline.isoformat())
    return job


FEED = PublishedSchema(
    "indeed-feed",
    "third_party/derived/indeed-feed.DERIVED.xsd",
    "feed",
    False,
    "Indeed-style XML job feed — DERIVED, NOT OFFICIAL (Indeed publishes no XSD)",
)


class FeedWriter:
    """Indeed-style XML job feed; many notices → one file."""

    name: ClassVar[str] = "feed"
    extension: ClassVar[str] = ".xml"
    media_type: ClassVar[str] = "application/xml"
    many: ClassVar[bool] = True
    binary: ClassVar[bool] = False
    description: ClassVar[str] = "Indeed-style XML job feed (unofficial derived XSD)"
    schemas: ClassVar[tuple[PublishedSchema, ...]] = (FEED,)

    @staticmethod
    def sniff(probe: Probe) -> bool:
        return probe.xml_tag() == "source"

    @staticmethod
    def validate(data: bytes) -> list[str]:
        return xml_problems(data, FEED.path or "")

    def render(self, notices: Sequence[Notice], *, options: WriterOptions) -> bytes:
        root = etree.Element("source")
        etree.SubElement(root, "publisher").text = clean(options.publisher)
        if options.publisher_url:
            etree.SubElement(root, "publisherurl").text = clean(options.publisher_url)
        built = options.generated_at or dt.datetime.now(dt.UTC).replace(microsecond=0)
        etree.SubElement(root, "lastBuildDate").text = built.isoformat()
        left_out: list[str] = []
        jobs = 0
        for notice in notices:
            reason = _reason(notice, options)
            if reason is None:
                root.append(_job(notice, options))
                jobs += 1
            else:
                left_out.append(f"{describe(notice)}: {reason}")
        if jobs == 0:
            why = "; ".join(left_out[:5]) if left_out else "no notices were given"
            raise OutputValidationError(f"the feed would hold no job ({why})")
        for i, line in enumerate(left_out):
            root.insert(i, etree.Comment(f" left out: {_comment_safe(line)} "))
        data = xml_bytes(root)
        return check_output(data, self, options, f"a feed of {jobs} job(s)")
