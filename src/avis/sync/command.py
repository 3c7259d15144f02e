"""The ``avis sync`` command: options → :func:`avis.sync.run.run_sync` → report and exit code."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from avis.errors import AvisError

EXIT_USAGE = 2


def _headers(values: tuple[str, ...]) -> dict[str, str]:
    headers: dict[str, str] = {}
    for value in values:
        name, sep, content = value.partition(":")
        if not sep or not name.strip():
            raise click.BadParameter(f"{value!r} is not 'Name: value'", param_hint="--push-header")
        headers[name.strip()] = content.strip()
    return headers


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    "site",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="the site folder: one page per notice, sitemap.xml, feed.xml, changes.jsonl",
)
@click.option(
    "--base-url",
    required=True,
    help="absolute URL the site folder is served at (https://jobs.example.nc/)",
)
@click.option(
    "--catalog",
    "catalog",
    default=None,
    help="catalogue database URL (postgresql+psycopg://…) or SQLite file "
    "[default: SITE.avis/catalogue.sqlite]",
)
@click.option(
    "--work-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="parse cache (and default catalogue) [default: SITE.avis beside SITE]",
)
@click.option("--prune", is_flag=True, help="withdraw catalogued notices whose input is gone")
@click.option("--dry-run", is_flag=True, help="list the changes; write and send nothing")
@click.option("--rebuild", is_flag=True, help="rewrite every page and index from the catalogue")
@click.option("--push", "push", default=None, metavar="URL", help="POST each change to URL")
@click.option(
    "--push-format",
    type=click.Choice(["avis", "google"]),
    default="avis",
    show_default=True,
    help="body: avis change record + JobPosting, or Google Indexing API {url, type}",
)
@click.option(
    "--push-header",
    multiple=True,
    metavar="'NAME: VALUE'",
    help="extra request header (e.g. Authorization); never stored",
)
@click.option(
    "--push-attempts",
    type=click.IntRange(min=1),
    default=5,
    show_default=True,
    help="tries per change on 5xx/timeouts",
)
@click.option(
    "--push-timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=10.0,
    show_default=True,
    help="seconds per request",
)
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="the date expiry is judged against, also used to stamp the run (YYYY-MM-DD) "
    "[default: today in each notice's zone]",
)
@click.option("--country", default=None, help="ISO 3166 code when a notice names no known place")
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), default=None, help="worker processes [one per CPU]"
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=120.0,
    show_default=True,
    help="seconds one document may take to parse",
)
@click.option("--exclude", multiple=True, metavar="GLOB", help="skip names/paths matching GLOB")
@click.option("--password", default=None, help="password of encrypted PDFs")
@click.option("--max-pages", default=200, show_default=True, help="refuse longer files")
@click.option("--max-mb", default=200.0, show_default=True, help="refuse larger files")
@click.option(
    "--ocr/--no-ocr", default=True, show_default=True, help="OCR pages that have no text layer"
)
@click.option("-q", "--quiet", is_flag=True, help="no progress bar, no summary line")
def sync(
    inputs: tuple[str, ...],
    site: Path,
    base_url: str,
    catalog: str | None,
    work_dir: Path | None,
    prune: bool,
    dry_run: bool,
    rebuild: bool,
    push: str | None,
    push_format: str,
    push_header: tuple[str, ...],
    push_attempts: int,
    push_timeout: float,
    today: dt.datetime | None,
    country: str | None,
    jobs: int | None,
    timeout: float,
    exclude: tuple[str, ...],
    password: str | None,
    max_pages: int,
    max_mb: float,
    ocr: bool,
    quiet: bool,
) -> None:
    """Publish the notices in INPUTS to a site folder, writing only what changed.

    Parses INPUTS (files, folders, globs) like 'avis convert', compares them with the
    catalogue, and writes one page per open notice (JobPosting JSON-LD inside), sitemap.xml,
    feed.xml and changes.jsonl (new, updated, expired, withdrawn). With --push, each change is
    POSTed to URL once (Idempotency-Key header; queued in the catalogue until accepted, so an
    interrupted run loses and duplicates nothing). One report line per change on stdout.
    Exit status: 0 all published and pushed, 1 an input or a push failed, 2 usage error,
    130 interrupted.
    """
    from rich.console import Console

    from avis.batch.progress import NoProgress, ProgressSink, RichProgress
    from avis.cli import _options
    from avis.sync.run import SyncOptions, real_clock, run_sync

    day = today.date() if today is not None else None
    options = SyncOptions(
        base_url=base_url,
        catalog=catalog,
        work_dir=work_dir,
        prune=prune,
        dry_run=dry_run,
        rebuild=rebuild,
        push=push,
        push_format=push_format,
        push_headers=_headers(push_header),
        push_timeout=push_timeout,
        push_attempts=push_attempts,
        today=day,
        country=country.upper() if country else None,
        read_options=_options(password, max_pages, max_mb, ocr, one_document=False),
        jobs=jobs,
        timeout=timeout,
        excludes=exclude,
    )
    clock = real_clock
    if day is not None:
        # a fixed day stamps the run at its start (UTC): reruns give the same catalogue
        def clock() -> dt.datetime:
            return dt.datetime.combine(day, dt.time(0, 0), dt.UTC)

    console = Console(stderr=True)
    progress: ProgressSink = (
        RichProgress(console) if console.is_terminal and not quiet else NoProgress()
    )
    try:
        result = run_sync(inputs, site, options, progress=progress, clock=clock)
    except AvisError as exc:
        click.echo(f"avis: error [{exc.code}]: {exc}", err=True)
        sys.exit(EXIT_USAGE if exc.code == "usage" else 1)
    except KeyboardInterrupt:
        click.echo("avis: interrupted (rerun to finish: nothing is lost)", err=True)
        sys.exit(130)
    for warning in result.warnings:
        click.echo(f"avis: warning: {warning}", err=True)
    for line in result.lines():
        click.echo(line)
    if not quiet:
        click.echo(f"avis: {result.summary()}", err=True)
    sys.exit(result.exit_code)
