"""avis sync: a real SQLite catalogue, corpus notices edited day to day, a local job board."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest
from lxml import etree

from avis.pipeline import parse_path
from avis.sync.plan import content_hash
from avis.sync.run import SyncOptions, SyncResult, run_sync
from avis.sync.site import extract_json_ld, sitemap_problems
from avis.validate import validate_output
from sync_support import REFS, day1_inputs, day2_edit, job_board

BASE = "https://jobs.example.nc/"
DAY1 = dt.date(2026, 3, 15)
DAY2 = dt.date(2026, 3, 25)  # past dumbea.md's deadline (20 March), before the others'


def _clock(day: dt.date):  # type: ignore[no-untyped-def]
    return lambda: dt.datetime.combine(day, dt.time(6, 0), dt.UTC)


def sync(tmp: Path, day: dt.date, **kw: object) -> SyncResult:
    options = SyncOptions(
        base_url=BASE,
        catalog=str(tmp / "catalogue.sqlite"),
        work_dir=tmp / "work",
        today=day,
        jobs=1,
        **kw,  # type: ignore[arg-type]
    )
    return run_sync([tmp / "in"], tmp / "site", options, clock=_clock(day), sleep=lambda s: None)


def catalogue(tmp: Path) -> dict[str, dict[str, object]]:
    con = sqlite3.connect(tmp / "catalogue.sqlite")
    con.row_factory = sqlite3.Row
    try:
        return {r["reference"]: dict(r) for r in con.execute("select * from notices")}
    finally:
        con.close()


def check_site(site: Path, open_refs: set[str], expired_refs: set[str]) -> None:
    """Pages, sitemap and feed say exactly what the catalogue says, and all validate."""
    pages = {p.parent.name: p.read_bytes() for p in site.glob("*/index.html")}
    assert len(pages) == len(open_refs) + len(expired_refs)
    open_urls = set()
    for data in pages.values():
        blocks = extract_json_ld(data)
        if b"Offre expir" in data:
            assert blocks == []
            assert b'name="robots" content="noindex"' in data
            continue
        assert len(blocks) == 1
        posting = blocks[0]
        problems = validate_output(json.dumps(posting).encode(), "jsonld")
        assert problems == [], problems
        for key in ("validThrough", "identifier", "hiringOrganization", "directApply"):
            assert key in posting
        assert (
            posting["jobLocation"]["address"]["addressCountry"]
            if isinstance(posting["jobLocation"], dict)
            else all(p["address"]["addressCountry"] for p in posting["jobLocation"])
        )
        assert "<li>" in posting["description"]
        assert posting["identifier"]["value"] in open_refs
        open_urls.add(posting["url"])
    sitemap = (site / "sitemap.xml").read_bytes()
    assert sitemap_problems(sitemap) == []
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = etree.fromstring(sitemap)
    # the site's index page first, then every open notice
    assert root.xpath("//s:loc/text()", namespaces=ns)[0] == BASE
    assert set(root.xpath("//s:loc/text()", namespaces=ns)) == open_urls | {BASE}
    assert len(root.xpath("//s:lastmod", namespaces=ns)) == len(open_refs) + 1
    index = etree.HTML((site / "index.html").read_bytes())
    assert set(index.xpath("//main//a/@href")) == open_urls
    feed = (site / "feed.xml").read_bytes()
    assert validate_output(feed, "feed") == []
    feed_root = etree.fromstring(feed)
    assert set(feed_root.xpath("//job/referencenumber/text()")) == open_refs
    assert set(feed_root.xpath("//job/url/text()")) == open_urls


def test_day1_then_day2_publishes_exactly_the_four_changes(tmp_path: Path) -> None:
    inputs = day1_inputs(tmp_path / "in")
    with job_board() as (url, board):
        first = sync(tmp_path, DAY1, push=url, prune=True)
        assert first.exit_code == 0, first.lines()
        assert sorted(c.kind for c in first.changes) == ["new"] * 5
        rows = catalogue(tmp_path)
        assert set(rows) == {
            REFS[n] for n in ("gouv.txt", "dumbea.md", "cht.txt", "kone.txt", "port.md")
        }
        assert {r["status"] for r in rows.values()} == {"open"}
        check_site(tmp_path / "site", set(rows), set())
        assert len(board.applied) == 5 and board.repeats == []
        before = {ref: r["content_hash"] for ref, r in rows.items()}
        untouched = tmp_path / "site" / "2026-047" / "index.html"  # cht.txt: same on day 2
        stamp = untouched.stat().st_mtime_ns, untouched.stat().st_ino

        day2_edit(inputs)
        second = sync(tmp_path, DAY2, push=url, prune=True)
        assert second.exit_code == 0, second.lines()
        kinds = {c.reference: c.kind for c in second.changes}
        assert kinds == {
            REFS["gouv.txt"]: "updated",
            REFS["chn.md"]: "new",
            REFS["dumbea.md"]: "expired",
            REFS["kone.txt"]: "withdrawn",
        }
        assert len(second.lines()) == 4 + 4  # a line per change, a line per push

        rows = catalogue(tmp_path)
        status = {ref: r["status"] for ref, r in rows.items()}
        assert status == {
            REFS["gouv.txt"]: "open",
            REFS["cht.txt"]: "open",
            REFS["port.md"]: "open",
            REFS["chn.md"]: "open",
            REFS["dumbea.md"]: "expired",
            REFS["kone.txt"]: "withdrawn",
        }
        edited = content_hash(parse_path(inputs / "gouv.txt"))
        gouv = rows[REFS["gouv.txt"]]
        assert gouv["content_hash"] == edited != before[REFS["gouv.txt"]]
        assert gouv["revision"] == 2
        assert str(gouv["first_seen"]).startswith("2026-03-15")
        assert str(gouv["last_changed"]).startswith("2026-03-25")
        assert str(rows[REFS["cht.txt"]]["last_changed"]).startswith("2026-03-15")
        assert rows[REFS["chn.md"]]["source_file"].endswith("chn.md")

        assert (untouched.stat().st_mtime_ns, untouched.stat().st_ino) == stamp  # only changes
        open_refs = {r for r, s in status.items() if s == "open"}
        check_site(tmp_path / "site", open_refs, {REFS["dumbea.md"]})
        assert not (tmp_path / "site" / "KON-RH-2026-031").exists()
        expired_page = (tmp_path / "site" / "DUM-RH-2026-014" / "index.html").read_text()
        assert "Offre expirée" in expired_page and "20 mars 2026" in expired_page

        lines = [
            json.loads(x) for x in (tmp_path / "site" / "changes.jsonl").read_text().splitlines()
        ]
        assert [x["seq"] for x in lines] == list(range(1, 10))
        day2 = {x["reference"]: x for x in lines[5:]}
        assert day2[REFS["gouv.txt"]]["previous_hash"] == before[REFS["gouv.txt"]]
        assert day2[REFS["gouv.txt"]]["hash"] == edited
        assert day2[REFS["chn.md"]]["previous_hash"] is None
        assert day2[REFS["kone.txt"]]["previous_hash"] == before[REFS["kone.txt"]]
        assert day2[REFS["dumbea.md"]]["hash"] == before[REFS["dumbea.md"]]

        # the board got each of the nine changes once, in order, with its JobPosting if open
        assert len(board.applied) == 9 and board.repeats == []
        bodies = [r["body"] for r in board.requests[5:]]
        assert [b["kind"] for b in bodies] == [c.kind for c in second.changes]
        for b in bodies:
            assert ("jobPosting" in b) == (b["status"] == "open")
            assert b["url"].startswith(BASE)
        assert all(r["content_type"] == "application/json" for r in board.requests)

        # the same inputs on the same day: nothing to do, nothing sent
        third = sync(tmp_path, DAY2, push=url, prune=True)
        assert third.changes == [] and third.pushes == [] and third.exit_code == 0
        assert len(board.requests) == 9


def test_without_prune_a_missing_input_is_kept_and_named(tmp_path: Path) -> None:
    inputs = day1_inputs(tmp_path / "in")
    sync(tmp_path, DAY1)
    (inputs / "kone.txt").unlink()
    result = sync(tmp_path, DAY1)
    assert result.changes == []
    assert any(REFS["kone.txt"] in w and "--prune" in w for w in result.warnings)
    assert catalogue(tmp_path)[REFS["kone.txt"]]["status"] == "open"


def test_a_failing_input_is_not_withdrawn(tmp_path: Path) -> None:
    inputs = day1_inputs(tmp_path / "in")
    sync(tmp_path, DAY1, prune=True)
    (inputs / "kone.txt").write_bytes(b"%PDF-1.7\n broken")
    result = sync(tmp_path, DAY1, prune=True)
    assert result.changes == []
    assert result.exit_code == 1
    assert [p.source.endswith("kone.txt") for p in result.problems] == [True]
    assert catalogue(tmp_path)[REFS["kone.txt"]]["status"] == "open"


def test_same_reference_in_two_files_is_one_notice_and_a_warning(tmp_path: Path) -> None:
    inputs = day1_inputs(tmp_path / "in")
    (inputs / "copies").mkdir()
    (inputs / "copies" / "gouv-copy.txt").write_bytes((inputs / "gouv.txt").read_bytes())
    result = sync(tmp_path, DAY1)
    assert result.exit_code == 0
    assert [c.reference for c in result.changes].count(REFS["gouv.txt"]) == 1
    warnings = [w for w in result.warnings if REFS["gouv.txt"] in w]
    assert len(warnings) == 1 and "gouv-copy.txt" in warnings[0]
    assert len(list((tmp_path / "site").glob("*/index.html"))) == 5


def test_dry_run_lists_changes_and_touches_nothing(tmp_path: Path) -> None:
    day1_inputs(tmp_path / "in")
    with job_board() as (url, board):
        result = sync(tmp_path, DAY1, dry_run=True, push=url)
        assert sorted(c.kind for c in result.changes) == ["new"] * 5
        assert all(line.startswith("would be new") for line in result.lines())
        assert not (tmp_path / "site").exists()
        assert not (tmp_path / "catalogue.sqlite").exists()
        assert board.requests == []
        sync(tmp_path, DAY1)
        (tmp_path / "in" / "kone.txt").unlink()
        again = sync(tmp_path, DAY2, dry_run=True, prune=True)
        assert {c.kind for c in again.changes} == {"expired", "withdrawn"}
        assert catalogue(tmp_path)[REFS["kone.txt"]]["status"] == "open"


def test_a_crash_after_the_commit_is_finished_by_the_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed between the catalogue commit and the site files: the rerun writes the pages
    and sends the queued changes, although the catalogue already has every notice."""
    from avis.sync import site

    day1_inputs(tmp_path / "in")

    def crash(*_a: object, **_k: object) -> None:
        raise KeyboardInterrupt

    with job_board() as (url, board):
        monkeypatch.setattr(site.SiteWriter, "write_indexes", crash)
        with pytest.raises(KeyboardInterrupt):
            sync(tmp_path, DAY1, push=url)
        monkeypatch.undo()
        assert len(catalogue(tmp_path)) == 5
        assert not (tmp_path / "site" / "sitemap.xml").exists()
        assert board.requests == []
        rerun = sync(tmp_path, DAY1, push=url)
        assert rerun.changes == []  # already catalogued…
        assert len(board.applied) == 5  # …but queued, so sent now
        check_site(tmp_path / "site", set(catalogue(tmp_path)), set())
        assert len((tmp_path / "site" / "changes.jsonl").read_text().splitlines()) == 5


def test_a_deleted_site_is_rebuilt_from_the_catalogue(tmp_path: Path) -> None:
    import shutil

    day1_inputs(tmp_path / "in")
    sync(tmp_path, DAY1)
    shutil.rmtree(tmp_path / "site")
    result = sync(tmp_path, DAY1)
    assert result.changes == []
    check_site(tmp_path / "site", set(catalogue(tmp_path)), set())


def test_a_reopened_notice_is_updated_and_back_in_the_sitemap(tmp_path: Path) -> None:
    inputs = day1_inputs(tmp_path / "in")
    sync(tmp_path, DAY2)
    assert catalogue(tmp_path)[REFS["dumbea.md"]]["status"] == "expired"
    text = (inputs / "dumbea.md").read_text(encoding="utf-8")
    assert "20 mars 2026" in text
    (inputs / "dumbea.md").write_text(text.replace("20 mars 2026", "30 mars 2026"), "utf-8")
    result = sync(tmp_path, DAY2)
    assert [(c.reference, c.kind) for c in result.changes] == [(REFS["dumbea.md"], "updated")]
    rows = catalogue(tmp_path)
    assert rows[REFS["dumbea.md"]]["status"] == "open"
    check_site(tmp_path / "site", set(rows), set())


def test_a_site_inside_the_input_folder_is_never_read_back(tmp_path: Path) -> None:
    inputs = day1_inputs(tmp_path / "in")
    options = SyncOptions(base_url=BASE, today=DAY1, jobs=1)  # work dir: in/public.avis
    for _ in range(2):
        result = run_sync([inputs], inputs / "public", options, clock=_clock(DAY1))
        assert result.exit_code == 0, result.lines()
        assert result.warnings == [] and result.inputs == 5
    assert (inputs / "public.avis" / "catalogue.sqlite").exists()
    assert len(list((inputs / "public").glob("*/index.html"))) == 5


def test_rebuild_rewrites_every_page_from_the_catalogue(tmp_path: Path) -> None:
    day1_inputs(tmp_path / "in")
    sync(tmp_path, DAY1)
    page = tmp_path / "site" / "2026-047" / "index.html"
    good = page.read_bytes()
    page.write_bytes(b"tampered")
    assert sync(tmp_path, DAY1).changes == []
    assert page.read_bytes() == b"tampered"  # nothing changed: nothing rewritten
    rebuilt = sync(tmp_path, DAY1, rebuild=True)
    assert rebuilt.changes == [] and rebuilt.exit_code == 0
    assert page.read_bytes() == good


def test_with_nothing_open_the_sitemap_lists_the_home_page_and_validates(tmp_path: Path) -> None:
    """The sitemaps.org XSD rejects an empty urlset; the home page keeps it valid."""
    day1_inputs(tmp_path / "in")
    sync(tmp_path, DAY1)
    sync(tmp_path, dt.date(2030, 1, 1))  # every deadline is past
    assert {r["status"] for r in catalogue(tmp_path).values()} == {"expired"}
    sitemap = (tmp_path / "site" / "sitemap.xml").read_bytes()
    assert sitemap_problems(sitemap) == []
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    assert etree.fromstring(sitemap).xpath("//s:loc/text()", namespaces=ns) == [BASE]
    # the feed format needs one job at least: no stale feed is left behind
    assert not (tmp_path / "site" / "feed.xml").exists()


def test_a_new_logo_rewrites_every_page_once(tmp_path: Path) -> None:
    """Pages depend on the publisher settings too: after a change none keeps the old logo, and
    the next unchanged run rewrites nothing."""
    from avis.settings import Settings

    day1_inputs(tmp_path / "in")
    old, new = "https://jobs.example.nc/logo-2025.png", "https://jobs.example.nc/logo-2026.png"
    sync(tmp_path, DAY1, settings=Settings(logo=old))
    pages = sorted((tmp_path / "site").glob("*/index.html"))
    assert pages and all(old in p.read_text(encoding="utf-8") for p in pages)
    result = sync(tmp_path, DAY1, settings=Settings(logo=new))
    assert result.changes == []  # the notices did not change…
    assert any("logo" in w and "every page" in w for w in result.warnings)
    for page in pages:  # …their pages did
        text = page.read_text(encoding="utf-8")
        assert new in text and old not in text
        assert [b["hiringOrganization"]["logo"] for b in extract_json_ld(page.read_bytes())] == [
            new
        ]
    stamps = {p: p.stat().st_mtime_ns for p in pages}
    again = sync(tmp_path, DAY1, settings=Settings(logo=new))
    assert not any("every page" in w for w in again.warnings)
    assert {p: p.stat().st_mtime_ns for p in pages} == stamps
