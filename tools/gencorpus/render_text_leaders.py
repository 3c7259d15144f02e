"""Layout ``text-leaders``: a plain-text notice typed with dotted leaders and hard wraps.

Header lines read ``Label ....... : value``; long values wrap onto lines indented to the value
column, long labels wrap before their leaders, and body lines are wrapped at 88 columns with
hanging indents, as notices pasted from a mail or typed in a text editor are.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from .closing import closing_blocks
from .spec import HeaderRow, ListSection, NoticeSpec

EXT = ".txt"
WIDTH = 88
LABEL_COL = 34


def _wrap(text: str, first: str = "", rest: str = "") -> list[str]:
    return textwrap.wrap(
        text, WIDTH, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False
    )


def _leader_row(spec: NoticeSpec, row: HeaderRow) -> list[str]:
    """``Label ...... : value`` with the value column at LABEL_COL + 3."""
    label = spec.label(row)
    colon = " :" if spec.label_colon else ""
    head_lines = textwrap.wrap(label, LABEL_COL - 4, break_on_hyphens=False)
    last = head_lines[-1]
    dots = "." * max(3, LABEL_COL - len(last) - 1)
    lead = f"{last} {dots}{colon} "
    indent = " " * len(lead)
    return head_lines[:-1] + _wrap(row.value, lead, indent)


def header_lines(spec: NoticeSpec) -> list[str]:
    """The header: leader rows; for the layout classes, prose sentences or ``Label : value``."""
    if spec.prose:
        out: list[str] = []
        for sentence in spec.prose:
            out += _wrap(sentence)
        return out
    if spec.header_style == "ocr-text" and not spec.ruled:
        colon = [_wrap(f"{spec.label(row)} : {row.value}", "", "    ") for row in spec.header]
        return [line for rows in colon for line in rows]
    return [line for row in spec.header for line in _leader_row(spec, row)]


def _heading(spec: NoticeSpec, text: str) -> list[str]:
    return ["", text.upper() if spec.heading_style in ("upper", "numbered") else text, ""]


def _section(spec: NoticeSpec, sec: ListSection) -> list[str]:
    lines = _heading(spec, sec.heading)
    for item in sec.items:
        if sec.as_paragraphs:
            lines += [*_wrap(item), ""]
        else:
            lines += _wrap(item, f"{spec.bullet} ", "  ")
    return lines


def render(spec: NoticeSpec, outdir: Path) -> Path:
    """Write ``NAME.txt``."""
    top = spec.banner or spec.title
    lines = [spec.page_header.upper(), "", "AVIS DE VACANCE DE POSTE", "", top, ""]
    lines += header_lines(spec)
    lines += _heading(spec, spec.details_heading) + _wrap(spec.description)
    lines += _section(spec, spec.missions)
    if spec.organisation:
        lines.append("")
        for row in spec.organisation:
            lines += _wrap(f"{row.label} : {row.value}", "", "  ")
    for sec in spec.activity_sections:
        lines += _section(spec, sec)
        if spec.list_note and sec.key == "activities":
            lines += ["", *_wrap(spec.list_note)]
    if spec.conditions:
        lines += _heading(spec, spec.conditions_heading)
        for cond in spec.conditions:
            if len(cond.values) == 1:
                lines += _wrap(f"{cond.subheading} : {cond.values[0]}", "", "  ")
            else:
                lines += _wrap(f"{cond.subheading} :")
                for value in cond.values:
                    lines += _wrap(value, f"  {spec.bullet} ", "    ")
    lines += _heading(spec, spec.profile_heading)
    for sec in spec.profile_sections:
        lines += _section(spec, sec)
    lines.append("")
    for kind, text in closing_blocks(spec):
        if kind == "h1":
            lines += _heading(spec, text)
        else:
            lines += [*_wrap(text.replace("\x00", " : ")), ""]
    for note in spec.footnotes:
        lines += [*_wrap(note), ""]
    path = outdir / f"{spec.name}{EXT}"
    path.write_text("\n".join(lines).rstrip("\n") + "\n", encoding="utf-8")
    return path
