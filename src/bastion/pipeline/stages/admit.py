"""admit: per-tenant and per-key rate limits and concurrency, before any work is done upstream.

A request reserves one request, an estimate of its tokens and a concurrency slot in every scope
that limits it (its tenant, its key), all or nothing; once the answer's usage is known (the seal
phase, or the completion phase for a request that ended otherwise) the estimate is replaced
with it and the slot is given back. Admitted answers carry
OpenAI's ``x-ratelimit-*`` headers; refusals are 429 with ``Retry-After``.
"""

from __future__ import annotations

import math
from typing import Any

from bastion.admission.limiter import Limiter, Limits, Refusal, Remaining
from bastion.auth import Principal
from bastion.config.schema import AdmissionConfig, RateLimits
from bastion.pipeline.context import RequestContext
from bastion.pipeline.runner import BaseStage
from bastion.protocols.errors import GatewayError
from bastion.protocols.operations import Operation
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
    ) -> None:
        """``stored_limits``: keys come from the key store, whose tenants and keys may carry
        limits of their own (set through the admin API), so the stage must stay in."""
        self._config = config
        self._limiter = limiter
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
        result = await self._limiter.admit(checks, self._estimate(ctx))
        if isinstance(result, Refusal):
            self._refusals.labels(result.scope.split(" ", 1)[0], result.what).inc()
            retry_after = max(1, math.ceil(result.retry_after))
            headers = {"retry-after": str(retry_after)}
            headers.update(_rate_headers(result.requests, result.token_budget))
            raise GatewayError(
                429,
                f"Rate limit reached for {result.scope}: {result.limit} {result.what}. "
                f"Retry in {retry_after}s.",
                code="rate_limit_exceeded",
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
        actual = usage.input_tokens + usage.output_tokens if usage is not None else grant.tokens
        await self._limiter.settle(grant, actual)

    def _checks(self, principal: Principal) -> list[tuple[str, Limits]]:
        """The principal's scopes and limits, field by field: what the tenant (key) has stored,
        else the config file's entry for it, else the config file's default; then cached."""
        checks: list[tuple[str, Limits]] = []
        tenant = _override(
            self._tenants.get(principal.tenant_name, self._tenant_default), principal.tenant_limits
        )
        if tenant:
            checks.append((f"tenant {principal.tenant_name}", tenant))
        key = _override(self._keys.get(principal.key_id, self._key_default), principal.key_limits)
        if key:
            checks.append((f"key {principal.key_id}", key))
        if len(self._by_principal) >= _MAX_CACHED_PRINCIPALS:
            self._by_principal.clear()  # principals of expired cache entries; rebuilt on use
        self._by_principal[id(principal)] = (principal, checks)
        return checks

    def _estimate(self, ctx: RequestContext) -> int:
        """Prompt bytes / 4 plus the output the request may produce."""
        body: dict[str, Any] = ctx.body or {}
        prompt = len(ctx.raw_body) // 4
        if ctx.operation is Operation.EMBEDDINGS:
            return prompt
        for name in ("max_completion_tokens", "max_tokens"):
            value = body.get(name)
            if isinstance(value, int) and not isinstance(value, bool) and value > 0:
                return prompt + value
        return prompt + self._config.default_output_tokens


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
    )


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
