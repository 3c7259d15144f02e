"""The process in which a Dask worker converts documents: ``python -m avis.batch.dask_sandbox FD``.

A Dask worker never parses a document in its own process. A native parser that hangs while
holding the GIL would freeze the worker's event loop (no heartbeat, no answer to the
scheduler, no way to cancel the task from Python), and one that crashes would take the worker
down with the tasks it holds; Dask would then retry the same document on other workers and
crash them too. So each worker thread owns one *sandbox* process (started by
:class:`~avis.batch.dask_pool.AvisSandboxes`): the worker sends it a task on a socket and waits
with a time limit; a sandbox over the limit is killed (SIGKILL always works, whatever the
native code does) and a fresh one started, and the task returns ``timeout``; a sandbox that
dies returns ``crashed``. The Dask worker itself stays healthy either way.

A sandbox reads its input itself — a path on storage every machine shares, or a URL that
:mod:`fsspec` opens (``s3://``, ``gs://``…; see :mod:`avis.batch.urls`) — so only paths travel
to the workers, never the documents' bytes. It renders every output in memory and sends them
back; the batch process writes them (so the journal, the report and resuming are those of a
local run).
"""

from __future__ import annotations

import os
import sys
import threading
import time
from multiprocessing.connection import Connection
from typing import Any

from avis.batch.worker import Outcome, Task, WorkerConfig, _die_with_parent, _Engine, warm_up

IDLE_LIMIT = 600.0
"""Seconds a sandbox waits for a document before it exits (cleanly, status 0)."""


class _Collect:
    """Stands in for OUTDIR: keeps what the engine writes, for the batch process to write."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    def write(self, rel: str, data: bytes, *, mode: int | None = None) -> None:
        self.files[rel] = data


class SandboxEngine(_Engine):
    """The worker's engine, keeping its outputs in memory (the batch process writes them)."""

    def __init__(self, config: WorkerConfig) -> None:
        super().__init__(config, intent=None)
        self.collected = _Collect()
        self.out = self.collected  # type: ignore[assignment]

    def convert(self, task: Task) -> tuple[Outcome, dict[str, bytes]]:
        self.collected.files = {}
        outcome = self.run(task)
        return outcome, self.collected.files if outcome["status"] in ("ok", "partial") else {}


def _watch_parent(parent: int) -> None:
    """Exit when the Dask worker that started this sandbox is gone (belt and braces with
    the kernel's parent-death signal, which follows the starting thread)."""
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(0)


def main(fd: int) -> None:
    parent = os.getppid()
    _die_with_parent()
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    conn = Connection(fd)
    config: WorkerConfig = conn.recv()
    engine = SandboxEngine(config)
    warm_up()
    conn.send(("ready", os.getpid()))
    while True:
        try:
            if not conn.poll(IDLE_LIMIT):
                return  # its batch was killed without stopping it: do not linger on the worker
            task: Any = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        outcome, files = engine.convert(task)
        try:
            conn.send(("done", outcome, files))
        except OSError:
            return


if __name__ == "__main__":
    main(int(sys.argv[1]))
