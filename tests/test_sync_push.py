"""avis sync --push against a local job board: retries, refusals, formats, kill -9."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from avis.sync.run import SyncOptions, SyncResult, run_sync
from sync_support import REFS, day1_inputs, day2_edit, job_board

BASE = "https://jobs.example.nc/"
DAY1 = dt.date(2026, 3, 15)
DAY2 = dt.date(2026, 3, 25)


def sync(tmp: Path, day: dt.date, sleeps: list[float] | None = None, **kw: object) -> SyncResult:
    options = SyncOptions(
        base_url=BASE,
        catalog=str(tmp / "catalogue.sqlite"),
        work_dir=tmp / "work",
        today=day,
        jobs=1,
        **kw,  # type: ignore[arg-type]
    )
    record = sleeps.append if sleeps is not None else (lambda s: None)
    return run_sync(
        [tmp / "in"],
        tmp / "site",
        options,
        clock=lambda: dt.datetime.combine(day, dt.time(6, 0), dt.UTC),
        sleep=record,
    )


def outbox(tmp: Path) -> list[dict[str, object]]:
    con = sqlite3.connect(tmp / "catalogue.sqlite")
    con.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in con.execute("select * from outbox order by id")]
    finally:
        con.close()


def test_a_board_failing_twice_gets_each_change_once(tmp_path: Path) -> None:
    day1_inputs(tmp_path / "in")
    sleeps: list[float] = []
    with job_board() as (url, board):
        board.fail_next = 2
        result = sync(tmp_path, DAY1, sleeps, push=url)
        assert result.exit_code == 0, result.lines()
        assert len(board.requests) == 5 + 2
        assert len(board.applied) == 5 and board.repeats == []
        assert sleeps == [0.5, 1.0]  # exponential back-off
        assert result.pushes[0].attempts == 3
        assert "3 attempts" in result.pushes[0].line()
        assert [p.outcome for p in result.pushes] == ["sent"] * 5
        rows = outbox(tmp_path)
        assert all(r["sent_at"] is not None for r in rows)
        assert {r["idempotency_key"] for r in rows} == set(board.applied)
        for r in rows:
            ref, digest, kind, revision = str(r["idempotency_key"]).rsplit(":", 3)
            assert ref in set(REFS.values()) and len(digest) == 64
            assert (kind, revision) == ("new", "1")


def test_a_timeout_is_retried_and_the_board_applies_the_change_once(tmp_path: Path) -> None:
    day1_inputs(tmp_path / "in")
    with job_board() as (url, board):
        board.delay_next = 1.5
        result = sync(tmp_path, DAY1, push=url, push_timeout=0.5)
        assert result.exit_code == 0, result.lines()
        assert len(board.applied) == 5
        # the timed-out request arrived; its resend is a repeat (more than one if the loaded
        # machine made a resend time out too), never a second application
        assert len(board.repeats) >= 1 and set(board.repeats) == {board.requests[0]["key"]}
        assert board.requests[0]["body"] == board.requests[1]["body"]


def test_a_4xx_stops_the_push_and_the_rest_waits_for_the_next_run(tmp_path: Path) -> None:
    day1_inputs(tmp_path / "in")
    with job_board() as (url, board):
        board.reject_status = 401
        board.reject_body = "invalid token"
        result = sync(tmp_path, DAY1, push=url)
        assert result.exit_code == 1
        assert len(board.requests) == 1  # no retry, no further change
        [push] = result.pushes
        assert push.outcome == "rejected" and push.status == 401
        assert "401" in push.line() and "invalid token" in push.line()
        assert result.queued == 5
        assert len(result.changes) == 5  # the site and catalogue are done regardless
        board.reject_status = None
        again = sync(tmp_path, DAY1, push=url)
        assert again.exit_code == 0 and again.changes == []
        assert len(board.applied) == 5 and again.queued == 0


def test_retries_exhausted_stop_and_keep_the_changes_queued(tmp_path: Path) -> None:
    day1_inputs(tmp_path / "in")
    sleeps: list[float] = []
    with job_board() as (url, board):
        board.fail_next = 100
        result = sync(tmp_path, DAY1, sleeps, push=url, push_attempts=3)
        assert result.exit_code == 1
        assert len(board.requests) == 3 and sleeps == [0.5, 1.0]
        assert result.pushes[0].outcome == "failed" and result.queued == 5
        assert "503" in result.pushes[0].line()


def test_google_indexing_format(tmp_path: Path) -> None:
    inputs = day1_inputs(tmp_path / "in")
    with job_board() as (url, board):
        sync(tmp_path, DAY1, push=url, push_format="google", prune=True)
        day2_edit(inputs)
        sync(tmp_path, DAY2, push=url, push_format="google", prune=True)
        bodies = [r["body"] for r in board.requests]
        assert all(set(b) == {"url", "type"} for b in bodies)
        assert [b["type"] for b in bodies[:5]] == ["URL_UPDATED"] * 5
        by_url = {b["url"]: b["type"] for b in bodies[5:]}
        assert by_url == {
            BASE + "3151-26-0218-DAE/": "URL_UPDATED",
            BASE + "2026-117-DRH/": "URL_UPDATED",
            BASE + "DUM-RH-2026-014/": "URL_DELETED",
            BASE + "KON-RH-2026-031/": "URL_DELETED",
        }


def _cli(tmp: Path, url: str) -> list[str]:
    return [
        sys.executable,
        "-c",
        "import sys; from avis.cli import main; sys.exit(main())",
        "sync",
        str(tmp / "in"),
        "-o",
        str(tmp / "site"),
        "--base-url",
        BASE,
        "--catalog",
        str(tmp / "catalogue.sqlite"),
        "--work-dir",
        str(tmp / "work"),
        "--today",
        "2026-03-15",
        "-j",
        "1",
        "-q",
        "--push",
        url,
    ]


@pytest.mark.parametrize("hold_at", [3])
def test_kill_9_while_pushing_then_rerun_loses_and_duplicates_nothing(
    tmp_path: Path, hold_at: int
) -> None:
    """The board applies request ``hold_at`` and never answers; the sync is killed -9 there.
    The rerun resends that change with the same key (the board only acknowledges it) and
    sends the rest: every change applied exactly once."""
    day1_inputs(tmp_path / "in")
    with job_board() as (url, board):
        board.hold_at = hold_at
        proc = subprocess.Popen(_cli(tmp_path, url), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            assert board.held.wait(60), proc.communicate(timeout=5)
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(10)
        finally:
            if proc.poll() is None:
                proc.kill()
        assert proc.returncode == -signal.SIGKILL
        board.release.set()
        assert len(board.applied) == hold_at
        killed_key = board.requests[-1]["key"]

        board.hold_at = None
        rerun = subprocess.run(_cli(tmp_path, url), capture_output=True, timeout=120, text=True)
        assert rerun.returncode == 0, rerun.stderr
        assert len(board.applied) == 5  # nothing lost
        assert board.repeats == [killed_key]  # the one in flight, acknowledged, not reapplied
        assert len(board.requests) == 6
        first, resend = (r for r in board.requests if r["key"] == killed_key)
        assert first["body"] == resend["body"]
        rows = outbox(tmp_path)
        assert len(rows) == 5 and all(r["sent_at"] is not None for r in rows)
        assert rerun.stdout.count("pushed") == 5 - hold_at + 1
        assert "new" not in rerun.stdout.replace("pushed    new", "")  # no change re-planned


def test_kill_9_at_any_moment_then_rerun_converges(tmp_path: Path) -> None:
    """Killed at arbitrary points (parse, commit, site, push), a rerun always ends with the
    catalogue, the site and the board agreeing, each change applied once."""
    day1_inputs(tmp_path / "in")
    with job_board() as (url, board):
        board_delay = 0.05
        for wait in (0.4, 1.2, 2.0):
            board.delay_next = board_delay
            proc = subprocess.Popen(
                _cli(tmp_path, url), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            time.sleep(wait)
            proc.send_signal(signal.SIGKILL)
            proc.wait(10)
        final = subprocess.run(_cli(tmp_path, url), capture_output=True, timeout=120, text=True)
        assert final.returncode == 0, final.stderr
        assert len(board.applied) == 5
        assert len(set(board.keys())) == 5
        assert len(board.repeats) <= 3  # at most one resend per kill
        rows = outbox(tmp_path)
        assert len(rows) == 5 and all(r["sent_at"] is not None for r in rows)
        assert len(list((tmp_path / "site").glob("*/index.html"))) == 5
        lines = (tmp_path / "site" / "changes.jsonl").read_text().splitlines()
        assert len(lines) == 5


def test_a_notice_first_seen_expired_is_catalogued_but_not_pushed(tmp_path: Path) -> None:
    day1_inputs(tmp_path / "in")
    with job_board() as (url, board):
        result = sync(tmp_path, DAY2, push=url)  # dumbea.md's deadline is already past
        assert result.exit_code == 0
        kinds = {c.reference: c.kind for c in result.changes}
        assert kinds[REFS["dumbea.md"]] == "expired" and list(kinds.values()).count("new") == 4
        assert len(board.applied) == 4
        assert all(b["reference"] != REFS["dumbea.md"] for b in board.applied.values())
        lines = (tmp_path / "site" / "changes.jsonl").read_text().splitlines()
        assert len(lines) == 5


def test_429_is_retried_after_the_time_the_board_asks(tmp_path: Path) -> None:
    day1_inputs(tmp_path / "in")
    sleeps: list[float] = []
    with job_board() as (url, board):
        board.fail_next, board.fail_status, board.retry_after = 1, 429, "2"
        result = sync(tmp_path, DAY1, sleeps, push=url)
        assert result.exit_code == 0
        assert sleeps == [2.0] and len(board.applied) == 5 and board.repeats == []
