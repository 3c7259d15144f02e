"""Extraction cost (issue #10: "extraction time per page does not grow by more than 20 %"):
layout + extraction of this tree against the pre-#10 code, both measured in this run on the
same files.

The baseline is checked out from git (``--base``, default ``33d9dae^``: the parent of the
commit that brought the header grid solver) into a temporary folder and timed in its own
process with its ``src`` first on PYTHONPATH; this tree is timed the same way. The worker,
``extract_stage.py``, says exactly what is timed:

- PDFs: from the reader's per-page words and rulings to a ``Notice`` — page layout, the
  document-wide passes (furniture, paragraphs across pages, headings) and ``extract_notice``.
  The PDF is read once per file outside the timed region. The pre-#10 reader had pdfplumber
  only; this tree is timed on the words of its default engine (pdfium) and of pdfplumber.
- text notices (.md, .txt): from bytes to a ``Notice`` (decoding and the text reader's lines,
  then ``extract_notice``): no stage boundary is left out, both revisions do the same work.
- ``enrich`` (places, time zones, employment: a stage of its own since the field registry, done
  partly inside extraction before) is timed apart and reported beside the ratio.

Rounds alternate baseline and tree (``--rounds``), each timing every file ``--repeat`` times;
a file's figure is the median over rounds of its per-round median, so a burst of load from
another process hits both sides alike.

    python benchmarks/bench_extract.py [DIR ...] [--base REV] [--new REV] [--rounds 3] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
WORKER = Path(__file__).resolve().with_name("extract_stage.py")
SETS = ("generated", "unseen", "blind3", "real", "blind", "blind2")
TEXT = (".md", ".txt")
TARGET = 1.20


def corpus_files(dirs: list[Path]) -> list[Path]:
    files = []
    for d in dirs:
        for p in sorted(d.rglob("*")):
            if p.name == "README.md" or not p.is_file():
                continue
            if p.suffix.lower() == ".pdf" or p.suffix.lower() in TEXT:
                files.append(p)
    return files


def checkout(rev: str, into: Path) -> Path:
    """The revision's ``src`` folder, extracted with ``git archive`` (no worktree is touched)."""
    into.mkdir(parents=True, exist_ok=True)
    archive = into / "src.tar"
    with archive.open("wb") as out:
        subprocess.run(["git", "-C", str(ROOT), "archive", rev, "src"], check=True, stdout=out)
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def git(*args: str) -> str:
    done = subprocess.run(["git", "-C", str(ROOT), *args], check=True, capture_output=True)
    return done.stdout.decode().strip()


def run_worker(
    src: Path, files: list[Path], repeat: int, engine: str, extra: list[str]
) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    cmd = [sys.executable, str(WORKER), "--repeat", str(repeat), "--pdf-engine", engine, *extra]
    done = subprocess.run(
        [*cmd, *map(str, files)], check=True, env=env, capture_output=True, text=True
    )
    result: dict[str, Any] = json.loads(done.stdout)
    if Path(result["avis"]).resolve() != (src / "avis").resolve():
        raise SystemExit(f"the worker imported {result['avis']}, not {src / 'avis'}")
    return result


def merge(runs: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per file: the median over rounds of each timing; skipped if any round skipped it."""
    out: dict[str, dict[str, Any]] = {}
    for name in runs[0]["files"]:
        rows = [r["files"][name] for r in runs]
        if any("skipped" in row for row in rows):
            out[name] = {"skipped": next(row["skipped"] for row in rows if "skipped" in row)}
            continue
        merged: dict[str, Any] = {"pages": rows[0]["pages"]}
        for key in ("layout_ms", "stage_ms", "enrich_ms", "parse_ms"):
            if key in rows[0]:
                merged[key] = statistics.median(row[key] for row in rows)
        merged["same_notice"] = all(row["same_notice"] for row in rows)
        out[name] = merged
    return out


def kind(name: str) -> str:
    return "text" if Path(name).suffix.lower() in TEXT else "pdf"


def summarise(
    new: dict[str, dict[str, Any]], old: dict[str, dict[str, Any]], which: str
) -> dict[str, Any]:
    """ms/page of both sides over the files of ``which`` kind both could time, and ratios."""
    names = [
        n for n in new if kind(n) == which and "skipped" not in new[n] and "skipped" not in old[n]
    ]
    if not names:
        return {}
    pages = sum(int(new[n]["pages"]) for n in names)

    def per_page(side: dict[str, dict[str, Any]], key: str) -> float:
        return sum(float(side[n].get(key, 0.0)) for n in names) / pages

    new_stage, old_stage = per_page(new, "stage_ms"), per_page(old, "stage_ms")
    enrich = per_page(new, "enrich_ms")
    ratios = [new[n]["stage_ms"] / old[n]["stage_ms"] for n in names]
    parse = {}
    if all("parse_ms" in side[n] for side in (new, old) for n in names):
        parse = {
            "old_parse_ms_page": round(per_page(old, "parse_ms"), 2),
            "new_parse_ms_page": round(per_page(new, "parse_ms"), 2),
            "ratio_parse": round(per_page(new, "parse_ms") / per_page(old, "parse_ms"), 3),
        }
    return {
        "files": len(names),
        "pages": pages,
        "old_ms_page": round(old_stage, 2),
        "new_ms_page": round(new_stage, 2),
        "ratio": round(new_stage / old_stage, 3),
        "ratio_file_median": round(statistics.median(ratios), 3),
        "old_layout_ms_page": round(per_page(old, "layout_ms"), 2),
        "new_layout_ms_page": round(per_page(new, "layout_ms"), 2),
        "new_enrich_ms_page": round(enrich, 2),
        "ratio_with_enrich": round((new_stage + enrich) / old_stage, 3),
        **parse,
        "notice_rebuilt_differs": sorted(
            n for n in names if not (new[n]["same_notice"] and old[n]["same_notice"])
        ),
    }


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("dirs", nargs="*", type=Path)
    ap.add_argument("--base", default="33d9dae^", help="baseline revision (pre-#10)")
    ap.add_argument(
        "--new", default=None, help="revision to compare (default: this working tree as is)"
    )
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--clock", choices=("cpu", "wall"), default="cpu")
    ap.add_argument(
        "--engines", default="pdfium,pdfplumber", help="this tree's PDF engines to time"
    )
    ap.add_argument("--parse", action="store_true", help="also time the whole parse of PDFs")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "extract.json")
    args = ap.parse_args()
    engines = [e for e in args.engines.split(",") if e]
    extra = ["--clock", args.clock, *(["--parse"] if args.parse else [])]
    dirs = args.dirs or [ROOT / "corpus" / s for s in SETS]
    files = corpus_files(dirs)
    if not files:
        print("no PDF or text notice found", file=sys.stderr)
        return 2
    try:  # pinned now: a branch name may move while the benchmark runs
        base_commit, new_commit = (
            None if rev is None else git("rev-parse", "--short", rev)
            for rev in (args.base, args.new)
        )
    except subprocess.CalledProcessError:
        print(
            f"revision {args.base!r} or {args.new!r} is not in this clone (a shallow clone "
            "lacks the pre-#10 history: git fetch --unshallow, or pass --base)",
            file=sys.stderr,
        )
        return 2
    load_before = load_average()
    sides: dict[str, list[dict[str, Any]]] = {"old": [], **{e: [] for e in engines}}
    with tempfile.TemporaryDirectory(prefix="avis-bench-base-") as tmp:
        base_src = checkout(str(base_commit), Path(tmp) / "base")
        new_src = ROOT / "src" if new_commit is None else checkout(new_commit, Path(tmp) / "new")
        for k in range(args.rounds):
            print(f"round {k + 1}/{args.rounds}", file=sys.stderr)
            sides["old"].append(run_worker(base_src, files, args.repeat, "pdfium", extra))
            for engine in engines:
                sides[engine].append(run_worker(new_src, files, args.repeat, engine, extra))
    old = merge(sides["old"])
    new = {engine: merge(sides[engine]) for engine in engines}
    main_engine = engines[0]
    summary = {
        "base": f"{args.base} ({base_commit})",
        "new": f"{args.new} ({new_commit})" if args.new else "working tree",
        "rounds": args.rounds,
        "repeat": args.repeat,
        "clock": args.clock,
        "target_ratio": TARGET,
        **{f"pdf_{e}_vs_base": summarise(new[e], old, "pdf") for e in engines},
        "text_vs_base": summarise(new[main_engine], old, "text"),
        "skipped": {n: r["skipped"] for n, r in new[main_engine].items() if "skipped" in r}
        | {n: r["skipped"] for n, r in old.items() if "skipped" in r},
        "load_average_before": load_before,
        "load_average_after": load_average(),
        "cpus": os.cpu_count(),
    }
    print(f"{'file':52} {'pages':>5} {'base ms':>8} " + " ".join(f"{e:>10}" for e in engines))
    for name, row in new[main_engine].items():
        if "skipped" in row or "skipped" in old[name]:
            continue
        times = " ".join(f"{new[e][name].get('stage_ms', float('nan')):10.2f}" for e in engines)
        print(f"{name[-52:]:52} {row['pages']:5d} {old[name]['stage_ms']:8.2f} {times}")
    print(json.dumps(summary, indent=2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    rows = {"base": old, **new}
    args.out.write_text(json.dumps({"summary": summary, "files": rows}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
