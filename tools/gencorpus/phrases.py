"""Build list items from fragments so items vary in wording, length and punctuation."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from .pools_domains import Domain
from .pools_text import (
    ACTIVITY_VERBS,
    BEHAVIOURS,
    GENERIC_SKILLS,
    KNOW_HOW_LEADS,
    KNOWLEDGE_LEADS,
    MISSION_NOUNS,
    PARENTHESES,
    TAILS,
    VERB_TAILS,
)

_VOWELS = "aeiouyàâéèêëîïôûhAEIOUYÀÂÉÈÊÎÔÛH"


def contract(prep: str, phrase: str) -> str:
    """French contraction of a preposition with the phrase's article (de le → du, à les → aux)."""
    if prep == "de":
        if phrase.startswith("le "):
            return "du " + phrase[3:]
        if phrase.startswith("les "):
            return "des " + phrase[4:]
    if prep == "à":
        if phrase.startswith("le "):
            return "au " + phrase[3:]
        if phrase.startswith("les "):
            return "aux " + phrase[4:]
    return f"{prep} {phrase}" if prep else phrase


def attach(lead: str, prep: str, phrase: str) -> str:
    """Join a lead ("Participer à") to a noun phrase, contracting the trailing preposition."""
    if prep and lead.endswith(" " + prep):
        lead = lead[: -len(prep) - 1]
    return f"{lead} {contract(prep, phrase)}"


def elide(lead: str, verb_phrase: str) -> str:
    """ "de" + vowel → "d’" ("Être en mesure d’analyser"), as French prints it."""
    if lead.endswith(" de ") and verb_phrase[:1] in _VOWELS:
        return lead[:-2] + "’" + verb_phrase
    return lead + verb_phrase


def capitalise(text: str) -> str:
    """Upper-case the first letter only (str.capitalize would lower the rest)."""
    return text[:1].upper() + text[1:]


class Deck:
    """Draw without replacement, reshuffling when empty: fewer repeats inside one notice."""

    def __init__(self, rng: random.Random, pool: Sequence[str]) -> None:
        self.rng, self.pool, self.cards = rng, tuple(pool), list[str]()

    def draw(self) -> str:
        """Next card; a fresh shuffle of the whole pool once it runs out."""
        if not self.cards:
            self.cards = list(self.pool)
            self.rng.shuffle(self.cards)
        return self.cards.pop()


class Decks:
    """The per-notice decks every item builder draws from."""

    def __init__(self, rng: random.Random, domain: Domain) -> None:
        self.domain = domain
        self.objects = Deck(rng, domain.objects)
        self.knowledge = Deck(rng, domain.knowledge)
        self.skills = Deck(rng, domain.skills + GENERIC_SKILLS)
        self.behaviours = Deck(rng, BEHAVIOURS)


def _decorate(rng: random.Random, text: str, verbal: bool) -> str:
    """Lengthen an item with a tail and/or an example list, so many items wrap in print."""
    if "(" not in text and rng.random() < 0.2:
        text += rng.choice(PARENTHESES)
    if rng.random() < 0.5:
        text += rng.choice(TAILS)
    if verbal and rng.random() < 0.3:
        text += rng.choice(VERB_TAILS)
    return text


def activity(rng: random.Random, decks: Decks) -> str:
    """ "Assurer le suivi des …" built from a verb lead and one or two domain objects."""
    lead, prep = rng.choice(ACTIVITY_VERBS)
    text = attach(lead, prep, decks.objects.draw())
    if rng.random() < 0.2:
        text += " ainsi que " + contract(prep, decks.objects.draw())
    return _decorate(rng, text, verbal=True)


def mission(rng: random.Random, decks: Decks) -> str:
    """A mission as a noun phrase ("La gestion du …") or, sometimes, as a verb phrase."""
    if rng.random() < 0.35:
        return activity(rng, decks)
    lead, prep = rng.choice(MISSION_NOUNS)
    return _decorate(rng, attach(lead, prep, decks.objects.draw()), verbal=False)


def diploma(rng: random.Random, decks: Decks) -> str:
    """One diploma requirement; a list holds at most one, as real notices do."""
    level = rng.choice(("Bac+2", "Bac+3", "Bac+5"))
    field = rng.choice(decks.domain.diploma_fields)
    return rng.choice(
        (
            f"Diplôme de niveau {level} en {field} ou expérience professionnelle équivalente",
            f"Titulaire d’un diplôme de niveau {level} minimum en {field}",
        )
    )


def knowledge(rng: random.Random, decks: Decks) -> str:
    """A "Connaissance de …" line, sometimes extended with a second topic."""
    lead, prep = rng.choice(KNOWLEDGE_LEADS)
    text = attach(lead, prep, decks.knowledge.draw())
    if rng.random() < 0.2:
        text += " et " + contract(prep, "l’environnement institutionnel de la Nouvelle-Calédonie")
    return text


def know_how(rng: random.Random, decks: Decks) -> str:
    """ "Savoir …", "Capacité à …" or a bare infinitive, from domain and generic skills."""
    skill = decks.skills.draw()
    lead = rng.choice(KNOW_HOW_LEADS)
    text = capitalise(skill) if not lead else elide(lead, skill)
    if rng.random() < 0.25:
        text += rng.choice(TAILS)
    return text


def behaviour(rng: random.Random, decks: Decks) -> str:
    """Behaviours come from one shared pool: they do not depend on the job."""
    return decks.behaviours.draw()


def distinct(rng: random.Random, n: int, make: Callable[[], str]) -> list[str]:
    """``n`` different items (fewer if the pools run dry): duplicates would blur the truth."""
    seen: list[str] = []
    for _ in range(n * 30):
        if len(seen) == n:
            break
        item = make()
        if item not in seen and not any(item.startswith(s) or s.startswith(item) for s in seen):
            seen.append(item)
    return seen


def punctuate(rng: random.Random, items: list[str]) -> tuple[str, ...]:
    """End items the way printed notices do: nothing, ";", ",", "." or a mix."""
    style = rng.choice(("none", "none", "semicolon", "comma", "period", "mixed"))
    if style == "none":
        ends = [""] * len(items)
    elif style == "semicolon":
        ends = [" ;" if rng.random() < 0.3 else ";"] * (len(items) - 1) + ["."]
    elif style == "comma":
        ends = [","] * (len(items) - 1) + [rng.choice((".", ","))]
    elif style == "period":
        ends = ["."] * len(items)
    else:
        ends = [rng.choice(("", "", ";", ",", ".")) for _ in items]
    return tuple(item + end for item, end in zip(items, ends, strict=True))
