"""The fictional contact person and how to apply (example.nc addresses, NC phone forms)."""

from __future__ import annotations

import random
import unicodedata

from .pools_org import FIRST_NAMES, LAST_NAMES, Employer


def ascii_slug(text: str) -> str:
    """Mailbox-safe name ("Hélène" → "helene"): addresses are ASCII even when names are not."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def phone_number(rng: random.Random) -> str:
    """A six-digit New Caledonian number, local or with the +687 prefix, as printed."""
    digits = f"{rng.choice('2457')}{rng.randint(0, 9)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
    form = rng.choice(("local", "local", "intl", "paren"))
    return {"local": digits, "intl": f"+687 {digits}", "paren": f"(+687) {digits}"}[form]


def contact(rng: random.Random) -> tuple[str, str, tuple[str, ...]]:
    """A fictional contact person; returns the printed email, phone and contact lines."""
    first, female = rng.choice(FIRST_NAMES)
    last = rng.choice(LAST_NAMES)
    civility = "Mme" if female else "M."
    role = rng.choice(
        (
            "cheffe du bureau recrutement" if female else "chef du bureau recrutement",
            "directrice des ressources humaines" if female else "directeur des ressources humaines",
            "responsable du service",
        )
    )
    email = f"{ascii_slug(first)}.{ascii_slug(last)}@example.nc"
    phone = phone_number(rng)
    form = rng.randrange(3)
    lines: tuple[str, ...]
    if form == 0:
        lines = (f"{civility} {first} {last}, {role}", f"Tél : {phone}", f"Courriel : {email}")
    elif form == 1:
        lines = (
            f"Pour tout renseignement complémentaire, contacter {civility} {first} {last} "
            f"({role}) au {phone} ou par courriel : {email}.",
        )
    else:
        lines = (f"{first} {last} – {role} – Tél : {phone} ;", f"E-mail : {email}")
    return email, phone, lines


def apply_items(rng: random.Random, employer: Employer, email: str) -> tuple[str, ...]:
    """How to send an application; the mailbox is sometimes not the contact's address."""
    town = employer.locations[0].split(" – ")[0]
    postcode = f"988{rng.randint(0, 99):02d}"
    mailbox = email if rng.random() < 0.5 else "recrutement@example.nc"
    return (
        f"Voie postale : BP {rng.randint(10, 999)} – {postcode} {town}",
        "Dépôt physique : accueil de la direction des ressources humaines",
        f"Mail : {mailbox}",
    )
