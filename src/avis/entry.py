"""The ``avis`` command: starts the local workers' fork server before the command line loads.

``avis convert`` waits about half a second for its fork server (imports, warm-up) before the
first document, and the command line itself takes a tenth of that to load (click, every
command's options). Started here from the raw arguments, the fork server is already warming up
while they load. It is also the parent's main module, which every worker process imports as it
starts (multiprocessing's preparation of a child: the fork server's own preload of it never
happens, its ``main_path`` key is never filled), so it stays tiny: a worker does not load click
and every command (≈ 50 ms a worker when the entry point was :mod:`avis.cli`).
"""

from __future__ import annotations

import sys


def main() -> None:
    if starts_local_workers(sys.argv[1:]):
        from avis.batch.server import prestart

        prestart()
    from avis.cli import main as command_line

    command_line()


def starts_local_workers(args: list[str]) -> bool:
    """``avis convert …`` run by local worker processes: no Dask, and not only its help. A
    guess from the arguments, before they are parsed: a wrong guess only starts the fork
    server for nothing (or later, when the command asks for it)."""
    if not args or args[0] != "convert":
        return False
    asks_otherwise = ("--executor", "--scheduler", "-h", "--help")
    return not any(arg.startswith(asks_otherwise) for arg in args[1:])
