"""Build the fuzz seed corpus: the good corpus plus every small hostile fixture, per reader.

    python fuzz/make_seeds.py [--out fuzz/corpus]

Writes ``OUT/<reader>/<sha1>`` for reader in pdf, docx, text, html, image and ``any`` (all of
them). Seeds over 256 kB are left out: libFuzzer mutates small inputs much faster, and the
limits those big fixtures test are covered by ``tests/test_hostile.py``.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
READERS = ("pdf", "docx", "docx-xml", "text", "html", "image")
MAX_SEED = 256 * 1024


def _good() -> Iterator[tuple[str, bytes]]:
    kinds = {".pdf": "pdf", ".docx": "docx", ".md": "text", ".txt": "text", ".html": "html"}
    for path in sorted((ROOT / "corpus").rglob("*")):
        kind = kinds.get(path.suffix)
        if kind and path.is_file():
            yield kind, path.read_bytes()


def _hostile() -> Iterator[tuple[str, bytes]]:
    sys.path.insert(0, str(ROOT / "tests"))
    import hostile

    for fixture in hostile.FIXTURES:
        if fixture.heavy:
            continue
        data = fixture.data()
        yield (fixture.reader if fixture.reader in READERS else "any"), data
    yield "html", hostile.notice_html()
    yield "text", hostile.NOTICE_TEXT.encode()


def _images() -> Iterator[tuple[str, bytes]]:
    """Small scans in every container the image reader opens, so that mutations reach each
    decoder (and its EXIF, palette, 16-bit and multi-frame paths)."""
    import io

    from PIL import Image, ImageDraw

    img = Image.new("L", (240, 80), 255)
    ImageDraw.Draw(img).text((8, 30), "Employeur : Province Sud", fill=0)
    variants: list[tuple[Image.Image, str, dict[str, object]]] = [
        (img, "PNG", {}),
        (img.convert("1"), "PNG", {}),
        (img.convert("P"), "PNG", {"transparency": 0}),
        (img.convert("RGBA"), "PNG", {}),
        (img.convert("I;16"), "PNG", {}),
        (img, "JPEG", {"quality": 70}),
        (img.convert("RGB"), "JPEG", {"progressive": True}),
        (img.convert("CMYK"), "JPEG", {}),
        (img, "TIFF", {}),
        (img, "TIFF", {"compression": "tiff_lzw"}),
        (img.convert("1"), "TIFF", {"compression": "group4"}),
        (img, "TIFF", {"save_all": True, "append_images": [img, img]}),
        (img.convert("RGB"), "BMP", {}),
        (img, "GIF", {}),
        (img, "GIF", {"save_all": True, "append_images": [img], "duration": 100}),
        (img.convert("RGB"), "WEBP", {"quality": 80}),
    ]
    exif = Image.Exif()
    exif[0x0112] = 6  # rotated: exercises the EXIF transpose
    variants.append((img, "JPEG", {"exif": exif.tobytes()}))
    for image, fmt, kwargs in variants:
        buf = io.BytesIO()
        try:
            image.save(buf, fmt, dpi=(300, 300), **kwargs)
        except (OSError, ValueError, KeyError):  # a codec missing from this Pillow
            continue
        yield "image", buf.getvalue()


def _document_xml(packages: list[bytes]) -> Iterator[tuple[str, bytes]]:
    """word/document.xml of each Word seed, for the ``docx-xml`` target (which zips each
    mutant back into a package: mutating the zip itself mostly breaks its CRCs)."""
    import io
    import zipfile

    for data in packages:
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                yield "docx-xml", zf.read("word/document.xml")
        except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError):
            continue


def build(out: Path) -> dict[str, int]:
    """Write the seeds; return how many each reader got."""
    counts: dict[str, int] = {}
    seeds = [*_good(), *_hostile(), *_images()]
    seeds += list(_document_xml([data for kind, data in seeds if kind == "docx"]))
    for kind, data in seeds:
        if len(data) > MAX_SEED:
            continue
        name = hashlib.sha1(data).hexdigest()
        for folder in {kind, "any"}:
            target = out / folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                target.write_bytes(data)
                counts[folder] = counts.get(folder, 0) + 1
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "corpus")
    args = parser.parse_args(argv)
    counts = build(args.out)
    for kind in (*READERS, "any"):
        print(f"{kind:6s} {counts.get(kind, 0):4d} seeds in {args.out / kind}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
