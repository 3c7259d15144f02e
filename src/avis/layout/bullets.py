"""Bullet glyphs shared by the readers: one definition of "this line starts a list item".

Word and PDF producers draw bullets as ordinary characters (•, –), as private-use code points of
the Symbol/Wingdings fonts (U+F0B7…), or as letters of those fonts; all of them are removed from
the text so that extraction sees the item only.
"""

from __future__ import annotations

import re

# Glyphs that are a bullet even when glued to the following word.
_STRONG = frozenset("•▪●◦‣▫■□◆◇►▶➢➤➔→✓✔❖○◘⁃∙")
# Glyphs that are a bullet only when followed by white space ("-5 %" is not an item).
_WEAK = frozenset("-–—*·+")
_SYMBOL_FONTS = ("wingdings", "symbol", "dingbats", "webdings")
# pdfminer's notation for a glyph its font does not map to a character: alone at the start of a
# line it is a bullet drawn from a picture font.
_CID = re.compile(r"^\(cid:\d+\)$")


def _private_use(ch: str) -> bool:
    return 0xE000 <= ord(ch) <= 0xF8FF


def is_symbol_font(font: str | None) -> bool:
    """True for the picture fonts whose letters are drawn as bullets (Wingdings, Symbol…)."""
    if not font:
        return False
    name = font.split("+", 1)[-1].lower()
    return any(s in name for s in _SYMBOL_FONTS)


def is_bullet_token(token: str, font: str | None = None) -> bool:
    """True when a whole word (a PDF word, a DOCX run) is only a bullet glyph."""
    if len(token) > 2:
        return token.startswith("(cid:") and _CID.match(token) is not None
    if not token:
        return False
    if all(ch in _STRONG or ch in _WEAK or _private_use(ch) for ch in token):
        return len(token) == 1 or token[0] == token[1] or any(_private_use(c) for c in token)
    return len(token) == 1 and is_symbol_font(font)


def is_weak_token(token: str) -> bool:
    """A dash or star: a bullet at the start of an item, but also what a wrapped line may start
    with ("… B1V" / "– H0")."""
    return len(token) == 1 and token in _WEAK


def strip_bullet(text: str) -> tuple[bool, str]:
    """Split a leading bullet glyph off a text: ``(True, rest)`` or ``(False, text)``."""
    stripped = text.lstrip()
    if not stripped:
        return False, text
    first = stripped[0]
    rest = stripped[1:]
    if first in _STRONG or _private_use(first):
        rest = rest.lstrip()
        return (True, rest) if rest else (False, text)
    if first in _WEAK and rest[:1].isspace():
        rest = rest.lstrip()
        return (True, rest) if rest else (False, text)
    return False, text


def strip_glued_bullet(word: str) -> str | None:
    """The word without a leading strong glyph glued to it ("•Texte" → "Texte"), else None."""
    if len(word) > 1 and (word[0] in _STRONG or _private_use(word[0])) and word[1].isalnum():
        return word[1:]
    return None
