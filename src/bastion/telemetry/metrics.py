"""Prometheus metrics of the gateway.

Labels are bounded by configuration (endpoint, backend, status code); nothing per key or per
tenant, so cardinality cannot grow with traffic.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

_LATENCY_BUCKETS = (
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0,
)  # fmt: skip


class GatewayMetrics:
    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry or CollectorRegistry()
        r = self.registry
        self.requests = Counter(
            "bastion_requests",
            "Requests answered, by endpoint, backend and HTTP status.",
            ["endpoint", "backend", "status"],
            registry=r,
        )
        self.in_flight = Gauge(
            "bastion_requests_in_flight", "Requests being processed.", ["endpoint"], registry=r
        )
        self.duration = Histogram(
            "bastion_request_duration_seconds",
            "End-to-end request latency as seen by the gateway.",
            ["endpoint", "backend"],
            buckets=_LATENCY_BUCKETS,
            registry=r,
        )
        self.time_to_first_token = Histogram(
            "bastion_time_to_first_token_seconds",
            "Time from request arrival to the first streamed chunk sent to the client.",
            ["endpoint", "backend"],
            buckets=_LATENCY_BUCKETS,
            registry=r,
        )
        self.tokens = Counter(
            "bastion_tokens",
            "Tokens processed, by backend and direction (input, output, cached_input).",
            ["backend", "direction"],
            registry=r,
        )
        self.upstream_errors = Counter(
            "bastion_upstream_errors",
            "Failed upstream calls by backend and kind (connect, timeout, status, cut).",
            ["backend", "kind"],
            registry=r,
        )
        self.client_disconnects = Counter(
            "bastion_client_disconnects",
            "Requests whose client went away before the response was complete.",
            ["endpoint"],
            registry=r,
        )
