"""Which limits the admit stage applies to a principal: stored, configured, default."""

from __future__ import annotations

from typing import Any

from bastion.admission.limiter import Limits, MemoryLimiter
from bastion.auth import Principal
from bastion.config.schema import AdmissionConfig, RateLimits
from bastion.pipeline.context import RequestContext
from bastion.pipeline.stages.admit import Admit
from bastion.protocols.operations import Operation
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
