"""Characters with boxes into words, the way pdfplumber's ``extract_words`` groups them.

Both PDF engines must hand the layout stage the same words, so the pdfium engine groups its
characters with pdfplumber's rules (defaults ``x_tolerance=3``, ``y_tolerance=3``, words split
by font and size): consecutive characters of one font and size form a run; a run is cut into
lines by the top of its characters, each line sorted left to right; a word ends at a space, at a
gap wider than the tolerance, where the text goes backwards, or where the top jumps. Rotated
text (not upright) is read top to bottom, as pdfplumber does.
"""

from __future__ import annotations

from avis.layout import Word
from avis.readers.pdf.text_layer import is_bold

TOLERANCE = 3.0
LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}


Char = tuple[str, float, float, float, float, str, float, bool, bool]
"""One character: text, x0, top, x1, bottom (points, top-left origin), font, size, upright,
and whether it is white space. A plain tuple: a page has thousands."""


def _lines(run: list[Char], upright: bool) -> list[list[Char]]:
    """pdfplumber's ``cluster_objects``: values sorted, a new line when the next value is more
    than the tolerance past the previous one; each line sorted along the text direction."""
    coords = [c[2] if upright else c[1] for c in run]  # top, or x0 for text running down
    values = sorted(set(coords))
    if values[-1] - values[0] <= TOLERANCE:  # the usual case: the run is one line
        lines = [run]
    else:
        cluster: dict[float, int] = {}
        index, last = 0, values[0]
        for v in values:
            if v > last + TOLERANCE:
                index += 1
            cluster[v] = index
            last = v
        by_index: dict[int, list[Char]] = {}
        for c, v in zip(run, coords, strict=True):
            by_index.setdefault(cluster[v], []).append(c)
        lines = [by_index[i] for i in sorted(by_index)]
    if upright:
        return [sorted(line, key=lambda c: c[1]) for line in lines]
    return [sorted(line, key=lambda c: (c[2], c[4])) for line in lines]


def _words_of_line(line: list[Char], upright: bool, out: list[Word], bold: bool) -> None:
    """Cut one sorted line into words (pdfplumber's ``iter_chars_to_words``) and merge each."""
    text: list[str] = []
    x0 = top = x1 = bottom = 0.0
    prev: Char | None = None
    first: Char | None = None
    for c in line:
        if c[8]:  # white space ends the word
            if first is not None:
                out.append(_merged(text, x0, top, x1, bottom, first, bold))
            text, prev, first = [], None, None
            continue
        if prev is not None:
            if upright:
                new = (
                    c[1] < prev[1] or c[1] > prev[3] + TOLERANCE or abs(c[2] - prev[2]) > TOLERANCE
                )
            else:
                new = (
                    c[2] < prev[2] or c[2] > prev[4] + TOLERANCE or abs(c[1] - prev[1]) > TOLERANCE
                )
            if new:
                assert first is not None
                out.append(_merged(text, x0, top, x1, bottom, first, bold))
                prev = first = None
                text = []
        if first is None:
            first = c
            x0, top, x1, bottom = c[1], c[2], c[3], c[4]
        else:
            x0 = c[1] if c[1] < x0 else x0
            top = c[2] if c[2] < top else top
            x1 = c[3] if c[3] > x1 else x1
            bottom = c[4] if c[4] > bottom else bottom
        text.append(LIGATURES.get(c[0], c[0]))
        prev = c
    if first is not None:
        out.append(_merged(text, x0, top, x1, bottom, first, bold))


def _merged(
    text: list[str], x0: float, top: float, x1: float, bottom: float, first: Char, bold: bool
) -> Word:
    return Word("".join(text), (x0, top, x1, bottom), first[5], round(first[6], 2), bold)


def group_words(chars: list[Char]) -> list[Word]:
    """Words in pdfplumber's order: runs in content order, lines top to bottom, left to right."""
    words: list[Word] = []
    bold_cache: dict[str, bool] = {}
    i, n = 0, len(chars)
    while i < n:
        font, size, upright = chars[i][5], chars[i][6], chars[i][7]
        j = i + 1
        while j < n and chars[j][6] == size and chars[j][5] == font and chars[j][7] == upright:
            j += 1
        bold = bold_cache.get(font)
        if bold is None:
            bold = bold_cache[font] = is_bold(font)
        for line in _lines(chars[i:j], upright):
            _words_of_line(line, upright, words, bold)
        i = j
    return words
