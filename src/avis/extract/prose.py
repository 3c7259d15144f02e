"""Header facts written as sentences: "La Direction … recrute un(e) …, poste basé à …".

Some employers print no header table: the facts are in a paragraph above the first section.
The ``[prose]`` table of lexicon.toml lists, per field, wordings with a ``{}`` where the value
is printed; the value runs to the end of its clause (``[prose] stops``) and must fit the
field's value type. Only fields no label filled are taken from prose (lower confidence).
"""

from __future__ import annotations

import re
from functools import cache

from avis.extract.header import Fragment, Pair
from avis.extract.lexicon import Lexicon
from avis.extract.normalize import fold_with_map
from avis.extract.values import looks_like
from avis.fields import spec as field_spec
from avis.layout.model import Line

_MAX_WORDS = 14  # a prose value longer than this is a clause, not a name or a place


@cache
def _patterns(lexicon: Lexicon) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """One regex per wording, on folded text, capturing the value as ``v``."""
    data = lexicon.prose
    words = "|".join(re.escape(s) for s in data.get("stops", ()))
    opens = rf"\s+(?:{words})(?!\w)|" if words else ""
    clause = rf"(?={opens}\s*[,–]\s|\.\s|\.?\s*(?:$|\n)|;|\()"
    sentence = r"(?=\.\s|\.?\s*(?:$|\n)|;|\()"
    whole = set(data.get("sentence_fields", ()))
    out: list[tuple[str, re.Pattern[str]]] = []
    for name, wordings in data.get("wordings", {}).items():
        end = sentence if name in whole else clause
        for wording in wordings:
            before, _, after = wording.partition("{}")
            head = _flex(before) + (r"(?!\w)" if before.strip()[-1:].isalnum() else "")
            tail = _flex(after) + r"(?!\w)"
            if not before.strip():
                # "{} recrute": the value opens its clause.
                rx = rf"(?:^|[.;,:]\s+|\n)(?P<v>[^.;,:()\n]+?)\s+{tail}"
            elif not after.strip():
                rx = rf"(?<![\w']){head}\s*(?P<v>[^\n]+?){end}"
            else:
                rx = rf"(?<![\w']){head}\s*(?P<v>[^.;()\n]+?)\s*{tail}"
            out.append((name, re.compile(rx)))
    return tuple(out)


def _flex(text: str) -> str:
    """A folded wording as a regex with flexible spacing."""
    words = text.strip().split()
    return r"\s+".join(re.escape(w) for w in words)


def prose_pairs(lines: list[Line], lexicon: Lexicon, filled: set[str]) -> list[Pair]:
    """Pairs for the fields not in ``filled`` that sentences of ``lines`` state."""
    if not lines or not lexicon.prose:
        return []
    # Lines of one paragraph are joined by a space, paragraphs by a newline (a clause start).
    text = ""
    owners: list[tuple[int, Line]] = []
    prev: Line | None = None
    for line in lines:
        if prev is not None:
            same = line.block is not None and line.block == prev.block
            text += " " if same else "\n"
        owners.append((len(text), line))
        text += line.text.strip()
        prev = line
    folded, index = fold_with_map(text)
    pairs: list[Pair] = []
    done = set(filled)
    for name, rx in _patterns(lexicon):
        if name in done:
            continue
        spec = field_spec(name)
        for m in rx.finditer(folded):
            start, end = index[m.start("v")], index[m.end("v") - 1] + 1
            value = text[start:end].strip(" ,;:–-")
            if not value or len(value.split()) > _MAX_WORDS or not looks_like(spec.vtype, value):
                continue
            line = next(ln for off, ln in reversed(owners) if off <= start)
            pair = Pair(name, None, "", [line], 0, [Fragment(value, line)])
            pair.relate("header.prose")
            pairs.append(pair)
            done.add(name)
            break
    return pairs
