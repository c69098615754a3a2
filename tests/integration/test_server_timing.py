"""The upstream's share and the gateway's own of each proxied answer: the ``Server-Timing``
header and the upstream and overhead histograms, on a scripted upstream that answers slowly."""

from __future__ import annotations

import re
from typing import Any

import httpx

from tests.conftest import GatewayFactory, RunningGateway
from tests.integration.test_cache import gateway_with_cache
from tests.scripted_upstream import SLOW_SECONDS
from tests.servers import wait_for

_ENTRY = re.compile(r'^(?P<name>[a-z-]+);dur=(?P<dur>\d+\.\d{3})(?:;desc="(?P<desc>[^"]*)")?$')


def _timing(response: httpx.Response) -> dict[str, tuple[float, str | None]]:
    """The header's entries: name -> (milliseconds, description)."""
    entries = {}
    for entry in response.headers["server-timing"].split(", "):
        match = _ENTRY.match(entry)
        assert match is not None, entry
        entries[match["name"]] = (float(match["dur"]), match["desc"])
    return entries


def _counted(gateway: RunningGateway, requests: int, **labels: str) -> None:
    """Waits for the completion phase (after the last bytes) to have counted ``requests``."""
    wait_for(lambda: gateway.metric("bastion_request_duration_seconds_count", **labels) == requests)


def _chat(gateway: RunningGateway, model: str, *, stream: bool = False) -> httpx.Response:
    body: dict[str, Any] = {"model": model, "messages": [{"role": "user", "content": "hi"}]}
    if stream:
        body["stream"] = True
    return httpx.post(
        f"{gateway.url}/v1/chat/completions",
        json=body,
        headers={"authorization": f"Bearer {gateway.admin_key}"},
        timeout=10,
    )


def test_a_whole_answer_tells_the_upstreams_share_and_the_gateways(
    scripted_gateway: tuple[Any, RunningGateway],
) -> None:
    _, gateway = scripted_gateway
    response = _chat(gateway, "up/slow")
    assert response.status_code == 200
    timing = _timing(response)
    assert list(timing) == ["upstream", "gateway"]  # no queue: nothing waited for capacity
    upstream, gateway_ms = timing["upstream"][0], timing["gateway"][0]
    assert upstream >= SLOW_SECONDS * 1000
    assert 0 < gateway_ms < 100
    assert timing["upstream"][1] is None


def test_a_stream_tells_the_shares_up_to_its_headers_and_the_histograms_its_whole(
    scripted_gateway: tuple[Any, RunningGateway],
) -> None:
    _, gateway = scripted_gateway
    response = _chat(gateway, "up/slow", stream=True)
    assert response.status_code == 200 and "data: [DONE]" in response.text
    timing = _timing(response)
    assert list(timing) == ["upstream", "gateway"]
    assert timing["upstream"][1] == "first bytes"
    assert timing["upstream"][0] >= SLOW_SECONDS * 1000
    assert 0 < timing["gateway"][0] < 100
    # The histograms have the stream to its end: the upstream's last wait included.
    labels = {"endpoint": "chat.completions", "backend": "up"}
    _counted(gateway, 1, **labels)
    assert gateway.metric("bastion_upstream_duration_seconds_count", **labels) == 1
    assert gateway.metric("bastion_upstream_duration_seconds_sum", **labels) >= SLOW_SECONDS * 1.5
    assert gateway.metric("bastion_gateway_overhead_seconds_count", **labels) == 1
    overhead = gateway.metric("bastion_gateway_overhead_seconds_sum", **labels)
    assert 0 < overhead < 0.1
    _chat(gateway, "up/slow")
    _counted(gateway, 2, **labels)
    assert gateway.metric("bastion_upstream_duration_seconds_count", **labels) == 2
    assert gateway.metric("bastion_gateway_overhead_seconds_count", **labels) == 2
    # The three parts make the gateway's duration of each request.
    duration = gateway.metric("bastion_request_duration_seconds_sum", **labels)
    upstream = gateway.metric("bastion_upstream_duration_seconds_sum", **labels)
    overhead = gateway.metric("bastion_gateway_overhead_seconds_sum", **labels)
    assert abs(duration - upstream - overhead) < 1e-6


def test_answers_not_from_an_upstream_carry_no_timing(
    scripted_gateway: tuple[Any, RunningGateway],
) -> None:
    _, gateway = scripted_gateway
    refused = _chat(gateway, "up/fail-400")  # the upstream's own refusal, passed on: timed
    assert refused.status_code == 400
    assert _timing(refused)["upstream"][0] >= 0
    failed = _chat(gateway, "up/fail-500")  # the gateway's error after the upstream failed
    assert failed.status_code == 502
    assert "server-timing" not in failed.headers
    unknown = _chat(gateway, "nowhere/model")
    assert unknown.status_code == 404
    assert "server-timing" not in unknown.headers
    labels = {"endpoint": "chat.completions"}
    _counted(gateway, 3, **labels)
    assert gateway.metric("bastion_upstream_duration_seconds_count", **labels) == 1
    assert gateway.metric("bastion_gateway_overhead_seconds_count", **labels) == 1


def test_a_cache_hit_carries_no_timing(
    scripted: tuple[Any, str], start_gateway: GatewayFactory
) -> None:
    _, gateway = gateway_with_cache(scripted, start_gateway)
    first = _chat(gateway, "up/echo")
    assert "upstream" in _timing(first)
    again = _chat(gateway, "up/echo")
    assert again.headers["x-bastion-cache"] == "exact"
    assert "server-timing" not in again.headers
    _counted(gateway, 2)
    assert gateway.metric("bastion_upstream_duration_seconds_count") == 1
