"""``avis convert`` run nightly by cron (issue #15): an inbox folder holding more than notices,
nothing new some nights, notices that expire, the same notice sent twice.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from avis.cli import main

ROOT = Path(__file__).resolve().parent.parent
NOTICES = sorted(
    p for p in (ROOT / "corpus" / "real").rglob("*.md") if p.with_suffix(".truth.json").exists()
)


def run(*args: str | Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, [str(a) for a in args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stderr


def report(outdir: Path) -> dict[str, dict[str, Any]]:
    lines = (outdir / "avis-report.jsonl").read_text(encoding="utf-8").splitlines()
    return {r["input"]: r for r in map(json.loads, lines)}


def summary(outdir: Path) -> dict[str, Any]:
    return json.loads((outdir / "avis-summary.json").read_text(encoding="utf-8"))


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_an_inbox_with_more_than_notices(in_tmp: Path) -> None:
    inbox = in_tmp / "inbox"
    (inbox / "tools").mkdir(parents=True)
    shutil.copy(NOTICES[0], inbox / "notice.md")
    shutil.copy(ROOT / "README.md", inbox / "README.md")
    shutil.copy(ROOT / "src" / "avis" / "cli.py", inbox / "tools" / "script.py")
    shutil.copy(ROOT / "Makefile", inbox / "Makefile")
    noise = random.Random(3).randbytes(5000)
    (inbox / "scan.pdf").write_bytes(noise)  # claims PDF, is not: damaged
    (inbox / "photo.jpg").write_bytes(b"\x00" + noise)
    (inbox / "data.bin").write_bytes(b"\x01" + noise)  # claims nothing: a stray file
    code, err = run("convert", "inbox", "-o", "out", "-q")
    assert code == 1
    rep = report(in_tmp / "out")
    st = {k: (r["status"], r["code"]) for k, r in rep.items()}
    assert st["inbox/README.md"] == ("skipped", "not_a_notice")
    assert st["inbox/tools/script.py"] == ("skipped", "unsupported_format")
    assert "program source" in rep["inbox/tools/script.py"]["message"]
    assert st["inbox/Makefile"] == ("skipped", "not_a_notice")
    assert "does not read as a job notice" in rep["inbox/README.md"]["message"]
    assert st["inbox/scan.pdf"] == ("failed", "corrupt_input")
    assert st["inbox/photo.jpg"] == ("failed", "corrupt_input")
    assert st["inbox/data.bin"] == ("skipped", "unsupported_format")
    assert st["inbox/notice.md"][0] in ("ok", "partial")
    assert not (in_tmp / "out" / "README.md.json").exists()
    # -q hides the progress and the summary line, never which files failed
    assert "inbox/scan.pdf [corrupt_input]" in err
    assert "inbox/photo.jpg [corrupt_input]" in err
    assert "README" not in err and "inputs:" not in err
    # named explicitly, a README is asked for: it fails, saying why
    code, err = run("convert", "inbox/README.md", "-o", "out2", "-q")
    assert code == 1 and "[not_a_notice]" in err and "job notice" in err


def test_an_empty_inbox_is_a_quiet_success_with_a_report(in_tmp: Path) -> None:
    (in_tmp / "inbox").mkdir()
    code, err = run("convert", "inbox", "-o", "out")
    assert code == 0 and "0 inputs" in err
    assert report(in_tmp / "out") == {}
    summ = summary(in_tmp / "out")
    assert (summ["status"], summ["inputs"], summ["exit_code"]) == ("finished", 0, 0)
    # the shell passes an unmatched glob as it is: still nothing to do, said in the report
    code, _ = run("convert", "inbox/*.pdf", "-o", "out", "-q")
    assert code == 0
    (line,) = report(in_tmp / "out").values()
    assert (line["status"], line["code"]) == ("skipped", "no_match")


def test_duplicate_references_are_one_feed_entry_and_a_warning(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    (in_tmp / "a").mkdir()
    (in_tmp / "b").mkdir()
    shutil.copy(NOTICES[0], in_tmp / "a" / "first.md")
    shutil.copy(NOTICES[0], in_tmp / "b" / "again.md")  # sent twice, under another name
    shutil.copy(NOTICES[1], in_tmp / "a" / "other.md")
    args = ["a", "b", "-o", "out", "--to", "json,feed,csv", "--include-expired"]
    code, err = run("convert", *args)
    assert code == 0
    out = in_tmp / "out"
    ref = json.loads((out / "a" / "first.md.json").read_bytes())["reference"]["id"]
    assert ref
    assert f"reference {ref} is in 2 inputs" in err
    (dup,) = summary(out)["duplicates"]
    assert dup["reference"] == ref
    assert {dup["kept"], *dup["left_out"]} == {"a/first.md", "b/again.md"}
    feed = (out / "avis-feed.xml").read_bytes()
    assert feed.count(b"<job>") == 2
    assert feed.count(f"<referencenumber><![CDATA[{ref}]]>".encode()) == 1
    rows = list(csv.reader(io.StringIO((out / "avis.csv").read_text(encoding="utf-8"))))
    assert len(rows) == 1 + 2
    assert sum(row[0] == ref for row in rows) == 1
    # both inputs still get their own Notice JSON: only the batch-wide files merge
    assert (out / "b" / "again.md.json").exists()


def test_timestamps_in_report_and_summary(in_tmp: Path) -> None:
    shutil.copy(NOTICES[0], in_tmp / "x.md")
    (in_tmp / "empty.md").write_bytes(b"")
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    code, _ = run("convert", "x.md", "empty.md", "-o", "out", "-q")
    after = dt.datetime.now(dt.UTC)
    assert code == 1
    summ = summary(in_tmp / "out")
    started = dt.datetime.fromisoformat(summ["started_at"])
    finished = dt.datetime.fromisoformat(summ["finished_at"])
    assert before <= started <= finished <= after
    for line in report(in_tmp / "out").values():
        assert started <= dt.datetime.fromisoformat(line["time"]) <= finished
    assert [f["input"] for f in summ["failures"]] == ["empty.md"]


def test_every_command_turns_os_errors_into_typed_messages(in_tmp: Path) -> None:
    code, err = run("validate", "missing.json")
    assert code == 2 and "avis: error [unreadable]" in err  # 2: a file could not be read
    code, err = run("parse", "missing.pdf")
    assert code == 1 and "avis: error [unreadable]" in err
    main_code = "import sys; from avis.cli import main; sys.exit(main())"
    for args in (["schema", "notice-json"], ["schema"], ["parse", str(NOTICES[0]), "--explain"]):
        with open("/dev/full", "wb") as full:
            done = subprocess.run(
                [sys.executable, "-c", main_code, *args],
                stdout=full,
                stderr=subprocess.PIPE,
                check=False,
            )
        assert done.returncode == 1, args
        assert b"[disk_full]" in done.stderr and b"Traceback" not in done.stderr, args
