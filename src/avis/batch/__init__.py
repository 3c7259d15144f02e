"""Batch conversion (``avis convert``): discover inputs, convert them in worker processes with a
time limit each, resume from a journal, report every input's status.

Modules: :mod:`~avis.batch.discover` (inputs and skipping rules), :mod:`~avis.batch.naming`
(safe output names), :mod:`~avis.batch.worker` (one document, in a child process),
:mod:`~avis.batch.pool` (killable, recycled workers), :mod:`~avis.batch.state` (resume journal:
which files are avis's, by path and hash), :mod:`~avis.batch.outdir` (every write and delete,
never through a link out of OUTDIR), :mod:`~avis.batch.runner` (orchestration),
:mod:`~avis.batch.reportfile` and :mod:`~avis.batch.summary` (report and summary),
:mod:`~avis.batch.signals` (Ctrl-C and SIGTERM), :mod:`~avis.batch.progress` (rich bar).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from avis.batch.runner import BatchOptions, BatchSummary, parse_formats, run_batch

__all__ = ["BatchOptions", "BatchSummary", "parse_formats", "run_batch"]


def __getattr__(name: str) -> Any:
    """The runner is imported on first use: ``avis convert`` imports :mod:`avis.batch.server`
    alone first, to start its fork server before the rest of the batch machinery loads."""
    if name in __all__:
        from avis.batch import runner

        return getattr(runner, name)
    raise AttributeError(f"module 'avis.batch' has no attribute {name!r}")
