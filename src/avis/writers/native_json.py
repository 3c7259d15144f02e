"""``json``: the Notice itself, exactly as the model serialises it (lossless)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from pydantic_core import PydanticSerializationError

from avis.errors import OutputValidationError
from avis.model import Notice
from avis.writers.base import Probe, WriterOptions, check_output, describe, single
from avis.writers.schemas import PublishedSchema, strip_bom

NOTICE_JSON = PublishedSchema(
    "notice-json",
    None,
    "json",
    True,
    "avis Notice JSON Schema, generated from the model (avis.notice_schema)",
)


class JsonWriter:
    """Native Notice JSON; ``Notice.model_validate_json`` reads it back unchanged."""

    name: ClassVar[str] = "json"
    extension: ClassVar[str] = ".json"
    media_type: ClassVar[str] = "application/json"
    many: ClassVar[bool] = False
    binary: ClassVar[bool] = False
    description: ClassVar[str] = "avis Notice JSON (lossless; schema: avis schema notice-json)"
    schemas: ClassVar[tuple[PublishedSchema, ...]] = (NOTICE_JSON,)

    @staticmethod
    def sniff(probe: Probe) -> bool:
        from avis.notice_schema import looks_like_notice

        return looks_like_notice(probe.json_object())

    @staticmethod
    def validate(data: bytes) -> list[str]:
        """The model is the schema: every problem Pydantic finds, with its JSON path."""
        from pydantic import ValidationError

        try:
            Notice.model_validate_json(strip_bom(data))
        except ValidationError as exc:
            return [
                f"$.{'.'.join(str(p) for p in err['loc'])}: {err['msg']}"
                if err["loc"]
                else err["msg"]
                for err in exc.errors()
            ]
        return []

    def render(self, notices: Sequence[Notice], *, options: WriterOptions) -> bytes:
        notice = single(notices, self.name)
        try:
            text = notice.model_dump_json(indent=2)
        except PydanticSerializationError as exc:  # lone surrogates cannot be UTF-8
            raise OutputValidationError(
                f"{describe(notice)} holds text JSON cannot encode ({exc})"
            ) from exc
        data = (text + "\n").encode("utf-8")
        return check_output(data, self, options, describe(notice))


def from_json(data: bytes) -> Notice:
    """Read native JSON back into a Notice (raises avis errors, not pydantic's)."""
    from pydantic import ValidationError

    from avis.errors import CorruptInputError

    try:
        return Notice.model_validate_json(data)
    except ValidationError as exc:
        raise CorruptInputError(f"not a valid avis notice JSON: {exc.errors()[0]['msg']}") from exc
