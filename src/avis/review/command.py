"""The ``avis review`` command (registered in ``avis.cli``)."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

import click

from avis.cli_read_options import read_options, read_options_from_flags
from avis.errors import AvisError


def _reviewer() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=0,
    show_default="a free port",
    help="port on 127.0.0.1 to serve on",
)
@click.option("--open", "open_browser", is_flag=True, help="open the page in a web browser")
@click.option("--reviewer", default=None, help="name recorded with each correction [login]")
@read_options
def review(
    paths: tuple[Path, ...],
    port: int,
    open_browser: bool,
    reviewer: str | None,
    password: str | None,
    max_pages: int,
    max_mb: float,
    ocr: bool,
) -> None:
    """Check and correct notices in a local web page (127.0.0.1 only).

    PATHS: notice files, folders, or `avis convert` output folders. Each field is drawn on its
    page; an edit is saved beside the input as NAME.corrections.json and applied by the next
    `avis parse` / `avis convert`. Keys: n/p next/previous notice, w next warning,
    Ctrl+Enter save. Ctrl-C stops.
    """
    from avis.review.app import create_app
    from avis.review.server import ReviewServer

    # one notice at a time, parsed as the page asks for it: one OCR thread leaves the server free
    options = read_options_from_flags(password, max_pages, max_mb, ocr, one_document=False)
    try:
        app = create_app(
            list(paths),
            reviewer=reviewer if reviewer is not None else _reviewer(),
            options=options,
        )
    except AvisError as exc:
        click.echo(f"avis: {exc}", err=True)
        sys.exit(2)
    try:
        server = ReviewServer(app, port)
    except OSError as exc:
        click.echo(f"avis: cannot listen on 127.0.0.1:{port}: {exc.strerror or exc}", err=True)
        sys.exit(2)
    count = len(app.state.review.catalog.entries)
    click.echo(f"avis review: {count} notice(s) at {server.url}  (Ctrl-C to stop)", err=True)
    click.echo(server.url)
    if open_browser:
        import webbrowser

        webbrowser.open(server.url)
    server.serve()
