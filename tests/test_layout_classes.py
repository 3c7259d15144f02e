"""Layout classes avis lost fields on in corpus/blind3 (issue #10): header facts in a sidebar
box, prose headers, prefixed references, closings that open like contact or application
sentences, and labels with light OCR damage — on generated notices of those classes
(``--layouts classes``) and as properties of the mechanisms."""

from __future__ import annotations

import random
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tools.gencorpus import CLASS_LAYOUTS
from tools.gencorpus.build import generate, notice_rng
from tools.gencorpus.ocrnoise import damage
from tools.gencorpus.sample_classes import sample_classes_notice
from tools.gencorpus.truth import truth_fields

from avis.evaluate import score_document, soft, truth_pairs
from avis.extract.lexicon import default_lexicon
from avis.extract.values import parse_reference
from avis.layout.columns import find_sidebar
from avis.layout.lines import group_lines
from avis.pipeline import parse_path
from avis.readers.pdf.pdfium_engine import read_loaded

SEED = 31
LISTS = ("missions", "activities", "secondary_activities", "knowledge", "know_how", "behaviours")


@pytest.fixture(scope="module")
def classes_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("classes")
    generate(out, count=2, seed=SEED, layouts=CLASS_LAYOUTS)
    return out


@pytest.fixture(scope="module")
def parsed(classes_dir: Path) -> list[tuple[Path, dict, object]]:
    import json

    out = []
    for doc, truth in truth_pairs(classes_dir):
        data = json.loads(truth.read_text(encoding="utf-8"))
        out.append((doc, data, parse_path(doc)))
    return out


def test_every_class_family_is_generated(classes_dir: Path) -> None:
    names = sorted({p.name.rsplit("-", 1)[0] for p, _ in truth_pairs(classes_dir)})
    assert names == sorted(CLASS_LAYOUTS)


def test_header_facts_are_read_in_every_class(parsed: list) -> None:
    """Sidebar, prose sentences and damaged labels all give the reference, employer, place and
    dates as printed (the truth holds the damaged value when the value itself was damaged)."""
    for doc, truth, notice in parsed:
        result = score_document(notice, truth, doc.name)
        for key in ("reference.id", "employer", "location", "posted_on", "corps", "title"):
            _, counts = result.fields[key]
            assert counts.fp == 0 and counts.fn == 0, (doc.name, key)


def test_closing_sentences_never_join_a_list(parsed: list) -> None:
    """'Vous pouvez joindre …', 'Pour toute question …', 'Les personnes intéressées …' after
    the last list end it: they go to contact, and the phone printed there is found."""
    for doc, truth, notice in parsed:
        data = notice.model_dump(mode="json")
        items = [soft(i) for key in LISTS for i in data[key]]
        how = truth["fields"]["contact.how_to_apply"]
        assert soft(how) not in items, doc.name
        assert not any(truth["fields"]["contact.email"] in i for i in items), doc.name
        assert soft(data["contact"]["phone"]) == soft(truth["fields"]["contact.phone"]), doc.name


def test_sidebar_is_found_only_beside_a_body(classes_dir: Path) -> None:
    """The generated sidebars are found; label│value tables and label-above-value grids of the
    committed corpora (rows shared across the gutter) never are."""
    root = Path(__file__).resolve().parent.parent / "corpus"
    others = sorted((root / "generated").glob("pdf-borderless-0[1-4].pdf")) + sorted(
        (root / "unseen").glob("pdf-*-0[12].pdf")
    )
    sidebars = sorted(classes_dir.glob("pdf-sidebar-*.pdf"))
    assert sidebars and others
    for path in [*sidebars, *others]:
        doc = pdfium.PdfDocument(path)
        try:
            page = doc[0]
            words = read_loaded(page, page.get_textpage(), 1).words
        finally:
            doc.close()
        found = find_sidebar(group_lines(words))
        assert (found is not None) == (path in sidebars), path.name


@pytest.mark.parametrize(
    ("printed", "ident", "day"),
    [
        ("Avis n° PN-2026-014", "PN-2026-014", None),
        ("Avis n°PN-2026-014 du 8 mai 2026", "PN-2026-014", "2026-05-08"),
        ("AVP-26-118", "AVP-26-118", None),
        ("Offre n° 014/CN/2024", "014/CN/2024", None),
        ("Réf. : DRH/2026/045", "DRH/2026/045", None),
        ("RH.2026.045 du 03/02/2026", "RH.2026.045", "2026-02-03"),
        ("2026-DRH-0451", "2026-DRH-0451", None),
        ("PN-2026-014 – publié le 8 mai 2026", "PN-2026-014", None),
        ("AVP n°26-0624", "26-0624", None),
        ("3134-25-0176/SR du 24 janvier 2025", "3134-25-0176/SR", "2025-01-24"),
    ],
)
def test_reference_shapes_and_prefixes(printed: str, ident: str, day: str | None) -> None:
    ref = parse_reference(printed)
    assert ref.id == ident
    assert (ref.date.isoformat() if ref.date else None) == day


# ---- fuzzy labels -----------------------------------------------------------------------------

_LEX = default_lexicon()
_HEADER = _LEX.matcher(("header", "inline"))
_SECTION = _LEX.matcher(("section",))
_STRONG = [lb for lb in _LEX.labels if lb.kind == "header" and not lb.weak and len(lb.folded) >= 8]


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("DATE LlMITE ....... 3 mai 2026", "deadline"),
        ("Référcnce : 12", "reference"),
        ("Lieu de travaii", "location"),
        ("LlEU D'AFFECTATlON : Soyaux", "location"),
        ("DATF LIM. DE CANDIDATURF : 10 mars", "deadline"),
        ("CAN DIDATURE AVANT LE", "deadline"),
        ("Nornbre de postes : 2", "positions"),
    ],
)
def test_damaged_labels_are_read(text: str, field: str) -> None:
    m = _HEADER.match_start(text)
    assert m is not None and m.label.field == field and m.label.fuzzy


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_STRONG), st.integers(0, 2**32 - 1))
def test_a_damaged_label_is_its_own_field_or_nothing(label: object, seed: int) -> None:
    """One or two OCR edits in a wording never make it another field's label."""
    rng = random.Random(seed)
    text = damage(rng, label.text, rng.choice((1, 2))) + " : valeur"  # type: ignore[attr-defined]
    m = _HEADER.match_start(text)
    if m is not None and m.end >= len(text) - len(" valeur"):
        assert m.label.field == label.field, (text, m.label.text)  # type: ignore[attr-defined]


def _body_sentences() -> list[str]:
    """Every list item and paragraph of 60 sampled notices: what a notice's body prints."""
    out: list[str] = []
    for i in range(60):
        layout = CLASS_LAYOUTS[i % len(CLASS_LAYOUTS)]
        spec = sample_classes_notice(notice_rng(5, layout, i), f"x-{i}", layout, "test")
        fields = truth_fields(spec)
        for key in (*LISTS, "conditions"):
            out.extend(fields[key])
        out += [spec.description, spec.how_to_apply, spec.info_line, *spec.prose]
    return [s for s in out if s]


_SENTENCES = _body_sentences()


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_SENTENCES))
def test_a_fuzzy_match_never_fires_on_a_body_sentence(sentence: str) -> None:
    """Body text (items, paragraphs, prose sentences) is never read as a damaged label (a
    printed label, "Lieu de travail : La Foa.", is read as itself)."""
    for matcher in (_HEADER, _SECTION):
        assert not any(m.label.fuzzy for m in matcher.finditer(sentence)), sentence
        m = matcher.match_start(sentence)
        assert m is None or not m.label.fuzzy, sentence
