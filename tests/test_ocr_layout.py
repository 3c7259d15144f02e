"""Scan layouts that Tesseract alone reads badly: noise, two-column headers, lost bullets.

Pages are drawn with reportlab, rendered with pypdfium2 and degraded with ``tools.scans`` (as
in ``test_ocr.py``); each test checks what a user gets back, and the pixel helpers are checked
on images where the right answer is known by construction.
"""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from PIL import Image, ImageDraw, ImageFilter

from avis.layout import Line, Page, Word
from avis.layout.furniture import drop_furniture
from avis.readers import ReadOptions
from avis.readers.ocr import ocr_image
from avis.readers.scan.gutters import split_columns
from avis.readers.scan.marks import has_bullet_mark
from avis.readers.scan.preprocess import SPECKLE_LIMIT, median3, speckle

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools import scans  # noqa: E402

needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None, reason="tesseract is not installed (make system)"
)

# A borderless header whose labels wrap over two or three lines while the value is one line
# set between them: the layout where one-column OCR loses or invents words.
HEADER = [
    (["Fonction du supérieur", "hiérarchique direct"], "Chef de service"),
    (["Condition de durée de", "résidence pour le", "recrutement sur titre (1)"], "5 ans"),
    (["Nombre de postes"], "1"),
    (["Lieu de travail"], "Koné"),
]
ITEMS = ["Notions sur le droit public", "Maîtrise des outils bureautiques"]


def _header_pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    y = 760.0
    for label_lines, value in HEADER:
        c.setFont("Helvetica-Bold", 11)
        for i, text in enumerate(label_lines):
            c.drawString(66, y - 14 * i, text)
        c.setFont("Helvetica", 11)
        c.drawString(236, y - 14 * (len(label_lines) - 1) / 2, value)
        y -= 14 * len(label_lines) + 8
    y -= 20
    c.setFont("Helvetica-Bold", 12)
    c.drawString(66, y, "Connaissances")
    for text in ITEMS:
        y -= 16
        c.rect(70, y + 2, 3.5, 3.5, stroke=0, fill=1)  # a small square bullet: "▪"
        c.setFont("Helvetica", 11)
        c.drawString(84, y, text)
    c.save()
    return buf.getvalue()


@pytest.fixture(scope="module")
def header_page() -> Image.Image:
    return scans.render(_header_pdf(), 300)[0].crop((0, 0, 2480, 1500))


@needs_tesseract
@pytest.mark.parametrize("variant", ["clean", "noisy"])
def test_values_between_wrapped_label_lines_are_read(
    header_page: Image.Image, variant: str
) -> None:
    img = header_page
    if variant == "noisy":
        img = scans.add_noise(img, np.random.default_rng(5), sigma=18.0, salt=0.002)
    page = ocr_image(img, 1, ReadOptions(), dpi=300)
    values = [ln.text for ln in page.lines if ln.col == 1]
    assert values == [value for _labels, value in HEADER]
    labels = " ".join(ln.text for ln in page.lines if ln.col == 0)
    for label_lines, _value in HEADER:
        for text in label_lines:
            assert text in labels


@needs_tesseract
def test_square_bullets_make_items_even_when_tesseract_drops_them(
    header_page: Image.Image,
) -> None:
    page = ocr_image(header_page, 1, ReadOptions(), dpi=300)
    items = [ln for ln in page.lines if ln.text in ITEMS]
    assert [ln.text for ln in items] == ITEMS
    assert all(ln.bullet for ln in items)
    assert not any(ln.bullet for ln in page.lines if ln.text == "Connaissances")


def test_split_columns_cuts_two_column_stretches_only(header_page: Image.Image) -> None:
    pieces = split_columns(header_page, 300)
    strips = [p for p in pieces if p.strip]
    assert len(strips) == 2
    left, right = sorted(strips, key=lambda p: p.x0)
    assert left.x1 == right.x0 and 66 * 300 / 72 < left.x1 < 236 * 300 / 72
    # Pieces tile the page: every row belongs to exactly one band or stretch.
    assert min(p.y0 for p in pieces) == 0 and max(p.y1 for p in pieces) == header_page.size[1]


def test_split_columns_leaves_paragraphs_and_titles_whole() -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica-Bold", 20)
    c.drawString(120, 780, "Conseiller en prévention des risques")  # large type, wide gaps
    c.setFont("Helvetica", 11)
    for i in range(12):
        c.drawString(66, 740 - 14 * i, "Le titulaire du poste contribue à la gestion des agents")
    c.save()
    img = scans.render(buf.getvalue(), 300)[0]
    pieces = split_columns(img, 300)
    assert len(pieces) == 1 and not pieces[0].strip


def _mark_page(draw_mark: str) -> tuple[np.ndarray, tuple[float, ...], tuple[float, ...]]:
    """A 40 px high text line starting at x=300, with something drawn to its left."""
    img = Image.new("L", (900, 120), 255)
    d = ImageDraw.Draw(img)
    d.rectangle((300, 40, 500, 80), fill=0)  # the first word, as a block of ink
    if draw_mark == "square":
        d.rectangle((250, 52, 262, 64), fill=0)
    elif draw_mark == "colon":  # the end of a label just before: "… direct :"
        d.rectangle((180, 40, 240, 80), fill=0)
        d.rectangle((250, 52, 255, 57), fill=0)
        d.rectangle((250, 70, 255, 75), fill=0)
    elif draw_mark == "speck":
        d.point((255, 60), fill=0)
    elif draw_mark == "big":  # a logo or a picture, not a bullet
        d.rectangle((200, 30, 262, 92), fill=0)
    dark = np.asarray(img) < 128
    return dark, (300.0, 40.0, 500.0, 80.0), (300.0, 40.0, 380.0, 80.0)


@pytest.mark.parametrize(
    ("mark", "expected"),
    [("square", True), ("none", False), ("colon", False), ("speck", False), ("big", False)],
)
def test_bullet_mark_in_pixels(mark: str, expected: bool) -> None:
    dark, line, first = _mark_page(mark)
    assert has_bullet_mark(dark, line, first) is expected


@settings(max_examples=40, deadline=None)
@given(arrays(np.uint8, st.tuples(st.integers(1, 40), st.integers(1, 40))))
def test_median3_is_pillows_median(arr: np.ndarray) -> None:
    expected = np.asarray(Image.fromarray(arr).filter(ImageFilter.MedianFilter(3)))
    assert np.array_equal(median3(arr), expected)


def test_speckle_tells_noisy_scans_from_clean_ones(header_page: Image.Image) -> None:
    clean = np.asarray(header_page)
    noisy = scans.add_noise(header_page, np.random.default_rng(1), sigma=18.0, salt=0.002)
    jpeg = scans.jpeg(header_page, 40)
    assert speckle(clean) < SPECKLE_LIMIT / 4
    assert speckle(np.asarray(jpeg.convert("L"))) < SPECKLE_LIMIT
    assert speckle(np.asarray(noisy)) > 2 * SPECKLE_LIMIT


def _line(text: str, y: float, x: float = 60.0, page: int = 1) -> Line:
    words = [
        Word(text=t, bbox=(x + 40 * i, y, x + 40 * i + 35, y + 8))
        for i, t in enumerate(text.split())
    ]
    return Line(text=text, words=words, bbox=(x, y, x + 40 * len(words), y + 8), page=page)


def test_running_header_dropped_when_ocr_splits_it_differently_per_page() -> None:
    p1 = Page(
        number=1,
        width=595,
        height=842,
        lines=[
            _line("Commune de Bourail", 28),
            _line("Avis de vacance de poste", 28, x=436),
            _line("Infirmier de santé publique", 90),
        ],
    )
    p2 = Page(
        number=2,
        width=595,
        height=842,
        lines=[
            _line("Commune de Bourail Avis de väcance de poste", 28),
            _line("Activités secondaires", 90),
        ],
    )
    drop_furniture([p1, p2])
    assert [ln.text for ln in p1.lines] == ["Infirmier de santé publique"]
    assert [ln.text for ln in p2.lines] == ["Activités secondaires"]


def test_a_header_line_on_one_page_only_is_kept() -> None:
    p1 = Page(number=1, width=595, height=842, lines=[_line("Direction des finances", 28)])
    p2 = Page(number=2, width=595, height=842, lines=[_line("Commune de Bourail", 28)])
    drop_furniture([p1, p2])
    assert [ln.text for ln in p1.lines] == ["Direction des finances"]
    assert [ln.text for ln in p2.lines] == ["Commune de Bourail"]


@needs_tesseract
def test_bullets_tesseract_does_not_report_still_start_items() -> None:
    """Page 1 of a corpus notice: read as cut into pieces, Tesseract reports none of the
    activities' "▪" bullets; the marks in the pixels still make each line an item."""
    pdf = (ROOT / "corpus" / "generated" / "pdf-ruled-11.pdf").read_bytes()
    page = ocr_image(scans.render(pdf, 300)[0], 1, ReadOptions(), dpi=300)
    starts = {
        "Superviser les visites à domicile",
        "Préparer et suivre les évaluations sociales",
        "Superviser les dossiers d'aide médicale",
    }
    found = [ln for ln in page.lines if any(ln.text.startswith(s) for s in starts)]
    assert len(found) == 3
    assert all(ln.bullet for ln in found)


@needs_tesseract
@pytest.mark.parametrize("turned", [90, 180])
def test_a_page_scanned_sideways_or_upside_down_is_read_upright(turned: int) -> None:
    pdf = (ROOT / "corpus" / "generated" / "pdf-ruled-01.pdf").read_bytes()
    upright = scans.render(pdf, 300)[0].crop((0, 0, 2480, 1300))
    page = ocr_image(upright.rotate(turned, expand=True), 1, ReadOptions(), dpi=300)
    text = " ".join(ln.text for ln in page.lines)
    assert "Avis de vacance de poste" in text
    assert "Gestionnaire carrière et paie" in text
    assert page.width is not None and page.width > page.height  # the crop, now upright


def _png(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format="PNG", dpi=(300, 300))
    return buf.getvalue()


@needs_tesseract
@pytest.mark.parametrize("turned", [90, 180])
def test_boxes_of_a_turned_scan_land_on_the_scan_as_stored(turned: int) -> None:
    """Provenance boxes are given in the frame of the image people look at: a page avis read
    after turning it upright has its boxes turned back (the review page draws them there)."""
    from avis.pipeline import parse_bytes

    pdf = (ROOT / "corpus" / "generated" / "pdf-ruled-01.pdf").read_bytes()
    upright = scans.render(pdf, 300)[0].crop((0, 0, 2480, 1300))
    w = 2480 * 72 / 300
    h = 1300 * 72 / 300
    straight = parse_bytes(_png(upright), "upright.png")
    sideways = parse_bytes(_png(upright.rotate(turned, expand=True)), "turned.png")
    compared = 0
    for key in ("title", "reference", "employer"):
        a, b = straight.provenance.get(key), sideways.provenance.get(key)
        if a is None or b is None or a.bbox is None or b.bbox is None:
            continue
        x0, top, x1, bottom = a.bbox
        # Pillow's rotate(90) sends (x, y) to (y, W - x); rotate(180) to (W - x, H - y)
        want = (
            (top, w - x1, bottom, w - x0) if turned == 90 else (w - x1, h - bottom, w - x0, h - top)
        )
        assert b.bbox == pytest.approx(want, abs=6.0), key
        compared += 1
    assert compared >= 2


@needs_tesseract
def test_the_alto_of_a_turned_scan_overlays_the_scan_as_stored() -> None:
    """ALTO describes the image people have: its size, the text's turn (Page/@ROTATION) and
    word boxes on the ink of the stored image."""
    from lxml import etree

    from avis.readers import read_bytes
    from avis.writers.alto import ALTO_NS, render_alto, validate_alto

    pdf = (ROOT / "corpus" / "generated" / "pdf-ruled-01.pdf").read_bytes()
    stored = scans.render(pdf, 300)[0].crop((0, 0, 2480, 1300)).rotate(90, expand=True)
    doc = read_bytes(_png(stored))
    page = doc.pages[0]
    assert page.turned == 270
    xml = render_alto(doc, page, "turned.png")
    validate_alto(xml)
    root = etree.fromstring(xml)
    ns = {"a": ALTO_NS}
    pg = root.find(".//a:Page", ns)
    assert pg is not None
    assert (int(pg.get("WIDTH")), int(pg.get("HEIGHT"))) == stored.size
    assert pg.get("ROTATION") == "90"
    ink = np.asarray(stored.convert("L")) < 128
    strings = [s for s in root.iterfind(".//a:String", ns) if len(s.get("CONTENT", "")) >= 4]
    assert len(strings) > 20
    inked = 0
    for node in strings:
        x, y = int(node.get("HPOS")), int(node.get("VPOS"))
        w, h = int(node.get("WIDTH")), int(node.get("HEIGHT"))
        assert x >= 0 and x + w <= stored.size[0] + 2 and y >= 0 and y + h <= stored.size[1] + 2
        box = ink[y : y + h, x : x + w]
        inked += bool(box.size) and box.mean() > 0.05
    assert inked >= 0.9 * len(strings)


@needs_tesseract
def test_turning_is_not_tried_on_upright_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    from avis.readers import ocr as ocr_mod

    calls: list[int] = []
    monkeypatch.setattr(ocr_mod, "orientation", lambda *a: calls.append(1) or 0)
    pdf = (ROOT / "corpus" / "generated" / "pdf-ruled-01.pdf").read_bytes()
    noisy = scans.add_noise(scans.render(pdf, 300)[0], np.random.default_rng(2), 18.0, 0.002)
    ocr_image(noisy, 1, ReadOptions(), dpi=300)
    assert calls == []


@needs_tesseract
def test_pages_ocrd_in_parallel_give_the_same_document_in_page_order() -> None:
    from avis.readers import read_bytes

    pdf = (ROOT / "corpus" / "generated" / "pdf-ruled-02.pdf").read_bytes()
    pages = [img.crop((0, 0, 2480, 1000)) for img in scans.render(pdf, 300)]
    tiff, _ext = scans.save(pages, 300, "tiff")
    image_pdf, _ext = scans.save(pages, 300, "pdf")

    def lines(data: bytes, threads: int) -> list[tuple[int, str, bool, int | None]]:
        doc = read_bytes(data, ReadOptions(ocr_threads=threads))
        return [(ln.page, ln.text, ln.bullet, ln.block) for ln in doc.lines()]

    for data in (tiff, image_pdf):
        one = lines(data, 1)
        assert [n for n, *_ in one] == sorted(n for n, *_ in one)
        assert {n for n, *_ in one} == {1, 2, 3}
        assert lines(data, 3) == one


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(0, 1000), max_size=30), st.integers(1, 4))
def test_ordered_map_keeps_order_and_bounds_lookahead(items: list[int], threads: int) -> None:
    import threading
    import time

    from avis.readers.parallel import ordered_map

    taken: list[int] = []
    done: list[int] = []
    lock = threading.Lock()

    def source():  # type: ignore[no-untyped-def]
        for i, x in enumerate(items):
            with lock:
                assert i - len(done) <= threads + 1  # never more than threads + 1 ahead
            taken.append(x)
            yield x

    def slow(x: int) -> int:
        time.sleep((x % 3) / 2000)
        return x * 2

    out = []
    for y in ordered_map(slow, source(), threads):
        with lock:
            done.append(y)
        out.append(y)
    assert out == [x * 2 for x in items]
