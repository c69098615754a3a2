"""Prometheus metrics of the gateway.

Labels are bounded by configuration (endpoint, backend, status code); nothing per key or per
tenant, so cardinality cannot grow with traffic.

With worker processes (``bastion serve --workers N``) the supervisor sets
``PROMETHEUS_MULTIPROC_DIR`` before any worker starts: each worker's values live in files
there, and ``/metrics`` on any worker reads them all (``exposition``), so it shows the node.
Gauges say how the workers' values combine (``multiprocess_mode``); counters and histograms add.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, multiprocess
from prometheus_client.metrics_core import Metric

_TOKEN_GAP_BUCKETS = (
    0.001, 0.0025, 0.005, 0.01, 0.015, 0.02, 0.03, 0.04, 0.05, 0.075, 0.1, 0.25, 0.5, 1.0, 2.5,
)  # fmt: skip
_COMMIT_BUCKETS = (
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
)  # fmt: skip
_BATCH_BUCKETS = (1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024)
# The gateway's own time per request: tens of microseconds to a journal commit under load.
_OVERHEAD_BUCKETS = (
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0,
)  # fmt: skip
_LATENCY_BUCKETS = (
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0,
)  # fmt: skip


class GatewayMetrics:
    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry or CollectorRegistry()
        # What /metrics shows: this process's registry, or every worker's values.
        self.exposition = node_registry() or self.registry
        r = self.registry
        self.requests = Counter(
            "bastion_requests",
            "Requests answered, by endpoint, backend and HTTP status.",
            ["endpoint", "backend", "status"],
            registry=r,
        )
        self.in_flight = Gauge(
            "bastion_requests_in_flight",
            "Requests being processed.",
            ["endpoint"],
            multiprocess_mode="livesum",
            registry=r,
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
        self.inter_token_latency = Histogram(
            "bastion_inter_token_latency_seconds",
            "Mean gap between output tokens after the first, one observation per stream.",
            ["endpoint", "backend"],
            buckets=_TOKEN_GAP_BUCKETS,
            registry=r,
        )
        self.upstream_duration = Histogram(
            "bastion_upstream_duration_seconds",
            "Time spent waiting on the upstream, from sending it the request to the end of its "
            "body or stream (failed attempts before it included); answers proxied from an "
            "upstream only.",
            ["endpoint", "backend"],
            buckets=_LATENCY_BUCKETS,
            registry=r,
        )
        self.gateway_overhead = Histogram(
            "bastion_gateway_overhead_seconds",
            "The gateway's own time per proxied answer: its request duration less the "
            "upstream's time and the queue wait, i.e. before and after the upstream.",
            ["endpoint", "backend"],
            buckets=_OVERHEAD_BUCKETS,
            registry=r,
        )
        self.queue_wait = Histogram(
            "bastion_queue_wait_seconds",
            "Time requests waited for capacity before being sent to a backend.",
            ["endpoint"],
            buckets=_LATENCY_BUCKETS,
            registry=r,
        )
        self.tokens = Counter(
            "bastion_tokens",
            "Tokens processed, by endpoint, backend and direction (input, output, cached_input).",
            ["endpoint", "backend", "direction"],
            registry=r,
        )
        self.journal_batch_size = Histogram(
            "bastion_journal_batch_records",
            "Requests whose records were committed together (group commit).",
            buckets=_BATCH_BUCKETS,
            registry=r,
        )
        self.journal_commit_seconds = Histogram(
            "bastion_journal_commit_seconds",
            "Time to write and commit one batch of ledger and audit records.",
            buckets=_COMMIT_BUCKETS,
            registry=r,
        )
        self.journal_failures = Counter(
            "bastion_journal_write_failures",
            "Failed ledger/audit batch writes (retried).",
            registry=r,
        )
        self.journal_spool_pending = Gauge(
            "bastion_journal_spool_pending_bytes",
            "Spooled records not yet loaded into the database.",
            multiprocess_mode="livemax",
            registry=r,
        )
        self.journal_loader_restarts = Counter(
            "bastion_journal_loader_restarts",
            "Times the spool loader process exited unexpectedly and was restarted.",
            registry=r,
        )
        self.journal_dropped = Counter(
            "bastion_journal_dropped",
            "Records of unacknowledged requests dropped: the journal queue was full.",
            registry=r,
        )
        self.journal_quarantined = Counter(
            "bastion_journal_quarantined",
            "Journal records the database refused (ledger, audit, checkpoint), unreadable spool "
            "lines (line) and other databases' spool files (spool_file), kept aside in quarantine.",
            ["kind"],
            registry=r,
        )
        self.connection_limits = Counter(
            "bastion_connection_limits",
            "Client connections closed or requests refused by a connection limit, by reason "
            "(header_too_large, too_many_headers, header_timeout, body_timeout, over_capacity, "
            "idle_reclaimed, invalid_http).",
            ["reason"],
            registry=r,
        )
        self.connections_open = Gauge(
            "bastion_connections_open",
            "Open client connections.",
            multiprocess_mode="livesum",
            registry=r,
        )
        self.upstream_errors = Counter(
            "bastion_upstream_errors",
            "Failed upstream calls by backend and kind (connect, timeout, status, cut).",
            ["backend", "kind"],
            registry=r,
        )
        self.retries = Counter(
            "bastion_routing_retries",
            "Requests sent again after a failure before the first byte, by backend tried.",
            ["backend"],
            registry=r,
        )
        self.retries_denied = Counter(
            "bastion_routing_retries_denied",
            "Retries not made because the retry budget was spent.",
            registry=r,
        )
        self.fallbacks = Counter(
            "bastion_routing_fallbacks",
            "Requests served by a fallback backend instead of their primary pool.",
            ["backend"],
            registry=r,
        )
        self.replica_transitions = Counter(
            "bastion_replica_transitions",
            "Replica state changes: circuit opened/closed, unhealthy/healthy, wedged, restarted.",
            ["backend", "transition"],
            registry=r,
        )
        self.admission_refusals = Counter(
            "bastion_admission_refusals",
            "Requests refused by a limit, by the kind of scope (tenant, key) and the limit.",
            ["scope", "limit"],
            registry=r,
        )
        self.admission_state_errors = Counter(
            "bastion_admission_state_errors",
            "Admission decisions made without the shared state (Redis unreachable), by the "
            "configured behaviour (closed: refused, local: per-process limits).",
            ["behaviour"],
            registry=r,
        )
        self.queue_depth = Gauge(
            "bastion_queue_depth",
            "Requests waiting for backend capacity.",
            ["backend"],
            multiprocess_mode="livesum",
            registry=r,
        )
        self.queue_shed = Counter(
            "bastion_queue_shed",
            "Requests turned away for lack of backend capacity, by reason (busy: no wait "
            "allowed, queue_full, evicted by a more urgent request, deadline, predicted_wait).",
            ["backend", "reason"],
            registry=r,
        )
        self.cache_lookups = Counter(
            "bastion_cache_lookups",
            "Response cache lookups, by outcome (exact, semantic, miss, bypass: not cacheable).",
            ["outcome"],
            registry=r,
        )
        self.cache_stores = Counter(
            "bastion_cache_stores", "Answers stored in the response cache.", registry=r
        )
        self.cache_errors = Counter(
            "bastion_cache_errors",
            "Cache lookups and stores that failed (backend down or slow, embedder failure): "
            "each one a miss or a skipped store, never a failed request.",
            registry=r,
        )
        self.cache_guard_rejections = Counter(
            "bastion_cache_guard_rejections",
            "Semantic candidates similar enough but refused by a guard (numbers, dates, "
            "entities, negation, direction): false hits prevented.",
            registry=r,
        )
        self.guardrail_findings = Counter(
            "bastion_guardrail_findings",
            "Sensitive values found in requests, by data class, kind and the action taken.",
            ["category", "kind", "action"],
            registry=r,
        )
        self.guardrail_injections = Counter(
            "bastion_guardrail_injections",
            "Requests scoring at or above the prompt-injection threshold, by the action taken.",
            ["action"],
            registry=r,
        )
        self.guardrail_output_masked = Counter(
            "bastion_guardrail_output_masked",
            "Sensitive values masked in answers (output policy redact).",
            registry=r,
        )
        self.guardrail_output_blocked = Counter(
            "bastion_guardrail_output_blocked",
            "Answers (choices) ended at a sensitive value (output policy block).",
            registry=r,
        )
        self.guardrail_failures = Counter(
            "bastion_guardrail_failures",
            "Inspections that did not finish or could not mask everything (timeout, error, "
            "injection, unreadable, unmasked, unmaskable, split): those requests stay on local "
            "backends.",
            ["reason"],
            registry=r,
        )
        self.capacity_limit = Gauge(
            "bastion_capacity_concurrent_requests",
            "Requests a backend may run at once from this gateway (configured or learned).",
            ["backend"],
            multiprocess_mode="livesum",
            registry=r,
        )
        self.capacity_in_use = Gauge(
            "bastion_capacity_in_use",
            "Requests running on a backend under its capacity limit.",
            ["backend"],
            multiprocess_mode="livesum",
            registry=r,
        )
        self._routes: dict[tuple[str, str], RouteMetrics] = {}
        self.client_disconnects = Counter(
            "bastion_client_disconnects",
            "Requests whose client went away before the response was complete.",
            ["endpoint"],
            registry=r,
        )
        # Which tenant is in the admin event, not in a label (see bastion.admission.anomaly).
        self.usage_anomalies = Counter(
            "bastion_usage_anomalies",
            "Tenants' usage anomalies started (a sudden multiple of their own baseline), by "
            "what rose (requests, tokens).",
            ["what"],
            registry=r,
        )
        self.usage_anomalies_active = Gauge(
            "bastion_usage_anomalies_active",
            "Tenants whose usage anomaly is in progress.",
            multiprocess_mode="livemax",
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
                inter_token_latency=self.inter_token_latency.labels(endpoint, backend),
                queue_wait=self.queue_wait.labels(endpoint),
                upstream_duration=self.upstream_duration.labels(endpoint, backend),
                gateway_overhead=self.gateway_overhead.labels(endpoint, backend),
                input_tokens=self.tokens.labels(endpoint, backend, "input"),
                output_tokens=self.tokens.labels(endpoint, backend, "output"),
                cached_input_tokens=self.tokens.labels(endpoint, backend, "cached_input"),
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
    inter_token_latency: Histogram
    queue_wait: Histogram
    upstream_duration: Histogram
    gateway_overhead: Histogram
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


MULTIPROCESS_ENV = "PROMETHEUS_MULTIPROC_DIR"


def node_registry() -> CollectorRegistry | None:
    """A registry reading every worker's values, when this process is one of several."""
    directory = os.environ.get(MULTIPROCESS_ENV)
    if not directory:
        return None
    registry = CollectorRegistry(auto_describe=False)
    registry.register(_GatewayFamilies(multiprocess.MultiProcessCollector(None, directory)))  # type: ignore[no-untyped-call]
    return registry


class _GatewayFamilies:
    """Only the gateway's own families: an in-process simulator's metrics land in the same
    files (they are the engine's, served on the engine's own /metrics)."""

    def __init__(self, source: multiprocess.MultiProcessCollector) -> None:
        self._source = source

    def collect(self) -> Iterator[Metric]:
        return (m for m in self._source.collect() if m.name.startswith("bastion_"))  # type: ignore[no-untyped-call]
