"""Command line: wires readers → extract → writers; no logic of its own."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from avis import __version__
from avis.cli_read_options import read_options as _read_options
from avis.cli_read_options import read_options_from_flags as _options
from avis.cli_settings import current_settings, settings_options
from avis.errors import AvisError

if TYPE_CHECKING:
    from avis.batch import BatchSummary
from avis.readers import ReadOptions

EXIT_FAILED = 1
EXIT_USAGE = 2


class _Group(click.Group):
    """Every command: an OS error that escapes (a full disk, a closed pipe) is a typed message
    and exit status 1, Ctrl-C exit status 130 — never a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        from avis.files import os_error

        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:  # Ctrl-C: the conventional status, not click's "Aborted!"
            click.echo("avis: interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:
            sys.exit(EXIT_FAILED)
        except OSError as exc:
            err = os_error(exc, "complete the command", exc.filename)
            click.echo(f"avis: error [{err.code}]: {err}", err=True)
            sys.exit(EXIT_FAILED)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="avis")
def main() -> None:
    """avis — job notices (avis de vacance de poste) as validated, exchangeable data."""


def _writer_names() -> list[str]:
    from avis.writers import writer_names

    return writer_names()


def _kind_names() -> list[str]:
    from avis.writers import FORMATS

    return [f.name for f in FORMATS]


class _ListingOption(click.Option):
    """An option whose help ends with a list of names (the formats) computed when help is
    shown: importing every writer to build the help text cost each command ≈ 0.2 s before it
    started (and ``avis convert`` waits for that before starting its workers)."""

    def __init__(self, *args: Any, listing: Callable[[], list[str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._listing = listing
        self._base_help = self.help or ""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        self.help = self._base_help + ", ".join(self._listing())
        return super().get_help_record(ctx)


def _write_out(data: bytes, output: Path | None) -> None:
    """``data`` to ``output`` (atomically: a temp file, then rename), else to stdout; a full
    disk or a refused write is a typed error (``disk_full``, ``permission_denied``…)."""
    from avis.files import write_atomic, write_stdout

    if output is None or str(output) == "-":
        write_stdout(data)
        return
    write_atomic(output, data)


@main.command()
@click.argument("file", type=click.Path(allow_dash=True, dir_okay=False, path_type=Path))
@click.option(
    "--explain", is_flag=True, help="per field: found or missing, rule, source text, place"
)
@click.option(
    "--to",
    "to",
    default="json",
    show_default=True,
    cls=_ListingOption,
    listing=_writer_names,
    help="output format: ",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(allow_dash=True, dir_okay=False, path_type=Path),
    default=None,
    help="write to this file (atomically) instead of stdout",
)
@click.option("--include-expired", is_flag=True, help="feed: keep notices whose deadline passed")
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="the date 'expired' and statuses are judged against (default: today where the notice is)",
)
@click.option("--bom", is_flag=True, help="csv: start with a UTF-8 BOM for Excel")
@click.option(
    "--alto",
    "alto_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="also write each page's text with word boxes as ALTO 4.4 XML into this folder",
)
@settings_options
@_read_options
def parse(
    file: Path,
    explain: bool,
    to: str,
    output: Path | None,
    include_expired: bool,
    today: object,
    bom: bool,
    alto_dir: Path | None,
    password: str | None,
    max_pages: int,
    max_mb: float,
    ocr: bool,
) -> None:
    """Parse one notice FILE ('-' for stdin) and print it (Notice JSON by default).

    FILE may be a notice (PDF, Word, HTML, text, scan) or a Notice JSON avis wrote, corrected
    by hand or not: it is validated and written again (avis parse x.json --to jsonld).
    Settings come from --config FILE or ./avis.toml, overridden by the options.
    """
    import datetime as dt

    from avis.pipeline import parse_document
    from avis.writers import WriterOptions, get_writer

    options = _options(password, max_pages, max_mb, ocr, one_document=True)
    try:
        writer = get_writer(to)
        settings = current_settings()
    except AvisError as exc:
        click.echo(f"avis: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    try:
        from avis.files import read_input, read_stream, shown

        if str(file) == "-":
            data, name = read_stream(sys.stdin.buffer, options.max_bytes), None
        else:
            data, name = read_input(file, options.max_bytes), shown(file.name)
        doc, notice = parse_document(
            data, name, options, settings, input_path=None if name is None else file
        )
        if alto_dir is not None:
            from avis.files import write_atomic
            from avis.writers.alto import render_alto

            stem = Path(name).name if name else "stdin"
            if not any(p.origin in ("ocr", "text_layer") for p in doc.pages):
                click.echo(
                    f"avis: {stem} has no page geometry (a {doc.format} file): no ALTO written",
                    err=True,
                )
            else:
                from avis.readers.ocr import tesseract_version

                ocr_pages = any(p.origin == "ocr" for p in doc.pages)
                version = tesseract_version() if ocr_pages else None
                for page in doc.pages:  # each page atomically: never a truncated file
                    alto = render_alto(doc, page, name or stem, version)
                    page_name = f"{file.name if name else stem}.p{page.number:03d}.alto.xml"
                    write_atomic(alto_dir / page_name, alto)
        if explain:
            from avis.explain import explain_notice

            text = explain_notice(notice) + "\n"
            _write_out(text.encode("utf-8"), output)
            return
        wopts = WriterOptions.from_settings(
            settings,
            include_expired=include_expired,
            today=today.date() if isinstance(today, dt.datetime) else None,
            bom=bom,
        )
        _write_out(writer.render([notice], options=wopts), output)
    except BrokenPipeError:
        sys.exit(EXIT_FAILED)
    except AvisError as exc:
        click.echo(f"avis: error [{exc.code}]: {exc}", err=True)
        sys.exit(EXIT_FAILED)


@main.command()
@click.argument("name", required=False)
def schema(name: str | None) -> None:
    """Print a schema avis publishes (NAME: a schema or an output format name), or list them."""
    from avis.validate import schema_listing, schema_text

    if name is None:
        click.echo(schema_listing())
        return
    try:
        click.echo(schema_text(name), nl=False)
    except AvisError as exc:
        click.echo(f"avis: {exc}", err=True)
        sys.exit(EXIT_USAGE)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True, path_type=Path))
@click.option(
    "--kind", default=None, cls=_ListingOption, listing=_kind_names, help="skip detection: "
)
def validate(files: tuple[Path, ...], kind: str | None) -> None:
    """Check emitted FILES against their schema and say what is wrong (exit 1 if any is,
    2 if a file cannot be read)."""
    from avis.files import read_input, read_stream, shown
    from avis.validate import validate_output

    limit = ReadOptions().max_bytes
    bad = unreadable = 0
    for file in files:
        try:  # limits from stat first: a FIFO or /dev/zero is refused, never read
            data = (
                read_stream(sys.stdin.buffer, limit)
                if str(file) == "-"
                else read_input(file, limit)
            )
        except AvisError as exc:
            unreadable += 1
            click.echo(f"avis: error [{exc.code}]: {exc}", err=True)
            continue
        try:
            problems = validate_output(data, kind)
        except AvisError as exc:
            if exc.code == "usage":
                click.echo(f"avis: {exc}", err=True)
                sys.exit(EXIT_USAGE)
            problems = [str(exc)]
        file = Path(shown(file))
        if problems:
            bad += 1
            click.echo(f"{file}: INVALID")
            for p in problems:
                click.echo(f"  - {p}")
        else:
            click.echo(f"{file}: valid")
    sys.exit(EXIT_USAGE if unreadable else EXIT_FAILED if bad else 0)


@main.command(name="eval")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="machine-readable report")
@click.option("--details", is_flag=True, help="list each document's wrong fields")
@_read_options
def eval_cmd(
    directory: Path,
    as_json: bool,
    details: bool,
    password: str | None,
    max_pages: int,
    max_mb: float,
    ocr: bool,
) -> None:
    """Score every input in DIRECTORY that has a NAME.truth.json beside it."""
    from avis.evaluate import evaluate
    from avis.pipeline import parse_path
    from avis.report import render_eval_table

    options = _options(password, max_pages, max_mb, ocr, one_document=True)
    report = evaluate(directory, lambda p: parse_path(p, options))
    if not report.docs:
        click.echo(f"avis: no NAME.truth.json with its input found under {directory}", err=True)
        sys.exit(EXIT_USAGE)
    if as_json:
        click.echo(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        click.echo(render_eval_table(report, details=details))


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    "outdir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="output folder (created; mirrors the inputs' folder tree)",
)
@click.option(
    "--to",
    "formats",
    default=("json",),
    show_default=True,
    multiple=True,
    cls=_ListingOption,
    listing=_writer_names,
    help="comma-separated output formats: ",
)
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), default=None, help="worker processes [one per CPU]"
)
@click.option(
    "--executor",
    type=click.Choice(["local", "dask"]),
    default=None,
    help="where documents are converted: local worker processes [default] or a Dask cluster "
    "(pip install 'avis[dask]'; -j N local Dask workers unless --scheduler)",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    default=None,
    help="Dask scheduler to run on (tcp://host:8786); implies --executor dask",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=120.0,
    show_default=True,
    help="seconds one document may take before it is stopped and reported failed",
)
@click.option(
    "--max-tasks-per-worker",
    type=click.IntRange(min=1),
    default=500,  # avis.batch.runner.MAX_TASKS_PER_WORKER (not imported: a heavy module)
    show_default=True,
    help="replace a worker process after this many documents (bounds memory)",
)
@click.option("--force", is_flag=True, help="redo inputs the last run already converted")
@click.option("--fail-fast", is_flag=True, help="stop at the first failed input")
@click.option(
    "--alto",
    "alto",
    is_flag=True,
    help="also write each scanned or PDF page as ALTO 4.4 XML (BASE.pNNN.alto.xml)",
)
@click.option(
    "--prune",
    is_flag=True,
    help="remove outputs of inputs converted into OUTDIR before but not given this time",
)
@click.option("--exclude", multiple=True, metavar="GLOB", help="skip names/paths matching GLOB")
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="fix 'today' for expiry and status (YYYY-MM-DD)",
)
@click.option("--include-expired", is_flag=True, help="keep expired notices in the feed")
@click.option("--no-validate", is_flag=True, help="skip schema validation of outputs (faster)")
@click.option("-q", "--quiet", is_flag=True, help="no progress bar and no summary line")
@settings_options
@_read_options
def convert(
    inputs: tuple[str, ...],
    outdir: Path,
    formats: tuple[str, ...],
    jobs: int | None,
    executor: str | None,
    scheduler: str | None,
    timeout: float,
    max_tasks_per_worker: int,
    force: bool,
    fail_fast: bool,
    alto: bool,
    prune: bool,
    exclude: tuple[str, ...],
    today: object,
    include_expired: bool,
    no_validate: bool,
    quiet: bool,
    password: str | None,
    max_pages: int,
    max_mb: float,
    ocr: bool,
) -> None:
    """Convert every notice in INPUTS (files, folders, globs) into OUTDIR.

    Outputs mirror the input tree (in/a/x.pdf -> OUTDIR/a/x.pdf.json); feed and csv are one
    file for the batch. Writes OUTDIR/avis-report.jsonl (one status per input: ok, partial,
    failed, skipped) and avis-summary.json; a second run reuses what is unchanged (--force
    redoes it). Lock files, hidden files and NAME.truth.json are skipped; so is content that
    is no notice format, or no notice (a README, a script), when found in a folder (named
    explicitly, it fails); a damaged file of a known type (.pdf…) fails. Failed inputs are
    named on stderr, even with -q. Exit status: 0 all converted (or nothing to do), 1 some
    failed, 2 usage error, 130 interrupted (Ctrl-C), 143 terminated (SIGTERM).
    SOURCE_DATE_EPOCH fixes the feed's build date.
    """
    import datetime as dt

    executor = executor or ("dask" if scheduler else "local")
    if executor == "local":
        from avis.batch.server import prestart

        prestart()  # the workers' fork server warms up while the rest loads (see its module)

    from rich.console import Console

    from avis.batch import BatchOptions, run_batch
    from avis.batch.progress import NoProgress, ProgressSink, RichProgress

    try:
        settings = current_settings()
    except AvisError as exc:
        click.echo(f"avis: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    generated_at = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isdigit() else None
    options = BatchOptions(
        formats=formats,
        read_options=_options(password, max_pages, max_mb, ocr, one_document=False),
        jobs=jobs,
        timeout=timeout,
        max_tasks_per_worker=max_tasks_per_worker,
        force=force,
        fail_fast=fail_fast,
        prune=prune,
        alto=alto,
        excludes=exclude,
        today=today.date() if isinstance(today, dt.datetime) else None,
        include_expired=include_expired,
        validate=not no_validate,
        settings=settings,
        generated_at=generated_at,
        executor=executor,
        scheduler=scheduler,
    )
    console = Console(stderr=True)
    progress: ProgressSink = (
        RichProgress(console) if console.is_terminal and not quiet else NoProgress()
    )
    try:
        summary = run_batch(inputs, outdir, options, progress=progress)
    except AvisError as exc:
        click.echo(f"avis: error [{exc.code}]: {exc}", err=True)
        sys.exit(EXIT_USAGE if exc.code == "usage" else EXIT_FAILED)
    except KeyboardInterrupt:  # before the batch could set anything up
        click.echo("avis: interrupted", err=True)
        sys.exit(130)
    _print_batch_end(summary, quiet)
    sys.exit(summary.exit_code)


def _print_batch_end(summary: BatchSummary, quiet: bool) -> None:
    """Failed inputs are always named (cron mails them); the rest only without ``-q``."""
    from avis.batch.runner import REPORT_NAME

    shown_max = 20
    for failure in summary.failures[:shown_max]:
        click.echo(
            f"avis: failed: {failure['input']} [{failure['code']}] {failure['message']}", err=True
        )
    more = summary.failed - min(summary.failed, shown_max)
    if more:
        click.echo(f"avis: … and {more} more failed: see {summary.outdir}/{REPORT_NAME}", err=True)
    for problem in summary.run_errors:
        click.echo(f"avis: error [{problem['code']}]: {problem['message']}", err=True)
    for entry in summary.batch_outputs:
        if entry["status"] == "failed":
            click.echo(
                f"avis: not written: {entry['path']} [{entry['code']}] {entry['message']}", err=True
            )
    if quiet:
        return
    for dup in summary.duplicates:
        click.echo(
            f"avis: warning: reference {dup['reference']} is in {len(dup['left_out']) + 1} "
            f"inputs; kept {dup['kept']} in the feed/csv, left out {', '.join(dup['left_out'])}",
            err=True,
        )
    for entry in summary.batch_outputs:
        if entry["status"] == "empty":
            click.echo(f"avis: {entry['path']}: {entry['message']}", err=True)
    click.echo(f"avis: {summary.line()}", err=True)


from avis.review.command import review  # noqa: E402

main.add_command(review)

from avis.sync.command import sync  # noqa: E402

main.add_command(sync)
