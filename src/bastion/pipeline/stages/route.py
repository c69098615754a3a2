"""route: requested name → the pools that may serve it, in order, under the routing policy.

A versioned endpoint brings its pinned model, prompt, sampling defaults, pool and fallbacks;
any other name resolves through the model catalog. Routing rules may then deny the request or
send it to another pool (an endpoint version only to one of its own pinned targets), and data
that must stay on-premises drops every external target. An
external backend with an egress policy takes only requests whose data classes it allows
(``public``: scanned and found clean).
"""

from __future__ import annotations

from datetime import UTC, datetime

from bastion.config.schema import RoutingConfig
from bastion.pipeline.context import RequestContext
from bastion.pipeline.runner import BaseStage
from bastion.protocols.errors import GatewayError, invalid_request, model_not_found
from bastion.protocols.exchange import Exchange
from bastion.protocols.exchanges import exchange_for
from bastion.protocols.operations import Operation, WireProtocol
from bastion.routing.catalog import Deployment, ModelCatalog
from bastion.routing.endpoints import EndpointRegistry
from bastion.routing.plan import RoutePlan, Target
from bastion.routing.policy import Decision, RouteQuery, RoutingPolicy
from bastion.routing.pool import BackendPool

_NO_DECISION = Decision()
_NOTHING: frozenset[str] = frozenset()
_PUBLIC = frozenset({"public"})
_UNSCANNED = frozenset({"unscanned"})
_MAX_CACHED_PLANS = 10_000


class Route(BaseStage):
    name = "route"

    def __init__(
        self,
        catalog: ModelCatalog,
        endpoints: EndpointRegistry,
        pools: dict[str, BackendPool],
        policy: RoutingPolicy,
        settings: RoutingConfig,
    ) -> None:
        self._catalog = catalog
        self._endpoints = endpoints
        self._pools = pools
        self._policy = policy
        # External pools that take only some data classes (routing.egress, or their own).
        self._egress: dict[str, frozenset[str]] = {}
        for name, pool in pools.items():
            own = pool.config.egress
            allow = settings.egress.allow if own is None or own.allow is None else own.allow
            if pool.location != "local" and allow is not None:
                self._egress[name] = frozenset(allow)
        self._classification_header = settings.classification_header.lower()
        self._hint_header = settings.hint_header.lower()
        self._exchanges: dict[tuple[Operation, WireProtocol, bool], Exchange | None] = {}
        self._has_endpoints = len(endpoints) > 0
        # Plans depend only on the key below, so each is built once. Bounded, because names
        # passed through to wildcard backends are the client's choice.
        self._plans: dict[tuple[object, ...], RoutePlan] = {}

    async def on_request(self, ctx: RequestContext) -> None:
        assert ctx.body is not None
        names: tuple[str, ...] = (ctx.model,)
        fallbacks: tuple[tuple[str, str], ...] = ()
        version = self._endpoints.resolve(ctx.model) if self._has_endpoints else None
        if version is not None:
            ctx.response_headers.update(version.headers)
            sunset = version.sunset_error(datetime.now(UTC))
            if sunset is not None:
                raise sunset
            version.apply(ctx.body, ctx.operation)
            ctx.upstream_params = version.upstream_params.get(ctx.operation, ())
            primary = (version.spec.backend, version.spec.model)
            fallbacks = version.fallbacks
            names = (ctx.model, version.endpoint, version.name)
        else:
            deployment = self._catalog.resolve(ctx.model)
            if deployment is None:
                raise model_not_found(ctx.model)
            primary = (deployment.backend.name, deployment.upstream_model)

        declared = ctx.headers.get(self._classification_header)
        if declared:
            ctx.classifications.update(c.strip().lower() for c in declared.split(",") if c.strip())
        if self._policy.has_rules or ctx.classifications or not ctx.classified:
            principal = ctx.principal
            decision = self._policy.decide(
                RouteQuery(
                    tenant=principal.tenant_name if principal is not None else None,
                    names=names,
                    classifications=frozenset(ctx.classifications),
                    classified=ctx.classified,
                    hint=ctx.headers.get(self._hint_header),
                    prompt_tokens=len(ctx.raw_body) // 4,
                    backend=primary[0],
                    pinned=version.targets if version is not None else None,
                )
            )
            if decision.deny is not None:
                raise GatewayError(
                    403,
                    f"Refused by routing rule '{decision.rule}': {decision.deny}",
                    code="policy_denied",
                )
            if decision.backend is not None:
                primary = (decision.backend, decision.model or primary[1])
        else:
            decision = _NO_DECISION
        carried = egress_classes(ctx) if self._egress else _NOTHING
        # A Responses API answer passes through an engine serving that API itself only when
        # nothing has to rewrite it on the way back.
        passthrough = ctx.operation is Operation.RESPONSES and not ctx.answer_rewritten
        key = (
            ctx.model,
            ctx.operation,
            primary,
            fallbacks,
            decision.local_reason,
            decision.rule,
            carried,
            passthrough,
        )
        plan = self._plans.get(key)
        if plan is None:
            plan, settled = self._plan(
                ctx, primary, fallbacks, decision, carried, passthrough=passthrough
            )
            if settled and len(self._plans) < _MAX_CACHED_PLANS:
                self._plans[key] = plan
        ctx.route = plan
        # The first choice, until dispatch knows which target answered.
        first = plan.targets[0]
        ctx.deployment = first.deployment
        ctx.exchange = first.exchange

    def _plan(
        self,
        ctx: RequestContext,
        primary: tuple[str, str],
        fallbacks: tuple[tuple[str, str], ...],
        decision: Decision,
        carried: frozenset[str],
        *,
        passthrough: bool,
    ) -> tuple[RoutePlan, bool]:
        """The plan, and whether it is settled: a plan choosing for a backend whose Responses
        API support is still being detected is built again next time."""
        targets: list[Target] = []
        settled = True
        excluded: list[str] = []
        reason = decision.local_reason
        for position, (backend, model) in enumerate((primary, *fallbacks)):
            pool = self._pools[backend]
            if decision.local_only and pool.location != "local":
                excluded.append(backend)
                continue
            allowed = self._egress.get(backend)
            if allowed is not None and not carried <= allowed:
                excluded.append(backend)
                reason = reason or _egress_reason(carried, allowed)
                continue
            native = pool.provider.responses_native
            settled = settled and (native is not None or ctx.operation is not Operation.RESPONSES)
            exchange = self._exchange(ctx.operation, pool, native=passthrough and bool(native))
            if exchange is None:
                if position == 0:
                    raise invalid_request(
                        f"Model '{ctx.model}' is served by backend '{backend}', "
                        f"which does not support the {ctx.operation.value} endpoint.",
                        param="model",
                    )
                continue  # a fallback that cannot serve this operation is skipped
            targets.append(Target(pool, Deployment(ctx.model, pool.provider, model), exchange))
        if not targets:
            raise GatewayError(
                503,
                f"No local backend can serve '{ctx.model}': {reason}, so it is "
                f"not sent to external backends ({', '.join(excluded)}).",
                code="no_local_backend",
            )
        return RoutePlan(tuple(targets), reason, tuple(excluded), decision.rule), settled

    def _exchange(
        self, operation: Operation, pool: BackendPool, *, native: bool
    ) -> Exchange | None:
        provider = pool.provider
        key = (operation, provider.protocol, native)
        if key not in self._exchanges:
            self._exchanges[key] = exchange_for(
                operation, provider.protocol, native_responses=native
            )
        exchange = self._exchanges[key]
        if exchange is None or provider.path_for(operation) is None:
            return None
        return exchange


def egress_classes(ctx: RequestContext) -> frozenset[str]:
    """The data classes an egress policy judges the request by.

    Its classes when it has any (found or declared); otherwise ``public`` if every part of it
    was scanned, and ``unscanned`` if not (guardrails off, media the scan cannot read).
    """
    if ctx.classifications:
        return frozenset(ctx.classifications)
    return _PUBLIC if ctx.scanned and ctx.classified else _UNSCANNED


def _egress_reason(carried: frozenset[str], allowed: frozenset[str]) -> str:
    if carried == _UNSCANNED:
        return "it was not scanned clean (the scan did not cover all of it)"
    refused = ", ".join(sorted(carried - allowed))
    return f"external backends here take only {', '.join(sorted(allowed))} data, not {refused}"
