"""What the batch runner needs from whatever runs its documents: the local
:class:`~avis.batch.pool.WorkerPool` (the default) or a Dask cluster
(:class:`~avis.batch.dask_pool.DaskExecutor`, ``avis convert --executor dask``).

Both take one :class:`~avis.batch.worker.Task` at a time when they have room (:attr:`idle`)
and answer with the same events — ``Finished``, ``TimedOut``, ``Crashed`` — so the runner's
journal, report and resume do not depend on where a document was converted. Before a
document's outputs are written, both ask ``on_intent`` (the runner journals the paths and
hashes about to be written, or refuses).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from avis.batch.worker import Task, WorkerConfig
from avis.errors import UsageError

if TYPE_CHECKING:
    from avis.batch.pool import Event, OnIntent

EXECUTORS = ("local", "dask")


class Executor(Protocol):
    """One task per free slot; events come back from :meth:`poll`."""

    draining: bool
    """Set when no task is left to hand out (retired workers are not replaced)."""
    started_workers: int
    first_ready: float | None
    """``time.monotonic()`` when the first worker could take a document."""
    remaining: int | None
    """Set by the runner: documents it has still to hand out (an executor may size batches
    of documents by it)."""

    def start(self) -> None: ...

    @property
    def idle(self) -> int: ...

    @property
    def busy(self) -> int: ...

    def in_flight(self) -> list[Task]: ...

    def submit(self, task: Task) -> bool: ...

    def poll(self, max_wait: float) -> list[Event]: ...

    def close(self, *, kill: bool = False, grace: float = 5.0) -> None: ...


def check_executor(name: str, scheduler: str | None) -> None:
    """Fail before the run starts when the executor cannot be had (unknown, extra missing)."""
    if name not in EXECUTORS:
        raise UsageError(f"unknown executor {name!r} (choose one of: {', '.join(EXECUTORS)})")
    if scheduler is not None and name != "dask":
        raise UsageError("--scheduler is the address of a Dask scheduler: use --executor dask")
    if name == "dask":
        from avis.batch.dask_pool import require_dask

        require_dask()


def open_executor(
    name: str,
    scheduler: str | None,
    config: WorkerConfig,
    *,
    size: int,
    timeout: float,
    max_tasks: int,
    on_intent: OnIntent | None,
) -> Executor:
    """The executor called ``name`` (see :data:`EXECUTORS`), not started yet."""
    check_executor(name, scheduler)
    if name == "dask":
        from avis.batch.dask_pool import DaskExecutor

        return DaskExecutor(
            config,
            size=size,
            timeout=timeout,
            max_tasks=max_tasks,
            on_intent=on_intent,
            scheduler=scheduler,
        )
    from avis.batch.pool import WorkerPool

    return WorkerPool(config, size=size, timeout=timeout, max_tasks=max_tasks, on_intent=on_intent)
