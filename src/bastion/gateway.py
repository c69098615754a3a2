"""The gateway's shared state, built once at start-up and handed to the app and the stages."""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import logging
import os
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING

from bastion.admission.anomaly import AnomalyDetector
from bastion.admission.capacity import PoolCapacity
from bastion.admission.limiter import Limiter, MemoryLimiter
from bastion.admission.pricing import RequestPricer
from bastion.audit.chain import Signer
from bastion.auth import KeyAuthenticator, ensure_bootstrap_admin
from bastion.config import (
    WILDCARD,
    BackendConfig,
    BastionConfig,
    ConfigError,
    ConfigProblem,
)
from bastion.events import EventLog
from bastion.journal.health import JournalHealth
from bastion.journal.placement import journal_spool_settings
from bastion.journal.writer import AuditSettings, JournalWriter
from bastion.node.cache import NodeCacheBackend
from bastion.node.circuits import relay_circuits
from bastion.node.client import NodeClient
from bastion.node.invalidations import relay_invalidations
from bastion.node.limiter import NodeLimiter
from bastion.node.recent import RecentRelay
from bastion.node.role import WorkerRole
from bastion.pipeline import Pipeline
from bastion.pipeline.stage import Stage
from bastion.pipeline.stages.account import Account
from bastion.pipeline.stages.admit import Admit
from bastion.pipeline.stages.audit import AuditIntent, AuditScope, CapturePolicy
from bastion.pipeline.stages.authenticate import Authenticate
from bastion.pipeline.stages.cache import Cache, build_cache
from bastion.pipeline.stages.conversation import Conversation
from bastion.pipeline.stages.dispatch import Dispatch
from bastion.pipeline.stages.inspect import Inspect
from bastion.pipeline.stages.parse import Parse
from bastion.pipeline.stages.queue import Queue
from bastion.pipeline.stages.record import Record
from bastion.pipeline.stages.respond import Respond
from bastion.pipeline.stages.route import Route
from bastion.providers.base import Provider
from bastion.providers.factory import build_provider
from bastion.routing.catalog import ModelCatalog
from bastion.routing.discovery import discover_engines
from bastion.routing.endpoints import EndpointRegistry, EndpointVersion
from bastion.routing.gpu import GpuTelemetry
from bastion.routing.monitor import PoolMonitor
from bastion.routing.policy import RoutingPolicy
from bastion.routing.pool import BackendPool
from bastion.routing.publication import check_and_publish
from bastion.routing.status import routing_status
from bastion.routing.supervisor import EngineSupervisor
from bastion.store.housekeeping import Housekeeping
from bastion.store.responses import ResponseRepository
from bastion.store.store import Store
from bastion.telemetry.logs import describe_error
from bastion.telemetry.metrics import GatewayMetrics
from bastion.telemetry.recent import RecentTraffic
from bastion.telemetry.tracing import RequestTracer

if TYPE_CHECKING:
    from bastion.evaluation.service import EvalService
    from bastion.evaluation.transport import Transport

log = logging.getLogger(__name__)
# How often a worker waiting for worker 0's contract check looks for the published versions.
_PUBLICATION_POLL_SECONDS = 0.5

SIMULATOR_BACKEND = "sim"
# Cloud backends registered from well-known environment variables in the embedded default.
_CLOUD_FROM_ENV = {
    "openai": ("OPENAI_API_KEY", "openai-compatible", "https://api.openai.com/v1"),
    "anthropic": ("ANTHROPIC_API_KEY", "anthropic", None),
}


@dataclass(slots=True)
class BackendInfo:
    """What start-up learned about a backend, for the banner and /readyz."""

    name: str
    kind: str
    location: str
    simulated: bool
    models: list[str] | None
    note: str = ""
    replicas: int = 1
    launched: int = 0


@dataclass(slots=True)
class StartupReport:
    embedded: bool = False
    probed_ports: dict[str, int] = field(default_factory=dict)
    backends: list[BackendInfo] = field(default_factory=list)
    bootstrap_admin_key: str | None = None
    notes: list[str] = field(default_factory=list)


class Gateway:
    def __init__(
        self,
        config: BastionConfig,
        env: Mapping[str, str] | None = None,
        *,
        role: WorkerRole | None = None,
    ) -> None:
        self.config = config
        self.env = os.environ if env is None else env
        # One of ``bastion serve --workers N``'s processes, or None when serving alone.
        self.role = role
        self.node: NodeClient | None = None
        # Sends this worker's per-minute counts to the node's ring in the supervisor.
        self.recent_relay: RecentRelay | None = None
        # Called when the supervisor is gone: the server stops taking requests.
        self.on_node_lost: Callable[[], None] | None = None
        self.metrics = GatewayMetrics()
        # This process's last hour, per minute, for the console's live view.
        self.recent = RecentTraffic()
        self.catalog = ModelCatalog()
        self.providers: dict[str, Provider] = {}
        self.pools: dict[str, BackendPool] = {}
        self.monitors: list[PoolMonitor] = []
        self.supervisors: list[EngineSupervisor] = []
        self.endpoints = EndpointRegistry({})
        # New endpoint versions whose contracts are checked before they are published.
        self.unchecked_contracts: list[EndpointVersion] = []
        self.policy = RoutingPolicy(config.routing, {})
        self.gpu = GpuTelemetry()
        self.limiter: Limiter = MemoryLimiter()
        self.store: Store | None = None
        self.authenticator: KeyAuthenticator | None = None
        self.journal: JournalWriter | None = None
        self.journal_health: JournalHealth | None = None
        self.housekeeping: Housekeeping | None = None
        self.tracer: RequestTracer | None = None
        # Admin events (usage anomalies), and the detector that raises them.
        self.events = EventLog()
        self.anomalies: AnomalyDetector | None = None
        self.inspect: Inspect | None = None
        self.cache: Cache | None = None
        self.report = StartupReport()
        # The backends served: the configured ones, or what start-up found without any.
        self.backends: dict[str, BackendConfig] = {}
        self.ready = False
        self.draining = False
        # SIGTERM or Ctrl-C arrived (set by the server): start-up stops waiting on others.
        self.exit_requested = False
        # What ``stop`` undoes, in reverse order of starting (see ``_on_stop``).
        self._exit = contextlib.AsyncExitStack()

    @property
    def admin_key(self) -> str | None:
        configured = self.config.auth.admin_key
        if configured is not None:
            return configured.get_secret_value()
        return self.env.get("BASTION_ADMIN_KEY") or None

    @property
    def stored_responses(self) -> ResponseRepository | None:
        """Where Responses API answers are kept (None: the gateway keeps none)."""
        if self.store is None or not self.config.responses.store:
            return None
        return self.store.responses

    @property
    def responses_retention(self) -> timedelta:
        return timedelta(hours=self.config.responses.retention_hours)

    def build_pipeline(self) -> Pipeline:
        """The request path, in order. Later capabilities add their stages here."""
        journal = self.journal
        audit = self.config.audit
        routing = self.config.routing
        capture: CapturePolicy | None = None
        stages: list[Stage] = [Authenticate(self.authenticator)]
        if journal is not None and audit.enabled:
            # From authentication on, so that a request answered early is audited too.
            capture = CapturePolicy(audit.capture, audit.tenants, audit.max_content_bytes)
            stages.append(AuditScope(capture))
        stages.append(Parse())
        # Before anything reads the request: a Responses API turn carries its conversation.
        stages.append(Conversation(self.stored_responses, self.responses_retention))
        if self.config.guardrails.enabled:
            self.inspect = Inspect(self.config.guardrails, self.metrics)
            self._on_stop("guardrails", self.inspect.close)
            stages.append(self.inspect)
        stages.append(Route(self.catalog, self.endpoints, self.pools, self.policy, routing))
        if self.cache is not None:
            stages.append(self.cache)
        # After routing, which says where the request runs and so what it costs. With keys in
        # the store, limits may be set on tenants and keys through the admin API.
        admit = Admit(
            self.config.admission,
            self.limiter,
            self.metrics,
            stored_limits=self.authenticator is not None,
            pricer=RequestPricer(self.config, backends=self.backends),
        )
        if admit.active:
            stages.append(admit)
        if any(pool.capacity is not None for pool in self.pools.values()):
            admission = self.config.admission
            stages.append(Queue(admission.queue, admission.default_output_tokens))
        if journal is not None and capture is not None:
            stages.append(AuditIntent(journal, capture))
        guardrails = self.config.guardrails
        output = guardrails.output if guardrails.enabled else None
        stages += [Dispatch(self.metrics, routing), Respond(self.metrics, output)]
        if journal is not None:
            content = capture.max_content_bytes if capture is not None else 0
            stages.append(
                Record(journal, ledger=self.config.ledger.enabled, max_content_bytes=content)
            )
        stages.append(Account(self.metrics, self.tracer, self.anomalies, self.recent))
        return Pipeline(stages)

    async def start(self) -> None:
        """Starts the components; each one started is registered for ``stop`` at once, so a
        start-up that fails part way stops exactly what it started."""
        config = self.config
        if self.role is not None:
            # First in, last out: requests settle with the supervisor until the very end.
            self.node = NodeClient(
                self.role.node_socket, self.role.index, os.getpid(), on_lost=self._node_lost
            )
            await self.node.connect()
            self._on_stop("node state", self.node.close)
            self.recent_relay = RecentRelay(self.recent, self.node)
            self.recent_relay.start()
            self._on_stop("recent relay", self.recent_relay.close)
        if config.auth.enabled or config.ledger.enabled or config.audit.enabled or config.endpoints:
            # A worker's supervisor has migrated the database before starting it.
            self.store = await Store.open(config.database.url, migrate=self.role is None)
            self._on_stop("store", self.store.close)
            if self.node is not None and self.store.dialect != "postgresql":
                self._on_stop(
                    "revocation relay", relay_invalidations(self.store.invalidations, self.node)
                )
        if config.auth.enabled:
            assert self.store is not None
            self.authenticator = KeyAuthenticator(
                self.store, cache_ttl=config.auth.cache_ttl_seconds, admin_key=self.admin_key
            )
            self._on_stop("authenticator", self.authenticator.close)
            if self.role is not None:
                # Created by the supervisor before any worker started.
                self.report.bootstrap_admin_key = self.role.bootstrap_admin_key
            elif self.admin_key is None:
                self.report.bootstrap_admin_key = await ensure_bootstrap_admin(self.store)
        if config.ledger.enabled or config.audit.enabled:
            assert self.store is not None
            spool = journal_spool_settings(config, own_loader=self.role is None)
            self.journal = JournalWriter(
                self.store.engines.write,
                self.metrics,
                audit=self._audit_settings(),
                spool=spool,
                max_batch=config.journal.max_batch,
                max_pending=config.journal.max_pending,
                durability_timeout=config.journal.durability_timeout_seconds,
            )
            # Registered before it starts: a start that fails part way stops its loader too.
            # Everything else that records is registered after it, so it stops before it:
            # the journal seals and loads last, and only the store closes after it.
            self._on_stop("journal", self.journal.stop)
            await self.journal.start()
            self.journal_health = JournalHealth(
                self.store.engines.write, spool.directory if spool is not None else None
            )
            self.journal_health.start()
            self._on_stop("journal health", self.journal_health.close)
        responses = self.stored_responses
        if responses is not None and (self.role is None or self.role.index == 0):
            self.housekeeping = Housekeeping(responses)
            self.housekeeping.start()
            self._on_stop("store housekeeping", self.housekeeping.close)
        self.events = EventLog(self.store.events if self.store is not None else None)
        self.events.start()
        self._on_stop("admin events", self.events.close)
        anomaly = config.admission.anomaly
        if config.auth.enabled and anomaly.enabled:  # without keys there are no tenants
            self.anomalies = AnomalyDetector(anomaly, self.metrics, self.events.emit)
            self.anomalies.start()
            self._on_stop("anomaly detector", self.anomalies.close)
        self.tracer = RequestTracer.from_config(config.telemetry.tracing)
        if self.tracer is not None:
            self._on_stop("tracer", self.tracer.shutdown)
        if config.cache.enabled:
            # Workers of one node share one cache, in their supervisor, unless Redis holds it.
            shared = (
                NodeCacheBackend(self.node)
                if self.node is not None and config.cache.redis is None
                else None
            )
            self.cache = Cache(
                build_cache(config.cache, backend=shared),
                config.cache.semantic.endpoints,
                self.metrics,
                config.cache.shared_endpoints,
            )
            self._on_stop("cache", self.cache.close)
        backends = dict(self.config.backends)
        if not backends:
            backends = await self._embedded_backends()
        self.backends = backends
        for name, backend in backends.items():
            await self._add_backend(name, backend)
        if self.node is not None:
            relay_circuits(self.pools, self.node)
        for index, alias in enumerate(self.config.models):
            try:
                self.catalog.add_alias(alias.name, alias.target)
            except ValueError as exc:
                # Only known now: whether the backend serves the target was asked at start-up.
                problem = ConfigProblem(f"models[{index}].target", str(exc))
                raise ConfigError("configuration", [problem]) from None
        self.catalog.finalize()
        redis = config.admission.redis
        if redis is not None:
            # Only when configured: redis-py is 6 MB of memory in every process that loads it.
            from bastion.admission.redis_limiter import RedisLimiter

            limiter = RedisLimiter(redis, self.metrics)
            limiter.start()
            self.limiter = limiter
            self._on_stop("limiter", limiter.close)
        elif self.node is not None:
            # Exact per node: the supervisor checks and reserves for every worker.
            self.limiter = NodeLimiter(self.node)
        await self._start_endpoints()
        self.policy = RoutingPolicy(
            config.routing, {name: b.context_window for name, b in backends.items()}
        )
        self._check_rule_backends()
        for monitor in self.monitors:
            monitor.start()
            self._on_stop(f"monitor of {monitor.pool.name}", monitor.stop)
        for supervisor in self.supervisors:
            supervisor.start()
        if self.supervisors:
            self._on_stop("engines", self._stop_engines)
        self.ready = True

    async def _stop_engines(self) -> None:
        """Engines drain in parallel: each may take up to its drain_seconds."""
        await asyncio.gather(
            *(
                _isolated(f"engine {supervisor.replica.name}", supervisor.stop)
                for supervisor in self.supervisors
            )
        )

    def on_stop(self, what: str, close: Callable[[], Awaitable[None] | None]) -> None:
        """Registers what a component mounted after start-up (the console) stops with."""
        self._on_stop(what, close)

    def _on_stop(self, what: str, close: Callable[[], Awaitable[None] | None]) -> None:
        """Registers ``close`` for ``stop``: steps run in reverse order of registration, and
        one that fails is logged while the others still run."""
        self._exit.push_async_callback(_isolated, what, close)

    async def _start_endpoints(self) -> None:
        """Builds the endpoint versions and refuses to start if a published one changed."""
        registry = EndpointRegistry(self.config.endpoints)
        problems: list[ConfigProblem] = []
        for version in registry.versions:
            where = f"endpoints.{version.endpoint}.versions.{version.version}"
            pinned = [(f"{where}", version.spec.backend, version.spec.model)] + [
                (f"{where}.fallbacks[{i}]", f.backend, f.model)
                for i, f in enumerate(version.spec.fallbacks)
            ]
            for path, backend, model in pinned:
                if backend not in self.pools:
                    known = ", ".join(sorted(self.pools)) or "none"
                    message = f"backend {backend!r} is not defined (known: {known})"
                    problems.append(ConfigProblem(f"{path}.backend", message))
                elif not self.catalog.serves(backend, model):
                    message = f"backend {backend!r} does not serve model {model!r}"
                    problems.append(ConfigProblem(f"{path}.model", message))
        if problems:
            raise ConfigError("configuration", problems)
        if registry.versions:
            assert self.store is not None, "opened for endpoints"
            # A new version with a contract is published once its golden prompts pass, after
            # the pipeline is built (see bastion.evaluation.contracts).
            published = await check_and_publish(
                registry,
                self.store.versions,
                hold=lambda version: version.spec.contract is not None,
                held=self.unchecked_contracts,
            )
            if published:
                self.report.notes.append(f"published {published} new endpoint version(s)")
        self.endpoints = registry

    def start_evaluations(self, transport: Transport) -> EvalService | None:
        """Evaluation runs of the admin API, sent through ``transport`` (the started app,
        in-process); cancelled first when the gateway stops (each is stored as interrupted)."""
        from bastion.evaluation.service import EvalService, gateway_pricer

        if self.store is None:
            return None
        settings = self.config.evaluation
        service = EvalService(
            self.store,
            transport,
            max_running=settings.max_running,
            pricer=gateway_pricer(self.config, self.backends),
        )
        self._on_stop("evaluation runs", service.close)
        return service

    async def check_contracts(self, transport: Transport) -> None:
        """Checks the golden prompts of new endpoint versions held back at start-up, through
        ``transport`` (the started app, in-process), then publishes them; ConfigError naming
        each version that fails (none is published then)."""
        versions = self.unchecked_contracts
        if not versions:
            return
        from bastion.evaluation.contracts import verify_contracts
        from bastion.routing.publication import publish

        assert self.store is not None, "opened for endpoints"
        if self.role is not None and self.role.index != 0:
            # One run of the golden prompts per node: worker 0 checks and publishes, the
            # others wait for that (a failed contract stops worker 0, and the node with it).
            await self._published(versions)
            self.unchecked_contracts = []
            return
        await self._wait_for_backends({version.spec.backend for version in versions})
        outcomes = await verify_contracts(
            versions, transport, self.store, self.admin_key, auth=self.config.auth.enabled
        )
        await publish(versions, self.store.versions)
        self.unchecked_contracts = []
        for outcome in outcomes:
            self.report.notes.append(
                f"{outcome.version}: contract met ({outcome.passed}/{outcome.checked} golden "
                f"prompts), published"
            )

    async def _published(self, versions: list[EndpointVersion]) -> None:
        """Until another process has published ``versions``; ConfigError if this one is asked
        to stop first (the node stops when worker 0's check fails)."""
        assert self.store is not None
        wanted = {(version.endpoint, version.version) for version in versions}
        # Another process publishes them: there is nothing in this one to wait on.
        while not wanted <= set(await self.store.versions.all()):
            if self.exit_requested:
                raise ConfigError(
                    "endpoints",
                    [ConfigProblem("endpoints", "stopped while worker 0 checked the contracts")],
                )
            await asyncio.sleep(_PUBLICATION_POLL_SECONDS)

    async def _wait_for_backends(self, names: set[str]) -> None:
        """Until every named backend has a replica that takes requests (a launched engine
        may still be loading), at most the longest launch readiness timeout."""
        from bastion.routing.replica import replica_available

        pools = [self.pools[name] for name in names if name in self.pools]
        longest = max(
            (
                replica.launch.ready_timeout_seconds
                for name in names
                if name in self.backends
                for replica in self.backends[name].replica_configs
                if replica.launch is not None
            ),
            default=0.0,
        )
        deadline = time.monotonic() + longest
        while any(
            not any(replica_available(r, time.monotonic()) for r in pool.replicas) for pool in pools
        ):
            if time.monotonic() >= deadline:
                return  # the checks then say what the backend answered
            await asyncio.sleep(0.5)

    def _check_rule_backends(self) -> None:
        for index, rule in enumerate(self.config.routing.rules):
            if rule.backend is not None and rule.backend not in self.pools:
                known = ", ".join(sorted(self.pools)) or "none"
                problem = ConfigProblem(
                    f"routing.rules[{index}].backend",
                    f"backend {rule.backend!r} is not defined (known: {known})",
                )
                raise ConfigError("configuration", [problem])

    def routing_status(self) -> dict[str, object]:
        return routing_status(self.endpoints, self.pools, self.gpu)

    def _node_lost(self) -> None:
        self.draining = True
        if self.on_node_lost is not None:
            self.on_node_lost()

    def _audit_settings(self) -> AuditSettings | None:
        audit = self.config.audit
        if not audit.enabled:
            return None
        key = self.env.get(audit.signing_key_env, "")
        signer = None
        if key:
            try:
                signer = Signer(key.encode())
            except ValueError as exc:
                problem = ConfigProblem("audit.signing_key_env", f"{audit.signing_key_env}: {exc}")
                raise ConfigError("environment", [problem]) from None
        else:
            self.report.notes.append(
                f"audit checkpoints are unsigned: set {audit.signing_key_env} to sign them"
            )
            log.warning("audit checkpoints unsigned", extra={"key_env": audit.signing_key_env})
        return AuditSettings(signer, audit.segment_records, audit.segment_seconds)

    async def stop(self) -> None:
        """Stops what ``start`` started, in reverse order: engines drain, monitors, the
        limiter, pools and providers, the cache, the tracer, the anomaly detector and admin
        events stop, then the journal seals its segment and loads its spool, then the store
        closes. A step that fails is logged; the others still run. Safe to call again."""
        self.ready = False
        steps, self._exit = self._exit, contextlib.AsyncExitStack()
        await steps.aclose()

    async def _embedded_backends(self) -> dict[str, BackendConfig]:
        """No backend configured: use local engines that answer, cloud keys, or the simulator."""
        self.report.embedded = True
        backends: dict[str, BackendConfig] = {}
        discovery = self.config.discovery
        if discovery.enabled:
            self.report.probed_ports = dict(discovery.ports)
            for engine in await discover_engines(discovery.ports, discovery.timeout_seconds):
                backends[engine.name] = BackendConfig(
                    kind="openai-compatible", location="local", base_url=engine.base_url
                )
        if not backends:
            backends[SIMULATOR_BACKEND] = BackendConfig(kind="simulator", location="local")
        for name, (variable, kind, base_url) in _CLOUD_FROM_ENV.items():
            if self.env.get(variable):
                backends[name] = BackendConfig.model_validate(
                    {
                        "kind": kind,
                        "location": "external",
                        "base_url": base_url,
                        "api_key": self.env[variable],
                        "models": [WILDCARD],
                    }
                )
        return backends

    async def _add_backend(self, name: str, config: BackendConfig) -> None:
        provider = build_provider(name, config)
        await provider.start()
        self.providers[name] = provider
        self._on_stop(f"provider {name}", provider.close)
        pool = BackendPool(provider, config)
        self._on_stop(f"pool {name}", pool.close)
        capacity = config.capacity
        if (
            capacity.concurrent_requests
            or capacity.kv_tokens
            or capacity.learn
            or capacity.reserved
            or any(replica.capacity for replica in config.replica_configs)
        ):
            redis = self.config.admission.redis
            share = 1 / redis.replicas if redis is not None else 1.0
            if self.role is not None:
                # Each worker runs its part of the node's capacity (its queue is its own).
                share /= self.role.workers
            pool.capacity = PoolCapacity(name, pool.replicas, capacity, self.metrics, share)
        self.pools[name] = pool
        self.monitors.append(PoolMonitor(pool, self.metrics))
        for replica, replica_config in zip(pool.replicas, config.replica_configs, strict=False):
            if replica_config.launch is not None:
                supervisor = EngineSupervisor(replica, replica_config.launch, self.metrics)
                self.supervisors.append(supervisor)
        simulated = config.kind == "simulator"
        info = BackendInfo(name, config.kind, config.location, simulated, None)
        info.replicas = len(pool.replicas)
        info.launched = sum(1 for r in config.replica_configs if r.launch is not None)
        models: list[str] | None
        if config.models is None:
            try:
                models = await provider.list_models(pool.replicas[0].http)
            except Exception as exc:
                models = None
                info.note = (
                    f"could not list models ({type(exc).__name__}); "
                    f"any {name}/<model> is passed through"
                )
                # Never repr(exc): aiohttp's errors carry the request headers, keys included.
                status = getattr(exc, "status", "")
                error = f"{type(exc).__name__} {status}".strip()
                log.warning("model listing failed", extra={"backend": name, "error": error})
        elif WILDCARD in config.models:
            models = None
        else:
            models = list(config.models)
        info.models = models
        if pool.replicas:
            # Undecided (the engine is not up yet): the pool's monitor asks again.
            await provider.detect_responses(pool.replicas[0].http)
        self.catalog.add_backend(provider, models, simulated=simulated)
        self.report.backends.append(info)


async def _isolated(what: str, close: Callable[[], Awaitable[None] | None]) -> None:
    """Runs one shutdown step; its failure is logged, not raised, so the next step runs."""
    try:
        result = close()
        if inspect.isawaitable(result):
            await result
    except Exception as exc:
        log.error(
            "shutdown step failed; the others still run",
            extra={"component": what, "error": describe_error(exc)},
        )
