"""Layout ``text-md``: Markdown like the seed notice ("Label : value" lines, "#" headings)."""

from __future__ import annotations

from pathlib import Path

from .spec import ListSection, NoticeSpec

EXT = ".md"


def _section(sec: ListSection, mark: str = "#") -> list[str]:
    """Markdown heading plus "- item" lines, or one paragraph per item."""
    lines = [f"{mark} {sec.heading}", ""]
    if sec.as_paragraphs:
        for item in sec.items:
            lines += [item, ""]
        return lines
    return [*lines, *(f"- {item}" for item in sec.items), ""]


def render(spec: NoticeSpec, outdir: Path) -> Path:
    """Write ``NAME.md``: the plain-text path of the pipeline gets truth too."""
    lines = [f"# {spec.title}", ""]
    for row in spec.header:
        lines += [f"{row.label} : {row.value}", ""]
    lines += [f"# {spec.details_heading}", "", spec.description, ""]
    lines += _section(spec.missions)
    for row in spec.organisation:
        lines += [f"{row.label} : {row.value}", ""]
    for sec in spec.activity_sections:
        lines += _section(sec)
    if spec.conditions:
        lines += [f"# {spec.conditions_heading}", ""]
        for cond in spec.conditions:
            if len(cond.values) == 1:
                lines.append(f"- {cond.subheading} : {cond.values[0]}")
            else:
                lines += [f"- {cond.subheading} :", *(f"  - {v}" for v in cond.values)]
        lines.append("")
    lines += [f"# {spec.profile_heading}", ""]
    for sec in spec.profile_sections:
        lines += _section(sec, "##")
    lines += [f"# {spec.contact_heading}", ""]
    for line in spec.contact_lines:
        lines += [line, ""]
    lines += [f"# {spec.apply_heading}", "", spec.apply_text, ""]
    lines += [*(f"- {item}" for item in spec.apply_items), ""]
    for note in spec.footnotes:
        lines += [note, ""]
    path = outdir / f"{spec.name}{EXT}"
    path.write_text("\n".join(lines).rstrip("\n") + "\n", encoding="utf-8")
    return path
