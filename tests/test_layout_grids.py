"""Ruled tables from rules alone: a row spans where its own rules run.

A box beside the body (a sidebar drawn as a frame) that touches a table below it shares a rule
with it and is joined to it; the body text beside the box must not become a cell of that joined
grid. Properties over random boxes and tables, and an ordinary table read as before.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from avis.layout.grids import find_grids


def _box(x0: float, top: float, x1: float, bottom: float) -> tuple[list, list]:
    return [(top, x0, x1), (bottom, x0, x1)], [(x0, top, bottom), (x1, top, bottom)]


@settings(max_examples=200, deadline=None)
@given(
    box_left=st.floats(300, 420),
    box_top=st.floats(100, 200),
    table_top=st.floats(380, 420),
    inner=st.floats(150, 250),
    rows=st.integers(1, 4),
)
def test_text_beside_a_box_joined_to_a_table_is_in_no_cell(
    box_left: float, box_top: float, table_top: float, inner: float, rows: int
) -> None:
    right, left = 540.0, 56.0
    hs, vs = _box(box_left, box_top, right, table_top + 20)  # the box runs into the table
    for k in range(rows + 1):
        hs.append((table_top + 20 * k, left, right))
    vs += [(x, table_top, table_top + 20 * rows) for x in (left, inner, right)]
    grids = find_grids(hs, vs)
    body = ((left + box_left) / 2, (box_top + table_top) / 2)  # beside the box, above the table
    assert all(g.locate(*body) is None for g in grids)
    inside = ((box_left + right) / 2, (box_top + table_top) / 2)
    assert any(g.locate(*inside) is not None for g in grids)
    cell = ((left + inner) / 2, table_top + 10)  # the table's first cell is still a cell
    assert any(g.locate(*cell) is not None for g in grids)


def test_an_ordinary_table_keeps_its_cells() -> None:
    hs = [(100.0 + 20 * k, 56.0, 540.0) for k in range(4)]
    vs = [(x, 100.0, 160.0) for x in (56.0, 200.0, 540.0)]
    (grid,) = find_grids(hs, vs)
    assert [b.cuts for b in grid.bands] == [[56.0, 200.0, 540.0]] * 3
    assert grid.locate(100, 110) == (0, 0) and grid.locate(300, 150) == (2, 1)
    assert grid.locate(20, 110) is None and grid.locate(600, 110) is None


def test_an_open_table_without_side_rules_spans_its_horizontal_rules() -> None:
    hs = [(100.0 + 20 * k, 56.0, 540.0) for k in range(4)]
    vs = [(200.0, 100.0, 160.0)]
    (grid,) = find_grids(hs, vs)
    assert grid.locate(60, 110) == (0, 0) and grid.locate(530, 150) == (2, 1)
