"""JSON values that follow a JSON Schema: structured output and tool call arguments.

The generator covers what tool and output schemas use in practice: ``type`` (one or a list),
``properties`` and ``required`` (optional properties are included half the time when the
schema lists required ones, always when it lists none), ``additionalProperties`` for required
names without a property schema, ``items``/``prefixItems`` with ``minItems``/``maxItems``/
``uniqueItems``, ``enum``, ``const``, ``anyOf``/``oneOf`` (the first option that is not
``null``), ``allOf`` (merged), local ``$ref`` (``#/$defs/…``, ``#/definitions/…``), numeric
bounds (inclusive and exclusive) with ``multipleOf``, string ``minLength``/``maxLength`` and
common ``format`` values. ``pattern`` is not followed. The same generator state always gives the
same value.

A value is at most about ``_BUDGET`` characters: past that, strings stop short of their
``minLength`` and arrays of their ``minItems`` (an engine would have stopped at its token
limit long before), so no schema can make the simulator spend unbounded time or memory.
"""

from __future__ import annotations

import math
import random
import uuid
from collections.abc import Mapping
from typing import Any

import orjson

from bastion.sim.textgen import WORDS

_MAX_DEPTH = 6
_BUDGET = 1 << 16
_FORMATS = {
    "date-time": lambda rng: f"{_date(rng)}T{_time(rng)}Z",
    "date": lambda rng: f"{_date(rng)}",
    "time": lambda rng: f"{_time(rng)}Z",
    "email": lambda rng: f"{rng.choice(WORDS)}@example.com",
    "idn-email": lambda rng: f"{rng.choice(WORDS)}@example.com",
    "uri": lambda rng: f"https://example.com/{rng.choice(WORDS)}",
    "url": lambda rng: f"https://example.com/{rng.choice(WORDS)}",
    "iri": lambda rng: f"https://example.com/{rng.choice(WORDS)}",
    "uri-reference": lambda rng: f"/{rng.choice(WORDS)}",
    "hostname": lambda rng: f"{rng.choice(WORDS)}.example.com",
    "ipv4": lambda rng: f"192.0.2.{rng.randint(1, 254)}",
    "ipv6": lambda rng: f"2001:db8::{rng.randint(1, 0xFFFF):x}",
    "uuid": lambda rng: str(uuid.UUID(int=rng.getrandbits(128), version=4)),
    "duration": lambda rng: f"PT{rng.randint(1, 59)}M",
}


def json_document(rng: random.Random, schema: Mapping[str, Any] | None) -> str:
    """A small JSON object text for ``response_format``; it follows ``schema`` when given."""
    if not schema:
        value: Any = {"answer": _phrase(rng), "simulated": True}
    else:
        value = schema_value(rng, schema)
        if not isinstance(value, dict):
            value = {"value": value}
    return orjson.dumps(value).decode()


def tool_arguments(rng: random.Random, schema: Mapping[str, Any] | None) -> str:
    """A tool call's arguments: a JSON object valid against the tool's parameters schema."""
    value = schema_value(rng, schema) if schema else {}
    return orjson.dumps(value if isinstance(value, dict) else {}).decode()


def schema_value(rng: random.Random, schema: Mapping[str, Any]) -> Any:
    """One value valid against ``schema`` (within the keywords listed in the module's doc)."""
    return _Generator(rng, schema).value(schema, 0)


class _Generator:
    def __init__(self, rng: random.Random, root: Mapping[str, Any]) -> None:
        self.rng = rng
        self.root = root
        self.left = _BUDGET  # characters the value may still take (roughly)

    def value(self, schema: Any, depth: int) -> Any:
        if depth > 3 * _MAX_DEPTH:
            return None  # a schema that requires itself forever
        schema = self._resolve(schema)
        if "const" in schema:
            return schema["const"]
        if isinstance(schema.get("enum"), list) and schema["enum"]:
            return self.rng.choice(schema["enum"])
        for key in ("anyOf", "oneOf"):
            options = schema.get(key)
            if isinstance(options, list) and options:
                rest = {k: v for k, v in schema.items() if k != key}
                return self.value(_merge([rest, self._option(options)]), depth)
        kind = _kind(schema)
        if kind == "object":
            return self._object(schema, depth)
        if kind == "array":
            return self._array(schema, depth)
        if kind != "string":
            self.left -= 5  # a number, a boolean or null, written out
        if kind == "integer":
            return _integer(self.rng, schema)
        if kind == "number":
            return _number(self.rng, schema)
        if kind == "boolean":
            return self.rng.random() < 0.5
        if kind == "null":
            return None
        text = _string(self.rng, schema, max(self.left, 0))
        self.left -= len(text)
        return text

    def _resolve(self, schema: Any) -> Mapping[str, Any]:
        """``schema`` with local references followed and ``allOf`` merged in."""
        for _ in range(32):
            if not isinstance(schema, Mapping):
                return {}
            ref = schema.get("$ref")
            if not isinstance(ref, str):
                break
            target = self._pointer(ref)
            rest = {k: v for k, v in schema.items() if k != "$ref"}
            schema = {**target, **rest} if rest else target
        else:
            return {}
        parts = schema.get("allOf")
        if isinstance(parts, list) and parts:
            rest = {k: v for k, v in schema.items() if k != "allOf"}
            return _merge([rest, *(self._resolve(p) for p in parts)])
        return schema

    def _option(self, options: list[Any]) -> Mapping[str, Any]:
        """The first option that is not ``null``: ``Optional[X]`` gives an X."""
        resolved = [self._resolve(option) for option in options]
        return next((r for r in resolved if r.get("type") != "null"), resolved[0])

    def _pointer(self, ref: str) -> Mapping[str, Any]:
        if not ref.startswith("#"):
            return {}  # remote references are not fetched: any string will do
        node: Any = self.root
        for raw in ref[1:].split("/")[1:]:
            part = raw.replace("~1", "/").replace("~0", "~")
            if isinstance(node, Mapping) and part in node:
                node = node[part]
            elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
                node = node[int(part)]
            else:
                return {}
        return node if isinstance(node, Mapping) else {}

    def _object(self, schema: Mapping[str, Any], depth: int) -> dict[str, Any]:
        properties = schema.get("properties")
        properties = properties if isinstance(properties, Mapping) else {}
        required = schema.get("required")
        wanted = [str(name) for name in required] if isinstance(required, list) else []
        if depth >= _MAX_DEPTH:
            names = wanted
        elif isinstance(required, list):
            optional = [str(n) for n in properties if n not in wanted]
            names = wanted + [n for n in optional if self.rng.random() < 0.5]
        else:
            names = [str(name) for name in properties]
        extra = schema.get("additionalProperties")
        out: dict[str, Any] = {}
        for name in dict.fromkeys(names):
            sub = properties.get(name, extra if isinstance(extra, Mapping) else {})
            out[name] = self.value(sub, depth + 1)
        return out

    def _array(self, schema: Mapping[str, Any], depth: int) -> list[Any]:
        prefix = schema.get("prefixItems")
        prefix = prefix if isinstance(prefix, list) else []
        items = schema.get("items")
        if isinstance(items, list):  # the tuple form of older drafts
            prefix, items = items, schema.get("additionalItems")
        low = max(_int(schema.get("minItems"), 0), 0)
        high = _int(schema.get("maxItems"), max(low, 3))
        out = [self.value(sub, depth + 1) for sub in prefix[:high]]
        if items is False or (not isinstance(items, Mapping) and prefix):
            return out
        item_schema = items if isinstance(items, Mapping) else {}
        if depth >= _MAX_DEPTH:
            count = low
        else:
            count = self.rng.randint(max(low, 1), max(low, min(high, low + 2), 1))
        count = min(count, high)
        unique = schema.get("uniqueItems") is True
        seen = {orjson.dumps(v, option=orjson.OPT_SORT_KEYS) for v in out}
        attempts = 0
        while len(out) < count and attempts < count * 8 and self.left > 0:
            attempts += 1
            self.left -= 1  # the item's separator: even empty items use up the budget
            value = self.value(item_schema, depth + 1)
            key = orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
            if unique and key in seen:
                continue
            seen.add(key)
            out.append(value)
        return out


def _merge(schemas: list[Any]) -> dict[str, Any]:
    """Several schemas that must all hold, as one: properties and required lists combined."""
    merged: dict[str, Any] = {}
    properties: dict[str, Any] = {}
    required: list[Any] = []
    for schema in schemas:
        if not isinstance(schema, Mapping):
            continue
        for key, value in schema.items():
            if key == "properties" and isinstance(value, Mapping):
                properties.update(value)
            elif key == "required" and isinstance(value, list):
                required.extend(value)
            else:
                merged[key] = value
    if properties:
        merged["properties"] = properties
    if required:
        merged["required"] = list(dict.fromkeys(required))
    return merged


def _kind(schema: Mapping[str, Any]) -> str:
    kind = schema.get("type")
    if isinstance(kind, list):
        kinds = [k for k in kind if isinstance(k, str)]
        return next((k for k in kinds if k != "null"), kinds[0] if kinds else "string")
    if isinstance(kind, str):
        return kind
    if any(k in schema for k in ("properties", "required", "additionalProperties")):
        return "object"
    if any(k in schema for k in ("items", "prefixItems", "minItems", "maxItems")):
        return "array"
    if any(k in schema for k in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")):
        return "number"
    return "string"


def _int(value: Any, default: int) -> int:
    return int(value) if isinstance(value, int | float) and not isinstance(value, bool) else default


def _bounds(schema: Mapping[str, Any], span: float) -> tuple[float, float, bool, bool]:
    """(low, high, low exclusive, high exclusive), with a default span where one is missing."""
    low: float | None = None
    high: float | None = None
    low_open = high_open = False
    for key, is_open in (("minimum", False), ("exclusiveMinimum", True)):
        value = schema.get(key)
        if isinstance(value, bool) and key == "exclusiveMinimum":  # draft 4's flag
            low_open = value
        elif isinstance(value, int | float) and (low is None or value >= low):
            low, low_open = float(value), is_open
    for key, is_open in (("maximum", False), ("exclusiveMaximum", True)):
        value = schema.get(key)
        if isinstance(value, bool) and key == "exclusiveMaximum":
            high_open = value
        elif isinstance(value, int | float) and (high is None or value <= high):
            high, high_open = float(value), is_open
    if low is None and high is None:
        low, high = 0.0, span
    elif low is None:
        assert high is not None
        low = min(0.0, high - span)
    elif high is None:
        high = low + span
    return low, high, low_open, high_open


def _integer(rng: random.Random, schema: Mapping[str, Any]) -> int:
    low, high, low_open, high_open = _bounds(schema, 100)
    first = math.floor(low) + 1 if low_open or low != math.floor(low) else int(low)
    last = math.ceil(high) - 1 if high_open or high != math.ceil(high) else int(high)
    step = schema.get("multipleOf")
    if isinstance(step, int) and not isinstance(step, bool) and step > 0:
        k_low, k_high = -(-first // step), last // step
        if k_low <= k_high:
            return rng.randint(k_low, k_high) * step
    return rng.randint(first, last) if first <= last else first


def _number(rng: random.Random, schema: Mapping[str, Any]) -> float | int:
    low, high, low_open, high_open = _bounds(schema, 100.0)
    step = schema.get("multipleOf")
    if isinstance(step, int | float) and not isinstance(step, bool) and step > 0:
        k_low, k_high = math.ceil(low / step), math.floor(high / step)
        for _ in range(16 if k_low <= k_high else 0):
            value = rng.randint(k_low, k_high) * step
            if _inside(value, low, high, low_open, high_open) and (value / step).is_integer():
                return value
    value = round(rng.uniform(low, high), 2)
    return value if _inside(value, low, high, low_open, high_open) else (low + high) / 2


def _inside(value: float, low: float, high: float, low_open: bool, high_open: bool) -> bool:
    above = value > low or (value == low and not low_open)
    return above and (value < high or (value == high and not high_open))


def _string(rng: random.Random, schema: Mapping[str, Any], limit: int) -> str:
    """A string for ``schema``: a phrase or the ``format``'s value, lengthened with words to
    ``minLength`` but not past ``limit`` characters."""
    fmt = schema.get("format")
    make = _FORMATS.get(fmt) if isinstance(fmt, str) else None
    text = make(rng) if make is not None else _phrase(rng)
    low = min(max(_int(schema.get("minLength"), 0), 0), limit)
    if len(text) < low:
        words = [text]
        size = len(text)
        while size < low:
            word = rng.choice(WORDS)
            words.append(word)
            size += len(word) + 1
        text = " ".join(words)
    high = _int(schema.get("maxLength"), -1)
    if high >= 0 and len(text) > high:
        text = text[:high]
    return text


def _phrase(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 3)))


def _date(rng: random.Random) -> str:
    return f"{rng.randint(2020, 2030)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _time(rng: random.Random) -> str:
    return f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
