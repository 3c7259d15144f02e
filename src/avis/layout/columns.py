"""Borderless label│value columns: consecutive lines whose right part starts at one x."""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from avis.layout.bullets import is_bullet_token
from avis.layout.lines import bb, group_lines, line_size
from avis.layout.model import Word, union_bbox


@dataclass(slots=True)
class Region:
    """Consecutive visual lines (indexes ``start``..``end`` inclusive) cut at column ``x``."""

    start: int
    end: int
    x: float


def _crosses(words: list[Word], x: float) -> bool:
    lo, hi = x - 0.5, x + 0.5
    for w in words:
        b = w.bbox
        assert b is not None  # (inlined bb: tried for every line at every candidate gutter)
        if b[0] < lo and b[2] > hi:
            return True
    return False


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
        ab, bb_ = a.bbox, b.bbox
        assert ab is not None and bb_ is not None
        bx0 = bb_[0]
        size = a.size or max(ab[3] - ab[1], 1.0)  # height(a)
        if bx0 - ab[2] >= 1.2 * size and not is_bullet_token(a.text, a.font):
            out.append(bx0)
    return out


def gap_starts(lines: list[list[Word]]) -> list[list[float]]:
    """:func:`_gap_starts` of each line: the page's column and sidebar searches share them."""
    return [_gap_starts(ws) for ws in lines]


def find_columns(
    lines: list[list[Word]], min_rows: int = 3, starts: list[list[float]] | None = None
) -> list[Region]:
    """Borderless two-column regions: several lines whose right part starts at the same x.

    A region spans from the first to the last line holding a wide gap before that x, through
    lines that keep clear of it (label or value wrapped alone); lines crossing the x end it.
    Label-only or value-only lines right before or after are taken when they follow at the
    ordinary line pitch (the wrapped end of the first or last row).
    """
    if starts is None:
        starts = gap_starts(lines)
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


@dataclass(slots=True)
class Sidebar:
    """A narrow column beside the body (lines ``start``..``end``), cut at ``x``; ``left`` says
    on which side of the cut it lies. Its text is a flow of its own, read before the body's."""

    start: int
    end: int
    x: float
    left: bool


def _centres(words: list[Word]) -> list[float]:
    return [sum((bb(w)[1] + bb(w)[3]) / 2 for w in ws) / len(ws) for ws in group_lines(words)]


def find_sidebar(
    lines: list[list[Word]], min_lines: int = 8, starts: list[list[float]] | None = None
) -> Sidebar | None:
    """A sidebar: a gutter no line crosses over many lines, the text on one side of it narrow
    (at most 40 % of the text width) and laid out independently of the other side — its lines
    do not share the other side's rows, as the cells of a label│value table do."""
    if len(lines) < min_lines:
        return None
    if starts is None:
        starts = gap_starts(lines)
    page_box = union_bbox(w.bbox for ws in lines for w in ws)
    assert page_box is not None
    lo, hi = page_box[0], page_box[2]
    # the height of the page's text, which a sidebar must span a fifth of
    text_height = page_box[3] - page_box[1]
    votes: dict[int, list[float]] = {}
    for ws, gaps in zip(lines, starts, strict=True):
        # Where a column's text starts: after a gutter, or where a line starts (a body line
        # beside an empty stretch of the sidebar).
        for x in {bb(ws[0])[0], *gaps}:
            votes.setdefault(round(x / 3), []).append(x)
    best: Sidebar | None = None
    best_len = 0
    for key in sorted(votes):
        group = votes[key] + votes.get(key + 1, [])
        if len(group) < min_lines:
            continue
        x = statistics.median(group)
        # Cut in the gutter: just left of where the right-hand text starts.
        cut = x - 2
        left = (cut - lo) <= 0.4 * (hi - lo)
        right = (hi - cut) <= 0.4 * (hi - lo)
        if not (left or right):
            continue
        start = None
        for i in range(len(lines) + 1):
            crosses = i == len(lines) or _crosses(lines[i], cut)
            if not crosses and start is None:
                start = i
            if crosses and start is not None:
                end = i - 1
                if end - start + 1 > best_len:
                    found = _check(lines, start, end, cut, left, text_height)
                    if found is not None:
                        best, best_len = found, end - start + 1
                start = None
    return best


def _check(
    lines: list[list[Word]], start: int, end: int, cut: float, left: bool, text_height: float
) -> Sidebar | None:
    narrow: list[Word] = []
    wide: list[Word] = []
    narrow_rows = 0  # lines holding narrow-side text: too few, and no grouping is worth doing
    for ws in lines[start : end + 1]:
        before = len(narrow)
        for w in ws:
            b = w.bbox
            assert b is not None
            (narrow if ((b[0] + b[2]) / 2 < cut) == left else wide).append(w)
        narrow_rows += len(narrow) > before
    if narrow_rows < 10 or not wide:
        return None
    # Tall: ten lines and a fifth of the page's text height at least (a block of a few
    # label│value rows beside one another is a grid, not a sidebar). Line centres lie within
    # the words' centres: a narrow side shorter than that is not tall, without grouping it.
    mids = [(bb(w)[1] + bb(w)[3]) / 2 for w in narrow]
    if max(mids) - min(mids) < text_height / 5:
        return None
    side, other = _centres(narrow), _centres(wide)
    if len(side) < 10 or len(other) < len(side):
        # A body beside a box runs on at least as many lines; a label│value table's wrapped
        # labels (values centred on them) outnumber its values.
        return None
    if max(side) - min(side) < text_height / 5:
        return None
    # The other side is a body flow: few of its lines hold a gutter of their own (a grid of
    # label│value│label│value cells holds one on every row).
    rows = group_lines(wide)
    if 3 * sum(bool(_gap_starts(ws)) for ws in rows) > len(rows):
        return None
    aligned = sum(any(abs(c - o) <= 1.2 for o in other) for c in side)
    if aligned >= 0.5 * len(side):
        return None  # rows shared with the other side: a label│value table, not a sidebar
    # Trim to the lines that hold sidebar text, in one stretch without a wide vertical gap
    # (the page header's right-hand words above it are not the sidebar's).
    has = [
        i
        for i in range(start, end + 1)
        if any(((bb(w)[0] + bb(w)[2]) / 2 < cut) == left for w in lines[i])
    ]
    size = statistics.median(line_size(lines[i]) for i in has) or 10.0
    runs: list[list[int]] = [[has[0]]]
    for i in has[1:]:
        if _pitch(lines[runs[-1][-1]], lines[i]) > 4 * size:
            runs.append([])
        runs[-1].append(i)
    run = max(runs, key=len)
    return Sidebar(run[0], run[-1], cut, left)
