"""The shape of ``bastion.yaml``: every key, its type and its default."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator, model_validator

from bastion.economics.config import EconomicsConfig
from bastion.telemetry.tracing import TracingConfig

Location = Literal["local", "external"]
BackendKind = Literal["openai-compatible", "anthropic", "simulator"]

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///bastion-data/bastion.db"
DEFAULT_PORT = 8800
WILDCARD = "*"


class _Strict(BaseModel):
    """Unknown keys are errors: a typo in a config file must not be silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class ServerConfig(_Strict):
    host: str = "127.0.0.1"
    port: Annotated[int, Field(ge=0, le=65535)] = DEFAULT_PORT
    max_body_bytes: Annotated[int, Field(gt=0)] = 8 * 1024 * 1024
    shutdown_grace_seconds: Annotated[float, Field(ge=0)] = 30.0
    # On SIGTERM, keep accepting while /readyz answers 503 for this long, so a load balancer
    # can take the replica out before its listener closes (set it above the probe interval).
    drain_delay_seconds: Annotated[float, Field(ge=0)] = 0.0


class AuthConfig(_Strict):
    enabled: bool = True
    cache_ttl_seconds: Annotated[float, Field(ge=0)] = 5.0
    # Usually given as the BASTION_ADMIN_KEY environment variable instead.
    admin_key: SecretStr | None = None


class DatabaseConfig(_Strict):
    url: str = DEFAULT_DATABASE_URL


class LoggingConfig(_Strict):
    level: Literal["debug", "info", "warning", "error"] = "info"
    # auto: readable text on a terminal, one JSON object per line otherwise.
    format: Literal["auto", "json", "text"] = "auto"


class DiscoveryConfig(_Strict):
    """Probing of engines on loopback default ports; used only when no backend is configured."""

    enabled: bool = True
    timeout_seconds: Annotated[float, Field(gt=0)] = 0.5
    ports: dict[str, int] = Field(
        default_factory=lambda: {"vllm": 8000, "sglang": 30000, "llamacpp": 8080, "ollama": 11434}
    )


class LedgerConfig(_Strict):
    """One usage record per authenticated request, durable before the response completes."""

    enabled: bool = True


CaptureMode = Literal["metadata", "redacted", "full"]


class AuditConfig(_Strict):
    """The hash-chained audit journal: an intent before dispatch, an outcome after."""

    enabled: bool = True
    # metadata: who, what, where, outcome and body digests; redacted: plus masked content;
    # full: plus content as is. Per tenant name in ``tenants``.
    capture: CaptureMode = "metadata"
    tenants: dict[str, CaptureMode] = Field(default_factory=dict)
    max_content_bytes: Annotated[int, Field(gt=0)] = 64 * 1024
    # Checkpoints are signed with HMAC-SHA256 using this environment variable's value.
    signing_key_env: str = "BASTION_AUDIT_KEY"
    segment_records: Annotated[int, Field(gt=0)] = 10_000
    segment_seconds: Annotated[float, Field(gt=0)] = 3600.0


class TelemetryConfig(_Strict):
    tracing: TracingConfig = Field(default_factory=TracingConfig)


class JournalConfig(_Strict):
    """The group-commit writer shared by the ledger and the audit journal."""

    # spool: durable once appended to a local file, loaded into the database in the background
    # (fast; the directory must survive restarts). database: durable once committed there.
    durability: Literal["spool", "database"] = "spool"
    # Default: "journal" beside a SQLite database file, else bastion-data/journal.
    spool_dir: str | None = None
    # fsync each spooled batch: survives power loss too, at the cost of a disk flush per batch.
    fsync: bool = False
    spool_rotate_bytes: Annotated[int, Field(ge=1024 * 1024)] = 64 * 1024 * 1024
    # How often the loader process copies spooled records into the database; each load has a
    # fixed cost, so rarer loads spend less CPU per record. Reports see records this late.
    load_interval_seconds: Annotated[float, Field(gt=0, le=60)] = 1.0

    max_batch: Annotated[int, Field(gt=0)] = 1024
    max_pending: Annotated[int, Field(gt=0)] = 100_000
    # A response whose records are not durable within this time is not delivered (503).
    durability_timeout_seconds: Annotated[float, Field(gt=0)] = 5.0


class Timeouts(_Strict):
    """Per-phase upstream timeouts in seconds.

    ``first_byte`` is generous because it covers queueing and prefill of long prompts on the engine;
    ``idle`` bounds the silence between two streamed chunks, which catches a wedged engine.
    """

    connect: Annotated[float, Field(gt=0)] = 5.0
    first_byte: Annotated[float, Field(gt=0)] = 120.0
    idle: Annotated[float, Field(gt=0)] = 60.0
    total: Annotated[float, Field(gt=0)] = 900.0


class BackendConfig(_Strict):
    kind: BackendKind
    location: Location
    base_url: str | None = None
    api_key: SecretStr | None = None
    # Upstream model ids served by this backend. Omitted: asked from the backend's /models at
    # start-up. ["*"]: any model name is passed through.
    models: list[str] | None = None
    headers: dict[str, str] = Field(default_factory=dict)
    timeouts: Timeouts = Field(default_factory=Timeouts)
    max_connections: Annotated[int, Field(gt=0)] = 512
    # Settings of the built-in simulator, for kind "simulator" (see docs/simulator.md).
    simulator: dict[str, Any] = Field(default_factory=dict)

    @field_validator("base_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value.rstrip("/")

    @model_validator(mode="after")
    def _kind_needs(self) -> BackendConfig:
        if self.kind == "openai-compatible" and self.base_url is None:
            raise ValueError(
                "an openai-compatible backend needs base_url (e.g. http://gpu1:8000/v1)"
            )
        if self.kind != "simulator" and self.simulator:
            raise ValueError("'simulator' settings only apply to kind: simulator")
        if self.kind == "simulator" and self.location != "local":
            raise ValueError("the simulator runs inside the gateway, so its location is local")
        return self


class ModelAlias(_Strict):
    """A name clients may call, resolving to ``backend/model``."""

    name: Annotated[str, Field(min_length=1)]
    target: Annotated[str, Field(pattern=r"^[^/\s]+/\S+$")]


class BastionConfig(_Strict):
    server: ServerConfig = Field(default_factory=ServerConfig)
    auth: AuthConfig = Field(default_factory=AuthConfig)
    database: DatabaseConfig = Field(default_factory=DatabaseConfig)
    logging: LoggingConfig = Field(default_factory=LoggingConfig)
    discovery: DiscoveryConfig = Field(default_factory=DiscoveryConfig)
    ledger: LedgerConfig = Field(default_factory=LedgerConfig)
    audit: AuditConfig = Field(default_factory=AuditConfig)
    journal: JournalConfig = Field(default_factory=JournalConfig)
    telemetry: TelemetryConfig = Field(default_factory=TelemetryConfig)
    economics: EconomicsConfig = Field(default_factory=EconomicsConfig)
    backends: dict[Annotated[str, Field(pattern=r"^[A-Za-z0-9_.-]+$")], BackendConfig] = Field(
        default_factory=dict
    )
    models: list[ModelAlias] = Field(default_factory=list)

    @model_validator(mode="after")
    def _aliases_point_somewhere(self) -> BastionConfig:
        seen: set[str] = set()
        for index, alias in enumerate(self.models):
            if alias.name in seen:
                raise ValueError(f"models[{index}]: alias {alias.name!r} is defined twice")
            seen.add(alias.name)
            backend = alias.target.split("/", 1)[0]
            if backend not in self.backends:
                known = ", ".join(sorted(self.backends)) or "none"
                raise ValueError(
                    f"models[{index}].target: backend {backend!r} is not defined (known: {known})"
                )
        return self
