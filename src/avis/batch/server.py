"""The fork server local workers are forked from, and starting it early.

Kept apart from :mod:`avis.batch.pool` and light to import (the standard library only):
``avis convert`` starts the fork server first thing, so the server imports and warms avis up
(≈ 0.6 s of CPU) on one core while the batch process loads and hashes its inputs on the other.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
from collections.abc import Iterator
from multiprocessing.context import BaseContext

PRELOAD = (
    "avis.batch.worker",
    "avis.pipeline",
    "avis.writers",
    "avis.readers.text",
    "avis.readers.pdf",
    "pypdfium2",  # loads and initialises pdfium (~0.3 s) once, not in every new worker
    "avis.batch._preload",
)
"""Modules the fork server imports once for every worker (a missing one is skipped). Not the
Word reader (python-docx: ≈ 70 ms): a run of PDFs would wait for it before its first document;
a worker given a Word file imports it then, once."""


def context() -> BaseContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        # the preload list belongs to the fork server of this process; it only matters the
        # first time the server starts ("__main__" is asked for, but the server is never given
        # its path: each worker imports the main module itself, hence a tiny avis.entry)
        ctx.set_forkserver_preload(["__main__", *PRELOAD])
        return ctx
    return multiprocessing.get_context("spawn")


def prestart() -> None:
    """Start the fork server now: it imports and warms avis up (a second or so) while the
    batch process finds, hashes and journals its inputs, instead of after that."""
    if context().get_start_method() != "forkserver":
        return
    from multiprocessing import forkserver

    with sigint_blocked():
        forkserver.ensure_running()


@contextlib.contextmanager
def sigint_blocked() -> Iterator[None]:
    """Block Ctrl-C and SIGTERM while a worker starts. A spawned child inherits the mask and
    ignores them before unblocking (no traceback from a half-started worker); the parent gets
    a pending signal when it unblocks, so none is lost.

    The resource tracker is started first: starting it *unblocks* both signals on its way out
    (CPython's ``resource_tracker.ensure_running``), which would let a signal reach the fork
    server or a spawned worker while its interpreter is still initialising ("Fatal Python
    error: init_sys_streams")."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    from multiprocessing import resource_tracker

    resource_tracker.ensure_running()
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)
