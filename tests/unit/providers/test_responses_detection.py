"""Whether an OpenAI-compatible engine serves the Responses API itself: configured, or learnt
from its answer to an empty request."""

from __future__ import annotations

from typing import Any, cast

import pytest
from pydantic import ValidationError

from bastion.config import BackendConfig
from bastion.protocols.errors import GatewayError
from bastion.providers.http import HttpUpstream
from bastion.providers.openai_compatible import OpenAICompatibleProvider


class Engine:
    """Answers every POST with one status, or fails to connect; records what was asked."""

    base_url = "http://gpu1:8000/v1"

    def __init__(self, status: int | None) -> None:
        self.status = status
        self.asked: list[tuple[str, bytes]] = []

    async def post_small(
        self, url: str, body: bytes, *, headers: Any, wait_seconds: float
    ) -> tuple[int, bytes]:
        self.asked.append((url, body))
        if self.status is None:
            raise GatewayError(502, "unreachable")
        return self.status, b"{}"


def provider(**settings: Any) -> OpenAICompatibleProvider:
    config = BackendConfig(
        kind="openai-compatible", location="local", base_url="http://gpu1:8000/v1", **settings
    )
    return OpenAICompatibleProvider("gpu", config)


# A validation error means the route exists; "no such route" that it does not; anything else
# (unreachable, refused credentials, a server error, a 200 to nonsense) decides nothing yet.
ANSWERS = {400: True, 422: True, 404: False, 405: False, 501: False, 500: None, 401: None}


@pytest.mark.parametrize(("status", "native"), [*ANSWERS.items(), (200, None), (None, None)])
async def test_the_answer_to_an_empty_request_decides(status: int | None, native: bool) -> None:
    gpu = provider()
    assert gpu.responses_native is None
    engine = Engine(status)
    await gpu.detect_responses(cast(HttpUpstream, engine))
    assert gpu.responses_native is native
    assert engine.asked == [("http://gpu1:8000/v1/responses", b"{}")]


async def test_a_decision_is_not_asked_again() -> None:
    gpu = provider()
    await gpu.detect_responses(cast(HttpUpstream, Engine(400)))
    engine = Engine(404)
    await gpu.detect_responses(cast(HttpUpstream, engine))
    assert gpu.responses_native is True and engine.asked == []


@pytest.mark.parametrize(("mode", "native"), [("native", True), ("translate", False)])
async def test_a_configured_mode_is_never_probed(mode: str, native: bool) -> None:
    gpu = provider(responses_api=mode)
    engine = Engine(404 if native else 400)
    await gpu.detect_responses(cast(HttpUpstream, engine))
    assert gpu.responses_native is native and engine.asked == []


def test_native_is_for_openai_compatible_backends_only() -> None:
    with pytest.raises(ValidationError, match="openai-compatible backends only"):
        BackendConfig(
            kind="anthropic",
            location="external",
            base_url="https://api.anthropic.com",
            responses_api="native",
        )
    sim = BackendConfig(kind="simulator", location="local")
    assert OpenAICompatibleProvider("sim", sim).responses_native is False
