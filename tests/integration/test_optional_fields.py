"""Every optional request field, set to null or to a value of the wrong type, on cache misses
and hits, through every operation and each kind of backend: the answer is a clear 4xx in the
client's protocol or a normal answer, never a 500.

The OpenAI operations' fields come from the vendored OpenAI API description; a value is "of the
wrong type" when the field's schema rejects it. Anthropic's Messages fields are listed here.
Backends: the built-in simulator (validates like vLLM), and a scripted OpenAI and Anthropic
upstream that accept anything, so that what the gateway itself does with such a value — parse,
cache key, translation, the cache's replay — is what gets exercised.
"""

from __future__ import annotations

import copy
import functools
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest

from tests import openapi_schema
from tests.conftest import ADMIN_KEY
from tests.scripted_upstream import ScriptedUpstream, anthropic_backend, openai_backend
from tests.servers import start_server

pytestmark = pytest.mark.skipif(
    openapi_schema.missing_spec_reason() is not None, reason="OpenAI API description missing"
)

AUTH = {"authorization": f"Bearer {ADMIN_KEY}", "content-type": "application/json"}
HELLO = [{"role": "user", "content": "Say hello."}]

# One value of each JSON type; a field gets null and those its schema rejects.
SAMPLES: tuple[Any, ...] = (None, True, 7, 0.5, "x", [1], {"x": 1})

# Operation -> (path, the OpenAPI component of its body or None, a minimal body, whether the
# gateway caches it).
OPERATIONS: dict[str, tuple[str, str | None, dict[str, Any], bool]] = {
    "chat": ("/v1/chat/completions", "CreateChatCompletionRequest", {"messages": HELLO}, True),
    "completions": ("/v1/completions", "CreateCompletionRequest", {"prompt": "Hello"}, False),
    "embeddings": ("/v1/embeddings", "CreateEmbeddingRequest", {"input": "Hello"}, False),
    "messages": ("/v1/messages", None, {"messages": HELLO, "max_tokens": 16}, True),
    "responses": ("/v1/responses", "CreateResponse", {"input": "Say hello."}, False),
}
# Which backends each operation is tried on: "sim" (the simulator), "up" (scripted OpenAI),
# "anth" (scripted Anthropic). The scripted upstream serves chat and messages only.
BACKENDS: dict[str, tuple[str, ...]] = {
    "chat": ("sim", "up", "anth"),
    "completions": ("sim",),
    "embeddings": ("sim",),
    "messages": ("sim", "up", "anth"),
    "responses": ("sim", "up", "anth"),
}
MODELS = {"sim": "bastion-sim", "up": "up/echo", "anth": "anth/claude"}

# Anthropic Messages' optional fields, and the JSON types each may take.
ANTHROPIC_FIELDS: dict[str, tuple[str, ...]] = {
    "system": ("string", "array"),
    "metadata": ("object",),
    "stop_sequences": ("array",),
    "stream": ("boolean",),
    "temperature": ("number",),
    "top_p": ("number",),
    "top_k": ("integer",),
    "tools": ("array",),
    "tool_choice": ("object",),
    "thinking": ("object",),
    "service_tier": ("string",),
    "container": ("string", "object"),
    "mcp_servers": ("array",),
    "context_management": ("object",),
    "output_config": ("object",),
    "output_format": ("object",),
}
_REQUIRED = {"model", "messages", "prompt", "input", "max_tokens"}


def _schemas() -> dict[str, Any]:
    schemas: dict[str, Any] = openapi_schema.load_document()["components"]["schemas"]
    return schemas


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = _schemas()[schema["$ref"].rsplit("/", 1)[1]]
    return schema


@functools.cache
def openai_properties(component: str) -> dict[str, dict[str, Any]]:
    """The properties of ``component``, those of its ``allOf`` parts included."""
    found: dict[str, dict[str, Any]] = {}

    def walk(schema: dict[str, Any]) -> None:
        schema = _resolve(schema)
        for part in schema.get("allOf", ()):
            walk(part)
        found.update(schema.get("properties", {}))

    walk({"$ref": f"#/components/schemas/{component}"})
    return found


def bad_values(operation: str, field: str) -> list[Any]:
    """null, and a value of each JSON type the field does not take."""
    _, component, _, _ = OPERATIONS[operation]
    values: list[Any] = [None]
    if component is None:
        allowed = ANTHROPIC_FIELDS[field]
        for sample in SAMPLES[1:]:
            if _json_type(sample) not in allowed and not (
                _json_type(sample) == "integer" and "number" in allowed
            ):
                values.append(sample)
        return values
    validator = openapi_schema.validator(component)
    base = OPERATIONS[operation][2]
    for sample in SAMPLES[1:]:
        body = {"model": "m", **base, field: sample}
        if any(error.path and error.path[0] == field for error in validator.iter_errors(body)):
            values.append(sample)
    return values


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def fields(operation: str) -> list[str]:
    component = OPERATIONS[operation][1]
    names = ANTHROPIC_FIELDS if component is None else openai_properties(component)
    return sorted(name for name in names if name not in _REQUIRED)


CASES = [
    pytest.param(operation, backend, field, id=f"{operation}-{backend}-{field}")
    for operation, backends in BACKENDS.items()
    for backend in backends
    for field in (fields(operation) if openapi_schema.missing_spec_reason() is None else ())
]


@pytest.fixture(scope="module")
def gateway(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    from bastion.api.app import create_app
    from bastion.config import config_from_mapping
    from bastion.gateway import Gateway as BastionGateway
    from bastion.server import GatewayServer

    upstream = ScriptedUpstream()
    scripted = start_server(upstream.app)
    path: Path = tmp_path_factory.mktemp("fields")
    config = config_from_mapping(
        {
            "database": {"url": f"sqlite+aiosqlite:///{path}/bastion.db"},
            "auth": {"admin_key": ADMIN_KEY},
            "discovery": {"enabled": False},
            "logging": {"level": "error"},
            "cache": {"enabled": True},
            "backends": {
                "sim": {
                    "kind": "simulator",
                    "location": "local",
                    "simulator": {"time_scale": 1000},
                },
                "up": openai_backend(scripted.url),
                "anth": anthropic_backend(scripted.url),
            },
        }
    )
    bastion = BastionGateway(config, env={})
    server = start_server(
        create_app(bastion),
        server_factory=lambda cfg: GatewayServer(cfg, bastion, io.StringIO()),
        timeout_graceful_shutdown=5,
    )
    with httpx.Client(base_url=server.url, headers=AUTH, timeout=30) as client:
        yield client
    server.stop()
    scripted.stop()


def check(response: httpx.Response, operation: str, what: str) -> bool:
    """Fails unless the answer is a 4xx in the client's protocol or a normal answer; returns
    whether it was a normal answer."""
    status = response.status_code
    assert status < 500, f"{what}: {status} {response.text[:500]}"
    if status >= 400:
        error = response.json()
        if operation == "messages":
            assert error["type"] == "error", what
            assert isinstance(error["error"]["message"], str), what
        else:
            assert set(error["error"]) >= {"message", "type", "param", "code"}, what
        return False
    assert status == 200, f"{what}: {status}"
    if response.headers["content-type"].startswith("text/event-stream"):
        assert response.text.rstrip().endswith(("[DONE]", '"message_stop"}', "}")), what
        assert "event: error" not in response.text, f"{what}: {response.text[-500:]}"
    else:
        answer = response.json()
        assert isinstance(answer, dict) and answer.get("error") is None, f"{what}: {answer}"
    return True


def send(client: httpx.Client, path: str, body: dict[str, Any]) -> httpx.Response:
    return client.post(path, content=orjson.dumps(body))


class Failures:
    """Sends a body on a cache miss and, once answered, on a hit, as JSON and as a stream;
    collects every bad answer, so one run shows all of them."""

    def __init__(self, client: httpx.Client, path: str, operation: str) -> None:
        self.client = client
        self.path = path
        self.operation = operation
        self.found: list[str] = []

    def exercise(self, body: dict[str, Any], what: str, *, cached: bool) -> None:
        answered = self._check(body, what)
        if self.operation != "embeddings" and body.get("stream") is not True:
            self._check({**body, "stream": True}, f"{what}, streamed")
        if cached and answered:
            # The same again: answered from the cache now, as JSON and replayed as a stream.
            self._check(body, f"{what}, again")
            if body.get("stream") is not True:
                self._check({**body, "stream": True}, f"{what}, again, streamed")

    def _check(self, body: dict[str, Any], what: str) -> bool:
        try:
            return check(send(self.client, self.path, body), self.operation, what)
        except AssertionError as failure:
            self.found.append(str(failure).split("\n", 1)[0])
            return False

    def verify(self) -> None:
        assert not self.found, "\n".join(self.found)


@pytest.mark.parametrize(("operation", "backend", "field"), CASES)
def test_an_optional_field_that_is_null_or_of_the_wrong_type_is_never_a_500(
    gateway: httpx.Client, operation: str, backend: str, field: str
) -> None:
    path, _, minimal, cached = OPERATIONS[operation]
    base = {"model": MODELS[backend], **copy.deepcopy(minimal)}
    # A clean answer in the cache first: transport fields (stream, stream_options) are not
    # part of the key, so their variants are answered from it.
    check(send(gateway, path, base), operation, "clean request")
    failures = Failures(gateway, path, operation)
    for value in bad_values(operation, field):
        body = {**copy.deepcopy(base), field: value}
        failures.exercise(body, f"{operation} via {backend}, {field}={value!r}", cached=cached)
    failures.verify()


# --- nested fields ------------------------------------------------------------------------------
# A request using the structured fields the gateway reads (tools, tool calls and results, content
# parts, response formats, reasoning): every value in it, at any depth, is then left out, set to
# null, and replaced by a value of another JSON type.

WEATHER = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Weather in a city",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
    },
}
RICH: dict[str, dict[str, Any]] = {
    "chat": {
        "messages": [
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": [{"type": "text", "text": "Weather in Paris?"}]},
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [
                    {
                        "id": "call_1",
                        "type": "function",
                        "function": {"name": "get_weather", "arguments": '{"city": "Paris"}'},
                    }
                ],
            },
            {"role": "tool", "tool_call_id": "call_1", "content": "Sunny."},
            {"role": "user", "content": "And tomorrow?"},
        ],
        "tools": [WEATHER],
        "tool_choice": {"type": "function", "function": {"name": "get_weather"}},
        "stream_options": {"include_usage": True},
        "stop": ["\n\n"],
        "max_tokens": 16,
        "metadata": {"team": "a"},
    },
    "completions": {"prompt": ["Hello", "there"], "stop": ["\n"], "logit_bias": {"50256": -100}},
    "embeddings": {"input": ["Hello", "there"], "dimensions": 8},
    "messages": {
        "system": [{"type": "text", "text": "Be brief."}],
        "messages": [
            {"role": "user", "content": [{"type": "text", "text": "Weather in Paris?"}]},
            {
                "role": "assistant",
                "content": [
                    {"type": "text", "text": "Let me look."},
                    {
                        "type": "tool_use",
                        "id": "toolu_1",
                        "name": "get_weather",
                        "input": {"city": "Paris"},
                    },
                ],
            },
            {
                "role": "user",
                "content": [
                    {"type": "tool_result", "tool_use_id": "toolu_1", "content": "Sunny."},
                    {"type": "text", "text": "And tomorrow?"},
                ],
            },
        ],
        "tools": [
            {
                "name": "get_weather",
                "description": "Weather in a city",
                "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}},
            }
        ],
        "tool_choice": {"type": "auto"},
        "metadata": {"user_id": "u1"},
        "thinking": {"type": "enabled", "budget_tokens": 1024},
        "stop_sequences": ["\n\n"],
        "max_tokens": 2048,
    },
    "responses": {
        "instructions": "Be brief.",
        "input": [
            {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "Hi"}]},
            {
                "type": "function_call",
                "call_id": "call_1",
                "name": "get_weather",
                "arguments": '{"city": "Paris"}',
            },
            {"type": "function_call_output", "call_id": "call_1", "output": "Sunny."},
            {"role": "user", "content": "And tomorrow?"},
        ],
        "tools": [
            {
                "type": "function",
                "name": "get_weather",
                "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
            }
        ],
        "tool_choice": {"type": "function", "name": "get_weather"},
        "text": {"format": {"type": "text"}},
        "reasoning": {"effort": "low"},
        "max_output_tokens": 64,
        "store": False,
    },
}
_ABSENT = object()


def paths(value: Any, where: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in ``value`` below its top level (top-level fields are fuzzed above)."""
    children: list[tuple[Any, Any]] = []
    if isinstance(value, dict):
        children = list(value.items())
    elif isinstance(value, list):
        children = list(enumerate(value))
    for key, child in children:
        here = (*where, key)
        if len(here) > 1:
            yield here
        yield from paths(child, here)


def mutated(body: dict[str, Any], where: tuple[Any, ...], value: Any) -> dict[str, Any]:
    copied = copy.deepcopy(body)
    parent = copied
    for key in where[:-1]:
        parent = parent[key]
    if value is _ABSENT:
        del parent[where[-1]]
    else:
        parent[where[-1]] = value
    return copied


def _at(body: dict[str, Any], where: tuple[Any, ...]) -> Any:
    for key in where:
        body = body[key]
    return body


def nested_variants(body: dict[str, Any], where: tuple[Any, ...]) -> list[Any]:
    """Absent (for object members), null, and values of other JSON types than the present one."""
    present = _json_type(_at(body, where))
    variants: list[Any] = [_ABSENT] if isinstance(where[-1], str) else []
    variants.append(None)
    for sample in (True, 7, "x", [1], {"x": 1}):
        kind = _json_type(sample)
        if kind != present and not (kind == "integer" and present == "number"):
            variants.append(sample)
    return variants


NESTED = [
    pytest.param(operation, backend, where, id=f"{operation}-{backend}-{'.'.join(map(str, where))}")
    for operation, backends in BACKENDS.items()
    for backend in backends
    for where in paths(RICH[operation])
]


@pytest.mark.parametrize(("operation", "backend", "where"), NESTED)
def test_a_nested_value_that_is_missing_null_or_of_the_wrong_type_is_never_a_500(
    gateway: httpx.Client, operation: str, backend: str, where: tuple[Any, ...]
) -> None:
    path, _, _, cached = OPERATIONS[operation]
    rich = {"model": MODELS[backend], **copy.deepcopy(RICH[operation])}
    failures = Failures(gateway, path, operation)
    for value in nested_variants(rich, where):
        shown = "absent" if value is _ABSENT else repr(value)
        what = f"{operation} via {backend}, {'.'.join(map(str, where))}={shown}"
        failures.exercise(mutated(rich, where, value), what, cached=cached)
    failures.verify()
