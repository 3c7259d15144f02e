"""``avis convert``: many inputs → outputs, in parallel, resumable, with a report.

:func:`run_batch` discovers the inputs, names their outputs, skips what the resume journal
says is done, sends the rest to a :class:`~avis.batch.pool.WorkerPool`, journals each
converted document, builds the batch-wide outputs (``feed``, ``csv``) at the end from the
documents' Notice JSON, and writes ``OUTDIR/avis-report.jsonl`` (one line per input) and
``OUTDIR/avis-summary.json``. It prints nothing; progress goes to a
:class:`~avis.batch.progress.ProgressSink`.

Statuses: ``ok``; ``partial`` (parsed, with warnings); ``failed`` (``code`` and ``message``:
an :mod:`avis.errors` code, ``timeout``, ``worker_crashed``, ``internal_error``, or an OS
condition — ``disk_full``, ``permission_denied``, ``output_failed``); ``skipped`` (``code``
says why: see :mod:`avis.batch.discover`, plus ``unsupported_format`` and ``not_a_notice``
for files found in a folder that are no notice, and ``not_run`` for inputs left when the run
stopped early). A reused document is ``ok``/``partial`` with ``"cached": true``.

Whatever ends a run — success, failures, ``--fail-fast``, Ctrl-C, SIGTERM, a full disk — the
report and the summary are written (the summary is first written as ``"status": "running"``,
so a stale one never claims success), and no file avis did not write is removed or changed:
deletes go only to files the journal records as avis's, by path and hash
(:mod:`avis.batch.state`), and never through a link out of OUTDIR (:mod:`avis.batch.outdir`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import signal
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, overload

from avis import __version__
from avis.batch.discover import Candidate, Discovery, discover, display_path
from avis.batch.executor import Executor, check_executor, open_executor
from avis.batch.naming import assign_bases
from avis.batch.outdir import OutDir
from avis.batch.progress import NoProgress, ProgressSink
from avis.batch.reportfile import ReportFile
from avis.batch.signals import Interrupted, Signals
from avis.batch.state import STATE_NAME, StateJournal, code_digest, fingerprint
from avis.batch.summary import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_TERMINATED,
    MAX_LISTED,
    REPORT_NAME,
    SUMMARY_NAME,
    BatchSummary,
    now_utc,
)
from avis.batch.urls import hash_url, is_url, url_still_there
from avis.batch.worker import (
    NOTICE_CACHE_DIR,
    TMP_SUFFIX,
    Outcome,
    Task,
    WorkerConfig,
    WorkerCrashedError,
)
from avis.corrections import corrections_tag
from avis.errors import (
    AvisError,
    DiskFullError,
    DocumentTimeoutError,
    InternalError,
    UsageError,
)
from avis.files import folder_lock, hash_input, os_error, shown
from avis.readers import ReadOptions
from avis.settings import Settings, settings_dict

LOCK_NAME = ".avis-lock"

MAX_TASKS_PER_WORKER = 500
"""Documents a worker converts before a fresh one replaces it. A worker's memory levels off
within its first hundred documents (caches full: ≈ 115 MB over 1,000 corpus PDFs), so this
only bounds a slow leak; a replacement costs ≈ 100 ms (fork, copy-on-write, cold caches), which
every 50 documents was ≈ 2 ms a document."""
BATCH_FILE_NAMES = {"feed": "avis-feed.xml", "csv": "avis.csv"}
"""Batch-wide outputs at the top of OUTDIR; another many-notice format NAME gets
``avis-NAME`` + its extension."""

SUMMARY_RESERVE = 16384
"""The "running" summary is padded to this size, so the final one can be written in its
place even when the disk has filled up meanwhile."""


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """What ``avis convert`` was asked to do (besides the inputs and OUTDIR)."""

    formats: tuple[str, ...] = ("json",)
    read_options: ReadOptions = field(default_factory=ReadOptions)
    jobs: int | None = None
    """Worker processes; ``None`` is one per CPU."""
    timeout: float = 120.0
    """Seconds one document may take (open, hash, read, parse, render, write) before it is
    stopped (its worker killed) and reported failed."""
    max_tasks_per_worker: int = MAX_TASKS_PER_WORKER
    force: bool = False
    fail_fast: bool = False
    prune: bool = False
    """Remove the outputs of inputs converted into OUTDIR before that are gone since."""
    alto: bool = False
    """Also write ALTO 4.4 for each page with geometry (scans and PDF pages)."""
    excludes: tuple[str, ...] = ()
    today: dt.date | None = None
    include_expired: bool = False
    base_url: str | None = None
    validate: bool = True
    generated_at: dt.datetime | None = None
    """``lastBuildDate`` of a feed (set it for byte-identical feeds across runs)."""
    executor: str = "local"
    """Where documents are converted: ``local`` worker processes or a ``dask`` cluster."""
    scheduler: str | None = None
    """Address of the Dask scheduler (``executor="dask"``); None starts a local cluster."""
    settings: Settings = field(default_factory=Settings)
    """The user's settings (avis.toml and options): country, publisher, lexicon…"""


# -- helpers --------------------------------------------------------------------------------


def parse_formats(formats: Sequence[str]) -> tuple[str, ...]:
    """``["json,jsonld", "xml"]`` → ``("json", "jsonld", "xml")`` (order kept, no repeats)."""
    names: list[str] = []
    for item in formats:
        for name in item.split(","):
            name = name.strip().lower()
            if name and name not in names:
                names.append(name)
    if not names:
        raise UsageError("no output format given (--to json,jsonld,…)")
    return tuple(names)


def _writers(names: Sequence[str]) -> tuple[dict[str, str], dict[str, str]]:
    """(per-notice name → extension, batch-wide name → file name); UsageError if unknown."""
    from avis.writers import get_writer

    single: dict[str, str] = {}
    many: dict[str, str] = {}
    for name in names:
        writer = get_writer(name)
        if writer.many:
            many[writer.name] = BATCH_FILE_NAMES.get(
                writer.name, f"avis-{writer.name}{writer.extension}"
            )
        else:
            single[writer.name] = writer.extension
    return single, many


def _sweep_temp_files(outdir: Path) -> None:
    """Remove temp files a killed run left (``.NAME.<random>.avis-tmp``; links not followed)."""
    for folder, _dirs, files in os.walk(outdir):
        for name in files:
            if name.startswith(".") and name.endswith(TMP_SUFFIX):
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(folder, name))


class _NoticeFiles(Sequence[Any]):
    """The converted notices, read from their JSON one at a time (memory stays flat)."""

    def __init__(self, outdir: Path, paths: list[str]) -> None:
        self.outdir = outdir
        self.paths = paths

    def __len__(self) -> int:
        return len(self.paths)

    def _load(self, rel: str) -> Any:
        from avis.errors import CorruptInputError
        from avis.writers.native_json import from_json

        try:
            data = OutDir(self.outdir).read(rel, ReadOptions().max_bytes)
        except OSError as exc:
            raise CorruptInputError(f"cannot read {rel}: {exc.strerror or exc}") from exc
        return from_json(data)

    @overload
    def __getitem__(self, index: int) -> Any: ...
    @overload
    def __getitem__(self, index: slice) -> list[Any]: ...
    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [self._load(p) for p in self.paths[index]]
        return self._load(self.paths[index])

    def __iter__(self) -> Iterator[Any]:
        for rel in self.paths:
            yield self._load(rel)


# -- the run --------------------------------------------------------------------------------


class _Run:
    def __init__(
        self,
        inputs: Sequence[str | os.PathLike[str]],
        outdir: Path,
        options: BatchOptions,
        progress: ProgressSink,
        cwd: str,
    ) -> None:
        self.inputs = inputs
        self.options = options
        self.progress = progress
        self.cwd = cwd
        self.outdir = outdir
        self.out = OutDir(outdir)
        formats = parse_formats(options.formats)
        self.single, self.many = _writers(formats)
        self.found = Discovery()
        self.bases: list[str] = []
        self.config = WorkerConfig(
            outdir=str(outdir),
            extensions=dict(self.single),
            notice_cache=bool(self.many) and "json" not in self.single,
            read_options=asdict(options.read_options),
            writer_options=self._writer_options(),
            alto=options.alto,
            settings=settings_dict(options.settings),
        )
        check_executor(options.executor, options.scheduler)
        self.fp = self._fingerprint()
        self.jobs = max(1, options.jobs or os.cpu_count() or 1)
        self.summary = BatchSummary(
            outdir=display_path(str(outdir), cwd), formats=list(formats), jobs=self.jobs
        )
        self.stop = False
        self.started = time.monotonic()
        self._reported: set[int] = set()
        self.notice_paths: list[str | None] = []
        self.hashes: list[str | None] = []
        self.refs: list[tuple[str | None, str | None]] = []
        self.tags: list[str] = []
        """A digest of a reviewer's corrections sidecar, added to the input's hash."""
        self.report: ReportFile | None = None
        self.journal: StateJournal | None = None
        self._skips_written = False
        self.signals = Signals()
        """Bookkeeping (journal, report line, counts) runs in ``signals.deferred()``: a signal
        lands between two documents' bookkeeping, never inside one."""

    def _writer_options(self) -> dict[str, Any]:
        o = self.options
        return {
            "today": o.today,
            "generated_at": o.generated_at,
            "include_expired": o.include_expired,
            "base_url": o.base_url or o.settings.base_url,
            "validate": o.validate,
            "publisher": o.settings.publisher or "avis",
            "publisher_url": o.settings.publisher_url,
            "logo": o.settings.logo,
        }

    def _fingerprint(self) -> str:
        read = asdict(self.options.read_options)
        read["password"] = read.get("password") is not None
        writer = self._writer_options()
        # these two only shape the batch-wide files, which are rebuilt on every run
        writer.pop("generated_at")
        writer.pop("include_expired")
        return fingerprint(
            {
                "avis": __version__,
                "code": code_digest(),
                "formats": sorted(self.single.items()),
                "notice_cache": self.config.notice_cache,
                "alto": self.config.alto,
                "read": read,
                "writer": writer,
                "settings": self.config.settings,
            }
        )

    def _discover(self) -> None:
        """Find the inputs and name their outputs (UsageError for an input naming nothing)."""
        self.found = discover(
            self.inputs, outdir=self.outdir, excludes=self.options.excludes, cwd=self.cwd
        )
        reserved = [REPORT_NAME, SUMMARY_NAME, STATE_NAME, LOCK_NAME, NOTICE_CACHE_DIR]
        reserved += list(self.many.values())
        self.bases = assign_bases(
            [c.rel for c in self.found.candidates], self.single.values(), reserved
        )
        total = len(self.found.candidates)
        self.jobs = max(1, min(self.jobs, total or 1))
        self.summary.jobs = self.jobs
        self.notice_paths = [None] * total
        self.hashes = [None] * total
        self.tags = [""] * total
        self.refs = [(None, None)] * total

    # -- bookkeeping ----------------------------------------------------------------------

    def _run_error(self, what: str, exc: AvisError) -> None:
        self.summary.run_errors.append({"what": what, "code": exc.code, "message": str(exc)})

    def _count(
        self, status: str, code: str | None, *, cached: bool = False, pages: int = 0
    ) -> None:
        s = self.summary
        s.inputs += 1
        s.counts[status] += 1
        s.pages += pages
        if cached:
            s.cached += 1
        if status == "failed" and code:
            s.failed_codes[code] += 1
        if status == "skipped" and code:
            s.skipped_codes[code] += 1

    def _finish_input(self, index: int, **fields: Any) -> None:
        with self.signals.deferred():
            self._finish_input_now(index, **fields)

    def _finish_input_now(self, index: int, **fields: Any) -> None:
        cand = self.found.candidates[index]
        self._reported.add(index)
        assert self.report is not None
        self.report.write(cand.path, **fields)
        status = fields["status"]
        self._count(
            status,
            fields.get("code"),
            cached=fields.get("cached", False),
            pages=fields.get("pages", 0),
        )
        if status == "failed" and len(self.summary.failures) < MAX_LISTED:
            self.summary.failures.append(
                {
                    "input": display_path(cand.path, self.cwd),
                    "code": fields.get("code"),
                    "message": fields.get("message"),
                }
            )
        self.progress.advance(status, cached=fields.get("cached", False))
        if status == "failed" and self.options.fail_fast:
            self.stop = True

    def _remove_owned(self, base: str, keep: Mapping[str, Any] = {}) -> None:
        """Delete what the journal records as this document's files (by path and hash),
        except ``keep``; temp files a killed worker left beside them go too."""
        assert self.journal is not None
        for rel, hashes in list(self.journal.owned(base).items()):
            if rel in keep:
                continue
            try:
                self.out.remove(rel, hashes)
            except AvisError as exc:
                self._run_error(f"remove {rel}", exc)
            self.out.remove_temps(rel)

    def _drop(self, base: str) -> None:
        """The document failed or is gone: remove its files and forget it."""
        assert self.journal is not None
        self._remove_owned(base)
        try:
            self.journal.forget(base)
        except AvisError as exc:
            self._run_error("journal", exc)

    def _on_intent(self, task: Task, files: Mapping[str, str]) -> tuple[str, str] | None:
        """A worker is about to write ``files``: journal them first (or refuse)."""
        assert self.journal is not None
        try:
            self.journal.intend(task.base, files)
        except AvisError as exc:
            return exc.code, f"the resume journal cannot be written ({exc.message})"
        return None

    def _outcome(
        self, task: Task, outcome: Outcome, finish: Callable[[], Outcome] | None = None
    ) -> None:
        with self.signals.deferred():
            if finish is not None:  # the outputs are written here (Dask): then journalled
                outcome = finish()
            self._outcome_now(task, outcome)

    def _outcome_now(self, task: Task, outcome: Outcome) -> None:
        assert self.journal is not None
        sha = outcome["sha256"] or self.hashes[task.index]
        fields = {
            k: v
            for k, v in outcome.items()
            if k not in ("index", "notice_json", "files", "reference", "posted_on")
        }
        fields["sha256"] = sha
        if outcome["status"] in ("ok", "partial") and sha is not None:
            self._remove_owned(task.base, keep=outcome["files"])  # stale: old pages, formats
            try:
                self.journal.record(
                    base=task.base,
                    sha256=sha + self.tags[task.index],  # as before the worker ran
                    fp=self.fp,
                    outcome=outcome,
                    input_path=task.path,
                )
            except AvisError as exc:  # outputs avis cannot vouch for are not left behind
                self._drop(task.base)
                fields.update(
                    status="failed",
                    code=exc.code,
                    outputs=[],
                    message=f"converted, but the resume journal cannot be written: {exc}",
                )
            else:
                self.notice_paths[task.index] = outcome["notice_json"]
                self.refs[task.index] = (outcome.get("reference"), outcome.get("posted_on"))
        else:
            self._drop(task.base)
            fields["outputs"] = []
        self._finish_input(task.index, **fields)

    def _lost(self, task: Task, code: str, message: str, seconds: float) -> None:
        with self.signals.deferred():
            self._drop(task.base)
            self._finish_input(
                task.index,
                sha256=self.hashes[task.index],
                status="failed",
                code=code,
                message=message,
                seconds=seconds,
            )

    # -- main loop ------------------------------------------------------------------------

    def _prepare(self, index: int) -> Task | None:
        """Hash the input (checked from ``stat`` first, within the time limit); report it now
        if the journal has it, else return its task."""
        assert self.journal is not None
        cand: Candidate = self.found.candidates[index]
        base = self.bases[index]
        start = time.monotonic()
        try:
            sha = (hash_url if is_url(cand.path) else hash_input)(
                cand.path,
                self.options.read_options.max_bytes,
                deadline=start + self.options.timeout,
            )
        except AvisError as exc:
            with self.signals.deferred():
                self._drop(base)
                self._finish_input(
                    index,
                    status="failed",
                    code=exc.code,
                    message=exc.message,
                    seconds=round(time.monotonic() - start, 4),
                )
            return None
        self.hashes[index] = sha
        self.tags[index] = corrections_tag(cand.path)
        if not self.options.force:
            with self.signals.deferred():
                return self._cached(index, base, sha)
        return Task(index=index, path=cand.path, base=base, explicit=cand.explicit)

    def _cached(self, index: int, base: str, sha: str) -> Task | None:
        """Report the input now when the journal has it unchanged, else return its task."""
        assert self.journal is not None
        cand = self.found.candidates[index]
        entry = self.journal.lookup(base, sha + self.tags[index], self.fp)
        if entry is None:
            return Task(index=index, path=cand.path, base=base, explicit=cand.explicit)
        self.notice_paths[index] = entry.get("notice_json")
        self.refs[index] = (entry.get("reference"), entry.get("posted_on"))
        self._finish_input(
            index,
            sha256=sha,
            format=entry.get("format"),
            status=entry["status"],
            outputs=entry.get("outputs", []),
            pages=entry.get("pages", 0),
            warnings=entry.get("warnings", 0),
            cached=True,
        )
        return None

    def _loop(self) -> None:
        from avis.batch.pool import Crashed, Finished, TimedOut

        total = len(self.found.candidates)
        upcoming = iter(range(total))
        waiting: Task | None = None
        exhausted = False
        pool: Executor | None = None
        try:
            while not self.stop:
                # hand out work: report cached inputs directly, the others to idle workers
                while not self.stop and (waiting is not None or not exhausted):
                    if waiting is None:
                        index = next(upcoming, None)
                        if index is None:
                            exhausted = True
                            if pool is not None:
                                pool.draining = True
                            break
                        waiting = self._prepare(index)
                        continue
                    if pool is None:
                        pool = open_executor(
                            self.options.executor,
                            self.options.scheduler,
                            self.config,
                            size=self.jobs,
                            timeout=self.options.timeout,
                            max_tasks=self.options.max_tasks_per_worker,
                            on_intent=self._on_intent,
                        )
                        pool.start()
                    if pool.idle == 0:
                        break
                    # a signal inside submit would cut an executor's bookkeeping in half
                    # (Dask then prints a traceback from a half-made Future at exit)
                    with self.signals.deferred():
                        pool.remaining = total - waiting.index - 1
                        submitted = pool.submit(waiting)
                    if submitted:
                        waiting = None
                if self.stop or pool is None or (exhausted and waiting is None and not pool.busy):
                    break
                for event in pool.poll(0.5):
                    if isinstance(event, Finished):
                        self._outcome(event.task, event.outcome, event.finish)
                    elif isinstance(event, TimedOut):
                        self._lost(
                            event.task,
                            DocumentTimeoutError.code,
                            f"took longer than {self.options.timeout:g} s; the worker was "
                            "stopped (raise --timeout for very long documents)",
                            event.seconds,
                        )
                    elif isinstance(event, Crashed):
                        self._lost(
                            event.task,
                            WorkerCrashedError.code,
                            f"the worker process died (exit code {event.exitcode}) while "
                            "reading this file: a crash in a native library or out of memory",
                            event.seconds,
                        )
        finally:
            if pool is not None:
                closing = time.monotonic()
                pool.close(kill=True)  # in-flight documents are abandoned: never half-written
                self.summary.shutdown_seconds = time.monotonic() - closing
                self.summary.workers_started = pool.started_workers
                if pool.first_ready is not None:
                    self.summary.startup_seconds = pool.first_ready - self.started
        self.summary.stopped_early = self.stop

    def _not_run(self, reason: str) -> None:
        """Report every input the run did not get to; a document cut off while it was being
        written loses its half-written files (the journal has their hashes)."""
        assert self.journal is not None
        for index in range(len(self.found.candidates)):
            if index not in self._reported:
                base = self.bases[index]
                if base in self.journal.pending:
                    self._drop(base)
                self._finish_input(index, status="skipped", code="not_run", message=reason)

    # -- phases ---------------------------------------------------------------------------

    def _open(self) -> None:
        """Create and lock OUTDIR, mark the summary "running", load the journal, open the
        report. A failure here is raised (typed): nothing has been converted."""
        try:
            self.outdir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            if exc.errno in (errno.ENOTDIR, errno.EEXIST):
                raise UsageError(
                    f"cannot create {shown(self.outdir)}: {exc.strerror or exc}"
                ) from exc
            raise os_error(exc, "create the output folder", self.outdir) from exc
        self.out = OutDir(self.outdir)
        self._lock = folder_lock(
            self.outdir,
            LOCK_NAME,
            f"another 'avis convert' is writing to {shown(self.outdir)}; wait for it to finish",
            action="use the output folder",
        )
        self._lock.__enter__()
        try:
            _sweep_temp_files(self.outdir)
            self._write_summary(running=True)
            self.journal = StateJournal(self.out)
            try:
                self.journal.load()
            except AvisError as exc:
                self._run_error("journal", exc)
            expected = len(self.found.candidates) + len(self.found.skipped)
            self.report = ReportFile(self.out, self.cwd, expected)
        except BaseException as exc:
            if isinstance(exc, AvisError):  # the running summary must not stay "running"
                self._run_error("setup", exc)
                with contextlib.suppress(AvisError):
                    self.summary.finished_at = now_utc()
                    self._write_summary()
            self._lock.__exit__(None, None, None)
            raise

    def _write_summary(self, *, running: bool = False) -> None:
        data = json.dumps(self.summary.to_json(running=running), indent=2, ensure_ascii=False)
        raw = (data + "\n").encode("utf-8", "backslashreplace")
        if running:
            raw += b" " * max(0, SUMMARY_RESERVE - len(raw) - 1) + b"\n"
        try:
            self.out.write(SUMMARY_NAME, raw)
        except DiskFullError:
            # no room for a second copy: overwrite the (padded) running summary in place
            self.out.overwrite_in_place(SUMMARY_NAME, raw)

    def _write_skips(self) -> None:
        if self._skips_written:
            return
        self._skips_written = True
        for skip in self.found.skipped:
            assert self.report is not None
            self.report.write(skip.path, status="skipped", code=skip.code, message=skip.message)
            self._count("skipped", skip.code)

    def _convert(self) -> None:
        self._write_skips()
        self.progress.start(len(self.found.candidates))
        try:
            self._loop()
        except AvisError as exc:  # the workers cannot start: the run stops, reported
            self._run_error("workers", exc)
            self.stop = True
        if self.stop:
            why = (
                "not converted: the run stopped at the first failure (--fail-fast)"
                if self.options.fail_fast
                else "not converted: the run stopped (see run_errors in the summary)"
            )
            self._not_run(why)
            return
        if self.options.prune:
            self._prune()
        if self.many:
            self._batch_outputs()

    def run(self) -> BatchSummary:
        self.started = time.monotonic()
        with self.signals as signals:
            try:
                self._discover()
            except Interrupted:  # OUTDIR is still set up: the report says it was interrupted
                self.found = Discovery()
                self.bases, self.notice_paths, self.hashes, self.refs = [], [], [], []
                self.tags = []
            if self.options.executor == "local" and self.found.candidates:
                from avis.batch.server import prestart

                prestart()
            with signals.deferred(deliver=False):
                self._open()
            try:
                if signals.received is not None:
                    raise Interrupted(signals.received)
                self._convert()
            except Interrupted as exc:
                with signals.deferred(deliver=False):
                    self.summary.interrupted = True
                    self.summary.signal = signal.Signals(exc.signum).name
                    self._finish_interrupted()
            except Exception as exc:  # a bug in avis: the run still ends with its report
                with signals.deferred(deliver=False):
                    self.summary.stopped_early = True
                    message = (
                        f"avis failed ({type(exc).__name__}: {str(exc)[:200]}); this is a bug: "
                        "please report it"
                    )
                    self._run_error("internal", InternalError(message))
                    self._write_skips()
                    self._not_run("not converted: the run stopped on an internal error")
            finally:
                with signals.deferred(deliver=False):
                    self._close()
        return self.summary

    def _finish_interrupted(self) -> None:
        self._write_skips()
        self._not_run("not converted: the run was interrupted")

    def _close(self) -> None:
        with contextlib.suppress(Exception):  # a progress bar never loses a report
            self.progress.finish()
        assert self.journal is not None and self.report is not None
        self.journal.close()
        try:
            self.report.close()
        except AvisError as exc:
            self._run_error("report", exc)
        self.summary.seconds = time.monotonic() - self.started
        self.summary.finished_at = now_utc()
        try:
            self._write_summary()
        except AvisError as exc:
            self._run_error("summary", exc)
            self._lock.__exit__(None, None, None)
            raise
        self._lock.__exit__(None, None, None)

    def _prune(self) -> None:
        """Remove what earlier runs wrote for inputs that are gone (deleted or moved), so
        OUTDIR mirrors the inputs: a job board syncing it gets no stale notice. Only inputs
        known to be gone count — one that still exists (skipped, excluded, not given) or whose
        folder cannot be read keeps its outputs, and the summary says why. Only files the
        journal records as avis's, with the same content, are removed."""
        assert self.journal is not None
        current = set(self.bases)
        unreadable = [s.path for s in self.found.skipped if s.code == "unreadable"]
        for base in sorted(b for b in self.journal.entries if b not in current):
            why = self._still_there(self.journal.entries[base].get("input"), unreadable)
            if why is not None:
                if len(self.summary.prune_withheld) < MAX_LISTED:
                    self.summary.prune_withheld.append({"output": shown(base), "reason": why})
                continue
            self._drop(base)
            self.summary.pruned.append(shown(base))

    def _still_there(self, path: str | None, unreadable: list[str]) -> str | None:
        """Why the input of a journalled document may still exist (None: it is gone)."""
        if not path:
            return "the journal does not say which input it came from"
        if is_url(path):
            return url_still_there(path)
        for folder in unreadable:
            if path == folder or path.startswith(folder.rstrip(os.sep) + os.sep):
                return f"its folder could not be read this run ({display_path(folder, self.cwd)})"
        try:
            os.lstat(path)
        except FileNotFoundError:
            parent = os.path.dirname(path)
            try:
                os.listdir(parent)
            except FileNotFoundError:
                return None  # the whole folder is gone
            except OSError as exc:
                return f"its folder cannot be read ({exc.strerror or exc})"
            return None
        except OSError as exc:
            return f"cannot tell whether it still exists ({exc.strerror or exc})"
        return f"the input still exists ({display_path(path, self.cwd)}) but was not converted"

    def _duplicates(self, indices: list[int]) -> list[int]:
        """One notice per reference for the batch-wide files: the latest posted (then the
        last in input order) is kept; each merge is listed in the summary."""
        groups: dict[str, list[int]] = {}
        for i in indices:
            ref = self.refs[i][0]
            if ref:
                groups.setdefault(" ".join(ref.split()).casefold(), []).append(i)
        dropped: set[int] = set()
        for group in groups.values():
            if len(group) < 2:
                continue
            kept = max(group, key=lambda i: (self.refs[i][1] or "", i))
            dropped.update(i for i in group if i != kept)
            self.summary.duplicates.append(
                {
                    "reference": self.refs[kept][0],
                    "kept": display_path(self.found.candidates[kept].path, self.cwd),
                    "left_out": [
                        display_path(self.found.candidates[i].path, self.cwd)
                        for i in group
                        if i != kept
                    ],
                }
            )
        return [i for i in indices if i not in dropped]

    def _batch_outputs(self) -> None:
        from avis.errors import OutputValidationError
        from avis.writers import WriterOptions, get_writer

        assert self.journal is not None
        indices = [i for i, p in enumerate(self.notice_paths) if p is not None]
        paths = [p for i in self._duplicates(indices) if (p := self.notice_paths[i]) is not None]
        notices = _NoticeFiles(self.outdir, paths)
        options = WriterOptions(**self._writer_options())
        for name, filename in self.many.items():
            entry: dict[str, Any] = {"format": name, "path": filename, "notices": len(paths)}
            try:
                data = get_writer(name).render(notices, options=options)
                import hashlib

                sha = hashlib.sha256(data).hexdigest()
                self.journal.record_batch(filename, sha)
                self.out.write(filename, data)
                self.journal.batch_files[filename] = {sha}
                entry.update(status="ok", code=None, message=None)
            except AvisError as exc:
                empty = isinstance(exc, OutputValidationError) and self._all_expired(
                    name, notices, options
                )
                with contextlib.suppress(AvisError):
                    self.out.remove(filename, self.journal.batch_files.get(filename, set()))
                if empty:  # nothing current to publish: not a failure of the run
                    why = (
                        "every notice has expired (--include-expired keeps them)"
                        if paths
                        else "no notice was converted"
                    )
                    entry.update(
                        status="empty",
                        code=None,
                        message=f"{why}: no file written, the previous one removed",
                    )
                else:
                    entry.update(status="failed", code=exc.code, message=exc.message)
            self.summary.batch_outputs.append(entry)

    def _all_expired(self, name: str, notices: Sequence[Any], options: Any) -> bool:
        if name != "feed":
            return False
        from avis.writers.feed import excluded

        left_out = excluded(notices, options)
        return len(left_out) == len(notices) and all("expired" in why for _, why in left_out)


def run_batch(
    inputs: Sequence[str | os.PathLike[str]],
    outdir: str | os.PathLike[str],
    options: BatchOptions | None = None,
    *,
    progress: ProgressSink | None = None,
    cwd: str | os.PathLike[str] | None = None,
) -> BatchSummary:
    """Convert every input under ``outdir``; see the module doc.

    Raises :class:`~avis.errors.UsageError` before writing anything when a format is unknown
    or an input names nothing, and a typed error (``permission_denied``, ``disk_full``…) when
    OUTDIR cannot be set up; every problem with a document is in the report instead. No input
    at all (an empty inbox) is a finished run with an empty report. Ctrl-C and SIGTERM stop
    the workers, write the report for what is done and return a summary with ``interrupted``
    set (exit code 130, 143).
    """
    base = os.path.abspath(cwd if cwd is not None else os.getcwd())
    out = Path(os.path.join(base, os.fspath(outdir)))
    run = _Run(inputs, out, options or BatchOptions(), progress or NoProgress(), base)
    return run.run()


__all__ = [
    "EXIT_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_TERMINATED",
    "REPORT_NAME",
    "SUMMARY_NAME",
    "BatchOptions",
    "BatchSummary",
    "Interrupted",
    "parse_formats",
    "run_batch",
]
