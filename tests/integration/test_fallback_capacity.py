"""Backend capacity follows the request to the backend that serves it.

The primary backend (the scripted upstream, answering every request with a 500) fails each
request at once, so dispatch falls back to a simulated engine: the fallback's capacity must
bound what runs there, and the primary's slot must be given back, not held while the fallback
answers.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx

from tests.conftest import GatewayFactory, RunningGateway
from tests.scripted_upstream import openai_backend


def fallback_gateway(
    start_gateway: GatewayFactory,
    url: str,
    primary: dict[str, Any] | None,
    fallback: dict[str, Any] | None,
) -> RunningGateway:
    failing = openai_backend(
        url,
        circuit_breaker={"failure_threshold": 1000},  # stays in service, its capacity counted
        **({"capacity": primary} if primary else {}),
    )
    # Real time: an 80-token answer takes about half a second.
    engine: dict[str, Any] = {"kind": "simulator", "location": "local"}
    engine["simulator"] = {"time_scale": 1}
    if fallback:
        engine["capacity"] = fallback
    return start_gateway(
        {"primary": failing, "fb": engine},
        endpoints={
            "ep": {
                "versions": {
                    "1": {
                        "backend": "primary",
                        "model": "fail-500",
                        "fallbacks": [{"backend": "fb", "model": "bastion-sim"}],
                    }
                }
            }
        },
    )


class Peaks:
    """The most seen at once of each watched number, sampled every millisecond."""

    def __init__(self, **watched: Callable[[], int]) -> None:
        self._watched = watched
        self.peaks = dict.fromkeys(watched, 0)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            for name, read in self._watched.items():
                self.peaks[name] = max(self.peaks[name], read())
            time.sleep(0.001)

    def __enter__(self) -> Peaks:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(5)


def one_request(gateway: RunningGateway, index: int) -> int:
    response = httpx.post(
        gateway.url + "/v1/chat/completions",
        headers={"authorization": f"Bearer {gateway.admin_key}"},
        json={
            "model": "ep",
            "messages": [{"role": "user", "content": f"request {index}"}],
            "max_tokens": 80,
        },
        timeout=30,
    )
    return response.status_code


def three_at_once(gateway: RunningGateway) -> list[int]:
    together = threading.Barrier(3)

    def call(index: int) -> int:
        together.wait(30)
        return one_request(gateway, index)

    with ThreadPoolExecutor(3) as pool:
        return list(pool.map(call, range(3)))


def test_a_fallback_runs_on_its_own_backend_s_capacity(
    start_gateway: GatewayFactory, scripted: tuple[Any, str]
) -> None:
    _, url = scripted
    gateway = fallback_gateway(
        start_gateway, url, primary={"concurrent_requests": 3}, fallback={"concurrent_requests": 1}
    )
    engine = gateway.gateway.pools["fb"].replicas[0].activity
    with Peaks(fallback=lambda: engine.in_flight) as seen:
        assert three_at_once(gateway) == [200, 200, 200]
    assert seen.peaks["fallback"] == 1, "the fallback runs one at a time, as its capacity says"
    _wait_until(lambda: gateway.metric("bastion_queue_wait_seconds_count") == 3)
    promptly = gateway.metric("bastion_queue_wait_seconds_bucket", le="0.005")
    assert promptly == 1, "two of the three waited for the fallback's one slot"
    assert gateway.metric("bastion_capacity_in_use") == 0
    assert gateway.metric("bastion_routing_fallbacks_total", backend="fb") == 3


def test_falling_back_gives_the_primary_s_slot_back(
    start_gateway: GatewayFactory, scripted: tuple[Any, str]
) -> None:
    _, url = scripted
    gateway = fallback_gateway(
        start_gateway, url, primary={"concurrent_requests": 1}, fallback=None
    )
    primary = gateway.gateway.pools["primary"].capacity
    assert primary is not None
    engine = gateway.gateway.pools["fb"].replicas[0].activity
    started = time.monotonic()
    assert one_request(gateway, 0) == 200
    alone = time.monotonic() - started
    with Peaks(fallback=lambda: engine.in_flight) as seen:
        started = time.monotonic()
        assert three_at_once(gateway) == [200, 200, 200]
        elapsed = time.monotonic() - started
    # Each request held the primary's one slot only while the primary failed it.
    assert seen.peaks["fallback"] == 3, "the three answers ran together on the fallback"
    # About one answer's time, not three (measured alone, so a loaded machine slows both).
    assert elapsed < 2.5 * alone, (elapsed, alone)
    assert primary.in_flight == 0 and gateway.metric("bastion_capacity_in_use") == 0


def _wait_until(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not reached in time"
        time.sleep(0.02)
