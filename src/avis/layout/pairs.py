"""Tell a label│value table from a table (or a pair of text columns) of "Label : value" items.

Both look alike to geometry: two columns of text. In the first the left column holds only
labels; in the second each cell already holds a whole "Label : value" item (two items side by
side on a row), and reading its columns as label and value would pair an item with its
neighbour. The difference is in the text: a colon followed by more text in the left column.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# A word, an optional ")" (footnote mark), a colon, then text — but not "http://" or "8:30".
_INLINE = re.compile(r"[^\W\d_]\)?\s*:(?!//)\s*\S")


def has_inline_value(text: str) -> bool:
    """True when the text is itself a "Label : value" item, not a bare label."""
    return _INLINE.search(text) is not None


def mostly_inline(labels: Iterable[str]) -> bool:
    """True when at least half of the (non-empty) left-column texts carry their own value."""
    texts = [t for t in labels if t.strip()]
    return bool(texts) and 2 * sum(has_inline_value(t) for t in texts) >= len(texts)
