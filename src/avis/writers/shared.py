"""Helpers several writers need: safe text, the HTML description, dates in the notice's zone."""

from __future__ import annotations

import datetime as dt
import html
import re
from urllib.parse import quote

from lxml import etree

from avis.model import Notice
from avis.writers.base import WriterOptions
from avis.writers.places import UTC_OFFSETS, Located, locate, normalise

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
    parts = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join(
        "<p>" + "<br>".join(_esc(line) for line in p.splitlines()) + "</p>" for p in parts
    )


def _bullets(values: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{_esc(v)}</li>" for v in values) + "</ul>"


def html_sections(notice: Notice) -> list[tuple[str, str]]:
    """(heading, HTML body) for every part of the notice a job seeker reads."""
    out: list[tuple[str, str]] = []
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


def description_html(notice: Notice, *, heading_tag: str = "h3") -> str | None:
    """The whole notice as one HTML fragment (``<p>``, headings, ``<ul><li>``), or None."""
    parts = html_sections(notice)
    if not parts:
        return None
    out = []
    for i, (heading, body) in enumerate(parts):
        if i == 0 and heading == "Détails de l'offre":
            out.append(body)
        else:
            out.append(f"<{heading_tag}>{_esc(heading)}</{heading_tag}>{body}")
    return "".join(out)


_PART_TIME = re.compile(r"\b(temps partiel|mi temps)\b")
_FULL_TIME = re.compile(r"\btemps (plein|complet)\b")
_TEMPORARY = re.compile(
    r"\b(cdd|contrat a duree determinee|duree determinee|vacataire|vacation|interim|"
    r"emploi temporaire|poste temporaire|mission temporaire)\b"
)


def employment(notice: Notice) -> tuple[bool, bool, bool]:
    """(full time, part time, temporary), read from the notice's own words.

    A public-service post is full time and permanent unless the notice says otherwise.
    """
    texts = [
        notice.title,
        notice.corps,
        notice.job,
        notice.start.raw,
        notice.description,
        *notice.conditions,
        *notice.extra.values(),
    ]
    norm = " | ".join(normalise(t) for t in texts if t)
    part = bool(_PART_TIME.search(norm))
    full = not part or bool(_FULL_TIME.search(norm))
    return full, part, bool(_TEMPORARY.search(norm))


_DIPLOMA = re.compile(
    r"\b(diplome|baccalaureat|bac|licence|master|doctorat|bts|dut|cap|bep|ingenieur)\b"
)


def diplomas(notice: Notice) -> list[str]:
    """Knowledge items that name a diploma (the notice's "Diplôme exigé" part)."""
    return [k for k in items(notice.knowledge) if _DIPLOMA.search(normalise(k))]


def employment_codes(notice: Notice, full: str, part: str, temporary: str) -> list[str]:
    """The employment kinds that apply, spelt as the target format spells them."""
    flags = employment(notice)
    return [code for code, on in zip((full, part, temporary), flags, strict=True) if on]


def where(notice: Notice, options: WriterOptions) -> Located:
    """The notice's place as the job formats want it (see :mod:`avis.writers.places`)."""
    return locate(present(notice.location), present(notice.employer), options.country)


def zone(country: str | None) -> dt.timezone | None:
    """The fixed UTC offset of a country avis knows, else None."""
    hours = UTC_OFFSETS.get(country or "")
    return None if hours is None else dt.timezone(dt.timedelta(hours=hours))


def end_of_day(day: dt.date, country: str | None) -> str:
    """``2025-02-14T23:59:59+11:00``: a deadline lasts until the end of its day, locally."""
    tz = zone(country)
    if tz is None:
        return day.isoformat()
    return dt.datetime.combine(day, dt.time(23, 59, 59), tz).isoformat()


def start_of_day(day: dt.date, country: str | None) -> str:
    """``2025-01-24T00:00:00+11:00``, or the bare date when the zone is unknown."""
    tz = zone(country)
    if tz is None:
        return day.isoformat()
    return dt.datetime.combine(day, dt.time(0, 0, 0), tz).isoformat()


def today(options: WriterOptions, country: str | None) -> dt.date:
    """Today in the notice's zone (UTC when unknown), unless the caller fixed it."""
    if options.today is not None:
        return options.today
    return dt.datetime.now(zone(country) or dt.UTC).date()


def is_expired(notice: Notice, options: WriterOptions) -> bool:
    """Past its deadline day (a notice without a deadline never expires)."""
    if notice.deadline is None:
        return False
    return notice.deadline < today(options, where(notice, options).country)


def slug(reference: str) -> str:
    """``3134-25-0176/SR`` → ``3134-25-0176-SR``: a reference as one URL path segment."""
    return quote(re.sub(r"[/\\\s]+", "-", reference.strip()), safe="-._~")


def notice_url(notice: Notice, options: WriterOptions) -> str | None:
    """``{base_url}/{slug}`` when both a base URL and a reference exist."""
    ref = present(notice.reference.id)
    if not options.base_url or not ref:
        return None
    return options.base_url.rstrip("/") + "/" + slug(ref)
