"""ALTO 4.4 writer: valid against the offline XSD, pixel coordinates, one file per page."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from lxml import etree

from avis.errors import OutputValidationError
from avis.layout import Document, Line, Page, Word
from avis.readers import ReadOptions
from avis.writers.alto import ALTO_NS, render_alto, validate_alto, write_alto_dir

ROOT = Path(__file__).resolve().parents[1]
XSD = ROOT / "schemas" / "third_party" / "alto" / "alto-4-4.offline.xsd"
NS = {"a": ALTO_NS}


def ocr_page() -> Page:
    """A small OCR-like page at 300 dpi: a title, a table row split in two cells, a bullet."""
    page = Page(number=2, width=595.2, height=841.92, origin="ocr", dpi=300.0)

    def line(words: list[tuple[str, float, float]], top: float, **kw: object) -> Line:
        ws = [Word(t, (x0, top, x1, top + 12), conf=0.91) for t, x0, x1 in words]
        return Line(
            text=" ".join(w.text for w in ws),
            words=ws,
            bbox=(ws[0].bbox[0], top, ws[-1].bbox[2], top + 12),  # type: ignore[index]
            page=2,
            origin="ocr",
            conf=0.91,
            **kw,  # type: ignore[arg-type]
        )

    page.lines = [
        line([("AVIS", 72, 110), ("DE", 114, 132), ("VACANCE", 136, 210)], 60, block=2000),
        line([("Référence", 66, 120)], 100, block=2001, col=0, row=0),
        line([("3134-25-0176/SR", 236, 330), ("du", 334, 348)], 100, block=2002, col=1, row=0),
        line([("Préparer", 98, 150), ("&", 154, 160), ("<suivre>", 164, 210)], 140, block=2003),
        line([("l'exécution", 98, 160)], 154, block=2003, bullet=True),
    ]
    return page


def test_ocr_page_validates_and_is_in_pixels() -> None:
    page = ocr_page()
    xml = render_alto(Document(format="image", pages=[page]), page, "scan-07.tif")
    validate_alto(xml, XSD)  # the copy under schemas/third_party
    validate_alto(xml)  # the copy shipped in the package
    root = etree.fromstring(xml)
    assert root.get("SCHEMAVERSION") == "4.4"
    assert root.findtext("a:Description/a:MeasurementUnit", namespaces=NS) == "pixel"
    assert (
        root.findtext("a:Description/a:sourceImageInformation/a:fileName", namespaces=NS)
        == "scan-07.tif"
    )
    software = root.find(
        "a:Description/a:OCRProcessing/a:ocrProcessingStep/a:processingSoftware", NS
    )
    assert software is not None
    assert software.findtext("a:softwareName", namespaces=NS) == "Tesseract"
    pg = root.find("a:Layout/a:Page", NS)
    assert pg is not None
    assert (pg.get("WIDTH"), pg.get("HEIGHT"), pg.get("PHYSICAL_IMG_NR")) == ("2480", "3508", "2")
    strings = root.findall(".//a:String", NS)
    assert [s.get("CONTENT") for s in strings][:3] == ["AVIS", "DE", "VACANCE"]
    ref = next(s for s in strings if s.get("CONTENT") == "Référence")
    # 66 pt at 300 dpi = 275 px; 54 pt wide = 225 px
    assert (ref.get("HPOS"), ref.get("VPOS"), ref.get("WIDTH"), ref.get("HEIGHT")) == (
        "275",
        "417",
        "225",
        "50",
    )
    assert ref.get("WC") == "0.91"
    assert any(s.get("CONTENT") == "<suivre>" for s in strings)
    # Lines of one block share a TextBlock; each table cell is its own.
    blocks = root.findall(".//a:TextBlock", NS)
    assert [len(b.findall("a:TextLine", NS)) for b in blocks] == [1, 1, 1, 2]
    first_line = blocks[0].find("a:TextLine", NS)
    assert first_line is not None
    assert [el.tag.split("}")[1] for el in first_line] == ["String", "SP", "String", "SP", "String"]
    ids = [el.get("ID") for el in root.iter() if el.get("ID")]
    assert len(ids) == len(set(ids))


def test_page_without_geometry_still_validates() -> None:
    page = Page(number=1, origin="text")
    page.lines = [
        Line(text="Missions", origin="text", block=0),
        Line(text="Assurer la gestion\x0b du service", origin="text", block=1, bullet=True),
        Line(text="   ", origin="text"),
    ]
    xml = render_alto(Document(format="text", pages=[page]), page, "notice.md")
    validate_alto(xml, XSD)
    root = etree.fromstring(xml)
    assert root.find("a:Description/a:OCRProcessing", NS) is None
    assert root.find("a:Description/a:Processing", NS) is not None
    strings = root.findall(".//a:String", NS)
    assert [s.get("CONTENT") for s in strings] == [
        "Missions",
        "Assurer",
        "la",
        "gestion",
        "du",
        "service",
    ]
    assert all(s.get("HPOS") is None for s in strings)


def test_one_file_per_page(tmp_path: Path) -> None:
    first = ocr_page()
    first.number = 1
    second = ocr_page()
    doc = Document(format="image", pages=[first, second])
    paths = write_alto_dir(doc, tmp_path / "alto", "avp-0176")
    assert [p.name for p in paths] == ["avp-0176.p001.alto.xml", "avp-0176.p002.alto.xml"]
    for path in paths:
        validate_alto(path.read_bytes(), XSD)
    root = etree.fromstring(paths[0].read_bytes())
    assert root.findtext(".//a:fileName", namespaces=NS) == "avp-0176"


def test_invalid_alto_is_reported() -> None:
    page = ocr_page()
    xml = render_alto(Document(format="image", pages=[page]), page, "x.png")
    broken = xml.replace(b'CONTENT="AVIS"', b"")
    with pytest.raises(OutputValidationError, match="CONTENT"):
        validate_alto(broken, XSD)


def test_output_is_deterministic() -> None:
    page = ocr_page()
    doc = Document(format="image", pages=[page])
    assert render_alto(doc, page, "a.png") == render_alto(doc, page, "a.png")


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
def test_real_ocr_output_validates_and_stays_on_the_image() -> None:
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("L", (1400, 300), 255)
    draw = ImageDraw.Draw(img)
    try:
        font = ImageFont.truetype("DejaVuSans.ttf", 48)
    except OSError:
        font = ImageFont.load_default(size=48)
    draw.text((60, 60), "Référence de l'offre", font=font, fill=0)
    draw.text((60, 160), "Province des îles", font=font, fill=0)
    buf = io.BytesIO()
    img.save(buf, format="PNG", dpi=(300, 300))
    from avis.readers import read_bytes

    doc = read_bytes(buf.getvalue(), ReadOptions())
    xml = render_alto(doc, doc.pages[0], "scan.png")
    validate_alto(xml, XSD)
    root = etree.fromstring(xml)
    pg = root.find("a:Layout/a:Page", NS)
    assert pg is not None and (pg.get("WIDTH"), pg.get("HEIGHT")) == ("1400", "300")
    for s in root.findall(".//a:String", NS):
        x, w = int(s.get("HPOS", "0")), int(s.get("WIDTH", "0"))
        assert x >= 0 and x + w <= 1400
    contents = [s.get("CONTENT") for s in root.findall(".//a:String", NS)]
    assert "Référence" in contents and "Province" in contents
