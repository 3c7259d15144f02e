"""CPU seconds of a command's process tree, by role, sampled from /proc (Linux).

Wall time on a shared machine says how busy the machine was as much as how fast avis is; CPU
seconds do not. :class:`ProcessTree` follows a running command and its descendants and keeps,
for each process, the last CPU time (user + system) seen, so a short-lived worker still counts
up to its last sample (error: at most one sampling interval per process). Roles:

* ``batch`` — the ``avis convert`` process itself (for ``--executor dask`` with a local
  cluster it also runs the scheduler and the client, in threads);
* ``forkserver`` — the local pool's fork server (imports and warm-up, once);
* ``workers`` — local pool workers (forked from the fork server);
* ``dask_workers`` — Dask nanny and worker processes (the task machinery);
* ``sandboxes`` — the Dask workers' zygotes and sandboxes (where documents are converted);
* ``other`` — anything else (multiprocessing's resource tracker…).
"""

from __future__ import annotations

import os
from pathlib import Path

_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _stat(pid: int) -> tuple[int, float] | None:
    """(parent pid, CPU seconds) of a process, None if it is gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw.rsplit(")", 1)[1].split()
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / _TICK


def _cmdline(pid: int) -> str:
    try:
        return (
            Path(f"/proc/{pid}/cmdline")
            .read_bytes()
            .replace(b"\0", b" ")
            .decode("utf-8", "replace")
        )
    except OSError:
        return ""


def parents() -> dict[int, int]:
    """Every process's parent pid (a walk over /proc)."""
    found: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            got = _stat(int(entry.name))
            if got is not None:
                found[int(entry.name)] = got[0]
    return found


def descendants(root: int, parent_of: dict[int, int], known: set[int] | None = None) -> set[int]:
    """``root``, the processes in ``known`` and every descendant of them."""
    tree = {root} | (known or set())
    grew = True
    while grew:
        grew = False
        for pid, ppid in parent_of.items():
            if ppid in tree and pid not in tree:
                tree.add(pid)
                grew = True
    return tree


class ProcessTree:
    """Sample the CPU time of ``root`` and every descendant (call :meth:`sample` often)."""

    def __init__(self, root: int, rescan_every: int = 5) -> None:
        self.root = root
        self.rescan_every = rescan_every
        self.cpu: dict[int, float] = {}
        self.roles: dict[int, str] = {}
        self._parent: dict[int, int] = {}
        self._calls = 0

    def _scan(self) -> None:
        """Find new descendants (a walk over /proc: done every few samples only)."""
        parent_of = parents()
        for pid in descendants(self.root, parent_of, set(self.roles)):
            if pid not in self.roles:
                self._parent[pid] = parent_of.get(pid, 0)
                self.roles[pid] = self._role(pid)

    def _role(self, pid: int) -> str:
        if pid == self.root:
            return "batch"
        cmd = _cmdline(pid)
        if "dask_sandbox" in cmd:
            return "sandboxes"
        if "forkserver" in cmd:
            return "forkserver" if self._parent.get(pid) == self.root else "workers"
        if "spawn_main" in cmd or "distributed" in cmd:
            return "dask_workers"
        return "other"

    def sample(self) -> None:
        if self._calls % self.rescan_every == 0:
            self._scan()
        self._calls += 1
        for pid in self.roles:
            got = _stat(pid)
            if got is not None:
                self.cpu[pid] = max(self.cpu.get(pid, 0.0), got[1])

    def by_role(self) -> dict[str, float]:
        """CPU seconds per role, summed over its processes."""
        out: dict[str, float] = {}
        for pid, seconds in self.cpu.items():
            role = self.roles.get(pid, "other")
            out[role] = round(out.get(role, 0.0) + seconds, 3)
        return out
