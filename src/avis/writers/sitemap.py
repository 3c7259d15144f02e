"""Sitemaps (sitemaps.org 0.9): written by ``avis sync``, not a ``--to`` format, but recognised
and validated like every output (``avis validate site/sitemap.xml``).

A ``<urlset>`` is checked against ``sitemap.xsd``, a ``<sitemapindex>`` (over 50,000 pages)
against ``siteindex.xsd``; both are the official files, shipped unchanged.
"""

from __future__ import annotations

from typing import ClassVar

from avis.writers.base import Probe
from avis.writers.schemas import PublishedSchema, xsd_problems

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"

SITEMAP_SCHEMA = PublishedSchema(
    "sitemap",
    "third_party/sitemaps/sitemap.xsd",
    "sitemap",
    True,
    "sitemaps.org 0.9 sitemap (urlset), as avis sync writes",
)
SITEINDEX_SCHEMA = PublishedSchema(
    "sitemap-index",
    "third_party/sitemaps/siteindex.xsd",
    "sitemap",
    True,
    "sitemaps.org 0.9 sitemap index (over 50,000 pages)",
)


def sitemap_problems(data: bytes) -> list[str]:
    """Problems of a sitemap or sitemap index against its sitemaps.org XSD ([] when valid)."""
    from avis.errors import AvisError
    from avis.writers.safe_xml import safe_parse

    try:
        root = safe_parse(data)
    except AvisError as exc:
        return [exc.message]
    schema = SITEINDEX_SCHEMA if root.tag == f"{{{SITEMAP_NS}}}sitemapindex" else SITEMAP_SCHEMA
    return xsd_problems(root, schema.path or "")


class SitemapFormat:
    """``sitemap.xml`` (and sitemap index) of a synced site: validate-only, no writer."""

    name: ClassVar[str] = "sitemap"
    extension: ClassVar[str] = ".xml"
    media_type: ClassVar[str] = "application/xml"
    description: ClassVar[str] = "sitemaps.org sitemap or sitemap index (avis sync)"
    schemas: ClassVar[tuple[PublishedSchema, ...]] = (SITEMAP_SCHEMA, SITEINDEX_SCHEMA)

    @staticmethod
    def sniff(probe: Probe) -> bool:
        return probe.xml_tag() in (f"{{{SITEMAP_NS}}}urlset", f"{{{SITEMAP_NS}}}sitemapindex")

    @staticmethod
    def validate(data: bytes) -> list[str]:
        return sitemap_problems(data)
