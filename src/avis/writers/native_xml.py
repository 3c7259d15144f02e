"""``xml``: avis's own XML, lossless — every Notice field, provenance and warnings included.

Namespace ``urn:avis:notice:1``; schema ``avis-notice.xsd`` (``avis schema notice-xsd``).
The mapping follows the model mechanically, so it stays lossless as fields are added (the XSD
must follow; a test checks it does):

* element names are the JSON keys, in model order; a field equal to its default (None, empty
  list, empty sub-object, ``pages`` 0…) is left out, and reading it back restores the default;
  an empty string is an empty element, so ``""`` and None stay distinct;
* lists hold ``<item>`` (``<warning>`` for warnings); dicts hold
  ``<entry><key>…</key><value>…</value></entry>``; ``bbox`` is four space-separated doubles;
* text is written as is — except that XML 1.0 cannot carry C0 control characters (other than
  tab, LF, CR), lone surrogates, U+FFFE or U+FFFF. Text holding one gets ``escaped="true"``
  and is written with ``\\`` as ``\\\\`` and each such character as ``\\uXXXX``: nothing is
  lost, and text without them is untouched. CR is kept (serialised as ``&#13;``).

:func:`from_xml` reads it back with a parser that refuses DTDs and entities and never touches
the network; ``from_xml(render(n)) == n`` and ``render(from_xml(x)) == x`` for avis's own files.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import types
from collections.abc import Sequence
from typing import Any, ClassVar, Literal, Union, get_args, get_origin

from lxml import etree
from pydantic import BaseModel, ValidationError

from avis.errors import CorruptInputError
from avis.model import Notice
from avis.writers.base import Probe, WriterOptions, check_output, describe, single
from avis.writers.safe_xml import safe_parse
from avis.writers.schemas import PublishedSchema, xsd_problems
from avis.writers.shared import XML_ILLEGAL, xml_bytes

NOTICE_XSD = PublishedSchema("notice-xsd", "avis-notice.xsd", "xml", True, "avis Notice XML (XSD)")

NS = "urn:avis:notice:1"
_Q = "{" + NS + "}"
ESCAPED = "escaped"
#: Item element names for list fields other than the default ``item``.
ITEM_NAMES: dict[str, str] = {"warnings": "warning", "localities": "locality"}
_UNESCAPE = re.compile(r"\\(\\|u[0-9A-Fa-f]{4})|\\")


def escape_text(text: str) -> tuple[str, bool]:
    """(text XML can carry, whether it had to be escaped)."""
    if not XML_ILLEGAL.search(text):
        return text, False
    body = text.replace("\\", "\\\\")
    return XML_ILLEGAL.sub(lambda m: f"\\u{ord(m.group()):04x}", body), True


def unescape_text(text: str) -> str:
    """Inverse of :func:`escape_text` for an element marked ``escaped="true"``."""

    def one(match: re.Match[str]) -> str:
        code = match.group(1)
        if code is None:
            raise CorruptInputError("a lone backslash in escaped text (write it as \\\\)")
        return "\\" if code == "\\" else chr(int(code[1:], 16))

    return _UNESCAPE.sub(one, text)


def _unwrap(annotation: Any) -> Any:
    """``X | None`` → ``X``."""
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _scalar_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "INF" if value > 0 else "-INF"
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _set_text(el: etree._Element, text: str) -> None:
    safe, escaped = escape_text(text)
    el.text = safe
    if escaped:
        el.set(ESCAPED, "true")


def _write_value(parent: etree._Element, tag: str, tp: Any, value: Any) -> None:
    el = etree.SubElement(parent, _Q + tag)
    origin = get_origin(tp)
    if _is_model(tp):
        _write_model(el, value)
    elif origin is list:
        (item_tp,) = get_args(tp)
        for item in value:
            _write_value(el, ITEM_NAMES.get(tag, "item"), item_tp, item)
    elif origin is dict:
        _key_tp, value_tp = get_args(tp)
        for key, item in value.items():
            entry = etree.SubElement(el, _Q + "entry")
            _write_value(entry, "key", str, key)
            _write_value(entry, "value", value_tp, item)
    elif origin is tuple:
        el.text = " ".join(_scalar_text(v) for v in value)
    elif tp is str:
        _set_text(el, value)
    else:
        el.text = _scalar_text(value)


def _write_model(el: etree._Element, model: BaseModel) -> None:
    for name, field in type(model).model_fields.items():
        value = getattr(model, name)
        if value == field.get_default(call_default_factory=True):
            continue
        _write_value(el, name, _unwrap(field.annotation), value)


def to_xml(notice: Notice) -> bytes:
    """The notice as avis XML bytes (UTF-8, indented, with declaration)."""
    root = etree.Element(_Q + "notice", nsmap={None: NS})
    _write_model(root, notice)
    return xml_bytes(root)


# ---- reading -------------------------------------------------------------------------------


def _local(el: etree._Element) -> str:
    tag = el.tag
    if not isinstance(tag, str) or not tag.startswith(_Q):
        raise CorruptInputError(f"line {el.sourceline}: unexpected element {tag!r}")
    return tag[len(_Q) :]


def _children(el: etree._Element) -> list[etree._Element]:
    return [c for c in el if isinstance(c.tag, str)]


def _read_text(el: etree._Element) -> str:
    text = el.text or ""
    flag = el.get(ESCAPED)
    if flag in ("true", "1"):
        return unescape_text(text)
    return text


def _read_value(el: etree._Element, tp: Any) -> Any:
    origin = get_origin(tp)
    if _is_model(tp):
        return _read_model(el, tp)
    if origin is list:
        (item_tp,) = get_args(tp)
        return [_read_value(c, item_tp) for c in _children(el)]
    if origin is dict:
        _key_tp, value_tp = get_args(tp)
        out: dict[str, Any] = {}
        for entry in _children(el):
            parts = {_local(c): c for c in _children(entry)}
            if set(parts) != {"key", "value"}:
                raise CorruptInputError(f"line {entry.sourceline}: an entry needs key and value")
            out[_read_text(parts["key"])] = _read_value(parts["value"], value_tp)
        return out
    if origin is tuple:
        return tuple(float(v) for v in (el.text or "").split())
    if tp is str or origin is Literal:
        return _read_text(el)
    text = (el.text or "").strip()
    if tp is bool:
        return text in ("true", "1")
    if tp is int:
        return int(text)
    if tp is float:
        return float(text)
    if tp is dt.date:
        return dt.date.fromisoformat(text)
    raise CorruptInputError(f"line {el.sourceline}: no reader for {tp!r}")  # pragma: no cover


def _read_model(el: etree._Element, model: type[BaseModel]) -> dict[str, Any]:
    fields = model.model_fields
    data: dict[str, Any] = {}
    for child in _children(el):
        name = _local(child)
        if name not in fields:
            raise CorruptInputError(f"line {child.sourceline}: unknown element {name!r}")
        data[name] = _read_value(child, _unwrap(fields[name].annotation))
    return data


def from_xml(data: bytes) -> Notice:
    """Read avis XML back into a Notice; schema-checked first, then model-validated."""
    root = safe_parse(data)
    if root.tag != _Q + "notice":
        raise CorruptInputError(f"not an avis notice: the root element is {root.tag!r}")
    problems = xsd_problems(root, NOTICE_XSD.path or "")
    if problems:
        raise CorruptInputError("not a valid avis notice XML: " + "; ".join(problems[:5]))
    try:
        return Notice.model_validate(_read_model(root, Notice))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "notice"
        raise CorruptInputError(f"invalid notice in XML ({where}): {first['msg']}") from exc
    except ValueError as exc:
        raise CorruptInputError(f"invalid value in notice XML: {exc}") from exc


class XmlWriter:
    """avis XML (``urn:avis:notice:1``): lossless, with :func:`from_xml` as its reader."""

    name: ClassVar[str] = "xml"
    extension: ClassVar[str] = ".xml"
    media_type: ClassVar[str] = "application/xml"
    many: ClassVar[bool] = False
    binary: ClassVar[bool] = False
    description: ClassVar[str] = "avis Notice XML (lossless; schema: avis schema notice-xsd)"
    schemas: ClassVar[tuple[PublishedSchema, ...]] = (NOTICE_XSD,)

    @staticmethod
    def sniff(probe: Probe) -> bool:
        return probe.xml_tag() == "{" + NS + "}notice"

    @staticmethod
    def validate(data: bytes) -> list[str]:
        """The XSD, then the model (what the XSD cannot say, e.g. deadline after posting)."""
        from avis.errors import AvisError

        try:
            root = safe_parse(data)
        except AvisError as exc:
            return [exc.message]
        problems = xsd_problems(root, NOTICE_XSD.path or "")
        if not problems:
            try:
                from_xml(data)
            except AvisError as exc:
                problems.append(exc.message)
        return problems

    def render(self, notices: Sequence[Notice], *, options: WriterOptions) -> bytes:
        notice = single(notices, self.name)
        return check_output(to_xml(notice), self, options, describe(notice))
