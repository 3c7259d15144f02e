"""Table rules from what a page draws: straight lines and rectangles, whichever engine found them.

A thin rectangle is a rule (Word draws table borders as filled rectangles), a larger one gives
its four edges (a cell or frame), and one covering most of the page is a background.
"""

from __future__ import annotations

from collections.abc import Iterable

from avis.layout import Rulings, Segment

Box = tuple[float, float, float, float]
"""x0, top, x1, bottom in page points (top-left origin)."""


def rulings_from(
    lines: Iterable[Box], rects: Iterable[Box], width: float, height: float
) -> Rulings:
    """Horizontal and vertical rules from drawn lines and rectangle edges."""
    area = width * height
    hs: list[Segment] = []
    vs: list[Segment] = []
    for x0, top, x1, bottom in lines:
        if bottom - top <= 1.5:
            hs.append(((top + bottom) / 2, x0, x1))
        elif x1 - x0 <= 1.5:
            vs.append(((x0 + x1) / 2, top, bottom))
    for x0, top, x1, bottom in rects:
        w, h = x1 - x0, bottom - top
        if w * h > 0.5 * area:  # a page background or frame
            continue
        if h <= 2.5 and w > 2.5:
            hs.append(((top + bottom) / 2, x0, x1))
        elif w <= 2.5 and h > 2.5:
            vs.append(((x0 + x1) / 2, top, bottom))
        elif w > 2.5 and h > 2.5:
            hs.extend([(top, x0, x1), (bottom, x0, x1)])
            vs.extend([(x0, top, bottom), (x1, top, bottom)])
    return Rulings(hs, vs)
