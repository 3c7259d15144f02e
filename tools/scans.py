"""Turn born-digital notice PDFs into scan-like test material, with their truth.

    python -m tools.scans SRC_DIR OUT_DIR [--seed N] [--variants clean300,skew,...]
                                          [--format auto|tiff|png|pdf]

Every ``NAME.pdf`` in SRC_DIR (with its ``NAME.truth.json`` when present) becomes, per variant,
one file ``VARIANT-NAME.EXT`` plus ``VARIANT-NAME.truth.json`` (a copy with ``file`` updated).
One format per variant keeps the corpus small and still covers every reader path:

==========  ====================================================  ==========================
variant     what it imitates                                       format (``auto``)
==========  ====================================================  ==========================
clean300    a good flatbed scan, 300 dpi grey                      TIFF (multi-page)
dpi200      a quick 200 dpi scan                                   PNG if 1 page, else TIFF
skew        300 dpi, turned 1–3° either way                        image-only PDF
noisy       300 dpi, gaussian noise + salt and pepper             TIFF
jpeg        300 dpi, JPEG quality 40–60 (blocking, ringing)        image-only PDF
photocopy   contrast, blur, speckle, dark borders, ~1° skew        image-only PDF
==========  ====================================================  ==========================

PNG holds one page only, so multi-page notices never go to PNG (their truth covers all pages).
Everything is deterministic for a given ``--seed``: each file's randomness is seeded from the
seed, the notice name and the variant. Pages are rendered with pypdfium2 (~15 ms a page).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageEnhance, ImageFilter

Variant = Callable[[Image.Image, np.random.Generator], Image.Image]


def render(pdf: bytes, dpi: int) -> list[Image.Image]:
    """Every page of a PDF as an 8-bit grey image at ``dpi``."""
    doc = pdfium.PdfDocument(pdf)
    try:
        pages = []
        for i in range(len(doc)):
            page = doc[i]
            img = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            img.info["dpi"] = (dpi, dpi)
            pages.append(img)
            page.close()
        return pages
    finally:
        doc.close()


def rotate(img: Image.Image, degrees: float) -> Image.Image:
    """Turn the page counter-clockwise by ``degrees`` on white, as a crooked sheet on the glass."""
    return img.rotate(degrees, resample=Image.BICUBIC, fillcolor=255)


def add_noise(img: Image.Image, rng: np.random.Generator, sigma: float, salt: float) -> Image.Image:
    """Gaussian sensor noise plus salt-and-pepper dust (``salt`` = fraction of pixels hit)."""
    arr = np.asarray(img, dtype=np.float32)
    arr = arr + rng.normal(0.0, sigma, arr.shape).astype(np.float32)
    hits = rng.random(arr.shape) < salt
    arr[hits] = np.where(rng.random(int(hits.sum())) < 0.5, 0.0, 255.0)
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


def jpeg(img: Image.Image, quality: int) -> Image.Image:
    """Round-trip through JPEG so the artefacts stay whatever container the page goes into."""
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=quality)
    out = Image.open(io.BytesIO(buf.getvalue()))
    out.load()
    return out.convert("L")


def photocopy(img: Image.Image, rng: np.random.Generator) -> Image.Image:
    """Harsh contrast, a soft focus, toner speckle and the grey frame of an open copier lid."""
    img = rotate(img, float(rng.uniform(0.5, 1.5) * rng.choice([-1, 1])))
    img = ImageEnhance.Contrast(img).enhance(1.6)
    img = img.filter(ImageFilter.GaussianBlur(0.8))
    arr = np.asarray(img, dtype=np.float32)
    h, w = arr.shape
    yy = np.minimum(np.arange(h), np.arange(h)[::-1])[:, None] / (0.06 * h)
    xx = np.minimum(np.arange(w), np.arange(w)[::-1])[None, :] / (0.06 * w)
    edge = np.clip(np.minimum(yy, xx), 0.0, 1.0)
    arr = arr * (0.55 + 0.45 * edge)  # darker towards the borders
    specks = rng.random(arr.shape) < 0.0008
    arr[specks] = rng.uniform(0, 90, int(specks.sum()))
    arr = arr * 0.94 + rng.normal(0, 4, arr.shape)  # greyish paper
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))


VARIANTS: dict[str, tuple[int, Variant]] = {
    "clean300": (300, lambda img, rng: img),
    "dpi200": (200, lambda img, rng: img),
    "skew": (300, lambda img, rng: rotate(img, float(rng.uniform(1, 3) * rng.choice([-1, 1])))),
    "noisy": (300, lambda img, rng: add_noise(img, rng, sigma=18.0, salt=0.002)),
    "jpeg": (300, lambda img, rng: jpeg(img, int(rng.integers(40, 61)))),
    "photocopy": (300, photocopy),
}
AUTO_FORMAT = {
    "clean300": "tiff",
    "dpi200": "png",
    "skew": "pdf",
    "noisy": "tiff",
    "jpeg": "pdf",
    "photocopy": "pdf",
}


def rng_for(seed: int, name: str, variant: str) -> np.random.Generator:
    digest = hashlib.sha256(f"{seed}:{name}:{variant}".encode()).digest()
    return np.random.default_rng(int.from_bytes(digest[:8], "big"))


def save(pages: list[Image.Image], dpi: int, fmt: str) -> tuple[bytes, str]:
    """Encode pages as ``tiff`` (multi-page, LZW), ``png`` (first page) or image-only ``pdf``."""
    buf = io.BytesIO()
    if fmt == "tiff":
        pages[0].save(
            buf,
            format="TIFF",
            save_all=True,
            append_images=pages[1:],
            compression="tiff_lzw",
            dpi=(dpi, dpi),
        )
        return buf.getvalue(), "tif"
    if fmt == "png":
        pages[0].save(buf, format="PNG", dpi=(dpi, dpi), optimize=False)
        return buf.getvalue(), "png"
    fixed = time.gmtime(1_735_689_600)  # 2025-01-01: Pillow stamps "now" otherwise
    pages[0].save(
        buf,
        format="PDF",
        save_all=True,
        append_images=pages[1:],
        resolution=float(dpi),
        creationDate=fixed,
        modDate=fixed,
    )
    return buf.getvalue(), "pdf"


def make_variant(
    pdf: bytes, variant: str, seed: int, name: str, fmt: str = "auto"
) -> tuple[bytes, str]:
    """One scan variant of a PDF: ``(file bytes, extension)``."""
    dpi, fn = VARIANTS[variant]
    rng = rng_for(seed, name, variant)
    pages = [fn(img, rng) for img in render(pdf, dpi)]
    chosen = AUTO_FORMAT[variant] if fmt == "auto" else fmt
    if chosen == "png" and len(pages) > 1:
        chosen = "tiff"  # a PNG holds one page; the truth describes them all
    return save(pages, dpi, chosen)


def convert_dir(
    src: Path, out: Path, seed: int = 0, variants: list[str] | None = None, fmt: str = "auto"
) -> list[Path]:
    """Write every variant of every PDF of ``src`` into ``out``; returns the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for pdf_path in sorted(src.glob("*.pdf")):
        name = pdf_path.stem
        data = pdf_path.read_bytes()
        truth_path = pdf_path.with_name(f"{name}.truth.json")
        truth = json.loads(truth_path.read_text("utf-8")) if truth_path.exists() else None
        for variant in variants or list(VARIANTS):
            blob, ext = make_variant(data, variant, seed, name, fmt)
            target = out / f"{variant}-{name}.{ext}"
            target.write_bytes(blob)
            written.append(target)
            if truth is not None:
                copy = dict(truth)
                copy["file"] = target.name
                copy["scan"] = {"variant": variant, "from": pdf_path.name, "seed": seed}
                truth_out = out / f"{variant}-{name}.truth.json"
                truth_out.write_text(json.dumps(copy, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.scans", description=__doc__.split("\n")[0]
    )
    parser.add_argument("src", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--format", default="auto", choices=["auto", "tiff", "png", "pdf"])
    args = parser.parse_args(argv)
    variants = [v for v in args.variants.split(",") if v]
    unknown = [v for v in variants if v not in VARIANTS]
    if unknown:
        parser.error(f"unknown variant(s) {', '.join(unknown)}; known: {', '.join(VARIANTS)}")
    if not args.src.is_dir():
        parser.error(f"{args.src} is not a directory")
    written = convert_dir(args.src, args.out, args.seed, variants, args.format)
    print(f"{len(written)} scan file(s) written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["VARIANTS", "convert_dir", "make_variant", "render"]
