"""Text folding for matching, and value clean-up shared by every rule."""

from __future__ import annotations

import functools
import re
import unicodedata

_FOLD_MAP = {
    "’": "'",
    "ʼ": "'",
    "‘": "'",
    "`": "'",
    "´": "'",
    "′": "'",
    "œ": "oe",
    "æ": "ae",
    "ß": "ss",
    "–": "-",
    "—": "-",
    "‐": "-",
    "‑": "-",
    "−": "-",
    "«": '"',
    "»": '"',
    "“": '"',
    "”": '"',
    "\u00a0": " ",
    "\u202f": " ",
    "\t": " ",
    "⁽": "(",
    "⁾": ")",
    "¹": "1",
    "²": "2",
    "³": "3",
    "₍": "(",
    "₎": ")",
}


def _fold_char(ch: str) -> str:
    rep = _FOLD_MAP.get(ch)
    if rep is not None:
        return rep
    low = ch.lower()
    if len(low) == 1 and ord(low) < 128:  # "İ".lower() is two characters
        return low
    rep = "".join(c for c in unicodedata.normalize("NFD", low) if not unicodedata.combining(c))
    return _FOLD_MAP.get(rep, rep)


_fold_char_cached = functools.lru_cache(maxsize=8192)(_fold_char)
_ASCII_FOLD = str.maketrans({k: v for k, v in _FOLD_MAP.items() if k.isascii()})


_CACHED_LENGTH = 512  # longer texts are folded each time (a cache of them would hold megabytes)


def fold_with_map(text: str) -> tuple[str, tuple[int, ...]]:
    """Lower-case, strip accents, unify apostrophes and dashes; map each folded char back.

    The map lets a label found in folded text be cut out of the original text exactly.
    Characters are folded one by one (cached): this runs on every line, long ones included.
    Lines of ordinary length are cached whole (the result is immutable): every matcher and
    rule folds the same lines again.
    """
    if len(text) <= _CACHED_LENGTH:
        return _fold_line(text)
    return _fold_with_map(text)


def _fold_with_map(text: str) -> tuple[str, tuple[int, ...]]:
    if text.isascii():
        return text.lower().translate(_ASCII_FOLD), tuple(range(len(text)))
    reps = list(map(_fold_char_cached, text))
    out = "".join(reps)
    if len(out) == len(text) and "" not in reps:  # every character folds to one
        return out, tuple(range(len(text)))
    if len(reps) > 4096:  # a long line: repeat the offsets in C
        import numpy as np

        counts = np.fromiter(map(len, reps), dtype=np.int64, count=len(reps))
        return out, tuple(np.repeat(np.arange(len(reps), dtype=np.int64), counts).tolist())
    index: list[int] = []
    for i, rep in enumerate(reps):
        index.extend([i] * len(rep))
    return out, tuple(index)


_fold_line = functools.lru_cache(maxsize=2048)(_fold_with_map)


def fold(text: str) -> str:
    return fold_with_map(text)[0]


# Words that cannot end a phrase: a value or item ending with one continues on the next line.
FUNCTION_WORDS = frozenset(
    {
        "de",
        "des",
        "du",
        "d",
        "la",
        "le",
        "les",
        "l",
        "et",
        "ou",
        "a",
        "au",
        "aux",
        "en",
        "un",
        "une",
        "pour",
        "par",
        "sur",
        "avec",
        "dans",
        "sous",
        "chez",
        "vers",
        "entre",
    }
)

# Trailing separators, and a dash that joined this value to the next pair ("Lifou – Date …").
_TRAIL = re.compile(r"(?:[\s;,.:|]|…{2,}|\s[–—-])+$")
# Separators a value is printed after: a colon, leader dots ("....", "…", ". . ."), rules
# ("____") and the pipes of a table a converter left in the text.
_LEAD = re.compile(r"^(?:[\s:;,|]|\.{2,}|(?:\.\s){2,}|…+|_{2,}|·{2,})+")
_LEADER_RUN = re.compile(r"\s(?:\.{4,}|…{2,}|_{4,})\s")
_SPACES = re.compile(r"\s+")


def clean_value(text: str) -> str:
    """Collapse whitespace, drop separators left around a value (": x ;" → "x")."""
    text = _SPACES.sub(" ", text).strip()
    text = _LEAD.sub("", text)
    text = _LEADER_RUN.sub(" ", text)
    # Keep an ellipsis or "etc." intact: only strip plain trailing separators.
    if text.endswith("...") or text.endswith("…"):
        return text
    return _TRAIL.sub("", text)


def clean_item(text: str) -> str:
    """A list item as printed, without its bullet and trailing separator."""
    text = _SPACES.sub(" ", text).strip()
    # Bullet glyphs, numbering, and what OCR makes of a bullet ("*_", "•.", "_").
    text = re.sub(r"^(?:[-–—•▪●◦‣*+·_]{1,3}[.,]?|\d{1,2}[.)])\s*(?=\S)", "", text)
    text = re.sub(r"\s*[;,.]+$", "", text) if not text.endswith(("...", "…")) else text
    text = re.sub(r"(?<=[^.])\.\.$", "", text)
    return text.strip()
