"""Where a Dask worker converts documents: ``python -m avis.batch.dask_sandbox FD``.

A Dask worker never parses a document in its own process. A native parser that hangs while
holding the GIL would freeze the worker's event loop (no heartbeat, no answer to the
scheduler, no way to cancel the task from Python), and one that crashes would take the worker
down with the tasks it holds; Dask would then retry the same document on other workers and
crash them too. So each worker thread owns one *sandbox* process (see
:class:`~avis.batch.dask_pool.AvisSandboxes`): the worker sends it a task on a socket and waits
with a time limit; a sandbox over the limit is killed (SIGKILL always works, whatever the
native code does) and a fresh one started, and the task returns ``timeout``; a sandbox that
dies returns ``crashed``. The Dask worker itself stays healthy either way.

Sandboxes are *forked* from a *zygote*: the one process per Dask worker that this module
starts, which imports avis, pdfium and the writers and warms them up (a second or so of CPU)
once. A fresh sandbox — at the start, after ``--max-tasks-per-worker`` documents, after a
timeout or a crash — is then a fork away (milliseconds), warm, instead of a new interpreter
paying the start-up again every few dozen documents. The zygote parses nothing itself and
runs no thread, so what it forks is clean; it reaps its children only when the worker asks
(``wait``), so a sandbox's pid cannot be reused while the worker may still signal it. Every
process here dies with the one that started it (the kernel's parent-death signal, and a
check of the parent's pid once a second).

A sandbox reads its input itself — a path on storage every machine shares, or a URL that
:mod:`fsspec` opens (``s3://``, ``gs://``…; see :mod:`avis.batch.urls`) — so only paths travel
to the workers, never the documents' bytes. It renders every output in memory and sends them
back; the batch process writes them (so the journal, the report and resuming are those of a
local run).
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
import time
from multiprocessing.connection import Connection
from multiprocessing.reduction import send_handle
from typing import Any

from avis.batch.warm import warm_up
from avis.batch.worker import Outcome, Task, WorkerConfig, _die_with_parent, _Engine

IDLE_LIMIT = 600.0
"""Seconds a sandbox waits for a document before it exits (cleanly, status 0)."""

_TICK = 1.0
"""How often a waiting process checks that its parent is still there."""


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


def _wait(conn: Connection, parent: int, limit: float) -> bool:
    """Wait up to ``limit`` s for a message; exit at once if the parent is gone."""
    end = time.monotonic() + limit
    while True:
        if conn.poll(min(_TICK, max(0.0, end - time.monotonic()))):
            return True
        if os.getppid() != parent:
            os._exit(0)
        if time.monotonic() >= end:
            return False


def serve(conn: Connection, engine: SandboxEngine, parent: int) -> None:
    """A sandbox: convert the tasks sent on ``conn`` until told to stop or left idle."""
    with contextlib.suppress(OSError):
        conn.send(("ready", os.getpid()))
    while True:
        try:
            if not _wait(conn, parent, IDLE_LIMIT):
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


def _fork(control: Connection, engine: SandboxEngine) -> None:
    """Fork a sandbox; send its pid, then its end of a fresh socket, to the worker."""
    ours, theirs = socket.socketpair()
    zygote = os.getpid()
    try:
        pid = os.fork()
    except OSError as exc:  # no more processes: the worker reports it, the zygote goes on
        ours.close()
        theirs.close()
        control.send(("failed", f"cannot start a sandbox: {exc.strerror or exc}"))
        return
    if pid == 0:  # the sandbox
        code = 0
        try:
            ours.close()
            control.close()
            _die_with_parent()
            serve(Connection(theirs.detach()), engine, zygote)
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    theirs.close()
    try:
        control.send(("forked", pid))
        send_handle(control, ours.fileno(), 0)
    finally:
        ours.close()


def _reap(pid: int, limit: float) -> int | None:
    """The exit code of a sandbox (as ``subprocess``: -N for signal N), None if it still runs
    after ``limit`` s."""
    end = time.monotonic() + limit
    while True:
        try:
            done, status = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            return 0
        if done:
            return os.waitstatus_to_exitcode(status)
        if time.monotonic() >= end:
            return None
        time.sleep(0.005)


def main(fd: int) -> None:
    """The zygote: warm up once, then fork sandboxes and reap them on the worker's request."""
    parent = os.getppid()
    _die_with_parent()
    control = Connection(fd)
    config: WorkerConfig = control.recv()
    engine = SandboxEngine(config)
    warm_up(config.extensions)
    control.send(("ready", os.getpid()))
    while True:
        try:
            _wait(control, parent, float("inf"))
            request: Any = control.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        try:
            if request[0] == "fork":
                _fork(control, engine)
            elif request[0] == "wait":
                control.send(("status", _reap(request[1], request[2])))
        except OSError:
            return


if __name__ == "__main__":
    main(int(sys.argv[1]))
