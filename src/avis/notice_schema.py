"""The JSON Schema of the Notice, generated from the Pydantic model.

The checked-in copy ``schemas/notice.schema.json`` is what portals and archives read; a test
fails when it drifts from the model (regenerate with ``python -m avis.notice_schema``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from avis import __version__
from avis.model import Notice

SCHEMA_ID = "urn:avis:notice:1"


_MARKERS = frozenset({"reference", "title", "provenance", "source", "warnings"})


def looks_like_notice(doc: object) -> bool:
    """A JSON object shaped as a Notice: every key a Notice field, one a notice always has.

    The one test both the Notice JSON reader (input sniffing) and the json writer's output
    detection use.
    """
    if not isinstance(doc, dict) or not doc:
        return False
    keys = set(doc)
    return keys <= set(Notice.model_fields) and bool(keys & _MARKERS)


def notice_schema() -> dict:
    schema = Notice.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "avis Notice",
        "description": f"A job notice as parsed by avis {__version__.split('.')[0]}.x",
        **schema,
    }


def notice_schema_text() -> str:
    return json.dumps(notice_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    # The published copy and the packaged one (what `avis schema notice` prints) stay identical.
    targets = [Path(a) for a in sys.argv[1:]] or [
        Path("schemas/notice.schema.json"),
        Path("src/avis/data/schemas/notice.schema.json"),
    ]
    for target in targets:
        target.write_text(notice_schema_text(), encoding="utf-8")
