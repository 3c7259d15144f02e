"""One document's work, done in a worker process: read, parse, render, write the outputs.

The worker writes its outputs itself (atomically: a temp file in the same folder, then
``os.replace``) and sends back only a small :class:`Outcome` — never the Notice or the file's
bytes — so the parent stays small however large the batch.

A worker never deletes anything: it renders every output in memory first; if one format
fails, nothing is written and the document is failed. Otherwise it tells the parent what it is
about to write (paths and hashes: the parent journals this *intent*), then writes. The parent
removes the stale files of a document — only those its journal records as avis's, by path and
hash — so an output never belongs to an older version of the input, and a user's own file is
never touched. All writes go through :class:`~avis.batch.outdir.OutDir` (never through a link
out of OUTDIR); OS failures are typed (``disk_full``, ``permission_denied``, ``output_failed``).

Before parsing, a worker decides what is not for it: content that is no notice format
(``unsupported_format``) or a text file with too little of a notice in it (``not_a_notice``:
a README, a script) is *skipped* when found by walking a folder and *failed* when named; a
file whose name claims a notice format (``.pdf``…) but whose bytes are not that format is
*failed* (``corrupt_input``) either way.
"""

from __future__ import annotations

import hashlib
import os
import signal
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, TypedDict

from avis.batch.outdir import OutDir
from avis.batch.urls import read_source
from avis.enrich import INFORMATIONAL_WARNINGS
from avis.errors import AvisError, CorruptInputError, UnsupportedFormatError
from avis.files import TMP_SUFFIX, shown, umask, write_atomic

__all__ = ["TMP_SUFFIX", "Outcome", "Task", "WorkerConfig", "process_document", "write_atomic"]

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


NOT_A_NOTICE = "not_a_notice"
MIN_NOTICE_FIELDS = 3
"""A text file found in a folder with less evidence of a notice than this is not taken for one.
Evidence: each of a notice's fields found (title, employer, reference, dates, place, corps,
mission lists…), and a line that is a notice's title block (``AVIS DE VACANCE DE POSTE``,
the lexicon's boilerplate titles). A README or a script yields one stray value at most."""

PLAIN_FORMATS = frozenset({"text", "html"})
"""Where READMEs, scripts and saved web pages come from: only these are judged on how much
of a notice they hold. A PDF, Word file or scan in an inbox is a document meant to be read —
a poor one converts with warnings, it is never set aside."""


class NotANoticeError(UnsupportedFormatError):
    """A text file named on the command line holds too little of a notice to be one."""

    code = "not_a_notice"


CLAIMED_FORMATS = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".docm": "docx",
    ".png": "image",
    ".jpg": "image",
    ".jpeg": "image",
    ".tif": "image",
    ".tiff": "image",
    ".gif": "image",
    ".bmp": "image",
}
"""Names that claim a format avis reads: such a file whose bytes are not a readable format is
damaged (``corrupt_input``), never a stray file to skip."""


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
    files: dict[str, tuple[int, str]]
    """Every file written for the document (outputs and Notice cache): path → (size, sha256)."""
    reference: str | None
    posted_on: str | None


Intent = Callable[[Mapping[str, str]], None]
"""Called with path → sha256 before a worker writes; raises an AvisError to refuse."""


def planned_outputs(base: str, config: WorkerConfig) -> dict[str, str]:
    """Format name → output path relative to OUTDIR, for the document with this base."""
    planned = {name: base + ext for name, ext in config.extensions.items()}
    if config.notice_cache:
        planned[NOTICE_KEY] = f"{NOTICE_CACHE_DIR}/{base}.json"
    return planned


def alto_name(base: str, page: int) -> str:
    return f"{base}.p{page:03d}.alto.xml"


def blank_outcome(index: int, code: str | None = None, message: str | None = None) -> Outcome:
    """An outcome with nothing done yet: ``failed`` until a conversion says otherwise."""
    return Outcome(
        index=index,
        sha256=None,
        format=None,
        status="failed",
        code=code,
        message=message,
        outputs=[],
        notice_json=None,
        pages=0,
        warnings=0,
        seconds=0.0,
        files={},
        reference=None,
        posted_on=None,
    )


def notice_json_path(base: str, config: WorkerConfig) -> str | None:
    """Where the document's Notice JSON is (for the batch-wide formats), if it is kept."""
    if config.notice_cache:
        return f"{NOTICE_CACHE_DIR}/{base}.json"
    if "json" in config.extensions:
        return base + config.extensions["json"]
    return None


def _set(out: Outcome, status: str, code: str | None, message: str | None) -> None:
    out["status"], out["code"], out["message"] = status, code, message


def _title_block(doc: Any) -> bool:
    """A line near the top that is only a notice's title (``# Avis de vacance de poste``)."""
    from avis.extract.lexicon import default_lexicon
    from avis.extract.normalize import fold

    titles = set(default_lexicon().boilerplate_titles)
    return any(fold(line.text).strip(" #*_:.-=|") in titles for line in doc.lines()[:30])


MAX_HEADER_VALUE = 240
"""A header value (title, employer, place…) longer than this is a paragraph read as a value."""


def _header_value(value: object) -> bool:
    """A header value as notices print them: not a paragraph, opening on a letter or digit,
    its quotes and brackets closed. Text *about* notices (a corpus README quoting labels and
    file names) yields fragments like ``" / Collectivité label`` or ``du …"; …``."""
    if not isinstance(value, str):
        return bool(value)
    text = value.strip()
    if not text or len(text) > MAX_HEADER_VALUE or not text[0].isalnum():
        return False
    return text.count('"') % 2 == 0 and text.count("(") == text.count(")")


def notice_evidence(notice: Any, doc: Any = None) -> int:
    """How much of a notice the document holds (see MIN_NOTICE_FIELDS)."""
    header = [
        notice.title,
        notice.employer,
        notice.reference.id,
        notice.location,
        notice.corps,
        notice.direction or notice.service,
        notice.job,
        notice.start.raw,
    ]
    found = [
        *(_header_value(v) for v in header),
        notice.deadline,
        notice.posted_on,
        notice.missions or notice.activities,
        notice.knowledge or notice.know_how or notice.behaviours,
        notice.conditions,
        notice.contact.email or notice.contact.how_to_apply,
        doc is not None and _title_block(doc),
    ]
    return sum(1 for value in found if value)


class _Engine:
    """The imported pipeline and writers of one worker (built once, used for every task)."""

    def __init__(self, config: WorkerConfig, intent: Intent | None = None) -> None:
        from avis.pipeline import parse_document
        from avis.readers import ReadOptions, detect_format

        self.config = config
        self.out = OutDir(config.outdir)
        self.intent = intent
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
        self.mode = 0o666 & ~umask()

    def run(self, task: Task) -> Outcome:
        start = time.perf_counter()
        out = blank_outcome(task.index)
        try:
            self._run(task, out)
        except AvisError as exc:
            _set(out, "failed", exc.code, exc.message)
            out["outputs"] = []
        except Exception as exc:  # a bug in avis: report it for this document, keep going
            message = f"unexpected {type(exc).__name__}: {exc} (please report this)"
            _set(out, "failed", InternalError.code, message)
            out["outputs"] = []
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

    def _detect(self, task: Task, data: bytes, out: Outcome) -> bool:
        """Detect the format; False when the file is to be skipped (reported in ``out``)."""
        claimed = CLAIMED_FORMATS.get(os.path.splitext(task.path)[1].lower())
        try:
            out["format"] = self.detect_format(data)
        except UnsupportedFormatError as exc:
            if claimed is not None:
                raise CorruptInputError(
                    f"the name says {claimed.upper()} but the content is no readable "
                    f"{claimed} file ({exc.message}); it is damaged or misnamed: ask for a "
                    "new copy"
                ) from exc
            if task.explicit:
                raise
            _set(out, "skipped", exc.code, exc.message)
            return False
        return True

    def _run(self, task: Task, out: Outcome) -> None:
        name = shown(os.path.basename(task.path))
        data = read_source(task.path, self.read_options.max_bytes)  # a path or a URL
        out["sha256"] = hashlib.sha256(data).hexdigest()
        if not self._detect(task, data, out):
            return
        doc, notice = self.parse_document(
            data, name, self.read_options, self.settings, input_path=Path(task.path)
        )
        del data
        plain = out["format"] in PLAIN_FORMATS
        evidence = notice_evidence(notice, doc) if plain else MIN_NOTICE_FIELDS
        if evidence < MIN_NOTICE_FIELDS:
            why = (
                f"this does not read as a job notice: {evidence} of a notice's fields found "
                f"(title block, employer, reference, dates, place, missions…; "
                f"{MIN_NOTICE_FIELDS} at least)"
            )
            if not task.explicit:
                _set(out, "skipped", NOT_A_NOTICE, why)
                return
            raise NotANoticeError(why + "; check that this is the notice you meant")
        pages = self._alto(doc, task.base, name)
        del doc
        out["pages"] = notice.source.pages
        out["warnings"] = len(notice.warnings)
        worrying = [w for w in notice.warnings if w.code not in INFORMATIONAL_WARNINGS]
        out["reference"] = notice.reference.id
        out["posted_on"] = notice.posted_on.isoformat() if notice.posted_on else None
        rendered: dict[str, bytes] = {}
        errors: list[tuple[str, AvisError]] = []
        for fmt, writer in self.writers.items():
            try:
                rendered[fmt] = writer.render([notice], options=self.writer_options)
            except AvisError as exc:
                errors.append((fmt, exc))
        planned = planned_outputs(task.base, self.config)
        if NOTICE_KEY in planned:
            try:
                rendered[NOTICE_KEY] = notice.model_dump_json().encode("utf-8")
            except Exception as exc:  # a value JSON cannot hold
                errors.append(("notice cache", AvisError(f"cannot keep the notice: {exc}")))
        del notice
        if errors:  # nothing is written for a document reported failed
            message = "; ".join(f"{fmt}: {exc.message}" for fmt, exc in errors)
            _set(out, "failed", errors[0][1].code, message)
            return
        files = {planned[key]: data for key, data in rendered.items()}
        files.update(pages)
        hashes = {rel: hashlib.sha256(data).hexdigest() for rel, data in files.items()}
        if self.intent is not None:
            self.intent(hashes)  # the parent journals what is about to be written
        for rel, data in files.items():
            self.out.write(rel, data, mode=self.mode)
            out["files"][rel] = (len(data), hashes[rel])
        out["outputs"] = [planned[k] for k in planned if k in rendered and k != NOTICE_KEY]
        out["outputs"] += list(pages)
        out["notice_json"] = notice_json_path(task.base, self.config)
        out["status"] = "partial" if worrying else "ok"


def process_document(task: Task, config: WorkerConfig, intent: Intent | None = None) -> Outcome:
    """Convert one document in this process (what a worker does; handy for tests)."""
    return _Engine(config, intent).run(task)


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

    Ctrl-C and SIGTERM are for the parent (they may reach the whole process group): a worker
    ignores them and is stopped by the parent, which knows what to clean up.
    """
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    _die_with_parent()  # (if the batch died before this, the pipe is closed: recv ends it)

    def intent(files: Mapping[str, str]) -> None:
        """Ask the parent to journal the files about to be written; wait for its answer."""
        try:
            conn.send(("intent", dict(files)))
            reply = conn.recv()
        except (EOFError, OSError) as exc:
            raise AvisError("the batch stopped while this document was being written") from exc
        if reply[1] is not None:
            code, message = reply[1]
            error = AvisError(message)
            error.code = code
            raise error

    engine = _Engine(config, intent)
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
