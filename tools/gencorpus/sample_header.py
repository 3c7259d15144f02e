"""Header values of a sampled notice: dates, reference, start and the order of the rows."""

from __future__ import annotations

import datetime as dt
import random

from .frdates import format_date, next_workday
from .labels import HEADER_ORDER
from .pools_org import Employer

FIRST_DAY = dt.date(2024, 1, 8)
SPAN_DAYS = 1050  # posting dates run into late 2026, like the real corpus


def posting_date(rng: random.Random) -> dt.date:
    """A working day, most often a Friday as in the DRHFPNC publications."""
    day = FIRST_DAY + dt.timedelta(days=rng.randrange(SPAN_DAYS))
    if rng.random() < 0.5:
        day += dt.timedelta(days=(4 - day.weekday()) % 7)
    return next_workday(day)


def reference(
    rng: random.Random, employer: Employer, posted: dt.date
) -> tuple[str, str, dt.date | None]:
    """Printed reference, its id (text before " du <date>", minus a leading "N°") and date."""
    issued = posted - dt.timedelta(days=rng.choice((0, 0, 0, 0, 1, 3, 7)))
    style = rng.choice(employer.ref_styles)
    yy = f"{posted.year % 100:02d}"
    if style == "drhfpnc":
        sep = "/" if rng.random() < 0.9 else " "
        ref_id = f"3134-{yy}-{rng.randint(1, 999):04d}{sep}{employer.ref_suffix}"
        printed = ref_id
    elif style == "numero":
        ref_id = f"{posted.year}-{rng.randint(1, 350):03d}/{employer.ref_suffix}"
        printed = rng.choice(("N° ", "n° ", "")) + ref_id
    else:
        ref_id = f"{yy}-{rng.randint(1, 999):04d}"
        printed = f"AVP n°{ref_id}"
    if style != "drhfpnc" and rng.random() < 0.35:
        return printed, ref_id, None
    return (
        printed + " du " + format_date(issued, rng.choice(("long", "long", "numeric"))),
        ref_id,
        issued,
    )


def start(rng: random.Random, deadline: dt.date) -> tuple[str, bool, dt.date | None]:
    """Printed start, whether it means "now", and its date when one is printed."""
    kind = rng.choice(("now", "now", "asap", "from", "on", "tbd"))
    if kind == "now":
        return "immédiatement", True, None
    if kind == "asap":
        return rng.choice(("dès que possible", "Dès que possible")), True, None
    if kind == "tbd":
        return "à définir", False, None
    day = next_workday(deadline + dt.timedelta(days=rng.randint(10, 80)))
    if rng.random() < 0.3:  # "1er …": the first of the following month
        day = next_workday((day.replace(day=28) + dt.timedelta(days=4)).replace(day=1))
    text = format_date(day, rng.choice(("long", "long", "numeric", "weekday")))
    return ("à compter du " if kind == "from" else "le ") + text, False, day


def header_order(rng: random.Random) -> list[str]:
    """Real order with one or two neighbour swaps; the reference stays first 90 % of the time."""
    order = list(HEADER_ORDER)
    for _ in range(rng.randint(0, 2)):
        i = rng.randrange(1, len(order) - 1)
        order[i], order[i + 1] = order[i + 1], order[i]
    if rng.random() < 0.1:
        order[0], order[1] = order[1], order[0]
    return order
