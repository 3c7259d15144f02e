"""One page's reading order from its words and rulings: the layout stage proper.

Readers with geometry hand over :class:`PageWords` (words with boxes, fonts and sizes, and the
page's rulings); :func:`analyse_page` rebuilds what notices print: ruled label│value tables (one
``row`` per table row), borderless label│value columns (``col`` only), list items, and paragraph
blocks that keep a wrapped line with the line it continues.
"""

from __future__ import annotations

import statistics
from collections.abc import Hashable
from dataclasses import dataclass, field

from avis.layout.blocks import Ids, assign_blocks
from avis.layout.columns import Sidebar, find_columns, find_sidebar, gap_starts
from avis.layout.grids import Grid, Rulings, find_grids
from avis.layout.items import apply_bullet, resolve_dashes
from avis.layout.lines import (
    bb,
    group_lines,
    join_words,
    line_size,
    make_line,
    right_edge,
    split_at,
)
from avis.layout.model import Line, Origin, Page, Word
from avis.layout.pairs import mostly_inline


@dataclass(slots=True)
class PageWords:
    """What a reader with geometry produces for one page: words (boxes, fonts, sizes) and rules.

    Coordinates are PDF points from the page's top-left corner, like the layout model's.
    """

    number: int
    width: float
    height: float
    words: list[Word]
    rulings: Rulings = field(default_factory=Rulings)
    origin: Origin = "text_layer"


@dataclass(slots=True)
class _Item:
    """A unit of the page's reading order: an ordinary line, or a table's lines.

    Entries are (line, text-flow context, right edge where the flow wraps or None for the body).
    """

    top: float
    entries: list[tuple[Line, Hashable, float | None]]


def analyse_page(raw: PageWords, ids: Ids) -> Page:
    """Reading order of a page's words: ruled tables, borderless columns, wrapped items."""
    words, number, hs, vs = raw.words, raw.number, raw.rulings.horizontal, raw.rulings.vertical
    page = Page(number=number, width=raw.width, height=raw.height, origin=raw.origin)
    if not words:
        return page
    grids = find_grids(hs, vs) if hs and vs else []
    items: list[_Item] = []
    free = words
    if grids:
        cells: dict[tuple[int, int, int], list[Word]] = {}
        free = []
        for w in words:
            assert w.bbox is not None
            cx, cy = (w.bbox[0] + w.bbox[2]) / 2, (w.bbox[1] + w.bbox[3]) / 2
            for gi, grid in enumerate(grids):
                g = grid.bbox
                if g[0] <= cx <= g[2] and g[1] <= cy <= g[3]:
                    where = grid.locate(cx, cy)
                    if where is not None:
                        cells.setdefault((gi, *where), []).append(w)
                        break
            else:
                free.append(w)
        for gi, grid in enumerate(grids):
            item = _grid_item(gi, grid, cells, number, raw.origin, ids)
            if item.entries:
                items.append(item)
    items.extend(_flow_items(group_lines(free), number, raw.origin))
    items.sort(key=lambda it: it.top)
    entries: list[tuple[Line, Hashable, float | None]] = []
    segment = 0
    for item in items:
        if len(item.entries) == 1 and item.entries[0][1] is None:
            entries.append((item.entries[0][0], ("body", segment), None))
        else:
            segment += 1
            entries.extend(item.entries)
    body_right = right_edge(line for line, _, right in entries if right is None)
    flows = [(line, ctx, body_right if right is None else right) for line, ctx, right in entries]
    resolve_dashes(flows)
    assign_blocks(flows, ids.block)
    page.lines = [line for line, _, _ in entries]
    return page


def _grid_item(
    gi: int,
    grid: Grid,
    cells: dict[tuple[int, int, int], list[Word]],
    page: int,
    origin: Origin,
    ids: Ids,
) -> _Item:
    """Lines of a ruled table, row by row; label│value rows get ``col`` and a shared ``row``.

    Rows of two or four cells are label│value pairs unless the left cells already hold
    "Label : value" items; other rows are read cell by cell as ordinary lines.
    """
    bands = []
    for bi, band in enumerate(grid.bands):
        n = len(band.cuts) - 1
        cell_lines = [
            [make_line(ws, page, origin) for ws in group_lines(cells.get((gi, bi, ci), []))]
            for ci in range(n)
        ]
        if any(cell_lines):
            for lines in cell_lines:
                for line in lines:
                    apply_bullet(line)
            bands.append((bi, band, cell_lines))
    pairs = not mostly_inline(
        " ".join(line.text for line in cell_lines[ci])
        for _, _, cell_lines in bands
        if len(cell_lines) in (2, 4)
        for ci in range(0, len(cell_lines), 2)
    )
    entries: list[tuple[Line, Hashable, float | None]] = []
    if pairs and len(bands) == 1 and len(bands[0][2]) == 2:
        # A frame with a column rule but no row rules: rows are not delimited, so read it like
        # a borderless table (visual line by visual line) and let extraction pair the rows.
        bi, band, cell_lines = bands[0]
        rights = [_cell_right(band.cuts[k + 1], cell_lines[k]) for k in (0, 1)]
        words = cells.get((gi, bi, 0), []) + cells.get((gi, bi, 1), [])
        for ws in group_lines(words):
            for k, part in enumerate(split_at(ws, band.cuts[1])):
                if part:
                    line = make_line(part, page, origin, col=k)
                    apply_bullet(line)
                    entries.append((line, ("grid", gi, k), rights[k]))
        return _Item(grid.bbox[1], entries)
    for bi, band, cell_lines in bands:
        n = len(cell_lines)
        if pairs and n in (2, 4):
            for pair in range(n // 2):
                row = ids.row()
                for k in (0, 1):
                    ci = 2 * pair + k
                    right = _cell_right(band.cuts[ci + 1], cell_lines[ci])
                    for line in cell_lines[ci]:
                        line.col, line.row = k, row
                        entries.append((line, ("grid", gi, k, row), right))
        else:
            for ci, lines in enumerate(cell_lines):
                right = _cell_right(band.cuts[ci + 1], lines)
                entries.extend((line, ("grid", gi, bi, ci), right) for line in lines)
    return _Item(grid.bbox[1], entries)


def _cell_right(cut: float, lines: list[Line]) -> float:
    """Where text wraps before a column rule: cell padding is unknown, so assume a wide one
    (a wrapped value is then kept in one block rather than cut into items)."""
    size = statistics.median([line_size(line.words) for line in lines]) if lines else 10.0
    return cut - size


def _inner_cut(sides: list[list[Word]]) -> float | None:
    """The gutter inside one side of a region, if it holds one: the region is then one cut of
    a grid of three or more columns (cells side by side, label above value), whose cells are
    kept apart rather than joined into one line per row."""
    found = find_columns([ws for ws in sides if ws], min_rows=2)
    return found[0].x if found else None


def _cells(
    left: list[Word], right: list[Word], cuts: tuple[float | None, float | None]
) -> list[list[Word]]:
    """A region line cut at the region's gutter and at the inner gutters of either side."""
    out: list[list[Word]] = []
    for side, cut in ((left, cuts[0]), (right, cuts[1])):
        out.extend(split_at(side, cut) if cut is not None else (side,))
    return out


def _flow_items(lines: list[list[Word]], page: int, origin: Origin) -> list[_Item]:
    """Lines outside ruled tables; borderless two-column regions are cut at their gutter.

    A region whose left column holds bare labels is a label│value table (``col`` 0/1, no
    rows); one whose left column already holds "Label : value" items is two columns of items,
    read left column first, as ordinary lines.
    """
    starts = gap_starts(lines)
    side = find_sidebar(lines, starts=starts)
    if side is not None:
        return _sidebar_items(lines, side, page, origin)
    items: list[_Item] = []
    regions = find_columns(lines, starts=starts)
    in_region: set[int] = set()
    for ri, region in enumerate(regions):
        in_region.update(range(region.start, region.end + 1))
        halves = [split_at(lines[i], region.x) for i in range(region.start, region.end + 1)]
        inner = (_inner_cut([left for left, _ in halves]), _inner_cut([r for _, r in halves]))
        pairs = inner == (None, None) and not mostly_inline(
            join_words(left) for left, right in halves if left and right
        )
        parts: list[tuple[Line, tuple[str, int, int]]] = []
        for left, right in halves:
            cells = _cells(left, right, inner)
            for k, ws in enumerate(cells):
                if ws:
                    line = make_line(ws, page, origin, col=k if pairs else None)
                    apply_bullet(line)
                    parts.append((line, ("cols", ri, k)))
        if not pairs:  # left column first, then right
            parts.sort(key=lambda part: part[1][2])
        value_right = right_edge(line for line, ctx in parts if ctx[2] == 1)
        label_right = _cell_right(region.x, [line for line, ctx in parts if ctx[2] == 0])
        entries: list[tuple[Line, Hashable, float | None]] = [
            (line, ctx, label_right if ctx[2] == 0 else value_right) for line, ctx in parts
        ]
        top = min(w.bbox[1] for w in lines[region.start] if w.bbox is not None)
        items.append(_Item(top, entries))
    for i, ws in enumerate(lines):
        if i in in_region:
            continue
        line = make_line(ws, page, origin)
        apply_bullet(line)
        assert line.bbox is not None
        items.append(_Item(line.bbox[1], [(line, None, None)]))
    return items


def _sidebar_items(
    lines: list[list[Word]], side: Sidebar, page: int, origin: Origin
) -> list[_Item]:
    """A page with a sidebar: the sidebar's own flow first (where its band starts), then the
    body's; each is read like a page of its own (its label│value columns, its lists)."""
    narrow: list[Word] = []
    wide: list[Word] = []
    for i, ws in enumerate(lines):
        for w in ws:
            inside = (
                side.start <= i <= side.end and ((bb(w)[0] + bb(w)[2]) / 2 < side.x) == side.left
            )
            (narrow if inside else wide).append(w)
    first = _flow_items(group_lines(narrow), page, origin)
    # The band's top: the body's first line beside the sidebar may sit higher (a larger font).
    top = min(bb(w)[1] for w in lines[side.start])
    # Keep the sidebar's items together and before the body lines of its band.
    for k, item in enumerate(sorted(first, key=lambda it: it.top)):
        item.top = top - 1 + k * 1e-4
        for line, _, _ in item.entries:
            line.flow = 1
    return first + _flow_items(group_lines(wide), page, origin)
