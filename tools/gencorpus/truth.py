"""Ground truth from the printed strings, with the corpus-real conventions applied."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from .spec import ListSection, NoticeSpec

_WS = re.compile(r"\s+")


def clean_scalar(text: str | None) -> str | None:
    """Whitespace collapsed, trailing ``; , . :`` removed (corpus-real scalar rule)."""
    if text is None:
        return None
    return _WS.sub(" ", text).strip().rstrip(";,.: ").strip() or None


def clean_item(text: str) -> str:
    """Whitespace collapsed, trailing ``; , .`` removed (corpus-real list rule)."""
    return _WS.sub(" ", text).strip().rstrip(";,. ").strip()


def _iso(day: dt.date | None) -> str | None:
    """Truth dates are ISO strings (or null), whatever form was printed."""
    return day.isoformat() if day else None


def _items(section: ListSection | None) -> list[str]:
    """A list field: one cleaned item per printed bullet or paragraph; [] when absent."""
    return [clean_item(i) for i in section.items] if section else []


def truth_fields(spec: NoticeSpec) -> dict[str, Any]:
    """Every truth field, in the order of the corpus-real files plus the generated extras."""
    facts = spec.facts
    sections = {s.key: s for s in (spec.missions, *spec.activity_sections, *spec.profile_sections)}
    residence = clean_scalar(spec.header_value("residence"))
    fields: dict[str, Any] = {
        "reference.id": facts.reference_id,
        "reference.date": _iso(facts.reference_date),
        "title": clean_scalar(spec.title),
        "employer": clean_scalar(spec.header_value("employer")),
        "corps": clean_scalar(spec.header_value("corps")),
        "direction": clean_scalar(spec.header_value("direction")),
        "location": clean_scalar(spec.header_value("location")),
        "residence_requirement": None if residence in (None, "/") else residence,
        "start.immediate": facts.start_immediate,
        "start.date": _iso(facts.start_date),
        "posted_on": _iso(facts.posted_on),
        "deadline": _iso(facts.deadline),
        "positions": facts.positions,
        "description": clean_scalar(spec.description),
        "missions": _items(sections.get("missions")),
        "activities": _items(sections.get("activities")),
        "secondary_activities": _items(sections.get("secondary_activities")),
        "knowledge": _items(sections.get("knowledge")),
        "know_how": _items(sections.get("know_how")),
        "behaviours": _items(sections.get("behaviours")),
        "conditions": [
            f"{clean_scalar(c.subheading)} : {clean_item(v)}"
            for c in spec.conditions
            for v in c.values
        ],
        "organisation.unit": clean_scalar(spec.organisation_value("unit")),
        "organisation.supervisor": clean_scalar(spec.organisation_value("supervisor")),
        "contact.email": facts.contact_email,
        "contact.phone": facts.contact_phone,
    }
    if spec.closing:  # unseen families: the application paragraph is contact, not a list item
        fields["contact.how_to_apply"] = clean_scalar(spec.how_to_apply)
    return fields


def truth_document(spec: NoticeSpec, file_name: str) -> dict[str, Any]:
    """The whole truth file, same shape as corpus-real (file, source, fields, hard, notes)."""
    return {
        "file": file_name,
        "source": spec.source,
        "fields": truth_fields(spec),
        "hard": [],
        "notes": "",
    }


def write_truth(spec: NoticeSpec, document: Path) -> Path:
    """Write ``NAME.truth.json`` beside ``document``; stable bytes for a stable spec."""
    path = document.with_name(document.stem + ".truth.json")
    text = json.dumps(truth_document(spec, document.name), ensure_ascii=False, indent=2)
    path.write_text(text + "\n", encoding="utf-8")
    return path
