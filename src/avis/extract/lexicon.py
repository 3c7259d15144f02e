"""Load the label lexicon (lexicon.toml) and find its labels in lines of text."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from avis.extract.normalize import fold, fold_with_map


@dataclass(frozen=True, slots=True)
class Label:
    kind: str  # "header", "section" or "inline"
    field: str
    text: str  # the wording as written in the lexicon
    folded: str
    vtype: str = "text"
    weak: bool = False
    prefix: bool = False  # the wording is the sub-heading of the section's items
    start_only: bool = False  # a label only where a line or cell starts ("Site")
    fuzzy: bool = False  # found in OCR-damaged text by edit distance, not by its wording


@dataclass(frozen=True, slots=True)
class Match:
    label: Label
    start: int  # offsets in the original (unfolded) text
    end: int  # end of the label, after a trailing "(1)" and ":" when present
    colon: bool  # the label was followed by ":" or leader dots
    leader: bool = False  # … by leader dots ("Référence ........ 3134-…")


#: Words an abbreviated wording drops ("Date lim. dépôt" for "Date limite de dépôt",
#: "Réf. offre" for "Référence de l'offre").
_DROPPABLE = frozenset({"de", "des", "du", "d", "l", "la", "le", "les"})


def _word(token: str, abbreviations: dict[str, tuple[str, ...]], cut: bool = True) -> str:
    """Regex for one word of a label: plural or singular, cut short with a dot ("lim.",
    "candid."), or one of its abbreviations from the lexicon ("nb" for "nombre")."""
    if not (token.isalpha() and len(token) >= 3):
        return re.escape(token)
    # Singular and plural alike: "profil(s) recherche(s)", "savoir(s)".
    stem = token[:-1] if token[-1] in "sx" and len(token) > 3 else token
    forms = [re.escape(stem) + "[sx]?"]
    if cut and len(token) >= 5:
        # A prefix of three letters or more, then a dot: "lim." or "limi." for "limite".
        rest = token[3:-1]
        nested = "".join("(?:" + re.escape(c) for c in rest) + ")?" * len(rest)
        forms.append(re.escape(token[:3]) + nested + "\\.")
    forms.extend(re.escape(a) + "\\.?" for a in abbreviations.get(token, ()))
    return forms[0] if len(forms) == 1 else "(?:" + "|".join(forms) + ")"


def _pattern(folded: str, abbreviations: dict[str, tuple[str, ...]] | None = None) -> str:
    """Regex for a folded label: flexible spacing, around '/', '-' and apostrophes; words
    abbreviated, and small words dropped as abbreviated wordings do."""
    abbreviations = abbreviations or {}
    tokens = [t for t in re.split(r"(\s+|/|'|-|\(|\))", folded) if t]
    # Only a wording of several words is cut short ("Date lim."): "Tél." is no "Télétravail".
    cut = len(folded.split()) >= 2
    parts: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if token.isspace():
            parts.append(r"\s+")
        elif token == "/":
            parts.append(r"\s*/\s*")
        elif token == "'":
            parts.append(r"\s*'\s*")
        elif token == "-":
            parts.append(r"\s*-?\s*")
        elif token in "()":
            parts.append(r"\s*" + re.escape(token) + r"\s*")
        elif (
            token in _DROPPABLE and parts and (nxt.isspace() or nxt == "'") and i + 2 < len(tokens)
        ):
            sep = r"\s*'\s*" if nxt == "'" else r"\s+"
            parts.append("(?:" + re.escape(token) + sep + ")?")
            i += 2
            continue
        else:
            parts.append(_word(token, abbreviations, cut))
        i += 1
    body = "".join(parts)
    body = re.sub(r"(\\s\+|\\s\*)+", lambda m: r"\s*" if "*" in m.group(0) else r"\s+", body)
    return body


@dataclass(frozen=True)
class Lexicon:
    labels: tuple[Label, ...]
    boilerplate_titles: tuple[str, ...]
    list_notes: tuple[str, ...]
    #: value wordings ([values] of lexicon.toml), folded: ``words["residence_none"]``
    words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: folded word → its abbreviations ([abbreviations] of lexicon.toml): "nombre" → "nb"
    abbreviations: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: header facts written as sentences ([prose] of lexicon.toml), folded (extract/prose.py)
    prose: dict = field(default_factory=dict)

    @classmethod
    def from_toml(cls, text: str) -> Lexicon:
        return cls.from_toml_data(tomllib.loads(text))

    @classmethod
    def from_toml_data(cls, data: dict) -> Lexicon:
        labels: list[Label] = []
        for kind in ("header", "section", "inline"):
            for name, spec in data.get(kind, {}).items():
                weak = {fold(w) for w in spec.get("weak", [])}
                prefix = {" ".join(fold(w).split()) for w in spec.get("prefix", [])}
                start_only = {" ".join(fold(w).split()) for w in spec.get("start_only", [])}
                for wording in spec["labels"]:
                    f = " ".join(fold(wording).split())
                    vtype = spec.get("type", "text")
                    labels.append(
                        Label(
                            kind, name, wording, f, vtype, f in weak, f in prefix, f in start_only
                        )
                    )
        boiler = data.get("boilerplate", {})
        words = {
            key: tuple(" ".join(fold(w).split()) for w in wordings)
            for key, wordings in data.get("values", {}).items()
        }
        return cls(
            labels=tuple(labels),
            boilerplate_titles=tuple(fold(t) for t in boiler.get("titles", [])),
            list_notes=tuple(fold(t) for t in boiler.get("list_notes", [])),
            words=words,
            abbreviations={
                fold(k): tuple(fold(a) for a in v) for k, v in data.get("abbreviations", {}).items()
            },
            prose=_fold_prose(data.get("prose", {})),
        )

    def __hash__(self) -> int:
        return id(self)

    def __eq__(self, other: object) -> bool:
        return self is other

    def matcher(self, kinds: tuple[str, ...]) -> LabelMatcher:
        return _matcher(self, kinds)

    def variants(self, kind: str, field: str) -> list[str]:
        return list(_variants(self).get((kind, field), ()))

    def label_as_value(self, path: str, value: str) -> str | None:
        """The label of another field that a value is, or starts with (a scalar), if any.

        "LIEU DE TRAVAIL POSTE À POURVOIR" as the employer is two labels, not a value. A value
        may start with its own field's wording ("Cadre d'emplois des attachés" as the corps),
        and weak or one-word wordings ("Service des routes") are common words, so neither counts.
        """
        from avis.fields import FIELDS

        owner = next((s for s in FIELDS if path.split("[")[0] in s.outputs), None)
        own = owner.name if owner else path
        folded = " ".join(fold(value).strip(" :.").split())
        for lb in _by_folded(self).get(folded, ()):
            if lb.field != own and not lb.field.startswith("group:"):
                return lb.text
        if owner is None or owner.shape != "scalar":
            return None
        m = self.matcher(("header", "inline")).match_start(value)
        if (
            m is not None
            and m.start == 0
            and m.label.field != own
            and not m.label.weak
            and len(m.label.folded.split()) >= 2
        ):
            return m.label.text
        return None

    def is_label_prefix(self, folded: str) -> bool:
        """Whether folded text is a whole label wording or the start of one; a word cut short
        with a dot ("date lim. de" for "date limite de candidature") counts as its word."""
        if not folded:
            return False
        if folded in _prefixes(self):
            return True
        return "." in folded and _abbreviated_prefix(self, tuple(folded.split()))

    def repaired(self, folded: str) -> str:
        """Folded text with words OCR damaged put back to the lexicon's ("duréc" → "duree");
        see :meth:`LabelMatcher.fuzzy_start`."""
        return self.matcher(("header", "inline"))._repair(folded)

    def grow(self, label: Label, label_text: str, following: str) -> tuple[int, list[str]]:
        """How much of ``following`` is really more of the label (a longer wording cut short).

        "Durée de résidence exigée pour le recrutement sur" matched a shorter wording; "sur" is
        the start of "sur titre (1)" on the next line, not a value. Returns the length to move
        into the label and the wording's words still expected on the next line.
        """
        if not following.strip():
            return 0, []
        done = " ".join(fold(label_text).replace(":", " ").split())
        words = following.split()
        best, rest = 0, []
        for variant in self.variants(label.kind, label.field):
            if not variant.startswith(done + " "):
                continue
            tail = variant[len(done) :].split()
            n = 0
            while n < len(words) and n < len(tail) and fold(words[n]).strip(":") == tail[n]:
                n += 1
            whole = n == len(words) or (n and words[n].startswith((":", "(")))
            if (whole or n >= 2) and n > best:
                best, rest = n, tail[n:]
        if best == 0:
            return 0, []
        pos = 0
        for w in words[:best]:
            pos = following.index(w, pos) + len(w)
        return pos, rest


def _fold_prose(data: dict) -> dict:
    """The [prose] table with every wording folded like the text it is matched on."""
    return {
        "stops": tuple(fold(w) for w in data.get("stops", [])),
        "sentence_fields": tuple(data.get("sentence_fields", [])),
        "wordings": {
            name: tuple(" ".join(fold(w).split()) for w in wordings)
            for name, wordings in data.get("wordings", {}).items()
        },
    }


class LabelMatcher:
    """One alternation regex over many labels, longest wording first."""

    # After a label: a footnote mark, then a colon or leader dots ("........", "…", ". . .",
    # "____"), which say "a value follows" as clearly as a colon does.
    _SUFFIX = (
        r"(?P<tail>\s*(?:\(\s*\d\s*\)|\*)?\s*"
        r"(?P<colon>:|(?:(?:\.\s?){3,}|…+|_{3,})\s*:?)?)"
    )

    def __init__(
        self, labels: list[Label], abbreviations: dict[str, tuple[str, ...]] | None = None
    ) -> None:
        ordered = sorted(labels, key=lambda lb: -len(lb.folded))
        self._labels = ordered
        groups = [f"(?P<l{i}>{_pattern(lb.folded, abbreviations)})" for i, lb in enumerate(ordered)]
        # When every wording starts with a letter or digit, a lookahead on those first
        # characters skips the hundreds of alternatives at every other position (a line of
        # ": : : …" took seconds per 100 kB); it changes no match.
        guard = ""
        if ordered and all(lb.folded[:1].isalnum() for lb in ordered):
            firsts = sorted({lb.folded[0] for lb in ordered})
            guard = "(?=[" + "".join(re.escape(c) for c in firsts) + "])"
        # At a word start, only the wordings that can begin with its first character are
        # tried: one branch per first character, each keeping the wordings' order, so the
        # wording found is the one the plain alternation finds (re tries every alternative of
        # a branch in turn, and hundreds of them at every word was most of the matching).
        starts = [_first_chars(lb.folded, abbreviations or {}) for lb in ordered]
        if all(len(c) == 1 for c in starts):
            by_first: dict[str, list[str]] = {}
            for c, group in zip(starts, groups, strict=True):
                by_first.setdefault(next(iter(c)), []).append(group)
            groups = [f"(?={re.escape(c)})(?:" + "|".join(gs) + ")" for c, gs in by_first.items()]
        # The suffix always matches (all of it is optional), so it is matched apart, after the
        # label: the label regex then has one group per wording and ``lastgroup`` names the
        # wording found (``groupdict`` built a dict of hundreds of groups per match).
        self._regex = re.compile(
            r"(?<![\w'])" + guard + "(?:" + "|".join(groups) + r")(?![\w]|-\d)"
        )
        self._suffix = re.compile(self._SUFFIX)
        # Several rules ask for the label at the start of the same line: answers are kept
        # (a Match is immutable), for lines of ordinary length.
        self._starts = lru_cache(maxsize=2048)(self._match_start)
        # Wordings a damaged label may be matched to: neither weak (common words) nor
        # start-only, and long enough that one edit does not reach another word.
        self._fuzzy: dict[str, list[tuple[str, Label, int]]] = {}
        for lb in ordered:
            if not (lb.weak or lb.start_only) and len(key := ocr_key(lb.folded)) >= _FUZZY_MIN:
                self._fuzzy.setdefault(key[0], []).append((key, lb, _budget(len(key))))
        # Lines are asked about many times (zones, grids, pairs): each is read once (bounded,
        # like the answers of match_start).
        self._fuzzy_seen = lru_cache(maxsize=20000)(self._fuzzy_start)
        self._near_seen = lru_cache(maxsize=20000)(self._nearest_word)
        self._max_words = 1 + max((len(lb.folded.split()) for lb in ordered), default=0)
        self._vocab = frozenset(
            w for lb in ordered for w in re.split(r"[^\w°]+", lb.folded) if len(w) >= 4
        )
        self._vocab_keys: dict[str, list[tuple[str, str]]] = {}
        for word in sorted(self._vocab):
            key = ocr_key(word)
            self._vocab_keys.setdefault(key[:1], []).append((word, key))

    def _tail(self, m: re.Match[str], folded: str) -> re.Match[str]:
        tail = self._suffix.match(folded, m.end())
        assert tail is not None
        return tail

    def _match(
        self, m: re.Match[str], tail: re.Match[str], text: str, index: tuple[int, ...]
    ) -> Match:
        assert m.lastgroup is not None
        label = self._labels[int(m.lastgroup[1:])]
        start = index[m.start()]
        end = index[tail.end() - 1] + 1 if tail.end() > m.start() else start
        while end > start and text[end - 1].isspace():
            end -= 1
        colon = tail.group("colon")
        return Match(label, start, end, colon is not None, bool(colon) and colon.strip() != ":")

    def finditer(self, text: str) -> list[Match]:
        folded, index = fold_with_map(text)
        found: list[Match] = []
        pos = 0
        while (m := self._regex.search(folded, pos)) is not None:
            tail = self._tail(m, folded)
            found.append(self._match(m, tail, text, index))
            pos = tail.end()
        lead = len(text) - len(text.lstrip())
        if not found or found[0].start > lead or not found[0].colon:
            # A damaged label where the line starts (see fuzzy_start).
            damaged = self.fuzzy_start(text[lead:])
            if damaged is not None and (
                not found or found[0].start > lead or _longer(damaged, lead, found[0])
            ):
                end = damaged.end + lead
                head = Match(damaged.label, lead, end, damaged.colon, damaged.leader)
                found = [head, *(m for m in found if m.start >= end)]
        return found

    def match_start(self, text: str) -> Match | None:
        """A label at the very start of the text (after bullets or numbering)."""
        return self._starts(text) if len(text) <= 512 else self._match_start(text)

    def _match_start(self, text: str) -> Match | None:
        # "5." (OCR: "5,"), "2)", "IV -", "B." — numbering schemes of section headings.
        stripped = _NUMBERING.match(text)
        offset = stripped.end() if stripped else 0
        rest = text[offset:]
        folded, index = fold_with_map(rest)
        # Only a match at the start counts: the leftmost match finditer would give first is
        # the one ``match`` gives (searching the whole line was quadratic on long lines).
        m = self._regex.match(folded)
        found = self._match(m, self._tail(m, folded), rest, index) if m is not None else None
        if found is not None and found.start != 0:
            found = None
        if found is None or not found.colon:
            # A damaged label ("DATE LlMITE :", "Lieu de travaii") only where text is shaped
            # like a label, and only when the wording found (if any) stops short of its colon.
            damaged = self.fuzzy_start(rest)
            if damaged is not None and (found is None or _longer(damaged, 0, found)):
                found = damaged
        if found is None:
            return None
        return Match(
            found.label, found.start + offset, found.end + offset, found.colon, found.leader
        )

    def _nearest(self, token: str) -> str | None:
        """The one wording word within OCR distance of ``token`` (the closest), if any."""
        return self._near_seen(token)

    def _nearest_word(self, token: str) -> str | None:
        key = ocr_key(token)
        budget = 1 if len(key) < 8 else 2
        near: dict[int, set[str]] = {}
        for word, wkey in self._vocab_keys.get(key[:1], ()):
            if abs(len(wkey) - len(key)) <= budget:
                d = Levenshtein.distance(wkey, key, score_cutoff=budget)
                if d <= budget:
                    near.setdefault(d, set()).add(word)
        closest = near[min(near)] if near else set()
        return closest.pop() if len(closest) == 1 else None

    def _repair(self, folded: str) -> str:
        """Each word no wording holds, replaced by the one wording word within OCR distance
        ("datf" → "date", "1imite" → "limite"), or two pieces of a word split by a stray space
        joined ("can didature"); abbreviations and dropped words stay for the regex to read."""
        tokens = _WORD_SPLIT.split(folded)
        out: list[str] = []
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if token and token not in self._vocab and (token[0].isalpha() or len(token) >= 4):
                if (
                    i + 2 < len(tokens)
                    and tokens[i + 1] == " "
                    and tokens[i + 2] not in self._vocab
                    and len(token + tokens[i + 2]) >= 6
                ):
                    joined = self._nearest(token + tokens[i + 2])
                    if joined is not None:
                        out.append(joined)
                        i += 3
                        continue
                if len(token) >= 4:
                    token = self._nearest(token) or token
            out.append(token)
            i += 1
        return "".join(out)

    def fuzzy_start(self, text: str) -> Match | None:
        """A label with light OCR damage at the start of label-shaped text: the text before a
        colon or leader dots, or a whole short line (a label cell). Bounded edit distance, after
        the confusions OCR makes are folded together (l/I/1, rn/m, 0/o); ties between two
        fields and ordinary sentences match nothing. The label is marked ``fuzzy``."""
        return self._fuzzy_seen(text)

    def _fuzzy_start(self, text: str) -> Match | None:
        if not text[:1].isalnum():
            return None  # "/ conditions d'exercice" continues a heading, it opens no label
        cut = _label_end(text, _FUZZY_SPAN + 8)
        if cut is not None and cut[0] <= _FUZZY_SPAN:
            segment, end, colon = text[: cut[0]], cut[1], True
            leader = text[cut[0] : cut[1]].strip() != ":"
        elif len(text) <= _FUZZY_LINE and not text.rstrip()[-1:].isdigit():
            # A whole short line (a label cell); a digit at its end is a value glued to it.
            segment, end, colon, leader = text, len(text.rstrip()), False, False
        else:
            return None
        if ")" in segment:
            segment = _FOOTNOTE.sub("", segment)  # a footnote mark "(1)"
        # A number standing alone is a value, not a damaged letter ("1imite", "p0ur").
        if len(segment.split()) > self._max_words or _NOT_LABEL.search(segment):
            return None
        folded = " ".join(fold(segment).split())
        repaired = self._repair(folded)
        if repaired != folded:
            m = self._regex.match(repaired)
            tail = self._tail(m, repaired) if m is not None else None
            if m is not None and tail is not None and tail.end() >= len(repaired):
                index = tuple(range(len(repaired) + 1))
                label = self._match(m, tail, repaired, index).label
                return Match(replace(label, fuzzy=True), 0, end, colon, leader)
        key = ocr_key(folded)
        if len(key) < _FUZZY_MIN:
            return None
        best: list[tuple[int, Label]] = []
        for wording, lb, budget in self._fuzzy.get(key[0], ()):
            if abs(len(wording) - len(key)) > budget:
                continue
            d = Levenshtein.distance(wording, key, score_cutoff=budget)
            if d <= budget:
                best.append((d, lb))
        if not best:
            return None
        low = min(d for d, _ in best)
        fields = {lb.field for d, lb in best if d == low}
        if len(fields) != 1:
            return None  # two fields as near: a guess, not a reading
        label = next(lb for d, lb in best if d == low)
        return Match(replace(label, fuzzy=True), 0, end, colon, leader)


_LABEL_MARK = re.compile(r":|(?:\.\s?){3,}\s*:?|…+\s*:?|_{3,}\s*:?")
"""What ends a label: a colon, leader dots, an ellipsis or underscores (then maybe a colon)."""
_MARK_START = re.compile(r"[:._…]")
_FOOTNOTE = re.compile(r"\s*\(\s*\d\s*\)\s*$")
_NOT_LABEL = re.compile(r"(?<![^\W\d_])\d+(?![^\W\d_])|[@,;!?]")
"""A number standing alone, or punctuation no label holds."""
_WORD_SPLIT = re.compile(r"([^\w°]+)")
_NOT_KEY = re.compile(r"[^a-z0-9°]")


def _label_end(text: str, endpos: int) -> tuple[int, int] | None:
    """The span of the first label end in ``text[:endpos]`` with the white space before it
    (``\\s*`` then :data:`_LABEL_MARK`). A mark's first character is searched for, the mark
    matched there and the white space taken back: one pattern opening with ``\\s*`` is tried
    at every position of every line (most of the damaged-label matcher's time)."""
    pos = 0
    while (first := _MARK_START.search(text, pos, endpos)) is not None:
        at = first.start()
        m = _LABEL_MARK.match(text, at, endpos)
        if m is not None:
            while at > 0 and text[at - 1].isspace():
                at -= 1
            return at, m.end()
        pos = at + 1
    return None


_FUZZY_SPAN = 80  # a label is at most this long before its colon (the longest wording: 66)
_FUZZY_LINE = 60  # a whole line read as a label cell is at most this long
_FUZZY_MIN = 6  # shorter wordings are never matched by distance ("Lieu", "Réf.")
_OCR_SAME = str.maketrans({"1": "l", "i": "l", "|": "l", "0": "o"})


def _longer(damaged: Match, lead: int, exact: Match) -> bool:
    """A damaged label read up to its colon, or over a whole label-shaped line, wins over an
    exact wording that stops short of it ("DIRECTION / SERVlCE :" over the weak "Direction",
    "SAVOIR-ÊTRC" over "Savoir")."""
    return damaged.end + lead > exact.end and len(damaged.label.folded) > len(exact.label.folded)


def ocr_key(folded: str) -> str:
    """Folded text with what OCR confuses made equal: l/i/1, rn/m, o/0; no spaces or marks."""
    return _NOT_KEY.sub("", folded).replace("rn", "m").translate(_OCR_SAME)


def _budget(length: int) -> int:
    """Edits allowed for a wording of ``length`` key characters."""
    return 1 if length < 12 else 2 if length < 20 else 3


def _first_chars(folded: str, abbreviations: dict[str, tuple[str, ...]]) -> set[str]:
    """The characters :func:`_pattern`'s regex for a wording can start with: its own first
    one, and those of the first word's abbreviations ("nb" for "nombre")."""
    first = re.split(r"(\s+|/|'|-|\(|\))", folded)[0]
    if not first:
        return set()  # a wording starting with a separator: no single first character
    chars = {first[0]}
    if first.isalpha() and len(first) >= 3:
        chars |= {a[0] for a in abbreviations.get(first, ()) if a}
    return chars


_NUMBERING = re.compile(r"^[\s\-–•▪●*#]*(?:\d{1,2}\s*[.,)-]\s*|(?:[IVX]{1,4}|[A-Z])\s*[.)-]\s+)?")


@cache
def _matcher(lexicon: Lexicon, kinds: tuple[str, ...]) -> LabelMatcher:
    return LabelMatcher([lb for lb in lexicon.labels if lb.kind in kinds], lexicon.abbreviations)


@cache
def _prefixes(lexicon: Lexicon) -> frozenset[str]:
    """Every start of every wording: a set lookup instead of a scan of the lexicon."""
    return frozenset(lb.folded[:n] for lb in lexicon.labels for n in range(1, len(lb.folded) + 1))


@cache
def _variants(lexicon: Lexicon) -> dict[tuple[str, str], tuple[str, ...]]:
    """Each field's wordings by (kind, field), in lexicon order: looked up, not scanned."""
    out: dict[tuple[str, str], list[str]] = {}
    for lb in lexicon.labels:
        out.setdefault((lb.kind, lb.field), []).append(lb.folded)
    return {key: tuple(wordings) for key, wordings in out.items()}


@lru_cache(maxsize=4096)  # keyed by the words of a line: bounded, a long batch sees many
def _abbreviated_prefix(lexicon: Lexicon, words: tuple[str, ...]) -> bool:
    """Whether ``words`` spell the start of a wording with some words cut short ("lim.")."""
    for target in _wording_words(lexicon):
        if len(words) > len(target):
            continue
        ok = True
        for i, w in enumerate(words):
            t, last = target[i], i == len(words) - 1
            if w == t or (last and t.startswith(w)):
                continue
            if w.endswith(".") and len(w) >= 4 and t.startswith(w[:-1]):
                continue
            if w.rstrip(".") in lexicon.abbreviations.get(t, ()):
                continue
            ok = False
            break
        if ok:
            return True
    return False


@cache
def _wording_words(lexicon: Lexicon) -> tuple[list[str], ...]:
    """The words of every wording, split once (not at every line asked about)."""
    return tuple(lb.folded.split() for lb in lexicon.labels)


@cache
def _by_folded(lexicon: Lexicon) -> dict[str, list[Label]]:
    out: dict[str, list[Label]] = {}
    for lb in lexicon.labels:
        out.setdefault(lb.folded.strip(" :."), []).append(lb)
    return out


@cache
def default_lexicon() -> Lexicon:
    text = resources.files("avis.extract").joinpath("lexicon.toml").read_text(encoding="utf-8")
    return Lexicon.from_toml(text)


def load(extra_paths: tuple[Path, ...] = ()) -> Lexicon:
    """The packaged lexicon plus the users' wording files (``lexicon`` setting).

    An extra file has lexicon.toml's shape; its label wordings are added to the packaged ones
    (``[header.title] labels = ["Poste proposé"]``). A field avis does not know, or a file that
    is not TOML, is a UsageError naming the file.
    """
    if not extra_paths:
        return default_lexicon()
    return _load_with(tuple((str(p), _stamp(p)) for p in extra_paths))


def _stamp(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return -1.0


@cache
def _load_with(files: tuple[tuple[str, float], ...]) -> Lexicon:
    from avis.errors import UsageError

    base_text = resources.files("avis.extract").joinpath("lexicon.toml").read_text("utf-8")
    data = tomllib.loads(base_text)
    for name, _mtime in files:
        try:
            extra = tomllib.loads(Path(name).read_text(encoding="utf-8"))
        except OSError as exc:
            raise UsageError(f"cannot read the lexicon file {name}: {exc.strerror or exc}") from exc
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise UsageError(f"the lexicon file {name} is not valid TOML: {exc}") from exc
        for kind, fields in extra.items():
            if kind not in ("header", "section", "inline") or not isinstance(fields, dict):
                raise UsageError(
                    f"{name}: unknown table [{kind}]; a lexicon file holds [header.FIELD], "
                    "[section.FIELD] or [inline.FIELD] tables"
                )
            known = data.get(kind, {})
            for field_name, spec in fields.items():
                if field_name not in known:
                    raise UsageError(
                        f"{name}: [{kind}.{field_name}] is no field avis knows; known: "
                        + ", ".join(sorted(known))
                    )
                labels = spec.get("labels", []) if isinstance(spec, dict) else None
                if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
                    raise UsageError(f"{name}: [{kind}.{field_name}] labels must be a list of text")
                known[field_name]["labels"] = [*known[field_name]["labels"], *labels]
    return Lexicon.from_toml_data(data)
