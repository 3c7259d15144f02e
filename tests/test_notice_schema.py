"""The published Notice JSON Schema matches the model, and real notices validate against it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from avis.notice_schema import notice_schema, notice_schema_text
from avis.pipeline import parse_path

ROOT = Path(__file__).resolve().parent.parent


def test_checked_in_schema_matches_the_model() -> None:
    published = (ROOT / "schemas" / "notice.schema.json").read_text(encoding="utf-8")
    assert published == notice_schema_text(), (
        "schemas/notice.schema.json drifted from avis.model: run `python -m avis.notice_schema`"
    )


def test_parsed_notices_validate_against_the_schema() -> None:
    validator = jsonschema.Draft202012Validator(
        notice_schema(), format_checker=jsonschema.FormatChecker()
    )
    for path in sorted((ROOT / "corpus" / "real").rglob("*.md")):
        if path.name == "README.md":
            continue
        data = json.loads(parse_path(path).model_dump_json())
        errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(data)]
        assert not errors, (path.name, errors[:5])
