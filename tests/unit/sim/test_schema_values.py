"""Generated tool arguments and structured output are valid against their JSON Schema."""

from __future__ import annotations

import datetime
import enum
import random
import uuid
from typing import Annotated, Any, Literal

import jsonschema
import orjson
import pytest
from pydantic import BaseModel, Field

from bastion.sim.schema_values import json_document, schema_value, tool_arguments


class Colour(enum.Enum):
    RED = "red"
    GREEN = "green"


class Address(BaseModel):
    street: Annotated[str, Field(min_length=3, max_length=12)]
    number: Annotated[int, Field(ge=1, lt=10)]
    share: Annotated[float, Field(gt=0, le=1)]


class Order(BaseModel):
    """What the SDKs' pydantic helpers send: $defs, $ref, anyOf with null, enums, defaults."""

    id: uuid.UUID
    placed: datetime.datetime
    colour: Colour
    kind: Literal["retail", "wholesale"]
    ship_to: Address
    bill_to: Address | None = None
    items: list[Address] = Field(min_length=1, max_length=4)
    counts: dict[str, int] = {}
    note: str | None = None


WEATHER = {
    "type": "object",
    "properties": {
        "city": {"type": "string", "minLength": 2, "maxLength": 40},
        "days": {"type": "integer", "minimum": 1, "maximum": 7},
        "unit": {"enum": ["C", "F"]},
    },
    "required": ["city"],
    "additionalProperties": False,
}
# The shape of a coding agent's shell tool.
SHELL = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object",
    "properties": {
        "command": {"type": "string", "description": "The command to execute"},
        "timeout": {"type": "number", "description": "Optional timeout", "maximum": 600000},
        "description": {"type": "string"},
        "run_in_background": {"type": "boolean"},
    },
    "required": ["command"],
    "additionalProperties": False,
}
COLLECTIONS = {
    "type": "object",
    "properties": {
        "tags": {"type": "array", "items": {"type": "string"}, "minItems": 2, "maxItems": 5},
        "unique": {
            "type": "array",
            "items": {"enum": ["a", "b", "c", "d"]},
            "uniqueItems": True,
            "minItems": 3,
        },
        "pair": {
            "type": "array",
            "prefixItems": [{"type": "integer"}, {"type": "string", "format": "email"}],
            "items": False,
        },
        "empty": {"type": "array", "maxItems": 0},
        "matrix": {"type": "array", "items": {"type": "array", "items": {"type": "number"}}},
    },
    "required": ["tags", "unique", "pair", "empty", "matrix"],
}
NUMBERS = {
    "type": "object",
    "properties": {
        "open": {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1},
        "half": {"type": "number", "multipleOf": 0.5, "minimum": 2, "maximum": 4},
        "fives": {"type": "integer", "multipleOf": 5, "minimum": 7, "maximum": 40},
        "big": {"type": "integer", "minimum": 1000},
        "negative": {"type": "integer", "maximum": -50},
        "open_int": {"type": "integer", "exclusiveMinimum": 3, "exclusiveMaximum": 5},
        "maybe": {"type": ["integer", "null"]},
        "fixed": {"const": 42},
    },
    "required": ["open", "half", "fives", "big", "negative", "open_int", "maybe", "fixed"],
}
COMBINED = {
    "$defs": {
        "base": {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]},
        "code": {"type": "string", "minLength": 4, "maxLength": 4},
    },
    "type": "object",
    "properties": {
        "merged": {
            "allOf": [
                {"$ref": "#/$defs/base"},
                {"properties": {"b": {"type": "integer"}}, "required": ["b"]},
            ]
        },
        "either": {"oneOf": [{"type": "integer"}, {"type": "string", "format": "date"}]},
        "nullable": {"anyOf": [{"type": "null"}, {"$ref": "#/$defs/code"}]},
        "when": {"type": "string", "format": "date-time"},
        "ip": {"type": "string", "format": "ipv4"},
        "id": {"type": "string", "format": "uuid"},
        "anything": {},
    },
    "required": ["merged", "either", "nullable", "when", "ip", "id", "anything"],
}
DRAFT4 = {
    "$schema": "http://json-schema.org/draft-04/schema#",
    "type": "object",
    "properties": {
        "share": {"type": "number", "minimum": 0, "exclusiveMinimum": True, "maximum": 1},
        "legacy": {"type": "array", "items": [{"type": "boolean"}, {"type": "string"}]},
    },
    "required": ["share", "legacy"],
}
TREE = {
    "$ref": "#/definitions/node",
    "definitions": {
        "node": {
            "type": "object",
            "properties": {
                "name": {"type": "string"},
                "children": {"type": "array", "items": {"$ref": "#/definitions/node"}},
            },
            "required": ["name", "children"],
        }
    },
}
STRICT = {
    "type": "object",
    "properties": {
        "title": {"type": "string"},
        "rating": {"type": ["number", "null"]},
        "labels": {"type": "array", "items": {"type": "string", "enum": ["x", "y"]}},
    },
    "required": ["title", "rating", "labels"],
    "additionalProperties": False,
}
SCHEMAS: dict[str, dict[str, Any]] = {
    "weather": WEATHER,
    "shell": SHELL,
    "collections": COLLECTIONS,
    "numbers": NUMBERS,
    "combined": COMBINED,
    "draft4": DRAFT4,
    "tree": TREE,
    "strict": STRICT,
    "pydantic": Order.model_json_schema(),
}


def _validate(value: Any, schema: dict[str, Any]) -> None:
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    cls(schema, format_checker=cls.FORMAT_CHECKER).validate(value)


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_tool_arguments_are_valid_against_their_schema(name: str) -> None:
    schema = SCHEMAS[name]
    texts = [tool_arguments(random.Random(seed), schema) for seed in range(60)]
    for text in texts:
        _validate(orjson.loads(text), schema)
    assert texts == [tool_arguments(random.Random(seed), schema) for seed in range(60)]
    assert len(set(texts)) > 1 or name == "tree"


def test_pydantic_models_parse_the_generated_arguments() -> None:
    for seed in range(30):
        order = Order.model_validate_json(tool_arguments(random.Random(seed), SCHEMAS["pydantic"]))
        assert 1 <= len(order.items) <= 4


def test_optional_properties_come_and_go_required_ones_always_come() -> None:
    seen: set[frozenset[str]] = set()
    for seed in range(60):
        value = orjson.loads(tool_arguments(random.Random(seed), SHELL))
        assert "command" in value
        seen.add(frozenset(value))
    assert frozenset({"command"}) in seen
    assert frozenset(SHELL["properties"]) in seen  # type: ignore[arg-type]
    # Without a required list, every property is filled in.
    loose = {"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "boolean"}}}
    assert set(orjson.loads(tool_arguments(random.Random(0), loose))) == {"a", "b"}


def test_tools_without_parameters_get_an_empty_object() -> None:
    rng = random.Random(0)
    assert tool_arguments(rng, None) == "{}"
    assert tool_arguments(rng, {}) == "{}"
    assert tool_arguments(rng, {"type": "object"}) == "{}"
    assert tool_arguments(rng, {"type": "object", "properties": {}}) == "{}"
    assert tool_arguments(rng, {"type": "string"}) == "{}"  # arguments are always an object


def test_structured_output_follows_its_schema_and_wraps_scalars() -> None:
    for seed in range(20):
        _validate(orjson.loads(json_document(random.Random(seed), STRICT)), STRICT)
    assert set(orjson.loads(json_document(random.Random(1), {"type": "integer"}))) == {"value"}
    assert orjson.loads(json_document(random.Random(1), None))["simulated"] is True


def test_unresolvable_references_and_self_reference_still_give_a_value() -> None:
    rng = random.Random(3)
    assert isinstance(schema_value(rng, {"$ref": "https://example.com/remote.json"}), str)
    assert isinstance(schema_value(rng, {"$ref": "#/$defs/missing"}), str)
    looping = {"$ref": "#"}
    assert isinstance(schema_value(rng, looping), str)


@pytest.mark.parametrize(
    "schema",
    [
        {"type": "string", "minLength": 100_000_000},
        {"type": "array", "minItems": 10**9, "items": {"type": "string", "minLength": 10**6}},
        {
            "type": "array",
            "minItems": 10**9,
            "items": {"type": "array", "minItems": 10**9, "items": {"type": "boolean"}},
        },
    ],
)
def test_a_schema_asking_for_a_huge_value_gets_a_bounded_one(schema: dict[str, Any]) -> None:
    """An engine would stop at its token limit; the simulator stops at its budget, so no
    request can make it spend minutes or gigabytes on one value."""
    parameters = {"type": "object", "properties": {"x": schema}, "required": ["x"]}
    arguments = tool_arguments(random.Random(0), parameters)
    assert 1_000 < len(arguments) < 100_000
    assert "x" in orjson.loads(arguments)


def test_a_modest_minimum_length_is_still_met() -> None:
    for seed in range(20):
        value = schema_value(random.Random(seed), {"type": "string", "minLength": 5_000})
        assert len(value) >= 5_000
