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
from bastion.config.schema import AdmissionConfig, RateLimits
from bastion.pipeline.context import RequestContext
from bastion.pipeline.runner import BaseStage
from bastion.protocols.errors import GatewayError
from bastion.protocols.operations import Operation
from bastion.telemetry.metrics import GatewayMetrics


class Admit(BaseStage):
    name = "admit"

    def __init__(self, config: AdmissionConfig, limiter: Limiter, metrics: GatewayMetrics) -> None:
        self._config = config
        self._limiter = limiter
        self._refusals = metrics.admission_refusals
        self._tenant_default = _limits(config.tenant_default, None)
        self._key_default = _limits(config.key_default, None)
        self._tenants = {n: _limits(config.tenant_default, o) for n, o in config.tenants.items()}
        self._keys = {k: _limits(config.key_default, o) for k, o in config.keys.items()}
        # Whether any limit is configured at all; without one the stage is left out.
        self.active = any(
            [self._tenant_default, self._key_default, *self._tenants.values(), *self._keys.values()]
        )

    async def on_request(self, ctx: RequestContext) -> None:
        principal = ctx.principal
        if principal is None:
            return  # keys are off: nothing to count against
        checks: list[tuple[str, Limits]] = []
        tenant = self._tenants.get(principal.tenant_name, self._tenant_default)
        if tenant:
            checks.append((f"tenant {principal.tenant_name}", tenant))
        key = self._keys.get(principal.key_id, self._key_default)
        if key:
            checks.append((f"key {principal.key_id}", key))
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
    merged = default.model_copy(
        update=override.model_dump(exclude_none=True) if override is not None else {}
    )
    return Limits(merged.requests_per_minute, merged.tokens_per_minute, merged.concurrent_requests)


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
