"""Borderless label│value columns: consecutive lines whose right part starts at one x."""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from avis.layout.bullets import is_bullet_token
from avis.layout.lines import bb, height, line_size
from avis.layout.model import Word


@dataclass(slots=True)
class Region:
    """Consecutive visual lines (indexes ``start``..``end`` inclusive) cut at column ``x``."""

    start: int
    end: int
    x: float


def _crosses(words: list[Word], x: float) -> bool:
    return any(bb(w)[0] < x - 0.5 and bb(w)[2] > x + 0.5 for w in words)


def _side(words: list[Word], x: float) -> str:
    """Where a line lies against the cut: left, right, split, or cross (a word spans it)."""
    if _crosses(words, x):
        return "cross"
    left = any(bb(w)[2] <= x + 0.5 for w in words)
    right = any(bb(w)[0] >= x - 0.5 for w in words)
    return "split" if left and right else ("left" if left else "right")


def _gap_starts(words: list[Word]) -> list[float]:
    """x where a word starts after a gap far wider than a space (a column gutter).

    The gap after a bullet glyph is the item's indent, not a gutter.
    """
    out = []
    for a, b in itertools.pairwise(words):
        size = a.size or height(a)
        if bb(b)[0] - bb(a)[2] >= 1.2 * size and not is_bullet_token(a.text, a.font):
            out.append(bb(b)[0])
    return out


def find_columns(lines: list[list[Word]], min_rows: int = 3) -> list[Region]:
    """Borderless two-column regions: several lines whose right part starts at the same x.

    A region spans from the first to the last line holding a wide gap before that x, through
    lines that keep clear of it (label or value wrapped alone); lines crossing the x end it.
    Label-only or value-only lines right before or after are taken when they follow at the
    ordinary line pitch (the wrapped end of the first or last row).
    """
    starts = [_gap_starts(ws) for ws in lines]
    votes: dict[int, list[float]] = {}
    for xs in starts:
        for x in xs:
            votes.setdefault(round(x / 3), []).append(x)
    # Merge neighbouring buckets so a column at x = 180.9 / 181.2 counts once.
    candidates: list[tuple[int, float]] = []
    for key in sorted(votes):
        xs = votes[key] + votes.get(key + 1, [])
        if len(xs) >= min_rows:
            candidates.append((len(xs), statistics.median(xs)))
    candidates.sort(reverse=True)
    taken = [False] * len(lines)
    regions: list[Region] = []
    for _, x in candidates:
        support = [
            i for i, xs in enumerate(starts) if not taken[i] and any(abs(s - x) <= 3 for s in xs)
        ]
        if len(support) < min_rows:
            continue
        for region in _runs(lines, support, x, taken, min_rows):
            regions.append(region)
            for i in range(region.start, region.end + 1):
                taken[i] = True
    regions.sort(key=lambda r: r.start)
    return regions


def _runs(
    lines: list[list[Word]], support: list[int], x: float, taken: list[bool], min_rows: int
) -> Iterable[Region]:
    run: list[int] = []
    for i in support:
        if run and (any(taken[k] or _side(lines[k], x) == "cross" for k in range(run[-1] + 1, i))):
            yield from _close(lines, run, x, taken, min_rows)
            run = []
        run.append(i)
    yield from _close(lines, run, x, taken, min_rows)


def _pitch(a: list[Word], b: list[Word]) -> float:
    return min(bb(w)[1] for w in b) - min(bb(w)[1] for w in a)


def _close(
    lines: list[list[Word]], run: list[int], x: float, taken: list[bool], min_rows: int
) -> Iterable[Region]:
    if len(run) < min_rows:
        return
    start, end = run[0], run[-1]
    size = statistics.median(line_size(lines[i]) for i in run) or 10.0
    # Rows inside the table are this far apart at most; a wider gap is where the table ends.
    pitches = [_pitch(lines[i], lines[i + 1]) for i in range(start, end)]
    limit = 1.05 * min(max([1.6 * size, *pitches]), 3 * size)
    while (
        start > 0
        and not taken[start - 1]
        and _side(lines[start - 1], x) != "cross"
        and _pitch(lines[start - 1], lines[start]) <= limit
    ):
        start -= 1
    while (
        end + 1 < len(lines)
        and not taken[end + 1]
        and _side(lines[end + 1], x) != "cross"
        and _pitch(lines[end], lines[end + 1]) <= limit
    ):
        end += 1
    yield Region(start, end, x)
