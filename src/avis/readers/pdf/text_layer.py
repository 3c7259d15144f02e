"""What a text layer's words say about themselves, whichever engine read them."""

from __future__ import annotations

import re
import unicodedata

from avis.layout import Page

_BOLD = ("bold", "black", "heavy", "demi")


def is_bold(fontname: str) -> bool:
    """Bold from the font's name (subset prefix "ABCDEF+" aside)."""
    name = fontname.split("+", 1)[-1].lower()
    return any(marker in name for marker in _BOLD)


def is_garbage(page: Page) -> bool:
    """True when the text layer is glyph codes, not characters (fonts without ToUnicode)."""
    words = [w.text for line in page.lines for w in line.words]
    if not words:
        return False
    cid = sum(1 for w in words if "(cid:" in w)
    if cid > 0.2 * len(words):
        return True
    chars = "".join(w for w in words if len(w) > 1)
    if len(chars) < 40:
        return False
    # Replacement marks, control codes, private-use glyph codes; and letters outside Latin
    # (French notices do not have many). Found by regular expression: a loop over every
    # character of every page was a millisecond a file.
    odd = len(_GLYPH_CODES.findall(chars)) + sum(
        1 for ch in _BEYOND_LATIN.findall(chars) if unicodedata.category(ch)[0] == "L"
    )
    return odd > 0.3 * len(chars)


_GLYPH_CODES = re.compile("[\x00-\x1f\ufffd\ue000-\uf8ff]")
_BEYOND_LATIN = re.compile("[^\x00-\u024f\u2000-\u20cf\ufffd\ue000-\uf8ff]")
"""Letters past Latin Extended-B, punctuation and symbols aside (checked one by one)."""
