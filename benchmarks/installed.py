"""Benchmarks time avis as it runs once installed: its modules compiled to bytecode.

A wheel install leaves bytecode beside every module; an editable checkout run with
PYTHONDONTWRITEBYTECODE (CI images set it) has none, and each avis process (the command, its
fork server, each Dask sandbox zygote) would compile avis's modules again as it starts, ≈ 0.1 s
of CPU that no installed avis pays. The benchmarks compile them first.
"""

from __future__ import annotations

import compileall
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def compile_avis() -> None:
    """Write bytecode for the checkout's ``src`` (a no-op for an installed avis)."""
    src = ROOT / "src"
    if src.is_dir():
        compileall.compile_dir(src, quiet=1)
