"""Corrections beside an input (NAME.corrections.json): recorded, applied by parse and convert,
exported as truth for eval."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from avis.cli import main
from avis.corrections import (
    CorrectionError,
    apply_sidecar,
    corrections_path,
    editable_fields,
    export_truth,
    load_corrections,
    record_corrections,
    truth_path,
)
from avis.model import Notice
from avis.pipeline import parse_path

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "corpus" / "generated"


@pytest.fixture
def md(tmp_path: Path) -> Path:
    target = tmp_path / "notice.md"
    shutil.copy(GENERATED / "text-md-01.md", target)
    return target


@pytest.fixture
def pdf(tmp_path: Path) -> Path:
    target = tmp_path / "notice.pdf"
    shutil.copy(GENERATED / "pdf-ruled-01.pdf", target)
    return target


def _parse_cli(path: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["parse", str(path), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_deadline_correction_is_logged_and_applied_by_parse_and_writers(pdf: Path) -> None:
    raw = parse_path(pdf)
    assert raw.deadline is not None and raw.deadline.isoformat() == "2024-07-10"
    made = record_corrections(pdf, raw, {"deadline": "2024-08-01"}, "archiviste")
    assert [(c.field, c.old, c.new, c.by) for c in made] == [
        ("deadline", "2024-07-10", "2024-08-01", "archiviste")
    ]
    log = json.loads(corrections_path(pdf).read_text(encoding="utf-8"))
    assert log["file"] == "notice.pdf" and log["sha256"] == raw.source.sha256
    assert log["corrections"][0]["at"].endswith("Z") or "+00:00" in log["corrections"][0]["at"]

    parsed = json.loads(_parse_cli(pdf))
    assert parsed["deadline"] == "2024-08-01"
    prov = parsed["provenance"]["deadline"]
    assert prov["source"] == "review"
    assert prov["page"] == raw.provenance["deadline"].page  # still says where avis read it
    assert parsed["provenance"]["title"]["source"] == "extraction"

    xml = etree.fromstring(_parse_cli(pdf, "--to", "xml").encode())
    ns = {"a": "urn:avis:notice:1"}
    assert xml.findtext("a:deadline", namespaces=ns) == "2024-08-01"
    jsonld = json.loads(_parse_cli(pdf, "--to", "jsonld", "--include-expired"))
    assert jsonld["validThrough"].startswith("2024-08-01")


def test_eval_ignores_corrections_and_scores_against_exported_truth(md: Path) -> None:
    raw = parse_path(md)
    record_corrections(md, raw, {"deadline": "2031-03-15", "location": "Koné"}, "r")
    reviewed = apply_sidecar(raw, md)
    target = export_truth(md, reviewed, "r")
    assert target == truth_path(md) == md.with_name("notice.truth.json")
    truth = json.loads(target.read_text(encoding="utf-8"))
    assert truth["reviewed"] is True and truth["fields"]["deadline"] == "2031-03-15"
    result = CliRunner().invoke(main, ["eval", str(md.parent), "--json"])
    assert result.exit_code == 0, result.output
    (doc,) = json.loads(result.stdout)["per_document"]
    # eval measures extraction: exactly the two corrected fields are wrong
    assert doc["wrong"] == ["deadline", "location"]


def test_export_keeps_a_hand_made_truth(md: Path) -> None:
    truth_path(md).write_text('{"file": "notice.md", "fields": {}}', encoding="utf-8")
    with pytest.raises(CorrectionError, match="not written by a review"):
        export_truth(md, parse_path(md), "r")
    assert json.loads(truth_path(md).read_text(encoding="utf-8")) == {
        "file": "notice.md",
        "fields": {},
    }


def test_unchanged_and_invalid_values_record_nothing(md: Path) -> None:
    raw = parse_path(md)
    assert raw.title is not None and raw.deadline is not None
    assert record_corrections(md, raw, {"title": f"  {raw.title} "}, "r") == []
    assert not corrections_path(md).exists()
    with pytest.raises(CorrectionError, match="YYYY-MM-DD"):
        record_corrections(md, raw, {"title": "Autre", "deadline": "31/02/2025"}, "r")
    with pytest.raises(CorrectionError, match="before the posting date"):
        record_corrections(md, raw, {"deadline": "1999-01-01"}, "r")
    with pytest.raises(CorrectionError, match="not a field"):
        record_corrections(md, raw, {"source.file": "x"}, "r")
    assert not corrections_path(md).exists()


def test_last_correction_wins_and_lists_lose_stale_item_boxes(md: Path) -> None:
    raw = parse_path(md)
    assert any(k.startswith("missions[") for k in raw.provenance)
    record_corrections(md, raw, {"deadline": "2025-06-01"}, "a")
    once = apply_sidecar(raw, md)
    record_corrections(md, once, {"deadline": "2025-06-02", "missions": "Un\n\n  Deux  \n"}, "b")
    log = load_corrections(md)
    assert log is not None and [c.by for c in log.corrections] == ["a", "b", "b"]
    twice = apply_sidecar(raw, md)
    assert twice.deadline is not None and twice.deadline.isoformat() == "2025-06-02"
    assert twice.missions == ["Un", "Deux"]
    assert not any(k.startswith("missions[") for k in twice.provenance)
    assert twice.provenance["missions"].source == "review"


def test_missing_field_warning_goes_once_a_reviewer_fills_the_field(md: Path) -> None:
    text = md.read_text(encoding="utf-8")
    md.write_text(text.replace("Lieu de travail : Bourail", ""), encoding="utf-8")
    raw = parse_path(md)
    assert raw.location is None
    assert any(w.field == "location" for w in raw.warnings)
    record_corrections(md, raw, {"location": "Bourail"}, "r")
    fixed = apply_sidecar(raw, md)
    assert fixed.location == "Bourail"
    assert not any(w.field == "location" for w in fixed.warnings)


def test_damaged_or_stale_corrections_cost_a_warning_not_the_notice(md: Path) -> None:
    corrections_path(md).write_text("{not json", encoding="utf-8")
    parsed = json.loads(_parse_cli(md))
    assert parsed["title"]
    assert "corrections_unreadable" in [w["code"] for w in parsed["warnings"]]

    raw = parse_path(md)
    corrections_path(md).unlink()
    record_corrections(md, raw, {"positions": "3"}, "r")
    md.write_text(md.read_text(encoding="utf-8") + "\nPostscriptum.\n", encoding="utf-8")
    parsed = json.loads(_parse_cli(md))
    assert parsed["positions"] == 3
    assert "corrections_stale" in [w["code"] for w in parsed["warnings"]]


def test_a_correction_the_model_refuses_is_skipped_with_a_warning(md: Path) -> None:
    raw = parse_path(md)
    record_corrections(md, raw, {"positions": "2"}, "r")
    log = json.loads(corrections_path(md).read_text(encoding="utf-8"))
    log["corrections"][0]["new"] = -4  # hand-edited into something invalid
    corrections_path(md).write_text(json.dumps(log), encoding="utf-8")
    parsed = json.loads(_parse_cli(md))
    assert parsed["positions"] is None
    assert [w["field"] for w in parsed["warnings"] if w["code"] == "correction_invalid"] == [
        "positions"
    ]


def test_the_write_is_atomic(md: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = parse_path(md)
    record_corrections(md, raw, {"positions": "2"}, "r")
    before = corrections_path(md).read_bytes()

    def boom(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        record_corrections(md, apply_sidecar(raw, md), {"positions": "5"}, "r")
    assert corrections_path(md).read_bytes() == before
    assert sorted(p.name for p in md.parent.iterdir()) == [
        "notice.md",
        "notice.md.corrections.json",
    ]


def test_every_value_field_of_the_model_is_editable() -> None:
    paths = {spec.path for spec in editable_fields()}
    data = Notice().model_dump(mode="json")
    leaves = set()
    for key, value in data.items():
        if key in ("source", "warnings", "provenance", "extra"):
            continue
        if isinstance(value, dict):
            leaves |= {f"{key}.{sub}" for sub in value}
        else:
            leaves.add(key)
    assert paths == leaves
    kinds = {spec.path: spec.kind for spec in editable_fields()}
    assert kinds["deadline"] == "date" and kinds["missions"] == "list"
    assert kinds["positions"] == "int" and kinds["start.immediate"] == "bool"


def test_convert_reconverts_an_input_whose_corrections_changed(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(GENERATED / "text-md-01.md", src / "a.md")
    shutil.copy(GENERATED / "text-md-02.md", src / "b.md")
    out = tmp_path / "out"
    args = ["convert", str(src), "-o", str(out), "-j", "1", "-q", "--to", "json,xml"]

    def run() -> dict[str, dict]:
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        lines = (out / "avis-report.jsonl").read_text(encoding="utf-8").splitlines()
        return {Path(r["input"]).name: r for r in map(json.loads, lines)}

    first = run()
    assert set(first) == {"a.md", "b.md"}
    record_corrections(src / "a.md", parse_path(src / "a.md"), {"deadline": "2031-03-15"}, "r")
    second = run()
    sidecar = second.pop("a.md.corrections.json")  # a sidecar, not an input
    assert (sidecar["status"], sidecar["code"]) == ("skipped", "sidecar")
    assert set(second) == {"a.md", "b.md"}
    assert second["a.md"]["cached"] is False and second["b.md"]["cached"] is True
    notice = json.loads((out / "a.md.json").read_text(encoding="utf-8"))
    assert notice["deadline"] == "2031-03-15"
    assert notice["provenance"]["deadline"]["source"] == "review"
    assert "2031-03-15" in (out / "a.md.xml").read_text(encoding="utf-8")
    third = run()
    assert third["a.md"]["cached"] is True
