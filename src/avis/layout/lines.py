"""Visual lines from positioned words: clustering by height, line text, sizes, edges.

Pure functions on :class:`~avis.layout.model.Word` boxes (PDF points, top-left origin), shared by
every reader with geometry (PDF text layers, OCR). Linear or ``n log n`` in the number of words:
reading the file is the expensive part and this must stay small next to it.
"""

from __future__ import annotations

from collections.abc import Iterable
from operator import itemgetter

from avis.layout.model import BBox, Line, Origin, Word, union_bbox


def bb(word: Word) -> BBox:
    """The word's box (callers only pass words that have one)."""
    assert word.bbox is not None
    return word.bbox


def height(word: Word) -> float:
    b = bb(word)
    return max(b[3] - b[1], 1.0)


def group_lines(words: Iterable[Word]) -> list[list[Word]]:
    """Cluster words into visual lines by vertical centre, each sorted left to right.

    The tolerance is a fraction of the taller word so that a value printed half a line lower
    (vertically centred in a table row) makes its own line; a smaller word whose baseline sits
    inside the line (a superscript footnote mark) joins it.
    """
    # (centre, box, word): each box read once, sorted by centre (stable, like the words)
    ordered = sorted(
        (((b[1] + b[3]) / 2, b, w) for w in words if (b := w.bbox) is not None),
        key=_first,
    )
    lines: list[tuple[float, float, float, list[Word]]] = []  # (centre, height, bottom, words)
    for centre, b, w in ordered:
        h = max(b[3] - b[1], 1.0)  # height(w)
        # the last line first, then the two before it
        for i in range(len(lines) - 1, max(len(lines) - 4, -1), -1):
            c, lh, bottom, ws = lines[i]
            if _same_line(centre, h, b[3], c, lh, bottom):
                ws.append(w)
                if h > lh:
                    lines[i] = (c, h, b[3], ws)
                break
        else:
            lines.append((centre, h, b[3], [w]))
    result = [sorted(ws, key=_left) for _, _, _, ws in lines]
    result.sort(key=_line_top)
    return result


_first = itemgetter(0)


def _same_line(
    centre: float, h: float, bottom: float, line_centre: float, lh: float, line_bottom: float
) -> bool:
    """A word (centre, height, bottom) on a line (centre, height of its tallest word, bottom):
    centres close for the taller of the two, or a smaller word's bottom within the line's."""
    if abs(centre - line_centre) <= 0.45 * (h if h > lh else lh):
        return True
    if h < 0.85 * lh:
        return line_bottom - 0.8 * lh <= bottom <= line_bottom + 0.2 * lh
    return lh < 0.85 * h and bottom - 0.8 * h <= line_bottom <= bottom + 0.2 * h


def _line_top(words: list[Word]) -> float:
    return min(w.bbox[1] for w in words)  # type: ignore[index]  # grouped words have boxes


def _left(word: Word) -> float:
    return word.bbox[0]  # type: ignore[index]  # callers pass words that have a box


def line_size(words: list[Word]) -> float:
    """Dominant font size of a line (by characters), falling back to box height."""
    if not words:
        return 0.0
    first = words[0].size
    if first and all(w.size == first for w in words):
        return round(first * 2) / 2  # one size (most lines)
    weight: dict[float, int] = {}
    for w in words:
        size = w.size
        if not size:
            b = bb(w)
            size = max(b[3] - b[1], 1.0)  # height(w)
        key = round(size * 2) / 2
        weight[key] = weight.get(key, 0) + len(w.text)
    if len(weight) == 1:
        return next(iter(weight))
    return max(weight.items(), key=_by_weight)[0]


def _by_weight(kv: tuple[float, int]) -> tuple[int, float]:
    return kv[1], kv[0]


def join_words(words: list[Word]) -> str:
    """Text of a line: words split only by a font change (no gap) are glued back together."""
    if len(words) == 1:
        return words[0].text
    parts: list[str] = []
    prev_x1 = prev_size = 0.0
    for k, w in enumerate(words):
        b = w.bbox
        assert b is not None  # (inlined bb: this runs for every line built)
        if k and b[0] - prev_x1 > 0.12 * prev_size:
            parts.append(" ")
        parts.append(w.text)
        prev_x1 = b[2]
        prev_size = w.size or max(b[3] - b[1], 1.0)  # height(w)
    return "".join(parts)


def make_line(words: list[Word], page: int, origin: Origin, col: int | None = None) -> Line:
    """Build a layout line from words already sorted left to right."""
    conf = words[0].conf if words else 1.0
    bold = bool(words)
    for w in words:
        if w.conf < conf:
            conf = w.conf
        if not w.bold:
            bold = False
    return Line(
        text=join_words(words),
        words=words,
        bbox=union_bbox(w.bbox for w in words),
        page=page,
        origin=origin,
        conf=conf,
        bold=bold,
        col=col,
    )


def split_at(words: list[Word], x: float) -> tuple[list[Word], list[Word]]:
    """Words left and right of a column boundary (by word centre)."""
    left: list[Word] = []
    right: list[Word] = []
    for w in words:
        b = bb(w)
        (left if (b[0] + b[2]) / 2 < x else right).append(w)
    return left, right


def right_edge(lines: Iterable[Line]) -> float:
    """Where the lines of a flow wrap: a high percentile of their right ends (robust to a stray
    overflowing line)."""
    ends = sorted(line.bbox[2] for line in lines if line.bbox is not None)
    if not ends:
        return 0.0
    return ends[min(len(ends) - 1, int(len(ends) * 0.9))]
