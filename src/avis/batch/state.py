"""The resume journal: which inputs are converted, with which options — and which files in
OUTDIR are avis's, by path and content hash.

``OUTDIR/.avis-state.jsonl`` is an append-only journal of JSON lines:

* ``intent`` — before a worker writes a document's outputs: each path and the sha256 it is
  about to write. So every file avis may have put on disk is recorded *before* it exists;
* ``done`` — after the outputs are in place: the document's status, content hash, options
  fingerprint and its files (size and sha256); it replaces the document's earlier lines;
* ``forget`` — the document's files were removed (it failed, or ``--prune`` dropped it);
* ``batch`` — a batch-wide file (feed, csv) and the hash avis wrote.

Only files recorded here, with the same path *and* hash, are ever deleted by a batch
(:meth:`StateJournal.owned`): a user's own file at a name avis might use is never removed.

At start the journal is replayed; a torn or damaged line is ignored, and the journal is
rewritten atomically (compacted) when it holds many superseded lines. A run killed at any
point — Ctrl-C, SIGTERM or ``kill -9`` — loses at most the documents in flight, which the
next run redoes, writing the same bytes. A failed append (full disk) is a typed error for
the document concerned; the next line starts on a fresh line.

An entry is reused when the input's content hash, the options fingerprint (formats, read and
writer options, avis version and a digest of its code: see ``_Run._fingerprint``) and the
output base are unchanged, no intent is pending for it, and every output it lists is on disk
with the recorded size. Only converted documents (``ok``/``partial``) are reused.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from avis.batch.outdir import OutDir
from avis.errors import AvisError
from avis.files import os_error

STATE_NAME = ".avis-state.jsonl"
STATE_VERSION = 2
JOURNAL_MAX_BYTES = 2 << 30
"""A journal is a few hundred bytes per document; past this it is not one avis wrote."""


_NOT_CODE_DIRS = ("batch", "review", "__pycache__")  # review: a UI, not what a notice becomes
_NOT_CODE_FILES = ("cli.py",)


def code_digest(package_dir: Path | None = None) -> str:
    """Hash of the avis code and data that shape a notice and its outputs.

    The version number alone misses an edited lexicon or rule in a development checkout or an
    editable install; this covers every file of the package except the batch machinery and
    the command line, which do not change what a document becomes.
    """
    if package_dir is None:
        import avis

        package_dir = Path(avis.__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package_dir.rglob("*")):
        rel = path.relative_to(package_dir)
        if (
            path.suffix in (".pyc", ".pyo")
            or any(part in _NOT_CODE_DIRS for part in rel.parts[:-1])
            or (len(rel.parts) == 1 and rel.name in _NOT_CODE_FILES)
            or not path.is_file()
        ):
            continue
        digest.update(rel.as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def fingerprint(settings: Mapping[str, Any]) -> str:
    """A stable hash of the options that change a document's outputs."""
    text = json.dumps(settings, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class StateJournal:
    """Replay, look up and append entries of the resume journal."""

    def __init__(self, outdir: Path | OutDir) -> None:
        self.out = outdir if isinstance(outdir, OutDir) else OutDir(outdir)
        self.outdir = self.out.path
        self.path = self.outdir / STATE_NAME
        self.entries: dict[str, dict[str, Any]] = {}
        """base → its last ``done`` entry."""
        self.files: dict[str, dict[str, set[str]]] = {}
        """base → path → hashes avis wrote there (done and pending intents)."""
        self.pending: set[str] = set()
        """Bases with an intent after their last ``done`` (outputs possibly half written)."""
        self.batch_files: dict[str, set[str]] = {}
        self._fh: Any = None
        self._torn = False

    def load(self) -> None:
        """Replay the journal; rewrite it when it is damaged or mostly superseded."""
        self.entries, self.files, self.pending, self.batch_files = {}, {}, set(), {}
        try:  # never through a link, never a FIFO: OutDir.read checks
            raw = self.out.read(STATE_NAME, JOURNAL_MAX_BYTES)
        except (FileNotFoundError, AvisError) as exc:
            if isinstance(exc, AvisError):
                raise
            return
        lines = raw.split(b"\n")
        torn = bool(lines and lines[-1])  # no final newline: the last write was cut short
        bad = 0
        count = 0
        for line in lines:
            if not line.strip():
                continue
            count += 1
            try:
                entry = json.loads(line)
                if entry.get("v") != STATE_VERSION:
                    raise ValueError("not an entry")
                self._replay(entry)
            except (ValueError, AttributeError, TypeError, KeyError):
                bad += 1
        if torn or bad or count > 2 * (len(self.entries) + len(self.pending)) + 100:
            with contextlib.suppress(AvisError):  # kept as it is: appends still work
                self.compact()

    def _replay(self, entry: dict[str, Any]) -> None:
        kind = entry["kind"]
        if kind == "batch":
            self.batch_files.setdefault(entry["path"], set()).add(entry["sha256"])
            return
        base = entry["base"]
        if not isinstance(base, str):
            raise ValueError("no base")
        if kind == "intent":
            owned = self.files.setdefault(base, {})
            for rel, sha in entry["files"].items():
                owned.setdefault(rel, set()).add(sha)
            self.pending.add(base)
        elif kind == "done":
            self.entries[base] = entry
            self.files[base] = {rel: {f["sha256"]} for rel, f in entry["files"].items()}
            self.pending.discard(base)
        elif kind == "forget":
            self.entries.pop(base, None)
            self.files.pop(base, None)
            self.pending.discard(base)
        else:
            raise ValueError(kind)

    def compact(self) -> None:
        lines = [_line(e) for e in self.entries.values()]
        for base in sorted(self.pending):
            done = self.entries.get(base, {}).get("files", {})
            extra = {
                rel: sha
                for rel, hashes in self.files.get(base, {}).items()
                for sha in sorted(hashes)
                if done.get(rel, {}).get("sha256") != sha
            }
            lines.append(
                _line({"v": STATE_VERSION, "kind": "intent", "base": base, "files": extra})
            )
        for rel, hashes in sorted(self.batch_files.items()):
            for sha in sorted(hashes):
                lines.append(
                    _line({"v": STATE_VERSION, "kind": "batch", "path": rel, "sha256": sha})
                )
        self._close_fh()
        self.out.write(STATE_NAME, "".join(lines).encode("utf-8"))
        self._torn = False

    def owned(self, base: str) -> dict[str, set[str]]:
        """The files avis wrote for ``base``: path → the hashes it wrote there."""
        return self.files.get(base, {})

    def lookup(self, base: str, sha256: str, fp: str) -> dict[str, Any] | None:
        """The entry for this base when content, options and outputs are all unchanged."""
        entry = self.entries.get(base)
        if (
            entry is None
            or base in self.pending
            or entry.get("sha256") != sha256
            or entry.get("fingerprint") != fp
        ):
            return None
        for rel, f in entry.get("files", {}).items():
            if self.out.size(rel) != f["size"]:
                return None
        return entry

    # -- appends ------------------------------------------------------------------------------

    def _append(self, entry: Mapping[str, Any]) -> None:
        """One line, flushed; raises a typed error (disk full…) the caller reports."""
        try:
            if self._fh is None:
                self._fh = self.out.open_append(STATE_NAME)
            data = _line(entry).encode("utf-8")
            if self._torn:  # the last append failed part-way: never glue onto its remains
                data = b"\n" + data
            self._fh.write(data)
            self._fh.flush()
            self._torn = False
        except OSError as exc:
            self._torn = True
            self._close_fh()
            raise os_error(exc, "write the resume journal", self.path) from exc
        except AvisError:
            self._torn = True
            self._close_fh()
            raise

    def intend(self, base: str, files: Mapping[str, str]) -> None:
        """Record the outputs a worker is about to write (path → sha256)."""
        self._append({"v": STATE_VERSION, "kind": "intent", "base": base, "files": dict(files)})
        owned = self.files.setdefault(base, {})
        for rel, sha in files.items():
            owned.setdefault(rel, set()).add(sha)
        self.pending.add(base)

    def record(
        self,
        *,
        base: str,
        sha256: str,
        fp: str,
        outcome: Mapping[str, Any],
        input_path: str | None = None,
    ) -> None:
        """Append the entry of a converted document (its outputs must already be on disk)."""
        entry = {
            "v": STATE_VERSION,
            "kind": "done",
            "base": base,
            "input": input_path,
            "sha256": sha256,
            "fingerprint": fp,
            "status": outcome["status"],
            "format": outcome["format"],
            "pages": outcome["pages"],
            "warnings": outcome["warnings"],
            "outputs": list(outcome["outputs"]),
            "notice_json": outcome["notice_json"],
            "reference": outcome.get("reference"),
            "posted_on": outcome.get("posted_on"),
            "files": {
                rel: {"size": size, "sha256": sha} for rel, (size, sha) in outcome["files"].items()
            },
        }
        self._append(entry)
        self.entries[base] = entry
        self.files[base] = {rel: {sha} for rel, (_size, sha) in outcome["files"].items()}
        self.pending.discard(base)

    def forget(self, base: str) -> None:
        """The document's files are gone (removed, or it failed): drop its entry."""
        if base not in self.entries and base not in self.files:
            return
        self._append({"v": STATE_VERSION, "kind": "forget", "base": base})
        self.entries.pop(base, None)
        self.files.pop(base, None)
        self.pending.discard(base)

    def record_batch(self, rel: str, sha256: str) -> None:
        """A batch-wide file (feed, csv) avis is about to write, with its hash."""
        if sha256 in self.batch_files.get(rel, set()):
            return
        self._append({"v": STATE_VERSION, "kind": "batch", "path": rel, "sha256": sha256})
        self.batch_files.setdefault(rel, set()).add(sha256)

    def _close_fh(self) -> None:
        if self._fh is not None:
            with contextlib.suppress(OSError):
                self._fh.close()
            self._fh = None

    def close(self) -> None:
        if self._fh is not None:
            with contextlib.suppress(OSError):
                self._fh.flush()
                os.fsync(self._fh.fileno())
        self._close_fh()


def _line(entry: Mapping[str, Any]) -> str:
    return json.dumps(entry, ensure_ascii=True, separators=(",", ":")) + "\n"
