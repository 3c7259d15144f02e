"""``avis convert --executor dask``: the same conversion on a Dask cluster.

The outputs, journal and report must not depend on the executor: a run on a 2-worker
LocalCluster gives byte-identical outputs to the local pool; the journal of one executor
resumes the other; a document that hangs in its sandbox (a stopped process: it runs no code at
all, like native code stuck in a loop) is failed ``timeout`` and the Dask worker goes on.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.test_batch_convert import (
    GENERATED,
    NOTICES,
    _copies,
    _start,
    _wait_for,
    convert,
    outputs,
    report,
)

from avis.batch import BatchOptions, run_batch
from avis.batch.dask_pool import AvisSandboxes, DaskUnavailableError, _Sandbox, require_dask
from avis.batch.progress import NoProgress
from avis.batch.urls import is_url
from avis.batch.worker import Task, WorkerConfig

distributed = pytest.importorskip("distributed")
psutil = pytest.importorskip("psutil")

TIMING = {"seconds", "time"}
SUMMARY_TIMING = {
    "started_at",
    "finished_at",
    "pid",
    "outdir",
    "seconds",
    "files_per_second",
    "startup_seconds",
    "shutdown_seconds",
    "workers_started",
}


def _inputs(root: Path) -> None:
    """PDFs (ruled, borderless, stacked), DOCX, Markdown; a damaged PDF and a README."""
    (root / "pdf").mkdir(parents=True)
    (root / "docs").mkdir()
    for name in ("pdf-ruled-01", "pdf-borderless-02", "pdf-stacked-03"):
        shutil.copy(GENERATED / f"{name}.pdf", root / "pdf" / f"{name}.pdf")
    shutil.copy(GENERATED / "docx-table-04.docx", root / "docs" / "table.docx")
    for notice in NOTICES[:4]:
        shutil.copy(notice, root / "docs" / notice.name)
    data = (GENERATED / "pdf-ruled-02.pdf").read_bytes()
    (root / "pdf" / "damaged.pdf").write_bytes(data[: len(data) // 3])
    (root / "README.txt").write_text("Scans of 2024, see the archive register.\n", "utf-8")


def _journal(outdir: Path) -> list[str]:
    lines = (outdir / ".avis-state.jsonl").read_text(encoding="utf-8").splitlines()
    return sorted(lines)  # written as documents finish: the order is the only difference


def _report(outdir: Path) -> dict[str, dict[str, Any]]:
    return {k: {f: v for f, v in r.items() if f not in TIMING} for k, r in report(outdir).items()}


def _summary(outdir: Path) -> dict[str, Any]:
    data = json.loads((outdir / "avis-summary.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if k not in SUMMARY_TIMING}


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # same feed build date in every run
    return tmp_path


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """A 2-worker cluster the tests reach by address, as a user would a real one."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local:
        yield local


def test_dask_outputs_are_byte_identical_to_the_local_pool(in_tmp: Path) -> None:
    _inputs(in_tmp / "in")
    args = ["in", "--to", "json,xml,hropen,dc,csv,feed", "--alto", "--include-expired"]
    assert convert(*args, "-o", "local", "-j", "2") == 1  # the damaged PDF fails
    assert convert(*args, "-o", "dask", "--executor", "dask", "-j", "2") == 1
    local, dask = outputs(in_tmp / "local"), outputs(in_tmp / "dask")
    assert len(local) > 30 and "avis-feed.xml" in local and "avis.csv" in local
    assert any(name.endswith(".alto.xml") for name in local)
    assert local == dask  # every output file, byte for byte
    assert _report(in_tmp / "local") == _report(in_tmp / "dask")
    assert _summary(in_tmp / "local") == _summary(in_tmp / "dask")
    assert _journal(in_tmp / "local") == _journal(in_tmp / "dask")
    records = report(in_tmp / "dask")
    assert records["in/pdf/damaged.pdf"]["code"] == "corrupt_input"
    assert {r["status"] for k, r in records.items() if k != "in/pdf/damaged.pdf"} <= {
        "ok",
        "partial",
        "skipped",
    }


def test_resume_is_the_same_whichever_executor_ran_before(in_tmp: Path, cluster: Any) -> None:
    _inputs(in_tmp / "in")
    scheduler = cluster.scheduler_address
    args = ["in", "-o", "out", "--to", "json,csv"]
    assert convert(*args, "--scheduler", scheduler) == 1
    first = outputs(in_tmp / "out")
    # unchanged inputs are reused by the local pool (and by Dask: see the interrupted run)
    assert convert(*args) == 1
    records = report(in_tmp / "out")
    converted = [k for k, r in records.items() if r["status"] in ("ok", "partial")]
    assert converted and all(records[k]["cached"] for k in converted)
    assert outputs(in_tmp / "out") == first
    # a changed input is redone, alone, on the cluster
    notice = in_tmp / "in" / "docs" / NOTICES[0].name
    notice.write_text(NOTICES[5].read_text(encoding="utf-8"), encoding="utf-8")
    assert convert(*args, "--scheduler", scheduler) == 1
    records = report(in_tmp / "out")
    redone = [k for k in converted if not records[k]["cached"]]
    assert redone == [f"in/docs/{NOTICES[0].name}"]
    # and OUTDIR is what a fresh local run gives
    assert convert("in", "-o", "fresh", "--to", "json,csv") == 1
    assert outputs(in_tmp / "out") == outputs(in_tmp / "fresh")


def test_inputs_named_by_url_are_read_by_the_workers(in_tmp: Path, cluster: Any) -> None:
    """A prefix URL walked like a folder (fsspec; file:// here, s3:// alike with s3fs)."""
    _inputs(in_tmp / "in")
    (in_tmp / "in" / ".hidden.md").write_text("hidden", encoding="utf-8")
    args = ["--to", "json,csv", "--include-expired"]
    assert convert("in", "-o", "paths", *args) == 1
    url = (in_tmp / "in").as_uri() + "/"
    assert convert(url, "-o", "dask", "--scheduler", cluster.scheduler_address, *args) == 1
    assert convert(url, "-o", "local", *args) == 1  # the local pool reads URLs too
    assert outputs(in_tmp / "paths") == outputs(in_tmp / "dask") == outputs(in_tmp / "local")
    records = report(in_tmp / "dask")
    assert records[url + "pdf/pdf-ruled-01.pdf"]["status"] in ("ok", "partial")
    assert records[url + ".hidden.md"]["code"] == "hidden"
    assert records[url + "pdf/damaged.pdf"]["code"] == "corrupt_input"
    # resumed from the journal like paths
    assert convert(url, "-o", "dask", "--scheduler", cluster.scheduler_address, *args) == 1
    assert report(in_tmp / "dask")[url + "pdf/pdf-ruled-01.pdf"]["cached"]
    assert convert(url + "nothing-here/", "-o", "none") == 2
    # --prune removes the outputs of an object that is gone, never of one still there
    gone = in_tmp / "in" / "docs" / NOTICES[0].name
    gone.unlink()
    assert convert(url + "pdf/", "-o", "dask", "--prune", *args) == 1
    done = json.loads((in_tmp / "dask" / "avis-summary.json").read_text(encoding="utf-8"))
    assert done["pruned"] == [f"docs/{gone.name}"]
    assert not (in_tmp / "dask" / "docs" / f"{gone.name}.json").exists()
    assert (in_tmp / "dask" / "docs" / f"{NOTICES[1].name}.json").exists()


def test_an_interrupted_run_resumes_to_the_clean_outputs(in_tmp: Path, cluster: Any) -> None:
    _copies(in_tmp / "in", 4)
    args = ["in", "--to", "json,csv", "--scheduler", cluster.scheduler_address]
    proc = _start([*args, "-o", "out"], in_tmp)
    _wait_for(lambda: len(list((in_tmp / "out").rglob("*.md.json"))) >= 4)
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err.decode()
    assert b"Traceback" not in err, err.decode()[-3000:]
    first = report(in_tmp / "out")
    assert any(r["code"] == "not_run" for r in first.values())
    assert convert(*args, "-o", "out") == 0
    again = report(in_tmp / "out")
    done_before = [k for k, r in first.items() if r["status"] in ("ok", "partial")]
    assert done_before and all(again[k]["cached"] for k in done_before)
    assert convert("in", "--to", "json,csv", "-o", "clean") == 0
    assert outputs(in_tmp / "out") == outputs(in_tmp / "clean")


def _sandboxes() -> list[Any]:
    """The sandbox processes of the cluster's workers: the children of each worker's zygote
    (which runs ``avis.batch.dask_sandbox`` and forks them, so they show its command line)."""
    found = []
    for proc in psutil.Process().children(recursive=True):
        try:
            parent = proc.parent()
            if "avis.batch.dask_sandbox" in " ".join(proc.cmdline()) and parent is not None:
                if "avis.batch.dask_sandbox" in " ".join(parent.cmdline()):
                    found.append(proc)
        except psutil.Error:  # gone meanwhile
            continue
    return found


class _StopOneSandbox(NoProgress):
    """After the first document, stop (SIGSTOP) one sandbox of the cluster: it will run no
    code at all until it is killed, whatever it was doing — the hardest hang there is."""

    def __init__(self) -> None:
        self.stopped: list[int] = []

    def advance(self, status: str, *, cached: bool = False) -> None:
        if not self.stopped:
            sandboxes = _sandboxes()
            assert sandboxes
            sandboxes[0].suspend()
            self.stopped.append(sandboxes[0].pid)


def test_a_hung_document_times_out_and_the_worker_goes_on(in_tmp: Path, cluster: Any) -> None:
    (in_tmp / "in").mkdir()
    for notice in NOTICES[:8]:
        shutil.copy(notice, in_tmp / "in" / notice.name)
    client = distributed.Client(cluster, set_as_default=False)
    try:
        workers = {w["id"] for w in client.scheduler_info()["workers"].values()}
    finally:
        client.close()
    stopper = _StopOneSandbox()
    options = BatchOptions(
        formats=("json",), timeout=8.0, executor="dask", scheduler=cluster.scheduler_address
    )
    summary = run_batch(["in"], "out", options, progress=stopper)
    records = report(in_tmp / "out")
    timed_out = [k for k, r in records.items() if r["code"] == "timeout"]
    assert len(timed_out) == 1, records
    assert records[timed_out[0]]["outputs"] == []
    assert not (in_tmp / "out" / (Path(timed_out[0]).name + ".json")).exists()
    assert summary.counts["ok"] + summary.counts["partial"] == 7
    assert not psutil.pid_exists(stopper.stopped[0]) or (
        psutil.Process(stopper.stopped[0]).status() == psutil.STATUS_ZOMBIE
    )
    # the Dask workers were not restarted: the sandbox was replaced inside its worker
    client = distributed.Client(cluster, set_as_default=False)
    try:
        assert {w["id"] for w in client.scheduler_info()["workers"].values()} == workers
    finally:
        client.close()


def test_sandbox_kills_a_stopped_or_crashed_parser_and_the_next_one_works(
    tmp_path: Path,
) -> None:
    config = WorkerConfig(outdir=str(tmp_path), extensions={"json": ".json"}, notice_cache=False)
    task = Task(0, str(NOTICES[0]), "a", True)
    sandbox = _Sandbox(config)
    sandbox.wait_ready()
    kind, outcome, files, *_ = sandbox.run(task, 30.0)
    assert kind == "done" and outcome["status"] in ("ok", "partial")
    assert list(files) == ["a.json"]
    assert not list(tmp_path.iterdir())  # the sandbox writes nothing: the batch does
    os.kill(sandbox.process.pid, signal.SIGSTOP)
    assert sandbox.run(task, 1.0)[0] == "timeout"
    assert sandbox.process.poll() == -signal.SIGKILL
    sandbox = _Sandbox(config)
    sandbox.wait_ready()
    os.kill(sandbox.process.pid, signal.SIGSEGV)  # a native crash
    assert sandbox.run(task, 30.0)[:2] == ("crashed", -signal.SIGSEGV)
    # the plugin replaces both, and retires a sandbox after max_tasks documents
    plugin = AvisSandboxes("avis-test", config, 30.0, max_tasks=2)
    plugin.setup(type("W", (), {"nthreads": 1})())
    try:
        results = [plugin.run(Task(n, str(NOTICES[n]), f"n{n}", True)) for n in range(3)]
        assert [r[0] for r in results] == ["done"] * 3
        assert plugin.started == 2
    finally:
        plugin.teardown(None)


def test_a_dask_task_s_documents_go_back_to_back_each_under_its_own_limit(
    tmp_path: Path,
) -> None:
    """One sandbox gets a task's documents together; one over its time limit costs only
    itself: the sandbox is killed, the documents after it are converted by a fresh one."""
    config = WorkerConfig(outdir=str(tmp_path), extensions={"json": ".json"}, notice_cache=False)
    tasks = [Task(n, str(NOTICES[n]), f"n{n}", True) for n in range(4)]
    plugin = AvisSandboxes("avis-test", config, 3.0, max_tasks=100)
    plugin.setup(type("W", (), {"nthreads": 1})())
    try:
        together = plugin.run_many(tasks)
        assert [r[0] for r in together] == ["done"] * 4
        assert sum(r[-1] for r in together) == 0 and plugin.started == 1  # one sandbox did all
        alone = [plugin.run(t) for t in tasks]
        assert [r[2] for r in together] == [r[2] for r in alone]  # the same files
        os.kill(plugin._free[0].process.pid, signal.SIGSTOP)  # hangs on the first document
        results = plugin.run_many(tasks)
        assert [r[0] for r in results] == ["timeout", "done", "done", "done"]
        assert sum(r[-1] for r in results) == 1 and plugin.started == 2
        assert [r[2] for r in results[1:]] == [r[2] for r in alone[1:]]
    finally:
        plugin.teardown(None)


def test_a_message_cut_off_mid_way_times_out_instead_of_blocking() -> None:
    """A sandbox stopped while it sends its outputs leaves half a message: the worker's read
    still ends at the document's time limit (a blocking recv waited forever)."""
    import socket
    import struct
    from multiprocessing.connection import Connection

    from avis.batch.dask_pool import _recv_within

    ours, theirs = socket.socketpair()
    reader, writer = Connection(ours.detach()), Connection(theirs.detach())
    try:
        payload = {"outputs": b"x" * 300_000, "n": 7}
        # a whole message, larger than the socket's buffer (so read in pieces while the other
        # end is still sending), reads back as Connection.recv gives it
        sender = threading.Thread(target=writer.send, args=(payload,))
        sender.start()
        assert _recv_within(reader, time.monotonic() + 10) == payload
        sender.join(10)
        os.write(writer.fileno(), struct.pack("!i", 1000) + b"half a message")
        started = time.monotonic()
        with pytest.raises(TimeoutError):
            _recv_within(reader, started + 0.5)
        assert time.monotonic() - started < 3
        writer.close()
        with pytest.raises(EOFError):
            _recv_within(reader, time.monotonic() + 5)
    finally:
        reader.close()
        with contextlib.suppress(OSError):
            writer.close()


def test_url_names_and_missing_extra(monkeypatch: pytest.MonkeyPatch, in_tmp: Path) -> None:
    assert is_url("s3://bucket/notices/a.pdf") and is_url("file:///srv/a.pdf")
    assert not is_url("C:\\notices\\a.pdf") and not is_url("in/a.pdf")
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if the extra were missing
    with pytest.raises(DaskUnavailableError, match=r"pip install 'avis\[dask\]'"):
        require_dask()
    _inputs(in_tmp / "in")
    assert convert("in", "-o", "out", "--executor", "dask") == 2
    assert not (in_tmp / "out").exists()
    assert convert("in", "-o", "out", "--scheduler", "tcp://127.0.0.1:9") == 2


def test_sandboxes_are_forked_warm_from_one_zygote_which_is_replaced_if_killed(
    tmp_path: Path,
) -> None:
    """A fresh sandbox (after max_tasks documents, a timeout, a crash) is a fork of the
    worker's zygote, not a new interpreter; a zygote that dies is started again."""
    config = WorkerConfig(outdir=str(tmp_path), extensions={"json": ".json"}, notice_cache=False)
    plugin = AvisSandboxes("avis-test", config, 30.0, max_tasks=1)
    plugin.setup(type("W", (), {"nthreads": 1})())
    try:
        zygote = plugin._zygote
        assert zygote is not None
        pids = []
        for n in range(3):
            sandbox = plugin._free[0]
            pids.append(sandbox.process.pid)
            assert psutil.Process(sandbox.process.pid).ppid() == zygote.process.pid
            kind, outcome, files, _ = plugin.run(Task(n, str(NOTICES[n]), f"n{n}", True))
            assert kind == "done" and list(files) == [f"n{n}.json"], outcome
            if not plugin._free:  # retired after its one document: the next is forked
                plugin._free.append(plugin._spawn())
                plugin._free[0].wait_ready()
        assert len(set(pids)) == 3 and plugin._zygote is zygote
        # the retired sandboxes were reaped by the zygote: no zombie is left behind
        assert {c.pid for c in psutil.Process(zygote.process.pid).children()} == {
            plugin._free[0].process.pid
        }
        zygote.process.kill()
        zygote.process.wait(10)
        plugin._free[0].kill()
        plugin._free.clear()
        kind, *_ = plugin.run(Task(9, str(NOTICES[4]), "n9", True))
        assert kind == "done" and plugin._zygote is not zygote
    finally:
        plugin.teardown(None)
