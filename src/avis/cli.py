"""Command line: wires readers → extract → writers; no logic of its own."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from avis import __version__
from avis.errors import AvisError
from avis.readers import PDF_ENGINES, ReadOptions

EXIT_FAILED = 1
EXIT_USAGE = 2


def _options(
    password: str | None, max_pages: int, max_mb: float, ocr: bool, *, one_document: bool
) -> ReadOptions:
    """Read options from the shared flags. ``one_document``: the command reads one file at a
    time (parse, eval), so a scan's pages are OCR'd on every core (up to 4); a batch's worker
    processes already share the cores."""
    ctx = click.get_current_context(silent=True)
    max_pixels = ctx.meta.get("avis.max_pixels") if ctx is not None else None
    engine = ctx.meta.get("avis.pdf_engine") if ctx is not None else None
    return ReadOptions(
        password=password,
        max_pages=max_pages,
        max_bytes=int(max_mb * 1024 * 1024),
        ocr=ocr,
        ocr_threads=min(os.cpu_count() or 1, 4) if one_document else 1,
        **({"max_pixels": max_pixels} if max_pixels else {}),
        **({"pdf_engine": engine} if engine else {}),
    )


def _store_max_pixels(ctx: click.Context, _param: click.Parameter, value: int | None) -> None:
    if value:
        ctx.meta["avis.max_pixels"] = value


def _store_pdf_engine(ctx: click.Context, _param: click.Parameter, value: str | None) -> None:
    if value:
        ctx.meta["avis.pdf_engine"] = value


def _read_options(f):  # type: ignore[no-untyped-def]
    f = click.option(
        "--pdf-engine",
        type=click.Choice(PDF_ENGINES),
        default=None,
        expose_value=False,
        callback=_store_pdf_engine,
        help=f"what reads a PDF's text layer [default: {PDF_ENGINES[0]}; pdfplumber is slower]",
    )(f)
    f = click.option("--password", default=None, help="password of an encrypted PDF")(f)
    f = click.option("--max-pages", default=200, show_default=True, help="refuse longer files")(f)
    f = click.option("--max-mb", default=200.0, show_default=True, help="refuse larger files")(f)
    f = click.option(
        "--max-pixels",
        type=int,
        default=None,
        expose_value=False,
        callback=_store_max_pixels,
        help=f"refuse image pages over this many pixels [default: {ReadOptions().max_pixels:,}]",
    )(f)
    f = click.option(
        "--ocr/--no-ocr", default=True, show_default=True, help="OCR pages that have no text layer"
    )(f)
    return f


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="avis")
def main() -> None:
    """avis — job notices (avis de vacance de poste) as validated, exchangeable data."""


def _writer_names() -> list[str]:
    from avis.writers import writer_names

    return writer_names()


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
    help="output format: json, jsonld, hropen, xml, feed, csv, dc",
)
@click.option("--include-expired", is_flag=True, help="feed: keep notices whose deadline passed")
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="the date 'expired' and statuses are judged against (default: today in Nouméa)",
)
@click.option("--bom", is_flag=True, help="csv: start with a UTF-8 BOM for Excel")
@click.option(
    "--alto",
    "alto_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="also write each page's text with word boxes as ALTO 4.4 XML into this folder",
)
@_read_options
def parse(
    file: Path,
    explain: bool,
    to: str,
    include_expired: bool,
    today: object,
    bom: bool,
    alto_dir: Path | None,
    password: str | None,
    max_pages: int,
    max_mb: float,
    ocr: bool,
) -> None:
    """Parse one notice FILE ('-' for stdin) and print it (Notice JSON by default)."""
    from avis.pipeline import parse_document
    from avis.writers import WriterOptions, get_writer

    options = _options(password, max_pages, max_mb, ocr, one_document=True)
    try:
        writer = get_writer(to)
    except AvisError as exc:
        click.echo(f"avis: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    try:
        if str(file) == "-":
            data, name = sys.stdin.buffer.read(), None
        else:
            try:
                data, name = file.read_bytes(), file.name
            except OSError as exc:
                raise AvisError(
                    f"cannot read the file: {exc.strerror or exc}", path=str(file)
                ) from exc
        doc, notice = parse_document(data, name, options, input_path=None if name is None else file)
        if alto_dir is not None:
            from avis.writers.alto import write_alto_dir

            stem = Path(name).name if name else "stdin"
            if not any(p.origin in ("ocr", "text_layer") for p in doc.pages):
                click.echo(
                    f"avis: {stem} has no page geometry (a {doc.format} file): no ALTO written",
                    err=True,
                )
            else:
                write_alto_dir(doc, alto_dir, stem, source_name=name)
        if explain:
            from avis.explain import explain_notice

            click.echo(explain_notice(notice))
            return
        wopts = WriterOptions(
            include_expired=include_expired,
            today=today.date() if today is not None else None,  # type: ignore[attr-defined]
            bom=bom,
        )
        sys.stdout.buffer.write(writer.render([notice], options=wopts))
        sys.stdout.buffer.flush()
    except AvisError as exc:
        click.echo(f"avis: error [{exc.code}]: {exc}", err=True)
        sys.exit(EXIT_FAILED)


@main.command()
@click.argument("name", required=False)
def schema(name: str | None) -> None:
    """Print a schema avis publishes (NAME), or list them."""
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
    "--kind", default=None, help="skip detection: jsonld, hropen, json, xml, feed, dc, alto"
)
def validate(files: tuple[Path, ...], kind: str | None) -> None:
    """Check emitted FILES against their schema and say what is wrong (exit 1 if any is)."""
    from avis.validate import validate_output

    bad = 0
    for file in files:
        data = sys.stdin.buffer.read() if str(file) == "-" else file.read_bytes()
        try:
            problems = validate_output(data, kind)
        except AvisError as exc:
            problems = [str(exc)]
        if problems:
            bad += 1
            click.echo(f"{file}: INVALID")
            for p in problems:
                click.echo(f"  - {p}")
        else:
            click.echo(f"{file}: valid")
    sys.exit(EXIT_FAILED if bad else 0)


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
    help="comma-separated output formats (json, jsonld, hropen, xml, dc, feed, csv…)",
)
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), default=None, help="worker processes [one per CPU]"
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
    default=50,
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
@click.option("--base-url", default=None, help="base URL of notice pages (feed, jsonld links)")
@click.option("--no-validate", is_flag=True, help="skip schema validation of outputs (faster)")
@click.option("-q", "--quiet", is_flag=True, help="no progress bar and no summary line")
@_read_options
def convert(
    inputs: tuple[str, ...],
    outdir: Path,
    formats: tuple[str, ...],
    jobs: int | None,
    timeout: float,
    max_tasks_per_worker: int,
    force: bool,
    fail_fast: bool,
    alto: bool,
    prune: bool,
    exclude: tuple[str, ...],
    today: object,
    include_expired: bool,
    base_url: str | None,
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
    is no notice format when found in a folder (named explicitly, it fails). Exit status: 0
    all converted, 1 some failed, 2 usage error, 130 interrupted. SOURCE_DATE_EPOCH fixes
    the feed's build date.
    """
    import datetime as dt
    import os

    from rich.console import Console

    from avis.batch import BatchOptions, run_batch
    from avis.batch.progress import NoProgress, ProgressSink, RichProgress

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
        base_url=base_url,
        validate=not no_validate,
        generated_at=generated_at,
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
    except KeyboardInterrupt:
        click.echo("avis: interrupted", err=True)
        sys.exit(130)
    if not quiet:
        click.echo(f"avis: {summary.line()}", err=True)
    sys.exit(summary.exit_code)


from avis.review.command import review  # noqa: E402

main.add_command(review)
