"""What a worker converts before its first document, so that no document pays for it.

A fork server (local pool) or a zygote (Dask) warms up once and every worker forked from it
starts warm: modules imported, the lexicon's patterns compiled, the PDF engine loaded, the
writers' schemas read. The samples are built here, in memory: a short text notice and a
one-page born-digital PDF with a ruled label│value header (the path most notices take).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterable

_HEADER = (
    ("Référence", "0000-00-0000/SR du 2 janvier 2025"),
    ("Intitulé du poste", "Agent d'accueil"),
    ("Employeur", "Province"),
    ("Lieu de travail", "Nouméa"),
    ("Date de parution", "2 janvier 2025"),
    ("Date limite de dépôt des candidatures", "31 janvier 2025"),
)
_BODY = (
    "Missions :",
    "- accueillir le public",
    "- orienter les usagers",
    "Compétences :",
    "- rigueur",
)

WARM_NOTICE = (
    "AVIS DE VACANCE DE POSTE\n"
    + "".join(f"{label} : {value}\n" for label, value in _HEADER)
    + "\n"
    + "\n".join(_BODY)
    + "\n"
).encode()


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def warm_pdf() -> bytes:
    """A one-page A4 notice: title, a ruled two-column header, a list (Helvetica, WinAnsi)."""
    ops: list[bytes] = [b"0.5 w"]
    top, row, left, mid, right = 740.0, 22.0, 56.0, 250.0, 540.0
    rows = len(_HEADER)
    for k in range(rows + 1):  # the table's rulings
        y = top - k * row
        ops.append(f"{left} {y} m {right} {y} l S".encode())
    for x in (left, mid, right):
        ops.append(f"{x} {top} m {x} {top - rows * row} l S".encode())

    def text(x: float, y: float, s: str, size: int = 10) -> None:
        ops.append(b"BT /F1 %d Tf %.1f %.1f Td " % (size, x, y) + _pdf_string(s) + b" Tj ET")

    text(left, 770, "AVIS DE VACANCE DE POSTE", 14)
    for k, (label, value) in enumerate(_HEADER):
        y = top - (k + 1) * row + 7
        text(left + 4, y, label)
        text(mid + 4, y, value)
    y = top - rows * row - 30
    for line in _BODY:
        text(left, y, line)
        y -= 14
    content = b"\n".join(ops)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def warm_up(formats: Iterable[str] = ("json",)) -> None:
    """Convert the samples and render them in ``formats``; never fails.

    The fork server warms the default format only: the others' schemas (a JSON-LD validator
    alone takes ≈ 50 ms) would delay every run's first document for formats most runs do not
    ask for; a worker asked for them loads them with its first document, once. A Dask zygote
    knows its run's formats and warms those.

    Then freeze what is loaded (:func:`gc.freeze`): the collector no longer walks the warm
    heap in every worker, and a forked worker does not copy the pages it shares with its
    parent just to mark objects the collector visits.
    """
    try:
        from avis.pipeline import parse_bytes
        from avis.writers import WriterOptions, get_writer

        notices = [parse_bytes(WARM_NOTICE, "warm-up.md"), parse_bytes(warm_pdf(), "warm-up.pdf")]
        options = WriterOptions(include_expired=True)
        for name in formats:
            for notice in notices:  # one at a time: some formats hold one notice only
                with contextlib.suppress(Exception):
                    get_writer(name).render([notice], options=options)
    except Exception:
        pass
    # The samples' garbage is young: a full collection walked the whole warm heap (≈ 20 ms
    # before every run's first document) to find none among the older objects.
    gc.collect(1)
    gc.freeze()
