"""Load signals scraped from an engine's Prometheus ``/metrics`` (vLLM, SGLang, TGI and llama.cpp
names)."""

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
    # TGI's router: the batch running and the queue behind it; generated tokens are a histogram
    # observed per finished request, so its sum grows when a request ends, not per token.
    "tgi_queue_size": ("waiting", "sum"),
    "tgi_batch_current_size": ("running", "sum"),
    "tgi_request_generated_tokens_sum": ("generated", "sum"),
    # llama.cpp's server with --metrics: busy slots and requests deferred for want of one;
    # the KV cache ratio is exported by older builds only.
    "llamacpp:requests_deferred": ("waiting", "sum"),
    "llamacpp:requests_processing": ("running", "sum"),
    "llamacpp:kv_cache_usage_ratio": ("kv_usage", "max"),
    "llamacpp:tokens_predicted_total": ("generated", "sum"),
}
# vLLM states its KV cache size as labels of an info gauge: num_gpu_blocks x block_size tokens.
_VLLM_CACHE_INFO = "vllm:cache_config_info"
# A cheap first test of each line: the namespace ("vllm:"), or the whole name where there is none.
_PREFIXES = tuple({name[: name.find(":") + 1] or name for name in _SIGNALS})
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
