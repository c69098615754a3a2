"""Settings of the engine simulator: engine geometry, timing curves, output shape and faults."""

from __future__ import annotations

from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

ErrorStatus = Literal[400, 429, 500, 503]
CrashMode = Literal["drop", "exit"]
LengthDistribution = Literal["lognormal", "uniform"]


class FaultConfig(BaseModel):
    """Faults to inject; all off by default. Changeable at runtime through ``POST /sim/faults``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    # Share of inference requests answered with ``error_status`` instead of being served.
    error_rate: float = Field(default=0.0, ge=0.0, le=1.0)
    error_status: ErrorStatus = 500
    # After this many inference requests the "process" dies: later requests lose their connection.
    crash_after_requests: int | None = Field(default=None, ge=0)
    # "drop" closes connections abruptly (in-process use); "exit" ends the process (the CLI).
    crash_mode: CrashMode = "drop"
    # The engine stops producing tokens while health checks still pass.
    hang: bool = False
    # Health and requests answer 503 for this many (simulated) seconds after start or a change.
    slow_start_seconds: float = Field(default=0.0, ge=0.0)
    # Streams are closed abruptly, without [DONE], after this many tokens.
    stream_cut_after_tokens: int | None = Field(default=None, ge=0)
    # Added before every inference request is admitted, in simulated milliseconds.
    extra_latency_ms: float = Field(default=0.0, ge=0.0)


class SimConfig(BaseModel):
    """The simulated engine. Every field has a default, so ``SimConfig()`` is a working engine."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    model: str = Field(default="bastion-sim", min_length=1)
    # Names the model answers to; defaults to ``[model]``.
    served_model_names: list[str] = Field(default_factory=list)
    seed: int = 0
    # 1.0 runs in real time; 100.0 runs 100x faster. Reported timings stay in simulated seconds.
    time_scale: float = Field(default=1.0, gt=0.0)

    # Scheduler and KV cache geometry, with vLLM's meanings.
    max_num_seqs: int = Field(default=256, ge=1)
    max_num_batched_tokens: int = Field(default=8192, ge=1)
    block_size: int = Field(default=16, ge=1)
    # 262,144 tokens: room for a coding agent's long prompts (Claude Code, Codex) at once.
    num_kv_blocks: int = Field(default=16384, ge=1)
    enable_prefix_caching: bool = True
    max_model_len: int = Field(default=131072, ge=1)

    # Step timing curves (see docs/simulator.md); defaults are NVIDIA Dynamo mocker's polynomials.
    # prefill_ms = c0 + c1 * t + c2 * t^2 for t new (uncached) prompt tokens in the step.
    prefill_ms_coefficients: tuple[float, float, float] = (16.50142, 1.518344e-02, 4.209989e-07)
    # decode_ms = d0 + d1 * u + d2 * u^2 for KV cache usage u in [0, 1].
    decode_ms_coefficients: tuple[float, float, float] = (5.74, 54.01, -25.74)
    # Floor of a decode step, so tokens never share a timestamp.
    min_decode_ms: float = Field(default=1.0, ge=0.0)

    # Output shape: without max_tokens a request may generate this many tokens (more than the
    # longest natural answer, so an answer without a limit always ends by itself)...
    default_max_tokens: int = Field(default=1024, ge=1)
    # ...and each answer's natural length (where it stops by itself) is drawn per request: from
    # a log-normal distribution (median, sigma of its log), kept within [min, max]; or, with
    # "uniform", evenly from [min, max]. A range given without a distribution (the only way to
    # set lengths before the log-normal draw existed) keeps the uniform draw.
    output_len_distribution: LengthDistribution = "lognormal"
    output_len_median: int = Field(default=64, ge=1)
    output_len_sigma: float = Field(default=0.6, ge=0.0, le=4.0)
    output_len_min: int = Field(default=16, ge=1)
    output_len_max: int = Field(default=512, ge=1)
    # Chance that a request offering tools with tool_choice "auto" (or none given) is answered
    # with a tool call, unless a tool result came after the last assistant turn (then it answers
    # in text). 1.0: an agent loop gets a call on every new turn and an answer after the result.
    tool_call_probability: float = Field(default=1.0, ge=0.0, le=1.0)
    embedding_dim: int = Field(default=384, ge=1)

    faults: FaultConfig = Field(default_factory=FaultConfig)

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any) -> Any:
        if isinstance(data, dict) and not data.get("served_model_names"):
            data = {**data, "served_model_names": [data.get("model") or "bastion-sim"]}
        if (
            isinstance(data, dict)
            and "output_len_distribution" not in data
            and ("output_len_min" in data or "output_len_max" in data)
        ):
            data = {**data, "output_len_distribution": "uniform"}
        return data

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.output_len_min > self.output_len_max:
            raise ValueError("output_len_min must not exceed output_len_max")
        return self

    @property
    def model_names(self) -> list[str]:
        return list(self.served_model_names)

    @property
    def max_request_tokens(self) -> int:
        """The longest sequence (prompt plus output) one request may reach."""
        return min(self.max_model_len, self.num_kv_blocks * self.block_size)
