"""OUTDIR as the only place a batch writes or deletes, never through a link out of it.

Every write and delete of the batch goes through :class:`OutDir`, which walks a relative path
one folder at a time from OUTDIR's descriptor with ``O_NOFOLLOW``: a component that is a
symbolic link is followed only when its target, resolved, lies inside OUTDIR. So
``OUTDIR/a -> /elsewhere`` can never make avis write or delete ``/elsewhere/x.md.json``.

Deletes are by path *and* content: :meth:`OutDir.remove` unlinks a file only when its sha256
is one avis recorded for that path in its journal (see :mod:`avis.batch.state`), so a user's
own file at a name avis might use is never removed.

OS failures become typed errors (:func:`avis.files.os_error`): ``disk_full``,
``permission_denied``, ``output_failed``.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import secrets
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import BinaryIO

from avis.errors import AvisError, OutputFailedError
from avis.files import TMP_SUFFIX, os_error, shown, umask

_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


class OutsideOutdirError(OutputFailedError):
    """A folder on an output's path is a link that leads out of OUTDIR."""


def file_sha256(fd: int) -> str:
    digest = hashlib.sha256()
    while chunk := os.read(fd, 1 << 20):
        digest.update(chunk)
    return digest.hexdigest()


class OutDir:
    """OUTDIR, opened by path for every operation (picklable; each process makes its own)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.real = os.path.realpath(self.path)

    def _inside(self, real: str) -> bool:
        return real == self.real or real.startswith(self.real.rstrip(os.sep) + os.sep)

    @contextlib.contextmanager
    def folder(self, rel: str, *, create: bool) -> Iterator[tuple[int, str]]:
        """(descriptor of the folder holding ``rel``, the last component's name)."""
        parts = [p for p in rel.split("/") if p]
        if not parts or any(p in (".", "..") for p in parts):
            raise OutputFailedError(f"not a path inside the output folder: {shown(rel)!r}")
        try:
            fd = os.open(self.real, _DIR_FLAGS)
        except OSError as exc:
            raise os_error(exc, "open the output folder", self.path) from exc
        here = self.real
        try:
            for part in parts[:-1]:
                new, here = self._enter(fd, here, part, create=create, rel=rel)
                os.close(fd)
                fd = new
            yield fd, parts[-1]
        finally:
            os.close(fd)

    def _enter(self, fd: int, here: str, part: str, *, create: bool, rel: str) -> tuple[int, str]:
        """Open the folder ``part`` inside ``fd`` (the caller closes ``fd``)."""
        nxt = os.path.join(here, part)
        try:
            try:
                new = os.open(part, _DIR_FLAGS | _NOFOLLOW, dir_fd=fd)
            except FileNotFoundError:
                if not create:
                    raise
                with contextlib.suppress(FileExistsError):
                    os.mkdir(part, 0o777, dir_fd=fd)
                new = os.open(part, _DIR_FLAGS | _NOFOLLOW, dir_fd=fd)
        except OSError as exc:
            if exc.errno not in (errno.ELOOP, errno.ENOTDIR) or not os.path.islink(nxt):
                raise os_error(exc, "create the output's folder", self.path / rel) from exc
            real = os.path.realpath(nxt)  # a link: followed only when it stays inside OUTDIR
            if not self._inside(real) or not os.path.isdir(real):
                raise OutsideOutdirError(
                    f"{shown(part)!r} is a link that leads out of the output folder (to "
                    f"{shown(real)}); avis never writes or deletes through it — remove the link "
                    "or choose another output folder",
                    path=shown(self.path / rel),
                ) from exc
            try:
                new = os.open(real, _DIR_FLAGS | _NOFOLLOW)
            except OSError as exc2:
                raise os_error(exc2, "open the output's folder", real) from exc2
            nxt = real
        return new, nxt

    # -- writes -----------------------------------------------------------------------------

    def write(self, rel: str, data: bytes, *, mode: int | None = None) -> None:
        """Atomically replace ``OUTDIR/rel`` with ``data`` (the old or the new file, always)."""
        mode = mode if mode is not None else 0o666 & ~umask()
        with self.folder(rel, create=True) as (fd, name):
            tmp = f".{name[:200]}.{secrets.token_hex(4)}{TMP_SUFFIX}"
            try:
                out = os.open(
                    tmp,
                    os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | getattr(os, "O_CLOEXEC", 0),
                    0o600,
                    dir_fd=fd,
                )
            except OSError as exc:
                raise os_error(exc, "write the output", self.path / rel) from exc
            try:
                with os.fdopen(out, "wb") as fh:
                    fh.write(data)
                    os.fchmod(fh.fileno(), mode)
                os.replace(tmp, name, src_dir_fd=fd, dst_dir_fd=fd)
            except BaseException as exc:
                with contextlib.suppress(OSError):
                    os.unlink(tmp, dir_fd=fd)
                if isinstance(exc, OSError):
                    raise os_error(exc, "write the output", self.path / rel) from exc
                raise

    def open_append(self, rel: str) -> BinaryIO:
        """``OUTDIR/rel`` opened for appending (created; never through a link)."""
        with self.folder(rel, create=True) as (fd, name):
            try:  # non-blocking: a FIFO put in its place must not block the run
                flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | _NOFOLLOW | os.O_NONBLOCK
                out = os.open(name, flags | getattr(os, "O_CLOEXEC", 0), 0o666, dir_fd=fd)
            except OSError as exc:
                raise os_error(exc, "open the file", self.path / rel) from exc
        try:
            _check_regular(out, self.path / rel)
        except BaseException:
            os.close(out)
            raise
        return os.fdopen(out, "ab")

    def create_reserved(self, rel: str, reserve: int) -> tuple[BinaryIO, str]:
        """A new temp file beside ``rel``, with ``reserve`` bytes allocated up front when the
        file system allows (so a report still fits when the disk fills up during the run);
        returns (file, temp name relative to OUTDIR)."""
        with self.folder(rel, create=True) as (fd, name):
            tmp = f".{name}.{secrets.token_hex(4)}{TMP_SUFFIX}"
            try:
                flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | _NOFOLLOW
                out = os.open(tmp, flags | getattr(os, "O_CLOEXEC", 0), 0o600, dir_fd=fd)
            except OSError as exc:
                raise os_error(exc, "write the file", self.path / rel) from exc
        if reserve > 0 and hasattr(os, "posix_fallocate"):
            with contextlib.suppress(OSError):
                os.posix_fallocate(out, 0, reserve)
        head = rel.rpartition("/")[0]
        return os.fdopen(out, "r+b"), (f"{head}/{tmp}" if head else tmp)

    def rename(self, src_rel: str, dst_rel: str) -> None:
        with self.folder(src_rel, create=False) as (fd, src):
            dst = dst_rel.rpartition("/")[2]
            try:
                os.replace(src, dst, src_dir_fd=fd, dst_dir_fd=fd)
            except OSError as exc:
                raise os_error(exc, "write the file", self.path / dst_rel) from exc

    def overwrite_in_place(self, rel: str, data: bytes) -> None:
        """Rewrite an existing file in place (no new disk space needed when it was as big):
        the fallback for the summary on a full disk."""
        with self.folder(rel, create=False) as (fd, name):
            try:
                out = os.open(name, os.O_WRONLY | _NOFOLLOW | os.O_NONBLOCK, dir_fd=fd)
            except OSError as exc:
                raise os_error(exc, "write the file", self.path / rel) from exc
            try:
                _check_regular(out, self.path / rel)
                os.write(out, data)
                os.ftruncate(out, len(data))
            except OSError as exc:
                raise os_error(exc, "write the file", self.path / rel) from exc
            finally:
                os.close(out)

    # -- reads and deletes ------------------------------------------------------------------

    def digest(self, rel: str) -> str | None:
        """sha256 of ``OUTDIR/rel`` (a regular file, not a link), None when there is none."""
        try:
            with self.folder(rel, create=False) as (fd, name):
                f = os.open(name, os.O_RDONLY | _NOFOLLOW | os.O_NONBLOCK, dir_fd=fd)
                try:
                    if not _is_regular(f):
                        return None
                    return file_sha256(f)
                finally:
                    os.close(f)
        except (OSError, AvisError):
            return None

    def read(self, rel: str, max_bytes: int) -> bytes:
        """The bytes of ``OUTDIR/rel``: a regular file (not a link, FIFO or device), read up to
        ``max_bytes``; FileNotFoundError when there is none, typed errors otherwise."""
        from avis.files import check_stat

        with self.folder(rel, create=False) as (fd, name):
            try:
                f = os.open(name, os.O_RDONLY | _NOFOLLOW | os.O_NONBLOCK, dir_fd=fd)
            except FileNotFoundError:
                raise
            except OSError as exc:
                raise os_error(exc, "read the file", self.path / rel) from exc
            try:
                st = os.fstat(f)
                try:
                    check_stat(st, max_bytes)
                except AvisError as exc:
                    exc.path = shown(self.path / rel)
                    raise
                chunks, total = [], 0
                while total <= max_bytes and (chunk := os.read(f, 1 << 20)):
                    chunks.append(chunk)
                    total += len(chunk)
                return b"".join(chunks)
            except OSError as exc:
                raise os_error(exc, "read the file", self.path / rel) from exc
            finally:
                os.close(f)

    def size(self, rel: str) -> int | None:
        try:
            with self.folder(rel, create=False) as (fd, name):
                return os.stat(name, dir_fd=fd, follow_symlinks=False).st_size
        except (OSError, AvisError):
            return None

    def remove(self, rel: str, hashes: Collection[str]) -> bool:
        """Delete ``OUTDIR/rel`` if its content is one avis wrote there (its sha256 is among
        ``hashes``); anything else — a user's file, a link, a changed file — stays."""
        if self.digest(rel) not in hashes:
            return False
        try:
            with self.folder(rel, create=False) as (fd, name):
                os.unlink(name, dir_fd=fd)
        except FileNotFoundError:
            return False
        except OSError as exc:
            raise os_error(exc, "remove an old output", self.path / rel) from exc
        return True

    def remove_temps(self, rel: str) -> None:
        """Temp files a killed writer left beside ``rel`` (``.NAME.<hex>.avis-tmp``)."""
        with contextlib.suppress(OSError, AvisError), self.folder(rel, create=False) as (fd, name):
            prefix = f".{name[:200]}."
            for entry in os.listdir(fd):
                if entry.startswith(prefix) and entry.endswith(TMP_SUFFIX):
                    with contextlib.suppress(OSError):
                        os.unlink(entry, dir_fd=fd)


def _check_regular(fd: int, path: Path) -> None:
    from avis.errors import NotRegularFileError

    if not _is_regular(fd):
        raise NotRegularFileError(
            "not a regular file (a FIFO or a device put in place of avis's file); remove it",
            path=shown(path),
        )


def _is_regular(fd: int) -> bool:
    import stat

    return stat.S_ISREG(os.fstat(fd).st_mode)
