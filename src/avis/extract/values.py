"""Typed values: one parser per value type of the field registry (:mod:`avis.fields`).

Each type says whether a text *fits* it (which lets the header pairing move a value that landed
under the wrong label) and parses it once into the Notice paths it fills, with the problems met
(an impossible date, a weekday that does not match). French wordings come from the ``[values]``
table of ``lexicon.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from avis.extract.dates import find_dates, has_impossible_date, parse_date
from avis.extract.lexicon import Lexicon, default_lexicon
from avis.extract.normalize import clean_value, fold
from avis.model import Reference, Start

_REF_PREFIX = re.compile(
    r"^\s*(?:n\s*[°o]\.?|no\.?|num(?:ero)?\.?|avp(?![-/.])|ref\.?(?![-/]))\s*(?:n\s*[°o]\s*)?[:.]?\s*",
    re.I,
)
_REF_DU = re.compile(r"\s+(?:du|en date du|le)\s+(?=\S*\d)", re.I)
_REF_TOKEN = re.compile(
    r"^[A-Za-z]{0,6}[-./]?\d[\w./-]*(?:\s*[/-]\s*[A-Z][\w]*)*(?:\s+[A-Z]{1,5}\b)?"
)
_REF_GAP = re.compile(r"[\s,;:()–-]*(?:(?:en date )?du|le)?[\s,;:()–-]*", re.I)
_REF_NUMERO = re.compile(r"^n\s*[°o]\.?\s*", re.I)


@dataclass(slots=True)
class Parsed:
    """What one value gave: Notice paths → values, and problems worth a warning."""

    values: dict[str, object] = field(default_factory=dict)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (code, message)


def _lex() -> Lexicon:
    return default_lexicon()


def _words(key: str) -> tuple[str, ...]:
    return _lex().words.get(key, ())


def _has_any(folded: str, key: str) -> bool:
    return any(re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", folded) for w in _words(key))


def is_empty_value(text: str | None) -> bool:
    """True for values printed to say 'nothing': '', '/', '-', 'néant', 'sans objet'."""
    if text is None:
        return True
    return " ".join(fold(text).strip(" .;:").split()) in _words("empty")


def parse_reference(text: str) -> Reference:
    """ "3134-25-0176/SR du 24 janvier 2025" → id "3134-25-0176/SR", date 2025-01-24."""
    raw = clean_value(text)
    body = _strip_reference_lead(_REF_PREFIX.sub("", raw))
    parts = _REF_DU.split(body, maxsplit=1)
    ident_part = parts[0].strip()
    date = parse_date(parts[1]) if len(parts) > 1 else None
    if date is not None:
        m = _REF_TOKEN.match(ident_part)
        if m and not _REF_GAP.fullmatch(ident_part[m.end() :]):
            date = None  # "PN-2026-014 – publié le 8 mai 2026": a date of another fact
            parts = [body]
    if date is None:
        dates = find_dates(body)
        if dates:
            # An id printed without "du": cut it before the date — unless other words stand
            # between them ("PN-2026-014 – publié le 8 mai 2026": the posting date, not the
            # reference's).
            head = body[: dates[-1].start].strip(" ,;-")
            m = _REF_TOKEN.match(head)
            between = head[m.end() :] if m else ""
            if not _REF_GAP.fullmatch(between):
                dates = []
            else:
                date = dates[-1].value
                if len(parts) == 1 and dates[-1].start > 0:
                    ident_part = head
    m = _REF_TOKEN.match(ident_part)
    ident = m.group(0).strip() if m else (ident_part or None)
    if ident is not None:
        ident = clean_value(ident) or None
    return Reference(raw=raw or None, id=ident, date=date)


def _strip_reference_lead(text: str) -> str:
    """ "Avis n° PN-2026-014" → "PN-2026-014": the words before the first token holding a digit
    go when every one is a prefix wording of ``[values] reference_lead`` ("avis", "offre", "n°").
    A code glued to its letters ("AVP-26-118") is one token and keeps them."""
    words = text.split()
    lead = set(_words("reference_lead"))
    for i, word in enumerate(words):
        if any(c.isdigit() for c in word):
            if 0 < i <= 4 and all(fold(w).strip(".:") in lead or w in ":-–" for w in words[:i]):
                return _REF_NUMERO.sub("", " ".join(words[i:]))
            return text
    return text


def looks_like_reference(text: str) -> bool:
    """Digits grouped by "-" or "/" (3134-25-0176/SR), or a long code (O044260300812345)."""
    return bool(re.search(r"\d{2,}\s*[-/]\s*\d{2,}|\b\w*\d{4,}\w*\b", text))


def parse_start(text: str) -> Start:
    raw = clean_value(text)
    f = fold(raw)
    date = parse_date(raw)
    if date is not None:
        return Start(raw=raw, immediate=False, date=date)
    if _has_any(f, "start_immediate") and not _has_any(f, "start_not_immediate"):
        return Start(raw=raw, immediate=True, date=None)
    if raw:
        return Start(raw=raw, immediate=False, date=None)
    return Start()


def looks_like_start(text: str) -> bool:
    f = fold(text)
    return bool(
        _has_any(f, "start_immediate")
        or _has_any(f, "start_undecided")
        or any(w in f for w in _words("start_words"))
        or find_dates(text)
    )


def _is_residence_none(value: str) -> bool:
    return is_empty_value(value) or " ".join(fold(value).split()) in _words("residence_none")


def parse_residence(text: str) -> str | None:
    """The residence duration required; None when printed as '/', 'néant', 'non exigée'…"""
    value = clean_value(text)
    return None if _is_residence_none(value) else value


def looks_like_residence(text: str) -> bool:
    value = clean_value(text)
    f = fold(value)
    return _is_residence_none(value) or _has_any(f, "residence_units")


def looks_like_date(text: str) -> bool:
    return bool(find_dates(text))


def parse_positions(text: str) -> int | None:
    m = re.search(r"\d+", text)
    if m:
        n = int(m.group(0))
        return n if n < 10_000 else None
    numbers = dict(w.split("=") for w in _words("numbers"))
    for w in fold(text).split():
        if w in numbers:
            return int(numbers[w])
    return None


# ---- parsers by value type: text → Parsed -----------------------------------------------------


def _text(name: str, value: str) -> Parsed:
    return Parsed({name: value} if value and not is_empty_value(value) else {})


def _reference(name: str, value: str) -> Parsed:
    ref = parse_reference(value)
    out = Parsed({"reference.raw": ref.raw})
    if ref.id:
        out.values["reference.id"] = ref.id
    if ref.date:
        out.values["reference.date"] = ref.date
    return out


def _date(name: str, value: str) -> Parsed:
    dates = find_dates(value)
    if dates:
        out = Parsed({name: dates[0].value})
        if dates[0].weekday_ok is False:
            out.problems.append(("weekday_mismatch", f"'{value}': the weekday does not match"))
        return out
    what = (
        "prints a date that does not exist"
        if has_impossible_date(value)
        else "has no readable date"
    )
    return Parsed(problems=[("bad_date", f"'{value}' {what}")])


def _start(name: str, value: str) -> Parsed:
    start = parse_start(value)
    return Parsed(
        {"start.raw": start.raw, "start.immediate": start.immediate, "start.date": start.date}
    )


def _residence(name: str, value: str) -> Parsed:
    return Parsed({name: parse_residence(value)})


def _int(name: str, value: str) -> Parsed:
    n = parse_positions(value)
    return Parsed({name: n} if n is not None else {})


def _staff(name: str, value: str) -> Parsed:
    """ "Directs : 3 - Indirects : 12" → staff_direct "3", staff_indirect "12"."""
    direct = re.search(r"directs?\s*:?\s*([^-–]*?)(?=\s*[-–]?\s*indirect|$)", value, re.I)
    indirect = re.search(r"indirects?\s*:?\s*(.*)$", value, re.I)
    out = Parsed()
    if direct and direct.group(1).strip():
        out.values["organisation.staff_direct"] = clean_value(direct.group(1))
    if indirect and indirect.group(1).strip():
        out.values["organisation.staff_indirect"] = clean_value(indirect.group(1))
    if not direct and not indirect and value:
        out.values["organisation.staff_direct"] = value
    return out


@dataclass(frozen=True, slots=True)
class ValueKind:
    """How a value type is recognised (``fits``) and read (``parse``); ``needs_value``: an
    empty label of this type waits for the next one ("Réf." above "N° 2024-118/DRH")."""

    fits: Callable[[str], bool]
    parse: Callable[[str, str], Parsed]
    needs_value: bool = False


VALUE_KINDS: dict[str, ValueKind] = {
    "text": ValueKind(lambda t: bool(clean_value(t)), _text),
    "reference": ValueKind(looks_like_reference, _reference, needs_value=True),
    "date": ValueKind(looks_like_date, _date, needs_value=True),
    "start": ValueKind(looks_like_start, _start),
    "residence": ValueKind(looks_like_residence, _residence),
    "int": ValueKind(lambda t: parse_positions(t) is not None, _int),
    "staff": ValueKind(lambda t: bool(clean_value(t)), _staff),
}


def looks_like(vtype: str, text: str) -> bool:
    """Whether a value's text fits the label's type (free text fits anything non-empty)."""
    kind = VALUE_KINDS.get(vtype)
    return kind.fits(text) if kind is not None else bool(clean_value(text))


def parse_value(vtype: str, name: str, value: str) -> Parsed:
    """Parse a value of field ``name`` (its registry type ``vtype``) once."""
    kind = VALUE_KINDS.get(vtype, VALUE_KINDS["text"])
    return kind.parse(name, value)
