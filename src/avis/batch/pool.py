"""A small pool of worker processes that can kill and replace one worker.

``concurrent.futures.ProcessPoolExecutor`` cannot stop a single hung task, so this pool keeps
one pipe per worker and one task per worker at a time: a task over its time limit has its
worker killed (SIGKILL) and replaced, and the other workers carry on. A worker is also retired
after ``max_tasks`` documents (and a fresh one started), so memory a parser keeps does not
grow with the batch.

Workers are forked by a *fork server* (``forkserver`` start method, POSIX) that has imported
avis, its readers and writers once: a worker starts in milliseconds instead of re-importing
everything, so recycling costs little, and the workers share those pages. No state, threads
or open files of the batch process are inherited. Where there is no fork server (Windows),
``spawn`` is used. Either way a caller's main module is imported in the workers, so a script
calling :func:`avis.batch.run_batch` needs the usual ``if __name__ == "__main__":`` guard.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any

from avis.batch.server import context, sigint_blocked
from avis.batch.worker import Outcome, Task, WorkerConfig, worker_main
from avis.errors import AvisError

_START_FAILURES = 3
"""Consecutive workers dying before they are ready: the environment is broken, stop."""


@dataclass(slots=True)
class Finished:
    task: Task
    outcome: Outcome
    finish: Callable[[], Outcome] | None = None
    """Still to do before the outcome holds (an executor whose outputs this process writes):
    called by the runner with its journal and report line, so a signal never lands between
    a document's files and its record."""


@dataclass(slots=True)
class TimedOut:
    task: Task
    seconds: float


@dataclass(slots=True)
class Crashed:
    task: Task
    exitcode: int | None
    seconds: float


Event = Finished | TimedOut | Crashed


OnIntent = Callable[[Task, Mapping[str, str]], "tuple[str, str] | None"]
"""The parent's answer to a worker about to write: None (go on) or (code, message) refusing."""


class _Slot:
    def __init__(self, process: BaseProcess, conn: Connection) -> None:
        self.process = process
        self.conn = conn
        self.ready = False
        self.task: Task | None = None
        self.started = 0.0
        self.deadline = 0.0
        self.done = 0


class WorkerPool:
    """``size`` workers; :meth:`submit` one task to an idle one, :meth:`poll` for events."""

    def __init__(
        self,
        config: WorkerConfig,
        *,
        size: int,
        timeout: float,
        max_tasks: int,
        on_intent: OnIntent | None = None,
    ) -> None:
        self.config = config
        self.on_intent = on_intent
        self.size = max(1, size)
        self.timeout = timeout
        self.max_tasks = max(1, max_tasks)
        self._ctx = context()
        self._slots: list[_Slot] = []
        self._retiring: list[BaseProcess] = []
        self._start_failures = 0
        self.started_workers = 0
        self.first_ready: float | None = None
        """``time.monotonic()`` when the first worker was ready (start-up cost of the pool)."""
        self.draining = False
        """Set when no task is left to hand out: retired workers are then not replaced."""
        self.remaining: int | None = None
        """Documents still to hand out (one goes to each idle worker: unused here)."""

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> None:
        while len(self._slots) < self.size:
            self._slots.append(self._spawn())

    def _spawn(self) -> _Slot:
        parent_conn, child_conn = self._ctx.Pipe(duplex=True)
        process = self._ctx.Process(  # type: ignore[attr-defined]
            target=worker_main,
            args=(child_conn, self.config),
            name="avis-worker",
            daemon=True,
        )
        with sigint_blocked():
            process.start()
        child_conn.close()
        self.started_workers += 1
        return _Slot(process, parent_conn)

    def _stop(self, slot: _Slot, *, kill: bool) -> None:
        """Kill the worker, or ask it to finish (None on its pipe); it is reaped later."""
        with contextlib.suppress(OSError):
            if kill:
                slot.process.kill()
            else:
                slot.conn.send(None)
        with contextlib.suppress(OSError):
            slot.conn.close()
        self._retiring.append(slot.process)

    def _replace(self, slot: _Slot, *, kill: bool) -> None:
        self._stop(slot, kill=kill)
        if self.draining:
            self._slots.remove(slot)
        else:
            self._slots[self._slots.index(slot)] = self._spawn()

    def _reap(self) -> None:
        alive = []
        for process in self._retiring:
            if process.exitcode is None:
                alive.append(process)
            else:
                process.close()
        self._retiring = alive

    def close(self, *, kill: bool = False, grace: float = 5.0) -> None:
        """Stop every worker: ask politely (or kill) and wait for them."""
        for slot in self._slots:
            self._stop(slot, kill=kill or slot.task is not None)
        self._slots = []
        end = time.monotonic() + grace
        for process in self._retiring:
            process.join(max(0.0, end - time.monotonic()))
            if process.exitcode is None:
                process.kill()
                process.join(1.0)
        for process in self._retiring:
            with contextlib.suppress(ValueError):
                process.close()
        self._retiring = []

    def __enter__(self) -> WorkerPool:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(kill=exc[0] is not None)

    # -- work ------------------------------------------------------------------------------

    @property
    def idle(self) -> int:
        return sum(1 for s in self._slots if s.ready and s.task is None)

    @property
    def busy(self) -> int:
        return sum(1 for s in self._slots if s.task is not None)

    def in_flight(self) -> list[Task]:
        return [s.task for s in self._slots if s.task is not None]

    def submit(self, task: Task) -> bool:
        """Give ``task`` to an idle worker; False if that worker had just died (try again)."""
        slot = next(s for s in self._slots if s.ready and s.task is None)
        try:
            slot.conn.send(task)
        except OSError:
            self._replace(slot, kill=True)
            return False
        slot.task = task
        slot.started = time.monotonic()
        slot.deadline = slot.started + self.timeout
        return True

    def poll(self, max_wait: float) -> list[Event]:
        """Wait up to ``max_wait`` seconds (less if a deadline comes first) for events."""
        now = time.monotonic()
        wait_for = max_wait
        for slot in self._slots:
            if slot.task is not None:
                wait_for = min(wait_for, slot.deadline - now)
        waitables: list[Any] = []
        for slot in self._slots:
            waitables.append(slot.conn)
            waitables.append(slot.process.sentinel)
        ready = set(wait(waitables, timeout=max(0.0, wait_for)))
        events: list[Event] = []
        for slot in list(self._slots):
            if slot.conn in ready:
                self._receive(slot, events)
            elif slot.process.sentinel in ready:
                self._died(slot, events)
        now = time.monotonic()
        for slot in list(self._slots):
            if slot.task is not None and now >= slot.deadline:
                events.append(TimedOut(slot.task, round(now - slot.started, 4)))
                slot.task = None
                self._replace(slot, kill=True)
        self._reap()
        return events

    def _receive(self, slot: _Slot, events: list[Event]) -> None:
        try:
            message = slot.conn.recv()
        except (EOFError, OSError):
            self._died(slot, events)
            return
        if message[0] == "ready":
            slot.ready = True
            if self.first_ready is None:
                self.first_ready = time.monotonic()
            self._start_failures = 0
            return
        if message[0] == "intent" and slot.task is not None:
            reply = self.on_intent(slot.task, message[1]) if self.on_intent else None
            try:
                slot.conn.send(("go", reply))
            except OSError:
                self._died(slot, events)
            return
        if message[0] == "done" and slot.task is not None:
            events.append(Finished(slot.task, message[1]))
            slot.task = None
            slot.done += 1
            if slot.done >= self.max_tasks:
                self._replace(slot, kill=False)

    def _died(self, slot: _Slot, events: list[Event]) -> None:
        slot.process.join(1.0)
        if slot.task is not None:
            seconds = round(time.monotonic() - slot.started, 4)
            events.append(Crashed(slot.task, slot.process.exitcode, seconds))
            slot.task = None
        elif not slot.ready:
            self._start_failures += 1
            if self._start_failures >= _START_FAILURES:
                raise AvisError(
                    "avis worker processes exit as soon as they start "
                    f"(exit code {slot.process.exitcode}); run 'avis parse' on one file "
                    "to see the error"
                )
        self._replace(slot, kill=True)
