"""Hostile and broken input (issue #6): every file parses or fails with a typed AvisError whose
message says what to do; no other exception, no hang, no runaway memory; limits and their flags.

The fixtures are built in memory by ``hostile.py``. Light ones run in this process; heavy ones
(big in memory) run in a child process under an address-space limit, which also bounds a hang.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import hostile as h
from avis.errors import AvisError, InternalError
from avis.model import Notice
from avis.pipeline import parse_bytes
from avis.readers import CHARS_PER_PAGE, ReadOptions, read_bytes
from avis.validate import validate_output

ROOT = Path(__file__).resolve().parent.parent
HAS_TESSERACT = shutil.which("tesseract") is not None
LIGHT = [f for f in h.FIXTURES if not f.heavy]
HEAVY = [f for f in h.FIXTURES if f.heavy]
SECONDS = 30.0
"""No light fixture may take longer (the slowest, 512 kB on one line, takes ~4 s alone)."""
HEAVY_MEMORY_MB = 700
HEAVY_ADDRESS_SPACE = 2 * 1024**3

# A message "names an action" when it holds one of these imperative verbs.
ACTION = re.compile(
    r"\b(check|ask|get|re-save|save|pass|raise|unzip|convert|print|install|turn|remove|split|"
    r"download|lower|report|scan|export)\b",
    re.I,
)
IMAGE_MESSAGES_UNDER_WORK: set[str] = set()
"""Fixtures whose message may still name no action (none left)."""


def _parse(fixture: h.Fixture) -> tuple[str, Notice | AvisError]:
    try:
        notice = parse_bytes(fixture.data(), fixture.filename, fixture.options())  # type: ignore[arg-type]
    except AvisError as exc:
        return exc.code, exc
    return "ok", notice


def _check_notice(fixture: h.Fixture, notice: Notice) -> None:
    data = notice.model_dump_json().encode("utf-8")
    assert validate_output(data, "json") == []
    text = data.decode("utf-8")
    for word in fixture.survive:
        assert word in text, f"{word!r} lost reading {fixture.name}"


def _check_message(fixture: h.Fixture, exc: AvisError) -> None:
    assert exc.message.strip(), fixture.name
    if ACTION.search(exc.message) is None:
        if fixture.name in IMAGE_MESSAGES_UNDER_WORK:
            pytest.xfail(f"image reader message names no action: {exc.message}")
        pytest.fail(f"{fixture.name}: the message names no action: {exc.message}")


@pytest.mark.parametrize("fixture", LIGHT, ids=[f.name for f in LIGHT])
def test_fixture_parses_or_fails_with_its_code(fixture: h.Fixture) -> None:
    if fixture.ocr and not HAS_TESSERACT:
        pytest.skip("needs tesseract")
    start = time.monotonic()
    code, result = _parse(fixture)
    elapsed = time.monotonic() - start
    detail = result.message if isinstance(result, AvisError) else ""
    assert code == fixture.expect, f"{fixture.name}: {code} ({detail})"
    assert elapsed < SECONDS, f"{fixture.name} took {elapsed:.1f} s"
    if isinstance(result, Notice):
        _check_notice(fixture, result)
    else:
        _check_message(fixture, result)


_CHILD = r"""
import json, resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, (int(sys.argv[2]), int(sys.argv[2])))
sys.path[:0] = [sys.argv[3]]
import hostile
from avis.errors import AvisError
from avis.pipeline import parse_bytes
fixture = hostile.BY_NAME[sys.argv[1]]
data = open(sys.argv[4], "rb").read()
start = time.monotonic()
try:
    notice = parse_bytes(data, fixture.filename, fixture.options())
    code, message, text = "ok", "", notice.model_dump_json()
except AvisError as exc:
    code, message, text = exc.code, exc.message, ""
print(json.dumps({"code": code, "message": message, "text": text,
                  "seconds": time.monotonic() - start,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


@pytest.mark.parametrize("fixture", HEAVY, ids=[f.name for f in HEAVY])
def test_heavy_fixture_in_bounded_memory(fixture: h.Fixture, tmp_path: Path) -> None:
    """In a child process limited to 2 GB of address space (a runaway allocation fails there,
    not on the machine) and 120 s; the peak resident memory must stay under 700 MB."""
    if fixture.ocr and not HAS_TESSERACT:
        pytest.skip("needs tesseract")
    path = tmp_path / "input"
    path.write_bytes(fixture.data())
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            _CHILD,
            fixture.name,
            str(HEAVY_ADDRESS_SPACE),
            str(Path(__file__).parent),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = json.loads(proc.stdout.splitlines()[-1])
    assert out["code"] == fixture.expect, f"{fixture.name}: {out['code']} ({out['message']})"
    assert out["rss_mb"] < HEAVY_MEMORY_MB, f"{fixture.name}: {out['rss_mb']:.0f} MB"
    if out["code"] == "ok":
        for word in fixture.survive:
            assert word in out["text"]
    elif ACTION.search(out["message"]) is None and fixture.name not in IMAGE_MESSAGES_UNDER_WORK:
        pytest.fail(f"{fixture.name}: the message names no action: {out['message']}")


# ---------------------------------------------------------------------------------------------
# Names never matter; good encodings read right


@pytest.mark.parametrize("builder", [h.notice_pdf, h.notice_docx, h.text_cp1252, h.notice_html])
def test_the_file_name_does_not_change_the_notice(builder: Any) -> None:
    data = builder()
    notices = [
        parse_bytes(data, name).model_dump(exclude={"source": {"file"}})
        for name in ("avis.pdf", "avis.docx", "avis.txt", "avis.png", "sans-extension", None)
    ]
    assert all(n == notices[0] for n in notices)


@pytest.mark.parametrize(
    "builder",
    [
        h.text_cp1252,
        h.text_utf8_bom,
        h.text_utf16_bom,
        h.text_utf16_be_bom,
        h.text_utf16_le_no_bom,
        h.text_utf16_be_no_bom,
    ],
)
def test_good_encodings_give_the_exact_text(builder: Any) -> None:
    doc = read_bytes(builder())
    expected = [line.removeprefix("- ") for line in h.NOTICE_LINES]
    assert [line.text for line in doc.lines()] == expected


def test_latin1_reads_its_accents() -> None:
    text = read_bytes(h.text_latin1()).text
    assert "Province des îles Loyauté" in text and "février" in text


def test_a_few_stray_windows_1252_bytes_in_utf8_keep_both() -> None:
    data = h.NOTICE_TEXT.encode() + "Contact : Mme Hélène Wéa\n".encode("cp1252")
    text = read_bytes(data).text
    assert "Loyauté" in text and "Hélène Wéa" in text


def test_nul_bytes_inside_text_are_dropped() -> None:
    assert "Loyauté" in read_bytes(h.text_nul_inside()).text


# ---------------------------------------------------------------------------------------------
# Limits: defaults, options, flags


def test_max_bytes_is_checked_before_reading() -> None:
    with pytest.raises(AvisError) as err:
        parse_bytes(h.notice_pdf(), "a.pdf", ReadOptions(max_bytes=1000))
    assert err.value.code == "limit_exceeded"
    assert "--max-mb" in err.value.message


def test_max_pages_default_and_raised() -> None:
    data = h.pdf_many_pages()
    with pytest.raises(AvisError) as err:
        parse_bytes(data, "a.pdf", ReadOptions(ocr=False))
    assert err.value.code == "limit_exceeded" and "--max-pages" in err.value.message
    notice = parse_bytes(data, "a.pdf", ReadOptions(max_pages=205, ocr=False))
    assert notice.source.pages == 205


@pytest.mark.skipif(not HAS_TESSERACT, reason="the image reader checks for tesseract first")
def test_max_pixels_for_images() -> None:
    with pytest.raises(AvisError) as err:
        read_bytes(h.jpeg_cmyk(), ReadOptions(max_pixels=10_000))
    assert err.value.code == "limit_exceeded"


def test_max_pixels_caps_the_pdf_render_for_ocr(monkeypatch: pytest.MonkeyPatch) -> None:
    """A poster-sized scanned page is rendered within the pixel limit, not at 300 dpi."""
    import avis.readers.ocr as ocr

    seen: list[tuple[int, int]] = []

    def fake_ocr(image: Any, number: int, options: ReadOptions, dpi: float) -> Any:
        from avis.layout import Page

        seen.append(image.size)
        return Page(number=number, origin="ocr")

    monkeypatch.setattr(ocr, "ocr_image", fake_ocr)
    with pytest.raises(AvisError):
        read_bytes(h.pdf_huge_image_page(), ReadOptions(max_pixels=30_000_000))
    assert seen and seen[0][0] * seen[0][1] <= 30_000_000


def test_text_is_held_to_max_pages_through_its_length() -> None:
    data = (h.NOTICE_TEXT * 40).encode()  # ~20,000 characters: ~4 pages
    with pytest.raises(AvisError) as err:
        parse_bytes(data, "a.txt", ReadOptions(max_pages=2))
    assert err.value.code == "limit_exceeded" and "--max-pages" in err.value.message
    assert len(data) > 2 * CHARS_PER_PAGE
    parse_bytes(data, "a.txt", ReadOptions(max_pages=10))


def test_word_xml_over_the_parse_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    import avis.readers._ooxml as ooxml

    monkeypatch.setattr(ooxml, "MAX_XML_TOTAL", 10_000)
    with pytest.raises(AvisError) as err:
        parse_bytes(h.notice_docx(), "a.docx")
    assert err.value.code == "limit_exceeded"


def _cli(*args: str, input: bytes | None = None) -> Any:
    from avis.cli import main

    return CliRunner().invoke(main, list(args), input=input)


def test_cli_parse_limits_end_to_end(tmp_path: Path) -> None:
    many = tmp_path / "long.pdf"
    many.write_bytes(h.pdf_many_pages())
    result = _cli("parse", str(many), "--no-ocr")
    assert result.exit_code == 1
    assert "[limit_exceeded]" in result.output and "--max-pages" in result.output
    result = _cli("parse", str(many), "--no-ocr", "--max-pages", "300")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["source"]["pages"] == 205

    small = tmp_path / "avis.pdf"
    small.write_bytes(h.notice_pdf())
    result = _cli("parse", str(small), "--max-mb", "0.001")
    assert result.exit_code == 1 and "[limit_exceeded]" in result.output
    assert "--max-mb" in result.output
    result = _cli("parse", str(small), "--max-pages", "1")
    assert result.exit_code == 0


def test_cli_password_and_stdin(tmp_path: Path) -> None:
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(h.pdf_password_required())
    result = _cli("parse", str(locked))
    assert result.exit_code == 1 and "[password_required]" in result.output
    assert "--password" in result.output
    result = _cli("parse", str(locked), "--password", h.PASSWORD)
    assert result.exit_code == 0 and "Loyauté" in result.stdout
    result = _cli("parse", "-", input=b"")
    assert result.exit_code == 1 and "[empty_input]" in result.output


# ---------------------------------------------------------------------------------------------
# Nothing escapes, nothing is printed


def test_pdfminer_warnings_are_kept_off_stderr(capfd: pytest.CaptureFixture[str]) -> None:
    logger = logging.getLogger("pdfminer")
    before = (logger.level, logger.propagate, list(logger.handlers))
    doc = read_bytes(h.pdf_corrupt_xref(), ReadOptions(ocr=False))
    assert "Loyauté" in doc.text
    assert capfd.readouterr().err == ""
    assert (logger.level, logger.propagate, list(logger.handlers)) == before


def test_a_page_pdfminer_cannot_parse_is_read_from_pdfium(monkeypatch: pytest.MonkeyPatch) -> None:
    """pdfminer failing on a page (damaged content it chokes on) loses no text: pdfium's
    character boxes give it, laid out by position."""
    import avis.readers.pdf as pdf

    def choke(*args: object) -> None:
        raise ValueError("pdfminer choked")

    monkeypatch.setattr(pdf, "_text_page", choke)
    doc = read_bytes(h.notice_pdf(), ReadOptions(ocr=False))
    lines = [line.text for line in doc.lines()]
    assert "Employeur : Province des îles Loyauté" in lines
    assert any("character positions" in w for w in doc.warnings)


def test_a_bug_in_extraction_is_an_internal_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import avis.pipeline as pipeline

    def broken(*args: object) -> Notice:
        raise TypeError("boom")

    monkeypatch.setattr(pipeline, "extract_notice", broken)
    with pytest.raises(InternalError) as err:
        parse_bytes(h.NOTICE_TEXT.encode(), "a.txt")
    assert err.value.code == "internal_error" and "report" in err.value.message


def test_characters_that_lower_to_two_are_folded() -> None:
    """ "İ".lower() is two characters: folding crashed on it (found by the property tests)."""
    notice = parse_bytes("Employeur : İstanbul Büyükşehir\n".encode(), "a.txt")
    assert notice.employer == "İstanbul Büyükşehir"


# ---------------------------------------------------------------------------------------------
# A batch: hostile files beside good ones change nothing for the good ones


def _good_sample() -> list[Path]:
    """Every sixth notice of the corpus, of every kind (keeps the test in its time budget)."""
    corpus = ROOT / "corpus"
    inputs = sorted(
        p for p in corpus.rglob("*") if p.suffix in {".pdf", ".docx", ".md", ".txt", ".html"} and
        p.with_suffix(".truth.json").exists()
    )  # fmt: skip
    return inputs[::6]


def test_batch_with_every_hostile_file_converts_the_good_ones_identically(
    tmp_path: Path,
) -> None:
    pytest.importorskip("avis.batch")
    from avis.batch.worker import CLAIMED_FORMATS
    from avis.cli import main

    good = _good_sample()
    clean, mixed = tmp_path / "clean", tmp_path / "mixed"
    for tree in (clean, mixed):
        for path in good:
            target = tree / path.relative_to(ROOT / "corpus")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    bad = mixed / "hostile"
    bad.mkdir()
    for fixture in h.FIXTURES:
        if fixture.ocr and not HAS_TESSERACT:
            continue
        (bad / f"{fixture.name}-{fixture.filename}").write_bytes(fixture.data())
    env = {"SOURCE_DATE_EPOCH": "1735689600"}
    runner = CliRunner(env=env)
    out_clean, out_mixed = tmp_path / "out-clean", tmp_path / "out-mixed"
    common = ["--quiet", "--timeout", "60", "-j", "2", "--max-tasks-per-worker", "200"]
    first = runner.invoke(main, ["convert", str(clean), "-o", str(out_clean), *common])
    assert first.exit_code == 0, first.output
    second = runner.invoke(main, ["convert", str(mixed), "-o", str(out_mixed), *common])
    assert second.exit_code in (0, 1), second.output

    for path in sorted(out_clean.rglob("*.json")):
        rel = path.relative_to(out_clean)
        if rel.name == "avis-summary.json":
            continue
        assert (out_mixed / rel).read_bytes() == path.read_bytes(), rel

    records = [
        json.loads(line)
        for line in (out_mixed / "avis-report.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    by_name = {Path(r["input"]).name: r for r in records}
    for fixture in h.FIXTURES:
        if fixture.ocr and not HAS_TESSERACT:
            continue
        record = by_name[f"{fixture.name}-{fixture.filename}"]
        expect = fixture.expect
        if fixture.password is not None:  # the batch runs without the fixture's options
            expect = "password_required"
        elif fixture.max_pages is not None:
            expect = "limit_exceeded"
        elif expect == "unsupported_format" and Path(fixture.filename).suffix in CLAIMED_FORMATS:
            expect = "corrupt_input"  # its name claims a format avis reads: damaged or misnamed
        if expect == "ok" and record["status"] == "skipped":
            # a fragment (one labelled line) found in a folder is no notice; a whole one is
            assert record["code"] == "not_a_notice", record
            assert not set(h.PDF_MUST_SURVIVE) <= set(fixture.survive), record
        elif expect == "ok":
            assert record["status"] in ("ok", "partial"), record
        else:
            assert record["code"] == expect, record
