"""Page images of a notice (pypdfium2 for PDF, Pillow for scans), rendered once and cached.

Boxes in provenance are PDF points from the page's top-left; the page view uses the page size
in points as its drawing's coordinate system, so a box lands where the reader saw the words
whatever the image's resolution.
"""

from __future__ import annotations

import io
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from avis.errors import AvisError

TARGET_WIDTH_PX = 1100
"""Rendered width of a page: sharp enough to read 8-point text beside the form."""


@dataclass(frozen=True, slots=True)
class PageImage:
    png: bytes
    width_pt: float
    height_pt: float

    @property
    def size(self) -> tuple[float, float]:
        return (self.width_pt, self.height_pt)


class PageCache:
    """Rendered pages, most recently used kept, at most ``size`` of them in memory."""

    def __init__(self, size: int = 48, password: str | None = None) -> None:
        self.size = size
        self.password = password
        self._items: OrderedDict[tuple[str, int], PageImage] = OrderedDict()
        self._sizes: dict[str, list[tuple[float, float]]] = {}
        self._lock = threading.Lock()  # pdfium is not thread-safe, nor is the dict
        self.renders = 0

    def sizes(self, path: Path, fmt: str) -> list[tuple[float, float]]:
        """Each page's (width, height) in points, without rendering it."""
        key = f"{path}:{path.stat().st_mtime_ns}"
        with self._lock:
            if key not in self._sizes:
                self._sizes[key] = _sizes(path, fmt, self.password)
            return self._sizes[key]

    def page(self, path: Path, fmt: str, number: int) -> PageImage:
        key = (f"{path}:{path.stat().st_mtime_ns}", number)
        with self._lock:
            hit = self._items.get(key)
            if hit is not None:
                self._items.move_to_end(key)
                return hit
            image = _render(path, fmt, number, self.password)
            self.renders += 1
            self._items[key] = image
            while len(self._items) > self.size:
                self._items.popitem(last=False)
            return image


def _sizes(path: Path, fmt: str, password: str | None = None) -> list[tuple[float, float]]:
    if fmt == "pdf":
        import pypdfium2 as pdfium  # type: ignore[import-untyped]

        try:
            pdf = pdfium.PdfDocument(str(path), password=password)
        except pdfium.PdfiumError as exc:
            raise AvisError(f"cannot open this PDF: {exc}") from exc
        try:
            return [tuple(pdf[i].get_size()) for i in range(len(pdf))]  # type: ignore[misc]
        finally:
            pdf.close()
    if fmt == "image":
        from PIL import Image

        with Image.open(path) as img:
            count = int(getattr(img, "n_frames", 1)) if img.format == "TIFF" else 1
        return [_render_image(path, n).size for n in range(1, count + 1)]
    return []


def _render(path: Path, fmt: str, number: int, password: str | None = None) -> PageImage:
    if fmt == "pdf":
        return _render_pdf(path, number, password)
    if fmt == "image":
        return _render_image(path, number)
    raise AvisError(f"a {fmt} notice has no page image")


def _render_pdf(path: Path, number: int, password: str | None = None) -> PageImage:
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    try:
        pdf = pdfium.PdfDocument(str(path), password=password)
    except pdfium.PdfiumError as exc:
        raise AvisError(f"cannot render this PDF: {exc}") from exc
    try:
        if not 1 <= number <= len(pdf):
            raise AvisError(f"the PDF has no page {number}")
        page = pdf[number - 1]
        width, height = page.get_size()
        bitmap = page.render(scale=TARGET_WIDTH_PX / max(width, 1.0))
        out = io.BytesIO()
        bitmap.to_pil().convert("RGB").save(out, "PNG", compress_level=1)  # fast; kept in memory
        return PageImage(out.getvalue(), float(width), float(height))
    finally:
        pdf.close()


def _render_image(path: Path, number: int) -> PageImage:
    from PIL import Image, ImageOps

    from avis.readers.ocr import resolution

    with Image.open(path) as img:
        try:
            img.seek(number - 1)
        except EOFError as exc:
            raise AvisError(f"the image has no page {number}") from exc
        img.load()
        info = dict(img.info)
        upright = ImageOps.exif_transpose(img) or img
        upright.info.update({k: v for k, v in info.items() if k in ("dpi", "resolution")})
        dpi, _how = resolution(upright, None)
        w_px, h_px = upright.size
        view = upright.convert("RGB")
        if w_px > TARGET_WIDTH_PX:
            view = view.resize((TARGET_WIDTH_PX, max(1, round(h_px * TARGET_WIDTH_PX / w_px))))
        out = io.BytesIO()
        view.save(out, "PNG", compress_level=1)
        return PageImage(out.getvalue(), w_px * 72.0 / dpi, h_px * 72.0 / dpi)
