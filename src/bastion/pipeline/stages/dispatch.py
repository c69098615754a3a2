"""dispatch: the upstream call, on the best replica of each target in turn.

A failed attempt (no connection, a 5xx or 429, a timeout or a stalled engine before the first
byte, a successful status with an unusable answer) is tried again on another replica or the
next fallback, as long as nothing reached the client yet, the attempt limit allows it, the
retry budget has room and the request's total timeout has not passed. Streams are primed:
their first bytes arrive here, so a replica that dies before answering costs a retry, not the
request; a whole answer is read and checked here, so a replica that answers 200 with an HTML
page, a malformed or a cut body fails like one that answers 502. A fallback on another
backend runs on that backend's capacity: the request's claim moves there (see the queue stage)
before any of its replicas is tried.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from typing import Any

import orjson

from bastion.auth import Principal
from bastion.config.schema import RetryConfig, RoutingConfig
from bastion.pipeline.context import RequestContext
from bastion.pipeline.runner import BaseStage
from bastion.pipeline.stages.queue import claim_capacity
from bastion.protocols.errors import GatewayError, invalid_request, upstream_timeout
from bastion.protocols.translate import TranslationError
from bastion.protocols.upstream_errors import json_object, upstream_failed, upstream_overloaded
from bastion.providers.response import ResponseTooLarge, UpstreamResponse, is_event_stream
from bastion.routing.affinity import affinity_key
from bastion.routing.plan import RoutePlan, Target
from bastion.routing.replica import Replica
from bastion.routing.retry_budget import RetryBudget
from bastion.telemetry.metrics import GatewayMetrics

# Names the client's fields a translation left out, so clients learn what was not honoured.
DROPPED_HEADER = "x-bastion-dropped-fields"
_STREAM_FAILURES = frozenset(
    {"upstream_cut", "upstream_timeout", "upstream_malformed", "upstream_error"}
)
_NOT_COMPUTED = -1


class _Unusable(Exception):
    """A successful status whose answer cannot be used (cut short, malformed, not the event
    stream asked for): the replica failed, as with a 5xx; ``kind`` labels the error metric."""

    def __init__(self, error: GatewayError, kind: str) -> None:
        super().__init__(error.message)
        self.error = error
        self.kind = kind


async def _error_body(response: UpstreamResponse) -> bytes:
    """An error answer's body, for its explanation; b"" when it is too large to keep (the
    status still says the replica failed)."""
    try:
        return await response.read()
    except ResponseTooLarge:
        return b""


async def _whole_answer(ctx: RequestContext, backend: str, response: UpstreamResponse) -> None:
    """Reads a whole successful answer and parses it (kept as ``response.answer``, for
    respond); raises _Unusable when it is cut short or not a JSON object."""
    try:
        raw = await response.read()
    except ResponseTooLarge:
        raise
    except GatewayError as error:  # cut short, or the total timeout while it came
        raise _Unusable(error, "timeout" if error.status == 504 else "cut") from None
    ended = time.perf_counter()
    response.release()
    answer = json_object(raw)
    if answer is None:
        message = f"Backend '{backend}' returned a malformed body."
        raise _Unusable(GatewayError(502, message, code="bad_gateway"), "malformed")
    response.answer = answer
    ctx.upstream_ended = ended


def tenant_cache_salt(principal: Principal | None, asked: Any) -> str:
    """vLLM's ``cache_salt`` for a request: the tenant's, so tenants never share cached prompt
    blocks, combined with any salt the client sent (which then separates its own requests
    further, never joins another tenant's)."""
    tenant = principal.tenant_id if principal is not None else ""
    extra = asked if isinstance(asked, str) else ""
    return hashlib.sha256(f"bastion-prefix\0{tenant}\0{extra}".encode()).hexdigest()[:32]


class Dispatch(BaseStage):
    name = "dispatch"

    def __init__(self, metrics: GatewayMetrics, settings: RoutingConfig) -> None:
        self._metrics = metrics
        retries: RetryConfig = settings.retries
        self._max_attempts = retries.max_attempts
        self._budget = RetryBudget(retries.budget_ratio, retries.min_per_second)
        self._session_header = settings.session_header.lower()

    async def on_request(self, ctx: RequestContext) -> None:
        plan = ctx.route
        assert plan is not None
        loop = asyncio.get_running_loop()
        started = loop.time()
        self._budget.request(started)
        tried: set[Replica] = set()
        last_error: GatewayError | None = None
        key: int | None = _NOT_COMPUTED
        claim = ctx.claim
        for position, target in enumerate(plan.targets):
            pool = target.pool
            if claim is not None and position > 0:
                # The slot held elsewhere is given back; this backend's is waited for.
                try:
                    await claim_capacity(ctx, claim, pool.capacity)
                except GatewayError as shed:
                    last_error = shed  # no capacity in time: the next target, if any
                    continue
            # The backend's total timeout bounds the request from its first attempt on, not
            # each attempt: retries share it (as a proxy's route timeout covers its retries).
            total = pool.config.timeouts.total
            deadline = started + total
            payload: bytes | None = None
            dropped: list[str] = []
            while ctx.attempts < self._max_attempts:
                now = loop.time()
                if key == _NOT_COMPUTED and pool.affine:
                    key = self._affinity(ctx, pool.config.balancing.prefix_chars)
                replica = pool.pick(None if key == _NOT_COMPUTED else key, tried, now)
                if replica is None:
                    break  # nothing left in this pool: the next target, if any
                if now >= deadline:
                    last_error = upstream_timeout(pool.name, "total", total)
                    break  # a fallback with a longer total may still have time
                if ctx.attempts > 0:
                    if not self._budget.try_retry(now):
                        self._metrics.retries_denied.inc()
                        assert last_error is not None
                        raise last_error
                    self._metrics.retries.labels(pool.name).inc()
                ctx.attempts += 1
                tried.add(replica)
                if payload is None:
                    payload, dropped = self._payload(ctx, target)
                response, error = await self._attempt(ctx, target, replica, payload, deadline)
                if response is not None:
                    if dropped:
                        ctx.response_headers[DROPPED_HEADER] = ", ".join(dict.fromkeys(dropped))
                    ctx.upstream = response
                    ctx.replica = replica
                    ctx.deployment = target.deployment
                    ctx.exchange = target.exchange
                    if position > 0:
                        self._metrics.fallbacks.labels(pool.name).inc()
                    return
                last_error = error
        raise self._exhausted(plan, last_error, loop.time())

    async def _attempt(
        self,
        ctx: RequestContext,
        target: Target,
        replica: Replica,
        payload: bytes,
        deadline: float,
    ) -> tuple[UpstreamResponse | None, GatewayError | None]:
        """One call to one replica: the response to use, or the error that ended it.

        Raises ResponseTooLarge (no other replica is tried) and the client's leaving."""
        pool = target.pool
        provider = pool.provider
        path = target.exchange.upstream_path or provider.path_for(ctx.operation)
        assert path is not None, "checked by the route stage"
        if provider.protocol == "anthropic" and ctx.anthropic_beta:
            # Anthropic clients opt into beta behaviour on the URL as well as in headers.
            path += "?beta=true"
        forwarded = {
            name: ctx.headers[name] for name in provider.forwarded_headers if name in ctx.headers
        }
        loop = asyncio.get_running_loop()
        trial = replica.breaker.attempt(loop.time())  # not 0: a half-open circuit's trial
        clock = time.perf_counter
        sent = clock()
        first_byte: float | None = None
        response: UpstreamResponse | None = None
        try:
            response = await provider.send(
                replica.http,
                path,
                payload,
                request_id=ctx.request_id,
                stream=ctx.stream,
                forwarded=forwarded,
                deadline=deadline,
            )
            status = response.status
            if status >= 500 or status == 429:
                raw = await _error_body(response)
                response.release()
                ctx.upstream_failed_seconds += clock() - sent
                if status == 429:
                    # Shedding load is not a fault: try elsewhere without counting it.
                    if trial:
                        replica.breaker.abandoned(trial)
                    return None, upstream_overloaded(
                        pool.name, raw, response.headers.get("retry-after")
                    )
                self._failed(replica, loop.time(), f"HTTP {status}")
                self._metrics.upstream_errors.labels(pool.name, "status").inc()
                retry_after = response.headers.get("retry-after")
                return None, upstream_failed(pool.name, status, raw, retry_after)
            if status < 300:  # a refusal (4xx) is the request's, passed on by respond
                first_byte = await self._usable(ctx, pool.name, response)
        except ResponseTooLarge:
            # As large as the request asked for: another replica would generate as much, and
            # this one is not at fault (a client must not open circuits with big answers).
            ctx.upstream_failed_seconds += clock() - sent
            self._metrics.upstream_errors.labels(pool.name, "too_large").inc()
            if trial:
                replica.breaker.abandoned(trial)
            raise
        except _Unusable as unusable:
            assert response is not None
            response.abort()  # a no-op when its connection went back to the pool already
            ctx.upstream_failed_seconds += clock() - sent
            self._metrics.upstream_errors.labels(pool.name, unusable.kind).inc()
            self._failed(replica, loop.time(), unusable.error.message)
            return None, unusable.error
        except GatewayError as error:
            ctx.upstream_failed_seconds += clock() - sent
            kind = "timeout" if error.status == 504 else "connect"
            self._metrics.upstream_errors.labels(pool.name, kind).inc()
            self._failed(replica, loop.time(), error.message)
            return None, error
        except BaseException:
            if response is not None:
                response.abort()  # the client left while it was read: the engine stops
            if trial:  # no outcome (the client left): the next request may be the trial
                replica.breaker.abandoned(trial)
            raise
        if replica.succeeded():
            self._metrics.replica_transitions.labels(replica.backend, "closed").inc()
        ctx.upstream_sent = sent
        ctx.upstream_first_byte = first_byte
        return response, None

    @staticmethod
    async def _usable(
        ctx: RequestContext, backend: str, response: UpstreamResponse
    ) -> float | None:
        """Checks a successful answer before it is taken: a stream's first bytes, or the
        whole body. Returns when a stream's first bytes came (None for a whole answer);
        raises _Unusable, or GatewayError (timeouts, a stream cut before it began) for a
        failure of the replica."""
        if not ctx.stream:
            await _whole_answer(ctx, backend, response)
            return None
        if not is_event_stream(response):
            message = f"Backend '{backend}' answered a streaming request without streaming."
            raise _Unusable(GatewayError(502, message, code="bad_gateway"), "malformed")
        if not await response.first_chunk():
            message = f"Backend '{backend}' closed the stream before sending anything."
            raise _Unusable(GatewayError(502, message, code="bad_gateway"), "cut")
        return time.perf_counter()

    def _failed(self, replica: Replica, now: float, reason: str) -> None:
        if replica.failed(now, reason):
            self._metrics.replica_transitions.labels(replica.backend, "opened").inc()

    def _payload(self, ctx: RequestContext, target: Target) -> tuple[bytes, list[str]]:
        """The upstream body, and the client fields it had to leave out."""
        assert ctx.body is not None
        try:
            body, dropped = target.exchange.upstream_request(
                ctx.body,
                target.deployment.upstream_model,
                stream=ctx.stream,
                local=target.pool.location == "local",
                memo=ctx.body_memo,
            )
        except TranslationError as exc:
            raise invalid_request(str(exc), param=exc.param) from None
        exchange = target.exchange
        if ctx.upstream_params and exchange.upstream == "openai" and exchange.upstream_path is None:
            # An endpoint version's params the client's protocol could not carry, into the
            # chat completions body (an engine's own Responses API has no place for them).
            for key, value in ctx.upstream_params:
                body.setdefault(key, value)
        if target.pool.config.prefix_cache_per_tenant and exchange.upstream == "openai":
            body["cache_salt"] = tenant_cache_salt(ctx.principal, body.get("cache_salt"))
        return orjson.dumps(body), dropped

    def _affinity(self, ctx: RequestContext, prefix_chars: int) -> int | None:
        assert ctx.body is not None
        session = ctx.headers.get(self._session_header)
        return affinity_key(ctx.operation, ctx.body, session, prefix_chars)

    @staticmethod
    def _exhausted(plan: RoutePlan, last_error: GatewayError | None, now: float) -> GatewayError:
        retry_after = min(target.pool.retry_after(now) for target in plan.targets)
        headers = {"retry-after": str(max(1, round(retry_after)))}
        if plan.local_reason is not None and plan.excluded:
            return GatewayError(
                503,
                f"No local replica can take this request now and {plan.local_reason}, so it "
                f"was not sent to external backends ({', '.join(plan.excluded)}). Retry later.",
                code="no_local_backend",
                headers=headers,
            )
        if last_error is not None:
            return last_error
        names = ", ".join(target.pool.name for target in plan.targets)
        return GatewayError(
            503,
            f"No replica of backend {names} is available (unhealthy or circuit open). Retry later.",
            code="no_replica_available",
            headers=headers,
        )

    async def on_complete(self, ctx: RequestContext) -> None:
        upstream = ctx.upstream
        if upstream is not None:
            upstream.abort()  # a no-op once released; frees the replica's slot otherwise
        replica = ctx.replica
        if replica is not None and ctx.outcome in _STREAM_FAILURES:
            self._failed(replica, asyncio.get_running_loop().time(), f"stream {ctx.outcome}")
