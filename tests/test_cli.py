"""The parse / schema / validate commands end to end, through Click."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from avis.cli import main
from avis.writers import writer_names

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "real" / "seed" / "3134-25-0176_SR.md"
PDF = ROOT / "corpus" / "generated" / "pdf-ruled-01.pdf"


@pytest.mark.parametrize("name", writer_names())
def test_parse_to_every_writer_then_validate(name: str, tmp_path: Path) -> None:
    runner = CliRunner()
    args = ["parse", str(SEED), "--to", name, "--include-expired"]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    out = tmp_path / f"seed.{name}"
    out.write_bytes(result.stdout_bytes)
    if name != "csv":  # no schema exists for CSV
        checked = runner.invoke(main, ["validate", str(out)])
        assert checked.exit_code == 0, checked.output
        assert "valid" in checked.output


def test_validate_says_what_is_wrong(tmp_path: Path) -> None:
    runner = CliRunner()
    good = runner.invoke(main, ["parse", str(SEED), "--to", "jsonld"]).stdout_bytes
    doc = json.loads(good)
    del doc["datePosted"]
    bad = tmp_path / "bad.jsonld"
    bad.write_text(json.dumps(doc))
    result = runner.invoke(main, ["validate", str(bad)])
    assert result.exit_code == 1
    assert "datePosted" in result.output


def test_unknown_writer_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["parse", str(SEED), "--to", "yaml"])
    assert result.exit_code == 2
    assert "jsonld" in result.output


def test_alto_pages_are_written_and_valid(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["parse", str(PDF), "--alto", str(tmp_path)])
    assert result.exit_code == 0, result.output
    pages = sorted(tmp_path.glob("*.alto.xml"))
    assert len(pages) == json.loads(result.stdout)["source"]["pages"]
    checked = runner.invoke(main, ["validate", *map(str, pages)])
    assert checked.exit_code == 0, checked.output


def test_schema_lists_and_prints_the_notice_schema() -> None:
    runner = CliRunner()
    listing = runner.invoke(main, ["schema"])
    assert "notice-json" in listing.output
    text = runner.invoke(main, ["schema", "notice-json"]).output
    assert "reference" in json.loads(text)["properties"]


def test_explain_names_rule_and_missing_fields() -> None:
    result = CliRunner().invoke(main, ["parse", str(SEED), "--explain"])
    assert result.exit_code == 0
    assert re.search(r"rule=header\.(right-of|inline|below|leader)", result.output)
    assert "✗ service" in result.output


def test_unreadable_file_exit_code_and_message(tmp_path: Path) -> None:
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    result = CliRunner().invoke(main, ["parse", str(empty)])
    assert result.exit_code == 1
    assert "empty_input" in result.output
