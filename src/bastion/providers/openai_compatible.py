"""vLLM, SGLang, llama.cpp server, Ollama, TGI, LM Studio, OpenAI and OpenAI-compatible clouds."""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from typing import Any, Literal

import orjson

from bastion.config import BackendConfig
from bastion.protocols.operations import Operation
from bastion.providers.base import Provider, lowercase_headers
from bastion.providers.http import HttpUpstream
from bastion.providers.response import UpstreamResponse

log = logging.getLogger(__name__)

# How an engine counts the tokens of chat messages through its chat template:
#   "chat":     POST /tokenize with the messages (vLLM, SGLang's newer servers, the simulator),
#               answering {"count", "max_model_len", "tokens"};
#   "template": POST /apply-template with the messages, then POST /tokenize with the rendered
#               prompt as "content" (llama.cpp's server), answering {"tokens"};
#   "none":     neither (Ollama, TGI, cloud APIs): estimated; asked again after a while.
TokenizeMethod = Literal["chat", "template", "none"]
_RETRY_UNKNOWN_SECONDS = 300.0
# What an engine answers an empty Responses API request: a validation error means the route
# exists (vLLM, SGLang, OpenAI answer 400 or 422); "no such route" means it does not.
_HAS_ROUTE = frozenset({400, 422})
_NO_ROUTE = frozenset({404, 405, 501})
_RESPONSES_MODES: dict[str, bool | None] = {"native": True, "translate": False, "auto": None}
# An engine answers a validation error in milliseconds; one that takes longer is asked again
# later rather than holding up the gateway's start.
_DETECT_WAIT_SECONDS = 2.0

_PATHS = {
    Operation.CHAT: "/chat/completions",
    Operation.COMPLETIONS: "/completions",
    Operation.EMBEDDINGS: "/embeddings",
    # Anthropic Messages and Responses API requests are translated to chat completions
    # (a Responses pass-through names its own path, ``ResponsesPassthrough.upstream_path``).
    Operation.MESSAGES: "/chat/completions",
    Operation.RESPONSES: "/chat/completions",
}


class OpenAICompatibleProvider(Provider):
    protocol = "openai"

    def __init__(self, name: str, config: BackendConfig) -> None:
        super().__init__(name, config)
        headers = {"content-type": "application/json", **lowercase_headers(config.headers)}
        if config.api_key is not None:
            headers["authorization"] = f"Bearer {config.api_key.get_secret_value()}"
        self.headers = headers
        # Learned on the first count: the replicas of one backend run the same engine.
        self._tokenize: TokenizeMethod | None = None
        self._tokenize_checked = 0.0
        self.responses_native = (
            False if config.kind == "simulator" else _RESPONSES_MODES[config.responses_api]
        )

    def path_for(self, operation: Operation) -> str | None:
        return _PATHS.get(operation)

    async def send(
        self,
        upstream: HttpUpstream,
        path: str,
        body: bytes,
        *,
        request_id: str,
        stream: bool,
        forwarded: Mapping[str, str] | None = None,
        deadline: float | None = None,
    ) -> UpstreamResponse:
        headers = {"x-request-id": request_id, **(forwarded or {})}
        if stream:
            headers["accept"] = "text/event-stream"
        return await upstream.post(path, body, headers=headers, deadline=deadline)

    async def detect_responses(self, upstream: HttpUpstream) -> None:
        """Asks the engine for an empty Responses API request: its answer says whether it has
        the route, without generating anything. Undecided (unreachable, 401, 5xx) stays None."""
        if self.responses_native is not None:
            return
        try:
            status, _ = await upstream.post_small(
                upstream.base_url + "/responses",
                b"{}",
                headers={},
                wait_seconds=min(self.config.timeouts.connect, _DETECT_WAIT_SECONDS),
            )
        except Exception:  # unreachable or slow: asked again later
            return
        if status in _HAS_ROUTE or status in _NO_ROUTE:
            self.responses_native = status in _HAS_ROUTE
            how = "passed through" if self.responses_native else "translated to chat completions"
            log.info(
                "Responses API requests are %s",
                how,
                extra={"backend": self.name, "status": status},
            )

    async def list_models(self, upstream: HttpUpstream) -> list[str]:
        raw = await upstream.get_json_bytes("/models", self.config.timeouts.connect)
        data = orjson.loads(raw).get("data") or []
        return [str(entry["id"]) for entry in data if isinstance(entry, dict) and "id" in entry]

    async def count_chat_tokens(self, upstream: HttpUpstream, chat: dict[str, Any]) -> int | None:
        """The prompt tokens of an OpenAI chat request, by the engine's own tokenizer over its
        chat template; None when the engine offers no way to count (then it is estimated).

        Raises GatewayError when the engine cannot be reached.
        """
        method = self._tokenize
        now = time.monotonic()
        if method == "none" and now - self._tokenize_checked < _RETRY_UNKNOWN_SECONDS:
            return None
        root = engine_root(upstream.base_url)
        wait = self.count_wait_seconds
        template = {
            key: chat[key]
            for key in ("messages", "tools", "chat_template_kwargs")
            if chat.get(key) is not None
        }
        if method in (None, "none", "chat"):
            request = {
                "model": chat.get("model"),
                **template,
                "add_generation_prompt": chat.get("add_generation_prompt", True),
            }
            if chat.get("continue_final_message"):
                request["continue_final_message"] = True
            status, raw = await upstream.post_small(
                root + "/tokenize", orjson.dumps(request), headers={}, wait_seconds=wait
            )
            count = _field(status, raw, "count")
            if isinstance(count, int) and not isinstance(count, bool):
                self._learned("chat", now)
                return count
            if method == "chat":
                return None  # this request failed; the method still stands
        if method in (None, "none", "template"):
            status, raw = await upstream.post_small(
                root + "/apply-template", orjson.dumps(template), headers={}, wait_seconds=wait
            )
            prompt = _field(status, raw, "prompt")
            if isinstance(prompt, str):
                body = {"content": prompt, "add_special": True, "parse_special": True}
                status, raw = await upstream.post_small(
                    root + "/tokenize", orjson.dumps(body), headers={}, wait_seconds=wait
                )
                tokens = _field(status, raw, "tokens")
                if isinstance(tokens, list):
                    self._learned("template", now)
                    return len(tokens)
            if method == "template":
                return None
        self._learned("none", now)
        return None

    def _learned(self, method: TokenizeMethod, now: float) -> None:
        if method != self._tokenize:
            log.info("token counting", extra={"backend": self.name, "method": method})
        self._tokenize = method
        self._tokenize_checked = now


def engine_root(base_url: str) -> str:
    """The server root of an engine from its OpenAI base URL (``http://gpu1:8000/v1`` →
    ``http://gpu1:8000``): engines serve /tokenize beside /v1, not under it."""
    root = base_url.rstrip("/")
    return root[: -len("/v1")] if root.endswith("/v1") else root


def _field(status: int, raw: bytes, name: str) -> Any:
    if status != 200:
        return None
    try:
        body = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None
    return body.get(name) if isinstance(body, dict) else None
