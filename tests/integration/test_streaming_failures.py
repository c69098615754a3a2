"""Streams that break: the client always learns it, and accounting always finishes."""

from __future__ import annotations

import time
from typing import Any

import anthropic
import httpx
import openai
import pytest

from tests.conftest import ADMIN_KEY, RunningGateway
from tests.servers import wait_for


def openai_client(gateway: RunningGateway) -> openai.OpenAI:
    return openai.OpenAI(base_url=gateway.url + "/v1", api_key=ADMIN_KEY, max_retries=0, timeout=10)


def test_cut_stream_ends_with_an_error_event(scripted_gateway: tuple[Any, RunningGateway]) -> None:
    _, gateway = scripted_gateway
    stream = openai_client(gateway).chat.completions.create(
        model="up/cut", messages=[{"role": "user", "content": "x"}], stream=True
    )
    received = []
    with pytest.raises(openai.APIError) as caught:
        for chunk in stream:
            received.append(chunk)
    assert "closed the stream" in str(caught.value) or "interrupted" in str(caught.value)
    assert received, "chunks sent before the cut reach the client"
    # Usage of a cut stream is still recorded, marked as estimated.
    wait_for(lambda: gateway.metric("bastion_tokens_total", backend="up", direction="output") > 0)


def test_cut_stream_raw_bytes_have_no_done_marker(
    scripted_gateway: tuple[Any, RunningGateway],
) -> None:
    _, gateway = scripted_gateway
    body = {"model": "up/cut", "messages": [{"role": "user", "content": "x"}], "stream": True}
    response = httpx.post(
        gateway.url + "/v1/chat/completions",
        json=body,
        headers={"Authorization": f"Bearer {ADMIN_KEY}"},
    )
    assert response.status_code == 200
    assert b"[DONE]" not in response.content
    assert response.content.rstrip().endswith(b"}")
    assert b'"error"' in response.content.strip().splitlines()[-1]


def test_stalled_stream_hits_the_idle_timeout(scripted_gateway: tuple[Any, RunningGateway]) -> None:
    _, gateway = scripted_gateway
    started = time.monotonic()
    stream = openai_client(gateway).chat.completions.create(
        model="up/stall", messages=[{"role": "user", "content": "x"}], stream=True
    )
    with pytest.raises(openai.APIError, match="no data for 1s"):
        list(stream)
    assert time.monotonic() - started < 5


def test_a_keep_alive_comment_is_not_the_start_of_an_answer(
    scripted_gateway: tuple[Any, RunningGateway],
) -> None:
    """An engine that sends an SSE comment and hangs has not answered: the first-byte timeout
    still applies, and the client gets a gateway timeout rather than a stream that never
    moves (nor does such an engine pass a half-open circuit's trial)."""
    _, gateway = scripted_gateway
    started = time.monotonic()
    with pytest.raises(openai.APIStatusError) as caught:
        openai_client(gateway).chat.completions.create(
            model="up/ping-then-hang", messages=[{"role": "user", "content": "x"}], stream=True
        )
    assert caught.value.status_code == 504
    assert "first byte" in str(caught.value)
    assert time.monotonic() - started < 5


def test_anthropic_cut_stream_ends_with_an_error_event(
    scripted_gateway: tuple[Any, RunningGateway],
) -> None:
    _, gateway = scripted_gateway
    anth = anthropic.Anthropic(base_url=gateway.url, api_key=ADMIN_KEY, max_retries=0)
    with (
        pytest.raises(anthropic.APIStatusError),
        anth.messages.stream(
            model="anth/anthropic-cut", max_tokens=20, messages=[{"role": "user", "content": "x"}]
        ) as stream,
    ):
        for _ in stream:
            pass


def test_client_disconnect_cancels_upstream_and_still_accounts(
    scripted_gateway: tuple[Any, RunningGateway],
) -> None:
    upstream, gateway = scripted_gateway
    body = {
        "model": "up/slow-stream",
        "messages": [{"role": "user", "content": "x"}],
        "stream": True,
    }
    headers = {"Authorization": f"Bearer {ADMIN_KEY}"}
    with httpx.stream(
        "POST", gateway.url + "/v1/chat/completions", json=body, headers=headers
    ) as response:
        lines = response.iter_lines()
        for _ in range(3):
            next(lines)
    # Leaving the block closed the connection mid-stream.
    wait_for(lambda: "slow-stream" in upstream.cancelled)
    wait_for(
        lambda: gateway.metric("bastion_client_disconnects_total", endpoint="chat.completions") == 1
    )
    wait_for(lambda: gateway.metric("bastion_tokens_total", backend="up", direction="output") >= 1)
    requests = gateway.metric(
        "bastion_requests_total", endpoint="chat.completions", backend="up", status="200"
    )
    assert requests == 1


def test_non_streaming_client_disconnect_cancels_upstream(
    scripted_gateway: tuple[Any, RunningGateway],
) -> None:
    upstream, gateway = scripted_gateway
    body = {"model": "up/hang", "messages": [{"role": "user", "content": "x"}]}
    with pytest.raises(httpx.ReadTimeout):
        httpx.post(
            gateway.url + "/v1/chat/completions",
            json=body,
            headers={"Authorization": f"Bearer {ADMIN_KEY}"},
            timeout=0.3,
        )
    wait_for(lambda: "hang" in upstream.cancelled)
    wait_for(
        lambda: gateway.metric("bastion_client_disconnects_total", endpoint="chat.completions") == 1
    )


def test_stream_without_usage_is_metered_as_estimate(
    scripted_gateway: tuple[Any, RunningGateway],
) -> None:
    _, gateway = scripted_gateway
    chunks = list(
        openai_client(gateway).chat.completions.create(
            model="up/no-usage", messages=[{"role": "user", "content": "x"}], stream=True
        )
    )
    assert chunks
    wait_for(lambda: gateway.metric("bastion_tokens_total", backend="up", direction="output") == 4)


def test_anthropic_cut_stream_is_metered_from_what_was_sent(
    scripted_gateway: tuple[Any, RunningGateway],
) -> None:
    _, gateway = scripted_gateway
    anth = anthropic.Anthropic(base_url=gateway.url, api_key=ADMIN_KEY, max_retries=0)
    with (
        pytest.raises(anthropic.APIStatusError),
        anth.messages.stream(
            model="anth/anthropic-cut", max_tokens=20, messages=[{"role": "user", "content": "x"}]
        ) as stream,
    ):
        for _ in stream:
            pass
    # message_start claimed 1 output token; two text deltas had reached the client.
    wait_for(
        lambda: gateway.metric("bastion_tokens_total", backend="anth", direction="output") == 2
    )


def test_malformed_chunk_ends_the_stream_and_stops_the_engine(
    scripted_gateway: tuple[Any, RunningGateway],
) -> None:
    upstream, gateway = scripted_gateway
    stream = openai_client(gateway).chat.completions.create(
        model="up/bad-choices", messages=[{"role": "user", "content": "x"}], stream=True
    )
    with pytest.raises(openai.APIError, match="malformed stream"):
        list(stream)
    wait_for(lambda: "bad-choices" in upstream.cancelled)
    assert gateway.metric("bastion_upstream_errors_total", backend="up", kind="malformed") == 1


def test_json_answer_to_a_streaming_request_is_502(
    scripted_gateway: tuple[Any, RunningGateway],
) -> None:
    _, gateway = scripted_gateway
    with pytest.raises(openai.APIStatusError, match="without streaming") as caught:
        openai_client(gateway).chat.completions.create(
            model="up/json-on-stream", messages=[{"role": "user", "content": "x"}], stream=True
        )
    assert caught.value.status_code == 502
