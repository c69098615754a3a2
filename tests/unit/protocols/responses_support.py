"""Helpers for the Responses API tests: event checks, schema validation, an SDK over a stub."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import httpx2
import openai
import orjson
import pytest

from bastion.protocols.sse import SSEParser
from tests import openapi_schema

Event = tuple[str, dict[str, Any]]


def parse_events(raw: bytes) -> list[Event]:
    """Named SSE events, each checked to carry its name as ``type``."""
    out: list[Event] = []
    for event in SSEParser().feed(raw):
        payload = orjson.loads(event.data)
        assert event.event == payload["type"], "event name and type differ"
        out.append((payload["type"], payload))
    return out


def require_spec() -> None:
    reason = openapi_schema.missing_spec_reason()
    if reason is not None:
        if openapi_schema.in_ci():
            pytest.fail(reason)
        pytest.skip(reason)


@functools.cache
def event_components() -> dict[str, str]:
    """Stream event type → its schema component, read from ``ResponseStreamEvent``."""
    schemas = openapi_schema.load_document()["components"]["schemas"]
    out: dict[str, str] = {}
    for option in schemas["ResponseStreamEvent"]["anyOf"]:
        name = option["$ref"].rsplit("/", 1)[-1]
        kind = schemas[name]["properties"]["type"]
        out[kind["enum"][0]] = name
    return out


def assert_valid(component: str, instance: Any) -> None:
    require_spec()
    errors = openapi_schema.schema_errors(component, instance)
    assert not errors, f"{component}: " + "\n".join(errors)


def assert_valid_events(events: list[Event]) -> None:
    """Every event against its own component of the published description."""
    components = event_components()
    for kind, payload in events:
        assert kind in components, f"{kind} is not a Responses stream event"
        assert_valid(components[kind], payload)


def check_stream(events: list[Event]) -> dict[str, Any]:
    """The lifecycle rules every Responses stream keeps; returns the final Response.

    Sequence numbers count from 0 without gaps; created and in_progress open; one terminal
    event ends; every item event refers to an item added earlier, by a stable id and index,
    and nothing refers to an item after its ``output_item.done``.
    """
    assert [p["sequence_number"] for _, p in events] == list(range(len(events)))
    kinds = [kind for kind, _ in events]
    assert kinds[:2] == ["response.created", "response.in_progress"]
    terminal = {"response.completed", "response.incomplete", "response.failed"}
    assert kinds[-1] in terminal
    assert not terminal & set(kinds[:-1])
    response_id = events[0][1]["response"]["id"]
    items: dict[int, str] = {}
    done: set[int] = set()
    parts: dict[tuple[int, int], bool] = {}  # (output, content index) → still open
    for kind, payload in events:
        if "response" in payload:
            assert payload["response"]["id"] == response_id
            continue
        index = payload["output_index"]
        if kind == "response.output_item.added":
            assert index == len(items), "items are added in order"
            items[index] = payload["item"]["id"]
            continue
        assert index in items and index not in done, f"{kind} for an item not open"
        item_id = payload["item"]["id"] if "item" in payload else payload["item_id"]
        assert item_id == items[index], "item ids are stable"
        if kind == "response.output_item.done":
            assert not any(open_ for (i, _), open_ in parts.items() if i == index)
            done.add(index)
        elif kind == "response.content_part.added":
            key = (index, payload["content_index"])
            assert key not in parts
            parts[key] = True
        elif kind == "response.content_part.done":
            parts[(index, payload["content_index"])] = False
        elif "content_index" in payload:
            assert parts.get((index, payload["content_index"])) is True
    assert done == set(items), "every item is done"
    final: dict[str, Any] = events[-1][1]["response"]
    assert [item["id"] for item in final["output"]] == [items[i] for i in sorted(items)]
    return final


def sse_response(raw: bytes) -> Callable[[httpx2.Request], httpx2.Response]:
    def handler(request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(200, content=raw, headers={"content-type": "text/event-stream"})

    return handler


def json_response(body: dict[str, Any]) -> Callable[[httpx2.Request], httpx2.Response]:
    def handler(request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(
            200, content=orjson.dumps(body), headers={"content-type": "application/json"}
        )

    return handler


def sdk_client(handler: Callable[[httpx2.Request], httpx2.Response]) -> openai.OpenAI:
    """The official client, talking to ``handler`` instead of a server."""
    transport = httpx2.MockTransport(handler)
    return openai.OpenAI(
        api_key="test",
        base_url="http://gateway.test/v1",
        http_client=httpx2.Client(transport=transport),
        max_retries=0,
    )
