"""Hostile and broken inputs, built in memory (no binary fixture is committed).

Every builder returns the bytes of one file; :data:`FIXTURES` lists them with the outcome
``avis.pipeline.parse_bytes`` must give (a Notice, or an :class:`~avis.errors.AvisError` code)
and the name the file is given, which must never matter. The fuzz harness seeds its corpus from
the same builders (``fuzz/make_seeds.py``).

Expensive builders (the 200 MB zip bomb, the big PNG, 10 MB of text) are cached: they are
deterministic, and the tests and the seed maker each call them more than once.
"""

from __future__ import annotations

import functools
import io
import os
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass

# ---------------------------------------------------------------------------------------------
# A notice, as text, PDF and DOCX

NOTICE_LINES: tuple[str, ...] = (
    "AVIS DE VACANCE DE POSTE",
    "Référence : 3134-25-0176/SR du 24 janvier 2025",
    "Employeur : Province des îles Loyauté",
    "Intitulé du poste : Chargé de l’entretien des équipements",
    "Lieu de travail : Lifou",
    "Date limite de candidature : Vendredi 14 février 2025",
    "Missions :",
    "- Mise en œuvre des procédures d’exploitation des équipements",
    "- Suivi des contrats de maintenance (budget de 12 000 €)",
    "Profil du candidat",
    "Savoir-être : rigueur, sens du service public, capacité d’écoute",
)
NOTICE_TEXT = "\n".join(NOTICE_LINES) + "\n"
# Words a good read must keep, accents and cp1252-only characters included.
MUST_SURVIVE: tuple[str, ...] = ("Loyauté", "février", "œuvre", "équipements")
PDF_MUST_SURVIVE: tuple[str, ...] = ("Loyauté", "février", "équipements")
PASSWORD = "s3cret-Mot-de-passe"


def _vera() -> str:
    """reportlab's bundled TrueType font: it has "œ", "’" and "€" (the base-14 fonts do too,
    but only through WinAnsi; a TrueType subset exercises ToUnicode maps)."""
    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "Vera" not in pdfmetrics.getRegisteredFontNames():
        path = os.path.join(os.path.dirname(reportlab.__file__), "fonts", "Vera.ttf")
        pdfmetrics.registerFont(TTFont("Vera", path))
    return "Vera"


def notice_pdf(encrypt: object = None, pages: int = 1) -> bytes:
    """A compressed one-page notice (invariant: same bytes on every run)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=A4, invariant=1, pageCompression=1, encrypt=encrypt)
    font = _vera()
    for page in range(pages):
        y = 800.0
        for line in NOTICE_LINES:
            canvas.setFont(font, 14 if line.isupper() else 10)
            canvas.drawString(56, y, line)
            y -= 20
        if pages > 1:
            canvas.drawString(56, 60, f"Page {page + 1}")
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def notice_docx() -> bytes:
    """A Word notice with a header table (python-docx's default template, fixed dates)."""
    import docx

    d = docx.Document()
    d.add_paragraph(NOTICE_LINES[0], style="Title")
    table = d.add_table(rows=0, cols=2)
    for line in NOTICE_LINES[1:6]:
        label, value = line.split(" : ", 1)
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    for line in NOTICE_LINES[6:]:
        if line.startswith("- "):
            d.add_paragraph(line[2:], style="List Bullet")
        else:
            d.add_paragraph(line)
    props = d.core_properties
    import datetime as dt

    props.created = props.modified = dt.datetime(2025, 1, 24)
    props.revision = 1
    buf = io.BytesIO()
    d.save(buf)
    return _normalise_zip(buf.getvalue())


def _normalise_zip(data: bytes) -> bytes:
    """Re-pack with fixed member timestamps, so the bytes are the same on every run."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 24, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info))
    return out.getvalue()


def notice_html() -> bytes:
    items = "".join(f"<li>{line[2:]}</li>" for line in NOTICE_LINES if line.startswith("- "))
    rows = "".join(
        "<tr><td>{}</td><td>{}</td></tr>".format(*line.split(" : ", 1))
        for line in NOTICE_LINES[1:6]
    )
    body = (
        f"<h1>{NOTICE_LINES[0]}</h1><table>{rows}</table><h2>Missions</h2><ul>{items}</ul>"
        f"<h2>Profil du candidat</h2><p>{NOTICE_LINES[-1]}</p>"
    )
    head = '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"></head>'
    return f"{head}<body>{body}</body></html>".encode()


# ---------------------------------------------------------------------------------------------
# Empty


def empty() -> bytes:
    return b""


def nul_bytes() -> bytes:
    """A "zero-filled" file, as a crashed copy leaves behind."""
    return b"\x00" * 4096


def whitespace_only() -> bytes:
    return b" \t\r\n" * 1000 + "\u00a0\u2003\n".encode()


# ---------------------------------------------------------------------------------------------
# PDF


def pdf_truncated(fraction: float) -> Callable[[], bytes]:
    def build() -> bytes:
        data = notice_pdf()
        return data[: max(int(len(data) * fraction), 9)]

    build.__name__ = f"pdf_truncated_{int(fraction * 100)}"
    return build


def pdf_header_only() -> bytes:
    return b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"


def _flip(data: bytes, start: int, end: int, step: int = 1) -> bytes:
    out = bytearray(data)
    for i in range(start, min(end, len(out)), step):
        out[i] ^= 0x5A
    return bytes(out)


def pdf_corrupt_xref() -> bytes:
    """Every byte of the cross-reference table damaged (readers must rebuild it)."""
    data = notice_pdf()
    start = data.rindex(b"\nxref\n") + 6
    end = data.index(b"trailer", start)
    return _flip(data, start, end)


def pdf_corrupt_startxref() -> bytes:
    """startxref points into the middle of an object."""
    data = notice_pdf()
    at = data.rindex(b"startxref") + len(b"startxref\n")
    tail = data[at:]
    return data[:at] + b"123" + tail[tail.index(b"\n") :]


def pdf_corrupt_stream() -> bytes:
    """The page's compressed content stream damaged halfway: its text is lost."""
    data = notice_pdf()
    streams = []
    at = 0
    while (at := data.find(b"stream\n", at)) != -1:
        end = data.find(b"endstream", at)
        streams.append((at + 7, end))
        at = end
    # the largest stream is the page's content
    start, end = max(streams, key=lambda s: s[1] - s[0])
    return _flip(data, start + (end - start) // 3, end - 2, 3)


def pdf_garbage_after_header() -> bytes:
    return b"%PDF-1.4\n" + bytes(range(256)) * 64


def pdf_really_html() -> bytes:
    """A web page saved with a .pdf name (a download that went to a login page)."""
    return notice_html()


def pdf_error_page_html() -> bytes:
    """The same, when the page holds no notice: a 404."""
    return b"<!doctype html><html><head><title>404</title></head><body></body></html>"


def pdf_password_required() -> bytes:
    from reportlab.lib.pdfencrypt import StandardEncryption

    return notice_pdf(
        encrypt=StandardEncryption(PASSWORD, ownerPassword="owner-" + PASSWORD, canPrint=0)
    )


def pdf_edit_protected() -> bytes:
    """Encrypted with an empty user password: opens without one, only editing is restricted."""
    from reportlab.lib.pdfencrypt import StandardEncryption

    return notice_pdf(
        encrypt=StandardEncryption(
            "", ownerPassword="owner-" + PASSWORD, canPrint=0, canModify=0, canCopy=0
        )
    )


@functools.cache
def pdf_many_pages() -> bytes:
    """More pages than the default page limit (200)."""
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canvas = Canvas(buf, invariant=1)
    for n in range(205):
        canvas.drawString(56, 400, f"Avis de vacance de poste, feuillet {n + 1}")
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def pdf_no_pages() -> bytes:
    """A syntactically valid PDF whose page tree is empty."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [] /Count 0 >>",
    ]
    return _raw_pdf(objects)


def _raw_pdf(objects: list[bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (n, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def pdf_huge_mediabox() -> bytes:
    """A page of 14400×14400 pt (the PDF maximum) with a line of text."""
    content = b"BT /F1 12 Tf 72 14000 Td (Avis de vacance de poste) Tj ET"
    return _raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] "
            b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def pdf_huge_image_page() -> bytes:
    """A 14400 × 14400 pt page holding only a (1 × 1, grey) image: OCR must not render it at
    full resolution (at 300 dpi that would be 3.6 gigapixels)."""
    content = b"q 14400 0 0 14400 0 0 cm /Im1 Do Q"
    return _raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] "
            b"/Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
            b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
            b"/BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream",
        ]
    )


@functools.cache
def pdf_many_text_objects() -> bytes:
    """Notice lines drawn one glyph per text object, 26 times over in the same place: 6,240
    text objects on one page. pdfium's text extraction grows with their square and pdfminer
    spends ~1 ms on each, so such a page must go to OCR rather than take minutes."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=A4, invariant=1, pageCompression=1)
    font = _vera()
    lines = NOTICE_LINES[:6]
    for _ in range(26):
        for n, line in enumerate(lines):
            x, y = 56.0, 800.0 - 24 * n
            for ch in line:
                canvas.setFont(font, 12)
                canvas.drawString(x, y, ch)
                x += stringWidth(ch, font, 12)
    canvas.showPage()
    canvas.save()
    return buf.getvalue()


def pdf_page_tree_loop() -> bytes:
    """A page tree whose Kids point back to the root: naive readers recurse forever."""
    return _raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
        ]
    )


# ---------------------------------------------------------------------------------------------
# ZIP and DOCX


def zip_not_docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("avis.txt", (2025, 1, 1, 0, 0, 0)), NOTICE_TEXT)
        zf.writestr(zipfile.ZipInfo("photo.jpg", (2025, 1, 1, 0, 0, 0)), b"\xff\xd8\xff\xe0")
    return out.getvalue()


def rezip(
    data: bytes, replace: dict[str, bytes | None] | None = None, add: dict[str, bytes] | None = None
) -> bytes:
    """Copy a package, replacing (None: dropping) members and adding others."""
    replace = replace or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            blob = replace.get(info.filename, src.read(info))
            if blob is not None:
                dst.writestr(zipfile.ZipInfo(info.filename, info.date_time), blob, 8)
        for name, blob in (add or {}).items():
            dst.writestr(zipfile.ZipInfo(name, (2025, 1, 1, 0, 0, 0)), blob, 8)
    return out.getvalue()


def member(data: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read(name)


def _with_doctype(decl: bytes, part: str = "word/document.xml") -> bytes:
    base = notice_docx()
    xml = member(base, part)
    head, rest = xml.split(b"?>", 1)
    body = rest
    if b"&" in decl:  # use the entity, as an attack would
        body = rest.replace(b"<w:t>Lifou</w:t>", b"<w:t>&x;</w:t>", 1)
    return rezip(base, {part: head + b"?>" + decl + body})


@functools.cache
def docx_zip_bomb() -> bytes:
    """A part that inflates to 201 MB of zeros from ~200 kB, written in 1 MB chunks so that
    building it never holds the payload in memory."""
    out = io.BytesIO(notice_docx())
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        info = zipfile.ZipInfo("word/media/image1.png", (2025, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        chunk = b"\0" * (1024 * 1024)
        with zf.open(info, "w", force_zip64=True) as member:
            for _ in range(201):
                member.write(chunk)
    return out.getvalue()


def docx_zip_bomb_header() -> bytes:
    """A central directory that claims a 3 GB part (the data itself is small)."""
    data = bytearray(notice_docx())
    at = data.rfind(b"PK\x01\x02")  # last central-directory entry
    struct.pack_into("<I", data, at + 24, 3 * 1024**3)  # uncompressed size
    return bytes(data)


def docx_zip_bomb_spread() -> bytes:
    """Many parts each under the per-part ratio check, together over the total limit: the
    sizes are only claimed (central directory), which is what the check reads."""
    base = notice_docx()
    out = io.BytesIO(base)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_STORED) as zf:
        for n in range(30):
            zf.writestr(zipfile.ZipInfo(f"customXml/item{n}.bin", (2025, 1, 1, 0, 0, 0)), b"x")
    data = bytearray(out.getvalue())
    at = 0
    while (at := data.find(b"PK\x01\x02", at)) != -1:
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        name = bytes(data[at + 46 : at + 46 + name_len])
        if name.startswith(b"customXml/item"):
            struct.pack_into("<I", data, at + 20, 9 * 1024**2)  # compressed
            struct.pack_into("<I", data, at + 24, 9 * 1024**2)  # uncompressed
        at += 4
    return bytes(data)


def docx_zip_slip() -> bytes:
    return rezip(notice_docx(), add={"../../evil.sh": b"rm -rf ~\n"})


def docx_absolute_name() -> bytes:
    return rezip(notice_docx(), add={"/etc/cron.d/evil": b"* * * * * root true\n"})


def docx_billion_laughs() -> bytes:
    decl = b"<!DOCTYPE w:document [" + b'<!ENTITY a0 "lol">'
    for n in range(1, 10):
        prev = b"&a%d;" % (n - 1)
        decl += b'<!ENTITY a%d "%s">' % (n, prev * 10)
    decl += b'<!ENTITY x "&a9;">]>'
    return _with_doctype(decl)


def docx_xxe() -> bytes:
    return _with_doctype(b'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>')


def docx_xxe_in_rels() -> bytes:
    return _with_doctype(
        b'<!DOCTYPE Relationships [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
        part="word/_rels/document.xml.rels",
    )


def docx_xxe_odd_part_name() -> bytes:
    """The main part renamed to ``word/main.bin`` (allowed: the relationship names it) and
    carrying an external entity: a check that only looks at ``*.xml`` names misses it."""
    base = notice_docx()
    xml = member(base, "word/document.xml")
    head, rest = xml.split(b"?>", 1)
    decl = b'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    rest = rest.replace(b"<w:t>Lifou</w:t>", b"<w:t>&x;</w:t>", 1)
    rels = member(base, "_rels/.rels").replace(b"word/document.xml", b"word/main.bin")
    types = member(base, "[Content_Types].xml").replace(b"/word/document.xml", b"/word/main.bin")
    doc_rels = member(base, "word/_rels/document.xml.rels")
    return rezip(
        base,
        {
            "word/document.xml": None,
            "word/_rels/document.xml.rels": None,
            "_rels/.rels": rels,
            "[Content_Types].xml": types,
        },
        {"word/main.bin": head + b"?>" + decl + rest, "word/_rels/main.bin.rels": doc_rels},
    )


STRICT_NAMESPACES = [
    (b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
     b"http://purl.oclc.org/ooxml/wordprocessingml/main"),
    (b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
     b"http://purl.oclc.org/ooxml/officeDocument/relationships"),
    (b"http://schemas.openxmlformats.org/drawingml/2006/main",
     b"http://purl.oclc.org/ooxml/drawingml/main"),
]  # fmt: skip


def to_strict(data: bytes, pairs: list[tuple[bytes, bytes]] = STRICT_NAMESPACES) -> bytes:
    """A package with its Transitional namespaces swapped for Strict ones (``pairs``)."""
    replace: dict[str, bytes | None] = {}
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            if name.endswith((".xml", ".rels")):
                blob = zf.read(name)
                for old, new in pairs:
                    blob = blob.replace(old, new)
                replace[name] = blob
    return rezip(data, replace)


def docx_strict() -> bytes:
    """The notice in Strict Open XML namespaces (Word's "Strict Open XML Document")."""
    return to_strict(notice_docx())


def docx_truncated() -> bytes:
    data = notice_docx()
    return data[: len(data) // 2]


def docx_bad_crc() -> bytes:
    """document.xml stored (not deflated) with one byte changed: the CRC check fails."""
    base = notice_docx()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            kind = zipfile.ZIP_STORED if info.filename == "word/document.xml" else 8
            dst.writestr(zipfile.ZipInfo(info.filename, info.date_time), src.read(info), kind)
    data = bytearray(out.getvalue())
    at = data.index(b"Lifou")
    data[at] ^= 0x20
    return bytes(data)


def docx_broken_xml() -> bytes:
    base = notice_docx()
    xml = member(base, "word/document.xml")
    return rezip(base, {"word/document.xml": xml[: len(xml) // 2]})


def docx_no_body() -> bytes:
    base = notice_docx()
    xml = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
    )
    return rezip(base, {"word/document.xml": xml})


def docx_deep_nesting() -> bytes:
    """Tables nested 5,000 deep in one cell (Word allows 63)."""
    base = notice_docx()
    xml = member(base, "word/document.xml")
    depth = 5000
    cell = b"<w:p><w:r><w:t>Lifou</w:t></w:r></w:p>"
    nested = b"<w:tbl><w:tr><w:tc>" * depth + cell + b"</w:tc></w:tr></w:tbl>" * depth
    xml = xml.replace(b"<w:sectPr", nested + b"<w:p/><w:sectPr", 1)
    return rezip(base, {"word/document.xml": xml})


def docx_nested_tables() -> bytes:
    """Tables nested 60 deep, as far as Word goes (63): legal, and read to the last cell."""
    base = notice_docx()
    xml = member(base, "word/document.xml")
    depth = 60
    cell = "<w:p><w:r><w:t>Loyauté</w:t></w:r></w:p>".encode()
    nested = b"<w:tbl><w:tr><w:tc>" * depth + cell + b"</w:tc></w:tr></w:tbl>" * depth
    xml = xml.replace(b"<w:sectPr", nested + b"<w:p/><w:sectPr", 1)
    return rezip(base, {"word/document.xml": xml})


def docx_zip_bomb_lying() -> bytes:
    """A part whose central-directory entry claims 1 kB but which inflates to 100 MB: the size
    checks read the directory, so only inflating in bounded chunks keeps memory flat."""
    out = io.BytesIO(notice_docx())
    name = b"word/media/image2.png"
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        info = zipfile.ZipInfo(name.decode(), (2025, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        chunk = b"\0" * (1024 * 1024)
        with zf.open(info, "w") as member:
            for _ in range(100):
                member.write(chunk)
    data = bytearray(out.getvalue())
    at = data.find(b"PK\x01\x02")
    while data[at + 46 : at + 46 + len(name)] != name:
        at = data.find(b"PK\x01\x02", at + 4)
    struct.pack_into("<I", data, at + 24, 1024)  # uncompressed size
    return bytes(data)


def zip_many_members() -> bytes:
    """20,000 empty members beside a Word document: more than any real package."""
    out = io.BytesIO(notice_docx())
    with zipfile.ZipFile(out, "a", zipfile.ZIP_STORED) as zf:
        for n in range(20_000):
            zf.writestr(zipfile.ZipInfo(f"customXml/i{n}", (2025, 1, 1, 0, 0, 0)), b"")
    return out.getvalue()


def _cfb(names: list[str]) -> bytes:
    """Just enough of an OLE compound file (header and directory names) to be recognised."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    entries = b"".join(n.encode("utf-16-le").ljust(64, b"\0") + bytes(64) for n in names)
    return header + entries.ljust(4096, b"\0")


def docx_encrypted() -> bytes:
    """A password-protected .docx: an OLE container with an EncryptedPackage stream."""
    return _cfb(["Root Entry", "EncryptionInfo", "EncryptedPackage"])


def doc_binary() -> bytes:
    """An old binary Word 97 file (.doc)."""
    return _cfb(["Root Entry", "WordDocument", "1Table"])


def docx_lock_file() -> bytes:
    """Word's owner file ``~$notice.docx``: 162 bytes of user name, not a document."""
    name = "Jean Dupont".encode("utf-16-le")
    return bytes([len("Jean Dupont")]) + b"Jean Dupont".ljust(53, b" ") + name.ljust(108, b"\0")


# ---------------------------------------------------------------------------------------------
# Images


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_bomb_header() -> bytes:
    """A PNG header claiming 100,000 × 100,000 pixels (10 gigapixels), valid CRCs, a few
    bytes of data: decoding it would allocate 10 GB."""
    ihdr = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\0" * 1024)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", ihdr)
        + _png_chunk(b"IDAT", idat)
        + _png_chunk(b"IEND", b"")
    )


def png_over_max_pixels() -> bytes:
    """20,000 × 10,000 = 200 megapixels: over avis's limit (180 MP), and Pillow's own."""
    ihdr = struct.pack(">IIBBBBB", 20_000, 10_000, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", ihdr)
        + _png_chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + _png_chunk(b"IEND", b"")
    )


def _image(mode: str = "L", size: tuple[int, int] = (1400, 420)) -> object:
    """A small scan of three notice lines at about 300 dpi."""
    import reportlab
    from PIL import Image, ImageDraw, ImageFont

    font_path = os.path.join(os.path.dirname(reportlab.__file__), "fonts", "Vera.ttf")
    font = ImageFont.truetype(font_path, 40)
    img = Image.new("L", size, 255)
    draw = ImageDraw.Draw(img)
    for n, line in enumerate(("AVIS DE VACANCE DE POSTE", NOTICE_LINES[2], NOTICE_LINES[4])):
        draw.text((40, 40 + n * 120), line, fill=0, font=font)
    return img.convert(mode) if mode != "L" else img


def _save(img: object, fmt: str, **kwargs: object) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, dpi=(300, 300), **kwargs)  # type: ignore[attr-defined]
    return buf.getvalue()


def png_1x1() -> bytes:
    from PIL import Image

    return _save(Image.new("L", (1, 1), 255), "PNG")


@functools.cache
def png_big_blank() -> bytes:
    """8000 × 8000 grey pixels (64 MP, legal): memory and time must stay bounded."""
    from PIL import Image

    return _save(Image.new("L", (8000, 8000), 250), "PNG", optimize=False)


def jpeg_cmyk() -> bytes:
    return _save(_image("CMYK"), "JPEG", quality=90)


def png_16bit() -> bytes:
    import numpy as np
    from PIL import Image

    grey = np.asarray(_image("L"), dtype=np.uint16) * 257
    return _save(Image.fromarray(grey.astype(np.uint16)), "PNG")


def gif_palette() -> bytes:
    return _save(_image("P"), "GIF")


def tiff_broken_page() -> bytes:
    """Three pages: the notice, then a page whose strip offsets point past the end of the
    file, then a page never reached (the chain breaks at page 2)."""
    pages = [_image("L"), _image("L"), _image("L")]
    buf = io.BytesIO()
    pages[0].save(buf, "TIFF", save_all=True, append_images=pages[1:], dpi=(300, 300))  # type: ignore[attr-defined]
    data = bytearray(buf.getvalue())
    # Walk the IFD chain (little-endian, "II*\0") to the second IFD and break its StripOffsets.
    first = struct.unpack_from("<I", data, 4)[0]
    count = struct.unpack_from("<H", data, first)[0]
    second = struct.unpack_from("<I", data, first + 2 + 12 * count)[0]
    count2 = struct.unpack_from("<H", data, second)[0]
    for k in range(count2):
        at = second + 2 + 12 * k
        tag = struct.unpack_from("<H", data, at)[0]
        if tag == 273:  # StripOffsets
            _kind, n = struct.unpack_from("<HI", data, at + 2)
            if n == 1:
                struct.pack_into("<I", data, at + 8, len(data) + 10_000_000)
            else:
                where = struct.unpack_from("<I", data, at + 8)[0]
                for s in range(n):
                    struct.pack_into("<I", data, where + 4 * s, len(data) + 10_000_000)
    return bytes(data)


def png_truncated() -> bytes:
    data = _save(_image("L"), "PNG")
    return data[: len(data) // 2]


def image_magic_only() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + b"\0" * 16


# ---------------------------------------------------------------------------------------------
# Text and HTML


def text_cp1252() -> bytes:
    return NOTICE_TEXT.encode("cp1252")


def text_latin1() -> bytes:
    """ISO-8859-1 has no "œ", "’" or "€": those become what a latin-1 editor would save."""
    text = NOTICE_TEXT.replace("œ", "oe").replace("’", "'").replace("€", "EUR")
    return text.encode("latin-1")


def text_utf8_bom() -> bytes:
    return NOTICE_TEXT.encode("utf-8-sig")


def text_utf16_bom() -> bytes:
    return NOTICE_TEXT.encode("utf-16")  # native order with a BOM


def text_utf16_be_bom() -> bytes:
    return b"\xfe\xff" + NOTICE_TEXT.encode("utf-16-be")


def text_utf16_le_no_bom() -> bytes:
    return NOTICE_TEXT.encode("utf-16-le")


def text_utf16_be_no_bom() -> bytes:
    return NOTICE_TEXT.encode("utf-16-be")


def text_utf16_le_no_bom_apostrophe_first() -> bytes:
    """Starts with a character outside Latin-1 ("’", U+2019), so its high byte is not 0."""
    return ("’" + NOTICE_TEXT).encode("utf-16-le")


def text_nul_inside() -> bytes:
    return NOTICE_TEXT.replace("Loyauté", "Loy\x00auté\x00").encode()


def text_one_long_line(megabytes: int) -> Callable[[], bytes]:
    return text_one_long_line_kb(megabytes * 1024)


def text_one_long_line_kb(kilobytes: int) -> Callable[[], bytes]:
    def build() -> bytes:
        return _one_long_line(kilobytes)

    build.__name__ = f"text_one_long_line_{kilobytes}kb"
    return build


@functools.cache
def _one_long_line(kilobytes: int) -> bytes:
    """A notice pasted without line breaks, repeated to ``kilobytes`` kB on one line."""
    line = " ".join(NOTICE_LINES) + " "
    n = kilobytes * 1024 // len(line.encode())
    return (line * n).encode()


@functools.cache
def text_one_line_of_brackets() -> bytes:
    """600 kB of "[", "<a" and "[x](" on one line: patterns that scan to the next closing
    bracket from every opening one are quadratic (this took hours before they were bounded)."""
    return NOTICE_TEXT.encode() + b"[" * 200_000 + b"<a" * 100_000 + b"[x](" * 50_000 + b"\n"


def text_binary_garbage() -> bytes:
    """Random-looking bytes that are not text in any encoding."""
    return bytes((i * 7919 + 13) % 256 for i in range(8192))


def html_nesting(depth: int) -> Callable[[], bytes]:
    def build() -> bytes:
        return _html_nesting(depth)

    build.__name__ = f"html_nesting_{depth}"
    return build


@functools.cache
def _html_nesting(depth: int) -> bytes:
    return (
        b"<!DOCTYPE html><html><body>"
        + b"<div>" * depth
        + "Loyauté".encode()
        + b"</div>" * depth
        + b"<p>"
        + NOTICE_TEXT.encode()
        + b"</p></body></html>"
    )


def html_many_elements(count: int) -> Callable[[], bytes]:
    def build() -> bytes:
        return _html_many_elements(count)

    build.__name__ = f"html_many_elements_{count}"
    return build


@functools.cache
def _html_many_elements(count: int) -> bytes:
    """``count`` tiny elements (1 million: 8 MB)."""
    return (
        b"<!DOCTYPE html><html><body><h1>AVIS DE VACANCE DE POSTE</h1><p>"
        + b"<b>x</b>" * count
        + b"</p><p>Employeur : Province des \xc3\xaeles Loyaut\xc3\xa9</p></body></html>"
    )


def html_entities() -> bytes:
    """An HTML document with an internal DTD subset and an external entity."""
    return (
        b'<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><html><body>'
        b"<p>Employeur : Province des &icirc;les Loyaut&eacute; &x;</p></body></html>"
    )


def html_only_script() -> bytes:
    return b"<html><head><script>var a = 1;</script></head><body><script>x()</script></body></html>"


# ---------------------------------------------------------------------------------------------
# The list


@dataclass(frozen=True, slots=True)
class Fixture:
    """One hostile input and what avis must do with it."""

    name: str
    build: Callable[[], bytes]
    expect: str
    """``ok`` (a Notice) or the :class:`~avis.errors.AvisError` code."""
    filename: str
    reader: str
    """The reader it exercises: pdf, docx, image, text, html, or any (detection)."""
    password: str | None = None
    max_pages: int | None = None
    """A raised page limit (the fixture shows a limit can be raised)."""
    survive: tuple[str, ...] = ()
    """Words the Notice's JSON must contain (a good read)."""
    heavy: bool = False
    """Big in memory or time: the test runs it in a subprocess with a memory cap."""
    ocr: bool = False
    """Needs Tesseract to give the expected outcome."""

    def data(self) -> bytes:
        return self.build()

    def options(self) -> object:
        """The :class:`~avis.readers.ReadOptions` to parse it with."""
        from avis.readers import ReadOptions

        extra: dict[str, object] = {"password": self.password}
        if self.max_pages is not None:
            extra["max_pages"] = self.max_pages
        return ReadOptions(**extra)  # type: ignore[arg-type]


def _f(name: str, build: Callable[[], bytes], expect: str, filename: str, reader: str,
       **kw: object) -> Fixture:  # fmt: skip
    return Fixture(name, build, expect, filename, reader, **kw)  # type: ignore[arg-type]


# fmt: off
FIXTURES: tuple[Fixture, ...] = (
    # empty
    _f("empty", empty, "empty_input", "notice.pdf", "any"),
    _f("nul_bytes", nul_bytes, "empty_input", "notice.docx", "any"),
    _f("whitespace_only", whitespace_only, "empty_input", "notice.txt", "text"),
    # PDF
    _f("pdf_good", notice_pdf, "ok", "notice.pdf", "pdf", survive=PDF_MUST_SURVIVE),
    _f("pdf_truncated_10", pdf_truncated(0.10), "corrupt_input", "notice.pdf", "pdf"),
    _f("pdf_truncated_50", pdf_truncated(0.50), "corrupt_input", "notice.pdf", "pdf"),
    _f("pdf_truncated_90", pdf_truncated(0.90), "corrupt_input", "notice.pdf", "pdf"),
    _f("pdf_truncated_96", pdf_truncated(0.96), "corrupt_input", "notice.pdf", "pdf"),
    _f("pdf_truncated_99", pdf_truncated(0.99), "ok", "notice.pdf", "pdf", survive=("Loyauté",)),
    _f("pdf_header_only", pdf_header_only, "corrupt_input", "notice.pdf", "pdf"),
    _f("pdf_garbage_after_header", pdf_garbage_after_header, "corrupt_input", "x.pdf", "pdf"),
    _f("pdf_corrupt_xref", pdf_corrupt_xref, "ok", "notice.pdf", "pdf", survive=("Loyauté",)),
    _f("pdf_corrupt_startxref", pdf_corrupt_startxref, "ok", "notice.pdf", "pdf"),
    _f("pdf_corrupt_stream", pdf_corrupt_stream, "ok", "notice.pdf", "pdf"),
    _f("pdf_no_pages", pdf_no_pages, "corrupt_input", "notice.pdf", "pdf"),
    _f("pdf_page_tree_loop", pdf_page_tree_loop, "corrupt_input", "notice.pdf", "pdf"),
    _f("pdf_huge_mediabox", pdf_huge_mediabox, "ok", "notice.pdf", "pdf"),
    _f("pdf_huge_image_page", pdf_huge_image_page, "empty_input", "notice.pdf", "pdf",
       heavy=True, ocr=True),
    _f("pdf_many_pages", pdf_many_pages, "limit_exceeded", "notice.pdf", "pdf"),
    _f("pdf_many_text_objects", pdf_many_text_objects, "ok", "notice.pdf", "pdf", ocr=True,
       survive=("Loyauté",)),
    _f("pdf_really_html", pdf_really_html, "ok", "notice.pdf", "html", survive=MUST_SURVIVE),
    _f("pdf_error_page_html", pdf_error_page_html, "empty_input", "notice.pdf", "html"),
    _f("pdf_password_required", pdf_password_required, "password_required", "a.pdf", "pdf"),
    _f("pdf_password_wrong", pdf_password_required, "password_required", "a.pdf", "pdf",
       password="not-the-password"),
    _f("pdf_password_given", pdf_password_required, "ok", "a.pdf", "pdf", password=PASSWORD,
       survive=PDF_MUST_SURVIVE),
    _f("pdf_edit_protected", pdf_edit_protected, "ok", "a.pdf", "pdf", survive=PDF_MUST_SURVIVE),
    _f("pdf_named_docx", notice_pdf, "ok", "notice.docx", "pdf", survive=PDF_MUST_SURVIVE),
    # ZIP / DOCX
    _f("docx_good", notice_docx, "ok", "notice.docx", "docx", survive=MUST_SURVIVE),
    _f("docx_named_pdf", notice_docx, "ok", "notice.pdf", "docx", survive=MUST_SURVIVE),
    _f("zip_not_docx", zip_not_docx, "unsupported_format", "notice.docx", "docx"),
    _f("docx_zip_bomb", docx_zip_bomb, "unsafe_input", "notice.docx", "docx", heavy=True),
    _f("docx_zip_bomb_header", docx_zip_bomb_header, "unsafe_input", "notice.docx", "docx"),
    _f("docx_zip_bomb_spread", docx_zip_bomb_spread, "unsafe_input", "notice.docx", "docx"),
    _f("docx_zip_slip", docx_zip_slip, "unsafe_input", "notice.docx", "docx"),
    _f("docx_absolute_name", docx_absolute_name, "unsafe_input", "notice.docx", "docx"),
    _f("docx_billion_laughs", docx_billion_laughs, "unsafe_input", "notice.docx", "docx"),
    _f("docx_xxe", docx_xxe, "unsafe_input", "notice.docx", "docx"),
    _f("docx_xxe_in_rels", docx_xxe_in_rels, "unsafe_input", "notice.docx", "docx"),
    _f("docx_xxe_odd_part_name", docx_xxe_odd_part_name, "unsafe_input", "n.docx", "docx"),
    _f("docx_strict", docx_strict, "ok", "notice.docx", "docx", survive=MUST_SURVIVE),
    _f("docx_truncated", docx_truncated, "corrupt_input", "notice.docx", "docx"),
    _f("docx_bad_crc", docx_bad_crc, "corrupt_input", "notice.docx", "docx"),
    _f("docx_broken_xml", docx_broken_xml, "corrupt_input", "notice.docx", "docx"),
    _f("docx_no_body", docx_no_body, "corrupt_input", "notice.docx", "docx"),
    _f("docx_deep_nesting", docx_deep_nesting, "unsafe_input", "notice.docx", "docx"),
    _f("docx_nested_tables", docx_nested_tables, "ok", "notice.docx", "docx",
       survive=("Loyauté",)),
    _f("docx_zip_bomb_lying", docx_zip_bomb_lying, "corrupt_input", "n.docx", "docx", heavy=True),
    _f("zip_many_members", zip_many_members, "unsafe_input", "notice.docx", "docx"),
    _f("docx_encrypted", docx_encrypted, "password_required", "notice.docx", "any"),
    _f("doc_binary", doc_binary, "unsupported_format", "notice.docx", "any"),
    _f("docx_lock_file", docx_lock_file, "unsupported_format", "~$notice.docx", "any"),
    # images
    _f("png_bomb_header", png_bomb_header, "limit_exceeded", "scan.png", "image"),
    _f("png_over_max_pixels", png_over_max_pixels, "limit_exceeded", "scan.png", "image"),
    _f("png_1x1", png_1x1, "empty_input", "scan.png", "image", ocr=True),
    _f("png_big_blank", png_big_blank, "empty_input", "scan.png", "image", heavy=True, ocr=True),
    _f("jpeg_cmyk", jpeg_cmyk, "ok", "scan.jpg", "image", ocr=True, survive=("Loyauté",)),
    _f("png_16bit", png_16bit, "ok", "scan.png", "image", ocr=True, survive=("Loyauté",)),
    _f("gif_palette", gif_palette, "ok", "scan.gif", "image", ocr=True, survive=("Loyauté",)),
    _f("tiff_broken_page", tiff_broken_page, "ok", "scan.tif", "image", ocr=True,
       survive=("Loyauté",)),
    _f("png_truncated", png_truncated, "corrupt_input", "scan.png", "image", ocr=True),
    _f("image_magic_only", image_magic_only, "corrupt_input", "scan.png", "image", ocr=True),
    # text
    _f("text_cp1252", text_cp1252, "ok", "avis.txt", "text", survive=MUST_SURVIVE),
    _f("text_latin1", text_latin1, "ok", "avis.txt", "text", survive=PDF_MUST_SURVIVE),
    _f("text_utf8_bom", text_utf8_bom, "ok", "avis.md", "text", survive=MUST_SURVIVE),
    _f("text_utf16_bom", text_utf16_bom, "ok", "avis.txt", "text", survive=MUST_SURVIVE),
    _f("text_utf16_be_bom", text_utf16_be_bom, "ok", "avis.txt", "text", survive=MUST_SURVIVE),
    _f("text_utf16_le_no_bom", text_utf16_le_no_bom, "ok", "avis.txt", "text",
       survive=MUST_SURVIVE),
    _f("text_utf16_be_no_bom", text_utf16_be_no_bom, "ok", "avis.txt", "text",
       survive=MUST_SURVIVE),
    _f("text_utf16_le_no_bom_apostrophe_first", text_utf16_le_no_bom_apostrophe_first, "ok",
       "avis.txt", "text", survive=MUST_SURVIVE),
    _f("text_nul_inside", text_nul_inside, "ok", "avis.txt", "text", survive=MUST_SURVIVE),
    _f("text_one_long_line_10mb", text_one_long_line(10), "limit_exceeded", "avis.txt", "text",
       heavy=True),
    _f("text_one_long_line_half_mb", text_one_long_line_kb(512), "ok", "avis.txt", "text",
       survive=MUST_SURVIVE),
    _f("text_one_line_of_brackets", text_one_line_of_brackets, "ok", "avis.md", "text",
       survive=MUST_SURVIVE),
    _f("text_binary_garbage", text_binary_garbage, "unsupported_format", "avis.txt", "any"),
    _f("html_nesting_100000", html_nesting(100_000), "unsafe_input", "avis.html", "html"),
    _f("html_nesting_2000", html_nesting(2_000), "ok", "avis.html", "html",
       survive=MUST_SURVIVE),
    _f("html_many_elements_1000000", html_many_elements(1_000_000), "limit_exceeded",
       "avis.html", "html", heavy=True),
    _f("html_many_elements_200000", html_many_elements(200_000), "ok", "avis.html", "html",
       heavy=True, survive=("Loyauté",)),
    _f("html_entities", html_entities, "ok", "avis.html", "html", survive=("Loyauté",)),
    _f("html_only_script", html_only_script, "empty_input", "avis.html", "html"),
)
# fmt: on

BY_NAME: dict[str, Fixture] = {f.name: f for f in FIXTURES}
