"""s/page of `avis parse` on scans against bare `tesseract` on the same images, same run.

Renders a few corpus notices as scan pages (tools.scans variants), saves each page as PNG,
then times, page by page and interleaved: bare ``tesseract PAGE stdout -l fra --psm 3 tsv``
(OMP_THREAD_LIMIT=1, as avis runs it) and avis's whole parse of the same PNG (decode,
deskew, ruling removal, Tesseract, layout, extraction). Target (issue #3): overhead ≤ 15 %.

    python benchmarks/bench_ocr.py [--notices 2] [--variants clean300,skew,noisy] [--repeat 2]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.scans import VARIANTS, render, rng_for  # noqa: E402

from avis.pipeline import parse_bytes  # noqa: E402


def bare(path: Path) -> float:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    t0 = time.perf_counter()
    subprocess.run(
        ["tesseract", str(path), "stdout", "-l", "fra", "--psm", "3", "tsv"],
        check=True,
        capture_output=True,
        env=env,
    )
    return time.perf_counter() - t0


def ours(data: bytes) -> float:
    t0 = time.perf_counter()
    parse_bytes(data, "page.png")
    return time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--notices", type=int, default=2)
    ap.add_argument("--variants", default="clean300,skew,noisy,photocopy")
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    pdfs = sorted((ROOT / "corpus" / "generated").glob("pdf-*.pdf"))[::12][: args.notices]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for pdf in pdfs:
            for variant in args.variants.split(","):
                dpi, fn = VARIANTS[variant]
                rng = rng_for(0, pdf.name, variant)
                for i, img in enumerate(render(pdf.read_bytes(), dpi)):
                    page = fn(img, rng)
                    path = Path(tmp) / f"{pdf.stem}-{variant}-{i + 1}.png"
                    buf = io.BytesIO()
                    page.save(buf, "PNG", dpi=(dpi, dpi))
                    path.write_bytes(buf.getvalue())
                    b = min(bare(path) for _ in range(args.repeat))
                    a = min(ours(buf.getvalue()) for _ in range(args.repeat))
                    rows.append(
                        {
                            "page": path.name,
                            "variant": variant,
                            "tesseract_s": b,
                            "avis_s": a,
                            "overhead": a / b - 1,
                        }
                    )
                    print(
                        f"{path.name:45} tesseract {b:5.2f}s  avis {a:5.2f}s  "
                        f"{100 * (a / b - 1):+5.1f}%",
                        flush=True,
                    )
    total_b = sum(r["tesseract_s"] for r in rows)
    total_a = sum(r["avis_s"] for r in rows)
    summary = {
        "pages": len(rows),
        "tesseract_s_per_page": round(total_b / len(rows), 3),
        "avis_s_per_page": round(total_a / len(rows), 3),
        "overhead_total": round(total_a / total_b - 1, 3),
        "overhead_median_page": round(statistics.median(r["overhead"] for r in rows), 3),
    }
    print(json.dumps(summary, indent=2))
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "ocr.json").write_text(json.dumps({"summary": summary, "pages": rows}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
