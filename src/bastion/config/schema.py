"""The shape of ``bastion.yaml``: every key, its type and its default."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator, model_validator

from bastion.config.economics import EconomicsConfig
from bastion.config.sensitive import KINDS, DataClass
from bastion.config.tracing import TracingConfig

Location = Literal["local", "external"]
BackendKind = Literal["openai-compatible", "anthropic", "simulator"]
ResponsesApiMode = Literal["auto", "native", "translate"]

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///bastion-data/bastion.db"
DEFAULT_PORT = 8800
DEFAULT_WATCHDOG_SECONDS = 60.0
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
    # true: /readyz stays 200 when no backend has an available replica or the spool loader
    # cannot reach the database. Every replica of the gateway shares those: taking this one out
    # of rotation cures nothing and turns 503s in the client's protocol into refused
    # connections (the Helm chart sets it). Its own problems still count.
    ready_during_shared_outages: bool = False

    # Client connections (bastion/connections.py). Over max_connections, the connection
    # waiting longest for a request is closed; if none waits, new requests get 503.
    max_connections: Annotated[int, Field(gt=0)] = 4096
    # The request line and headers together: larger heads get 431 (Envoy: 60 KiB).
    max_header_bytes: Annotated[int, Field(ge=1024)] = 64 * 1024
    max_headers: Annotated[int, Field(gt=0)] = 100
    # From the head's first byte (a new connection's: from connect) until its last.
    header_timeout_seconds: Annotated[float, Field(gt=0)] = 10.0
    # The body: no byte for this long, or under body_min_bytes_per_second on average once
    # this long has passed, closes the connection (0: no minimum rate).
    body_timeout_seconds: Annotated[float, Field(gt=0)] = 30.0
    body_min_bytes_per_second: Annotated[float, Field(ge=0)] = 1024.0
    # An idle connection between requests; above the keep-alive time of common client pools,
    # so the client, not the gateway, closes a connection it might be about to reuse.
    keep_alive_timeout_seconds: Annotated[float, Field(gt=0)] = 75.0


class AuthConfig(_Strict):
    enabled: bool = True
    cache_ttl_seconds: Annotated[float, Field(ge=0)] = 5.0
    # Usually given as the BASTION_ADMIN_KEY environment variable instead.
    admin_key: SecretStr | None = None


class ConsoleConfig(_Strict):
    """The operator's console at /console (docs/console.md)."""

    enabled: bool = True
    # A session ends this long after sign-in, however active.
    session_hours: Annotated[float, Field(gt=0, le=168)] = 8.0
    # The cookie's Secure flag: auto sets it when the request came over HTTPS (uvicorn's TLS,
    # or a proxy's X-Forwarded-Proto where --forwarded-allow-ips trusts it).
    secure_cookie: Literal["auto", "always", "never"] = "auto"


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
    # At shutdown, how long the loader keeps trying to load what is left when the database is
    # down or slow, before leaving it in the spool for the next start (a pod's emptyDir has
    # none: keep this within the pod's grace period).
    final_load_seconds: Annotated[float, Field(gt=0)] = 25.0

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


def _http_url(value: str | None) -> str | None:
    if value is None:
        return None
    if not value.startswith(("http://", "https://")):
        raise ValueError("must start with http:// or https://")
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 (reading it checks it: a number from 0 to 65535)
    except ValueError as exc:  # "http://[::1:80" (an unclosed bracket), "http://h:99999"
        raise ValueError(f"is not a valid URL: {exc}") from None
    if not parts.hostname:
        raise ValueError("names no host (e.g. http://gpu1:8000/v1)")
    return value.rstrip("/")


class LaunchConfig(_Strict):
    """A local engine Bastion starts, watches and restarts (``vllm serve …``, ``bastion sim …``).

    ``{port}`` and ``{host}`` in the command are filled from the replica's ``base_url``.
    """

    command: list[str] | str
    env: dict[str, str] = Field(default_factory=dict)
    cwd: str | None = None
    # Traffic waits until GET <origin><ready_path> answers 2xx; a model load can take minutes.
    ready_path: str = "/health"
    ready_timeout_seconds: Annotated[float, Field(gt=0)] = 900.0
    # Restart delays grow from initial to max (doubling); a run longer than stable_seconds
    # resets them.
    restart_initial_seconds: Annotated[float, Field(gt=0)] = 1.0
    restart_max_seconds: Annotated[float, Field(gt=0)] = 60.0
    stable_seconds: Annotated[float, Field(gt=0)] = 300.0
    # On shutdown: requests in flight get this long to finish, then SIGTERM, then SIGKILL.
    drain_seconds: Annotated[float, Field(ge=0)] = 30.0
    stop_grace_seconds: Annotated[float, Field(ge=0)] = 10.0

    @field_validator("command")
    @classmethod
    def _non_empty(cls, value: list[str] | str) -> list[str] | str:
        if not (value.strip() if isinstance(value, str) else value):
            raise ValueError("the launch command is empty")
        return value


class ReplicaCapacity(_Strict):
    """One replica's own figures, for replicas unlike the others (another GPU, another size)."""

    concurrent_requests: Annotated[int, Field(gt=0)] | None = None
    kv_tokens: Annotated[int, Field(gt=0)] | None = None


class ReplicaConfig(_Strict):
    base_url: str
    launch: LaunchConfig | None = None
    # Overrides the backend's capacity figures for this replica.
    capacity: ReplicaCapacity | None = None

    @field_validator("base_url")
    @classmethod
    def _url(cls, value: str) -> str:
        checked = _http_url(value)
        assert checked is not None
        return checked


class HealthConfig(_Strict):
    """Active probes: GET <origin><path> every interval; failures take a replica out."""

    # Default: on for local backends, off for external ones (cloud APIs keep their own).
    enabled: bool | None = None
    path: str = "/health"
    interval_seconds: Annotated[float, Field(gt=0)] = 5.0
    timeout_seconds: Annotated[float, Field(gt=0)] = 2.0
    unhealthy_threshold: Annotated[int, Field(ge=1)] = 2
    healthy_threshold: Annotated[int, Field(ge=1)] = 1


class CircuitBreakerConfig(_Strict):
    """Passive outlier detection per replica: consecutive failures open the circuit."""

    enabled: bool = True
    failure_threshold: Annotated[int, Field(ge=1)] = 5
    # Open for this long, doubled on each re-opening up to max; then one trial request
    # (half-open) decides.
    open_seconds: Annotated[float, Field(gt=0)] = 10.0
    max_open_seconds: Annotated[float, Field(gt=0)] = 300.0


class EngineMetricsConfig(_Strict):
    """Scraping of vLLM/SGLang ``/metrics`` for queue depth and KV-cache use."""

    # Default: on for local openai-compatible backends. An engine without /metrics is left be.
    enabled: bool | None = None
    path: str = "/metrics"
    interval_seconds: Annotated[float, Field(gt=0)] = 1.0
    # Older than this, an engine's numbers are not trusted: the replica counts as saturated.
    stale_after_seconds: Annotated[float, Field(gt=0)] = 5.0
    # KV-cache use at or above this share counts as saturated.
    kv_saturation: Annotated[float, Field(gt=0, le=1)] = 0.98


class BalancingConfig(_Strict):
    """How a replica is chosen within a backend."""

    strategy: Literal["least-outstanding", "round-robin"] = "least-outstanding"
    # prefix: requests sharing a prompt prefix (or session id) go to that prefix's home replica,
    # whose KV cache holds it, unless it is much busier (below). none: load alone decides.
    affinity: Literal["prefix", "none"] = "prefix"
    prefix_chars: Annotated[int, Field(ge=16)] = 2048
    # No longer used: a prefix's home is computed (rendezvous hashing), not remembered, so
    # every gateway process agrees on it. Accepted so that existing files still load.
    affinity_table_size: Annotated[int, Field(ge=1)] = 65536
    # A request leaves its prefix's replica for the least loaded one only when that replica's
    # load (requests in flight plus the engine's queue) exceeds the least by both
    # imbalance_slack and imbalance_ratio times: a cache miss costs a whole prefill.
    imbalance_ratio: Annotated[float, Field(ge=1)] = 1.5
    imbalance_slack: Annotated[float, Field(ge=0)] = 16.0


class CapacityConfig(_Strict):
    """What one replica can run at once, and the concurrency reserved for tenants.

    Requests beyond it wait in the backend's priority queue instead of piling onto the engine.
    Without a figure (configured or learned), the backend's concurrency is not limited.
    """

    # Per replica: requests running at once, and prompt plus output tokens they may hold in
    # the KV cache (each request counts as its prompt estimate plus max_tokens).
    concurrent_requests: Annotated[int, Field(gt=0)] | None = None
    kv_tokens: Annotated[int, Field(gt=0)] | None = None
    # Take the figures not given above from the engine's /metrics: concurrency from how many
    # requests it runs while others wait, KV tokens from its cache size.
    learn: bool = False
    # Concurrency of the whole backend held for a tenant (by name): others cannot use it,
    # and the tenant still competes for the rest.
    reserved: dict[str, Annotated[int, Field(gt=0)]] = Field(default_factory=dict)
    # Requests waiting at most; beyond it the lowest priority is shed.
    queue_depth: Annotated[int, Field(ge=0)] = 256


class EgressPolicy(_Strict):
    """Which requests an external backend may receive, by the data classes they carry.

    A request that was scanned and found clean carries ``public`` (so does one a client
    declared ``public``); one with content the scan cannot read (images, audio, files, token
    ids) and no class carries ``unscanned``. ``allow: [public]`` lets only requests scanned
    clean leave; ``None`` lets leave whatever ``routing.local_only`` does not keep home.
    """

    allow: list[str] | None = None

    @field_validator("allow")
    @classmethod
    def _lower(cls, value: list[str] | None) -> list[str] | None:
        return None if value is None else [c.strip().lower() for c in value]


class BackendConfig(_Strict):
    kind: BackendKind
    location: Location
    base_url: str | None = None
    # Several engines serving the same models; Bastion balances across them.
    replicas: list[ReplicaConfig] = Field(default_factory=list)
    # A local engine to start and supervise, for a single-replica backend given by base_url.
    launch: LaunchConfig | None = None
    api_key: SecretStr | None = None
    # Upstream model ids served by this backend. Omitted: asked from the backend's /models at
    # start-up. ["*"]: any model name is passed through.
    models: list[str] | None = None
    headers: dict[str, str] = Field(default_factory=dict)
    timeouts: Timeouts = Field(default_factory=Timeouts)
    max_connections: Annotated[int, Field(gt=0)] = 512
    # A whole (non-streamed) answer larger than this is refused (502) without being buffered;
    # a streamed event line larger than this (or than 8 MiB) ends the stream.
    max_response_bytes: Annotated[int, Field(ge=1024)] = 64 * 1024 * 1024
    health: HealthConfig = Field(default_factory=HealthConfig)
    circuit_breaker: CircuitBreakerConfig = Field(default_factory=CircuitBreakerConfig)
    # A replica with requests in flight that yields no byte and no generated token for this
    # long is wedged: taken out, its waiting requests retried elsewhere. Keep it above the
    # longest prefill (and, for engines without /metrics, the longest non-streamed answer).
    # Default: 60 s for local backends, off for external ones (a cloud API's long non-streamed
    # answer looks like silence); 0 turns it off.
    watchdog_seconds: Annotated[float, Field(ge=0)] | None = None
    engine_metrics: EngineMetricsConfig = Field(default_factory=EngineMetricsConfig)
    balancing: BalancingConfig = Field(default_factory=BalancingConfig)
    capacity: CapacityConfig = Field(default_factory=CapacityConfig)
    # Longest prompt plus output this backend's models take, in tokens (for routing rules).
    context_window: Annotated[int, Field(gt=0)] | None = None
    # Settings of the built-in simulator, for kind "simulator" (see docs/simulator.md).
    simulator: dict[str, Any] = Field(default_factory=dict)
    # An external backend's own egress policy, over routing.egress.
    egress: EgressPolicy | None = None
    # How Responses API requests reach an OpenAI-compatible backend: passed to its own
    # /v1/responses ("native": vLLM, SGLang, OpenAI), translated to chat completions
    # ("translate"), or "auto": asked once whether it has the route (see docs/responses-api.md).
    responses_api: ResponsesApiMode = "auto"
    # Keeps each tenant's prompts out of the others' reach in the engine's prefix cache:
    # requests carry vLLM's ``cache_salt``, derived from the tenant (and any salt the client
    # sent). Without it, a tenant can tell from ``cached_tokens`` (or the time to the first
    # token) whether another sent a prompt. Only for engines that take the field (vLLM 0.9+,
    # the simulator); others may refuse it.
    prefix_cache_per_tenant: bool = False

    @field_validator("base_url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        return _http_url(value)

    @model_validator(mode="after")
    def _kind_needs(self) -> BackendConfig:
        if self.replicas and (self.base_url is not None or self.launch is not None):
            raise ValueError(
                "give either base_url (one replica, optional launch) or replicas, not both"
            )
        if self.kind == "simulator" and self.replicas:
            raise ValueError(
                "the built-in simulator is one replica; for several, use kind "
                "openai-compatible with replicas that launch 'bastion sim'"
            )
        if self.kind == "openai-compatible" and self.base_url is None and not self.replicas:
            raise ValueError(
                "an openai-compatible backend needs base_url (e.g. http://gpu1:8000/v1) or replicas"
            )
        if self.kind != "simulator" and self.simulator:
            raise ValueError("'simulator' settings only apply to kind: simulator")
        if self.egress is not None and self.location != "external":
            raise ValueError("an egress policy applies to external backends only")
        if self.responses_api == "native" and self.kind != "openai-compatible":
            raise ValueError(
                "responses_api: native applies to openai-compatible backends only "
                "(Anthropic backends and the simulator are always translated)"
            )
        if self.kind == "simulator" and self.location != "local":
            raise ValueError("the simulator runs inside the gateway, so its location is local")
        launched = self.launch is not None or any(r.launch for r in self.replicas)
        if launched and self.location != "local":
            raise ValueError("only a local backend can be launched and supervised")
        if launched and self.models is None:
            raise ValueError(
                "a backend with a launch command needs its models listed: the engine is not "
                "up yet when the gateway starts"
            )
        return self

    @property
    def replica_configs(self) -> list[ReplicaConfig]:
        """Every replica, a single ``base_url`` included; empty for the built-in simulator."""
        if self.replicas:
            return list(self.replicas)
        if self.base_url is None:
            return []
        return [ReplicaConfig(base_url=self.base_url, launch=self.launch)]

    @property
    def watchdog_limit(self) -> float | None:
        """Seconds without progress that mark a replica wedged; None when the watchdog is off."""
        if self.watchdog_seconds is None:
            return DEFAULT_WATCHDOG_SECONDS if self.location == "local" else None
        return self.watchdog_seconds or None

    @property
    def health_enabled(self) -> bool:
        return self.health.enabled if self.health.enabled is not None else self.location == "local"

    @property
    def engine_metrics_enabled(self) -> bool:
        enabled = self.engine_metrics.enabled
        if enabled is not None:
            return enabled
        return self.location == "local" and self.kind != "anthropic"


class ModelAlias(_Strict):
    """A name clients may call, resolving to ``backend/model``."""

    name: Annotated[str, Field(min_length=1)]
    target: Annotated[str, Field(pattern=r"^[^/\s]+/\S+$")]


class RetryConfig(_Strict):
    """Re-attempts on another replica or fallback, only before the client got a byte."""

    max_attempts: Annotated[int, Field(ge=1, le=10)] = 3
    # Retries may add at most this share of the recent requests' count (plus a floor of
    # min_per_second), so a failing fleet is not hit with a multiple of its load.
    budget_ratio: Annotated[float, Field(ge=0, le=1)] = 0.2
    min_per_second: Annotated[float, Field(ge=0)] = 5.0


class FallbackTarget(_Strict):
    backend: str
    model: str


class ContractConfig(_Strict):
    """Golden prompts an endpoint version must answer before it is published (opt-in).

    At the start-up that would publish the version, ``bastion serve`` replays the dataset's
    items to it through its own pipeline and runs their checks; below ``min_pass_rate`` it
    refuses to start, naming the failures, and the version stays unpublished."""

    # A JSONL dataset (docs/evaluation.md#datasets); relative paths are read from the
    # directory bastion serve runs in.
    dataset: Annotated[str, Field(min_length=1)]
    # The share of the items whose checks must all pass (items without checks are not counted).
    min_pass_rate: Annotated[float, Field(ge=0, le=1)] = 1.0
    # Sampling parameters pinned for the replay (e.g. temperature: 0), over the items' own.
    params: dict[str, Any] = Field(default_factory=dict)
    concurrency: Annotated[int, Field(ge=1, le=64)] = 4
    # The longest one answer may take.
    timeout_seconds: Annotated[float, Field(gt=0)] = 120.0


class EndpointVersionConfig(_Strict):
    """One published version: everything that shapes its outputs, pinned.

    Every field but the lifecycle ones (deprecated, sunset, successor) is covered by the
    version's digest: changing it after publication stops the gateway from starting.
    """

    backend: str
    model: str
    # Sampling defaults; a client's own value for a parameter wins.
    params: dict[str, Any] = Field(default_factory=dict)
    # Put before the client's messages (chat and Messages requests).
    system_prompt: str | None = None
    # Wraps a legacy completions prompt; must contain {prompt}.
    prompt_template: str | None = None
    fallbacks: list[FallbackTarget] = Field(default_factory=list)
    deprecated: datetime | None = None
    sunset: datetime | None = None
    # The version clients should move to, named in the Sunset error ("3" or "other@1").
    successor: str | None = None
    # Golden prompts checked at publication (not part of the digest: it shapes no output).
    contract: ContractConfig | None = None

    @field_validator("prompt_template")
    @classmethod
    def _has_slot(cls, value: str | None) -> str | None:
        if value is not None and "{prompt}" not in value:
            raise ValueError("must contain {prompt}")
        return value

    @field_validator("deprecated", "sunset")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


class EndpointConfig(_Strict):
    # The version a bare ``name`` means; default: the last one listed.
    default: str | None = None
    versions: dict[Annotated[str, Field(pattern=r"^[A-Za-z0-9_.-]+$")], EndpointVersionConfig]

    @model_validator(mode="after")
    def _default_exists(self) -> EndpointConfig:
        if not self.versions:
            raise ValueError("an endpoint needs at least one version")
        if self.default is not None and self.default not in self.versions:
            raise ValueError(f"default version {self.default!r} is not among the versions")
        return self

    @property
    def default_version(self) -> str:
        return self.default if self.default is not None else list(self.versions)[-1]


class RuleMatch(_Strict):
    """Conditions of a routing rule; all given ones must hold, a list matches any member."""

    tenants: list[str] | None = None
    # Requested names: endpoints (``name`` or ``name@version``) or models; shell-style globs.
    endpoints: list[str] | None = None
    classifications: list[str] | None = None
    hints: list[str] | None = None
    min_prompt_tokens: Annotated[int, Field(ge=0)] | None = None
    # The prompt is longer than the chosen backend's context_window.
    exceeds_context: bool | None = None


class RoutingRule(_Strict):
    name: str
    match: RuleMatch = Field(default_factory=RuleMatch)
    # Actions: refuse, send to another backend pool, and/or keep the request on-premises.
    deny: str | None = None
    backend: str | None = None
    # The model id on ``backend``; default: the one the request resolved to.
    model: str | None = None
    location: Literal["local"] | None = None

    @model_validator(mode="after")
    def _has_action(self) -> RoutingRule:
        if self.deny is None and self.backend is None and self.location is None:
            raise ValueError("a rule needs an action: deny, backend or location")
        if self.deny is not None and (self.backend is not None or self.location is not None):
            raise ValueError("a deny rule takes no other action")
        if self.model is not None and self.backend is None:
            raise ValueError("model is only meaningful with backend")
        return self


class RoutingConfig(_Strict):
    retries: RetryConfig = Field(default_factory=RetryConfig)
    # Data classes that may only go to local backends, fallbacks included. A request whose
    # classification could not be established is treated as local-only too.
    local_only: list[str] = Field(default_factory=lambda: ["pii", "secret", "phi", "confidential"])
    # What external backends may receive, unless a backend sets its own (EgressPolicy).
    egress: EgressPolicy = Field(default_factory=EgressPolicy)
    # Clients may declare a request's classes (comma-separated); they can add, never remove.
    classification_header: str = "x-bastion-data-classification"
    hint_header: str = "x-bastion-route-hint"
    session_header: str = "x-session-id"
    rules: list[RoutingRule] = Field(default_factory=list)


class RateLimits(_Strict):
    """Limits of one tenant or key; omitted ones do not apply."""

    requests_per_minute: Annotated[int, Field(gt=0)] | None = None
    # Input plus output; an estimate is reserved at admission and settled with actual usage.
    tokens_per_minute: Annotated[int, Field(gt=0)] | None = None
    concurrent_requests: Annotated[int, Field(gt=0)] | None = None
    # Budgets per UTC calendar day / month, reserved and settled like tokens_per_minute.
    tokens_per_day: Annotated[int, Field(gt=0)] | None = None
    tokens_per_month: Annotated[int, Field(gt=0)] | None = None
    # Budgets in US dollars per UTC day / month, priced from the economics section (API prices
    # for external backends, the chargeback rate of self-hosted ones).
    usd_per_day: Annotated[float, Field(gt=0)] | None = None
    usd_per_month: Annotated[float, Field(gt=0)] | None = None


class RedisAdmissionConfig(_Strict):
    """Limits and concurrency leases shared by every gateway process through Redis."""

    url: str = "redis://127.0.0.1:6379/0"
    key_prefix: str = "bastion:"
    timeout_seconds: Annotated[float, Field(gt=0)] = 0.5
    # A concurrency slot of a gateway that died is free again after this long.
    lease_ttl_seconds: Annotated[float, Field(gt=0)] = 30.0
    # When Redis cannot be reached: closed refuses every limited request with 503; local
    # enforces each limit divided by ``replicas`` in every process (so the total stays close).
    on_failure: Literal["closed", "local"] = "closed"
    replicas: Annotated[int, Field(ge=1)] = 1
    # Connections to Redis per gateway process. A request finding them all busy waits for one
    # (within timeout_seconds) rather than failing: a burst beyond the pool queues for a few
    # milliseconds instead of being refused as if Redis were down.
    max_connections: Annotated[int, Field(ge=1)] = 256


class QueuePolicy(_Strict):
    """How a tenant's or key's requests wait for backend capacity."""

    # Lower is served first (as vLLM's priority); a client may ask for a larger number
    # (less urgent) through priority_header, never a smaller one.
    priority: Annotated[int, Field(ge=0, le=9)] | None = None
    # Longest wait for capacity; a client may ask for less through timeout_header.
    max_wait_seconds: Annotated[float, Field(ge=0)] | None = None


class QueueConfig(_Strict):
    """Waiting for backend capacity (see ``backends.*.capacity``)."""

    priority: Annotated[int, Field(ge=0, le=9)] = 4
    max_wait_seconds: Annotated[float, Field(ge=0)] = 5.0
    tenants: dict[str, QueuePolicy] = Field(default_factory=dict)  # by tenant name
    keys: dict[str, QueuePolicy] = Field(default_factory=dict)  # by key id
    priority_header: str = "x-bastion-priority"
    timeout_header: str = "x-bastion-queue-timeout"


class AnomalyConfig(_Strict):
    """Usage anomalies: a tenant suddenly using a multiple of its own baseline (per process).

    The short-term rate is a tenant's usage over the last ``window_seconds``; its baseline is
    the exponentially weighted mean of its usage per window-long interval, with a time constant
    of ``baseline_seconds``. See docs/admission.md.
    """

    enabled: bool = True
    # Flagged above this multiple of the baseline, and above the floors below, so that a
    # small tenant going from 1 to 10 requests a minute is not.
    multiple: Annotated[float, Field(gt=1)] = 5.0
    min_requests_per_minute: Annotated[float, Field(ge=0)] = 60.0
    min_tokens_per_minute: Annotated[float, Field(ge=0)] = 50_000.0
    window_seconds: Annotated[float, Field(gt=0)] = 60.0
    baseline_seconds: Annotated[float, Field(gt=0)] = 3600.0
    # History a tenant needs before it can be flagged.
    warmup_seconds: Annotated[float, Field(ge=0)] = 900.0
    # An anomaly ends once the rate has stayed at or below the threshold this long.
    clear_after_seconds: Annotated[float, Field(ge=0)] = 300.0
    # A tenant that sent nothing for this long is forgotten (and warms up again).
    forget_after_seconds: Annotated[float, Field(gt=0)] = 3600.0
    # Tenants tracked at most; the one seen least recently is forgotten first.
    max_tenants: Annotated[int, Field(gt=0)] = 10_000


class AdmissionConfig(_Strict):
    """Per-tenant and per-key limits, checked before a request is routed (one process)."""

    # For every tenant / key; a tenant's or key's own entry overrides field by field.
    tenant_default: RateLimits = Field(default_factory=RateLimits)
    tenants: dict[str, RateLimits] = Field(default_factory=dict)  # by tenant name
    key_default: RateLimits = Field(default_factory=RateLimits)
    keys: dict[str, RateLimits] = Field(default_factory=dict)  # by key id (key_…)
    # Output reserved for a request that sets no max_tokens, until its real usage is known.
    default_output_tokens: Annotated[int, Field(ge=0)] = 256
    # Shared state for several gateway processes; without it each process counts alone.
    redis: RedisAdmissionConfig | None = None
    queue: QueueConfig = Field(default_factory=QueueConfig)
    anomaly: AnomalyConfig = Field(default_factory=AnomalyConfig)


GuardrailAction = Literal["route", "redact", "block", "allow"]
OutputAction = Literal["allow", "redact", "block"]
InjectionAction = Literal["flag", "label", "block"]


def _route_every_class() -> dict[DataClass, GuardrailAction]:
    return {"pii": "route", "secret": "route", "phi": "route"}


def _known_kinds(kinds: list[str] | None) -> list[str] | None:
    unknown = sorted(set(kinds or ()) - set(KINDS))
    if unknown:
        raise ValueError(f"unknown kinds {unknown}; known: {', '.join(sorted(KINDS))}")
    return kinds


class InputGuardrails(_Strict):
    """What the inspect stage does with the sensitive data it finds in a request's text.

    Per data class: ``route`` labels the request with the class, so routing keeps it on the
    backends ``routing.local_only`` allows; ``redact`` masks each value (``[EMAIL]``) before the
    request goes anywhere; ``block`` refuses the request; ``allow`` lets it be.
    """

    actions: dict[DataClass, GuardrailAction] = Field(default_factory=_route_every_class)
    # Kinds to look for (see docs/guardrails.md); all when omitted.
    kinds: list[str] | None = None
    # How redact replaces a value: by its kind ("[EMAIL]"), or by a numbered placeholder
    # ("[[EMAIL_1]]") whose value is put back in the answer the client receives.
    redact_with: Literal["mask", "placeholder"] = "mask"
    # A scan that takes longer leaves the request unclassified, so it stays on local backends.
    timeout_ms: Annotated[float, Field(gt=0)] = 200.0
    # Text longer than this is scanned off the event loop.
    inline_chars: Annotated[int, Field(ge=0)] = 32768

    _kinds = field_validator("kinds")(_known_kinds)


class OutputGuardrails(_Strict):
    """Sensitive data in answers: ``redact`` masks it, streams included; ``block`` ends the
    answer where the first value starts (finish reason ``content_filter``, or ``refusal`` for
    Anthropic clients); ``allow`` sends it as is."""

    action: OutputAction = "allow"
    kinds: list[str] | None = None
    # A streamed answer's newest characters are held until the text after them shows they are
    # not the start of a value (the longest value a recognizer finds, private keys aside).
    holdback_chars: Annotated[int, Field(ge=16)] = 128

    _kinds = field_validator("kinds")(_known_kinds)


class InjectionEngine(_Strict):
    """An operator's own classification model (e.g. a Prompt Guard class classifier served by
    vLLM with ``--task classify``), called instead of the shipped one."""

    base_url: str  # the engine's OpenAI-compatible root, e.g. http://gpu1:8000
    model: str
    timeout_ms: Annotated[float, Field(gt=0)] = 500.0
    api_key: SecretStr | None = None
    # Indices of the labels that mean "attack" in the model's output probabilities.
    positive_indices: list[Annotated[int, Field(ge=0)]] = Field(default_factory=lambda: [1])


class InjectionGuardrails(_Strict):
    """Prompt-injection scoring of every request's non-system text (docs/guardrails.md).

    ``flag`` counts and logs a request scoring at or above ``threshold``; ``label`` also labels
    it ``injection``, for routing rules (send it to a stricter backend, or deny it); ``block``
    refuses it with 400.
    """

    enabled: bool = True
    action: InjectionAction = "flag"
    threshold: Annotated[float, Field(gt=0, lt=1)] = 0.5
    engine: InjectionEngine | None = None


class GuardrailOverrides(_Strict):
    """One tenant's or endpoint's policy: input actions class by class over the defaults, and
    its own output and prompt-injection actions where set."""

    actions: dict[DataClass, GuardrailAction] = Field(default_factory=dict)
    output_action: OutputAction | None = None
    injection_action: InjectionAction | None = None


class GuardrailsConfig(_Strict):
    """On-premises detection of sensitive data in requests (docs/guardrails.md)."""

    enabled: bool = True
    input: InputGuardrails = Field(default_factory=InputGuardrails)
    output: OutputGuardrails = Field(default_factory=OutputGuardrails)
    injection: InjectionGuardrails = Field(default_factory=InjectionGuardrails)
    # Per tenant name, then per endpoint or model (as clients call it, without @version):
    # actions that replace the defaults; an endpoint's win over a tenant's.
    tenants: dict[str, GuardrailOverrides] = Field(default_factory=dict)
    endpoints: dict[str, GuardrailOverrides] = Field(default_factory=dict)


class CacheEmbedding(_Strict):
    """An engine-served embedding model for semantic lookups (OpenAI /v1/embeddings)."""

    base_url: str  # e.g. http://gpu1:8001/v1
    model: str
    timeout_ms: Annotated[float, Field(gt=0)] = 200.0


class SemanticCacheConfig(_Strict):
    # Endpoints or model names (as clients call them, without @version) whose requests may be
    # answered by a similar earlier request; none by default.
    endpoints: list[str] = Field(default_factory=list)
    # Similarity a candidate needs before the guards are asked; default: the embedder's own
    # (0.82 for the shipped sentence encoder, 0.80 for the lexical one).
    threshold: Annotated[float, Field(gt=0, le=1)] | None = None
    # The built-in embedder: the sentence encoder shipped with Bastion (all-MiniLM-L6-v2,
    # int8 ONNX on CPU; the lexical one when it cannot load), or the lexical one.
    embedder: Literal["minilm-l6-v2", "lexical"] = "minilm-l6-v2"
    # Longest prompt the sentence encoder embeds, in word pieces (about 5 characters each in
    # English); longer ones are cached exactly only. Its cost grows with the length: about
    # 2 ms for a question, 12 ms for 100 pieces, 25 ms for 200 on one core.
    max_tokens: Annotated[int, Field(ge=8, le=512)] = 256
    # The sentence encoder runs only to confirm candidates that a static word-piece table
    # distilled from it found (under 1 ms per KB; the encoder's 25 ms per KB only when a
    # candidate passes the guards); false: the encoder embeds every prompt.
    two_stage: bool = True
    # Static-table similarity that makes a stored prompt a candidate for the encoder to
    # confirm; default: the table's own (0.60, tuned so every pair the encoder serves is one).
    candidate_threshold: Annotated[float, Field(gt=0, le=1)] | None = None
    # With two_stage: run the encoder on each stored prompt after its store, in the background,
    # so a lookup it is a candidate for encodes only the query (one encoder run instead of two
    # on the request path). Costs an encoder run per store whether or not the prompt is ever a
    # candidate: worth it where stores are few and rewordings of them many.
    encode_at_store: bool = False
    # An OpenAI-compatible embeddings endpoint instead of the built-in embedder.
    embedding: CacheEmbedding | None = None


class CacheRedisConfig(_Strict):
    url: str = "redis://127.0.0.1:6379/0"
    key_prefix: str = "bastion:cache:"
    # Longest wait for one Redis operation; past it the lookup is a miss.
    timeout_ms: Annotated[float, Field(gt=0)] = 100.0
    # After a failure, Redis is left alone this long: lookups are misses, answers not stored.
    retry_after_seconds: Annotated[float, Field(gt=0)] = 5.0
    # Connections per gateway process; a lookup finding them all busy waits within timeout_ms.
    max_connections: Annotated[int, Field(ge=1)] = 256


class CacheConfig(_Strict):
    """Answers served again to the same tenant for the same request (docs/caching.md)."""

    enabled: bool = False
    ttl_seconds: Annotated[float, Field(gt=0)] = 3600.0
    max_entries: Annotated[int, Field(gt=0)] = 10_000
    max_bytes: Annotated[int, Field(gt=0)] = 64 * 1024 * 1024
    max_entry_bytes: Annotated[int, Field(gt=0)] = 256 * 1024
    semantic: SemanticCacheConfig = Field(default_factory=SemanticCacheConfig)
    # Endpoints or model names (as clients call them, without @version) whose answers do not
    # depend on who asks: their entries serve every user of the tenant (never another tenant).
    # Elsewhere entries are per user: the API key and the end user the request names (OpenAI
    # `user`, Anthropic `metadata.user_id`). Requests in the first person ("my", "our"…) or
    # with tool results stay per user even here. None by default.
    shared_endpoints: list[str] = Field(default_factory=list)
    # Shared by every gateway process; in this process's memory without it.
    redis: CacheRedisConfig | None = None


class ResponsesConfig(_Strict):
    """Responses API answers kept in the database for `previous_response_id` and retrieval."""

    # Keep answers whose request does not say `store: false` (OpenAI's default); false: none is
    # kept, and a request naming a previous response is refused.
    store: bool = True
    # How long a kept answer can be continued or read back.
    retention_hours: Annotated[float, Field(gt=0)] = 720.0


class EvaluationConfig(_Strict):
    """``bastion eval``: which tenants' recorded traffic may be sampled into datasets, and
    where the admin API finds datasets."""

    # Tenants (by name) whose audited request content may be replayed in evaluation runs;
    # nobody's by default. Only content the tenant's audit capture mode kept can be sampled.
    sample_tenants: list[str] = Field(default_factory=list)
    # The directory POST /admin/evals reads dataset files from (names relative to it).
    datasets_dir: str = "bastion-data/datasets"
    # Evaluation runs the gateway runs at once for the admin API.
    max_running: Annotated[int, Field(ge=1)] = 2


class BastionConfig(_Strict):
    server: ServerConfig = Field(default_factory=ServerConfig)
    auth: AuthConfig = Field(default_factory=AuthConfig)
    console: ConsoleConfig = Field(default_factory=ConsoleConfig)
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
    endpoints: dict[Annotated[str, Field(pattern=r"^[A-Za-z0-9_.-]+$")], EndpointConfig] = Field(
        default_factory=dict
    )
    routing: RoutingConfig = Field(default_factory=RoutingConfig)
    admission: AdmissionConfig = Field(default_factory=AdmissionConfig)
    guardrails: GuardrailsConfig = Field(default_factory=GuardrailsConfig)
    cache: CacheConfig = Field(default_factory=CacheConfig)
    responses: ResponsesConfig = Field(default_factory=ResponsesConfig)
    evaluation: EvaluationConfig = Field(default_factory=EvaluationConfig)

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

    @model_validator(mode="after")
    def _references_exist(self) -> BastionConfig:
        def check(where: str, backend: str) -> None:
            if self.backends and backend not in self.backends:
                known = ", ".join(sorted(self.backends))
                raise ValueError(f"{where}: backend {backend!r} is not defined (known: {known})")

        for name, endpoint in self.endpoints.items():
            for version, spec in endpoint.versions.items():
                where = f"endpoints.{name}.versions.{version}"
                check(f"{where}.backend", spec.backend)
                for index, fallback in enumerate(spec.fallbacks):
                    check(f"{where}.fallbacks[{index}].backend", fallback.backend)
                successor = spec.successor
                if successor is not None:
                    target, _, other = successor.rpartition("@")
                    target, other = (target, other) if target else (name, successor)
                    if target not in self.endpoints or other not in self.endpoints[target].versions:
                        raise ValueError(
                            f"{where}.successor: {successor!r} is not a defined version"
                        )
        for index, rule in enumerate(self.routing.rules):
            if rule.backend is not None:
                check(f"routing.rules[{index}].backend", rule.backend)
        return self
