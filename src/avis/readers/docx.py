"""Word (.docx) reader: the body in order, tables as label│value rows, lists from styles.

python-docx opens the package and resolves styles; the body is walked directly as XML because
``iter_inner_content()`` and ``Paragraph.text`` skip text notices do use: block and inline
content controls (``w:sdt``), tracked insertions (``w:ins``), simple fields, text boxes (DrawingML
and VML, one branch of ``mc:AlternateContent`` only) and tables nested in cells. DOCX has no
pages, so everything lands on one page without boxes. Headers and footers are page furniture
and are not read; footnotes and endnotes are appended after the body.
"""

from __future__ import annotations

import io
import itertools
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from avis.errors import (
    CorruptInputError,
    PasswordRequiredError,
    UnsafeInputError,
    UnsupportedFormatError,
)
from avis.layout import Document, Line, Page
from avis.layout.bullets import is_symbol_font, strip_bullet
from avis.layout.pairs import mostly_inline
from avis.readers import ReaderSpec, ReadOptions
from avis.readers._ooxml import check_member_count, safe_package

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
RT_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
RT_ENDNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


P, TBL, TR, TC, SDT, SDT_CONTENT = (
    _w("p"),
    _w("tbl"),
    _w("tr"),
    _w("tc"),
    _w("sdt"),
    _w("sdtContent"),
)
R, T, TAB, PTAB, BR, CR = _w("r"), _w("t"), _w("tab"), _w("ptab"), _w("br"), _w("cr")
SYM, NB_HYPHEN, SOFT_HYPHEN = _w("sym"), _w("noBreakHyphen"), _w("softHyphen")
TXBX = _w("txbxContent")
ALT, CHOICE, FALLBACK = f"{{{MC}}}AlternateContent", f"{{{MC}}}Choice", f"{{{MC}}}Fallback"
VAL = _w("val")
# Inline wrappers whose runs are shown: hyperlinks, insertions, fields, smart tags, custom XML.
_INLINE_WRAPPERS = {
    _w(t)
    for t in ("hyperlink", "ins", "moveTo", "fldSimple", "smartTag", "customXml", "dir", "bdo")
}
# Block wrappers whose paragraphs are shown.
_BLOCK_WRAPPERS = {_w(t) for t in ("customXml", "ins", "moveTo")}
_HIDDEN = {_w("del"), _w("moveFrom"), _w("pPr"), _w("rPr")}
_OMATH = {f"{{{M}}}oMath", f"{{{M}}}oMathPara"}
_MATH_T = f"{{{M}}}t"

_HEADING_NAME = re.compile(r"^(?:heading|titre|title)\s*(\d)$", re.I)
_TITLE_NAME = re.compile(r"^(?:title|titre)$", re.I)
_LIST_NAME = re.compile(r"list\s*(bullet|number)|liste\s*(à\s*puces|num[ée]ro)|puces|bullet", re.I)
_FALSE = {"0", "false", "off", "none"}


def read(data: bytes, options: ReadOptions | None = None) -> Document:
    """Read a .docx into one page of lines; raises only :class:`~avis.errors.AvisError`."""
    data, notes = safe_package(data)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except PackageNotFoundError as exc:
        raise UnsupportedFormatError(
            "the file is not a Word document python-docx can open; save it as .docx"
        ) from exc
    except ValueError as exc:
        if "not a Word file" in str(exc):
            raise UnsupportedFormatError(
                f"the package is not a Word document ({exc}); save it as .docx"
            ) from exc
        raise CorruptInputError(
            f"the Word file is damaged ({exc}); re-save it from Word or ask for a new copy"
        ) from exc
    except etree.XMLSyntaxError as exc:
        if "depth" in str(exc).lower():
            raise UnsafeInputError(
                "the Word file nests its XML deeper than 256 levels (Word itself stops at 63 "
                "nested tables), more than avis parses safely; re-save it from Word or as PDF"
            ) from exc
        raise CorruptInputError(
            f"the Word file's XML is damaged ({exc}); re-save it from Word or ask for a new copy"
        ) from exc
    except (KeyError, zipfile.BadZipFile) as exc:
        raise CorruptInputError(
            f"the Word file is damaged ({exc}); re-save it from Word or ask for a new copy"
        ) from exc
    body = document.element.body
    if body is None:
        raise CorruptInputError(
            "the Word document has no body (word/document.xml is damaged); re-save it from Word"
        )
    walker = _Walker(_Styles(_styles_element(document)))
    walker.blocks(body)
    for reltype in (RT_FOOTNOTES, RT_ENDNOTES):
        for note in _notes(document, reltype):
            walker.blocks(note)
    page = Page(number=1, origin="docx", lines=walker.lines)
    return Document(format="docx", pages=[page], warnings=notes)


def _styles_element(document: Any) -> Any:
    try:
        return document.styles.element
    except (KeyError, ValueError, AttributeError):
        return None


def _notes(document: Any, reltype: str) -> Iterator[Any]:
    """Footnote or endnote bodies (not the separator lines Word stores with them)."""
    for rel in document.part.rels.values():
        if rel.is_external or rel.reltype != reltype:
            continue
        parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
        )
        try:
            root = etree.fromstring(rel.target_part.blob, parser)
        except etree.XMLSyntaxError:
            continue
        for note in root:
            if note.get(_w("type")) in (None, "normal"):
                yield note


# ---------------------------------------------------------------------------------------------
# Styles


@dataclass(slots=True)
class _Style:
    name: str
    based_on: str | None
    numbered: bool | None  # numPr with a numId: True; numId 0 (numbering removed): False
    outline: int | None
    bold: bool | None


def _on(el: Any) -> bool:
    """A WordprocessingML on/off property: present means on unless val says otherwise."""
    return (el.get(VAL) or "true").lower() not in _FALSE


def _numbered(ppr: Any) -> bool | None:
    if ppr is None:
        return None
    num = ppr.find(_w("numPr"))
    if num is None:
        return None
    num_id = num.find(_w("numId"))
    if num_id is None:
        return True if num.find(_w("ilvl")) is not None else None
    return (num_id.get(VAL) or "0") != "0"


def _outline(ppr: Any) -> int | None:
    if ppr is None:
        return None
    el = ppr.find(_w("outlineLvl"))
    if el is None:
        return None
    try:
        level = int(el.get(VAL) or "9")
    except ValueError:
        return None
    return level if 0 <= level < 9 else None


def _bold(rpr: Any) -> bool | None:
    if rpr is None:
        return None
    b = rpr.find(_w("b"))
    return None if b is None else _on(b)


class _Styles:
    """Style facts resolved through ``basedOn`` chains (memoised per document)."""

    def __init__(self, element: Any) -> None:
        self.by_id: dict[str, _Style] = {}
        self.default_para: str | None = None
        if element is None:
            return
        for st in element.iter(_w("style")):
            sid = st.get(_w("styleId"))
            if not sid:
                continue
            name_el = st.find(_w("name"))
            based = st.find(_w("basedOn"))
            self.by_id[sid] = _Style(
                name=(name_el.get(VAL) if name_el is not None else None) or sid,
                based_on=based.get(VAL) if based is not None else None,
                numbered=_numbered(st.find(_w("pPr"))),
                outline=_outline(st.find(_w("pPr"))),
                bold=_bold(st.find(_w("rPr"))),
            )
            if st.get(_w("type")) == "paragraph" and _on_attr(st.get(_w("default"))):
                self.default_para = sid

    def chain(self, sid: str | None) -> Iterator[_Style]:
        seen: set[str] = set()
        while sid and sid not in seen and len(seen) < 32:
            seen.add(sid)
            style = self.by_id.get(sid)
            if style is None:
                return
            yield style
            sid = style.based_on

    def heading(self, sid: str | None) -> int | None:
        for style in self.chain(sid):
            m = _HEADING_NAME.match(style.name.strip())
            if m:
                return max(1, int(m.group(1)))
            if _TITLE_NAME.match(style.name.strip()):
                return 1
            if style.outline is not None:
                return style.outline + 1
        return None

    def listed(self, sid: str | None) -> bool:
        for style in self.chain(sid):
            if style.numbered is not None:
                return style.numbered
            if _LIST_NAME.search(style.name):
                return True
        return False

    def bold(self, sid: str | None) -> bool | None:
        for style in self.chain(sid):
            if style.bold is not None:
                return style.bold
        return None


def _on_attr(value: str | None) -> bool:
    return value is not None and value.lower() not in _FALSE


# ---------------------------------------------------------------------------------------------
# Body walk


@dataclass(slots=True)
class _Para:
    """Text of one paragraph as it is shown, with what it carries besides."""

    pieces: list[str] = field(default_factory=list)
    bold: list[bool] = field(default_factory=list)  # one flag per run with visible text
    boxes: list[Any] = field(default_factory=list)  # w:txbxContent to read after the paragraph
    symbol_bullet: bool = False
    tab_at: int | None = None  # len(pieces) at the first tab, when all text before it is bold


Cell = tuple[int, int] | None  # (col, row) of the label│value cell being read, if any


class _Walker:
    """Turns block-level XML into layout lines, in document order."""

    def __init__(self, styles: _Styles) -> None:
        self.styles = styles
        self.lines: list[Line] = []
        self._blocks = itertools.count()
        self._rows = itertools.count()

    # -- blocks --------------------------------------------------------------------------------

    def blocks(self, parent: Any, cell: Cell = None) -> None:
        for child in parent:
            tag = child.tag
            if tag == P:
                self.paragraph(child, cell)
            elif tag == TBL:
                self.table(child, cell)
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self.blocks(content, cell)
            elif tag in _BLOCK_WRAPPERS:
                self.blocks(child, cell)
            elif tag == ALT:
                branch = _branch(child)
                if branch is not None:
                    self.blocks(branch, cell)

    def paragraph(self, p: Any, cell: Cell) -> None:
        ppr = p.find(_w("pPr"))
        sid = None
        if ppr is not None:
            ps = ppr.find(_w("pStyle"))
            sid = ps.get(VAL) if ps is not None else None
        sid = sid or self.styles.default_para
        para_bold = self.styles.bold(sid)
        para = _Para()
        self._inline(p, para, bool(para_bold))
        text = " ".join("".join(para.pieces).split())
        heading = _outline(ppr)
        heading = heading + 1 if heading is not None else self.styles.heading(sid)
        numbered = _numbered(ppr)
        bullet = False
        if heading is None:
            bullet = numbered if numbered is not None else self.styles.listed(sid)
        glyph, rest = strip_bullet(text)
        if glyph and heading is None:
            bullet, text = True, rest
        elif para.symbol_bullet and heading is None:
            bullet = True
        pair = None if heading is not None or bullet or cell is not None else _tab_pair(para)
        if pair is not None:  # "LABEL<tab>value": a label│value row, as in a two-cell table
            pair_row = next(self._rows)
            for k, (part, bold) in enumerate(zip(pair, (True, False), strict=True)):
                self.lines.append(
                    Line(
                        text=part,
                        page=1,
                        origin="docx",
                        bold=bold,
                        col=k,
                        row=pair_row,
                        block=next(self._blocks),
                    )
                )
        elif text:
            col, row = cell if cell is not None else (None, None)
            self.lines.append(
                Line(
                    text=text,
                    page=1,
                    origin="docx",
                    heading=heading,
                    bullet=bullet,
                    bold=bool(para.bold) and all(para.bold),
                    col=col,
                    row=row,
                    block=next(self._blocks),
                )
            )
        for box in para.boxes:
            self.blocks(box, cell)

    # -- tables --------------------------------------------------------------------------------

    def table(self, tbl: Any, cell: Cell) -> None:
        """Rows of two cells (four: two pairs) are label│value rows; other rows, and tables
        whose left cells already hold "Label : value" items, are read cell by cell."""
        rows = [_cells(tr) for tr in _rows(tbl)]
        if cell is not None:  # a table inside a label or value cell: its text belongs there
            for tcs in rows:
                for tc, continued in tcs:
                    if not continued:
                        self.blocks(tc, cell)
            return
        # Cells that already hold "Label : value" items are items side by side, not pairs.
        pairs = not mostly_inline(
            "".join(tcs[i][0].itertext())
            for tcs in rows
            if len(tcs) in (2, 4)
            for i in range(0, len(tcs), 2)
            if not tcs[i][1]
        )
        last_row: int | None = None
        for tcs in rows:
            n = len(tcs) if pairs else 0
            if n == 2:
                last_row = self._pair(tcs[0], tcs[1], last_row)
            elif n == 4 and self._pairs_row(tcs):
                self._pair(tcs[0], tcs[1], None)
                last_row = self._pair(tcs[2], tcs[3], None)
            else:
                last_row = None
                for tc, continued in tcs:
                    if not continued:
                        self.blocks(tc, None)

    def _pair(
        self, label: tuple[Any, bool], value: tuple[Any, bool], last_row: int | None
    ) -> int | None:
        """Emit a label│value row; a row with no label of its own (merged or empty label cell)
        continues the value of the row above."""
        (ltc, lcont), (vtc, vcont) = label, value
        label_empty = lcont or not _has_text(ltc)
        if label_empty and last_row is not None:
            row = last_row
        else:
            row = next(self._rows)
            if not lcont:
                self.blocks(ltc, (0, row))
        if not vcont:
            self.blocks(vtc, (1, row))
        return row

    def _pairs_row(self, tcs: list[tuple[Any, bool]]) -> bool:
        """Four cells read as two label│value pairs when both label cells are short text."""
        for tc, continued in (tcs[0], tcs[2]):
            text = "".join(tc.itertext()).strip()
            if continued or not text or len(text) > 80:
                return False
        return True

    # -- inline --------------------------------------------------------------------------------

    def _inline(self, el: Any, para: _Para, para_bold: bool) -> None:
        for child in el:
            tag = child.tag
            if tag == R:
                self._run(child, para, para_bold)
            elif tag in _INLINE_WRAPPERS:
                self._inline(child, para, para_bold)
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self._inline(content, para, para_bold)
            elif tag == ALT:
                branch = _branch(child)
                if branch is not None:
                    self._inline(branch, para, para_bold)
            elif tag in _OMATH:
                text = "".join(t.text or "" for t in child.iter(_MATH_T))
                if text:
                    para.pieces.append(text)
                    para.bold.append(para_bold)

    def _run(self, r: Any, para: _Para, para_bold: bool) -> None:
        rpr = r.find(_w("rPr"))
        if rpr is not None:
            vanish = rpr.find(_w("vanish"))
            if vanish is not None and _on(vanish):
                return
        bold = _bold(rpr)
        if bold is None and rpr is not None:
            rs = rpr.find(_w("rStyle"))
            if rs is not None:
                bold = self.styles.bold(rs.get(VAL))
        if bold is None:
            bold = para_bold
        visible = False
        for child in r:
            tag = child.tag
            if tag == T:
                if child.text:
                    para.pieces.append(child.text)
                    visible = visible or bool(child.text.strip())
            elif tag in (TAB, PTAB, BR, CR):
                if tag in (TAB, PTAB) and para.tab_at is None and "".join(para.pieces).strip():
                    bold_so_far = all(para.bold) and (bold or not visible)
                    para.tab_at = len(para.pieces) if bold_so_far else -1
                para.pieces.append(" ")
            elif tag == NB_HYPHEN:
                para.pieces.append("-")
                visible = True
            elif tag == SYM:
                ch = _sym_char(child)
                if ch is not None:
                    if not "".join(para.pieces).strip() and is_symbol_font(child.get(_w("font"))):
                        para.symbol_bullet = True  # a Wingdings/Symbol bullet typed by hand
                    else:
                        para.pieces.append(ch)
                        visible = True
            elif tag == ALT:
                branch = _branch(child)
                if branch is not None:
                    para.boxes.extend(_text_boxes(branch))
            elif tag not in (SOFT_HYPHEN, *_HIDDEN):
                para.boxes.extend(_text_boxes(child))
        if visible:
            para.bold.append(bold)


def _tab_pair(para: _Para) -> tuple[str, str] | None:
    """A paragraph laid out as a bold label, a tab, then its value (the tab-stop grid Word
    users draw instead of a table) as (label, value); None for any other paragraph."""
    if para.tab_at is None or para.tab_at < 0:
        return None
    label = " ".join("".join(para.pieces[: para.tab_at]).split())
    value = " ".join("".join(para.pieces[para.tab_at :]).split())
    if not label or not value or len(label) > 80:
        return None
    return label, value


def _sym_char(sym: Any) -> str | None:
    code = sym.get(_w("char"))
    if not code:
        return None
    try:
        value = int(code, 16)
    except ValueError:
        return None
    if 0xF000 <= value <= 0xF0FF:  # symbol fonts address their glyphs in the private-use area
        return chr(value)
    return chr(value) if 0 < value < 0x110000 else None


def _branch(alt: Any) -> Any:
    """The one branch of mc:AlternateContent to read: the first Choice, unless only the
    Fallback holds text boxes (both usually hold the same text box, in two drawing dialects)."""
    choice = alt.find(CHOICE)
    fallback = alt.find(FALLBACK)
    if choice is not None and (fallback is None or _has(choice, TXBX) or not _has(fallback, TXBX)):
        return choice
    return fallback


def _has(el: Any, tag: str) -> bool:
    return next(el.iter(tag), None) is not None


def _text_boxes(el: Any) -> list[Any]:
    """Outermost w:txbxContent under a run's drawing/picture/object, choosing one branch of
    every mc:AlternateContent on the way."""
    out: list[Any] = []
    stack = [el]
    while stack:
        node = stack.pop()
        for child in node:
            if child.tag == TXBX:
                out.append(child)
            elif child.tag == ALT:
                branch = _branch(child)
                if branch is not None:
                    stack.append(branch)
            elif isinstance(child.tag, str):
                stack.append(child)
    return out


def _rows(tbl: Any) -> Iterator[Any]:
    for child in tbl:
        if child.tag == TR:
            yield child
        elif child.tag in (SDT, *_BLOCK_WRAPPERS):
            inner = child.find(SDT_CONTENT) if child.tag == SDT else child
            if inner is not None:
                yield from _rows(inner)


def _cells(tr: Any) -> list[tuple[Any, bool]]:
    """Cells of a row as (w:tc, continues the cell above through a vertical merge)."""
    out: list[tuple[Any, bool]] = []
    for child in tr:
        if child.tag == TC:
            tcpr = child.find(_w("tcPr"))
            vmerge = tcpr.find(_w("vMerge")) if tcpr is not None else None
            continued = vmerge is not None and (vmerge.get(VAL) or "continue") != "restart"
            out.append((child, continued))
        elif child.tag in (SDT, *_BLOCK_WRAPPERS):
            inner = child.find(SDT_CONTENT) if child.tag == SDT else child
            if inner is not None:
                out.extend(_cells(inner))
    return out


def _has_text(tc: Any) -> bool:
    return any((t.text or "").strip() for t in tc.iter(T))


_ENCRYPTED_OOXML = "EncryptedPackage".encode("utf-16-le")
"""A password-protected .docx is an OLE container holding this stream, not a zip."""


def sniff(data: bytes) -> bool:
    """A ZIP holding ``word/`` parts; a ZIP of something else, an encrypted .docx or a legacy
    binary .doc is refused here with what to do about it."""
    if data.startswith(b"PK\x03\x04"):
        check_member_count(data)  # before zipfile builds an entry per member
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = set(zf.namelist())
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            raise CorruptInputError(
                f"the file is a damaged ZIP archive ({exc}); ask for a new copy or re-save it "
                "from Word"
            ) from exc
        if "word/document.xml" in names or any(n.startswith("word/") for n in names):
            return True
        raise UnsupportedFormatError(
            "the file is a ZIP archive but not a Word document (no word/document.xml); "
            "unzip it and convert the notices inside"
        )
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        if _ENCRYPTED_OOXML in data:
            raise PasswordRequiredError(
                "the Word document is password-protected (encrypted); open it in Word, remove "
                "the password (File > Info > Protect Document) and save it again"
            )
        raise UnsupportedFormatError(
            "this is an old binary Word/Office file (.doc); save it as .docx or PDF first"
        )
    return False


READER = ReaderSpec(
    name="docx",
    sniff=sniff,
    read=read,
    paged=False,
    no_text="no text found in this Word document; check that it is the right file",
)
