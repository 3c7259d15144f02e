"""Worker of ``bench_extract.py``: times the layout and extraction stages of whatever avis is on
``sys.path`` (the working tree, or an older revision's ``src`` put first on PYTHONPATH).

It runs under two APIs, so it imports nothing from the benchmarks and only what both share:

- since the layout stage (``avis.layout.analyse_page``): a PDF reader hands each page's words
  and rulings (``PageWords``) to ``analyse_page``, then ``finish_document`` runs the passes that
  need every page;
- before it (the pre-#10 revision): the pdfplumber reader called ``_layout_page(words, hs, vs,
  …)`` per page, then ``drop_furniture``, ``_join_across_pages`` and ``_mark_headings``.

Each PDF is read once, outside the timed region, with the per-page layout call wrapped so that
its inputs are kept; every timed run lays out fresh copies of those inputs (copied outside the
timer), runs the document-wide passes, then ``extract_notice``. Text notices (.md, .txt) are
timed from their bytes: decoding, the text reader's lines and ``extract_notice``. The Notice the
timed path builds is checked against ``extract_notice`` on the reader's own document, so the
figure is the real stage. ``enrich`` (a stage of its own since the field registry; the pre-#10
extraction set some of its fields itself) is timed apart when the revision has it.

    PYTHONPATH=REV/src python benchmarks/extract_stage.py --repeat 5 [--pdf-engine E]
        [--clock cpu|wall] [--parse] FILE ...

prints one JSON object: per file, the median milliseconds of each stage and the page count.
Every file is read first; then each pass times every file once (``--repeat`` passes), so a
file's lines are not still in the line caches from its previous run.
Times are the process's CPU time by default (``--clock cpu``: other processes on a shared
machine barely move it), or wall time (``--clock wall``); ``--parse`` adds the whole
``parse_bytes`` of each PDF (reading included) as users run it.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import importlib
import json
import pickle
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _copy(obj: Any) -> Any:
    """A deep copy through pickle (several times faster than ``copy.deepcopy``)."""
    return pickle.loads(pickle.dumps(obj, pickle.HIGHEST_PROTOCOL))


CLOCKS: dict[str, Callable[[], float]] = {"cpu": time.process_time, "wall": time.perf_counter}
_clock = CLOCKS["cpu"]


Jobs = dict[str, tuple[Callable[[Any], Any], Callable[[], Any]]]
"""Per file: what is timed (``fn(prepare())``), by the name of its figure."""


def _time_once(fn: Callable[[Any], Any], prepare: Callable[[], Any]) -> float:
    """Seconds of ``fn(prepare())``; ``prepare`` and garbage collection run outside the timer."""
    arg = prepare()
    gc.collect()
    t0 = _clock()
    fn(arg)
    return _clock() - t0


class _Revision:
    """The stage functions of the avis on ``sys.path``, whichever API it has."""

    def __init__(self, pdf_engine: str) -> None:
        from avis.extract import extract_notice
        from avis.layout import Document
        from avis.model import SourceInfo
        from avis.readers import ReadOptions, read_bytes

        self.extract_notice = extract_notice
        self.Document = Document
        self.SourceInfo = SourceInfo
        self.read_bytes = read_bytes
        self.staged = hasattr(importlib.import_module("avis.layout"), "analyse_page")
        fields = getattr(ReadOptions, "__dataclass_fields__", {})
        self.options = (
            ReadOptions(pdf_engine=pdf_engine) if "pdf_engine" in fields else ReadOptions()
        )
        self.engine = pdf_engine if "pdf_engine" in fields else "pdfplumber"
        try:
            from avis.enrich import enrich
        except ImportError:
            self.enrich: Callable[[Any], Any] | None = None
        else:
            self.enrich = enrich
        self.pdf = importlib.import_module("avis.readers.pdf")
        from avis.pipeline import parse_bytes

        self.parse_bytes = parse_bytes
        self.parse_too = False

    def source(self, data: bytes, fmt: str, pages: int) -> Any:
        digest = hashlib.sha256(data).hexdigest()
        return self.SourceInfo(file="x", sha256=digest, format=fmt, pages=pages, size=len(data))

    # PDFs ------------------------------------------------------------------------------------

    def capture(self, data: bytes) -> tuple[Any, list[tuple[Any, ...]]]:
        """Read the PDF once; the reader's document and each page's layout inputs."""
        name = "analyse_page" if self.staged else "_layout_page"
        real = getattr(self.pdf, name)
        kept: list[tuple[Any, ...]] = []

        def keep(*args: Any) -> Any:
            kept.append(_copy(args[:1] if self.staged else args[:6]))
            return real(*args)

        setattr(self.pdf, name, keep)
        try:
            doc = self.read_bytes(data, self.options, fmt="pdf")
        finally:
            setattr(self.pdf, name, real)
        return doc, kept

    def lay_out(self, kept: list[tuple[Any, ...]]) -> list[Any]:
        """Pages from the kept inputs, with the document-wide passes."""
        if self.staged:
            from avis.layout import Ids, analyse_page, finish_document

            ids = Ids()
            pages = [analyse_page(args[0], ids) for args in kept]
            pages = [p for p in pages if p.lines]
            finish_document(pages)
            return pages
        from avis.readers._furniture import drop_furniture  # type: ignore[import-not-found]  # pre-#10 revisions only

        counters = self.pdf._Counters()
        pages = [self.pdf._layout_page(*args, counters) for args in kept]
        pages = [p for p in pages if p.lines]
        drop_furniture(pages)
        self.pdf._join_across_pages(pages)
        self.pdf._mark_headings([p for p in pages if p.origin == "text_layer"])
        return pages

    def pdf_plan(self, data: bytes) -> tuple[dict[str, Any], Jobs]:
        doc, kept = self.capture(data)
        if len(kept) != len(doc.pages):
            return {"skipped": "pages not all from the text layer (OCR or repair)"}, {}
        source = self.source(data, "pdf", len(doc.pages))
        warnings = list(doc.warnings)
        expected = self.extract_notice(doc, source)
        pages = self.lay_out(_copy(kept))
        rebuilt = self.Document(format="pdf", pages=pages, warnings=list(warnings))
        same = self.extract_notice(rebuilt, source) == expected

        def both(inputs: list[tuple[Any, ...]]) -> Any:
            built = self.Document(format="pdf", pages=self.lay_out(inputs), warnings=warnings)
            return self.extract_notice(built, source)

        jobs: Jobs = {
            "layout_ms": (self.lay_out, lambda: _copy(kept)),
            "stage_ms": (both, lambda: _copy(kept)),
        }
        if self.parse_too:  # the whole parse as users run it: reading the PDF included
            jobs["parse_ms"] = (
                lambda raw: self.parse_bytes(raw, "x.pdf", self.options),
                lambda: data,
            )
        if self.enrich is not None:
            jobs["enrich_ms"] = (self.enrich, lambda: expected)
        return {"pages": len(doc.pages), "same_notice": same}, jobs

    # Text notices ----------------------------------------------------------------------------

    def text_plan(self, data: bytes) -> tuple[dict[str, Any], Jobs]:
        doc = self.read_bytes(data, self.options, fmt="text")
        source = self.source(data, "text", len(doc.pages))
        expected = self.extract_notice(doc, source)

        def read(raw: bytes) -> Any:
            return self.read_bytes(raw, self.options, fmt="text")

        def both(raw: bytes) -> Any:
            return self.extract_notice(read(raw), source)

        jobs: Jobs = {"layout_ms": (read, lambda: data), "stage_ms": (both, lambda: data)}
        if self.enrich is not None:
            jobs["enrich_ms"] = (self.enrich, lambda: expected)
        return {"pages": len(doc.pages), "same_notice": both(data) == expected}, jobs


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--pdf-engine", default="pdfium")
    ap.add_argument("--clock", choices=sorted(CLOCKS), default="cpu")
    ap.add_argument("--parse", action="store_true", help="also time the whole parse of PDFs")
    args = ap.parse_args()
    global _clock
    _clock = CLOCKS[args.clock]
    rev = _Revision(args.pdf_engine)
    rev.parse_too = args.parse
    out: dict[str, Any] = {
        "avis": str(Path(importlib.import_module("avis").__file__ or "").parent),
        "staged": rev.staged,
        "engine": rev.engine,
        "files": {},
    }
    plans: dict[str, tuple[dict[str, Any], Jobs]] = {}
    for path in args.files:
        data = path.read_bytes()
        try:
            is_pdf = data[:1024].find(b"%PDF-") >= 0
            plans[str(path)] = rev.pdf_plan(data) if is_pdf else rev.text_plan(data)
        except Exception as exc:  # one file this revision cannot read: said, not fatal
            plans[str(path)] = ({"skipped": f"{type(exc).__name__}: {str(exc)[:200]}"}, {})
    # Passes over every file rather than one file timed again and again: a cache of lines
    # (folding, label matches) is as cold for a file as it would be in a batch.
    samples: dict[str, dict[str, list[float]]] = {name: {} for name in plans}
    for _ in range(args.repeat):
        for name, (_, jobs) in plans.items():
            for key, (fn, prepare) in jobs.items():
                samples[name].setdefault(key, []).append(_time_once(fn, prepare))
    for name, (row, _) in plans.items():
        for key, runs in samples[name].items():
            row[key] = 1000 * statistics.median(runs)
        out["files"][name] = row
    json.dump(out, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
