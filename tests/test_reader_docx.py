"""DOCX reader: label│value tables, list styles, headings, text python-docx's API misses, and
hostile or unusual packages (zip slip, entities, zip bomb, Strict OOXML)."""

from __future__ import annotations

import io
import zipfile
from collections import defaultdict

import pytest

import docx_factory as df
from avis.errors import CorruptInputError, UnsafeInputError, UnsupportedFormatError
from avis.layout import Document, Line
from avis.readers import read_bytes
from avis.readers.docx import read


@pytest.fixture(scope="module")
def notice() -> Document:
    return read(df.notice_docx())


@pytest.fixture(scope="module")
def extras() -> Document:
    return read(df.extras_docx())


def _by_text(doc: Document) -> dict[str, Line]:
    return {line.text: line for line in doc.lines()}


def _rows(doc: Document) -> dict[int, dict[int, list[Line]]]:
    rows: dict[int, dict[int, list[Line]]] = defaultdict(lambda: defaultdict(list))
    for line in doc.lines():
        if line.row is not None:
            rows[line.row][line.col if line.col is not None else -1].append(line)
    return rows


def _pairs(doc: Document) -> dict[str, list[str]]:
    return {
        " ".join(x.text for x in cells[0]): [x.text for x in cells[1]]
        for cells in _rows(doc).values()
    }


# ---------------------------------------------------------------------------------------------
# Tables


def test_table_rows_pair_each_label_with_its_value(notice: Document) -> None:
    pairs = _pairs(notice)
    for label, value in df.HEADER:
        assert pairs[label] == [value]
    assert all(-1 not in cells for cells in _rows(notice).values())


def test_merged_title_row_is_an_ordinary_line(notice: Document) -> None:
    title = _by_text(notice)["Informations générales"]
    assert title.col is None and title.row is None
    assert sum(line.text == "Informations générales" for line in notice.lines()) == 1


def test_multi_paragraph_value_keeps_its_row_and_bullets(notice: Document) -> None:
    assert _pairs(notice)["Direction"] == [
        "Direction du numérique",
        "Service infrastructures",
        "Service téléphonie",
    ]
    lines = _by_text(notice)
    assert not lines["Direction du numérique"].bullet
    assert lines["Service infrastructures"].bullet and lines["Service téléphonie"].bullet


def test_vertically_merged_label_keeps_both_values(notice: Document) -> None:
    assert _pairs(notice)["Poste(s) à pourvoir"] == ["immédiatement", "ou dès que possible"]


def test_rows_are_emitted_label_first_in_document_order(notice: Document) -> None:
    seen = [(line.row, line.col) for line in notice.lines() if line.row is not None]
    assert [r for r, _ in seen] == sorted(r for r, _ in seen)
    for row in {r for r, _ in seen}:
        assert next(c for r, c in seen if r == row) == 0


# ---------------------------------------------------------------------------------------------
# Paragraphs


def test_list_styles_numbering_and_typed_glyphs_are_bullets(notice: Document) -> None:
    lines = _by_text(notice)
    for text in (
        "La gestion et la surveillance des équipements",
        "La définition des procédures d'administration",
        "Un item numéroté par la numérotation directe",
        "Un item tapé avec sa puce",
    ):
        assert lines[text].bullet, text
    assert not lines["Contact : drh@province-iles.nc"].bullet
    assert not any(line.text.startswith("•") for line in notice.lines())


def test_headings_from_style_names(notice: Document) -> None:
    lines = _by_text(notice)
    assert lines["AVIS DE VACANCE DE POSTE"].heading == 1
    assert lines["Missions :"].heading == 1
    assert lines["Profil du candidat"].heading == 2
    assert lines["Savoir-faire"].heading is None
    assert not lines["Missions :"].bullet


def test_bold_only_when_every_run_is_bold(notice: Document) -> None:
    lines = _by_text(notice)
    assert lines["Savoir-faire"].bold
    assert not lines["Contact : drh@province-iles.nc"].bold


def test_soft_line_break_stays_in_one_line(notice: Document) -> None:
    assert "Première ligne suite après un saut de ligne" in _by_text(notice)


def test_every_paragraph_is_its_own_block_on_one_page(notice: Document) -> None:
    blocks = [line.block for line in notice.lines()]
    assert None not in blocks and len(blocks) == len(set(blocks))
    assert len(notice.pages) == 1 and notice.pages[0].origin == "docx"
    assert all(line.origin == "docx" and line.bbox is None for line in notice.lines())


# ---------------------------------------------------------------------------------------------
# Text python-docx's API does not give


def test_text_box_is_read_once_after_its_paragraph(extras: Document) -> None:
    texts = [line.text for line in extras.lines()]
    assert texts.count("Texte dans la zone de texte") == 1
    host = texts.index("Avant la zone de texte")
    assert texts[host + 1] == "Texte dans la zone de texte"


def test_content_controls_block_and_inline(extras: Document) -> None:
    lines = _by_text(extras)
    assert "Intitulé du poste dans un contrôle de contenu" in lines
    assert "Lieu : Nouméa" in lines


def test_tracked_insertions_in_deletions_out_hidden_out_fields_in(extras: Document) -> None:
    lines = _by_text(extras)
    assert "Date : Vendredi 14 février" in lines
    assert "Jeudi" not in extras.text
    assert "Visible" in lines and "caché" not in extras.text
    assert "Champ : Directeur" in lines


def test_nested_tables_lose_no_text(extras: Document) -> None:
    pairs = _pairs(extras)
    assert pairs["Activités"] == ["Principales :", "Piloter les projets", "Encadrer l'équipe"]
    assert pairs["Employeur"] == ["Province Sud"]  # a 2-column table inside a layout cell
    assert extras.lines()[-1].text == "Fin du document"


def test_cells_holding_label_colon_value_items_are_not_pairs() -> None:
    doc = read(df.side_by_side_docx())
    assert [line.text for line in doc.lines()] == [t for row in df.SIDE_BY_SIDE for t in row]
    assert all(line.col is None and line.row is None for line in doc.lines())


def test_footnotes_come_after_the_body() -> None:
    doc = read(df.footnote_docx())
    assert doc.lines()[-1].text == "(1) Durée appréciée à la date de clôture"


# ---------------------------------------------------------------------------------------------
# Packages


def test_strict_ooxml_is_translated(notice: Document) -> None:
    doc = read(df.strict_docx())
    assert [line.text for line in doc.lines()] == [line.text for line in notice.lines()]
    assert _pairs(doc) == _pairs(notice)
    assert any("Strict" in w for w in doc.warnings)


def test_macro_enabled_content_type_still_reads(notice: Document) -> None:
    base = df.notice_docx()
    types = df.member(base, "[Content_Types].xml").replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        b"application/vnd.ms-word.document.macroEnabled.main+xml",
    )
    data = df.rezip(base, {"[Content_Types].xml": types})
    assert [line.text for line in read(data).lines()] == [line.text for line in notice.lines()]


@pytest.mark.parametrize(
    ("builder", "message"),
    [
        (df.zip_slip_docx, "outside the archive"),
        (df.doctype_docx, "DTD or entities"),
        (df.zip_bomb_docx, "zip bomb"),
    ],
)
def test_hostile_packages_are_refused(builder: object, message: str) -> None:
    data = builder()  # type: ignore[operator]
    with pytest.raises(UnsafeInputError, match=message):
        read(data)
    with pytest.raises(UnsafeInputError):
        read_bytes(data)


def test_utf16_entity_declaration_is_refused() -> None:
    base = df.notice_docx()
    xml = df.member(base, "word/document.xml").decode("utf-8")
    xml = xml.replace("encoding='UTF-8'", "encoding='UTF-16'").replace(
        'encoding="UTF-8"', 'encoding="UTF-16"'
    )
    head, rest = xml.split("?>", 1)
    bad = (head + '?><!DOCTYPE d [<!ENTITY x "y">]>' + rest).encode("utf-16")
    with pytest.raises(UnsafeInputError):
        read(df.rezip(base, {"word/document.xml": bad}))


def test_zip_without_document_is_unsupported() -> None:
    with pytest.raises(UnsupportedFormatError, match="not a Word document"):
        read(df.no_document_docx())


@pytest.mark.parametrize("cut", [0.5, 0.98])
def test_truncated_docx_is_corrupt(cut: float) -> None:
    data = df.notice_docx()
    with pytest.raises(CorruptInputError):
        read(data[: int(len(data) * cut)])


def test_broken_xml_is_corrupt() -> None:
    base = df.notice_docx()
    xml = df.member(base, "word/document.xml")
    with pytest.raises(CorruptInputError):
        read(df.rezip(base, {"word/document.xml": xml[: len(xml) // 2]}))


def test_damaged_member_is_corrupt() -> None:
    data = bytearray(df.notice_docx())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 10
    for i in range(start, start + 40):
        data[i] ^= 0xFF
    with pytest.raises(CorruptInputError):
        read_bytes(bytes(data))


def test_read_bytes_detects_docx(notice: Document) -> None:
    doc = read_bytes(df.notice_docx())
    assert doc.format == "docx" and doc.text == notice.text
