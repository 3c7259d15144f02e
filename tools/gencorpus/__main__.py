"""``python -m tools.gencorpus OUTDIR [--count N] [--seed S] [--layouts LIST|GROUP]``."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from . import CLASS_LAYOUTS, LAYOUT_GROUPS, LAYOUTS, UNSEEN_LAYOUTS
from .build import DEFAULT_COUNT, DEFAULT_SEED, generate


def main(argv: list[str] | None = None) -> int:
    """Generate the corpus and print how many notices each layout got."""
    parser = argparse.ArgumentParser(prog="python -m tools.gencorpus", description=__doc__)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT, help="notices per layout")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--layouts",
        default="classic",
        help="comma-separated layouts or groups (classic = the corpus/generated layouts, "
        "unseen = the corpus/unseen families, classes = the layout classes of issue #10, all)",
    )
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("--count must be at least 1")
    layouts: list[str] = []
    for name in (n.strip() for n in args.layouts.split(",")):
        for layout in LAYOUT_GROUPS.get(name, (name,) if name else ()):
            if layout not in layouts:
                layouts.append(layout)
    known = (*LAYOUTS, *UNSEEN_LAYOUTS, *CLASS_LAYOUTS)
    unknown = sorted(set(layouts) - set(known))
    if unknown:
        parser.error(
            f"unknown layout(s) {', '.join(unknown)}; choose from {', '.join(known)} "
            f"or a group ({', '.join(LAYOUT_GROUPS)})"
        )
    paths = generate(args.outdir, args.count, args.seed, layouts)
    counts = Counter(p.name.rsplit("-", 1)[0] for p in paths)
    for layout in layouts:
        print(f"{layout}: {counts[layout]}")
    print(f"{len(paths)} notices written to {args.outdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
