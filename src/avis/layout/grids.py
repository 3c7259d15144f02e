"""Ruled tables: horizontal and vertical rules joined into grids of rows and cells."""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field

from avis.layout.model import BBox

# A ruling segment: (position, start, end) — y, x0, x1 for horizontal; x, top, bottom for vertical.
Segment = tuple[float, float, float]

_SNAP = 2.0  # points: rulings this close are one rule
_MAX_SEGMENTS = 600  # a page drawing more rules than this is a chart, not a form


@dataclass(slots=True)
class Rulings:
    """The rules a reader found on a page (drawn lines, thin rectangles, rectangle edges)."""

    horizontal: list[Segment] = field(default_factory=list)
    vertical: list[Segment] = field(default_factory=list)


@dataclass(slots=True)
class Band:
    """One table row between two horizontal rules, cut into cells by the rules crossing it."""

    top: float
    bottom: float
    cuts: list[float]  # x boundaries, left border first, right border last


@dataclass(slots=True)
class Grid:
    """A ruled table: rows (bands) top to bottom, each with its own column cuts."""

    bbox: BBox
    bands: list[Band]
    tops: list[float] = field(default_factory=list)

    def locate(self, x: float, y: float) -> tuple[int, int] | None:
        """(band index, cell index) holding the point, or None when outside every row."""
        i = bisect.bisect_right(self.tops, y) - 1
        if i < 0 or y > self.bands[i].bottom:
            return None
        cuts = self.bands[i].cuts
        if not cuts[0] - _SNAP <= x <= cuts[-1] + _SNAP:
            return None  # beside this row's own rules (a box that is narrower than the table)
        j = bisect.bisect_right(cuts, x) - 1
        return i, min(max(j, 0), len(cuts) - 2)


def _merge(segments: list[Segment]) -> list[Segment]:
    """Snap collinear segments together (cells drawn one by one make one long rule)."""
    segments.sort()
    merged: list[list[float]] = []
    for pos, a, b in segments:
        for m in reversed(merged[-6:]):
            if abs(m[0] - pos) <= _SNAP and a <= m[2] + _SNAP and b >= m[1] - _SNAP:
                m[1] = min(m[1], a)
                m[2] = max(m[2], b)
                break
        else:
            merged.append([pos, a, b])
    return [(m[0], m[1], m[2]) for m in merged]


def _cluster(values: list[float], tol: float = _SNAP) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= tol:
            continue
        out.append(v)
    return out


def find_grids(horizontal: list[Segment], vertical: list[Segment]) -> list[Grid]:
    """Ruled tables: connected horizontal and vertical rules with at least one inner column rule.

    A frame around the page or an underline has no inner vertical rule and is not a table, so
    its words are left to the ordinary line flow.
    """
    hs = _merge([s for s in horizontal if s[2] - s[1] > 4])
    vs = _merge([s for s in vertical if s[2] - s[1] > 4])
    if not hs or not vs or len(hs) + len(vs) > _MAX_SEGMENTS:
        return []
    parent = list(range(len(hs) + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (y, x0, x1) in enumerate(hs):
        for j, (x, t, b) in enumerate(vs):
            if x0 - _SNAP <= x <= x1 + _SNAP and t - _SNAP <= y <= b + _SNAP:
                parent[find(i)] = find(len(hs) + j)
    groups: dict[int, tuple[list[Segment], list[Segment]]] = {}
    for i, s in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(s)
    for j, s in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(s)
    grids = []
    for g_h, g_v in groups.values():
        grid = _grid(g_h, g_v)
        if grid is not None:
            grids.append(grid)
    return grids


def _grid(hs: list[Segment], vs: list[Segment]) -> Grid | None:
    if len(hs) < 2 or not vs:
        return None
    x0 = min(min(s[1] for s in hs), min(s[0] for s in vs))
    x1 = max(max(s[2] for s in hs), max(s[0] for s in vs))
    top = min(min(s[0] for s in hs), min(s[1] for s in vs))
    bottom = max(max(s[0] for s in hs), max(s[2] for s in vs))
    inner = [v for v in vs if x0 + 3 < v[0] < x1 - 3]
    if not inner:
        return None
    ys = _cluster([s[0] for s in hs])
    bands = []
    for a, b in itertools.pairwise(ys):
        if b - a < 4:  # a double rule, not a row
            continue
        # The row spans where both its rules run: a box beside the text, joined to a table
        # below by a shared rule, makes no cell of the text beside the box.
        left, right = x0, x1
        for y in (a, b):
            runs = [s for s in hs if abs(s[0] - y) <= _SNAP]
            left = max(left, min(s[1] for s in runs))
            right = min(right, max(s[2] for s in runs))
        crossing = [
            v[0]
            for v in inner
            if v[1] <= a + _SNAP and v[2] >= b - _SNAP and left + 3 < v[0] < right - 3
        ]
        bands.append(Band(a, b, [left, *_cluster(crossing), right]))
    if not any(len(band.cuts) > 2 for band in bands):
        return None
    return Grid((x0, top, x1, bottom), bands, [band.top for band in bands])
