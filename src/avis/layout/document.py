"""Passes over a whole document, once every page is laid out: page furniture, paragraphs cut by a
page break, heading levels from type sizes."""

from __future__ import annotations

import itertools

from avis.layout.furniture import drop_furniture
from avis.layout.lines import line_size, right_edge
from avis.layout.model import Page


def finish_document(pages: list[Page]) -> None:
    """Drop running headers and footers, join paragraphs across page breaks and mark headings
    (on born-digital pages only: OCR sizes are estimates)."""
    drop_furniture(pages)
    join_across_pages(pages)
    mark_headings([p for p in pages if p.origin == "text_layer"])


def join_across_pages(pages: list[Page]) -> None:
    """A paragraph or list item cut by a page break keeps one block id (once the footer and the
    next header are gone, the two halves are adjacent)."""
    for before, after in itertools.pairwise(pages):
        if before.origin != "text_layer" or after.origin != "text_layer":
            continue
        if not before.lines or not after.lines:
            continue
        last, first = before.lines[-1], after.lines[0]
        if (
            last.col is not None
            or first.col is not None
            or first.bullet
            or last.block is None
            or first.block is None
            or last.bbox is None
            or first.bbox is None
            or not first.words
            or first.bold != last.bold
        ):
            continue
        size = line_size(first.words) or 10.0
        if abs(size - (line_size(last.words) or size)) > 0.15 * size:
            continue
        if abs(first.bbox[0] - last.bbox[0]) > size:
            continue
        right = right_edge(line for line in before.lines if line.col is None)
        w0 = first.words[0].bbox
        width = w0[2] - w0[0] if w0 else 0.0
        if not last.text.endswith("-") and last.bbox[2] + 0.3 * size + width < right - 0.5:
            continue  # the last line ended short: the paragraph ended with the page
        old = first.block
        for line in after.lines:
            if line.block == old:
                line.block = last.block


def mark_headings(pages: list[Page]) -> None:
    """Level 1 for the largest type; bold single-line paragraphs of body size come last."""
    lines = [line for page in pages for line in page.lines if line.col is None and line.words]
    if not lines:
        return
    weight: dict[float, int] = {}
    sizes: dict[int, float] = {}
    for line in lines:
        size = line_size(line.words)
        sizes[id(line)] = size
        weight[size] = weight.get(size, 0) + len(line.text)
    body = max(weight.items(), key=lambda kv: kv[1])[0]
    big = sorted(
        {s for line in lines if (s := sizes[id(line)]) >= body * 1.15 and len(line.text) <= 200},
        reverse=True,
    )
    levels = {s: min(i + 1, 6) for i, s in enumerate(big)}
    block_size: dict[int | None, int] = {}
    for line in lines:
        block_size[line.block] = block_size.get(line.block, 0) + 1
    for line in lines:
        size = sizes[id(line)]
        if size in levels and len(line.text) <= 200:
            line.heading = levels[size]
        elif (
            line.bold
            and not line.bullet
            and abs(size - body) <= 0.15 * body
            and block_size.get(line.block, 0) == 1
            and len(line.words) <= 12
            and len(line.text) <= 100
            and not line.text.rstrip().endswith((",", ";"))
            and any(ch.isalpha() for ch in line.text)
        ):
            line.heading = min(len(big) + 1, 6)
