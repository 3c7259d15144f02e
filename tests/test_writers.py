"""Writers on realistic notices: schema-valid output, exact round trips, the mapping choices."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from dataclasses import replace

import pytest
from lxml import etree

from avis.enrich import EnrichOptions, enrich
from avis.errors import (
    AvisError,
    CorruptInputError,
    OutputValidationError,
    UnsafeInputError,
    UsageError,
)
from avis.model import Employment, Notice, NoticeWarning, Place, Provenance, Reference
from avis.validate import detect_kind, validate_output
from avis.writers import WRITERS, WriterOptions, get_writer, render, writer_names
from avis.writers.csv_table import HEADER
from avis.writers.feed import excluded
from avis.writers.native_json import from_json
from avis.writers.native_xml import from_xml
from notice_samples import all_samples, empty, opt, seed, sparse
from writer_checks import schema_errors

TODAY = dt.date(2025, 2, 1)
OPTS = WriterOptions(
    today=TODAY,
    generated_at=dt.datetime(2025, 2, 1, 8, 0, tzinfo=dt.UTC),
    base_url="https://emplois.example.nc/avp/",
    publisher_url="https://emplois.example.nc/",
)
SINGLE = [w.name for w in WRITERS if not w.many]
#: Writers that accept every notice, however sparse.
TOTAL = ("json", "hropen", "xml", "dc", "csv")


def out(name: str, *notices: Notice, options: WriterOptions = OPTS) -> bytes:
    return get_writer(name).render(list(notices), options=options)


# ---- registry ------------------------------------------------------------------------------


def test_registry_names_and_metadata() -> None:
    assert writer_names() == ["json", "jsonld", "hropen", "xml", "feed", "csv", "dc"]
    for cls in WRITERS:
        writer = get_writer(cls.name)
        assert writer.extension.startswith(".")
        assert "/" in writer.media_type
        assert isinstance(writer.many, bool)
    assert [w.name for w in WRITERS if w.many] == ["feed", "csv"]


def test_unknown_writer_lists_known_names() -> None:
    with pytest.raises(UsageError) as info:
        get_writer("pdf")
    for name in writer_names():
        assert name in str(info.value)


@pytest.mark.parametrize("name", SINGLE)
def test_single_writers_refuse_several_notices(name: str) -> None:
    with pytest.raises(UsageError, match="one notice per file"):
        out(name, seed(), opt())


@pytest.mark.parametrize("cls", WRITERS, ids=lambda c: c.name)
def test_every_format_recognises_and_checks_its_own_output(cls: type) -> None:
    """What the registry asks of a format module: sniff, validate and schema, all from it."""
    from avis.validate import schema_text

    data = out(cls.name, seed(), options=replace(OPTS, include_expired=True))
    assert detect_kind(data) == cls.name
    assert cls.validate(data) == [] and validate_output(data) == []
    assert [s.kind for s in cls.schemas] == [cls.name] * len(cls.schemas)
    if cls.schemas:
        assert schema_text(cls.name) == schema_text(cls.schemas[0].name)


def test_render_shortcut() -> None:
    assert render("json", [seed()]) == out("json", seed())


# ---- every sample through every writer -------------------------------------------------------


@pytest.mark.parametrize("sample", ["seed", "opt", "sparse", "empty"])
@pytest.mark.parametrize("name", TOTAL)
def test_total_writers_give_valid_output(name: str, sample: str) -> None:
    data = out(name, all_samples()[sample])
    assert schema_errors(name, data) == []
    assert validate_output(data, name) == []
    assert validate_output(data) == []  # kind detected from the content
    assert detect_kind(data) == name


@pytest.mark.parametrize("sample", ["seed", "opt"])
@pytest.mark.parametrize("name", ["jsonld", "feed"])
def test_job_board_writers_valid_on_complete_notices(name: str, sample: str) -> None:
    data = out(name, all_samples()[sample])
    assert schema_errors(name, data) == []
    assert validate_output(data) == []
    assert detect_kind(data) == name


@pytest.mark.parametrize("sample", ["seed", "opt", "sparse", "empty"])
def test_json_round_trips_exactly(sample: str) -> None:
    notice = all_samples()[sample]
    data = out("json", notice)
    back = from_json(data)
    assert back == notice
    assert out("json", back) == data


@pytest.mark.parametrize("sample", ["seed", "opt", "sparse", "empty"])
def test_xml_round_trips_exactly(sample: str) -> None:
    notice = all_samples()[sample]
    data = out("xml", notice)
    back = from_xml(data)
    assert back == notice
    assert out("xml", back) == data


def test_xml_keeps_empty_string_apart_from_none() -> None:
    notice = Notice(title="", employer=None, missions=["", " "], extra={"": ""})
    back = from_xml(out("xml", notice))
    assert back.title == "" and back.employer is None
    assert back.missions == ["", " "] and back.extra == {"": ""}


def test_xml_escapes_characters_xml_cannot_carry_losslessly() -> None:
    notice = Notice(
        title="nul\x00 bell\x07 vt\x0b ff\x0c \\u0041 back\\slash",
        description="cr\r lf\n crlf\r\n tab\t ]]> & < > \ufffe\uffff 😀 \u202eRTL\u202c",
        reference=Reference(id="\ud800 lone surrogate"),
        extra={"k\x01": "v\x02"},
        warnings=[NoticeWarning(code="c\x1f", message="m")],
        provenance={"p\x03": Provenance(text="\x04", bbox=(1e-05, -0.0, 1e300, 3.5))},
    )
    data = get_writer("xml").render([notice], options=OPTS)
    assert b'escaped="true"' in data
    assert b"\\u0000" in data and b"\\\\u0041" in data
    assert schema_errors("xml", data) == []
    back = from_xml(data)
    assert back == notice
    assert out("xml", back) == data
    # text without such characters is written verbatim, not escaped
    plain = out("xml", Notice(title="a \\u0041 b"))
    assert b"<title>a \\u0041 b</title>" in plain


def test_json_refuses_lone_surrogates_with_an_avis_error() -> None:
    with pytest.raises(OutputValidationError, match="cannot encode"):
        out("json", Notice(title="\udc80"))


def test_other_writers_survive_lone_surrogates_and_controls() -> None:
    dirty = "\ud800\x00"
    notice = seed().model_copy(
        update={
            "title": "Directeur" + dirty,
            "employer": "Province des îles Loyauté" + dirty,
            "location": "Lifou" + dirty,
            "missions": ["Piloter" + dirty, dirty],
            "reference": Reference(id="3134-25-0176/SR" + dirty),
            "contact": seed().contact.model_copy(update={"email": "a@b.nc" + dirty}),
        }
    )
    for name in ("jsonld", "hropen", "feed", "dc", "csv"):
        data = out(name, notice)
        assert validate_output(data, name) == [], name
        assert b"\xed\xa0\x80" not in data  # no CESU-8 / invalid UTF-8
    doc = json.loads(out("jsonld", notice))
    assert doc["title"] == "Directeur"
    assert "<li>Piloter</li>" in doc["description"]
    assert "<li></li>" not in doc["description"]  # the mission left blank is dropped
    assert from_xml(out("xml", notice)) == notice


# ---- JSON-LD ---------------------------------------------------------------------------------


def reenrich(notice: Notice, _country: str | None = None, **update: object) -> Notice:
    """A sample changed as a corrected source would be, then enriched afresh (``_country``:
    the --country setting)."""
    bare = notice.model_copy(
        update={
            "place": Place(),
            "employment": Employment(),
            "diplomas": [],
            "provenance": {},
            **update,
        }
    )
    return enrich(bare, EnrichOptions(country=_country))


def test_jsonld_seed_mapping() -> None:
    doc = json.loads(out("jsonld", seed()))
    assert doc["@type"] == "JobPosting" and doc["title"] == "Directeur"
    assert doc["datePosted"] == "2025-01-24"
    assert doc["validThrough"] == "2025-02-14T23:59:59+11:00"
    assert doc["hiringOrganization"] == {
        "@type": "Organization",
        "name": "Province des îles Loyauté",
    }
    assert doc["jobLocation"]["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Lifou",
        "addressRegion": "Province des îles Loyauté",
        "addressCountry": "NC",
    }
    assert doc["identifier"] == {
        "@type": "PropertyValue",
        "name": "Province des îles Loyauté",
        "value": "3134-25-0176/SR",
    }
    assert "employmentType" not in doc  # the notice prints none: not assumed
    assert doc["directApply"] is False
    assert doc["jobImmediateStart"] is True
    assert doc["url"] == "https://emplois.example.nc/avp/3134-25-0176-SR/"
    assert "applicantLocationRequirements" not in doc
    html = doc["description"]
    # The header facts come first, as a list; sections are paragraphs, never headings.
    assert html.startswith("<ul><li>Référence : 3134-25-0176/SR</li>")
    assert "<li>Lieu de travail : Lifou</li>" in html
    assert "<li>Date limite de candidature : 14 février 2025</li>" in html
    assert "<p>Garant de l’alignement" in html
    assert "<p>Missions</p><ul><li>La gestion et la surveillance" in html
    assert set(re.findall(r"</?([a-z0-9]+)", html)) == {"p", "ul", "li"}
    assert doc["responsibilities"].splitlines()[0].startswith("La gestion et la surveillance")
    assert doc["skills"].count("\n") == 4 and doc["qualifications"].count("\n") == 2


def test_jsonld_opt_mapping() -> None:
    doc = json.loads(out("jsonld", opt(), options=replace(OPTS, logo="https://x.example/l.png")))
    address = doc["jobLocation"]["address"]
    assert address["addressLocality"] == "Nouméa"
    assert address["streetAddress"] == "9 rue du général Gallieni - Nouméa"
    assert address["addressCountry"] == "NC"
    assert doc["hiringOrganization"] == {
        "@type": "Organization",
        "name": "Office des postes et télécommunications",
        "logo": "https://x.example/l.png",
    }
    # A residence rule is an eligibility requirement, not a remote-work area.
    assert "applicantLocationRequirements" not in doc
    assert "au moins égale à 5 ans" in doc["eligibilityToWorkRequirement"]
    assert doc["educationRequirements"] == "Diplôme exigé : BTS ou licence commerce"
    assert doc["totalJobOpenings"] == 1
    assert "jobImmediateStart" not in doc


def test_postal_code_when_printed_and_no_road_as_city() -> None:
    lyon = {"employer": "Ville de Lyon", "_country": "FR"}
    printed = reenrich(seed(), location="12 rue de la République, 69002 Lyon", **lyon)
    address = json.loads(out("jsonld", printed))["jobLocation"]["address"]
    assert address == {
        "@type": "PostalAddress",
        "streetAddress": "12 rue de la République, 69002 Lyon",
        "addressLocality": "Lyon",
        "postalCode": "69002",
        "addressCountry": "FR",
    }
    road = reenrich(seed(), location="12 rue de la République", **lyon)
    address = json.loads(out("jsonld", road))["jobLocation"]["address"]
    assert "addressLocality" not in address and "postalCode" not in address
    assert address["streetAddress"] == "12 rue de la République"
    assert any(w.code == "locality_unknown" for w in road.warnings)


def test_several_communes_give_several_locations() -> None:
    notice = reenrich(opt(), location="Agences de Voh, Koné et Pouembout")
    doc = json.loads(out("jsonld", notice))
    assert [p["address"]["addressLocality"] for p in doc["jobLocation"]] == [
        "Voh",
        "Koné",
        "Pouembout",
    ]
    assert {p["address"]["addressRegion"] for p in doc["jobLocation"]} == {"Province Nord"}
    profile = json.loads(out("hropen", notice))["positionProfiles"][0]
    assert [loc["city"] for loc in profile["positionLocation"]] == ["Voh", "Koné", "Pouembout"]
    job = etree.fromstring(out("feed", notice)).find("job")
    assert job is not None and job.findtext("city") == "Voh"
    assert job.findtext("streetaddress") == "Agences de Voh, Koné et Pouembout"


def test_jsonld_escapes_html_and_script_end() -> None:
    notice = seed().model_copy(
        update={"missions": ["<script>alert(1)</script> & co"], "description": "a\nb\n\nc"}
    )
    raw = out("jsonld", notice)
    assert b"</" not in raw  # cannot end a <script type="application/ld+json"> block
    doc = json.loads(raw)
    assert "<li>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</li>" in doc["description"]
    assert "</ul><p>a</p><p>b</p><p>c</p><p>Missions</p>" in doc["description"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Poste à temps partiel (50 %)", ["PART_TIME"]),
        ("CDD de 6 mois", ["TEMPORARY"]),
        ("contrat à durée déterminée, mi-temps", ["PART_TIME", "TEMPORARY"]),
        ("temps plein ou temps partiel", ["FULL_TIME", "PART_TIME"]),
        ("poste à temps complet", ["FULL_TIME"]),
    ],
)
def test_jsonld_employment_type_as_printed(text: str, expected: list[str]) -> None:
    notice = reenrich(seed(), conditions=[text])
    doc = json.loads(out("jsonld", notice))
    kinds = doc["employmentType"]
    assert (kinds if isinstance(kinds, list) else [kinds]) == expected
    profile = json.loads(out("hropen", notice))["positionProfiles"][0]
    schedules = {"FULL_TIME": "FullTime", "PART_TIME": "PartTime"}
    assert profile.get("positionScheduleTypeCodes", []) == [
        schedules[k] for k in expected if k in schedules
    ]


def test_jsonld_refuses_a_notice_missing_required_fields() -> None:
    with pytest.raises(OutputValidationError) as info:
        out("jsonld", sparse())
    message = str(info.value)
    for field in ("posted_on", "employer", "description", "3134-24-0001/SR", "--country"):
        assert field in message
    assert "title (" not in message  # the sparse notice has a title


def test_jsonld_needs_a_country_setting_for_an_unknown_place() -> None:
    lyon = {"employer": "Mairie de Lyon", "location": "Lyon"}
    unknown = reenrich(seed(), **lyon)
    assert unknown.place.country is None and unknown.place.time_zone is None
    assert any(w.code == "place_unknown" and "--country" in w.message for w in unknown.warnings)
    with pytest.raises(OutputValidationError, match=r"--country"):
        out("jsonld", unknown)
    doc = json.loads(out("jsonld", reenrich(seed(), **lyon, _country="FR")))
    assert doc["jobLocation"]["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Lyon",
        "addressCountry": "FR",
    }
    assert doc["validThrough"] == "2025-02-14T23:59:59+01:00"  # Europe/Paris, winter time
    summer = reenrich(seed(), **lyon, _country="FR", deadline=dt.date(2025, 7, 14))
    assert json.loads(out("jsonld", summer))["validThrough"] == "2025-07-14T23:59:59+02:00"


def test_a_printed_place_wins_over_the_setting_with_a_warning() -> None:
    notice = reenrich(seed(), _country="FR")  # Lifou, Province des îles Loyauté
    assert notice.place.country == "NC"
    assert notice.provenance["place.country"].rule == "enrich:place:commune"
    assert any(w.code == "country_conflict" for w in notice.warnings)


def test_nc_in_an_employer_name_places_nothing() -> None:
    """The old guess: 'NC' or 'OPT' in an employer's name made a Paris notice New Caledonian."""
    notice = reenrich(seed(), employer="NC Conseil — OPT Paris", location="Paris")
    assert notice.place.country is None
    assert notice.place.localities[0].name == "Paris"


# ---- HR Open ---------------------------------------------------------------------------------


def test_hropen_mapping_and_status() -> None:
    doc = json.loads(out("hropen", opt()))
    assert doc["statusCode"] == "Active"
    assert doc["documentId"]["value"] == "3134-26-0420/SR"
    profile = doc["positionProfiles"][0]
    assert profile["positionTitle"].startswith("DT - Chargé d'affaires")
    assert profile["positionLocation"][0]["countryCode"] == "NC"
    assert "positionScheduleTypeCodes" not in profile  # not printed: not assumed
    instruction = profile["postingInstructions"][0]
    assert instruction["start"] == "2026-03-27" and instruction["end"] == "2026-04-17"
    method = instruction["applicationMethods"][0]
    assert method["applicationEmail"] == {"address": "drh-candidature@opt.nc"}
    assert method["applicationCloseDate"]["end"] == "2026-04-17T23:59:59+11:00"
    titles = [d["title"] for d in profile["positionFormattedDescriptions"]]
    assert titles[:4] == ["Le poste", "Missions", "Activités principales", "Activités secondaires"]
    codes = {
        c["competencyClassificationCode"]
        for c in profile["positionQualifications"][0]["positionCompetencies"]
    }
    assert codes == {"Savoir", "SavoirFaire", "SavoirEtre"}


def test_hropen_status_follows_the_deadline_in_nc_time() -> None:
    def status(today: dt.date) -> str:
        data = out("hropen", seed(), options=WriterOptions(today=today))
        return str(json.loads(data)["statusCode"])

    assert status(dt.date(2025, 2, 14)) == "Active"  # the deadline day itself
    assert status(dt.date(2025, 2, 15)) == "Closed"
    assert json.loads(out("hropen", sparse()))["statusCode"] == "Active"  # no deadline


def test_hropen_date_formats_are_checked() -> None:
    doc = json.loads(out("hropen", seed()))
    doc["positionProfiles"][0]["postingInstructions"][0]["applicationMethods"] = [
        {"applicationCloseDate": {"end": "14 février 2025"}}
    ]
    doc["statusCode"] = "Open"
    problems = validate_output(json.dumps(doc).encode(), "hropen")
    assert any("applicationCloseDate.end" in p for p in problems)
    assert any("statusCode" in p for p in problems)


# ---- feed ------------------------------------------------------------------------------------


def test_feed_keeps_current_jobs_and_says_what_it_left_out() -> None:
    expired = seed().model_copy(
        update={"reference": Reference(id="3134-24-0099/SR"), "deadline": dt.date(2025, 1, 31)}
    )
    notices = [seed(), opt(), expired, sparse()]
    data = out("feed", *notices)
    assert schema_errors("feed", data) == []
    root = etree.fromstring(data)
    refs = [j.findtext("referencenumber") for j in root.iter("job")]
    assert refs == ["3134-25-0176/SR", "3134-26-0420/SR"]
    comments = [c.text for c in root.iter(etree.Comment)]
    assert any("3134-24-0099/SR" in c and "expired" in c for c in comments)
    assert any("3134-24-0001/SR" in c and "posted_on" in c for c in comments)
    assert [n.reference.id for n, _ in excluded(notices, OPTS)] == [
        "3134-24-0099/SR",
        "3134-24-0001/SR",
    ]
    with_expired = WriterOptions(today=TODAY, include_expired=True)
    assert len(etree.fromstring(out("feed", *notices, options=with_expired)).findall("job")) == 3


def test_feed_job_fields() -> None:
    data = out("feed", seed())
    assert b"<![CDATA[Directeur]]>" in data
    job = etree.fromstring(data).find("job")
    assert job is not None
    assert job.findtext("date") == "2025-01-24T00:00:00+11:00"
    assert job.findtext("expirationdate") == "2025-02-14"
    assert job.findtext("city") == "Lifou" and job.findtext("country") == "NC"
    assert job.findtext("jobtype") is None  # the notice prints no employment type
    assert job.findtext("url") == "https://emplois.example.nc/avp/3134-25-0176-SR/"
    description = job.findtext("description") or ""
    assert description.startswith("<ul><li>Référence") and "<p>Garant" in description
    assert "<h3>" not in description


def test_feed_cdata_survives_its_terminator() -> None:
    notice = seed().model_copy(update={"title": "A ]]> B ]]]]> C", "description": "x]]>y"})
    data = out("feed", notice)
    assert schema_errors("feed", data) == []
    job = etree.fromstring(data).find("job")
    assert job is not None and job.findtext("title") == "A ]]> B ]]]]> C"
    assert "x]]&gt;y" in (job.findtext("description") or "")


def test_feed_with_no_job_is_refused() -> None:
    with pytest.raises(OutputValidationError, match="no job"):
        out("feed", sparse())
    with pytest.raises(OutputValidationError, match="no job"):
        out("feed", seed(), options=WriterOptions(today=dt.date(2030, 1, 1)))
    with pytest.raises(OutputValidationError, match="no notices"):
        out("feed")


# ---- CSV -------------------------------------------------------------------------------------


def _rows(data: bytes) -> list[list[str]]:
    text = data.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline="")))


def test_csv_one_row_per_notice_with_stable_columns() -> None:
    data = out("csv", seed(), opt(), sparse(), empty())
    rows = _rows(data)
    assert tuple(rows[0]) == HEADER
    assert HEADER[:4] == ("reference.id", "reference.date", "reference.raw", "title")
    assert len(rows) == 5 and all(len(r) == len(HEADER) for r in rows)
    seed_row = dict(zip(HEADER, rows[1], strict=True))
    assert seed_row["deadline"] == "2025-02-14" and seed_row["start.immediate"] == "true"
    assert seed_row["missions"].split("\n")[1].startswith("La définition des procédures")
    opt_row = dict(zip(HEADER, rows[2], strict=True))
    assert opt_row["extra"] == "Nb d'agents encadrés: Directs : / - Indirects : /"
    assert opt_row["warnings"].startswith("dates_swapped [deadline]: ")
    assert not data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data


def test_csv_bom_and_formula_guard() -> None:
    notice = seed().model_copy(update={"title": '=HYPERLINK("http://x")', "corps": "-1"})
    guarded = out("csv", notice, options=WriterOptions(bom=True))
    assert guarded.startswith(b"\xef\xbb\xbf")
    row = dict(zip(HEADER, _rows(guarded)[1], strict=True))
    assert row["title"] == '\'=HYPERLINK("http://x")' and row["corps"] == "'-1"
    raw = out("csv", notice, options=WriterOptions(csv_guard_formulas=False))
    assert dict(zip(HEADER, _rows(raw)[1], strict=True))["title"] == notice.title
    assert validate_output(guarded) == []


def test_csv_problems_are_reported() -> None:
    assert validate_output(b"reference.id,title\r\nx\r\n", "csv")


# ---- Dublin Core ------------------------------------------------------------------------------


def test_dublin_core_record() -> None:
    root = etree.fromstring(out("dc", seed()))
    dc = "{http://purl.org/dc/elements/1.1/}"
    dcterms = "{http://purl.org/dc/terms/}"
    assert root.findtext(dc + "identifier") == "3134-25-0176/SR"
    assert root.findtext(dc + "title") == "Directeur"
    assert root.findtext(dc + "creator") == "Province des îles Loyauté"
    assert root.findtext(dc + "date") == "2025-01-24"
    assert root.findtext(dc + "language") == "fr"
    source = root.findtext(dc + "source") or ""
    assert source.startswith("3134-25-0176_SR.pdf (sha256 5f2b8c0d")
    assert root.findtext(dcterms + "valid") == "start=2025-01-24; end=2025-02-14; scheme=W3C-DTF"
    assert root.findtext(dc + "format") == "application/pdf"


# ---- validation entry points --------------------------------------------------------------------


def test_validate_reports_problems_with_places() -> None:
    data = out("xml", seed()).replace(b"<deadline>2025-02-14", b"<deadline>2025-02-30")
    problems = validate_output(data)
    assert problems and problems[0].startswith("line ")
    doc = json.loads(out("jsonld", seed()))
    del doc["datePosted"]
    assert validate_output(json.dumps(doc).encode()) == ["$: 'datePosted' is a required property"]
    assert validate_output(b"not an output")
    with pytest.raises(UsageError):
        validate_output(b"{}", "pdf")


def test_native_json_validation_uses_the_model() -> None:
    bad = out("json", seed()).replace(b'"positions": null', b'"positions": -1')
    assert any("positions" in p for p in validate_output(bad))


# ---- safe XML reading ---------------------------------------------------------------------------


def test_from_xml_refuses_entities_and_doctype() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE n [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
        b'<notice xmlns="urn:avis:notice:1"><title>&b;</title></notice>'
    )
    with pytest.raises(UnsafeInputError):
        from_xml(bomb)
    external = (
        b'<?xml version="1.0"?><!DOCTYPE n SYSTEM "http://example.invalid/x.dtd">'
        b'<notice xmlns="urn:avis:notice:1"/>'
    )
    with pytest.raises(UnsafeInputError):
        from_xml(external)
    assert validate_output(bomb)  # reported, not raised


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"<notice",
        b'<other xmlns="urn:avis:notice:1"/>',
        b'<notice xmlns="urn:avis:notice:1"><title escaped="true">a\\qb</title></notice>',
        b'<notice xmlns="urn:avis:notice:1"><positions>-2</positions></notice>',
        b'<notice xmlns="urn:x"><title>a</title></notice>',
    ],
)
def test_from_xml_raises_avis_errors_only(data: bytes) -> None:
    with pytest.raises(AvisError):
        from_xml(data)


def test_from_xml_lone_backslash_in_escaped_text() -> None:
    with pytest.raises(CorruptInputError, match="backslash"):
        from_xml(b'<notice xmlns="urn:avis:notice:1"><title escaped="true">a\\</title></notice>')
