"""Layout analysis on positioned words: visual lines, ruled grids, borderless label│value columns.

Pure functions on :class:`~avis.layout.Word` boxes (PDF points, top-left origin), so that every
reader with geometry (PDF text layer, OCR) can share them. Everything here is linear or
``n log n`` in the number of words: the PDF parse is the expensive part and this must stay
small next to it.
"""

from __future__ import annotations

import bisect
import itertools
import statistics
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field

from avis.layout import BBox, Line, Origin, Word, union_bbox
from avis.readers._bullets import is_bullet_token

# A ruling segment: (position, start, end) — y, x0, x1 for horizontal; x, top, bottom for vertical.
Segment = tuple[float, float, float]

_SNAP = 2.0  # points: rulings this close are one rule
_MAX_SEGMENTS = 600  # a page drawing more rules than this is a chart, not a form


# ---------------------------------------------------------------------------------------------
# Lines


def _bb(word: Word) -> BBox:
    assert word.bbox is not None
    return word.bbox


def _height(word: Word) -> float:
    b = _bb(word)
    return max(b[3] - b[1], 1.0)


def group_lines(words: Iterable[Word]) -> list[list[Word]]:
    """Cluster words into visual lines by vertical centre, each sorted left to right.

    The tolerance is a fraction of the taller word so that a value printed half a line lower
    (vertically centred in a table row) makes its own line; a smaller word whose baseline sits
    inside the line (a superscript footnote mark) joins it.
    """
    ordered = sorted(
        (w for w in words if w.bbox is not None), key=lambda w: (_bb(w)[1] + _bb(w)[3]) / 2
    )
    lines: list[tuple[float, float, float, list[Word]]] = []  # (centre, height, bottom, words)
    for w in ordered:
        b = _bb(w)
        centre = (b[1] + b[3]) / 2
        h = _height(w)
        for i in range(len(lines) - 1, max(len(lines) - 4, -1), -1):
            c, lh, bottom, ws = lines[i]
            same = (
                abs(centre - c) <= 0.45 * max(h, lh)
                or (h < 0.85 * lh and bottom - 0.8 * lh <= b[3] <= bottom + 0.2 * lh)
                or (lh < 0.85 * h and b[3] - 0.8 * h <= bottom <= b[3] + 0.2 * h)
            )
            if same:
                ws.append(w)
                if h > lh:
                    lines[i] = (c, h, b[3], ws)
                break
        else:
            lines.append((centre, h, b[3], [w]))
    result = [sorted(ws, key=lambda w: _bb(w)[0]) for _, _, _, ws in lines]
    result.sort(key=lambda ws: min(_bb(w)[1] for w in ws))
    return result


def line_size(words: list[Word]) -> float:
    """Dominant font size of a line (by characters), falling back to box height."""
    if not words:
        return 0.0
    weight: dict[float, int] = {}
    for w in words:
        size = w.size if w.size else _height(w)
        key = round(size * 2) / 2
        weight[key] = weight.get(key, 0) + len(w.text)
    return max(weight.items(), key=lambda kv: (kv[1], kv[0]))[0]


def join_words(words: list[Word]) -> str:
    """Text of a line: words split only by a font change (no gap) are glued back together."""
    parts: list[str] = []
    prev: Word | None = None
    for w in words:
        if prev is not None:
            gap = _bb(w)[0] - _bb(prev)[2]
            size = prev.size or _height(prev)
            if gap > 0.12 * size:
                parts.append(" ")
        parts.append(w.text)
        prev = w
    return "".join(parts)


def make_line(words: list[Word], page: int, origin: Origin, col: int | None = None) -> Line:
    """Build a layout line from words already sorted left to right."""
    conf = min((w.conf for w in words), default=1.0)
    return Line(
        text=join_words(words),
        words=words,
        bbox=union_bbox([w.bbox for w in words]),
        page=page,
        origin=origin,
        conf=conf,
        bold=bool(words) and all(w.bold for w in words),
        col=col,
    )


# ---------------------------------------------------------------------------------------------
# Ruled grids


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
        crossing = [v[0] for v in inner if v[1] <= a + _SNAP and v[2] >= b - _SNAP]
        bands.append(Band(a, b, [x0, *_cluster(crossing), x1]))
    if not any(len(band.cuts) > 2 for band in bands):
        return None
    return Grid((x0, top, x1, bottom), bands, [band.top for band in bands])


# ---------------------------------------------------------------------------------------------
# Borderless label│value columns


@dataclass(slots=True)
class Region:
    """Consecutive visual lines (indexes ``start``..``end`` inclusive) cut at column ``x``."""

    start: int
    end: int
    x: float


def _crosses(words: list[Word], x: float) -> bool:
    return any(_bb(w)[0] < x - 0.5 and _bb(w)[2] > x + 0.5 for w in words)


def _side(words: list[Word], x: float) -> str:
    """Where a line lies against the cut: left, right, split, or cross (a word spans it)."""
    if _crosses(words, x):
        return "cross"
    left = any(_bb(w)[2] <= x + 0.5 for w in words)
    right = any(_bb(w)[0] >= x - 0.5 for w in words)
    return "split" if left and right else ("left" if left else "right")


def _gap_starts(words: list[Word]) -> list[float]:
    """x where a word starts after a gap far wider than a space (a column gutter).

    The gap after a bullet glyph is the item's indent, not a gutter.
    """
    out = []
    for a, b in itertools.pairwise(words):
        size = a.size or _height(a)
        if _bb(b)[0] - _bb(a)[2] >= 1.2 * size and not is_bullet_token(a.text, a.font):
            out.append(_bb(b)[0])
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
    return min(_bb(w)[1] for w in b) - min(_bb(w)[1] for w in a)


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


def split_at(words: list[Word], x: float) -> tuple[list[Word], list[Word]]:
    """Words left and right of a column boundary (by word centre)."""
    left = [w for w in words if (_bb(w)[0] + _bb(w)[2]) / 2 < x]
    right = [w for w in words if (_bb(w)[0] + _bb(w)[2]) / 2 >= x]
    return left, right


# ---------------------------------------------------------------------------------------------
# Paragraph blocks


def _typical_pitch(entries: list[tuple[Line, Hashable, float]]) -> dict[Hashable, float]:
    """Usual top-to-top distance between consecutive lines, in font sizes, per context (the
    page body and a table column space their lines differently); ``None`` holds the overall
    figure for contexts with too few lines to tell."""
    last: dict[Hashable, Line] = {}
    ratios: dict[Hashable, list[float]] = {}
    for line, ctx, _ in entries:
        prev = last.get(ctx)
        last[ctx] = line
        if prev is None or prev.bbox is None or line.bbox is None:
            continue
        size = line_size(line.words) or 10.0
        r = (line.bbox[1] - prev.bbox[1]) / size
        if 0.8 <= r <= 3.0:
            ratios.setdefault(ctx, []).append(r)
    every = [r for rs in ratios.values() for r in rs]
    typical: dict[Hashable, float] = {None: statistics.median(every) if every else 1.25}
    for ctx, rs in ratios.items():
        if len(rs) >= 3:
            typical[ctx] = statistics.median(rs)
    return typical


def assign_blocks(
    entries: list[tuple[Line, Hashable, float]], new_block: Callable[[], int]
) -> None:
    """Give the lines of one paragraph or list item the same ``block`` id.

    ``entries`` are (line, context, right edge) in reading order; a context is one text flow
    (the page body, one table cell or column). A line continues the previous line of its
    context unless it is a bullet, changes size or weight, follows a wider gap than the usual
    line pitch, is not aligned with the item's text, or its first word would have fitted on the
    previous line (so the previous line ended on purpose).
    """
    typical = _typical_pitch(entries)
    state: dict[Hashable, tuple[Line, Line, int, float]] = {}  # prev, first, count, text x
    for line, ctx, right in entries:
        prev = state.get(ctx)
        ratio = typical.get(ctx, typical[None])
        if prev is None or _breaks(prev, line, right, ratio):
            line.block = new_block()
            x = line.bbox[0] if line.bbox else 0.0
            state[ctx] = (line, line, 1, x)
        else:
            _, first, count, x = prev
            line.block = first.block
            state[ctx] = (line, first, count + 1, x)


def _breaks(prev: tuple[Line, Line, int, float], cur: Line, right: float, ratio: float) -> bool:
    last, first, count, text_x = prev
    if cur.bullet or cur.bbox is None or last.bbox is None or not cur.words:
        return True
    size = line_size(cur.words) or 10.0
    last_size = line_size(last.words) or size
    if abs(size - last_size) > 0.15 * max(size, last_size):
        return True
    if cur.bold != last.bold and not cur.text[:1].islower():
        return True  # a bold label wrapping onto its value ("Domaine :" / "cadre …") continues
    if cur.bbox[1] - last.bbox[1] > ratio * 1.2 * size:  # paragraph spacing
        return True
    x0 = cur.bbox[0]
    if first.bullet:
        if x0 < text_x - 0.5 * size:
            return True
    elif count == 1:
        if x0 > first.bbox[0] + size:  # a first-line indent is fine, the reverse is not
            return True
    elif abs(x0 - last.bbox[0]) > size:
        return True
    if not last.text.endswith(("-", "‐")):
        w0 = cur.words[0].bbox
        if w0 is not None and last.bbox[2] + 0.3 * size + (w0[2] - w0[0]) < right - 0.5:
            return True
    return False


def right_edge(lines: Iterable[Line]) -> float:
    """Where the lines of a flow wrap: a high percentile of their right ends (robust to a stray
    overflowing line)."""
    ends = sorted(line.bbox[2] for line in lines if line.bbox is not None)
    if not ends:
        return 0.0
    return ends[min(len(ends) - 1, int(len(ends) * 0.9))]
