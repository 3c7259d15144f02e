"""The reading flags every command that reads notices shares (--password, --max-pages,
--max-mb, --max-pixels, --pdf-engine, --ocr), in one place so `parse`, `eval`, `convert` and
`review` refuse the same files the same way."""

from __future__ import annotations

import os

import click

from avis.readers import PDF_ENGINES, ReadOptions


def read_options_from_flags(
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


def read_options(f):  # type: ignore[no-untyped-def]
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
