"""Helpers several writers need: safe text, the HTML description, dates in the notice's zone.

Writers only map fields: place, time zone, employment and diplomas come from the enrich
stage (``notice.place``, ``notice.employment``, ``notice.diplomas``), never from a guess here.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import unicodedata
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from lxml import etree

from avis.model import Notice
from avis.writers.base import WriterOptions

#: Characters XML 1.0 cannot carry at all (C0 controls but tab/LF/CR, lone surrogates,
#: U+FFFE/U+FFFF). The native XML writer escapes them; other formats drop them.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

#: List sections in the order a notice prints them, with the heading readers expect.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("missions", "Missions"),
    ("activities", "Activités principales"),
    ("secondary_activities", "Activités secondaires"),
    ("knowledge", "Savoir / Connaissances / Diplôme exigé"),
    ("know_how", "Savoir-faire"),
    ("behaviours", "Comportements professionnels"),
    ("conditions", "Caractéristiques particulières de l'emploi"),
)


def xml_bytes(root: etree._Element) -> bytes:
    """UTF-8 XML with the declaration in the double-quoted form feed readers expect."""
    body = etree.tostring(root, encoding="UTF-8", xml_declaration=False, pretty_print=True)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body


def clean(text: str | None) -> str | None:
    """Text any XML or HTML consumer accepts: illegal characters removed, and line ends as
    "\n" since XML parsers turn a bare "\r" into "\n" anyway (documented loss)."""
    if text is None:
        return None
    return XML_ILLEGAL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def present(text: str | None) -> str | None:
    """The cleaned text, or None when nothing visible is left (blank fields are absent)."""
    text = clean(text)
    return text if text and text.strip() else None


def items(values: list[str]) -> list[str]:
    """The visible items of a list field."""
    return [v for v in (present(x) for x in values) if v is not None]


def _esc(text: str) -> str:
    """HTML-escape text content: only & < > (quotes need no entity there)."""
    return html.escape(text, quote=False)


def _paragraphs(text: str) -> str:
    """One ``<p>`` per printed line: line breaks a notice makes on purpose survive without
    ``<br>``, which some job boards strip."""
    return "".join(f"<p>{_esc(line.strip())}</p>" for line in text.splitlines() if line.strip())


def _bullets(values: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{_esc(v)}</li>" for v in values) + "</ul>"


_MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def french_date(day: dt.date) -> str:
    """``14 février 2025``, ``1er juin 2026``: a date as the notice's readers write it."""
    return f"{day.day}{'er' if day.day == 1 else ''} {_MONTHS[day.month - 1]} {day.year}"


def header_facts(notice: Notice) -> list[str]:
    """The notice's header as ``label : value`` lines — what a job seeker reads first."""
    facts = [
        ("Référence", present(notice.reference.id)),
        ("Employeur", present(notice.employer)),
        ("Corps ou cadre d'emplois", present(notice.corps)),
        ("Direction", present(notice.direction)),
        ("Service", present(notice.service)),
        ("Emploi", present(notice.job)),
        ("Lieu de travail", present(notice.location)),
        ("Durée de résidence exigée", present(notice.residence_requirement)),
        ("Poste à pourvoir", present(notice.start.raw)),
        ("Postes à pourvoir", None if notice.positions is None else str(notice.positions)),
        ("Date de dépôt de l'offre", notice.posted_on and french_date(notice.posted_on)),
        ("Date limite de candidature", notice.deadline and french_date(notice.deadline)),
        *((present(k), present(v)) for k, v in notice.extra.items()),
    ]
    return [f"{label} : {value}" for label, value in facts if label and value]


def html_sections(notice: Notice) -> list[tuple[str, str]]:
    """(heading, HTML body) for every part of the notice a job seeker reads, header first."""
    out: list[tuple[str, str]] = []
    facts = header_facts(notice)
    if facts:
        out.append(("Le poste", _bullets(facts)))
    desc = present(notice.description)
    if desc:
        out.append(("Détails de l'offre", _paragraphs(desc)))
    for field, heading in SECTIONS:
        values = items(getattr(notice, field))
        if values:
            out.append((heading, _bullets(values)))
    org = notice.organisation
    org_lines = [
        f"{label} : {value}"
        for label, value in (
            ("Unité organisationnelle", present(org.unit)),
            ("Place dans l'organigramme", present(org.org_chart_position)),
            ("Fonction du supérieur hiérarchique direct", present(org.supervisor)),
            ("Agents encadrés directs", present(org.staff_direct)),
            ("Agents encadrés indirects", present(org.staff_indirect)),
        )
        if value
    ]
    if org_lines:
        out.append(("Organisation", _bullets(org_lines)))
    contact = notice.contact
    apply = present(contact.how_to_apply)
    contact_lines = [
        f"{label} : {value}"
        for label, value in (
            ("Contact", present(contact.name)),
            ("Courriel", present(contact.email)),
            ("Téléphone", present(contact.phone)),
            ("Adresse", present(contact.address)),
        )
        if value
    ]
    if apply or contact_lines:
        body = (_paragraphs(apply) if apply else "") + (
            _bullets(contact_lines) if contact_lines else ""
        )
        out.append(("Candidature", body))
    return out


def description_html(notice: Notice) -> str | None:
    """The whole notice as one HTML fragment of ``<p>``, ``<ul>`` and ``<li>`` only (what
    Google for Jobs and job boards render): the header facts, the description, then each
    section under its name as a paragraph. None when the notice has no content at all."""
    parts = html_sections(notice)
    if not any(h not in ("Le poste",) for h, _ in parts):
        return None
    out = []
    for heading, body in parts:
        if heading in ("Le poste", "Détails de l'offre"):
            out.append(body)
        else:
            out.append(f"<p>{_esc(heading)}</p>{body}")
    return "".join(out)


def employment_codes(notice: Notice, full: str, part: str, temporary: str) -> list[str]:
    """The employment kinds the notice prints (enrich stage), spelt as the format spells
    them; empty when it prints none — never assumed."""
    job = notice.employment
    flags = (job.full_time, job.part_time, job.temporary)
    return [code for code, on in zip((full, part, temporary), flags, strict=True) if on]


def zone(notice: Notice) -> ZoneInfo | None:
    """The notice's time zone (enrich stage: from its place or country), else None."""
    name = notice.place.time_zone
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _local(day: dt.date, at: dt.time, tz: dt.tzinfo) -> str:
    """ISO 8601 local time; an offset with seconds (local mean time before a zone adopted
    standard time, e.g. Nouméa before 1912) is rounded to the minute ISO 8601 can write."""
    moment = dt.datetime.combine(day, at, tz)
    offset = moment.utcoffset() or dt.timedelta(0)
    if offset.seconds % 60 or offset.microseconds:
        minutes = round(offset.total_seconds() / 60)
        moment = moment.replace(tzinfo=dt.timezone(dt.timedelta(minutes=minutes)))
    return moment.isoformat()


def end_of_day(day: dt.date, tz: dt.tzinfo | None) -> str:
    """``2025-02-14T23:59:59+11:00``: a deadline lasts until the end of its day, locally
    (daylight saving included); the bare date when the zone is unknown."""
    if tz is None:
        return day.isoformat()
    return _local(day, dt.time(23, 59, 59), tz)


def start_of_day(day: dt.date, tz: dt.tzinfo | None) -> str:
    """``2025-01-24T00:00:00+11:00``, or the bare date when the zone is unknown."""
    if tz is None:
        return day.isoformat()
    return _local(day, dt.time(0, 0, 0), tz)


def today(options: WriterOptions, tz: dt.tzinfo | None) -> dt.date:
    """Today in the notice's zone (UTC when unknown), unless the caller fixed it."""
    if options.today is not None:
        return options.today
    return dt.datetime.now(tz or dt.UTC).date()


def is_expired(notice: Notice, options: WriterOptions) -> bool:
    """Past its deadline day (a notice without a deadline never expires)."""
    if notice.deadline is None:
        return False
    return notice.deadline < today(options, zone(notice))


_UNSAFE_SLUG = re.compile(r"[^A-Za-z0-9._-]+")


def slug(reference: str) -> str:
    """``3134-25-0176/SR`` → ``3134-25-0176-SR``: ASCII letters, digits, ``. _ -`` only, so a
    folder name and a URL path segment are the same string on every server. ``avis convert``'s
    URLs and ``avis sync``'s pages both use it, so a notice has one address."""
    visible = clean(reference) or ""
    ascii_ = unicodedata.normalize("NFKD", visible).encode("ascii", "ignore").decode()
    text = _UNSAFE_SLUG.sub("-", ascii_).strip("-.")
    text = re.sub(r"-{2,}", "-", text)[:100].strip("-.")
    return text or "notice"


def notice_url(notice: Notice, options: WriterOptions) -> str | None:
    """``{base_url}/{slug}/`` when both a base URL and a reference exist: the address
    ``avis sync`` publishes the notice's page at."""
    ref = present(notice.reference.id)
    if not options.base_url or not ref:
        return None
    return options.base_url.rstrip("/") + "/" + slug(ref) + "/"
