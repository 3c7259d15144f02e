"""``avis convert --executor dask``: the batch's documents converted on a Dask cluster.

:class:`DaskExecutor` is the runner's executor (see :mod:`avis.batch.executor`) on
``dask.distributed``: a cluster at ``--scheduler ADDRESS`` (``tcp://host:8786``), or without it
a :class:`~distributed.LocalCluster` of ``-j N`` worker processes with one thread each. Only
paths (or fsspec URLs) go to the workers; each worker reads its input from storage every
machine sees, converts it in a sandbox process (:mod:`avis.batch.dask_sandbox`: a hung or
crashing parser is killed there, never the Dask worker) and sends the rendered outputs back.
This process journals and writes them exactly as with the local pool, so OUTDIR, the report
and resuming do not depend on the executor.

Dask is an optional extra: ``pip install 'avis[dask]'``; without it
:class:`DaskUnavailableError` says so before the run starts.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import queue
import secrets
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from multiprocessing.connection import Connection
from multiprocessing.reduction import recv_handle
from typing import Any

from avis import __version__
from avis.batch.pool import Crashed, Event, Finished, OnIntent, TimedOut
from avis.batch.server import sigint_blocked
from avis.batch.worker import InternalError, Outcome, Task, WorkerConfig, blank_outcome
from avis.errors import AvisError, UsageError
from avis.files import umask

SANDBOX_START_LIMIT = 120.0
"""Seconds a sandbox may take to import avis and say it is ready (a slow shared disk)."""

_START_FAILURES = 3

NO_WORKER_LIMIT = 300.0
"""Seconds a shared cluster may have no worker at all (workers restarting) before the batch
stops with what it has done rather than wait forever."""

CHUNK = 32
"""Documents per Dask task at most. Each task costs the scheduler, the client and the Dask
worker CPU taken from the cores that convert: with the batch process writing the outputs, they
took 4.0 ms a document at 8 documents a task and 3.0 at 32 (benchmarks/bench_dask.py, steady,
-j 1). Fewer near the end of the batch, so that no worker is left with a queue while another
is idle."""

PREFETCH = 2 * CHUNK
"""Documents in flight per worker thread (two tasks of CHUNK): the next documents wait on the
worker, not on a round trip to this process (cheap: a task is a few paths; the time limit
runs in the sandbox)."""


class DaskUnavailableError(UsageError):
    """``--executor dask`` without the ``dask`` extra installed."""


class ClusterError(AvisError):
    """The Dask cluster cannot run avis (unreachable, no workers, another avis on them)."""

    code = "cluster_error"


def require_dask() -> None:
    """Raise :class:`DaskUnavailableError` unless dask.distributed and fsspec import."""
    missing = []
    for module in ("distributed", "fsspec"):
        try:
            __import__(module)
        except ImportError:
            missing.append(module)
    if missing:
        raise DaskUnavailableError(
            f"--executor dask needs {' and '.join(missing)}, which is not installed: "
            "pip install 'avis[dask]' (on this machine and on every Dask worker)"
        )


# -- on a Dask worker -----------------------------------------------------------------------


class _Zygote:
    """The process that forks a worker's sandboxes (see :mod:`avis.batch.dask_sandbox`): it
    imports and warms avis up once, so a fresh sandbox costs a fork, not a start-up."""

    def __init__(self, config: WorkerConfig) -> None:
        ours, theirs = socket.socketpair()
        fd = theirs.fileno()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "avis.batch.dask_sandbox", str(fd)],
            pass_fds=(fd,),
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # Ctrl-C in a terminal is the batch's to handle
        )
        theirs.close()
        self.conn = Connection(ours.detach())
        self.conn.send(config)
        self.ready = False
        self._lock = threading.Lock()
        """One request and its answer at a time (a worker's threads share the zygote)."""

    def wait_ready(self) -> None:
        with self._lock:
            if self.ready:
                return
            if not self.conn.poll(SANDBOX_START_LIMIT):
                self.close()
                raise ClusterError(f"an avis sandbox took over {SANDBOX_START_LIMIT:g} s to start")
            try:
                self.conn.recv()
            except (EOFError, OSError) as exc:
                code = self.close()
                raise ClusterError(
                    f"the avis sandbox process exits as soon as it starts (exit code {code}); "
                    "is the same avis installed on every worker?"
                ) from exc
            self.ready = True

    def alive(self) -> bool:
        return self.process.poll() is None

    def _ask(self, request: tuple[Any, ...]) -> tuple[Any, ...]:
        """Send a request, return the answer (ClusterError if the zygote is gone)."""
        try:
            self.conn.send(request)
            if not self.conn.poll(SANDBOX_START_LIMIT):
                raise ClusterError("the avis sandbox zygote does not answer")
            answer: tuple[Any, ...] = self.conn.recv()
        except (EOFError, OSError) as exc:
            raise ClusterError(
                f"the avis sandbox zygote has stopped (exit code {self.process.poll()})"
            ) from exc
        return answer

    def fork(self) -> tuple[int, Connection]:
        """A new sandbox: its pid and the connection to it."""
        self.wait_ready()
        with self._lock:
            answer = self._ask(("fork",))
            if answer[0] != "forked":
                raise ClusterError(str(answer[1]))
            try:
                fd = recv_handle(self.conn)
            except (EOFError, OSError) as exc:
                raise ClusterError("the avis sandbox zygote has stopped") from exc
        return answer[1], Connection(fd)

    def wait(self, pid: int, limit: float) -> int | None:
        """Reap a sandbox: its exit code, or None if it still runs after ``limit`` s."""
        with self._lock:
            try:
                return self._ask(("wait", pid, limit))[1]  # type: ignore[no-any-return]
            except ClusterError:  # the zygote is gone: so are its sandboxes (parent death)
                return None

    def close(self) -> int | None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        try:
            return self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                return self.process.wait(10)
            return None  # pragma: no cover - a process SIGKILL cannot end
        finally:
            with contextlib.suppress(OSError):
                self.conn.close()


class _Forked:
    """A sandbox process as ``subprocess.Popen`` shows one (pid, poll, kill, wait), reaped
    through the zygote that forked it."""

    def __init__(self, pid: int, zygote: _Zygote) -> None:
        self.pid = pid
        self.zygote = zygote
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            self.returncode = self.zygote.wait(self.pid, 0.0)
        return self.returncode

    def wait(self, timeout: float) -> int | None:
        if self.returncode is None:
            self.returncode = self.zygote.wait(self.pid, timeout)
        return self.returncode

    def kill(self) -> None:
        if self.returncode is None:
            with contextlib.suppress(ProcessLookupError):  # a zombie until reaped: never reused
                os.kill(self.pid, signal.SIGKILL)


class _Sandbox:
    """One sandbox process and the socket to it (see :mod:`avis.batch.dask_sandbox`), forked
    by ``zygote`` (a private one, closed with the sandbox, when none is given)."""

    def __init__(self, config: WorkerConfig, zygote: _Zygote | None = None) -> None:
        self.own_zygote = zygote is None
        self.zygote = zygote if zygote is not None else _Zygote(config)
        try:
            pid, self.conn = self.zygote.fork()
        except ClusterError:
            if self.own_zygote:
                self.zygote.close()
            raise
        self.process = _Forked(pid, self.zygote)
        self.ready = False
        self.done = 0

    def wait_ready(self) -> None:
        if self.ready:
            return
        if not self.conn.poll(SANDBOX_START_LIMIT):
            self.kill()
            raise ClusterError(f"an avis sandbox took over {SANDBOX_START_LIMIT:g} s to start")
        try:
            self.conn.recv()
        except (EOFError, OSError) as exc:
            code = self.kill()
            raise ClusterError(
                f"the avis sandbox process exits as soon as it starts (exit code {code}); "
                "is the same avis installed on every worker?"
            ) from exc
        self.ready = True

    def gone(self) -> bool:
        """An idle sandbox with something to read has exited (end of file)."""
        try:
            return self.ready and self.conn.poll()
        except OSError:
            return True

    def kill(self) -> int | None:
        self.process.kill()
        with contextlib.suppress(OSError):
            self.conn.close()
        code = self.process.wait(10)
        if self.own_zygote:
            self.zygote.close()
        return code

    def retire(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        if self.process.wait(5) is None:
            self.kill()
        with contextlib.suppress(OSError):
            self.conn.close()
        if self.own_zygote:
            self.zygote.close()

    def run(self, task: Task, timeout: float) -> tuple[Any, ...]:
        """("done", outcome, files), ("timeout", seconds) or ("crashed", exit code, seconds)."""
        started = time.monotonic()
        try:
            self.conn.send(task)
        except OSError:
            code = self.kill()
            return ("crashed", code, round(time.monotonic() - started, 4))
        return self.receive(timeout, started)

    def receive(self, timeout: float, started: float) -> tuple[Any, ...]:
        """The answer for the document the sandbox works on, which it started at ``started``
        (killed when it takes over ``timeout`` s)."""
        try:
            message = _recv_within(self.conn, started + timeout)
        except TimeoutError:
            self.kill()
            return ("timeout", round(time.monotonic() - started, 4))
        except (EOFError, OSError, pickle.UnpicklingError):
            code = self.kill()
            return ("crashed", code, round(time.monotonic() - started, 4))
        self.done += 1
        return message  # type: ignore[no-any-return]


def _recv_within(conn: Connection, deadline: float) -> Any:
    """One message from a sandbox, whole, by ``deadline`` (TimeoutError after it).

    ``Connection.recv`` waits for the rest of a message once its first bytes are in: a sandbox
    stopped or hung in the middle of sending its outputs would hold the worker's thread
    forever, past any time limit. The framing is ``Connection.send_bytes``'s (a 4-byte
    big-endian length; -1 and an 8-byte one for a message over 2 GiB)."""
    fd = conn.fileno()

    def read(n: int) -> bytes:
        buf = bytearray()
        while len(buf) < n:
            left = deadline - time.monotonic()
            if left <= 0 or not conn.poll(left):  # readable: some bytes, not a whole message
                raise TimeoutError
            chunk = os.read(fd, min(n - len(buf), 1 << 20))
            if not chunk:
                raise EOFError
            buf += chunk
        return bytes(buf)

    (size,) = struct.unpack("!i", read(4))
    if size == -1:
        (size,) = struct.unpack("!Q", read(8))
    return pickle.loads(read(size))  # our own sandbox's answer


try:
    from distributed.diagnostics.plugin import WorkerPlugin as _PluginBase
except ImportError:  # the extra is missing: require_dask() says so before any use
    _PluginBase = object  # type: ignore[assignment,misc]


class AvisSandboxes(_PluginBase):  # type: ignore[misc,valid-type]
    """A Dask worker plugin: the worker's sandbox processes, one per task running at once.

    Sandboxes are started when the plugin is set up (in the worker's main thread, warm before
    the first document), replaced after ``max_tasks`` documents or when killed, and stopped
    when the plugin is removed or the worker closes.
    """

    def __init__(self, name: str, config: WorkerConfig, timeout: float, max_tasks: int) -> None:
        self.name = name
        self.config = config
        self.timeout = timeout
        self.max_tasks = max(1, max_tasks)
        self._free: list[_Sandbox] = []
        self._all: list[_Sandbox] = []
        self._lock = threading.Lock()
        self._zygote: _Zygote | None = None
        self.started = 0

    def __getstate__(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("name", "config", "timeout", "max_tasks")}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(**state)  # type: ignore[misc]

    def setup(self, worker: Any) -> None:
        """Start the zygote and fork the sandboxes: the first documents then cost what the
        others do (a sandbox that fails to start is retried by run())."""
        fresh = []
        for _ in range(max(1, int(getattr(worker, "state", worker).nthreads))):
            with contextlib.suppress(ClusterError):
                fresh.append(self._spawn())
        for sandbox in fresh:
            with contextlib.suppress(ClusterError):
                sandbox.wait_ready()
        self._free.extend(s for s in fresh if s.ready)

    def teardown(self, worker: Any) -> None:
        with self._lock:
            sandboxes, self._all, self._free = self._all, [], []
            zygote, self._zygote = self._zygote, None
        for sandbox in sandboxes:
            sandbox.kill()
        if zygote is not None:
            zygote.close()

    def _spawn(self) -> _Sandbox:
        with self._lock:
            zygote = self._zygote
            if zygote is None or not zygote.alive():
                if zygote is not None:
                    zygote.close()
                zygote = self._zygote = _Zygote(self.config)
        sandbox = _Sandbox(self.config, zygote)
        with self._lock:
            self._all.append(sandbox)
            self.started += 1
        return sandbox

    def _drop(self, sandbox: _Sandbox) -> None:
        with self._lock, contextlib.suppress(ValueError):
            self._all.remove(sandbox)

    def _acquire(self) -> tuple[_Sandbox, int]:
        """A ready sandbox (a free one, else a fresh one), and how many were started for it."""
        spawned = 0
        with self._lock:
            sandbox = self._free.pop() if self._free else None
        failures = 0
        while True:
            if sandbox is None or sandbox.gone():
                if sandbox is not None:
                    sandbox.kill()
                    self._drop(sandbox)
                sandbox = self._spawn()
                spawned += 1
            try:
                sandbox.wait_ready()
                return sandbox, spawned
            except ClusterError:
                self._drop(sandbox)
                sandbox = None
                failures += 1
                if failures >= _START_FAILURES:
                    raise

    def _release(self, sandbox: _Sandbox) -> None:
        if sandbox.done >= self.max_tasks:
            sandbox.retire()
            self._drop(sandbox)
        else:
            with self._lock:
                self._free.append(sandbox)

    def run_many(self, tasks: list[Task]) -> list[tuple[Any, ...]]:
        """The documents of one Dask task, sent to one sandbox together: it converts them back
        to back instead of waiting, between two documents, for this worker's thread to send
        the next (on a busy machine that thread often waited for a core, and the sandbox with
        it). Each document keeps its own time limit, counted from the end of the one before;
        after a timeout or a crash, the documents left go one at a time to a fresh sandbox."""
        if len(tasks) <= 1:
            return [self.run(task) for task in tasks]
        sandbox, spawned = self._acquire()
        started = time.monotonic()
        try:
            for task in tasks:
                sandbox.conn.send(task)
        except OSError:
            sandbox.kill()
            self._drop(sandbox)
            return self._one_by_one(tasks, spawned)
        results: list[tuple[Any, ...]] = []
        for k in range(len(tasks)):
            result = sandbox.receive(self.timeout, started)
            started = time.monotonic()
            if result[0] != "done":
                self._drop(sandbox)
                if result[0] == "crashed" and result[1] == 0 and k == 0:
                    # it had just left, idle: not a crash; all of them go to a fresh one
                    return self._one_by_one(tasks, spawned)
                results.append((*result, spawned))
                return results + self._one_by_one(tasks[k + 1 :], 0)
            results.append((*result, spawned))
            spawned = 0
        self._release(sandbox)
        return results

    def _one_by_one(self, tasks: list[Task], spawned: int) -> list[tuple[Any, ...]]:
        """``tasks`` each run alone; ``spawned`` sandboxes already started count with the first."""
        results = [self.run(task) for task in tasks]
        if results:
            results[0] = (*results[0][:-1], results[0][-1] + spawned)
        return results

    def run(self, task: Task) -> tuple[Any, ...]:
        """Convert ``task`` in a sandbox; the result ends with how many sandboxes started."""
        sandbox, spawned = self._acquire()
        result = sandbox.run(task, self.timeout)
        if result[0] == "crashed" and result[1] == 0:  # it had just left, idle: not a crash
            self._drop(sandbox)
            sandbox = self._spawn()
            spawned += 1
            sandbox.wait_ready()
            result = sandbox.run(task, self.timeout)
        if result[0] != "done":
            self._drop(sandbox)  # killed or dead: a new one is started for the next task
        else:
            self._release(sandbox)
        return (*result, spawned)


def convert_on_worker(tasks: list[Task], plugin: str) -> list[tuple[Any, ...]]:
    """The Dask task: a few documents, each in turn in a sandbox of the worker running it
    (each under its own time limit: one that hangs or crashes costs only itself)."""
    from distributed import get_worker

    sandboxes: AvisSandboxes | None = get_worker().plugins.get(plugin)  # type: ignore[assignment]
    if sandboxes is None:  # the batch has stopped and removed its plugin: nobody waits for this
        return [("cancelled", 0) for _ in tasks]
    return sandboxes.run_many(tasks)


def worker_identity() -> tuple[str, str, str]:
    """(avis version, code digest, Python version) of a worker: all must match the batch's."""
    from avis.batch.state import code_digest

    return __version__, code_digest(), sys.version.split()[0]


# -- in the batch process -------------------------------------------------------------------


class DaskExecutor:
    """The runner's executor on a Dask cluster (see the module doc)."""

    def __init__(
        self,
        config: WorkerConfig,
        *,
        size: int,
        timeout: float,
        max_tasks: int,
        on_intent: OnIntent | None,
        scheduler: str | None,
    ) -> None:
        require_dask()
        self.config = config
        self.size = max(1, size)
        self.timeout = timeout
        self.max_tasks = max_tasks
        self.on_intent = on_intent
        self.scheduler = scheduler
        self.draining = False
        self.started_workers = 0
        self.first_ready: float | None = None
        self.plugin = f"avis-{secrets.token_hex(6)}"
        self._client: Any = None
        self._cluster: Any = None
        self._futures: dict[str, list[Task]] = {}
        """Tasks in flight by key. The futures themselves are in ``_live`` and let go of in
        the client's callback thread: a future freed in this thread could take a Ctrl-C in
        its ``__del__``, where it would be printed as an ignored exception."""
        self._live: dict[str, Any] = {}
        self._live_lock = threading.Lock()
        self._submitted: dict[str, float] = {}
        self._pending: list[Task] = []
        """Tasks waiting to go as one Dask task (sent when CHUNK are there, or on poll)."""
        self._in_flight = 0
        self.remaining: int | None = None
        """How many documents the runner has still to hand out (sizes the chunks)."""
        self._capacity = self.size
        self._capacity_at = 0.0
        self._no_workers_since: float | None = None
        self._done: queue.SimpleQueue[tuple[str, tuple[str, Any]]] = queue.SimpleQueue()
        self._mode = 0o666 & ~umask()

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> None:
        from distributed import Client

        try:
            if self.scheduler is None:
                with _sigint_ignored():
                    self._cluster = _local_cluster(self.size)
                self._client = Client(self._cluster, set_as_default=False)
            else:
                self._client = Client(self.scheduler, timeout=30, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            self.close()
            where = self.scheduler or "a local cluster"
            message = f"cannot start or reach the Dask scheduler ({where}): {exc}"
            raise ClusterError(message) from exc
        try:
            self._check_workers()
            self._client.register_plugin(
                AvisSandboxes(self.plugin, self.config, self.timeout, self.max_tasks),
                name=self.plugin,
            )
        except BaseException:
            self.close()
            raise
        self.first_ready = time.monotonic()
        self._refresh_capacity(force=True)
        self.started_workers = self._capacity

    def _check_workers(self) -> None:
        """Every worker must run this avis (same code digest: same outputs, same journal)."""
        client = self._client
        if self.scheduler is not None:
            try:
                client.wait_for_workers(1, timeout=60)
            except TimeoutError as exc:
                raise ClusterError(
                    f"the Dask scheduler at {self.scheduler} has no worker (start some with "
                    f"'dask worker {self.scheduler}')"
                ) from exc
        ours = worker_identity()
        for address, theirs in client.run(worker_identity).items():
            if tuple(theirs) != ours:
                raise ClusterError(
                    f"the Dask worker {address} runs avis {theirs[0]} on Python {theirs[2]} "
                    f"(code {theirs[1][:12]}), this machine avis {ours[0]} on Python {ours[2]} "
                    f"(code {ours[1][:12]}): install the same avis on every worker"
                )

    def close(self, *, kill: bool = False, grace: float = 5.0) -> None:
        client, cluster = self._client, self._cluster
        self._client = self._cluster = None
        with self._live_lock:
            futures = list(self._live.values())
        self._futures.clear()
        self._submitted.clear()
        self._pending.clear()
        self._in_flight = 0
        if client is not None:
            with contextlib.suppress(Exception):
                if futures:
                    client.cancel(futures, force=True)
            if cluster is None:  # a shared cluster: stop our sandboxes, leave the workers
                with contextlib.suppress(Exception):
                    client.unregister_worker_plugin(self.plugin)
            with contextlib.suppress(Exception):
                client.close(timeout=grace)
        if cluster is not None:
            with contextlib.suppress(Exception), _sigint_ignored():
                cluster.close(timeout=grace)

    def __enter__(self) -> DaskExecutor:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(kill=exc[0] is not None)

    # -- work ------------------------------------------------------------------------------

    def _refresh_capacity(self, *, force: bool = False) -> None:
        """Threads on the cluster (workers may join or leave a shared cluster)."""
        now = time.monotonic()
        if not force and now - self._capacity_at < 5.0:
            return
        self._capacity_at = now
        try:
            threads = sum(self._client.nthreads().values())
        except Exception:  # the scheduler is busy or reconnecting: ask again later
            return
        self._capacity = max(1, threads)
        if threads:
            self._no_workers_since = None
        elif self._no_workers_since is None:
            self._no_workers_since = now
        elif now - self._no_workers_since > NO_WORKER_LIMIT:
            raise ClusterError(
                f"the Dask cluster has had no worker for {NO_WORKER_LIMIT:g} s; start workers "
                "and run again (what is done is kept)"
            )

    @property
    def idle(self) -> int:
        return max(0, PREFETCH * self._capacity - self._in_flight - len(self._pending))

    @property
    def busy(self) -> int:
        return self._in_flight + len(self._pending)

    def in_flight(self) -> list[Task]:
        return [t for tasks in self._futures.values() for t in tasks] + self._pending

    def _chunk(self) -> int:
        """Documents per Dask task: CHUNK, fewer when few are left (even out the end)."""
        left = self.remaining if self.remaining is not None else CHUNK * 2 * self._capacity
        return max(1, min(CHUNK, (left + len(self._pending)) // (2 * self._capacity)))

    def submit(self, task: Task) -> bool:
        self._pending.append(task)
        if len(self._pending) >= self._chunk():
            self._flush()
        return True

    def _flush(self) -> None:
        if not self._pending:
            return
        tasks, self._pending = self._pending, []
        future = self._client.submit(
            convert_on_worker,
            tasks,
            self.plugin,
            key=f"avis-convert-{tasks[0].index}-{secrets.token_hex(4)}",
            pure=False,
            retries=0,
        )
        with self._live_lock:
            self._live[future.key] = future
        self._futures[future.key] = tasks
        self._in_flight += len(tasks)
        self._submitted[future.key] = time.monotonic()
        future.add_done_callback(self._collect)

    def poll(self, max_wait: float) -> list[Event]:
        with sigint_blocked():  # as in submit: never a signal inside the client's submit
            self._flush()
        self._refresh_capacity()
        done: list[tuple[str, tuple[str, Any]]] = []
        with contextlib.suppress(queue.Empty):
            done.append(self._done.get(timeout=max(0.0, max_wait)))
            while True:
                done.append(self._done.get_nowait())
        events: list[Event] = []
        for key, result in done:
            tasks = self._futures.pop(key, None)
            submitted = self._submitted.pop(key, 0.0)
            if tasks is None:  # (one cancelled by close())
                continue
            self._in_flight -= len(tasks)
            kind, value = result
            for k, task in enumerate(tasks):
                one = (kind, value[k]) if kind == "ok" else result
                events.append(self._event(task, one, submitted))
        return events

    def _collect(self, future: Any) -> None:
        """Called in the client's callback thread when a task ends: fetch its result there,
        so the batch's loop never waits on a round trip to a worker."""
        try:
            result: tuple[str, Any] = ("ok", future.result())
        except BaseException as exc:
            result = ("error", exc)
        with self._live_lock:
            self._live.pop(future.key, None)
        self._done.put((future.key, result))

    def _event(self, task: Task, ended: tuple[str, Any], submitted: float) -> Event:
        kind, result = ended
        if kind == "error":
            seconds = round(time.monotonic() - submitted, 4)
            if type(result).__name__ in ("KilledWorker", "CancelledError", "FutureCancelledError"):
                return Crashed(task, None, seconds)
            code = getattr(result, "code", None) or InternalError.code
            message = f"on the Dask worker: {result}"
            return Finished(task, _failed(task, code, message))
        self.started_workers += result[-1]
        if result[0] == "timeout":
            return TimedOut(task, result[1])
        if result[0] == "crashed":
            return Crashed(task, result[1], result[2])
        if result[0] == "cancelled":  # the worker had no sandboxes for this run
            return Crashed(task, None, round(time.monotonic() - submitted, 4))
        outcome, files = result[1], result[2]
        return Finished(task, outcome, lambda: self._write(task, outcome, files))

    def _write(self, task: Task, outcome: Outcome, files: Mapping[str, bytes]) -> Outcome:
        """Write a converted document's outputs here, as a local worker would: journal the
        intent first, then each file atomically; a failure fails the document."""
        from avis.batch.outdir import OutDir

        if not files:
            return outcome
        hashes = {rel: hashlib.sha256(data).hexdigest() for rel, data in files.items()}
        written: dict[str, tuple[int, str]] = {}
        outcome["files"] = written
        try:
            if self.on_intent is not None:
                refused = self.on_intent(task, hashes)
                if refused is not None:
                    error = AvisError(refused[1])
                    error.code = refused[0]
                    raise error
            out = OutDir(self.config.outdir)
            for rel, data in files.items():
                out.write(rel, data, mode=self._mode)
                written[rel] = (len(data), hashes[rel])
        except AvisError as exc:
            outcome["status"], outcome["code"], outcome["message"] = "failed", exc.code, exc.message
            outcome["outputs"], outcome["notice_json"] = [], None
        return outcome


def _failed(task: Task, code: str, message: str) -> Outcome:
    return blank_outcome(task.index, code, message)


def _local_cluster(size: int) -> Any:
    """``size`` worker processes of one thread each, on this machine, no dashboard, and no
    statistical profiler (it samples every worker thread every 10 ms, for a dashboard nobody
    looks at here)."""
    import dask
    from distributed import LocalCluster

    with dask.config.set({"distributed.worker.profile.enabled": False}):
        return LocalCluster(
            n_workers=size,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )


@contextlib.contextmanager
def _sigint_ignored() -> Any:
    """Ignore Ctrl-C while the local cluster starts or closes. Processes started meanwhile
    inherit SIGINT ignored (it survives exec) and leave Ctrl-C to the batch, which stops them
    cleanly, instead of each printing a traceback; and a closing cluster is not left half
    closed by a second Ctrl-C. (A Ctrl-C in those few seconds is lost: press it again.)"""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, old)


__all__ = [
    "AvisSandboxes",
    "ClusterError",
    "DaskExecutor",
    "DaskUnavailableError",
    "require_dask",
]
