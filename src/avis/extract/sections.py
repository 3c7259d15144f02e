"""Split a notice into its zones and turn body sections into paragraphs or list items.

Zones: the title block (before the first header label), the header table, then the body:
sections opened by a heading from the lexicon ("Missions", "Savoir-faire"…) and inline
"Label : value" lines (organisation, job family). List items are re-joined when a bullet wraps
onto the next line, and split when a converter glued two entries together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field as dc_field

from avis.extract.grid import arrange_grids
from avis.extract.header import (
    Fragment,
    Pair,
    accept_label,
    dangles,
    is_bold_span,
    join_printed,
    merge_label_cells,
)
from avis.extract.lexicon import LabelMatcher, Lexicon, Match
from avis.extract.normalize import FUNCTION_WORDS, clean_item, clean_value, fold, fold_with_map
from avis.layout import Line, union_bbox

_ENUMERATOR = re.compile(r"^\s*(?:\d{1,2}\s*[.)-]|[A-Z]\s*[.)-]|[IVX]{1,4}\s*[.)-])\s*\S")
_FOOTNOTE = re.compile(r"^\s*(?:\(\d\)|\d\)|\*\s)")
_TERMINAL = (".", ";", "!", "?", ":", "…")


@dataclass(slots=True)
class Section:
    field: str
    heading: Line
    heading_text: str
    fragments: list[Fragment] = dc_field(default_factory=list)
    groups: list[str] = dc_field(default_factory=list)
    pending_tail: list[str] = dc_field(default_factory=list)  # heading words wrapped to next line
    prefix: bool = False  # the heading is the sub-heading of the items (lexicon "prefix")
    after: list[Fragment] = dc_field(default_factory=list)  # paragraphs that closed the list


@dataclass(slots=True)
class Zones:
    title_lines: list[Line]
    header_lines: list[Line]
    sections: list[Section]
    inline: list[Pair]
    dropped: list[Fragment]
    relations: dict[int, str] = dc_field(default_factory=dict)  # value line id → grid relation


def _heading_ok(m: Match, line: Line, text: str) -> bool:
    """A section label at a line start is a heading when it is marked as one; a line in lower
    case continues what is above it ("Date de clôture des" / "candidatures ..... : …")."""
    if text.lstrip(" -–•*#0123456789.)")[:1].islower():
        return False
    rest = text[m.end :].strip()
    if m.colon or line.heading is not None or line.bold or line.col == 0 or not rest:
        return True
    # A bold label followed by plain text: "**Missions** Le/la préposé(e)…"
    return is_bold_span(line, text, m.start, m.end)


def _longer_label(m: Match, text: str, header_m: LabelMatcher) -> bool:
    """ "Candidatures avant le" is a header label (the deadline), not the "Candidatures"
    section: the longer wording at the same place wins."""
    h = header_m.match_start(text)
    return h is not None and h.end > m.end


def _inline_ok(m: Match, line: Line, text: str) -> bool:
    return _heading_ok(m, line, text) or len(m.label.folded.split()) >= 3


def _arrange_flows(lines: list[Line], lexicon: Lexicon) -> tuple[list[Line], dict[int, str]]:
    """Header grids by geometry, each text flow on its own: a sidebar's labels (``flow`` 1)
    and the body's label│value rows beside them never mix."""
    if all(ln.flow == 0 for ln in lines):
        return arrange_grids(lines, lexicon)
    out: list[Line] = []
    relations: dict[int, str] = {}
    start = 0
    for i in range(1, len(lines) + 1):
        if i == len(lines) or lines[i].flow != lines[start].flow:
            arranged, rel = arrange_grids(lines[start:i], lexicon)
            out.extend(arranged)
            relations.update(rel)
            start = i
    return out, relations


def _ends_label(prev: Line, line: Line, header_m: LabelMatcher) -> bool:
    """ "DATE LIMITE DE" / "CANDIDATURE", "CLOTURE DES" / "CANDIDATURES : 21 août": the line
    goes on with a header label wrapped from the line before (a narrow label cell), it opens
    no section."""
    if prev.page != line.page or prev.col is not None:
        return False
    joined = prev.text.rstrip() + " " + line.text.strip()
    m = header_m.match_start(joined)
    return m is not None and m.end > len(prev.text.rstrip()) + 1


def _join_label_wraps(lines: list[Line], lexicon: Lexicon, header_m: LabelMatcher) -> list[Line]:
    """A line that is only the start of a label ("CLOTURE DES") joined with the next one
    that finishes it ("CANDIDATURES : 21 août"): a label wrapped in a narrow cell or box."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        text = line.text.rstrip()
        if (
            nxt is not None
            and line.col is None
            and nxt.col is None
            and nxt.page == line.page
            and lexicon.is_label_prefix(" ".join(fold(text).split()))
        ):
            own = header_m.match_start(text)
            joined = text + " " + nxt.text.strip()
            m = header_m.match_start(joined)
            if (own is None or own.end < len(text)) and m is not None and m.end > len(text) + 1:
                out.append(_joined_line(line, nxt, joined))
                i += 2
                continue
        out.append(line)
        i += 1
    return out


def _joined_line(a: Line, b: Line, text: str) -> Line:
    return Line(
        text=text,
        words=[*a.words, *b.words],
        bbox=union_bbox([a.bbox, b.bbox]),
        page=a.page,
        origin=a.origin,
        conf=min(a.conf, b.conf),
        heading=a.heading,
        bullet=a.bullet,
        bold=a.bold and b.bold,
        block=a.block,
        flow=a.flow,
    )


def split_zones(lines: list[Line], lexicon: Lexicon) -> Zones:
    lines, relations = _arrange_flows(lines, lexicon)
    lines = merge_label_cells(lines, lexicon)
    header_m = lexicon.matcher(("header",))
    section_m = lexicon.matcher(("section",))
    inline_m = lexicon.matcher(("inline",))

    # 1. Title block: lines before the first line holding a header label.
    header_start = None
    for i, line in enumerate(lines):
        start = header_m.match_start(line.text)
        if (
            line.col is not None
            or (start is not None and accept_label(start, line, line.text))
            or any(m.colon for m in header_m.finditer(line.text))
        ):
            header_start = i
            break
        if section_m.match_start(line.text) and i > 0:
            break
    if header_start is None:
        header_start = 0
        title_lines: list[Line] = []
    else:
        title_lines = lines[:header_start]

    # 2. Header: up to the first section heading.
    body_start = len(lines)
    for i in range(header_start, len(lines)):
        line = lines[i]
        if line.col is not None:
            continue
        m = section_m.match_start(line.text)
        if (
            m
            and _heading_ok(m, line, line.text)
            and not _longer_label(m, line.text, header_m)
            and not (i > header_start and _ends_label(lines[i - 1], line, header_m))
        ):
            body_start = i
            break
    header_lines = lines[header_start:body_start] if header_start < body_start else []
    header_lines = _join_label_wraps(header_lines, lexicon, header_m)
    if header_start >= body_start:
        title_lines = title_lines or lines[:body_start]

    # 3. Body.
    sections: list[Section] = []
    inline: list[Pair] = []
    dropped: list[Fragment] = []
    current: Section | Pair | None = None
    header_fields_seen = {m.label.field for ln in header_lines for m in header_m.finditer(ln.text)}
    for idx in range(body_start, len(lines)):
        line = lines[idx]
        text = line.text
        m = section_m.match_start(text)
        if (
            m
            and _heading_ok(m, line, text)
            and not _is_sub_heading_of(current, m, line)
            and not _longer_label(m, text, header_m)
        ):
            current = _open_section(m, line, text, section_m, sections, lexicon)
            continue
        im = inline_m.match_start(text)
        if im and _inline_ok(im, line, text):
            pair = Pair(im.label.field, im.label, text[im.start : im.end], [line], idx)
            rest = text[im.end :]
            if rest.strip(" :"):
                pair.values.append(Fragment(rest, line))
            pair.rule = "body.inline-label"
            inline.append(pair)
            current = pair
            continue
        hm = header_m.match_start(text)
        if (
            hm
            and not line.bullet
            and text[:1].isupper()
            and (
                hm.colon
                or (
                    not hm.label.weak
                    and (line.col == 0 or is_bold_span(line, text, hm.start, hm.end))
                )
            )
        ):
            # A header line displaced into the body by a converter: not part of a section.
            pair = Pair(hm.label.field, hm.label, text[hm.start : hm.end], [line], idx)
            if text[hm.end :].strip(" :"):
                pair.values.append(Fragment(text[hm.end :], line))
            pair.relate("body.displaced-header")
            if hm.label.field in header_fields_seen:
                dropped.append(Fragment(text, line))
            else:
                inline.append(pair)
            continue
        if line.col == 0 and not isinstance(current, Section):
            # An unknown label in a body label│value table: its own pair, not a value.
            pair = Pair(None, None, text, [line], idx)
            pair.rule = "body.table-label"
            inline.append(pair)
            current = pair
            continue
        if _FOOTNOTE.match(text) and not line.bullet:
            current = None
            dropped.append(Fragment(text, line))
            continue
        if isinstance(current, Section) and current.pending_tail:
            cut = _strip_tail(text, current.pending_tail)
            current.pending_tail = []
            if cut:
                current.heading_text += " " + text[:cut]
                text = text[cut:].strip()
                if not text:
                    continue
        if isinstance(current, Pair):
            current.values.append(Fragment(text, line))
        elif isinstance(current, Section):
            current.fragments.append(Fragment(text, line))
        else:
            dropped.append(Fragment(text, line))
    return Zones(title_lines, header_lines, sections, inline, dropped, relations)


def _ends_list(frag: Fragment, done: list[Line], lexicon: Lexicon) -> bool:
    """An unbulleted paragraph after a bulleted list (``done``: the list's lines) ends it.

    It is told from a wrapped item by its indentation (printed left of the items' text), by
    being a whole sentence in sentence case, or by opening the notice's closing: a contact or
    application wording ("Renseignements : …", "Les candidatures … sont à adresser …").
    """
    line = frag.line
    text = frag.text.strip()
    if line.bullet or not text[:1].isupper():
        return False
    if not any(ln.bullet for ln in done) and not _set_apart(line, done):
        # Unbulleted items ("Horaires : …" lines) end at a closing paragraph only when a
        # blank line sets it apart: an item may well speak of candidatures.
        return False
    m = lexicon.matcher(("section",)).match_start(text)
    if m is not None and m.label.field in ("group:contact", "group:apply"):
        return True
    if _closing_kind(text, lexicon) != "other":
        return True
    if not any(ln.bullet for ln in done):
        return False
    boxes = [ln.bbox for ln in done if ln.bbox is not None and ln.bullet]
    if line.bbox is not None and boxes:
        return line.bbox[0] < min(b[0] for b in boxes) - 4
    return text.endswith(".") and len(text.split()) >= 8


def _set_apart(line: Line, above: list[Line]) -> bool:
    """A blank line's worth of space between ``line`` and the last of the lines above."""
    prev = next((ln for ln in reversed(above) if ln.bbox is not None), None)
    if line.bbox is None or prev is None or prev.bbox is None or prev.page != line.page:
        return False
    height = line.bbox[3] - line.bbox[1]
    return line.bbox[1] - prev.bbox[3] > 0.8 * height


def closing_paragraphs(frags: list[Fragment], lexicon: Lexicon) -> list[tuple[str, list[Fragment]]]:
    """The notice's closing, cut into paragraphs, each with what it is: ``contact`` (opens
    with "Renseignements", "Informations", "Contact"…), ``note`` ("Liste non exhaustive."),
    ``apply`` (how to apply) or ``other``.

    A paragraph is a reader block, or (with no blocks) the lines up to one ending a sentence.
    """
    paras: list[tuple[str, list[Fragment]]] = []
    prev: Fragment | None = None
    for fr in frags:
        text = fr.text.strip()
        if not text:
            continue
        same = prev is not None and (
            (
                fr.line.block is not None
                and fr.line.block == prev.line.block
                and fr.line.origin != "text"
            )
            or text[:1].islower()
            or not prev.text.rstrip().endswith((".", "!", "?", ":"))
        )
        kind = _closing_kind(text, lexicon)
        if same and paras and (kind == "other" or paras[-1][0] == kind or text[:1].islower()):
            paras[-1][1].append(fr)
        else:
            paras.append((kind, [fr]))
        prev = fr
    return paras


def _closing_kind(text: str, lexicon: Lexicon) -> str:
    f = " ".join(fold(text).split())
    if any(w in f for w in lexicon.words.get("list_note_words", ())):
        return "note"
    if any(f.startswith(w) for w in lexicon.words.get("contact_starts", ())):
        return "contact"
    if _is_closing(text, lexicon):
        return "apply"
    return "other"


def _is_closing(text: str, lexicon: Lexicon) -> bool:
    """A sentence of the notice's closing: how to apply, whom to ask."""
    f = " ".join(fold(text).split())
    return any(
        re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", f)
        for w in lexicon.words.get("apply_words", ())
    )


def _is_sub_heading_of(current: object, m: Match, line: Line) -> bool:
    """ "Contraintes particulières :" inside the conditions section is one of its sub-headings,
    not a second conditions section; so is a listed "Temps de travail :" or "Rémunération :",
    which elsewhere opens a section of its own."""
    if (
        isinstance(current, Section)
        and current.field == "conditions"
        and m.label.field == "group:other"
        and line.heading is None
        and (line.bullet or m.colon)
    ):
        return True  # "- Temps de travail : 39 h", "- Rémunération : …": one of the conditions
    if not isinstance(current, Section) or current.field != m.label.field:
        return False
    if m.label.prefix:
        return True  # "Conditions de travail :" inside the conditions: a sub-heading
    return line.heading is None and (line.bullet or m.colon or bool(current.fragments))


def _open_section(
    m: Match,
    line: Line,
    text: str,
    section_m: LabelMatcher,
    sections: list[Section],
    lexicon: Lexicon,
) -> Section:
    """Open the section of heading ``m``; a heading may chain ("Profil du candidat Savoir…")."""
    section = Section(m.label.field, line, text[m.start : m.end], prefix=m.label.prefix)
    sections.append(section)
    rest = text[m.end :]
    grown, section.pending_tail = lexicon.grow(m.label, section.heading_text, rest)
    section.heading_text += " " + rest[:grown]
    rest = rest[grown:].strip()
    while rest:
        nxt = section_m.match_start(rest)
        if nxt is not None:
            section = Section(nxt.label.field, line, rest[nxt.start : nxt.end])
            sections.append(section)
            rest = rest[nxt.end :].strip()
            continue
        short = len(rest.split()) <= 6 and not rest.endswith(".")
        closing = section.field in ("group:contact", "group:apply")  # text, never sub-titles
        if not closing and (
            _is_group_title(rest, line)
            or (short and (section.field == "description" or line.heading is not None))
        ):
            # "Détails de l'offre : emploi fonctionnel" — a subtitle, not the description.
            section.groups.append(clean_value(rest))
        else:
            section.fragments.append(Fragment(rest, line))
        break
    return section


def _strip_tail(text: str, tail: list[str]) -> int:
    """Length of the heading's wrapped remainder at the start of ``text`` (0 if absent)."""
    pat = r"^\s*" + r"\s+".join(re.escape(w) for w in tail) + r"(?!\w)\s*:?"
    folded, index = fold_with_map(text)
    m = re.match(pat, folded)
    if not m:
        return 0
    return len(text) if m.end() >= len(folded) else index[m.end()]


def _is_group_title(text: str, line: Line | None = None) -> bool:
    """ "1. Collecte du courrier :", "A. Cybersécurité (…)", "Principales :" group items."""
    t = text.strip()
    words = t.split()
    if t.endswith(":") and len(words) <= 8:
        return True
    return bool(_ENUMERATOR.match(t)) and len(words) <= 12 and not t.endswith((".", ";", ","))


def _continues(prev: str, frag: Fragment, prev_line: Line | None) -> bool:
    """Whether this fragment continues the previous item rather than starting one."""
    text = frag.text.strip()
    line = frag.line
    if not text or not prev:
        return False
    if line.bullet:
        return False
    first = text[0]
    if prev_line is not None and line.origin != "text" and line.block is not None:
        if line.block == prev_line.block and line.origin != "docx":
            return True
    if prev.count("(") > prev.count(")") and text.count(")") > text.count("("):
        return True  # "(environ 1" / "200 km de routes)": the line closes what prev opened
    if first.islower() or first in ",;)(":
        return not prev.rstrip().endswith((".", ";", "!", "?")) or first in ",;)"
    if first.isdigit() and prev.rstrip()[-1:].isalpha() and not line.bullet:
        return True  # "… la paie mensuelle d'environ" / "600 agents et …": a number goes on
    if dangles(prev) and not prev.rstrip().endswith(","):
        return True
    words = text.split()
    if (
        len(words) >= 2
        and prev_line is not None
        and line.origin == "text"
        and line.block is not None
        and prev_line.block is not None
        and line.block != prev_line.block
    ):
        # A capitalised phrase set apart by a blank line is an item of its own ("Gestes
        # répétitifs"); a lone word there is a converter's cut ("… des solutions" / "Adaptées").
        return False
    return (
        len(words) <= 2 and not prev.rstrip().endswith((*_TERMINAL, ",")) and not text.endswith(":")
    )


def _split_glued(text: str) -> list[str]:
    """Entries a converter glued onto one line: "- a - B", "a • b"."""
    parts = re.split(r"\s+[•▪●◦]\s+|\s+-\s+(?=-?\s*[A-ZÉÈÊÀÂÎÔÛÇ][a-zéèêàâîôûç])(?<=\s)", text)
    return (
        [p for p in parts if p.strip()]
        if len(parts) > 1 and all(len(p.split()) >= 2 for p in parts)
        else [text]
    )


def build_items(section: Section, lexicon: Lexicon) -> list[tuple[str, list[Line]]]:
    """List items of a section, each with the lines it was read from."""
    items: list[tuple[list[str], list[Line]]] = []
    bulleted = any(f.line.bullet for f in section.fragments)
    section_m = lexicon.matcher(("section",))
    prev_line: Line | None = None
    closed = False
    section.after = []
    for k, frag in enumerate(section.fragments):
        text = frag.text.strip()
        if not text:
            continue
        f = fold(text)
        if any(f.startswith(note) for note in lexicon.list_notes):
            closed = True
            continue
        if closed and not frag.line.bullet:
            continue
        if (
            bulleted
            and items
            and not (items[-1][0] and _continues(" ".join(items[-1][0]), frag, prev_line))
            and _ends_list(frag, [ln for _, src in items for ln in src], lexicon)
        ):
            # What follows belongs to the notice's closing (how to apply, contact), not the list.
            section.after = section.fragments[k:]
            break
        marked_title = (
            bulleted and (frag.line.heading is not None or frag.line.bold) and text[:1].isupper()
        )
        numbered_title = bool(_ENUMERATOR.match(text) or frag.line.bullet) and _is_group_title(text)
        known = section_m.match_start(text) if marked_title else None
        # A bold "Compétences requises" over its list: a sub-heading, never the end of an item.
        label_title = known is not None and known.end >= len(text.rstrip(" :"))
        if (
            (numbered_title and text.endswith(":"))
            or label_title
            or (
                not frag.line.bullet
                and (marked_title or _is_group_title(text, frag.line))
                and not (items and _continues(" ".join(items[-1][0]), frag, prev_line))
            )
        ):
            prev_line = None
            items.append(([], []))  # a boundary: the next line starts a new item
            continue
        if items and items[-1][0] and _continues(" ".join(items[-1][0]), frag, prev_line):
            items[-1][0].append(text)
            items[-1][1].append(frag.line)
        else:
            items.append(([text], [frag.line]))
        prev_line = frag.line
    out: list[tuple[str, list[Line]]] = []
    short_items = section.field in _SHORT_ITEM_FIELDS and not bulleted
    for parts, src in items:
        if not parts:
            continue
        joined = _join(parts, src)
        pieces = _split_glued(joined) if section.field != "missions" else [joined]
        if short_items:
            pieces = [q for p in pieces for q in _split_capitalised(p)]
        for piece in pieces:
            item = clean_item(piece)
            if item:
                out.append((item, src))
    return out


# Sections whose items are short noun phrases; a converter that lost the line breaks glues
# them into one line ("Capacité à communiquer Sens de l'organisation Être autonome").
_SHORT_ITEM_FIELDS = {"knowledge", "know_how", "behaviours"}
# A capitalised word after these continues the phrase ("outils Microsoft").
_FUNCTION_WORDS = FUNCTION_WORDS | {
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
    "notre",
    "nos",
    "outils",
    "logiciels",
    "logiciel",
    "langue",
    "langues",
}


def _split_capitalised(text: str) -> list[str]:
    """Split glued short items before a Capitalised word that cannot continue a phrase."""
    if text.rstrip().endswith((".", ";", ":")) or len(text.split()) < 3:
        return [text]
    if re.search(r",\s+[A-ZÉÈÊÀÂÎÔÛÇ][a-zéèêàâîôûç]", text):
        return [
            q
            for p in re.split(r",\s+(?=[A-ZÉÈÊÀÂÎÔÛÇ][a-zéèêàâîôûç])", text)
            for q in _split_capitalised(p)
        ]
    words = text.split(" ")
    pieces: list[list[str]] = [[]]
    for i, word in enumerate(words):
        if i > 0 and pieces[-1]:
            prev = fold(words[i - 1]).strip(",;:()'")
            prev = prev.split("'")[-1]
            starts_item = (
                len(word) > 1
                and word[0].isupper()
                and word[1:2].islower()
                and prev not in _FUNCTION_WORDS
                and not words[i - 1].endswith(("(", "/", "-"))
            )
            if starts_item:
                pieces.append([])
        pieces[-1].append(word)
    return [" ".join(p) for p in pieces if p]


def _join(parts: list[str], lines: list[Line] | None = None) -> str:
    """Join wrapped pieces; a word cut after its hyphen at a line end is rejoined without a
    space, hyphen kept: word processors do not hyphenate unless asked, so the hyphen is the
    word's own ("procès-" / "verbaux", "avant-" / "projets"); a printed line also breaks
    before a capital ("Nouvelle-" / "Calédonie", :func:`join_printed`)."""
    if lines is not None and len(lines) == len(parts):
        return join_printed(parts, lines)
    out = parts[0]
    for p in parts[1:]:
        if re.search(r"[a-zà-ÿ]-$", out) and p[:1].islower():
            out = out + p
        else:
            out = out + " " + p
    return out


_CONDITION_NAMES = ("conditions", "group:other")


def build_conditions(section: Section, lexicon: Lexicon) -> list[tuple[str, list[Line]]]:
    """Conditions as "<sub-heading> : <value>", one per value line under a sub-heading."""
    out: list[tuple[str, list[Line]]] = []
    section_m = lexicon.matcher(("section",))
    # "Conditions de travail :" as the section heading is the sub-heading of what follows.
    heading: str | None = clean_value(section.heading_text) if section.prefix else None
    heading_line: Line | None = section.heading if section.prefix else None
    pending: list[tuple[list[str], list[Line]]] = []
    # A heading printed as a title of its own ("CONDITIONS D'EXERCICE", no colon) prefixes bare
    # items only; a "Sujétions liées au poste : …" line under it names its own condition.
    titled = section.prefix and not section.heading.text.rstrip().endswith(":")

    def flush() -> None:
        nonlocal pending
        for parts, src in pending:
            value = clean_item(_join(parts, src))
            if not value:
                continue
            text = f"{heading} : {value}" if heading else value
            out.append((text, ([heading_line] if heading_line else []) + src))
        pending = []

    units = _rejoin_wrapped_subheadings(section.fragments)
    section.after = []
    seen: list[Line] = []
    for k, (frag, text) in enumerate(units):
        if any(fold(text).startswith(n) for n in lexicon.list_notes):
            break
        if seen and _ends_list(frag, seen, lexicon):
            # The notice's closing (how to apply, contact) after the conditions: not one
            section.after = [fr for fr, _ in units[k:]]
            break
        seen.append(frag.line)
        m = re.match(r"^(?P<h>[^:]{3,120}?)\s*:\s*(?P<v>.*)$", text) or re.match(
            r"^(?P<h>[^:]{3,120}?)\s+(?P<v>/)$", text
        )
        known = section_m.match_start(text) if m else None
        marked = (
            frag.line.bullet
            or frag.line.heading is not None
            or frag.line.bold
            # "Temps de travail : 39 h" names a condition, even unmarked
            or (known is not None and known.colon and known.label.field in _CONDITION_NAMES)
            # "**Horaires :** en soirée": a label in bold before its value
            or (m is not None and is_bold_span(frag.line, text, 0, m.end("h")))
            # "Sujétions liées au poste :" with its values as the bullets under it, or the
            # first of a run of unmarked "Sub-heading : value" lines
            or (
                m is not None
                and not frag.line.bullet
                and k + 1 < len(units)
                and (
                    (not m.group("v").strip() and units[k + 1][0].line.bullet)
                    or (
                        bool(m.group("v").strip())
                        and not units[k + 1][0].line.bullet
                        and re.match(r"^[^:]{3,120}?\s*:\s*\S", units[k + 1][1]) is not None
                    )
                )
            )
        )
        marked = marked or (titled and heading_line is section.heading)
        awaiting_value = heading is not None and not pending
        if m and (marked or heading is None or pending) and not (awaiting_value and not marked):
            flush()
            heading = clean_value(m.group("h"))
            heading_line = frag.line
            v = m.group("v").strip()
            if v:
                pending.append(([v], [frag.line]))
            continue
        if pending and _continues(" ".join(pending[-1][0]), frag, pending[-1][1][-1]):
            pending[-1][0].append(text)
            pending[-1][1].append(frag.line)
        else:
            pending.append(([text], [frag.line]))
    flush()
    return out


def _rejoin_wrapped_subheadings(frags: list[Fragment]) -> list[tuple[Fragment, str]]:
    """Fragments with text; a bulleted line without a colon whose wrapped next line holds the
    colon is one item ("- Habilitations, permis … pour l'exercice des" / "fonctions : Permis
    B"), so its sub-heading is read whole."""
    out: list[tuple[Fragment, str]] = []
    for frag in frags:
        text = frag.text.strip()
        if not text:
            continue
        if out:
            prev, prev_text = out[-1]
            if (
                prev.line.bullet
                and not frag.line.bullet
                and ":" not in prev_text
                and ":" in text
                and text[:1].islower()
            ):
                out[-1] = (prev, prev_text + " " + text)
                continue
        out.append((frag, text))
    return out


def paragraph_text(section: Section) -> tuple[str, list[Line]]:
    """A section as running text: wrapped lines joined, paragraphs kept apart."""
    paras: list[list[str]] = []
    para_lines: list[list[Line]] = []
    src: list[Line] = []
    prev: Line | None = None
    for frag in section.fragments:
        text = frag.text.strip()
        if not text:
            continue
        new_para = (
            prev is None
            or (
                frag.line.block is not None
                and prev.block is not None
                and frag.line.block != prev.block
                and prev.origin != "text"
            )
            or (
                prev is not None
                and prev.origin == "text"
                and " ".join(paras[-1]).rstrip().endswith(".")
            )
        )
        if new_para or not paras:
            paras.append([text])
            para_lines.append([frag.line])
        else:
            paras[-1].append(text)
            para_lines[-1].append(frag.line)
        src.append(frag.line)
        prev = frag.line
    text = "\n\n".join(_join(p, ls) for p, ls in zip(paras, para_lines, strict=True))
    # Scalars drop a trailing separator, like every other value ("…directions." → "…directions").
    return (text if text.endswith(("...", "…")) else re.sub(r"[\s;,.:]+$", "", text)), src
