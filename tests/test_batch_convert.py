"""``avis convert`` end to end: worker processes, statuses, exit codes, resume, kill -9, Ctrl-C."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from avis.cli import main

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "corpus" / "real"
GENERATED = ROOT / "corpus" / "generated"
NOTICES = sorted(p for p in REAL.rglob("*.md") if p.with_suffix(".truth.json").exists())
RUN_FILES = {"avis-report.jsonl", "avis-summary.json", ".avis-state.jsonl", ".avis-lock"}
REPORT_KEYS = {
    "input",
    "sha256",
    "format",
    "status",
    "code",
    "message",
    "outputs",
    "pages",
    "seconds",
    "warnings",
    "cached",
    "time",
}


def convert(*args: str | Path) -> int:
    result = CliRunner().invoke(main, ["convert", *map(str, args), "--quiet"])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code


def report(outdir: Path) -> dict[str, dict[str, Any]]:
    lines = (outdir / "avis-report.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    for record in records:
        assert set(record) == REPORT_KEYS
    by_input = {r["input"]: r for r in records}
    assert len(by_input) == len(records)  # one line per input
    return by_input


def summary(outdir: Path) -> dict[str, Any]:
    return json.loads((outdir / "avis-summary.json").read_text(encoding="utf-8"))


def outputs(outdir: Path) -> dict[str, bytes]:
    """Every file avis wrote for the documents (not the per-run report and state)."""
    return {
        p.relative_to(outdir).as_posix(): p.read_bytes()
        for p in sorted(outdir.rglob("*"))
        if p.is_file() and p.name not in RUN_FILES
    }


def mtimes(outdir: Path) -> dict[str, int]:
    return {
        p.relative_to(outdir).as_posix(): p.stat().st_mtime_ns
        for p in outdir.rglob("*")
        if p.is_file() and p.name not in RUN_FILES
    }


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _hostile_tree(root: Path) -> None:
    (root / "a").mkdir(parents=True)
    (root / "b").mkdir()
    shutil.copy(NOTICES[0], root / "a" / "x.md")
    shutil.copy(NOTICES[1], root / "b" / "x.md")  # same name, other folder
    shutil.copy(NOTICES[2], root / "..md")  # hidden, and looks like a parent reference
    shutil.copy(NOTICES[5], root / "up\\..\\..\\evil.md")  # a Windows path, as one name
    shutil.copy(NOTICES[3], root / "con.md")  # a Windows device name
    shutil.copy(NOTICES[4], root / "new\nline.md")  # a control character
    (root / "zero.md").write_bytes(b"")
    noise = random.Random(5).randbytes(4096)
    (root / "random.bin").write_bytes(b"\x00\x01" + noise)
    (root / "named.bin").write_bytes(b"\x00\x02" + noise)
    (root / "~$lock.docx").write_bytes(b"\x00lock")
    (root / ".hidden.md").write_text("hidden", encoding="utf-8")
    (root / "n.truth.json").write_text("{}", encoding="utf-8")
    (root / "gen").mkdir()
    for pattern in ("pdf-ruled-01.pdf", "docx-table-01.docx"):  # when generated
        if (GENERATED / pattern).exists():
            shutil.copy(GENERATED / pattern, root / "gen" / pattern)


def test_statuses_report_names_and_resume(in_tmp: Path) -> None:
    _hostile_tree(in_tmp / "in")
    code = convert("in", "in/named.bin", "in/..md", "-o", "out", "--to", "json,xml", "-j", "2")
    assert code == 1  # zero.md and named.bin failed
    out = in_tmp / "out"
    rep = report(out)
    st = {k: (r["status"], r["code"]) for k, r in rep.items()}
    assert st["in/zero.md"] == ("failed", "empty_input")
    assert st["in/named.bin"] == ("failed", "unsupported_format")  # named explicitly
    assert st["in/random.bin"] == ("skipped", "unsupported_format")  # found in the folder
    assert st["in/~$lock.docx"] == ("skipped", "lock_file")
    assert st["in/.hidden.md"] == ("skipped", "hidden")
    assert st["in/n.truth.json"] == ("skipped", "sidecar")
    # PDF and DOCX go through the batch like text (whether their readers succeed on these
    # files is for the reader tests: the batch must only not lose or skip them)
    gen = {k: r for k, r in rep.items() if k.startswith("in/gen/")}
    assert len(gen) == len(list((in_tmp / "in").glob("gen/*")))
    for record in gen.values():
        assert record["status"] != "skipped"
        if record["status"] != "failed":
            assert record["format"] in ("pdf", "docx")
    converted = {k: r for k, r in rep.items() if r["status"] in ("ok", "partial")}
    expected_converted = 6 + sum(r["status"] != "failed" for r in gen.values())
    assert len(converted) == expected_converted
    for record in converted.values():
        assert record["cached"] is False
        assert record["pages"] >= 1 and record["seconds"] > 0
        assert len(record["sha256"]) == 64
        assert (record["status"] == "partial") == (record["warnings"] > 0)
        for rel in record["outputs"]:
            assert (out / rel).is_file()
    assert rep["in/a/x.md"]["outputs"] == ["a/x.md.json", "a/x.md.xml"]
    assert rep["in/b/x.md"]["outputs"] == ["b/x.md.json", "b/x.md.xml"]
    assert rep["in/a/x.md"]["format"] == "text"
    assert rep["in/..md"]["outputs"][0] == "_.md.json"
    assert rep["in/con.md"]["outputs"][0] == "_con.md.json"
    assert rep["in/up\\..\\..\\evil.md"]["outputs"][0] == "up_.._.._evil.md.json"
    assert rep["in/new\nline.md"]["outputs"][0] == "new_line.md.json"
    # every file written lies inside OUTDIR, and no temp file is left
    real_out = out.resolve()
    for path in out.rglob("*"):
        assert path.resolve().is_relative_to(real_out)
        assert not path.name.endswith(".avis-tmp")
    summ = summary(out)
    failed = 2 + len(gen) - (expected_converted - 6)
    assert (summ["ok"] + summ["partial"], summ["failed"]) == (expected_converted, failed)
    assert summ["failed_codes"]["empty_input"] == 1
    assert summ["failed_codes"]["unsupported_format"] == 1
    assert summ["exit_code"] == 1

    # without the failing inputs, a second run converts nothing: all from the journal
    for name in ("zero.md", "named.bin", "random.bin", "..md"):
        (in_tmp / "in" / name).unlink()
    for key, record in gen.items():
        if record["status"] == "failed":
            (in_tmp / key).unlink()
    expected_converted -= 1
    before = mtimes(out)
    assert convert("in", "-o", "out", "--to", "json,xml") == 0
    rep = report(out)
    assert all(r["cached"] for r in rep.values() if r["status"] != "skipped")
    assert summary(out)["workers_started"] == 0  # no document was parsed
    assert summary(out)["cached"] == expected_converted
    assert mtimes(out) == before

    # a changed input is redone, alone
    with open(in_tmp / "in" / "a" / "x.md", "a", encoding="utf-8") as fh:
        fh.write("\nLigne ajoutée.\n")
    assert convert("in", "-o", "out", "--to", "json,xml") == 0
    redone = [k for k, r in report(out).items() if r["status"] != "skipped" and not r["cached"]]
    assert redone == ["in/a/x.md"]

    # --force redoes everything; so does a change of options
    assert convert("in", "-o", "out", "--to", "json,xml", "--force") == 0
    assert not any(r["cached"] for r in report(out).values())
    assert convert("in", "-o", "out", "--to", "json,xml", "--max-pages", "50") == 0
    assert not any(r["cached"] for r in report(out).values())


def test_batch_wide_formats_are_built_from_cached_notices(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (in_tmp / "in").mkdir()
    for notice in NOTICES[:3]:
        shutil.copy(notice, in_tmp / "in" / notice.name)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    args = ["in", "-o", "out", "--to", "xml,csv,feed", "--include-expired"]
    assert convert(*args) == 0
    out = in_tmp / "out"
    # json was not asked for: each Notice JSON is kept aside for the batch-wide files
    assert len(list((out / ".avis-cache").glob("*.md.json"))) == 3
    assert not list(out.glob("*.md.json"))
    first = outputs(out)
    rows = first["avis.csv"].decode("utf-8").count("\r\n3134-")
    assert rows == 3
    assert first["avis-feed.xml"].count(b"<job>") == 3
    assert [b["status"] for b in summary(out)["batch_outputs"]] == ["ok", "ok"]
    assert convert(*args) == 0  # all cached; the batch files are rebuilt, identical
    assert summary(out)["cached"] == 3
    assert outputs(out) == first
    # every notice expired: nothing current to publish is no failure (cron stays quiet), and
    # the feed of the last run, now stale, is removed (avis wrote it: its hash is journalled)
    assert convert(*args[:-1], "--today", "2030-01-01") == 0
    (_csv, feed) = summary(out)["batch_outputs"]
    assert (feed["status"], feed["code"]) == ("empty", None)
    assert "avis-feed.xml" not in outputs(out)
    assert summary(out)["failed"] == 0 and summary(out)["exit_code"] == 0


def test_prune_removes_outputs_of_inputs_gone_since_the_last_run(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (in_tmp / "in" / "sub").mkdir(parents=True)
    shutil.copy(NOTICES[0], in_tmp / "in" / "a.md")
    shutil.copy(NOTICES[1], in_tmp / "in" / "sub" / "b.md")
    shutil.copy(NOTICES[2], in_tmp / "in" / "c.md")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    args = ["in", "-o", "out", "--to", "json,xml,feed", "--include-expired"]
    assert convert(*args) == 0
    out = in_tmp / "out"
    before = outputs(out)
    assert before["avis-feed.xml"].count(b"<job>") == 3
    (in_tmp / "in" / "sub" / "b.md").unlink()
    # without --prune, what an earlier run wrote stays (a run may cover part of the inputs)
    assert convert(*args) == 0
    assert "sub/b.md.json" in outputs(out)
    assert summary(out)["pruned"] == []
    assert convert(*args, "--prune") == 0
    after = outputs(out)
    assert summary(out)["pruned"] == ["sub/b.md"]
    assert not any(name.startswith("sub/") for name in after)
    for kept in ("a.md.json", "a.md.xml", "c.md.json", "c.md.xml"):
        assert after[kept] == before[kept]
    assert after["avis-feed.xml"].count(b"<job>") == 2
    # the journal forgot it: bringing the file back converts it again, same bytes
    shutil.copy(NOTICES[1], in_tmp / "in" / "sub" / "b.md")
    assert convert(*args, "--prune") == 0
    assert summary(out)["cached"] == 2 and summary(out)["pruned"] == []
    assert outputs(out) == before


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")
def test_alto_for_every_page_with_geometry_kept_in_step_with_its_input(in_tmp: Path) -> None:
    from PIL import Image

    from avis.validate import validate_output

    sys.path.insert(0, str(ROOT))
    from tools.scans import render

    (in_tmp / "in" / "scans").mkdir(parents=True)
    shutil.copy(GENERATED / "pdf-ruled-02.pdf", in_tmp / "in" / "n.pdf")  # 3 pages
    shutil.copy(GENERATED / "docx-table-01.docx", in_tmp / "in" / "w.docx")
    top = render((GENERATED / "pdf-ruled-01.pdf").read_bytes(), 300)[0].crop((0, 0, 2480, 900))
    top.save(in_tmp / "in" / "scans" / "s.png", dpi=(300, 300))
    args = ["in", "-o", "out", "--to", "json", "--alto"]
    assert convert(*args) == 0
    out = in_tmp / "out"
    first = outputs(out)
    altos = sorted(name for name in first if name.endswith(".alto.xml"))
    assert altos == [
        "n.pdf.p001.alto.xml",
        "n.pdf.p002.alto.xml",
        "n.pdf.p003.alto.xml",
        "scans/s.png.p001.alto.xml",
    ]  # none for the DOCX: it has no page geometry
    for name in altos:
        assert validate_output(first[name], "alto") == []
    assert b"Gestionnaire" in first["scans/s.png.p001.alto.xml"]
    assert sorted(report(out)["in/n.pdf"]["outputs"]) == ["n.pdf.json", *altos[:3]]
    assert convert(*args) == 0  # unchanged: all reused, same bytes
    assert summary(out)["cached"] == 3 and outputs(out) == first
    # the PDF now has 2 pages: its third page's ALTO must not outlive it
    shutil.copy(GENERATED / "pdf-ruled-03.pdf", in_tmp / "in" / "n.pdf")
    assert Image.open(in_tmp / "in" / "scans" / "s.png").size == (2480, 900)
    assert convert(*args) == 0
    now = sorted(name for name in outputs(out) if name.endswith(".alto.xml"))
    assert now == ["n.pdf.p001.alto.xml", "n.pdf.p002.alto.xml", "scans/s.png.p001.alto.xml"]
    # without --alto the option changed: everything is redone, and no ALTO is left behind
    assert convert("in", "-o", "out", "--to", "json") == 0
    assert not [name for name in outputs(out) if name.endswith(".alto.xml")]


def test_timeout_kills_the_document_not_the_batch(in_tmp: Path) -> None:
    shutil.copy(NOTICES[0], in_tmp / "slow.md")
    assert convert("slow.md", "-o", "out", "--timeout", "0.001", "-j", "1") == 1
    (record,) = report(in_tmp / "out").values()
    assert (record["status"], record["code"]) == ("failed", "timeout")
    assert record["outputs"] == []
    assert outputs(in_tmp / "out") == {}


def test_fail_fast(in_tmp: Path) -> None:
    (in_tmp / "in").mkdir()
    (in_tmp / "in" / "0-empty.md").write_bytes(b"")
    for i, notice in enumerate(NOTICES[:5]):
        shutil.copy(notice, in_tmp / "in" / f"{i + 1}.md")
    assert convert("in", "-o", "out", "-j", "1", "--fail-fast") == 1
    rep = report(in_tmp / "out")
    assert rep["in/0-empty.md"]["status"] == "failed"
    assert {r["code"] for k, r in rep.items() if k != "in/0-empty.md"} == {"not_run"}
    assert len(rep) == 6
    assert summary(in_tmp / "out")["stopped_early"] is True


def test_usage_errors_exit_2(in_tmp: Path) -> None:
    shutil.copy(NOTICES[0], in_tmp / "x.md")
    (in_tmp / "empty").mkdir()
    (in_tmp / "file").write_text("not a folder")
    assert convert("x.md", "-o", "out", "--to", "json,nope") == 2
    assert convert("missing.pdf", "-o", "out") == 2
    assert convert("x.md", "-o", "file/out") == 2
    assert not (in_tmp / "out").exists()


def _copies(root: Path, n: int) -> None:
    for i in range(n):
        folder = root / f"copy{i:02d}"
        folder.mkdir(parents=True)
        for notice in NOTICES:
            shutil.copy(notice, folder / notice.name)


def _start(args: list[str], cwd: Path) -> subprocess.Popen[bytes]:
    code = "import sys; from avis.cli import main; sys.exit(main())"
    return subprocess.Popen(
        [sys.executable, "-c", code, "convert", *args, "--quiet"],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _descendants(pid: int) -> set[int]:
    """Processes below ``pid`` (Linux /proc): fork server, workers, resource tracker."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {p for p, pp in parents.items() if pp in frontier and p not in found}
        found |= frontier
    return found


def _wait_for(check: Callable[[], bool], limit: float = 60.0) -> None:
    end = time.monotonic() + limit
    while not check():
        assert time.monotonic() < end, "timed out waiting"
        time.sleep(0.05)


def test_kill_9_then_rerun_gives_the_clean_outputs(in_tmp: Path) -> None:
    _copies(in_tmp / "in", 3)
    args = ["in", "--to", "json,xml,csv", "-j", "2"]
    proc = _start([*args, "-o", "killed"], in_tmp)
    _wait_for(lambda: len(list((in_tmp / "killed").rglob("*.md.xml"))) >= 8)
    workers = _descendants(proc.pid)
    assert len(workers) >= 3  # fork server and two workers at least
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert not (in_tmp / "killed" / "avis.csv").exists()
    # the workers die with their parent: no orphan keeps writing
    _wait_for(lambda: not any(Path(f"/proc/{pid}").exists() for pid in workers), 10)
    assert convert(*args, "-o", "killed") == 0
    assert any(r["cached"] for r in report(in_tmp / "killed").values())
    assert convert(*args, "-o", "clean") == 0
    killed, clean = outputs(in_tmp / "killed"), outputs(in_tmp / "clean")
    assert sorted(killed) == sorted(clean)
    assert killed == clean
    assert len(clean) == 2 * 3 * len(NOTICES) + 1


def test_ctrl_c_stops_cleanly_and_reports(in_tmp: Path) -> None:
    _copies(in_tmp / "in", 4)
    proc = _start(["in", "-o", "out", "-j", "2"], in_tmp)
    _wait_for(lambda: len(list((in_tmp / "out").rglob("*.md.json"))) >= 3)
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err.decode()
    assert b"Traceback" not in err
    rep = report(in_tmp / "out")
    assert len(rep) == 4 * len(NOTICES)
    assert any(r["code"] == "not_run" for r in rep.values())
    assert summary(in_tmp / "out")["interrupted"] is True
    assert not list((in_tmp / "out").rglob("*.avis-tmp"))
    assert os.listdir(in_tmp / "out")
