"""Inputs named by URL (``s3://bucket/notices/``, ``gs://…``, ``file:///srv/notices``), read
through :mod:`fsspec`.

An archive of notices too large for one machine lives on object storage; the batch then names
the objects, and whoever converts a document (a Dask worker on another machine, or a local
worker) reads it from there: only the URL travels, never the bytes. The batch process reads
each object once to hash it, as it hashes a local file, so resuming works the same way.

``fsspec`` comes with the ``dask`` extra (``pip install 'avis[dask]'``); a scheme needs its
own package (``s3fs`` for ``s3://``, ``gcsfs`` for ``gs://``), with its usual credentials
(environment variables, ``~/.aws``…) on every machine.
"""

from __future__ import annotations

import fnmatch
import hashlib
import posixpath
import time
from collections.abc import Iterator, Sequence
from typing import Any

from avis.errors import (
    AvisError,
    DocumentTimeoutError,
    LimitExceededError,
    UnreadableInputError,
    UsageError,
)

CHUNK = 1 << 20
_GLOB_CHARS = frozenset("*?[")


class FsspecMissingError(UsageError):
    """A URL input without fsspec (or the scheme's own package) installed."""


def is_url(path: str) -> bool:
    """``s3://bucket/a.pdf`` and the like (a scheme of two letters or more: not ``C:\\``)."""
    scheme, sep, _rest = path.partition("://")
    return bool(sep) and len(scheme) > 1 and scheme.replace("+", "").isalnum()


def _fs(url: str) -> tuple[Any, str]:
    """(fsspec file system, path inside it) for ``url``; a typed error when it cannot be."""
    try:
        import fsspec  # type: ignore[import-untyped]
    except ImportError as exc:
        raise FsspecMissingError(f"reading {url} needs fsspec: pip install 'avis[dask]'") from exc
    try:
        return fsspec.core.url_to_fs(url)  # type: ignore[no-any-return]
    except ImportError as exc:  # s3fs, gcsfs… missing
        raise FsspecMissingError(f"cannot read {url}: {exc}") from exc
    except ValueError as exc:
        raise UsageError(f"not a URL avis can read: {url} ({exc})") from exc


def _chunks(url: str, max_bytes: int, deadline: float | None) -> Iterator[bytes]:
    fs, path = _fs(url)
    total = 0
    try:
        # what this process knew of the object (its ETag: s3fs reads "that version") may be
        # from an earlier run of a long-lived worker: ask again, or a rewritten object is
        # "no longer there"
        fs.invalidate_cache(path)
        with fs.open(path, "rb") as fh:
            while chunk := fh.read(min(CHUNK, max_bytes + 1 - total)):
                total += len(chunk)
                if total > max_bytes:
                    raise LimitExceededError(
                        f"the object is over the {max_bytes:,}-byte limit "
                        f"({max_bytes / 1024 / 1024:g} MB; raise it with --max-mb)"
                    )
                if deadline is not None and time.monotonic() > deadline:
                    raise DocumentTimeoutError(
                        "reading the object took longer than the time limit (raise --timeout)"
                    )
                yield chunk
    except AvisError:
        raise
    except (OSError, ValueError) as exc:
        raise UnreadableInputError(f"cannot read {url}: {exc}") from exc


def read_url(url: str, max_bytes: int, *, deadline: float | None = None) -> bytes:
    """The bytes of the object at ``url``, within the size limit."""
    return b"".join(_chunks(url, max_bytes, deadline))


def hash_url(url: str, max_bytes: int, *, deadline: float | None = None) -> str:
    """sha256 of the object at ``url`` (streamed: the object is never held whole)."""
    digest = hashlib.sha256()
    for chunk in _chunks(url, max_bytes, deadline):
        digest.update(chunk)
    return digest.hexdigest()


def read_source(path: str, max_bytes: int, *, deadline: float | None = None) -> bytes:
    """An input's bytes, from a local path or a URL."""
    from avis.files import read_input

    if is_url(path):
        return read_url(path, max_bytes, deadline=deadline)
    return read_input(path, max_bytes, deadline=deadline)


def url_still_there(url: str) -> str | None:
    """Why the object at ``url`` may still exist (for ``--prune``); None when it is gone."""
    try:
        fs, path = _fs(url)
        fs.invalidate_cache(path)  # pruning on a stale listing would delete live outputs
        exists = fs.exists(path)
    except (AvisError, OSError, ValueError) as exc:
        return f"cannot tell whether it still exists ({exc})"
    return f"the input still exists ({url}) but was not converted" if exists else None


def expand_url(
    url: str, excludes: Sequence[str] = ()
) -> tuple[list[tuple[str, tuple[str, ...], bool]], list[tuple[str, str, str]]]:
    """The objects a URL argument names: ``([(url, rel parts, explicit)], [(url, code, why)])``.

    A prefix (``s3://bucket/notices/``) is walked like a folder — every object under it,
    named relative to it, hidden names, Office lock files, ``.truth.json`` sidecars and
    ``--exclude`` matches skipped; a glob (``s3://bucket/2024/*.pdf``) or one object is taken
    as named. :class:`UsageError` when it names nothing.
    """
    fs, root = _fs(url)
    found: list[tuple[str, tuple[str, ...], bool]] = []
    skipped: list[tuple[str, str, str]] = []
    try:
        fs.invalidate_cache()  # listings cached by an earlier run in this process are stale
        if _GLOB_CHARS & set(root):
            for path in sorted(fs.glob(root)):
                if fs.isfile(path):
                    found.append((fs.unstrip_protocol(path), (posixpath.basename(path),), True))
            if not found:
                skipped.append((url, "no_match", f"no object matches {url!r}"))
            return found, skipped
        if fs.isfile(root):
            return [(fs.unstrip_protocol(root), (posixpath.basename(root),), True)], skipped
        if not fs.isdir(root):
            raise UsageError(f"no such object or prefix: {url!r}")
        top = root.rstrip("/")
        for path in sorted(fs.find(top)):
            rel = tuple(p for p in posixpath.relpath(path, top).split("/") if p)
            full = fs.unstrip_protocol(path)
            why = _skip(rel, excludes)
            if why is not None:
                skipped.append((full, *why))
            else:
                found.append((full, rel, False))
    except (OSError, ValueError) as exc:
        raise UsageError(f"cannot list {url}: {exc}") from exc
    return found, skipped


def _skip(rel: tuple[str, ...], excludes: Sequence[str]) -> tuple[str, str] | None:
    name = rel[-1]
    if any(part.startswith(".") for part in rel):
        return "hidden", "a hidden file or folder"
    if name.startswith("~$"):
        return "lock_file", "an Office lock file (~$name), not a document"
    if name.lower().endswith((".truth.json", ".corrections.json")):
        return "sidecar", "a sidecar (NAME.truth.json, NAME.corrections.json)"
    joined = "/".join(rel)
    for pattern in excludes:
        if fnmatch.fnmatchcase(name, pattern) or fnmatch.fnmatchcase(joined, pattern):
            return "excluded", f"matches --exclude {pattern!r}"
    return None


__all__ = [
    "expand_url",
    "hash_url",
    "is_url",
    "read_source",
    "read_url",
    "url_still_there",
]
