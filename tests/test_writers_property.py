"""Property tests: arbitrary valid Notices, with XML-hostile text, through every writer.

Text mixes ordinary characters with control characters, ``]]>``, ``&``, ``<``, lookalike
escapes, emoji, right-to-left marks… Lone surrogates are left to a unit test (JSON cannot
encode them; see test_writers.py), and floats are finite (the model refuses NaN and infinity
in ``bbox``, which JSON could not round-trip).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from avis.enrich import EnrichOptions, enrich
from avis.errors import OutputValidationError
from avis.model import (
    Contact,
    Employment,
    Locality,
    Notice,
    NoticeWarning,
    Organisation,
    Place,
    Provenance,
    Reference,
    SourceInfo,
    Start,
)
from avis.validate import validate_output
from avis.writers import WriterOptions, get_writer
from avis.writers.csv_table import HEADER
from avis.writers.native_xml import from_xml
from avis.writers.shared import present
from writer_checks import schema_errors

HOSTILE = [
    "]]>",
    "]]]]>",
    "<![CDATA[",
    "&",
    "&amp;",
    "<",
    ">",
    "</script>",
    "\x00",
    "\x01",
    "\x08",
    "\x0b",
    "\x0c",
    "\x1f",
    "\x7f",
    "\x85",
    "\r",
    "\r\n",
    "\n",
    "\t",
    "\ufffe",
    "\uffff",
    "\\",
    "\\u0041",
    "😀",
    "👩🏽‍💻",
    "\u202e",
    "\u200f",
    "שלום",
    "مرحبا",
    "--",
    "-",
    "=",
    "'",
    '"',
    " ",
    "\u00a0",
    "Nouméa",
    "Lifou",
    "temps partiel",
    "CDD",
]
SETTINGS = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

text = st.lists(st.one_of(st.text(max_size=6), st.sampled_from(HOSTILE)), max_size=5).map("".join)
maybe_text = st.one_of(st.none(), text)
real_words = st.sampled_from(
    ["Directeur", "Province des îles Loyauté", "OPT-NC", "Nouméa", "Lifou", "Koné", "Lyon"]
)
some_text = st.one_of(st.none(), text, real_words)
texts = st.lists(text, max_size=2)
finite = st.floats(allow_nan=False, allow_infinity=False)
dates = st.one_of(st.none(), st.dates())


@st.composite
def notices(draw: st.DrawFn) -> Notice:
    """A valid Notice: anything the model accepts (surrogates and non-finite floats aside)."""
    posted, deadline = draw(dates), draw(dates)
    # Half the notices have what the job boards require, so those writers are exercised too.
    complete = draw(st.booleans())
    if complete:
        posted = posted or draw(st.dates())
    if posted and deadline and deadline < posted:
        posted, deadline = deadline, posted

    def required() -> str | None:
        value = draw(some_text)
        return draw(real_words) + (value or "") if complete else value

    data: dict[str, Any] = {
        "reference": Reference(raw=draw(maybe_text), id=required(), date=draw(dates)),
        "title": required(),
        "employer": required(),
        "corps": draw(maybe_text),
        "direction": draw(maybe_text),
        "service": draw(maybe_text),
        "location": draw(some_text),
        "job": draw(maybe_text),
        "residence_requirement": draw(maybe_text),
        "start": Start(
            raw=draw(maybe_text), immediate=draw(st.none() | st.booleans()), date=draw(dates)
        ),
        "posted_on": posted,
        "deadline": deadline,
        "positions": draw(st.none() | st.integers(min_value=0, max_value=10**12)),
        "description": required(),
        "organisation": Organisation(unit=draw(maybe_text), staff_direct=draw(maybe_text)),
        "contact": Contact(
            email=draw(st.one_of(maybe_text, st.just("drh@opt.nc"))),
            phone=draw(maybe_text),
            how_to_apply=draw(maybe_text),
        ),
        "extra": draw(st.dictionaries(text, text, max_size=2)),
        "source": SourceInfo(
            file=draw(maybe_text),
            sha256=draw(maybe_text),
            format=draw(st.sampled_from([None, "pdf", "docx", "image", "text"])),
            pages=draw(st.integers(min_value=0, max_value=500)),
            size=draw(st.none() | st.integers(min_value=0)),
        ),
        "warnings": draw(
            st.lists(
                st.builds(NoticeWarning, code=text, field=maybe_text, message=text), max_size=2
            )
        ),
        "provenance": draw(
            st.dictionaries(
                text,
                st.builds(
                    Provenance,
                    page=st.none() | st.integers(min_value=1),
                    bbox=st.none() | st.tuples(finite, finite, finite, finite),
                    origin=st.sampled_from(["text_layer", "ocr", "docx", "text", "setting"]),
                    confidence=st.floats(min_value=0.0, max_value=1.0),
                    rule=text,
                    text=maybe_text,
                ),
                max_size=2,
            )
        ),
    }
    for field in (
        "missions",
        "activities",
        "secondary_activities",
        "knowledge",
        "know_how",
        "behaviours",
        "conditions",
    ):
        data[field] = draw(texts)
    data["place"] = Place(
        address=draw(maybe_text),
        localities=draw(
            st.lists(
                st.builds(Locality, name=text, region=maybe_text, postal_code=maybe_text),
                max_size=3,
            )
        ),
        region=draw(maybe_text),
        country=draw(st.sampled_from([None, "NC", "FR", "PF", "US"])),
        time_zone=draw(st.sampled_from([None, "Pacific/Noumea", "Europe/Paris", "Not/AZone"])),
    )
    flags = st.none() | st.booleans()
    data["employment"] = Employment(
        full_time=draw(flags), part_time=draw(flags), temporary=draw(flags)
    )
    data["diplomas"] = draw(texts)
    return Notice(**data)


def _options(today: dt.date) -> WriterOptions:
    """Writers' own validation off: the tests check the schemas independently."""
    return WriterOptions(today=today, validate=False, base_url="https://x.example/avp")


def _valid(kind: str, data: bytes) -> None:
    assert schema_errors(kind, data) == []
    assert validate_output(data, kind) == []


@SETTINGS
@given(notices())
def test_json_valid_and_round_trips(notice: Notice) -> None:
    data = get_writer("json").render([notice], options=_options(dt.date(2025, 2, 1)))
    _valid("json", data)
    back = Notice.model_validate_json(data)
    assert back == notice
    assert get_writer("json").render([back], options=_options(dt.date(2025, 2, 1))) == data


@SETTINGS
@given(notices())
def test_xml_valid_and_round_trips(notice: Notice) -> None:
    writer = get_writer("xml")
    data = writer.render([notice], options=_options(dt.date(2025, 2, 1)))
    _valid("xml", data)
    back = from_xml(data)
    assert back == notice
    assert writer.render([back], options=_options(dt.date(2025, 2, 1))) == data


@SETTINGS
@given(notices(), st.dates())
def test_hropen_always_valid(notice: Notice, today: dt.date) -> None:
    data = get_writer("hropen").render([notice], options=_options(today))
    _valid("hropen", data)
    expired = notice.deadline is not None and notice.deadline < today
    assert json.loads(data)["statusCode"] == ("Closed" if expired else "Active")


@SETTINGS
@given(notices())
def test_dublin_core_always_valid(notice: Notice) -> None:
    _valid("dc", get_writer("dc").render([notice], options=_options(dt.date(2025, 2, 1))))


@SETTINGS
@given(notices(), st.sampled_from([None, "NC", "FR"]))
def test_jsonld_valid_or_refused_naming_fields(notice: Notice, country: str | None) -> None:
    notice = enrich(notice.model_copy(update={"place": Place()}), EnrichOptions(country=country))
    options = WriterOptions(today=dt.date(2025, 2, 1), validate=False)
    obvious_gap = (
        present(notice.title) is None
        or notice.posted_on is None
        or (present(notice.employer) is None)
        or notice.place.country is None
    )
    try:
        data = get_writer("jsonld").render([notice], options=options)
    except OutputValidationError as exc:
        assert "it lacks" in exc.message and "(→ " in exc.message
        return
    assert not obvious_gap
    _valid("jsonld", data)
    assert b"</" not in data


@SETTINGS
@given(st.lists(notices(), min_size=1, max_size=2), st.booleans(), st.dates())
def test_feed_valid_or_refused_when_empty(
    batch: list[Notice], include_expired: bool, today: dt.date
) -> None:
    options = WriterOptions(today=today, include_expired=include_expired, validate=False)
    eligible = [
        n
        for n in batch
        if present(n.title)
        and n.posted_on
        and present(n.reference.id)
        and (include_expired or n.deadline is None or n.deadline >= today)
    ]
    try:
        data = get_writer("feed").render(batch, options=options)
    except OutputValidationError as exc:
        assert not eligible and "no job" in exc.message
        return
    _valid("feed", data)
    from lxml import etree

    jobs = etree.fromstring(data).findall("job")
    assert len(jobs) == len(eligible)
    for job, notice in zip(jobs, eligible, strict=True):
        assert job.findtext("referencenumber") == present(notice.reference.id)


@SETTINGS
@given(st.lists(notices(), max_size=2), st.booleans())
def test_csv_parses_back_to_one_row_per_notice(batch: list[Notice], bom: bool) -> None:
    options = WriterOptions(bom=bom, csv_guard_formulas=False, validate=False)
    data = get_writer("csv").render(batch, options=options)
    assert data.startswith(b"\xef\xbb\xbf") == bom
    assert validate_output(data, "csv") == []
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == HEADER and len(rows) == len(batch) + 1
    for row, notice in zip(rows[1:], batch, strict=True):
        cells = dict(zip(HEADER, row, strict=True))
        assert cells["title"] == (notice.title or "")
        assert cells["reference.id"] == (notice.reference.id or "")
        assert cells["deadline"] == (notice.deadline.isoformat() if notice.deadline else "")


@SETTINGS
@given(notices())
def test_enrich_never_guesses_a_country_and_is_idempotent(notice: Notice) -> None:
    """Without --country, a country only comes from a printed place, with its provenance;
    a second run changes nothing."""
    bare = notice.model_copy(update={"place": Place(), "employment": Employment()})
    once = enrich(bare)
    if once.place.country is not None:
        assert once.provenance["place.country"].rule.startswith("enrich:place:")
        assert once.provenance["place.country"].origin != "setting"
    else:
        assert any(w.code == "place_unknown" for w in once.warnings)
    assert enrich(once) == once
