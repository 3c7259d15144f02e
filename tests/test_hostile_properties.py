"""Property tests: whatever the text or bytes, the result is a valid Notice or an AvisError.

Extraction is exercised through the text reader (arbitrary Unicode, and text built from the
label lexicon so that rules fire), the whole pipeline on arbitrary bytes, and damaged copies
of real files. Examples are kept moderate so that the file runs in well under a minute.
"""

from __future__ import annotations

import hypothesis.strategies as st
from hypothesis import HealthCheck, given, settings

import hostile as h
from avis.errors import AvisError
from avis.extract import extract_notice
from avis.model import Notice
from avis.pipeline import parse_bytes
from avis.readers import ReadOptions
from avis.readers.text import read as read_text
from avis.validate import validate_output

NO_OCR = ReadOptions(ocr=False)
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of real notices, so that random text still reaches the pairing and section rules.
_TOKENS = [
    "Référence", "N° de référence", "Employeur", "Collectivité", "Direction", "Service",
    "Lieu de travail", "Date limite de candidature", "Date de dépôt de l'offre", "Missions",
    "Activités principales", "Profil du candidat", "Savoir-être", "Poste(s) à pourvoir",
    "Durée de résidence exigée pour le recrutement sur titre (1)", "Nb d'agents encadrés",
    ":", " : ", "\n", "\n\n", "- ", "• ", "# ", "## ", "**", "*", "_", "|", "(1)", "/",
    "3134-25-0176/SR du 24 janvier 2025", "Vendredi 14 février 2025", "31/02/2025",
    "immédiatement", "dès que possible", "Lifou", "Nouméa", "2029", "0", "rh@example.nc",
    "+687 27 00 00", "İ", "ß", "ﬁ", "œ", "’", "\u00a0", "\u202f", "\t", "\x00", "\ufeff",
    "\u200b", "\u0301", "😀", "[", "](", ")", "<b>", "</b>", "<",
]  # fmt: skip


def _assert_valid(notice: Notice) -> None:
    assert validate_output(notice.model_dump_json().encode("utf-8"), "json") == []


def _extract_text(text: str) -> None:
    try:
        doc = read_text(text.encode("utf-8"), NO_OCR)
        notice = extract_notice(doc)
    except AvisError:
        return
    _assert_valid(notice)


@SETTINGS
@given(st.text(max_size=2000))
def test_extract_on_arbitrary_unicode(text: str) -> None:
    _extract_text(text)


@SETTINGS
@given(st.lists(st.sampled_from(_TOKENS) | st.text(max_size=12), max_size=80).map("".join))
def test_extract_on_notice_like_text(text: str) -> None:
    _extract_text(text)


@SETTINGS
@given(st.binary(max_size=4000))
def test_parse_bytes_on_arbitrary_bytes(data: bytes) -> None:
    try:
        notice = parse_bytes(data, "x.bin", NO_OCR)
    except AvisError:
        return
    _assert_valid(notice)


_SEEDS = {
    "pdf": h.notice_pdf(),
    "docx": h.notice_docx(),
    "html": h.notice_html(),
    "text": h.text_utf16_bom(),
}


@st.composite
def _damaged(draw: st.DrawFn) -> bytes:
    """A good file with a few bytes overwritten, a slice cut out, or its tail lost."""
    data = bytearray(_SEEDS[draw(st.sampled_from(sorted(_SEEDS)))])
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["flip", "cut", "truncate", "insert"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif kind == "cut":
            del data[at : at + draw(st.integers(1, 512))]
        elif kind == "truncate":
            del data[at:]
        else:
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
    return bytes(data)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_damaged())
def test_parse_bytes_on_damaged_files(data: bytes) -> None:
    try:
        notice = parse_bytes(data, "x", NO_OCR)
    except AvisError:
        return
    _assert_valid(notice)
