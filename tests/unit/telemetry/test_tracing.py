"""Request spans: every attribute, timing, the client's traceparent, and what is never recorded."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Iterator
from typing import Any

import orjson
import pytest
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode
from pydantic import ValidationError

from bastion.auth import Principal
from bastion.config import BackendConfig
from bastion.config.tracing import TracingConfig
from bastion.pipeline.context import Reply, RequestContext
from bastion.pipeline.records import traced_request
from bastion.protocols.errors import GatewayError, unauthorized
from bastion.protocols.operations import Operation
from bastion.protocols.usage import Usage
from bastion.providers.base import Provider
from bastion.providers.factory import build_provider
from bastion.providers.response import UpstreamResponse
from bastion.routing.catalog import Deployment
from bastion.telemetry.tracing import RequestTracer

TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736"
PARENT_SPAN_ID = "00f067aa0ba902b7"
CLIENT_KEY = "bst-client-secret-key-0123456789"
UPSTREAM_KEY = "sk-ant-upstream-secret"
PROMPT = "Tell me the secret recipe"
ANSWER = "The recipe is flour and water"

PRINCIPAL = Principal(
    tenant_id="t-1",
    tenant_name="acme",
    key_id="k-42",
    key_name="backend-service",
    is_admin=False,
    scopes=frozenset(),
)


class Traced:
    """A tracer exporting to memory, and the spans it has exported so far."""

    def __init__(self, tracer: RequestTracer, exporter: InMemorySpanExporter) -> None:
        self.tracer = tracer
        self.exporter = exporter

    def spans(self) -> list[ReadableSpan]:
        assert self.tracer.flush()
        return list(self.exporter.get_finished_spans())

    def only_span(self, ctx: RequestContext) -> ReadableSpan:
        self.tracer.record(traced_request(ctx))
        spans = self.spans()
        assert len(spans) == 1
        return spans[0]


TracedFactory = Callable[..., Traced]


@pytest.fixture
def traced() -> Iterator[TracedFactory]:
    made: list[RequestTracer] = []

    def factory(**settings: Any) -> Traced:
        exporter = InMemorySpanExporter()
        tracer = RequestTracer(TracingConfig(enabled=True, **settings), exporter=exporter)
        made.append(tracer)
        return Traced(tracer, exporter)

    yield factory
    for tracer in made:
        asyncio.run(tracer.shutdown())


class FinishedUpstream(UpstreamResponse):
    def __init__(self, status: int) -> None:
        self.status = status
        self.headers = {}

    async def read(self) -> bytes:
        return b""

    async def first_chunk(self) -> bytes:
        return b""

    async def _nothing(self) -> AsyncIterator[bytes]:
        for chunk in ():
            yield chunk

    def chunks(self) -> AsyncIterator[bytes]:
        return self._nothing()

    def abort(self) -> None:
        pass

    def release(self) -> None:
        pass


def vllm_backend() -> Provider:
    config = BackendConfig(
        kind="openai-compatible", location="local", base_url="http://gpu1:8000/v1"
    )
    return build_provider("vllm-gpu1", config)


def anthropic_backend() -> Provider:
    config = BackendConfig.model_validate(
        {"kind": "anthropic", "location": "external", "api_key": UPSTREAM_KEY}
    )
    return build_provider("anth", config)


def chat_context(**overrides: Any) -> RequestContext:
    """A finished, successful, non-streamed chat completion that took half a second."""
    now = time.perf_counter()
    body = {
        "model": "chat",
        "messages": [
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": PROMPT},
        ],
        "max_tokens": 128,
        "temperature": 0.2,
        "top_p": 0.9,
    }
    answer = {
        "id": "chatcmpl-123",
        "object": "chat.completion",
        "model": "chat",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": ANSWER},
                "finish_reason": "stop",
            }
        ],
    }
    fields: dict[str, Any] = {
        "request_id": "req_1",
        "operation": Operation.CHAT,
        "headers": {"authorization": f"Bearer {CLIENT_KEY}", "content-type": "application/json"},
        "raw_body": orjson.dumps(body),
        "started": now - 0.5,
        "principal": PRINCIPAL,
        "body": body,
        "model": "chat",
        "deployment": Deployment("chat", vllm_backend(), "meta-llama/Llama-3.1-8B-Instruct"),
        "upstream": FinishedUpstream(200),
        "reply": Reply(200, orjson.dumps(answer)),
        "usage": Usage(input_tokens=21, output_tokens=7, cached_input_tokens=16),
        "finished": now,
    }
    fields.update(overrides)
    return RequestContext(**fields)


async def _chunks() -> AsyncGenerator[bytes, None]:
    yield b"data: {}\n\n"


def streamed_context(**overrides: Any) -> RequestContext:
    now = time.perf_counter()
    fields: dict[str, Any] = {
        "stream": True,
        "reply": Reply(200, stream=_chunks(), media_type="text/event-stream"),
        "started": now - 2.0,
        "first_chunk_at": now - 1.75,
        "finished": now,
    }
    fields.update(overrides)
    return chat_context(**fields)


def all_values(span: ReadableSpan) -> str:
    """Every attribute and event of a span as one string, to look for what must not be there."""
    events = [(event.name, dict(event.attributes or {})) for event in span.events]
    return repr((dict(span.attributes or {}), events, span.status.description))


def test_successful_chat_request(traced: TracedFactory) -> None:
    ctx = chat_context()
    before = time.time_ns()
    span = traced().only_span(ctx)

    assert span.name == "chat chat"
    assert span.kind is SpanKind.CLIENT
    assert span.parent is None
    assert span.status.status_code is StatusCode.UNSET
    assert dict(span.attributes or {}) == {
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": "vllm",
        "gen_ai.system": "vllm",
        "gen_ai.request.model": "chat",
        "gen_ai.request.stream": False,
        "gen_ai.request.max_tokens": 128,
        "gen_ai.request.temperature": 0.2,
        "gen_ai.request.top_p": 0.9,
        "gen_ai.response.model": "meta-llama/Llama-3.1-8B-Instruct",
        "gen_ai.response.id": "chatcmpl-123",
        "gen_ai.response.finish_reasons": ("stop",),
        "gen_ai.usage.input_tokens": 21,
        "gen_ai.usage.output_tokens": 7,
        "gen_ai.usage.cache_read.input_tokens": 16,
        "server.address": "gpu1",
        "server.port": 8000,
        "http.response.status_code": 200,
        "bastion.request_id": "req_1",
        "bastion.endpoint": "chat.completions",
        "bastion.outcome": "ok",
        "bastion.status_code": 200,
        "bastion.tenant": "acme",
        "bastion.key_id": "k-42",
        "bastion.backend": "vllm-gpu1",
        "bastion.location": "local",
        "bastion.usage_estimated": False,
    }
    assert span.events == ()
    # Placed on the wall clock where the request happened, with its exact measured duration.
    assert span.start_time is not None
    assert span.end_time is not None
    assert ctx.finished is not None
    assert span.end_time - span.start_time == round(ctx.finished * 1e9) - round(ctx.started * 1e9)
    assert abs(span.start_time - (before - 500_000_000)) < 50_000_000
    assert span.resource.attributes["service.name"] == "bastion"


def test_streamed_request_marks_the_first_chunk(traced: TracedFactory) -> None:
    ctx = streamed_context(finish_reasons=["length"])
    span = traced().only_span(ctx)

    attributes = dict(span.attributes or {})
    assert attributes["gen_ai.request.stream"] is True
    assert attributes["gen_ai.response.time_to_first_chunk"] == pytest.approx(0.25)
    assert attributes["gen_ai.response.finish_reasons"] == ("length",)
    assert "gen_ai.response.id" not in attributes  # a stream's body is not read back
    [event] = span.events
    assert event.name == "bastion.first_chunk"
    assert span.start_time is not None
    assert event.timestamp - span.start_time == pytest.approx(250_000_000, abs=1_000)


@pytest.mark.parametrize(
    ("change", "error_type", "description"),
    [
        (
            lambda ctx: ctx.fail(
                GatewayError(502, "Backend 'vllm-gpu1' failed: HTTP 500", code="bad_gateway")
            ),
            "bad_gateway",
            "Backend 'vllm-gpu1' failed: HTTP 500",
        ),
        (
            # An upstream refusal passed through in the client's shape carries no code.
            lambda ctx: (
                setattr(ctx, "error", GatewayError(400, "upstream refused the request")),
                setattr(ctx, "outcome", "error"),
                setattr(ctx, "reply", Reply(400, b"{}")),
            ),
            "400",
            "upstream refused the request",
        ),
        (lambda ctx: setattr(ctx, "outcome", "upstream_cut"), "upstream_cut", "upstream_cut"),
        (
            lambda ctx: setattr(ctx, "outcome", "client_disconnected"),
            "client_disconnected",
            "client_disconnected",
        ),
    ],
)
def test_failures_set_error_type_and_status(
    traced: TracedFactory,
    change: Callable[[RequestContext], object],
    error_type: str,
    description: str,
) -> None:
    ctx = chat_context()
    change(ctx)
    span = traced().only_span(ctx)

    assert span.attributes is not None
    assert span.attributes["error.type"] == error_type
    assert span.status.status_code is StatusCode.ERROR
    assert span.status.description == description


def test_auth_failure_without_deployment(traced: TracedFactory) -> None:
    ctx = RequestContext(
        request_id="req_2",
        operation=Operation.MESSAGES,
        headers={"x-api-key": CLIENT_KEY},
        raw_body=b'{"model": "anth", "messages": []}',
    )
    ctx.fail(unauthorized("Invalid API key."))
    ctx.finished = time.perf_counter()
    span = traced().only_span(ctx)

    assert span.name == "chat"
    assert dict(span.attributes or {}) == {
        "gen_ai.operation.name": "chat",
        "gen_ai.request.stream": False,
        "bastion.request_id": "req_2",
        "bastion.endpoint": "messages",
        "bastion.outcome": "error",
        "bastion.status_code": 401,
        "error.type": "invalid_api_key",
    }
    assert span.status.status_code is StatusCode.ERROR
    assert CLIENT_KEY not in all_values(span)


def test_a_client_traceparent_becomes_the_parent(traced: TracedFactory) -> None:
    headers = {"traceparent": f"00-{TRACE_ID}-{PARENT_SPAN_ID}-01", "tracestate": "vendor=1"}
    span = traced().only_span(chat_context(headers=headers))

    assert span.context is not None
    assert span.context.trace_id == int(TRACE_ID, 16)
    assert span.parent is not None
    assert span.parent.span_id == int(PARENT_SPAN_ID, 16)
    assert span.parent.is_remote
    assert span.context.trace_state.get("vendor") == "1"


def test_an_unsampled_client_trace_is_not_exported(traced: TracedFactory) -> None:
    headers = {"traceparent": f"00-{TRACE_ID}-{PARENT_SPAN_ID}-00"}
    tracing = traced()
    tracing.tracer.record(traced_request(chat_context(headers=headers)))
    assert tracing.spans() == []


def test_a_malformed_traceparent_starts_a_new_trace(traced: TracedFactory) -> None:
    span = traced().only_span(chat_context(headers={"traceparent": "00-nonsense"}))
    assert span.parent is None


def test_sample_ratio_zero_exports_nothing(traced: TracedFactory) -> None:
    tracing = traced(sample_ratio=0.0)
    tracing.tracer.record(traced_request(chat_context()))
    assert tracing.spans() == []


def test_content_is_absent_unless_captured(traced: TracedFactory) -> None:
    span = traced().only_span(chat_context())

    recorded = all_values(span)
    for secret in (PROMPT, ANSWER, "Be brief.", CLIENT_KEY):
        assert secret not in recorded
    assert span.attributes is not None
    assert not any(key.startswith(("gen_ai.input", "gen_ai.output.")) for key in span.attributes)


def test_captured_chat_content_follows_the_conventions(traced: TracedFactory) -> None:
    span = traced(capture_content=True, max_content_chars=10).only_span(chat_context())

    assert span.attributes is not None
    assert orjson.loads(str(span.attributes["gen_ai.input.messages"])) == [
        {"role": "system", "parts": [{"type": "text", "content": "Be brief."}]},
        {"role": "user", "parts": [{"type": "text", "content": "Tell me th…"}]},
    ]
    assert orjson.loads(str(span.attributes["gen_ai.output.messages"])) == [
        {
            "role": "assistant",
            "parts": [{"type": "text", "content": "The recipe…"}],
            "finish_reason": "stop",
        }
    ]
    assert CLIENT_KEY not in all_values(span)


def test_captured_openai_tool_calls_and_images(traced: TracedFactory) -> None:
    image = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUg"
    messages = [
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "What is this?"},
                {"type": "image_url", "image_url": {"url": image}},
            ],
        },
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "call_1",
                    "type": "function",
                    "function": {"name": "look", "arguments": '{"q": 1}'},
                }
            ],
        },
        {"role": "tool", "tool_call_id": "call_1", "content": "a cat"},
    ]
    body = {"model": "chat", "messages": messages}
    span = traced(capture_content=True).only_span(chat_context(body=body))

    assert span.attributes is not None
    assert orjson.loads(str(span.attributes["gen_ai.input.messages"])) == [
        {
            "role": "user",
            "parts": [{"type": "text", "content": "What is this?"}, {"type": "image_url"}],
        },
        {
            "role": "assistant",
            "parts": [
                {"type": "tool_call", "id": "call_1", "name": "look", "arguments": '{"q": 1}'}
            ],
        },
        {
            "role": "tool",
            "parts": [{"type": "tool_call_response", "id": "call_1", "response": "a cat"}],
        },
    ]
    assert "iVBORw0KGgo" not in all_values(span)


def test_captured_anthropic_content_separates_system_instructions(traced: TracedFactory) -> None:
    body = {
        "model": "anth",
        "max_tokens": 64,
        "system": "Be brief.",
        "messages": [
            {"role": "user", "content": [{"type": "text", "text": PROMPT}]},
            {
                "role": "assistant",
                "content": [{"type": "tool_use", "id": "tu_1", "name": "look", "input": {"q": 1}}],
            },
            {
                "role": "user",
                "content": [{"type": "tool_result", "tool_use_id": "tu_1", "content": "found"}],
            },
        ],
    }
    answer = {
        "id": "msg_1",
        "type": "message",
        "content": [{"type": "text", "text": ANSWER}],
        "stop_reason": "end_turn",
    }
    ctx = chat_context(
        operation=Operation.MESSAGES,
        body=body,
        model="anth",
        deployment=Deployment("anth", anthropic_backend(), "anthropic-x"),
        reply=Reply(200, orjson.dumps(answer)),
    )
    span = traced(capture_content=True).only_span(ctx)

    attributes = dict(span.attributes or {})
    assert attributes["gen_ai.provider.name"] == "anthropic"
    assert attributes["server.address"] == "api.anthropic.com"
    assert attributes["server.port"] == 443
    assert attributes["gen_ai.response.finish_reasons"] == ("end_turn",)
    assert attributes["gen_ai.response.id"] == "msg_1"
    assert orjson.loads(str(attributes["gen_ai.system_instructions"])) == [
        {"type": "text", "content": "Be brief."}
    ]
    assert orjson.loads(str(attributes["gen_ai.input.messages"])) == [
        {"role": "user", "parts": [{"type": "text", "content": PROMPT}]},
        {
            "role": "assistant",
            "parts": [{"type": "tool_call", "id": "tu_1", "name": "look", "arguments": '{"q":1}'}],
        },
        {
            "role": "user",
            "parts": [{"type": "tool_call_response", "id": "tu_1", "response": "found"}],
        },
    ]
    assert orjson.loads(str(attributes["gen_ai.output.messages"])) == [
        {
            "role": "assistant",
            "parts": [{"type": "text", "content": ANSWER}],
            "finish_reason": "end_turn",
        }
    ]
    assert UPSTREAM_KEY not in all_values(span)


def test_embeddings_and_completions_operation_names(traced: TracedFactory) -> None:
    tracing = traced()
    embeddings = chat_context(
        operation=Operation.EMBEDDINGS,
        body={"model": "embed", "input": "hello", "encoding_format": "float"},
        model="embed",
        usage=Usage(input_tokens=2),
        reply=Reply(200, b'{"data": []}'),
    )
    completions = chat_context(
        operation=Operation.COMPLETIONS,
        body={"model": "chat", "prompt": PROMPT, "max_tokens": 5},
        reply=Reply(
            200, b'{"id": "cmpl-1", "choices": [{"text": "x", "finish_reason": "length"}]}'
        ),
    )
    tracing.tracer.record(traced_request(embeddings))
    tracing.tracer.record(traced_request(completions))
    first, second = tracing.spans()

    assert first.name == "embeddings embed"
    assert first.attributes is not None
    assert first.attributes["gen_ai.operation.name"] == "embeddings"
    assert first.attributes["gen_ai.request.encoding_formats"] == ("float",)
    assert "gen_ai.request.stream" not in first.attributes
    assert "gen_ai.usage.output_tokens" not in first.attributes
    assert second.name == "text_completion chat"
    assert second.attributes is not None
    assert second.attributes["gen_ai.response.finish_reasons"] == ("length",)


@pytest.mark.parametrize(
    ("name", "base_url", "provider"),
    [
        ("vllm", "http://127.0.0.1:8000/v1", "vllm"),
        ("ollama_box", "http://10.0.0.5:11434/v1", "ollama"),
        ("gpu-pool", "http://10.0.0.6:8000/v1", "openai"),
        ("cloud", "https://api.openai.com/v1", "openai"),
        ("fast", "https://api.groq.com/openai/v1", "groq"),
        ("azure", "https://acme.openai.azure.com/openai/v1", "azure.ai.openai"),
    ],
)
def test_provider_name_of_openai_compatible_backends(
    traced: TracedFactory, name: str, base_url: str, provider: str
) -> None:
    config = BackendConfig(kind="openai-compatible", location="external", base_url=base_url)
    deployment = Deployment("m", build_provider(name, config), "m")
    span = traced().only_span(chat_context(deployment=deployment))
    assert span.attributes is not None
    assert span.attributes["gen_ai.provider.name"] == provider


def test_configured_provider_names_win(traced: TracedFactory) -> None:
    span = traced(provider_names={"vllm-gpu1": "acme.inference"}).only_span(chat_context())
    assert span.attributes is not None
    assert span.attributes["gen_ai.provider.name"] == "acme.inference"


def test_latest_conventions_only_drop_gen_ai_system(
    traced: TracedFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OTEL_SEMCONV_STABILITY_OPT_IN", "http,gen_ai_latest_experimental")
    span = traced().only_span(chat_context())
    assert span.attributes is not None
    assert "gen_ai.system" not in span.attributes
    assert span.attributes["gen_ai.provider.name"] == "vllm"


def test_record_never_raises_and_logs_once(
    traced: TracedFactory, caplog: pytest.LogCaptureFixture
) -> None:
    tracing = traced()
    broken = chat_context()
    broken.started = None  # type: ignore[assignment]
    with caplog.at_level(logging.WARNING, logger="bastion.telemetry.tracing"):
        tracing.tracer.record(traced_request(broken))
        tracing.tracer.record(traced_request(broken))
    assert len(caplog.records) == 1
    # A later good request is still traced.
    assert tracing.only_span(chat_context()).name == "chat chat"


def test_nothing_is_recorded_after_shutdown(traced: TracedFactory) -> None:
    tracing = traced()
    asyncio.run(tracing.tracer.shutdown())
    tracing.tracer.record(traced_request(chat_context()))
    assert list(tracing.exporter.get_finished_spans()) == []


def test_disabled_config_builds_no_tracer() -> None:
    assert RequestTracer.from_config(TracingConfig()) is None


def test_enabled_config_builds_an_otlp_tracer() -> None:
    config = TracingConfig(enabled=True, endpoint="http://127.0.0.1:9/v1/traces")
    tracer = RequestTracer.from_config(config)
    assert isinstance(tracer, RequestTracer)
    asyncio.run(tracer.shutdown())


@pytest.mark.parametrize(
    "settings",
    [
        {"endpoint": "collector:4318"},
        {"sample_ratio": 1.5},
        {"max_queue_size": 10, "max_export_batch_size": 20},
        {"unknown": True},
    ],
)
def test_invalid_settings_are_rejected(settings: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        TracingConfig.model_validate(settings)


def test_collector_headers_are_secret() -> None:
    config = TracingConfig.model_validate({"headers": {"authorization": "Bearer collector-token"}})
    assert "collector-token" not in repr(config)
    assert config.headers["authorization"].get_secret_value() == "Bearer collector-token"
