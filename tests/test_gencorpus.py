"""The generated corpus is reproducible, its truth is well-formed, and the truth is printed.

A generator whose truth drifts from what it prints would silently poison every evaluation, so
the printed text of each file (pdfplumber, python-docx, plain Markdown) is checked against the
truth values.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from docx import Document

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # tools/ is not an installed package; pytest may not add the root
    sys.path.insert(0, str(ROOT))

from tools.gencorpus import LAYOUTS  # noqa: E402
from tools.gencorpus.build import generate  # noqa: E402
from tools.gencorpus.frdates import STYLES, format_date  # noqa: E402

from avis.model import Notice  # noqa: E402

SEED = 11
COUNT = 2
LIST_KEYS = (
    "missions",
    "activities",
    "secondary_activities",
    "knowledge",
    "know_how",
    "behaviours",
    "conditions",
)
FIELD_KEYS = {
    "reference.id",
    "reference.date",
    "title",
    "employer",
    "corps",
    "direction",
    "location",
    "residence_requirement",
    "start.immediate",
    "start.date",
    "posted_on",
    "deadline",
    "positions",
    "description",
    "organisation.unit",
    "organisation.supervisor",
    "contact.email",
    "contact.phone",
    *LIST_KEYS,
}
_WS = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _WS.sub(" ", text).strip()


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated")
    generate(out, count=COUNT, seed=SEED)
    return out


def _documents(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix in {".pdf", ".docx", ".md"} and p.name != "README.md"
    )


def _truth(doc: Path) -> dict[str, Any]:
    return json.loads(doc.with_name(doc.stem + ".truth.json").read_text(encoding="utf-8"))


def _text(doc: Path) -> str:
    """Printed text, whitespace collapsed; PDF page header and footer lines are dropped so
    items broken across pages read as one."""
    if doc.suffix == ".pdf":
        parts: list[str] = []
        with pdfplumber.open(doc) as pdf:
            for page in pdf.pages:
                lines = (page.extract_text() or "").split("\n")
                parts.append(" ".join(lines[1:-1]))
                page.close()
        return _norm(" ".join(parts))
    if doc.suffix == ".docx":
        word = Document(str(doc))
        parts = [p.text for p in word.paragraphs]
        parts += [c.text for t in word.tables for r in t.rows for c in r.cells]
        return _norm(" ".join(parts))
    return _norm(doc.read_text(encoding="utf-8"))


def test_counts_and_truth_files(corpus_dir: Path) -> None:
    docs = _documents(corpus_dir)
    assert len(docs) == COUNT * len(LAYOUTS)
    for layout in LAYOUTS:
        assert sum(d.name.startswith(layout + "-") for d in docs) == COUNT
    for doc in docs:
        truth = _truth(doc)
        assert truth["file"] == doc.name
        assert f"seed={SEED}" in truth["source"] and "layout=" in truth["source"]
        assert truth["hard"] == [] and set(truth) == {"file", "source", "fields", "hard", "notes"}
    assert (corpus_dir / "README.md").read_text(encoding="utf-8").count("fictional") >= 1


def test_same_seed_same_bytes(corpus_dir: Path, tmp_path: Path) -> None:
    generate(tmp_path, count=COUNT, seed=SEED)
    first = {p.name: p.read_bytes() for p in corpus_dir.iterdir()}
    second = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert first.keys() == second.keys()
    assert [n for n in first if first[n] != second[n]] == []


def test_other_seed_other_content(tmp_path: Path) -> None:
    generate(tmp_path / "a", count=1, seed=1, layouts=["text-md"])
    generate(tmp_path / "b", count=1, seed=2, layouts=["text-md"])
    assert (tmp_path / "a" / "text-md-01.md").read_text() != (
        tmp_path / "b" / "text-md-01.md"
    ).read_text()


def _as_notice(fields: dict[str, Any]) -> dict[str, Any]:
    nested: dict[str, Any] = {}
    for key, value in fields.items():
        head, _, tail = key.partition(".")
        if tail:
            nested.setdefault(head, {})[tail] = value
        else:
            nested[key] = value
    return nested


def test_truth_fields_validate(corpus_dir: Path) -> None:
    for doc in _documents(corpus_dir):
        fields = _truth(doc)["fields"]
        assert set(fields) == FIELD_KEYS, doc.name
        posted = dt.date.fromisoformat(fields["posted_on"])
        deadline = dt.date.fromisoformat(fields["deadline"])
        assert posted + dt.timedelta(days=7) <= deadline <= posted + dt.timedelta(days=45)
        if fields["reference.date"]:
            assert dt.date.fromisoformat(fields["reference.date"]) <= posted
        if fields["start.date"]:
            assert dt.date.fromisoformat(fields["start.date"]) > deadline
            assert fields["start.immediate"] is False
        assert isinstance(fields["start.immediate"], bool)
        assert fields["residence_requirement"] != "/"
        assert fields["contact.email"].endswith("@example.nc")
        for key in LIST_KEYS:
            for item in fields[key]:
                assert item and item == _norm(item) and item[-1] not in ";,.", (doc.name, key, item)
                assert item[0] not in "•–▪-", (doc.name, key, item)
        assert all(" : " in c for c in fields["conditions"])
        for key in ("activities", "knowledge", "know_how", "behaviours"):
            assert 2 <= len(fields[key]) <= 10, (doc.name, key)
        Notice.model_validate(_as_notice(fields))


def _first_words(text: str, n: int = 5) -> str:
    return " ".join(text.split()[:n])


def test_printed_text_contains_truth(corpus_dir: Path) -> None:
    for doc in _documents(corpus_dir):
        fields = _truth(doc)["fields"]
        text = _text(doc)
        assert fields["reference.id"] in text, doc.name
        for key in LIST_KEYS[:-1]:
            for item in fields[key]:
                assert item in text, (doc.name, key, item)
        for cond in fields["conditions"]:
            sub, _, value = cond.partition(" : ")
            assert sub in text and _first_words(value) in text, (doc.name, cond)
        for key in (
            "title",
            "employer",
            "corps",
            "direction",
            "location",
            "residence_requirement",
            "description",
            "organisation.unit",
            "organisation.supervisor",
        ):
            if fields[key]:
                # header cells may interleave a wrapped label with a wrapped value: first words
                assert _first_words(fields[key], 3) in text, (doc.name, key)
        assert fields["contact.email"] in text and fields["contact.phone"] in text, doc.name
        for key in ("posted_on", "deadline", "reference.date", "start.date"):
            if fields[key]:
                day = dt.date.fromisoformat(fields[key])
                assert any(format_date(day, s) in text for s in STYLES), (doc.name, key)


def test_docx_bullets_are_list_styles(corpus_dir: Path) -> None:
    for doc in _documents(corpus_dir):
        if doc.suffix != ".docx":
            continue
        word = Document(str(doc))
        bullets = [p for p in word.paragraphs if p.style.name.startswith("List Bullet")]
        assert bullets and not any(p.text.startswith(("•", "-", "–")) for p in bullets)
        assert any(p.style.name.startswith("Heading") for p in word.paragraphs)
