"""Safety checks and repairs on an OOXML (Word) zip package, before any XML parser sees it.

A .docx is a zip of XML parts: a hostile one can escape the archive with its member names, expand
to gigabytes (zip bomb) or declare entities that expand or fetch (billion laughs, XXE). All of it
is refused here from the zip directory and the raw bytes. The same place translates Strict OOXML
namespaces and macro-enabled/template content types to what python-docx opens, since the text
is the same.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile

from avis.errors import (
    CorruptInputError,
    LimitExceededError,
    UnsafeInputError,
    UnsupportedFormatError,
)

MAX_TOTAL = 200 * 1024 * 1024
MAX_RATIO = 200
RATIO_FLOOR = 10 * 1024 * 1024
MAX_MEMBERS = 10_000
MAX_DIRECTORY = 4 * 1024 * 1024
"""Bytes of central directory: zipfile builds an object per entry it lists, whatever count the
end record claims, so the directory's size is what bounds that memory."""
MAX_XML_TOTAL = 64 * 1024 * 1024
"""XML the parser may see (a notice's parts weigh well under 1 MB; parsed XML takes 5–10×)."""
MAIN_DEFAULT = "word/document.xml"
_CHUNK = 1024 * 1024
_ASK = "; ask the sender for a copy re-saved from Word, or for a PDF"
_XML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<")

_DTD = re.compile(rb"<!\s*(doctype|entity)", re.I)
_RELATIONSHIP = re.compile(rb"<Relationship\b[^>]*>")
_OFFICE_DOC = re.compile(rb"""Type=["'][^"']*/officeDocument["']""")
_TARGET = re.compile(rb"""Target=["']([^"']+)["']""")

STRICT_W = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
# Strict → transitional namespaces (longest first, so prefixes do not clash).
_STRICT = [
    (b"http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
     b"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"),
    (b"http://purl.oclc.org/ooxml/officeDocument/customProperties",
     b"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"),
    (b"http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes",
     b"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships",
     b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
    (b"http://purl.oclc.org/ooxml/officeDocument/sharedTypes",
     b"http://schemas.openxmlformats.org/officeDocument/2006/sharedTypes"),
    (b"http://purl.oclc.org/ooxml/officeDocument/math",
     b"http://schemas.openxmlformats.org/officeDocument/2006/math"),
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main",
     b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
    (b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
     b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
    (b"http://purl.oclc.org/ooxml/drawingml/picture",
     b"http://schemas.openxmlformats.org/drawingml/2006/picture"),
    (b"http://purl.oclc.org/ooxml/drawingml/chart",
     b"http://schemas.openxmlformats.org/drawingml/2006/chart"),
    (b"http://purl.oclc.org/ooxml/drawingml/main",
     b"http://schemas.openxmlformats.org/drawingml/2006/main"),
]  # fmt: skip
_DOCX_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_OTHER_MAINS = (
    b"application/vnd.ms-word.document.macroEnabled.main+xml",
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)


def _unsafe_name(name: str) -> bool:
    parts = re.split(r"[\\/]", name)
    return (
        name.startswith(("/", "\\"))
        or re.match(r"^[A-Za-z]:", name) is not None
        or ".." in parts
        or "\x00" in name
    )


def _is_xml(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels", ".vml"))


def _has_dtd(blob: bytes) -> bool:
    if blob[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in blob[:4]:
        blob = blob.decode("utf-16", errors="ignore").encode("utf-8", errors="ignore")
    return _DTD.search(blob) is not None


def _main_part(zf: zipfile.ZipFile, names: set[str]) -> str:
    """The main document part named by the package relationships (it is not always
    word/document.xml)."""
    if "_rels/.rels" not in names:
        return MAIN_DEFAULT
    rels = zf.read("_rels/.rels")
    for m in _RELATIONSHIP.finditer(rels):
        t = _TARGET.search(m.group(0))
        if t and _OFFICE_DOC.search(m.group(0)):
            return t.group(1).decode("utf-8", errors="replace").lstrip("/")
    return MAIN_DEFAULT


def check_member_count(data: bytes) -> None:
    """Refuse a zip whose central directory lists too many members, read from its end record
    before :mod:`zipfile` builds one object per entry (a zip of a million empty files)."""
    at = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if at < 0 or at + 22 > len(data):
        return  # no end record: zipfile reports the archive damaged
    count, size = struct.unpack_from("<HI", data, at + 10)
    locator = at - 20
    if (count == 0xFFFF or size == 0xFFFFFFFF) and data[locator : locator + 4] == b"PK\x06\x07":
        where = struct.unpack_from("<Q", data, locator + 8)[0]
        if data[where : where + 4] == b"PK\x06\x06" and where + 56 <= len(data):
            count, size = struct.unpack_from("<QQ", data, where + 32)
    if count > MAX_MEMBERS or size > MAX_DIRECTORY:
        raise UnsafeInputError(
            f"the ZIP archive lists {count:,} members in a {size:,}-byte directory, far more "
            f"than a Word document (at most {MAX_MEMBERS:,}); refusing to open it{_ASK}"
        )


def _looks_xml(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Any part the parser may see: python-docx goes by content type, not by name, so a part
    named ``word/main.bin`` is XML too when it starts like XML."""
    if _is_xml(info.filename):
        return True
    with zf.open(info) as member:
        head = member.read(64)
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or head[1:2] == b"\x00" or head[:1] == b"\x00":
        head = head.decode("utf-16", errors="ignore").encode("utf-8", errors="ignore")
    return _XML_START.match(head) is not None


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, keep: bool) -> bytes:
    """Inflate a member in bounded chunks; zipfile checks the declared size and the CRC.

    ``zf.read`` inflates a member in one call: a part whose header lies about its size
    (claims 1 kB, inflates to gigabytes) would fill memory before the size check.
    """
    parts: list[bytes] = []
    with zf.open(info) as member:
        while chunk := member.read(_CHUNK):
            if keep:
                parts.append(chunk)
    return b"".join(parts)


def safe_package(data: bytes) -> tuple[bytes, list[str]]:
    """Check a Word package; return bytes python-docx can open and notes for the user.

    Raises UnsafeInputError (traversal, bomb, DTD), UnsupportedFormatError (not a Word
    document), CorruptInputError (not a readable zip).
    """
    check_member_count(data)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise CorruptInputError(
            f"the Word file is a damaged ZIP archive ({exc}); ask for a new copy or re-save it "
            "from Word"
        ) from exc
    notes: list[str] = []
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise UnsafeInputError(
                f"the Word file holds {len(infos):,} parts; refusing to open it{_ASK}"
            )
        total = 0
        for info in infos:
            if _unsafe_name(info.filename):
                raise UnsafeInputError(
                    f"the Word file holds a part named {info.filename!r} that points outside "
                    f"the archive (zip path traversal); refusing to open it{_ASK}"
                )
            total += info.file_size
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
                raise UnsafeInputError(
                    f"the Word file part {info.filename!r} expands {ratio:.0f}× "
                    f"to {info.file_size:,} bytes (zip bomb); refusing to open it{_ASK}"
                )
        if total > MAX_TOTAL:
            raise UnsafeInputError(
                f"the Word file expands to {total:,} bytes, over the {MAX_TOTAL:,}-byte limit; "
                f"refusing to open it{_ASK}"
            )
        names = {info.filename for info in infos}
        try:
            main = _main_part(zf, names)
            if main not in names:
                raise UnsupportedFormatError(
                    "the ZIP archive is not a Word document (no word/document.xml); "
                    "save the notice as .docx or PDF"
                )
            parts: dict[str, bytes] = {}
            xml_total = 0
            for info in infos:
                if info.is_dir():
                    continue
                xml = _looks_xml(zf, info)
                if xml:
                    xml_total += info.file_size
                    if xml_total > MAX_XML_TOTAL:
                        raise LimitExceededError(
                            f"the Word file holds over {MAX_XML_TOTAL // 1024 // 1024} MB of "
                            "XML, far more than a notice; split the document or save it as PDF"
                        )
                # Every member is inflated once, in chunks: a damaged or lying one is found
                # here, not in python-docx.
                blob = _read_member(zf, info, keep=xml)
                if xml:
                    if _has_dtd(blob):
                        raise UnsafeInputError(
                            f"the Word file part {info.filename!r} declares a DTD or entities "
                            "(XML entity expansion / external entity attack); refusing to "
                            f"parse it{_ASK}"
                        )
                    parts[info.filename] = blob
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, RuntimeError) as exc:
            raise CorruptInputError(
                f"the Word file is damaged ({exc}); ask for a new copy or re-save it from Word"
            ) from exc
        except (NotImplementedError, ValueError) as exc:  # unsupported compression, bad header
            raise CorruptInputError(
                f"the Word file cannot be unpacked ({exc}); re-save it from Word"
            ) from exc
        strict = STRICT_W in parts.get(main, b"")
        types = parts.get("[Content_Types].xml", b"")
        odd_type = any(t in types for t in _OTHER_MAINS)
        if not strict and not odd_type:
            return data, notes
        if strict:
            notes.append("Strict Open XML document: namespaces translated to transitional")
        return _rewrite(zf, infos, parts, strict), notes


def _rewrite(
    zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], parts: dict[str, bytes], strict: bool
) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in infos:
            if info.is_dir():
                continue
            blob = parts.get(info.filename)
            if blob is None:
                blob = zf.read(info)
            else:
                if strict:
                    for old, repl in _STRICT:
                        blob = blob.replace(old, repl)
                if info.filename == "[Content_Types].xml":
                    for other in _OTHER_MAINS:
                        blob = blob.replace(other, _DOCX_MAIN)
            new.writestr(info.filename, blob)
    return out.getvalue()
