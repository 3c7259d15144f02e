"""Two-column stretches of a page image, found before OCR so each column is read on its own.

Notices print their header as label│value columns without rulings (or with rulings avis has
already whitened). Read as one column (psm 4), Tesseract fits text lines across the gutter; where
a one-line value sits between the two lines of a wrapped label, the baselines do not agree and
whole words are lost or invented ("Chef de service" → "RÉ AE SCAISE", "hiérarchique direct" →
". ."). Cutting such a stretch into a left and a right strip, and every other stretch into
full-width bands, gives Tesseract lines that agree; the pieces go to one Tesseract process.

Geometry, on a ~75 dpi copy: text rows are runs of inked pixel rows; a stretch of consecutive
rows is two-column when the columns blank in *every* row leave a gutter at least 0.1 in wide,
with at least 0.8 in of ink on each side, two or more rows inked on both sides, and in each
such row a gap at the gutter clearly wider than the row's word gaps. Bullets (a glyph, then
the item, 0.2 in apart) are too narrow a column to count; a paragraph's word gaps never line
up into a gutter, and a large-type title's are as wide as its other gaps.

Cut apart, a short value can end up alone in its strip, and Tesseract's layout analysis drops
a lone "1"; :func:`uncovered_rows` finds the rows of ink no word covers so they can be read
again as single lines.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image

from avis.readers.scan.preprocess import otsu

MIN_GUTTER_IN = 0.1
MIN_SIDE_IN = 0.8
MIN_ROWS_BOTH = 2
WORD_GAP_FACTOR = 1.8  # a gutter is at least this many of the row's widest word gaps


@dataclass(frozen=True, slots=True)
class Piece:
    """A rectangle of the page image, in its pixels, read by Tesseract on its own."""

    x0: int
    y0: int
    x1: int
    y1: int
    strip: bool = False  # one column of a two-column stretch


def _rows(ink: np.ndarray) -> list[tuple[int, int]]:
    """``(top, bottom)`` of each run of inked pixel rows (bottom exclusive)."""
    inked = ink.any(axis=1).astype(np.int8)
    edges = np.diff(np.concatenate(([0], inked, [0])))
    starts, ends = np.flatnonzero(edges == 1).tolist(), np.flatnonzero(edges == -1).tolist()
    return list(zip(starts, ends, strict=True))


def _gutter(blank: np.ndarray, min_gap: int, lo: int, hi: int) -> tuple[int, int] | None:
    """The widest run of blank columns at least ``min_gap`` wide within ``[lo, hi)``."""
    cols = np.flatnonzero(blank[lo:hi]) + lo
    if cols.size < min_gap:
        return None
    runs = np.split(cols, np.flatnonzero(np.diff(cols) > 1) + 1)
    best = max(runs, key=len)
    return (int(best[0]), int(best[-1]) + 1) if len(best) >= min_gap else None


def _two_sided(row_ink: np.ndarray, gutter: tuple[int, int]) -> bool:
    return bool(row_ink[: gutter[0]].any() and row_ink[gutter[1] :].any())


def _distinct(row_ink: np.ndarray, gutter: tuple[int, int]) -> bool:
    """The row's gap at the gutter is clearly wider than the gaps between its words.

    A large-type title's word gaps can be as wide as a narrow gutter; a label│value row's gap
    between the columns is several word gaps wide.
    """
    cols = np.flatnonzero(row_ink)
    gaps = np.diff(cols) - 1
    starts = cols[:-1] + 1
    at = (starts <= gutter[0]) & (starts + gaps >= gutter[1])
    if not at.any():
        return True
    width = int(gaps[at].max())
    others = gaps[~at]
    return others.size == 0 or width >= WORD_GAP_FACTOR * int(others.max())


def _stretch(
    rows_ink: list[np.ndarray], start: int, min_gap: int, min_side: int
) -> tuple[int, tuple[int, int]] | None:
    """Longest two-column stretch of rows starting at ``start``: ``(end, gutter)`` or None."""
    width = rows_ink[0].size
    blank = np.ones(width, dtype=bool)
    best: tuple[int, tuple[int, int]] | None = None
    for j in range(start, len(rows_ink)):
        blank = blank & ~rows_ink[j]
        inked = ~blank
        cols = np.flatnonzero(inked)
        if cols.size == 0:
            continue
        # The gutter must leave a real column of text on both sides.
        gutter = _gutter(blank, min_gap, int(cols[0]) + min_side, int(cols[-1]) + 1 - min_side)
        if gutter is None:
            break
        sided = [r for r in rows_ink[start : j + 1] if _two_sided(r, gutter)]
        if not all(_distinct(r, gutter) for r in sided):
            break
        both = len(sided)
        if both >= MIN_ROWS_BOTH:
            best = (j + 1, gutter)
    return best


def split_columns(image: Image.Image, dpi: float) -> list[Piece]:
    """The pieces to OCR: full-width bands, and a left and right strip for two-column stretches.

    Returns one piece covering the whole image when there is no two-column stretch, so a page
    without one is read exactly as before.
    """
    w, h = image.size
    whole = [Piece(0, 0, w, h)]
    f = max(1, round(dpi / 75))
    small = np.asarray(image.reduce(f)) if f > 1 else np.asarray(image)
    if small.shape[0] < 8 or small.shape[1] < 8:
        return whole
    ink = small < min(otsu(small), 200)
    rows = _rows(ink)
    if len(rows) < MIN_ROWS_BOTH:
        return whole
    sdpi = dpi / f
    min_gap = max(2, round(MIN_GUTTER_IN * sdpi))
    min_side = max(4, round(MIN_SIDE_IN * sdpi))
    rows_ink = [np.asarray(ink[a:b].any(axis=0)) for a, b in rows]
    stretches: list[tuple[int, int, tuple[int, int]]] = []  # first row, end row, gutter
    i = 0
    while i < len(rows):
        found = _stretch(rows_ink, i, min_gap, min_side)
        if found is None:
            i += 1
            continue
        end, gutter = found
        stretches.append((i, end, gutter))
        i = end
    if not stretches:
        return whole

    def cut(k: int) -> int:
        """Full-size y between row k-1 and row k (the middle of the blank between them)."""
        if k <= 0:
            return 0
        if k >= len(rows):
            return h
        return min(h, ((rows[k - 1][1] + rows[k][0]) // 2) * f)

    pieces: list[Piece] = []
    y = 0
    for first, end, (g0, g1) in stretches:
        top, bottom = cut(first), cut(end)
        if top > y:
            pieces.append(Piece(0, y, w, top))
        x = min(w, ((g0 + g1) // 2) * f)
        pieces.append(Piece(0, top, x, bottom, strip=True))
        pieces.append(Piece(x, top, w, bottom, strip=True))
        y = bottom
    if y < h:
        pieces.append(Piece(0, y, w, h))
    return [p for p in pieces if p.x1 - p.x0 >= 8 and p.y1 - p.y0 >= 8]


def uncovered_rows(
    dark: np.ndarray, piece: Piece, boxes: list[tuple[float, float, float, float]], dpi: float
) -> list[tuple[int, int, int, int]]:
    """Rows of ink in ``piece`` that no OCR word box overlaps, as padded page rectangles.

    Rows shorter than 0.05 in (specks, rulings' remains) or taller than 0.5 in (logos,
    pictures) are not text lines and are left alone.
    """
    region = dark[piece.y0 : piece.y1, piece.x0 : piece.x1]
    if region.size == 0:
        return []
    out: list[tuple[int, int, int, int]] = []
    for top, bottom in _rows(region):
        height = bottom - top
        if height < 0.05 * dpi or height > 0.5 * dpi:
            continue
        y0, y1 = piece.y0 + top, piece.y0 + bottom
        cols = np.flatnonzero(region[top:bottom].any(axis=0))
        x0, x1 = piece.x0 + int(cols[0]), piece.x0 + int(cols[-1]) + 1
        if any(b[1] < y1 and b[3] > y0 and b[0] < x1 and b[2] > x0 for b in boxes):
            continue
        pad = max(4, height // 2)
        out.append(
            (
                max(x0 - pad, 0),
                max(y0 - pad, 0),
                min(x1 + pad, dark.shape[1]),
                min(y1 + pad, dark.shape[0]),
            )
        )
    return out
