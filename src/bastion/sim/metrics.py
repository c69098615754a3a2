"""Prometheus metrics under vLLM's names, so dashboards and autoscalers built for vLLM work.

Each engine has its own registry (never the global one): several simulators can live in one
process, as they do in tests and inside the gateway.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

# vLLM's own bucket boundaries, so histograms line up with real engines'.
_TTFT_BUCKETS = (
    0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0,
    2.5, 5.0, 7.5, 10.0, 20.0, 40.0, 80.0, 160.0, 640.0, 2560.0,
)  # fmt: skip
_ITL_BUCKETS = (
    0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0,
    2.5, 5.0, 7.5, 10.0, 20.0, 40.0, 80.0,
)  # fmt: skip
_E2E_BUCKETS = (
    0.3, 0.5, 0.8, 1.0, 1.5, 2.0, 2.5, 5.0, 10.0, 15.0, 20.0, 30.0, 40.0, 50.0,
    60.0, 120.0, 240.0, 480.0, 960.0, 1920.0, 7680.0,
)  # fmt: skip
_FINISH_REASONS = ("stop", "length", "tool_calls", "abort")


class SimMetrics:
    def __init__(
        self,
        model_name: str,
        block_size: int = 16,
        num_kv_blocks: int = 4096,
        prefix_caching: bool = True,
    ) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        labels = ["model_name"]

        def gauge(name: str, doc: str) -> Gauge:
            return Gauge(name, doc, labels, registry=self.registry)

        def counter(name: str, doc: str) -> Counter:
            return Counter(name, doc, labels, registry=self.registry)

        def histogram(name: str, doc: str, buckets: tuple[float, ...]) -> Histogram:
            return Histogram(name, doc, labels, registry=self.registry, buckets=buckets)

        m = model_name
        self.running = gauge("vllm:num_requests_running", "Sequences in the running batch.").labels(
            m
        )
        self.waiting = gauge("vllm:num_requests_waiting", "Sequences waiting to run.").labels(m)
        self.kv_usage = gauge("vllm:kv_cache_usage_perc", "KV cache usage, 0 to 1.").labels(m)
        self.gpu_cache_usage = gauge(
            "vllm:gpu_cache_usage_perc", "KV cache usage, 0 to 1 (older name)."
        ).labels(m)
        self.preemptions = counter("vllm:num_preemptions", "Preemptions.").labels(m)
        self.prompt_tokens = counter("vllm:prompt_tokens", "Prefilled prompt tokens.").labels(m)
        self.generation_tokens = counter("vllm:generation_tokens", "Generated tokens.").labels(m)
        self.prefix_queries = counter(
            "vllm:prefix_cache_queries", "Tokens looked up in the prefix cache."
        ).labels(m)
        self.prefix_hits = counter(
            "vllm:prefix_cache_hits", "Tokens found in the prefix cache."
        ).labels(m)
        success = Counter(
            "vllm:request_success",
            "Finished requests, by finish reason.",
            ["model_name", "finished_reason"],
            registry=self.registry,
        )
        self.success = {reason: success.labels(m, reason) for reason in _FINISH_REASONS}
        self.ttft = histogram(
            "vllm:time_to_first_token_seconds", "Time to first token.", _TTFT_BUCKETS
        ).labels(m)
        self.itl = histogram(
            "vllm:inter_token_latency_seconds", "Time between output tokens.", _ITL_BUCKETS
        ).labels(m)
        self.tpot = histogram(
            "vllm:time_per_output_token_seconds",
            "Time per output token (older name).",
            _ITL_BUCKETS,
        ).labels(m)
        # vLLM states its cache geometry as labels of a constant gauge; routers read the
        # KV capacity from it.
        Gauge(
            "vllm:cache_config_info",
            "Information of the KV cache configuration.",
            ["block_size", "num_gpu_blocks", "enable_prefix_caching"],
            registry=self.registry,
        ).labels(str(block_size), str(num_kv_blocks), str(prefix_caching)).set(1)
        self.e2e = histogram(
            "vllm:e2e_request_latency_seconds", "End-to-end request latency.", _E2E_BUCKETS
        ).labels(m)

    def set_load(self, running: int, waiting: int, kv_usage: float) -> None:
        self.running.set(running)
        self.waiting.set(waiting)
        self.kv_usage.set(kv_usage)
        self.gpu_cache_usage.set(kv_usage)

    def observe_itl(self, seconds: float) -> None:
        self.itl.observe(seconds)
        self.tpot.observe(seconds)

    def render(self) -> bytes:
        return generate_latest(self.registry)
