"""One document's work, done in a worker process: read, parse, render, write the outputs.

The worker writes its outputs itself (atomically: a temp file in the same folder, then
``os.replace``) and sends back only a small :class:`Outcome` — never the Notice or the file's
bytes — so the parent stays small however large the batch.

After a document, the files on disk for its base are exactly what this run produced: formats
that rendered are written, stale files of formats that failed (or of a document that failed
to parse) are removed, so an output never belongs to an older version of the input.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import sys
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, TypedDict

from avis.errors import AvisError, LimitExceededError, UnsupportedFormatError

TMP_SUFFIX = ".avis-tmp"
"""Temp files are ``.NAME.<random>.avis-tmp`` beside their target; a new run sweeps them."""

NOTICE_CACHE_DIR = ".avis-cache"
"""Where the Notice JSON of each document goes when ``feed``/``csv`` need it and ``json`` is
not among the requested formats (``OUTDIR/.avis-cache/BASE.json``)."""

NOTICE_KEY = "_notice"


class WorkerCrashedError(AvisError):
    """The worker process died while reading a document (a crash in a native library, or the
    system killed it for memory); the document is reported failed and the batch goes on."""

    code = "worker_crashed"


try:
    from avis.errors import InternalError
except ImportError:  # pragma: no cover - avis.errors without it (older tree)

    class InternalError(AvisError):  # type: ignore[no-redef]
        """An unexpected exception inside avis (a bug): reported, and the batch goes on."""

        code = "internal_error"


@dataclass(frozen=True, slots=True)
class WorkerConfig:
    """Everything a worker needs, sent once when it starts (plain, picklable values)."""

    outdir: str
    extensions: Mapping[str, str]
    """Per-notice format name → file extension, in the order they are rendered."""
    notice_cache: bool
    """Also keep the Notice JSON for the batch-wide formats (when ``json`` is not requested)."""
    read_options: Mapping[str, Any] = field(default_factory=dict)
    writer_options: Mapping[str, Any] = field(default_factory=dict)
    alto: bool = False
    """Also write each page's text as ALTO 4.4 (``BASE.pNNN.alto.xml``) when it has geometry."""
    settings: Mapping[str, Any] = field(default_factory=dict)
    """The user's settings for the enrich stage and extraction (see avis.settings)."""


@dataclass(frozen=True, slots=True)
class Task:
    index: int
    path: str
    base: str
    explicit: bool


class Outcome(TypedDict):
    """What travels back to the parent for one document."""

    index: int
    sha256: str | None
    format: str | None
    status: str
    code: str | None
    message: str | None
    outputs: list[str]
    notice_json: str | None
    pages: int
    warnings: int
    seconds: float


def planned_outputs(base: str, config: WorkerConfig) -> dict[str, str]:
    """Format name → output path relative to OUTDIR, for the document with this base."""
    planned = {name: base + ext for name, ext in config.extensions.items()}
    if config.notice_cache:
        planned[NOTICE_KEY] = f"{NOTICE_CACHE_DIR}/{base}.json"
    return planned


def alto_name(base: str, page: int) -> str:
    return f"{base}.p{page:03d}.alto.xml"


def alto_outputs(outdir: Path, base: str, config: WorkerConfig) -> list[str]:
    """The ALTO page files on disk for ``base`` (relative to OUTDIR), whatever run wrote them.

    Probed by name, page 1 to the page limit: a few hundred ``stat`` calls, where listing the
    folder would cost as much as the folder is big, for every document of the batch.
    """
    limit = int(config.read_options.get("max_pages", 200))
    names = (alto_name(base, n) for n in range(1, limit + 1))
    return [rel for rel in names if os.path.exists(outdir / rel)]


def document_outputs(outdir: Path, base: str, config: WorkerConfig) -> list[str]:
    """Every file a document may own in OUTDIR: to remove when it fails or is lost."""
    return list(planned_outputs(base, config).values()) + alto_outputs(outdir, base, config)


def notice_json_path(base: str, config: WorkerConfig) -> str | None:
    """Where the document's Notice JSON is (for the batch-wide formats), if it is kept."""
    if config.notice_cache:
        return f"{NOTICE_CACHE_DIR}/{base}.json"
    if "json" in config.extensions:
        return base + config.extensions["json"]
    return None


def _umask() -> int:
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


def write_atomic(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Write ``data`` to ``path`` so that ``path`` is always either the old or the new file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            os.fchmod(fh.fileno(), mode if mode is not None else 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def remove_outputs(outdir: Path, rel_paths: list[str]) -> None:
    """Delete these outputs and any temp file left beside them (a killed worker's)."""
    for rel in rel_paths:
        target = outdir / rel
        with contextlib.suppress(OSError):
            target.unlink()
        with contextlib.suppress(OSError):
            for tmp in target.parent.glob(f".{_glob_escape(target.name)}.*{TMP_SUFFIX}"):
                with contextlib.suppress(OSError):
                    tmp.unlink()


def _glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


class _Engine:
    """The imported pipeline and writers of one worker (built once, used for every task)."""

    def __init__(self, config: WorkerConfig) -> None:
        from avis.pipeline import parse_document
        from avis.readers import ReadOptions, detect_format

        self.config = config
        self.outdir = Path(config.outdir)
        self.parse_document = parse_document
        self.detect_format = detect_format
        self.read_options = ReadOptions(**dict(config.read_options))
        from avis.settings import settings_from_dict

        self.settings = settings_from_dict(config.settings)
        self.writers: dict[str, Any] = {}
        self.writer_options: Any = None
        if config.extensions:
            from avis.writers import WriterOptions, get_writer

            self.writers = {name: get_writer(name) for name in config.extensions}
            self.writer_options = WriterOptions(**dict(config.writer_options))
        self.mode = 0o666 & ~_umask()

    def run(self, task: Task) -> Outcome:
        start = time.perf_counter()
        out = Outcome(
            index=task.index,
            sha256=None,
            format=None,
            status="failed",
            code=None,
            message=None,
            outputs=[],
            notice_json=None,
            pages=0,
            warnings=0,
            seconds=0.0,
        )
        planned = planned_outputs(task.base, self.config)
        try:
            self._run(task, planned, out)
        except AvisError as exc:
            out.update(status="failed", code=exc.code, message=exc.message, outputs=[])
            remove_outputs(self.outdir, document_outputs(self.outdir, task.base, self.config))
        except Exception as exc:  # a bug in avis: report it for this document, keep going
            out.update(
                status="failed",
                code=InternalError.code,
                message=f"unexpected {type(exc).__name__}: {exc} (please report this)",
                outputs=[],
            )
            remove_outputs(self.outdir, document_outputs(self.outdir, task.base, self.config))
        out["seconds"] = round(time.perf_counter() - start, 4)
        return out

    def _alto(self, doc: Any, base: str, source_name: str) -> dict[str, bytes]:
        """ALTO bytes of every page that has geometry (scans, PDF text layers), by path."""
        if not self.config.alto or not any(p.origin in ("ocr", "text_layer") for p in doc.pages):
            return {}
        from avis.readers.ocr import tesseract_version
        from avis.writers.alto import render_alto

        version = tesseract_version() if any(p.origin == "ocr" for p in doc.pages) else None
        return {
            alto_name(base, page.number): render_alto(doc, page, source_name, version)
            for page in doc.pages
        }

    def _run(self, task: Task, planned: dict[str, str], out: Outcome) -> None:
        path = Path(task.path)
        limit = self.read_options.max_bytes
        try:
            size = path.stat().st_size
            if size > limit:
                raise LimitExceededError(
                    f"the file is {size:,} bytes, over the {limit:,}-byte limit "
                    "(raise it with --max-mb)"
                )
            data = path.read_bytes()
        except OSError as exc:
            raise AvisError(f"cannot read the file: {exc.strerror or exc}") from exc
        out["sha256"] = hashlib.sha256(data).hexdigest()
        try:
            out["format"] = self.detect_format(data)
        except UnsupportedFormatError as exc:
            if task.explicit:
                raise
            out.update(status="skipped", code=exc.code, message=exc.message)
            remove_outputs(self.outdir, document_outputs(self.outdir, task.base, self.config))
            return
        doc, notice = self.parse_document(
            data, path.name, self.read_options, self.settings, input_path=path
        )
        del data
        pages = self._alto(doc, task.base, path.name)
        del doc
        out["pages"] = notice.source.pages
        out["warnings"] = len(notice.warnings)
        rendered: dict[str, bytes] = {}
        errors: list[tuple[str, AvisError]] = []
        for name, writer in self.writers.items():
            try:
                rendered[name] = writer.render([notice], options=self.writer_options)
            except AvisError as exc:
                errors.append((name, exc))
        if NOTICE_KEY in planned:
            try:
                rendered[NOTICE_KEY] = notice.model_dump_json().encode("utf-8")
            except Exception as exc:  # lone surrogates cannot be UTF-8
                errors.append(("notice cache", AvisError(f"cannot keep the notice: {exc}")))
        del notice
        written: list[str] = []
        on_disk = alto_outputs(self.outdir, task.base, self.config)
        stale = [rel for rel in on_disk if rel not in pages]
        for key, rel in planned.items():
            if key in rendered:
                write_atomic(self.outdir / rel, rendered[key], mode=self.mode)
                if key != NOTICE_KEY:
                    written.append(rel)
            else:
                stale.append(rel)
        for rel, xml in pages.items():
            write_atomic(self.outdir / rel, xml, mode=self.mode)
            written.append(rel)
        remove_outputs(self.outdir, stale)
        out["outputs"] = written
        if errors:
            out.update(
                status="failed",
                code=errors[0][1].code,
                message="; ".join(f"{name}: {exc.message}" for name, exc in errors),
            )
            return
        out["notice_json"] = notice_json_path(task.base, self.config)
        out["status"] = "partial" if out["warnings"] else "ok"


_WARM_NOTICE = (
    "AVIS DE VACANCE DE POSTE\n"
    "Référence : 0000-00-0000/SR du 2 janvier 2025\n"
    "Intitulé du poste : Agent d'accueil\n"
    "Employeur : Province\n"
    "Lieu de travail : Nouméa\n"
    "Date limite de dépôt des candidatures : 31 janvier 2025\n\n"
    "Missions :\n- accueillir le public\n- orienter les usagers\n\n"
    "Compétences :\n- rigueur\n"
).encode()


def warm_up() -> None:
    """Load what the first document would (lexicon, patterns, schemas); never fails."""
    try:
        from avis.pipeline import parse_bytes
        from avis.writers import WriterOptions, get_writer, writer_names

        notice = parse_bytes(_WARM_NOTICE, "warm-up.md")
        options = WriterOptions(include_expired=True)
        for name in writer_names():
            with contextlib.suppress(Exception):
                get_writer(name).render([notice], options=options)
    except Exception:
        pass


def process_document(task: Task, config: WorkerConfig) -> Outcome:
    """Convert one document in this process (what a worker does; handy for tests)."""
    return _Engine(config).run(task)


def _die_with_parent() -> None:
    """Ask Linux to kill this worker if the batch process dies (even by ``kill -9``)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # pragma: no cover - best effort
        pass


def worker_main(conn: Connection, config: WorkerConfig) -> None:
    """Entry point of a worker process: serve tasks until told to stop or the parent is gone.

    Ctrl-C is for the parent (it reaches the whole process group): a worker ignores it and is
    stopped by the parent, which knows what to clean up.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    _die_with_parent()  # (if the batch died before this, the pipe is closed: recv ends it)
    engine = _Engine(config)
    try:
        conn.send(("ready", os.getpid()))
    except OSError:  # the pool was closed while this worker started
        return
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        outcome = engine.run(task)
        try:
            conn.send(("done", outcome))
        except OSError:
            return
