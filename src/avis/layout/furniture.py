"""Page furniture: running headers, footers and page numbers, dropped from any paged source.

Shared by the PDF reader and the image reader (multi-page scans repeat them too); left in,
they land in the middle of a wrapped value or list item.
"""

from __future__ import annotations

import re
import unicodedata

from avis.layout.model import Line, Page

_FURNITURE_ZONE = 0.08
_PAGE_NUMBER_ANYWHERE = re.compile(r"^page\s*\d{1,4}(\s*(/|sur|of|de)\s*\d{1,4})?$", re.I)
_PAGE_NUMBER_MARGIN = re.compile(
    r"^(p\.?\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?$|^\d{1,4}\s*(/|sur|of)\s*\d{1,4}$", re.I
)
_DIGITS = re.compile(r"\d+")


def _zone(line: Line, page: Page) -> str | None:
    if line.bbox is None or not page.height or line.col is not None:
        return None
    margin = page.height * _FURNITURE_ZONE
    if line.bbox[3] <= margin:
        return "top"
    if line.bbox[1] >= page.height - margin:
        return "bottom"
    return None


def _furniture_key(text: str) -> str:
    """Text as compared across pages: digits, case, accents and punctuation aside (OCR reads
    the same header "väcance" on one page and "vacance" on the next)."""
    folded = unicodedata.normalize("NFKD", _DIGITS.sub("#", text.lower()))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w#]+", " ", folded).split())


def _zone_texts(pages: list[Page]) -> dict[tuple[str, int], str]:
    """Each page's top and bottom zone as one text, lines in reading order."""
    texts: dict[tuple[str, int], list[tuple[float, float, str]]] = {}
    for page in pages:
        for line in page.lines:
            zone = _zone(line, page)
            if zone is not None and line.bbox is not None:
                texts.setdefault((zone, page.number), []).append(
                    (round(line.bbox[1] / 4), line.bbox[0], _furniture_key(line.text))
                )
    return {k: " " + " ".join(t for *_, t in sorted(v)) + " " for k, v in texts.items()}


def drop_furniture(pages: list[Page]) -> None:
    """Drop running headers/footers and page numbers, which would otherwise land in the middle
    of a wrapped value or list item.

    A line in a page's top or bottom zone is a running header or footer when its text (digits
    aside) is found in the same zone of another page: lines need not match one for one, since
    a header printed as one line on one page can come out of OCR as two on the next.
    """
    zones = _zone_texts(pages)
    for page in pages:
        kept = []
        for line in page.lines:
            text = line.text.strip()
            zone = _zone(line, page)
            if line.col is None and _PAGE_NUMBER_ANYWHERE.match(text):
                continue
            if zone is not None:
                if _PAGE_NUMBER_MARGIN.match(text):
                    continue
                key = _furniture_key(text)
                if key and any(
                    f" {key} " in zt
                    for (z, number), zt in zones.items()
                    if z == zone and number != page.number
                ):
                    continue
            kept.append(line)
        page.lines = kept
