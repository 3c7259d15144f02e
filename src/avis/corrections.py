"""Human corrections of a notice, kept beside its input as ``NAME.corrections.json``.

`avis review` appends one entry per edited field (who, when, old value, new value); the file is
a log, so nothing a reviewer did is lost, and the last entry of a field wins. The pipeline
applies the log over extraction (``parse``, ``convert``), marking each corrected field's
provenance ``source = "review"``, so every writer emits the reviewed notice. ``avis eval``
does not apply corrections: it measures extraction, against a ``NAME.truth.json`` that
:func:`export_truth` can write from a reviewed notice.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import hashlib
import json
import os
import stat
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, Field, ValidationError

from avis.errors import AvisError
from avis.files import hash_input, read_input, write_atomic
from avis.model import Notice, NoticeWarning, Provenance

CORRECTIONS_SUFFIX = ".corrections.json"
TRUTH_SUFFIX = ".truth.json"
FORMAT_VERSION = 1
MAX_SIDECAR_BYTES = 16 * 1024 * 1024
"""A corrections log larger than this is refused (a review writes a few kilobytes)."""
_NOT_EDITABLE = ("source", "warnings", "provenance", "extra")

FieldKind = Literal["text", "longtext", "date", "int", "bool", "list"]
_LONG_TEXT = ("description", "contact.how_to_apply", "contact.address")

JsonValue = str | int | bool | list[str] | None


class CorrectionError(AvisError):
    """A correction that cannot be made or read: unknown field, value of the wrong type, a
    damaged corrections file."""

    code = "invalid_correction"


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """One field a reviewer may correct: its dotted path in the Notice JSON and input kind."""

    path: str
    kind: FieldKind
    label: str


class Correction(BaseModel):
    field: str
    old: JsonValue = None
    new: JsonValue = None
    by: str = ""
    at: dt.datetime


class CorrectionLog(BaseModel):
    version: int = FORMAT_VERSION
    file: str
    sha256: str | None = Field(
        default=None, description="the input's content hash when the last correction was made"
    )
    corrections: list[Correction] = Field(default_factory=list)

    def latest(self) -> dict[str, JsonValue]:
        """Field → the value its last correction set."""
        return {c.field: c.new for c in self.corrections}


def corrections_path(input_path: Path) -> Path:
    """``x.pdf`` → ``x.pdf.corrections.json`` (the whole name: ``x.pdf`` and ``x.docx`` differ)."""
    return input_path.with_name(input_path.name + CORRECTIONS_SUFFIX)


def truth_path(input_path: Path) -> Path:
    """``x.pdf`` → ``x.truth.json``, where ``avis eval`` looks for ground truth."""
    return input_path.with_name(input_path.stem + TRUTH_SUFFIX)


def _unwrap(annotation: Any) -> Any:
    if get_origin(annotation) in (Union, types.UnionType):
        inner = [a for a in get_args(annotation) if a is not type(None)]
        return inner[0] if len(inner) == 1 else annotation
    return annotation


def _kind(path: str, annotation: Any) -> FieldKind:
    tp = _unwrap(annotation)
    if tp is dt.date:
        return "date"
    if tp is bool:
        return "bool"
    if tp is int:
        return "int"
    if get_origin(tp) is list:
        return "list"
    return "longtext" if path in _LONG_TEXT else "text"


@functools.cache
def editable_fields() -> tuple[FieldSpec, ...]:
    """Every value field of the Notice, in model order, read from the model itself (a field
    added to the model is reviewable without touching this module)."""
    specs: list[FieldSpec] = []
    for name, info in Notice.model_fields.items():
        if name in _NOT_EDITABLE:
            continue
        tp = _unwrap(info.annotation)
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            for sub, sub_info in tp.model_fields.items():
                path = f"{name}.{sub}"
                specs.append(FieldSpec(path, _kind(path, sub_info.annotation), path))
        else:
            specs.append(FieldSpec(name, _kind(name, info.annotation), name))
    return tuple(specs)


def field_spec(path: str) -> FieldSpec:
    for spec in editable_fields():
        if spec.path == path:
            return spec
    raise CorrectionError(f"'{path}' is not a field a review can correct")


def get_value(data: dict[str, Any], path: str) -> Any:
    node: Any = data
    for key in path.split("."):
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node


def _set_value(data: dict[str, Any], path: str, value: Any) -> None:
    keys = path.split(".")
    node = data
    for key in keys[:-1]:
        node = node.setdefault(key, {})
    node[keys[-1]] = value


def parse_value(spec: FieldSpec, raw: str) -> JsonValue:
    """The JSON value a reviewer's text means for this field (empty text: no value)."""
    text = raw.replace("\r\n", "\n").strip()
    if spec.kind == "list":
        return [" ".join(line.split()) for line in text.split("\n") if line.strip()]
    if not text:
        return None
    if spec.kind == "date":
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            raise CorrectionError(
                f"{spec.path}: '{text[:40]}' is not a date; write it as YYYY-MM-DD"
            ) from None
    if spec.kind == "int":
        if not text.isdigit():
            raise CorrectionError(f"{spec.path}: '{text[:40]}' is not a whole number")
        return int(text)
    if spec.kind == "bool":
        answers = {"true": True, "yes": True, "oui": True, "false": False, "no": False}
        answers["non"] = False
        if text.lower() not in answers:
            raise CorrectionError(f"{spec.path}: answer yes, no, or leave it empty")
        return answers[text.lower()]
    if spec.kind == "longtext":
        return text
    return " ".join(text.split())


def load_corrections(input_path: Path) -> CorrectionLog | None:
    """The corrections log beside ``input_path``, ``None`` when there is none."""
    path = corrections_path(input_path)
    if not os.path.lexists(path):
        return None
    try:
        raw = read_input(path, MAX_SIDECAR_BYTES)
    except AvisError as exc:
        raise CorrectionError(f"cannot read {path.name}: {exc.message}", path=str(path)) from exc
    try:
        log = CorrectionLog.model_validate_json(raw)
    except ValidationError as exc:
        raise CorrectionError(
            f"{path.name} is damaged ({exc.errors()[0]['msg']}); fix or remove it",
            path=str(path),
        ) from exc
    if log.version != FORMAT_VERSION:
        raise CorrectionError(
            f"{path.name} has version {log.version}; this avis reads version {FORMAT_VERSION}",
            path=str(path),
        )
    return log


def apply_corrections(notice: Notice, log: CorrectionLog) -> Notice:
    """``notice`` with the log's last value of each field, its provenance marked ``review``.

    A correction that no longer validates (a field the model lost, a value it refuses) is
    skipped with a ``correction_invalid`` warning: the rest of the review still applies.
    """
    data = notice.model_dump(mode="json")
    warnings: list[dict[str, Any]] = list(data["warnings"])
    provenance: dict[str, Any] = dict(data["provenance"])
    applied: list[str] = []
    if log.sha256 and notice.source.sha256 and log.sha256 != notice.source.sha256:
        warnings.append(
            NoticeWarning(
                code="corrections_stale",
                message=f"the corrections were made on another version of {log.file}: "
                "check the reviewed fields still hold",
            ).model_dump()
        )
    for path, value in log.latest().items():
        trial = copy.deepcopy(data)
        try:
            field_spec(path)
            _set_value(trial, path, value)
            Notice.model_validate({**trial, "warnings": warnings, "provenance": {}})
        except (CorrectionError, ValidationError, TypeError) as exc:
            reason = exc.message if isinstance(exc, CorrectionError) else "value refused"
            if isinstance(exc, ValidationError) and "deadline is before" in str(exc):
                reason = "the corrected deadline is before posted_on"
            warnings.append(
                NoticeWarning(
                    code="correction_invalid",
                    field=path,
                    message=f"correction of '{path}' not applied: {reason}",
                ).model_dump()
            )
            continue
        data = trial
        applied.append(path)
        before = provenance.get(path) or provenance.get(path.rpartition(".")[0]) or {}
        provenance = {k: v for k, v in provenance.items() if not k.startswith(path + "[")}
        provenance[path] = Provenance.model_validate(
            {**before, "confidence": 1.0, "source": "review"}
        ).model_dump(mode="json")
    done = set(applied)
    posted, deadline = data.get("posted_on"), data.get("deadline")
    dates_ok = not (posted and deadline and deadline < posted)
    data["warnings"] = [
        w
        for w in warnings
        if (w.get("field") not in done or w["code"] == "deadline_before_posting")
        and not (dates_ok and w["code"] == "deadline_before_posting" and done)
    ]
    data["provenance"] = dict(sorted(provenance.items()))
    return Notice.model_validate(data)


def apply_sidecar(notice: Notice, input_path: Path) -> Notice:
    """Apply ``NAME.corrections.json`` beside the input, if any. A damaged file costs a
    warning, never the notice."""
    try:
        log = load_corrections(input_path)
    except CorrectionError as exc:
        data = notice.model_dump(mode="json")
        data["warnings"].append(
            NoticeWarning(code="corrections_unreadable", message=exc.message).model_dump()
        )
        return Notice.model_validate(data)
    return notice if log is None else apply_corrections(notice, log)


def record_corrections(
    input_path: Path,
    current: Notice,
    edits: dict[str, str],
    by: str,
    now: dt.datetime | None = None,
) -> list[Correction]:
    """Append a correction for every field of ``edits`` (path → the reviewer's text) whose
    value differs from ``current`` (the notice as shown); returns what was recorded.

    Every value is checked first, and the corrected notice validated as a whole, so a bad
    value records nothing.
    """
    data = current.model_dump(mode="json")
    changes: list[tuple[str, JsonValue, JsonValue]] = []
    trial = copy.deepcopy(data)
    for path, raw in edits.items():
        spec = field_spec(path)
        new = parse_value(spec, raw)
        old = get_value(data, path)
        if new == old or (spec.kind == "list" and new == [] and not old):
            continue
        changes.append((path, old, new))
        _set_value(trial, path, new)
    if not changes:
        return []
    posted, deadline = trial.get("posted_on"), trial.get("deadline")
    if posted and deadline and deadline < posted:
        raise CorrectionError(
            f"the deadline ({deadline}) would be before the posting date ({posted}): correct both"
        )
    try:
        Notice.model_validate({**trial, "warnings": data["warnings"], "provenance": {}})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "notice"
        raise CorrectionError(f"{where}: {first['msg']}") from None
    log = load_corrections(input_path) or CorrectionLog(file=input_path.name)
    at = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    made = [Correction(field=p, old=o, new=n, by=by, at=at) for p, o, n in changes]
    log.corrections.extend(made)
    log.sha256 = current.source.sha256 or _sha256(input_path)
    text = log.model_dump_json(indent=2) + "\n"
    write_atomic(corrections_path(input_path), text.encode("utf-8"))
    return made


def _sha256(path: Path) -> str | None:
    try:
        return hash_input(path, 1 << 40)
    except AvisError:
        return None


def truth_fields(notice: Notice) -> dict[str, Any]:
    """Every editable field's value, keyed as ``NAME.truth.json`` keys them."""
    data = notice.model_dump(mode="json")
    return {spec.path: get_value(data, spec.path) for spec in editable_fields()}


def export_truth(input_path: Path, notice: Notice, by: str, *, replace: bool = False) -> Path:
    """Write the reviewed notice as ``NAME.truth.json`` for ``avis eval``.

    A truth file not written by a review (hand-made ground truth) is kept unless ``replace``.
    """
    target = truth_path(input_path)
    if target.exists() and not replace:
        try:
            existing = json.loads(target.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            existing = {}
        if not (isinstance(existing, dict) and existing.get("reviewed")):
            raise CorrectionError(
                f"{target.name} exists and was not written by a review; it was kept "
                "(move it away to export this notice as truth)",
                path=str(target),
            )
    at = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    body = {
        "file": input_path.name,
        "source": f"reviewed with avis review by {by or 'unknown'} on {at}",
        "reviewed": True,
        "fields": truth_fields(notice),
    }
    text = json.dumps(body, indent=2, ensure_ascii=False) + "\n"
    write_atomic(target, text.encode("utf-8"))
    return target


def corrections_tag(input_path: str | Path) -> str:
    """What a batch adds to an input's content hash for resume: ``""`` without a corrections
    file (existing resume journals stay valid), else ``+`` and a digest of the file, so a
    changed correction re-converts the input."""
    path = corrections_path(Path(input_path))
    try:
        st = os.stat(path)
    except OSError:
        return ""
    if not stat.S_ISREG(st.st_mode):  # never read (a FIFO would block); redo when it is a file
        return "+" + stat.filemode(st.st_mode)
    try:
        extra = read_input(path, MAX_SIDECAR_BYTES)
    except AvisError:
        return ""
    return "+" + hashlib.sha256(extra).hexdigest()[:16]
