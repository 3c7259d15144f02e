"""OCR of one page image with the ``tesseract`` command (Tesseract 5, French data).

The binary is called directly (no pytesseract): one process per page, ``OMP_THREAD_LIMIT=1``
(Tesseract's OpenMP threads make a 2-core machine 3–5× slower, not faster; parallelise across
pages or documents with processes instead), TSV output for word boxes and confidences.

Before OCR the page is turned to 8-bit grey, scaled to about ``options.ocr_dpi``, straightened
(skew estimated by a projection profile) and stripped of table rulings; see
:mod:`avis.readers.scan.preprocess`. Tesseract runs once per page in psm 4 (one column of text of
varying sizes: as accurate as psm 3 here, and it keeps a value that is a lone "/" or "2").

Layout hints, as the PDF reader gives them: rulings found before OCR mark the cells of a ruled
label│value table (``col`` and ``row``; label and value cut apart when Tesseract read them as one
line); borderless label│value columns are found on the straightened words with the PDF
reader's own gutter search (``col`` only); a leading bullet glyph, however Tesseract read it
("•", "°", "*", "e" before a capital…), sets ``bullet`` and is removed, and starts a paragraph
(``block``); Tesseract's block/paragraph numbers give ``block`` otherwise. ``Word.size`` is the
line's font size estimated from box heights (extraction finds the title by size). Speckle read
as punctuation with low confidence is dropped.

Coordinates: every box is in the frame of the image *as passed to* :func:`ocr_image` (for a
file, the stored image after its EXIF orientation is applied), converted from pixels to PDF
points with the page resolution (``Page.dpi``): ``points = pixels * 72 / dpi``. Boxes found on
the straightened image are moved back into that frame (their centres are rotated back; width
and height are kept), so an ALTO file written from the page overlays the original scan. A page
read after a quarter or half turn (scanned sideways or upside down) stays in its upright frame,
where the layout and rules work, and records the turn in ``Page.turned``; the pipeline turns
provenance boxes back (:mod:`avis.layout.frames`).
"""

from __future__ import annotations

import functools
import itertools
import math
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np
from PIL import Image

from avis.errors import CorruptInputError, DocumentTimeoutError, OcrUnavailableError
from avis.layout import BBox, Line, Page, Word, union_bbox
from avis.layout.blocks import assign_blocks
from avis.layout.columns import find_columns
from avis.layout.lines import group_lines, right_edge, split_at
from avis.layout.pairs import mostly_inline
from avis.readers import ReadOptions
from avis.readers.parallel import ordered_map
from avis.readers.scan.gutters import split_columns, uncovered_rows
from avis.readers.scan.marks import has_bullet_mark
from avis.readers.scan.preprocess import (
    Ruling,
    despeckle,
    estimate_skew,
    even_background,
    otsu,
    remove_rulings,
    resolution,
    to_grey,
)

INSTALL_HINT = (
    "install it with `apt-get install tesseract-ocr tesseract-ocr-fra` (Debian/Ubuntu; "
    "other systems: a Tesseract 5 package plus its French language data)"
)
TIMEOUT_S = 180.0  # per page; a normal A4 page takes 1–2 s
MIN_INK_READ = 0.5  # share of a page's ink inside word boxes under which it may be turned
MIN_CONF_UPRIGHT = 0.6  # mean word confidence under which a page may lie on its side
OSD_TO_PILLOW = -1  # sign between Tesseract's "Rotate:" and Pillow's counter-clockwise angle
SINGLE_LINE_PSM = 7  # a row of ink no word covered, read again on its own
RECOVERED_MIN_CONF = 0.6  # below this, what was read again is a logo or a smudge
DEFAULT_PSM = 4  # one column of text of varying sizes; measured in tests/test_ocr.py's docs
MIN_SIDE_PX = 16  # smaller images cannot hold a readable word
MAX_WORK_PIXELS = 60_000_000  # cap on the rescaled page handed to Tesseract
ROTATE_RESAMPLE = Image.Resampling.NEAREST  # as accurate as bicubic on 300 dpi pages, 4× faster

# Words made only of table-border or box-drawing characters are ruling remnants, not text.
_GARBAGE = re.compile(r"^[|¦│┃║‖┆┊╎╏_\u2500-\u257f]+$")
_EDGE_PIPES = "|¦│┃║‖"
# A lone glyph that starts a list item. Tesseract reads a round bullet as "•", "°", "*", "e"…
_BULLETS = frozenset("•·▪■●◦‣○□➢►▸✓✔➤→-–—*+°¢¤©®")
_WEAK_BULLETS = frozenset({"e", "o", "O", "0"})  # also ordinary text: need a capital next
# A bullet read glued to its item's first word: "•Préparer", "°_Instruire", "*_Notions".
# Hard bullet shapes may precede any letter; the marks that are also punctuation or ruling
# remnants ("_", "*", "°", "+", dashes) only count before a capital.
_GLUED_BULLET = re.compile(r"^(?:[•▪●◦‣■➢►▸]{1,2}(?=\w)|[•▪●◦‣■➢►▸*+°·_\-–—]{1,3}(?=[A-ZÀ-ÖØ-Þ]))")


@dataclass(frozen=True, slots=True)
class TesseractInfo:
    path: str
    version: str
    langs: frozenset[str]


@functools.lru_cache(maxsize=8)
def _probe(path: str) -> TesseractInfo:
    """Version and installed languages of one ``tesseract`` binary, asked once per process."""
    env = _child_env()
    try:
        ver = subprocess.run(
            [path, "--version"], capture_output=True, text=True, timeout=30, env=env, check=False
        )
        langs = subprocess.run(
            [path, "--list-langs"], capture_output=True, text=True, timeout=30, env=env, check=False
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise OcrUnavailableError(
            f"Tesseract at {path} cannot be run ({exc}); {INSTALL_HINT}"
        ) from exc
    first = (ver.stdout or ver.stderr).strip().splitlines()
    version = first[0].split()[-1] if first and first[0].split() else "unknown"
    names = [
        line.strip()
        for line in (langs.stdout + "\n" + langs.stderr).splitlines()
        if line.strip() and not line.startswith("List of") and " " not in line.strip()
    ]
    return TesseractInfo(path, version, frozenset(names))


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["OMP_THREAD_LIMIT"] = "1"
    return env


def tesseract(lang: str = "fra") -> TesseractInfo:
    """The ``tesseract`` on PATH, checked to have every language of ``lang`` (``fra+eng``)."""
    path = shutil.which("tesseract")
    if path is None:
        raise OcrUnavailableError(
            f"this file is a scan and needs OCR, but Tesseract is not installed: {INSTALL_HINT}"
        )
    info = _probe(path)
    missing = [code for code in lang.split("+") if code and code not in info.langs]
    if missing:
        pkgs = " ".join(f"tesseract-ocr-{code}" for code in missing)
        raise OcrUnavailableError(
            f"Tesseract is installed ({info.path}) but lacks the language data "
            f"{', '.join(missing)}: install it with `apt-get install {pkgs}`"
        )
    return info


def tesseract_version() -> str | None:
    """Version of the Tesseract on PATH, or ``None`` when there is none (for output metadata)."""
    path = shutil.which("tesseract")
    if path is None:
        return None
    try:
        return _probe(path).version
    except OcrUnavailableError:
        return None


@dataclass(slots=True)
class _RawLine:
    """A line in work-image pixels, before cell splitting and conversion to points."""

    words: list[tuple[str, tuple[float, float, float, float], float]]
    block: int
    col: int | None = None
    row: int | None = None
    order: float = 0.0

    @property
    def box(self) -> tuple[float, float, float, float]:
        return (
            min(w[1][0] for w in self.words),
            min(w[1][1] for w in self.words),
            max(w[1][2] for w in self.words),
            max(w[1][3] for w in self.words),
        )


def _run(info: TesseractInfo, images: list[Image.Image], args: list[str]) -> str:
    """Tesseract's stdout for ``images`` handed over as uncompressed BMPs in a private folder.

    Several images (the pieces of one page) go to one process through a list file. Measured on
    300 dpi pages: PNG costs 0.06–0.5 s to encode (noise does not compress), and an 8 MB image
    through stdin is read by Tesseract more slowly than the same bytes from a file; a BMP file
    costs ~10 ms to write and reads as fast as anything.
    """
    with tempfile.TemporaryDirectory(prefix="avis-ocr-") as tmp:
        paths = []
        for i, piece in enumerate(images):
            paths.append(os.path.join(tmp, f"piece{i}.bmp"))
            piece.save(paths[-1], format="BMP")
        source = paths[0]
        if len(paths) > 1:
            source = os.path.join(tmp, "pieces.txt")
            with open(source, "w", encoding="utf-8") as fh:
                fh.write("\n".join(paths) + "\n")
        try:
            proc = subprocess.run(
                [info.path, source, "stdout", *args],
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=TIMEOUT_S,
                env=_child_env(),
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise DocumentTimeoutError(
                f"Tesseract took more than {TIMEOUT_S:.0f} s on one page and was stopped"
            ) from exc
        except OSError as exc:
            raise OcrUnavailableError(f"Tesseract cannot be run ({exc}); {INSTALL_HINT}") from exc
    if proc.returncode != 0:
        tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
        raise CorruptInputError(
            f"Tesseract failed on the page image (exit {proc.returncode}): {' / '.join(tail)}"
        )
    return proc.stdout.decode("utf-8", "replace")


def run_tesseract(
    images: Image.Image | list[Image.Image], dpi: float, lang: str, psm: int = DEFAULT_PSM
) -> str:
    """TSV of one or more grey images; with several, its ``page_num`` numbers them from 1."""
    pieces = images if isinstance(images, list) else [images]
    args = ["-l", lang, "--psm", str(psm), "--dpi", str(round(dpi)), "tsv"]
    return _run(tesseract(lang), pieces, args)


def parse_tsv(
    tsv: str, block_base: int = 0, offsets: list[tuple[int, int]] | None = None
) -> list[_RawLine]:
    """Words of a Tesseract TSV grouped into its lines, in its reading order.

    Rows with confidence -1 are structure rows, not words; ruling remnants (``|``, box drawing)
    are dropped and pipes glued to a word's edge are cut off. ``offsets`` place the images of
    a multi-image TSV (``page_num`` 1, 2…) on the page they were cut from.
    """
    lines: dict[tuple[int, int, int, int], _RawLine] = {}
    blocks: dict[tuple[int, int, int], int] = {}
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5":
            continue
        try:
            piece, block, par, line = int(cells[1]), int(cells[2]), int(cells[3]), int(cells[4])
            left, top, width, height = (int(c) for c in cells[6:10])
            conf = float(cells[10])
        except ValueError:
            continue
        if offsets and 1 <= piece <= len(offsets):
            left += offsets[piece - 1][0]
            top += offsets[piece - 1][1]
        text = cells[11].strip()
        if conf < 0 or not text or _GARBAGE.match(text):
            continue
        stripped = text.strip(_EDGE_PIPES)
        if stripped != text:
            if not stripped:
                continue
            text = stripped
        key = (piece, block, par, line)
        if key not in lines:
            bid = blocks.setdefault((piece, block, par), block_base + len(blocks))
            lines[key] = _RawLine(words=[], block=bid)
        box = (float(left), float(top), float(left + width), float(top + height))
        lines[key].words.append((text, box, min(max(conf / 100.0, 0.0), 1.0)))
    return [line for line in lines.values() if line.words]


def _glyph_before_gap(boxes: list[tuple[float, float, float, float]] | None) -> bool:
    """The first word is a small mark set apart: a square bullet Tesseract read as something else.

    "▪" comes out as "m", "ms", "sm", "#", "“"…; what gives it away is the shape — a word
    narrower than its line is tall, followed by a gap much wider than a space.
    """
    if not boxes or len(boxes) < 2:
        return False
    first, second = boxes[0], boxes[1]
    height = max(b[3] - b[1] for b in boxes)
    width = first[2] - first[0]
    gap = second[0] - first[2]
    return height > 0 and width <= 1.2 * height and gap >= 0.6 * height


def strip_bullet(
    words: list[str], boxes: list[tuple[float, float, float, float]] | None = None
) -> tuple[list[str], bool]:
    """Remove a leading bullet glyph (as Tesseract reads it) and say whether there was one."""
    if len(words) < 2:
        return words, False
    first_raw = words[0]
    if (
        len(first_raw) <= 3
        and first_raw.isalpha()
        and first_raw.islower()
        and words[1][:1].isupper()
        and _glyph_before_gap(boxes)
    ):
        return words[1:], True
    # A mark read as punctuation ("#", "“", "¢") set apart like a bullet is one, whatever it reads.
    if (
        len(first_raw) <= 2
        and not any(ch.isalnum() for ch in first_raw)
        and _glyph_before_gap(boxes)
    ):
        return words[1:], True
    first, nxt = words[0].rstrip("_.,"), words[1]
    if first and all(ch in _BULLETS for ch in first) and len(first) <= 2:
        return words[1:], True
    if first in _WEAK_BULLETS and nxt[:1].isupper():
        return words[1:], True
    glued = _GLUED_BULLET.match(words[0])
    if glued:
        return [words[0][glued.end() :], *words[1:]], True
    return words, False


def _wrapped_dash(rl: _RawLine, dropped: int, item: tuple[float, float] | None) -> bool:
    """A dash that starts a wrapped line of the item above, not a new item ("… B1V" / "– H0").

    It sits where the item's text starts (not in the bullet column) right under it, and a
    mere space follows it; a sub-item's dash under that text is followed by an indent
    (measured: 0.6 vs 1.2 word heights on 300 dpi scans).
    """
    if item is None or dropped != 1 or len(rl.words) < 2 or rl.words[0][0] not in "-–—":
        return False
    box, nxt = rl.words[0][1], rl.words[1][1]
    height = max(w[1][3] - w[1][1] for w in rl.words)
    return (
        abs(box[0] - item[0]) <= 0.6 * height
        and box[1] - item[1] <= 1.2 * height
        and nxt[0] - box[2] < 0.9 * (nxt[3] - nxt[1])
    )


def is_noise(text: str, conf: float) -> bool:
    """Speckle read as text: punctuation-only words, or a glyph or two, with low confidence."""
    if conf < 0.6 and not any(ch.isalnum() for ch in text):
        return True
    return conf < 0.1 and len(text) <= 2


def _tables(rulings: list[Ruling], tol: float) -> list[tuple[float, float, float, list[float]]]:
    """Two-column ruled tables: ``(top, bottom, separator_x, row_boundaries)`` for each.

    Vertical rulings overlapping in height form one table; the table's width comes from the
    horizontal rulings crossing it. Exactly one vertical ruling strictly inside that width makes
    it a label│value table; horizontal rulings crossing the separator delimit its rows.
    """
    verticals = sorted((r for r in rulings if not r.horizontal), key=lambda r: r.start)
    horizontals = [r for r in rulings if r.horizontal]
    groups: list[list[Ruling]] = []
    for v in verticals:
        if groups and v.start <= max(g.end for g in groups[-1]) + tol:
            groups[-1].append(v)
        else:
            groups.append([v])
    tables = []
    for group in groups:
        top = min(v.start for v in group)
        bottom = max(v.end for v in group)
        across = [h for h in horizontals if top - tol <= h.pos <= bottom + tol]
        left = min([h.start for h in across] + [v.pos for v in group])
        right = max([h.end for h in across] + [v.pos for v in group])
        inner = sorted(v.pos for v in group if left + tol < v.pos < right - tol)
        xs: list[float] = []
        for x in inner:
            if not xs or x - xs[-1] > tol:
                xs.append(x)
        if len(xs) != 1:
            continue
        sep = xs[0]
        ys: list[float] = []
        for y in sorted(h.pos for h in across if h.start <= sep + tol and h.end >= sep - tol):
            if not ys or y - ys[-1] > tol:
                ys.append(y)
        tables.append((top - tol, bottom + tol, sep, ys))
    return tables


def _assign_cells(lines: list[_RawLine], rulings: list[Ruling], dpi: float) -> list[_RawLine]:
    """Split lines at a label│value table's separator, number rows, order cells row by row.

    Each cell (row, col) becomes its own paragraph (block id), so a label never runs into its
    value. Cells of a table with row rulings are sorted by (row, col) and put where the table's
    first line was: Tesseract sometimes reads a whole column before the next.
    """
    tables = _tables(rulings, tol=max(0.05 * dpi, 4))
    if not tables:
        return lines
    row_base: list[int] = []
    total = 0
    for table in tables:
        row_base.append(total)
        total += max(len(table[3]) - 1, 0)
    next_block = max((ln.block for ln in lines), default=0) + 1
    cell_block: dict[tuple[int, int, int], int] = {}
    cells: dict[int, list[_RawLine]] = {}
    result: list[_RawLine | int] = []  # an int marks where table number n goes
    for line in lines:
        _x0, y0, _x1, y1 = line.box
        cy = (y0 + y1) / 2
        hit = next((i for i, t in enumerate(tables) if t[0] <= cy <= t[1]), None)
        if hit is None:
            result.append(line)
            continue
        _top, _bottom, sep, ys = tables[hit]
        row = None
        if len(ys) >= 2 and ys[0] <= cy <= ys[-1]:
            row = row_base[hit] + sum(1 for y in ys[1:-1] if y < cy)
        if hit not in cells:
            cells[hit] = []
            result.append(hit)
        for col in (0, 1):
            words = [w for w in line.words if ((w[1][0] + w[1][2]) / 2 >= sep) == bool(col)]
            if not words:
                continue
            key = (hit, -1 if row is None else row, col)
            if row is None:  # no row rulings: one paragraph per line and column
                key = (hit, -2 - len(cell_block), col)
            if key not in cell_block:
                cell_block[key] = next_block
                next_block += 1
            cells[hit].append(
                _RawLine(words=words, block=cell_block[key], col=col, row=row, order=cy)
            )
    ordered: list[_RawLine] = []
    for item in result:
        if isinstance(item, int):
            group = cells[item]
            if all(c.row is not None for c in group):
                group.sort(key=lambda c: (c.row, c.col, c.order))
            ordered.extend(group)
        else:
            ordered.append(item)
    return ordered


def _rotate_back(box: BBox, angle: float, centre: tuple[float, float], size: BBox) -> BBox:
    """A box of the straightened page → the same word on the page as scanned (points).

    The centre is turned back about the page centre; width and height are kept (for the few
    degrees of a crooked scan the box still covers the word). Clipped to the page.
    """
    x0, y0, x1, y1 = box
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    if angle:
        a = math.radians(angle)
        dx, dy = cx - centre[0], cy - centre[1]
        cx = centre[0] + dx * math.cos(a) + dy * math.sin(a)
        cy = centre[1] - dx * math.sin(a) + dy * math.cos(a)
    hw, hh = (x1 - x0) / 2, (y1 - y0) / 2
    return (
        round(max(cx - hw, size[0]), 2),
        round(max(cy - hh, size[1]), 2),
        round(min(cx + hw, size[2]), 2),
        round(min(cy + hh, size[3]), 2),
    )


_CAP_ACCENTS = frozenset("ÀÂÄÉÈÊËÎÏÔÖÙÛÜŸ")  # reach above cap height
_X_HEIGHT = frozenset("acemnorsuvwxz.,:;-–—·•*+=~<>")  # reach x-height at most
_DESC = frozenset("gjpqyçÇ,;()[]{}")  # reach below the baseline


def _extent(text: str) -> float:
    """Share of the font size (Helvetica/Times-like) a word's box spans: top over bottom."""
    top = max(0.92 if ch in _CAP_ACCENTS else 0.53 if ch in _X_HEIGHT else 0.74 for ch in text)
    bottom = 0.21 if any(ch in _DESC for ch in text) else 0.0
    return top + bottom


def _font_size(words: list[Word]) -> float | None:
    """Font size (points) of an OCR line, from its word boxes and which glyphs they hold.

    A box spans only the extents its letters reach ("un" is x-height tall, "Projet" spans
    ascender to descender), so each word's height is divided by the share of the font size its
    letters cover; the line takes the median. Extraction compares sizes to find the title.
    """
    sizes = [
        (w.bbox[3] - w.bbox[1]) / _extent(w.text) for w in words if w.bbox is not None and w.text
    ]
    if not sizes:
        return None
    sizes.sort()
    return round(sizes[len(sizes) // 2])


def _make_line(words: list[Word], page: int, **hints: object) -> Line:
    return Line(
        text=" ".join(w.text for w in words),
        words=words,
        bbox=union_bbox([w.bbox for w in words]),
        page=page,
        origin="ocr",
        conf=round(sum(w.conf for w in words) / len(words), 3),
        **hints,  # type: ignore[arg-type]
    )


def _split_items(lines: list[Line], next_block: int) -> int:
    """A bullet starts a new paragraph (Tesseract puts a whole list in one); the lines after it
    continue the item. Returns the next free block id."""
    seen: set[int] = set()
    current: dict[int, int] = {}  # Tesseract block → the id its lines now continue
    for line in lines:
        if line.block is None or line.col is not None:
            continue
        orig = line.block
        if line.bullet and orig in seen:
            current[orig] = next_block
            next_block += 1
        seen.add(orig)
        line.block = current.get(orig, orig)
    return next_block


def _borderless(lines: list[Line], page: int, next_block: int) -> list[Line]:
    """Label│value columns without rulings, found as the PDF reader finds them.

    Lines are regrouped on the straightened page (Tesseract often reads the label column as one
    block, then the value column); a region whose left column holds "Label : value" items is two
    columns of items and is left as Tesseract read it. Cells get ``col`` 0/1, no ``row``.
    """
    free = [ln for ln in lines if ln.col is None]
    visual = group_lines(w for ln in free for w in ln.words)
    regions = find_columns(visual)
    if not regions:
        return lines
    counter = itertools.count(next_block)
    taken: set[int] = set()
    inserts: list[tuple[float, list[Line]]] = []
    for ri, region in enumerate(regions):
        rows = visual[region.start : region.end + 1]
        halves = [split_at(ws, region.x) for ws in rows]
        if mostly_inline(
            " ".join(w.text for w in left) for left, right in halves if left and right
        ):
            continue
        cells: list[tuple[Line, tuple[str, int, int], float]] = []
        for left, right in halves:
            for col, ws in ((0, left), (1, right)):
                if ws:
                    cells.append((_make_line(ws, page, col=col), ("cols", ri, col), 0.0))
        value_right = right_edge(line for line, ctx, _r in cells if ctx[2] == 1)
        cells = [(ln, ctx, region.x if ctx[2] == 0 else value_right) for ln, ctx, _r in cells]
        assign_blocks(cells, lambda: next(counter))
        taken.update(id(w) for ws in rows for w in ws)
        top = min(w.bbox[1] for w in rows[0] if w.bbox is not None)
        inserts.append((top, [ln for ln, _ctx, _r in cells]))
    if not inserts:
        return lines
    out: list[Line] = []
    for line in lines:
        kept = [w for w in line.words if id(w) not in taken]
        if len(kept) == len(line.words):
            out.append(line)
        elif kept:  # a Tesseract line straddling a region's edge keeps its other words
            out.append(_make_line(kept, page, bullet=line.bullet, block=line.block))
    for top, group in inserts:
        at = next(
            (i for i, ln in enumerate(out) if ln.bbox is not None and ln.bbox[1] > top), len(out)
        )
        out[at:at] = group
    return out


@dataclass(slots=True)
class PageScan:
    """What preprocessing did to one page (kept for reports, ALTO metadata and tests)."""

    src_dpi: float
    dpi_source: str
    scale: float
    skew: float
    rulings: int
    speckle: float = 0.0  # isolated dark pixels per 10,000 (see ``despeckle``)
    despeckled: bool = False


def prepare(
    image: Image.Image, options: ReadOptions, dpi: float | None = None
) -> tuple[Image.Image, list[Ruling], PageScan]:
    """Grey, rescaled, straightened, ruling-free image ready for Tesseract, and what was done."""
    grey = to_grey(image)
    src_dpi, how = resolution(image, dpi)
    target = float(min(max(options.ocr_dpi, 150), 600))
    scale = 1.0
    if src_dpi < 0.8 * target or src_dpi > 1.34 * target:
        scale = min(max(target / src_dpi, 0.2), 4.0)
    w, h = grey.size
    if w * h * scale * scale > MAX_WORK_PIXELS:
        scale = math.sqrt(MAX_WORK_PIXELS / (w * h))
    work = grey
    if abs(scale - 1.0) > 0.02:
        work = grey.resize(
            (max(round(w * scale), 1), max(round(h * scale), 1)), Image.Resampling.BICUBIC
        )
    else:
        scale = 1.0
    work_dpi = src_dpi * scale
    work = even_background(work, work_dpi)
    filtered, level = despeckle(work)
    despeckled = filtered is not work
    work = filtered
    skew = estimate_skew(work, work_dpi)
    if abs(skew) >= 0.1:
        work = work.rotate(-skew, resample=ROTATE_RESAMPLE, fillcolor=255)
    else:
        skew = 0.0
    work, rulings = remove_rulings(work, work_dpi)
    return (
        work,
        rulings,
        PageScan(src_dpi, how, scale, skew, len(rulings), round(level, 2), despeckled),
    )


def _unreadable(raw: list[_RawLine], dark: np.ndarray) -> bool:
    """Tesseract read little of a page that has ink: maybe it lies on its side.

    Measured on 300 dpi notice pages: upright ones, even noisy or photocopied, have 95–100 %
    of their ink inside word boxes and a mean word confidence of 0.93–0.95; a page turned by
    90° had 6 % of its ink read, one turned by 180° all of it at a confidence of 0.38.
    """
    small = dark[::4, ::4]
    ink = int(small.sum())
    if ink < 0.002 * small.size:
        return False  # a blank page
    covered = np.zeros_like(small)
    confs = []
    for rl in raw:
        for text, box, conf in rl.words:
            covered[
                int(box[1]) // 4 : int(box[3]) // 4 + 1, int(box[0]) // 4 : int(box[2]) // 4 + 1
            ] = True
            if any(ch.isalnum() for ch in text):
                confs.append(conf)
    if int((small & covered).sum()) < MIN_INK_READ * ink or not confs:
        return True
    return sum(confs) / len(confs) < MIN_CONF_UPRIGHT


def orientation(image: Image.Image, dpi: float, lang: str = "fra") -> int:
    """Degrees (counter-clockwise, as Pillow's ``rotate``) that make the page upright: 0, 90,
    180 or 270, from Tesseract's orientation detection (psm 0). 0 when it is unsure (confidence
    under 2), fails, or its ``osd`` data is not installed."""
    info = tesseract(lang)
    if "osd" not in info.langs:
        return 0
    try:
        out = _run(info, [image], ["--psm", "0", "-l", "osd", "--dpi", str(round(dpi))])
    except (DocumentTimeoutError, OcrUnavailableError, CorruptInputError):
        return 0
    found = {
        key.strip(): value.strip()
        for key, sep, value in (line.partition(":") for line in out.splitlines())
        if sep
    }
    try:
        rotate = int(found.get("Rotate", "0"))
        confidence = float(found.get("Orientation confidence", "0"))
    except ValueError:
        return 0
    if confidence < 2.0 or rotate not in (90, 180, 270):
        return 0
    return OSD_TO_PILLOW * rotate % 360


def _read_pieces(
    work: Image.Image, dark: np.ndarray, dpi: float, lang: str, psm: int, base: int
) -> list[_RawLine]:
    """OCR a prepared page cut into bands and two-column strips (:mod:`avis.readers.scan.gutters`).

    All pieces go to one Tesseract process. Lines come back in page order: by their top, which
    interleaves the labels and values of a stretch as a reader sees them. A short value alone
    in its column (a lone "1" under "Nombre de postes") is dropped by Tesseract's layout
    analysis; rows of ink in a strip that no word covers are read again as single lines.
    """
    pieces = split_columns(work, dpi)
    if len(pieces) == 1:
        return parse_tsv(run_tesseract(work, dpi, lang, psm), base)
    crops = [work.crop((p.x0, p.y0, p.x1, p.y1)) for p in pieces]
    raw = parse_tsv(run_tesseract(crops, dpi, lang, psm), base, [(p.x0, p.y0) for p in pieces])
    boxes = [w[1] for rl in raw for w in rl.words]
    lost = [box for p in pieces if p.strip for box in uncovered_rows(dark, p, boxes, dpi)]
    if lost:
        crops = [work.crop(box) for box in lost]
        tsv = run_tesseract(crops, dpi, lang, SINGLE_LINE_PSM)
        found = parse_tsv(tsv, base + 900, [(b[0], b[1]) for b in lost])
        raw += [rl for rl in found if all(w[2] >= RECOVERED_MIN_CONF for w in rl.words)]
    return sorted(raw, key=lambda rl: rl.box[1])


def ocr_image(
    image: Image.Image,
    page_number: int,
    options: ReadOptions,
    *,
    dpi: float | None = None,
    psm: int = DEFAULT_PSM,
    turn: bool = True,
) -> Page:
    """OCR one page image into a :class:`~avis.layout.Page` (origin ``"ocr"``).

    ``dpi`` is the image's true resolution when the caller knows it (a PDF page rendered at a
    chosen scale); otherwise it is read from the image, or guessed from its size against A4.
    A page that reads as nonsense is checked for a quarter or half turn (scanned sideways or
    upside down) and read again upright, unless ``turn`` is False.
    Raises :class:`OcrUnavailableError` when Tesseract or its language data is missing.
    """
    tesseract(options.ocr_lang)  # fail early and clearly, before any image work
    src_dpi, _how = resolution(image, dpi)
    w_px, h_px = image.size
    size_pt = (w_px * 72.0 / src_dpi, h_px * 72.0 / src_dpi)
    page = Page(
        number=page_number,
        width=round(size_pt[0], 2),
        height=round(size_pt[1], 2),
        origin="ocr",
        dpi=round(src_dpi, 2),
    )
    if min(w_px, h_px) < MIN_SIDE_PX:
        return page
    work, rulings, scan = prepare(image, options, dpi)
    grey = np.asarray(work)
    dark = grey < min(otsu(grey[::4, ::4]), 200)
    work_dpi = src_dpi * scan.scale
    raw = _read_pieces(work, dark, work_dpi, options.ocr_lang, psm, page_number * 1000)
    if turn and _unreadable(raw, dark):
        angle = orientation(work, work_dpi, options.ocr_lang)
        if angle:
            upright = image.rotate(angle, expand=True)
            page = ocr_image(upright, page_number, options, dpi=src_dpi, psm=psm, turn=False)
            page.turned = angle
            return page
    raw = _assign_cells(raw, rulings, work_dpi)
    k = 72.0 / work_dpi  # work pixels → points, on the straightened page
    lines: list[Line] = []
    item: tuple[float, float] | None = None  # text start x and bottom of the last list item
    for rl in raw:
        texts, bullet = strip_bullet([w[0] for w in rl.words], [w[1] for w in rl.words])
        if bullet and _wrapped_dash(rl, len(rl.words) - len(texts), item):
            texts, bullet = [w[0] for w in rl.words], False
        elif not bullet and rl.col is None:
            bullet = has_bullet_mark(dark, rl.box, rl.words[0][1])
        if bullet:
            first = rl.words[len(rl.words) - len(texts)][1]
            item = (first[0], rl.box[3])
        elif item is not None:
            item = (item[0], rl.box[3])
        kept = rl.words[len(rl.words) - len(texts) :]
        words = [
            Word(text=t, bbox=(b[0] * k, b[1] * k, b[2] * k, b[3] * k), conf=round(c, 3))
            for t, (_orig, b, c) in zip(texts, kept, strict=True)
            if not is_noise(t, c)
        ]
        if words:
            size = _font_size(words)
            for word in words:
                word.size = size
            lines.append(
                _make_line(
                    words, page_number, bullet=bullet, col=rl.col, row=rl.row, block=rl.block
                )
            )
    next_block = max((ln.block or 0 for ln in lines), default=0) + 1
    next_block = _split_items(lines, next_block)
    lines = _borderless(lines, page_number, next_block)
    centre = (work.size[0] * k / 2, work.size[1] * k / 2)
    bounds = (0.0, 0.0, size_pt[0], size_pt[1])
    for line in lines:
        for word in line.words:
            if word.bbox is not None:
                word.bbox = _rotate_back(word.bbox, scan.skew, centre, bounds)
        line.bbox = union_bbox([w.bbox for w in line.words])
    page.lines = lines
    return page


PageJob = tuple[Image.Image, int, float | None]
"""A page image to OCR, its page number and its resolution when known."""


def ocr_pages(
    jobs: Iterable[PageJob], options: ReadOptions
) -> Iterator[tuple[int, Page | OcrUnavailableError]]:
    """OCR pages in order, up to ``options.ocr_threads`` at a time (see
    :mod:`avis.readers.parallel`); each image is closed once read. A missing Tesseract is
    yielded for the caller to report."""

    def one(job: PageJob) -> tuple[int, Page | OcrUnavailableError]:
        image, number, dpi = job
        try:
            return number, ocr_image(image, number, options, dpi=dpi)
        except OcrUnavailableError as exc:
            return number, exc
        finally:
            image.close()

    return ordered_map(one, jobs, options.ocr_threads)
