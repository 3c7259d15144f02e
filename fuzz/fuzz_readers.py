"""Fuzz avis's readers: any exception other than AvisError is a crash (so is ``internal_error``,
the pipeline's wrapper for a bug), and so is an input slower than ``-timeout``.

    python fuzz/fuzz_readers.py --reader pdf -runs=10000 -timeout=10

``--reader`` picks the reader the bytes are forced through (pdf, docx, text, html, image) and
then extraction; ``any`` goes through format detection (``parse_bytes``); ``docx-xml`` takes
the bytes as ``word/document.xml`` and zips them into a good package first (mutating a zip
mostly breaks its CRCs, so the XML behind them is rarely reached). The seed corpus
(``fuzz/corpus/<reader>``, built by ``make_seeds.py`` when missing) is the good corpus plus the
hostile fixtures. Other ``-flags`` go to libFuzzer (atheris); ``--plain`` runs a plain random
mutation loop instead (no coverage feedback, no atheris needed) and understands ``-runs``,
``-max_total_time``, ``-timeout`` and ``-seed``.

Images: each page normally goes to Tesseract (~1 s). Here ``tesseract`` and ``run_tesseract``
are stubbed (a fixed one-word TSV), so everything else runs on every input: header checks,
decoding, frames, EXIF, grey conversion, rescaling, skew estimation, ruling removal, TSV
parsing, line building and extraction.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import random
import resource
import signal
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
READERS = ("pdf", "docx", "docx-xml", "text", "html", "image", "any")

Target = Callable[[bytes], None]
MAX_LEN = 256 * 1024
"""Mutants stay under this (libFuzzer's -max_len): the seeds are smaller, notices are."""


def _instrumented(deep: bool) -> contextlib.AbstractContextManager[Any]:
    """atheris's coverage instrumentation of avis, and with ``deep`` of the pure-Python
    libraries the readers use too (pdfminer then runs ~20× slower: 0.3 inputs/s on a PDF)."""
    try:
        import atheris
    except ImportError:
        return contextlib.nullcontext()
    include = ["avis", "pdfminer", "pdfplumber", "docx", "PIL"] if deep else ["avis"]
    return atheris.instrument_imports(include=include)


_MODULES = (
    "avis.pipeline", "avis.readers.text", "avis.readers.html", "avis.readers.pdf",
    "avis.readers.docx", "avis.readers._ooxml", "avis.layout.lines", "avis.layout.grids",
    "avis.layout.columns", "avis.layout.blocks", "avis.layout.page", "avis.layout.bullets",
    "avis.layout.pairs", "avis.readers.image", "avis.readers.ocr", "avis.readers.pdf.plumber",
    "avis.readers.pdf.repair", "avis.readers.pdf.pdfium_engine", "avis.readers.pdf.paths",
    "avis.readers.pdf.words", "avis.readers.scan.preprocess", "avis.extract.notice",
    "avis.extract.header", "avis.extract.sections", "avis.extract.values", "avis.extract.dates",
    "avis.extract.lexicon", "avis.extract.normalize", "pdfplumber", "pdfminer.pdfparser",
    "pdfminer.pdfdocument", "pdfminer.pdfpage", "pdfminer.pdfinterp", "pdfminer.converter",
    "pdfminer.psparser", "pdfminer.cmapdb", "pdfminer.pdffont", "pdfminer.layout", "docx",
    "PIL.Image", "PIL.PngImagePlugin", "PIL.JpegImagePlugin", "PIL.TiffImagePlugin",
    "PIL.GifImagePlugin", "PIL.BmpImagePlugin", "PIL.WebPImagePlugin", "PIL.ImageOps",
)  # fmt: skip


def _import_all() -> None:
    """Import now, inside the instrumentation: the readers import lazily, at first use."""
    import importlib

    for name in _MODULES:
        importlib.import_module(name)


def make_target(reader: str) -> Target:
    """The function one input goes through; raises only what counts as a crash."""
    from avis.errors import AvisError
    from avis.extract import extract_notice
    from avis.model import SourceInfo
    from avis.pipeline import parse_bytes
    from avis.readers import ReadOptions, check_size, read_bytes

    options = ReadOptions(ocr=reader == "image")
    if reader == "image":
        _stub_tesseract()

    def forced(data: bytes) -> None:
        check_size(data, options)
        doc = read_bytes(data, options, fmt=reader)
        notice = extract_notice(doc, SourceInfo(format=reader, pages=len(doc.pages)))
        notice.model_dump_json()

    def detected(data: bytes) -> None:
        parse_bytes(data, "fuzz", options).model_dump_json()

    def in_package(data: bytes) -> None:
        forced_docx(_with_document_xml(data))

    def forced_docx(data: bytes) -> None:
        check_size(data, options)
        doc = read_bytes(data, options, fmt="docx")
        extract_notice(doc, SourceInfo(format="docx")).model_dump_json()

    run = {"any": detected, "docx-xml": in_package}.get(reader, forced)

    def target(data: bytes) -> None:
        try:
            run(data)
        except AvisError as exc:
            if exc.code == "internal_error":  # a bug the pipeline wrapped: show its cause
                raise exc.__cause__ or exc  # noqa: B904

    return target


_PACKAGE: list[bytes] = []


def _with_document_xml(xml: bytes) -> bytes:
    """A good Word package whose word/document.xml is ``xml``."""
    import io
    import zipfile

    if not _PACKAGE:
        sys.path.insert(0, str(ROOT / "tests"))
        import hostile

        _PACKAGE.append(hostile.notice_docx())
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_PACKAGE[0])) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            blob = xml if info.filename == "word/document.xml" else src.read(info)
            dst.writestr(info, blob)
    return out.getvalue()


def _stub_tesseract() -> None:
    """Replace the Tesseract process by a fixed answer: one word in the image's top-left."""
    import avis.readers.image as image
    import avis.readers.ocr as ocr

    info = ocr.TesseractInfo(path="tesseract-stub", version="5.3.0", langs=frozenset({"fra"}))

    def fake_tesseract(lang: str = "fra") -> Any:
        return info

    def fake_run(img: Any, dpi: float, lang: str, psm: int = 4) -> str:
        w, h = img.size
        head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight"
        return (
            f"{head}\tconf\ttext\n"
            f"5\t1\t1\t1\t1\t1\t{w // 10}\t{h // 10}\t{max(w // 5, 1)}\t{max(h // 20, 1)}\t"
            "91.5\tEmployeur\n"
            f"5\t1\t1\t1\t1\t2\t{w // 3}\t{h // 10}\t{max(w // 5, 1)}\t{max(h // 20, 1)}\t"
            "88.0\t:Lifou|\n"
        )

    image.tesseract = fake_tesseract  # type: ignore[assignment]
    ocr.tesseract = fake_tesseract  # type: ignore[assignment]
    ocr.run_tesseract = fake_run  # type: ignore[assignment]


# ---------------------------------------------------------------------------------------------
# Seeds


def corpus_dir(reader: str, explicit: Path | None) -> Path:
    folder = explicit or HERE / "corpus" / reader
    if not folder.is_dir() or not any(folder.iterdir()):
        sys.path.insert(0, str(HERE))
        import make_seeds

        make_seeds.build(HERE / "corpus")
    return folder


def load_seeds(folder: Path) -> list[bytes]:
    return [p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()]


# ---------------------------------------------------------------------------------------------
# Plain mode: random mutations, no instrumentation


_INTERESTING = [b"\x00", b"\xff", b"\x7f", b"\x80", b"\xff\xff\xff\xff", b"\x00\x00\x00\x00",
                b"0", b"-1", b"99999999999", b"obj", b"endobj", b"stream", b"endstream",
                b"xref", b"trailer", b"<<", b">>", b"/Length 0", b"PK\x03\x04", b"PK\x01\x02",
                b"PK\x05\x06", b"<w:p>", b"</w:p>", b"<!DOCTYPE", b"&amp;", b"<div>", b"**",
                b"\n", b" : ", b"\xc3", b"\xef\xbb\xbf", b"IHDR", b"IDAT"]  # fmt: skip


def mutate(rng: random.Random, data: bytes, seeds: list[bytes]) -> bytes:
    """A few libFuzzer-like mutations: bytes changed, inserted, erased, copied, spliced."""
    buf = bytearray(data)
    for _ in range(rng.choice((1, 1, 2, 3, 4, 8))):
        at = rng.randrange(len(buf) + 1)
        kind = rng.randrange(9)
        if kind == 0 and buf:
            buf[min(at, len(buf) - 1)] ^= 1 << rng.randrange(8)
        elif kind == 1 and buf:
            buf[min(at, len(buf) - 1)] = rng.randrange(256)
        elif kind == 2:
            buf[at:at] = rng.choice(_INTERESTING)
        elif kind == 3:
            del buf[at : at + rng.choice((1, 2, 4, 16, 256, 4096))]
        elif kind == 4:
            del buf[at:]
        elif kind == 5 and buf:
            start = rng.randrange(len(buf))
            chunk = buf[start : start + rng.choice((4, 64, 1024))]
            buf[at:at] = chunk * rng.choice((1, 2, 16))
        elif kind == 6:
            other = rng.choice(seeds)
            if other:
                start = rng.randrange(len(other))
                buf[at:at] = other[start : start + rng.choice((16, 256, 4096))]
        elif kind == 7 and len(buf) >= 4:
            start = rng.randrange(len(buf) - 3)
            value = rng.choice((0, 1, 0x7FFFFFFF, 0xFFFFFFFF, len(buf), rng.randrange(1 << 32)))
            buf[start : start + 4] = value.to_bytes(4, rng.choice(("little", "big")))
        elif kind == 8 and buf:
            digit = next((i for i in range(at, min(at + 64, len(buf))) if 48 <= buf[i] <= 57), None)
            if digit is not None:
                buf[digit : digit + 1] = str(rng.choice((0, 9, 99999, 2**31))).encode()
    return bytes(buf)


class _Timeout(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Timeout


def plain(target: Target, seeds: list[bytes], args: dict[str, float], reader: str) -> int:
    """Run the mutation loop; save each crash and hang under ``fuzz/artifacts``."""
    rng = random.Random(int(args.get("seed", 0)) or None)
    runs = int(args.get("runs", 10_000))
    limit = args.get("max_total_time", 0.0)
    timeout = args.get("timeout", 10.0)
    artifacts = HERE / "artifacts"
    signal.signal(signal.SIGALRM, _alarm)
    start = time.monotonic()
    crashes: dict[str, int] = {}
    hangs = slow = done = 0
    inputs: Iterator[bytes] = iter(seeds)  # every seed once, then mutants
    while done < runs and (not limit or time.monotonic() - start < limit):
        data = next(inputs, None)
        if data is None:
            data = mutate(rng, rng.choice(seeds), seeds)
        t0 = time.monotonic()
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            target(data)
        except _Timeout:
            hangs += 1
            _save(artifacts, f"timeout-{reader}", data)
        except Exception as exc:
            where = traceback.extract_tb(exc.__traceback__)[-1]
            key = f"{type(exc).__name__} at {Path(where.filename).name}:{where.lineno}"
            if key not in crashes:
                path = _save(artifacts, f"crash-{reader}", data)
                print(f"\nCRASH {key} ({path})", file=sys.stderr)
                traceback.print_exception(exc, file=sys.stderr)
            crashes[key] = crashes.get(key, 0) + 1
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        slow += time.monotonic() - t0 > timeout / 2
        done += 1
        if done % 1000 == 0:
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
            print(f"#{done} {time.monotonic() - start:.0f}s crashes={sum(crashes.values())} "
                  f"hangs={hangs} rss={rss}MB", file=sys.stderr, flush=True)  # fmt: skip
    elapsed = time.monotonic() - start
    print(
        f"done: reader={reader} runs={done} seconds={elapsed:.0f} "
        f"({done / max(elapsed, 1e-9):.0f}/s) distinct_crashes={len(crashes)} "
        f"crashes={sum(crashes.values())} hangs={hangs} slow(>timeout/2)={slow}"
    )
    for key, count in sorted(crashes.items()):
        print(f"  {count:6d}  {key}")
    return 1 if crashes or hangs else 0


def _save(folder: Path, prefix: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{prefix}-{hashlib.sha1(data).hexdigest()}"
    path.write_bytes(data)
    return path


def _libfuzzer_flags(flags: list[str]) -> dict[str, float]:
    out: dict[str, float] = {}
    for flag in flags:
        name, _, value = flag.lstrip("-").partition("=")
        try:
            out[name] = float(value)
        except ValueError:
            continue
    return out


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reader", choices=READERS, default="any")
    parser.add_argument("--corpus", type=Path, default=None, help="seed folder to use")
    parser.add_argument("--plain", action="store_true", help="random mutations, no atheris")
    parser.add_argument(
        "--deep", action="store_true", help="also instrument pdfminer, pdfplumber, docx, PIL"
    )
    ours, flags = parser.parse_known_args(argv)
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    sys.path.insert(0, str(ROOT / "src"))
    replay = [f for f in flags if not f.startswith("-")]  # inputs to run once each
    flags = [f for f in flags if f.startswith("-")]
    folder = None if replay else corpus_dir(ours.reader, ours.corpus)
    if ours.plain:
        target = make_target(ours.reader)
        if replay:
            for path in replay:
                target(Path(path).read_bytes())  # a crash raises here, with its traceback
                print(f"{path}: no crash")
            return 0
        assert folder is not None
        return plain(target, load_seeds(folder), _libfuzzer_flags(flags), ours.reader)
    import atheris

    with _instrumented(ours.deep):
        _import_all()
        target = make_target(ours.reader)
    artifacts = HERE / "artifacts"
    artifacts.mkdir(exist_ok=True)
    if not any(f.startswith("-artifact_prefix") for f in flags):
        flags.append(f"-artifact_prefix={artifacts}/{ours.reader}-")
    if not any(f.startswith("-max_len") for f in flags):
        flags.append(f"-max_len={MAX_LEN}")
    atheris.Setup([sys.argv[0], *flags, *(replay or [str(folder)])], target)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
