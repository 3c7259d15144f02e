"""A text layer of glyph codes (fonts without ToUnicode) is told from French text the same way
whatever the characters: the regular-expression count equals a plain per-character count."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from avis.layout import Line, Page, Word
from avis.readers.pdf.text_layer import is_garbage


def _odd_by_hand(chars: str) -> int:
    odd = 0
    for ch in chars:
        cp = ord(ch)
        code = cp == 0xFFFD or cp < 32 or 0xE000 <= cp <= 0xF8FF
        foreign = cp > 0x24F and not 0x2000 <= cp <= 0x20CF and unicodedata.category(ch)[0] == "L"
        odd += code or foreign
    return odd


def _page(words: list[str]) -> Page:
    return Page(number=1, lines=[Line(text=" ".join(words), words=[Word(w) for w in words])])


_CHARS = st.one_of(
    st.characters(min_codepoint=0x20, max_codepoint=0x24F),  # Latin, accents
    st.characters(min_codepoint=0x250, max_codepoint=0x2FFF),  # Greek, Cyrillic, punctuation
    st.characters(min_codepoint=0xE000, max_codepoint=0xF8FF),  # private use: glyph codes
    st.sampled_from("\ufffd\x01\x1f€–…"),
    st.characters(min_codepoint=0x10000, max_codepoint=0x2FFFF, exclude_categories=("Cs",)),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(_CHARS, min_size=1, max_size=12), min_size=1, max_size=40))
def test_garbage_is_decided_by_the_share_of_odd_characters(words: list[str]) -> None:
    chars = "".join(w for w in words if len(w) > 1)
    cid = sum(1 for w in words if "(cid:" in w)
    expected = cid > 0.2 * len(words) or (
        len(chars) >= 40 and _odd_by_hand(chars) > 0.3 * len(chars)
    )
    assert is_garbage(_page(words)) == expected


def test_french_text_is_not_garbage_and_glyph_codes_are() -> None:
    french = [
        "Date",
        "limite",
        "de",
        "dépôt",
        "des",
        "candidatures",
        ":",
        "le",
        "31",
        "janvier",
        "2025",
        "à",
        "16",
        "heures",
    ]
    assert not is_garbage(_page(french * 3))
    codes = ["".join(chr(0xE000 + (7 * i + k) % 300) for k in range(6)) for i in range(20)]
    assert is_garbage(_page(codes))
