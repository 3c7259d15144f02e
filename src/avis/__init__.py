"""avis — official job notices (avis de vacance de poste) as validated, exchangeable data.

The Python API, the same pipeline as the command line::

    import avis

    notice = avis.parse("notice.pdf", country="FR")      # -> avis.Notice
    html_ready = avis.write(notice, "jsonld", base_url="https://jobs.example.org/")

``parse`` reads a path, bytes or a Notice JSON; ``write`` renders any ``--to`` format and
checks it against its schema. Errors are :class:`avis.errors.AvisError` subclasses.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from avis.model import Notice

__all__ = ["Notice", "__version__", "formats", "parse", "write"]

_READ_KEYS = ("password", "max_pages", "max_bytes", "max_pixels", "ocr", "ocr_lang", "ocr_dpi")
_SETTING_KEYS = (
    "country",
    "publisher",
    "publisher_url",
    "logo",
    "base_url",
    "default_employer",
    "lexicon",
)
_WRITE_KEYS = ("today", "generated_at", "include_expired", "bom", "validate", "csv_guard_formulas")


def _split(options: dict[str, Any], allowed: tuple[str, ...], what: str) -> None:
    unknown = sorted(set(options) - set(allowed))
    if unknown:
        from avis.errors import UsageError

        raise UsageError(
            f"unknown {what} option(s) {', '.join(unknown)}; known: {', '.join(allowed)}"
        )


def _settings(options: dict[str, Any]) -> Any:
    from avis.settings import Settings, load

    config = options.pop("config", None)
    given = {k: options.pop(k) for k in _SETTING_KEYS if k in options}
    if isinstance(given.get("lexicon"), str | os.PathLike):
        given["lexicon"] = [given["lexicon"]]
    if config is not None:
        from pathlib import Path

        return load(Path(config), **given)
    return Settings().merged(**given)


def parse(source: str | os.PathLike[str] | bytes, **options: Any) -> Notice:
    """Read one notice (a path, its bytes, or a Notice JSON) into a validated, enriched Notice.

    Options: reading limits (``password``, ``max_pages``, ``max_bytes``, ``ocr``…) and the
    settings (``country``, ``default_employer``, ``lexicon``…, or ``config="avis.toml"``). No
    settings file is read unless ``config`` names one. Raises :class:`avis.errors.AvisError`.
    """
    from avis.pipeline import parse_bytes, parse_path
    from avis.readers import ReadOptions

    options = dict(options)
    settings = _settings(options)
    _split(options, _READ_KEYS, "parse")
    read = ReadOptions(**options)
    if isinstance(source, bytes | bytearray | memoryview):
        return parse_bytes(bytes(source), None, read, settings)
    return parse_path(os.fspath(source), read, settings)


def write(notice: Notice | list[Notice], fmt: str = "json", **options: Any) -> str | bytes:
    """Render ``notice`` (or a list, for ``feed`` and ``csv``) in format ``fmt``, checked
    against the format's schema. Text formats give ``str``; a binary format gives ``bytes``.

    Options: the settings that shape outputs (``base_url``, ``publisher``, ``publisher_url``,
    ``logo``, or ``config=``) and per-run ones (``today``, ``include_expired``, ``bom``,
    ``validate``). ``country``/``default_employer`` re-run the enrich stage on the notice,
    filling only what it lacks (a parsed notice is already enriched).
    """
    from avis.enrich import enrich
    from avis.writers import WriterOptions, get_writer

    options = dict(options)
    settings = _settings(options)
    _split(options, _WRITE_KEYS, "write")
    writer = get_writer(fmt)
    notices = list(notice) if isinstance(notice, list) else [notice]
    if settings.country or settings.default_employer:
        notices = [enrich(n, settings.enrich_options()) for n in notices]
    data = writer.render(notices, options=WriterOptions.from_settings(settings, **options))
    return data if writer.binary else data.decode("utf-8")


def formats() -> list[str]:
    """The output formats ``write`` accepts."""
    from avis.writers import writer_names

    return writer_names()


def __getattr__(name: str) -> Any:
    """``avis.Notice`` without importing Pydantic models on ``import avis``."""
    if name == "Notice":
        from avis.model import Notice

        return Notice
    raise AttributeError(f"module 'avis' has no attribute {name!r}")
