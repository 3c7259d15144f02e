"""French date spellings seen in notices, so parsers meet every printed form."""

from __future__ import annotations

import datetime as dt
import random

WEEKDAYS: tuple[str, ...] = (
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
)
MONTHS: tuple[str, ...] = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
MONTHS_ABBR: tuple[str, ...] = (
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
)

STYLES: tuple[str, ...] = ("weekday-cap", "weekday", "long", "numeric", "abbr")


def _day(d: dt.date) -> str:
    """French ordinal for the first of the month ("1er"), plain number otherwise."""
    return "1er" if d.day == 1 else str(d.day)


def format_date(d: dt.date, style: str) -> str:
    """Spell ``d`` in one printed style; the weekday is always the true one."""
    if style == "numeric":
        return d.strftime("%d/%m/%Y")
    if style == "abbr":
        return f"{_day(d)} {MONTHS_ABBR[d.month - 1]} {d.year}"
    text = f"{_day(d)} {MONTHS[d.month - 1]} {d.year}"
    if style == "long":
        return text
    weekday = WEEKDAYS[d.weekday()]
    if style == "weekday-cap":
        return f"{weekday.capitalize()} {text}"
    if style == "weekday":
        return f"{weekday} {text}"
    raise ValueError(f"unknown date style {style!r}")


def pick_style(rng: random.Random) -> str:
    """Weighted like real notices: long forms with weekday dominate."""
    return rng.choices(STYLES, weights=(5, 3, 3, 2, 1))[0]


def next_workday(d: dt.date) -> dt.date:
    """Move a weekend date to the following Monday: notices close on working days."""
    while d.weekday() >= 5:
        d += dt.timedelta(days=1)
    return d
