"""Assemble a Notice from the zones: fields, provenance, consistency checks and warnings."""

from __future__ import annotations

import re
from dataclasses import dataclass

from avis.extract.dates import find_dates, has_impossible_date
from avis.extract.header import Pair, pair_header
from avis.extract.lexicon import Lexicon, default_lexicon
from avis.extract.normalize import clean_value, fold, is_empty_value
from avis.extract.sections import (
    Section,
    build_conditions,
    build_items,
    paragraph_text,
    split_zones,
)
from avis.extract.values import (
    parse_positions,
    parse_reference,
    parse_residence,
    parse_start,
)
from avis.layout import Document, Line, union_bbox
from avis.model import LIST_FIELDS, Notice, NoticeWarning, Provenance, SourceInfo

LOW_CONFIDENCE = 0.6
# Fields whose absence is worth a warning: what identifies and dates a notice.
CORE_FIELDS = ("reference.id", "title", "employer", "location", "posted_on", "deadline")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(
    r"(?:(?:\(\s*\+\s*687\s*\)|\+\s*687|00\s*687)[\s.]?)?(?<!\d)\d{2}[\s.]?\d{2}[\s.]?\d{2}(?!\d)"
)


@dataclass(slots=True)
class _Builder:
    """Collects values and their provenance before the Notice is validated once."""

    data: dict
    provenance: dict[str, Provenance]
    warnings: list[NoticeWarning]

    def put(
        self,
        path: str,
        value: object,
        lines: list[Line],
        rule: str,
        confidence: float,
        text: str | None = None,
    ) -> None:
        node = self.data
        keys = path.split(".")
        for k in keys[:-1]:
            node = node.setdefault(k, {})
        node[keys[-1]] = value
        self.provenance[path] = _provenance(lines, rule, confidence, text)

    def warn(self, code: str, message: str, field: str | None = None) -> None:
        self.warnings.append(NoticeWarning(code=code, field=field, message=message))


def _provenance(lines: list[Line], rule: str, confidence: float, text: str | None) -> Provenance:
    if not lines:
        return Provenance(rule=rule, confidence=confidence, text=text)
    first = lines[0]
    same_page = [ln for ln in lines if ln.page == first.page]
    conf = min([confidence, *(ln.conf for ln in lines)])
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
    b = _Builder({}, {}, [])
    for w in doc.warnings:
        b.warn("reader", w)
    zones = split_zones(lines, lexicon)
    header = pair_header(zones.header_lines, lexicon)
    _apply_pairs(b, header.pairs + zones.inline)
    _apply_title(b, zones.title_lines, header.orphans, lexicon)
    _apply_sections(b, zones.sections, lexicon)
    _apply_contact(b, zones.sections, lines)
    _check_dates(b)
    _warn_missing(b)
    _warn_low_confidence(b)
    b.data["source"] = (source or SourceInfo(format=doc.format, pages=len(doc.pages))).model_dump()
    b.data["warnings"] = [w.model_dump() for w in b.warnings]
    b.data["provenance"] = {k: v.model_dump() for k, v in sorted(b.provenance.items())}
    return Notice.model_validate(b.data)


def _apply_pairs(b: _Builder, pairs: list[Pair]) -> None:
    seen: set[str] = set()
    for pair in pairs:
        value = pair.value
        lines = pair.lines or pair.label_lines
        rule = pair.rule
        conf = pair.confidence
        f = pair.field
        if not value and f in ("reference", "posted_on", "deadline"):
            continue  # an empty label ("Réf." above "N° 2024-118/DRH"): the next one fills it
        if f in seen:
            # A second label for a filled field: keep the first, remember the other.
            if value and not f.startswith("extra:"):
                b.data.setdefault("extra", {})[clean_value(pair.label_text)] = value
            continue
        if f.startswith("extra:"):
            if value:
                b.data.setdefault("extra", {})[f[6:]] = value
            continue
        seen.add(f)
        if f == "reference":
            if not value:
                continue
            ref = parse_reference(value)
            b.put("reference.raw", ref.raw, lines, rule, conf, value)
            if ref.id:
                b.put("reference.id", ref.id, lines, rule, conf, value)
            if ref.date:
                b.put("reference.date", ref.date, lines, rule + "+date", conf, value)
        elif f in ("posted_on", "deadline"):
            dates = find_dates(value)
            if dates:
                b.put(f, dates[0].value, lines, rule + "+date", conf, value)
                if dates[0].weekday_ok is False:
                    b.warn("weekday_mismatch", f"'{value}': the weekday does not match the date", f)
            elif value:
                msg = (
                    "prints a date that does not exist"
                    if has_impossible_date(value)
                    else "has no readable date"
                )
                b.warn("bad_date", f"'{value}' {msg}", f)
        elif f == "start":
            if value:
                start = parse_start(value)
                b.data["start"] = start.model_dump()
                b.provenance["start"] = _provenance(lines, rule, conf, value)
        elif f == "residence_requirement":
            if value:
                b.put(f, parse_residence(value), lines, rule, conf, value)
        elif f == "positions":
            n = parse_positions(value)
            if n is not None:
                b.put(f, n, lines, rule, conf, value)
        elif f == "organisation.staff":
            _apply_staff(b, value, lines, rule, conf)
        elif value and not is_empty_value(value):
            b.put(f, value, lines, rule, conf, value)


def _apply_staff(b: _Builder, value: str, lines: list[Line], rule: str, conf: float) -> None:
    direct = re.search(r"directs?\s*:?\s*([^-–]*?)(?=\s*[-–]?\s*indirect|$)", value, re.I)
    indirect = re.search(r"indirects?\s*:?\s*(.*)$", value, re.I)
    if direct and direct.group(1).strip():
        b.put("organisation.staff_direct", clean_value(direct.group(1)), lines, rule, conf, value)
    if indirect and indirect.group(1).strip():
        b.put(
            "organisation.staff_indirect", clean_value(indirect.group(1)), lines, rule, conf, value
        )
    if not direct and not indirect and value:
        b.put("organisation.staff_direct", value, lines, rule, conf, value)


def _apply_title(b: _Builder, title_lines: list[Line], orphans: list, lexicon: Lexicon) -> None:
    if "title" in b.data:
        return
    employer = fold(b.data.get("employer") or "")
    cands: list[Line] = []
    for ln in title_lines:
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
    text = clean_value(" ".join(ln.text for ln in chosen))
    b.put("title", text, chosen, "title.prominent-line", 0.9 if len(cands) == 1 else 0.8)


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
            existing = b.data.setdefault(f, [])
            base = len(existing)
            for i, (text, src) in enumerate(items):
                existing.append(text)
                b.provenance[f"{f}[{base + i}]"] = _provenance(src, f"section.{f}", 0.9, text)
            if items:
                b.provenance.setdefault(
                    f, _provenance([section.heading], f"section.{f}", 0.9, section.heading_text)
                )
        elif f == "description":
            text, src = paragraph_text(section)
            if text and "description" not in b.data:
                b.put("description", text, src, "section.description", 0.9)
            elif text:
                b.data["description"] += "\n\n" + text


def _apply_contact(b: _Builder, sections: list[Section], lines: list[Line]) -> None:
    contact_lines = [fr for s in sections if s.field == "group:contact" for fr in s.fragments]
    apply_lines = [fr for s in sections if s.field == "group:apply" for fr in s.fragments]
    pool = contact_lines + apply_lines
    text = " ".join(fr.text for fr in pool)
    email = _EMAIL.search(text) or _EMAIL.search(" ".join(ln.text for ln in lines))
    if email:
        src = [fr.line for fr in pool if email.group(0) in fr.text] or [
            ln for ln in lines if email.group(0) in ln.text
        ]
        b.put("contact.email", email.group(0).rstrip("."), src[:1], "contact.email-pattern", 0.95)
    phone_text = " ".join(fr.text for fr in contact_lines) or text
    phone = _PHONE.search(phone_text)
    if phone:
        src = [fr.line for fr in pool if phone.group(0) in fr.text]
        b.put("contact.phone", phone.group(0), src[:1], "contact.phone-pattern", 0.9)
    if contact_lines:
        name_text = contact_lines[0].text
        name = re.split(
            r"\b(?:t[ée]l(?:[ée]phone)?|mail|courriel|e-mail)\b", name_text, flags=re.I
        )[0]
        name = clean_value(name)
        if name and not _EMAIL.search(name) and len(name) < 120:
            b.put("contact.name", name, [contact_lines[0].line], "contact.first-line", 0.7)
    if apply_lines:
        how = clean_value(" ".join(fr.text for fr in apply_lines))
        if how:
            b.put(
                "contact.how_to_apply",
                how,
                [fr.line for fr in apply_lines],
                "contact.apply-section",
                0.85,
            )


def _check_dates(b: _Builder) -> None:
    """A deadline before the posting date is never accepted silently: re-examine, then warn."""
    posted = b.data.get("posted_on")
    deadline = b.data.get("deadline")
    if posted is None or deadline is None or deadline >= posted:
        return
    ref_date = (b.data.get("reference") or {}).get("date")
    swapped = ref_date is not None and deadline == ref_date
    if swapped:
        b.data["posted_on"], b.data["deadline"] = deadline, posted
        p, d = b.provenance.get("posted_on"), b.provenance.get("deadline")
        for key, prov in (("posted_on", d), ("deadline", p)):
            if prov is not None:
                b.provenance[key] = prov.model_copy(
                    update={"rule": "dates.swapped-by-reference", "confidence": 0.7}
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


def _get(data: dict, path: str) -> object:
    node: object = data
    for k in path.split("."):
        if not isinstance(node, dict):
            return None
        node = node.get(k)
    return node


def _warn_missing(b: _Builder) -> None:
    for path in CORE_FIELDS:
        if _get(b.data, path) in (None, "", []):
            b.warn("missing_field", f"no value found for '{path}'", path)
    if not any(b.data.get(f) for f in LIST_FIELDS) and not b.data.get("description"):
        b.warn("missing_field", "no body section (missions, activities, profile) was found", None)


def _warn_low_confidence(b: _Builder) -> None:
    for path, prov in b.provenance.items():
        if prov.confidence < LOW_CONFIDENCE and "[" not in path:
            b.warn(
                "low_confidence",
                f"'{path}' read with confidence {prov.confidence:.2f}: check it",
                path,
            )
