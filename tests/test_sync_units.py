"""avis sync's parts: page names, content hash, migrations, sitemap split, keys, the CLI."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from avis.cli import main
from avis.model import Notice, SourceInfo
from avis.sync import site as site_mod
from avis.sync.catalogue import Catalogue, NoticeRow
from avis.sync.migrations import CatalogueVersionError, head
from avis.sync.plan import RESERVED, assign_page, content_hash, page_slug
from avis.sync.push import header_value, idempotency_key
from sync_support import DAY1, day1_inputs, job_board

BASE = "https://jobs.example.nc/"


@given(st.text(max_size=80))
def test_page_slug_is_one_safe_url_segment(reference: str) -> None:
    slug = page_slug(reference)
    assert slug and len(slug) <= 100
    assert all(c.isascii() and (c.isalnum() or c in "._-") for c in slug)
    assert not slug.startswith(".") and slug not in (".", "..")


def test_page_names_never_collide_ignoring_case_or_with_site_files() -> None:
    taken: set[str] = set()
    a = assign_page("3134-25-0176/SR", taken)
    b = assign_page("3134-25-0176-sr", taken)
    c = assign_page("3134 25 0176 SR", taken)
    assert a == "3134-25-0176-SR"
    assert len({a.casefold(), b.casefold(), c.casefold()}) == 3
    assert "sitemap.xml" in RESERVED
    assert assign_page("sitemap.xml", set()) != "sitemap.xml"
    assert page_slug("../../etc/passwd") == "etc-passwd"
    assert page_slug("Réf. n°12/é") == "Ref.-n12-e"


def test_content_hash_ignores_where_the_notice_came_from() -> None:
    one = Notice(title="Agent", missions=["accueillir"], source=SourceInfo(file="a.pdf"))
    moved = one.model_copy(update={"source": SourceInfo(file="b.pdf", sha256="0" * 64)})
    edited = one.model_copy(update={"missions": ["accueillir le public"]})
    assert content_hash(one) == content_hash(moved)
    assert content_hash(one) != content_hash(edited)


def test_migrations_create_upgrade_and_refuse_a_newer_schema(tmp_path: Path) -> None:
    path = tmp_path / "cat.sqlite"
    Catalogue.open(str(path)).close()
    con = sqlite3.connect(path)
    assert con.execute("select version_num from avis_catalogue_version").fetchall() == [(head(),)]
    tables = {r[0] for r in con.execute("select name from sqlite_master where type='table'")}
    assert {"notices", "changes", "outbox"} <= tables
    # downgraded to nothing, the next open migrates it again
    from alembic import command

    from avis.sync.migrations import _config

    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.downgrade(_config(conn), "base")
    engine.dispose()
    assert "notices" not in {
        r[0] for r in con.execute("select name from sqlite_master where type='table'")
    }
    with pytest.raises(CatalogueVersionError, match="without --dry-run"):
        Catalogue.open(str(path), migrate=False)
    Catalogue.open(str(path)).close()
    # a revision this avis does not know: written by a newer avis
    con.execute("update avis_catalogue_version set version_num = 'ffff'")
    con.commit()
    con.close()
    with pytest.raises(CatalogueVersionError, match="newer avis"):
        Catalogue.open(str(path))


def _row(n: int) -> NoticeRow:
    moment = dt.datetime(2026, 3, 1, tzinfo=dt.UTC) + dt.timedelta(hours=n)
    return NoticeRow(
        reference=f"R-{n}",
        content_hash="0" * 64,
        first_seen=moment,
        last_changed=moment,
        status="open",
        source_file=f"{n}.txt",
        page=f"R-{n}/index.html",
        url=f"{BASE}R-{n}/",
        title=None,
        deadline=None,
        revision=1,
    )


def test_sitemap_over_the_limit_becomes_a_valid_index(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(site_mod, "SITEMAP_LIMIT", 2)
    files = site_mod.render_sitemaps([_row(n) for n in range(5)], BASE)
    assert sorted(files) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"]
    for data in files.values():
        assert site_mod.sitemap_problems(data) == []
    index = etree.fromstring(files["sitemap.xml"])
    assert etree.QName(index).localname == "sitemapindex"
    assert len(index) == 3


def test_the_sitemap_schema_rejects_what_crawlers_reject() -> None:
    good = site_mod.render_sitemaps([_row(1)], BASE)["sitemap.xml"]
    assert site_mod.sitemap_problems(good) == []
    relative = good.replace(f"{BASE}R-1/".encode(), b"R-1/")
    assert site_mod.sitemap_problems(relative)  # shorter than 12: not an absolute URL
    bad_date = good.replace(b"2026-03-01T01:00:00Z", b"1 March 2026")
    assert site_mod.sitemap_problems(bad_date)


def test_idempotency_keys_are_header_safe() -> None:
    key = idempotency_key("Réf 12/é", "a" * 64, "new", 1)
    assert key == "Réf 12/é:" + "a" * 64 + ":new:1"
    value = header_value(key)
    assert value.isascii() and " " not in value
    assert idempotency_key("R", "a" * 64, "expired", 2) != idempotency_key("R", "a" * 64, "new", 1)


def _cli(tmp: Path, *extra: str) -> list[str]:
    return [
        "sync",
        str(tmp / "in"),
        "-o",
        str(tmp / "site"),
        "--base-url",
        BASE,
        "--catalog",
        f"sqlite:///{tmp / 'cat.sqlite'}",
        "--work-dir",
        str(tmp / "work"),
        "--today",
        "2026-03-15",
        "-j",
        "1",
        "-q",
        *extra,
    ]


def test_cli_report_lines_and_exit_codes(tmp_path: Path) -> None:
    runner = CliRunner()
    inputs = day1_inputs(tmp_path / "in")
    bad = runner.invoke(main, [*_cli(tmp_path)[:5], "jobs.example.nc", *_cli(tmp_path)[6:]])
    assert bad.exit_code == 2 and "absolute http(s) URL" in bad.output
    with job_board() as (url, board):
        ok = runner.invoke(
            main, _cli(tmp_path, "--push", url, "--push-header", "Authorization: Bearer t0k")
        )
        assert ok.exit_code == 0, ok.output
        lines = ok.stdout.splitlines()
        assert sum(line.startswith("new ") for line in lines) == 5
        assert sum(line.startswith("pushed ") for line in lines) == 5
        assert {r["authorization"] for r in board.requests} == {"Bearer t0k"}
    # a notice without a reference cannot be catalogued: reported, exit 1, others unchanged
    text = (inputs / "port.md").read_text(encoding="utf-8")
    (inputs / "port.md").write_text(
        "\n".join(x for x in text.splitlines() if "Référence" not in x), "utf-8"
    )
    failed = runner.invoke(main, _cli(tmp_path, "--prune"))
    assert failed.exit_code == 1
    assert "[no_reference]" in failed.stdout and "port.md" in failed.stdout
    assert "withdrawn" not in failed.stdout  # its old reference is kept, not withdrawn
    dry = runner.invoke(main, _cli(tmp_path, "--dry-run"))
    assert dry.exit_code == 1 and "would be" not in dry.stdout


def test_an_unpublishable_notice_is_reported_not_published(tmp_path: Path) -> None:
    """blind-03 names no New Caledonian place: without --country there is no address country,
    which Google requires; with --country FR it is published."""
    (tmp_path / "in").mkdir()
    shutil.copyfile(DAY1["gouv.txt"].parent / "blind-03-fpt-metropole.md", tmp_path / "in" / "x.md")
    runner = CliRunner()
    refused = runner.invoke(main, _cli(tmp_path))
    assert refused.exit_code == 1
    assert "[invalid_output]" in refused.stdout and "addressCountry" in refused.stdout
    assert not list((tmp_path / "site").glob("*/index.html"))
    published = runner.invoke(main, _cli(tmp_path, "--country", "fr"))
    assert published.exit_code == 0, published.output
    [page] = (tmp_path / "site").glob("*/index.html")
    [posting] = site_mod.extract_json_ld(page.read_bytes())
    assert posting["jobLocation"]["address"]["addressCountry"] == "FR"
    records = [
        json.loads(x) for x in (tmp_path / "site" / "changes.jsonl").read_text().split("\n") if x
    ]
    assert [r["kind"] for r in records] == ["new"]


def test_one_sync_per_catalogue_at_a_time(tmp_path: Path) -> None:
    from avis.errors import UsageError
    from avis.sync.run import SyncOptions, run_sync

    day1_inputs(tmp_path / "in")
    cat = Catalogue.open(str(tmp_path / "cat.sqlite"))
    options = SyncOptions(base_url=BASE, catalog=str(tmp_path / "cat.sqlite"), jobs=1)
    try:
        with cat.exclusive(), pytest.raises(UsageError, match="another 'avis sync'"):
            run_sync([tmp_path / "in"], tmp_path / "site", options)
    finally:
        cat.close()
    assert run_sync([tmp_path / "in"], tmp_path / "site", options).exit_code == 0
