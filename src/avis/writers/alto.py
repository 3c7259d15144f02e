"""ALTO 4.4 XML for read pages: the archival format for OCR text with word positions.

One file per page (``STEM.pNNN.alto.xml``), as digitisation workflows (METS packages, viewers
that overlay text on the scan) expect. Coordinates are in ``pixel`` units of the page image the
file names in ``sourceImageInformation``: avis keeps boxes in PDF points and ``Page.dpi`` says
the image resolution, so ``pixels = points * dpi / 72``. Pages without a resolution (text-layer
PDF pages) are written at 72 dpi, where one pixel is one point. Lines without geometry (DOCX,
text) get Strings without positions, which ALTO allows.

Text blocks follow ``Line.block``; word confidence goes to ``WC``. The bullet glyph a reader
removed is not written back. Output is deterministic: no processing date is written.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from lxml import etree

from avis import __version__
from avis.errors import OutputValidationError
from avis.layout import BBox, Document, Line, Page, union_bbox
from avis.layout.frames import to_stored_frame
from avis.writers.base import Probe
from avis.writers.schemas import PublishedSchema, xml_problems

ALTO_NS = "http://www.loc.gov/standards/alto/ns-v4#"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{ALTO_NS} http://www.loc.gov/alto/v4/alto-4-4.xsd"


def _q(tag: str) -> str:
    return f"{{{ALTO_NS}}}{tag}"


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, _q(tag), {k: v for k, v in attrs.items() if v is not None})
    if text is not None:
        el.text = text
    return el


def _px(value: float, k: float) -> str:
    return str(max(round(value * k), 0))


def _geometry(box: BBox | None, k: float) -> dict[str, str]:
    """HPOS/VPOS/WIDTH/HEIGHT in pixels of a points box (empty when there is no box)."""
    if box is None:
        return {}
    x0, y0, x1, y1 = box
    return {
        "HPOS": _px(x0, k),
        "VPOS": _px(y0, k),
        "WIDTH": _px(max(x1 - x0, 0.0), k),
        "HEIGHT": _px(max(y1 - y0, 0.0), k),
    }


def _union(boxes: Iterable[BBox | None]) -> BBox | None:
    return union_bbox(list(boxes))


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """Consecutive lines sharing a block id form a TextBlock; a line without one stands alone."""
    out: list[list[Line]] = []
    for line in lines:
        if out and line.block is not None and out[-1][-1].block == line.block:
            out[-1].append(line)
        else:
            out.append([line])
    return out


def _clean(text: str) -> str:
    """Drop characters XML 1.0 cannot carry (control characters from damaged sources)."""
    return "".join(
        ch
        for ch in text
        if ch in "\t\n\r"
        or 0x20 <= ord(ch) <= 0xD7FF
        or 0xE000 <= ord(ch) <= 0xFFFD
        or 0x10000 <= ord(ch) <= 0x10FFFF
    )


def _description(
    root: etree._Element, doc: Document, page: Page, source_name: str, ocr_version: str | None
) -> None:
    desc = _sub(root, "Description")
    _sub(desc, "MeasurementUnit", "pixel")
    info = _sub(desc, "sourceImageInformation")
    _sub(info, "fileName", _clean(source_name))
    if page.origin == "ocr":
        ocr = _sub(desc, "OCRProcessing", ID="OCR_0")
        pre = _sub(ocr, "preProcessingStep")
        _sub(pre, "processingCategory", "preOperation")
        _sub(
            pre,
            "processingStepDescription",
            "grey conversion, rescaling to about 300 dpi, background flattening, deskew "
            "(projection profile), removal of table rulings",
        )
        _sub_software(pre, "avis", "avis", __version__)
        step = _sub(ocr, "ocrProcessingStep")
        _sub(step, "processingCategory", "contentGeneration")
        _sub(step, "processingStepSettings", "tesseract TSV output, OMP_THREAD_LIMIT=1")
        _sub_software(step, "Tesseract OCR", "Tesseract", ocr_version or "unknown")
    else:
        proc = _sub(desc, "Processing", ID="PROC_0")
        _sub(proc, "processingCategory", "contentGeneration")
        _sub(
            proc,
            "processingStepDescription",
            f"text and positions read from the {doc.format} file's own text ({page.origin})",
        )
        _sub_software(proc, "avis", "avis", __version__)


def _sub_software(parent: etree._Element, creator: str, name: str, version: str) -> None:
    soft = _sub(parent, "processingSoftware")
    _sub(soft, "softwareCreator", creator)
    _sub(soft, "softwareName", name)
    _sub(soft, "softwareVersion", version)


def render_alto(
    doc: Document, page: Page, source_name: str, ocr_version: str | None = None
) -> bytes:
    """One page as an ALTO 4.4 document (UTF-8 bytes), coordinates in image pixels.

    ``ocr_version``: the Tesseract version that read OCR pages (the caller, which ran the
    reader, knows it; a writer does not import readers)."""
    k = (page.dpi or 72.0) / 72.0
    turned = page.turned % 360

    def geometry(box: BBox | None) -> dict[str, str]:
        # a page OCR read after turning it: boxes back on the image as stored (see frames)
        return _geometry(to_stored_frame(box, page) if box is not None else None, k)

    root = etree.Element(_q("alto"), nsmap={None: ALTO_NS, "xsi": XSI_NS})
    root.set(f"{{{XSI_NS}}}schemaLocation", SCHEMA_LOCATION)
    root.set("SCHEMAVERSION", "4.4")
    _description(root, doc, page, source_name, ocr_version)
    layout = _sub(root, "Layout")
    n = page.number
    confs = [w.conf for line in page.lines for w in line.words]
    attrs: dict[str, str] = {"ID": f"P{n}", "PHYSICAL_IMG_NR": str(n)}
    if page.width is not None and page.height is not None:
        sideways = turned in (90, 270)
        attrs["WIDTH"] = _px(page.height if sideways else page.width, k)
        attrs["HEIGHT"] = _px(page.width if sideways else page.height, k)
    if turned:
        # the text's turn on the stored image, counter-clockwise (ALTO 4.4 Page/@ROTATION)
        attrs["ROTATION"] = str((360 - turned) % 360)
    if page.origin == "ocr" and confs:
        attrs["PC"] = f"{min(max(sum(confs) / len(confs), 0.0), 1.0):.3f}"
    pg = _sub(layout, "Page", **attrs)
    space_box = _union(line.bbox for line in page.lines)
    space = _sub(pg, "PrintSpace", **geometry(space_box))
    word_id = line_id = 0
    for b_index, block in enumerate(_blocks(page.lines), start=1):
        tb = _sub(
            space,
            "TextBlock",
            ID=f"P{n}_TB{b_index:04d}",
            **geometry(_union(line.bbox for line in block)),
        )
        for line in block:
            tokens = [(w.text, w.bbox, w.conf) for w in line.words if _clean(w.text).strip()]
            if not tokens:
                tokens = [(t, None, line.conf) for t in line.text.split()]
            if not tokens:
                continue
            line_id += 1
            tl = _sub(tb, "TextLine", ID=f"P{n}_TL{line_id:05d}", **geometry(line.bbox))
            prev: BBox | None = None
            for i, (text, box, conf) in enumerate(tokens):
                if i:
                    sp: dict[str, str] = {}
                    if not turned and prev is not None and box is not None and box[0] > prev[2]:
                        sp = {
                            "HPOS": _px(prev[2], k),
                            "VPOS": _px(min(prev[1], box[1]), k),
                            "WIDTH": _px(box[0] - prev[2], k),
                        }
                    _sub(tl, "SP", **sp)
                word_id += 1
                s_attrs = {"ID": f"P{n}_S{word_id:06d}", **geometry(box)}
                s_attrs["CONTENT"] = _clean(text)
                if line.origin == "ocr":
                    s_attrs["WC"] = f"{min(max(conf, 0.0), 1.0):.2f}"
                if line.bold:
                    s_attrs["STYLE"] = "bold"
                _sub(tl, "String", **s_attrs)
                prev = box
        if not len(tb):
            space.remove(tb)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write_alto_dir(
    doc: Document,
    outdir: str | Path,
    stem: str,
    source_name: str | None = None,
    ocr_version: str | None = None,
) -> list[Path]:
    """Write ``STEM.pNNN.alto.xml`` for every page; ``source_name`` (default ``stem``) is the
    image or document file the coordinates refer to."""
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    paths = []
    for page in doc.pages:
        path = outdir / f"{stem}.p{page.number:03d}.alto.xml"
        path.write_bytes(render_alto(doc, page, source_name or stem, ocr_version))
        paths.append(path)
    return paths


def validate_alto(xml: bytes, schema_path: str | Path | None = None) -> None:
    """Check ALTO bytes against the offline ALTO 4.4 XSD; raises OutputValidationError.

    ``schema_path`` defaults to the copy shipped in the package (via :mod:`avis.validate`).
    """
    if schema_path is None:
        problems = AltoFormat.validate(xml)
    else:
        schema = _schema(str(schema_path))
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        tree = etree.fromstring(xml, parser)
        problems = (
            []
            if schema.validate(tree)
            else [f"line {e.line}: {e.message}" for e in schema.error_log]
        )
    if problems:
        raise OutputValidationError(
            f"the ALTO output does not validate against ALTO 4.4: {'; '.join(problems[:5])}"
        )


@functools.cache
def _schema(path: str) -> etree.XMLSchema:
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.XMLSchema(etree.parse(path, parser))


ALTO_SCHEMA = PublishedSchema(
    "alto",
    "third_party/alto/alto-4-4.offline.xsd",
    "alto",
    True,
    "ALTO 4.4 OCR layout (XLink import made local)",
)


class AltoFormat:
    """ALTO 4.4 pages: written per page (``--alto``), not per notice, but recognised and
    validated like every output."""

    name: ClassVar[str] = "alto"
    extension: ClassVar[str] = ".alto.xml"
    media_type: ClassVar[str] = "application/xml"
    description: ClassVar[str] = "ALTO 4.4 XML, one file per page (--alto)"
    schemas: ClassVar[tuple[PublishedSchema, ...]] = (ALTO_SCHEMA,)

    @staticmethod
    def sniff(probe: Probe) -> bool:
        return probe.xml_tag() == _q("alto")

    @staticmethod
    def validate(data: bytes) -> list[str]:
        return xml_problems(data, ALTO_SCHEMA.path or "")
