"""Prometheus metrics of the gateway.

Labels are bounded by configuration (endpoint, backend, status code); nothing per key or per
tenant, so cardinality cannot grow with traffic.
"""

from __future__ import annotations

from dataclasses import dataclass

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
        self._routes: dict[tuple[str, str], RouteMetrics] = {}
        self.client_disconnects = Counter(
            "bastion_client_disconnects",
            "Requests whose client went away before the response was complete.",
            ["endpoint"],
            registry=r,
        )

    def route(self, endpoint: str, backend: str) -> RouteMetrics:
        """The labelled children for one (endpoint, backend), resolved once and reused.

        Resolving labels takes a lock and a dictionary lookup per call; the account stage would
        otherwise do that half a dozen times per request.
        """
        key = (endpoint, backend)
        route = self._routes.get(key)
        if route is None:
            route = RouteMetrics(
                duration=self.duration.labels(endpoint, backend),
                time_to_first_token=self.time_to_first_token.labels(endpoint, backend),
                input_tokens=self.tokens.labels(backend, "input"),
                output_tokens=self.tokens.labels(backend, "output"),
                cached_input_tokens=self.tokens.labels(backend, "cached_input"),
                statuses={},
                counter=self.requests,
                endpoint=endpoint,
                backend=backend,
            )
            self._routes[key] = route
        return route


@dataclass(slots=True)
class RouteMetrics:
    duration: Histogram
    time_to_first_token: Histogram
    input_tokens: Counter
    output_tokens: Counter
    cached_input_tokens: Counter
    statuses: dict[int, Counter]
    counter: Counter
    endpoint: str
    backend: str

    def count(self, status: int) -> None:
        child = self.statuses.get(status)
        if child is None:
            child = self.statuses[status] = self.counter.labels(
                self.endpoint, self.backend, str(status)
            )
        child.inc()
