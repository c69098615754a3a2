"""Per-scope limits (a tenant, a key), reserved all-or-nothing and settled after the answer.

``MemoryLimiter`` keeps the counts in this process: every check and reservation happens without
an await, so on the event loop N concurrent requests against room for one admit exactly one.
``bastion.admission.redis_limiter`` shares them between processes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Protocol

from bastion.admission.periods import Period, current_periods
from bastion.admission.window import WINDOW_SECONDS, SlidingLog, SlidingWindow
from bastion.protocols.errors import GatewayError

# How often idle scopes are looked for, and how many are looked at per admission meanwhile.
_FORGET_SECONDS = 60.0
_FORGET_BATCH = 32


def tenant_scope(tenant_id: str) -> str:
    """The limiter's name for a tenant's own counts: by id, so a tenant created again under a
    deleted one's name starts afresh."""
    return f"tenant {tenant_id}"


@dataclass(frozen=True, slots=True)
class Limits:
    requests_per_minute: int | None = None
    tokens_per_minute: int | None = None
    concurrent_requests: int | None = None
    tokens_per_day: int | None = None
    tokens_per_month: int | None = None
    # Money budgets in micro-dollars (whole numbers, so Redis can count them too).
    usd_micros_per_day: int | None = None
    usd_micros_per_month: int | None = None

    def __bool__(self) -> bool:
        return any(getattr(self, name) is not None for name in self.__slots__)

    @property
    def has_money(self) -> bool:
        return self.usd_micros_per_day is not None or self.usd_micros_per_month is not None

    def budget(self, kind: str) -> int | None:
        """The budget of ``kind``: ``tokens per day``, ``usd per month``, ..."""
        value: int | None = getattr(self, _BUDGET_FIELDS[kind])
        return value


# Budget kinds, as refusals name them, and their fields; each is counted per UTC period.
_BUDGET_FIELDS = {
    "tokens per day": "tokens_per_day",
    "tokens per month": "tokens_per_month",
    "usd per day": "usd_micros_per_day",
    "usd per month": "usd_micros_per_month",
}


def budget_kinds(period: Period) -> tuple[tuple[str, bool], ...]:
    """The budget kinds counted over ``period``: (kind, whether counted in money)."""
    return ((f"tokens per {period.kind}", False), (f"usd per {period.kind}", True))


class _Scope:
    __slots__ = ("budgets", "in_flight", "requests", "tokens")

    def __init__(self) -> None:
        self.requests = SlidingLog()
        self.tokens = SlidingWindow()
        self.in_flight = 0
        # Budgets: kind ("tokens per day") -> (period id, tokens or micro-dollars used in it).
        self.budgets: dict[str, tuple[str, int]] = {}

    def budget_used(self, kind: str, period: Period) -> int:
        current = self.budgets.get(kind)
        return current[1] if current is not None and current[0] == period.id else 0

    def counts_nothing(self, now: float, periods: frozenset[str]) -> bool:
        """Nothing in flight, nothing in the last minute, no budget used in ``periods``: the
        scope may be forgotten, and made afresh as it would be, with nothing lost."""
        return (
            self.in_flight == 0
            and self.requests.used(now) == 0
            and self.tokens.used(now) == 0
            and not any(period in periods for period, _ in self.budgets.values())
        )


@dataclass(frozen=True, slots=True)
class Remaining:
    """What the tightest scope has left, for the x-ratelimit-* headers."""

    limit: int
    remaining: int
    reset_seconds: float


@dataclass(slots=True)
class Grant:
    """What one admitted request holds until it is settled."""

    checks: list[tuple[str, Limits]]
    tokens: int
    at: float
    cost: int = 0  # micro-dollars reserved against money budgets
    requests: Remaining | None = None
    token_budget: Remaining | None = None
    settled: bool = False
    # Where the reservation lives: this process's scopes, or a lease id in shared state.
    local: list[tuple[_Scope, Limits]] = field(default_factory=list)
    lease: str | None = None
    periods: tuple[Period, ...] = ()
    group: str = ""  # shared state: the hash tag its keys live under


@dataclass(frozen=True, slots=True)
class Refusal:
    scope: str  # e.g. "tenant acme"
    # "requests per minute", "tokens per minute", "concurrent requests", or a budget kind
    # ("tokens per day", "usd per month": micro-dollars)
    what: str
    limit: int
    retry_after: float
    requests: Remaining | None = None
    token_budget: Remaining | None = None


@dataclass(frozen=True, slots=True)
class CurrentUse:
    """What a scope's windows count now, as the limiter counts them (a window counts only
    while its limit is in force): requests and tokens in the sliding minute, requests
    running, tokens and micro-dollars in today's and this month's UTC periods."""

    requests_this_minute: int = 0
    tokens_this_minute: int = 0
    concurrent_requests: int = 0
    tokens_today: int = 0
    tokens_this_month: int = 0
    usd_micros_today: int = 0
    usd_micros_this_month: int = 0


class LimiterUnavailableError(Exception):
    """The limiter's shared state (Redis, the node's supervisor) cannot be read now."""


class Limiter(Protocol):
    async def admit(
        self,
        checks: list[tuple[str, Limits]],
        tokens: int,
        cost: int = 0,
        *,
        group: str | None = None,
    ) -> Grant | Refusal:
        """Reserves one request, ``tokens`` and ``cost`` micro-dollars in every scope, or
        nothing if any is full. ``group`` names what the scopes belong to (their tenant):
        shared state keeps one group's counts together."""

    async def settle(
        self, grant: Grant, actual_tokens: int, actual_cost: int | None = None
    ) -> None:
        """Replaces the estimates with what was used and ends the concurrency lease."""

    async def current_use(self, scope: str, *, group: str | None = None) -> CurrentUse:
        """Reads, never changes, what ``scope``'s windows count now (``group`` as in
        ``admit``); raises LimiterUnavailableError when the shared state cannot be read."""

    async def close(self) -> None: ...


class MemoryLimiter:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._scopes: dict[str, _Scope] = {}
        self._clock = clock
        # Scopes that count nothing any more are forgotten, a few at each admission once a
        # minute has passed, so tenants and keys that stopped coming (deleted, revoked) cost
        # no memory: without it every scope ever seen stayed (about 1.7 KB each).
        self._forgetting: Iterator[tuple[str, _Scope]] | None = None
        self._next_forgetting = clock() + _FORGET_SECONDS

    async def admit(
        self,
        checks: list[tuple[str, Limits]],
        tokens: int,
        cost: int = 0,
        *,
        group: str | None = None,
    ) -> Grant | Refusal:
        return self.admit_at(checks, tokens, self._clock(), cost=cost)

    async def settle(
        self, grant: Grant, actual_tokens: int, actual_cost: int | None = None
    ) -> None:
        self.settle_at(grant, actual_tokens, self._clock(), actual_cost)

    async def close(self) -> None:
        return None

    async def current_use(self, scope: str, *, group: str | None = None) -> CurrentUse:
        return self.current_use_at(scope, self._clock())

    def current_use_at(
        self, scope: str, now: float, periods: tuple[Period, ...] | None = None
    ) -> CurrentUse:
        """What ``scope`` counts at ``now``: a scope never admitted counts nothing."""
        found = self._scopes.get(scope)
        if found is None:
            return CurrentUse()
        day, month = periods if periods is not None else current_periods()
        return CurrentUse(
            requests_this_minute=found.requests.used(now),
            tokens_this_minute=found.tokens.used(now),
            concurrent_requests=found.in_flight,
            tokens_today=found.budget_used("tokens per day", day),
            tokens_this_month=found.budget_used("tokens per month", month),
            usd_micros_today=found.budget_used("usd per day", day),
            usd_micros_this_month=found.budget_used("usd per month", month),
        )

    def admit_at(
        self,
        checks: list[tuple[str, Limits]],
        tokens: int,
        now: float,
        periods: tuple[Period, ...] | None = None,
        cost: int = 0,
    ) -> Grant | Refusal:
        """Reserves one request, ``tokens`` and ``cost`` in every scope, or nothing if any is
        full."""
        periods = periods if periods is not None else current_periods()
        self._forget_idle(now, periods)
        scopes = [(self._scope(name), name, limits) for name, limits in checks]
        requests_left: Remaining | None = None
        tokens_left: Remaining | None = None
        refusal: Refusal | None = None
        for scope, name, limits in scopes:
            rpm, tpm = limits.requests_per_minute, limits.tokens_per_minute
            if rpm is not None:
                wait = scope.requests.wait_for(now, rpm)
                left = Remaining(rpm, rpm - scope.requests.used(now), scope.requests.empty_in(now))
                requests_left = tighter(requests_left, left)
                if wait > 0 and refusal is None:
                    refusal = Refusal(name, "requests per minute", rpm, wait)
            if tpm is not None:
                wait = scope.tokens.wait_for(now, tokens, tpm)
                left = Remaining(
                    tpm, tpm - scope.tokens.used(now), scope.tokens.wait_for(now, tpm, tpm)
                )
                tokens_left = tighter(tokens_left, left)
                if wait > 0 and refusal is None:
                    refusal = Refusal(name, "tokens per minute", tpm, wait)
            limit = limits.concurrent_requests
            if limit is not None and scope.in_flight >= limit and refusal is None:
                refusal = Refusal(name, "concurrent requests", limit, 1.0)
            for period in periods:
                for kind, money in budget_kinds(period):
                    budget = limits.budget(kind)
                    amount = cost if money else tokens
                    if (
                        budget is not None
                        and refusal is None
                        and scope.budget_used(kind, period) + amount > budget
                    ):
                        refusal = Refusal(name, kind, budget, period.seconds_left)
        if refusal is not None:
            return Refusal(
                refusal.scope, refusal.what, refusal.limit, refusal.retry_after,
                requests_left, tokens_left,
            )  # fmt: skip
        for scope, _, limits in scopes:
            if limits.requests_per_minute is not None:
                scope.requests.add(now)
            if limits.tokens_per_minute is not None:
                scope.tokens.add(now, tokens)
            if limits.concurrent_requests is not None:
                scope.in_flight += 1
            for period in periods:
                for kind, money in budget_kinds(period):
                    if limits.budget(kind) is not None:
                        used = scope.budget_used(kind, period) + (cost if money else tokens)
                        scope.budgets[kind] = (period.id, used)
        grant = Grant(
            checks, tokens, now, cost, local=[(scope, limits) for scope, _, limits in scopes]
        )
        grant.periods = periods
        grant.requests = spent(requests_left, 1, now)
        grant.token_budget = spent(tokens_left, tokens, now)
        return grant

    def settle_at(
        self, grant: Grant, actual_tokens: int, now: float, actual_cost: int | None = None
    ) -> None:
        if grant.settled:
            return
        grant.settled = True
        corrections = (
            actual_tokens - grant.tokens,
            0 if actual_cost is None else actual_cost - grant.cost,
        )
        for scope, limits in grant.local:
            if limits.tokens_per_minute is not None:
                scope.tokens.adjust(grant.at, now, corrections[0])
            if limits.concurrent_requests is not None:
                scope.in_flight -= 1
            for period in grant.periods:
                for kind, money in budget_kinds(period):
                    used = scope.budgets.get(kind)
                    if limits.budget(kind) is not None and used and used[0] == period.id:
                        correction = corrections[money]
                        scope.budgets[kind] = (period.id, max(0, used[1] + correction))

    def _forget_idle(self, now: float, periods: tuple[Period, ...]) -> None:
        forgetting = self._forgetting
        if forgetting is None:
            if now < self._next_forgetting:
                return
            self._next_forgetting = now + _FORGET_SECONDS
            forgetting = self._forgetting = iter(list(self._scopes.items()))
        batch = list(islice(forgetting, _FORGET_BATCH))
        if len(batch) < _FORGET_BATCH:
            self._forgetting = None
        current = frozenset(period.id for period in periods)
        for name, scope in batch:
            if self._scopes.get(name) is scope and scope.counts_nothing(now, current):
                del self._scopes[name]

    def _scope(self, name: str) -> _Scope:
        scope = self._scopes.get(name)
        if scope is None:
            scope = self._scopes[name] = _Scope()
        return scope


def tighter(current: Remaining | None, candidate: Remaining) -> Remaining:
    return candidate if current is None or candidate.remaining < current.remaining else current


def spent(left: Remaining | None, amount: int, now: float) -> Remaining | None:
    """``left`` after this grant: less remaining, and full again only once it leaves the window."""
    if left is None:
        return None
    leaves = int(now) + WINDOW_SECONDS - now
    return Remaining(left.limit, max(0, left.remaining - amount), max(left.reset_seconds, leaves))


def admission_unavailable() -> GatewayError:
    """The 503 for a limited request when the shared limit state cannot be reached."""
    return GatewayError(
        503,
        "Rate-limit state is unavailable, so no request is admitted; try again shortly.",
        code="admission_unavailable",
        headers={"retry-after": "1"},
    )
