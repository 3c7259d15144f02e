"""Progress of a batch: a protocol the runner calls, and a rich progress bar.

The runner never prints; the command line decides whether to show a bar (stderr is a
terminal and not ``--quiet``) and hands :class:`RichProgress` a console on stderr.
"""

from __future__ import annotations

import time
from typing import Any, Protocol

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


class ProgressSink(Protocol):
    """What the runner reports to: the total once, then each finished input."""

    def start(self, total: int) -> None: ...

    def advance(self, status: str, *, cached: bool = False) -> None: ...

    def finish(self) -> None: ...


class NoProgress:
    """Shows nothing."""

    def start(self, total: int) -> None:
        return None

    def advance(self, status: str, *, cached: bool = False) -> None:
        return None

    def finish(self) -> None:
        return None


class RichProgress:
    """``converting ━━━━━━━━━━━ 120/2000  3 failed  14.2 files/s  0:00:08 • ETA 0:02:12``."""

    def __init__(self, console: Console) -> None:
        self._progress = Progress(
            TextColumn("[bold]converting"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[failed]}"),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("• ETA"),
            TimeRemainingColumn(),
            console=console,
            transient=False,
            refresh_per_second=4,
        )
        self._task: TaskID | None = None
        self._failed = 0
        self._done = 0
        self._started = 0.0

    def _fields(self) -> dict[str, Any]:
        elapsed = max(time.monotonic() - self._started, 1e-6)
        failed = f"[red]{self._failed} failed" if self._failed else "0 failed"
        return {"failed": failed, "rate": f"{self._done / elapsed:.1f} files/s"}

    def start(self, total: int) -> None:
        self._started = time.monotonic()
        self._progress.start()
        self._task = self._progress.add_task("convert", total=total, failed="", rate="")
        self._progress.update(self._task, **self._fields())

    def advance(self, status: str, *, cached: bool = False) -> None:
        if self._task is None:
            return
        self._done += 1
        if status == "failed":
            self._failed += 1
        self._progress.update(self._task, advance=1, **self._fields())

    def finish(self) -> None:
        if self._task is not None:
            self._progress.update(self._task, **self._fields())
        self._progress.stop()
