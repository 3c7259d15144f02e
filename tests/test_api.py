"""The public Python API (avis.parse, avis.write) and the settings it shares with the CLI."""

from __future__ import annotations

import json
from dataclasses import replace
from importlib.resources import files
from pathlib import Path

import pytest

import avis
from avis.errors import UsageError
from avis.settings import Settings, load, read_file, settings_dict, settings_from_dict

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "real" / "seed" / "3134-25-0176_SR.md"
METROPOLE = ROOT / "corpus" / "blind" / "blind-03-fpt-metropole.md"


def test_parse_a_path_or_bytes_and_write_any_format() -> None:
    from_path = avis.parse(SEED)
    from_bytes = avis.parse(SEED.read_bytes())
    assert isinstance(from_path, avis.Notice)
    assert from_path.title == from_bytes.title == "Directeur"
    assert from_bytes.source.file is None and from_path.source.file == SEED.name
    text = avis.write(from_path, "jsonld", base_url="https://jobs.example.org/")
    assert isinstance(text, str)
    assert json.loads(text)["url"] == "https://jobs.example.org/3134-25-0176-SR/"
    table = avis.write([from_path, from_bytes], "csv")
    assert isinstance(table, str) and table.count("\r\n") == 3
    assert avis.formats() == ["json", "jsonld", "hropen", "xml", "feed", "csv", "dc"]


def test_country_and_default_employer_reach_the_enrich_stage() -> None:
    with pytest.raises(avis.errors.OutputValidationError, match="--country"):
        avis.write(avis.parse(METROPOLE), "jsonld")
    notice = avis.parse(METROPOLE, country="FR")
    assert notice.place.country == "FR"
    assert (
        json.loads(avis.write(avis.parse(METROPOLE), "jsonld", country="FR"))["jobLocation"][
            "address"
        ]["addressCountry"]
        == "FR"
    )


def test_parse_reads_notice_json_back() -> None:
    notice = avis.parse(SEED)
    again = avis.parse(str(avis.write(notice, "json")).encode())
    assert again == notice


def test_unknown_options_are_usage_errors() -> None:
    with pytest.raises(UsageError, match="colour"):
        avis.parse(SEED, colour="red")
    with pytest.raises(UsageError, match="today"):
        avis.write(avis.parse(SEED), "json", tomorrow=True)


def test_the_package_is_typed() -> None:
    assert files("avis").joinpath("py.typed").is_file()
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"py.typed"' in pyproject


def test_settings_file_paths_sections_and_merging(tmp_path: Path) -> None:
    (tmp_path / "avis.toml").write_text(
        'country = "pf"\nlexicon = "extra.toml"\npublisher = "Emplois"\n[sync]\nurl = "x"\n',
        encoding="utf-8",
    )
    found = load(cwd=tmp_path)
    assert found.country == "PF" and found.lexicon == ((tmp_path / "extra.toml").resolve(),)
    assert found.sections == {"sync": {"url": "x"}}
    merged = found.merged(country="NC", lexicon=["more.toml"], publisher=None)
    assert merged.country == "NC" and merged.publisher == "Emplois"
    assert [p.name for p in merged.lexicon] == ["extra.toml", "more.toml"]
    # What worker processes get back is the same settings (less the file's name).
    assert settings_from_dict(settings_dict(merged)) == replace(merged, config=None)
    assert load(cwd=tmp_path / "empty") == Settings()


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ('country = "XX"\n', "ISO 3166"),
        ("country = 33\n", "text"),
        ('logo = "logo.png"\n', "URL"),
        ("country = \n", "TOML"),
        ("lexicon = [1]\n", "lexicon"),
        ('colour = "red"\n', "colour"),
    ],
)
def test_bad_settings_files_say_what_to_fix(tmp_path: Path, text: str, needle: str) -> None:
    conf = tmp_path / "avis.toml"
    conf.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError, match=needle):
        read_file(conf)
