"""Working time, contract kind and diplomas, read from the notice's own words (wordings.toml)."""

from __future__ import annotations

from dataclasses import dataclass

from avis.enrich.data import contains, normalise, wordings
from avis.model import Notice

KINDS = ("full_time", "part_time", "temporary")


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a kind was read: the notice field and its printed text."""

    field: str
    text: str
    wording: str


def _texts(notice: Notice) -> list[tuple[str, str]]:
    """(field path, text) of every printed part that can state working time or contract."""
    out = [
        (path, value)
        for path, value in (
            ("title", notice.title),
            ("corps", notice.corps),
            ("job", notice.job),
            ("start", notice.start.raw),
            ("description", notice.description),
        )
        if value
    ]
    out += [(f"conditions[{i}]", c) for i, c in enumerate(notice.conditions)]
    out += [(f"extra.{k}", v) for k, v in notice.extra.items()]
    return out


def employment_evidence(notice: Notice) -> dict[str, Evidence]:
    """Kind (``full_time``, ``part_time``, ``temporary``) → where it is printed."""
    table = wordings().employment
    found: dict[str, Evidence] = {}
    for path, text in _texts(notice):
        norm = normalise(text)
        for kind in KINDS:
            if kind in found:
                continue
            for wording in table.get(kind, ()):
                if contains(norm, wording) >= 0:
                    found[kind] = Evidence(path, text, wording)
                    break
    return found


def diploma_items(notice: Notice) -> list[tuple[int, str]]:
    """(index, item) of the knowledge items that name a diploma."""
    words = wordings().diplomas
    found = []
    for i, item in enumerate(notice.knowledge):
        norm = normalise(item)
        if norm and any(contains(norm, w) >= 0 for w in words):
            found.append((i, item))
    return found
