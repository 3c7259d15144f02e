"""What a text layer's words say about themselves, whichever engine read them."""

from __future__ import annotations

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
    odd = 0
    for ch in chars:
        cp = ord(ch)
        if cp == 0xFFFD or cp < 32 or 0xE000 <= cp <= 0xF8FF:
            odd += 1
        elif cp > 0x24F and not (0x2000 <= cp <= 0x20CF) and unicodedata.category(ch)[0] == "L":
            odd += 1  # letters outside Latin: French notices do not have many
    return odd > 0.3 * len(chars)
