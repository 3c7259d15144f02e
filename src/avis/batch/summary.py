"""What a batch run sums up (``avis-summary.json``) and the exit status it ends with."""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from avis import __version__

REPORT_NAME = "avis-report.jsonl"
SUMMARY_NAME = "avis-summary.json"

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143

MAX_LISTED = 1000
"""Failures and withheld prunes kept in the summary (the report has them all)."""


def now_utc() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass(slots=True)
class BatchSummary:
    """Counts and outcome of a run (``avis-summary.json`` is :meth:`to_json`)."""

    outdir: str
    formats: list[str]
    jobs: int
    inputs: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    cached: int = 0
    pages: int = 0
    seconds: float = 0.0
    failed_codes: Counter[str] = field(default_factory=Counter)
    skipped_codes: Counter[str] = field(default_factory=Counter)
    batch_outputs: list[dict[str, Any]] = field(default_factory=list)
    interrupted: bool = False
    stopped_early: bool = False
    workers_started: int = 0
    startup_seconds: float | None = None
    """From the start of the run until the first worker was ready (None: no worker needed)."""
    shutdown_seconds: float | None = None
    """Stopping the workers (or the Dask cluster) after the last document (None: none ran):
    with ``startup_seconds``, what of ``seconds`` went to no document."""
    pruned: list[str] = field(default_factory=list)
    """Output bases removed by ``--prune`` (their inputs are gone)."""
    prune_withheld: list[dict[str, str]] = field(default_factory=list)
    """Bases ``--prune`` kept although this run did not convert them, each with why (the
    input still exists, or its folder could not be read)."""
    started_at: str = field(default_factory=now_utc)
    finished_at: str | None = None
    signal: str | None = None
    """``SIGINT`` or ``SIGTERM`` when a signal ended the run."""
    failures: list[dict[str, str | None]] = field(default_factory=list)
    """The failed inputs (input, code, message), the first :data:`MAX_LISTED`."""
    duplicates: list[dict[str, Any]] = field(default_factory=list)
    """References found in more than one input: each is one entry in the feed/csv."""
    run_errors: list[dict[str, str]] = field(default_factory=list)
    """Problems of the run itself (journal, report, workers), not of one input."""

    @property
    def failed(self) -> int:
        return self.counts["failed"]

    @property
    def exit_code(self) -> int:
        if self.interrupted:
            return EXIT_TERMINATED if self.signal == "SIGTERM" else EXIT_INTERRUPTED
        if (
            self.failed
            or self.run_errors
            or any(b["status"] == "failed" for b in self.batch_outputs)
        ):
            return EXIT_FAILED
        return EXIT_OK

    def line(self) -> str:
        """The one-line summary shown at the end of a run."""
        c = self.counts
        parts = [f"{c['ok']} ok", f"{c['partial']} partial", f"{c['failed']} failed"]
        parts.append(f"{c['skipped']} skipped")
        cached = f", {self.cached} cached" if self.cached else ""
        cached += f", {len(self.pruned)} pruned" if self.pruned else ""
        if self.prune_withheld:
            cached += f", {len(self.prune_withheld)} not pruned (see {SUMMARY_NAME})"
        rate = f" ({self._rate():.1f} files/s)" if self._rate() else ""
        text = (
            f"{self.inputs} inputs: {', '.join(parts)}{cached} in {self.seconds:.1f} s"
            f"{rate} → {self.outdir}"
        )
        bad = [b for b in self.batch_outputs if b["status"] == "failed"]
        if bad:
            text += "; not written: " + ", ".join(f"{b['path']} ({b['code']})" for b in bad)
        if self.interrupted:
            text += f" — interrupted ({self.signal})"
        elif self.stopped_early:
            text += " — stopped early"
        return text

    def _rate(self) -> float:
        done = self.counts["ok"] + self.counts["partial"] + self.counts["failed"] - self.cached
        return done / self.seconds if self.seconds > 0 else 0.0

    def to_json(self, *, running: bool = False) -> dict[str, Any]:
        status = (
            "running"
            if running
            else "interrupted"
            if self.interrupted
            else "stopped"
            if self.stopped_early
            else "finished"
        )
        return {
            "avis_version": __version__,
            "status": status,
            "started_at": self.started_at,
            "finished_at": None if running else self.finished_at,
            "pid": os.getpid(),
            "outdir": self.outdir,
            "formats": self.formats,
            "jobs": self.jobs,
            "inputs": self.inputs,
            "ok": self.counts["ok"],
            "partial": self.counts["partial"],
            "failed": self.counts["failed"],
            "skipped": self.counts["skipped"],
            "cached": self.cached,
            "pages": self.pages,
            "seconds": round(self.seconds, 3),
            "files_per_second": round(self._rate(), 3),
            "failed_codes": dict(sorted(self.failed_codes.items())),
            "skipped_codes": dict(sorted(self.skipped_codes.items())),
            "failures": self.failures,
            "batch_outputs": self.batch_outputs,
            "duplicates": self.duplicates,
            "interrupted": self.interrupted,
            "signal": self.signal,
            "stopped_early": self.stopped_early,
            "workers_started": self.workers_started,
            "startup_seconds": (
                round(self.startup_seconds, 3) if self.startup_seconds is not None else None
            ),
            "shutdown_seconds": (
                round(self.shutdown_seconds, 3) if self.shutdown_seconds is not None else None
            ),
            "pruned": self.pruned,
            "prune_withheld": self.prune_withheld,
            "run_errors": self.run_errors,
            "exit_code": None if running else self.exit_code,
            "report": REPORT_NAME,
        }
