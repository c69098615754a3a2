"""OpenTelemetry traces of inference requests, following the GenAI semantic conventions.

One CLIENT span per request, built after the response ended from the times the pipeline already
measured: nothing runs on the request path while a request is in flight, and with tracing off
there is no tracer at all. OpenTelemetry is an optional dependency (the ``otel`` extra), so its
modules are imported only when a tracer is built; its configuration model
(``bastion.config.tracing``) needs none of them. The tracer is handed each request as plain
values (``TracedRequest``), which the pipeline fills in.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import orjson

from bastion.config.tracing import TracingConfig
from bastion.protocols.errors import GatewayError
from bastion.protocols.operations import Operation
from bastion.protocols.usage import Usage

if TYPE_CHECKING:
    from opentelemetry.context import Context
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import SpanExporter
    from opentelemetry.trace import Span, SpanKind, StatusCode, Tracer

log = logging.getLogger(__name__)

Attr = str | bool | int | float | tuple[str, ...]

# gen_ai.operation.name per endpoint; Anthropic Messages is a chat operation.
_OPERATIONS = {
    "chat.completions": "chat",
    "messages": "chat",
    "completions": "text_completion",
    "embeddings": "embeddings",
}
# Engines recognised by the first word of a backend's name (as discovery names them).
_ENGINES = frozenset({"vllm", "sglang", "llamacpp", "ollama", "tgi", "lmstudio"})
# Hosted OpenAI-compatible APIs with a well-known gen_ai.provider.name.
_CLOUD_HOSTS = {
    "api.openai.com": "openai",
    "api.deepseek.com": "deepseek",
    "api.groq.com": "groq",
    "api.mistral.ai": "mistral_ai",
    "api.x.ai": "x_ai",
    "api.perplexity.ai": "perplexity",
    "generativelanguage.googleapis.com": "gcp.gemini",
}
_DEFAULT_PORTS = {"http": 80, "https": 443}
# Wall clock and perf_counter drift apart (NTP slews the former), so the offset is renewed.
_OFFSET_REFRESH_SECONDS = 60.0
# Non-streamed bodies are read for the response id and finish reasons; huge ones are skipped.
_MAX_PARSED_REPLY_BYTES = 1 << 20
_MAX_ERROR_DESCRIPTION = 256
_STABILITY_OPT_IN = "OTEL_SEMCONV_STABILITY_OPT_IN"


@dataclass(frozen=True, slots=True)
class TracedBackend:
    """The backend that served a request, as its span describes it."""

    name: str
    location: str
    kind: str  # the configured backend kind: openai-compatible, anthropic, simulator
    url: str | None  # the first replica's address, standing for the backend's


@dataclass(slots=True)
class TracedRequest:
    """What the span of a finished request is made of, as plain values.

    The pipeline fills it in once the response ended (``bastion.pipeline.records``); the
    tracer reads nothing else, so telemetry does not depend on the request pipeline.
    """

    request_id: str
    operation: Operation
    headers: Mapping[str, str]
    started: float
    finished: float | None
    model: str = ""
    stream: bool = False
    status: int = 200
    outcome: str = "ok"
    first_chunk_at: float | None = None
    tenant: str | None = None
    key_id: str | None = None
    backend: TracedBackend | None = None
    upstream_model: str | None = None
    upstream_status: int | None = None
    body: dict[str, Any] | None = None
    usage: Usage | None = None
    # The reply's status, whether it was streamed and, when not, its whole body.
    reply_status: int | None = None
    reply_streamed: bool = False
    reply_body: bytes = b""
    finish_reasons: Sequence[str] | None = None
    error: GatewayError | None = None


class RequestTracer:
    """Turns each finished request into one span, exported in batches from a background thread.

    It owns its TracerProvider rather than the process-wide one, so nothing else in the process
    (or a library's instrumentation) changes where these spans go or how they are sampled.
    """

    def __init__(self, config: TracingConfig, *, exporter: SpanExporter | None = None) -> None:
        from opentelemetry.context import Context
        from opentelemetry.sdk.resources import Resource
        from opentelemetry.sdk.trace import TracerProvider
        from opentelemetry.sdk.trace.export import BatchSpanProcessor
        from opentelemetry.sdk.trace.sampling import ParentBased, TraceIdRatioBased
        from opentelemetry.trace import SpanKind, StatusCode
        from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

        from bastion import __version__

        self.config = config
        resource = Resource.create(
            {
                **config.resource_attributes,
                "service.name": config.service_name,
                "service.version": __version__,
            }
        )
        sampler = ParentBased(root=TraceIdRatioBased(config.sample_ratio))
        self._provider: TracerProvider = TracerProvider(sampler=sampler, resource=resource)
        self._provider.add_span_processor(
            BatchSpanProcessor(
                exporter if exporter is not None else _otlp_exporter(config),
                max_queue_size=config.max_queue_size,
                schedule_delay_millis=config.schedule_delay_seconds * 1000,
                max_export_batch_size=config.max_export_batch_size,
                export_timeout_millis=config.export_timeout_seconds * 1000,
            )
        )
        self._tracer: Tracer = self._provider.get_tracer("bastion", __version__)
        self._propagator = TraceContextTextMapPropagator()
        self._no_parent: Context = Context()
        self._client: SpanKind = SpanKind.CLIENT
        self._error: StatusCode = StatusCode.ERROR
        # Until the conventions settle, the deprecated gen_ai.system is sent alongside
        # gen_ai.provider.name unless the operator opted into the latest conventions only.
        opt_in = os.environ.get(_STABILITY_OPT_IN, "")
        self._legacy_system = "gen_ai_latest_experimental" not in opt_in.split(",")
        self._backends: dict[str, dict[str, Attr]] = {}
        self._offset_ns = 0
        self._offset_at = float("-inf")
        self._failed = False
        self._closed = False

    @classmethod
    def from_config(cls, config: TracingConfig) -> RequestTracer | None:
        """The tracer for ``config``, or None when tracing is off (then nothing is imported)."""
        if not config.enabled:
            return None
        try:
            import opentelemetry.exporter.otlp.proto.http.trace_exporter
            import opentelemetry.sdk.trace  # noqa: F401
        except ImportError:
            from bastion.config.errors import ConfigError, ConfigProblem

            problem = ConfigProblem(
                "telemetry.tracing.enabled",
                "tracing needs the OpenTelemetry packages: pip install 'bastion-gateway[otel]'",
            )
            raise ConfigError("configuration", [problem]) from None
        return cls(config)

    def record(self, request: TracedRequest) -> None:
        """Emits the span of a finished request; never raises, whatever the request holds."""
        if self._closed:
            return
        try:
            self._record(request)
        except Exception:
            if not self._failed:
                self._failed = True
                log.warning(
                    "could not record a trace span; later failures are not logged",
                    exc_info=True,
                    extra={"request_id": request.request_id},
                )

    def flush(self, timeout_seconds: float = 10.0) -> bool:
        """Exports what is queued; False if that did not finish within the timeout."""
        return self._provider.force_flush(int(timeout_seconds * 1000))

    async def shutdown(self) -> None:
        """Flushes queued spans and stops the exporter, off the event loop (it may block)."""
        if self._closed:
            return
        self._closed = True
        await asyncio.to_thread(self._provider.shutdown)

    def _record(self, ctx: TracedRequest) -> None:
        operation = _OPERATIONS.get(ctx.operation.value, ctx.operation.value)
        name = f"{operation} {ctx.model}" if ctx.model else operation
        offset = self._offset()
        finished = ctx.finished if ctx.finished is not None else time.perf_counter()
        span = self._tracer.start_span(
            name,
            context=self._parent(ctx.headers),
            kind=self._client,
            start_time=offset + _ns(ctx.started),
        )
        if not span.is_recording():
            return  # sampled out: no attribute is even computed
        attributes = self._attributes(ctx, operation)
        span.set_attributes(attributes)
        if ctx.first_chunk_at is not None:
            span.add_event("bastion.first_chunk", timestamp=offset + _ns(ctx.first_chunk_at))
        if "error.type" in attributes:
            self._fail(span, ctx)
        span.end(end_time=offset + _ns(finished))

    def _offset(self) -> int:
        """Nanoseconds to add to a perf_counter reading to place it on the wall clock."""
        now = time.perf_counter()
        if now - self._offset_at > _OFFSET_REFRESH_SECONDS:
            self._offset_ns = time.time_ns() - time.perf_counter_ns()
            self._offset_at = now
        return self._offset_ns

    def _parent(self, headers: Mapping[str, str]) -> Context:
        """The client's trace from its W3C traceparent; a malformed one starts a new trace."""
        if "traceparent" not in headers:
            return self._no_parent
        return self._propagator.extract(headers, context=self._no_parent)

    def _fail(self, span: Span, ctx: TracedRequest) -> None:
        description = ctx.error.message if ctx.error is not None else ctx.outcome
        span.set_status(self._error, description[:_MAX_ERROR_DESCRIPTION])

    def _attributes(self, ctx: TracedRequest, operation: str) -> dict[str, Attr]:
        attributes: dict[str, Attr] = {
            "gen_ai.operation.name": operation,
            "bastion.request_id": ctx.request_id,
            "bastion.endpoint": ctx.operation.value,
            "bastion.outcome": ctx.outcome,
            "bastion.status_code": ctx.status,
        }
        if ctx.model:
            attributes["gen_ai.request.model"] = ctx.model
        if ctx.operation.streams:
            attributes["gen_ai.request.stream"] = ctx.stream
        if ctx.tenant is not None:
            attributes["bastion.tenant"] = ctx.tenant
        if ctx.key_id is not None:
            attributes["bastion.key_id"] = ctx.key_id
        if ctx.backend is not None:
            attributes.update(self._backend(ctx.backend))
        if ctx.upstream_model is not None:
            attributes["gen_ai.response.model"] = ctx.upstream_model
        if ctx.upstream_status is not None:
            attributes["http.response.status_code"] = ctx.upstream_status
        if isinstance(ctx.body, dict):
            attributes.update(_request_settings(ctx.body))
        _add_usage(attributes, ctx)
        if ctx.first_chunk_at is not None:
            attributes["gen_ai.response.time_to_first_chunk"] = ctx.first_chunk_at - ctx.started
        reply = _reply_body(ctx)
        if reply is not None:
            attributes.update(_response_facts(ctx.operation.value, reply))
        reasons = ctx.finish_reasons
        if isinstance(reasons, list | tuple) and all(isinstance(r, str) for r in reasons):
            attributes["gen_ai.response.finish_reasons"] = tuple(reasons)
        error_type = _error_type(ctx)
        if error_type is not None:
            attributes["error.type"] = error_type
        if self.config.capture_content:
            attributes.update(_content(ctx, reply, self.config.max_content_chars))
        return attributes

    def _backend(self, backend: TracedBackend) -> dict[str, Attr]:
        """Attributes of a backend, worked out on its first request and reused."""
        cached = self._backends.get(backend.name)
        if cached is not None:
            return cached
        url = backend.url
        parts = urlsplit(url) if url else None
        host = parts.hostname if parts is not None else None
        attributes: dict[str, Attr] = {
            "bastion.backend": backend.name,
            "bastion.location": backend.location,
        }
        provider_name = self.config.provider_names.get(backend.name) or _provider_name(
            backend.name, backend.kind, host or ""
        )
        attributes["gen_ai.provider.name"] = provider_name
        if self._legacy_system:
            attributes["gen_ai.system"] = provider_name
        if parts is not None and host:
            attributes["server.address"] = host
            port = parts.port or _DEFAULT_PORTS.get(parts.scheme)
            if port is not None:
                attributes["server.port"] = port
        self._backends[backend.name] = attributes
        return attributes


def _otlp_exporter(config: TracingConfig) -> SpanExporter:
    from opentelemetry.exporter.otlp.proto.http import Compression
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

    headers = {key: value.get_secret_value() for key, value in config.headers.items()}
    return OTLPSpanExporter(
        endpoint=config.endpoint,
        headers=headers or None,
        timeout=config.export_timeout_seconds,
        compression=Compression.Gzip if config.compression == "gzip" else Compression.NoCompression,
    )


def _ns(perf_seconds: float) -> int:
    return round(perf_seconds * 1e9)


def _provider_name(backend: str, kind: str, host: str) -> str:
    if kind == "anthropic":
        return "anthropic"
    if kind == "simulator":
        return "bastion.simulator"
    if host in _CLOUD_HOSTS:
        return _CLOUD_HOSTS[host]
    if host.endswith(".openai.azure.com"):
        return "azure.ai.openai"
    first_word = backend.lower().replace("_", "-").replace(".", "-").split("-", 1)[0]
    return first_word if first_word in _ENGINES else "openai"


def _number(value: object) -> float | None:
    # bool is an int in Python, but "temperature": true is not a temperature.
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def _integer(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _request_settings(body: Mapping[str, Any]) -> dict[str, Attr]:
    """The sampling settings a client sent, under their gen_ai.request.* names."""
    out: dict[str, Attr] = {}
    max_tokens = _integer(body.get("max_completion_tokens"))
    if max_tokens is None:
        max_tokens = _integer(body.get("max_tokens"))
    if max_tokens is not None:
        out["gen_ai.request.max_tokens"] = max_tokens
    for key in ("temperature", "top_p", "frequency_penalty", "presence_penalty"):
        number = _number(body.get(key))
        if number is not None:
            out[f"gen_ai.request.{key}"] = number
    top_k = _integer(body.get("top_k"))
    if top_k is not None:
        out["gen_ai.request.top_k"] = top_k
    seed = _integer(body.get("seed"))
    if seed is not None:
        out["gen_ai.request.seed"] = seed
    choices = _integer(body.get("n"))
    if choices is not None and choices != 1:
        out["gen_ai.request.choice.count"] = choices
    stop = body.get("stop", body.get("stop_sequences"))
    if isinstance(stop, str):
        stop = [stop]
    if isinstance(stop, list) and stop and all(isinstance(s, str) for s in stop):
        out["gen_ai.request.stop_sequences"] = tuple(stop)
    response_format = body.get("response_format")
    if isinstance(response_format, dict):
        kind = response_format.get("type")
        if kind in ("json_object", "json_schema"):
            out["gen_ai.output.type"] = "json"
        elif kind == "text":
            out["gen_ai.output.type"] = "text"
    encoding = body.get("encoding_format")
    if isinstance(encoding, str):
        out["gen_ai.request.encoding_formats"] = (encoding,)
    dimensions = _integer(body.get("dimensions"))
    if dimensions is not None:
        out["gen_ai.embeddings.dimension.count"] = dimensions
    return out


def _add_usage(attributes: dict[str, Attr], ctx: TracedRequest) -> None:
    usage = ctx.usage
    if usage is None:
        return
    attributes["gen_ai.usage.input_tokens"] = usage.input_tokens
    if ctx.operation.value != "embeddings":
        attributes["gen_ai.usage.output_tokens"] = usage.output_tokens
    if usage.cached_input_tokens:
        attributes["gen_ai.usage.cache_read.input_tokens"] = usage.cached_input_tokens
    attributes["bastion.usage_estimated"] = usage.estimated


def _error_type(ctx: TracedRequest) -> str | None:
    """A low-cardinality class of failure, or None when the request succeeded."""
    status = ctx.status
    if ctx.outcome == "ok" and status < 400:
        return None
    if ctx.outcome not in ("ok", "error"):
        return ctx.outcome  # upstream_cut, upstream_timeout, client_disconnected, ...
    if ctx.error is not None and ctx.error.code:
        return ctx.error.code
    return str(status)


def _reply_body(ctx: TracedRequest) -> dict[str, Any] | None:
    """The whole JSON body sent to the client, for a successful non-streamed generation."""
    if (
        ctx.reply_status != 200
        or ctx.reply_streamed
        or ctx.operation.value == "embeddings"
        or not 0 < len(ctx.reply_body) <= _MAX_PARSED_REPLY_BYTES
    ):
        return None
    try:
        body = orjson.loads(ctx.reply_body)
    except orjson.JSONDecodeError:
        return None
    return body if isinstance(body, dict) else None


def _response_facts(endpoint: str, body: Mapping[str, Any]) -> dict[str, Attr]:
    out: dict[str, Attr] = {}
    response_id = body.get("id")
    if isinstance(response_id, str):
        out["gen_ai.response.id"] = response_id
    if endpoint == "messages":
        reason = body.get("stop_reason")
        reasons = (reason,) if isinstance(reason, str) else ()
    else:
        choices = body.get("choices")
        entries = choices if isinstance(choices, list) else []
        reasons = tuple(
            c["finish_reason"]
            for c in entries
            if isinstance(c, dict) and isinstance(c.get("finish_reason"), str)
        )
    if reasons:
        out["gen_ai.response.finish_reasons"] = reasons
    return out


# Content capture (opt-in): the conventions' message shapes, as JSON strings on the span so any
# SDK version and any tracing backend can carry them. Each text is cut to the configured length.


def _content(ctx: TracedRequest, reply: Mapping[str, Any] | None, limit: int) -> dict[str, Attr]:
    body = ctx.body
    out: dict[str, Attr] = {}
    endpoint = ctx.operation.value
    if isinstance(body, dict) and endpoint != "embeddings":
        messages, system = _input_messages(endpoint, body, limit)
        if system:
            out["gen_ai.system_instructions"] = _json(system)
        if messages:
            out["gen_ai.input.messages"] = _json(messages)
    if reply is not None:
        output = _output_messages(endpoint, reply, limit)
        if output:
            out["gen_ai.output.messages"] = _json(output)
    return out


def _json(value: object) -> str:
    return orjson.dumps(value).decode()


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _as_text(value: object, limit: int) -> str:
    """Text of a string or of a list of text parts; anything else as compact JSON."""
    if isinstance(value, str):
        return _clip(value, limit)
    if isinstance(value, list):
        texts = [p["text"] for p in value if isinstance(p, dict) and isinstance(p.get("text"), str)]
        if len(texts) == len(value):
            return _clip("".join(texts), limit)
    return _clip(_json(value), limit)


def _text_part(text: str, limit: int) -> dict[str, Any]:
    return {"type": "text", "content": _clip(text, limit)}


def _input_messages(
    endpoint: str, body: Mapping[str, Any], limit: int
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(chat history, separately given system instructions) of a request body."""
    if endpoint == "completions":
        prompt = body.get("prompt")
        prompts = [prompt] if isinstance(prompt, str) else prompt
        if not isinstance(prompts, list):
            return [], []
        texts = [p for p in prompts if isinstance(p, str)]
        return [{"role": "user", "parts": [_text_part(t, limit)]} for t in texts], []
    raw = body.get("messages")
    history = [m for m in raw if isinstance(m, dict)] if isinstance(raw, list) else []
    if endpoint == "messages":
        system = body.get("system")
        instructions = _anthropic_parts(system, limit) if system else []
        return [_anthropic_message(m, limit) for m in history], instructions
    return [_openai_message(m, limit) for m in history], []


def _openai_message(message: Mapping[str, Any], limit: int) -> dict[str, Any]:
    role = str(message.get("role") or "user")
    content = message.get("content")
    if role == "tool":
        response = _as_text(content, limit)
        part = {
            "type": "tool_call_response",
            "id": message.get("tool_call_id"),
            "response": response,
        }
        return {"role": role, "parts": [part]}
    parts = _openai_parts(content, limit)
    calls = message.get("tool_calls")
    for call in calls if isinstance(calls, list) else []:
        if not isinstance(call, dict):
            continue
        function = call.get("function")
        function = function if isinstance(function, dict) else {}
        arguments = function.get("arguments")
        parts.append(
            {
                "type": "tool_call",
                "id": call.get("id"),
                "name": function.get("name"),
                "arguments": _as_text(arguments, limit) if arguments is not None else None,
            }
        )
    return {"role": role, "parts": parts}


def _openai_parts(content: object, limit: int) -> list[dict[str, Any]]:
    if isinstance(content, str):
        return [_text_part(content, limit)]
    parts: list[dict[str, Any]] = []
    for part in content if isinstance(content, list) else []:
        if not isinstance(part, dict):
            continue
        if part.get("type") == "text" and isinstance(part.get("text"), str):
            parts.append(_text_part(part["text"], limit))
        else:
            parts.append({"type": str(part.get("type"))})  # images and files: kind only
    return parts


def _anthropic_message(message: Mapping[str, Any], limit: int) -> dict[str, Any]:
    role = str(message.get("role") or "user")
    return {"role": role, "parts": _anthropic_parts(message.get("content"), limit)}


def _anthropic_parts(content: object, limit: int) -> list[dict[str, Any]]:
    if isinstance(content, str):
        return [_text_part(content, limit)]
    parts: list[dict[str, Any]] = []
    for block in content if isinstance(content, list) else []:
        if not isinstance(block, dict):
            continue
        kind = block.get("type")
        if kind == "text" and isinstance(block.get("text"), str):
            parts.append(_text_part(block["text"], limit))
        elif kind == "tool_use":
            arguments = _as_text(block.get("input"), limit)
            call = {"type": "tool_call", "id": block.get("id"), "name": block.get("name")}
            parts.append({**call, "arguments": arguments})
        elif kind == "tool_result":
            response = _as_text(block.get("content"), limit)
            parts.append(
                {"type": "tool_call_response", "id": block.get("tool_use_id"), "response": response}
            )
        elif kind == "thinking" and isinstance(block.get("thinking"), str):
            parts.append({"type": "reasoning", "content": _clip(block["thinking"], limit)})
        else:
            parts.append({"type": str(kind)})  # images, documents: kind only
    return parts


def _output_messages(endpoint: str, body: Mapping[str, Any], limit: int) -> list[dict[str, Any]]:
    if endpoint == "messages":
        reason = body.get("stop_reason")
        parts = _anthropic_parts(body.get("content"), limit)
        return [{"role": "assistant", "parts": parts, "finish_reason": reason}]
    choices = body.get("choices")
    messages: list[dict[str, Any]] = []
    for choice in choices if isinstance(choices, list) else []:
        if not isinstance(choice, dict):
            continue
        if endpoint == "completions":
            text = choice.get("text")
            parts = [_text_part(text, limit)] if isinstance(text, str) else []
        else:
            message = choice.get("message")
            parts = _openai_message(message, limit)["parts"] if isinstance(message, dict) else []
        messages.append(
            {"role": "assistant", "parts": parts, "finish_reason": choice.get("finish_reason")}
        )
    return messages


__all__ = ["RequestTracer", "TracedBackend", "TracedRequest"]
