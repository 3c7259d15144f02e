"""`avis sync` against `avis convert` on the same notices, in one run.

Publishing costs more than converting: every notice is also catalogued (SQLite), given a page
with its JSON-LD (validated against the Google profile), and listed in the sitemap, the feed and
changes.jsonl. This measures that overhead, and what a nightly cron mostly does — a rerun where
nothing changed, and one where a few notices changed — against the baselines measured here:

* ``convert``: `avis convert IN -o OUT --to jsonld,feed -j N` (the nearest plain batch);
* ``sync_first``: `avis sync IN -o SITE --base-url …` into an empty site and catalogue;
* ``sync_unchanged``: the same command again (every input hashed, nothing republished);
* ``sync_changed``: the same after editing ``--changed`` notices (their titles);
* ``hash_floor``: `sha256sum` over the same inputs (reading every file once).

Ratios: sync_first / convert (target: ≤ 1.5), sync_unchanged / hash_floor. Peak RSS of each
command's process tree is sampled from /proc. Inputs are corpus text and PDF notices copied with
a counter (each copy a distinct reference, so the catalogue holds every one).

    python benchmarks/bench_sync.py [--files 60] [--jobs 2] [--changed 5] [--repeat 2]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from bench_batch import _tree_rss_kb  # benchmarks/ (run as a script: it is on sys.path)

ROOT = Path(__file__).resolve().parent.parent
AVIS = Path(sys.executable).with_name("avis")
BASE = "https://emplois.example.nc/offres/"
TODAY = "2024-01-01"  # before every corpus deadline: every notice is open


def run(cmd: list[str]) -> dict[str, float]:
    """Wall seconds and peak tree RSS (MB) of one command."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_rss_kb(proc.pid)[0])
            stop.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _out, err = proc.communicate()
    stop.set()
    sampler.join()
    seconds = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {err.decode()[-800:]}")
    return {"seconds": round(seconds, 3), "peak_rss_mb": round(peak / 1024, 1)}


def make_inputs(folder: Path, count: int) -> list[Path]:
    """``count`` notices: corpus text/Markdown and PDF notices, each copy with its own reference
    (the reference's last number is replaced by a counter)."""
    sources = sorted((ROOT / "corpus" / "generated").glob("text-md-*.md"))
    sources += sorted((ROOT / "corpus" / "generated").glob("pdf-ruled-*.pdf"))
    if not sources:
        raise SystemExit("no corpus notices under corpus/generated")
    folder.mkdir(parents=True)
    made: list[Path] = []
    for i in range(count):
        src = sources[i % len(sources)]
        dest = folder / f"n{i:05d}-{src.name}"
        if src.suffix == ".md":
            text = src.read_text(encoding="utf-8")
            ref = f"BENCH-{i:05d}/RH"
            text = re.sub(r"(Référence\s*:\s*(?:N°\s*)?)\S+", rf"\g<1>{ref}", text, count=1)
            dest.write_text(text, encoding="utf-8")
        else:  # a PDF copy is a duplicate reference: sync keeps one and warns, as it should
            shutil.copy(src, dest)
        made.append(dest)
    return made


def best(runs: list[dict[str, float]]) -> dict[str, float]:
    return min(runs, key=lambda r: r["seconds"])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=60)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--changed", type=int, default=5)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    args = ap.parse_args()
    results: dict[str, Any] = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "files": args.files,
        "jobs": args.jobs,
        "cpus": os.cpu_count(),
        "load_avg_at_start": os.getloadavg(),
    }
    runs: dict[str, list[dict[str, float]]] = {
        k: [] for k in ("convert", "sync_first", "sync_unchanged", "sync_changed", "hash_floor")
    }
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as tmp_name:
        tmp = Path(tmp_name)
        inputs = make_inputs(tmp / "in", args.files)
        texts = [p for p in inputs if p.suffix == ".md"]
        j = ["-j", str(args.jobs)]
        for r in range(args.repeat):
            out, site, work = tmp / f"out{r}", tmp / f"site{r}", tmp / f"work{r}"
            runs["hash_floor"].append(run(["sha256sum", *map(str, inputs)]))
            runs["convert"].append(
                run([str(AVIS), "convert", str(tmp / "in"), "-o", str(out), "-q",
                     "--to", "jsonld,feed", "--today", TODAY, "--base-url", BASE, *j])
            )  # fmt: skip
            sync = [str(AVIS), "sync", str(tmp / "in"), "-o", str(site), "--base-url", BASE,
                    "--today", TODAY, "--work-dir", str(work), *j]  # fmt: skip
            runs["sync_first"].append(run(sync))
            runs["sync_unchanged"].append(run(sync))
            for path in texts[r * args.changed : (r + 1) * args.changed]:  # a title edited
                lines = path.read_text(encoding="utf-8").split("\n")
                lines[0] += " (H/F)"
                path.write_text("\n".join(lines), encoding="utf-8")
            runs["sync_changed"].append(run(sync))
    results["runs"] = runs
    b = {k: best(v) for k, v in runs.items()}
    results["best"] = b
    results["ratio_sync_first_vs_convert"] = round(
        b["sync_first"]["seconds"] / b["convert"]["seconds"], 3
    )
    results["ratio_sync_unchanged_vs_hash_floor"] = round(
        b["sync_unchanged"]["seconds"] / b["hash_floor"]["seconds"], 3
    )
    results["sync_first_ms_per_notice"] = round(1000 * b["sync_first"]["seconds"] / args.files, 1)
    for name, r in b.items():
        print(f"{name:16} {r['seconds']:8.2f} s  {r['peak_rss_mb']:7.1f} MB")
    print(f"sync first / convert        {results['ratio_sync_first_vs_convert']:.2f}×")
    print(f"sync unchanged / sha256sum  {results['ratio_sync_unchanged_vs_hash_floor']:.2f}×")
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    (args.out / f"bench_sync-{stamp}.json").write_text(json.dumps(results, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
