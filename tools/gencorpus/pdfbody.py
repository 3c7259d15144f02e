"""The body of a PDF notice (sections, bullets, contact), shared by the PDF layouts.

Layouts differ in the header, the organisation block, bullet glyphs and heading style; the
rest of the body is the same flow of headings, paragraphs and bullet lists.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Flowable, KeepTogether, ListFlowable, ListItem, Paragraph

from .closing import closing_blocks
from .pdfcommon import FONT, Styles, para_text
from .spec import HeaderRow, ListSection, NoticeSpec

OrgRenderer = Callable[[tuple[HeaderRow, ...], Styles], list[Flowable]]


class Headings:
    """Formats headings in the notice's style; numbered headings count level-1 sections."""

    def __init__(self, spec: NoticeSpec, st: Styles) -> None:
        self.spec, self.st, self.count = spec, st, 0

    def text(self, text: str, level: int) -> str:
        """The heading as printed (upper-cased, numbered or with a colon)."""
        colon = " :" if self.spec.label_colon and level == 2 else ""
        if self.spec.heading_style == "upper" and level == 1:
            return text.upper()
        if self.spec.heading_style == "numbered" and level == 1:
            self.count += 1
            return f"{self.count}. {text}"
        return text + colon

    def __call__(self, text: str, level: int = 1) -> Paragraph:
        return Paragraph(para_text(self.text(text, level)), self.st["h1" if level == 1 else "h2"])


def bullets(items: tuple[str, ...], spec: NoticeSpec, st: Styles) -> ListFlowable:
    """Real bullet glyphs drawn by reportlab; wrapped lines hang under the item text."""
    return ListFlowable(
        [ListItem(Paragraph(para_text(i), st["item"])) for i in items],
        bulletType="bullet",
        start=spec.bullet,
        bulletFontName=FONT,
        bulletFontSize=10,
        leftIndent=14,
    )


def section(
    sec: ListSection, spec: NoticeSpec, st: Styles, head: Headings, level: int = 1
) -> list[Flowable]:
    """Heading plus bullets, or one paragraph per item when the notice prints paragraphs."""
    if sec.as_paragraphs:
        return [head(sec.heading, level), *(Paragraph(para_text(i), st["body"]) for i in sec.items)]
    # Keep the heading with the first item so no heading is orphaned at a page bottom.
    out: list[Flowable] = [
        KeepTogether([head(sec.heading, level), bullets(sec.items[:1], spec, st)])
    ]
    if len(sec.items) > 1:
        out.append(bullets(sec.items[1:], spec, st))
    return out


def conditions(spec: NoticeSpec, st: Styles, head: Headings) -> list[Flowable]:
    """ "Sub-heading : value" bullets; a sub-heading with several values nests them."""
    if not spec.conditions:
        return []
    items: list[ListItem] = []
    for cond in spec.conditions:
        if len(cond.values) == 1:
            items.append(
                ListItem(Paragraph(para_text(f"{cond.subheading} : {cond.values[0]}"), st["item"]))
            )
        else:
            inner = bullets(cond.values, spec, st)
            items.append(
                ListItem([Paragraph(para_text(f"{cond.subheading} :"), st["item"]), inner])
            )
    lst = ListFlowable(
        items, bulletType="bullet", start=spec.bullet, bulletFontName=FONT, leftIndent=14
    )
    return [head(spec.conditions_heading), lst]


def body_story(spec: NoticeSpec, st: Styles, head: Headings, org: OrgRenderer) -> list[Flowable]:
    """Everything below the header, in the order real notices print it."""
    story: list[Flowable] = [
        head(spec.details_heading),
        Paragraph(para_text(spec.description), st["body"]),
    ]
    story += section(spec.missions, spec, st, head)
    if spec.organisation:
        story += org(spec.organisation, st)
    for sec in spec.activity_sections:
        story += section(sec, spec, st, head)
        if spec.list_note and sec.key == "activities":
            story.append(Paragraph(para_text(spec.list_note), st["body"]))
    story += conditions(spec, st, head)
    story.append(head(spec.profile_heading))
    for sec in spec.profile_sections:
        story += section(sec, spec, st, head, level=2)
    if spec.closing:
        story += closing_story(spec, st, head)
    else:
        story.append(head(spec.contact_heading))
        story += [Paragraph(para_text(line), st["body"]) for line in spec.contact_lines]
        story += [head(spec.apply_heading), Paragraph(para_text(spec.apply_text), st["body"])]
        story.append(bullets(spec.apply_items, spec, st))
    story += [Paragraph(para_text(note), st["small"]) for note in spec.footnotes]
    return story


def closing_story(spec: NoticeSpec, st: Styles, head: Headings) -> list[Flowable]:
    """The unseen families' closing: headings, plain paragraphs, a bold inline label."""
    out: list[Flowable] = []
    for kind, text in closing_blocks(spec):
        if kind == "h1":
            out.append(head(text))
        elif kind == "lp":
            label, _, rest = text.partition("\x00")
            out.append(Paragraph(f"<b>{para_text(label)} :</b> {para_text(rest)}", st["body"]))
        else:
            out.append(Paragraph(para_text(text), st["body"]))
    return out


def title_block(spec: NoticeSpec, st: Styles) -> list[Flowable]:
    """Kicker line and the job title, as the first thing on page 1."""
    return [
        Paragraph(para_text(f"{spec.page_header} – AVIS DE VACANCE DE POSTE"), st["kicker"]),
        Paragraph(para_text(spec.banner or spec.title), st["title"]),
    ]
