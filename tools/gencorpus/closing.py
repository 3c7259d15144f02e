"""How a notice of the unseen families ends: contact, "Renseignements : …" and how to apply.

Real notices end in many ways: a contact heading and an application heading, or no heading at
all and a plain paragraph right after the last bulleted list ("Les candidatures … sont à
adresser avant la date limite …"), with a "Renseignements : …" line before or after it. Those
lines feed ``contact`` (``how_to_apply``, phone, e-mail), never a list field. Every renderer
prints the same blocks from :func:`closing_blocks`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .pools_groups import ADDRESSEES
from .pools_org import FIRST_NAMES, LAST_NAMES, Employer
from .sample_contact import ascii_slug, phone_number
from .spec import NoticeSpec
from .wordings import INLINE_WORDINGS

CLOSINGS: tuple[str, ...] = ("sections", "tail", "tail-info-first", "apply-heading")

LIST_NOTES: tuple[str, ...] = (
    "Cette liste d’activités n’est pas exhaustive.",
    "Liste non exhaustive.",
    "Ces activités sont susceptibles d’évoluer en fonction des besoins du service.",
)


@dataclass(frozen=True)
class Person:
    """The fictional contact of a notice."""

    civility: str
    first: str
    last: str
    role: str
    email: str
    phone: str


def person(rng: random.Random) -> Person:
    """A contact with an example.nc mailbox and a phone number in a printed NC form."""
    first, female = rng.choice(FIRST_NAMES)
    last = rng.choice(LAST_NAMES)
    role = rng.choice(
        (
            "cheffe du service" if female else "chef du service",
            "responsable du recrutement",
            "directrice adjointe" if female else "directeur adjoint",
            "gestionnaire ressources humaines",
        )
    )
    email = f"{ascii_slug(first)}.{ascii_slug(last)}@example.nc"
    return Person("Mme" if female else "M.", first, last, role, email, phone_number(rng))


def contact_lines(rng: random.Random, who: Person) -> tuple[str, ...]:
    """Lines under a contact heading: name and role, then phone and e-mail."""
    if rng.random() < 0.5:
        return (
            f"{who.civility} {who.first} {who.last}, {who.role}",
            f"Tél. : {who.phone}",
            f"Courriel : {who.email}",
        )
    return (f"{who.civility} {who.first} {who.last} – {who.role} – {who.phone} – {who.email}",)


def info_line(rng: random.Random, who: Person) -> str:
    """One "Renseignements : …" line with the phone and e-mail of the contact."""
    lead = rng.choice(INLINE_WORDINGS["contact"])
    form = rng.randrange(3)
    if form == 0 or lead == "Renseignements auprès de":
        sep = " " if lead == "Renseignements auprès de" else " : "
        return (
            f"{lead}{sep}{who.civility} {who.first} {who.last}, {who.role}, au {who.phone} "
            f"ou par courriel à {who.email}."
        )
    if form == 1:
        return (
            f"{lead} : {who.civility} {who.first} {who.last} ({who.role}) – Tél. : {who.phone} "
            f"– Courriel : {who.email}"
        )
    return f"{lead} : {who.phone} / {who.email}"


def how_to_apply(
    rng: random.Random,
    group: str,
    employer: Employer,
    employer_name: str,
    ref_id: str,
    deadline_text: str,
    mailbox: str,
) -> str:
    """One application paragraph; ``mailbox`` is the only address it may print."""
    town = employer.locations[0].split(" – ")[0]
    addressee = rng.choice(ADDRESSEES[group])
    postal = f"{employer_name}, BP {rng.randint(10, 999)}, 988{rng.randint(0, 99):02d} {town}"
    dest = rng.choice(
        (
            f"par courriel à {mailbox}",
            f"par voie postale à {addressee}, {postal}",
            f"par courriel à {mailbox} ou par voie postale à {addressee}, {postal}",
        )
    )
    form = rng.randrange(5)
    if form == 0:
        return (
            f"Les candidatures (lettre de motivation et CV) sont à adresser avant la date limite "
            f"{dest}."
        )
    if form == 1:
        return (
            "Les candidatures (CV détaillé, lettre de motivation et dernier arrêté de situation "
            f"administrative) sont à adresser au plus tard le {deadline_text} {dest}."
        )
    if form == 2:
        return (
            "Merci d’adresser votre candidature (lettre de motivation et CV) en rappelant la "
            f"référence {ref_id} {dest}."
        )
    if form == 3:
        portal = rng.choice(
            (
                "sur le portail emploi de l’employeur",
                "sur le site Choisir le service public",
                "sur la plateforme de recrutement en ligne",
            )
        )
        return f"Les dossiers de candidature sont à déposer {portal} ou à adresser {dest}."
    return (
        f"Adresser lettre de motivation et curriculum vitae à {addressee}, {postal}, avant la "
        "date limite de candidature."
    )


def closing_blocks(spec: NoticeSpec) -> list[tuple[str, str]]:
    """The closing as (kind, text) blocks: ``h1`` heading, ``p`` paragraph, ``lp`` paragraph
    whose text starts with a bold inline label ``label\\x00text``."""
    how = (
        ("lp", f"{spec.apply_label}\x00{spec.how_to_apply}")
        if spec.apply_label
        else (
            "p",
            spec.how_to_apply,
        )
    )
    info = ("p", spec.info_line)
    if spec.closing == "sections":
        return [
            ("h1", spec.contact_heading),
            *(("p", line) for line in spec.contact_lines),
            ("h1", spec.apply_heading),
            how,
        ]
    if spec.closing == "apply-heading":
        return [("h1", spec.apply_heading), how, info]
    if spec.closing == "tail":
        return [how, info]
    if spec.closing == "tail-info-first":
        return [info, how]
    raise ValueError(f"unknown closing {spec.closing!r}")
