"""Header layouts and list closings no rule was written for (tests/unseen_factory.py).

Each family is built fresh from a seed and parsed from bytes: labels above values in grids of
2–4 columns (PDF, ruled or not; Word tables), dotted leaders (PDF, text), "Label : value" prose.
"""

from __future__ import annotations

import pytest

from avis.evaluate import defects, score_document
from avis.pipeline import parse_bytes
from unseen_factory import build

SEEDS = (7, 31)
CASES = [(seed, name, data, truth) for seed in SEEDS for name, data, truth in build(seed)]


@pytest.mark.parametrize(("seed", "name", "data", "truth"), CASES, ids=[f"{c[1]}" for c in CASES])
def test_every_field_right_in_unseen_layouts(
    seed: int, name: str, data: bytes, truth: dict[str, object]
) -> None:
    notice = parse_bytes(data, name)
    result = score_document(notice, {"fields": truth}, name)
    wrong = {
        k: notice.model_dump(mode="json").get(k.split(".")[0])
        for k, (e, _) in result.fields.items()
        if e.fp or e.fn
    }
    assert not wrong, wrong
    assert defects(notice) == []


def test_grid_values_name_the_relation_that_paired_them() -> None:
    name, data, _ = build(7)[1]  # a 3-column grid, labels above values
    notice = parse_bytes(data, name)
    assert notice.provenance["employer"].rule == "header.below"
    assert notice.provenance["employer"].bbox is not None
    name, data, _ = build(7)[3]  # leaders
    notice = parse_bytes(data, name)
    assert notice.provenance["employer"].rule == "header.leader"


def test_closing_paragraph_goes_to_contact_not_to_the_list() -> None:
    name, data, truth = build(7)[0]
    notice = parse_bytes(data, name)
    assert notice.missions == truth["missions"]
    assert notice.contact.how_to_apply
    assert notice.contact.email == truth["contact.email"]


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("DATE LIM. DE CANDIDATURE :", "deadline"),
        ("Date lim. dépôt", "deadline"),
        ("Réf. offre", "reference"),
        ("NB POSTES", "positions"),
        ("SERVICE / DIRECTION ........", "direction"),
        ("Cadre d’emplois / Grade :", "corps"),
    ],
)
def test_label_wordings_abbreviated_or_synonyms_are_found(text: str, field: str) -> None:
    from avis.extract.lexicon import default_lexicon

    m = default_lexicon().matcher(("header",)).match_start(text)
    assert m is not None and m.label.field == field


def test_a_cut_short_word_is_no_label_of_one_word() -> None:
    """ "Tél. :" opens a phone number, not the "Télétravail" section."""
    from avis.extract.lexicon import default_lexicon

    assert default_lexicon().matcher(("section",)).match_start("Tél. : 25 83 61") is None
