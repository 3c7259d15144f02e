"""Scanned notices stored as images: PNG, JPEG, TIFF (every page), GIF, BMP, WebP.

Each page goes through :func:`avis.readers.ocr.ocr_image`. A multi-page TIFF is one notice, one
frame per page; a frame that cannot be decoded becomes a warning and the other pages are still
read. Other formats' extra frames (animated GIF/WebP/PNG) are not pages: only the first is read.

Sizes are checked from the header, before any pixel is decoded: ``options.max_pixels`` per page,
and Pillow's own decompression-bomb limit stays in force (it is never changed here).
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING

from avis.errors import (
    CorruptInputError,
    EmptyInputError,
    LimitExceededError,
    OcrUnavailableError,
)
from avis.layout import Document
from avis.layout.furniture import drop_furniture
from avis.readers import ReaderSpec, ReadOptions

if TYPE_CHECKING:  # Pillow, numpy and the OCR module load only when an image is read
    from PIL import Image

    from avis.readers.ocr import PageJob

_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, KeyError, TypeError)


def _open(data: bytes) -> Image.Image:
    """Open lazily (header only); Pillow's bomb check becomes a :class:`LimitExceededError`."""
    from PIL import Image, UnidentifiedImageError

    with warnings.catch_warnings():
        # Between Pillow's warning and error thresholds our own max_pixels check decides.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            return Image.open(io.BytesIO(data))
        except Image.DecompressionBombError as exc:
            raise LimitExceededError(
                f"the image is too large to decode safely ({exc}); check that it is a page scan, "
                "or rescan it at 300 dpi"
            ) from exc
        except UnidentifiedImageError as exc:
            raise CorruptInputError(
                "the file looks like an image but no decoder recognises it (damaged or "
                "truncated header); check the original, or scan or export it again"
            ) from exc
        except _DECODE_ERRORS as exc:
            raise CorruptInputError(f"the image header cannot be decoded ({exc})") from exc


def _check_pixels(img: Image.Image, index: int, options: ReadOptions) -> None:
    w, h = img.size
    if w * h > options.max_pixels:
        raise LimitExceededError(
            f"page {index + 1} of the image is {w:,}×{h:,} = {w * h:,} pixels, over the "
            f"{options.max_pixels:,}-pixel limit (raise it with --max-pixels)"
        )


def _frame_count(img: Image.Image) -> int | None:
    """Pages of a TIFF (every frame), ``None`` when its frame chain is damaged; 1 otherwise
    (frames of GIF/WebP/PNG are animation, not pages)."""
    if img.format != "TIFF":
        return 1
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return max(int(getattr(img, "n_frames", 1)), 1)
    except _DECODE_ERRORS:
        return None  # read frames one by one until one cannot be reached
    finally:
        img.seek(0)


def _decode(img: Image.Image) -> Image.Image:
    """Pixels of the current frame, upright (EXIF orientation), with its resolution kept."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # Pillow's "Corrupt EXIF" etc.: the page still reads
        img.load()
        info = dict(img.info)
        try:
            from PIL import ImageOps

            upright = ImageOps.exif_transpose(img)
        except _DECODE_ERRORS:  # a damaged EXIF block must not cost the page
            upright = img
    if upright is img:
        upright = img.copy()
    for key in ("dpi", "resolution"):
        if key in info:
            upright.info.setdefault(key, info[key])
    return upright


def _animation_frames(img: Image.Image) -> int:
    try:
        return int(getattr(img, "n_frames", 1))
    except _DECODE_ERRORS:
        return 1


def read(data: bytes, options: ReadOptions) -> Document:
    """OCR every page of an image file into a :class:`~avis.layout.Document` (format ``image``)."""
    if not options.ocr:
        raise OcrUnavailableError(
            "this file is an image (a scan): reading it needs OCR, which is turned off"
        )
    from avis.readers.ocr import ocr_pages, tesseract

    tesseract(options.ocr_lang)  # missing OCR is said before any decoding work
    img = _open(data)
    doc = Document(format="image")
    count = _frame_count(img)
    if count is not None and count > options.max_pages:
        raise LimitExceededError(
            f"the image has {count} pages, over the {options.max_pages}-page limit "
            "(raise it with --max-pages)"
        )
    animated = _animation_frames(img) if img.format != "TIFF" else 1
    if animated > 1:
        doc.warnings.append(
            f"the {img.format} image has {animated} frames; only the first was read "
            "(multi-page scans belong in TIFF or PDF)"
        )
    if count is None:
        doc.warnings.append("the TIFF's page chain is damaged: pages were read up to the break")
    sizes: list[str] = []

    def frames() -> Iterator[PageJob]:
        """Decoded pages, one at a time (the file's decoder is not shared across threads)."""
        index = 0
        while count is None or index < count:
            if index >= options.max_pages:
                doc.warnings.append(f"only the first {options.max_pages} pages were read")
                return
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    img.seek(index)
            except EOFError:
                return
            except _DECODE_ERRORS as exc:
                doc.warnings.append(
                    f"page {index + 1}: cannot be reached in the file ({exc}); stopped"
                )
                return
            _check_pixels(img, index, options)
            try:
                frame = _decode(img)
            except MemoryError as exc:
                raise LimitExceededError(
                    f"page {index + 1} of the image needs more memory than is available"
                ) from exc
            except _DECODE_ERRORS as exc:
                doc.warnings.append(
                    f"page {index + 1}: the image data is damaged or truncated ({exc}); "
                    "page skipped"
                )
                index += 1
                continue
            sizes.append(f"{frame.size[0]}×{frame.size[1]}")
            yield frame, index + 1, None
            index += 1

    for _number, page in ocr_pages(frames(), options):
        if isinstance(page, OcrUnavailableError):
            raise page
        doc.pages.append(page)
    # Running headers, footers and page numbers go, as in a PDF: a multi-page scan repeats
    # them on every page and they would land inside list items.
    drop_furniture(doc.pages)
    if not doc.pages:
        reasons = "; ".join(doc.warnings) or "no page found"
        raise CorruptInputError(
            f"no page of the image could be decoded ({reasons}); check the original, or scan "
            "or export it again"
        )
    if not any(line.text.strip() for line in doc.lines()):
        dpis = ", ".join(f"{p.dpi:.0f}" for p in doc.pages if p.dpi)
        raise EmptyInputError(
            f"OCR found no text in the image ({len(doc.pages)} page(s), {', '.join(sizes)} "
            f"pixels, ~{dpis} dpi): it may be blank, too small, too faint or too low in "
            "resolution; check the page, or scan it again at 300 dpi"
        )
    return doc


_MAGIC = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"II*\x00",
    b"MM\x00*",
    b"GIF87a",
    b"GIF89a",
    b"BM",
)


def sniff(data: bytes) -> bool:
    """PNG, JPEG, TIFF, GIF, BMP or WebP magic bytes."""
    return data.startswith(_MAGIC) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP")


READER = ReaderSpec(
    name="image",
    sniff=sniff,
    read=read,
    paged=True,
    no_text="no text found in this image file",
)
