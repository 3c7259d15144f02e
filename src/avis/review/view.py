"""What the notice page shows: the form of fields, their boxes on pages, or highlighted text.

Plain data for the template (which escapes every value); no HTML is built here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from avis.corrections import FieldSpec, editable_fields, get_value
from avis.errors import AvisError
from avis.evaluate import soft
from avis.extract.notice import LOW_CONFIDENCE
from avis.model import Notice, Provenance
from avis.review.catalog import Entry, Loaded
from avis.review.pages import PageCache

PAD = 2.0
"""Points added around a box, so its outline does not cover the words it frames."""

ORIGIN_LABELS = {
    "text_layer": "PDF text layer",
    "ocr": "OCR",
    "docx": "DOCX",
    "text": "text",
}


@dataclass(slots=True)
class Box:
    field: str
    key: str
    page: int
    x: float
    y: float
    w: float
    h: float
    origin: str
    low: bool
    reviewed: bool


@dataclass(slots=True)
class PageView:
    number: int
    width: float
    height: float
    boxes: list[Box] = field(default_factory=list)


@dataclass(slots=True)
class FieldView:
    spec: FieldSpec
    value: str
    lines: int
    origin: str | None
    confidence: float | None
    low: bool
    reviewed: bool
    page: int | None
    rule: str
    source_text: str | None
    warnings: list[str]
    has_box: bool
    source_differs: bool = False
    """The text read differs from the value by more than spacing and punctuation."""


@dataclass(slots=True)
class Segment:
    text: str
    field: str | None = None
    origin: str | None = None


@dataclass(slots=True)
class NoticeView:
    fields: list[FieldView]
    pages: list[PageView]
    text: list[list[Segment]]
    warnings: list[dict[str, Any]]
    mode: str
    """``pages`` (PDF, scans), ``text`` (DOCX, text), or ``none`` (failed)."""
    page_error: str | None = None
    legend: dict[str, str] = field(default_factory=lambda: dict(ORIGIN_LABELS))


def _as_text(spec: FieldSpec, value: Any) -> str:
    if value is None:
        return ""
    if spec.kind == "list":
        return "\n".join(str(v) for v in value)
    if spec.kind == "bool":
        return "yes" if value else "no"
    return str(value)


def _field_provenance(notice: Notice, path: str) -> list[tuple[str, Provenance]]:
    """The provenance entries of a field: its own and, for a list, each item's."""
    found = [(k, p) for k, p in notice.provenance.items() if k == path or k.startswith(path + "[")]
    parent = path.rpartition(".")[0]
    if not found and parent in notice.provenance:  # ``start`` holds start.raw/immediate/date
        found = [(parent, notice.provenance[parent])]
    return sorted(found, key=lambda kp: (kp[0] != path, kp[0]))


def notice_view(
    entry: Entry, loaded: Loaded, notice: Notice | None, pages: PageCache
) -> NoticeView:
    if notice is None:
        return NoticeView([], [], [], [], "none")
    data = notice.model_dump(mode="json")
    by_field: dict[str, list[str]] = {}
    for w in notice.warnings:
        if w.field:
            by_field.setdefault(w.field, []).append(w.message)
    fields: list[FieldView] = []
    boxes: list[Box] = []
    for spec in editable_fields():
        provs = _field_provenance(notice, spec.path)
        own = next((p for k, p in provs if k == spec.path), provs[0][1] if provs else None)
        value = _as_text(spec, get_value(data, spec.path))
        low = own is not None and own.confidence < LOW_CONFIDENCE and own.source != "review"
        field_boxes = [
            Box(
                field=spec.path,
                key=key,
                page=p.page,
                x=round(p.bbox[0] - PAD, 2),
                y=round(p.bbox[1] - PAD, 2),
                w=round(max(p.bbox[2] - p.bbox[0], 1.0) + 2 * PAD, 2),
                h=round(max(p.bbox[3] - p.bbox[1], 1.0) + 2 * PAD, 2),
                origin=p.origin,
                low=p.confidence < LOW_CONFIDENCE and p.source != "review",
                reviewed=p.source == "review",
            )
            for key, p in provs
            if p.bbox is not None and p.page is not None
        ]
        boxes.extend(field_boxes)
        fields.append(
            FieldView(
                spec=spec,
                value=value,
                lines=max(2, min(12, value.count("\n") + 2)),
                origin=own.origin if own else None,
                confidence=own.confidence if own else None,
                low=low,
                reviewed=own is not None and own.source == "review",
                page=own.page if own else None,
                rule=own.rule if own else "",
                source_text=own.text if own else None,
                warnings=by_field.get(spec.path, []),
                has_box=bool(field_boxes) or bool(provs),
                source_differs=spec.kind != "list"
                and bool(own and own.text)
                and soft(own.text if own else "") != soft(value),
            )
        )
    view = NoticeView(
        fields=fields,
        pages=[],
        text=[],
        warnings=[w.model_dump() for w in notice.warnings],
        mode="pages" if loaded.fmt in ("pdf", "image") else "text",
    )
    if view.mode == "pages":
        try:
            sizes = pages.sizes(entry.input, loaded.fmt or "") if entry.input else []
        except (AvisError, OSError) as exc:
            sizes, view.page_error = [], f"cannot show the pages: {exc}"
        if entry.input is None:
            view.page_error = "the input file is gone: no page images"
        for number, (width, height) in enumerate(sizes, start=1):
            page = PageView(number, round(width, 2), round(height, 2))
            page.boxes = [b for b in boxes if b.page == number]
            view.pages.append(page)
    else:
        view.text = highlight(loaded.lines, notice, fields)
    return view


def highlight(lines: list[str], notice: Notice, fields: list[FieldView]) -> list[list[Segment]]:
    """The document's lines cut into segments, the text each field was read from marked.

    A field's needle is the source text its provenance recorded, else its value; each needle
    marks its first occurrence only, and marks never overlap.
    """
    needles: list[tuple[str, str, str]] = []  # (field, needle, origin)
    for fv in fields:
        for _key, prov in _field_provenance(notice, fv.spec.path):
            text = (prov.text or "").strip()
            if len(text) >= 2:
                needles.append((fv.spec.path, text, prov.origin))
        if fv.value and fv.spec.kind in ("text", "date", "int") and len(fv.value) >= 3:
            needles.append((fv.spec.path, fv.value, fv.origin or "text"))
    spans: list[list[tuple[int, int, str, str]]] = [[] for _ in lines]
    marked: set[str] = set()
    for fld, needle, origin in needles:
        key = f"{fld}\0{needle}"
        if key in marked:
            continue
        for probe in (needle, needle[:60]) if len(needle) > 60 else (needle,):
            hit = _find(lines, spans, probe)
            if hit is not None:
                i, start = hit
                spans[i].append((start, start + len(probe), fld, origin))
                marked.add(key)
                break
    out: list[list[Segment]] = []
    for line, marks in zip(lines, spans, strict=True):
        segs: list[Segment] = []
        pos = 0
        for start, end, fld, origin in sorted(marks):
            if start > pos:
                segs.append(Segment(line[pos:start]))
            segs.append(Segment(line[start:end], fld, origin))
            pos = end
        if pos < len(line) or not segs:
            segs.append(Segment(line[pos:]))
        out.append(segs)
    return out


def _find(lines: list[str], spans: list[list[tuple[int, int, str, str]]],
          needle: str) -> tuple[int, int] | None:  # fmt: skip
    for i, line in enumerate(lines):
        start = line.find(needle)
        while start >= 0:
            end = start + len(needle)
            if all(end <= s or start >= e for s, e, _, _ in spans[i]):
                return i, start
            start = line.find(needle, start + 1)
    return None
