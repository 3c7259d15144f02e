"""``avis convert``: many inputs → outputs, in parallel, resumable, with a report.

:func:`run_batch` discovers the inputs, names their outputs, skips what the resume journal
says is done, sends the rest to a :class:`~avis.batch.pool.WorkerPool`, journals each
converted document, builds the batch-wide outputs (``feed``, ``csv``) at the end from the
documents' Notice JSON, and writes ``OUTDIR/avis-report.jsonl`` (one line per input) and
``OUTDIR/avis-summary.json``. It prints nothing; progress goes to a
:class:`~avis.batch.progress.ProgressSink`.

Statuses: ``ok``; ``partial`` (parsed, with warnings); ``failed`` (``code`` and ``message``:
an :mod:`avis.errors` code, ``timeout``, ``worker_crashed`` or ``internal_error``);
``skipped`` (``code`` says why: see :mod:`avis.batch.discover`, plus ``unsupported_format``
for content found in a folder that is no notice format, and ``not_run`` for inputs left when
the run stopped early). A reused document is ``ok``/``partial`` with ``"cached": true``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any, overload

from avis import __version__
from avis.batch.discover import Candidate, discover, display_path
from avis.batch.naming import assign_bases
from avis.batch.progress import NoProgress, ProgressSink
from avis.batch.state import STATE_NAME, StateJournal, code_digest, fingerprint
from avis.batch.worker import (
    NOTICE_CACHE_DIR,
    TMP_SUFFIX,
    Outcome,
    Task,
    WorkerConfig,
    WorkerCrashedError,
    document_outputs,
    remove_outputs,
    write_atomic,
)
from avis.corrections import corrections_tag
from avis.errors import AvisError, DocumentTimeoutError, UsageError
from avis.readers import ReadOptions
from avis.settings import Settings, settings_dict

REPORT_NAME = "avis-report.jsonl"
SUMMARY_NAME = "avis-summary.json"
LOCK_NAME = ".avis-lock"
BATCH_FILE_NAMES = {"feed": "avis-feed.xml", "csv": "avis.csv"}
"""Batch-wide outputs at the top of OUTDIR; another many-notice format NAME gets
``avis-NAME`` + its extension."""

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_INTERRUPTED = 130


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """What ``avis convert`` was asked to do (besides the inputs and OUTDIR)."""

    formats: tuple[str, ...] = ("json",)
    read_options: ReadOptions = field(default_factory=ReadOptions)
    jobs: int | None = None
    """Worker processes; ``None`` is one per CPU."""
    timeout: float = 120.0
    """Seconds one document may take (read, parse, render, write) before its worker is killed."""
    max_tasks_per_worker: int = 50
    force: bool = False
    fail_fast: bool = False
    prune: bool = False
    alto: bool = False
    """Also write ALTO 4.4 for each page with geometry (scans and PDF pages)."""
    """Remove the outputs of inputs converted into OUTDIR before but not among this run's."""
    excludes: tuple[str, ...] = ()
    today: dt.date | None = None
    include_expired: bool = False
    base_url: str | None = None
    validate: bool = True
    generated_at: dt.datetime | None = None
    """``lastBuildDate`` of a feed (set it for byte-identical feeds across runs)."""
    settings: Settings = field(default_factory=Settings)
    """The user's settings (avis.toml and options): country, publisher, lexicon…"""


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
    pruned: list[str] = field(default_factory=list)
    """Output bases removed by ``--prune`` (their inputs were not in this run)."""

    @property
    def failed(self) -> int:
        return self.counts["failed"]

    @property
    def exit_code(self) -> int:
        if self.interrupted:
            return EXIT_INTERRUPTED
        if self.failed or any(b["status"] == "failed" for b in self.batch_outputs):
            return EXIT_FAILED
        return EXIT_OK

    def line(self) -> str:
        """The one-line summary shown at the end of a run."""
        c = self.counts
        parts = [f"{c['ok']} ok", f"{c['partial']} partial", f"{c['failed']} failed"]
        parts.append(f"{c['skipped']} skipped")
        cached = f", {self.cached} cached" if self.cached else ""
        cached += f", {len(self.pruned)} pruned" if self.pruned else ""
        rate = f" ({self._rate():.1f} files/s)" if self._rate() else ""
        text = (
            f"{self.inputs} inputs: {', '.join(parts)}{cached} in {self.seconds:.1f} s"
            f"{rate} → {self.outdir}"
        )
        bad = [b for b in self.batch_outputs if b["status"] == "failed"]
        if bad:
            text += "; not written: " + ", ".join(f"{b['path']} ({b['code']})" for b in bad)
        if self.interrupted:
            text += " — interrupted"
        elif self.stopped_early:
            text += " — stopped at the first failure (--fail-fast)"
        return text

    def _rate(self) -> float:
        done = self.counts["ok"] + self.counts["partial"] + self.counts["failed"] - self.cached
        return done / self.seconds if self.seconds > 0 else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "avis_version": __version__,
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
            "batch_outputs": self.batch_outputs,
            "interrupted": self.interrupted,
            "stopped_early": self.stopped_early,
            "workers_started": self.workers_started,
            "startup_seconds": (
                round(self.startup_seconds, 3) if self.startup_seconds is not None else None
            ),
            "pruned": self.pruned,
            "exit_code": self.exit_code,
            "report": REPORT_NAME,
        }


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


def _file_sha256(path: str) -> str:
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def _sweep_temp_files(outdir: Path) -> None:
    """Remove temp files a killed run left (``.NAME.<random>.avis-tmp``)."""
    for folder, _dirs, files in os.walk(outdir):
        for name in files:
            if name.startswith(".") and name.endswith(TMP_SUFFIX):
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(folder, name))


@contextlib.contextmanager
def _locked(outdir: Path) -> Iterator[None]:
    """One run per OUTDIR at a time (the lock dies with the process, even on ``kill -9``)."""
    try:
        fh = open(outdir / LOCK_NAME, "a+b")  # noqa: SIM115 (held for the run)
    except OSError as exc:
        raise UsageError(f"cannot write in {outdir}: {exc.strerror or exc}") from exc
    try:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not POSIX
            fcntl = None  # type: ignore[assignment]
        if fcntl is not None:
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                raise UsageError(
                    f"another 'avis convert' is writing to {outdir}; wait for it to finish"
                ) from exc
        yield
    finally:
        fh.close()


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
            data = (self.outdir / rel).read_bytes()
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


class _Report:
    """``avis-report.jsonl`` written as the run goes (to a temp file, renamed at the end)."""

    def __init__(self, outdir: Path, cwd: str) -> None:
        self.outdir = outdir
        self.cwd = cwd
        self.path = outdir / REPORT_NAME
        self.tmp = outdir / f".{REPORT_NAME}.{os.getpid()}{TMP_SUFFIX}"
        # errors="replace": a message quoting an undecodable name must not end the report
        self._fh: IO[str] = open(self.tmp, "w", encoding="utf-8", errors="replace")  # noqa: SIM115

    def write(self, path: str, **fields: Any) -> None:
        record = {
            "input": display_path(path, self.cwd),
            "sha256": fields.get("sha256"),
            "format": fields.get("format"),
            "status": fields["status"],
            "code": fields.get("code"),
            "message": fields.get("message"),
            "outputs": fields.get("outputs", []),
            "pages": fields.get("pages", 0),
            "seconds": fields.get("seconds", 0.0),
            "warnings": fields.get("warnings", 0),
            "cached": fields.get("cached", False),
        }
        self._fh.write(json.dumps(record, ensure_ascii=False) + "\n")

    def close(self) -> None:
        self._fh.close()
        os.replace(self.tmp, self.path)

    def abandon(self) -> None:
        self._fh.close()
        with contextlib.suppress(OSError):
            self.tmp.unlink()


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
        self.options = options
        self.progress = progress
        self.cwd = cwd
        self.outdir = outdir
        formats = parse_formats(options.formats)
        self.single, self.many = _writers(formats)
        self.found = discover(inputs, outdir=outdir, excludes=options.excludes, cwd=cwd)
        if not self.found.candidates:
            skipped = len(self.found.skipped)
            why = f" ({skipped} file(s) or folder(s) skipped)" if skipped else ""
            raise UsageError(f"no inputs found{why}")
        reserved = [REPORT_NAME, SUMMARY_NAME, STATE_NAME, LOCK_NAME, NOTICE_CACHE_DIR]
        reserved += list(self.many.values())
        self.bases = assign_bases(
            [c.rel for c in self.found.candidates], self.single.values(), reserved
        )
        self.config = WorkerConfig(
            outdir=str(outdir),
            extensions=dict(self.single),
            notice_cache=bool(self.many) and "json" not in self.single,
            read_options=asdict(options.read_options),
            writer_options=self._writer_options(),
            alto=options.alto,
            settings=settings_dict(options.settings),
        )
        self.fp = self._fingerprint()
        jobs = options.jobs or os.cpu_count() or 1
        self.jobs = max(1, min(jobs, len(self.found.candidates)))
        self.summary = BatchSummary(
            outdir=display_path(str(outdir), cwd), formats=list(formats), jobs=self.jobs
        )
        self.stop = False
        self.started = time.monotonic()
        self._reported: set[int] = set()
        self.notice_paths: list[str | None] = [None] * len(self.found.candidates)
        self.hashes: list[str | None] = [None] * len(self.found.candidates)
        self.tags: list[str] = [""] * len(self.found.candidates)

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

    # -- bookkeeping ----------------------------------------------------------------------

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
        cand = self.found.candidates[index]
        self._reported.add(index)
        self.report.write(cand.path, **fields)
        status = fields["status"]
        self._count(
            status,
            fields.get("code"),
            cached=fields.get("cached", False),
            pages=fields.get("pages", 0),
        )
        self.progress.advance(status, cached=fields.get("cached", False))
        if status == "failed" and self.options.fail_fast:
            self.stop = True

    def _outcome(self, task: Task, outcome: Outcome) -> None:
        sha = outcome["sha256"] or self.hashes[task.index]
        if outcome["status"] in ("ok", "partial") and sha is not None:
            extra = []
            if outcome["notice_json"] and outcome["notice_json"] not in outcome["outputs"]:
                extra.append(outcome["notice_json"])
            self.journal.record(
                base=task.base,
                sha256=sha + self.tags[task.index],  # as before the worker ran: edits since redo
                fp=self.fp,
                outcome=outcome,
                extra_files=extra,
            )
            self.notice_paths[task.index] = outcome["notice_json"]
        fields = {k: v for k, v in outcome.items() if k not in ("index", "notice_json")}
        fields["sha256"] = sha
        self._finish_input(task.index, **fields)

    def _lost(self, task: Task, code: str, message: str, seconds: float) -> None:
        remove_outputs(self.outdir, document_outputs(self.outdir, task.base, self.config))
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
        """Hash the input; report it now if the journal has it, else return its task."""
        cand: Candidate = self.found.candidates[index]
        base = self.bases[index]
        try:
            sha = _file_sha256(cand.path)
        except OSError as exc:
            self._finish_input(
                index,
                status="failed",
                code=AvisError.code,
                message=f"cannot read the file: {exc.strerror or exc}",
            )
            return None
        self.hashes[index] = sha
        self.tags[index] = corrections_tag(cand.path)
        if not self.options.force:
            entry = self.journal.lookup(base, sha + self.tags[index], self.fp)
            if entry is not None:
                self.notice_paths[index] = entry.get("notice_json")
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
        return Task(index=index, path=cand.path, base=base, explicit=cand.explicit)

    def _loop(self) -> None:
        from avis.batch.pool import Crashed, Finished, TimedOut, WorkerPool

        total = len(self.found.candidates)
        upcoming = iter(range(total))
        waiting: Task | None = None
        exhausted = False
        pool: WorkerPool | None = None
        self.pool = None
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
                        pool = self.pool = WorkerPool(
                            self.config,
                            size=self.jobs,
                            timeout=self.options.timeout,
                            max_tasks=self.options.max_tasks_per_worker,
                        )
                        pool.start()
                    if pool.idle == 0:
                        break
                    if pool.submit(waiting):
                        waiting = None
                if self.stop or pool is None or (exhausted and waiting is None and not pool.busy):
                    break
                for event in pool.poll(0.5):
                    if isinstance(event, Finished):
                        self._outcome(event.task, event.outcome)
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
                in_flight = pool.in_flight()
                pool.close(kill=self.stop or self.summary.interrupted)
                self.summary.workers_started = pool.started_workers
                if pool.first_ready is not None:
                    self.summary.startup_seconds = pool.first_ready - self.started
                for task in in_flight:
                    remove_outputs(
                        self.outdir, document_outputs(self.outdir, task.base, self.config)
                    )
        self.summary.stopped_early = self.stop

    def _not_run(self, reason: str) -> None:
        """Report every input the run did not get to (it stopped early)."""
        for index in range(len(self.found.candidates)):
            if index not in self._reported:
                self._finish_input(index, status="skipped", code="not_run", message=reason)

    def run(self) -> BatchSummary:
        start = self.started = time.monotonic()
        try:
            self.outdir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"cannot create {self.outdir}: {exc.strerror or exc}") from exc
        with _locked(self.outdir):
            _sweep_temp_files(self.outdir)
            self.journal = StateJournal(self.outdir)
            self.journal.load()
            self.report = _Report(self.outdir, self.cwd)
            try:
                for skip in self.found.skipped:
                    self.report.write(
                        skip.path, status="skipped", code=skip.code, message=skip.message
                    )
                    self._count("skipped", skip.code)
                self.progress.start(len(self.found.candidates))
                try:
                    self._loop()
                except KeyboardInterrupt:
                    self.summary.interrupted = True
                if self.summary.interrupted or self.stop:
                    why = (
                        "not converted: the run was interrupted"
                        if self.summary.interrupted
                        else "not converted: the run stopped at the first failure (--fail-fast)"
                    )
                    self._not_run(why)
                else:
                    if self.options.prune:
                        self._prune()
                    if self.many:
                        self._batch_outputs()
                self.progress.finish()
            except BaseException:
                self.journal.close()
                self.report.abandon()
                raise
            self.journal.close()
            self.report.close()
            self.summary.seconds = time.monotonic() - start
            data = json.dumps(self.summary.to_json(), indent=2, ensure_ascii=False) + "\n"
            write_atomic(self.outdir / SUMMARY_NAME, data.encode("utf-8"))
        return self.summary

    def _prune(self) -> None:
        """Remove what earlier runs wrote for inputs this run did not have (deleted or moved
        files), so OUTDIR mirrors the inputs: a job board syncing it gets no stale notice.
        Only files the journal records as avis's own outputs are touched."""
        current = set(self.bases)
        stale = sorted(base for base in self.journal.entries if base not in current)
        if not stale:
            return
        for rel in self.journal.forget(stale):
            target = self.outdir / rel
            if target.resolve().is_relative_to(self.outdir.resolve()):
                with contextlib.suppress(FileNotFoundError):
                    target.unlink()
        self.summary.pruned = stale

    def _batch_outputs(self) -> None:
        from avis.writers import WriterOptions, get_writer

        paths = [p for p in self.notice_paths if p is not None]
        notices = _NoticeFiles(self.outdir, paths)
        options = WriterOptions(**self._writer_options())
        for name, filename in self.many.items():
            entry: dict[str, Any] = {"format": name, "path": filename, "notices": len(paths)}
            try:
                data = get_writer(name).render(notices, options=options)
                write_atomic(self.outdir / filename, data)
                entry.update(status="ok", code=None, message=None)
            except AvisError as exc:
                with contextlib.suppress(OSError):
                    (self.outdir / filename).unlink()
                entry.update(status="failed", code=exc.code, message=exc.message)
            self.summary.batch_outputs.append(entry)


def run_batch(
    inputs: Sequence[str | os.PathLike[str]],
    outdir: str | os.PathLike[str],
    options: BatchOptions | None = None,
    *,
    progress: ProgressSink | None = None,
    cwd: str | os.PathLike[str] | None = None,
) -> BatchSummary:
    """Convert every input under ``outdir``; see the module doc.

    Raises :class:`~avis.errors.UsageError` before doing anything when a format is unknown,
    an input names nothing, no input is found or OUTDIR cannot be written; every problem with
    a document is in the report instead. Ctrl-C stops the workers, writes the report for what
    is done and returns a summary with ``interrupted`` set (exit code 130).
    """
    base = os.path.abspath(cwd if cwd is not None else os.getcwd())
    out = Path(os.path.join(base, os.fspath(outdir)))
    run = _Run(inputs, out, options or BatchOptions(), progress or NoProgress(), base)
    return run.run()


__all__ = ["BatchOptions", "BatchSummary", "parse_formats", "run_batch"]
