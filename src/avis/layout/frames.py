"""Boxes between a page's upright frame (where avis reads it) and its stored frame (the image
as scanned, which people look at).

OCR turns a page scanned sideways or upside down before reading it, so the layout and every
rule work upright; a box shown over the original scan (provenance, the review page) must be
turned back. Quarter turns keep boxes axis-aligned, so the mapping is exact.
"""

from __future__ import annotations

from avis.layout.model import BBox, Page


def to_stored_frame(bbox: BBox, page: Page) -> BBox:
    """``bbox`` (upright frame of ``page``) in the frame of the page as stored.

    ``page.turned`` is the counter-clockwise turn that made the stored image upright; width
    and height are the upright page's."""
    turned = page.turned % 360
    if not turned or page.width is None or page.height is None:
        return bbox
    x0, top, x1, bottom = bbox
    w, h = page.width, page.height
    if turned == 90:  # stored (x, y) went to (y, W_stored - x); W_stored = upright height
        return (h - bottom, x0, h - top, x1)
    if turned == 180:
        return (w - x1, h - bottom, w - x0, h - top)
    if turned == 270:  # stored (x, y) went to (H_stored - y, x); H_stored = upright width
        return (top, w - x1, bottom, w - x0)
    raise ValueError(f"a page is only ever turned by quarter turns, not {page.turned}°")
