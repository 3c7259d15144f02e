"""Soft F1 and documents-all-right per family of a generated corpus.

``avis eval`` scores a folder as one set; the unseen corpus mixes eleven families in one folder
(named ``FAMILY-NN.*``), so this groups the same evaluation by family:
``.venv/bin/python -m tools.gencorpus.family_scores corpus/unseen``.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

from avis.evaluate import Counts, DocResult, evaluate
from avis.pipeline import parse_path


def family_table(root: Path) -> str:
    """One line per family: documents, soft F1, documents with every field right."""
    report = evaluate(root, parse_path)
    families: dict[str, list[DocResult]] = defaultdict(list)
    for doc in report.docs:
        families[Path(doc.name).stem.rsplit("-", 1)[0]].append(doc)
    lines = [f"{'family':18s} {'docs':>4s} {'soft F1':>8s} {'all right':>10s}"]
    total, right = Counts(), 0
    for family, docs in sorted(families.items()):
        counts = Counts()
        for doc in docs:
            for _, soft in doc.fields.values():
                counts.add(soft)
        total.add(counts)
        ok = sum(d.all_right for d in docs)
        right += ok
        lines.append(f"{family:18s} {len(docs):4d} {counts.f1:8.3f} {ok:6d}/{len(docs)}")
    n = len(report.docs)
    lines.append(f"{'ALL':18s} {n:4d} {total.f1:8.3f} {right:6d}/{n}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.gencorpus.family_scores")
    parser.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    sys.stdout.write(family_table(args.folder) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
