"""Sample one notice of an unseen family: group wordings, header arrangement and closing.

The classic sampler (:mod:`.sampler`) is left untouched so ``corpus/generated`` stays
byte-identical; this one reuses its body builders and adds what the unseen families vary:
territorial / state / hospital wordings, a job-title header row, deadline times, a
non-exhaustive note after the activities and the closings of :mod:`.closing`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from . import closing, phrases, sample_header
from .frdates import format_date, next_workday
from .pools_domains import DOMAINS
from .pools_groups import GROUP_CORPS, GROUP_EMPLOYERS
from .pools_org import EMPLOYERS
from .pools_text import FOOTNOTES
from .sampler import (
    _conditions,
    _description,
    _missions,
    _organisation,
    _profile_sections,
    _restyle_apostrophes,
)
from .spec import Facts, HeaderRow, ListSection, NoticeSpec
from .wordings import GROUPS, HEADER_WORDINGS, HEADING_WORDINGS, INLINE_WORDINGS

# Header arrangement and presentation per family: (header_style, columns choices).
FAMILY_STYLE: dict[str, tuple[str, tuple[int, ...]]] = {
    "pdf-grid2": ("above", (2,)),
    "pdf-grid3": ("above", (3,)),
    "pdf-grid4": ("above", (4,)),
    "pdf-table4": ("pairs4", (4,)),
    "pdf-leaders": ("leaders", (1, 2)),
    "pdf-inline": ("inline", (1,)),
    "pdf-split": ("split", (2,)),
    "docx-table4": ("table4", (4,)),
    "docx-textbox": ("textbox", (1, 2)),
    "pdf-libreoffice": ("lo", (2, 3, 4)),
    "pdf-word": ("word", (2, 4)),
    "text-leaders": ("leaders", (1,)),
    # Layout classes (issue #10, see sample_classes.py): drawn here, then restyled there.
    "pdf-sidebar": ("sidebar", (1,)),
    "pdf-prose": ("prose", (1,)),
    "text-prose": ("prose", (1,)),
    "pdf-ocr": ("ocr-table", (2,)),
    "text-ocr": ("ocr-text", (1,)),
}

# Date styles of the unseen set: "08/05/2026" and "8 mai 2026" ("1er" on the first) dominate.
DATE_STYLES: tuple[str, ...] = ("numeric", "long", "weekday-cap", "abbr")
DATE_WEIGHTS: tuple[int, ...] = (4, 4, 2, 1)
DEADLINE_TAILS: tuple[str, ...] = (
    "",
    "",
    "",
    "",
    " à 12 h 00",
    ", 16 heures",
    " (délai de rigueur)",
)


# What some employers print on top instead of the job title (then only in "Intitulé du poste").
BANNERS: tuple[str, ...] = ("OFFRE D’EMPLOI", "AVIS DE RECRUTEMENT", "Appel à candidatures")


def _date_style(rng: random.Random) -> str:
    return rng.choices(DATE_STYLES, weights=DATE_WEIGHTS)[0]


def _relabel(rng: random.Random, sec: ListSection, group: str) -> ListSection:
    """The same items under the group's wording of the heading."""
    return dataclasses.replace(sec, heading=rng.choice(HEADING_WORDINGS[group][sec.key]))


def sample_family_notice(rng: random.Random, name: str, layout: str, source: str) -> NoticeSpec:
    """Draw a complete notice of an unseen family from one RNG."""
    header_style, column_choices = FAMILY_STYLE[layout]
    group = rng.choice(GROUPS)
    employer = rng.choice(EMPLOYERS if group == "NC" else GROUP_EMPLOYERS[group])
    domain = rng.choice([d for d in DOMAINS if not employer.domains or d.key in employer.domains])
    decks = phrases.Decks(rng, domain)
    posted = sample_header.posting_date(rng)
    deadline = next_workday(posted + dt.timedelta(days=rng.randint(7, 42)))
    ref_value, ref_id, ref_date = sample_header.reference(rng, employer, posted)
    start_value, immediate, start_date = sample_header.start(rng, deadline)
    positions = rng.choice((None, None, 1, 1, 2))
    direction = rng.choice(domain.directions)
    dstyle = _date_style(rng)
    employer_name = rng.choice(employer.names)
    title = rng.choice(domain.titles) + (" (H/F)" if rng.random() < 0.25 else "")
    values: dict[str, str] = {
        "reference": ref_value,
        "employer": employer_name,
        "corps": rng.choice(domain.corps if group == "NC" else GROUP_CORPS[group]),
        "direction": direction,
        "start": start_value,
        "location": rng.choice(employer.locations),
        "posted": format_date(posted, dstyle),
        "deadline": format_date(deadline, dstyle if rng.random() < 0.7 else _date_style(rng))
        + rng.choice(DEADLINE_TAILS),
    }
    if group == "NC":
        values["residence"] = rng.choice(("/", "/", "au moins égale à 5 ans", "10 ans"))
    if positions is not None:
        values["positions"] = str(positions)
    order = sample_header.header_order(rng)
    if rng.random() < 0.35:
        values["title"] = title
        order.insert(1, "title")
    labels = HEADER_WORDINGS[group]
    header = tuple(
        HeaderRow(key, rng.choice(labels[key]), values[key]) for key in order if key in values
    )

    headings = HEADING_WORDINGS[group]
    missions = _relabel(rng, _missions(rng, decks), group)
    main = ListSection(
        "activities",
        rng.choice(headings["activities"]),
        phrases.punctuate(
            rng, phrases.distinct(rng, rng.randint(3, 8), lambda: phrases.activity(rng, decks))
        ),
    )
    activity_sections: tuple[ListSection, ...] = (main,)
    if rng.random() < 0.6:
        extra = phrases.distinct(rng, rng.randint(2, 4), lambda: phrases.activity(rng, decks))
        activity_sections += (
            ListSection(
                "secondary_activities",
                rng.choice(headings["secondary_activities"]),
                phrases.punctuate(rng, extra),
            ),
        )
    profile = tuple(_relabel(rng, s, group) for s in _profile_sections(rng, decks))

    upper = rng.random() < 0.5
    who = closing.person(rng)
    how_mode = rng.choice(closing.CLOSINGS)
    # A second mailbox only when the contact's own address is printed before it.
    mailbox = (
        "recrutement@example.nc" if how_mode == "sections" and rng.random() < 0.5 else who.email
    )
    how = closing.how_to_apply(
        rng, group, employer, employer_name, ref_id, format_date(deadline, "long"), mailbox
    )
    apply_label = (
        rng.choice(INLINE_WORDINGS["apply"])
        if how_mode in ("tail", "tail-info-first") and rng.random() < 0.35
        else ""
    )
    spec = NoticeSpec(
        name=name,
        layout=layout,
        source=source,
        title=title,
        employer=employer_name,
        page_header=employer.short,
        header=header,
        label_colon=rng.random() < 0.5 or header_style == "inline",
        details_heading=rng.choice(headings["details"]),
        description=_description(rng, domain),
        missions=missions,
        organisation=_organisation(rng, domain, direction),
        activity_sections=activity_sections,
        conditions_heading=rng.choice(headings["conditions"]),
        conditions=_conditions(rng, domain),
        profile_heading=rng.choice(headings["profile"]),
        profile_sections=profile,
        contact_heading=rng.choice(headings["contact"]),
        contact_lines=closing.contact_lines(rng, who),
        apply_heading=rng.choice(headings["apply"]),
        apply_text="",
        apply_items=(),
        footnotes=FOOTNOTES if group == "NC" and rng.random() < 0.5 else (),
        facts=Facts(
            reference_id=ref_id,
            reference_date=ref_date,
            posted_on=posted,
            deadline=deadline,
            start_immediate=immediate,
            start_date=start_date,
            positions=positions,
            contact_email=who.email,
            contact_phone=who.phone,
        ),
        bullet=rng.choice(("•", "–", "▪", "-", "◦")),
        heading_style=rng.choice(("plain", "plain", "numbered", "upper")),
        footer_format=rng.choice(("Page {page}/{pages}", "Page {page} sur {pages}", "{page}")),
        group=group,
        header_style=header_style,
        columns=rng.choice(column_choices),
        upper_labels=upper,
        plain_caps=upper and rng.random() < 0.4,
        banner=rng.choice(BANNERS) if "title" in values and rng.random() < 0.5 else "",
        ruled=rng.random() < 0.5,
        leader="." if header_style == "leaders" else "",
        list_note=rng.choice(closing.LIST_NOTES) if rng.random() < 0.4 else "",
        closing=how_mode,
        info_line=closing.info_line(rng, who),
        how_to_apply=how,
        apply_label=apply_label,
    )
    return _restyle_apostrophes(rng, spec)
