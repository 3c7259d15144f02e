"""Reading inputs under limits and writing outputs atomically, OS failures as typed errors.

Every command reads and writes through here, so that a FIFO, a device, a 20 GB sparse file, a
full disk or a read-only folder gives an :mod:`avis.errors` error a user can act on — never a
hang, an unbounded read, a truncated output or a traceback:

* an input is checked from ``stat`` *before* it is opened (a regular file, within the size
  limit), opened non-blocking (a FIFO swapped in meanwhile cannot block), checked again on the
  open descriptor, and read at most ``max_bytes + 1`` bytes (a file growing while read is
  still refused);
* an output is written to a temp file beside its target and renamed over it, so the target
  is always the old or the new file, and the temp file is gone whatever happens;
* file names that are not UTF-8 (Latin-1 archives) travel as ``surrogateescape`` strings and
  are shown with their odd bytes escaped (``caf\\xe9.pdf``), so two names never print alike.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import stat
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from avis.errors import (
    AvisError,
    DiskFullError,
    DocumentTimeoutError,
    LimitExceededError,
    NotRegularFileError,
    OutputFailedError,
    PermissionDeniedError,
    UnreadableInputError,
)

TMP_SUFFIX = ".avis-tmp"
"""Temp files are ``.NAME.<random>.avis-tmp`` beside their target; a new batch sweeps them."""

CHUNK = 1 << 20

_FULL = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
_DENIED = frozenset({errno.EACCES, errno.EPERM, errno.EROFS})


def shown(name: str | os.PathLike[str]) -> str:
    """A path or name fit for a message or a report: bytes that are not UTF-8 escaped
    (``\\xe9``), so the text is valid UTF-8 and two different names never print the same."""
    return os.fspath(name).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def os_error(exc: OSError, action: str, path: str | os.PathLike[str] | None = None) -> AvisError:
    """The typed error for an OS failure while doing ``action`` ("write the report"…)."""
    reason = exc.strerror or str(exc)
    where = shown(path) if path is not None else None
    if exc.errno in _FULL:
        return DiskFullError(
            f"cannot {action}: {reason}; free some space (or use another folder) and run again",
            path=where,
        )
    if exc.errno in _DENIED:
        return PermissionDeniedError(
            f"cannot {action}: {reason}; check the permissions, a read-only mount or an "
            "immutable flag (lsattr) and run again",
            path=where,
        )
    return OutputFailedError(f"cannot {action}: {reason}", path=where)


def _read_error(exc: OSError, path: str | os.PathLike[str]) -> AvisError:
    if exc.errno in _DENIED:
        return PermissionDeniedError(
            f"cannot read the file: {exc.strerror or exc}; check its permissions", path=shown(path)
        )
    return UnreadableInputError(
        f"cannot read the file: {exc.strerror or exc}; check the path", path=shown(path)
    )


def check_stat(st: os.stat_result, max_bytes: int) -> None:
    """A regular file within the size limit, judged from ``stat`` alone (nothing read)."""
    if not stat.S_ISREG(st.st_mode):
        kind = (
            "a FIFO"
            if stat.S_ISFIFO(st.st_mode)
            else "a device"
            if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode)
            else "a socket"
            if stat.S_ISSOCK(st.st_mode)
            else "a folder"
            if stat.S_ISDIR(st.st_mode)
            else "not a regular file"
        )
        raise NotRegularFileError(
            f"this is {kind}, not a file: reading it could block or never end; "
            "copy the document to a regular file"
        )
    if st.st_size > max_bytes:
        raise LimitExceededError(
            f"the file is {st.st_size:,} bytes, over the {max_bytes:,}-byte limit "
            f"({max_bytes / 1024 / 1024:g} MB; raise it with --max-mb)"
        )


@contextlib.contextmanager
def open_input(
    path: str | os.PathLike[str], max_bytes: int
) -> Iterator[tuple[int, os.stat_result]]:
    """An input opened for reading after the ``stat`` checks: (descriptor, its stat)."""
    try:
        check_stat(os.stat(path), max_bytes)
        flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0)
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise _read_error(exc, path) from exc
    except AvisError as exc:
        exc.path = exc.path or shown(path)
        raise
    try:
        st = os.fstat(fd)
        try:
            check_stat(st, max_bytes)  # swapped for a FIFO or a device since the stat
        except AvisError as exc:
            exc.path = exc.path or shown(path)
            raise
        yield fd, st
    finally:
        os.close(fd)


def _chunks(
    fd: int, max_bytes: int, path: str | os.PathLike[str], deadline: float | None
) -> Iterator[bytes]:
    total = 0
    while True:
        try:
            chunk = os.read(fd, min(CHUNK, max_bytes + 1 - total))
        except OSError as exc:
            raise _read_error(exc, path) from exc
        if not chunk:
            return
        total += len(chunk)
        if total > max_bytes:
            raise LimitExceededError(
                f"the file grew past the {max_bytes:,}-byte limit while it was read "
                "(raise it with --max-mb)",
                path=shown(path),
            )
        if deadline is not None and time.monotonic() > deadline:
            raise DocumentTimeoutError(
                "reading the file took longer than the time limit (raise --timeout)",
                path=shown(path),
            )
        yield chunk


def read_input(
    path: str | os.PathLike[str], max_bytes: int, *, deadline: float | None = None
) -> bytes:
    """The bytes of an input, within its limits (see the module doc)."""
    with open_input(path, max_bytes) as (fd, _st):
        return b"".join(_chunks(fd, max_bytes, path, deadline))


def hash_input(
    path: str | os.PathLike[str], max_bytes: int, *, deadline: float | None = None
) -> str:
    """sha256 of an input, read under the same checks and cap as :func:`read_input`."""
    digest = hashlib.sha256()
    with open_input(path, max_bytes) as (fd, _st):
        for chunk in _chunks(fd, max_bytes, path, deadline):
            digest.update(chunk)
    return digest.hexdigest()


def read_stream(stream: BinaryIO, max_bytes: int, name: str = "standard input") -> bytes:
    """Read a stream (stdin) up to the size limit."""
    try:
        data = stream.read(max_bytes + 1)
    except OSError as exc:
        raise _read_error(exc, name) from exc
    if len(data) > max_bytes:
        raise LimitExceededError(
            f"{name} holds more than the {max_bytes:,}-byte limit (raise it with --max-mb)"
        )
    return data


def umask() -> int:
    """The process umask, read without changing it where /proc allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: str | os.PathLike[str], data: bytes, *, mode: int | None = None) -> None:
    """Write ``data`` to ``path`` so that ``path`` is always either the old or the new file;
    an OS failure is a typed error (``disk_full``, ``permission_denied``, ``output_failed``)
    and leaves no temp file."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TMP_SUFFIX)
    except OSError as exc:
        raise os_error(exc, "write the file", path) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            os.fchmod(fh.fileno(), mode if mode is not None else 0o666 & ~umask())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise os_error(exc, "write the file", path) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_stdout(data: bytes) -> None:
    """Write to standard output; a closed pipe ends quietly, other failures are typed."""
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        # the reader went away (`avis parse x | head`): nothing to say, and nothing to flush
        # again at exit
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        raise
    except OSError as exc:
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        raise os_error(exc, "write to standard output") from exc


@contextlib.contextmanager
def folder_lock(
    folder: Path, name: str, busy: str, action: str = "use the folder"
) -> Iterator[None]:
    """One run per folder at a time: an exclusive lock on ``folder/name`` (never through a
    link; it dies with the process, even on ``kill -9``); ``busy`` is the message when another
    run holds it."""
    from avis.errors import UsageError

    try:
        flags = os.O_RDWR | os.O_CREAT | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(folder / name, flags | getattr(os, "O_CLOEXEC", 0), 0o666)
    except OSError as exc:
        raise os_error(exc, action, folder) from exc
    try:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not POSIX
            fcntl = None  # type: ignore[assignment]
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                raise UsageError(busy) from exc
        yield
    finally:
        os.close(fd)
