"""``telemetry.tracing`` in bastion.yaml: where request spans go and what they carry.

The tracer itself is ``bastion.telemetry.tracing``; this model needs none of OpenTelemetry.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator, model_validator


class TracingConfig(BaseModel):
    """``telemetry.tracing`` in bastion.yaml; every key is described in docs/telemetry.md."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    enabled: bool = False
    # OTLP/HTTP traces URL. None: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, then
    # OTEL_EXPORTER_OTLP_ENDPOINT + /v1/traces, then http://localhost:4318/v1/traces.
    endpoint: str | None = None
    # Sent with every export (a collector's auth token); empty: the OTEL_* header variables.
    headers: dict[str, SecretStr] = Field(default_factory=dict)
    compression: Literal["none", "gzip"] = "none"
    export_timeout_seconds: Annotated[float, Field(gt=0)] = 10.0
    service_name: Annotated[str, Field(min_length=1)] = "bastion"
    resource_attributes: dict[str, str] = Field(default_factory=dict)
    # Share of new traces kept; a client's traceparent decides for the traces it continues.
    sample_ratio: Annotated[float, Field(ge=0, le=1)] = 1.0
    max_queue_size: Annotated[int, Field(gt=0)] = 2048
    max_export_batch_size: Annotated[int, Field(gt=0)] = 512
    schedule_delay_seconds: Annotated[float, Field(gt=0)] = 5.0
    # Prompts and completions are recorded only when asked for, each text cut to the limit.
    capture_content: bool = False
    max_content_chars: Annotated[int, Field(gt=0)] = 4096
    # gen_ai.provider.name per backend name, replacing the guess from kind, name and host.
    provider_names: dict[str, str] = Field(default_factory=dict)

    @field_validator("endpoint")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https:// (OTLP over HTTP)")
        return value

    @model_validator(mode="after")
    def _batch_fits_queue(self) -> TracingConfig:
        if self.max_export_batch_size > self.max_queue_size:
            raise ValueError("max_export_batch_size must not exceed max_queue_size")
        return self
