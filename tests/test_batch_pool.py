"""The worker pool: a hung, a crashed or a worn-out worker is replaced, the batch goes on."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from avis.batch.pool import Crashed, Event, Finished, TimedOut, WorkerPool
from avis.batch.worker import Task, WorkerConfig

NOTICE = Path(__file__).resolve().parent.parent / "corpus" / "real" / "opt-nc" / "26-0420.md"


def _next_events(pool: WorkerPool, limit: float = 60.0) -> list[Event]:
    end = time.monotonic() + limit
    while time.monotonic() < end:
        events = pool.poll(0.2)
        if events:
            return events
    raise AssertionError("no event from the pool")


def _submit(pool: WorkerPool, task: Task, limit: float = 60.0) -> None:
    end = time.monotonic() + limit
    while pool.idle == 0:
        assert time.monotonic() < end, "no worker became ready"
        pool.poll(0.2)
    assert pool.submit(task)


def test_pool_replaces_timed_out_crashed_and_worn_out_workers(tmp_path: Path) -> None:
    config = WorkerConfig(outdir=str(tmp_path), extensions={"json": ".json"}, notice_cache=False)
    with WorkerPool(config, size=1, timeout=30.0, max_tasks=2) as pool:
        # a normal document
        _submit(pool, Task(0, str(NOTICE), "a", True))
        (event,) = _next_events(pool)
        assert isinstance(event, Finished) and event.outcome["status"] in ("ok", "partial")
        # the worker dies mid-document (a native crash, the OOM killer)
        _submit(pool, Task(1, str(NOTICE), "b", True))
        pid = pool._slots[0].process.pid
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        (event,) = _next_events(pool)
        assert isinstance(event, Crashed) and event.task.index == 1
        # a document over the time limit: its worker is killed, a new one takes over
        pool.timeout = 0.001
        _submit(pool, Task(2, str(NOTICE), "c", True))
        (event,) = _next_events(pool)
        assert isinstance(event, TimedOut) and event.task.index == 2
        pool.timeout = 30.0
        # and the pool still works; after max_tasks documents a worker is replaced
        started = pool.started_workers
        for index in (3, 4):
            _submit(pool, Task(index, str(NOTICE), f"d{index}", True))
            (event,) = _next_events(pool)
            assert isinstance(event, Finished) and event.outcome["status"] in ("ok", "partial")
        assert pool.started_workers == started + 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "d3.json", "d4.json"]


_MASK_PROBE = """
import signal
from multiprocessing import forkserver
from avis.batch import server
def mask():
    return sorted(int(s) for s in signal.pthread_sigmask(signal.SIG_BLOCK, []))
with server.sigint_blocked():
    forkserver.ensure_running()  # starts the resource tracker too, both for the first time
    print(mask())
print(mask())
"""


def test_signals_stay_blocked_while_helper_processes_start() -> None:
    """A Ctrl-C at start-up must not reach a half-initialised interpreter (CI saw "Fatal Python
    error: init_sys_streams" from the fork server): the stdlib's resource tracker unblocks
    SIGINT/SIGTERM after it starts, so it must not start inside the blocked section."""
    if not hasattr(signal, "pthread_sigmask"):
        pytest.skip("no signal masks on this platform")
    out = subprocess.run(  # a fresh interpreter: nothing started yet
        [sys.executable, "-c", _MASK_PROBE], capture_output=True, text=True, timeout=120, check=True
    ).stdout.splitlines()
    inside = json.loads(out[0])
    assert {int(signal.SIGINT), int(signal.SIGTERM)} <= set(inside)
    assert json.loads(out[1]) == []  # the mask is given back after the section
