"""The settings options every command that writes shares (parse, convert, sync).

``@settings_options`` adds ``--config``, ``--country``, ``--publisher``, ``--publisher-url``,
``--logo``, ``--base-url``, ``--default-employer`` and ``--lexicon``; ``current_settings()``
merges them over the settings file (:func:`avis.settings.load`). The options are stored on
the click context, so a command's signature does not grow with each new setting.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from avis.settings import Settings, load

F = TypeVar("F", bound=Callable[..., Any])
_META = "avis.settings"


def _store(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    if value is not None and value != ():
        ctx.meta.setdefault(_META, {})[param.name or ""] = value
    return value


_OPTIONS: tuple[tuple[tuple[str, ...], dict[str, Any]], ...] = (
    (
        ("--config", "config"),
        {
            "type": click.Path(dir_okay=False, path_type=Path),
            "help": "settings file [default: ./avis.toml when present]",
        },
    ),
    (
        ("--country", "country"),
        {
            "metavar": "CODE",
            "help": "ISO 3166 country (FR, NC…) of notices whose text names no place avis knows",
        },
    ),
    (("--publisher", "publisher"), {"help": "feed: publisher name"}),
    (("--publisher-url", "publisher_url"), {"metavar": "URL", "help": "feed: publisher URL"}),
    (("--logo", "logo"), {"metavar": "URL", "help": "jsonld: hiring organisation's logo URL"}),
    (
        ("--base-url", "base_url"),
        {"metavar": "URL", "help": "base URL of notice pages (links: BASE_URL/REFERENCE)"},
    ),
    (
        ("--default-employer", "default_employer"),
        {"metavar": "NAME", "help": "employer of notices that print none"},
    ),
    (
        ("--lexicon", "lexicon"),
        {
            "multiple": True,
            "type": click.Path(exists=True, dir_okay=False, path_type=Path),
            "help": "extra label wordings (lexicon.toml format); repeatable",
        },
    ),
)


def settings_options(f: F) -> F:
    """Add the settings options to a click command (read them with current_settings())."""
    for decls, kwargs in reversed(_OPTIONS):
        f = click.option(*decls, expose_value=False, callback=_store, **kwargs)(f)
    return f


def current_settings(cwd: Path | None = None) -> Settings:
    """The settings of the running command: its settings file, then its options.

    Raises :class:`avis.errors.UsageError` for a bad file or value; the lexicon files are
    loaded once here, so a bad one fails the command before any document is read.
    """
    ctx = click.get_current_context()
    given: dict[str, Any] = dict(ctx.meta.get(_META, {}))
    config = given.pop("config", None)
    settings = load(config, cwd, **given)
    if settings.lexicon:
        from avis.extract.lexicon import load as load_lexicon

        load_lexicon(settings.lexicon)
    return settings
