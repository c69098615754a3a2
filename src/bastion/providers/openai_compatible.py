"""vLLM, SGLang, llama.cpp server, Ollama, TGI, LM Studio, OpenAI and OpenAI-compatible clouds."""

from __future__ import annotations

from collections.abc import Mapping

import orjson

from bastion.config import BackendConfig
from bastion.protocols.operations import Operation
from bastion.providers.base import Provider, UpstreamResponse, lowercase_headers
from bastion.providers.http import HttpUpstream

_PATHS = {
    Operation.CHAT: "/chat/completions",
    Operation.COMPLETIONS: "/completions",
    Operation.EMBEDDINGS: "/embeddings",
    # Anthropic Messages requests are translated to chat completions for these engines.
    Operation.MESSAGES: "/chat/completions",
}


class OpenAICompatibleProvider(Provider):
    protocol = "openai"

    def __init__(self, name: str, config: BackendConfig) -> None:
        super().__init__(name, config)
        headers = {"content-type": "application/json", **lowercase_headers(config.headers)}
        if config.api_key is not None:
            headers["authorization"] = f"Bearer {config.api_key.get_secret_value()}"
        self.headers = headers

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
    ) -> UpstreamResponse:
        headers = {"x-request-id": request_id, **(forwarded or {})}
        if stream:
            headers["accept"] = "text/event-stream"
        return await upstream.post(path, body, headers=headers)

    async def list_models(self, upstream: HttpUpstream) -> list[str]:
        raw = await upstream.get_json_bytes("/models", self.config.timeouts.connect)
        data = orjson.loads(raw).get("data") or []
        return [str(entry["id"]) for entry in data if isinstance(entry, dict) and "id" in entry]
