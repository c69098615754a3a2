"""queue: a slot of the backend's capacity, waiting for one in priority order if need be.

Backends with a capacity (see ``PoolCapacity``) run at most that many requests; the others wait
here, most urgent first, until a slot frees up or their deadline passes. A request that cannot
start in time is answered 503 with ``Retry-After`` rather than sent to a busy engine. Priority
and the longest wait come from the tenant's and key's queue policy; a client may lower its
priority or shorten its wait through headers, never the reverse.

The slot is taken on the first target of the route; the claim (``CapacityClaim``) stays with
the request, so when dispatch falls back to another backend it moves there, under the same
priority and deadline.
"""

from __future__ import annotations

import asyncio
import math

from bastion.admission.capacity import CapacityClaim, PoolCapacity
from bastion.admission.estimate import choices, estimate_tokens
from bastion.config.schema import QueueConfig
from bastion.pipeline.context import RequestContext
from bastion.pipeline.runner import BaseStage
from bastion.protocols.errors import invalid_request


class Queue(BaseStage):
    name = "queue"

    def __init__(self, config: QueueConfig, default_output_tokens: int) -> None:
        self._priority = config.priority
        self._max_wait = config.max_wait_seconds
        self._tenants = config.tenants
        self._keys = config.keys
        self._priority_header = config.priority_header.lower()
        self._timeout_header = config.timeout_header.lower()
        self._default_output = default_output_tokens

    async def on_request(self, ctx: RequestContext) -> None:
        plan = ctx.route
        assert plan is not None
        if all(target.pool.capacity is None for target in plan.targets):
            return
        priority, max_wait = self._policy(ctx)
        # Every choice is a sequence the engine runs, with its own output in the KV cache.
        tokens = estimate_tokens(ctx.operation, ctx.body, ctx.raw_body, self._default_output)
        seqs = choices(ctx.operation, ctx.body)
        principal = ctx.principal
        tenant = principal.tenant_name if principal is not None else None
        deadline = asyncio.get_running_loop().time() + max_wait
        claim = ctx.claim = CapacityClaim(tenant, priority, tokens, seqs, deadline)
        await claim_capacity(ctx, claim, plan.targets[0].pool.capacity)

    async def on_seal(self, ctx: RequestContext) -> None:
        # The engine's work is done: the next request in line may start before the last bytes.
        self._release(ctx)

    async def on_complete(self, ctx: RequestContext) -> None:
        self._release(ctx)

    @staticmethod
    def _release(ctx: RequestContext) -> None:
        claim = ctx.claim
        if claim is not None:
            claim.release()

    def _policy(self, ctx: RequestContext) -> tuple[int, float]:
        """Priority and longest wait: the key's, else the tenant's, else the defaults; then
        what the client asks for, when that is less urgent or shorter."""
        priority, max_wait = self._priority, self._max_wait
        principal = ctx.principal
        if principal is not None:
            for policy in (
                self._tenants.get(principal.tenant_name),
                self._keys.get(principal.key_id),
            ):
                if policy is not None:
                    priority = policy.priority if policy.priority is not None else priority
                    if policy.max_wait_seconds is not None:
                        max_wait = policy.max_wait_seconds
        asked = ctx.headers.get(self._priority_header)
        if asked is not None:
            value = _number(asked, self._priority_header, whole=True)
            if not 0 <= value <= 9:
                raise invalid_request(f"{self._priority_header} must be 0 to 9.")
            priority = max(priority, int(value))
        asked = ctx.headers.get(self._timeout_header)
        if asked is not None:
            value = _number(asked, self._timeout_header, whole=False)
            if value < 0:
                raise invalid_request(f"{self._timeout_header} must not be negative.")
            max_wait = min(max_wait, value)
        return priority, max_wait


async def claim_capacity(
    ctx: RequestContext, claim: CapacityClaim, capacity: PoolCapacity | None
) -> None:
    """Moves the request's claim to ``capacity`` (503 ``overloaded`` when it cannot start in
    time) and notes the time waited, over every backend so far, as the request's queue wait.

    A request shed at its deadline, or whose client left while it waited, waited too: its wait
    counts (the claim itself only counts waits that ended with a slot), or the queue-wait
    histogram and the ledger's ``queue_ms`` would show no wait just when requests wait longest.
    """
    loop = asyncio.get_running_loop()
    started = loop.time()
    try:
        await claim.move_to(capacity)
    except BaseException:
        claim.waited += loop.time() - started
        raise
    finally:
        ctx.queued_seconds = claim.waited


def _number(text: str, header: str, *, whole: bool) -> float:
    try:
        value = int(text) if whole else float(text)
    except ValueError:
        kind = "a whole number" if whole else "a number of seconds"
        raise invalid_request(f"{header} must be {kind}, not {text[:40]!r}.") from None
    if not math.isfinite(value):
        raise invalid_request(f"{header} must be a finite number.")
    return value
