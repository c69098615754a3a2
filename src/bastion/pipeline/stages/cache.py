"""cache: an earlier answer to the same request, served without calling a model.

Looked up after routing (the route fixes the model and the endpoint's pinned prompt and
parameters, all part of the key) and before admission and queueing, so a hit costs neither a
rate-limit slot nor engine capacity. Entries are hard-partitioned by tenant, model, system
prompt, parameters and conversation prefix (see ``bastion.cache``); endpoints opted in may also
be answered from a similar earlier request, when the guards agree and the request carries no
sensitive data. Complete answers are stored once they have been sent (a streamed one rebuilt
from the events the client received), and only when the route's first target produced them:
the key names that target, and a fallback's answer is not what it would have said. A hit is
replayed as a stream when the client asks for one.

On an endpoint whose answers are shared by the tenant's users, a request with sensitive data
(or one that could not be classified) stays per user, as first-person prompts do: another
user's hit would tell them what a colleague asked about someone.
"""

from __future__ import annotations

import time
from collections.abc import AsyncGenerator
from dataclasses import dataclass, replace
from typing import Any

import orjson
from prometheus_client import Counter

from bastion.cache import (
    CachedResponse,
    CacheKey,
    CacheSettings,
    LexicalEmbedder,
    MemoryBackend,
    OpenAIEmbedder,
    RedisBackend,
    ResponseCache,
    guards,
    key_for_anthropic_messages,
    key_for_openai_chat,
    render_json,
    replay_sse,
)
from bastion.cache.backends import CacheBackend
from bastion.cache.capture import StreamCapture
from bastion.cache.core import CacheHit
from bastion.cache.embedder import Embedder, default_embedder, default_threshold
from bastion.config.schema import CacheConfig
from bastion.ledger.record import purpose_of
from bastion.pipeline.context import Reply, RequestContext
from bastion.pipeline.runner import BaseStage
from bastion.protocols.operations import Operation
from bastion.protocols.usage import Usage
from bastion.telemetry.metrics import GatewayMetrics

_SENSITIVE = frozenset({"pii", "secret", "phi"})
_STREAM_HEADERS = {"cache-control": "no-cache", "x-accel-buffering": "no"}


@dataclass(slots=True)
class _Followed:
    counter: Counter
    counted: int = 0  # the stat's value already added to the counter


class Cache(BaseStage):
    name = "cache"

    def __init__(
        self,
        cache: ResponseCache,
        semantic_endpoints: list[str],
        metrics: GatewayMetrics,
        shared_endpoints: list[str] | None = None,
    ) -> None:
        self._cache = cache
        self._semantic = frozenset(semantic_endpoints)
        self._shared = frozenset(shared_endpoints or ())
        self._lookups = {
            outcome: metrics.cache_lookups.labels(outcome)
            for outcome in ("exact", "semantic", "miss", "bypass")
        }
        self._stores = metrics.cache_stores
        # Counters that follow fields of the cache's stats.
        self._followed = {
            "guard_rejections": _Followed(metrics.cache_guard_rejections),
            "errors": _Followed(metrics.cache_errors),
        }

    async def on_request(self, ctx: RequestContext) -> None:
        # Placeholders are numbered per request: the same key would hide different values,
        # and the answer carries this request's values once restored. An evaluation measures
        # the model, not an earlier answer: its requests neither read nor fill the cache. A
        # suspected prompt injection (let through by policy) neither: its answer may be what
        # the injection made the model say, and it must not be served to anyone else.
        measured = purpose_of(ctx.headers) == "evaluation"
        sensitive = _sensitive(ctx)
        # The client's Cache-Control: "no-store" keeps the answer out of the cache, "no-cache"
        # asks for a fresh one (which then replaces what was kept).
        directives = _cache_control(ctx.headers)
        skip = ctx.placeholders or measured or ctx.injection_suspected or "no-store" in directives
        key = self._key(ctx, sensitive) if not skip else None
        if key is None:
            ctx.cache_status = "bypass"
            self._lookups["bypass"].inc()
            return
        semantic = ctx.model.split("@", 1)[0] in self._semantic
        if "no-cache" in directives:
            hit = None
        else:
            hit = await self._cache.lookup(key, semantic=semantic, has_pii=sensitive)
        self._publish_stats()
        if hit is None:
            ctx.cache_status = "miss"
            ctx.cache_pending = (key, semantic)
            if ctx.stream:
                ctx.stream_capture = StreamCapture(self._cache.settings.max_entry_bytes * 4)
            self._lookups["miss"].inc()
            return
        ctx.cache_status = "hit"
        self._lookups[hit.kind].inc()
        self._serve(ctx, hit)

    async def on_complete(self, ctx: RequestContext) -> None:
        pending, ctx.cache_pending = ctx.cache_pending, None
        reply = ctx.reply
        if pending is None or reply is None or reply.status != 200 or ctx.outcome != "ok":
            return
        if not _answered_by_first_target(ctx):
            return  # a fallback's answer, under the key of the target it stood in for
        anthropic = ctx.operation is Operation.MESSAGES
        answer: dict[str, Any] | None = None
        if reply.stream is None and reply.body:
            answer = orjson.loads(reply.body)
        elif reply.stream is not None and ctx.stream_capture is not None:
            answer = ctx.stream_capture.answer_of(anthropic, ctx.usage)
        if answer is None:
            return
        entry = (
            CachedResponse.from_anthropic_messages(answer)
            if anthropic
            else CachedResponse.from_openai_chat(answer)
        )
        if entry is None:
            return  # tool calls, refusals, cut answers: never served again
        key, semantic = pending
        if await self._cache.store(key, entry, semantic=semantic, has_pii=_sensitive(ctx)):
            self._stores.inc()
        self._publish_stats()

    def _key(self, ctx: RequestContext, sensitive: bool) -> CacheKey | None:
        principal, plan, body = ctx.principal, ctx.route, ctx.body
        if principal is None or plan is None or body is None:
            return None
        target = plan.targets[0]
        # The output policy shapes the stored answer (masked, cut short): part of the partition.
        output = ctx.output_action or "allow"
        model = f"{target.pool.name}/{target.deployment.upstream_model} output={output}"
        if ctx.upstream_params:
            # A version's params set upstream (not in the body): two versions differ by them.
            model += " params=" + orjson.dumps(ctx.upstream_params).decode()
        # Per user (API key and the end user the body names) unless the endpoint shares, and
        # always for sensitive data: a hit would show another user what was asked.
        shared = not sensitive and ctx.model.split("@", 1)[0] in self._shared
        caller = principal.key_id
        if ctx.operation is Operation.CHAT:
            return key_for_openai_chat(
                principal.tenant_id, model, body, caller=caller, shared=shared
            )
        if ctx.operation is Operation.MESSAGES:
            return key_for_anthropic_messages(
                principal.tenant_id, model, body, caller=caller, shared=shared
            )
        return None

    def _serve(self, ctx: RequestContext, hit: CacheHit) -> None:
        entry = hit.entry
        ctx.deployment = None  # no backend answered
        ctx.usage = Usage()  # nothing was generated for this request
        headers = {"x-bastion-cache": hit.kind, "x-bastion-backend": "cache"}
        if not ctx.stream:
            answer = render_json(entry)
            answer["model"] = ctx.model
            ctx.reply = Reply(200, orjson.dumps(answer), headers=headers)
            return
        headers.update(_STREAM_HEADERS)
        reply = Reply(200, headers=headers, media_type="text/event-stream")
        # As parse read it: ``stream_options`` may be absent, null or an object.
        reply.stream = _replay(ctx, replace(entry, model=ctx.model), ctx.include_usage)
        ctx.reply = reply

    def _publish_stats(self) -> None:
        stats = self._cache.stats
        for name, followed in self._followed.items():
            seen = getattr(stats, name)
            if seen > followed.counted:
                followed.counter.inc(seen - followed.counted)
                followed.counted = seen

    async def close(self) -> None:
        await self._cache.close()


def build_cache(config: CacheConfig, *, backend: CacheBackend | None = None) -> ResponseCache:
    """The cache ``config`` describes: its backend (unless given), its embedder and bounds."""
    timeout_s: float | None = None
    retry_s = CacheSettings().backend_retry_s
    if config.redis is not None and backend is None:
        redis = config.redis
        timeout_s, retry_s = redis.timeout_ms / 1000, redis.retry_after_seconds
        backend = RedisBackend(
            redis.url,
            prefix=redis.key_prefix,
            timeout_s=timeout_s,
            max_connections=redis.max_connections,
        )
    elif backend is None:
        backend = MemoryBackend(max_entries=config.max_entries, max_bytes=config.max_bytes)
    semantic = config.semantic
    embedder: Embedder
    if semantic.embedding is not None:
        embedding = semantic.embedding
        embedder = OpenAIEmbedder(
            embedding.base_url, embedding.model, timeout_s=embedding.timeout_ms / 1000
        )
    elif semantic.embedder == "lexical" or not semantic.endpoints:
        embedder = LexicalEmbedder()  # no semantic endpoint: no model to load
    else:
        embedder = default_embedder(semantic.max_tokens, two_stage=semantic.two_stage)
    threshold = semantic.threshold
    settings = CacheSettings(
        ttl_s=config.ttl_seconds,
        semantic_threshold=threshold if threshold is not None else default_threshold(embedder),
        candidate_threshold=semantic.candidate_threshold,
        disabled_guards=guards.relaxed_for(embedder.name),
        max_entry_bytes=config.max_entry_bytes,
        backend_timeout_s=timeout_s,
        backend_retry_s=retry_s,
        fine_at_store=semantic.encode_at_store,
    )
    return ResponseCache(backend, embedder=embedder, settings=settings)


def _cache_control(headers: dict[str, str]) -> frozenset[str]:
    """The request's Cache-Control directives, lower case, without their values."""
    value = headers.get("cache-control")
    if not value:
        return frozenset()
    return frozenset(part.split("=", 1)[0].strip().lower() for part in value.split(","))


def _answered_by_first_target(ctx: RequestContext) -> bool:
    """Whether the route's first target, the one the key names, produced the answer (dispatch
    sets the deployment of the target that answered; each target has its own)."""
    plan = ctx.route
    return plan is not None and ctx.deployment is plan.targets[0].deployment


def _sensitive(ctx: RequestContext) -> bool:
    """Sensitive data was found (whatever the policy did with it), or nobody could tell."""
    return not ctx.classified or bool(ctx.classifications & _SENSITIVE) or ctx.sensitive_found


async def _replay(
    ctx: RequestContext, entry: CachedResponse, include_usage: bool
) -> AsyncGenerator[bytes, None]:
    for event in replay_sse(entry, include_usage=include_usage):
        if ctx.first_chunk_at is None:
            ctx.first_chunk_at = time.perf_counter()
        yield event
