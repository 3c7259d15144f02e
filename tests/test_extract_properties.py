"""Properties of every generated notice: no value is a label or starts with one of another
field's, no value keeps leader dots or table pipes (issue #10).

Generated sets are big; a fixed sample of each keeps the suite fast (the whole sets are scored by
``avis eval``, which runs the same check as its exact-only ``defects``).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from avis.evaluate import defects, truth_pairs
from avis.pipeline import parse_path

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
PER_SET = 14


def _sample(name: str) -> list[Path]:
    root = CORPUS / name
    if not root.is_dir():
        return []
    inputs = [p for p, _ in truth_pairs(root)]
    return sorted(random.Random(f"avis-{name}").sample(inputs, min(PER_SET, len(inputs))))


CASES = [p for name in ("generated", "unseen") for p in _sample(name)]


@pytest.mark.parametrize("path", CASES, ids=[f"{p.parent.name}/{p.name}" for p in CASES])
def test_no_value_is_a_label_or_keeps_leaders(path: Path) -> None:
    notice = parse_path(path)
    assert defects(notice) == []


def test_the_check_catches_what_it_is_for() -> None:
    """The property is not vacuous: debris planted in a notice is reported."""
    notice = parse_path(CASES[0])
    bad = notice.model_copy(
        update={
            "employer": "LIEU DE TRAVAIL POSTE À POURVOIR",
            "location": "...... Nouméa",
            "corps": "| Attaché |",
        }
    )
    found = " ".join(defects(bad))
    assert "employer: label" in found
    assert "location: leader dots" in found
    assert "corps: table pipe" in found
