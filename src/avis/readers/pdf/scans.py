"""Pages without a usable text layer: rendered by pdfium and read by OCR."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

from avis.errors import OcrUnavailableError
from avis.layout import Page
from avis.readers import ReadOptions
from avis.readers.parallel import ordered_map

_MAX_RENDER_PIXELS = 60_000_000
"""OCR scales larger pages down to this anyway (``ocr.MAX_WORK_PIXELS``); an RGB render of it
is 180 MB."""
_MIN_OCR_DPI = 20.0
_GREY_RENDER_PIXELS = 20_000_000  # about A3 at 300 dpi


_OcrResult = tuple[int, Page | None, str, OcrUnavailableError | None]
"""Page number, the OCR'd page or None, why not, and the error to raise if nothing else in the
document can be read."""


def ocr_pages(jobs: Iterator[tuple[Any, int, float]], options: ReadOptions) -> Iterator[_OcrResult]:
    """OCR the rendered pages, ``options.ocr_threads`` at a time, in page order; the OCR
    module (and numpy, Pillow) is imported only when a page needs it."""
    first = next(jobs, None)
    if first is None:  # every page had a text layer: the usual born-digital PDF
        return
    jobs = itertools.chain([first], jobs)
    try:
        from avis.readers.ocr import ocr_image
    except ImportError as exc:
        for _image, number, _dpi in jobs:
            yield number, None, f"OCR is not available ({exc})", None
        return

    def one(job: tuple[Any, int, float]) -> _OcrResult:
        image, number, dpi = job
        try:
            return number, ocr_image(image, number, options, dpi=dpi), "", None
        except OcrUnavailableError as exc:
            return number, None, f"OCR is unavailable ({exc})", exc
        finally:
            image.close()

    yield from ordered_map(one, jobs, options.ocr_threads)


def render_for_ocr(
    pdf_doc: Any, index: int, options: ReadOptions, warnings: list[str]
) -> tuple[Any, float, str]:
    """Render one page for OCR: ``(image, dpi, "")``, or ``(None, 0, why not)``."""
    number = index + 1
    if not options.ocr:
        return None, 0.0, "OCR disabled"
    ppage = pdf_doc[index]
    try:
        import pypdfium2.raw as pdfium_c

        if pdfium_c.FPDFPage_CountObjects(ppage.raw) == 0:
            return None, 0.0, "the page is blank (nothing is drawn on it)"
        width, height = ppage.get_size()
        dpi = float(options.ocr_dpi)
        pixels = width * height * (dpi / 72) ** 2
        cap = min(options.max_pixels, _MAX_RENDER_PIXELS)
        if pixels > cap:
            # No floor on the resolution: a poster-sized page (up to 200 × 200 inches) at even
            # 72 dpi would be hundreds of megabytes of bitmap.
            dpi = dpi * (cap / pixels) ** 0.5 * 0.995  # margin: the bitmap size is rounded up
            if dpi < _MIN_OCR_DPI:
                return (
                    None,
                    0.0,
                    (
                        f"the page is too large ({width:.0f} × {height:.0f} pt) to render for OCR "
                        f"within {cap:,} pixels"
                    ),
                )
            warnings.append(
                f"page {number} is too large to render at {options.ocr_dpi} dpi; "
                f"OCR at {dpi:.0f} dpi"
            )
        if width * height * (dpi / 72) ** 2 > _GREY_RENDER_PIXELS:
            # A poster-sized page: one byte a pixel instead of three (OCR reads grey anyway).
            image = ppage.render(
                scale=dpi / 72, grayscale=True, force_bitmap_format=pdfium_c.FPDFBitmap_Gray
            ).to_pil()
        else:
            image = ppage.render(scale=dpi / 72).to_pil()
    finally:
        ppage.close()
    image.info["dpi"] = (dpi, dpi)
    return image, dpi, ""
