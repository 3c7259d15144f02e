"""OCR of one page image with the ``tesseract`` command (Tesseract 5, French data).

The binary is called directly (no pytesseract): one process per page, ``OMP_THREAD_LIMIT=1``
(Tesseract's OpenMP threads make a 2-core machine 3–5× slower, not faster; parallelise across
pages or documents with processes instead), TSV output for word boxes and confidences.

Before OCR the page is turned to 8-bit grey, scaled to about ``options.ocr_dpi``, straightened
(skew estimated by a projection profile) and stripped of table rulings; see
:mod:`avis.readers._preprocess`. Rulings found are used to mark the cells of a label│value
table (``Line.col``/``Line.row``), as a PDF reader does with vector rulings.

Coordinates: every box is in the frame of the image *as passed to* :func:`ocr_image` (for a
file, the stored image after its EXIF orientation is applied), converted from pixels to PDF
points with the page resolution (``Page.dpi``): ``points = pixels * 72 / dpi``. Boxes found on
the straightened image are moved back into that frame (their centres are rotated back; width
and height are kept), so an ALTO file written from the page overlays the original scan.
"""

from __future__ import annotations

import functools
import io
import math
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field

from PIL import Image

from avis.errors import CorruptInputError, DocumentTimeoutError, OcrUnavailableError
from avis.layout import BBox, Line, Page, Word
from avis.readers import ReadOptions
from avis.readers._preprocess import (
    Ruling,
    estimate_skew,
    remove_rulings,
    resolution,
    to_grey,
)

INSTALL_HINT = (
    "install it with `apt-get install tesseract-ocr tesseract-ocr-fra` (Debian/Ubuntu; "
    "other systems: a Tesseract 5 package plus its French language data)"
)
TIMEOUT_S = 180.0  # per page; a normal A4 page takes 1–2 s
DEFAULT_PSM = 3  # automatic page segmentation; see the module docs of tests/test_ocr.py
MIN_SIDE_PX = 16  # smaller images cannot hold a readable word
MAX_WORK_PIXELS = 60_000_000  # cap on the rescaled page handed to Tesseract

# Words made only of table-border or box-drawing characters are ruling remnants, not text.
_GARBAGE = re.compile(r"^[|¦│┃║‖┆┊╎╏_\u2500-\u257f]+$")
_EDGE_PIPES = "|¦│┃║‖"
# A lone glyph that starts a list item. Tesseract reads a round bullet as "•", "°", "*", "e"…
_BULLETS = frozenset("•·▪■●◦‣○□➢►▸✓✔➤→-–—*°¢¤©®")
_WEAK_BULLETS = frozenset({"e", "o", "O", "0", "@", "«"})  # also ordinary text: need a capital next


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
        raise OcrUnavailableError(f"Tesseract at {path} cannot be run ({exc}); {INSTALL_HINT}") from exc
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
    extra: dict[str, int] = field(default_factory=dict)

    @property
    def box(self) -> tuple[float, float, float, float]:
        return (
            min(w[1][0] for w in self.words),
            min(w[1][1] for w in self.words),
            max(w[1][2] for w in self.words),
            max(w[1][3] for w in self.words),
        )


def run_tesseract(image: Image.Image, dpi: float, lang: str, psm: int = DEFAULT_PSM) -> str:
    """TSV of one grey image; the image goes through stdin as PNG (no temporary file)."""
    info = tesseract(lang)
    buf = io.BytesIO()
    image.save(buf, format="PNG", compress_level=1)
    cmd = [
        info.path,
        "stdin",
        "stdout",
        "-l",
        lang,
        "--psm",
        str(psm),
        "--dpi",
        str(round(dpi)),
        "tsv",
    ]
    try:
        proc = subprocess.run(
            cmd,
            input=buf.getvalue(),
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


def parse_tsv(tsv: str, block_base: int = 0) -> list[_RawLine]:
    """Words of a Tesseract TSV grouped into its lines, in its reading order.

    Rows with confidence -1 are structure rows, not words; ruling remnants (``|``, box drawing)
    are dropped and pipes glued to a word's edge are cut off.
    """
    lines: dict[tuple[int, int, int], _RawLine] = {}
    blocks: dict[tuple[int, int], int] = {}
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5":
            continue
        try:
            block, par, line = int(cells[2]), int(cells[3]), int(cells[4])
            left, top, width, height = (int(c) for c in cells[6:10])
            conf = float(cells[10])
        except ValueError:
            continue
        text = cells[11].strip()
        if conf < 0 or not text or _GARBAGE.match(text):
            continue
        stripped = text.strip(_EDGE_PIPES)
        if stripped != text:
            if not stripped:
                continue
            text = stripped
        key = (block, par, line)
        if key not in lines:
            bid = blocks.setdefault((block, par), block_base + len(blocks))
            lines[key] = _RawLine(words=[], block=bid)
        box = (float(left), float(top), float(left + width), float(top + height))
        lines[key].words.append((text, box, min(max(conf / 100.0, 0.0), 1.0)))
    return [line for line in lines.values() if line.words]


def strip_bullet(words: list[str]) -> tuple[list[str], bool]:
    """Remove a leading bullet glyph (as Tesseract reads it) and say whether there was one."""
    if len(words) < 2:
        return words, False
    first, nxt = words[0].rstrip("_.,"), words[1]
    if first and all(ch in _BULLETS for ch in first) and len(first) <= 2:
        return words[1:], True
    if first in _WEAK_BULLETS and nxt[:1].isupper():
        return words[1:], True
    if len(words[0]) > 1 and words[0][0] in "•▪●◦‣■➢►▸" and words[0][1].isalpha():
        return [words[0][1:], *words[1:]], True
    return words, False


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
    """Split lines at a label│value table's separator, number rows, order cells row by row."""
    tables = _tables(rulings, tol=max(0.05 * dpi, 4))
    if not tables:
        return lines
    out: list[_RawLine] = []
    cells: dict[int, list[_RawLine]] = {}  # table index → its cell lines
    first_at: dict[int, int] = {}
    row_base = 0
    row_ids: list[int] = []
    for top, bottom, _sep, ys in tables:
        row_ids.append(row_base)
        row_base += max(len(ys) - 1, 0)
    next_block = max((ln.block for ln in lines), default=0) + 1
    cell_blocks: dict[tuple[int, int, int], int] = {}
    for line in lines:
        x0, y0, x1, y1 = line.box
        cy = (y0 + y1) / 2
        hit = next((i for i, t in enumerate(tables) if t[0] <= cy <= t[1]), None)
        if hit is None:
            out.append(line)
            continue
        _top, _bottom, sep, ys = tables[hit]
        row = None
        if len(ys) >= 2 and ys[0] <= cy <= ys[-1]:
            band = sum(1 for y in ys[1:-1] if y < cy)
            row = row_ids[hit] + band
        parts = (
            [w for w in line.words if (w[1][0] + w[1][2]) / 2 < sep],
            [w for w in line.words if (w[1][0] + w[1][2]) / 2 >= sep],
        )
        if hit not in first_at:
            first_at[hit] = len(out)
            out.append(line)  # placeholder, replaced by the sorted cells below
        for col, words in enumerate(parts):
            if not words:
                continue
            key = (hit, row if row is not None else -1, col)
            if row is not None:
                block = cell_blocks.setdefault(key, next_block + len(cell_blocks))
            else:
                block = line.block if len(parts[0]) == 0 or len(parts[1]) == 0 else next_block
                if block == next_block:
                    next_block += 1
            cells.setdefault(hit, []).append(
                _RawLine(words=words, block=block, col=col, row=row, order=cy)
            )
    next_block += len(cell_blocks)
    result: list[_RawLine] = []
    placeholders = {pos: hit for hit, pos in first_at.items()}
    for pos, line in enumerate(out):
        if pos in placeholders:
            group = cells.get(placeholders[pos], [])
            if all(c.row is not None for c in group):
                group.sort(key=lambda c: (c.row, c.col, c.order))
            result.extend(group)
        else:
            result.append(line)
    return result


def _to_points(
    box: tuple[float, float, float, float],
    angle: float,
    centre: tuple[float, float],
    scale: float,
    src_dpi: float,
    size: tuple[float, float],
) -> BBox:
    """Work-image pixels → points in the frame of the image given to :func:`ocr_image`."""
    x0, y0, x1, y1 = box
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    if angle:
        a = math.radians(angle)
        dx, dy = cx - centre[0], cy - centre[1]
        cx = centre[0] + dx * math.cos(a) + dy * math.sin(a)
        cy = centre[1] - dx * math.sin(a) + dy * math.cos(a)
    k = 72.0 / (src_dpi * scale)
    hw, hh = (x1 - x0) / 2, (y1 - y0) / 2
    w_pt, h_pt = size
    return (
        round(max((cx - hw) * k, 0.0), 2),
        round(max((cy - hh) * k, 0.0), 2),
        round(min((cx + hw) * k, w_pt), 2),
        round(min((cy + hh) * k, h_pt), 2),
    )


@dataclass(slots=True)
class PageScan:
    """What preprocessing did to one page (kept for reports, ALTO metadata and tests)."""

    src_dpi: float
    dpi_source: str
    scale: float
    skew: float
    rulings: int


def prepare(image: Image.Image, options: ReadOptions, dpi: float | None = None):
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
        work = grey.resize((max(round(w * scale), 1), max(round(h * scale), 1)), Image.BICUBIC)
    else:
        scale = 1.0
    work_dpi = src_dpi * scale
    skew = estimate_skew(work, work_dpi)
    if abs(skew) >= 0.1:
        work = work.rotate(-skew, resample=Image.BICUBIC, fillcolor=255)
    else:
        skew = 0.0
    work, rulings = remove_rulings(work, work_dpi)
    return work, rulings, PageScan(src_dpi, how, scale, skew, len(rulings))


def ocr_image(
    image: Image.Image,
    page_number: int,
    options: ReadOptions,
    *,
    dpi: float | None = None,
    psm: int = DEFAULT_PSM,
) -> Page:
    """OCR one page image into a :class:`~avis.layout.Page` (origin ``"ocr"``).

    ``dpi`` is the image's true resolution when the caller knows it (a PDF page rendered at a
    chosen scale); otherwise it is read from the image, or guessed from its size against A4.
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
    tsv = run_tesseract(work, src_dpi * scan.scale, options.ocr_lang, psm)
    raw = parse_tsv(tsv, block_base=page_number * 1000)
    raw = _assign_cells(raw, rulings, src_dpi * scan.scale)
    centre = (work.size[0] / 2, work.size[1] / 2)
    for rl in raw:
        texts, bullet = strip_bullet([w[0] for w in rl.words])
        kept = rl.words[len(rl.words) - len(texts) :]
        words = [
            Word(
                text=t,
                bbox=_to_points(b, scan.skew, centre, scan.scale, src_dpi, size_pt),
                conf=round(c, 3),
            )
            for t, (_orig, b, c) in zip(texts, kept, strict=True)
        ]
        if not words:
            continue
        boxes = [w.bbox for w in words if w.bbox is not None]
        page.lines.append(
            Line(
                text=" ".join(w.text for w in words),
                words=words,
                bbox=(
                    min(b[0] for b in boxes),
                    min(b[1] for b in boxes),
                    max(b[2] for b in boxes),
                    max(b[3] for b in boxes),
                ),
                page=page_number,
                origin="ocr",
                conf=round(sum(w.conf for w in words) / len(words), 3),
                bullet=bullet,
                col=rl.col,
                row=rl.row,
                block=rl.block,
            )
        )
    return page
