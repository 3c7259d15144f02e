"""avis sync reads the shared settings (avis.toml, the same options as convert) and its own
``[sync]`` table; ``avis validate`` checks the sitemaps it writes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from avis.cli import main
from avis.sync import site as site_mod
from sync_support import CORPUS, day1_inputs

BASE = "https://jobs.example.nc/"
BLIND = CORPUS / "blind" / "blind-03-fpt-metropole.md"  # names no place avis knows


def _sync(*extra: str) -> list[str]:
    """A sync of ./in to ./site at a fixed day; the rest comes from avis.toml or ``extra``."""
    return ["sync", "in", "-o", "site", "--today", "2026-03-15", "-j", "1", "-q", *extra]


def _country(site: Path) -> str:
    [page] = site.glob("*/index.html")
    [posting] = site_mod.extract_json_ld(page.read_bytes())
    country: str = posting["jobLocation"]["address"]["addressCountry"]
    return country


def test_sync_reads_avis_toml_and_the_option_overrides_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    shutil.copyfile(BLIND, tmp_path / "in" / "x.md")
    (tmp_path / "avis.toml").write_text(
        f'country = "FR"\nbase_url = "{BASE}"\npublisher = "Emplois test"\n'
        '[sync]\ncatalog = "state/cat.sqlite"\nwork_dir = "state/work"\n',
        encoding="utf-8",
    )
    runner = CliRunner()
    first = runner.invoke(main, _sync())
    assert first.exit_code == 0, first.output
    assert _country(tmp_path / "site") == "FR"
    [page] = (tmp_path / "site").glob("*/index.html")
    assert page.parent.name in first.stdout and BASE in first.stdout  # base_url from the file
    assert "Emplois test" in (tmp_path / "site" / "feed.xml").read_text(encoding="utf-8")
    assert (tmp_path / "state" / "cat.sqlite").is_file()  # [sync] paths: beside avis.toml
    assert (tmp_path / "state" / "work").is_dir()
    assert not (tmp_path / "site.avis").exists()

    # the option wins over the file; the changed notice is republished, not duplicated
    second = runner.invoke(main, _sync("--country", "be"))
    assert second.exit_code == 0, second.output
    assert second.stdout.startswith("updated ")
    assert _country(tmp_path / "site") == "BE"

    # --config names another file; without a country the notice cannot be published
    (tmp_path / "other.toml").write_text(
        f'base_url = "{BASE}"\n[sync]\ncatalog = "state/cat.sqlite"\n', encoding="utf-8"
    )
    third = runner.invoke(main, _sync("--config", "other.toml", "--work-dir", "w2"))
    assert third.exit_code == 1
    assert "addressCountry" in third.stdout


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('country = "France"\n', "not an ISO 3166-1 alpha-2 country code"),
        ('country = "FR\n', "is not valid TOML"),
        ('base_url = "jobs.example.nc"\n', "base_url must be an absolute http(s) URL"),
        ('contry = "FR"\n', "unknown setting 'contry'"),
        (f'base_url = "{BASE}"\n[sync]\npush_atempts = 3\n', "unknown key 'push_atempts'"),
        (f'base_url = "{BASE}"\n[sync]\npush_attempts = 0\n', "push_attempts must be"),
        (f'base_url = "{BASE}"\n[sync]\npush_format = "rss"\n', "push_format must be one of"),
        ('country = "FR"\n', "needs the URL the site is served at"),
    ],
)
def test_a_bad_settings_file_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, toml: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    day1_inputs(tmp_path / "in")
    (tmp_path / "avis.toml").write_text(toml, encoding="utf-8")
    result = CliRunner().invoke(main, _sync())
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.output
    assert not (tmp_path / "site").exists() and not (tmp_path / "site.avis").exists()


def test_the_command_line_wins_over_the_sync_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bad value in [sync] for an option given on the command line is never used."""
    monkeypatch.chdir(tmp_path)
    day1_inputs(tmp_path / "in")
    (tmp_path / "avis.toml").write_text(
        '[sync]\ncatalog = "from-file.sqlite"\npush_format = "rss"\n', encoding="utf-8"
    )
    args = ("--base-url", BASE, "--catalog", "cli.sqlite", "--push-format", "avis")
    result = CliRunner().invoke(main, _sync(*args))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "cli.sqlite").is_file() and not (tmp_path / "from-file.sqlite").exists()
    assert sum(line.startswith("new ") for line in result.stdout.splitlines()) == 5


def test_avis_validate_checks_the_sitemap_sync_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    day1_inputs(tmp_path / "in")
    runner = CliRunner()
    synced = runner.invoke(main, _sync("--base-url", BASE))
    assert synced.exit_code == 0, synced.output
    sitemap = tmp_path / "site" / "sitemap.xml"
    ok = runner.invoke(main, ["validate", str(sitemap)])
    assert ok.exit_code == 0, ok.output
    assert ok.stdout == f"{sitemap}: valid\n"
    assert runner.invoke(main, ["validate", "--kind", "sitemap", str(sitemap)]).exit_code == 0

    text = sitemap.read_text(encoding="utf-8")
    broken = tmp_path / "broken.xml"
    broken.write_text(
        re.sub("<loc>[^<]*</loc>", "<loc>R-1/</loc>", text, count=1).replace(
            "<lastmod>", "<lastmod>mardi ", 1
        ),
        encoding="utf-8",
    )
    bad = runner.invoke(main, ["validate", str(broken)])
    assert bad.exit_code == 1
    assert f"{broken}: INVALID" in bad.stdout
    problems = [line for line in bad.stdout.splitlines() if line.startswith("  - line ")]
    assert len(problems) == 2, bad.stdout  # the relative URL and the French date, each named
    assert "}loc'" in problems[0] and "tLastmod" in problems[1]
    # a sitemap is not a --to format: convert and parse do not offer it
    assert "sitemap" not in runner.invoke(main, ["convert", "--help"]).output


def test_avis_validate_checks_a_sitemap_index_sync_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    day1_inputs(tmp_path / "in")
    monkeypatch.setattr(site_mod, "SITEMAP_LIMIT", 2)  # 5 pages: an index and 3 parts
    runner = CliRunner()
    synced = runner.invoke(main, _sync("--base-url", BASE))
    assert synced.exit_code == 0, synced.output
    site = tmp_path / "site"
    names = sorted(p.name for p in site.glob("sitemap*.xml"))
    assert names == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"]
    ok = runner.invoke(main, ["validate", *(str(site / n) for n in names)])
    assert ok.exit_code == 0, ok.output
    assert ok.stdout.count(": valid\n") == 4
    index = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<sitemapindex" in index
    (tmp_path / "index.xml").write_text(index.replace("<loc>", "<location>", 1), "utf-8")
    bad = runner.invoke(main, ["validate", "index.xml"])
    assert bad.exit_code == 1 and "location" in bad.stdout
