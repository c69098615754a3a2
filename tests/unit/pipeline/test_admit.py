"""Which limits the admit stage applies to a principal: stored, configured, default; and what
money budgets reserve and settle when a route has fallbacks."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest

from bastion.admission.limiter import Limits, MemoryLimiter
from bastion.admission.pricing import FREE, TokenPrice, Unpriced
from bastion.auth import Principal
from bastion.config.schema import AdmissionConfig, RateLimits
from bastion.pipeline.context import RequestContext
from bastion.pipeline.stages.admit import Admit
from bastion.protocols.errors import GatewayError
from bastion.protocols.operations import Operation
from bastion.protocols.usage import Usage
from bastion.telemetry.metrics import GatewayMetrics


def _principal(**limits: Any) -> Principal:
    return Principal("ten_1", "acme", "key_1", "app", is_admin=False, scopes=frozenset(), **limits)


def _admit(stored_limits: bool = True, **config: Any) -> Admit:
    return Admit(
        AdmissionConfig.model_validate(config),
        MemoryLimiter(),
        GatewayMetrics(),
        stored_limits=stored_limits,
    )


async def _checks(admit: Admit, principal: Principal) -> list[tuple[str, Limits]]:
    ctx = RequestContext("req_1", Operation.CHAT, {}, b"{}", principal=principal)
    await admit.on_request(ctx)
    return [] if ctx.admission is None else ctx.admission.checks


def test_the_stage_is_left_out_only_when_no_limit_can_apply() -> None:
    assert not _admit(stored_limits=False).active
    assert _admit(stored_limits=True).active
    assert _admit(stored_limits=False, key_default={"tokens_per_day": 10}).active


async def test_stored_limits_override_the_config_field_by_field() -> None:
    admit = _admit(
        tenant_default={"requests_per_minute": 600, "tokens_per_month": 10_000_000},
        tenants={"acme": {"requests_per_minute": 1200, "tokens_per_day": 500_000}},
        key_default={"concurrent_requests": 8},
        keys={"key_1": {"requests_per_minute": 60, "tokens_per_minute": 9000}},
    )
    stored = _principal(
        tenant_limits=RateLimits(tokens_per_day=1000),
        key_limits=RateLimits(requests_per_minute=2, concurrent_requests=1),
    )
    assert await _checks(admit, stored) == [
        (
            "tenant ten_1",
            Limits(requests_per_minute=1200, tokens_per_day=1000, tokens_per_month=10_000_000),
        ),
        (
            "key key_1",
            Limits(requests_per_minute=2, tokens_per_minute=9000, concurrent_requests=1),
        ),
    ]
    # Without stored limits, the config file's entries over its defaults (all five fields).
    assert await _checks(admit, _principal()) == [
        (
            "tenant ten_1",
            Limits(requests_per_minute=1200, tokens_per_day=500_000, tokens_per_month=10_000_000),
        ),
        (
            "key key_1",
            Limits(requests_per_minute=60, tokens_per_minute=9000, concurrent_requests=8),
        ),
    ]


async def test_stored_limits_alone() -> None:
    admit = _admit()
    assert await _checks(admit, _principal()) == []
    only_tenant = _principal(tenant_limits=RateLimits(tokens_per_month=5000))
    assert await _checks(admit, only_tenant) == [("tenant ten_1", Limits(tokens_per_month=5000))]


async def test_merged_limits_are_kept_per_principal_object() -> None:
    admit = _admit(key_default={"requests_per_minute": 100})
    first = _principal(key_limits=RateLimits(requests_per_minute=1000))
    checks = await _checks(admit, first)
    assert await _checks(admit, first) is checks, "computed once per principal"
    # A new principal (its limits changed, so the authenticator made another) is looked at anew.
    second = _principal(key_limits=RateLimits(requests_per_minute=2000))
    assert (await _checks(admit, second))[0][1].requests_per_minute == 2000


# Backends by name: a self-hosted one without a TCO entry (free), a paid API at $1 per million
# input and $2 per million output tokens (1 and 2 micro-dollars per token), and one unpriced.
PRICES = {"local": FREE, "cloud": TokenPrice(Decimal(1), Decimal(2), "test")}


class _Pricer:
    def price(self, backend: str, model: str) -> TokenPrice:
        if backend not in PRICES:
            raise Unpriced(f"no price is known for model '{model}' of backend '{backend}'")
        return PRICES[backend]


def _target(backend: str) -> Any:
    """A route target as the admit stage reads it: its pool's name and its deployment."""
    deployment = SimpleNamespace(backend=SimpleNamespace(name=backend), upstream_model="m")
    return SimpleNamespace(pool=SimpleNamespace(name=backend), deployment=deployment)


def _budgeted() -> tuple[Admit, MemoryLimiter]:
    limiter = MemoryLimiter()
    admit = Admit(
        AdmissionConfig.model_validate({"tenant_default": {"usd_per_day": 1}}),
        limiter,
        GatewayMetrics(),
        pricer=_Pricer(),  # type: ignore[arg-type]
    )
    return admit, limiter


def _routed(*backends: str) -> RequestContext:
    """A request for 100 output tokens (and a prompt of 25), routed to ``backends`` in order."""
    raw = b'{"max_tokens": 100, "messages": [{"role": "user", "content": "hi"}]}'
    ctx = RequestContext("req_1", Operation.CHAT, {}, raw.ljust(100), principal=_principal())
    ctx.body = {"max_tokens": 100, "messages": [{"role": "user", "content": "hi"}]}
    ctx.route = SimpleNamespace(targets=tuple(_target(b) for b in backends))  # type: ignore[assignment]
    ctx.deployment = ctx.route.targets[0].deployment
    return ctx


async def _spent(limiter: MemoryLimiter) -> int:
    return (await limiter.current_use("tenant ten_1")).usd_micros_today


async def test_money_is_reserved_at_the_dearest_target_of_the_route() -> None:
    """A free first target with a paid fallback: the estimate is priced on the fallback, so a
    budget that could not pay for it refuses the request rather than let the fallback spend."""
    admit, limiter = _budgeted()
    ctx = _routed("local", "cloud")
    await admit.on_request(ctx)
    assert ctx.admission is not None
    # The estimate: 25 prompt tokens at 1 and 100 output tokens at 2 micro-dollars.
    assert ctx.admission.cost == 225 == await _spent(limiter)
    only_free = _routed("local")
    await admit.on_request(only_free)
    assert only_free.admission is not None and only_free.admission.cost == 0


async def test_the_settlement_prices_the_backend_that_answered() -> None:
    admit, limiter = _budgeted()
    fell_back = _routed("local", "cloud")
    await admit.on_request(fell_back)
    fell_back.deployment = fell_back.route.targets[1].deployment  # type: ignore[union-attr]
    fell_back.usage = Usage(input_tokens=10, output_tokens=20)
    await admit.on_seal(fell_back)
    assert await _spent(limiter) == 50, "the fallback's real usage, at its price"
    answered_here = _routed("local", "cloud")
    await admit.on_request(answered_here)
    answered_here.usage = Usage(input_tokens=10, output_tokens=20)
    await admit.on_seal(answered_here)
    assert await _spent(limiter) == 50, "the free first target cost nothing"


async def test_a_fallback_answer_is_charged_when_nothing_was_reserved() -> None:
    """Whatever the estimate reserved (here nothing: the route's only priced target is free),
    the settlement prices the real usage on the backend that answered."""
    admit, limiter = _budgeted()
    ctx = _routed("local")
    await admit.on_request(ctx)
    assert ctx.admission is not None and ctx.admission.cost == 0
    ctx.deployment = _target("cloud").deployment
    ctx.usage = Usage(input_tokens=100, output_tokens=100)
    await admit.on_complete(ctx)
    assert await _spent(limiter) == 300


async def test_a_route_with_an_unpriced_fallback_is_refused_to_a_budget() -> None:
    admit, limiter = _budgeted()
    with pytest.raises(GatewayError) as refused:
        await admit.on_request(_routed("local", "mystery"))
    assert refused.value.status == 403 and refused.value.code == "unpriced_model"
    assert "backend 'mystery'" in refused.value.message
    assert (await limiter.current_use("tenant ten_1")).requests_this_minute == 0
