"""Page furniture: running headers, footers and page numbers, dropped from any paged source.

Shared by the PDF reader and the image reader (multi-page scans repeat them too); left in,
they land in the middle of a wrapped value or list item.
"""

from __future__ import annotations

import re

from avis.layout import Line, Page

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
    return " ".join(_DIGITS.sub("#", text.lower()).split())


def drop_furniture(pages: list[Page]) -> None:
    """Drop running headers/footers (same text, digits aside, on two pages or more) and page
    numbers, which would otherwise land in the middle of a wrapped value or list item."""
    seen: dict[tuple[str, str], set[int]] = {}
    for page in pages:
        for line in page.lines:
            zone = _zone(line, page)
            if zone is not None:
                seen.setdefault((zone, _furniture_key(line.text)), set()).add(page.number)
    repeated = {key for key, nums in seen.items() if len(nums) >= 2}
    for page in pages:
        kept = []
        for line in page.lines:
            text = line.text.strip()
            zone = _zone(line, page)
            if line.col is None and _PAGE_NUMBER_ANYWHERE.match(text):
                continue
            if zone is not None and (
                (zone, _furniture_key(text)) in repeated or _PAGE_NUMBER_MARGIN.match(text)
            ):
                continue
            kept.append(line)
        page.lines = kept
