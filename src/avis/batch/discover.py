"""Which files a batch converts, and which it skips (and why).

Inputs are files, folders (walked recursively, in sorted order) and glob patterns (expanded
here too, so a quoted ``'notices/**/*.pdf'`` works; ``**`` is recursive). The format is never
guessed from a name: the worker detects it from the content.

Skipped, each with a reason in the report (a hidden or output folder is one line, not one per
file inside it):

=================  ==============================================================  ==========
code               what                                                            when
=================  ==============================================================  ==========
``lock_file``      Office lock files ``~$name.docx``                               always
``sidecar``        ``NAME.truth.json``, ``NAME.corrections.json`` sidecars         always
``excluded``       matches an ``--exclude`` pattern (name or relative path)        always
``hidden``         dot-prefixed files and folders                                  in folders
``output_dir``     the output folder itself, when it lies inside an input folder   always
``symlink_dir``    a symbolic link to a folder (not followed: no loops)             in folders
``not_regular``    sockets, FIFOs, devices (reading a FIFO would hang)             always
``broken_link``    a symbolic link to nothing                                      always
``unreadable``     a file or folder that cannot be listed or stat'ed               always
``no_match``       a glob matching no file (an empty inbox is no error)            always
=================  ==============================================================  ==========

A hidden file named explicitly on the command line is converted (the shell never expands
``*`` to dot files, so naming one is deliberate). Content that is not a notice format at all
is decided by the worker: ``skipped`` (``unsupported_format``) for files found by walking a
folder, ``failed`` for files named explicitly (or matched by a glob) — asking for a file and
not getting it is a failure, finding a stray ``.xlsx`` beside the notices is not.

Output paths mirror each input's path relative to the *common root*: the deepest folder
holding every input folder and the folder of every input file. One folder ``in/`` gives
``OUTDIR/sub/x.pdf.json`` for ``in/sub/x.pdf``; ``a/x.pdf b/x.pdf`` give ``OUTDIR/a/x.pdf.json``
and ``OUTDIR/b/x.pdf.json``. Two distinct inputs therefore never share a relative path
(:mod:`avis.batch.naming` handles what sanitising could still merge). Adding an input outside
the previous common root moves the root, hence every output path: a later run then converts
everything again into the new layout (outputs at the old paths are left, not pruned).
"""

from __future__ import annotations

import fnmatch
import glob
import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from avis.batch.urls import expand_url, is_url
from avis.errors import UsageError
from avis.files import shown

_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A file to convert."""

    path: str
    """Absolute path (symbolic links kept as named, not resolved)."""
    rel: tuple[str, ...]
    """Components of the path relative to the common root."""
    explicit: bool
    """Named on the command line or matched by a glob (not found by walking a folder)."""


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file or folder left out before any reading, with why."""

    path: str
    code: str
    message: str


@dataclass(slots=True)
class Discovery:
    candidates: list[Candidate] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    root: str = ""


def _is_lock(name: str) -> bool:
    return name.startswith("~$")


def _is_sidecar(name: str) -> bool:
    return name.lower().endswith((".truth.json", ".corrections.json"))


def _excluded(rel: str, name: str, patterns: Sequence[str]) -> str | None:
    for pattern in patterns:
        if fnmatch.fnmatchcase(name, pattern) or fnmatch.fnmatchcase(rel, pattern):
            return pattern
    return None


def _name_rule(name: str) -> Skipped | None:
    """The skip that applies to a file whatever way it was found (path filled in later)."""
    if _is_lock(name):
        return Skipped("", "lock_file", "an Office lock file (~$name), not a document")
    if _is_sidecar(name):
        return Skipped("", "sidecar", "a sidecar (NAME.truth.json, NAME.corrections.json)")
    return None


class _Walker:
    def __init__(self, outdir: str | None, excludes: Sequence[str]) -> None:
        self.outdir = os.path.realpath(outdir) if outdir else None
        self.excludes = tuple(excludes)
        self.files: dict[str, bool] = {}  # abs path -> explicit (insertion order kept)
        self.roots: list[str] = []
        self.skipped: list[Skipped] = []

    def skip(self, path: str, code: str, message: str) -> None:
        self.skipped.append(Skipped(path, code, message))

    def _inside_outdir(self, path: str) -> bool:
        if self.outdir is None:
            return False
        real = os.path.realpath(path)
        return real == self.outdir or real.startswith(self.outdir + os.sep)

    def add_file(
        self, path: str, st: os.stat_result, *, explicit: bool, rel: str, check_outdir: bool
    ) -> None:
        name = os.path.basename(path)
        rule = _name_rule(name)
        if rule is not None:
            self.skip(path, rule.code, rule.message)
            return
        pattern = _excluded(rel, name, self.excludes)
        if pattern is not None:
            self.skip(path, "excluded", f"matches --exclude {pattern!r}")
            return
        if not stat.S_ISREG(st.st_mode):
            self.skip(path, "not_regular", "not a regular file (socket, FIFO or device)")
            return
        if check_outdir and self._inside_outdir(path):
            self.skip(path, "output_dir", "inside the output folder")
            return
        if path in self.files:
            self.files[path] = self.files[path] or explicit
        else:
            self.files[path] = explicit

    def walk(self, top: str) -> None:
        """Every file under ``top`` (sorted, iterative: no recursion limit on deep trees)."""
        if self._inside_outdir(top):
            self.skip(top, "output_dir", "the output folder (inside an input folder)")
            return
        self.roots.append(top)
        stack = [top]
        while stack:
            folder = stack.pop()
            try:
                with os.scandir(folder) as it:
                    entries = sorted(it, key=lambda e: e.name)
            except OSError as exc:
                self.skip(folder, "unreadable", f"cannot list the folder: {exc.strerror or exc}")
                continue
            subdirs: list[str] = []
            for entry in entries:
                path = entry.path
                rel = os.path.relpath(path, top).replace(os.sep, "/")
                if entry.name.startswith("."):
                    kind = "folder" if entry.is_dir(follow_symlinks=False) else "file"
                    self.skip(path, "hidden", f"hidden {kind} (name starts with a dot)")
                    continue
                try:
                    if entry.is_dir(follow_symlinks=False):
                        if _excluded(rel, entry.name, self.excludes) is not None:
                            self.skip(path, "excluded", "folder matches an --exclude pattern")
                        elif self._inside_outdir(path):
                            self.skip(path, "output_dir", "the output folder")
                        else:
                            subdirs.append(path)
                        continue
                    st = entry.stat(follow_symlinks=True)
                except OSError as exc:
                    self.skip(path, "unreadable", f"cannot read: {exc.strerror or exc}")
                    continue
                if stat.S_ISDIR(st.st_mode):
                    self.skip(path, "symlink_dir", "a link to a folder (links are not followed)")
                    continue
                # a plain file in a walked folder cannot be inside OUTDIR (pruned above);
                # a link can point there
                self.add_file(path, st, explicit=False, rel=rel, check_outdir=entry.is_symlink())
            stack.extend(reversed(subdirs))

    def add_argument(self, arg: str, cwd: str) -> None:
        path = os.path.normpath(os.path.join(cwd, arg))
        if os.path.lexists(path):
            self._add_existing(path, explicit=True)
            return
        if _GLOB_CHARS & set(arg):
            pattern = os.path.join(cwd, arg)
            matches = sorted(glob.glob(pattern, recursive=True))
            if not matches:  # an empty inbox: nothing to do, not a mistake
                self.skip(path, "no_match", f"no file matches {shown(arg)!r}")
                return
            for match in matches:
                self._add_existing(os.path.normpath(match), explicit=True)
            return
        raise UsageError(f"no such file or folder: {shown(arg)!r}")

    def _add_existing(self, path: str, *, explicit: bool) -> None:
        try:
            st = os.stat(path)
        except OSError as exc:  # a dangling link, a vanished file: reported, not fatal
            broken = os.path.islink(path) and isinstance(exc, FileNotFoundError)
            self.skip(
                path,
                "broken_link" if broken else "unreadable",
                f"a link to a missing file ({shown(os.readlink(path))})"
                if broken
                else f"cannot read: {exc.strerror or exc}",
            )
            return
        if stat.S_ISDIR(st.st_mode):
            self.walk(path)
            return
        self.roots.append(os.path.dirname(path))
        self.add_file(path, st, explicit=explicit, rel=os.path.basename(path), check_outdir=True)


def discover(
    inputs: Iterable[str | os.PathLike[str]],
    *,
    outdir: str | os.PathLike[str] | None = None,
    excludes: Sequence[str] = (),
    cwd: str | os.PathLike[str] | None = None,
) -> Discovery:
    """Expand the command-line inputs; raise :class:`UsageError` for one that names nothing."""
    base = os.path.abspath(cwd if cwd is not None else os.getcwd())
    walker = _Walker(os.fspath(outdir) if outdir is not None else None, excludes)
    urls: list[Candidate] = []
    for arg in inputs:
        if is_url(os.fspath(arg)):  # s3://bucket/prefix/…: listed through fsspec
            objects, skips = expand_url(os.fspath(arg), excludes)
            urls += [Candidate(path=u, rel=rel, explicit=e) for u, rel, e in objects]
            walker.skipped += [Skipped(*skip) for skip in skips]
            continue
        walker.add_argument(os.fspath(arg), base)
    # one line per path: a file skipped in a folder walk but also named explicitly is converted
    skipped: dict[str, Skipped] = {}
    for skip in walker.skipped:
        if skip.path not in walker.files:
            skipped.setdefault(skip.path, skip)
    found = Discovery(skipped=list(skipped.values()), candidates=sorted(urls, key=lambda c: c.rel))
    if not walker.files:
        return found
    root = os.path.commonpath(walker.roots)
    found.root = root
    for path, explicit in walker.files.items():
        rel = tuple(Path(os.path.relpath(path, root)).parts)
        found.candidates.append(Candidate(path=path, rel=rel, explicit=explicit))
    found.candidates.sort(key=lambda c: c.rel)
    return found


def display_path(path: str, cwd: str | None = None) -> str:
    """A path for reports: relative to ``cwd`` when inside it, bytes that are not UTF-8
    escaped (``caf\\xe9.pdf``) so that two names never show the same."""
    base = os.path.abspath(cwd if cwd is not None else os.getcwd())
    rel = path
    if path == base or path.startswith(base.rstrip(os.sep) + os.sep):
        rel = os.path.relpath(path, base)
    return shown(rel)
