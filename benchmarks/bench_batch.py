"""Speed and memory of `avis convert`, with baselines measured in the same run.

* files/s and pages/s of `avis convert` (the real command, as a subprocess) on born-digital
  PDF, DOCX and text notices and on scans (multi-page 300 dpi TIFFs made by ``tools.scans``
  from generated notices, a noisy one in four), with -j 1 and -j 2: end to end (wall time of
  the command) and steady (after the first worker is ready, until the last document is done:
  without the summary's ``startup_seconds`` — interpreter, imports, warming the fork server
  or starting a Dask cluster — and ``shutdown_seconds`` — stopping them). Bare
  `pdftotext` (poppler) on the same PDFs, one and two at a time; its -j 2 / -j 1 ratio shows
  how much parallelism the machine really offers during the run (on a shared, loaded machine,
  less than 2). Bare `tesseract` (psm 4, ``OMP_THREAD_LIMIT=1``, as avis runs it) on the same
  scan pages saved as PNG, one and two at a time, is the scans' baseline. Target: -j 2 ≥ 1.8
  × -j 1 (steady). ``busy`` (occupancy) is the share of the steady time the workers spent on
  documents: near 1.0, avis keeps every worker fed and its speedup is bounded by the free
  cores only. A pure-Python CPU loop run in 1 then 2 processes just before each pair of runs
  says how many cores are really free (``cpu_speedup_j2``; 2.0 on an idle 2-core machine);
  ``efficiency`` is avis's speedup divided by it. Runs are repeated (``--repeat``,
  interleaved -j 1/-j 2) and the best of each kept.
* peak RSS of the whole process tree (the avis process and every descendant, summed, sampled
  from /proc every 50 ms) converting 100 and 2,000 text notices (corpus/real notices copied
  with a counter so no two are the same). Target: RSS at 2,000 within 10 % of RSS at 100.
* a rerun with nothing changed (what a nightly cron mostly does): every input is hashed
  (under its limits), looked up in the journal, its outputs checked on disk, and reported,
  with no worker started. Its time in the run (``seconds`` of the summary, interpreter start
  left out) against bare ``sha256sum`` of the same files in the same run: the ratio is what
  the journal, the checks and the report cost on top of reading every input once.

PDF and DOCX come from corpus/generated (generated with tools.gencorpus when absent) and are
copied round-robin to the batch size; each run writes into a fresh output folder, so nothing is
reused from a previous run.

    python benchmarks/bench_batch.py                 # full sizes
    python benchmarks/bench_batch.py --quick         # smaller batches (a few minutes less)

Prints a table and writes benchmarks/results/bench_batch-YYYYMMDD-HHMMSS.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from PIL import Image, ImageSequence

# benchmarks/ (run as a script: it is on sys.path)
from installed import compile_avis
from proctree import ProcessTree, descendants, parents

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # tools.scans
REAL = ROOT / "corpus" / "real"
GENERATED = ROOT / "corpus" / "generated"
AVIS = [sys.executable, "-c", "import sys; from avis.cli import main; sys.exit(main())"]


# -- inputs ----------------------------------------------------------------------------------


def _sources(kind: str, scratch: Path) -> list[Path]:
    """Born-digital files of one kind (``pdf``/``docx``), generating them if needed."""
    found = sorted(GENERATED.glob(f"*.{kind}")) if GENERATED.is_dir() else []
    if found:
        return found
    target = scratch / "gencorpus"
    if not target.exists():
        layouts = "pdf-ruled,pdf-borderless,pdf-stacked,docx-table"
        cmd = [sys.executable, "-m", "tools.gencorpus", str(target), "--count", "4"]
        subprocess.run(
            [*cmd, "--layouts", layouts],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return sorted(target.glob(f"*.{kind}"))


def _text_sources() -> list[Path]:
    return sorted(p for p in REAL.rglob("*.md") if p.with_suffix(".truth.json").exists())


SCAN_NOTICES = 4  # distinct notices turned into scans (3 pages each)


def _scan_sources(scratch: Path) -> list[Path]:
    """Multi-page TIFF scans of a few generated notices, and each page as a PNG beside them."""
    from tools.scans import make_variant

    target = scratch / "scans"
    if target.exists():
        return sorted(target.glob("*.tif"))
    target.mkdir()
    for i, pdf in enumerate(_sources("pdf", scratch)[:SCAN_NOTICES]):
        variant = "noisy" if i % 4 == 3 else "clean300"
        data, ext = make_variant(pdf.read_bytes(), variant, 1, pdf.stem, "tiff")
        tif = target / f"{variant}-{pdf.stem}.{ext}"
        tif.write_bytes(data)
        with Image.open(tif) as img:
            for k, frame in enumerate(ImageSequence.Iterator(img)):
                frame.save(target / f"{tif.stem}-p{k + 1}.png", dpi=(300, 300))
    return sorted(target.glob("*.tif"))


def make_batch(kind: str, n: int, folder: Path, scratch: Path) -> Path:
    """``n`` inputs of one kind in ``folder`` (text ones made distinct by a counter)."""
    folder.mkdir(parents=True)
    if kind == "text":
        sources = _text_sources()
    elif kind == "scan":
        sources = _scan_sources(scratch)
    else:
        sources = _sources(kind, scratch)
    if not sources:
        raise SystemExit(f"no {kind} source files found")
    for i in range(n):
        src = sources[i % len(sources)]
        dst = folder / f"{i:05d}-{src.name}"
        if kind == "text":
            dst.write_bytes(src.read_bytes() + f"\n\nCopie de banc d'essai n° {i}.\n".encode())
        else:
            shutil.copyfile(src, dst)
    return folder


# -- measuring -------------------------------------------------------------------------------


def _burn(n: int) -> float:
    start = time.perf_counter()
    x = 0
    for i in range(n):
        x += i * i
    return time.perf_counter() - start


def cpu_speedup(n: int = 6_000_000) -> float:
    """How much faster 2 processes do 2 units of pure CPU work than 1 process does 1 each."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        pool.map(_burn, [1000, 1000])  # start both first
        one = sum(pool.apply(_burn, (n,)) for _ in range(2))
        start = time.perf_counter()
        pool.map(_burn, [n, n], chunksize=1)
        two = time.perf_counter() - start
    return round(one / two, 3)


# -- runs ------------------------------------------------------------------------------------


def _tree_rss_kb(root: int) -> tuple[int, int, int]:
    """(sum of VmRSS over ``root`` and its descendants, largest single RSS, processes)."""
    tree = descendants(root, parents())
    total = largest = 0
    for pid in tree:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    kb = int(line.split()[1])
                    total += kb
                    largest = max(largest, kb)
                    break
        except OSError:
            continue
    return total, largest, len(tree)


def run_convert(inputs: Path, outdir: Path, jobs: int, extra: list[str] | None = None) -> dict:
    """Run `avis convert` once; wall time, its summary, and the process tree's peak RSS."""
    cmd = [*AVIS, "convert", str(inputs), "-o", str(outdir), "-j", str(jobs), "--quiet"]
    cmd += extra or []
    peak = {"tree_kb": 0, "proc_kb": 0, "procs": 0}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    done = threading.Event()
    tree = ProcessTree(proc.pid)

    def sample() -> None:
        while not done.is_set():
            tree.sample()
            total, largest, count = _tree_rss_kb(proc.pid)
            peak["tree_kb"] = max(peak["tree_kb"], total)
            peak["proc_kb"] = max(peak["proc_kb"], largest)
            peak["procs"] = max(peak["procs"], count)
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"avis convert failed ({proc.returncode}): {err.decode()[-2000:]}")
    summary = json.loads((outdir / "avis-summary.json").read_text(encoding="utf-8"))
    converted = summary["ok"] + summary["partial"]
    startup = summary["startup_seconds"] or 0.0
    shutdown = summary.get("shutdown_seconds") or 0.0  # stopping workers / the cluster
    steady = max(summary["seconds"] - startup - shutdown, 1e-6)
    report = (outdir / "avis-report.jsonl").read_text(encoding="utf-8").splitlines()
    busy = sum(json.loads(line)["seconds"] for line in report)
    return {
        "jobs": jobs,
        "files": converted,
        "failed": summary["failed"],
        "pages": summary["pages"],
        "wall_s": round(wall, 3),
        "run_s": summary["seconds"],
        "files_per_s": round(converted / wall, 3),
        "pages_per_s": round(summary["pages"] / wall, 3),
        "startup_s": round(startup, 3),
        "steady_files_per_s": round(converted / steady, 3),
        "steady_pages_per_s": round(summary["pages"] / steady, 3),
        # share of the steady time the workers spent on documents (1.0: never idle)
        "occupancy": round(busy / (steady * min(jobs, max(converted, 1))), 3),
        "peak_tree_rss_mb": round(peak["tree_kb"] / 1024, 1),
        "peak_process_rss_mb": round(peak["proc_kb"] / 1024, 1),
        "max_processes": peak["procs"],
        "workers_started": summary["workers_started"],
        # CPU seconds by process role (see benchmarks/proctree.py): not distorted by load
        "cpu_s": tree.by_role(),
    }


def _run_each(cmds: list[list[str]], jobs: int, *, check: bool, env: dict | None = None) -> float:
    """Wall time of running every command, ``jobs`` at a time (a bare tool's baseline)."""

    def one(cmd: list[str]) -> None:
        subprocess.run(
            cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=check, env=env
        )

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(one, cmds))
    return time.perf_counter() - start


def run_pdftotext(pdfs: list[Path], jobs: int) -> dict:
    wall = _run_each([["pdftotext", "-layout", str(p), "-"] for p in pdfs], jobs, check=False)
    return {
        "jobs": jobs,
        "files": len(pdfs),
        "wall_s": round(wall, 3),
        "files_per_s": round(len(pdfs) / wall, 3),
    }


def run_tesseract_bare(pngs: list[Path], jobs: int) -> dict:
    """Bare Tesseract on every page image, ``jobs`` at a time, as avis runs it."""
    cmds = [["tesseract", str(p), "stdout", "-l", "fra", "--psm", "4", "tsv"] for p in pngs]
    wall = _run_each(cmds, jobs, check=True, env={**os.environ, "OMP_THREAD_LIMIT": "1"})
    return {
        "jobs": jobs,
        "pages": len(pngs),
        "wall_s": round(wall, 3),
        "pages_per_s": round(len(pngs) / wall, 3),
    }


def _ratio(a: float, b: float) -> float | None:
    return round(a / b, 3) if b else None


def _fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.2f}"


def _pages(pdfs: list[Path]) -> int:
    total = 0
    for path in pdfs:
        out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=False)
        for line in out.stdout.splitlines():
            if line.startswith("Pages:"):
                total += int(line.split()[1])
    return total


def run_rerun(batch: Path, outdir: Path, formats: list[str]) -> dict:
    """Convert once, then again with nothing changed; against bare sha256sum of the inputs."""
    run_convert(batch, outdir, 2, formats)
    files = sorted(str(p) for p in batch.rglob("*") if p.is_file())
    best: dict[str, float] = {}
    for _ in range(3):  # interleaved, best of three each
        start = time.perf_counter()
        subprocess.run(["sha256sum", *files], check=True, stdout=subprocess.DEVNULL)
        sha = time.perf_counter() - start
        again = run_convert(batch, outdir, 2, formats)
        summary = json.loads((outdir / "avis-summary.json").read_text(encoding="utf-8"))
        assert summary["cached"] == len(files) and summary["workers_started"] == 0
        best["sha256sum_s"] = min(best.get("sha256sum_s", sha), sha)
        best["rerun_s"] = min(best.get("rerun_s", again["run_s"]), again["run_s"])
        best["rerun_wall_s"] = min(best.get("rerun_wall_s", again["wall_s"]), again["wall_s"])
    return {
        "files": len(files),
        **{k: round(v, 3) for k, v in best.items()},
        "ms_per_file": round(1000 * best["rerun_s"] / len(files), 3),
        "vs_sha256sum": _ratio(best["rerun_s"], best["sha256sum_s"]),
    }


# -- main ------------------------------------------------------------------------------------


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="smaller batches")
    ap.add_argument("--speed-files", type=int, default=None, help="files per kind for speed")
    ap.add_argument("--scan-files", type=int, default=None, help="scan files for speed")
    ap.add_argument("--kinds", default="pdf,docx,text,scan", help="input kinds for speed")
    ap.add_argument("--rss-sizes", default=None, help="comma-separated batch sizes for RSS")
    ap.add_argument("--formats", default="json", help="--to of every run")
    ap.add_argument("--repeat", type=int, default=2, help="runs per -j (best is kept)")
    ap.add_argument("--only", choices=("speed", "rss", "rerun"), default=None, help="one part only")
    ap.add_argument("--rerun-files", type=int, default=None, help="files for the rerun part")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    args = ap.parse_args()
    compile_avis()
    n_speed = args.speed_files or (24 if args.quick else 60)
    n_scan = args.scan_files or (4 if args.quick else 8)
    sizes = [
        int(s) for s in (args.rss_sizes or ("100,500" if args.quick else "100,2000")).split(",")
    ]
    formats = ["--to", args.formats]
    results: dict[str, Any] = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_avg_at_start": os.getloadavg(),
        },
        "formats": args.formats,
        "speed": {},
        "rss": [],
        "rerun": None,
    }
    with tempfile.TemporaryDirectory(prefix="avis-bench-") as tmp:
        scratch = Path(tmp)
        kinds = [k for k in args.kinds.split(",") if k] if args.only in (None, "speed") else []
        for kind in kinds:
            size = n_scan if kind == "scan" else n_speed
            batch = make_batch(kind, size, scratch / f"in-{kind}", scratch)
            # interleaved repeats, best of each: another process's burst hurts one run only
            trials: list[dict[str, Any]] = []
            cpus: list[float] = []
            for r in range(args.repeat):
                cpus.append(cpu_speedup())
                for jobs in (1, 2):
                    out = scratch / f"out-{kind}-j{jobs}-{r}"
                    trials.append(run_convert(batch, out, jobs, formats))
            runs = [
                max(
                    (t for t in trials if t["jobs"] == jobs),
                    key=lambda t: t["steady_files_per_s"],
                )
                for jobs in (1, 2)
            ]
            cpu = max(cpus)
            entry: dict[str, Any] = {"runs": runs, "trials": trials, "cpu_speedup_j2": cpu}
            entry["cpu_speedup_trials"] = cpus
            entry["speedup_j2"] = _ratio(
                runs[1]["steady_files_per_s"], runs[0]["steady_files_per_s"]
            )
            entry["efficiency"] = _ratio(entry["speedup_j2"] or 0.0, cpu)
            entry["speedup_j2_end_to_end"] = _ratio(runs[1]["files_per_s"], runs[0]["files_per_s"])
            if any(t["failed"] for t in trials):
                print(f"{kind}: some files failed (see the JSON)", file=sys.stderr)
            if kind == "pdf":
                pdfs = sorted(batch.glob("*.pdf"))
                entry["pdftotext"] = [run_pdftotext(pdfs, jobs) for jobs in (1, 2)]
                entry["pdftotext_pages"] = _pages(pdfs)
                entry["pdftotext_speedup_j2"] = round(
                    entry["pdftotext"][1]["files_per_s"] / entry["pdftotext"][0]["files_per_s"], 3
                )
                for run, base in zip(runs, entry["pdftotext"], strict=True):
                    run["vs_pdftotext"] = _ratio(base["files_per_s"], run["files_per_s"])
            if kind == "scan":
                pngs = sorted(
                    png
                    for tif in batch.glob("*.tif")
                    for png in (scratch / "scans").glob(f"{tif.name.split('-', 1)[1][:-4]}-p*.png")
                )
                entry["tesseract"] = [run_tesseract_bare(pngs, jobs) for jobs in (1, 2)]
                entry["tesseract_speedup_j2"] = _ratio(
                    entry["tesseract"][1]["pages_per_s"], entry["tesseract"][0]["pages_per_s"]
                )
                for run, base in zip(runs, entry["tesseract"], strict=True):
                    run["vs_tesseract"] = _ratio(base["pages_per_s"], run["pages_per_s"])
            results["speed"][kind] = entry
            print(f"{kind}: done", file=sys.stderr)
        if args.only in (None, "rerun"):
            n = args.rerun_files or (300 if args.quick else 2000)
            batch = make_batch("text", n, scratch / "rerun-in", scratch)
            results["rerun"] = run_rerun(batch, scratch / "rerun-out", formats)
            print("rerun: done", file=sys.stderr)
        for size in sizes if args.only in (None, "rss") else ():
            batch = make_batch("text", size, scratch / f"rss-{size}", scratch)
            run = run_convert(batch, scratch / f"out-rss-{size}", 2, formats)
            run["size"] = size
            results["rss"].append(run)
            print(f"rss {size}: done", file=sys.stderr)
    results["targets"] = {
        "speedup_j2_ge_1.8": {
            k: (v["speedup_j2"] or 0) >= 1.8 for k, v in results["speed"].items()
        },
    }
    if results["rss"]:
        small, large = results["rss"][0], results["rss"][-1]
        growth = large["peak_tree_rss_mb"] / small["peak_tree_rss_mb"] - 1
        results["rss_growth"] = round(growth, 4)
        results["targets"]["rss_growth_le_10pct"] = growth <= 0.10
    _print_table(results)
    if results["rerun"]:
        r = results["rerun"]
        print(
            f"\nrerun, nothing changed: {r['files']} files in {r['rerun_s']:.2f} s "
            f"({r['ms_per_file']:.2f} ms/file; {r['rerun_wall_s']:.2f} s with interpreter start), "
            f"{_fmt(r['vs_sha256sum'])} × bare sha256sum ({r['sha256sum_s']:.2f} s)"
        )
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = args.out / f"bench_batch-{stamp}.json"
    path.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten: {path}")
    return 0


def _print_table(results: dict[str, Any]) -> None:
    machine = results["machine"]
    print(
        f"\navis convert --to {results['formats']}  ({machine['cpus']} CPUs, "
        f"load average at start {machine['load_avg_at_start'][0]:.1f})"
    )
    head = f"{'input':<6} {'-j':>3} {'files':>6} {'pages':>6} {'wall s':>7} {'start s':>7} "
    head += f"{'files/s':>8} {'pages/s':>8} {'steady f/s':>10} {'steady p/s':>10} "
    head += f"{'busy':>5} {'RSS MB':>7}"
    print(head)
    for kind, entry in results["speed"].items():
        for run in entry["runs"]:
            print(
                f"{kind:<6} {run['jobs']:>3} {run['files']:>6} {run['pages']:>6} "
                f"{run['wall_s']:>7.2f} {run['startup_s']:>7.2f} {run['files_per_s']:>8.2f} "
                f"{run['pages_per_s']:>8.2f} {run['steady_files_per_s']:>10.2f} "
                f"{run['steady_pages_per_s']:>10.2f} {run['occupancy']:>5.2f} "
                f"{run['peak_tree_rss_mb']:>7.1f}"
            )
        print(
            f"{'':<6} -j 2 / -j 1 = {_fmt(entry['speedup_j2'])} steady, "
            f"{_fmt(entry['speedup_j2_end_to_end'])} end to end; free cores (CPU loop -j 2 / "
            f"-j 1) = {entry['cpu_speedup_j2']:.2f}, efficiency {_fmt(entry['efficiency'])}"
        )
        if "pdftotext" in entry:
            for base, run in zip(entry["pdftotext"], entry["runs"], strict=True):
                print(
                    f"{'':<6} pdftotext -j {base['jobs']}: {base['files_per_s']:.2f} files/s, "
                    f"{entry['pdftotext_pages'] / base['wall_s']:.2f} pages/s "
                    f"(avis end to end is {_fmt(run['vs_pdftotext'])}x slower)"
                )
            print(f"{'':<6} pdftotext -j 2 / -j 1 = {entry['pdftotext_speedup_j2']:.2f}")
        if "tesseract" in entry:
            for base, run in zip(entry["tesseract"], entry["runs"], strict=True):
                print(
                    f"{'':<6} tesseract -j {base['jobs']}: {base['pages_per_s']:.2f} pages/s "
                    f"(avis end to end is {_fmt(run['vs_tesseract'])}x slower)"
                )
            print(f"{'':<6} tesseract -j 2 / -j 1 = {_fmt(entry['tesseract_speedup_j2'])}")
    if results["rss"]:
        print("\npeak RSS of the process tree (-j 2, text notices)")
        for run in results["rss"]:
            print(
                f"  {run['size']:>5} notices: {run['peak_tree_rss_mb']:.1f} MB "
                f"(largest process {run['peak_process_rss_mb']:.1f} MB, "
                f"{run['workers_started']} workers started, {run['wall_s']:.1f} s)"
            )
        print(f"  growth: {100 * results['rss_growth']:+.1f} %")
    print(f"targets: {results['targets']}")


if __name__ == "__main__":
    sys.exit(main())
