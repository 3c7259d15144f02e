"""Opening a PDF with pdfium, and repairing one whose cross-reference table or trailer is lost
(a truncated download) by rebuilding them from the objects found in the file."""

from __future__ import annotations

import itertools
import re
from typing import Any

from avis.errors import CorruptInputError, PasswordRequiredError


def pdfium_error() -> type[Exception]:
    import pypdfium2 as pdfium

    return pdfium.PdfiumError


def open_pdfium(data: bytes, password: str | None, warnings: list[str]) -> tuple[Any, bytes]:
    """The pdfium document and the bytes it was opened from: a PDF whose trailer is lost (a
    truncated download) is opened from a copy with a rebuilt cross-reference table."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        return pdfium.PdfDocument(data, password=password), data
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise password_error(password) from exc
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise CorruptInputError(
                "the PDF uses an unsupported encryption scheme; open it in a PDF viewer and "
                "print it to a new PDF"
            ) from exc
        repaired = _rebuild_xref(data) if code == pdfium_c.FPDF_ERR_FORMAT else None
        if repaired is not None:
            try:
                pdf_doc = pdfium.PdfDocument(repaired, password=password)
            except pdfium.PdfiumError:
                pass
            else:
                warnings.append(
                    "the PDF is damaged (its cross-reference table or trailer is missing, as "
                    "in a truncated file); it was rebuilt from the objects found, so text may "
                    "be missing"
                )
                return pdf_doc, repaired
        if code == pdfium_c.FPDF_ERR_SUCCESS:  # pdfium's answer to an empty page tree
            raise CorruptInputError(
                "the PDF has no pages (its page tree is empty or damaged); ask for a new copy"
            ) from exc
        raise CorruptInputError(
            f"the PDF is damaged and cannot be opened ({exc}); open it in a PDF viewer and "
            "save or print it to a new PDF, or ask for a new copy"
        ) from exc


_OBJ = re.compile(rb"(?<![0-9])(\d{1,10})[ \t\r\n\f\x00]+(\d{1,5})[ \t\r\n\f\x00]+obj\b")
_CATALOG = re.compile(rb"/Type\s*/Catalog\b")
_PAGES_ROOT = re.compile(rb"/Type\s*/Pages\b")
_PAGE = re.compile(rb"/Type\s*/Page\b(?!s)")
_PARENT = re.compile(rb"/Parent\b")
_MAX_REBUILT_OBJECTS = 200_000


def _rebuild_xref(data: bytes) -> bytes | None:
    """A copy of a PDF with a new cross-reference table and trailer, built by scanning the
    file for ``N G obj`` (later definitions win, as with incremental updates).

    The catalog is the object typed ``/Catalog``; when it was cut off, a new one points to
    the root ``/Pages`` node, or to a new node listing every ``/Page`` found. ``None`` when no
    page can be found. An unterminated last object (the cut) is closed.
    """
    objects: dict[int, tuple[int, int, int]] = {}  # number → (offset, generation, body end)
    found = list(itertools.islice(_OBJ.finditer(data), _MAX_REBUILT_OBJECTS + 1))
    if not found or len(found) > _MAX_REBUILT_OBJECTS:
        return None
    for k, m in enumerate(found):
        end = found[k + 1].start() if k + 1 < len(found) else len(data)
        objects[int(m.group(1))] = (m.start(), int(m.group(2)), end)

    def is_a(pattern: re.Pattern[bytes], number: int, parent: bool | None = None) -> bool:
        """Whether the object's dictionary (before any stream data) matches ``pattern``."""
        start, _, end = objects[number]
        end = min(end, start + 4096)
        cut = data.find(b"stream", start, end)
        end = end if cut < 0 else cut
        if pattern.search(data, start, end) is None:
            return False
        return parent is None or (_PARENT.search(data, start, end) is not None) == parent

    catalog = next((n for n in objects if is_a(_CATALOG, n)), None)
    tail = bytearray(b"\n")
    last_start, _, _ = max(objects.values())
    if data.rfind(b"endobj", last_start) < 0:
        if data.find(b"stream", last_start) >= 0 and data.rfind(b"endstream", last_start) < 0:
            tail += b"\nendstream"
        tail += b"\nendobj\n"
    extra: dict[int, bytes] = {}
    next_number = max(objects) + 1
    if catalog is None:
        pages_root = next((n for n in objects if is_a(_PAGES_ROOT, n, parent=False)), None)
        if pages_root is None:
            kids = [n for n in sorted(objects) if is_a(_PAGE, n)]
            if not kids:
                return None
            pages_root = next_number
            next_number += 1
            refs = b" ".join(b"%d 0 R" % n for n in kids)
            extra[pages_root] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (refs, len(kids))
        catalog = next_number
        extra[catalog] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_root
    out = bytearray(data)
    out += tail
    offsets = {n: (off, gen) for n, (off, gen, _) in objects.items()}
    for number, body in extra.items():
        offsets[number] = (len(out), 0)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    size = max(offsets) + 1
    out += b"xref\n0 %d\n" % size
    for number in range(size):
        if number in offsets:
            off, gen = offsets[number]
            out += b"%010d %05d n \n" % (off, min(gen, 65535))
        else:
            out += b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        size,
        catalog,
        xref,
    )
    return bytes(out)


def password_error(password: str | None) -> PasswordRequiredError:
    if password:
        return PasswordRequiredError("the password given for this PDF is wrong (check --password)")
    return PasswordRequiredError(
        "the PDF is encrypted and needs a password to open; pass it with --password"
    )
