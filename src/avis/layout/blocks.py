"""Paragraph blocks: which consecutive lines of a text flow make one paragraph or list item."""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass, field

from avis.layout.lines import line_size
from avis.layout.model import Line, Page


@dataclass(slots=True)
class Ids:
    """Row and block ids, unique across a whole document (pages are analysed one by one)."""

    rows: Iterator[int] = field(default_factory=itertools.count)
    blocks: Iterator[int] = field(default_factory=itertools.count)

    def row(self) -> int:
        return next(self.rows)

    def block(self) -> int:
        return next(self.blocks)

    def renumber(self, page: Page) -> None:
        """Make the ids of a page analysed on its own (OCR) unique in the document."""
        blocks: dict[int, int] = {}
        rows: dict[int, int] = {}
        for line in page.lines:
            if line.block is not None:
                line.block = blocks.setdefault(line.block, self.block())
            if line.row is not None:
                line.row = rows.setdefault(line.row, self.row())


def _typical_pitch(
    entries: Sequence[tuple[Line, Hashable, float]], sizes: dict[int, float]
) -> dict[Hashable, float]:
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
        size = sizes[id(line)] or 10.0
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
    entries: Sequence[tuple[Line, Hashable, float]], new_block: Callable[[], int]
) -> None:
    """Give the lines of one paragraph or list item the same ``block`` id.

    ``entries`` are (line, context, right edge) in reading order; a context is one text flow
    (the page body, one table cell or column). A line continues the previous line of its
    context unless it is a bullet, changes size or weight, follows a wider gap than the usual
    line pitch, is not aligned with the item's text, or its first word would have fitted on the
    previous line (so the previous line ended on purpose).
    """
    sizes = {id(line): line_size(line.words) for line, _, _ in entries}  # once per line
    typical = _typical_pitch(entries, sizes)
    state: dict[Hashable, tuple[Line, Line, int, float]] = {}  # prev, first, count, text x
    members: dict[int, list[Line]] = {}
    block_ctx: dict[int, Hashable] = {}
    for line, ctx, right in entries:
        prev = state.get(ctx)
        ratio = typical.get(ctx, typical[None])
        if prev is None or _breaks(prev, line, right, ratio, sizes):
            line.block = new_block()
            x = line.bbox[0] if line.bbox else 0.0
            state[ctx] = (line, line, 1, x)
        else:
            _, first, count, x = prev
            line.block = first.block
            state[ctx] = (line, first, count + 1, x)
        if line.block is not None:
            members.setdefault(line.block, []).append(line)
            block_ctx.setdefault(line.block, ctx)
    # The closest spacing of wrapped lines in each flow: a block of two lines has no pitch of
    # its own to compare its gap with.
    gaps = {block: _gaps(block_lines, sizes) for block, block_lines in members.items()}
    tight: dict[Hashable, list[float]] = {}
    for block, block_gaps in gaps.items():
        for gap, size in block_gaps:
            tight.setdefault(block_ctx[block], []).append(gap / size)
    # A flow with too few wrapped lines of its own takes the page's (its paragraphs are set
    # in the page's type: "Missions" items of one or two lines, each set apart).
    everywhere = sorted(r for rs in tight.values() for r in rs)
    page_pitch = everywhere[len(everywhere) // 5] if len(everywhere) >= 4 else None
    for block, block_lines in members.items():
        ratios = sorted(tight.get(block_ctx[block], []))
        flow_pitch = ratios[len(ratios) // 5] if len(ratios) >= 4 else page_pitch
        _split_at_wide_gaps(block_lines, gaps[block], new_block, flow_pitch)


def _gaps(lines: list[Line], sizes: dict[int, float]) -> list[tuple[float, float]]:
    """Top-to-top distances between consecutive lines and their type size; none when the lines
    are not one column read top to bottom."""
    out: list[tuple[float, float]] = []
    for a, b in itertools.pairwise(lines):
        if a.bbox is None or b.bbox is None or a.page != b.page or b.bbox[1] <= a.bbox[1]:
            return []
        out.append((b.bbox[1] - a.bbox[1], sizes[id(b)] or 10.0))
    return out


def _split_at_wide_gaps(
    lines: list[Line],
    gaps: list[tuple[float, float]],
    new_block: Callable[[], int],
    flow_pitch: float | None,
) -> None:
    """A paragraph keeps one line pitch: a gap clearly wider than its closest line spacing
    (its own, or its flow's for a block of two lines) is paragraph spacing, even when most of
    the page is spaced that wide (short unbulleted items, each set apart). ``gaps``: the
    lines' :func:`_gaps`."""
    if not gaps:
        return
    if len(gaps) >= 2:
        pitch = min(g for g, _ in gaps)
        if flow_pitch is not None:  # lines all set apart alike are paragraphs, not one
            pitch = min(pitch, flow_pitch * min(size for _, size in gaps))
    elif flow_pitch is not None:
        pitch = flow_pitch * gaps[0][1]
    else:
        return
    block = lines[0].block
    for line, (gap, size) in zip(lines[1:], gaps, strict=True):
        if gap > 1.2 * pitch and gap - pitch > 0.25 * size:
            block = new_block()
        line.block = block


def _breaks(
    prev: tuple[Line, Line, int, float],
    cur: Line,
    right: float,
    ratio: float,
    sizes: dict[int, float],
) -> bool:
    last, first, count, text_x = prev
    if cur.bullet or cur.bbox is None or last.bbox is None or not cur.words:
        return True
    size = sizes[id(cur)] or 10.0
    last_size = sizes[id(last)] or size
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
        if (
            first.bbox is not None and x0 > first.bbox[0] + size
        ):  # an indent is fine, not the reverse
            return True
    elif abs(x0 - last.bbox[0]) > size:
        return True
    if not last.text.endswith(("-", "‐")):
        w0 = cur.words[0].bbox
        if w0 is not None and last.bbox[2] + 0.3 * size + (w0[2] - w0[0]) < right - 0.5:
            return True
    return False
