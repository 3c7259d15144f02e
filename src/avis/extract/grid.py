"""Header grids read by geometry: each value goes to the label it sits under or beside.

A header may print its labels *above* their values, two, three or four to a row
(``RÉFÉRENCE  EMPLOYEUR`` / ``3134-…  Commune de …``), a layout readers see as lines of labels
followed by lines of values. This module cuts every line into cells by the gaps between its
words (and by the labels found in it), finds the rows holding several label cells, and assigns
every other cell of the grid to one label at once: the candidate relations are *below* (the
value sits in the label's column span, under it) and *right-of* (on the label's row, after it);
each has a cost from the distance, and a value that does not fit the label's type (a date under
"Lieu") costs more, so it goes to a label it fits when there is one. The result is handed on as
ordinary label│value cells (``col`` 0/1 and a row id), which :mod:`avis.extract.header` pairs
like any table; the relation is kept for provenance.

Only pages whose lines carry word boxes (PDF text layers, OCR) are read this way; a header with
no row of several labels is left as the reader gave it.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass, field

from avis.extract.header import dangles
from avis.extract.lexicon import Label, LabelMatcher, Lexicon, Match
from avis.extract.normalize import fold
from avis.extract.values import looks_like
from avis.layout import BBox, Line, Word, union_bbox

#: a word that is only leader dots or rules ("........", "____", "…")
LEADER_WORD = re.compile(r"^[.…_·]{3,}$")
#: row ids given to cells rebuilt here, clear of the readers' own row numbers
_ROW_BASE = 100_000


@dataclass(slots=True)
class Cell:
    words: list[Word]
    line: Line
    label: Label | None = None
    label_text: str = ""
    tail: list[str] = field(default_factory=list)  # words of a wrapped label still expected
    owner: Cell | None = None  # the label cell a value cell was assigned to
    relation: str = ""
    values: list[Cell] = field(default_factory=list)
    led: bool = False  # leader dots follow the label
    # ``box`` and ``height`` of the current ``words`` list: solving a grid reads them for
    # every label│value pair, and ``words`` is only ever replaced, never changed in place.
    _box_memo: tuple[list[Word], BBox] | None = field(default=None, repr=False, compare=False)
    _height_memo: tuple[list[Word], float] | None = field(default=None, repr=False, compare=False)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def box(self) -> BBox:
        if self._box_memo is None or self._box_memo[0] is not self.words:
            box = union_bbox([w.bbox for w in self.words])
            assert box is not None
            self._box_memo = (self.words, box)
        return self._box_memo[1]

    @property
    def height(self) -> float:
        """Median word height (see :func:`_height`)."""
        if self._height_memo is None or self._height_memo[0] is not self.words:
            self._height_memo = (self.words, _height(self.words))
        return self._height_memo[1]


def _height(words: list[Word]) -> float:
    # The lower median: a word glued across a cell's edge ("ORGANISATIO" / "NNELLE") spans two
    # lines and must not pass for the type size.
    hs = sorted(w.bbox[3] - w.bbox[1] for w in words if w.bbox is not None)
    return hs[(len(hs) - 1) // 2] if hs else 10.0


@dataclass(slots=True)
class Run:
    """Words of one line with no wide gap between them; ``led``: leader dots follow."""

    words: list[Word]
    led: bool = False
    box: BBox = (0.0, 0.0, 0.0, 0.0)


def _runs(line: Line) -> list[Run]:
    """Cut a line at wide gaps (table columns) and at leader dots."""
    words = [w for w in line.words if w.bbox is not None]
    if not words:
        return []
    gap = 1.1 * _height(words)
    runs: list[Run] = [Run([])]
    for w in words:
        if LEADER_WORD.match(w.text):
            runs[-1].led = True
            runs.append(Run([]))
            continue
        prev = runs[-1].words[-1] if runs[-1].words else None
        if prev is not None and prev.bbox is not None and w.bbox is not None:
            if w.bbox[0] - prev.bbox[2] > gap:
                runs.append(Run([]))
        runs[-1].words.append(w)
    out = [r for r in runs if r.words]
    for r in out:
        r.box = union_bbox([w.bbox for w in r.words]) or r.box
    return out


def _split_at_columns(lines: list[Line], runs: dict[int, list[Run]]) -> None:
    """Cut a run where a word starts at a column that other lines' cells start at: a long
    label nearly touching the next cell ("UNITÉ ORGANISATIONNELLE PLACE DANS") is two cells."""
    starts: dict[tuple[int, int], set[int]] = {}
    for ln in lines:
        for r in runs[id(ln)]:
            if len(r.words) <= 6:  # cells, not running text
                starts.setdefault((ln.page, round(r.box[0] / 2)), set()).add(id(ln))
    for ln in lines:
        out: list[Run] = []
        for r in runs[id(ln)]:
            if len(r.words) > 24:
                out.append(r)
                continue
            cur = Run([r.words[0]])
            for prev, w in itertools.pairwise(r.words):
                assert w.bbox is not None and prev.bbox is not None
                # The gap first: most words sit close to the previous one.
                if w.bbox[0] - prev.bbox[2] > 0.6 * (w.bbox[3] - w.bbox[1]) and _column_start(
                    starts, ln, round(w.bbox[0] / 2)
                ):
                    cur.box = union_bbox([x.bbox for x in cur.words]) or cur.box
                    out.append(cur)
                    cur = Run([])
                cur.words.append(w)
            cur.box = union_bbox([x.bbox for x in cur.words]) or cur.box
            cur.led = r.led
            out.append(cur)
        runs[id(ln)] = out


def _column_start(starts: dict[tuple[int, int], set[int]], ln: Line, key: int) -> bool:
    """Whether cells of two other lines of the page start at this column (± 2 pt)."""
    seen = set().union(*(starts.get((ln.page, k), set()) for k in (key - 1, key, key + 1)))
    return len(seen - {id(ln)}) >= 2


def _stack_labels(lines: list[Line], runs: dict[int, list[Run]], lexicon: Lexicon) -> set[int]:
    """A label wrapped in its cell ("DATE DE MISE EN" / "LIGNE", "Collectivité" /
    "employeur") is one run: the run under it, at the same left edge, joins it when together
    they spell a longer label wording. A cell cut by a page break ("SERVICE" at the foot of a
    page, "D'AFFECTATION :" at the top of the next) goes on at the top of the next page; the
    label keeps the box of its first page. Returns the ids of lines that gave words away."""
    matcher = lexicon.matcher(("header", "inline"))
    touched: set[int] = set()
    flat = sorted(
        ((ln, r) for ln in lines for r in runs.get(id(ln), [])),
        key=lambda item: (item[0].page, item[1].box[1]),
    )
    keys = [(ln.page, r.box[1]) for ln, r in flat]
    bottoms: dict[int, float] = {}
    tops: dict[int, float] = {}
    for ln, r in flat:
        bottoms[ln.page] = max(bottoms.get(ln.page, r.box[3]), r.box[3])
        tops[ln.page] = min(tops.get(ln.page, r.box[1]), r.box[1])
    for ln, a in flat:
        at_page, at_box = ln.page, a.box  # where the cell's text has reached so far
        while a.words:
            b_item = _under(a, at_page, at_box, flat, keys)
            if b_item is None and at_box[3] >= bottoms[at_page] - 1 and at_page + 1 in tops:
                b_item = _top_of_next(a, at_page + 1, tops[at_page + 1], flat, keys)
            if b_item is None:
                break
            ln_b, b = b_item
            text_a = " ".join(w.text for w in a.words)
            text_b = " ".join(w.text for w in b.words)
            # A word broken at the cell's edge with no hyphen ("ORGANISATIO" / "NNELLE") joins
            # without a space. A reading of the lexicon's own wording beats one through OCR
            # damage: "ETABLISSEME" / "NT" is the cut "ETABLISSEMENT", not two damaged words.
            glue, best = None, 0
            for g in (" ", ""):
                strength = _continues_label(text_a, text_a + g + text_b, matcher, lexicon)
                if strength > best:
                    glue, best = g, strength
                if best == 2:
                    break
            if glue is None:
                break
            moved = b.words
            if ln_b.page != ln.page:
                # Words from the next page take a place under the label on its own page.
                dy = a.box[3] - b.box[1]
                moved = [_shifted(w, dy) for w in b.words]
            if glue == "":
                last, first = a.words[-1], moved[0]
                joined = Word(
                    last.text + first.text,
                    union_bbox([last.bbox, first.bbox]),
                    last.font,
                    last.size,
                    last.bold,
                    min(last.conf, first.conf),
                )
                a.words = [*a.words[:-1], joined, *moved[1:]]
            else:
                a.words = a.words + moved
            a.led = a.led or b.led
            at_page, at_box = ln_b.page, b.box
            a.box = union_bbox([w.bbox for w in a.words]) or a.box
            b.words = []
            touched.add(id(ln_b))
            touched.add(id(ln))
    return touched


def _shifted(w: Word, dy: float) -> Word:
    box = w.bbox
    moved = (box[0], box[1] + dy, box[2], box[3] + dy) if box is not None else None
    return Word(w.text, moved, w.font, w.size, w.bold, w.conf)


def _top_of_next(
    a: Run, page: int, top: float, flat: list[tuple[Line, Run]], keys: list[tuple[int, float]]
) -> tuple[Line, Run] | None:
    """The run opening the next page at ``a``'s left edge (a table row cut by the page break)."""
    h = _height(a.words)
    lo = bisect.bisect_left(keys, (page, top - 1))
    hi = bisect.bisect_right(keys, (page, top + 0.5 * h))
    for ln_b, b in flat[lo:hi]:
        if b is not a and b.words and abs(b.box[0] - a.box[0]) <= 3:
            return ln_b, b
    return None


def _continues_label(text_a: str, both: str, matcher: LabelMatcher, lexicon: Lexicon) -> int:
    """Whether ``both`` is a longer label wording than ``text_a``, whole or still unfinished
    ("DATE DE CLÔTURE" / "DES" / "CANDIDATURES"): 2 when read as the lexicon writes it, 1 only
    through OCR damage (a fuzzy match), 0 not at all."""
    if not lexicon.is_label_prefix(" ".join(fold(text_a).split())):
        return 0  # the upper part is no start of a label: nothing to continue
    m = matcher.match_start(both)
    alone = matcher.match_start(text_a)
    if (
        m is not None
        and m.start == 0
        and m.end > len(text_a)
        and not both[m.end :].strip(" :")
        and (alone is None or alone.end < m.end)
    ):
        return 1 if m.label.fuzzy else 2
    folded = " ".join(fold(both).strip(" :").split())
    return 2 if lexicon.is_label_prefix(folded) and folded not in _wordings(lexicon) else 0


def _under(
    a: Run,
    page: int,
    box: BBox,
    flat: list[tuple[Line, Run]],
    keys: list[tuple[int, float]],
) -> tuple[Line, Run] | None:
    """The run just under ``box`` (the last line of ``a`` so far), at ``a``'s left edge: the
    next line of the same cell."""
    h = _height(a.words)
    lo = bisect.bisect_left(keys, (page, box[3] - 1))
    hi = bisect.bisect_right(keys, (page, box[3] + 0.8 * h))
    for ln_b, b in flat[lo:hi]:
        if b is not a and b.words and abs(b.box[0] - box[0]) <= 3:
            return ln_b, b
    return None


@functools.cache
def _wordings(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(lb.folded for lb in lexicon.labels)


def _cells(line: Line, runs: list[Run], lexicon: Lexicon) -> list[Cell]:
    """Cut a line's runs into cells: each label's own cell, then the value after it."""
    cells: list[Cell] = []
    matcher = lexicon.matcher(("header", "inline"))
    for run_ in runs:
        run = run_.words
        if not run:
            continue
        first = run[0].text[:1]
        if len(run) > 24 or first.islower() or (len(run) > 8 and run[-1].text.endswith(".")):
            # Running text (a continued line, a sentence), not a label cell.
            cells.append(Cell(run, line))
            continue
        text = " ".join(w.text for w in run)
        offsets, pos = [], 0
        for w in run:
            offsets.append(pos)
            pos += len(w.text) + 1
        found = [m for m in matcher.finditer(text) if m.start in offsets]
        # A label followed by more text counts only when clearly a label ("Pôle ressources"
        # is a value); the last wording of a run may be a label cell on its own.
        found = [
            m
            for i, m in enumerate(found)
            if _starts_cell(m, run, offsets)
            and not text[m.start : m.start + 1].islower()  # "services" ends a wrapped value
            and (
                _inline_ok(m, run, offsets)
                or not text[m.end : found[i + 1].start if i + 1 < len(found) else None].strip(" :")
                or lexicon.grow(m.label, text[m.start : m.end], text[m.end :])[0]
                >= len(text[m.end :].rstrip())
            )
        ]
        # Cut the run at each label: the label's own cell, then (when the label is followed
        # by text on the run) that text as its value, "inline" or after "leader" dots.
        cuts: list[tuple[int, int, Match | None, str, list[str]]] = []  # word spans
        for i, m in enumerate(found):
            end = found[i + 1].start if i + 1 < len(found) else len(text)
            rest = text[m.end : end]
            grown, tail = lexicon.grow(m.label, text[m.start : m.end], rest)
            lab_end = m.end + grown
            if rest[grown:].strip(" :") and not _inline_ok(m, run, offsets):
                continue
            k = offsets.index(m.start)
            k_end = next((j for j, o in enumerate(offsets) if o >= lab_end), len(run))
            nxt = next((j for j, o in enumerate(offsets) if o >= end), len(run))
            cuts.append((k, k_end, m, text[m.start : lab_end], tail))
            if nxt > k_end:
                cuts.append((k_end, nxt, None, "", []))
        if not cuts or cuts[0][0] > 0:
            cuts.insert(0, (0, cuts[0][0] if cuts else len(run), None, "", []))
        owner: Cell | None = None
        for a, b, cut, label_text, tail in cuts:
            if a >= b:
                continue
            cell = Cell(run[a:b], line)
            if cut is not None:
                cell.label, cell.label_text, cell.tail = cut.label, label_text, tail
                owner = cell
            elif owner is not None:
                cell.owner = owner
                cell.relation = "inline"
                owner.values.append(cell)
            cells.append(cell)
        if run_.led and cells and cells[-1].label is not None:
            cells[-1].led = True
    return cells


def _starts_cell(m: Match, run: list[Word], offsets: list[int]) -> bool:
    """A label after other words of its run ("Chef de service") must look like one: a colon
    after it, or bold type where the words before it are plain."""
    k = offsets.index(m.start)
    if k == 0:
        return True
    if m.label.start_only:  # unless a segment separator comes first: "… – Site : Bourail"
        return m.colon and run[k - 1].text in ("–", "—", ";", "|", "•")
    k_end = next((j for j, o in enumerate(offsets) if o >= m.end), len(run))
    return m.colon or (all(w.bold for w in run[k:k_end]) and not run[k - 1].bold)


def _inline_ok(m: Match, run: list[Word], offsets: list[int]) -> bool:
    """A label followed by its value in the same cell counts when it is clearly a label: a
    colon or leader dots after it, or bold type before plain text (weak wordings such as
    "Direction" open many values: "Direction des finances")."""
    if m.colon:
        return True
    k = offsets.index(m.start)
    k_end = next((j for j, o in enumerate(offsets) if o >= m.end), len(run))
    bold = all(w.bold for w in run[k:k_end]) and not all(w.bold for w in run[k_end:])
    return bold or (not m.label.weak and k == 0 and len(m.label.folded) > 8)


def _overlap_v(a: BBox, b: BBox) -> float:
    return min(a[3], b[3]) - max(a[1], b[1])


def _label_rows(cells: list[Cell]) -> list[list[Cell]]:
    """Visual rows (same page, overlapping vertically) holding two label cells or more, and
    the rows of one label that start at a column of such a row (a grid's last, short row)."""
    labels = sorted(
        (c for c in cells if c.label is not None and c.words), key=lambda c: (c.line.page, c.box[1])
    )
    rows: list[list[Cell]] = []
    for c in labels:
        if rows and rows[-1][0].line.page == c.line.page and _overlap_v(rows[-1][0].box, c.box) > 0:
            rows[-1].append(c)
        else:
            rows.append([c])
    grid = [sorted(r, key=lambda c: c.box[0]) for r in rows if len(r) >= 2]
    columns = {(r[0].line.page, round(c.box[0])) for r in grid for c in r}
    return [
        sorted(r, key=lambda c: c.box[0])
        for r in rows
        if len(r) >= 2
        or (
            any(p == r[0].line.page and abs(x - r[0].box[0]) <= 4 for p, x in columns)
            and any(
                abs(g[0].box[1] - r[0].box[1]) < 120 and g[0].line.page == r[0].line.page
                for g in grid
            )
        )
    ]


def _join_tails(cells: list[Cell]) -> None:
    """A label cell wrapped onto the next line ("DATE LIMITE DE" / "CANDIDATURE") takes its tail."""
    for c in cells:
        if c.label is None or not c.tail:
            continue
        below = [
            d
            for d in cells
            if d is not c
            and d.words
            and d.label is None
            and d.line.page == c.line.page
            and abs(d.box[0] - c.box[0]) < 4
            and 0 <= d.box[1] - c.box[3] < c.height
        ]
        if not below:
            continue
        d = min(below, key=lambda d: d.box[1])
        words = d.text.split()
        if [fold(w).strip(":") for w in words[: len(c.tail)]] == c.tail:
            n = len(c.tail)
            c.label_text += " " + " ".join(words[:n])
            c.words = c.words + d.words[:n]
            d.words = d.words[n:]
            c.tail = []


def _demote_continuations(cells: list[Cell]) -> None:
    """A wording under a value that visibly goes on ("Rédacteur /" then "Administration
    générale") continues that value: it is no label, unless it is marked as one (a colon, or
    bold type under plain text). Where labels are bold, a plain weak wording is a value."""
    labels = [c for c in cells if c.label is not None]
    if not labels:
        return
    bold_labels = sum(all(w.bold for w in c.words) for c in labels)
    # Labels set in bold: a common word in plain type ("Direction départementale…" under the
    # bold "Organisme") is a value, as is a plain wording right under a bold label.
    bold_style = len(labels) >= 3 and bold_labels >= 0.75 * len(labels)
    # Cells by page and left edge (to 4 points), boxes computed once: what sits right above.
    boxes = {id(c): c.box for c in cells if c.words}
    by_left: dict[tuple[int, int], list[Cell]] = {}
    for c in cells:
        if c.words:
            by_left.setdefault((c.line.page, round(boxes[id(c)][0] / 4)), []).append(c)

    def just_above(c: Cell, box: BBox, h: float) -> list[Cell]:
        key = round(box[0] / 4)
        return [
            d
            for k in (key - 1, key, key + 1)
            for d in by_left.get((c.line.page, k), [])
            if d is not c
            and abs(boxes[id(d)][0] - box[0]) <= 3
            and -0.2 * h <= box[1] - boxes[id(d)][3] <= 0.6 * h
        ]

    for c in labels:
        if c.label is None or c.values or ":" in c.label_text or not c.words:
            continue
        h = _height(c.words)
        box = boxes[id(c)]
        near = just_above(c, box, h)
        if bold_style and not any(w.bold for w in c.words):
            if c.label.weak or any(d.label is not None for d in near):
                c.label, c.label_text, c.tail, c.led = None, "", [], False
                continue
        above = [d for d in near if d.label is None]
        if not above:
            continue
        d = above[0]
        if d.text.strip() == "/" or not dangles(d.text):
            continue
        if all(w.bold for w in c.words) and not all(w.bold for w in d.words):
            continue
        c.label, c.label_text, c.tail, c.led = None, "", [], False


def _cost(
    label: Cell,
    value: Cell,
    spans: dict[int, tuple[float, float]],
    closed: set[int],
    page_ends: dict[int, tuple[float, float, float]] | None = None,
) -> tuple[float, str]:
    """How unlikely ``value`` is to be ``label``'s (inf when impossible), and the relation.

    *below*: in the label's column span and no more than a line under the label or under the
    value lines it already has (a wrapped value goes on; a body paragraph further down does
    not). *right-of*: on the label's row, after it.
    """
    lb, vb = label.box, value.box
    if label.line.flow != value.line.flow:
        return float("inf"), ""  # a sidebar's label and the body beside it
    if label.line.page != value.line.page:
        return _cost_next_page(label, value, spans, page_ends or {})
    h = label.height
    if _overlap_v(lb, vb) > 0.4 * h and lb[2] - 1 <= vb[0] < spans[id(label)][1] - 4:
        # Beside the label and still in its column (a label│value│label│value row); a value
        # in the next label's column is that label's, whatever the height of this one.
        cost, relation = (vb[0] - lb[2]) / 200.0, "leader" if label.led else "right-of"
    elif (
        not label.values
        and label.line.bbox is not None
        and lb[3] - lb[1] < 1.5 * h  # a label wrapped in its cell is a grid cell, not prose
        and abs(lb[2] - label.line.bbox[2]) < 2
        and abs(vb[0] - label.line.bbox[0]) < 4
        and vb[0] < spans[id(label)][0] - 4  # not under the label: the line wrapped
        and 0 <= vb[1] - lb[3] <= 1.2 * h
    ):
        # "… – DATE LIMITE DE CANDIDATURE :" ends its line, the value opens the next one.
        cost, relation = 0.5, "inline"
    elif (
        label.values
        and label.line.bbox is not None
        and abs(label.values[-1].box[2] - label.line.bbox[2]) < 2  # its value ends the line
        and abs(vb[0] - label.line.bbox[0]) < 4  # and goes on where the next line starts
        and 0 <= vb[1] - label.values[-1].box[3] <= 1.2 * h
        and _completed_by(label, value)
    ):
        # "… DATE LIMITE DE CANDIDATURE : 5 mars" / "2024": an inline value wrapped
        cost, relation = 0.5, "inline"
    else:
        x0, x1 = spans[id(label)]
        above = label.values[-1].box[3] if label.values else lb[3]
        if id(label) in closed and label.values and label.values[0].line is label.line:
            return float("inf"), ""  # its value ended where the next label began
        last = label.values[-1].line if label.values else None
        if last is not None and last.row is not None and value.line.row not in (None, last.row):
            return float("inf"), ""  # a wrapped value goes on inside its cell, not past a rule
        # The first value may sit a little further down when it is in taller type than the
        # label (a small label over body type with paragraph spacing: LibreOffice's tables);
        # a wrapped value then goes on at the label's own line pitch.
        step = 1.2 * h if label.values else 1.5 * max(h, value.height)
        if vb[1] < lb[3] - 1 or not (x0 - 4 <= vb[0] < x1 - 4) or vb[1] - above > step:
            return float("inf"), ""
        cost, relation = 0.3 + (vb[1] - lb[3]) / (4 * h), "below"
    if label.label is not None and not looks_like(label.label.vtype, value.text):
        cost += 5.0
    return cost, relation


def _completed_by(label: Cell, value: Cell) -> bool:
    """Whether ``value`` finishes the label's value: a date (or other typed value) that only
    reads as one with it, or text left hanging ("… à la")."""
    joined = " ".join(v.text for v in label.values)
    vtype = label.label.vtype if label.label is not None else "text"
    if vtype == "text":
        return dangles(joined)
    return not looks_like(vtype, joined) and looks_like(vtype, f"{joined} {value.text}")


def _cost_next_page(
    label: Cell,
    value: Cell,
    spans: dict[int, tuple[float, float]],
    page_ends: dict[int, tuple[float, float, float]],
) -> tuple[float, str]:
    """A label in the last label row of its page, with no value there, takes the first lines
    of the next page in its column: the header was split over two pages."""
    lp, vp = label.line.page, value.line.page
    if vp != lp + 1 or lp not in page_ends or vp not in page_ends:
        return float("inf"), ""
    last = label.values[-1] if label.values else None
    if (
        last is not None
        and last.line.page == lp
        and not (
            # Its value is on its own page, unless that value is cut by the page break: it
            # ends the page and visibly goes on ("Bureau des", "N-1 (par rapport").
            last.box[3] >= page_ends[lp][2] - 1
            and (dangles(last.text) or last.text.count("(") > last.text.count(")"))
            and not re.search(r":\s*/$", last.text)  # "Indirects : /" says "none"
        )
    ):
        return float("inf"), ""
    last_label_top = page_ends[lp][0]
    x0, x1 = spans[id(label)]
    h = max(label.height, value.height)
    if label.box[1] < last_label_top - 1 or not (x0 - 4 <= value.box[0] < x1 - 4):
        return float("inf"), ""
    # The page's first line, or the next line of the value already begun there.
    if last is not None and last.line.page == vp:
        above, step = last.box[3], 1.2 * last.height
    else:
        above, step = page_ends[vp][1], 0.5 * h
    if not -0.5 * h <= value.box[1] - above <= step:
        return float("inf"), ""
    cost = 1.0
    if label.label is not None and not looks_like(label.label.vtype, value.text):
        cost += 5.0
    return cost, "below"


def arrange_grids(lines: list[Line], lexicon: Lexicon) -> tuple[list[Line], dict[int, str]]:
    """Rewrite header grids as label│value cells; other lines are returned unchanged.

    Also returns the relation (below, right-of) that placed each value line, by ``id``.
    """
    relations: dict[int, str] = {}
    if not any(ln.words and ln.words[0].bbox is not None for ln in lines):
        lines = _join_wrapped_labels(lines, lexicon)
        lines = _arrange_rows(lines, lexicon, relations)
        return _arrange_runs(lines, lexicon, relations), relations
    # Grids may also sit in the body (organisation facts under the missions); list items and
    # running text are no cells.
    runs = {id(ln): ([] if ln.bullet else _runs(ln)) for ln in lines}
    _split_at_columns(lines, runs)
    touched = _stack_labels(lines, runs, lexicon)
    per_line = {id(ln): _cells(ln, runs[id(ln)], lexicon) for ln in lines}
    cells = [c for cs in per_line.values() for c in cs]
    _join_tails(cells)
    for cs in per_line.values():
        cs[:] = [c for c in cs if c.words]
    cells = [c for c in cells if c.words]
    for c in cells:
        c.values = [v for v in c.values if v.words]
    _demote_continuations(cells)
    rows = _label_rows(cells)
    if not rows:
        return lines, relations
    grid_labels = [c for r in rows for c in r]
    # Each label's column: from its left edge to the next label of its row.
    spans: dict[int, tuple[float, float]] = {}
    for r in rows:
        for i, c in enumerate(r):
            spans[id(c)] = (c.box[0], r[i + 1].box[0] if i + 1 < len(r) else float("inf"))
    # Labels followed on their line by another label: a value after them ends there.
    closed = {
        id(c)
        for c in grid_labels
        if any(o is not c and o.line is c.line and o.box[0] > c.box[0] for o in grid_labels)
    }
    pages = {c.line.page for c in grid_labels}
    first_top = {p: min(c.box[1] for c in grid_labels if c.line.page == p) for p in pages}
    # Per page: top of its last label row, and top of its first line (a header split over
    # two pages goes on at the top of the next one).
    page_ends = {
        p: (
            max((c.box[1] for c in grid_labels if c.line.page == p), default=float("inf")),
            min(c.box[1] for c in cells if c.line.page == p),
            max(ln.bbox[3] for ln in lines if ln.page == p and ln.bbox is not None),
        )
        for p in {c.line.page for c in cells}
    }
    values = sorted(
        (
            c
            for c in cells
            if c.label is None
            and c.owner is None
            and c.words
            and (
                (c.line.page in first_top and c.box[1] >= first_top[c.line.page] - 1)
                or (c.line.page not in first_top and c.line.page - 1 in first_top)
                # the top of a page may finish a cell cut at the foot of the last one, unless
                # it is a heading ("Activités principales" opening the next page)
                or (
                    c.line.page - 1 in first_top
                    and c.box[1] < first_top[c.line.page]
                    and not _is_heading(c.text, lexicon)
                )
            )
        ),
        key=lambda c: (c.line.page, c.box[1], c.box[0]),
    )
    # Every value cell, top to bottom, to its cheapest label; a label column grows only by
    # contiguous lines, so the body under the grid is never taken for a value.
    # Only labels of the value's page or the page before can take it (see _cost): indexed by
    # page, in grid order, so ties still go to the first label.
    by_page: dict[int, list[Cell]] = {}
    for lab in grid_labels:
        by_page.setdefault(lab.line.page, []).append(lab)
    for v in values:
        best: tuple[float, str, Cell | None] = (float("inf"), "", None)
        page = v.line.page
        for lab in [*by_page.get(page - 1, ()), *by_page.get(page, ())]:
            cost, relation = _cost(lab, v, spans, closed, page_ends)
            if cost < best[0]:
                best = (cost, relation, lab)
        _, relation, owner = best
        if owner is None:
            continue
        v.owner, v.relation = owner, relation
        owner.values.append(v)
    consumed = {id(c) for lab in grid_labels for c in [lab, *lab.values]}
    grid_lines = {id(c.line) for lab in grid_labels for c in [lab, *lab.values]} | touched
    out: list[Line] = []
    emitted = False
    for ln in lines:
        if id(ln) not in grid_lines:
            out.append(ln)
            continue
        if not emitted:
            emitted = True
            for k, lab in enumerate(grid_labels):
                out.append(_line(lab.words, lab.line, 0, _ROW_BASE + k, bold=lab.line.bold))
                for v in sorted(lab.values, key=lambda c: (c.line.page, c.box[1], c.box[0])):
                    made = _line(v.words, v.line, 1, _ROW_BASE + k)
                    relations[id(made)] = v.relation
                    out.append(made)
        left = [c for c in per_line.get(id(ln), []) if id(c) not in consumed and c.words]
        for c in left:
            out.append(_line(c.words, ln, ln.col, ln.row))
    return out, relations


def _is_heading(text: str, lexicon: Lexicon) -> bool:
    """A line that is a section heading of the lexicon and nothing more: never a value."""
    m = lexicon.matcher(("section",)).match_start(text)
    return m is not None and not text[m.end :].strip(" :")


def _label_only(line: Line, lexicon: Lexicon, cells: bool = False) -> Label | None:
    """The header label a line (or a table cell) consists of (a trailing colon allowed)."""
    if (line.col is not None and not cells) or line.bullet:
        return None
    m = lexicon.matcher(("header", "inline")).match_start(line.text)
    if m is None or line.text[m.end :].strip(" :"):
        return None
    return m.label


def _arrange_runs(lines: list[Line], lexicon: Lexicon, relations: dict[int, str]) -> list[Line]:
    """The same grid with no geometry (a Word table of label rows and value rows, text):
    a run of k lines that are each a label, then k lines that are not, each value fitting its
    label's type, pairs the i-th value with the i-th label."""
    out: list[Line] = []
    i, k_row = 0, 0
    while i < len(lines):
        j = i
        labels: list[Label] = []
        while j < len(lines) and (lb := _label_only(lines[j], lexicon)) is not None:
            labels.append(lb)
            j += 1
        k = len(labels)
        vals = lines[j : j + k]
        if (
            k >= 2
            and len(vals) == k
            and all(v.col is None and _label_only(v, lexicon) is None for v in vals)
            and not lexicon.matcher(("header", "section")).match_start(vals[-1].text)
            and all(looks_like(lb.vtype, v.text) for lb, v in zip(labels, vals, strict=True))
            and (j + k >= len(lines) or not _continues_value(lines[j + k], lexicon))
        ):
            for lb_line, v in zip(lines[i:j], vals, strict=True):
                row = _ROW_BASE + 1000 + k_row
                k_row += 1
                out.append(_copy(lb_line, 0, row))
                made = _copy(v, 1, row)
                relations[id(made)] = "below"
                out.append(made)
            i = j + k
            continue
        out.extend(lines[i : max(j, i + 1)])
        i = max(j, i + 1)
    return out


def _join_wrapped_labels(lines: list[Line], lexicon: Lexicon) -> list[Line]:
    """A label typed over several lines with no geometry ("CONDITION DE DURÉE DE" /
    "RÉSIDENCE POUR LE RECRUTEMENT" / "SUR TITRE (1) ..... : 5 ans") is one line: lines are
    joined while they spell the start of a wording, up to the line that completes it."""
    matcher = lexicon.matcher(("header", "inline"))
    out: list[Line] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        folded = " ".join(fold(ln.text).strip(" :").split())
        if (
            ln.col is not None
            or ln.bullet
            or not lexicon.is_label_prefix(folded)
            or folded in _wordings(lexicon)
            or _whole_label(matcher.match_start(ln.text), ln.text)
        ):
            out.append(ln)
            i += 1
            continue
        j, text, done = i + 1, ln.text, False
        while j < len(lines) and j - i < 4 and lines[j].col is None and not lines[j].bullet:
            text = text + " " + lines[j].text
            m = matcher.match_start(text)
            j += 1
            if m is not None and m.end > len(text) - len(lines[j - 1].text):
                done = True
                break
            if not lexicon.is_label_prefix(" ".join(fold(text).split())):
                break
        if not done:
            out.append(ln)
            i += 1
            continue
        group = lines[i:j]
        out.append(
            Line(
                text=text,
                words=[w for g in group for w in g.words],
                bbox=union_bbox([g.bbox for g in group]),
                page=ln.page,
                origin=ln.origin,
                conf=min(g.conf for g in group),
                bold=all(g.bold for g in group),
                block=ln.block,
                flow=ln.flow,
            )
        )
        i = j
    return out


def _whole_label(m: Match | None, text: str) -> bool:
    """Whether a label match spans its line: "DATE DE CLÔTURE DES" holds the shorter wording
    "Date de clôture" but is the start of a longer one wrapped onto the next line."""
    return m is not None and not text[m.end :].strip(" :.…")


def _arrange_rows(lines: list[Line], lexicon: Lexicon, relations: dict[int, str]) -> list[Line]:
    """A table whose rows alternate labels and values (a Word table): a row of label cells
    followed by a row of as many value cells pairs them column by column."""
    out: list[Line] = []
    i, k_row = 0, 0

    def row_end(start: int) -> int:
        end = start
        first = lines[start]
        while (
            end < len(lines)
            and lines[end].col is not None
            and lines[end].row == first.row
            and lines[end].page == first.page
        ):
            end += 1
        return end

    while i < len(lines):
        if lines[i].col is None or lines[i].row is None:
            out.append(lines[i])
            i += 1
            continue
        j = row_end(i)
        heads = lines[i:j]
        k = row_end(j) if j < len(lines) and lines[j].row is not None else j
        vals = lines[j:k]
        labels = [_label_only(h, lexicon, cells=True) for h in heads]
        if (
            len(heads) >= 2
            and len(vals) == len(heads)
            and all(labels)
            and not any(_label_only(v, lexicon, cells=True) for v in vals)
            and all(
                lb is not None and looks_like(lb.vtype, v.text)
                for lb, v in zip(labels, vals, strict=True)
            )
        ):
            for h, v in zip(heads, vals, strict=True):
                row = _ROW_BASE + 2000 + k_row
                k_row += 1
                out.append(_copy(h, 0, row))
                made = _copy(v, 1, row)
                relations[id(made)] = "below"
                out.append(made)
            i = k
            continue
        out.extend(heads)
        i = j
    return out


def _continues_value(line: Line, lexicon: Lexicon) -> bool:
    """A line after the values that is neither a label nor a heading: the values may wrap."""
    if line.heading is not None or line.bold:
        return False
    return lexicon.matcher(("header", "section")).match_start(line.text) is None


def _copy(line: Line, col: int, row: int) -> Line:
    return Line(
        text=line.text,
        words=line.words,
        bbox=line.bbox,
        page=line.page,
        origin=line.origin,
        conf=line.conf,
        heading=None,
        bullet=False,
        bold=line.bold,
        col=col,
        row=row,
        block=line.block,
        flow=line.flow,
    )


def _line(
    words: list[Word],
    like: Line,
    col: int | None,
    row: int | None,
    bold: bool | None = None,
) -> Line:
    return Line(
        text=" ".join(w.text for w in words),
        words=list(words),
        bbox=union_bbox([w.bbox for w in words]),
        page=like.page,
        origin=like.origin,
        conf=min((w.conf for w in words), default=like.conf),
        heading=None,
        bullet=False,
        bold=all(w.bold for w in words) if bold is None else bold,
        col=col,
        row=row,
        block=like.block,
        flow=like.flow,
    )
