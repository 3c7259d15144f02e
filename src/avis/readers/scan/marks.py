"""Bullets seen in the pixels, for the lines whose bullet Tesseract did not report.

Tesseract reads a small bullet as "*", "m", "#"… or, as often, not at all: the same "▪" is a
word on a whole page and nothing once the page is cut into bands. Items whose bullet vanished
run together. The mark is still on the page: a small, isolated blob of ink in the line's band,
set apart to the left of its first word.
"""

from __future__ import annotations

import numpy as np

BoxPx = tuple[float, float, float, float]

SEARCH = 2.5  # how far left of the first word to look, in line heights
MIN_GAP = 0.2  # a bullet stands at least this far from its item's text, in line heights
MAX_SIDE = 0.75  # a bullet is at most this wide and tall, in line heights
CLEAR = 0.6  # blank space required left of the mark, in line heights


def _runs(mask: np.ndarray, bridge: int) -> list[tuple[int, int]]:
    """``(start, end)`` of the runs of True in a 1-D mask, gaps up to ``bridge`` bridged."""
    idx = np.flatnonzero(mask)
    if idx.size == 0:
        return []
    cuts = np.flatnonzero(np.diff(idx) > bridge + 1) + 1
    return [(int(g[0]), int(g[-1]) + 1) for g in np.split(idx, cuts)]


def has_bullet_mark(dark: np.ndarray, line: BoxPx, first: BoxPx) -> bool:
    """A bullet-sized, isolated blob of ink sits left of ``first`` (the line's first word).

    ``dark`` is the page's ink mask; boxes are in its pixels. The blob must be small (at most
    0.75 line heights each way, yet not a speck), stand clear of the text on its right and of
    anything on its left, and sit within the line's height.
    """
    height = line[3] - line[1]
    if height < 6:
        return False
    y0, y1 = max(int(line[1]), 0), min(int(line[3]) + 1, dark.shape[0])
    x1 = int(first[0] - MIN_GAP * height)
    x0 = max(int(first[0] - (SEARCH + CLEAR) * height), 0)
    if x1 - x0 < 3 or y1 - y0 < 3:
        return False
    window = dark[y0:y1, x0:x1]
    columns = _runs(np.asarray(window.any(axis=0)), bridge=max(1, int(0.08 * height)))
    if not columns:
        return False
    c0, c1 = columns[-1]  # the mark nearest the text
    if x0 + c0 < first[0] - SEARCH * height:
        return False
    if len(columns) > 1 and c0 - columns[-2][1] < CLEAR * height:
        return False  # ink just left of it: the end of a word, a colon, a column's text
    if c0 < CLEAR * height and x0 > 0:
        return False  # the window starts too close to the mark to tell it is clear
    rows = _runs(np.asarray(window[:, c0:c1].any(axis=1)), bridge=1)
    if len(rows) != 1:
        return False
    r0, r1 = rows[0]
    w, h = c1 - c0, r1 - r0
    if w > MAX_SIDE * height or h > MAX_SIDE * height:
        return False
    if not ((w >= 0.15 * height and h >= 0.15 * height) or (w >= 0.3 * height and h >= 2)):
        return False  # a speck of dust
    centre = (r0 + r1) / 2 / max(y1 - y0, 1)
    return 0.2 <= centre <= 0.85
