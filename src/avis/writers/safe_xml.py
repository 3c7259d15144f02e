"""XML parsing for untrusted bytes: no DTD, no entities, no network; avis errors only.

Shared by the XML readers of avis's own outputs (``from_xml``), format detection and
validation, so it lives on its own and imports nothing else of avis but the errors.
"""

from __future__ import annotations

import re

from lxml import etree

from avis.errors import CorruptInputError, UnsafeInputError


def safe_parse(data: bytes) -> etree._Element:
    """Parse XML without DTDs, entities or network; raise avis errors only."""
    if re.search(rb"<!(DOCTYPE|ENTITY)", data[:4096], re.IGNORECASE):
        raise UnsafeInputError("XML with a DOCTYPE or entity declarations is refused")
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise CorruptInputError(f"not well-formed XML: {exc}") from exc
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise UnsafeInputError("XML with a DOCTYPE or entity declarations is refused")
    return root
