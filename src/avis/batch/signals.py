"""SIGINT and SIGTERM in a batch: stop at a safe point, never inside a document's
bookkeeping, and say which signal ended the run."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType
from typing import Any


class Interrupted(KeyboardInterrupt):
    """Ctrl-C (SIGINT) or SIGTERM reached the batch: stop, clean up, report."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class Signals:
    """SIGINT and SIGTERM raise :class:`Interrupted` — except inside :meth:`deferred`, where
    they are only noted (setting up OUTDIR, writing the report and summary must not be cut
    short), and raised when the section ends if ``deliver``."""

    def __init__(self) -> None:
        self.received: int | None = None
        self._defer = 0
        self._old: dict[int, Any] = {}

    def _handler(self, signum: int, _frame: FrameType | None) -> None:
        if self.received is None:
            self.received = signum
        if not self._defer:
            raise Interrupted(signum)

    def __enter__(self) -> Signals:
        if threading.current_thread() is threading.main_thread():
            for signum in (signal.SIGINT, signal.SIGTERM):
                self._old[signum] = signal.signal(signum, self._handler)
        return self

    def __exit__(self, *exc: object) -> None:
        for signum, old in self._old.items():
            signal.signal(signum, old)

    @contextlib.contextmanager
    def deferred(self, *, deliver: bool = True) -> Iterator[None]:
        self._defer += 1
        try:
            yield
        finally:
            self._defer -= 1
        if deliver and self.received is not None and not self._defer:
            raise Interrupted(self.received)
