"""What one generated notice prints: the single source both renderers and truth read."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class HeaderRow:
    """One label │ value line of the header; ``key`` names the truth field it feeds."""

    key: str
    label: str
    value: str


@dataclass(frozen=True)
class ListSection:
    """A heading followed by items; ``key`` is the truth list field ("" if none)."""

    key: str
    heading: str
    items: tuple[str, ...]
    as_paragraphs: bool = False


@dataclass(frozen=True)
class Condition:
    """A "Sub-heading : value" block; several values print as nested bullets."""

    subheading: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class Facts:
    """Values known by construction that the printed strings encode (dates, ids, numbers)."""

    reference_id: str
    reference_date: dt.date | None
    posted_on: dt.date
    deadline: dt.date
    start_immediate: bool
    start_date: dt.date | None
    positions: int | None
    contact_email: str | None
    contact_phone: str | None


@dataclass(frozen=True)
class NoticeSpec:
    """Everything a renderer prints, in printing order, plus the facts behind it."""

    name: str
    layout: str
    source: str
    title: str
    employer: str
    page_header: str
    header: tuple[HeaderRow, ...]
    label_colon: bool
    details_heading: str
    description: str
    missions: ListSection
    organisation: tuple[HeaderRow, ...]
    activity_sections: tuple[ListSection, ...]
    conditions_heading: str
    conditions: tuple[Condition, ...]
    profile_heading: str
    profile_sections: tuple[ListSection, ...]
    contact_heading: str
    contact_lines: tuple[str, ...]
    apply_heading: str
    apply_text: str
    apply_items: tuple[str, ...]
    footnotes: tuple[str, ...]
    facts: Facts
    bullet: str = "•"
    heading_style: str = "plain"  # "plain", "numbered" ("1. Missions") or "upper" ("MISSIONS")
    footer_format: str = "Page {page}/{pages}"
    middle_rows: frozenset[str] = frozenset()  # header keys whose value is vertically centred
    # Unseen families only (defaults keep the classic layouts byte-identical):
    group: str = "NC"  # wording family: NC, FPT, FPE, FPH (see wordings.py)
    header_style: str = ""  # unseen header arrangement: above, leaders, inline, table4, textbox…
    columns: int = 2  # header grid columns (label-above-value and 4-column tables)
    upper_labels: bool = False  # "RÉFÉRENCE" rather than "Référence"
    plain_caps: bool = False  # upper-case labels typed without accents ("DATE DE CLOTURE")
    banner: str = ""  # printed instead of the title on top ("OFFRE D’EMPLOI"); title in header
    ruled: bool = True  # header drawn with rulings
    leader: str = ""  # leader glyph between label and value ("." or "…"), "" for none
    list_note: str = ""  # unbulleted paragraph after the activities list (feeds no field)
    closing: str = ""  # "", "sections", "tail", "tail-info-first" or "apply-heading"
    info_line: str = ""  # "Renseignements : … phone … email" line of the closing
    how_to_apply: str = ""  # the application paragraph (truth contact.how_to_apply)
    apply_label: str = ""  # inline label printed before how_to_apply ("Candidatures :")
    # Layout classes of issue #10 only (defaults keep the other families byte-identical):
    prose: tuple[str, ...] = ()  # header facts as sentences (prose header), in print order
    sidebar: str = ""  # "left" / "right": header pairs in a narrow box beside the body

    def label(self, row: HeaderRow) -> str:
        """A header label as this notice prints it (case, accents), without any colon."""
        if not self.upper_labels:
            return row.label
        text = row.label.upper()
        if self.plain_caps:
            text = "".join(
                c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn"
            )
        return text

    def header_value(self, key: str) -> str | None:
        """The printed value of a header field, or None when the notice omits it."""
        return _value(self.header, key)

    def organisation_value(self, key: str) -> str | None:
        """The printed value of an organisation line, or None when the notice omits it."""
        return _value(self.organisation, key)


def _value(rows: tuple[HeaderRow, ...], key: str) -> str | None:
    """First printed value under ``key``: the truth reads what a reader would see first."""
    for row in rows:
        if row.key == key:
            return row.value
    return None
