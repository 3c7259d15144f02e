"""Notice JSON as an input: a Notice avis wrote (or a person corrected) read back as it is.

No layout and no extraction: the JSON *is* the notice. It is validated against the model, so
a hand-edited file with a wrong key or date is refused naming each problem, and then goes
through the enrich stage and any writer like a freshly parsed notice (``avis parse
notice.json --to jsonld``).
"""

from __future__ import annotations

import json

from avis.errors import CorruptInputError
from avis.model import Notice

_SNIFF = 4 * 1024 * 1024
"""Larger JSON is no notice (a notice is a few tens of kB)."""


def _object(data: bytes) -> dict[str, object] | None:
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    body = body.lstrip()
    if not body.startswith(b"{") or len(body) > _SNIFF:
        return None
    try:
        doc = json.loads(body)
    except (ValueError, RecursionError):
        return None
    return doc if isinstance(doc, dict) else None


def looks_like_notice_json(data: bytes) -> bool:
    """A JSON object whose keys are all Notice fields, with at least one a notice always has."""
    from avis.notice_schema import looks_like_notice

    return looks_like_notice(_object(data))


def read_notice(data: bytes) -> Notice:
    """The Notice in ``data``; CorruptInputError listing what does not fit the model."""
    from pydantic import ValidationError

    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    try:
        return Notice.model_validate_json(body)
    except ValidationError as exc:
        problems = [
            f"{'.'.join(str(p) for p in err['loc']) or 'notice'}: {err['msg']}"
            for err in exc.errors()[:5]
        ]
        more = f" (and {exc.error_count() - 5} more)" if exc.error_count() > 5 else ""
        raise CorruptInputError(
            "the file is Notice JSON but not a valid notice: "
            + "; ".join(problems)
            + more
            + " — correct it (schema: avis schema notice-json)"
        ) from exc
