"""``POST /v1/messages/count_tokens``: the input tokens a Messages request would cost.

The request is authenticated, parsed (a Messages body without ``max_tokens``), inspected and
routed like ``/v1/messages``; nothing is generated, so admission, the cache, the ledger and the
audit journal are not involved. The count comes from where the request would run:

- an Anthropic backend: Anthropic's own count_tokens, forwarded with the client's
  ``anthropic-beta``/``anthropic-version`` headers and ``?beta=true``;
- a local OpenAI-compatible engine: the engine's tokenizer over its chat template (vLLM and
  SGLang ``POST /tokenize`` with the messages; llama.cpp ``/apply-template`` then ``/tokenize``);
- otherwise (no tokenizer endpoint, engine unreachable, a cloud API without counting, data
  that must stay on-premises while the model is external): an estimate that does not
  under-count, said so in ``x-bastion-token-count: estimate`` with the reason in
  ``x-bastion-token-count-reason``.
"""

from __future__ import annotations

import asyncio
import logging
import math
from typing import Any

import orjson

from bastion.pipeline.context import Reply, RequestContext
from bastion.pipeline.runner import BaseStage
from bastion.pipeline.stages.route import Route
from bastion.protocols.errors import GatewayError, invalid_request
from bastion.protocols.exchange import AnthropicPassthrough
from bastion.protocols.translate import TranslationError, anthropic_to_openai_chat
from bastion.protocols.upstream_errors import json_object
from bastion.providers.anthropic import AnthropicProvider
from bastion.providers.openai_compatible import OpenAICompatibleProvider

log = logging.getLogger(__name__)

COUNT_HEADER = "x-bastion-token-count"
REASON_HEADER = "x-bastion-token-count-reason"

# The estimate (see docs/translation.md): a third of the bytes of the request's JSON (text
# rarely packs more than one token per three bytes; digits are counted one token each, as
# tokenizers that split numbers digit by digit do), plus each message's template overhead and
# a fixed charge per image instead of its encoded bytes.
_BYTES_PER_TOKEN = 3
_MESSAGE_OVERHEAD = 8
_BASE_OVERHEAD = 16
_IMAGE_TOKENS = 1600
# What Anthropic's count_tokens takes; generation settings (which endpoint defaults may have
# added) are not part of the count and Anthropic refuses them there.
_NOT_COUNTED = frozenset(
    {"max_tokens", "stream", "temperature", "top_p", "top_k", "stop_sequences", "metadata"}
)
_DIGITS = tuple(str(d).encode() for d in range(10))


class CountTokens(BaseStage):
    """Routes the request like /v1/messages, then counts where it would run."""

    name = "count_tokens"

    def __init__(self, route: Route) -> None:
        self._route = route
        self._anthropic = AnthropicPassthrough()

    async def on_request(self, ctx: RequestContext) -> None:
        try:
            await self._route.on_request(ctx)
        except GatewayError as error:
            if error.code != "no_local_backend":
                raise
            # The only backends for this model are external and the data may not leave.
            self._estimate(
                ctx, "the request's data must stay on-premises and the model is external"
            )
            return
        plan = ctx.route
        assert plan is not None
        target = plan.targets[0]
        pool = target.pool
        replica = pool.pick(None, set(), asyncio.get_running_loop().time())
        provider = pool.provider
        ctx.deployment = target.deployment
        if replica is None:
            self._estimate(ctx, f"no replica of backend '{pool.name}' is available")
            return
        try:
            if isinstance(provider, AnthropicProvider):
                await self._anthropic_count(ctx, provider, replica.http, target.deployment)
            elif isinstance(provider, OpenAICompatibleProvider) and pool.location == "local":
                await self._engine_count(ctx, provider, replica.http, target.deployment)
            else:
                self._estimate(ctx, f"backend '{pool.name}' offers no token counting")
        except GatewayError as error:
            log.info(
                "token count estimated",
                extra={"request_id": ctx.request_id, "backend": pool.name, "error": error.message},
            )
            self._estimate(ctx, f"backend '{pool.name}' could not count: {error.message}")

    async def _anthropic_count(
        self, ctx: RequestContext, provider: AnthropicProvider, http: Any, deployment: Any
    ) -> None:
        assert ctx.body is not None
        body = {k: v for k, v in ctx.body.items() if k not in _NOT_COUNTED}
        body["model"] = deployment.upstream_model
        forwarded = {
            name: ctx.headers[name] for name in provider.forwarded_headers if name in ctx.headers
        }
        status, raw = await provider.count_tokens(
            http,
            orjson.dumps(body),
            request_id=ctx.request_id,
            forwarded=forwarded,
            beta=ctx.anthropic_beta,
        )
        answer = json_object(raw)
        if status == 200 and answer is not None and isinstance(answer.get("input_tokens"), int):
            self._answer(ctx, answer, "backend")
            return
        if status in (401, 403):
            raise GatewayError(502, "the backend rejected the gateway's credentials")
        if 400 <= status < 500 and status != 429:
            # The request itself was refused: the client learns why, in its own shape.
            error = self._anthropic.client_error(status, answer)
            ctx.error = GatewayError(status, "upstream refused the request")
            ctx.outcome = "error"
            ctx.reply = Reply(status, orjson.dumps(error), headers=self._headers(ctx, "backend"))
            return
        raise GatewayError(502, f"HTTP {status}")

    async def _engine_count(
        self,
        ctx: RequestContext,
        provider: OpenAICompatibleProvider,
        http: Any,
        deployment: Any,
    ) -> None:
        assert ctx.body is not None
        try:
            chat = anthropic_to_openai_chat.translate_request(
                ctx.body, deployment.upstream_model, local=True
            )
        except TranslationError as exc:
            raise invalid_request(str(exc), param=exc.param) from None
        count = await provider.count_chat_tokens(http, chat)
        if count is None:
            self._estimate(ctx, f"backend '{provider.name}' has no tokenizer endpoint")
            return
        self._answer(ctx, {"input_tokens": count}, "engine-tokenizer")

    def _estimate(self, ctx: RequestContext, reason: str) -> None:
        assert ctx.body is not None
        tokens = estimate_input_tokens(ctx.body)
        headers = self._headers(ctx, "estimate")
        headers[REASON_HEADER] = reason
        ctx.reply = Reply(200, orjson.dumps({"input_tokens": tokens}), headers=headers)
        _counted(ctx, tokens, "estimate")

    def _answer(self, ctx: RequestContext, body: dict[str, Any], source: str) -> None:
        ctx.reply = Reply(200, orjson.dumps(body), headers=self._headers(ctx, source))
        _counted(ctx, body.get("input_tokens"), source)

    @staticmethod
    def _headers(ctx: RequestContext, source: str) -> dict[str, str]:
        return {COUNT_HEADER: source, "x-bastion-backend": ctx.backend_name}


def _counted(ctx: RequestContext, tokens: Any, source: str) -> None:
    """One log line per count, as the access log has one per request (nothing is generated,
    so counts stay out of the access log, the ledger and the request metrics)."""
    log.info(
        "tokens counted",
        extra={
            "request_id": ctx.request_id,
            "model": ctx.model,
            "backend": ctx.backend_name,
            "input_tokens": tokens,
            "source": source,
        },
    )


def estimate_input_tokens(body: dict[str, Any]) -> int:
    """An upper estimate of a Messages request's input tokens, from its size.

    ``ceil((bytes + 2 * digits) / 3)`` over the JSON of its system prompt, messages, tools and
    tool choice (so a digit weighs one token, other bytes a third), images charged a flat
    1,600 tokens instead of their encoded bytes, plus 8 tokens per message and 16 per request
    for the chat template's role markers. BPE tokenizers average three to four bytes per token
    on prose and code, so this over-counts ordinary text by a quarter or more.
    """
    images = [0]
    counted = {
        key: _without_images(body[key], images)
        for key in ("system", "messages", "tools", "tool_choice")
        if key in body
    }
    raw = orjson.dumps(counted)
    digits = sum(raw.count(d) for d in _DIGITS)
    messages = body.get("messages")
    turns = len(messages) if isinstance(messages, list) else 0
    text = math.ceil((len(raw) + 2 * digits) / _BYTES_PER_TOKEN)
    return text + _MESSAGE_OVERHEAD * turns + _BASE_OVERHEAD + _IMAGE_TOKENS * images[0]


def _without_images(value: Any, images: list[int]) -> Any:
    """``value`` with image blocks replaced by a marker (their cost is counted apart)."""
    if isinstance(value, list):
        return [_without_images(item, images) for item in value]
    if isinstance(value, dict):
        if value.get("type") == "image":
            images[0] += 1
            return None
        return {key: _without_images(item, images) for key, item in value.items()}
    return value
