"""The catalogue on PostgreSQL: a throwaway server on 127.0.0.1 started by the test.

Needs the Debian ``postgresql`` package (in the Makefile's SYSTEM_PACKAGES) and psycopg (dev
extra). As root, the server runs as the ``postgres`` user the package creates (PostgreSQL
refuses to run as root).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from avis.sync.run import SyncOptions, run_sync
from sync_support import REFS, day1_inputs, day2_edit

BASE = "https://jobs.example.nc/"


def _pg_bin(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if initdb is None or pg_ctl is None:
        pytest.skip("PostgreSQL server binaries not installed (Debian package postgresql)")
    pytest.importorskip("psycopg")
    prefix: list[str] = []
    root = tempfile.mkdtemp(prefix="avis-pg-", dir="/tmp")
    if os.geteuid() == 0:
        import pwd

        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no 'postgres' user to run the server")
        os.chown(root, user.pw_uid, user.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
    data = os.path.join(root, "data")
    port = _free_port()
    run = {"check": True, "capture_output": True, "timeout": 120}
    subprocess.run([*prefix, initdb, "-D", data, "-A", "trust", "-U", "avis", "--no-sync"], **run)  # type: ignore[call-overload]
    opts = f"-h 127.0.0.1 -p {port} -k {root} -F"
    log = os.path.join(root, "log")
    subprocess.run([*prefix, pg_ctl, "-D", data, "-w", "-l", log, "-o", opts, "start"], **run)  # type: ignore[call-overload]
    try:
        yield f"postgresql+psycopg://avis@127.0.0.1:{port}/postgres"
    finally:
        with contextlib.suppress(Exception):
            subprocess.run([*prefix, pg_ctl, "-D", data, "-m", "immediate", "stop"], **run)  # type: ignore[call-overload]
        shutil.rmtree(root, ignore_errors=True)


def test_day1_day2_on_postgresql(tmp_path: Path, postgres_url: str) -> None:
    inputs = day1_inputs(tmp_path / "in")

    def sync(day: dt.date) -> list[tuple[str, str]]:
        options = SyncOptions(
            base_url=BASE,
            catalog=postgres_url,
            work_dir=tmp_path / "work",
            today=day,
            jobs=1,
            prune=True,
        )
        clock = lambda: dt.datetime.combine(day, dt.time(6), dt.UTC)  # noqa: E731
        result = run_sync([inputs], tmp_path / "site", options, clock=clock)
        assert result.exit_code == 0, result.lines()
        return sorted((c.reference, c.kind) for c in result.changes)

    assert [k for _, k in sync(dt.date(2026, 3, 15))] == ["new"] * 5
    day2_edit(inputs)
    assert sync(dt.date(2026, 3, 25)) == sorted(
        [
            (REFS["gouv.txt"], "updated"),
            (REFS["chn.md"], "new"),
            (REFS["dumbea.md"], "expired"),
            (REFS["kone.txt"], "withdrawn"),
        ]
    )
    engine = sa.create_engine(postgres_url)
    with engine.connect() as conn:
        status = dict(conn.execute(sa.text("select reference, status from notices")).all())
        version = conn.execute(sa.text("select version_num from avis_catalogue_version")).all()
        kinds = conn.execute(sa.text("select count(*) from changes")).scalar_one()
    engine.dispose()
    assert status[REFS["dumbea.md"]] == "expired" and status[REFS["kone.txt"]] == "withdrawn"
    assert sum(s == "open" for s in status.values()) == 4
    assert version == [("0001",)] and kinds == 9
    from test_sync_units import assert_migrations_match_tables

    assert_migrations_match_tables(postgres_url)


def test_one_sync_per_postgresql_catalogue(tmp_path: Path, postgres_url: str) -> None:
    from avis.errors import UsageError
    from avis.sync.catalogue import Catalogue

    day1_inputs(tmp_path / "in")
    options = SyncOptions(base_url=BASE, catalog=postgres_url, work_dir=tmp_path / "w", jobs=1)
    holder = Catalogue.open(postgres_url)
    try:
        with holder.exclusive(), pytest.raises(UsageError, match="another 'avis sync'"):
            run_sync([tmp_path / "in"], tmp_path / "site", options)
    finally:
        holder.close()
