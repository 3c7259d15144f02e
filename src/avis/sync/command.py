"""The ``avis sync`` command: options → :func:`avis.sync.run.run_sync` → report and exit code."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import click
from click.core import ParameterSource

from avis.cli_settings import current_settings, settings_options
from avis.errors import AvisError, UsageError
from avis.settings import Settings

EXIT_USAGE = 2


def _headers(values: tuple[str, ...]) -> dict[str, str]:
    headers: dict[str, str] = {}
    for value in values:
        name, sep, content = value.partition(":")
        if not sep or not name.strip():
            raise click.BadParameter(f"{value!r} is not 'Name: value'", param_hint="--push-header")
        headers[name.strip()] = content.strip()
    return headers


TABLE = "sync"
_TABLE_KEYS = ("catalog", "work_dir", "push", "push_format", "push_attempts", "push_timeout")


def _base_url(settings: Settings) -> str:
    """The site's URL: the shared ``base_url`` setting (``--base-url`` or avis.toml)."""
    if not settings.base_url:
        raise UsageError(
            "avis sync needs the URL the site is served at: --base-url https://… "
            'or base_url = "https://…" in avis.toml'
        )
    return settings.base_url


def _table_values(settings: Settings, ctx: click.Context) -> dict[str, Any]:
    """Sync-only settings from the ``[sync]`` table of the settings file, for the options the
    command line left at their default (the command line wins, as for the shared settings).
    Paths (``work_dir``, a ``catalog`` that is a file, not a URL) are relative to the file."""
    table = settings.sections.get(TABLE, {})
    where = f"{settings.config}: [{TABLE}]"
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in _TABLE_KEYS:
            raise UsageError(f"{where} unknown key {key!r}; known keys: {', '.join(_TABLE_KEYS)}")
        if ctx.get_parameter_source(key) not in (ParameterSource.DEFAULT, None):
            continue
        values[key] = _table_value(key, value, where, settings.config)
    return values


def _table_value(key: str, value: Any, where: str, config: Path | None) -> Any:
    base = config.parent if config is not None else Path()
    if key == "push_attempts":
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise UsageError(f"{where} push_attempts must be a whole number ≥ 1, not {value!r}")
        return value
    if key == "push_timeout":
        if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
            raise UsageError(f"{where} push_timeout must be a number of seconds > 0, not {value!r}")
        return float(value)
    if not isinstance(value, str) or not value.strip():
        raise UsageError(f"{where} {key} must be a non-empty text, not {value!r}")
    value = value.strip()
    from avis.sync.push import PUSH_FORMATS

    if key == "push_format" and value not in PUSH_FORMATS:
        raise UsageError(f"{where} push_format must be one of {', '.join(PUSH_FORMATS)}")
    if key == "work_dir":
        return base / value
    if key == "catalog" and "://" not in value:
        return str(base / value)
    return value


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
@settings_options
def sync(
    inputs: tuple[str, ...],
    site: Path,
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
    --base-url (the URL SITE is served at), --country, --publisher… are the settings
    'avis convert' reads (avis.toml or --config); its [sync] table may set catalog, work_dir,
    push, push_format, push_attempts and push_timeout.
    Exit status: 0 all published and pushed, 1 an input or a push failed, 2 usage error,
    130 interrupted.
    """
    from rich.console import Console

    from avis.batch.progress import NoProgress, ProgressSink, RichProgress
    from avis.cli import _options
    from avis.sync.run import SyncOptions, real_clock, run_sync

    day = today.date() if today is not None else None
    try:
        settings = current_settings()
        table = _table_values(settings, click.get_current_context())
        options = SyncOptions(
            base_url=_base_url(settings),
            catalog=table.get("catalog", catalog),
            work_dir=table.get("work_dir", work_dir),
            prune=prune,
            dry_run=dry_run,
            rebuild=rebuild,
            push=table.get("push", push),
            push_format=table.get("push_format", push_format),
            push_headers=_headers(push_header),
            push_timeout=table.get("push_timeout", push_timeout),
            push_attempts=table.get("push_attempts", push_attempts),
            today=day,
            settings=settings,
            read_options=_options(password, max_pages, max_mb, ocr, one_document=False),
            jobs=jobs,
            timeout=timeout,
            excludes=exclude,
        )
    except AvisError as exc:
        click.echo(f"avis: error [{exc.code}]: {exc}", err=True)
        sys.exit(EXIT_USAGE)
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
