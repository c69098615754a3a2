"""Limits shared by every gateway process through Redis.

One Lua script checks and reserves every scope of a request at once, on Redis's clock, so
concurrent requests from any number of processes against room for one admit exactly one.
Requests per minute are a log of admission times (a sorted set), tokens per minute hashes of
one-second slots (the same sliding minute as in memory). Concurrency slots are leases in a
sorted set scored by expiry, renewed while their request runs, so a gateway that dies frees its
slots within ``lease_ttl_seconds``.

When Redis cannot be reached the configured choice applies: ``closed`` refuses with 503, or
``local`` enforces each limit divided by ``replicas`` in this process.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import secrets
from typing import Any

import redis.asyncio as aioredis
from redis.exceptions import RedisError

from bastion.admission.limiter import (
    Grant,
    Limits,
    MemoryLimiter,
    Refusal,
    Remaining,
    spent,
    tighter,
)
from bastion.admission.periods import Period, current_periods
from bastion.config.schema import RedisAdmissionConfig
from bastion.protocols.errors import GatewayError
from bastion.telemetry.metrics import GatewayMetrics

log = logging.getLogger(__name__)

_ADMIT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local sec = math.floor(now)
local tokens = tonumber(ARGV[1])
local lease = ARGV[2]
local ttl = tonumber(ARGV[3])
local n = tonumber(ARGV[4])
local cost = tonumber(ARGV[7])
-- Budgets: what a refusal names, seconds until the period ends, offset of the scope's limit
-- argument and key, and the amount this request reserves.
local day, month = tonumber(ARGV[5]), tonumber(ARGV[6])
local budgets = {{'tokens per day', day, 4, tokens}, {'tokens per month', month, 5, tokens},
                 {'usd per day', day, 6, cost}, {'usd per month', month, 7, cost}}
local ARGS, PER = 7, 7

local function window(key)
  local flat = redis.call('HGETALL', key)
  local total, slots = 0, {}
  for i = 1, #flat, 2 do
    local s, c = tonumber(flat[i]), tonumber(flat[i + 1])
    if s <= sec - 60 then
      redis.call('HDEL', key, flat[i])
    else
      total = total + c
      slots[#slots + 1] = {s, c}
    end
  end
  table.sort(slots, function(a, b) return a[1] < b[1] end)
  return total, slots
end

local function wait_for(total, slots, needed, limit)
  local excess = total + needed - limit
  if excess <= 0 then return 0 end
  if needed > limit then return 60 end
  local freed = 0
  for _, slot in ipairs(slots) do
    freed = freed + slot[2]
    if freed >= excess then return math.max(0, slot[1] + 60 - now) end
  end
  return 60
end

-- Scope i: its argument offset and limits, its key offset and its three window keys.
local function scope(i)
  local base, k = ARGS + (i - 1) * PER, (i - 1) * PER
  return base, tonumber(ARGV[base + 1]), tonumber(ARGV[base + 2]), tonumber(ARGV[base + 3]),
         k, KEYS[k + 1], KEYS[k + 2], KEYS[k + 3]
end

local refused = {}
local out = {}
for i = 1, n do
  local base, rpm, tpm, conc, k, rk, tk, lk = scope(i)
  local req_used, req_reset, tok_used, tok_reset = -1, 0, -1, 0
  if rpm > 0 then
    -- Requests are an exact log (a sorted set of admission times), not one-second slots.
    redis.call('ZREMRANGEBYSCORE', rk, '-inf', now - 60)
    req_used = redis.call('ZCARD', rk)
    if req_used > 0 then
      local newest = redis.call('ZRANGE', rk, -1, -1, 'WITHSCORES')
      req_reset = tonumber(newest[2]) + 60 - now
    end
    if req_used >= rpm and #refused == 0 then
      local oldest = redis.call('ZRANGE', rk, req_used - rpm, req_used - rpm, 'WITHSCORES')
      refused = {i, 'requests per minute', rpm, math.max(0, tonumber(oldest[2]) + 60 - now)}
    end
  end
  if tpm > 0 then
    local total, slots = window(tk)
    tok_used, tok_reset = total, wait_for(total, slots, tpm, tpm)
    local w = wait_for(total, slots, tokens, tpm)
    if w > 0 and #refused == 0 then refused = {i, 'tokens per minute', tpm, w} end
  end
  if conc > 0 then
    redis.call('ZREMRANGEBYSCORE', lk, '-inf', now)
    if redis.call('ZCARD', lk) >= conc and #refused == 0 then
      refused = {i, 'concurrent requests', conc, 1}
    end
  end
  for _, b in ipairs(budgets) do
    local budget = tonumber(ARGV[base + b[3]])
    if budget > 0 and #refused == 0 then
      local used = tonumber(redis.call('GET', KEYS[k + b[3]]) or '0')
      if used + b[4] > budget then
        refused = {i, b[1], budget, b[2]}
      end
    end
  end
  out[#out + 1] = tostring(req_used)
  out[#out + 1] = tostring(req_reset)
  out[#out + 1] = tostring(tok_used)
  out[#out + 1] = tostring(tok_reset)
end
if #refused > 0 then
  return {'0', tostring(now), tostring(refused[1]), refused[2], tostring(refused[3]),
          tostring(refused[4]), unpack(out)}
end
for i = 1, n do
  local base, rpm, tpm, conc, k, rk, tk, lk = scope(i)
  for _, b in ipairs(budgets) do
    if tonumber(ARGV[base + b[3]]) > 0 then
      redis.call('INCRBY', KEYS[k + b[3]], b[4])
      redis.call('EXPIRE', KEYS[k + b[3]], math.ceil(b[2]) + 86400)
    end
  end
  if rpm > 0 then
    redis.call('ZADD', rk, now, lease .. ':' .. i)
    redis.call('EXPIRE', rk, 61)
  end
  if tpm > 0 then
    redis.call('HINCRBY', tk, sec, tokens)
    redis.call('EXPIRE', tk, 61)
  end
  if conc > 0 then
    redis.call('ZADD', lk, now + ttl, lease)
    redis.call('EXPIRE', lk, math.ceil(ttl) + 1)
  end
end
return {'1', tostring(now), '', '', '', '', unpack(out)}
"""

# KEYS: per scope (tokens window, leases, token budgets of the day and month, money budgets of
# the day and month); ARGV: second of admission, token correction, lease, cost correction.
_SETTLE = """
local sec, delta, lease, cost = ARGV[1], tonumber(ARGV[2]), ARGV[3], tonumber(ARGV[4])
for i = 1, #KEYS, 6 do
  local tk, lk = KEYS[i], KEYS[i + 1]
  if delta ~= 0 and redis.call('HEXISTS', tk, sec) == 1 then
    local value = tonumber(redis.call('HGET', tk, sec)) + delta
    if value < 0 then value = 0 end
    redis.call('HSET', tk, sec, value)
  end
  for j = 2, 5 do
    local bk, correction = KEYS[i + j], (j < 4) and delta or cost
    if correction ~= 0 and redis.call('EXISTS', bk) == 1 then
      local value = tonumber(redis.call('GET', bk)) + correction
      if value < 0 then value = 0 end
      redis.call('SET', bk, value, 'KEEPTTL')
    end
  end
  redis.call('ZREM', lk, lease)
end
return 1
"""

# KEYS: leases keys; ARGV: lease, ttl. Extends the lease where it still exists.
_RENEW = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
for i = 1, #KEYS do
  redis.call('ZADD', KEYS[i], 'XX', now + tonumber(ARGV[2]), ARGV[1])
  redis.call('EXPIRE', KEYS[i], math.ceil(tonumber(ARGV[2])) + 1)
end
return 1
"""


class RedisLimiter:
    def __init__(self, config: RedisAdmissionConfig, metrics: GatewayMetrics) -> None:
        self._config = config
        self._metrics = metrics
        self._redis = aioredis.Redis.from_url(
            config.url,
            socket_timeout=config.timeout_seconds,
            socket_connect_timeout=config.timeout_seconds,
            decode_responses=True,
        )
        self._admit = self._redis.register_script(_ADMIT)
        self._settle = self._redis.register_script(_SETTLE)
        self._renew = self._redis.register_script(_RENEW)
        self._fallback = MemoryLimiter()
        self._active: dict[str, Grant] = {}
        self._renewer: asyncio.Task[None] | None = None
        self.available = True

    def start(self) -> None:
        self._renewer = asyncio.create_task(self._renew_leases(), name="renew admission leases")

    async def close(self) -> None:
        if self._renewer is not None:
            self._renewer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._renewer
        await self._redis.aclose()

    def _keys(self, scope: str, periods: tuple[Period, ...]) -> list[str]:
        """Per scope: requests window, tokens window, leases, token budgets of the day and
        month, money budgets of the day and month."""
        base = f"{self._config.key_prefix}admission:{scope}"
        day, month = periods
        return [
            f"{base}:requests",
            f"{base}:tokens",
            f"{base}:leases",
            f"{base}:day:{day.id}",
            f"{base}:month:{month.id}",
            f"{base}:usd-day:{day.id}",
            f"{base}:usd-month:{month.id}",
        ]

    async def admit(
        self, checks: list[tuple[str, Limits]], tokens: int, cost: int = 0
    ) -> Grant | Refusal:
        lease = secrets.token_hex(8)
        periods = current_periods()
        keys: list[str] = []
        args: list[Any] = [tokens, lease, self._config.lease_ttl_seconds, len(checks)]
        args += [period.seconds_left for period in periods]
        args.append(cost)
        for scope, limits in checks:
            keys.extend(self._keys(scope, periods))
            args += [
                limits.requests_per_minute or 0,
                limits.tokens_per_minute or 0,
                limits.concurrent_requests or 0,
                limits.tokens_per_day or 0,
                limits.tokens_per_month or 0,
                limits.usd_micros_per_day or 0,
                limits.usd_micros_per_month or 0,
            ]
        try:
            reply = await self._admit(keys=keys, args=args)
        except RedisError as exc:
            return await self._unavailable(exc, checks, tokens, cost)
        self._recovered()
        now = float(reply[1])
        requests_left: Remaining | None = None
        tokens_left: Remaining | None = None
        for index, (_, limits) in enumerate(checks):
            req_used, req_reset, tok_used, tok_reset = reply[6 + index * 4 : 10 + index * 4]
            if limits.requests_per_minute:
                rpm = limits.requests_per_minute
                left = Remaining(rpm, rpm - int(float(req_used)), float(req_reset))
                requests_left = tighter(requests_left, left)
            if limits.tokens_per_minute:
                tpm = limits.tokens_per_minute
                left = Remaining(tpm, tpm - int(float(tok_used)), float(tok_reset))
                tokens_left = tighter(tokens_left, left)
        if reply[0] == "0":
            scope = checks[int(reply[2]) - 1][0]
            return Refusal(
                scope, reply[3], int(reply[4]), float(reply[5]), requests_left, tokens_left
            )
        grant = Grant(checks, tokens, now, cost, lease=lease, periods=periods)
        grant.requests = spent(requests_left, 1, now)
        grant.token_budget = spent(tokens_left, tokens, now)
        if any(limits.concurrent_requests for _, limits in checks):
            self._active[lease] = grant
        return grant

    async def settle(
        self, grant: Grant, actual_tokens: int, actual_cost: int | None = None
    ) -> None:
        if grant.settled:
            return
        if grant.lease is None:
            # Admitted while Redis was away.
            await self._fallback.settle(grant, actual_tokens, actual_cost)
            return
        grant.settled = True
        self._active.pop(grant.lease, None)
        keys: list[str] = []
        for scope, _ in grant.checks:
            keys += self._keys(scope, grant.periods)[1:]
        delta = actual_tokens - grant.tokens
        cost_delta = 0 if actual_cost is None else actual_cost - grant.cost
        try:
            await self._settle(keys=keys, args=[int(grant.at), delta, grant.lease, cost_delta])
        except RedisError as exc:
            # The estimate stays counted (conservative) and the lease expires on its own.
            log.warning("admission settle failed", extra={"error": type(exc).__name__})

    async def _unavailable(
        self, exc: RedisError, checks: list[tuple[str, Limits]], tokens: int, cost: int
    ) -> Grant | Refusal:
        self._metrics.admission_state_errors.labels(self._config.on_failure).inc()
        if self.available:
            self.available = False
            log.error(
                "admission state unreachable",
                extra={"error": type(exc).__name__, "behaviour": self._config.on_failure},
            )
        if self._config.on_failure == "closed":
            raise GatewayError(
                503,
                "Rate-limit state is unavailable, so no request is admitted; try again shortly.",
                code="admission_unavailable",
                headers={"retry-after": "1"},
            )
        share = self._config.replicas
        scaled = [(scope, _scaled(limits, share)) for scope, limits in checks]
        return await self._fallback.admit(scaled, tokens, cost)

    def _recovered(self) -> None:
        if not self.available:
            self.available = True
            log.warning("admission state reachable again")

    async def _renew_leases(self) -> None:
        ttl = self._config.lease_ttl_seconds
        while True:
            await asyncio.sleep(ttl / 3)
            for lease, grant in list(self._active.items()):
                keys = [self._keys(scope, grant.periods)[2] for scope, limits in grant.checks
                        if limits.concurrent_requests]  # fmt: skip
                try:
                    await self._renew(keys=keys, args=[lease, ttl])
                except RedisError:
                    break  # retried at the next round; leases last ttl, renewal every ttl/3


def _scaled(limits: Limits, share: int) -> Limits:
    def part(value: int | None) -> int | None:
        return None if value is None else max(1, math.floor(value / share))

    return Limits(
        part(limits.requests_per_minute),
        part(limits.tokens_per_minute),
        part(limits.concurrent_requests),
        part(limits.tokens_per_day),
        part(limits.tokens_per_month),
        part(limits.usd_micros_per_day),
        part(limits.usd_micros_per_month),
    )
