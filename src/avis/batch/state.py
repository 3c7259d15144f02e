"""The resume manifest: which inputs are already converted, with which options.

``OUTDIR/.avis-state.jsonl`` is an append-only journal, one JSON object per converted
document, written *after* the document's outputs are in place. At start the journal is
replayed (the last line for a base wins); a torn last line (the parent was killed while
writing it) or a damaged line is ignored, and the journal is rewritten atomically (compacted)
when it holds many superseded lines. So a run killed at any point — Ctrl-C or ``kill -9`` —
loses at most the documents in flight, which the next run redoes, writing the same bytes.

An entry is reused when the input's content hash (sha256), the options fingerprint (formats,
read and writer options, avis version and a digest of its code: see ``_Run._fingerprint``) and
the output base are unchanged and every output it lists is on disk with the recorded size.
Only converted documents (``ok``/``partial``) are journalled: failures are retried.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from avis.batch.worker import write_atomic

STATE_NAME = ".avis-state.jsonl"
STATE_VERSION = 1


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

    def __init__(self, outdir: Path) -> None:
        self.outdir = outdir
        self.path = outdir / STATE_NAME
        self.entries: dict[str, dict[str, Any]] = {}
        self._fh: Any = None

    def load(self) -> None:
        """Replay the journal; rewrite it when it is damaged or mostly superseded."""
        self.entries = {}
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
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
                if entry.get("v") != STATE_VERSION or not isinstance(entry.get("base"), str):
                    raise ValueError("not an entry")
            except (ValueError, AttributeError):
                bad += 1
                continue
            self.entries[entry["base"]] = entry
        if torn or bad or count > 2 * len(self.entries) + 100:
            self.compact()

    def forget(self, bases: Iterable[str]) -> list[str]:
        """Drop the entries of ``bases`` (compacting the journal); the output files they list,
        relative to OUTDIR, are returned for the caller to remove."""
        files: list[str] = []
        for base in bases:
            entry = self.entries.pop(base, None)
            if entry is not None:
                files.extend(entry.get("files", {}))
        if self._fh is not None:
            self._fh.close()
            self._fh = None
        self.compact()
        return files

    def compact(self) -> None:
        data = "".join(_line(e) for e in self.entries.values()).encode("utf-8")
        write_atomic(self.path, data)

    def lookup(self, base: str, sha256: str, fp: str) -> dict[str, Any] | None:
        """The entry for this base when content, options and outputs are all unchanged."""
        entry = self.entries.get(base)
        if entry is None or entry.get("sha256") != sha256 or entry.get("fingerprint") != fp:
            return None
        files: dict[str, int] = dict(entry.get("files", {}))
        for rel, size in files.items():
            try:
                if (self.outdir / rel).stat().st_size != size:
                    return None
            except OSError:
                return None
        return entry

    def record(
        self,
        *,
        base: str,
        sha256: str,
        fp: str,
        outcome: Mapping[str, Any],
        extra_files: Iterable[str] = (),
    ) -> None:
        """Append the entry of a converted document (its outputs must already be on disk)."""
        files: dict[str, int] = {}
        for rel in [*outcome["outputs"], *extra_files]:
            with contextlib.suppress(OSError):
                files[rel] = (self.outdir / rel).stat().st_size
        entry = {
            "v": STATE_VERSION,
            "base": base,
            "sha256": sha256,
            "fingerprint": fp,
            "status": outcome["status"],
            "format": outcome["format"],
            "pages": outcome["pages"],
            "warnings": outcome["warnings"],
            "outputs": list(outcome["outputs"]),
            "notice_json": outcome["notice_json"],
            "files": files,
        }
        self.entries[base] = entry
        if self._fh is None:
            self._fh = open(self.path, "a", encoding="utf-8")  # noqa: SIM115 (kept open)
        self._fh.write(_line(entry))
        self._fh.flush()

    def close(self) -> None:
        if self._fh is not None:
            with contextlib.suppress(OSError):
                self._fh.flush()
                os.fsync(self._fh.fileno())
            self._fh.close()
            self._fh = None


def _line(entry: Mapping[str, Any]) -> str:
    return json.dumps(entry, ensure_ascii=True, separators=(",", ":")) + "\n"
