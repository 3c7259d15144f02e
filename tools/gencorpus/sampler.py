"""Sample one notice: content, wording, order and presentation choices, all from one RNG."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from . import phrases, sample_contact, sample_header
from .frdates import format_date, next_workday, pick_style
from .labels import HEADER_LABELS, HEADER_ORDER, HEADINGS, ORGANISATION_LABELS
from .pools_domains import DOMAINS, Domain
from .pools_org import (
    AGENTS_DIRECT,
    AGENTS_INDIRECT,
    EMPLOYERS,
)
from .pools_text import (
    CONDITION_HEADINGS,
    DESCRIPTION_EXTRAS,
    FOOTNOTES,
    GENERIC_CONDITIONS,
    PERMIT_HEADING,
    PERMITS,
)
from .spec import Condition, Facts, HeaderRow, ListSection, NoticeSpec


def sample_notice(rng: random.Random, name: str, layout: str, source: str) -> NoticeSpec:
    """Draw a complete notice; the same RNG state always gives the same notice."""
    employer = rng.choice(EMPLOYERS)
    domain = rng.choice([d for d in DOMAINS if not employer.domains or d.key in employer.domains])
    decks = phrases.Decks(rng, domain)
    posted = sample_header.posting_date(rng)
    deadline = next_workday(posted + dt.timedelta(days=rng.randint(7, 42)))
    ref_value, ref_id, ref_date = sample_header.reference(rng, employer, posted)
    start_value, immediate, start_date = sample_header.start(rng, deadline)
    residence = rng.choice(
        ("/", "/", "/", "au moins égale à 5 ans", "au moins égale à 10 ans", "10 ans", "5 ans")
    )
    positions = rng.choice((None, None, 1, 1, 1, 2, 3))
    direction = rng.choice(domain.directions)
    location = rng.choice(employer.locations)
    dstyle = pick_style(rng)
    values: dict[str, str] = {
        "reference": ref_value,
        "employer": rng.choice(employer.names),
        "corps": rng.choice(domain.corps),
        "direction": direction,
        "residence": residence,
        "start": start_value,
        "location": location,
        "posted": format_date(posted, dstyle),
        "deadline": format_date(deadline, dstyle if rng.random() < 0.8 else pick_style(rng)),
    }
    if positions is not None:
        values["positions"] = rng.choice(
            (str(positions), f"{positions} poste" + "s" * (positions > 1))
        )
    header = tuple(
        HeaderRow(key, rng.choice(HEADER_LABELS[key]), values[key])
        for key in sample_header.header_order(rng)
        if key in values
    )
    email, phone, contact_lines = sample_contact.contact(rng)
    spec = NoticeSpec(
        name=name,
        layout=layout,
        source=source,
        title=rng.choice(domain.titles) + (" (H/F)" if rng.random() < 0.15 else ""),
        employer=values["employer"],
        page_header=employer.short,
        header=header,
        label_colon=rng.random() < 0.5,
        details_heading=_heading(rng, "details")
        + (f" : {values['corps'].split(' / ')[0].lower()}" if rng.random() < 0.3 else ""),
        description=_description(rng, domain),
        missions=_missions(rng, decks),
        organisation=_organisation(rng, domain, direction),
        activity_sections=_activity_sections(rng, decks),
        conditions_heading=_heading(rng, "conditions"),
        conditions=_conditions(rng, domain),
        profile_heading=_heading(rng, "profile"),
        profile_sections=_profile_sections(rng, decks),
        contact_heading=_heading(rng, "contact"),
        contact_lines=contact_lines,
        apply_heading=_heading(rng, "apply"),
        apply_text=(
            "Les candidatures (CV détaillé, lettre de motivation, copie des diplômes, fiche de "
            "renseignements (2)) précisant la référence de l’offre doivent parvenir à la "
            "direction des ressources humaines avant la date limite de candidature par :"
        ),
        apply_items=sample_contact.apply_items(rng, employer, email),
        footnotes=FOOTNOTES,
        facts=Facts(
            reference_id=ref_id,
            reference_date=ref_date,
            posted_on=posted,
            deadline=deadline,
            start_immediate=immediate,
            start_date=start_date,
            positions=positions,
            contact_email=email,
            contact_phone=phone,
        ),
        bullet=_bullet(rng, layout),
        heading_style=rng.choice(("numbered", "upper")) if layout == "pdf-stacked" else "plain",
        footer_format=rng.choice(
            ("Page {page}/{pages}", "Page {page} sur {pages}", "{page}/{pages}")
        ),
        middle_rows=frozenset(k for k in HEADER_ORDER if rng.random() < 0.4),
    )
    return _restyle_apostrophes(rng, spec)


def _heading(rng: random.Random, key: str) -> str:
    """One of the wordings employers use for this heading."""
    return rng.choice(HEADINGS[key])


def _description(rng: random.Random, domain: Domain) -> str:
    """The "Détails de l’offre" paragraph: domain lead plus up to two generic sentences."""
    extras = rng.sample(DESCRIPTION_EXTRAS, rng.randint(0, 2))
    return " ".join([domain.description, *extras])


def _missions(rng: random.Random, decks: phrases.Decks) -> ListSection:
    """Bulleted missions, or (one notice in five) one mission per paragraph."""
    if rng.random() < 0.2:
        items = phrases.distinct(rng, rng.randint(1, 3), lambda: phrases.mission(rng, decks))
        return ListSection(
            "missions", _heading(rng, "missions"), tuple(i + "." for i in items), True
        )
    items = phrases.distinct(rng, rng.randint(2, 6), lambda: phrases.mission(rng, decks))
    return ListSection("missions", _heading(rng, "missions"), phrases.punctuate(rng, items))


def _organisation(rng: random.Random, domain: Domain, direction: str) -> tuple[HeaderRow, ...]:
    """Unit, chart position, supervisor and staff lines; absent in one notice in five."""
    if rng.random() < 0.2:
        return ()
    supervisor = rng.choice(
        (
            f"Directeur {direction}",
            f"Directrice adjointe {direction}",
            "Chef de service",
            "Secrétaire général",
            "Directeur général des services",
        )
    )
    rows = [
        ("unit", rng.choice(domain.units)),
        ("chart", f"N-{rng.randint(1, 4)} (par rapport au directeur)"),
        ("supervisor", supervisor),
        (
            "staff",
            f"Directs : {rng.choice(AGENTS_DIRECT)} / Indirects : {rng.choice(AGENTS_INDIRECT)}",
        ),
    ]
    return tuple(HeaderRow(k, rng.choice(ORGANISATION_LABELS[k]), v) for k, v in rows)


def _list(
    rng: random.Random, key: str, heading: str, lo: int, hi: int, make: Callable[[], str]
) -> ListSection:
    """A bulleted section of ``lo``–``hi`` distinct items with notice-style punctuation."""
    items = phrases.distinct(rng, rng.randint(lo, hi), make)
    return ListSection(key, heading, phrases.punctuate(rng, items))


def _activity_sections(rng: random.Random, decks: phrases.Decks) -> tuple[ListSection, ...]:
    """Main activities always; secondary ones in seven notices out of ten."""
    main = _list(
        rng, "activities", _heading(rng, "activities"), 4, 10, lambda: phrases.activity(rng, decks)
    )
    if rng.random() < 0.3:
        return (main,)
    heading = _heading(rng, "secondary_activities")
    return (
        main,
        _list(rng, "secondary_activities", heading, 2, 5, lambda: phrases.activity(rng, decks)),
    )


def _conditions(rng: random.Random, domain: Domain) -> tuple[Condition, ...]:
    """Permit line plus one or two work-condition sub-headings, sometimes with several values."""
    if rng.random() < 0.15:
        return ()
    out = [Condition(PERMIT_HEADING, (rng.choice(PERMITS),))]
    pool = [c for c in (*domain.conditions, *GENERIC_CONDITIONS) if c != "/"]
    rng.shuffle(pool)
    for heading in rng.sample(CONDITION_HEADINGS, rng.randint(1, 2)):
        if rng.random() < 0.1:
            values: tuple[str, ...] = ("/",)
        else:
            take = 1 if rng.random() < 0.6 else rng.randint(2, 3)
            values, pool = tuple(pool[:take]), pool[take:]
        out.append(Condition(heading, values))
    rng.shuffle(out)
    return tuple(out)


def _profile_sections(rng: random.Random, decks: phrases.Decks) -> tuple[ListSection, ...]:
    """Knowledge (with at most one diploma line), know-how and behaviours."""
    most = min(6, len(decks.domain.knowledge))  # never the same topic twice in one list
    knowledge = phrases.distinct(rng, rng.randint(2, most), lambda: phrases.knowledge(rng, decks))
    if rng.random() < 0.5:
        knowledge.insert(rng.choice((0, len(knowledge))), phrases.diploma(rng, decks))
    return (
        ListSection("knowledge", _heading(rng, "knowledge"), phrases.punctuate(rng, knowledge)),
        _list(
            rng, "know_how", _heading(rng, "know_how"), 2, 8, lambda: phrases.know_how(rng, decks)
        ),
        _list(
            rng,
            "behaviours",
            _heading(rng, "behaviours"),
            3,
            9,
            lambda: phrases.behaviour(rng, decks),
        ),
    )


def _bullet(rng: random.Random, layout: str) -> str:
    """The printed bullet glyph: each PDF layout has its own family."""
    if layout == "pdf-borderless":
        return rng.choice(("–", "▪"))
    if layout == "pdf-stacked":
        return rng.choice(("•", "-", "–"))
    return "•"


def _restyle_apostrophes(rng: random.Random, spec: NoticeSpec) -> NoticeSpec:
    """Typographic ’, straight ' or a mix per string, as real notices do; truth follows. A text
    printed twice (the title above the header and in its "Intitulé" row) is typed once: it
    keeps one style, or its truth would name only one of the two printed forms."""
    mode = rng.choice(("curly", "straight", "mixed"))
    if mode == "curly":
        return spec
    styled: dict[str, bool] = {}

    def fix(value: Any) -> Any:
        if isinstance(value, str):
            straight = mode == "straight" or rng.random() < 0.5  # drawn as before: same seeds
            straight = styled.setdefault(value, straight)
            return value.replace("’", "'") if straight else value
        if isinstance(value, tuple):
            return tuple(fix(v) for v in value)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return dataclasses.replace(
                value, **{f.name: fix(getattr(value, f.name)) for f in dataclasses.fields(value)}
            )
        return value

    return fix(spec)
