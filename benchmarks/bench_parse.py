"""ms/page of `avis parse` on born-digital PDFs against bare pdfplumber `extract_words`.

Both are measured in the same run on the same files (median of --repeat runs per file), so the
ratio is meaningful on any machine. Target (issue #2): avis / extract_words ≤ 1.5.

    python benchmarks/bench_parse.py [DIR ...] [--repeat 5]
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import sys
import time
from pathlib import Path

import pdfplumber

from avis.pipeline import parse_bytes

ROOT = Path(__file__).resolve().parent.parent


def bare_extract_words(data: bytes) -> int:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = 0
        for page in pdf.pages:
            page.extract_words(extra_attrs=["fontname", "size"])
            page.close()
            pages += 1
    return pages


def timed(fn, data: bytes, repeat: int) -> float:  # type: ignore[no-untyped-def]
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(data)
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("dirs", nargs="*", default=[str(ROOT / "corpus" / "generated")])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    files = sorted(p for d in args.dirs for p in Path(d).rglob("*.pdf"))
    if not files:
        print("no PDF found", file=sys.stderr)
        return 2
    rows = []
    for path in files:
        data = path.read_bytes()
        pages = bare_extract_words(data)
        base = timed(bare_extract_words, data, args.repeat)
        avis = timed(lambda d, n=path.name: parse_bytes(d, n), data, args.repeat)
        rows.append(
            {
                "file": str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path),
                "pages": pages,
                "extract_words_ms_page": 1000 * base / pages,
                "avis_ms_page": 1000 * avis / pages,
                "ratio": avis / base,
            }
        )
    total_pages = sum(r["pages"] for r in rows)
    base_ms = sum(r["extract_words_ms_page"] * r["pages"] for r in rows) / total_pages
    avis_ms = sum(r["avis_ms_page"] * r["pages"] for r in rows) / total_pages
    summary = {
        "files": len(rows),
        "pages": total_pages,
        "repeat": args.repeat,
        "extract_words_ms_page": round(base_ms, 2),
        "avis_parse_ms_page": round(avis_ms, 2),
        "ratio": round(avis_ms / base_ms, 3),
        "ratio_median_per_file": round(statistics.median(r["ratio"] for r in rows), 3),
    }
    print(f"{'file':60} {'pages':>5} {'words ms/p':>10} {'avis ms/p':>10} {'ratio':>6}")
    for r in rows:
        print(
            f"{r['file'][-60:]:60} {r['pages']:5d} {r['extract_words_ms_page']:10.1f} "
            f"{r['avis_ms_page']:10.1f} {r['ratio']:6.2f}"
        )
    print(json.dumps(summary, indent=2))
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "parse.json").write_text(json.dumps({"summary": summary, "files": rows}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
