"""One settings source for every command: ``avis.toml`` plus command-line options.

The file is ``--config FILE``, else ``avis.toml`` in the current folder when there is one. A
command-line option overrides the file's value; lexicon files add up. Keys::

    country = "FR"                        # ISO 3166-1 alpha-2, for notices naming no known place
    publisher = "Emplois de la ville"     # feed <publisher>
    publisher_url = "https://emplois.example.org/"
    logo = "https://emplois.example.org/logo.png"   # JSON-LD hiringOrganization.logo
    base_url = "https://emplois.example.org/offres/" # links: BASE_URL/REFERENCE
    default_employer = "Ville de Lyon"    # for notices that print no employer
    lexicon = ["labels.toml"]             # extra label wordings (relative to this file)

Other tables (``[sync]``…) belong to the commands that read them and are kept as they are.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from avis.errors import UsageError

if TYPE_CHECKING:
    from avis.enrich import EnrichOptions

CONFIG_NAME = "avis.toml"

_TEXT_KEYS = ("country", "publisher", "publisher_url", "logo", "base_url", "default_employer")
_URL_KEYS = ("publisher_url", "logo", "base_url")
KEYS = (*_TEXT_KEYS, "lexicon")


@dataclass(frozen=True, slots=True)
class Settings:
    """What the user told avis about their notices and their publication."""

    country: str | None = None
    publisher: str | None = None
    publisher_url: str | None = None
    logo: str | None = None
    base_url: str | None = None
    default_employer: str | None = None
    lexicon: tuple[Path, ...] = ()
    config: Path | None = None
    """The file these settings were read from (for messages), if any."""
    sections: Mapping[str, Mapping[str, Any]] = field(default_factory=dict, compare=False)
    """Other tables of the file (``[sync]``…), for the commands that own them."""

    def enrich_options(self) -> EnrichOptions:
        """What the enrich stage may use of these settings."""
        from avis.enrich import EnrichOptions

        return EnrichOptions(country=self.country, employer=self.default_employer)

    def merged(self, **overrides: Any) -> Settings:
        """These settings with every non-empty override applied (lexicon files add up)."""
        values: dict[str, Any] = {}
        for key, value in overrides.items():
            if key not in KEYS:
                raise UsageError(f"unknown setting {key!r}; known settings: {', '.join(KEYS)}")
            if value is None or value == () or value == []:
                continue
            if key == "lexicon":
                values[key] = self.lexicon + tuple(Path(p) for p in value)
            else:
                values[key] = _check(key, value, "the command line")
        return replace(self, **values)


def _check(key: str, value: Any, where: str) -> Any:
    """A setting's value, checked; UsageError naming ``where`` and the fix otherwise."""
    if not isinstance(value, str) or not value.strip():
        raise UsageError(f"{where}: {key} must be a non-empty text, not {value!r}")
    value = value.strip()
    if key == "country":
        return check_country(value, where)
    if key in _URL_KEYS:
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise UsageError(
                f"{where}: {key} must be an absolute http(s) URL (https://…), not {value!r}"
            )
    return value


def check_country(value: str, where: str = "country") -> str:
    """An ISO 3166-1 alpha-2 code, upper-cased; UsageError for anything else."""
    from avis.enrich.data import country_names

    code = value.strip().upper()
    known = country_names()
    if not re.fullmatch(r"[A-Z]{2}", code) or (known and code not in known):
        raise UsageError(
            f"{where}: {value!r} is not an ISO 3166-1 alpha-2 country code "
            "(two letters, e.g. FR, NC, PF, BE)"
        )
    return code


def read_file(path: Path) -> Settings:
    """Settings from one ``avis.toml``; UsageError saying which line or key is wrong."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read the settings file {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise UsageError(f"the settings file {path} is not UTF-8 text") from exc
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"the settings file {path} is not valid TOML: {exc}") from exc
    values: dict[str, Any] = {}
    sections: dict[str, Mapping[str, Any]] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            sections[key] = value
        elif key == "lexicon":
            files = [value] if isinstance(value, str) else value
            if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
                raise UsageError(f"{path}: lexicon must be a file name or a list of them")
            values["lexicon"] = tuple((path.parent / f).resolve() for f in files)
        elif key in _TEXT_KEYS:
            values[key] = _check(key, value, str(path))
        else:
            raise UsageError(f"{path}: unknown setting {key!r}; known settings: {', '.join(KEYS)}")
    return Settings(**values, config=path, sections=sections)


def load(config: Path | None = None, cwd: Path | None = None, **overrides: Any) -> Settings:
    """The settings of one command: ``config`` (or ``avis.toml`` in ``cwd``), then overrides."""
    if config is None:
        candidate = (cwd or Path.cwd()) / CONFIG_NAME
        base = read_file(candidate) if candidate.is_file() else Settings()
    else:
        if not config.is_file():
            raise UsageError(f"the settings file {config} does not exist")
        base = read_file(config)
    return base.merged(**overrides)


def settings_dict(settings: Settings) -> dict[str, Any]:
    """Plain values (for worker processes and run fingerprints); see :func:`settings_from_dict`.

    Lexicon files come with the digest of their content, so a batch redoes its documents when
    a wording file changes, not only when its name does."""
    import hashlib

    def digest(path: Path) -> str | None:
        try:
            return hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            return None

    return {
        **{key: getattr(settings, key) for key in _TEXT_KEYS},
        "lexicon": [str(p) for p in settings.lexicon],
        "lexicon_sha256": [digest(p) for p in settings.lexicon],
    }


def settings_from_dict(values: Mapping[str, Any]) -> Settings:
    """The Settings :func:`settings_dict` gave (already checked: not re-validated)."""
    known = {k: v for k, v in values.items() if k in _TEXT_KEYS}
    return Settings(**known, lexicon=tuple(Path(p) for p in values.get("lexicon", ())))
