"""OCR reader: scans of a notice made here (reportlab → pypdfium2 → degradations), read back.

Page segmentation mode, measured on 16 generated notice pages × 6 scan variants once pages are
deskewed and rulings removed: psm 3 (automatic), 4 (one column of text of varying sizes) and 6
(one uniform block) all read 0.4–0.7 % of characters wrong. psm 3 drops isolated one-glyph
values (a residence "/" or a "2" alone in the value column) that psm 4 and 6 keep; psm 6 makes
the whole page one paragraph. psm 4 is the default. Every test that runs Tesseract is skipped
when it is not installed; the tests of the "not installed" errors fake that with PATH and always
run.
"""

from __future__ import annotations

import io
import os
import shutil
import struct
import sys
import time
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw

from avis.errors import (
    CorruptInputError,
    EmptyInputError,
    LimitExceededError,
    OcrUnavailableError,
)
from avis.layout import Page
from avis.readers import ReadOptions, read_bytes
from avis.readers import ocr as ocr_mod
from avis.readers.ocr import ocr_image, parse_tsv, strip_bullet
from avis.readers.scan.preprocess import estimate_skew, remove_rulings, resolution, to_grey

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tools import scans  # noqa: E402

HEADER = [
    ("Référence", "3134-25-0176/SR du 24 janvier 2025"),
    ("Employeur", "Province des îles Loyauté"),
    ("Corps ou Cadre d'emploi", "Rédacteur territorial"),
    ("Lieu de travail", "Lifou"),
    ("Date limite de candidature", "Vendredi 14 février 2025"),
]
BULLETS = [
    "Préparer les arrêtés et les décisions individuelles",
    "Élaborer le budget prévisionnel et suivre son exécution",
    "Accueillir et renseigner les agents sur leurs droits à congés",
]
BODY = [
    ("h", "Missions"),
    ("p", "Sous l'autorité du directeur, l'agent assure la gestion administrative"),
    ("p", "et financière du service des ressources humaines de la province."),
    ("h", "Activités principales"),
    *(("b", text) for text in BULLETS),
    ("h", "Profil du candidat"),
    ("p", "Connaissance des règles de la fonction publique, maîtrise des outils"),
    ("p", "bureautiques, sens de l'écoute et discrétion professionnelle."),
]
TITLE = "AVIS DE VACANCE DE POSTE"
TRUTH = "\n".join(
    [TITLE, *(x for pair in HEADER for x in pair), *(text for _kind, text in BODY), "Page 1/1"]
)

needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None, reason="tesseract is not installed (make system)"
)


def make_pdf(pages: int = 1) -> bytes:
    """A one-page notice: title, ruled label│value header, headings, paragraphs, bullets."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    width, height = A4
    for number in range(1, pages + 1):
        y = height - 72
        c.setFont("Helvetica-Bold", 16)
        c.drawString(72, y, TITLE)
        top = y - 36
        x0, xm, x1, row_h = 60, 230, width - 60, 22
        for i, (label, value) in enumerate(HEADER):
            base = top - (i + 1) * row_h + 7
            c.setFont("Helvetica-Bold", 11)
            c.drawString(x0 + 6, base, label)
            c.setFont("Helvetica", 11)
            c.drawString(xm + 6, base, value)
        c.setLineWidth(0.8)
        for i in range(len(HEADER) + 1):
            c.line(x0, top - i * row_h, x1, top - i * row_h)
        bottom = top - len(HEADER) * row_h
        for x in (x0, xm, x1):
            c.line(x, top, x, bottom)
        y = bottom - 36
        for kind, text in BODY:
            if kind == "h":
                y -= 8
                c.setFont("Helvetica-Bold", 13)
                c.drawString(72, y, text)
            else:
                c.setFont("Helvetica", 11)
                if kind == "b":
                    c.drawString(84, y, "•")
                c.drawString(98 if kind == "b" else 72, y, text)
            y -= 18
        c.setFont("Helvetica", 9)
        c.drawString(72, 50, f"Page {number}/{pages}")
        c.showPage()
    c.save()
    return buf.getvalue()


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return make_pdf()


@pytest.fixture(scope="module")
def clean300(pdf: bytes) -> Image.Image:
    return scans.render(pdf, 300)[0]


@pytest.fixture(scope="module")
def clean_page(clean300: Image.Image) -> Page:
    return ocr_image(clean300, 1, ReadOptions())


def lev(a: str, b: str) -> int:
    """Edit distance (characters)."""
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def cer(page: Page, truth: str = TRUTH) -> float:
    hyp = " ".join(" ".join(line.text for line in page.lines).split())
    ref = " ".join(truth.split())
    return lev(hyp, ref) / len(ref)


def png(img: Image.Image, **params: object) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format="PNG", **params)
    return buf.getvalue()


# --- the page as read -------------------------------------------------------------------------


@needs_tesseract
def test_clean_page_reads_every_word_with_accents(clean_page: Page) -> None:
    assert cer(clean_page) < 0.01
    text = "\n".join(line.text for line in clean_page.lines)
    for phrase in (
        "Province des îles Loyauté",
        "Rédacteur territorial",
        "Vendredi 14 février 2025",
        "Élaborer le budget prévisionnel",
        "discrétion professionnelle.",
        "3134-25-0176/SR du 24 janvier 2025",
    ):
        assert phrase in text
    title, first = clean_page.lines[0], clean_page.lines[1]
    assert title.text == TITLE and title.words[0].size == pytest.approx(16, abs=1.5)
    assert first.words[0].size == pytest.approx(11, abs=1.5)  # font sizes from box heights
    assert clean_page.origin == "ocr" and clean_page.dpi == pytest.approx(300)
    assert clean_page.width == pytest.approx(595.3, abs=0.5)
    assert clean_page.height == pytest.approx(841.9, abs=0.5)
    for line in clean_page.lines:
        assert line.origin == "ocr" and line.page == 1 and 0 < line.conf <= 1
        assert all(0 <= w.conf <= 1 for w in line.words)


@needs_tesseract
def test_table_rulings_are_not_read_as_pipes_and_mark_cells(clean_page: Page) -> None:
    words = [w.text for line in clean_page.lines for w in line.words]
    assert not any(ch in word for word in words for ch in "|¦│_")
    cells = [line for line in clean_page.lines if line.col is not None]
    pairs = {}
    for line in cells:
        pairs.setdefault(line.row, {})[line.col] = line.text
    assert [(row[0], row[1]) for _r, row in sorted(pairs.items())] == HEADER
    # Label and value of one row are distinct paragraphs.
    assert len({line.block for line in cells}) == len(cells)


@needs_tesseract
def test_bullets_are_detected_and_their_glyph_removed(clean_page: Page) -> None:
    bullets = [line for line in clean_page.lines if line.bullet]
    assert [line.text for line in bullets] == BULLETS
    assert len({line.block for line in bullets}) == len(BULLETS)  # one paragraph per item
    assert not any(line.bullet for line in clean_page.lines if line.text not in BULLETS)


@needs_tesseract
def test_boxes_are_in_points_where_the_pdf_drew_the_words(clean_page: Page) -> None:
    ref = next(w for line in clean_page.lines for w in line.words if w.text == "Référence")
    assert ref.bbox is not None
    x0, top, _x1, bottom = ref.bbox
    # drawn at x = 66 pt, baseline 842 - 72 - 36 - 22 + 7 = 719 pt from the bottom
    assert x0 == pytest.approx(66, abs=2)
    assert bottom == pytest.approx(841.9 - 719, abs=3.5)
    assert bottom - top == pytest.approx(11, abs=3)


@needs_tesseract
def test_skewed_scan_is_straightened_and_boxes_follow_the_original(
    clean300: Image.Image, clean_page: Page
) -> None:
    skewed = scans.rotate(clean300, 2.0)
    assert estimate_skew(to_grey(skewed), 300) == pytest.approx(2.0, abs=0.3)
    assert estimate_skew(to_grey(scans.rotate(clean300, -2.6)), 300) == pytest.approx(-2.6, abs=0.3)
    page = ocr_image(skewed, 1, ReadOptions())
    assert cer(page) < 0.02
    # A word's box is where the word is on the skewed image: its clean box turned by 2°.
    clean = next(w for ln in clean_page.lines for w in ln.words if w.text == "Missions")
    seen = next(w for ln in page.lines for w in ln.words if w.text == "Missions")
    assert clean.bbox is not None and seen.bbox is not None
    cx, cy = (clean.bbox[0] + clean.bbox[2]) / 2, (clean.bbox[1] + clean.bbox[3]) / 2
    mx, my = 595.28 / 2, 841.89 / 2
    a = np.radians(2.0)
    ex = mx + (cx - mx) * np.cos(a) + (cy - my) * np.sin(a)
    ey = my - (cx - mx) * np.sin(a) + (cy - my) * np.cos(a)
    sx, sy = (seen.bbox[0] + seen.bbox[2]) / 2, (seen.bbox[1] + seen.bbox[3]) / 2
    assert (sx, sy) == (pytest.approx(ex, abs=3), pytest.approx(ey, abs=3))


@needs_tesseract
def test_noisy_low_resolution_scan_through_read_bytes(pdf: bytes) -> None:
    img = scans.render(pdf, 150)[0]
    rng = np.random.default_rng(3)
    noisy = scans.add_noise(img, rng, sigma=12.0, salt=0.001)
    doc = read_bytes(png(scans.jpeg(noisy, 55), dpi=(150, 150)))
    assert doc.format == "image" and len(doc.pages) == 1
    assert doc.pages[0].dpi == pytest.approx(150)
    assert cer(doc.pages[0]) < 0.03


@needs_tesseract
def test_borderless_label_value_rows_get_columns() -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    rows = [*HEADER[:3], ("Durée de résidence", "/"), ("Nombre de postes", "2")]
    for i, (label, value) in enumerate(rows):
        c.setFont("Helvetica-Bold", 11)
        c.drawString(66, 760 - 20 * i, label)
        c.setFont("Helvetica", 11)
        c.drawString(236, 760 - 20 * i, value)
    c.save()
    img = scans.render(buf.getvalue(), 300)[0].crop((0, 0, 2480, 1100))
    page = ocr_image(img, 1, ReadOptions(), dpi=300)
    cells = [(line.col, line.text) for line in page.lines]
    assert cells == [(k, text) for label, value in rows for k, text in ((0, label), (1, value))]
    assert all(line.row is None for line in page.lines)


# --- image modes, sizes, damaged files ----------------------------------------------------------


def test_every_pillow_mode_becomes_8_bit_grey() -> None:
    base = Image.new("L", (40, 20), 255)
    ImageDraw.Draw(base).rectangle((10, 5, 30, 15), fill=0)
    rgba = Image.new("RGBA", (40, 20), (0, 0, 0, 0))  # transparent black around the box
    ImageDraw.Draw(rgba).rectangle((10, 5, 30, 15), fill=(0, 0, 0, 255))
    i16 = Image.fromarray(np.asarray(base).astype(np.uint16) * 257)
    variants = {
        "CMYK": base.convert("CMYK"),
        "I;16": i16,
        "I": base.convert("I"),
        "F": Image.fromarray(np.asarray(base, dtype=np.float32) / 255.0),
        "P": base.convert("P"),
        "1": base.convert("1"),
        "LA": base.convert("LA"),
        "RGBA": rgba,
        "RGB": base.convert("RGB"),
    }
    assert variants["I;16"].mode == "I;16" and variants["F"].mode == "F"
    for name, img in variants.items():
        grey = to_grey(img)
        arr = np.asarray(grey)
        assert grey.mode == "L", name
        assert arr[10, 20] < 40 and arr[1, 1] > 215, name


@needs_tesseract
def test_cmyk_16_bit_palette_and_alpha_scans_read(clean300: Image.Image) -> None:
    crop = clean300.crop((150, 200, 2330, 820))  # title and the first header rows
    crop.info["dpi"] = (300, 300)
    alpha = Image.new("RGBA", crop.size, (0, 0, 0, 0))
    alpha.putalpha(Image.eval(crop, lambda v: 255 - v))  # black ink on a transparent sheet
    i16 = Image.fromarray(np.asarray(crop).astype(np.uint16) * 257)
    assert i16.mode == "I;16"
    for img in (crop.convert("CMYK"), i16, crop.convert("P"), alpha):
        page = ocr_image(img, 1, ReadOptions(), dpi=300)
        text = " ".join(line.text for line in page.lines)
        assert "Province des îles Loyauté" in text, img.mode


@needs_tesseract
def test_one_pixel_image_is_an_empty_input_not_a_crash() -> None:
    with pytest.raises(EmptyInputError, match="1×1"):
        read_bytes(png(Image.new("L", (1, 1), 255)))
    with pytest.raises(EmptyInputError, match="no text"):
        read_bytes(png(Image.new("RGB", (800, 1100), "white")))


def _png_header(width: int, height: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


@needs_tesseract
def test_decompression_bomb_header_is_refused_before_decoding() -> None:
    start = time.perf_counter()
    with pytest.raises(LimitExceededError, match="too large"):
        read_bytes(_png_header(100_000, 100_000))  # 10 Gpx: Pillow's own bomb limit
    with pytest.raises(LimitExceededError, match="max-pixels"):
        read_bytes(_png_header(5_000, 5_000), ReadOptions(max_pixels=10_000_000))
    assert time.perf_counter() - start < 2.0
    assert Image.MAX_IMAGE_PIXELS == 89_478_485  # never changed globally


def _tiff(frames: list[Image.Image]) -> bytes:
    buf = io.BytesIO()
    frames[0].save(
        buf,
        format="TIFF",
        save_all=True,
        append_images=frames[1:],
        compression="tiff_lzw",
        dpi=(300, 300),
    )
    return buf.getvalue()


@pytest.fixture(scope="module")
def strips(clean300: Image.Image) -> list[Image.Image]:
    """Three small pages: the title, a header row, a bullet (fast to OCR)."""
    return [
        clean300.crop((200, 200, 1700, 360)),
        clean300.crop((200, 470, 1800, 560)),
        clean300.crop((300, 1530, 2000, 1660)),
    ]


@needs_tesseract
def test_multipage_tiff_with_a_damaged_frame_reads_the_others(strips: list[Image.Image]) -> None:
    data = bytearray(_tiff(strips))
    with Image.open(io.BytesIO(bytes(data))) as im:
        im.seek(1)
        offset, count = im.tag_v2[273][0], im.tag_v2[279][0]
    data[offset : offset + count] = b"\x00" * count  # page 2's LZW data is garbage
    doc = read_bytes(bytes(data))
    assert [p.number for p in doc.pages] == [1, 3]
    assert any("page 2" in w and "damaged" in w for w in doc.warnings)
    assert "AVIS DE VACANCE" in doc.text and "Accueillir" in doc.text


@needs_tesseract
def test_truncated_tiff_reads_the_pages_before_the_cut(strips: list[Image.Image]) -> None:
    data = _tiff(strips)
    with Image.open(io.BytesIO(data)) as im:
        im.seek(2)
        cut = im.tag_v2[273][0] + 10  # inside page 3's data; its directory comes after
    doc = read_bytes(data[:cut])
    assert [p.number for p in doc.pages] == [1, 2]
    assert doc.warnings and "3134-25-0176/SR" in doc.text


@needs_tesseract
def test_tiff_page_limit(strips: list[Image.Image]) -> None:
    with pytest.raises(LimitExceededError, match="max-pages"):
        read_bytes(_tiff(strips), ReadOptions(max_pages=2))


def test_garbage_image_is_corrupt_input() -> None:
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed")
    with pytest.raises(CorruptInputError):
        read_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)


# --- Tesseract missing --------------------------------------------------------------------------


def test_missing_tesseract_says_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(
        OcrUnavailableError, match="apt-get install tesseract-ocr tesseract-ocr-fra"
    ):
        read_bytes(png(Image.new("L", (200, 200), 255)))
    with pytest.raises(OcrUnavailableError, match="not installed"):
        ocr_image(Image.new("L", (200, 200), 255), 1, ReadOptions())


def test_tesseract_without_french_data_says_which_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = tmp_path / "tesseract"
    fake.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = "--version" ]; then echo "tesseract 5.3.0"; exit 0; fi\n'
        'if [ "$1" = "--list-langs" ]; then\n'
        "  echo 'List of available languages in \"/x/\" (2):'; echo eng; echo osd; exit 0\n"
        "fi\nexit 1\n"
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ.get('PATH', '')}")
    with pytest.raises(OcrUnavailableError, match="apt-get install tesseract-ocr-fra"):
        read_bytes(png(Image.new("L", (200, 200), 255)))


def test_ocr_turned_off_is_said() -> None:
    with pytest.raises(OcrUnavailableError, match="turned off"):
        read_bytes(png(Image.new("L", (200, 200), 255)), ReadOptions(ocr=False))


# --- pieces -------------------------------------------------------------------------------------


def test_tsv_parsing_drops_structure_rows_and_ruling_remnants() -> None:
    head = (
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\t"
        "left\ttop\twidth\theight\tconf\ttext"
    )
    rows = [
        "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t",
        "5\t1\t1\t1\t1\t1\t100\t100\t200\t40\t96.5\t|Référence",
        "5\t1\t1\t1\t1\t2\t320\t100\t10\t60\t40\t|",
        "5\t1\t1\t1\t1\t3\t340\t100\t200\t40\t91\tProvince",
        "5\t1\t2\t1\t1\t1\t100\t200\t200\t40\t90\t ",
        "5\t1\t2\t1\t1\t2\t100\t200\t200\t40\t90\tÎles",
    ]
    lines = parse_tsv("\n".join([head, *rows]), block_base=1000)
    assert [[w[0] for w in ln.words] for ln in lines] == [["Référence", "Province"], ["Îles"]]
    assert [ln.block for ln in lines] == [1000, 1001]
    assert lines[0].words[0][2] == pytest.approx(0.965)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["•", "Préparer", "les"], (["Préparer", "les"], True)),
        (["°_", "Élaborer"], (["Élaborer"], True)),
        (["*", "Accueillir"], (["Accueillir"], True)),
        (["-", "assurer"], (["assurer"], True)),
        (["e", "Préparer"], (["Préparer"], True)),
        (["e", "puis"], (["e", "puis"], False)),
        (["•Préparer", "les"], (["Préparer", "les"], True)),
        (["°_Instruire", "un"], (["Instruire", "un"], True)),
        (["*_Notions", "sur"], (["Notions", "sur"], True)),
        (["_instruire", "un"], (["_instruire", "un"], False)),
        (["-5", "%"], (["-5", "%"], False)),
        (["B1V-H0"], (["B1V-H0"], False)),
        (["Préparer", "les"], (["Préparer", "les"], False)),
        (["-"], (["-"], False)),
    ],
)
def test_strip_bullet(words: list[str], expected: tuple[list[str], bool]) -> None:
    assert strip_bullet(words) == expected


def test_strip_bullet_by_shape_whatever_tesseract_read() -> None:
    # Boxes from a real 300 dpi page: a small square bullet read "#" (21×21 px), then the item.
    boxes = [(265, 1656, 286, 1677), (324, 1645, 475, 1678), (492, 1654, 555, 1678)]
    assert strip_bullet(["#", "Notions", "sur"], boxes) == (["Notions", "sur"], True)
    assert strip_bullet(["“", "Notions", "sur"], boxes) == (["Notions", "sur"], True)
    # The same mark followed by an ordinary space is an opening quote, not a bullet.
    near = [(265, 1656, 286, 1677), (295, 1645, 446, 1678)]
    assert strip_bullet(["“", "Notions"], near) == (["“", "Notions"], False)


def test_rulings_removed_but_filled_areas_kept() -> None:
    img = Image.new("L", (1200, 900), 255)
    d = ImageDraw.Draw(img)
    for y in (100, 200, 300):
        d.line((100, y, 1100, y), fill=0, width=3)
    for x in (100, 500, 1100):
        d.line((x, 100, x, 300), fill=0, width=3)
    d.rectangle((200, 500, 900, 640), fill=0)  # a black band (reverse-video heading)
    d.rectangle((150, 400, 160, 440), fill=0)  # a glyph-sized stroke
    clean, rulings = remove_rulings(img, 300)
    arr = np.asarray(clean)
    assert arr[100, 300] == 255 and arr[200, 800] == 255 and arr[250, 500] == 255
    assert arr[570, 500] == 0 and arr[420, 155] == 0
    assert sum(r.horizontal for r in rulings) == 3
    assert sorted(round(r.pos) for r in rulings if not r.horizontal) == [100, 500, 1100]


def test_resolution_is_believed_only_when_plausible() -> None:
    a4_300 = Image.new("L", (2480, 3508))
    a4_300.info["dpi"] = (72, 72)  # a converter's default, not the scan's
    assert resolution(a4_300) == (pytest.approx(300, abs=1), "guessed")
    a4_200 = Image.new("L", (1654, 2339))
    a4_200.info["dpi"] = (200, 200)
    assert resolution(a4_200) == (200.0, "stored")
    assert resolution(a4_200, 150.0) == (150.0, "given")


# --- scan generator -----------------------------------------------------------------------------


def test_scan_generator_is_deterministic_and_copies_truth(pdf: bytes, tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "n1.pdf").write_bytes(pdf)
    (src / "n1.truth.json").write_text('{"file": "n1.pdf", "fields": {}}', "utf-8")
    out = tmp_path / "out"
    written = scans.convert_dir(src, out, seed=5, variants=["skew", "dpi200"])
    assert sorted(p.name for p in written) == ["dpi200-n1.png", "skew-n1.pdf"]
    truth = (out / "skew-n1.truth.json").read_text("utf-8")
    assert '"file": "skew-n1.pdf"' in truth
    again = scans.make_variant(pdf, "skew", 5, "n1")
    assert again[0] == (out / "skew-n1.pdf").read_bytes()
    assert scans.make_variant(pdf, "skew", 6, "n1")[0] != again[0]


def test_probe_is_cached_per_binary() -> None:
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract is not installed")
    info = ocr_mod.tesseract("fra")
    assert "fra" in info.langs and info.version[0].isdigit()
    assert ocr_mod.tesseract("fra") is info
