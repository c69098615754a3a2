"""admit: per-tenant and per-key rate limits and concurrency, before any work is done upstream.

A request reserves one request, an estimate of its tokens and a concurrency slot in every scope
that limits it (its tenant, its key), all or nothing; once the answer's usage is known (the seal
phase, or the completion phase for a request that ended otherwise) the estimate is replaced
with it and the slot is given back. Admitted answers carry
OpenAI's ``x-ratelimit-*`` headers; refusals are 429 with ``Retry-After``.

Money budgets reserve the most the request can cost: its estimate priced on every target of its
route (a fallback may answer), the dearest kept. The settlement prices the real usage on the
backend that answered, whatever was reserved.
"""

from __future__ import annotations

import math

from bastion.admission.estimate import estimate_split
from bastion.admission.limiter import Limiter, Limits, Refusal, Remaining, tenant_scope
from bastion.admission.pricing import MICROS_PER_DOLLAR, RequestPricer, TokenPrice, Unpriced
from bastion.auth import Principal
from bastion.config.schema import AdmissionConfig, RateLimits
from bastion.pipeline.context import RequestContext
from bastion.pipeline.runner import BaseStage
from bastion.protocols.errors import GatewayError
from bastion.routing.plan import Target
from bastion.telemetry.metrics import GatewayMetrics

# Principals whose merged limits are kept (as many as the authenticator caches by default).
_MAX_CACHED_PRINCIPALS = 4096


class Admit(BaseStage):
    name = "admit"

    def __init__(
        self,
        config: AdmissionConfig,
        limiter: Limiter,
        metrics: GatewayMetrics,
        *,
        stored_limits: bool = False,
        pricer: RequestPricer | None = None,
    ) -> None:
        """``stored_limits``: keys come from the key store, whose tenants and keys may carry
        limits of their own (set through the admin API), so the stage must stay in."""
        self._config = config
        self._limiter = limiter
        self._pricer = pricer
        self._default_output = config.default_output_tokens
        self._refusals = metrics.admission_refusals
        self._tenant_default = _limits(config.tenant_default, None)
        self._key_default = _limits(config.key_default, None)
        self._tenants = {n: _limits(config.tenant_default, o) for n, o in config.tenants.items()}
        self._keys = {k: _limits(config.key_default, o) for k, o in config.keys.items()}
        # Whether any limit can apply at all (one in the config file, or one stored with a
        # tenant or key); without one the stage is left out.
        self.active = stored_limits or any(
            [self._tenant_default, self._key_default, *self._tenants.values(), *self._keys.values()]
        )
        # Each principal's scopes and merged limits, by the principal object's identity: the
        # authenticator hands out one object per key until its cache entry is dropped (expiry,
        # revocation, changed limits), so a hit is one dict lookup.
        self._by_principal: dict[int, tuple[Principal, list[tuple[str, Limits]]]] = {}

    async def on_request(self, ctx: RequestContext) -> None:
        principal = ctx.principal
        if principal is None:
            return  # keys are off: nothing to count against
        cached = self._by_principal.get(id(principal))
        if cached is not None and cached[0] is principal:
            checks = cached[1]
        else:
            checks = self._checks(principal)
        if not checks:
            return
        prompt, output = self._estimate(ctx)
        cost = 0
        if _has_money(checks):
            cost = self._dearest_cost(ctx, prompt, output)
        # Grouped by tenant: shared state keeps a tenant's and its keys' counts together. By
        # its id, not its name: a tenant made again under a deleted one's name starts afresh.
        result = await self._limiter.admit(checks, prompt + output, cost, group=principal.tenant_id)
        if isinstance(result, Refusal):
            self._refusals.labels(result.scope.split(" ", 1)[0], result.what).inc()
            retry_after = max(1, math.ceil(result.retry_after))
            headers = {"retry-after": str(retry_after)}
            headers.update(_rate_headers(result.requests, result.token_budget))
            budget = result.what.endswith(("per day", "per month"))
            raise GatewayError(
                429,
                f"{'Budget' if budget else 'Rate limit'} reached for "
                f"{_named(result.scope, principal)}: "
                f"{_amount(result.limit, result.what)}. Retry in {retry_after}s.",
                code="budget_exceeded" if budget else "rate_limit_exceeded",
                headers=headers,
            )
        ctx.admission = result
        ctx.response_headers.update(_rate_headers(result.requests, result.token_budget))

    async def on_seal(self, ctx: RequestContext) -> None:
        # Before the answer's last bytes: a client's next call must find the slot free and
        # the estimate settled.
        await self._settle(ctx)

    async def on_complete(self, ctx: RequestContext) -> None:
        await self._settle(ctx)  # the request ended without sealing (client left, failure)

    async def _settle(self, ctx: RequestContext) -> None:
        grant = ctx.admission
        if grant is None or grant.settled:
            return
        usage = ctx.usage
        if usage is None:
            await self._limiter.settle(grant, grant.tokens)  # unknown: the estimate stays
            return
        cost: int | None = None
        deployment = ctx.deployment
        # Priced whenever a money budget applies, not only when the estimate cost something: a
        # free first target may have failed over to a paid fallback.
        if self._pricer is not None and deployment is not None and _has_money(grant.checks):
            try:
                price = self._pricer.price(deployment.backend.name, deployment.upstream_model)
            except Unpriced:
                pass  # its price went away since admission: the estimate stays counted
            else:
                cost = price.micros(usage.input_tokens, usage.output_tokens)
        await self._limiter.settle(grant, usage.input_tokens + usage.output_tokens, cost)

    def _dearest_cost(self, ctx: RequestContext, prompt: int, output: int) -> int:
        """The estimate priced on every target of the route, the dearest kept: any of them may
        answer, so a budget that cannot pay for the dearest refuses the request rather than
        let a fallback spend past it."""
        plan = ctx.route
        assert plan is not None, "admission runs after routing"
        return max(self._price_of(target).micros(prompt, output) for target in plan.targets)

    def _price_of(self, target: Target) -> TokenPrice:
        """The target's price; a target without one refuses the request (its answer could not
        be counted)."""
        try:
            if self._pricer is None:
                raise Unpriced("money budgets need prices, and none are loaded")
            return self._pricer.price(target.pool.name, target.deployment.upstream_model)
        except Unpriced as exc:
            raise GatewayError(
                403,
                f"This key's tenant or key has a budget in US dollars, and {exc}, so the "
                "request is refused rather than left uncounted.",
                code="unpriced_model",
            ) from None

    def _checks(self, principal: Principal) -> list[tuple[str, Limits]]:
        """The principal's scopes and limits, field by field: what the tenant (key) has stored,
        else the config file's entry for it, else the config file's default; then cached."""
        checks: list[tuple[str, Limits]] = []
        tenant = _override(
            self._tenants.get(principal.tenant_name, self._tenant_default), principal.tenant_limits
        )
        if tenant:
            checks.append((tenant_scope(principal.tenant_id), tenant))
        key = _override(self._keys.get(principal.key_id, self._key_default), principal.key_limits)
        if key:
            checks.append((f"key {principal.key_id}", key))
        if len(self._by_principal) >= _MAX_CACHED_PRINCIPALS:
            self._by_principal.clear()  # principals of expired cache entries; rebuilt on use
        self._by_principal[id(principal)] = (principal, checks)
        return checks

    def _estimate(self, ctx: RequestContext) -> tuple[int, int]:
        return estimate_split(ctx.operation, ctx.body, ctx.raw_body, self._default_output)


def _has_money(checks: list[tuple[str, Limits]]) -> bool:
    return any(limits.has_money for _, limits in checks)


def _named(scope: str, principal: Principal) -> str:
    """A refused scope as the client knows it: its tenant by name."""
    return (
        f"tenant {principal.tenant_name}" if scope == tenant_scope(principal.tenant_id) else scope
    )


def _limits(default: RateLimits, override: RateLimits | None) -> Limits:
    """``override``'s values where it sets them, ``default``'s elsewhere."""
    return _override(_override(Limits(), default), override)


def _override(base: Limits, override: RateLimits | None) -> Limits:
    """``override``'s values where it sets them, ``base``'s elsewhere (every limit field)."""
    if override is None:
        return base
    return Limits(
        requests_per_minute=_first(override.requests_per_minute, base.requests_per_minute),
        tokens_per_minute=_first(override.tokens_per_minute, base.tokens_per_minute),
        concurrent_requests=_first(override.concurrent_requests, base.concurrent_requests),
        tokens_per_day=_first(override.tokens_per_day, base.tokens_per_day),
        tokens_per_month=_first(override.tokens_per_month, base.tokens_per_month),
        usd_micros_per_day=_first(_micros(override.usd_per_day), base.usd_micros_per_day),
        usd_micros_per_month=_first(_micros(override.usd_per_month), base.usd_micros_per_month),
    )


def _micros(dollars: float | None) -> int | None:
    return None if dollars is None else max(1, round(dollars * MICROS_PER_DOLLAR))


def _amount(limit: int, what: str) -> str:
    """``300 tokens per day``; money budgets in dollars: ``25.00 US dollars per day``."""
    if what.startswith("usd "):
        dollars = limit / MICROS_PER_DOLLAR
        shown = f"{dollars:,.2f}" if dollars >= 1 else f"{dollars:.6f}".rstrip("0").rstrip(".")
        return f"{shown} US dollars {what.removeprefix('usd ')}"
    return f"{limit} {what}"


def _first(value: int | None, fallback: int | None) -> int | None:
    return fallback if value is None else value


def _rate_headers(requests: Remaining | None, tokens: Remaining | None) -> dict[str, str]:
    headers: dict[str, str] = {}
    for kind, left in (("requests", requests), ("tokens", tokens)):
        if left is not None:
            headers[f"x-ratelimit-limit-{kind}"] = str(left.limit)
            headers[f"x-ratelimit-remaining-{kind}"] = str(left.remaining)
            headers[f"x-ratelimit-reset-{kind}"] = duration(left.reset_seconds)
    return headers


def duration(seconds: float) -> str:
    """OpenAI's reset format: ``20ms``, ``1.5s``, ``6m0s``."""
    if seconds < 1:
        return f"{round(seconds * 1000)}ms"
    if seconds < 60:
        return f"{seconds:.3g}s"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}m{rest}s"
