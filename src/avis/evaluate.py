"""Score avis against ground truth: ``NAME.truth.json`` beside each input ``NAME.*``.

Truth keys are dotted paths into the Notice JSON. A scalar may be ``{"any": [a, b]}``. Lists
are compared item by item as multisets. Scores are micro-averaged per field over documents,
under *exact* matching and *soft* matching (case, spacing, punctuation, ’ vs ').
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from avis.errors import AvisError
from avis.model import Notice


def soft(value: object) -> str:
    """Fold what a reader would not call a difference."""
    text = "" if value is None else str(value)
    text = unicodedata.normalize("NFC", text).casefold()
    text = text.replace("’", "'").replace("‘", "'").replace("–", "-").replace("—", "-")
    text = text.replace("œ", "oe").replace("\u00a0", " ")
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.split())


def exact(value: object) -> str:
    return "" if value is None else " ".join(str(value).split())


def _get(data: object, path: str) -> object:
    node = data
    for key in path.split("."):
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def compare(pred: object, truth: object, norm: Callable[[object], str]) -> Counts:
    """Counts for one field of one document."""
    if isinstance(truth, list) or isinstance(pred, list):
        t = Counter(norm(x) for x in (truth if isinstance(truth, list) else []) if norm(x))
        p = Counter(norm(x) for x in (pred if isinstance(pred, list) else []) if norm(x))
        common = sum((t & p).values())
        return Counts(common, sum(p.values()) - common, sum(t.values()) - common)
    options = truth["any"] if isinstance(truth, dict) and "any" in truth else [truth]
    normed = {norm(o) for o in options}
    pv = norm(pred) if pred is not None and pred != "" else ""
    if isinstance(pred, bool) or any(isinstance(o, bool) for o in options):
        pv = "" if pred is None else str(pred).lower()
        normed = {"" if o is None else str(o).lower() for o in options}
    truth_empty = normed <= {""}
    if pv == "" and truth_empty:
        return Counts()
    if pv in normed:
        return Counts(tp=1)
    return Counts(fp=0 if pv == "" else 1, fn=0 if truth_empty else 1)


@dataclass
class DocResult:
    name: str
    error: str | None = None
    fields: dict[str, tuple[Counts, Counts]] = field(default_factory=dict)  # exact, soft
    hard: list[str] = field(default_factory=list)
    seconds: float = 0.0
    defects: list[str] = field(default_factory=list)  # "path: what" (see :func:`defects`)

    @property
    def all_right(self) -> bool:
        """Every scored field right under soft matching: the headline measure."""
        return self.error is None and all(s.fp == 0 and s.fn == 0 for _, s in self.fields.values())

    @property
    def all_right_exact(self) -> bool:
        """Every scored field right as printed, and no value carrying layout debris."""
        return (
            self.error is None
            and not self.defects
            and all(e.fp == 0 and e.fn == 0 for e, _ in self.fields.values())
        )


@dataclass
class Report:
    docs: list[DocResult]

    def field_totals(self, skip_hard: bool = False) -> dict[str, tuple[Counts, Counts]]:
        totals: dict[str, tuple[Counts, Counts]] = {}
        for doc in self.docs:
            for name, (e, s) in doc.fields.items():
                if skip_hard and name in doc.hard:
                    continue
                te, ts = totals.setdefault(name, (Counts(), Counts()))
                te.add(e)
                ts.add(s)
        return totals

    def overall(self, skip_hard: bool = False) -> tuple[Counts, Counts]:
        e, s = Counts(), Counts()
        for te, ts in self.field_totals(skip_hard).values():
            e.add(te)
            s.add(ts)
        return e, s

    def to_json(self) -> dict:
        def counts(c: Counts) -> dict:
            return {
                "tp": c.tp,
                "fp": c.fp,
                "fn": c.fn,
                "precision": round(c.precision, 4),
                "recall": round(c.recall, 4),
                "f1": round(c.f1, 4),
            }

        oe, os_ = self.overall()
        he, hs = self.overall(skip_hard=True)
        n = len(self.docs)
        right = sum(1 for d in self.docs if d.all_right)
        right_exact = sum(1 for d in self.docs if d.all_right_exact)
        return {
            "documents": n,
            "failed": sum(1 for d in self.docs if d.error),
            "all_fields_right": right,
            "all_fields_right_share": round(right / n, 4) if n else 0.0,
            "all_fields_right_exact": right_exact,
            "all_fields_right_exact_share": round(right_exact / n, 4) if n else 0.0,
            "defects": sum(len(d.defects) for d in self.docs),
            "overall": {"exact": counts(oe), "soft": counts(os_)},
            "overall_without_hard": {"exact": counts(he), "soft": counts(hs)},
            "fields": {
                k: {"exact": counts(e), "soft": counts(s)}
                for k, (e, s) in sorted(self.field_totals().items())
            },
            "per_document": [
                {
                    "name": d.name,
                    "error": d.error,
                    "all_right": d.all_right,
                    "seconds": round(d.seconds, 4),
                    "all_right_exact": d.all_right_exact,
                    "wrong": sorted(k for k, (_, s) in d.fields.items() if s.fp or s.fn),
                    "wrong_exact": sorted(k for k, (e, _) in d.fields.items() if e.fp or e.fn),
                    "defects": d.defects,
                    "hard": d.hard,
                }
                for d in self.docs
            ],
        }


def truth_pairs(root: Path) -> Iterable[tuple[Path, Path]]:
    """(input, truth) pairs below ``root``: every ``X.truth.json`` with an input ``X.*``."""
    for truth in sorted(root.rglob("*.truth.json")):
        data = json.loads(truth.read_text(encoding="utf-8"))
        name = data.get("file") or truth.name[: -len(".truth.json")]
        candidate = truth.parent / name
        if candidate.exists():
            yield candidate, truth
            continue
        stem = truth.name[: -len(".truth.json")]
        for sibling in sorted(truth.parent.glob(stem + ".*")):
            if sibling != truth and not sibling.name.endswith(".truth.json"):
                yield sibling, truth
                break


def score_document(
    notice: Notice | None, truth: dict, name: str, error: str | None = None
) -> DocResult:
    result = DocResult(name=name, error=error, hard=list(truth.get("hard", [])))
    data = notice.model_dump(mode="json") if notice is not None else {}
    result.defects = defects(notice) if notice is not None else []
    flawed = {d.split(":", 1)[0].split("[", 1)[0] for d in result.defects}
    for key, expected in truth["fields"].items():
        got = _get(data, key)
        e = compare(got, expected, exact)
        if key in flawed and e.tp:
            # A value with debris in it is not right as printed, whatever the truth file says.
            e = Counts(tp=e.tp - 1, fp=e.fp + 1, fn=e.fn + 1)
        result.fields[key] = (e, compare(got, expected, soft))
    return result


_PIPE = re.compile(r"(?:^|\s)\|(?:\s|$)")
_LEADER = re.compile(r"\.{4,}|…{2,}|(?:\.\s){3,}|_{4,}")


def defects(notice: Notice) -> list[str]:
    """Layout debris left in values, whatever the truth says: a Markdown table pipe, leader dots,
    or a label of the lexicon taken as a value ("Lieu de travail" as the employer).

    This is the exact-only check of ``avis eval`` (issue #15): a value may be softly right and
    still unusable as printed.
    """
    from avis.extract.lexicon import default_lexicon
    from avis.fields import value_paths

    lexicon = default_lexicon()
    data = notice.model_dump(mode="json")
    out: list[str] = []
    for path in value_paths():
        value = _get(data, path)
        items = value if isinstance(value, list) else [value]
        for i, item in enumerate(items):
            if not isinstance(item, str) or not item:
                continue
            where = f"{path}[{i}]" if isinstance(value, list) else path
            if _PIPE.search(item):
                out.append(f"{where}: table pipe")
            if _LEADER.search(item):
                out.append(f"{where}: leader dots")
            label = lexicon.label_as_value(path, item)
            if label is not None:
                out.append(f"{where}: label '{label}' as value")
    return out


def evaluate(root: Path, parse: Callable[[Path], Notice]) -> Report:
    import time

    docs: list[DocResult] = []
    for path, truth_path in truth_pairs(root):
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        t0 = time.perf_counter()
        try:
            notice, err = parse(path), None
        except AvisError as exc:
            notice, err = None, f"{exc.code}: {exc.message}"
        res = score_document(notice, truth, str(path.relative_to(root)), err)
        res.seconds = time.perf_counter() - t0
        docs.append(res)
    return Report(docs)
