"""Layout ``pdf-libreoffice``: a Word document printed to PDF by LibreOffice Writer.

The DOCX of :mod:`.render_docx_unseen` is converted with ``soffice --headless --convert-to
pdf`` in a throw-away profile; the PDF's dates and file id are then overwritten with fixed
values of the same length (byte offsets unchanged), so a seed gives the same bytes with the same
LibreOffice version. Needs Debian ``libreoffice-writer-nogui`` (``make corpus`` installs it).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from .render_docx_unseen import docx_bytes
from .spec import NoticeSpec

EXT = ".pdf"
TIMEOUT_S = 180
_DATE = re.compile(rb"\((D:\d{14})([^)]*)\)")
_XMP_DATE = re.compile(rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)([^<]+)(</xmp:)")
_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")
_UUID = re.compile(rb"uuid:[0-9a-f-]{36}")
_CHECKSUM = re.compile(rb"(/DocChecksum /)([0-9A-Fa-f]+)")


def soffice() -> str:
    """The LibreOffice binary, or a clear error saying which package provides it."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        raise RuntimeError(
            "pdf-libreoffice needs LibreOffice: apt-get install libreoffice-writer-nogui "
            "(or run `make corpus`, which installs it)"
        )
    return exe


def normalise(pdf: bytes) -> bytes:
    """Fixed creation dates, XMP dates, document UUIDs and /ID, each keeping its length."""
    pdf = _DATE.sub(lambda m: b"(D:20260101000000" + _fixed(m.group(2), b"") + b")", pdf)
    pdf = _XMP_DATE.sub(
        lambda m: m.group(1) + _fixed(m.group(2), b"2026-01-01T00:00:00") + m.group(3), pdf
    )
    pdf = _ID.sub(lambda m: re.sub(rb"<[0-9A-Fa-f]+>", _zeros, m.group(0)), pdf)
    pdf = _CHECKSUM.sub(lambda m: m.group(1) + b"0" * len(m.group(2)), pdf)
    return _UUID.sub(b"uuid:00000000-0000-0000-0000-000000000000", pdf)


def _zeros(m: re.Match[bytes]) -> bytes:
    return b"<" + b"0" * (len(m.group(0)) - 2) + b">"


def _fixed(old: bytes, new: bytes) -> bytes:
    """``new`` then a zero time zone, cut or padded to the length of ``old`` (the xref's byte
    offsets must not move)."""
    return (new + b"+00'00'" + b" " * 64)[: len(old)] if old else b""


def render(spec: NoticeSpec, outdir: Path) -> Path:
    """Write ``NAME.pdf`` printed by LibreOffice from the notice's DOCX."""
    exe = soffice()
    path = outdir / f"{spec.name}{EXT}"
    with tempfile.TemporaryDirectory(prefix="gencorpus-lo-") as tmp:
        work = Path(tmp)
        source = work / f"{spec.name}.docx"
        source.write_bytes(docx_bytes(spec))
        subprocess.run(
            [
                exe,
                f"-env:UserInstallation=file://{work / 'profile'}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf:writer_pdf_Export",
                "--outdir",
                str(work),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=TIMEOUT_S,
        )
        path.write_bytes(normalise((work / f"{spec.name}.pdf").read_bytes()))
    return path
