"""Safe, collision-free output names, derived from an input's path relative to its input root.

``a/x.pdf`` becomes the *base* ``a/x.pdf``; each format appends its extension
(``OUTDIR/a/x.pdf.json``, ``OUTDIR/a/x.pdf.jsonld``…). Every path component is sanitised:

* NFC-normalised; control and format characters (``\\x00``–``\\x1f``, bidi overrides, lone
  surrogates from undecodable file names) and ``< > : " / \\ | ? *`` become ``_``;
* a leading dot becomes ``_`` (so ``.`` and ``..`` can never climb out of OUTDIR and no output
  is hidden), trailing dots and spaces go (Windows drops them), an empty name is ``_``;
* Windows device names (``CON``, ``NUL``, ``COM1``…, with any extension) get a ``_`` prefix;
* a component over :data:`MAX_COMPONENT_BYTES` UTF-8 bytes is cut at a character boundary and
  ends with ``~`` and 8 hex digits of the full name's hash, so two long names stay apart.

Outputs that still collide — after sanitising (``a:b`` and ``a_b``), ignoring case (the tree
may be copied to a case-insensitive disk), or with the batch files avis writes at the top of
OUTDIR — all get ``~`` + 8 hex digits of their *original* relative path appended to the file
name. The result depends only on the set of inputs, never on the order they are found in.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence

MAX_COMPONENT_BYTES = 160
"""Leaves room for the longest extension, a collision suffix and the temp-file decoration
under the usual 255-byte file-name limit."""

_FORBIDDEN = frozenset('<>:"/\\|?*')
_BAD_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
_DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"COM{i}" for i in "123456789¹²³"}
    | {f"LPT{i}" for i in "123456789¹²³"}
)


def short_hash(text: str) -> str:
    """8 hex digits identifying ``text`` (surrogates from undecodable names included)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def _clean_char(c: str) -> str:
    if c in _FORBIDDEN or unicodedata.category(c) in _BAD_CATEGORIES:
        return "_"
    return c


def _cut(name: str, limit: int) -> str:
    """``name`` cut to ``limit`` UTF-8 bytes, ending in ``~hash`` when it had to be cut."""
    if len(name.encode("utf-8")) <= limit:
        return name
    digest = short_hash(name)
    room = limit - len(digest) - 1
    out = []
    used = 0
    for c in name:
        size = len(c.encode("utf-8"))
        if used + size > room:
            break
        out.append(c)
        used += size
    return "".join(out).rstrip(". ") + "~" + digest


def sanitize_component(name: str, *, limit: int = MAX_COMPONENT_BYTES) -> str:
    """One path component made safe on any file system (see the module doc)."""
    name = unicodedata.normalize("NFC", name)
    name = "".join(_clean_char(c) for c in name).strip(" ").rstrip(". ")
    if name.startswith("."):
        name = "_" + name[1:]
    if not name:
        name = "_"
    if name.split(".", 1)[0].rstrip(" ").upper() in _DEVICES:
        name = "_" + name
    return _cut(name, limit)


def sanitize_relpath(parts: Sequence[str]) -> str:
    """A relative input path (its components) as a safe POSIX relative path."""
    cleaned = [sanitize_component(p) for p in parts if p not in ("", ".")]
    return "/".join(cleaned) if cleaned else "_"


def _with_suffix(base: str, suffix: str) -> str:
    head, _, name = base.rpartition("/")
    name = _cut(name, MAX_COMPONENT_BYTES - len(suffix)) + suffix
    return f"{head}/{name}" if head else name


def assign_bases(
    rel_paths: Sequence[Sequence[str]],
    extensions: Iterable[str],
    reserved: Iterable[str] = (),
) -> list[str]:
    """The output base of every input, same order; no two outputs share a path.

    ``rel_paths`` are the inputs' paths relative to their root, as components;
    ``extensions`` the per-notice extensions written (``.json``, ``.dc.xml``…);
    ``reserved`` top-level names avis writes itself (report, summary, feed…).
    """
    exts = sorted(set(extensions)) or [""]
    originals = ["/".join(p) for p in rel_paths]
    bases = [sanitize_relpath(p) for p in rel_paths]
    reserved_keys = {r.casefold() for r in reserved}
    for attempt in range(4):
        owners: dict[str, list[int]] = defaultdict(list)
        dirs: set[str] = set()
        for i, base in enumerate(bases):
            for ext in exts:
                owners[(base + ext).casefold()].append(i)
            parts = base.casefold().split("/")
            dirs.update("/".join(parts[:k]) for k in range(1, len(parts)))
        clash: set[int] = set()
        for key, idx in owners.items():
            if len(set(idx)) > 1 or key in reserved_keys or key in dirs:
                clash.update(idx)
        if not clash:
            return bases
        width = 8 * (attempt + 1)
        for i in clash:
            digest = hashlib.sha256(originals[i].encode("utf-8", "surrogatepass")).hexdigest()
            bases[i] = _with_suffix(sanitize_relpath(rel_paths[i]), "~" + digest[:width])
    raise AssertionError("output names still collide after disambiguation")  # pragma: no cover
