"""`avis parse --explain`: per field, found or missing, the rule, the source text and its place.

For archivists checking a notice by hand: low-confidence values are flagged so a human knows
where to look first.
"""

from __future__ import annotations

from avis.extract.notice import LOW_CONFIDENCE
from avis.model import LIST_FIELDS, Notice, Provenance

SCALARS = (
    "reference.id",
    "reference.date",
    "title",
    "employer",
    "corps",
    "direction",
    "service",
    "location",
    "job",
    "residence_requirement",
    "start",
    "posted_on",
    "deadline",
    "positions",
    "description",
    "organisation.unit",
    "organisation.supervisor",
    "organisation.org_chart_position",
    "contact.name",
    "contact.email",
    "contact.phone",
)


def _value(data: dict, path: str) -> object:
    node: object = data
    for key in path.split("."):
        node = node.get(key) if isinstance(node, dict) else None
    return node


def _place(prov: Provenance | None) -> str:
    if prov is None:
        return ""
    where = f"p{prov.page}" if prov.page else ""
    if prov.bbox:
        x0, top, x1, bottom = prov.bbox
        where += f" [{x0:.0f},{top:.0f},{x1:.0f},{bottom:.0f}]"
    flag = "  ⚠ check" if prov.confidence < LOW_CONFIDENCE else ""
    return f"{where} {prov.origin} conf={prov.confidence:.2f} rule={prov.rule}{flag}".strip()


def _short(value: object, width: int = 70) -> str:
    text = str(value).replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def explain_notice(notice: Notice) -> str:
    data = notice.model_dump(mode="json")
    out: list[str] = [
        f"{notice.source.file or '<stdin>'} ({notice.source.format}, {notice.source.pages} page(s))"
    ]
    for path in SCALARS:
        value = _value(data, path)
        if path == "start":
            value = value if value and value.get("raw") else None
        prov = notice.provenance.get(path)
        if value in (None, "", []):
            out.append(f"  ✗ {path:32} missing")
            continue
        shown = value["raw"] if path == "start" else value
        out.append(f"  ✓ {path:32} {_short(shown)}")
        if prov is not None:
            out.append(f"      {_place(prov)}")
            if prov.text and prov.text != shown:
                out.append(f"      from: {_short(prov.text, 90)}")
    for name in LIST_FIELDS:
        items = getattr(notice, name)
        if not items:
            out.append(f"  ✗ {name:32} none")
            continue
        out.append(f"  ✓ {name:32} {len(items)} item(s)")
        for i, item in enumerate(items):
            prov = notice.provenance.get(f"{name}[{i}]")
            out.append(f"      {i + 1:2}. {_short(item, 80)}")
            if prov is not None and (prov.page or prov.confidence < LOW_CONFIDENCE):
                out.append(f"          {_place(prov)}")
    out.extend(_enriched(notice))
    if notice.extra:
        out.append("  other labelled values:")
        out.extend(f"      {k}: {_short(v)}" for k, v in notice.extra.items())
    if notice.warnings:
        out.append("  warnings:")
        out.extend(f"    - [{w.code}] {w.message}" for w in notice.warnings)
    return "\n".join(out)


def _enriched(notice: Notice) -> list[str]:
    """What the enrich stage set (place, time zone, employment, diplomas), and from what."""
    place, job = notice.place, notice.employment
    towns = ", ".join(
        t.name + (f" ({t.postal_code})" if t.postal_code else "") for t in place.localities
    )
    kinds = ", ".join(k for k, v in job if v)
    rows: list[tuple[str, str, str | None]] = [
        ("place.country", "place.country", place.country),
        ("place.localities", "place.localities", towns or None),
        ("place.region", "place.localities", place.region),
        ("place.time_zone", "place.time_zone", place.time_zone),
        ("employment", "employment." + (next((k for k, v in job if v), "")), kinds or None),
        ("diplomas", "diplomas[0]", "; ".join(notice.diplomas) or None),
    ]
    out = ["  enriched (from the printed text or a setting; never guessed):"]
    for label, key, value in rows:
        if value is None:
            out.append(f"  ✗ {label:32} unknown")
            continue
        out.append(f"  ✓ {label:32} {_short(value)}")
        prov = notice.provenance.get(key)
        if prov is not None:
            shown = f"setting rule={prov.rule}" if prov.origin == "setting" else _place(prov)
            out.append(f"      {shown}")
            if prov.text and prov.text != value:
                out.append(f"      from: {_short(prov.text, 90)}")
    return out
