"""List items: a line starting with a bullet glyph is marked ``bullet`` and loses the glyph.

A dash is both a bullet and what a wrapped line may start with ("… B1V" / "– H0"): which one it
is depends on where the line sits against the item above, so dashes are settled per text flow.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from avis.layout.bullets import is_bullet_token, is_weak_token, strip_glued_bullet
from avis.layout.lines import line_size, make_line
from avis.layout.model import Line, Word


def apply_bullet(line: Line) -> None:
    """Mark a list item and take its glyph out of the text and the words.

    A dash followed by a mere space is left for :func:`resolve_dashes`, which knows whether
    the line continues an item.
    """
    if not line.words:
        return
    first = line.words[0]
    if dash_then_space(line.words):
        return
    if is_bullet_token(first.text, first.font) and len(line.words) > 1:
        line.words = line.words[1:]
    else:
        rest = strip_glued_bullet(first.text)
        if rest is None:
            return
        glued = Word(rest, first.bbox, first.font, first.size, first.bold, first.conf)
        line.words = [glued, *line.words[1:]]
    rebuilt = make_line(line.words, line.page, line.origin, line.col)
    line.text, line.bbox, line.bold = rebuilt.text, rebuilt.bbox, rebuilt.bold
    line.bullet = True


def dash_then_space(words: list[Word]) -> bool:
    if len(words) < 2 or not is_weak_token(words[0].text):
        return False
    a, b = words[0].bbox, words[1].bbox
    size = words[0].size or 10.0
    return a is not None and b is not None and b[0] - a[2] < 0.5 * size


def resolve_dashes(entries: Sequence[tuple[Line, Hashable, float | None]]) -> None:
    """A line starting "– " is a list item unless it sits where the text of the item above
    wraps (then the dash belongs to the wrapped sentence: "… B1V" / "– H0")."""
    item_x: dict[Hashable, float] = {}
    prev: dict[Hashable, Line] = {}
    in_item: dict[Hashable, bool] = {}  # the previous line belongs to a list item
    for line, ctx, right in entries:
        last = prev.get(ctx)
        prev[ctx] = line
        follows_item = in_item.get(ctx, False)
        if line.bullet and line.bbox is not None:
            item_x[ctx] = line.bbox[0]
            in_item[ctx] = True
            continue
        in_item[ctx] = follows_item and _close_under(line, last)
        if not dash_then_space(line.words) or line.bbox is None:
            continue
        size = line_size(line.words) or 10.0
        x = item_x.get(ctx)
        wraps = (
            x is not None
            and last is not None
            and last.bbox is not None
            and abs(line.bbox[0] - x) <= 0.15 * size
            and line.bbox[1] - last.bbox[1] <= 2.0 * size
        )
        if not wraps and not follows_item and last is not None:
            wraps = _wraps_paragraph(line, last, right, size)
        if not wraps:
            line.words = line.words[1:]
            rebuilt = make_line(line.words, line.page, line.origin, line.col)
            line.text, line.bbox, line.bold = rebuilt.text, rebuilt.bbox, rebuilt.bold
            line.bullet = True
            item_x[ctx] = line.bbox[0] if line.bbox else 0.0
            in_item[ctx] = True


def _wraps_paragraph(line: Line, last: Line, right: float | None, size: float) -> bool:
    """A running sentence wrapped before its dash ("… Province Sud" / "– Direction des …"):
    the line above fills the column up to its right edge, does not close its sentence or
    announce a list, and the dash line sits at its left edge at the same line pitch."""
    if last.bbox is None or line.bbox is None or right is None:
        return False
    text = last.text.rstrip()
    return (
        abs(line.bbox[0] - last.bbox[0]) <= 0.15 * size
        and 0 < line.bbox[1] - last.bbox[1] <= 1.6 * size
        and last.bbox[2] >= right - 4 * size
        and not text.endswith((".", ":", ";", "!", "?"))
    )


def _close_under(line: Line, last: Line | None) -> bool:
    """The line follows ``last`` at line pitch (no paragraph spacing between them)."""
    if last is None or last.bbox is None or line.bbox is None:
        return False
    size = line_size(line.words) or 10.0
    return 0 < line.bbox[1] - last.bbox[1] <= 1.6 * size
