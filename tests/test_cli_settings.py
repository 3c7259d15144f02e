"""Settings on the command line and in avis.toml; parse -o; Notice JSON as input; schema and
validate by format name; no traceback for a missing file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from avis.cli import main
from avis.validate import validate_output

ROOT = Path(__file__).resolve().parent.parent
METROPOLE = ROOT / "corpus" / "blind" / "blind-03-fpt-metropole.md"
SEED = ROOT / "corpus" / "real" / "seed" / "3134-25-0176_SR.md"

#: A notice outside New Caledonia whose employer's name holds "NC" (the old guess's trap).
PARIS = """AVIS DE VACANCE DE POSTE

Référence : 2026-PAR-017 du 2 mars 2026

Intitulé du poste : Chargé de mission numérique
Employeur : NC Conseil et Associés
Lieu de travail : 14 boulevard Voltaire, 75011 Paris
Date de dépôt de l'offre : 2 mars 2026
Date limite de candidature : 30 mars 2026

Missions :
- piloter les projets numériques
- animer le réseau des référents
"""


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty current folder: no avis.toml unless a test writes one."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_non_nc_notice_gets_valid_jsonld_with_country_and_nothing_guessed_without(
    workdir: Path,
) -> None:
    src = workdir / "paris.txt"
    src.write_text(PARIS, encoding="utf-8")
    refused = CliRunner().invoke(main, ["parse", str(src), "--to", "jsonld"])
    assert refused.exit_code == 1
    assert "--country" in refused.output and "addressCountry" in refused.output
    plain = json.loads(CliRunner().invoke(main, ["parse", str(src)]).stdout)
    assert plain["place"]["country"] is None and plain["place"]["time_zone"] is None
    assert plain["employment"] == {"full_time": None, "part_time": None, "temporary": None}
    assert {w["code"] for w in plain["warnings"]} >= {"place_unknown", "employment_unknown"}

    out = workdir / "paris.jsonld"
    result = CliRunner().invoke(
        main, ["parse", str(src), "--to", "jsonld", "--country", "fr", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # written to the file, not stdout
    data = out.read_bytes()
    assert validate_output(data, "jsonld") == []
    doc = json.loads(data)
    assert doc["jobLocation"]["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "14 boulevard Voltaire, 75011 Paris",
        "addressLocality": "Paris",
        "postalCode": "75011",
        "addressCountry": "FR",
    }
    assert doc["validThrough"] == "2026-03-30T23:59:59+02:00"  # Paris, summer time
    assert "employmentType" not in doc
    assert "<h3>" not in doc["description"]
    assert "<li>Lieu de travail : 14 boulevard Voltaire, 75011 Paris</li>" in doc["description"]


def test_real_metropole_notice_with_country_setting(workdir: Path) -> None:
    result = CliRunner().invoke(
        main, ["parse", str(METROPOLE), "--to", "jsonld", "--country", "FR"]
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["jobLocation"]["address"]["addressLocality"] == "Clisson"
    assert doc["jobLocation"]["address"]["postalCode"] == "44190"


def test_avis_toml_in_the_current_folder_and_options_override_it(workdir: Path) -> None:
    src = workdir / "paris.txt"
    src.write_text(PARIS, encoding="utf-8")
    (workdir / "avis.toml").write_text(
        'country = "FR"\n'
        'base_url = "https://emplois.example.org/offres/"\n'
        'logo = "https://emplois.example.org/logo.png"\n'
        'publisher = "Emplois Paris"\n'
        "[sync]\ntarget = 'kept for the sync command'\n",
        encoding="utf-8",
    )
    doc = json.loads(CliRunner().invoke(main, ["parse", str(src), "--to", "jsonld"]).stdout)
    assert doc["jobLocation"]["address"]["addressCountry"] == "FR"
    assert doc["url"] == "https://emplois.example.org/offres/2026-PAR-017/"
    assert doc["hiringOrganization"]["logo"] == "https://emplois.example.org/logo.png"
    feed = CliRunner().invoke(main, ["parse", str(src), "--to", "feed", "--include-expired"])
    assert b"<publisher>Emplois Paris</publisher>" in feed.stdout_bytes
    other = CliRunner().invoke(
        main, ["parse", str(src), "--to", "jsonld", "--base-url", "https://b.example/"]
    )
    assert json.loads(other.stdout)["url"] == "https://b.example/2026-PAR-017/"


def test_config_option_and_bad_settings_are_usage_errors(workdir: Path) -> None:
    conf = workdir / "elsewhere.toml"
    conf.write_text('country = "France"\n', encoding="utf-8")
    bad = CliRunner().invoke(main, ["parse", str(SEED), "--config", str(conf)])
    assert bad.exit_code == 2 and "ISO 3166" in bad.output and "Traceback" not in bad.output
    conf.write_text('coutnry = "FR"\n', encoding="utf-8")
    typo = CliRunner().invoke(main, ["parse", str(SEED), "--config", str(conf)])
    assert typo.exit_code == 2 and "coutnry" in typo.output and "country" in typo.output
    missing = CliRunner().invoke(main, ["parse", str(SEED), "--config", "nope.toml"])
    assert missing.exit_code == 2
    url = CliRunner().invoke(main, ["parse", str(SEED), "--base-url", "emplois.example.org"])
    assert url.exit_code == 2 and "https://" in url.output


def test_default_employer_and_extra_lexicon_from_settings(workdir: Path) -> None:
    src = workdir / "n.txt"
    src.write_text(
        "Métier ouvert au recrutement : Jardinier\nLieu de travail : Bourail\n"
        "Date de dépôt de l'offre : 2 mars 2026\n\nMissions :\n- tailler\n",
        encoding="utf-8",
    )
    before = json.loads(CliRunner().invoke(main, ["parse", str(src)]).stdout)
    assert before["title"] != "Jardinier"
    (workdir / "labels.toml").write_text(
        '[header.title]\nlabels = ["Métier ouvert au recrutement"]\n', encoding="utf-8"
    )
    (workdir / "avis.toml").write_text(
        'lexicon = ["labels.toml"]\ndefault_employer = "Commune de Bourail"\n', encoding="utf-8"
    )
    after = json.loads(CliRunner().invoke(main, ["parse", str(src)]).stdout)
    assert after["title"] == "Jardinier"
    assert after["employer"] == "Commune de Bourail"
    assert after["provenance"]["employer"]["origin"] == "setting"
    (workdir / "labels.toml").write_text('[header.salaire]\nlabels = ["Paie"]\n')
    bad = CliRunner().invoke(main, ["parse", str(src)])
    assert bad.exit_code == 2 and "salaire" in bad.output


def test_notice_json_is_an_input_reemitted_and_validated(workdir: Path) -> None:
    first = CliRunner().invoke(main, ["parse", str(SEED), "-o", "seed.json"])
    assert first.exit_code == 0, first.output
    data = json.loads((workdir / "seed.json").read_text(encoding="utf-8"))
    data["title"] = "Directeur du numérique"  # an archivist's correction
    (workdir / "seed.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", "seed.json", "--to", "jsonld"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["title"] == "Directeur du numérique"
    assert doc["jobLocation"]["address"]["addressLocality"] == "Lifou"
    assert validate_output(result.stdout_bytes, "jsonld") == []
    again = json.loads(CliRunner().invoke(main, ["parse", "seed.json"]).stdout)
    assert again == data  # nothing added, nothing lost: the source stays the original file
    data["deadline"] = "14 février"
    (workdir / "broken.json").write_text(json.dumps(data), encoding="utf-8")
    broken = CliRunner().invoke(main, ["parse", "broken.json", "--to", "jsonld"])
    assert broken.exit_code == 1
    assert "corrupt_input" in broken.output and "deadline" in broken.output


def test_schema_by_format_name_and_validate_a_missing_file(workdir: Path) -> None:
    listing = CliRunner().invoke(main, ["schema"]).output
    assert "google-jobposting" in listing and "jsonld" in listing
    by_format = CliRunner().invoke(main, ["schema", "jsonld"])
    by_name = CliRunner().invoke(main, ["schema", "google-jobposting"])
    assert by_format.exit_code == 0 and by_format.output == by_name.output
    assert CliRunner().invoke(main, ["schema", "csv"]).exit_code == 2
    missing = CliRunner().invoke(main, ["validate", "missing.json"])
    assert missing.exit_code == 2
    assert "missing.json" in missing.output and "Traceback" not in missing.output
    assert missing.exception is None or isinstance(missing.exception, SystemExit)


def test_help_lists_the_registered_formats() -> None:
    from avis.writers import FORMATS, writer_names

    parse_help = CliRunner().invoke(main, ["parse", "--help"]).output
    assert all(name in parse_help for name in writer_names())
    validate_help = CliRunner().invoke(main, ["validate", "--help"]).output
    assert all(f.name in validate_help for f in FORMATS)


def test_convert_help_shows_the_batch_defaults() -> None:
    """The CLI states the worker-replacement default without importing the batch runner."""
    from avis.batch.runner import MAX_TASKS_PER_WORKER, BatchOptions

    command = main.commands["convert"]
    option = next(p for p in command.params if p.name == "max_tasks_per_worker")
    assert (
        option.default
        == MAX_TASKS_PER_WORKER
        == BatchOptions(formats=("json",)).max_tasks_per_worker
    )


def test_convert_uses_the_settings(workdir: Path) -> None:
    inbox = workdir / "inbox"
    inbox.mkdir()
    (inbox / "paris.txt").write_text(PARIS, encoding="utf-8")
    args = ["convert", str(inbox), "-o", "out", "--to", "jsonld", "-j", "1", "-q"]
    failed = CliRunner().invoke(main, args)
    assert failed.exit_code == 1
    assert not (workdir / "out" / "paris.txt.jsonld").exists()
    done = CliRunner().invoke(main, [*args, "--country", "FR"])
    assert done.exit_code == 0, done.output
    doc = json.loads((workdir / "out" / "paris.txt.jsonld").read_text(encoding="utf-8"))
    assert doc["jobLocation"]["address"]["addressCountry"] == "FR"
