"""The generated corpus is reproducible, its truth is well-formed, and the truth is printed.

A generator whose truth drifts from what it prints would silently poison every evaluation, so
the printed text of each file (pdfplumber, python-docx, plain Markdown) is checked against the
truth values.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import sys
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

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
        if p.suffix in {".pdf", ".docx", ".md", ".txt"} and p.name != "README.md"
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
        styled = [(p, p.style.name if p.style else "") for p in word.paragraphs]
        bullets = [p for p, name in styled if name.startswith("List Bullet")]
        assert bullets and not any(p.text.startswith(("•", "-", "–")) for p in bullets)
        assert any(name.startswith("Heading") for _, name in styled)


# ---- unseen families (issue #10) --------------------------------------------------------------

from tools.gencorpus import UNSEEN_LAYOUTS  # noqa: E402
from tools.gencorpus.wordings import HEADER_WORDINGS, wordings_markdown  # noqa: E402

UNSEEN_SEED = 7
NEEDS_SOFFICE = {"pdf-libreoffice"}
HAVE_SOFFICE = shutil.which("soffice") is not None
FAST_UNSEEN = [f for f in UNSEEN_LAYOUTS if f not in NEEDS_SOFFICE or HAVE_SOFFICE]


@pytest.fixture(scope="module")
def unseen_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("unseen")
    generate(out, count=1, seed=UNSEEN_SEED, layouts=FAST_UNSEEN)
    return out


def _docx_text(doc: Path) -> str:
    """Every paragraph of the body, tables and text boxes (python-docx skips text boxes);
    tabs and breaks read as spaces."""
    with zipfile.ZipFile(doc) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

    def para(p: ET.Element) -> str:
        return "".join(
            (el.text or "") if el.tag == w + "t" else " "
            for el in p.iter()
            if el.tag in (w + "t", w + "tab", w + "br")
        )

    return _norm(" ".join(para(p) for p in root.iter(w + "p")))


def _unseen_text(doc: Path) -> str:
    if doc.suffix == ".docx":
        return _docx_text(doc)
    if doc.suffix == ".pdf":
        parts: list[str] = []
        with pdfplumber.open(doc) as pdf:
            for page in pdf.pages:
                # x_tolerance 1: Word-like PDFs print no space characters, only gaps
                lines = (page.extract_text(x_tolerance=1) or "").split("\n")
                parts.append(" ".join(lines[1:-1]))
                page.close()
        return _norm(" ".join(parts))
    return _norm(doc.read_text(encoding="utf-8"))


def _check_printed(doc: Path) -> None:
    """Every truth value of an unseen notice is in its printed text: body values as one
    run of text, header values word for word (grid cells interleave their wrapped lines)."""
    fields = _truth(doc)["fields"]
    # LibreOffice breaks lines after a hard hyphen ("Nouvelle-" / "Calédonie")
    text = _unseen_text(doc).replace("’", "'").replace("- ", "-")

    def tokens(value: str) -> Counter[str]:
        # hyphenated words may break at the hyphen inside a narrow cell
        return Counter(w.strip(",;:.()") for w in re.split(r"[\s-]+", value) if w)

    words = tokens(text)

    def norm(value: str) -> str:
        return _norm(value).replace("’", "'").replace("- ", "-")

    def has(value: str) -> bool:
        return norm(value) in text

    def has_words(value: str) -> bool:
        return not tokens(norm(value)) - words

    for key in LIST_KEYS[:-1]:
        for item in fields[key]:
            assert has(item), (doc.name, key, item)
    for cond in fields["conditions"]:
        sub, _, value = cond.partition(" : ")
        assert has(sub) and has(_first_words(value)), (doc.name, cond)
    for key in ("description", "contact.how_to_apply", "contact.email", "contact.phone"):
        assert fields[key] and has(fields[key]), (doc.name, key)
    for key in (
        "reference.id",
        "title",
        "employer",
        "corps",
        "direction",
        "location",
        "residence_requirement",
    ):
        if fields[key]:
            assert has(fields[key]) or has_words(fields[key]), (doc.name, key)
    for key in ("posted_on", "deadline", "reference.date", "start.date"):
        if fields[key]:
            day = dt.date.fromisoformat(fields[key])
            assert any(has_words(format_date(day, s)) for s in STYLES), (doc.name, key)


def test_unseen_families_print_their_truth(unseen_dir: Path) -> None:
    docs = _documents(unseen_dir)
    assert sorted(d.name.rsplit("-", 1)[0] for d in docs) == sorted(FAST_UNSEEN)
    for doc in docs:
        fields = _truth(doc)["fields"]
        assert set(fields) == FIELD_KEYS | {"contact.how_to_apply"}, doc.name
        Notice.model_validate(_as_notice(fields))
        _check_printed(doc)


def test_unseen_closings_never_in_lists(unseen_dir: Path) -> None:
    """The application paragraph, the Renseignements line and the note after a list are printed
    but belong to no list field."""
    for doc in _documents(unseen_dir):
        fields = _truth(doc)["fields"]
        items = [i for key in LIST_KEYS for i in fields[key]]
        assert fields["contact.how_to_apply"] not in items
        assert not any(fields["contact.email"] in i or "Renseignements" in i for i in items)
        assert not any(i.startswith(("Liste non exhaustive", "Cette liste")) for i in items)


def test_unseen_same_seed_same_bytes(unseen_dir: Path, tmp_path: Path) -> None:
    """Deterministic for a seed (LibreOffice output is normalised; skip it when absent)."""
    generate(tmp_path, count=1, seed=UNSEEN_SEED, layouts=FAST_UNSEEN)
    first = {p.name: p.read_bytes() for p in unseen_dir.iterdir()}
    second = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert first.keys() == second.keys()
    assert [n for n in first if first[n] != second[n]] == []


def test_unseen_wordings_file_is_current() -> None:
    """label-wordings.md is the wordings table written out; the extraction lexicon reads it."""
    path = ROOT / "tools" / "gencorpus" / "label-wordings.md"
    assert path.read_text(encoding="utf-8") == wordings_markdown()
    for group, table in HEADER_WORDINGS.items():
        assert {"reference", "employer", "deadline", "posted"} <= set(table), group


def test_committed_unseen_corpus_prints_its_truth() -> None:
    """The committed set (incl. LibreOffice-printed PDFs CI cannot regenerate) is consistent."""
    folder = ROOT / "corpus" / "unseen"
    docs = _documents(folder)
    families = {d.name.rsplit("-", 1)[0] for d in docs}
    assert families == set(UNSEEN_LAYOUTS)
    for doc in docs:
        if doc.name.startswith(("pdf-libreoffice-", "pdf-word-")) or doc.name.endswith("-01.pdf"):
            _check_printed(doc)


def _fold(text: str) -> str:
    return text.casefold().replace("’", "'")


def test_unseen_truth_values_never_look_like_labels() -> None:
    """The property issue #10 asks of extraction, checked on the truth itself over 300 sampled
    notices: no value equals a label wording or starts with a multi-word one, no value keeps
    leader dots."""
    from tools.gencorpus.build import notice_rng
    from tools.gencorpus.sample_family import sample_family_notice
    from tools.gencorpus.truth import truth_fields

    labels = {
        _fold(w).rstrip(" :")
        for table in HEADER_WORDINGS.values()
        for wordings in table.values()
        for w in wordings
    }
    pattern = re.compile("|".join(re.escape(lab) for lab in sorted(labels, key=len)[::-1]))
    for i in range(300):
        layout = UNSEEN_LAYOUTS[i % len(UNSEEN_LAYOUTS)]
        spec = sample_family_notice(notice_rng(99, layout, i), f"x-{i}", layout, "test")
        for key, value in truth_fields(spec).items():
            for text in value if isinstance(value, list) else [value]:
                if not isinstance(text, str):
                    continue
                assert "..." not in text and "…" not in text, (key, text)
                folded = _fold(text)
                assert folded not in labels, (key, text)
                match = pattern.match(folded)
                # A one-word label may open a value ("Direction générale – Immeuble Central"
                # is a real OPT-NC work place): the lexicon calls those labels weak.
                starts = (
                    match is not None
                    and not folded[match.end() : match.end() + 1].isalnum()
                    and " " in match.group(0)
                )
                assert not starts, (key, text)


def test_family_scores_groups_by_family(tmp_path: Path) -> None:
    """Per-family scoring sees every family of a folder and totals the documents."""
    from tools.gencorpus.family_scores import family_table

    generate(tmp_path, count=2, seed=UNSEEN_SEED, layouts=["text-leaders", "docx-table4"])
    rows = {line.split()[0]: line.split() for line in family_table(tmp_path).splitlines()[1:]}
    assert set(rows) == {"text-leaders", "docx-table4", "ALL"}
    assert rows["ALL"][1] == "4" and rows["text-leaders"][1] == "2"
    assert all(0.0 <= float(r[2]) <= 1.0 for r in rows.values())


def test_unseen_families_have_their_hazard(unseen_dir: Path) -> None:
    """Each hard family really is hard in the way its name says."""
    with pdfplumber.open(unseen_dir / "pdf-word-01.pdf") as pdf:
        page = pdf.pages[0]
        assert page.chars and not any(c["text"] == " " for c in page.chars)  # gaps, no spaces
        assert page.rects and not page.lines  # rules are filled rectangles
        assert pdf.doc.catalog["MarkInfo"].resolve()["Marked"] is True
        assert "Word" in pdf.metadata["Producer"]
    from tools.gencorpus.build import notice_rng
    from tools.gencorpus.sample_family import sample_family_notice

    spec = sample_family_notice(notice_rng(UNSEEN_SEED, "pdf-split", 1), "s", "pdf-split", "t")
    with pdfplumber.open(unseen_dir / "pdf-split-01.pdf") as pdf:
        first, second = (_norm(p.extract_text() or "") for p in pdf.pages[:2])
    head, tail = spec.header[0], spec.header[-1]  # the header table starts on page 1 …
    assert head.label in first and head.label not in second
    assert tail.label in second and tail.label not in first  # … and ends on page 2
    with zipfile.ZipFile(unseen_dir / "docx-textbox-01.docx") as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert xml.count("<w:txbxContent>") == 2  # DrawingML shape and its VML fallback
    word = Document(str(unseen_dir / "docx-textbox-01.docx"))
    ref = _truth(unseen_dir / "docx-textbox-01.docx")["fields"]["reference.id"]
    assert not any(ref in p.text for p in word.paragraphs) and ref in _docx_text(
        unseen_dir / "docx-textbox-01.docx"
    )
    text = (unseen_dir / "text-leaders-01.txt").read_text(encoding="utf-8")
    assert re.search(r"\S \.{3,}( :)? \S", text)
