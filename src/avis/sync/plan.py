"""From parsed notices to the changes the catalogue needs: pure functions, no I/O.

A *candidate* is one notice this run publishes under its reference. The plan compares each
candidate and each catalogued row:

=====================  ==========================  =============================
catalogue says         this run                     change
=====================  ==========================  =============================
nothing / withdrawn    open / expired               ``new`` / ``expired``
open                   content differs              ``updated``
open                   deadline passed              ``expired``
expired                content differs / reopened   ``updated``
open or expired        reference gone, ``prune``    ``withdrawn``
=====================  ==========================  =============================

A reference absent from this run is withdrawn only with ``prune``, and never when its last
source file failed to parse or gave an unpublishable notice this time: a broken file is not
a withdrawal. The content hash covers what a reader sees (every field but ``source``,
``provenance`` and ``warnings``), so re-saving a PDF unchanged is no change.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from avis.model import Notice
from avis.sync.catalogue import NoticeRow
from avis.writers.shared import slug

HASH_EXCLUDES = frozenset({"source", "provenance", "warnings"})
RESERVED = frozenset({"sitemap.xml", "feed.xml", "changes.jsonl", "robots.txt", "index.html"})
"""Top-level names of the site that no page folder may take."""


def content_hash(notice: Notice) -> str:
    """sha256 of the notice's published content (canonical JSON, sorted keys)."""
    data = notice.model_dump(mode="json", exclude=set(HASH_EXCLUDES))
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def page_slug(reference: str) -> str:
    """The page folder of a reference: the same slug ``avis convert`` puts in notice URLs."""
    return slug(reference)


def assign_page(reference: str, taken: set[str]) -> str:
    """A page folder for a new reference, unique (ignoring case) among ``taken``."""
    name = page_slug(reference)
    if name.casefold() in taken or name.casefold() in RESERVED:
        digest = hashlib.sha256(reference.encode("utf-8", "surrogatepass")).hexdigest()
        name = f"{name}~{digest[:8]}"
    taken.add(name.casefold())
    return name


@dataclass(frozen=True, slots=True)
class Candidate:
    """A notice this run publishes: parsed, publishable, one per reference."""

    reference: str
    notice: Notice
    content_hash: str
    expired: bool
    source_file: str


@dataclass(frozen=True, slots=True)
class Parsed:
    """One input's notice as the batch gave it."""

    source_file: str
    notice: Notice


@dataclass(frozen=True, slots=True)
class Duplicate:
    """The same reference printed in several files: one kept, the others named."""

    reference: str
    kept: str
    dropped: tuple[str, ...]
    same_content: bool


def _priority(p: Parsed, catalogued_source: str | None) -> tuple[int, int, int, str]:
    """Sort key: the latest reference date or posting date, then the file the catalogue
    already knows (stable across runs), then the path (deterministic)."""
    day = p.notice.reference.date or p.notice.posted_on or dt.date.min
    return (-day.toordinal(), 0 if p.source_file == catalogued_source else 1, 0, p.source_file)


def pick(
    parsed: Iterable[Parsed], rows: Mapping[str, NoticeRow]
) -> tuple[dict[str, Parsed], list[Duplicate]]:
    """One notice per reference; the duplicates found, with the file kept."""
    groups: dict[str, list[Parsed]] = {}
    for p in parsed:
        ref = (p.notice.reference.id or "").strip()
        if ref:
            groups.setdefault(ref, []).append(p)
    chosen: dict[str, Parsed] = {}
    duplicates: list[Duplicate] = []
    for ref, group in groups.items():
        row = rows.get(ref)
        group.sort(key=lambda p: _priority(p, row.source_file if row else None))
        chosen[ref] = group[0]
        if len(group) > 1:
            hashes = {content_hash(p.notice) for p in group}
            duplicates.append(
                Duplicate(
                    ref,
                    group[0].source_file,
                    tuple(p.source_file for p in group[1:]),
                    len(hashes) == 1,
                )
            )
    return chosen, duplicates


@dataclass(frozen=True, slots=True)
class Change:
    """One change to make: what the catalogue row becomes, and why."""

    kind: str
    reference: str
    content_hash: str
    previous_hash: str | None
    status: str
    source_file: str
    notice: Notice | None
    """The notice to store (None for a withdrawal: the stored one stays)."""
    first_seen: bool


@dataclass(slots=True)
class Plan:
    changes: list[Change] = field(default_factory=list)
    moved: dict[str, str] = field(default_factory=dict)
    """Reference → new source file, for unchanged notices found in another file."""
    absent: list[str] = field(default_factory=list)
    """Catalogued references not in this run and not withdrawn (no ``prune``)."""
    kept: list[str] = field(default_factory=list)
    """Catalogued references not withdrawn because their source failed this time."""


def diff(
    candidates: Mapping[str, Candidate],
    rows: Mapping[str, NoticeRow],
    *,
    prune: bool,
    troubled_sources: set[str],
) -> Plan:
    """The changes that bring the catalogue to this run's notices (see the module doc)."""
    plan = Plan()
    for ref in sorted(candidates):
        cand = candidates[ref]
        status = "expired" if cand.expired else "open"
        row = rows.get(ref)
        kind: str | None
        if row is None or row.status == "withdrawn":
            kind = "new" if status == "open" else "expired"
        elif row.status == "open":
            if status == "expired":
                kind = "expired"
            else:
                kind = "updated" if row.content_hash != cand.content_hash else None
        else:  # expired
            changed = row.content_hash != cand.content_hash
            kind = "updated" if status == "open" or changed else None
        if kind is None:
            if row is not None and row.source_file != cand.source_file:
                plan.moved[ref] = cand.source_file
            continue
        plan.changes.append(
            Change(
                kind=kind,
                reference=ref,
                content_hash=cand.content_hash,
                previous_hash=row.content_hash if row is not None else None,
                status=status,
                source_file=cand.source_file,
                notice=cand.notice,
                first_seen=row is None,
            )
        )
    for ref in sorted(rows):
        row = rows[ref]
        if ref in candidates or row.status == "withdrawn":
            continue
        if row.source_file in troubled_sources:
            plan.kept.append(ref)
        elif prune:
            plan.changes.append(
                Change(
                    kind="withdrawn",
                    reference=ref,
                    content_hash=row.content_hash,
                    previous_hash=row.content_hash,
                    status="withdrawn",
                    source_file=row.source_file,
                    notice=None,
                    first_seen=False,
                )
            )
        else:
            plan.absent.append(ref)
    return plan
