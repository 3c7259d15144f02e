"""Command line: wires readers → extract → writers; no logic of its own."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from avis import __version__
from avis.errors import AvisError
from avis.readers import ReadOptions

EXIT_FAILED = 1
EXIT_USAGE = 2


def _options(password: str | None, max_pages: int, max_mb: float, ocr: bool) -> ReadOptions:
    return ReadOptions(
        password=password, max_pages=max_pages, max_bytes=int(max_mb * 1024 * 1024), ocr=ocr
    )


def _read_options(f):  # type: ignore[no-untyped-def]
    f = click.option("--password", default=None, help="password of an encrypted PDF")(f)
    f = click.option("--max-pages", default=200, show_default=True, help="refuse longer files")(f)
    f = click.option("--max-mb", default=200.0, show_default=True, help="refuse larger files")(f)
    f = click.option(
        "--ocr/--no-ocr", default=True, show_default=True, help="OCR pages that have no text layer"
    )(f)
    return f


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="avis")
def main() -> None:
    """avis — job notices (avis de vacance de poste) as validated, exchangeable data."""


@main.command()
@click.argument("file", type=click.Path(allow_dash=True, dir_okay=False, path_type=Path))
@click.option(
    "--explain", is_flag=True, help="per field: found or missing, rule, source text, place"
)
@_read_options
def parse(
    file: Path, explain: bool, password: str | None, max_pages: int, max_mb: float, ocr: bool
) -> None:
    """Parse one notice FILE ('-' for stdin) and print its Notice JSON."""
    from avis.pipeline import parse_bytes

    options = _options(password, max_pages, max_mb, ocr)
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
        notice = parse_bytes(data, name, options)
    except AvisError as exc:
        click.echo(f"avis: error [{exc.code}]: {exc}", err=True)
        sys.exit(EXIT_FAILED)
    if explain:
        from avis.explain import explain_notice

        click.echo(explain_notice(notice))
        return
    click.echo(notice.model_dump_json(indent=2))


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

    options = _options(password, max_pages, max_mb, ocr)
    report = evaluate(directory, lambda p: parse_path(p, options))
    if not report.docs:
        click.echo(f"avis: no NAME.truth.json with its input found under {directory}", err=True)
        sys.exit(EXIT_USAGE)
    if as_json:
        click.echo(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        click.echo(render_eval_table(report, details=details))
