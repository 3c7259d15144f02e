"""Typed header values: reference, start, residence requirement, counts.

Each parser also says whether a text *looks like* its type, which lets the header pairing
move a value that landed under the wrong label (scrambled conversions) to the right one.
"""

from __future__ import annotations

import re

from avis.extract.dates import find_dates, parse_date
from avis.extract.normalize import clean_value, fold, is_empty_value
from avis.model import Reference, Start

_REF_PREFIX = re.compile(
    r"^\s*(?:n\s*[°o]\.?|no\.?|num(?:ero)?\.?|avp|ref\.?)\s*(?:n\s*[°o]\s*)?[:.]?\s*", re.I
)
_REF_DU = re.compile(r"\s+(?:du|en date du|le)\s+(?=\S*\d)", re.I)
_REF_TOKEN = re.compile(r"^[A-Za-z]{0,6}\d[\w./-]*(?:\s*[/-]\s*[A-Z][\w]*)*(?:\s+[A-Z]{1,5}\b)?")


def parse_reference(text: str) -> Reference:
    """ "3134-25-0176/SR du 24 janvier 2025" → id "3134-25-0176/SR", date 2025-01-24."""
    raw = clean_value(text)
    body = _REF_PREFIX.sub("", raw)
    parts = _REF_DU.split(body, maxsplit=1)
    ident_part = parts[0].strip()
    date = parse_date(parts[1]) if len(parts) > 1 else None
    if date is None:
        dates = find_dates(body)
        if dates:
            date = dates[-1].value
            # An id printed without "du": cut it before the date.
            if len(parts) == 1 and dates[-1].start > 0:
                ident_part = body[: dates[-1].start].strip(" ,;-")
    m = _REF_TOKEN.match(ident_part)
    ident = m.group(0).strip() if m else (ident_part or None)
    if ident is not None:
        ident = clean_value(ident) or None
    return Reference(raw=raw or None, id=ident, date=date)


def looks_like_reference(text: str) -> bool:
    """Digits grouped by "-" or "/" (3134-25-0176/SR), or a long code (O044260300812345)."""
    return bool(re.search(r"\d{2,}\s*[-/]\s*\d{2,}|\b\w*\d{4,}\w*\b", text))


_IMMEDIATE = re.compile(
    r"\b(immediatement|des que possible|des maintenant|des a present|sans delai|vacant"
    r"|au plus tot|asap)\b"
)
_UNDECIDED = re.compile(r"\b(a definir|a determiner|non definie?|a preciser)\b")


def parse_start(text: str) -> Start:
    raw = clean_value(text)
    f = fold(raw)
    date = parse_date(raw)
    if date is not None:
        return Start(raw=raw, immediate=False, date=date)
    if _IMMEDIATE.search(f) and "susceptible" not in f:
        return Start(raw=raw, immediate=True, date=None)
    if raw:
        return Start(raw=raw, immediate=False, date=None)
    return Start()


def looks_like_start(text: str) -> bool:
    f = fold(text)
    return bool(
        _IMMEDIATE.search(f)
        or _UNDECIDED.search(f)
        or "pourvoir" in f
        or "susceptible" in f
        or "compter" in f
        or "a/c" in f
        or find_dates(text)
    )


_RESIDENCE = re.compile(r"(\d+\s*(?:ans?|annees?|mois)\b|\bans?\b|annee)")


def parse_residence(text: str) -> str | None:
    """The residence duration required; None when printed as '/', 'néant', etc."""
    value = clean_value(text)
    if is_empty_value(value) or fold(value) in {
        "non",
        "pas de condition",
        "non exigee",
        "aucune condition",
    }:
        return None
    return value


def looks_like_residence(text: str) -> bool:
    value = clean_value(text)
    return (
        is_empty_value(value)
        or bool(_RESIDENCE.search(fold(value)))
        or fold(value)
        in {
            "non",
            "non exigee",
            "aucune condition",
        }
    )


def looks_like_date(text: str) -> bool:
    return bool(find_dates(text))


def parse_positions(text: str) -> int | None:
    m = re.search(r"\d+", text)
    if m:
        n = int(m.group(0))
        return n if n < 10_000 else None
    words = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6}
    for w in fold(text).split():
        if w in words:
            return words[w]
    return None


def looks_like(vtype: str, text: str) -> bool:
    """Whether a value's text fits the label's type (free text fits anything non-empty)."""
    if vtype == "date":
        return looks_like_date(text)
    if vtype == "reference":
        return looks_like_reference(text)
    if vtype == "start":
        return looks_like_start(text)
    if vtype == "residence":
        return looks_like_residence(text)
    if vtype == "int":
        return parse_positions(text) is not None
    return bool(clean_value(text))
