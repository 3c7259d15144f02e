"""The header table: pair every label with its own value.

The header is a label │ value table. Readers that know the geometry tag cells (``col`` 0/1,
``row``); plain text (and converter output that scrambled the table) is scanned for labels
anywhere in a line. Both become one token stream — labels and value fragments — paired by
:func:`pair_header`, which then repairs what scrambling does to such tables:

- an orphan line (no label) continues the pair whose value dangles ("… à la", "DUCOS-"), else
  the first empty pair of the last line that held several labels (two label│value columns
  printed side by side wrap into one line), else the last pair;
- a label wrapped over two lines ("Durée de résidence exigée" / "pour le recrutement sur
  titre (1) :") is recognised by its tail;
- a value that does not fit its label's type (a place under "Durée de résidence") moves to the
  free-text pair it most likely continues.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from dataclasses import field as dc_field

from avis.extract.confidence import PAIR_WINDOW, confidence
from avis.extract.lexicon import Label, Lexicon, Match
from avis.extract.normalize import FUNCTION_WORDS, clean_value, fold
from avis.extract.values import looks_like
from avis.layout import Line, Word, union_bbox

_DANGLING_WORDS = FUNCTION_WORDS


@dataclass(slots=True)
class Fragment:
    text: str
    line: Line


@dataclass(slots=True)
class Pair:
    """One label and the value fragments attached to it.

    ``field`` is a registry field name (:mod:`avis.fields`), or ``None`` for a label avis has
    no field for: its value goes to ``Notice.extra`` under the label's text.
    """

    field: str | None
    label: Label | None
    label_text: str
    label_lines: list[Line]
    line_no: int  # index of the header line where the label starts
    values: list[Fragment] = dc_field(default_factory=list)
    rule: str = "header.pair"
    confidence: float = 0.95

    def __post_init__(self) -> None:
        if self.field is not None and self.field.startswith("extra:"):
            # a label known to end the value above it, with no field of its own: its value goes
            # to the notice's extra, under the label as printed (lexicon.toml, "extra:Name")
            self.field = None
        if self.label is not None and self.label.fuzzy:
            self.confidence = min(self.confidence, confidence("label.fuzzy"))

    def relate(self, rule: str) -> None:
        """Name the relation that gave this pair its value; the confidence follows the table."""
        self.rule = rule
        self.confidence = min(self.confidence, confidence(rule))

    @property
    def extra_key(self) -> str:
        return clean_value(self.label_text)

    @property
    def vtype(self) -> str:
        return self.label.vtype if self.label else "text"

    @property
    def value(self) -> str:
        return clean_value(join_fragments(self.values))

    @property
    def lines(self) -> list[Line]:
        seen: list[Line] = []
        for f in self.values:
            if not any(f.line is s for s in seen):
                seen.append(f.line)
        return seen


_CUT_AFTER_HYPHEN = re.compile(r"[^\W\d_]-$")
_CUT_AFTER_ANY = re.compile(r"[^\W_]-$")  # "2025-" / "2028" too


def join_printed(texts: list[str], lines: list[Line]) -> str:
    """Join the wrapped lines of one value with a space, except after a word cut at its own
    hyphen ("médico-" / "social"; on a printed line also before a capital: "Nouvelle-" /
    "Calédonie"): word processors break lines there, and do not hyphenate unless asked. A
    typed "DUCOS-" / "NOUMEA" keeps its break as typed."""
    out = ""
    for i, raw in enumerate(texts):
        text = raw.strip()
        if not text:
            continue
        if out:
            prev = lines[i - 1] if 0 < i <= len(lines) else None
            printed_break = (
                prev is not None
                and i < len(lines)
                and prev.origin in ("text_layer", "docx")
                and prev is not lines[i]
            )
            glued = (
                printed_break and _CUT_AFTER_ANY.search(out) is not None and text[:1].isalnum()
            ) or (_CUT_AFTER_HYPHEN.search(out) is not None and text[:1].islower())
            out += "" if glued else " "
        out += text
    return out


def join_fragments(frags: list[Fragment]) -> str:
    """The fragments of a value as one text (:func:`join_printed`)."""
    return join_printed([f.text for f in frags], [f.line for f in frags])


def dangles(text: str) -> bool:
    """True when a value visibly continues on another line ("… de la", "DUCOS-", "(")."""
    t = text.rstrip()
    if not t:
        return False
    if t.endswith(("-", "(", "/", "–", "_", "&", ",")):
        return True
    words = fold(t).split()  # folding may leave nothing (a lone combining accent)
    return bool(words) and words[-1].split("'")[-1] in _DANGLING_WORDS


# Separators between "Label : value" segments of one prose line.
_SEGMENT_ENDS = ("–", "—", ";", "|", "•")


def accept_label(match: Match, line: Line, text: str) -> bool:
    """A label counts only when it is clearly a label.

    Weak wordings ("Direction", "Commune") are common words: they need a colon, bold type or
    the label column, even at a line start ("Commune de Koné" in a title block is no label).
    """
    if match.label.start_only and match.start > 0 and line.col != 0:
        # "In SITE: …" is a sentence, not a label; "… – Site : Bourail" starts a segment.
        if not (match.colon and text[: match.start].rstrip().endswith(_SEGMENT_ENDS)):
            return False
    if match.colon or line.col == 0:
        return True
    if match.start == 0 and not text[match.end :].strip(" :"):
        return True  # the whole line is the label (label above its value, as in scans)
    if match.label.weak:
        return is_bold_span(line, text, match.start, match.end)
    if match.start == 0:
        return True
    if match.label.kind == "header" and len(match.label.folded) > 8:
        return True
    return is_bold_span(line, text, match.start, match.end)


def _join_lines(lines: list[Line]) -> Line:
    first = lines[0]
    return Line(
        text=" ".join(ln.text for ln in lines),
        words=[w for ln in lines for w in ln.words],
        bbox=union_bbox([ln.bbox for ln in lines]),
        page=first.page,
        origin=first.origin,
        conf=min(ln.conf for ln in lines),
        bold=all(ln.bold for ln in lines),
        col=0,
        row=first.row,
        block=first.block,
    )


def merge_label_cells(lines: list[Line], lexicon: Lexicon) -> list[Line]:
    """Join the lines of each label cell and put every value right after its own label.

    A wrapped label ("Condition de durée de" / "résidence pour le" / "recrutement…") matches
    the lexicon only as a whole. Ruled tables give rows; in a borderless table the label's lines
    are joined while they still spell the start of a known wording, and each value line goes to
    the label it faces vertically (values are often centred on a two-line label).
    """
    out: list[Line] = []
    i = 0
    while i < len(lines):
        if lines[i].col is None:
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].col is not None and lines[j].page == lines[i].page:
            j += 1
        out.extend(_merge_table_run(lines[i:j], lexicon))
        i = j
    return out


def _merge_table_run(run: list[Line], lexicon: Lexicon) -> list[Line]:
    labels = [ln for ln in run if ln.col == 0]
    values = [ln for ln in run if ln.col != 0]
    if not labels:
        return run
    groups: list[list[Line]] = []
    for ln in labels:
        if groups and _same_cell(groups[-1], ln, lexicon):
            groups[-1].append(ln)
        else:
            groups.append([ln])
    # A value goes to the label cell of its row when rows are known, else to the one it faces.
    placed: dict[int, list[Line]] = {k: [] for k in range(len(groups))}
    every_row = all(ln.row is not None for ln in run)
    for v in values:
        k = next((k for k, g in enumerate(groups) if v.row is not None and g[0].row == v.row), None)
        if k is None:
            k = len(groups) - 1 if every_row else _facing_group(groups, v, run)
        placed[k].append(v)
    out: list[Line] = []
    for k, group in enumerate(groups):
        out.append(_join_lines(group) if len(group) > 1 else group[0])
        out.extend(placed.get(k, []))
    return out


_LEADER_END = re.compile(r"(?:\.{3,}|…)\s*:?\s*$")


def _same_cell(group: list[Line], line: Line, lexicon: Lexicon) -> bool:
    prev = group[-1]
    if line.row is not None or prev.row is not None:
        return line.row == prev.row
    if prev.text.rstrip().endswith(":") or _LEADER_END.search(prev.text):
        return False  # a colon or leader dots close the label cell ("… SUR TITRE (1) ...")
    m = lexicon.matcher(("header", "inline")).match_start(prev.text)
    if m is not None and (m.leader or m.colon):
        return False  # "RÉFÉRENCE ........" is a whole label cell
    # Leader dots and the colon close the label ("HIERARCHIQUE DIRECT ... :"): not its words.
    both = re.sub(r"\.{2,}|…", " ", " ".join(ln.text for ln in [*group, line]))
    joined = " ".join(fold(both).replace(":", " ").split())
    joined = re.sub(r"\s*\(\s*\d\s*\)\s*$", "", joined)
    if lexicon.is_label_prefix(joined) or lexicon.is_label_prefix(lexicon.repaired(joined)):
        return True
    alone = lexicon.matcher(("header", "inline")).match_start(line.text)
    if alone is not None and alone.start == 0 and not line.text[alone.end :].strip(" :.…"):
        # A whole label of its own ("Date lim. dépôt", or "POSTF A POURVOIR" read through
        # OCR damage), however close it sits.
        return False
    own_start = lexicon.is_label_prefix(" ".join(fold(line.text).split()))
    return not own_start and line.block == prev.block


def _facing_group(groups: list[list[Line]], value: Line, run: list[Line]) -> int:
    """The label group a value line faces: vertical overlap, else the label printed before it."""
    if value.bbox is not None:
        best, best_k = 0.0, None
        for k, g in enumerate(groups):
            box = union_bbox([ln.bbox for ln in g])
            if box is None:
                continue
            overlap = min(box[3], value.bbox[3]) - max(box[1], value.bbox[1])
            if overlap > best:
                best, best_k = overlap, k
        if best_k is not None:
            return best_k
    position = run.index(value)
    before = [k for k, g in enumerate(groups) if run.index(g[0]) < position]
    return before[-1] if before else 0


def is_bold_span(line: Line, text: str, start: int, end: int) -> bool:
    """Whether the words covering [start, end) of the line's text are bold."""
    if not line.words:
        return False
    ats, ends, plain, missing = _word_spans(line, text)
    # Words are found left to right, so both offset lists are sorted: the words scanned up to
    # the first one at or after ``end`` are the ones the span can overlap.
    k = bisect.bisect_left(ats, end)
    if k == len(ats) and missing:
        return False  # a word of the line is not in the text: no judgement
    first = bisect.bisect_right(ends, start, 0, k)
    return first < k and plain[k] == plain[first]


_SPANS: list[tuple[Line, list[Word], int, str, tuple[list[int], list[int], list[int], bool]]] = []


def _word_spans(line: Line, text: str) -> tuple[list[int], list[int], list[int], bool]:
    """Offsets of the line's words in ``text`` (start, end), running count of non-bold words,
    and whether a word was not found (the scan stops there).

    Remembered for the last line asked about: every label candidate of a long line asks about
    the same line, and scanning its words each time was quadratic.
    """
    if _SPANS:
        c_line, c_words, c_len, c_text, spans = _SPANS[0]
        if c_line is line and c_words is line.words and c_len == len(line.words) and c_text is text:
            return spans
    ats: list[int] = []
    ends: list[int] = []
    plain = [0]
    pos = 0
    missing = False
    for word in line.words:
        at = text.find(word.text, pos)
        if at < 0:
            missing = True
            break
        pos = at + len(word.text)
        ats.append(at)
        ends.append(pos)
        plain.append(plain[-1] + (not word.bold))
    spans = (ats, ends, plain, missing)
    _SPANS[:] = [(line, line.words, len(line.words), text, spans)]
    return spans


def _label_tail(pairs: list[Pair], lexicon: Lexicon, text: str) -> tuple[Pair, int] | None:
    """Find a wrapped label's remainder at the start of ``text``; return its pair and length."""
    mark = re.match(r"^\s*\(\s*\d\s*\)\s*:?", text)
    if mark and pairs and pairs[-1].label is not None and not pairs[-1].values:
        return pairs[-1], mark.end()  # "… SUR TITRE" / "(1) : 10 ans": the footnote mark
    folded = fold(text)
    for pair in reversed(pairs[-PAIR_WINDOW:]):
        if pair.label is None or pair.field is None:
            continue
        done = " ".join(fold(pair.label_text).replace(":", " ").split())
        done = re.sub(r"\s*\(\s*\d\s*\)\s*$", "", done)
        for variant in lexicon.variants(pair.label.kind, pair.field):
            if not variant.startswith(done) or len(variant) <= len(done) + 2:
                continue
            tail = variant[len(done) :].strip()
            words = tail.split()
            # The line begins with the tail, whole or its first words — at least two of them,
            # or one long word, so that a value such as "à définir" is not taken for the
            # rest of "Poste à pourvoir à compter du".
            for n in range(len(words), 0, -1):
                chunk = words[:n]
                if n < len(words) and n < 2 and len(chunk[0]) < 5:
                    break
                pat = r"^\s*" + r"\s+".join(re.escape(w) for w in chunk)
                m = re.match(pat + r"(?!\w)(?:\s*\(\s*\d\s*\))?(?:\s*:)?", folded)
                if m:
                    return pair, _orig_len(text, m.end())
    return None


def _orig_len(text: str, folded_len: int) -> int:
    from avis.extract.normalize import fold_with_map

    folded, index = fold_with_map(text)
    if folded_len >= len(folded):
        return len(text)
    return index[folded_len]


def _new_sentence(target: Pair, frag: Fragment) -> bool:
    """A paragraph of its own that is a whole sentence, after a value that ended one."""
    if not target.values or not target.values[-1].text.rstrip().endswith("."):
        return False
    prev = target.values[-1].line
    text = frag.text.strip()
    # A paragraph of its own; in hard-wrapped plain text (one block per paragraph) a line
    # that is a whole sentence of four words or more.
    apart = (
        frag.line.block is not None
        and prev.block is not None
        and frag.line.block != prev.block
        and len(text.split()) >= 3
    ) or (frag.line.origin == "text" and prev.origin == "text" and len(text.split()) >= 4)
    return apart and text[:1].isupper() and text.endswith(".")


@dataclass(slots=True)
class HeaderResult:
    pairs: list[Pair]
    orphans: list[Fragment]


def pair_header(
    lines: list[Line], lexicon: Lexicon, relations: dict[int, str] | None = None
) -> HeaderResult:
    """Turn the header lines into label/value pairs (see the module docstring).

    ``relations`` names how geometry placed a value line (``below``, ``right-of``): the pair's
    rule says so.
    """
    relations = relations or {}
    matcher = lexicon.matcher(("header", "inline"))
    pairs: list[Pair] = []
    orphans: list[Fragment] = []
    label_lines: dict[int, list[Pair]] = {}  # header line index → pairs started on it
    by_row: dict[tuple[int, int], Pair] = {}

    def attach_orphan(frag: Fragment, idx: int) -> None:
        if not pairs:
            orphans.append(frag)
            return
        target = _orphan_target(pairs, label_lines, idx, frag.text)
        if _new_sentence(target, frag) or _left_of_label(target, frag):
            orphans.append(frag)  # "Grade : X." then "Le poste est basé à Y.": prose, not X's
            return
        if not target.values and target is pairs[-1]:
            target.relate("header.below")  # the label alone on its line, its value under it
        target.values.append(frag)
        if target is not pairs[-1]:
            target.relate("header.orphan-continuation")

    for idx, line in enumerate(lines):
        text = line.text
        if line.col == 1:
            # Value column of a table the reader recognised.
            key = (line.page, line.row) if line.row is not None else None
            target = by_row.get(key) if key else None
            if target is None and pairs:
                target = pairs[-1]
            if target is None:
                orphans.append(Fragment(text, line))
            else:
                if not target.values:
                    target.relate(f"header.{relations.get(id(line), 'right-of')}")
                target.values.append(Fragment(text, line))
            continue

        matches = [m for m in matcher.finditer(text) if accept_label(m, line, text)]
        start_at = 0
        tail = (
            _label_tail(label_lines.get(idx - 1, []) or pairs[-1:], lexicon, text)
            if pairs
            else None
        )
        if tail is not None and (not matches or matches[0].start >= tail[1]):
            owner, cut = tail
            owner.label_text += " " + text[:cut]
            owner.label_lines.append(line)
            start_at = cut
            matches = [m for m in matches if m.start >= cut]
            if not matches and not text[cut:].strip():
                continue
            # What follows a label tail belongs to that label, typed checks come later.
            if not matches:
                owner.values.append(Fragment(text[cut:], line))
                continue
            if text[cut : matches[0].start].strip():
                owner.values.append(Fragment(text[cut : matches[0].start], line))
            start_at = matches[0].start

        if line.col == 0 and not matches:
            # Label column text that is no known label: a wrapped label, or an unknown one.
            key = (line.page, line.row) if line.row is not None else None
            if key is not None and key in by_row:
                by_row[key].label_text += " " + text
                continue
            if pairs and not pairs[-1].values and key is None:
                pairs[-1].label_text += " " + text
                pairs[-1].label_lines.append(line)
                continue
            extra = Pair(None, None, text, [line], idx)
            pairs.append(extra)
            label_lines.setdefault(idx, []).append(extra)
            if key is not None:
                by_row[key] = extra
            continue

        if not matches:
            unknown = _bold_label(line, text, start_at)
            if unknown is not None:
                # "**Job family:** BAP E": a label in bold no wording of the lexicon names —
                # it ends the value above it, its own value goes to extra
                extra = Pair(None, None, text[unknown[0] : unknown[1]], [line], idx)
                if text[unknown[2] :].strip():
                    extra.values.append(Fragment(text[unknown[2] :], line))
                pairs.append(extra)
                label_lines.setdefault(idx, []).append(extra)
                continue
            frag = Fragment(text[start_at:], line)
            if frag.text.strip():
                attach_orphan(frag, idx)
            continue

        before = text[start_at : matches[0].start]
        if before.strip() and (
            line.col == 0 or (line.bold and is_bold_span(line, text, start_at, matches[0].end))
        ):
            # "Condition de durée de résidence…": unknown words of the same label cell/run.
            first = matches[0]
            matches[0] = Match(
                first.label, start_at + len(before) - len(before.lstrip()), first.end, first.colon
            )
        elif before.strip():
            attach_orphan(Fragment(before, line), idx)
        for i, m in enumerate(matches):
            end = matches[i + 1].start if i + 1 < len(matches) else len(text)
            pair = Pair(m.label.field, m.label, text[m.start : m.end], [line], idx)
            value = text[m.end : end]
            grown, _ = lexicon.grow(m.label, pair.label_text, value)
            if grown:
                pair.label_text += " " + value[:grown]
                value = value[grown:]
            if value.strip(" :"):
                pair.values.append(Fragment(value, line))
                pair.relate("header.leader" if m.leader else "header.inline")
            pairs.append(pair)
            label_lines.setdefault(idx, []).append(pair)
            if line.col == 0 and line.row is not None:
                by_row[(line.page, line.row)] = pair

    _fix_types(pairs)
    return HeaderResult(pairs, orphans)


_BOLD_LABEL = re.compile(r"\s*([A-ZÀ-Ý][^:]{1,60}?)\s*:\s*")


def _bold_label(line: Line, text: str, start: int) -> tuple[int, int, int] | None:
    """(start, end) of a bold "Label:" opening the text at ``start`` and where its value
    begins; None when the text does not open with one (a sentence, a plain line)."""
    m = _BOLD_LABEL.match(text, start)
    if m is None or len(m.group(1).split()) > 6 or not line.words:
        return None
    if not is_bold_span(line, text, m.start(1), m.end(1)):
        return None
    return m.start(1), m.end(1), m.end()


def _left_of_label(pair: Pair, frag: Fragment) -> bool:
    """Text wholly left of where the label starts goes on none of its values: a value wraps
    under its label or right of it, never before it. Left of a label column stand the cells
    that group rows ("IDENTIFICATION DU POSTE", "CALENDRIER" merged over several rows)."""
    box = frag.line.bbox
    starts = [
        ln.bbox[0] for ln in pair.label_lines if ln.bbox is not None and ln.page == frag.line.page
    ]
    return box is not None and bool(starts) and box[2] < min(starts) - 2


def _orphan_target(
    pairs: list[Pair], label_lines: dict[int, list[Pair]], idx: int, text: str
) -> Pair:
    """Choose which pair an unlabelled fragment continues."""
    last_label_line = max(label_lines) if label_lines else None
    recent = label_lines.get(last_label_line, []) if last_label_line is not None else []
    # 1. A value that visibly continues ("… à la", "DUCOS-") takes the fragment.
    for pair in reversed(pairs[-PAIR_WINDOW:]):
        if pair.values and dangles(pair.value) and pair.vtype == "text":
            return pair
    # 2. Two label│value columns side by side: the wrapped left value, or an empty one.
    if len(recent) >= 2 and last_label_line is not None and idx - last_label_line <= 2:
        for pair in recent:
            if not pair.values and looks_like(pair.vtype, text):
                return pair
        text_pairs = [p for p in recent if p.vtype == "text"]
        starts_lower = text.strip()[:1].islower()
        if text_pairs and starts_lower:
            return text_pairs[0]
    # 3. Otherwise the last label goes on.
    return pairs[-1]


def _move_score(item: tuple[int, Pair], pair: Pair, i: int) -> tuple[int, int]:
    """Rank a free-text pair as the home of fragments that do not fit ``pair``'s type."""
    j, cand = item
    s = 0
    if cand.values and dangles(cand.value):
        s += 3
    if cand.line_no == pair.line_no:
        s += 2  # printed beside it: scrambled side-by-side columns
    if cand.values:
        s += 1
    return (s, -abs(j - i))


def _fix_types(pairs: list[Pair]) -> None:
    """Move value fragments that cannot belong to a typed label to a free-text neighbour."""
    for i, pair in enumerate(pairs):
        if pair.vtype == "text" or not pair.values:
            continue
        if looks_like(pair.vtype, pair.value):
            continue
        # Keep the longest leading run of fragments that fits; move the rest.
        keep: list[Fragment] = []
        for frag in pair.values:
            if looks_like(pair.vtype, " ".join(f.text for f in [*keep, frag])):
                keep.append(frag)
        moved = [f for f in pair.values if f not in keep]
        if not moved:
            continue
        window = [
            (j, c)
            for j, c in enumerate(
                pairs[max(0, i - PAIR_WINDOW) : i + 3], start=max(0, i - PAIR_WINDOW)
            )
            if c is not pair and c.vtype == "text" and c.field is not None
        ]
        if not window:
            continue

        target = max(window, key=functools.partial(_move_score, pair=pair, i=i))[1]
        pair.values = keep
        target.values.extend(moved)
        target.relate("header.type-repair")
