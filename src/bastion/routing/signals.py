"""Load signals scraped from an engine's Prometheus ``/metrics`` (vLLM and SGLang names)."""

from __future__ import annotations

from dataclasses import dataclass

from prometheus_client.parser import text_string_to_metric_families

# Sample name → (signal, how several label sets combine).
_SIGNALS: dict[str, tuple[str, str]] = {
    "vllm:num_requests_waiting": ("waiting", "sum"),
    "vllm:num_requests_running": ("running", "sum"),
    "vllm:kv_cache_usage_perc": ("kv_usage", "max"),
    "vllm:gpu_cache_usage_perc": ("kv_usage", "max"),  # the name before vLLM 0.10
    "vllm:generation_tokens_total": ("generated", "sum"),
    "sglang:num_queue_reqs": ("waiting", "sum"),
    "sglang:num_running_reqs": ("running", "sum"),
    "sglang:token_usage": ("kv_usage", "max"),
    "sglang:generation_tokens_total": ("generated", "sum"),
    "sglang:max_total_num_tokens": ("kv_tokens", "sum"),
}
# vLLM states its KV cache size as labels of an info gauge: num_gpu_blocks x block_size tokens.
_VLLM_CACHE_INFO = "vllm:cache_config_info"
_PREFIXES = tuple({name.split(":", 1)[0] + ":" for name in _SIGNALS})
_FAMILIES = (*{name.removesuffix("_total") for name in _SIGNALS}, _VLLM_CACHE_INFO)


@dataclass(frozen=True, slots=True)
class EngineSample:
    waiting: float = 0.0
    running: float = 0.0
    kv_usage: float = 0.0
    # Tokens generated since the engine started; None when the engine does not say.
    generated: float | None = None
    # Tokens the KV cache holds at most; None when the engine does not say.
    kv_tokens: float | None = None


def parse_engine_metrics(text: str) -> EngineSample | None:
    """The load signals in a Prometheus exposition; None when it has none of them.

    Engines export hundreds of histogram lines; only the few relevant ones are handed to the
    parser, which keeps a scrape cheap on the gateway's event loop.
    """
    lines = [
        line
        for line in text.splitlines()
        if line.startswith(_PREFIXES) and line.startswith(_FAMILIES)
    ]
    if not lines:
        return None
    values: dict[str, float] = {}
    for family in text_string_to_metric_families("\n".join(lines) + "\n"):
        for sample in family.samples:
            if sample.name == _VLLM_CACHE_INFO:
                blocks, size = sample.labels.get("num_gpu_blocks"), sample.labels.get("block_size")
                if blocks and size and blocks.isdigit() and size.isdigit():
                    # One sample per engine of a data-parallel deployment: their caches add up.
                    tokens = float(int(blocks) * int(size))
                    values["kv_tokens"] = values.get("kv_tokens", 0.0) + tokens
                continue
            signal = _SIGNALS.get(sample.name)
            if signal is None:
                continue
            name, combine = signal
            if name in values:
                previous = values[name]
                values[name] = (
                    previous + sample.value if combine == "sum" else max(previous, sample.value)
                )
            else:
                values[name] = sample.value
    if not values:
        return None
    return EngineSample(
        waiting=values.get("waiting", 0.0),
        running=values.get("running", 0.0),
        kv_usage=values.get("kv_usage", 0.0),
        generated=values.get("generated"),
        kv_tokens=values.get("kv_tokens"),
    )
