"""``python -m tools.gencorpus OUTDIR [--count N] [--seed S] [--layouts a,b]``."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from . import LAYOUTS
from .build import DEFAULT_COUNT, DEFAULT_SEED, generate


def main(argv: list[str] | None = None) -> int:
    """Generate the corpus and print how many notices each layout got."""
    parser = argparse.ArgumentParser(prog="python -m tools.gencorpus", description=__doc__)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT, help="notices per layout")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--layouts", default=",".join(LAYOUTS), help="comma-separated layouts")
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("--count must be at least 1")
    layouts = [name.strip() for name in args.layouts.split(",") if name.strip()]
    unknown = sorted(set(layouts) - set(LAYOUTS))
    if unknown:
        parser.error(f"unknown layout(s) {', '.join(unknown)}; choose from {', '.join(LAYOUTS)}")
    paths = generate(args.outdir, args.count, args.seed, layouts)
    counts = Counter(p.name.rsplit("-", 1)[0] for p in paths)
    for layout in layouts:
        print(f"{layout}: {counts[layout]}")
    print(f"{len(paths)} notices written to {args.outdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
