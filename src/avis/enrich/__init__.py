"""The enrich stage: Notice → Notice, after extraction and before the writers (like a pandoc
filter).

It sets what job formats need but a notice only implies — place and country, time zone,
employment type, diplomas — from the notice's printed text or an explicit setting, never from a
guess, and records each value's provenance (``rule`` ``enrich:…``, or origin ``setting``) so
``avis parse --explain`` shows it. What it cannot establish stays unset with a warning saying
which setting would fill it. Values already set (a corrected Notice JSON) are kept: running it
twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from avis.enrich.employment import KINDS, diploma_items, employment_evidence
from avis.enrich.places import locate, time_zone
from avis.model import Employment, Locality, Notice, NoticeWarning, Place, Provenance

__all__ = ["ENRICH_WARNINGS", "EnrichOptions", "enrich"]

#: Warning codes this stage owns (dropped and re-derived on every run).
ENRICH_WARNINGS = frozenset(
    {"place_unknown", "locality_unknown", "country_conflict", "employment_unknown"}
)


@dataclass(frozen=True, slots=True)
class EnrichOptions:
    """The explicit settings enrich may use (see :mod:`avis.settings`)."""

    country: str | None = None
    """ISO 3166-1 alpha-2 code of the notices' country when their text names no known place."""
    employer: str | None = None
    """Employer of notices that print none."""


def _derived(notice: Notice, source: str, rule: str, text: str | None) -> Provenance:
    """Provenance of a value read from the notice field ``source``: its place, a new rule."""
    base = notice.provenance.get(source)
    if base is None:
        return Provenance(origin="text", rule=rule, text=text)
    return base.model_copy(update={"rule": rule, "text": text or base.text})


def _setting(name: str, value: str) -> Provenance:
    return Provenance(origin="setting", rule=f"setting:{name}", text=value)


class _Run:
    """One notice being enriched: the updates, provenance and warnings it gathers."""

    def __init__(self, notice: Notice, options: EnrichOptions) -> None:
        self.notice = notice
        self.options = options
        self.provenance = dict(notice.provenance)
        self.warnings = [w for w in notice.warnings if w.code not in ENRICH_WARNINGS]
        self.update: dict[str, object] = {}

    def warn(self, code: str, field: str, message: str) -> None:
        self.warnings.append(NoticeWarning(code=code, field=field, message=message))

    def employer(self) -> str | None:
        employer = self.notice.employer
        if not employer and self.options.employer:
            employer = self.options.employer
            self.update["employer"] = employer
            self.provenance["employer"] = _setting("default_employer", employer)
        return employer

    def place(self, employer: str | None) -> None:
        place = self.notice.place
        contact = self.notice.contact
        found = locate(
            self.notice.location,
            employer,
            tuple(t for t in (contact.address, contact.how_to_apply) if t),
        )
        updates: dict[str, object] = {}
        if place.address is None and found.address is not None:
            updates["address"] = found.address
        if not place.localities and found.localities:
            updates["localities"] = [
                Locality(name=n, region=r, postal_code=p) for n, r, p in found.localities
            ]
            self.provenance["place.localities"] = _derived(
                self.notice, "location", found.locality_rule, self.notice.location
            )
        if not place.localities and not found.localities:
            printed = self.notice.location
            self.warn(
                "locality_unknown",
                "place.localities",
                f"the location {printed!r} names no town avis can read (a commune of "
                "enrich/places.toml, or a postal code and town): the town is left unset"
                if printed
                else "the notice prints no location: the town is left unset",
            )
        if place.region is None and found.region is not None:
            updates["region"] = found.region
        country, zone = place.country, place.time_zone
        if country is None and found.country is not None:
            country, zone = found.country, zone or found.zone
            source = "location" if found.country_from == self.notice.location else "employer"
            self.provenance["place.country"] = _derived(
                self.notice, source, found.country_rule, found.country_from
            )
            if self.options.country and self.options.country != country:
                self.warn(
                    "country_conflict",
                    "place.country",
                    f"the notice's printed place ({found.country_from!r}) is in {country}, "
                    f"not in the country given by the settings ({self.options.country}); "
                    f"{country} is kept — correct the notice if the text is wrong",
                )
        elif country is None and self.options.country:
            country = self.options.country
            self.provenance["place.country"] = _setting("country", country)
        if country is not None and zone is None:
            zone = time_zone(country, found.zone)
            if zone is not None:
                self.provenance["place.time_zone"] = Provenance(
                    origin=self.provenance["place.country"].origin
                    if "place.country" in self.provenance
                    else "text",
                    rule="enrich:zone:tz-database",
                    text=country,
                )
        if country != place.country:
            updates["country"] = country
        if zone != place.time_zone:
            updates["time_zone"] = zone
        if country is None:
            printed = self.notice.location or employer
            what = f"its location {printed!r} names" if printed else "it prints"
            self.warn(
                "place_unknown",
                "place.country",
                f"the country is unknown: {what} no place avis knows (enrich/places.toml); "
                'give it with --country XX or `country = "XX"` in avis.toml',
            )
        if updates:
            self.update["place"] = place.model_copy(update=updates)

    def employment(self) -> None:
        current = self.notice.employment
        if any(getattr(current, k) is not None for k in KINDS):
            return
        evidence = employment_evidence(self.notice)
        if not evidence:
            self.warn(
                "employment_unknown",
                "employment",
                "the notice prints no working time or contract kind (temps complet, temps "
                "partiel, CDD…): employment type left unset",
            )
            return
        self.update["employment"] = Employment(**{k: True for k in evidence})
        for kind, ev in evidence.items():
            rule = f"enrich:employment:{ev.wording}"
            self.provenance[f"employment.{kind}"] = _derived(self.notice, ev.field, rule, ev.text)

    def diplomas(self) -> None:
        if self.notice.diplomas:
            return
        found = diploma_items(self.notice)
        if found:
            self.update["diplomas"] = [item for _i, item in found]
            for n, (i, item) in enumerate(found):
                self.provenance[f"diplomas[{n}]"] = _derived(
                    self.notice, f"knowledge[{i}]", "enrich:diploma", item
                )

    def result(self) -> Notice:
        self.update["provenance"] = self.provenance
        self.update["warnings"] = self.warnings
        data = self.notice.model_dump()
        data.update(
            {
                k: v.model_dump() if isinstance(v, Place | Employment) else v
                for k, v in self.update.items()
            }
        )
        return Notice.model_validate(data)


def enrich(notice: Notice, options: EnrichOptions | None = None) -> Notice:
    """A new Notice with place, time zone, employment and diplomas set where the text or
    the settings establish them (see the module docstring)."""
    run = _Run(notice, options or EnrichOptions())
    employer = run.employer()
    run.place(employer)
    run.employment()
    run.diplomas()
    return run.result()
