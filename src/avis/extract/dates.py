"""French dates as printed on notices: "Vendredi 14 février 2025", "1er mars 2025",
"24 janv. 2025", "24/01/2025", "2025-01-24". Only real calendar dates are returned."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from avis.extract.normalize import fold

MONTHS: dict[str, int] = {
    "janvier": 1,
    "janv": 1,
    "jan": 1,
    "fevrier": 2,
    "fevr": 2,
    "fev": 2,
    "fevrie": 2,
    "mars": 3,
    "mar": 3,
    "avril": 4,
    "avr": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "juil": 7,
    "aout": 8,
    "septembre": 9,
    "sept": 9,
    "sep": 9,
    "octobre": 10,
    "oct": 10,
    "novembre": 11,
    "nov": 11,
    "decembre": 12,
    "dec": 12,
}
_FULL = (
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
)


def _prefixes() -> dict[str, int]:
    """Every unambiguous prefix of three letters or more: "janv", "sept", "octo", "déc"."""
    seen: dict[str, set[int]] = {}
    for number, name in enumerate(_FULL, start=1):
        for n in range(3, len(name) + 1):
            seen.setdefault(name[:n], set()).add(number)
    return {p: next(iter(m)) for p, m in seen.items() if len(m) == 1}


MONTHS.update({p: m for p, m in _prefixes().items() if p not in MONTHS})

_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_LONG = re.compile(
    r"(?<!\d)(?P<d>[0-3]?\d)\s*(?:er|e|eme)?\s+(?P<m>"
    + _MONTH_ALT
    + r")\.?\s+(?P<y>(?:19|20)?\d\d)(?!\d)"
)
_NUMERIC = re.compile(
    r"(?<![\d/.-])(?P<d>[0-3]?\d)\s*[/.-]\s*(?P<m>[01]?\d)\s*[/.-]\s*(?P<y>(?:19|20)\d\d|\d\d)(?![\d/])"
)
_ISO = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)")
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b")


@dataclass(frozen=True, slots=True)
class FoundDate:
    value: dt.date
    start: int  # offsets in the folded text (same length as the original for dates)
    end: int
    weekday_ok: bool | None  # None when no weekday was printed


def _year(text: str) -> int:
    y = int(text)
    return y + 2000 if y < 100 else y


def _make(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def find_dates(text: str) -> list[FoundDate]:
    """Every real date in the text, in order; impossible ones (31 février) are skipped."""
    f = fold(text)
    found: list[FoundDate] = []
    spans: list[tuple[int, int]] = []
    for regex, kind in ((_LONG, "long"), (_ISO, "iso"), (_NUMERIC, "num")):
        for m in regex.finditer(f):
            if any(s < m.end() and m.start() < e for s, e in spans):
                continue
            month = MONTHS[m.group("m")] if kind == "long" else int(m.group("m"))
            value = _make(_year(m.group("y")), month, int(m.group("d")))
            if value is None:
                continue
            before = f[max(0, m.start() - 12) : m.start()]
            wd = _WEEKDAY.search(before)
            weekday_ok = None if wd is None else _WEEKDAYS.index(wd.group(1)) == value.weekday()
            found.append(FoundDate(value, m.start(), m.end(), weekday_ok))
            spans.append((m.start(), m.end()))
    found.sort(key=lambda d: d.start)
    return found


def parse_date(text: str | None) -> dt.date | None:
    """The first real date in the text, or None."""
    if not text:
        return None
    dates = find_dates(text)
    return dates[0].value if dates else None


def has_impossible_date(text: str) -> bool:
    """True when the text prints a date that does not exist (e.g. 30 février)."""
    f = fold(text)
    for m in _LONG.finditer(f):
        if _make(_year(m.group("y")), MONTHS[m.group("m")], int(m.group("d"))) is None:
            return True
    for m in _NUMERIC.finditer(f):
        if (
            int(m.group("m")) <= 12
            and _make(_year(m.group("y")), int(m.group("m")), int(m.group("d"))) is None
        ):
            return True
    return False
