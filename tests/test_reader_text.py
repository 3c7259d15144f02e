"""Markdown and plain-text notices read with a real Markdown parser (markdown-it-py)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from avis.layout import Line
from avis.pipeline import parse_bytes, parse_path
from avis.readers.text import read

ROOT = Path(__file__).resolve().parent.parent


def lines(text: str) -> list[Line]:
    return read(text.encode("utf-8")).lines()


def test_a_table_becomes_label_value_cells() -> None:
    got = lines(
        "| | |\n|---|---|\n"
        "| **Intitulé du poste** | Instructeur(trice) |\n"
        "| **Employeur** | Ville de Dumbéa |\n"
        "| | suite de la valeur |\n"
    )
    cells = [(ln.text, ln.col, ln.row) for ln in got]
    assert cells == [
        ("Intitulé du poste", 0, 1),
        ("Instructeur(trice)", 1, 1),
        ("Employeur", 0, 2),
        ("Ville de Dumbéa", 1, 2),
        ("suite de la valeur", 1, 2),  # no label: continues the row above
    ]
    assert got[0].bold and not got[1].bold
    assert not any("|" in ln.text for ln in got)


def test_a_four_column_table_is_two_pairs_and_a_header_row_counts() -> None:
    got = lines(
        "| Référence | 12/SR | Employeur | CAFAT |\n|---|---|---|---|\n"
        "| Lieu | Nouméa | Date limite | 3 mars 2026 |\n"
    )
    pairs: dict[int, list[str]] = {}
    for ln in got:
        assert ln.row is not None and ln.col is not None
        pairs.setdefault(ln.row, []).append(ln.text)
    assert list(pairs.values()) == [
        ["Référence", "12/SR"],
        ["Employeur", "CAFAT"],
        ["Lieu", "Nouméa"],
        ["Date limite", "3 mars 2026"],
    ]


def test_markdown_structure_becomes_layout_hints() -> None:
    got = lines(
        "# AVIS DE VACANCE\n\n**Réf. :** 12/SR\n**Publié le** 27/02/2026\n\n"
        "## Missions\n\n- instruire les *dossiers*\n  sur deux lignes\n"
        "• puce Word\n2) numérotée\n\n> cité \\*entre\\* étoiles\n\n"
        "[un lien](https://x.example) et <b>html</b>\n"
    )
    texts = [ln.text for ln in got]
    assert texts == [
        "AVIS DE VACANCE",
        "Réf. : 12/SR",
        "Publié le 27/02/2026",
        "Missions",
        "instruire les dossiers",
        "sur deux lignes",
        "puce Word",
        "numérotée",
        "cité *entre* étoiles",
        "un lien et html",
    ]
    assert [ln.heading for ln in got[:4]] == [1, None, None, 2]
    assert [ln.bullet for ln in got[4:8]] == [True, False, True, True]
    assert got[4].block == got[5].block  # a wrapped item stays one block
    assert [w.bold for w in got[1].words] == [True, True, False]


def test_the_dumbea_table_notice_has_no_pipes_in_any_field() -> None:
    notice = parse_path(ROOT / "corpus" / "blind" / "blind-02-dumbea-fiche.md")
    assert notice.title == "Instructeur(trice) des autorisations du droit des sols"
    assert notice.employer == "Ville de Dumbéa"
    assert notice.location == "Hôtel de ville – Dumbéa-sur-Mer"
    dumped = notice.model_dump_json(exclude={"provenance", "warnings"})
    assert "|" not in dumped


def test_plain_text_indented_and_underlined_lines_are_kept_as_text() -> None:
    notice = parse_bytes(
        "AVIS DE VACANCE DE POSTE\n"
        "Intitulé du poste : Agent d'accueil\n"
        "-------------------------------\n"
        "Employeur : Province Sud\n\n"
        "    Lieu de travail : Nouméa\n".encode()
    )
    assert notice.employer == "Province Sud"
    assert notice.location == "Nouméa"
    assert notice.title and "---" not in notice.title


def test_a_very_long_line_is_read_without_the_quadratic_inline_rules() -> None:
    line = "Missions : " + "[lien](https://x.example) **gras** <b>b</b> " * 200
    got = lines("Intitulé du poste : Agent\n" + line + "\n")
    assert len(line) > 5_000
    assert got[1].text.startswith("Missions : lien gras b lien gras b")
    assert "[" not in got[1].text and "*" not in got[1].text and "<" not in got[1].text


_cell = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="|\\`*_[]<>&#"),
    min_size=1,
    max_size=30,
).filter(lambda t: t.strip() and t.strip()[0] not in "-+=~:>0123456789")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_cell, _cell), min_size=1, max_size=6))
def test_any_two_column_table_gives_pipe_free_label_value_rows(
    rows: list[tuple[str, str]],
) -> None:
    table = "| | |\n|---|---|\n" + "".join(f"| {a} | {b} |\n" for a, b in rows)
    got = lines("Avis\n\n" + table)
    cells = [ln for ln in got if ln.col is not None]
    assert [(ln.text, ln.col) for ln in cells] == [
        (" ".join(text.split()), col) for a, b in rows for col, text in ((0, a), (1, b))
    ]
    assert len({ln.row for ln in cells}) == len(rows)
    assert not any("|" in ln.text for ln in got)
