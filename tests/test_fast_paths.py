"""Hand-written fast paths agree with the plain definitions they replace.

Hot helpers were rewritten for speed (issue #13): a label end found from its mark, one loop of
comparisons for a union of boxes, a one-size shortcut for a line's size, a word's text cut at
its text objects without asking pdfium for every character. Each is checked here against the
obvious version on generated inputs, so a later "simplification" cannot change a reading.
"""

from __future__ import annotations

import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from avis.extract.lexicon import _label_end
from avis.layout.lines import line_size
from avis.layout.model import Word, union_bbox
from avis.readers.pdf.pdfium_engine import _pieces

_LABEL_END = re.compile(r"\s*(?::|(?:\.\s?){3,}\s*:?|…+\s*:?|_{3,}\s*:?)")
"""The label end as one pattern (white space, then a colon, leader dots, an ellipsis or
underscores): what :func:`_label_end` must find."""

label_text = st.text(alphabet=st.sampled_from(list("ab :._…\t\u00a0(1)")), max_size=40)


@given(label_text, st.integers(min_value=0, max_value=45))
@settings(max_examples=400, deadline=None)
def test_label_end_is_the_pattern(text: str, endpos: int) -> None:
    m = _LABEL_END.search(text, 0, endpos)
    assert _label_end(text, endpos) == (None if m is None else m.span())


def test_label_end_on_label_lines() -> None:
    assert _label_end("Date limite de dépôt : 5 mars", 88) == (20, 22)
    assert _label_end("Lieu de travail ........ Nouméa", 88) == (15, 25)
    assert _label_end("Réf. 3134-25", 88) is None


coordinate = st.floats(min_value=-1e4, max_value=1e4, allow_nan=False)
box = st.tuples(coordinate, coordinate, coordinate, coordinate)


@given(st.lists(st.one_of(st.none(), box), max_size=12))
def test_union_bbox_is_min_and_max(boxes: list[tuple[float, float, float, float] | None]) -> None:
    real = [b for b in boxes if b is not None]
    expected = (
        (min(b[0] for b in real), min(b[1] for b in real), max(b[2] for b in real),
         max(b[3] for b in real))
        if real else None
    )  # fmt: skip
    assert union_bbox(boxes) == expected
    assert union_bbox(iter(boxes)) == expected  # any iterable, read once


def _line_size_by_weight(words: list[Word]) -> float:
    weight: dict[float, int] = {}
    for w in words:
        assert w.bbox is not None
        size = w.size or max(w.bbox[3] - w.bbox[1], 1.0)
        key = round(size * 2) / 2
        weight[key] = weight.get(key, 0) + len(w.text)
    return max(weight.items(), key=lambda kv: (kv[1], kv[0]))[0] if weight else 0.0


sized_word = st.builds(
    lambda text, size, height: Word(text, (0.0, 10.0, 20.0, 10.0 + height), size=size),
    st.text(min_size=1, max_size=6),
    st.one_of(st.none(), st.just(0.0), st.sampled_from([8.0, 9.96, 10.0, 10.2, 12.0])),
    st.floats(min_value=0.0, max_value=20.0),
)


@given(st.lists(sized_word, max_size=8))
def test_line_size_is_the_heaviest_size(words: list[Word]) -> None:
    assert line_size(words) == _line_size_by_weight(words)


@given(st.lists(st.sampled_from([0, 1, 2, 3]), min_size=1, max_size=12), st.data())
def test_pieces_are_the_runs_of_one_object(objects: list[int], data: st.DataObject) -> None:
    """A run of characters cut where the text object changes, asking pdfium only for what it
    must: the same pieces as grouping every character by its object."""
    i = data.draw(st.integers(min_value=0, max_value=len(objects) - 1))
    j = data.draw(st.integers(min_value=i + 1, max_value=len(objects)))
    # pdfium keeps a text object's characters together: objects come in consecutive runs
    runs = [k for k, _ in itertools.groupby(objects)]
    if len(runs) != len(set(runs)):
        objects = sorted(objects)
    asked: list[int] = []

    def text_object(tp: int, k: int) -> int:
        asked.append(k)
        return objects[k]

    expected, start = [], i
    for obj, group in itertools.groupby(objects[i:j]):
        n = len(list(group))
        expected.append((start, start + n, obj))
        start += n
    ends = text_object(0, i), text_object(0, j - 1)  # the reader has asked for these
    assert _pieces(text_object, 0, i, j, *ends) == expected
    if objects[i] == objects[j - 1]:
        assert len(asked) <= 2  # one object first to last: the ends only
