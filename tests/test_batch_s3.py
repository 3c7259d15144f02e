"""Inputs on object storage: ``avis convert s3://bucket/prefix/`` against a real S3 API (moto's
server on 127.0.0.1, started here), through fsspec/s3fs as on AWS, with the local pool and
with Dask workers that read the objects themselves. Outputs equal a run on the same files on
disk; a changed object is redone, a removed one pruned."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.test_batch_convert import outputs, report
from tests.test_batch_dask import _inputs

s3fs = pytest.importorskip("s3fs")
moto_server = pytest.importorskip("moto.server")

BUCKET = "archives-avp"
AVIS = Path(sys.executable).with_name("avis")


def convert(*args: str) -> int:
    """`avis convert` as a user runs it: a new process that inherits this environment (the
    credentials and endpoint). In this process, a worker pool started by an earlier test kept
    the environment of its start, without them."""
    done = subprocess.run(
        [str(AVIS), "convert", *args, "--quiet"], env=dict(os.environ), capture_output=True
    )
    assert done.returncode in (0, 1), done.stderr.decode(errors="replace")[-2000:]
    return done.returncode


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    port = _free_port()
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


@pytest.fixture
def bucket(tmp_path: Path, endpoint: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The local files, the same files in the bucket; credentials as a user sets them (env)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    for key, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_ENDPOINT_URL": endpoint,
    }.items():
        monkeypatch.setenv(key, value)
    _inputs(tmp_path / "in")
    fs = s3fs.S3FileSystem(skip_instance_cache=True)
    if fs.exists(BUCKET):
        fs.rm(BUCKET, recursive=True)
    fs.mkdir(BUCKET)
    for path in sorted((tmp_path / "in").rglob("*")):
        if path.is_file():
            fs.pipe(f"{BUCKET}/{path.relative_to(tmp_path / 'in').as_posix()}", path.read_bytes())
    return tmp_path


def test_a_bucket_converts_like_the_same_files_on_disk(bucket: Path) -> None:
    url = f"s3://{BUCKET}/"
    args = ["--to", "json,csv", "--include-expired"]
    assert convert("in", "-o", "disk", *args) == 1  # the damaged PDF fails, the rest converts
    assert convert(url, "-o", "s3", "-j", "2", *args) == 1
    assert outputs(bucket / "s3") == outputs(bucket / "disk")
    records = report(bucket / "s3")
    assert records[url + "pdf/pdf-ruled-01.pdf"]["status"] in ("ok", "partial")
    assert records[url + "pdf/damaged.pdf"]["code"] == "corrupt_input"
    # a glob over the bucket, as the README shows
    assert convert(f"s3://{BUCKET}/pdf/*.pdf", "-o", "glob", *args) == 1
    assert sorted(report(bucket / "glob")) == sorted(k for k in records if k.endswith(".pdf"))


def test_dask_workers_read_the_objects_and_resume_and_prune(bucket: Path) -> None:
    pytest.importorskip("distributed")
    url = f"s3://{BUCKET}/"
    args = ["--to", "json,csv", "--include-expired"]
    assert convert("in", "-o", "disk", *args) == 1
    assert convert(url, "-o", "s3", "--executor", "dask", "-j", "2", *args) == 1
    assert outputs(bucket / "s3") == outputs(bucket / "disk")
    # an object rewritten is redone, alone; one deleted is pruned with --prune
    fs = s3fs.S3FileSystem(skip_instance_cache=True)
    changed = sorted(p for p in fs.ls(f"{BUCKET}/docs") if p.endswith(".md"))
    fs.pipe(changed[0], fs.cat(changed[1]))
    fs.rm(changed[2])
    assert convert(url, "-o", "s3", "--prune", "-j", "1", *args) == 1
    records = report(bucket / "s3")
    redone = sorted(
        k for k, r in records.items() if r["status"] in ("ok", "partial") and not r["cached"]
    )
    assert redone == [f"s3://{changed[0]}"]
    gone = Path(changed[2]).name
    assert not (bucket / "s3" / "docs" / f"{gone}.json").exists()
