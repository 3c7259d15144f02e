"""Assemble a Notice from the zones: fields, provenance, consistency checks and warnings."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any

from avis.extract.confidence import LOW_CONFIDENCE, confidence
from avis.extract.header import Fragment, Pair, join_printed, pair_header
from avis.extract.lexicon import Lexicon, default_lexicon
from avis.extract.normalize import clean_value, fold, fold_with_map
from avis.extract.prose import prose_pairs
from avis.extract.sections import (
    Section,
    build_conditions,
    build_items,
    closing_paragraphs,
    paragraph_text,
    split_zones,
)
from avis.extract.values import VALUE_KINDS, parse_value
from avis.fields import CORE_PATHS, FIELDS, LIST_FIELDS, value_paths
from avis.fields import spec as field_spec
from avis.layout import Document, Line, union_bbox
from avis.model import Notice, NoticeWarning, Provenance, SourceInfo, deadline_before_posting

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(
    # France: ten digits ("02 98 00 00 00", "+33 (0)2 98 00 00 00")
    r"(?<!\d)(?:(?:\+|00)\s*33\s*(?:\(0\)\s*)?|0)[1-9](?:[\s.]?\d{2}){4}(?![\s.]?\d)"
    # New Caledonia: six ("20 80 00", "(+687) 24 00 00"); not the start of a longer number
    r"|(?:(?:\(\s*\+\s*687\s*\)|\+\s*687|00\s*687)[\s.]?)?(?<!\d)\d{2}[\s.]?\d{2}[\s.]?\d{2}(?![\s.]?\d)"
)
__all__ = ["LOW_CONFIDENCE", "extract_notice"]


@dataclass(slots=True)
class _Builder:
    """Values by Notice path (the registry's outputs), with provenance, validated once.

    Only paths the field registry declares are accepted, so a typo fails here rather than in
    a silently empty field.
    """

    values: dict[str, object] = dc_field(default_factory=dict)
    lists: dict[str, list[str]] = dc_field(default_factory=dict)
    extra: dict[str, str] = dc_field(default_factory=dict)
    provenance: dict[str, Provenance] = dc_field(default_factory=dict)
    warnings: list[NoticeWarning] = dc_field(default_factory=list)

    def put(
        self,
        path: str,
        value: object,
        lines: list[Line],
        rule: str,
        text: str | None = None,
        conf: float | None = None,
    ) -> None:
        if path not in _PATHS:
            raise KeyError(f"'{path}' is no output of avis.fields.FIELDS")
        self.values[path] = value
        self.provenance[path] = _provenance(lines, rule, conf or confidence(rule), text)

    def get(self, path: str) -> object:
        return self.lists.get(path) if path in LIST_FIELDS else self.values.get(path)

    def warn(self, code: str, message: str, field: str | None = None) -> None:
        self.warnings.append(NoticeWarning(code=code, field=field, message=message))

    def notice(self, source: SourceInfo) -> Notice:
        data: dict[str, Any] = {}
        for path, value in self.values.items():
            node = data
            *parents, last = path.split(".")
            for k in parents:
                node = node.setdefault(k, {})
            node[last] = value
        data.update(self.lists)
        data["extra"] = self.extra
        data["source"] = source.model_dump()
        data["warnings"] = [w.model_dump() for w in self.warnings]
        data["provenance"] = {k: v.model_dump() for k, v in sorted(self.provenance.items())}
        return Notice.model_validate(data)


_PATHS = frozenset(value_paths())


def _provenance(lines: list[Line], rule: str, conf: float, text: str | None) -> Provenance:
    if not lines:
        return Provenance(rule=rule, confidence=conf, text=text)
    first = lines[0]
    same_page = [ln for ln in lines if ln.page == first.page]
    conf = min([conf, *(ln.conf for ln in lines)])
    return Provenance(
        page=first.page,
        bbox=union_bbox([ln.bbox for ln in same_page]),
        origin=first.origin,
        confidence=round(max(0.0, min(1.0, conf)), 3),
        rule=rule,
        text=text if text is not None else " ".join(ln.text for ln in lines)[:500],
    )


def extract_notice(
    doc: Document, source: SourceInfo | None = None, lexicon: Lexicon | None = None
) -> Notice:
    lexicon = lexicon or default_lexicon()
    lines = [ln for ln in doc.lines() if ln.text.strip()]
    b = _Builder()
    for w in doc.warnings:
        b.warn("reader", w)
    zones = split_zones(lines, lexicon)
    header = pair_header(zones.header_lines, lexicon, zones.relations)
    _apply_pairs(b, header.pairs + zones.inline)
    filled = {s.name for s in FIELDS if s.outputs[0] in b.values}
    _apply_pairs(b, prose_pairs(zones.title_lines + zones.header_lines, lexicon, filled))
    _apply_title(b, zones.title_lines, header.orphans, lexicon)
    _apply_sections(b, zones.sections, lexicon)
    _apply_contact(b, zones.sections, lines, lexicon)
    _check_dates(b)
    _warn_missing(b)
    _warn_low_confidence(b)
    return b.notice(source or SourceInfo(format=doc.format, pages=len(doc.pages)))


def _apply_pairs(b: _Builder, pairs: list[Pair]) -> None:
    """Each field's first labelled value, parsed once by its registry type."""
    seen: set[str] = set()
    for pair in pairs:
        value = pair.value
        lines = pair.lines or pair.label_lines
        if pair.field is None:
            if value:
                b.extra[pair.extra_key] = value
            continue
        spec = field_spec(pair.field)
        kind = VALUE_KINDS.get(spec.vtype, VALUE_KINDS["text"])
        if not value and kind.needs_value:
            continue  # an empty label ("Réf." above "N° 2024-118/DRH"): the next one fills it
        if spec.name in seen:
            # A second label for a filled field: keep the first, remember the other.
            if value:
                b.extra[pair.extra_key] = value
            continue
        seen.add(spec.name)
        if not value:
            continue
        parsed = parse_value(spec.vtype, spec.name, value)
        for path, v in parsed.values.items():
            rule = pair.rule + ("+date" if isinstance(v, dt.date) and spec.vtype != "start" else "")
            key = spec.provenance_key(path)
            b.put(path, v, lines, rule, value, pair.confidence)
            if key != path:
                b.provenance.pop(path, None)
                b.provenance[key] = _provenance(lines, pair.rule, pair.confidence, value)
        for code, message in parsed.problems:
            b.warn(code, message, spec.name)


def _apply_title(b: _Builder, title_lines: list[Line], orphans: list, lexicon: Lexicon) -> None:
    if "title" in b.values:
        return
    employer = fold(str(b.values.get("employer") or ""))
    cands: list[Line] = []
    # A paragraph of sentences above the header ("… recrute un(e) Technicien / bâtiment.")
    # states facts (extract/prose.py); none of its lines is the title.
    paragraphs: dict[int, list[str]] = {}
    for ln in title_lines:
        if ln.block is not None:
            paragraphs.setdefault(ln.block, []).append(ln.text.strip())
    prose = {
        block
        for block, texts in paragraphs.items()
        if len(texts) > 1 and texts[-1].endswith(".") and len(" ".join(texts).split()) >= 8
    }
    for ln in title_lines:
        if ln.block in prose:
            continue
        f = fold(ln.text).strip(" :.")
        if not f or any(
            f == t or (f.startswith(t + " ") and len(f) < len(t) + 4)
            for t in lexicon.boilerplate_titles
        ):
            continue
        if employer and (f == employer or f in employer):
            continue
        if re.fullmatch(r"[\d\s/.-]+|page \d+.*", f):
            continue
        cands.append(ln)
    if not cands:
        return

    # Prefer the most prominent line: largest font, then a marked heading, then the last one
    # before the header (title blocks open with the employer's name).
    def weight(ln: Line) -> tuple[float, int, int]:
        size = max((w.size or 0.0) for w in ln.words) if ln.words else 0.0
        level = -ln.heading if ln.heading is not None else -9  # "#" outranks "##"
        return (size, level, 1 if ln.bold else 0)

    best = max(weight(ln) for ln in cands)
    if cands[0].origin == "text":
        # Plain text has no sizes: the last marked line before the header is the title.
        chosen = [[ln for ln in cands if weight(ln) == best][-1]]
    else:
        # A title wrapped over consecutive lines in the same type is one title.
        chosen = []
        for ln in cands:
            if weight(ln) == best:
                chosen.append(ln)
            elif chosen:
                break
    text = clean_value(join_printed([ln.text for ln in chosen], chosen))
    rule = "title.prominent-line" if len(cands) == 1 else "title.prominent-line-of-several"
    b.put("title", text, chosen, "title.prominent-line", conf=confidence(rule))


def _apply_sections(b: _Builder, sections: list[Section], lexicon: Lexicon) -> None:
    for section in sections:
        f = section.field
        if f == "group:profile" and section.fragments:
            # An undivided "Profil recherché" list: what the candidate must know.
            f = "knowledge"
        if f in LIST_FIELDS:
            items = (
                build_conditions(section, lexicon)
                if f == "conditions"
                else build_items(section, lexicon)
            )
            existing = b.lists.setdefault(f, [])
            base = len(existing)
            conf = confidence("section")
            for i, (text, src) in enumerate(items):
                existing.append(text)
                b.provenance[f"{f}[{base + i}]"] = _provenance(src, f"section.{f}", conf, text)
            if items:
                b.provenance.setdefault(
                    f, _provenance([section.heading], f"section.{f}", conf, section.heading_text)
                )
        elif f == "description":
            text, src = paragraph_text(section)
            if text and "description" not in b.values:
                b.put("description", text, src, "section.description", conf=confidence("section"))
            elif text:
                b.values["description"] = f"{b.values['description']}\n\n{text}"


def _contact_name(text: str, lexicon: Lexicon) -> str | None:
    """Whom to ask, from a contact line: the opening wording ("Renseignements auprès de",
    "Contact :") and what follows the name (phone, e-mail) left out; a line that is only the
    opening ("Qui contacter ?") names nobody."""
    folded, index = fold_with_map(text)
    for start in sorted(lexicon.words.get("contact_starts", ()), key=len, reverse=True):
        if folded.startswith(start):
            text = text[index[len(start)] :] if len(start) < len(index) else ""
            break
    text = re.sub(r"^\s*(?:aupr[èe]s\s+de|de)?\s*[:\-–]?\s*", "", text, flags=re.I)
    name = re.split(r"\b(?:t[ée]l(?:[ée]phone)?|mail|courriel|e-mail)\b", text, flags=re.I)[0]
    phone = _PHONE.search(name)
    if phone:
        name = name[: phone.start()]
    name = clean_value(re.sub(r"[\s,;:(–-]*(?:au|tél\.?)?[\s,;:(–-]*$", "", name))
    if not name or name.endswith("?") or _EMAIL.search(name) or len(name) >= 120:
        return None
    return name


def _apply_contact(
    b: _Builder, sections: list[Section], lines: list[Line], lexicon: Lexicon
) -> None:
    contact_lines: list[Fragment] = []
    apply_lines: list[Fragment] = []
    # The contact and application sections and the paragraphs that closed a list, cut into
    # paragraphs: "Renseignements …" is contact, "Les candidatures sont à adresser …" how to
    # apply, a note on the list nothing; others follow the section they are printed under.
    for home in ("group:contact", "group:apply", None):
        frags = [
            fr
            for s in sections
            for fr in (s.fragments if s.field == home else s.after if home is None else [])
        ]
        for kind, para in closing_paragraphs(frags, lexicon):
            if kind == "contact" or (kind == "other" and home == "group:contact"):
                contact_lines.extend(para)
            elif kind == "apply" or (kind == "other" and home == "group:apply"):
                apply_lines.extend(para)
    pool = contact_lines + apply_lines
    text = " ".join(fr.text for fr in pool)
    email = _EMAIL.search(text) or _EMAIL.search(" ".join(ln.text for ln in lines))
    if email:
        src = [fr.line for fr in pool if email.group(0) in fr.text] or [
            ln for ln in lines if email.group(0) in ln.text
        ]
        b.put("contact.email", email.group(0).rstrip("."), src[:1], "contact.email-pattern")
    phone_text = " ".join(fr.text for fr in contact_lines) or text
    phone = _PHONE.search(phone_text)
    if phone:
        src = [fr.line for fr in pool if phone.group(0) in fr.text]
        b.put("contact.phone", phone.group(0), src[:1], "contact.phone-pattern")
    for fr in contact_lines[:2]:
        name = _contact_name(fr.text, lexicon)
        if name:
            b.put("contact.name", name, [fr.line], "contact.first-line")
            break
    if apply_lines:
        printed = join_printed([fr.text for fr in apply_lines], [fr.line for fr in apply_lines])
        how = clean_value(printed)
        if how:
            b.put(
                "contact.how_to_apply",
                how,
                [fr.line for fr in apply_lines],
                "contact.apply-section",
            )


def _check_dates(b: _Builder) -> None:
    """A deadline before the posting date is never accepted silently: re-examine, then warn."""
    posted = b.values.get("posted_on")
    deadline = b.values.get("deadline")
    if not isinstance(posted, dt.date) or not isinstance(deadline, dt.date):
        return
    if not deadline_before_posting(posted, deadline):
        return
    ref_date = b.values.get("reference.date")
    swapped = ref_date is not None and deadline == ref_date
    if swapped:
        b.values["posted_on"], b.values["deadline"] = deadline, posted
        p, d = b.provenance.get("posted_on"), b.provenance.get("deadline")
        for key, prov in (("posted_on", d), ("deadline", p)):
            if prov is not None:
                b.provenance[key] = prov.model_copy(
                    update={
                        "rule": "dates.swapped-by-reference",
                        "confidence": confidence("dates.swapped-by-reference"),
                    }
                )
        b.warn(
            "deadline_before_posting",
            f"the printed deadline {deadline} came before the posting date {posted}; the values "
            "were swapped because the reference is dated on the posting day — check the notice",
            "deadline",
        )
    else:
        b.warn(
            "deadline_before_posting",
            f"the deadline {deadline} is before the posting date {posted}; kept as printed — "
            "check the notice",
            "deadline",
        )


def _warn_missing(b: _Builder) -> None:
    for path in CORE_PATHS:
        if b.get(path) in (None, "", []):
            b.warn("missing_field", f"no value found for '{path}'", path)
    if not any(b.lists.get(f) for f in LIST_FIELDS) and not b.values.get("description"):
        b.warn("missing_field", "no body section (missions, activities, profile) was found", None)


def _warn_low_confidence(b: _Builder) -> None:
    for path, prov in b.provenance.items():
        if prov.confidence < LOW_CONFIDENCE and "[" not in path:
            b.warn(
                "low_confidence",
                f"'{path}' read with confidence {prov.confidence:.2f}: check it",
                path,
            )
