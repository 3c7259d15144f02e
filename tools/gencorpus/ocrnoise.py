"""Light OCR damage, the way Tesseract garbles a clean notice: l/I/1 confused, "m" read as
"rn" (and back), "e" as "c", accents dropped, a word split by a stray space.

Each damaged word takes one edit; callers choose which strings (labels, headings, some values)
are damaged, and the truth is whatever was printed after damage.
"""

from __future__ import annotations

import random
import unicodedata

# One substitution per kind; each is a confusion Tesseract makes on 300-dpi body text.
_SWAPS: tuple[tuple[str, str], ...] = (
    ("l", "I"),
    ("i", "l"),
    ("I", "l"),
    ("l", "1"),
    ("m", "rn"),
    ("rn", "m"),
    ("e", "c"),
    ("L", "l"),
    ("E", "F"),
    ("o", "0"),
)


def _strip_accent(ch: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))


def damage_word(rng: random.Random, word: str) -> str:
    """One OCR edit in ``word`` (unchanged when no edit applies)."""
    kinds = ["swap", "swap", "accent", "split"]
    rng.shuffle(kinds)
    for kind in kinds:
        if kind == "accent":
            spots = [i for i, c in enumerate(word) if _strip_accent(c) != c]
            if spots:
                i = rng.choice(spots)
                return word[:i] + _strip_accent(word[i]) + word[i + 1 :]
        elif kind == "split" and len(word) >= 7 and word.isalpha():
            i = rng.randint(3, len(word) - 3)
            return word[:i] + " " + word[i:]
        elif kind == "swap":
            options = [(a, b) for a, b in _SWAPS if a in word[1:]]
            if options:
                a, b = rng.choice(options)
                spots = [i for i in range(1, len(word)) if word.startswith(a, i)]
                i = rng.choice(spots)
                return word[:i] + b + word[i + len(a) :]
    return word


def damage(rng: random.Random, text: str, words: int = 1) -> str:
    """``text`` with ``words`` of its longer words (4+ letters) damaged once each."""
    parts = text.split(" ")
    spots = [i for i, w in enumerate(parts) if sum(c.isalpha() for c in w) >= 4]
    for i in rng.sample(spots, min(words, len(spots))):
        parts[i] = damage_word(rng, parts[i])
    return " ".join(parts)
