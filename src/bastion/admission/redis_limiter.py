"""Limits shared by every gateway process through Redis.

One Lua script checks and reserves every scope of a request at once, on Redis's clock, so
concurrent requests from any number of processes against room for one admit exactly one.
Requests per minute are a log of admission times (a sorted set), tokens per minute hashes of
one-second slots (the same sliding minute as in memory). Concurrency slots are leases in a
sorted set scored by expiry, renewed while their request runs, so a gateway that dies frees its
slots within ``lease_ttl_seconds``; one renewal round is one pipelined round trip for every
running request, and a lease that cannot be renewed does not stop the others.

Every key of a tenant and of its keys carries the tenant as its hash tag
(``bastion:admission:{acme}:key k1:requests``), so each script call touches one Redis Cluster
slot and works on a cluster (or a proxy in front of one) as on a single server.

When Redis cannot be reached the configured choice applies: ``closed`` refuses with 503, or
``local`` enforces each limit divided by ``replicas`` in this process.
"""

from __future__ import annotations

import asyncio
import logging
import math
import secrets
from collections import deque
from typing import Any

import redis.asyncio as aioredis
from redis.exceptions import NoScriptError, RedisError

from bastion.admission.limiter import (
    CurrentUse,
    Grant,
    LimiterUnavailableError,
    Limits,
    MemoryLimiter,
    Refusal,
    Remaining,
    admission_unavailable,
    spent,
    tighter,
)
from bastion.admission.periods import Period, current_periods
from bastion.config.schema import RedisAdmissionConfig
from bastion.tasks import stop_tasks
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
# With no corrections it only gives the lease back, which may be repeated safely.
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

# KEYS: one scope's keys, as _ADMIT has them. Reads only (what _ADMIT would drop as expired
# is left for it to drop, not counted): requests and tokens in the sliding minute on Redis's
# clock, leases not expired, the four budgets' counts.
_USE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local sec = math.floor(now)
local requests = redis.call('ZCOUNT', KEYS[1], '(' .. tostring(now - 60), '+inf')
local flat = redis.call('HGETALL', KEYS[2])
local tokens = 0
for i = 1, #flat, 2 do
  if tonumber(flat[i]) > sec - 60 then tokens = tokens + tonumber(flat[i + 1]) end
end
local running = redis.call('ZCOUNT', KEYS[3], '(' .. tostring(now), '+inf')
local out = {requests, tokens, running}
for i = 4, 7 do out[#out + 1] = tonumber(redis.call('GET', KEYS[i]) or '0') end
return out
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
        # A waiting pool: redis-py's default pool raises once its connections are all in use,
        # which would refuse a burst of requests as if Redis were unreachable.
        pool = aioredis.BlockingConnectionPool.from_url(
            config.url,
            max_connections=config.max_connections,
            timeout=config.timeout_seconds,
            socket_timeout=config.timeout_seconds,
            socket_connect_timeout=config.timeout_seconds,
            decode_responses=True,
        )
        self._redis = aioredis.Redis(connection_pool=pool)
        self._admit = self._redis.register_script(_ADMIT)
        self._settle = self._redis.register_script(_SETTLE)
        self._renew = self._redis.register_script(_RENEW)
        self._use = self._redis.register_script(_USE)
        self._fallback = MemoryLimiter()
        # Running requests with concurrency leases: lease -> the leases keys it is in.
        self._active: dict[str, list[str]] = {}
        # Leases of settlements Redis did not confirm (keys, args), given back once it answers:
        # until then a finished request would hold its concurrency slot for the lease's life.
        self._unsettled: deque[tuple[list[str], list[int | str]]] = deque(maxlen=_MAX_UNSETTLED)
        self._settler: asyncio.Task[None] | None = None
        self._renewer: asyncio.Task[None] | None = None
        self.available = True

    def start(self) -> None:
        self._renewer = asyncio.create_task(self._renew_leases(), name="renew admission leases")

    async def close(self) -> None:
        await stop_tasks(self._renewer, self._settler)
        await self._redis.aclose(close_connection_pool=True)

    def _keys(self, group: str, scope: str, periods: tuple[Period, ...]) -> list[str]:
        """Per scope: requests window, tokens window, leases, token budgets of the day and
        month, money budgets of the day and month; all under the group's hash tag."""
        base = f"{self._config.key_prefix}admission:{{{group}}}:{scope}"
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
        self,
        checks: list[tuple[str, Limits]],
        tokens: int,
        cost: int = 0,
        *,
        group: str | None = None,
    ) -> Grant | Refusal:
        """``group`` (the tenant) is the hash tag of every key the call touches; without one,
        the first scope's name is."""
        lease = secrets.token_hex(8)
        periods = current_periods()
        # An empty tag would not be one: Redis would hash each whole key.
        tag = group or (checks[0][0] if checks else "") or "-"
        keys: list[str] = []
        args: list[Any] = [tokens, lease, self._config.lease_ttl_seconds, len(checks)]
        args += [period.seconds_left for period in periods]
        args.append(cost)
        for scope, limits in checks:
            keys.extend(self._keys(tag, scope, periods))
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
        grant = Grant(checks, tokens, now, cost, lease=lease, periods=periods, group=tag)
        grant.requests = spent(requests_left, 1, now)
        grant.token_budget = spent(tokens_left, tokens, now)
        leases = [
            keys[index * 7 + 2]
            for index, (_, limits) in enumerate(checks)
            if limits.concurrent_requests
        ]
        if leases:
            self._active[lease] = leases
        return grant

    async def current_use(self, scope: str, *, group: str | None = None) -> CurrentUse:
        """What Redis counts for ``scope`` now (one read-only script call); while Redis cannot
        be reached, LimiterUnavailableError (a page says so, whatever the fallback counts)."""
        keys = self._keys(group or scope or "-", scope, current_periods())
        try:
            reply = await self._use(keys=keys, args=[])
        except RedisError as exc:
            raise LimiterUnavailableError(f"Redis: {type(exc).__name__}") from None
        counts = [int(value) for value in reply]
        return CurrentUse(*counts)

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
            keys += self._keys(grant.group, scope, grant.periods)[1:]
        delta = actual_tokens - grant.tokens
        cost_delta = 0 if actual_cost is None else actual_cost - grant.cost
        try:
            await self._settle(keys=keys, args=[int(grant.at), delta, grant.lease, cost_delta])
        except RedisError as exc:
            # The lease is given back once Redis answers, not left until it expires. Only
            # the lease: the settlement may have run with its reply lost, and corrections
            # applied twice would count wrong; an estimate left standing errs on the safe side.
            log.warning("admission settle failed", extra={"error": type(exc).__name__})
            self._unsettled.append((keys, [int(grant.at), 0, grant.lease, 0]))
            if self._settler is None or self._settler.done():
                self._settler = asyncio.create_task(self._settle_later(), name="admission settle")

    async def _settle_later(self) -> None:
        delay = _RETRY_MIN_SECONDS
        while self._unsettled:
            await asyncio.sleep(delay)
            keys, args = self._unsettled[0]
            try:
                await self._settle(keys=keys, args=args)
            except RedisError:
                delay = min(delay * 2, _RETRY_MAX_SECONDS)
                continue
            self._unsettled.popleft()
            delay = 0.0  # the rest at once while Redis answers

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
            raise admission_unavailable()
        share = self._config.replicas
        scaled = [(scope, _scaled(limits, share)) for scope, limits in checks]
        return await self._fallback.admit(scaled, tokens, cost)

    def _recovered(self) -> None:
        if not self.available:
            self.available = True
            log.warning("admission state reachable again")

    async def _renew_leases(self) -> None:
        while True:
            await asyncio.sleep(self._config.lease_ttl_seconds / 3)
            try:
                await self.renew()
            except RedisError as exc:
                # Retried at the next round: leases last the TTL, renewal comes every third.
                log.warning("admission lease renewal failed", extra={"error": type(exc).__name__})

    async def renew(self) -> int:
        """Extends the leases of every running request, in one pipelined round trip; returns
        how many requests' leases could not be renewed. Each renewal stands alone: one that
        fails (its key damaged, its slot's node failing over) does not stop the others."""
        if not self._active:
            return 0
        batch = list(self._active.items())
        results = await self._renew_batch(batch)
        missing = [i for i, result in enumerate(results) if isinstance(result, NoScriptError)]
        if missing:
            # Redis lost its scripts (a restart, SCRIPT FLUSH): load the script, then renew
            # those leases again.
            await self._redis.script_load(_RENEW)
            again = await self._renew_batch([batch[i] for i in missing])
            for i, result in zip(missing, again, strict=True):
                results[i] = result
        errors = [result for result in results if isinstance(result, Exception)]
        if errors:
            log.warning(
                "admission leases not renewed",
                extra={"count": len(errors), "error": type(errors[0]).__name__},
            )
        return len(errors)

    async def _renew_batch(self, batch: list[tuple[str, list[str]]]) -> list[Any]:
        ttl = self._config.lease_ttl_seconds
        sha = self._renew.sha
        async with self._redis.pipeline(transaction=False) as pipe:
            for lease, keys in batch:
                pipe.evalsha(sha, len(keys), *keys, lease, ttl)
            return await pipe.execute(raise_on_error=False)


_MAX_UNSETTLED = 100_000
_RETRY_MIN_SECONDS = 0.25
_RETRY_MAX_SECONDS = 2.0


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
