"""Extraction on the real notices of corpus/real (seed + OPT-NC converted texts)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from avis.evaluate import evaluate, score_document
from avis.pipeline import parse_path

REAL = Path(__file__).resolve().parent.parent / "corpus" / "real"


def test_seed_notice_has_every_field_right() -> None:
    truth = json.loads((REAL / "seed" / "3134-25-0176_SR.truth.json").read_text())
    notice = parse_path(REAL / "seed" / "3134-25-0176_SR.md")
    result = score_document(notice, truth, "seed")
    wrong = {
        k: notice.model_dump(mode="json") for k, (_, s) in result.fields.items() if s.fp or s.fn
    }
    assert not wrong, sorted(wrong)
    assert notice.reference.raw == "3134-25-0176/SR du 24 janvier 2025"
    # Extraction warns about nothing; the enrich stage only says what the notice does not print.
    assert [w.code for w in notice.warnings] == ["employment_unknown"]
    assert notice.place.country == "NC" and notice.place.time_zone == "Pacific/Noumea"


def test_opt_nc_soft_f1_meets_target() -> None:
    report = evaluate(REAL / "opt-nc", parse_path)
    assert len(report.docs) == 15
    assert not [d.name for d in report.docs if d.error]
    _, soft = report.overall()
    assert soft.f1 >= 0.95, report.to_json()["per_document"]


@pytest.mark.parametrize("name", ["26-0420", "26-0624"])
def test_swapped_dates_are_repaired_and_warned(name: str) -> None:
    """The printed deadline is earlier than the posting date: swapped, never silent."""
    notice = parse_path(REAL / "opt-nc" / f"{name}.md")
    assert notice.deadline is not None and notice.posted_on is not None
    assert notice.deadline > notice.posted_on
    assert notice.posted_on == notice.reference.date
    assert any(w.code == "deadline_before_posting" for w in notice.warnings)
    assert notice.provenance["deadline"].rule == "dates.swapped-by-reference"


def test_every_value_carries_provenance() -> None:
    notice = parse_path(REAL / "opt-nc" / "26-0705.md")
    for path in ("reference.id", "title", "employer", "location", "deadline", "posted_on"):
        prov = notice.provenance[path]
        assert prov.origin == "text"
        assert prov.rule
        assert prov.text
    for i, _ in enumerate(notice.missions):
        assert f"missions[{i}]" in notice.provenance


def test_residence_label_wrapped_over_two_lines_keeps_its_value() -> None:
    notice = parse_path(REAL / "opt-nc" / "26-0705.md")
    assert notice.residence_requirement == "au moins égale à 10 ans"
    assert notice.location == "Immeuble WARUNA II Port Plaisance 2 rue Paul Montchovet Nouméa"
