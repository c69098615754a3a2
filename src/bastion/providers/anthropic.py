"""Anthropic's native Messages API."""

from __future__ import annotations

from collections.abc import Mapping

import orjson

from bastion.config import BackendConfig
from bastion.protocols.operations import Operation
from bastion.providers.base import Provider, lowercase_headers
from bastion.providers.http import HttpUpstream
from bastion.providers.response import UpstreamResponse

DEFAULT_BASE_URL = "https://api.anthropic.com"
API_VERSION = "2023-06-01"


class AnthropicProvider(Provider):
    protocol = "anthropic"
    # Beta features are opted into per request by Anthropic clients, and the API version they
    # speak is theirs to choose (the configured one applies when they send none).
    forwarded_headers = ("anthropic-beta", "anthropic-version")

    def __init__(self, name: str, config: BackendConfig) -> None:
        super().__init__(name, config)
        headers = {
            "content-type": "application/json",
            "anthropic-version": API_VERSION,
            **lowercase_headers(config.headers),
        }
        if config.api_key is not None:
            headers["x-api-key"] = config.api_key.get_secret_value()
        self.headers = headers

    def base_urls(self) -> list[str]:
        return super().base_urls() or [DEFAULT_BASE_URL]

    def path_for(self, operation: Operation) -> str | None:
        # Chat and Responses API requests from OpenAI clients are translated to Messages;
        # legacy completions and embeddings have no Anthropic equivalent.
        if operation in (Operation.MESSAGES, Operation.CHAT, Operation.RESPONSES):
            return "/v1/messages"
        return None

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
        return await upstream.post(path, body, headers=headers, deadline=deadline)

    async def count_tokens(
        self,
        upstream: HttpUpstream,
        body: bytes,
        *,
        request_id: str,
        forwarded: Mapping[str, str],
        beta: bool,
    ) -> tuple[int, bytes]:
        """Anthropic's own ``/v1/messages/count_tokens``: its status and body."""
        path = "/v1/messages/count_tokens" + ("?beta=true" if beta else "")
        headers = {"x-request-id": request_id, **forwarded}
        return await upstream.post_small(
            upstream.base_url + path, body, headers=headers, wait_seconds=self.count_wait_seconds
        )

    async def list_models(self, upstream: HttpUpstream) -> list[str]:
        raw = await upstream.get_json_bytes("/v1/models?limit=1000", self.config.timeouts.connect)
        data = orjson.loads(raw).get("data") or []
        return [str(entry["id"]) for entry in data if isinstance(entry, dict) and "id" in entry]
