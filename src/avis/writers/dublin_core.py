"""``dc``: a qualified Dublin Core record per notice, for archives.

Root ``<qualifieddc>`` (no namespace, as DCMI's ``qualifieddc.xsd`` declares it) holding
``dc:`` elements and ``dcterms:`` refinements, with DCMI encoding schemes as ``xsi:type``:

==================  =====================================================================
dc:identifier       reference.id (what archivists file the notice under)
dc:title            title (``xml:lang="fr"``)
dc:creator          employer
dc:subject          corps, job family line
dc:description      the "Détails de l'offre" paragraph
dc:date             posted_on (``dcterms:W3CDTF``); dcterms:issued = reference date
dcterms:valid       posting period as a ``dcterms:Period`` (start=…; end=…; scheme=W3C-DTF)
dc:type             ``Text`` (``dcterms:DCMIType``) and "Avis de vacance de poste"
dc:format           media type of the source file (``dcterms:IMT``); dcterms:extent pages
dc:source           "<file name> (sha256 <hex>)" — the exact file the record describes
dc:language         ``fr`` (``dcterms:RFC4646``)
dcterms:spatial     location, and the country code (``dcterms:ISO3166``) when known
==================  =====================================================================

Valid against DCMI's 2008 XSDs (shipped with their licence). Characters XML 1.0 cannot
carry are dropped (this is summary metadata; the xml writer is the lossless one).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from lxml import etree

from avis.model import Notice
from avis.writers.base import Probe, WriterOptions, check_output, describe, single
from avis.writers.schemas import PublishedSchema, xml_problems
from avis.writers.shared import present, xml_bytes

DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

MEDIA_TYPES: dict[str, str] = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "text": "text/plain",
}


def record(notice: Notice, options: WriterOptions) -> etree._Element:
    """The Dublin Core record as an lxml element."""
    root = etree.Element("qualifieddc", nsmap={"dc": DC, "dcterms": DCTERMS, "xsi": XSI})

    def add(ns: str, tag: str, text: str | None, *, scheme: str = "", lang: bool = False) -> None:
        if text is None:
            return
        el = etree.SubElement(root, f"{{{ns}}}{tag}")
        el.text = text
        if scheme:
            el.set(f"{{{XSI}}}type", f"dcterms:{scheme}")
        if lang:
            el.set(XML_LANG, "fr")

    add(DC, "identifier", present(notice.reference.id))
    add(DC, "title", present(notice.title), lang=True)
    add(DC, "creator", present(notice.employer))
    add(DC, "subject", present(notice.corps), lang=True)
    add(DC, "subject", present(notice.job), lang=True)
    add(DC, "description", present(notice.description), lang=True)
    if notice.posted_on:
        add(DC, "date", notice.posted_on.isoformat(), scheme="W3CDTF")
    if notice.reference.date:
        add(DCTERMS, "issued", notice.reference.date.isoformat(), scheme="W3CDTF")
    if notice.posted_on or notice.deadline:
        period = [
            f"{label}={day.isoformat()}"
            for label, day in (("start", notice.posted_on), ("end", notice.deadline))
            if day is not None
        ]
        add(DCTERMS, "valid", "; ".join([*period, "scheme=W3C-DTF"]), scheme="Period")
    add(DC, "type", "Text", scheme="DCMIType")
    add(DC, "type", "Avis de vacance de poste", lang=True)
    media = MEDIA_TYPES.get(notice.source.format or "")
    if media:
        add(DC, "format", media, scheme="IMT")
    if notice.source.pages:
        add(DCTERMS, "extent", f"{notice.source.pages} page(s)")
    source = present(notice.source.file)
    sha = present(notice.source.sha256)
    if source or sha:
        add(DC, "source", " ".join(p for p in (source, f"(sha256 {sha})" if sha else None) if p))
    add(DC, "language", "fr", scheme="RFC4646")
    add(DCTERMS, "spatial", present(notice.location))
    country = notice.place.country
    if country:
        add(DCTERMS, "spatial", country, scheme="ISO3166")
    return root


DUBLIN_CORE = PublishedSchema(
    "dublin-core",
    "third_party/dublin-core/qualifieddc.xsd",
    "dc",
    True,
    "DCMI qualified Dublin Core container (2008 XSDs)",
)


class DublinCoreWriter:
    """Qualified Dublin Core record (DCMI 2008 XSDs)."""

    name: ClassVar[str] = "dc"
    extension: ClassVar[str] = ".dc.xml"
    media_type: ClassVar[str] = "application/xml"
    many: ClassVar[bool] = False
    binary: ClassVar[bool] = False
    description: ClassVar[str] = "qualified Dublin Core record for archives"
    schemas: ClassVar[tuple[PublishedSchema, ...]] = (DUBLIN_CORE,)

    @staticmethod
    def sniff(probe: Probe) -> bool:
        return probe.xml_tag() in ("qualifieddc", "simpledc")

    @staticmethod
    def validate(data: bytes) -> list[str]:
        return xml_problems(data, DUBLIN_CORE.path or "")

    def render(self, notices: Sequence[Notice], *, options: WriterOptions) -> bytes:
        notice = single(notices, self.name)
        data = xml_bytes(record(notice, options))
        return check_output(data, self, options, describe(notice))
