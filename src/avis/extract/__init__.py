"""Extraction: layout → Notice. Rules live in small modules named for what they find."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from avis.layout import Document
    from avis.model import Notice, SourceInfo


def extract_notice(
    doc: Document, source: SourceInfo | None = None, lexicon_files: tuple[Path, ...] = ()
) -> Notice:
    """``lexicon_files``: users' extra label wordings (:func:`avis.extract.lexicon.load`)."""
    from avis.extract.lexicon import load
    from avis.extract.notice import extract_notice as _extract

    return _extract(doc, source, load(lexicon_files))


__all__ = ["extract_notice"]
