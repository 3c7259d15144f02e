"""The notices a review session shows, and the only files it may touch.

Built once from the paths given to ``avis review``: a notice file, a folder (walked like
``avis convert`` walks it), or an ``avis convert`` output folder (its ``avis-report.jsonl``
names each input and its Notice JSON). Requests name a notice by its number in this catalogue,
never by a path, so no request can reach a file the reviewer did not point at.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from avis.corrections import apply_sidecar, corrections_path
from avis.errors import AvisError, UnsupportedFormatError
from avis.extract.notice import LOW_CONFIDENCE
from avis.model import Notice
from avis.readers import ReadOptions

REPORT_NAME = "avis-report.jsonl"
TEXT_FORMATS = ("docx", "text", "html")


@dataclass(slots=True)
class Loaded:
    """What one notice became: its Notice before corrections and what the page view needs."""

    notice: Notice | None
    fmt: str | None
    pages: int = 0
    lines: list[str] = field(default_factory=list)
    """The document's text lines, for notices without page images (DOCX, text)."""
    code: str | None = None
    message: str | None = None


@dataclass(slots=True)
class Entry:
    """One notice of the session."""

    id: int
    name: str
    input: Path | None
    """The notice file (absolute); ``None`` when a report names an input that is gone."""
    notice_json: Path | None = None
    report: dict[str, Any] | None = None
    loaded: Loaded | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)
    reviewed: tuple[tuple[int, int, int] | None, Notice | None] | None = None
    """The notice with corrections applied, with the corrections file's mtime it reflects."""


@dataclass(frozen=True, slots=True)
class Summary:
    """The list line of a notice: status, warnings, low-confidence fields."""

    status: str
    warnings: int
    low_confidence: int
    reviewed: int
    message: str | None


class Catalog:
    """The notices of a session, loaded lazily (and in the background by :meth:`load_all`)."""

    def __init__(self, paths: Iterable[Path], options: ReadOptions | None = None) -> None:
        self.options = options or ReadOptions(ocr_threads=1)
        self.entries: list[Entry] = []
        self._by_input: dict[Path, Entry] = {}
        for raw in paths:
            path = Path(os.path.abspath(raw))
            if path.is_dir() and (path / REPORT_NAME).is_file():
                self._add_output_folder(path)
            elif path.is_dir():
                self._add_folder(path)
            elif path.is_file():
                self._add(path, path.name)
            else:
                raise AvisError(f"{raw}: no such file or folder", path=str(raw))

    # -- building ---------------------------------------------------------------------------

    def _add(self, path: Path, name: str) -> Entry:
        known = self._by_input.get(path)
        if known is not None:
            return known
        entry = Entry(id=len(self.entries), name=name, input=path)
        self.entries.append(entry)
        self._by_input[path] = entry
        return entry

    def _add_folder(self, folder: Path) -> None:
        from avis.batch.discover import discover

        found = discover([str(folder)])
        for cand in found.candidates:
            self._add(Path(cand.path), "/".join(cand.rel))

    def _add_output_folder(self, outdir: Path) -> None:
        """Inputs of an ``avis convert`` run, with their Notice JSON (no second parse)."""
        for line in (outdir / REPORT_NAME).read_text(encoding="utf-8").splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if not isinstance(record, dict) or record.get("status") == "skipped":
                continue
            shown = str(record.get("input", ""))
            candidates = [Path(shown)] if Path(shown).is_absolute() else []
            candidates += [Path.cwd() / shown, outdir.parent / shown]
            found = next((c for c in candidates if c.is_file()), None)
            path = Path(os.path.abspath(found)) if found else None
            if path is not None:
                entry = self._add(path, shown)
            else:
                entry = Entry(id=len(self.entries), name=shown, input=None)
                self.entries.append(entry)
            entry.report = record
            for rel in record.get("outputs", []):
                if rel.endswith(".json") and not rel.endswith((".jsonld", ".hropen.json")):
                    candidate = (outdir / rel).resolve()
                    if candidate.is_relative_to(outdir.resolve()) and candidate.is_file():
                        entry.notice_json = candidate
                        break

    # -- access -----------------------------------------------------------------------------

    def get(self, entry_id: int) -> Entry | None:
        return self.entries[entry_id] if 0 <= entry_id < len(self.entries) else None

    def is_allowed(self, path: Path) -> bool:
        """Whether ``path`` is a notice of the session (the only files read for pages)."""
        return any(e.input == path for e in self.entries)

    def load(self, entry: Entry) -> Loaded:
        """Read the notice (once): from its convert JSON when still current, else parse it."""
        with entry.lock:
            if entry.loaded is None:
                entry.loaded = self._load(entry)
            return entry.loaded

    def load_all(self, stop: threading.Event) -> None:
        """Read every notice in turn (run in a background thread) until ``stop`` is set."""
        for entry in self.entries:
            if stop.is_set():
                return
            self.load(entry)

    def _load(self, entry: Entry) -> Loaded:
        report = entry.report or {}
        if report.get("status") == "failed":
            return Loaded(None, report.get("format"), code=report.get("code"),
                          message=report.get("message"))  # fmt: skip
        if entry.input is None:
            if entry.notice_json is None:
                return Loaded(None, None, code="missing_input", message="input not found")
            return self._from_json(entry.notice_json, None)
        try:
            data = entry.input.read_bytes()
        except OSError as exc:
            return Loaded(None, None, code="error", message=f"cannot read: {exc.strerror}")
        sha = hashlib.sha256(data).hexdigest()
        if entry.notice_json is not None and report.get("sha256") == sha:
            loaded = self._from_json(entry.notice_json, data)
            if loaded.notice is not None:
                return loaded
        return self._parse(entry.input, data)

    def _from_json(self, path: Path, data: bytes | None) -> Loaded:
        try:
            notice = Notice.model_validate_json(path.read_bytes())
        except (OSError, ValueError) as exc:
            return Loaded(None, None, code="unreadable_output", message=str(exc)[:200])
        fmt = notice.source.format
        lines = _text_lines(data, fmt, self.options) if data is not None else []
        return Loaded(notice, fmt, pages=notice.source.pages, lines=lines)

    def _parse(self, path: Path, data: bytes) -> Loaded:
        from avis.pipeline import parse_document

        try:
            doc, notice = parse_document(data, path.name, self.options)
        except UnsupportedFormatError as exc:
            return Loaded(None, None, code=exc.code, message=exc.message)
        except AvisError as exc:
            return Loaded(None, None, code=exc.code, message=exc.message)
        lines = [ln.text for ln in doc.lines()] if doc.format in TEXT_FORMATS else []
        return Loaded(notice, doc.format, pages=len(doc.pages), lines=lines)

    def current(self, entry: Entry) -> tuple[Loaded, Notice | None]:
        """The loaded notice and the notice as reviewed (corrections applied)."""
        loaded = self.load(entry)
        if loaded.notice is None or entry.input is None:
            return loaded, loaded.notice
        try:
            st = corrections_path(entry.input).stat()
            stamp: tuple[int, int, int] | None = (st.st_mtime_ns, st.st_ino, st.st_size)
        except OSError:
            stamp = None
        cached = entry.reviewed
        if cached is not None and cached[0] == stamp:
            return loaded, cached[1]
        notice = loaded.notice if stamp is None else apply_sidecar(loaded.notice, entry.input)
        entry.reviewed = (stamp, notice)
        return loaded, notice

    def summary(self, entry: Entry) -> Summary | None:
        """The list line, or ``None`` while the notice is not read yet."""
        if entry.loaded is None:
            return None
        loaded, notice = self.current(entry)
        if notice is None:
            status = "skipped" if loaded.code == UnsupportedFormatError.code else "failed"
            return Summary(status, 0, 0, 0, f"{loaded.code}: {loaded.message}")
        low = sum(
            1
            for key, prov in notice.provenance.items()
            if prov.confidence < LOW_CONFIDENCE and prov.source != "review" and "[" not in key
        )
        reviewed = sum(1 for prov in notice.provenance.values() if prov.source == "review")
        status = "partial" if notice.warnings else "ok"
        return Summary(status, len(notice.warnings), low, reviewed, None)


def _text_lines(data: bytes, fmt: str | None, options: ReadOptions) -> list[str]:
    """Text lines of a DOCX/text notice (cheap to read again: no OCR)."""
    if fmt not in TEXT_FORMATS:
        return []
    from avis.readers import read_bytes

    try:
        return [ln.text for ln in read_bytes(data, options, fmt=fmt).lines()]
    except AvisError:
        return []
