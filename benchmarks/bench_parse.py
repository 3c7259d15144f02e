"""PDF reading speed: `avis convert -j 1` per file against a `pdftotext` loop, and the pdfium
engine (the default) against the pdfplumber engine, in one run on the same PDFs.

Every figure is measured in this run on the same files, so the ratios hold on any machine; the
absolute times are printed for context only. Targets (issue #13): the default engine ≤ 3× a
`pdftotext` loop per file in a batch (`avis convert -j 1`); and (issue #2) in-process parsing
with pdfplumber ≤ 1.5× bare pdfplumber `extract_words`.

- ``pdftotext``: one `pdftotext FILE -` process per file (poppler-utils), files in turn;
- ``convert``: one `avis convert DIR -o OUT -j 1 --force -q` run per engine, wall time / files
  (start-up, workers, JSON output and its validation included, as a user sees it); the batch
  runs are repeated --repeat times, interleaved with the pdftotext loop, and the best kept;
  ``convert_pdfium_steady_ms_file`` is the same run without its start-up and shutdown (from its
  summary): what a file costs in a batch long enough for the start-up not to count (an archive
  of thousands of notices), with ``ratio_steady_convert_default_vs_pdftotext`` beside it;
- ``cpu``: CPU seconds per file of the pdftotext loop (exact) and of each `avis convert` by
  process role (batch process, fork server, workers: benchmarks/proctree.py), which load on a
  shared machine does not distort; ``ratio_cpu_convert_default_vs_pdftotext`` compares them;
- ``parse``: `parse_bytes` in this process, median of --repeat runs per file, per engine;
- ``extract_words``: bare pdfplumber `extract_words` (the pdfplumber engine's floor);
- ``convert_text_floor``: the same batch over as many Markdown notices: what a batch costs
  a file whatever its format (start-up, workers, extraction, output), for context.

The PDFs are copied --copies times (each copy made distinct by a trailing comment, so no cache
can answer for it) to give the batch enough files to amortise its start-up.

    python benchmarks/bench_parse.py [DIR ...] [--repeat 3] [--copies 3]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pdfplumber

from avis.pipeline import parse_bytes
from avis.readers import PDF_ENGINES, ReadOptions
from installed import compile_avis  # benchmarks/ (run as a script: it is on sys.path)
from proctree import ProcessTree  # benchmarks/ (run as a script: it is on sys.path)

ROOT = Path(__file__).resolve().parent.parent
AVIS = Path(sys.executable).with_name("avis")


def bare_extract_words(data: bytes) -> int:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = 0
        for page in pdf.pages:
            page.extract_words(extra_attrs=["fontname", "size"])
            page.close()
            pages += 1
    return pages


def timed(fn: Callable[[bytes], object], data: bytes, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(data)
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def wall(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def measured(cmd: list[str]) -> tuple[float, dict[str, float]]:
    """Wall time of a command, and the CPU seconds of its process tree by role."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    tree = ProcessTree(proc.pid)
    while proc.poll() is None:
        tree.sample()
        time.sleep(0.02)
    seconds = time.perf_counter() - t0
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, cmd)
    return seconds, tree.by_role()


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def batch_figures(files: list[Path], copies: int, repeat: int) -> dict[str, Any]:
    """Per file: a pdftotext loop and `avis convert -j 1` with each engine, wall seconds (best
    of ``repeat``, interleaved) and CPU seconds (pdftotext: exact; avis: by process role)."""
    with tempfile.TemporaryDirectory(prefix="avis-bench-") as tmp:
        src = Path(tmp) / "in"
        src.mkdir()
        for copy in range(copies):
            for path in files:
                data = path.read_bytes() + f"\n% copy {copy}\n".encode()
                (src / f"{copy:02d}-{path.name}").write_bytes(data)
        inputs = sorted(src.iterdir())
        text = Path(tmp) / "text"
        text.mkdir()
        sample = (ROOT / "corpus" / "real" / "seed" / "3134-25-0176_SR.md").read_text("utf-8")
        for k in range(len(inputs)):
            (text / f"{k:04d}.md").write_text(f"{sample}\n{k}\n", encoding="utf-8")
        n = len(inputs)
        out: dict[str, Any] = {"files": n}

        def keep(
            key: str, seconds: float, cpu: dict[str, float], outdir: Path | None = None
        ) -> None:
            if key not in out or seconds / n < out[key]:
                out[key] = seconds / n
                out[f"{key}_cpu"] = {role: sec / n for role, sec in cpu.items()}
            if outdir is not None:  # a long batch: without its start-up and shutdown
                run = json.loads((outdir / "avis-summary.json").read_text("utf-8"))
                busy = run["seconds"] - run["startup_seconds"] - run["shutdown_seconds"]
                out[f"{key}_steady"] = min(out.get(f"{key}_steady", busy / n), busy / n)

        for _ in range(repeat):
            t0, c0 = time.perf_counter(), children_cpu()
            for path in inputs:
                subprocess.run(["pdftotext", str(path), "-"], check=True, stdout=subprocess.DEVNULL)
            keep("pdftotext", time.perf_counter() - t0, {"pdftotext": children_cpu() - c0})
            for engine in PDF_ENGINES:
                target = Path(tmp) / f"out-{engine}"
                cmd = [str(AVIS), "convert", str(src), "-o", str(target), "-j", "1", "--force"]
                seconds, cpu = measured([*cmd, "-q", "--pdf-engine", engine])
                keep(f"convert_{engine}", seconds, cpu, target)
            cmd = [str(AVIS), "convert", str(text), "-o", str(Path(tmp) / "out-text"), "-j", "1"]
            keep("convert_text_floor", *measured([*cmd, "--force", "-q"]))
        return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("dirs", nargs="*", default=[str(ROOT / "corpus" / "generated")])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--copies", type=int, default=3)
    args = ap.parse_args()
    compile_avis()
    files = sorted(p for d in args.dirs for p in Path(d).rglob("*.pdf"))
    if not files:
        print("no PDF found", file=sys.stderr)
        return 2
    if shutil.which("pdftotext") is None:
        print("pdftotext not found (apt-get install poppler-utils)", file=sys.stderr)
        return 2
    rows = []
    for path in files:
        data = path.read_bytes()
        pages = bare_extract_words(data)
        row: dict[str, object] = {
            "file": str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path),
            "pages": pages,
            "extract_words_ms": 1000 * timed(bare_extract_words, data, args.repeat),
        }
        for engine in PDF_ENGINES:
            options = ReadOptions(pdf_engine=engine)
            seconds = timed(lambda d, o=options: parse_bytes(d, "x.pdf", o), data, args.repeat)
            row[f"parse_{engine}_ms"] = 1000 * seconds
        rows.append(row)
    batch = batch_figures(files, args.copies, args.repeat)

    def total(key: str) -> float:
        return sum(float(r[key]) for r in rows)  # type: ignore[arg-type]

    pages = sum(int(r["pages"]) for r in rows)  # type: ignore[call-overload]
    default, other = PDF_ENGINES[0], PDF_ENGINES[1]
    summary = {
        "files": len(rows),
        "pages": pages,
        "repeat": args.repeat,
        "batch_files": int(batch["files"]),
        "pdftotext_ms_file": round(1000 * batch["pdftotext"], 2),
        **{f"convert_{e}_ms_file": round(1000 * batch[f"convert_{e}"], 2) for e in PDF_ENGINES},
        "convert_text_floor_ms_file": round(1000 * batch["convert_text_floor"], 2),
        "pdftotext_cpu_ms_file": round(1000 * batch["pdftotext_cpu"]["pdftotext"], 2),
        **{
            f"convert_{e}_cpu_ms_file": {
                role: round(1000 * sec, 2)
                for role, sec in sorted(batch[f"convert_{e}_cpu"].items())
            }
            for e in PDF_ENGINES
        },
        "ratio_cpu_convert_default_vs_pdftotext": round(
            sum(batch[f"convert_{PDF_ENGINES[0]}_cpu"].values())
            / batch["pdftotext_cpu"]["pdftotext"],
            2,
        ),
        "ratio_convert_default_vs_pdftotext": round(
            batch[f"convert_{default}"] / batch["pdftotext"], 2
        ),
        f"convert_{default}_steady_ms_file": round(1000 * batch[f"convert_{default}_steady"], 2),
        "ratio_steady_convert_default_vs_pdftotext": round(
            batch[f"convert_{default}_steady"] / batch["pdftotext"], 2
        ),
        f"ratio_convert_{other}_vs_{default}": round(
            batch[f"convert_{other}"] / batch[f"convert_{default}"], 2
        ),
        **{f"parse_{e}_ms_page": round(total(f"parse_{e}_ms") / pages, 2) for e in PDF_ENGINES},
        "extract_words_ms_page": round(total("extract_words_ms") / pages, 2),
        f"ratio_parse_{other}_vs_{default}": round(
            total(f"parse_{other}_ms") / total(f"parse_{default}_ms"), 2
        ),
        "ratio_parse_pdfplumber_vs_extract_words": round(
            total("parse_pdfplumber_ms") / total("extract_words_ms"), 3
        ),
        "cpus": os.cpu_count(),
    }
    head = f"{'file':48} {'pages':>5} {'words ms':>9}"
    print(head + "".join(f" {e + ' ms':>14}" for e in PDF_ENGINES))
    for r in rows:
        line = f"{str(r['file'])[-48:]:48} {r['pages']:5d} {float(r['extract_words_ms']):9.1f}"  # type: ignore[arg-type]
        print(line + "".join(f" {float(r[f'parse_{e}_ms']):14.1f}" for e in PDF_ENGINES))  # type: ignore[arg-type]
    print(json.dumps(summary, indent=2))
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "parse.json").write_text(json.dumps({"summary": summary, "files": rows}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
