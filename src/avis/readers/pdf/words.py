"""Characters with boxes into words, the way pdfplumber's ``extract_words`` groups them.

Both PDF engines must hand the layout stage the same words, so the pdfium engine groups its
characters with pdfplumber's rules (defaults ``x_tolerance=3``, ``y_tolerance=3``, words split
by font and size): consecutive characters of one font and size form a run; a run is cut into
lines by the top of its characters, each line sorted left to right; a word ends at a space, at a
gap wider than the tolerance, where the text goes backwards, or where the top jumps. Rotated
text (not upright) is read top to bottom, as pdfplumber does.
"""

from __future__ import annotations

import itertools
from typing import NamedTuple

from avis.layout import Word
from avis.readers.pdf.text_layer import is_bold

TOLERANCE = 3.0
LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}


class Char(NamedTuple):
    """One character in page coordinates (points, top-left origin); ``space`` for white space."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    font: str
    size: float
    upright: bool
    space: bool


def _lines(run: list[Char], upright: bool) -> list[list[Char]]:
    """pdfplumber's ``cluster_objects``: values sorted, a new line when the next value is more
    than the tolerance past the previous one; each line sorted along the text direction."""
    key = (lambda c: c.top) if upright else (lambda c: c.x0)
    values = sorted(set(map(key, run)))
    cluster: dict[float, int] = {}
    index, last = 0, values[0]
    for v in values:
        if v > last + TOLERANCE:
            index += 1
        cluster[v] = index
        last = v
    lines: dict[int, list[Char]] = {}
    for c in run:
        lines.setdefault(cluster[key(c)], []).append(c)
    order = (lambda c: c.x0) if upright else (lambda c: (c.top, c.bottom))
    return [sorted(lines[k], key=order) for k in sorted(lines)]


def _new_word(prev: Char, cur: Char, upright: bool) -> bool:
    if upright:
        return (
            cur.x0 < prev.x0 or cur.x0 > prev.x1 + TOLERANCE or abs(cur.top - prev.top) > TOLERANCE
        )
    return (
        cur.top < prev.top or cur.top > prev.bottom + TOLERANCE or abs(cur.x0 - prev.x0) > TOLERANCE
    )


def _word(chars: list[Char], bold_cache: dict[str, bool]) -> Word:
    first = chars[0]
    bold = bold_cache.get(first.font)
    if bold is None:
        bold = bold_cache[first.font] = is_bold(first.font)
    return Word(
        text="".join(LIGATURES.get(c.text, c.text) for c in chars),
        bbox=(
            min(c.x0 for c in chars),
            min(c.top for c in chars),
            max(c.x1 for c in chars),
            max(c.bottom for c in chars),
        ),
        font=first.font,
        size=round(first.size, 2),
        bold=bold,
    )


def group_words(chars: list[Char]) -> list[Word]:
    """Words in pdfplumber's order: runs in content order, lines top to bottom, left to right."""
    words: list[Word] = []
    bold_cache: dict[str, bool] = {}
    for (upright, _font, _size), group in itertools.groupby(
        chars, key=lambda c: (c.upright, c.font, c.size)
    ):
        for line in _lines(list(group), upright):
            current: list[Char] = []
            for c in line:
                if c.space:
                    if current:
                        words.append(_word(current, bold_cache))
                    current = []
                elif current and _new_word(current[-1], c, upright):
                    words.append(_word(current, bold_cache))
                    current = [c]
                else:
                    current.append(c)
            if current:
                words.append(_word(current, bold_cache))
    return words
