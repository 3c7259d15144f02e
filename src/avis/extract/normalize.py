"""Text folding for matching, and value clean-up shared by every rule."""

from __future__ import annotations

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


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Lower-case, strip accents, unify apostrophes and dashes; map each folded char back.

    The map lets a label found in folded text be cut out of the original text exactly.
    """
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        rep = _FOLD_MAP.get(ch)
        if rep is None:
            low = ch.lower()
            if ord(low) < 128:
                rep = low
            else:
                rep = "".join(
                    c for c in unicodedata.normalize("NFD", low) if not unicodedata.combining(c)
                )
                rep = _FOLD_MAP.get(rep, rep)
        out.append(rep)
        index.extend([i] * len(rep))
    return "".join(out), index


def fold(text: str) -> str:
    return fold_with_map(text)[0]


_TRAIL = re.compile(r"[\s;,.:]+$")
_LEAD = re.compile(r"^[\s:;,]+")
_SPACES = re.compile(r"\s+")


def clean_value(text: str) -> str:
    """Collapse whitespace, drop separators left around a value (": x ;" → "x")."""
    text = _SPACES.sub(" ", text).strip()
    text = _LEAD.sub("", text)
    # Keep an ellipsis or "etc." intact: only strip plain trailing separators.
    if text.endswith("...") or text.endswith("…"):
        return text
    return _TRAIL.sub("", text)


def clean_item(text: str) -> str:
    """A list item as printed, without its bullet and trailing separator."""
    text = _SPACES.sub(" ", text).strip()
    text = re.sub(r"^(?:[-–—•▪●◦‣*+·]|\d{1,2}[.)])\s+", "", text)
    text = re.sub(r"\s*[;,.]+$", "", text) if not text.endswith(("...", "…")) else text
    text = re.sub(r"(?<=[^.])\.\.$", "", text)
    return text.strip()


def is_empty_value(text: str | None) -> bool:
    """True for values printed to say 'nothing': '', '/', '-', 'néant', 'sans objet'."""
    if text is None:
        return True
    f = fold(text).strip(" .;:")
    return f in {"", "/", "-", "--", "neant", "sans objet", "aucun", "aucune", "n/a", "na", "/ /"}
