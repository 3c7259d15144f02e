"""Batch building blocks without worker processes: names, discovery, journal, one document."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from avis.batch.discover import discover
from avis.batch.naming import MAX_COMPONENT_BYTES, assign_bases, sanitize_component
from avis.batch.state import StateJournal
from avis.batch.worker import Task, WorkerConfig, process_document, write_atomic
from avis.errors import UsageError

SEED = Path(__file__).resolve().parent.parent / "corpus" / "real" / "seed" / "3134-25-0176_SR.md"

# -- naming ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("x.pdf", "x.pdf"),
        ("..", "_"),
        (".", "_"),
        (".hidden.md", "_hidden.md"),
        ("a\x00b\x1fc.md", "a_b_c.md"),
        ("con.pdf", "_con.pdf"),
        ("LPT1", "_LPT1"),
        ("what?.pdf", "what_.pdf"),
        ("trail. . ", "trail"),
        ("cv\u202efdp.exe", "cv_fdp.exe"),  # bidi override: no spoofed extension
        ("", "_"),
        ("e\u0301te.md", "\u00e9te.md"),  # NFC
        ("bad\udcffname", "bad_name"),  # a byte of a Latin-1 name (surrogateescape)
    ],
)
def test_sanitize_component(name: str, expected: str) -> None:
    assert sanitize_component(name) == expected


def test_long_component_is_cut_with_a_hash() -> None:
    a = sanitize_component("é" * 300 + "a.pdf")
    b = sanitize_component("é" * 300 + "b.pdf")
    assert a != b
    assert len(a.encode("utf-8")) <= MAX_COMPONENT_BYTES
    assert len(b.encode("utf-8")) <= MAX_COMPONENT_BYTES


def test_bases_mirror_the_tree_and_never_collide() -> None:
    rels = [
        ("a", "x.md"),
        ("b", "x.md"),
        ("a:b.md",),
        ("a_b.md",),
        ("X.md",),
        ("x.md",),
        ("..", "..", "etc", "passwd"),
        ("/abs",),
        ("avis-summary",),  # would be avis-summary.json, the batch summary
        ("y.md.dc",),  # y.md.dc + .xml == y.md + .dc.xml
        ("y.md",),
    ]
    exts = [".json", ".xml", ".dc.xml"]
    bases = assign_bases(rels, exts, reserved=["avis-summary.json", "avis-report.jsonl"])
    assert bases[0] == "a/x.md"
    assert bases[1] == "b/x.md"
    outputs = [(b + e).casefold() for b in bases for e in exts]
    assert len(outputs) == len(set(outputs))
    assert "avis-summary.json" not in outputs
    for base in bases:
        parts = base.split("/")
        assert ".." not in parts and "." not in parts and "" not in parts
        assert not base.startswith("/")
    # deterministic, whatever the order the inputs come in
    again = assign_bases(list(reversed(rels)), exts, ["avis-summary.json", "avis-report.jsonl"])
    assert list(reversed(again)) == bases


# -- discovery -------------------------------------------------------------------------------


def _tree(root: Path) -> None:
    for rel in [
        "in/a/x.md",
        "in/b/x.md",
        "in/~$lock.docx",
        "in/n.truth.json",
        "in/.hidden.md",
        "in/.git/config",
        "in/sub/deep/y.md",
        "in/skip-me.tmp",
    ]:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("notice", encoding="utf-8")


def test_discover_walks_skips_and_mirrors(tmp_path: Path) -> None:
    _tree(tmp_path)
    (tmp_path / "in" / "out").mkdir()
    (tmp_path / "in" / "out" / "old.md.json").write_text("{}")
    os.symlink(tmp_path / "in" / "sub", tmp_path / "in" / "loop")
    os.mkfifo(tmp_path / "in" / "pipe")  # reading it would hang the batch
    found = discover(["in"], outdir=tmp_path / "in" / "out", excludes=["*.tmp"], cwd=tmp_path)
    rels = [c.rel for c in found.candidates]
    assert rels == [("a", "x.md"), ("b", "x.md"), ("sub", "deep", "y.md")]
    assert not any(c.explicit for c in found.candidates)
    codes = {Path(s.path).name: s.code for s in found.skipped}
    assert codes == {
        "~$lock.docx": "lock_file",
        "n.truth.json": "sidecar",
        ".hidden.md": "hidden",
        ".git": "hidden",  # one line for the folder, not one per file inside
        "skip-me.tmp": "excluded",
        "out": "output_dir",
        "loop": "symlink_dir",
        "pipe": "not_regular",
    }


def test_discover_files_and_globs(tmp_path: Path) -> None:
    _tree(tmp_path)
    found = discover(["in/a/x.md", "in/b/x.md"], cwd=tmp_path)
    assert [c.rel for c in found.candidates] == [("a", "x.md"), ("b", "x.md")]
    assert all(c.explicit for c in found.candidates)
    found = discover(["in/**/*.md"], cwd=tmp_path)  # a quoted glob, expanded by avis
    rels = [c.rel for c in found.candidates]
    assert rels == [("a", "x.md"), ("b", "x.md"), ("sub", "deep", "y.md")]
    found = discover(["in/.hidden.md", "in/~$lock.docx"], cwd=tmp_path)  # named on purpose
    assert [c.rel for c in found.candidates] == [(".hidden.md",)]
    assert [s.code for s in found.skipped] == ["lock_file"]
    found = discover(["in/a", "in/a/x.md"], cwd=tmp_path)  # the same file twice: once
    assert len(found.candidates) == 1 and found.candidates[0].explicit
    with pytest.raises(UsageError):
        discover(["nope.pdf"], cwd=tmp_path)
    found = discover(["in/*.nothing"], cwd=tmp_path)  # an empty inbox: reported, no error
    assert not found.candidates and [s.code for s in found.skipped] == ["no_match"]
    (tmp_path / "in" / "dangling.md").symlink_to(tmp_path / "missing.md")
    found = discover(["in/*.md"], cwd=tmp_path)  # a dangling link the glob matches
    assert [s.code for s in found.skipped] == ["broken_link"]


# -- journal and atomic writes ---------------------------------------------------------------


def _outcome(files: dict[str, bytes]) -> dict[str, object]:
    import hashlib

    return {
        "status": "ok",
        "format": "text",
        "pages": 1,
        "warnings": 0,
        "outputs": list(files),
        "notice_json": next(iter(files)),
        "files": {rel: (len(d), hashlib.sha256(d).hexdigest()) for rel, d in files.items()},
    }


def test_journal_replays_and_survives_a_torn_line(tmp_path: Path) -> None:
    write_atomic(tmp_path / "a.md.json", b"{}")
    journal = StateJournal(tmp_path)
    journal.load()
    journal.record(base="a.md", sha256="s1", fp="f", outcome=_outcome({"a.md.json": b"{}"}))
    journal.close()
    with open(tmp_path / ".avis-state.jsonl", "a", encoding="utf-8") as fh:
        fh.write('{"v": 2, "kind": "done", "base": "b.md", "sha2')  # killed mid-line
    again = StateJournal(tmp_path)
    again.load()
    assert again.lookup("a.md", "s1", "f") is not None
    assert again.lookup("a.md", "s2", "f") is None  # content changed
    assert again.lookup("a.md", "s1", "g") is None  # options changed
    lines = (tmp_path / ".avis-state.jsonl").read_text().splitlines()
    assert [json.loads(line)["base"] for line in lines] == ["a.md"]  # compacted
    # what avis wrote is avis's, by path and hash
    assert list(again.owned("a.md")) == ["a.md.json"]
    (tmp_path / "a.md.json").write_bytes(b"{ }")  # output changed on disk
    assert again.lookup("a.md", "s1", "f") is None
    (tmp_path / "a.md.json").unlink()
    assert again.lookup("a.md", "s1", "f") is None
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".avis-tmp")]


def test_journal_intent_makes_files_avis_own_before_they_exist(tmp_path: Path) -> None:
    journal = StateJournal(tmp_path)
    journal.load()
    journal.intend("x.md", {"x.md.json": "h1", "x.md.p001.alto.xml": "h2"})
    journal.close()
    with open(tmp_path / ".avis-state.jsonl", "ab") as fh:
        fh.write(b'{"v": 2, "kind": "forg')  # killed mid-line
    again = StateJournal(tmp_path)
    again.load()
    assert again.owned("x.md") == {"x.md.json": {"h1"}, "x.md.p001.alto.xml": {"h2"}}
    assert "x.md" in again.pending  # cut off while writing: never reused
    again.forget("x.md")
    again.close()
    third = StateJournal(tmp_path)
    third.load()
    assert third.owned("x.md") == {}


def test_process_document_in_process(tmp_path: Path) -> None:
    config = WorkerConfig(outdir=str(tmp_path), extensions={"json": ".json"}, notice_cache=False)
    intents: list[dict[str, str]] = []
    out = process_document(Task(0, str(SEED), "seed/x.md", True), config, intents.append)
    assert out["status"] in ("ok", "partial")
    assert out["outputs"] == ["seed/x.md.json"]
    assert list(intents[0]) == ["seed/x.md.json"]  # announced before it was written
    assert out["files"]["seed/x.md.json"][1] == intents[0]["seed/x.md.json"]
    notice = json.loads((tmp_path / "seed" / "x.md.json").read_text(encoding="utf-8"))
    assert notice["reference"]["id"] == "3134-25-0176/SR"
    # the input disappears: failed; a worker deletes nothing (the parent does, by journal)
    gone = tmp_path / "gone.md"
    out = process_document(Task(0, str(gone), "seed/x.md", True), config)
    assert (out["status"], out["code"]) == ("failed", "unreadable")
    assert (tmp_path / "seed" / "x.md.json").exists()


def test_code_digest_follows_the_code_that_shapes_outputs(tmp_path: Path) -> None:
    from avis.batch.state import code_digest

    pkg = tmp_path / "avis"
    (pkg / "extract").mkdir(parents=True)
    (pkg / "batch").mkdir()
    (pkg / "extract" / "lexicon.toml").write_text("a = 1\n")
    (pkg / "batch" / "runner.py").write_text("x = 1\n")
    (pkg / "cli.py").write_text("y = 1\n")
    first = code_digest(pkg)
    (pkg / "batch" / "runner.py").write_text("x = 2\n")  # batch machinery: same outputs
    (pkg / "cli.py").write_text("y = 2\n")
    assert code_digest(pkg) == first
    (pkg / "extract" / "lexicon.toml").write_text("a = 2\n")  # a rule: other outputs
    assert code_digest(pkg) != first
