"""``avis sync``: parse (the batch), compare with the catalogue, publish what changed, push.

The order is what makes a run safe to kill at any instant (``kill -9`` included):

1. parse the inputs with :func:`avis.batch.run_batch` into a work folder (its journal makes a
   rerun re-parse only what changed);
2. plan the changes (:mod:`avis.sync.plan`) and commit them in **one** transaction: notice
   rows, change rows and, with ``--push``, their outbox rows;
3. bring the site up to date with every change not yet marked written (this run's and any a
   killed run left), then mark them written;
4. send every queued outbox row for the push target, marking each as sent on a 2xx.

A kill before 2 leaves nothing to redo but the parse; between 2 and 3 the next run writes the
pages; during 4 the next run resends the unsent rows with the same idempotency keys.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import sqlalchemy as sa

from avis.batch import BatchOptions, run_batch
from avis.batch.progress import ProgressSink
from avis.batch.runner import REPORT_NAME
from avis.errors import AvisError, UsageError
from avis.files import folder_lock, write_atomic
from avis.readers import ReadOptions
from avis.settings import Settings
from avis.sync import catalogue as cat_mod
from avis.sync.catalogue import Catalogue, NoticeRow, to_db
from avis.sync.plan import Candidate, Change, Duplicate, Parsed, Plan, assign_page, diff, pick
from avis.sync.push import PUSH_FORMATS, Pusher, PushResult, body, idempotency_key, push_pending
from avis.sync.site import SiteWriter, change_record, job_posting_json, page_path, page_url
from avis.writers import WriterOptions

EXIT_OK = 0
EXIT_FAILED = 1
LOCK_NAME = ".avis-sync-lock"
BATCH_DIR = "batch"
DEFAULT_CATALOGUE = "catalogue.sqlite"
RENDER_STAMP = "page-settings.json"
"""In the work folder: the settings the site's pages were last written with."""


@dataclass(frozen=True, slots=True)
class SyncOptions:
    """What ``avis sync`` was asked to do (besides the inputs and the site folder)."""

    base_url: str
    """Absolute http(s) URL the site is served at (pages, sitemap and feed need it)."""
    catalog: str | None = None
    """Database URL or SQLite path; default ``WORK/catalogue.sqlite``."""
    work_dir: Path | None = None
    """Parse cache and default catalogue; default ``SITE.avis`` beside the site."""
    prune: bool = False
    dry_run: bool = False
    rebuild: bool = False
    """Rewrite every page and index from the catalogue (after a change of options)."""
    push: str | None = None
    push_format: str = "avis"
    push_headers: Mapping[str, str] = field(default_factory=dict)
    push_timeout: float = 10.0
    push_attempts: int = 5
    push_backoff: float = 0.5
    today: dt.date | None = None
    settings: Settings = field(default_factory=Settings)
    """The shared settings (avis.toml, options): country, publisher, logo, lexicon… as for
    ``avis convert``; their ``base_url`` is what the CLI passes as ``base_url``."""
    read_options: ReadOptions = field(default_factory=ReadOptions)
    jobs: int | None = None
    timeout: float = 120.0
    excludes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Problem:
    """An input that gave no publishable notice."""

    source: str
    code: str
    message: str

    def line(self) -> str:
        return f"failed    {self.source}  [{self.code}] {self.message}"


@dataclass(frozen=True, slots=True)
class ChangeLine:
    kind: str
    reference: str
    url: str | None
    source_file: str

    def line(self, *, dry_run: bool = False) -> str:
        verb = "would be " if dry_run else ""
        where = f"  {self.url}" if self.url else ""
        src = f"was {self.source_file}" if self.kind == "withdrawn" else self.source_file
        return f"{verb}{self.kind:<9} {self.reference}{where}  ({src})"


@dataclass(slots=True)
class SyncResult:
    dry_run: bool = False
    changes: list[ChangeLine] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    pushes: list[PushResult] = field(default_factory=list)
    queued: int = 0
    """Changes still waiting for the push target after this run."""
    counts: dict[str, int] = field(default_factory=dict)
    """Catalogue rows by status after the run."""
    inputs: int = 0

    @property
    def push_incomplete(self) -> bool:
        return any(p.outcome != "sent" for p in self.pushes)

    @property
    def exit_code(self) -> int:
        return EXIT_FAILED if self.problems or self.push_incomplete else EXIT_OK

    def lines(self) -> list[str]:
        """The report: a line per change, per problem and per push."""
        out = [c.line(dry_run=self.dry_run) for c in self.changes]
        out += [p.line() for p in self.problems]
        out += [p.line() for p in self.pushes]
        return out

    def summary(self) -> str:
        kinds = {k: sum(1 for c in self.changes if c.kind == k) for k in cat_mod.KINDS}
        done = ", ".join(f"{n} {k}" for k, n in kinds.items() if n) or "nothing"
        head = "dry run — would change" if self.dry_run else "changed"
        text = f"{self.inputs} input(s); {head}: {done}"
        if self.counts:
            text += "; catalogue: " + ", ".join(f"{n} {s}" for s, n in self.counts.items())
        if self.problems:
            text += f"; {len(self.problems)} input(s) not published"
        if self.pushes:
            sent = sum(1 for p in self.pushes if p.outcome == "sent")
            text += f"; pushed {sent}"
        if self.queued:
            text += f"; {self.queued} change(s) still queued for the push target"
        return text


def _http_url(value: str, what: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UsageError(f"{what} must be an absolute http(s) URL, not {value!r}")
    return value


def _read_batch(folder: Path) -> tuple[list[Parsed], list[Problem], set[str], int]:
    """The batch report → the parsed notices, the failed inputs, their paths, input count."""
    from avis.writers.native_json import from_json

    parsed: list[Parsed] = []
    problems: list[Problem] = []
    troubled: set[str] = set()
    count = 0
    with open(folder / REPORT_NAME, encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            source = record["input"]
            status = record["status"]
            if status == "skipped":
                continue
            count += 1
            if status == "failed":
                problems.append(Problem(source, record["code"] or "error", record["message"] or ""))
                troubled.add(source)
                continue
            outputs = [o for o in record["outputs"] if o.endswith(".json")]
            try:
                if not outputs:
                    raise AvisError("the batch kept no notice JSON for this input")
                notice = from_json((folder / outputs[0]).read_bytes())
            except (AvisError, OSError) as exc:
                problems.append(Problem(source, getattr(exc, "code", "error"), str(exc)))
                troubled.add(source)
                continue
            parsed.append(Parsed(source, notice))
    return parsed, problems, troubled, count


class _Sync:
    def __init__(
        self,
        inputs: Sequence[str | os.PathLike[str]],
        site: Path,
        options: SyncOptions,
        progress: ProgressSink | None,
        clock: Callable[[], dt.datetime],
        sleep: Callable[[float], None],
        transport: httpx.BaseTransport | None,
        cwd: str,
    ) -> None:
        self.inputs = inputs
        self.site = site
        self.options = options
        self.progress = progress
        self.clock = clock
        self.sleep = sleep
        self.transport = transport
        self.cwd = cwd
        self.base_url = _http_url(options.base_url, "--base-url").rstrip("/") + "/"
        if options.push is not None:
            _http_url(options.push, "--push")
        if options.push_format not in PUSH_FORMATS:
            raise UsageError(
                f"unknown push format {options.push_format!r}; known: {', '.join(PUSH_FORMATS)}"
            )
        self.work = options.work_dir or site.parent / f"{site.name}.avis"
        self.catalog = options.catalog or str(self.work / DEFAULT_CATALOGUE)
        self.wopts = WriterOptions.from_settings(
            options.settings, today=options.today, base_url=self.base_url.rstrip("/")
        )
        self.result = SyncResult(dry_run=options.dry_run)

    def run(self) -> SyncResult:
        try:
            self.work.mkdir(parents=True, exist_ok=True)
            if not self.options.dry_run:
                self.site.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"cannot create {exc.filename}: {exc.strerror or exc}") from exc
        with folder_lock(
            self.work, LOCK_NAME, f"another 'avis sync' is using {self.work}; wait for it to finish"
        ):
            catalogue = Catalogue.open(self.catalog, migrate=not self.options.dry_run)
            try:
                # a dry run writes nothing: it needs no lock (and must not create one)
                lock = contextlib.nullcontext() if self.options.dry_run else catalogue.exclusive()
                with lock:
                    self._run(catalogue)
            finally:
                catalogue.close()
        return self.result

    def _run(self, catalogue: Catalogue) -> None:
        rows = catalogue.rows()
        for row in rows.values():
            if not row.url.startswith(self.base_url):
                raise UsageError(
                    f"the catalogue's pages are published under {row.url.rsplit('/', 2)[0]}/, "
                    f"not {self.base_url}: use that --base-url (or a new catalogue)"
                )
        plan = self._plan(rows)
        if self.options.dry_run:
            self.result.changes = [self._line(c, rows.get(c.reference)) for c in plan.changes]
            self._count(rows, plan)
            return
        self._commit(catalogue, rows, plan)
        self._write_site(catalogue)
        self._push(catalogue)
        self._count(catalogue.rows(), None)

    # -- 1 + 2: parse and plan ----------------------------------------------------------------

    def _plan(self, rows: Mapping[str, NoticeRow]) -> Plan:
        from avis.writers.shared import is_expired

        o = self.options
        batch = BatchOptions(
            formats=("json",),
            read_options=o.read_options,
            jobs=o.jobs,
            timeout=o.timeout,
            prune=True,
            excludes=(*o.excludes, *_own_folders(self.inputs, self.cwd, (self.site, self.work))),
            settings=o.settings,
        )
        summary = run_batch(
            self.inputs, self.work / BATCH_DIR, batch, progress=self.progress, cwd=self.cwd
        )
        if summary.interrupted:
            raise KeyboardInterrupt
        parsed, problems, troubled, count = _read_batch(self.work / BATCH_DIR)
        self.result.inputs = count
        self.result.problems.extend(problems)
        for p in parsed:
            if not (p.notice.reference.id or "").strip():
                self.result.problems.append(
                    Problem(
                        p.source_file,
                        "no_reference",
                        "no reference found in the notice: the catalogue keys notices by "
                        "reference, so it cannot be published",
                    )
                )
                troubled.add(p.source_file)
        chosen, duplicates = pick(parsed, rows)
        self.result.warnings.extend(_duplicate_warning(d) for d in duplicates)
        candidates: dict[str, Candidate] = {}
        from avis.sync.plan import content_hash

        for ref, p in chosen.items():
            digest = content_hash(p.notice)
            row = rows.get(ref)
            known = row is not None and row.status != "withdrawn" and row.content_hash == digest
            try:
                if not known or o.rebuild:  # a catalogued, unchanged notice was publishable
                    job_posting_json(p.notice, self.base_url, self.wopts)
            except AvisError as exc:
                self.result.problems.append(Problem(p.source_file, exc.code, exc.message))
                troubled.add(p.source_file)
                continue
            candidates[ref] = Candidate(
                reference=ref,
                notice=p.notice,
                content_hash=digest,
                expired=is_expired(p.notice, self.wopts),
                source_file=p.source_file,
            )
        plan = diff(candidates, rows, prune=o.prune, troubled_sources=troubled)
        if plan.absent:
            self.result.warnings.append(
                f"{len(plan.absent)} catalogued notice(s) not among the inputs (kept; "
                "--prune withdraws them): "
                + ", ".join(plan.absent[:5])
                + (" …" if len(plan.absent) > 5 else "")
            )
        if plan.kept:
            self.result.warnings.append(
                f"{len(plan.kept)} notice(s) kept although absent, because their file failed "
                "this time: " + ", ".join(plan.kept[:5])
            )
        return plan

    def _line(self, change: Change, row: NoticeRow | None) -> ChangeLine:
        return ChangeLine(
            change.kind, change.reference, row.url if row else None, change.source_file
        )

    # -- 2: commit ----------------------------------------------------------------------------

    def _commit(self, catalogue: Catalogue, rows: Mapping[str, NoticeRow], plan: Plan) -> None:
        taken = {row.page.split("/", 1)[0].casefold() for row in rows.values()}
        now = self.clock()
        o = self.options
        with catalogue.transaction() as conn:
            for change in plan.changes:
                row = rows.get(change.reference)
                values: dict[str, Any] = {
                    "content_hash": change.content_hash,
                    "last_changed": to_db(now),
                    "status": change.status,
                    "source_file": change.source_file,
                }
                notice = change.notice
                if notice is not None:
                    values["notice"] = notice.model_dump_json()
                    values["title"] = notice.title
                    values["deadline"] = notice.deadline
                if row is None:
                    slug = assign_page(change.reference, taken)
                    url = page_url(self.base_url, slug)
                    revision = 1
                    conn.execute(
                        sa.insert(cat_mod.notices).values(
                            reference=change.reference,
                            first_seen=to_db(now),
                            page=page_path(slug),
                            url=url,
                            revision=revision,
                            **values,
                        )
                    )
                else:
                    url = row.url
                    revision = row.revision + 1
                    conn.execute(
                        sa.update(cat_mod.notices)
                        .where(cat_mod.notices.c.reference == change.reference)
                        .values(revision=revision, **values)
                    )
                inserted = conn.execute(
                    sa.insert(cat_mod.changes).values(
                        reference=change.reference,
                        kind=change.kind,
                        content_hash=change.content_hash,
                        previous_hash=change.previous_hash,
                        status=change.status,
                        revision=revision,
                        url=url,
                        source_file=change.source_file,
                        at=to_db(now),
                    )
                )
                key = inserted.inserted_primary_key
                assert key is not None
                change_id = key[0]
                self.result.changes.append(
                    ChangeLine(change.kind, change.reference, url, change.source_file)
                )
                never_shown = row is None or row.status == "withdrawn"
                if o.push is None or (never_shown and change.status != "open"):
                    # nothing to tell a board about a notice it never saw open
                    continue
                record = change_record(
                    {
                        "id": change_id,
                        "kind": change.kind,
                        "reference": change.reference,
                        "content_hash": change.content_hash,
                        "previous_hash": change.previous_hash,
                        "status": change.status,
                        "url": url,
                        "source_file": change.source_file,
                        "at": to_db(now),
                    }
                )
                posting = None
                if o.push_format == "avis" and change.status == "open" and notice is not None:
                    posting = job_posting_json(notice, url, self.wopts)
                conn.execute(
                    sa.insert(cat_mod.outbox).values(
                        change_id=change_id,
                        target=o.push,
                        format=o.push_format,
                        idempotency_key=idempotency_key(
                            change.reference, change.content_hash, change.kind, revision
                        ),
                        body=json.dumps(body(o.push_format, record, posting), ensure_ascii=False),
                    )
                )
            for ref, source in plan.moved.items():
                conn.execute(
                    sa.update(cat_mod.notices)
                    .where(cat_mod.notices.c.reference == ref)
                    .values(source_file=source)
                )

    # -- 3: site ------------------------------------------------------------------------------

    def _render_stamp(self) -> dict[str, Any]:
        """What a page looks like besides its notice: avis's version (templates) and the
        publisher settings. A change rewrites every page, so none keeps the old ones."""
        from avis import __version__

        w = self.wopts
        return {
            "avis": __version__,
            "base_url": w.base_url,
            "publisher": w.publisher,
            "publisher_url": w.publisher_url,
            "logo": w.logo,
        }

    def _stamp_changed(self, stamp: dict[str, Any]) -> list[str]:
        """The stamp keys that differ from the last run's (every key when none was kept)."""
        try:
            kept = json.loads((self.work / RENDER_STAMP).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            kept = None
        if not isinstance(kept, dict):
            return sorted(stamp)
        return sorted(k for k in stamp if kept.get(k) != stamp[k])

    def _write_site(self, catalogue: Catalogue) -> None:
        writer = SiteWriter(self.site, self.base_url, self.wopts, catalogue.notice)
        unwritten = catalogue.unwritten_changes()
        rows = catalogue.rows()
        todo = dict.fromkeys(c["reference"] for c in unwritten)
        stamp = self._render_stamp()
        changed = self._stamp_changed(stamp)
        rebuild = self.options.rebuild or bool(changed)
        if changed and len(changed) < len(stamp) and rows:
            self.result.warnings.append(
                f"page settings changed since the last run ({', '.join(changed)}): "
                "every page is rewritten"
            )
        for row in rows.values():
            live = row.status != "withdrawn"
            if rebuild or (live and writer.page_missing(row)):
                todo.setdefault(row.reference)
        failed: set[str] = set()
        for ref in todo:
            row = rows[ref]
            try:
                if row.status == "withdrawn":
                    writer.remove_page(row)
                else:
                    writer.write_page(row)
            except AvisError as exc:  # kept unwritten: the next run tries again
                failed.add(ref)
                message = f"page of {ref} not written: {exc.message}"
                self.result.problems.append(Problem(row.source_file, exc.code, message))
        indexes = ("sitemap.xml", "changes.jsonl", "index.html")
        if todo or unwritten or not all((self.site / n).exists() for n in indexes):
            self.result.warnings.extend(
                writer.write_indexes(list(rows.values()), catalogue.all_changes(), self.clock())
            )
        done = [c["id"] for c in unwritten if c["reference"] not in failed]
        catalogue.mark_written(done, self.clock())
        if not failed:  # a page left unwritten is retried with the new settings next time
            write_atomic(self.work / RENDER_STAMP, json.dumps(stamp, sort_keys=True).encode())

    # -- 4: push ------------------------------------------------------------------------------

    def _push(self, catalogue: Catalogue) -> None:
        o = self.options
        elsewhere = [r for r in catalogue.pending() if r["target"] != o.push]
        if elsewhere:
            targets = sorted({r["target"] for r in elsewhere})
            self.result.warnings.append(
                f"{len(elsewhere)} change(s) are queued for another push target "
                f"({', '.join(targets)}): run with that --push to send them"
            )
        if o.push is None:
            return
        pusher = Pusher(
            o.push,
            headers=o.push_headers,
            timeout=o.push_timeout,
            max_attempts=o.push_attempts,
            backoff=o.push_backoff,
            sleep=self.sleep,
            transport=self.transport,
        )
        try:
            self.result.pushes = push_pending(catalogue, pusher, self.clock)
        finally:
            pusher.close()
        self.result.queued = len(catalogue.pending(o.push))

    def _count(self, rows: Mapping[str, NoticeRow], plan: Plan | None) -> None:
        status = {r.reference: r.status for r in rows.values()}
        if plan is not None:
            status.update({c.reference: c.status for c in plan.changes})
        self.result.counts = {
            s: n for s in cat_mod.STATUSES if (n := sum(1 for v in status.values() if v == s))
        }


def _own_folders(
    inputs: Sequence[str | os.PathLike[str]], cwd: str, folders: Sequence[Path]
) -> list[str]:
    """Exclude patterns for the site and work folders when they lie in an input folder
    (``avis sync . -o public``): avis's own pages must never be read back as notices."""
    patterns: list[str] = []
    for arg in inputs:
        top = os.path.normpath(os.path.join(cwd, os.fspath(arg)))
        if not os.path.isdir(top):
            continue
        for folder in folders:
            path = os.path.normpath(str(folder))
            if path.startswith(top.rstrip(os.sep) + os.sep):
                rel = os.path.relpath(path, top).replace(os.sep, "/")
                patterns.append("".join(f"[{c}]" if c in "*?[" else c for c in rel))
    return patterns


def _duplicate_warning(d: Duplicate) -> str:
    same = "the same notice" if d.same_content else "different versions"
    return (
        f"reference {d.reference} is printed in {len(d.dropped) + 1} files ({same}): "
        f"published once from {d.kept}; ignored {', '.join(d.dropped)}"
    )


def real_clock() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def run_sync(
    inputs: Sequence[str | os.PathLike[str]],
    site: str | os.PathLike[str],
    options: SyncOptions,
    *,
    progress: ProgressSink | None = None,
    clock: Callable[[], dt.datetime] = real_clock,
    sleep: Callable[[float], None] = time.sleep,
    transport: httpx.BaseTransport | None = None,
    cwd: str | os.PathLike[str] | None = None,
) -> SyncResult:
    """Publish INPUTS into the site folder ``site``; see the module doc.

    ``clock`` (aware datetimes) stamps first seen / last changed / sent; ``sleep`` is the
    back-off between push retries; both are injectable so tests are deterministic. Raises
    :class:`~avis.errors.UsageError` for bad options, :class:`KeyboardInterrupt` when the
    parse was interrupted; every problem with an input is in the result instead.
    """
    base = os.path.abspath(cwd if cwd is not None else os.getcwd())
    site_path = Path(os.path.join(base, os.fspath(site)))
    opts = options
    if opts.work_dir is not None and not opts.work_dir.is_absolute():
        from dataclasses import replace

        opts = replace(opts, work_dir=Path(base, opts.work_dir))
    return _Sync(inputs, site_path, opts, progress, clock, sleep, transport, base).run()
