"""``avis convert`` against a hostile operator's machine (issue #16): a full disk, read-only and
immutable targets, links out of OUTDIR, inputs swapped for FIFOs, huge sparse files, Latin-1
names, SIGTERM and an early Ctrl-C.

Each test shows: no file outside avis's journal removed or written, no traceback, a report
and a summary after every ending, and a rerun giving what a clean run gives. Real mounts
(tmpfs), real ``chattr +i``, real FIFOs and real signals; a test skips, saying why, where the
machine does not allow one (not root, no tmpfs).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from avis.cli import main

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "corpus" / "real"
GENERATED = ROOT / "corpus" / "generated"
NOTICES = sorted(p for p in REAL.rglob("*.md") if p.with_suffix(".truth.json").exists())
_MAIN = "import sys; from avis.cli import main; sys.exit(main())"
RUN_FILES = {"avis-report.jsonl", "avis-summary.json", ".avis-state.jsonl", ".avis-lock"}


def run(*args: str | Path, cwd: Path | None = None) -> tuple[int, str]:
    """``avis ARGS`` in this process: (exit code, stderr); an escaping exception fails."""
    result = CliRunner().invoke(main, [str(a) for a in args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stderr


def convert(*args: str | Path) -> tuple[int, str]:
    return run("convert", *args, "--quiet")


def report(outdir: Path) -> dict[str, dict[str, Any]]:
    lines = (outdir / "avis-report.jsonl").read_text(encoding="utf-8").splitlines()
    return {r["input"]: r for r in map(json.loads, lines)}


def summary(outdir: Path) -> dict[str, Any]:
    return json.loads((outdir / "avis-summary.json").read_text(encoding="utf-8"))


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (links as their target's text), by relative path."""
    found: dict[str, bytes] = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_symlink():
            found[rel] = b"-> " + os.fsencode(os.readlink(path))
        elif path.is_file():
            found[rel] = path.read_bytes()
    return found


def outputs(outdir: Path) -> dict[str, bytes]:
    return {k: v for k, v in tree(outdir).items() if Path(k).name not in RUN_FILES}


def no_temp_files(outdir: Path) -> bool:
    return not [p for p in outdir.rglob("*") if p.name.endswith(".avis-tmp")]


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def tmpfs() -> Iterator[Callable[[Path, str], Path]]:
    """Mount a small tmpfs (a disk that fills up); unmounted afterwards."""
    mounted: list[Path] = []

    def mount(path: Path, size: str = "64k") -> Path:
        path.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
            capture_output=True,
            check=False,
        )
        if done.returncode:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
        mounted.append(path)
        return path

    yield mount
    for path in reversed(mounted):
        subprocess.run(["umount", "-l", str(path)], check=False, capture_output=True)


@pytest.fixture
def immutable() -> Iterator[Callable[[Path], None]]:
    """``chattr +i`` (even root cannot change the file); undone afterwards."""
    marked: list[Path] = []

    def mark(path: Path) -> None:
        done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
        if done.returncode:
            pytest.skip(f"chattr +i is not possible here: {done.stderr.decode().strip()}")
        marked.append(path)

    yield mark
    for path in marked:
        subprocess.run(["chattr", "-i", str(path)], check=False, capture_output=True)


def _notices(folder: Path, n: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for i, src in enumerate(NOTICES[start : start + n]):
        made.append(folder / f"n{i:02d}.md")
        shutil.copy(src, made[-1])
    return made


# -- never delete or write what avis did not write -------------------------------------------


def test_a_failing_document_removes_only_files_the_journal_has(in_tmp: Path) -> None:
    _notices(in_tmp / "in", 2)
    (in_tmp / "in" / "notes.md").write_bytes(b"")  # fails: empty
    out = in_tmp / "out"
    out.mkdir()
    users = {  # the user's own files, at names avis could use
        "notes.md.json": b'{"mine": true}',
        "notes.md.p001.alto.xml": b"<mine/>",
        "n00.md.p001.alto.xml": b"<mine/>",  # an ALTO file, and no --alto asked for
        "n00.md.p002.alto.xml": b"<mine/>",
    }
    for name, data in users.items():
        (out / name).write_bytes(data)
    code, err = convert("in", "-o", "out", "--to", "json,xml")
    assert code == 1 and "notes.md [empty_input]" in err
    assert report(out)["in/notes.md"]["code"] == "empty_input"
    for name, data in users.items():
        assert (out / name).read_bytes() == data
    # now n00.md fails too: avis removes the outputs it wrote for it, and nothing else
    assert (out / "n00.md.xml").exists()
    (in_tmp / "in" / "n00.md").write_bytes(b"")
    (out / "n01.md.xml").write_bytes(b"<edited by hand/>")  # no longer what avis wrote
    (in_tmp / "in" / "n01.md").write_bytes(b"")
    code, _ = convert("in", "-o", "out", "--to", "json,xml")
    assert code == 1
    assert not (out / "n00.md.json").exists() and not (out / "n00.md.xml").exists()
    assert (out / "n01.md.xml").read_bytes() == b"<edited by hand/>"
    assert not (out / "n01.md.json").exists()
    for name, data in users.items():
        assert (out / name).read_bytes() == data


def test_a_link_out_of_outdir_is_never_written_or_deleted_through(in_tmp: Path) -> None:
    (in_tmp / "in" / "a").mkdir(parents=True)
    (in_tmp / "in" / "b").mkdir()
    shutil.copy(NOTICES[0], in_tmp / "in" / "a" / "x.md")
    shutil.copy(NOTICES[1], in_tmp / "in" / "b" / "y.md")
    elsewhere = in_tmp / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "x.md.json").write_bytes(b"precious")
    out = in_tmp / "out"
    out.mkdir()
    (out / "a").symlink_to(elsewhere)  # OUTDIR/a leads out of OUTDIR
    (out / "inside").mkdir()
    (out / "b").symlink_to(out / "inside")  # a link that stays inside OUTDIR is fine
    code, err = convert("in", "-o", "out", "--to", "json,xml")
    assert code == 1
    rec = report(out)["in/a/x.md"]
    assert (rec["status"], rec["code"]) == ("failed", "output_failed")
    assert "link" in rec["message"] and "in/a/x.md [output_failed]" in err
    assert tree(elsewhere) == {"x.md.json": b"precious"}
    assert report(out)["in/b/y.md"]["status"] in ("ok", "partial")
    assert sorted(tree(out / "inside")) == ["y.md.json", "y.md.xml"]
    # the document now fails: still nothing deleted through the link
    (in_tmp / "in" / "a" / "x.md").write_bytes(b"")
    assert convert("in", "-o", "out", "--to", "json,xml")[0] == 1
    assert tree(elsewhere) == {"x.md.json": b"precious"}


# -- --prune: only inputs known to be gone -----------------------------------------------------


def test_prune_keeps_outputs_of_inputs_it_cannot_see(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _notices(in_tmp / "in" / "sub", 2)
    _notices(in_tmp / "in", 1, start=2)
    out = in_tmp / "out"
    assert convert("in", "-o", "out")[0] == 0
    before = outputs(out)
    assert sorted(before) == ["n00.md.json", "sub/n00.md.json", "sub/n01.md.json"]
    # the folder cannot be listed for a moment (root ignores permission bits, so the
    # refusal is simulated at the one call that lists it)
    real_scandir = os.scandir
    sub = str(in_tmp / "in" / "sub")

    def scandir(path: Any = ".") -> Any:
        if os.fspath(path) == sub:
            raise PermissionError(13, "Permission denied", sub)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, err = run("convert", "in", "-o", "out", "--prune")
    assert code == 0 and "2 not pruned" in err
    assert outputs(out) == before
    assert report(out)["in/sub"]["code"] == "unreadable"
    withheld = summary(out)["prune_withheld"]
    assert {w["output"] for w in withheld} == {"sub/n00.md", "sub/n01.md"}
    assert all("could not be read" in w["reason"] for w in withheld)
    monkeypatch.setattr(os, "scandir", real_scandir)
    # an input excluded this time still exists: kept; one really deleted: pruned
    (in_tmp / "in" / "sub" / "n01.md").unlink()
    assert convert("in", "-o", "out", "--prune", "--exclude", "n00.md")[0] == 0
    assert summary(out)["pruned"] == ["sub/n01.md"]
    assert sorted(outputs(out)) == ["n00.md.json", "sub/n00.md.json"]


# -- limits before reading ---------------------------------------------------------------------


def test_huge_sparse_files_and_devices_are_refused_from_stat(in_tmp: Path) -> None:
    (in_tmp / "in").mkdir()
    with open(in_tmp / "in" / "huge.pdf", "wb") as fh:
        fh.truncate(20 * 1024**3)  # 20 GB, no block used: reading it would take 20 GB
    (in_tmp / "in" / "zero.md").symlink_to("/dev/zero")
    shutil.copy(NOTICES[0], in_tmp / "in" / "ok.md")
    code, _ = convert("in", "in/zero.md", "-o", "out", "--timeout", "30")
    assert code == 1
    rep = report(in_tmp / "out")
    assert (rep["in/huge.pdf"]["status"], rep["in/huge.pdf"]["code"]) == (
        "failed",
        "limit_exceeded",
    )
    assert rep["in/huge.pdf"]["seconds"] < 5  # nothing was read (not a timing claim: 20 GB)
    assert rep["in/zero.md"]["code"] == "not_regular"
    assert rep["in/ok.md"]["status"] in ("ok", "partial")
    # avis parse: the same limits before any byte is read
    code, err = run("parse", in_tmp / "in" / "huge.pdf")
    assert code == 1 and "[limit_exceeded]" in err
    code, err = run("parse", "/dev/zero")
    assert code == 1 and "[not_regular]" in err


def _swap_for_fifo(path: str) -> None:
    os.unlink(path)
    os.mkfifo(path)


@pytest.mark.parametrize("when", ["before_hashing", "after_hashing"])
def test_a_fifo_swapped_in_after_discovery_does_not_block(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch, when: str
) -> None:
    """The parent hashes each input, then a worker reads it: a FIFO put in its place at either
    moment is refused at once (opened non-blocking, checked on the descriptor)."""
    import avis.batch.runner as runner

    _notices(in_tmp / "in", 2)
    target = str(in_tmp / "in" / "n00.md")
    real_hash = runner.hash_input

    def hash_then_swap(path: str, *args: Any, **kwargs: Any) -> str:
        if path == target and when == "before_hashing":
            _swap_for_fifo(path)
        digest = real_hash(path, *args, **kwargs)
        if path == target and when == "after_hashing":
            _swap_for_fifo(path)
        return digest

    monkeypatch.setattr(runner, "hash_input", hash_then_swap)
    code, err = convert("in", "-o", "out", "-j", "1", "--timeout", "60")
    assert code == 1 and "in/n00.md [not_regular]" in err
    rep = report(in_tmp / "out")
    assert rep["in/n00.md"]["code"] == "not_regular"
    assert rep["in/n00.md"]["seconds"] < 30  # it did not hang until the time limit
    assert rep["in/n01.md"]["status"] in ("ok", "partial")


def test_hashing_in_the_parent_is_under_the_time_limit(tmp_path: Path) -> None:
    from avis.errors import DocumentTimeoutError
    from avis.files import hash_input

    big = tmp_path / "big.pdf"
    big.write_bytes(os.urandom(3 << 20))
    with pytest.raises(DocumentTimeoutError):
        hash_input(big, 10 << 20, deadline=time.monotonic() - 1)
    assert hash_input(big, 10 << 20) == hashlib.sha256(big.read_bytes()).hexdigest()


# -- names that are not UTF-8 ------------------------------------------------------------------


def test_latin1_names_convert_and_stay_distinct(in_tmp: Path) -> None:
    folder = in_tmp / "in"
    folder.mkdir()
    names = [b"caf\xe9.md", b"caf\xe8.md", b"\xe9t\xe9-vide.md"]
    paths = [os.path.join(os.fsencode(folder), n) for n in names]
    shutil.copy(NOTICES[0], os.fsdecode(paths[0]))
    shutil.copy(NOTICES[1], os.fsdecode(paths[1]))
    open(paths[2], "wb").close()  # fails: empty
    code, err = convert("in", "-o", "out", "--to", "json,xml")
    assert code == 1
    rep = report(in_tmp / "out")
    assert set(rep) == {"in/caf\\xe9.md", "in/caf\\xe8.md", "in/\\xe9t\\xe9-vide.md"}
    assert rep["in/caf\\xe9.md"]["status"] in ("ok", "partial")
    assert rep["in/caf\\xe8.md"]["status"] in ("ok", "partial")
    assert rep["in/\\xe9t\\xe9-vide.md"]["code"] == "empty_input"
    assert "in/\\xe9t\\xe9-vide.md [empty_input]" in err
    written = [rep["in/caf\\xe9.md"]["outputs"], rep["in/caf\\xe8.md"]["outputs"]]
    # output names are portable UTF-8 (the odd byte becomes "_"), and two names that would
    # then merge each get a hash of their own: no output is shared or overwritten
    assert written[0] != written[1]
    assert all(name.startswith("caf_.md~") for name in written[0] + written[1])
    notice = json.loads((in_tmp / "out" / written[0][0]).read_bytes())
    assert notice["source"]["file"] == "caf\\xe9.md"
    # a failed document has no output at all (no .xml for a document reported failed)
    assert sorted(outputs(in_tmp / "out")) == sorted(written[0] + written[1])
    code, _err = run("parse", os.fsdecode(paths[0]))
    assert code == 0


# -- a full disk, read-only and immutable targets ---------------------------------------------


def test_disk_full_is_typed_reported_and_a_rerun_is_clean(
    in_tmp: Path, tmpfs: Callable[[Path, str], Path]
) -> None:
    _notices(in_tmp / "in", 8)
    out = tmpfs(in_tmp / "small", "128k")  # a notice's outputs take ~24 KB
    args = ["in", "--to", "json,dc", "-j", "1"]
    code, err = convert(*args, "-o", "small")
    assert code == 1
    summ = summary(out)
    assert summ["status"] == "finished" and summ["exit_code"] == 1
    rep = report(out)
    assert len(rep) == 8
    codes = {r["code"] for r in rep.values() if r["status"] == "failed"}
    assert codes == {"disk_full"}, rep
    assert "[disk_full]" in err
    converted = [r for r in rep.values() if r["status"] in ("ok", "partial")]
    assert converted  # some fitted before the disk filled
    on_disk = outputs(out)
    assert sorted(on_disk) == sorted(rel for r in converted for rel in r["outputs"])
    for rel in on_disk:
        if rel.endswith(".json"):
            json.loads(on_disk[rel])  # complete, not truncated
    assert no_temp_files(out)
    # more room: the rerun finishes the job, and gives what a clean run gives
    subprocess.run(["mount", "-o", "remount,size=16m", str(out)], check=True)
    assert convert(*args, "-o", "small")[0] == 0
    assert convert(*args, "-o", "clean")[0] == 0
    assert outputs(out) == outputs(in_tmp / "clean")


def test_read_only_outdir_is_a_typed_error(
    in_tmp: Path, tmpfs: Callable[[Path, str], Path]
) -> None:
    _notices(in_tmp / "in", 1)
    out = tmpfs(in_tmp / "ro", "1m")
    assert convert("in", "-o", "ro")[0] == 0
    before = tree(out)
    subprocess.run(["mount", "-o", "remount,ro", str(out)], check=True)
    try:
        shutil.copy(NOTICES[3], in_tmp / "in" / "n00.md")
        code, err = convert("in", "-o", "ro")
        assert code == 1 and "[permission_denied]" in err
        assert tree(out) == before  # nothing changed, the old summary included
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(out)], check=False)


def test_immutable_outputs_journal_and_feed(
    in_tmp: Path, immutable: Callable[[Path], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    _notices(in_tmp / "in", 3)
    out = in_tmp / "out"
    args = ["in", "-o", "out", "--to", "json,feed", "--include-expired", "--force"]
    assert convert(*args)[0] == 0
    immutable(out / "n00.md.json")
    immutable(out / "avis-feed.xml")
    shutil.copy(NOTICES[5], in_tmp / "in" / "n00.md")  # its output must change
    code, err = convert(*args)
    assert code == 1
    rep = report(out)
    assert rep["in/n00.md"]["code"] == "permission_denied"
    assert rep["in/n01.md"]["status"] in ("ok", "partial")
    (feed,) = summary(out)["batch_outputs"]
    assert (feed["status"], feed["code"]) == ("failed", "permission_denied")
    assert "avis-feed.xml [permission_denied]" in err
    assert summary(out)["status"] == "finished"
    # a journal that cannot be written: each document fails, typed; the run still reports
    immutable(out / ".avis-state.jsonl")
    code, err = convert(*args)
    assert code == 1 and "[permission_denied]" in err
    assert {r["code"] for r in report(out).values()} == {"permission_denied"}
    assert no_temp_files(out)


def test_an_immutable_summary_stops_the_run_before_anything(
    in_tmp: Path, immutable: Callable[[Path], None]
) -> None:
    _notices(in_tmp / "in", 2)
    out = in_tmp / "out"
    assert convert("in", "-o", "out")[0] == 0
    immutable(out / "avis-summary.json")
    before = tree(out)
    shutil.copy(NOTICES[4], in_tmp / "in" / "n00.md")
    code, err = convert("in", "-o", "out")
    assert code == 1 and "[permission_denied]" in err
    assert tree(out) == before


def test_parse_writes_alto_and_stdout_atomically_or_says_why(
    in_tmp: Path, tmpfs: Callable[[Path, str], Path]
) -> None:
    pdf = GENERATED / "pdf-ruled-02.pdf"
    if not pdf.exists():
        pytest.skip("corpus/generated is not built")
    small = tmpfs(in_tmp / "small", "8k")
    code, err = run("parse", pdf, "--alto", small)
    assert code == 1 and "[disk_full]" in err
    assert tree(small) == {}  # no truncated ALTO file, no temp file
    code, err = run("parse", pdf, "--alto", in_tmp / "alto")
    assert code == 0 and len(tree(in_tmp / "alto")) == 3
    # standard output on a full disk
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-c", _MAIN, "parse", str(NOTICES[0])],
            stdout=full,
            stderr=subprocess.PIPE,
            check=False,
        )
    assert done.returncode == 1
    assert b"[disk_full]" in done.stderr and b"Traceback" not in done.stderr
    # and commands that only read say what is wrong, typed
    code, err = run("validate", in_tmp / "missing.json")
    assert code == 2 and "[unreadable]" in err


# -- signals -----------------------------------------------------------------------------------


def _copies(root: Path, n: int) -> None:
    for i in range(n):
        folder = root / f"copy{i:02d}"
        folder.mkdir(parents=True)
        for notice in NOTICES:
            shutil.copy(notice, folder / notice.name)


def _start(args: list[str], cwd: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", _MAIN, "convert", *args, "--quiet"],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


def _wait_for(check: Callable[[], bool], limit: float = 60.0) -> None:
    end = time.monotonic() + limit
    while not check():
        assert time.monotonic() < end, "timed out waiting"
        time.sleep(0.01)


def test_sigterm_is_handled_like_ctrl_c_and_a_rerun_is_clean(in_tmp: Path) -> None:
    _copies(in_tmp / "in", 3)
    args = ["in", "--to", "json,xml", "-j", "2"]
    assert convert(*args, "-o", "out")[0] == 0  # a finished run, then a stale summary…
    shutil.rmtree(in_tmp / "out" / "copy02")
    (in_tmp / "out" / ".avis-state.jsonl").unlink()
    proc = _start([*args, "-o", "out", "--force"], in_tmp)
    _wait_for(lambda: len(list((in_tmp / "out").rglob("*.md.xml"))) >= 2 * len(NOTICES) + 3)
    os.killpg(proc.pid, signal.SIGTERM)  # the whole group, as a service manager does
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 143, err.decode()
    assert b"Traceback" not in err
    summ = summary(in_tmp / "out")
    assert (summ["status"], summ["signal"], summ["exit_code"]) == ("interrupted", "SIGTERM", 143)
    assert summ["finished_at"] >= summ["started_at"]
    rep = report(in_tmp / "out")
    assert len(rep) == 3 * len(NOTICES)
    assert any(r["code"] == "not_run" for r in rep.values())
    assert no_temp_files(in_tmp / "out")
    assert convert(*args, "-o", "out")[0] == 0
    assert convert(*args, "-o", "clean")[0] == 0
    assert outputs(in_tmp / "out") == outputs(in_tmp / "clean")


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_an_early_signal_still_leaves_a_report_and_summary(in_tmp: Path, signum: int) -> None:
    """Right as the run starts (OUTDIR locked, workers starting): a clean stop, rc 130/143."""
    _copies(in_tmp / "in", 2)
    proc = _start(["in", "-o", "out", "-j", "2"], in_tmp)
    _wait_for(lambda: (in_tmp / "out" / ".avis-lock").exists(), 60)
    os.killpg(proc.pid, signum)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signum, err.decode()
    assert b"Traceback" not in err
    summ = summary(in_tmp / "out")
    assert (summ["status"], summ["exit_code"]) == ("interrupted", 128 + signum)
    assert len(report(in_tmp / "out")) == 2 * len(NOTICES)  # every input has its line
    assert no_temp_files(in_tmp / "out")


def test_a_stale_summary_never_claims_success(in_tmp: Path) -> None:
    """While a run goes, the summary says "running" (and no exit code), not the last run's 0."""
    _copies(in_tmp / "in", 2)
    assert convert("in", "-o", "out")[0] == 0
    assert summary(in_tmp / "out")["exit_code"] == 0
    proc = _start(["in", "-o", "out", "-j", "1", "--force"], in_tmp)
    try:
        _wait_for(lambda: summary(in_tmp / "out")["status"] == "running", 60)
        assert summary(in_tmp / "out")["exit_code"] is None
        proc.send_signal(signal.SIGKILL)  # not even a chance to write the end
        proc.wait(30)
        assert summary(in_tmp / "out")["status"] == "running"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_ctrl_c_in_any_command_is_status_130_without_traceback(in_tmp: Path) -> None:
    """``avis parse -`` waiting on its input: Ctrl-C is "interrupted", 130 (not click's
    "Aborted!" and 1)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", _MAIN, "parse", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    wchan = Path(f"/proc/{proc.pid}/wchan")  # wait until it blocks reading its input
    _wait_for(lambda: "pipe_read" in wchan.read_text() if wchan.exists() else True, 60)
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err.decode()
    assert b"Traceback" not in err and b"interrupted" in err


def test_run_files_swapped_for_links_and_fifos_neither_block_nor_write_outside(
    in_tmp: Path,
) -> None:
    _notices(in_tmp / "in", 2)
    out = in_tmp / "out"
    out.mkdir()
    elsewhere = in_tmp / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "r").write_bytes(b"report?")
    (elsewhere / "s").write_bytes(b"summary?")
    (out / "avis-report.jsonl").symlink_to(elsewhere / "r")
    (out / "avis-summary.json").symlink_to(elsewhere / "s")
    os.mkfifo(out / ".avis-state.jsonl")  # reading it would block for ever
    code, err = convert("in", "-o", "out")
    assert code == 1 and "[not_regular]" in err  # said, typed; no hang
    assert tree(elsewhere) == {"r": b"report?", "s": b"summary?"}
    assert summary(out)["status"] == "finished" and len(report(out)) == 2
    # the journal is no journal: nothing is converted without one (nothing could be undone)
    assert {r["code"] for r in report(out).values()} == {"output_failed"}
    os.unlink(out / ".avis-state.jsonl")
    assert convert("in", "-o", "out")[0] == 0


def test_a_fifo_as_corrections_sidecar_does_not_block_the_batch(in_tmp: Path) -> None:
    _notices(in_tmp / "in", 2)
    os.mkfifo(in_tmp / "in" / "n00.md.corrections.json")
    code, _err = convert("in", "-o", "out", "--timeout", "3", "-j", "1")
    rep = report(in_tmp / "out")
    assert rep["in/n01.md"]["status"] in ("ok", "partial")
    assert rep["in/n00.md"]["status"] in ("ok", "partial") or rep["in/n00.md"]["code"] in (
        "timeout",
        "not_regular",
    )
    assert rep["in/n00.md.corrections.json"]["code"] == "sidecar"
    assert code in (0, 1)


def test_a_bug_in_the_batch_still_ends_with_report_and_summary(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import avis.batch.runner as runner

    def broken(self: Any) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(runner._Run, "_batch_outputs", broken)
    _notices(in_tmp / "in", 2)
    code, err = convert("in", "-o", "out", "--to", "json,csv")
    assert code == 1 and "[internal_error]" in err and "boom" in err
    summ = summary(in_tmp / "out")
    assert summ["status"] == "stopped" and summ["exit_code"] == 1
    assert [e["code"] for e in summ["run_errors"]] == ["internal_error"]
    assert len(report(in_tmp / "out")) == 2
