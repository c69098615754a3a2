"""Request spans exported over OTLP/HTTP to a real (tiny) collector and decoded from protobuf."""

from __future__ import annotations

import asyncio
import gzip
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import orjson
import pytest
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import (
    ExportTraceServiceRequest,
    ExportTraceServiceResponse,
)
from opentelemetry.proto.common.v1.common_pb2 import AnyValue, KeyValue
from opentelemetry.proto.trace.v1.trace_pb2 import Span

from bastion.auth import Principal
from bastion.config import BackendConfig
from bastion.config.tracing import TracingConfig
from bastion.pipeline.context import Reply, RequestContext
from bastion.pipeline.records import traced_request
from bastion.protocols.operations import Operation
from bastion.protocols.usage import Usage
from bastion.providers.factory import build_provider
from bastion.routing.catalog import Deployment
from bastion.telemetry.tracing import RequestTracer

TRACE_ID = "0af7651916cd43dd8448eb211c80319c"
PARENT_SPAN_ID = "b7ad6b7169203331"


@dataclass
class Export:
    path: str
    headers: dict[str, str]
    request: ExportTraceServiceRequest


@dataclass
class Collector:
    """An OTLP/HTTP traces receiver on a free loopback port, keeping what it was sent."""

    server: ThreadingHTTPServer
    exports: list[Export] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1/traces"

    def spans(self) -> list[tuple[dict[str, Any], Span]]:
        """Every received span with its resource's attributes."""
        found = []
        for export in self.exports:
            for resource_spans in export.request.resource_spans:
                resource = attributes_of(resource_spans.resource.attributes)
                for scope_spans in resource_spans.scope_spans:
                    found.extend((resource, span) for span in scope_spans.spans)
        return found


@pytest.fixture
def collector() -> Iterator[Collector]:
    received: list[Export] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers["content-length"]))
            if self.headers.get("content-encoding") == "gzip":
                raw = gzip.decompress(raw)
            request = ExportTraceServiceRequest()
            request.ParseFromString(raw)
            headers = {name.lower(): value for name, value in self.headers.items()}
            received.append(Export(self.path, headers, request))
            body = ExportTraceServiceResponse().SerializeToString()
            self.send_response(200)
            self.send_header("content-type", "application/x-protobuf")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield Collector(server, received)
    server.shutdown()
    server.server_close()
    thread.join(5)


def value_of(value: AnyValue) -> Any:
    kind = value.WhichOneof("value")
    if kind == "array_value":
        return tuple(value_of(item) for item in value.array_value.values)
    return getattr(value, kind) if kind else None


def attributes_of(pairs: Any) -> dict[str, Any]:
    items: list[KeyValue] = list(pairs)
    return {pair.key: value_of(pair.value) for pair in items}


def streamed_chat() -> RequestContext:
    """A streamed chat completion of 1.2 s whose first chunk left after 0.3 s."""
    backend = build_provider(
        "vllm",
        BackendConfig(kind="openai-compatible", location="local", base_url="http://gpu1:8000/v1"),
    )
    body = {
        "model": "chat",
        "stream": True,
        "max_tokens": 64,
        "temperature": 0.7,
        "messages": [{"role": "user", "content": "Say hello"}],
    }
    now = time.perf_counter()
    return RequestContext(
        request_id="req_otlp",
        operation=Operation.CHAT,
        headers={
            "authorization": "Bearer bst-client-key",
            "traceparent": f"00-{TRACE_ID}-{PARENT_SPAN_ID}-01",
        },
        raw_body=orjson.dumps(body),
        started=now - 1.2,
        principal=Principal("t-1", "acme", "k-7", "svc", is_admin=False, scopes=frozenset()),
        body=body,
        model="chat",
        stream=True,
        deployment=Deployment("chat", backend, "meta-llama/Llama-3.1-8B-Instruct"),
        reply=Reply(200, media_type="text/event-stream"),
        first_chunk_at=now - 0.9,
        usage=Usage(input_tokens=9, output_tokens=12),
        finished=now,
    )


@pytest.mark.parametrize("compression", ["none", "gzip"])
def test_spans_reach_an_otlp_collector(collector: Collector, compression: str) -> None:
    config = TracingConfig.model_validate(
        {
            "enabled": True,
            "endpoint": collector.url,
            "headers": {"authorization": "Bearer collector-token"},
            "compression": compression,
            "service_name": "bastion-edge",
            "resource_attributes": {"deployment.environment.name": "test"},
        }
    )
    tracer = RequestTracer.from_config(config)
    assert tracer is not None
    tracer.record(traced_request(streamed_chat()))
    asyncio.run(tracer.shutdown())  # flushes the batch

    [export] = collector.exports
    assert export.path == "/v1/traces"
    assert export.headers["content-type"] == "application/x-protobuf"
    assert export.headers["authorization"] == "Bearer collector-token"
    [(resource, span)] = collector.spans()
    assert resource["service.name"] == "bastion-edge"
    assert resource["deployment.environment.name"] == "test"
    assert span.name == "chat chat"
    assert span.kind == Span.SpanKind.SPAN_KIND_CLIENT
    assert span.trace_id.hex() == TRACE_ID
    assert span.parent_span_id.hex() == PARENT_SPAN_ID
    assert span.end_time_unix_nano - span.start_time_unix_nano == pytest.approx(1.2e9, abs=1e3)
    assert abs(span.start_time_unix_nano - (time.time_ns() - 1.2e9)) < 5e9
    attributes = attributes_of(span.attributes)
    assert attributes == {
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": "vllm",
        "gen_ai.system": "vllm",
        "gen_ai.request.model": "chat",
        "gen_ai.request.stream": True,
        "gen_ai.request.max_tokens": 64,
        "gen_ai.request.temperature": 0.7,
        "gen_ai.response.model": "meta-llama/Llama-3.1-8B-Instruct",
        "gen_ai.response.time_to_first_chunk": pytest.approx(0.3),
        "gen_ai.usage.input_tokens": 9,
        "gen_ai.usage.output_tokens": 12,
        "server.address": "gpu1",
        "server.port": 8000,
        "bastion.request_id": "req_otlp",
        "bastion.endpoint": "chat.completions",
        "bastion.outcome": "ok",
        "bastion.status_code": 200,
        "bastion.tenant": "acme",
        "bastion.key_id": "k-7",
        "bastion.backend": "vllm",
        "bastion.location": "local",
        "bastion.usage_estimated": False,
    }
    [event] = span.events
    assert event.name == "bastion.first_chunk"
    assert event.time_unix_nano - span.start_time_unix_nano == pytest.approx(0.3e9, abs=1e3)
    assert b"bst-client-key" not in export.request.SerializeToString()


def test_the_standard_endpoint_variable_applies(
    collector: Collector, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", collector.url)
    tracer = RequestTracer.from_config(TracingConfig(enabled=True))
    assert tracer is not None
    tracer.record(traced_request(streamed_chat()))
    assert tracer.flush()
    asyncio.run(tracer.shutdown())
    [(_, span)] = collector.spans()
    assert span.name == "chat chat"


def test_an_unreachable_collector_costs_at_most_the_export_timeout() -> None:
    with ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler) as closed:
        port = closed.server_address[1]  # bound, then closed: nothing listens there
    config = TracingConfig(
        enabled=True, endpoint=f"http://127.0.0.1:{port}/v1/traces", export_timeout_seconds=1.0
    )
    tracer = RequestTracer.from_config(config)
    assert tracer is not None
    tracer.record(traced_request(streamed_chat()))  # never raises, never waits
    started = time.monotonic()
    asyncio.run(tracer.shutdown())
    assert time.monotonic() - started < 5.0


def test_the_gateway_traces_requests_when_configured(
    collector: Collector, scripted: tuple[Any, str], start_gateway: Any
) -> None:
    """End to end: a client request through the gateway becomes one exported span."""
    import httpx

    from tests.conftest import ADMIN_KEY

    _, url = scripted
    gateway = start_gateway(
        {"up": {"kind": "openai-compatible", "location": "local", "base_url": url + "/v1"}},
        telemetry={
            "tracing": {"enabled": True, "endpoint": collector.url, "schedule_delay_seconds": 0.1}
        },
    )
    parent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
    response = httpx.post(
        gateway.url + "/v1/chat/completions",
        json={"model": "up/echo", "messages": [{"role": "user", "content": "hi"}], "stream": True},
        headers={"authorization": f"Bearer {ADMIN_KEY}", "traceparent": parent},
        timeout=10,
    )
    assert response.status_code == 200
    deadline = time.monotonic() + 10
    while not collector.spans() and time.monotonic() < deadline:
        time.sleep(0.05)
    [(_, span)] = collector.spans()
    attributes = attributes_of(span.attributes)
    assert span.name == "chat up/echo"
    assert span.trace_id.hex() == "0af7651916cd43dd8448eb211c80319c"
    assert attributes["gen_ai.usage.output_tokens"] == 3
    assert attributes["gen_ai.response.finish_reasons"] == ("stop",)
    assert attributes["bastion.request_id"] == response.headers["x-request-id"]
