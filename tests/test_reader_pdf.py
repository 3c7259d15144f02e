"""PDF reader: header pairing (ruled, borderless, two pairs per row), wrapped list items, headings,
page furniture, encryption, damaged files, pages without a text layer."""

from __future__ import annotations

import io
import sys
import types
from collections import defaultdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pdf_factory as pf
from avis.errors import (
    AvisError,
    CorruptInputError,
    LimitExceededError,
    OcrUnavailableError,
    PasswordRequiredError,
)
from avis.layout import Document, Line, Page, Word
from avis.layout.columns import find_columns
from avis.layout.lines import group_lines
from avis.readers import ReadOptions, read_bytes
from avis.readers.pdf import read

NO_OCR = ReadOptions(ocr=False)


def _norm(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def ruled() -> Document:
    return read(pf.notice_pdf(ruled=True), NO_OCR)


@pytest.fixture(scope="module")
def borderless() -> Document:
    return read(pf.notice_pdf(ruled=False), NO_OCR)


@pytest.fixture(scope="module")
def multipage() -> tuple[bytes, Document]:
    data = pf.multipage_pdf(2)
    return data, read(data, NO_OCR)


def _pairs_by_row(doc: Document) -> dict[str, str]:
    cells: dict[int, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for line in doc.lines():
        if line.row is not None:
            assert line.col in (0, 1)
            cells[line.row][line.col].append(line.text)
    return {_norm(" ".join(c[0])): _norm(" ".join(c[1])) for c in cells.values()}


def _pairs_borderless(doc: Document, labels: list[str]) -> dict[str, str]:
    """Pair the way extraction does without rows: a label-column line starting a known label
    opens a pair, other label lines continue it, value lines fill it."""
    pairs: list[list[list[str]]] = []
    for line in doc.lines():
        if line.col == 0 and any(lab.startswith(_norm(line.text)) for lab in labels):
            pairs.append([[line.text], []])
        elif line.col is not None and pairs:
            pairs[-1][line.col].append(line.text)
    return {_norm(" ".join(lab)): _norm(" ".join(val)) for lab, val in pairs}


# ---------------------------------------------------------------------------------------------
# Header tables


def test_ruled_header_pairs_each_label_with_its_value(ruled: Document) -> None:
    assert _pairs_by_row(ruled) == {lab: val for lab, val in pf.HEADER_ROWS}


def test_ruled_header_reading_order_is_label_then_value_row_by_row(ruled: Document) -> None:
    seen = [(line.row, line.col) for line in ruled.lines() if line.row is not None]
    rows = [r for r, _ in seen]
    assert rows == sorted(rows)
    for row in set(rows):
        cols = [c for r, c in seen if r == row]
        assert cols == sorted(cols) and cols[0] == 0


def test_lines_outside_the_table_have_no_column(ruled: Document) -> None:
    title = ruled.lines()[0]
    assert title.text == "AVIS DE VACANCE DE POSTE"
    assert title.col is None and title.row is None
    body = [line for line in ruled.lines() if line.text.startswith("Le candidat")]
    assert body and body[0].col is None


def test_borderless_header_is_cut_into_label_and_value_columns(borderless: Document) -> None:
    in_table = [line for line in borderless.lines() if line.col is not None]
    assert all(line.row is None for line in in_table)
    labels = [_norm(line.text) for line in in_table if line.col == 0]
    values = [_norm(line.text) for line in in_table if line.col == 1]
    assert _norm(" ".join(labels)) == _norm(" ".join(lab for lab, _ in pf.HEADER_ROWS))
    assert _norm(" ".join(values)) == _norm(" ".join(val for _, val in pf.HEADER_ROWS))
    assert _pairs_borderless(borderless, [lab for lab, _ in pf.HEADER_ROWS]) == dict(pf.HEADER_ROWS)


def test_framed_table_without_row_rules_reads_like_a_borderless_one() -> None:
    doc = read(pf.notice_pdf(frame=True), NO_OCR)
    in_table = [line for line in doc.lines() if line.col is not None]
    assert in_table and all(line.row is None for line in in_table)
    assert _pairs_borderless(doc, [lab for lab, _ in pf.HEADER_ROWS]) == dict(pf.HEADER_ROWS)


def test_borderless_table_ends_where_the_body_starts(borderless: Document) -> None:
    missions = next(line for line in borderless.lines() if line.text.startswith("Missions"))
    assert missions.col is None
    assert all(line.col is None for line in borderless.lines() if line.bullet)


def test_two_label_value_pairs_per_ruled_row() -> None:
    doc = read(pf.four_column_pdf(), NO_OCR)
    pairs = _pairs_by_row(doc)
    assert pairs["Employeur"] == "Office des postes et télécommunications"
    assert pairs["Direction"] == "Télécom"
    assert pairs["Corps ou Cadre d'emploi / Domaine"] == "cadre d'exploitation"
    assert pairs["Date limite de candidature"] == "Vendredi 27 mars 2026"


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "borderless"])
def test_two_columns_of_label_colon_value_items_are_not_pairs(ruled: bool) -> None:
    doc = read(pf.side_by_side_pdf(ruled), NO_OCR)
    assert all(line.col is None and line.row is None for line in doc.lines())
    text = _norm(" ".join(line.text for line in doc.lines()))
    for a, b, c, d in pf.SIDE_BY_SIDE:
        assert f"{a} : {b}" in text and f"{c} : {d}" in text
    # Borderless columns are read left column first; ruled rows left cell then right cell.
    order = [line.text.split(" :")[0] for line in doc.lines() if " :" in line.text]
    if ruled:
        assert order[:2] == ["Référence", "Direction"]
    else:
        assert order[:4] == [
            "Référence",
            "Employeur",
            "Corps ou Cadre d'emploi / Domaine",
            "Lieu de travail",
        ]


# ---------------------------------------------------------------------------------------------
# Body structure


def test_wrapped_bullet_items_share_a_block_and_lose_their_glyph(ruled: Document) -> None:
    lines = ruled.lines()
    items: dict[int, list[Line]] = defaultdict(list)
    first_bullet = next(i for i, line in enumerate(lines) if line.bullet)
    for line in lines[first_bullet:]:
        if line.heading:
            break
        assert line.block is not None
        items[line.block].append(line)
    assert [_norm(" ".join(x.text for x in item)) for item in items.values()] == pf.MISSIONS
    for item in items.values():
        assert item[0].bullet and not any(x.bullet for x in item[1:])
        assert not item[0].text.startswith(("•", "("))


def test_a_wrapped_line_starting_with_a_dash_continues_its_item() -> None:
    doc = read(pf.dashes_pdf(), NO_OCR)
    lines = doc.lines()
    by_text = {line.text: line for line in lines}
    first, wrapped = lines[0], lines[1]
    assert first.bullet and wrapped.text == "– H0" and not wrapped.bullet
    assert wrapped.block == first.block
    assert by_text["travail en open space"].bullet  # a sub-item: dash then an indent
    assert by_text["item tapé à la main"].bullet and by_text["second item tapé"].bullet
    assert by_text["item tapé à la main"].block != by_text["second item tapé"].block


def test_paragraph_spacing_separates_blocks() -> None:
    doc = read(pf.spacing_pdf(), NO_OCR)
    blocks = [line.block for line in doc.lines()]
    assert len(blocks) == 6
    assert blocks[0] == blocks[1] != blocks[2] == blocks[3] != blocks[4] == blocks[5]


def test_paragraph_lines_share_a_block_distinct_from_the_heading(ruled: Document) -> None:
    lines = ruled.lines()
    head = next(line for line in lines if line.text == "Profil du candidat")
    para = [line for line in lines if line.block == lines[lines.index(head) + 1].block]
    assert len(para) == 2 and head.block != para[0].block


def test_headings_by_size_and_weight(ruled: Document) -> None:
    by_text = {line.text: line for line in ruled.lines()}
    assert by_text["AVIS DE VACANCE DE POSTE"].heading == 1
    assert by_text["Missions :"].heading == 2
    assert by_text["Profil du candidat"].heading == 2
    assert all(line.heading is None for line in ruled.lines() if line.col is not None)
    assert all(line.heading is None for line in ruled.lines() if line.bullet)


def test_words_carry_font_size_and_weight(ruled: Document) -> None:
    label = next(line for line in ruled.lines() if line.text == "Référence")
    assert label.bold and label.words[0].font == "Helvetica-Bold"
    assert label.words[0].size == 10 and label.bbox is not None
    value = next(line for line in ruled.lines() if line.row == label.row and line.col == 1)
    assert not value.bold and value.origin == "text_layer" and value.page == 1


# ---------------------------------------------------------------------------------------------
# Page furniture


def test_repeated_header_and_footer_are_dropped(multipage: tuple[bytes, Document]) -> None:
    doc = multipage[1]
    assert len(doc.pages) == 3
    text = doc.text
    assert "PROVINCE DES ILES LOYAUTE" not in text
    assert "Page 2 / 3" not in text and "/ 3" not in text
    assert "Phrase 1-29" in text and "AVIS DE VACANCE DE POSTE" in text


def test_single_page_footer_page_number_is_dropped() -> None:
    doc = read(pf.notice_pdf(furniture=True), NO_OCR)
    assert "Page 1 / 3" not in doc.text
    assert "AVIS DE VACANCE DE POSTE" in doc.text


def test_paragraph_cut_by_a_page_break_keeps_one_block(
    multipage: tuple[bytes, Document],
) -> None:
    doc = multipage[1]
    last = doc.pages[0].lines[-1]
    first = doc.pages[1].lines[0]
    assert last.text.startswith("corps de texte") or last.col is None
    assert first.block == last.block


# ---------------------------------------------------------------------------------------------
# Encryption, damage, limits


def test_encrypted_pdf_needs_its_password() -> None:
    data = pf.encrypted_pdf("secret")
    with pytest.raises(PasswordRequiredError, match="--password"):
        read(data, NO_OCR)
    with pytest.raises(PasswordRequiredError):
        read(data, ReadOptions(ocr=False, password="wrong"))
    doc = read(data, ReadOptions(ocr=False, password="secret"))
    assert doc.lines()[0].text == "AVIS DE VACANCE DE POSTE"
    assert _pairs_by_row(doc) == dict(pf.HEADER_ROWS)


def test_edit_protected_pdf_reads_without_password() -> None:
    doc = read(pf.encrypted_pdf(""), NO_OCR)
    assert _pairs_by_row(doc) == dict(pf.HEADER_ROWS)


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage", pf.notice_pdf()[:1500]],
    ids=["garbage", "truncated"],
)
def test_damaged_pdf_is_a_corrupt_input_error(data: bytes) -> None:
    with pytest.raises(CorruptInputError):
        read(data, NO_OCR)
    with pytest.raises(CorruptInputError):
        read_bytes(data, NO_OCR)


def test_page_limit() -> None:
    data = pf.blank_pages_pdf(5)
    with pytest.raises(LimitExceededError, match="5 pages"):
        read(data, ReadOptions(ocr=False, max_pages=4))
    assert len(read(data, ReadOptions(ocr=False, max_pages=5)).pages) == 5


def test_read_bytes_detects_and_reads_pdf() -> None:
    doc = read_bytes(pf.notice_pdf(), NO_OCR)
    assert doc.format == "pdf" and doc.pages[0].origin == "text_layer"
    assert doc.pages[0].width == pytest.approx(595.28, abs=0.1)


# ---------------------------------------------------------------------------------------------
# Pages without a (usable) text layer


def test_page_without_text_layer_and_ocr_disabled() -> None:
    doc = read(pf.image_only_pdf(), NO_OCR)
    assert "page 1 has no text layer; OCR disabled" in doc.warnings
    assert doc.pages[0].lines == [] and doc.pages[0].number == 1
    assert doc.pages[1].lines[0].text.startswith("Référence : 3134-25-0176/SR")


class _FakeOcr:
    def __init__(self) -> None:
        self.calls: list[tuple[int, float, tuple[int, int]]] = []

    def ocr_image(self, image: object, page_number: int, options: ReadOptions, **kw: float) -> Page:
        self.calls.append((page_number, kw.get("dpi", options.ocr_dpi), image.size))  # type: ignore[attr-defined]
        line = Line("Texte reconnu", [Word("Texte"), Word("reconnu")], page=page_number)
        line.origin, line.block, line.row, line.col = "ocr", 0, 0, 0
        return Page(number=page_number, origin="ocr", lines=[line])


def _install(monkeypatch: pytest.MonkeyPatch, fake: object) -> None:
    module = types.ModuleType("avis.readers.ocr")
    if fake is not None:
        module.ocr_image = fake.ocr_image  # type: ignore[attr-defined]
        monkeypatch.setitem(sys.modules, "avis.readers.ocr", module)
    else:
        monkeypatch.setitem(sys.modules, "avis.readers.ocr", None)  # import fails


def test_page_without_text_layer_goes_to_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _FakeOcr()
    _install(monkeypatch, fake)
    doc = read(pf.image_only_pdf(), ReadOptions(ocr_dpi=150))
    assert len(fake.calls) == 1
    number, dpi, size = fake.calls[0]
    assert number == 1 and dpi == pytest.approx(150)
    assert size[0] == pytest.approx(595.28 * 150 / 72, abs=1.5)
    assert size[1] == pytest.approx(841.89 * 150 / 72, abs=1.5)
    assert doc.pages[0].origin == "ocr" and doc.pages[0].lines[0].text == "Texte reconnu"
    assert doc.pages[1].origin == "text_layer"
    blocks = [line.block for line in doc.lines()]
    assert len(blocks) == len(set(blocks)), "OCR block ids must not clash with the text layer's"


def test_missing_ocr_module_is_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    _install(monkeypatch, None)
    doc = read(pf.image_only_pdf(), ReadOptions())
    assert any("page 1 has no text layer; OCR is not available" in w for w in doc.warnings)
    assert doc.pages[1].lines


def test_unavailable_ocr_on_a_scan_only_pdf_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> Page:
        raise OcrUnavailableError("Tesseract is not installed")

    monkeypatch.setitem(sys.modules, "avis.readers.ocr", types.SimpleNamespace(ocr_image=broken))
    doc = read(pf.image_only_pdf(), ReadOptions())  # page 2 has text: a warning only
    assert any("OCR is unavailable" in w for w in doc.warnings)
    scan_only = _only_first_page(pf.image_only_pdf())
    with pytest.raises(OcrUnavailableError):
        read(scan_only, ReadOptions())


def _only_first_page(data: bytes) -> bytes:
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(data)
    dst = pdfium.PdfDocument.new()
    dst.import_pages(src, [0])
    buf = io.BytesIO()
    dst.save(buf)
    return buf.getvalue()


def test_text_layer_of_glyph_codes_is_sent_to_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    data = pf.cid_pdf()
    kept = read(data, NO_OCR)
    assert any("unreadable" in w for w in kept.warnings)
    assert "(cid:" in kept.text  # nothing better without OCR: keep what there is
    fake = _FakeOcr()
    _install(monkeypatch, fake)
    doc = read(data, ReadOptions())
    assert [c[0] for c in fake.calls] == [1]
    assert doc.text == "Texte reconnu"


# ---------------------------------------------------------------------------------------------
# Geometry helpers


def _word(text: str, x0: float, top: float, size: float = 10.0) -> Word:
    return Word(text, (x0, top, x0 + 6 * len(text), top + size), "Helvetica", size)


def test_a_value_centred_between_label_lines_makes_its_own_line() -> None:
    words = [_word("Date", 50, 100), _word("limite", 80, 100), _word("Vendredi", 200, 106.3)]
    words.append(_word("candidature", 50, 112.5))
    lines = group_lines(words)
    assert [[w.text for w in ws] for ws in lines] == [
        ["Date", "limite"],
        ["Vendredi"],
        ["candidature"],
    ]


def test_a_superscript_stays_on_its_line() -> None:
    # Boxes as reportlab prints "titre<super>(1)</super>" in 10 pt Helvetica.
    words = [_word("titre", 50, 100), Word("(1)", (82, 95.5, 90, 103.5), "Helvetica", 8)]
    words.append(_word("suite", 50, 112.5))
    assert [len(ws) for ws in group_lines(words)] == [2, 1]


def test_bullet_indents_are_not_a_column() -> None:
    lines = [[_word("•", 60, 100 + 12 * i), _word("item", 80, 100 + 12 * i)] for i in range(5)]
    assert find_columns(lines) == []
    table = [
        [_word("Label", 60, 100 + 12 * i), _word("valeur", 200, 100 + 12 * i)] for i in range(4)
    ]
    regions = find_columns(table)
    assert len(regions) == 1 and regions[0].x == pytest.approx(200)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.floats(0, 500), st.floats(0, 800), st.sampled_from([6.0, 8.0, 10.0, 12.0, 16.0])
        ),
        max_size=60,
    )
)
def test_group_lines_keeps_every_word_once_left_to_right(
    boxes: list[tuple[float, float, float]],
) -> None:
    words = [_word(f"w{i}", x, y, s) for i, (x, y, s) in enumerate(boxes)]
    lines = group_lines(words)
    assert sorted(w.text for ws in lines for w in ws) == sorted(w.text for w in words)
    for ws in lines:
        xs = [w.bbox[0] for w in ws if w.bbox]
        assert xs == sorted(xs)


def test_every_error_is_an_avis_error() -> None:
    for data in (b"%PDF-", b"%PDF-1.4\n%%EOF", pf.notice_pdf()[:100]):
        with pytest.raises(AvisError):
            read_bytes(data, NO_OCR)
