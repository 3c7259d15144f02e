"""The real notices of the corpus, parsed by the pipeline, through every writer."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import pytest

from avis.errors import OutputValidationError
from avis.model import Notice
from avis.pipeline import parse_path
from avis.writers import WriterOptions, get_writer
from avis.writers.native_json import from_json
from avis.writers.native_xml import from_xml
from writer_checks import schema_errors

ROOT = Path(__file__).resolve().parent.parent
REAL = sorted(p for p in (ROOT / "corpus" / "real").rglob("*.md") if p.name != "README.md")
OPTIONS = WriterOptions(today=dt.date(2026, 4, 1), include_expired=True)


@cache
def parsed() -> tuple[Notice, ...]:
    return tuple(parse_path(p) for p in REAL)


@pytest.mark.skipif(not REAL, reason="no real corpus")
@pytest.mark.parametrize("name", ["json", "jsonld", "hropen", "xml", "dc"])
def test_every_real_notice_gives_valid_output(name: str) -> None:
    writer = get_writer(name)
    written = 0
    for notice in parsed():
        try:
            data = writer.render([notice], options=OPTIONS)
        except OutputValidationError as exc:
            # only the Google profile may refuse, and only for a field the notice lacks
            assert name == "jsonld" and "it lacks" in exc.message, exc.message
            continue
        assert schema_errors(name, data) == [], notice.source.file
        if name == "xml":
            assert from_xml(data) == notice
        if name == "json":
            assert from_json(data) == notice
        written += 1
    assert written >= len(parsed()) - 2


@pytest.mark.skipif(not REAL, reason="no real corpus")
@pytest.mark.parametrize("name", ["feed", "csv"])
def test_the_real_corpus_as_one_feed_and_one_table(name: str) -> None:
    data = get_writer(name).render(list(parsed()), options=OPTIONS)
    assert schema_errors(name, data) == []
    assert data.count(b"<job>") >= len(parsed()) - 2 if name == "feed" else data
