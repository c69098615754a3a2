"""Engines the gateway launches itself: readiness gating, restart after a crash, drain."""

from __future__ import annotations

import os
import signal
import time
from typing import Any

import httpx
import openai
import pytest

from bastion.cli.status import render_status
from tests.conftest import GatewayFactory
from tests.integration.test_routing_resilience import client, replica_state, status
from tests.servers import free_port, wait_for

pytestmark = pytest.mark.slow


def supervised_backend(port: int, **launch: Any) -> dict[str, Any]:
    return {
        "kind": "openai-compatible",
        "location": "local",
        "base_url": f"http://127.0.0.1:{port}/v1",
        "models": ["bastion-sim"],
        "launch": {
            "command": "bastion sim --port {port} --time-scale 20",
            "restart_initial_seconds": 0.2,
            "stop_grace_seconds": 5,
            **launch,
        },
        "health": {"interval_seconds": 0.2},
    }


def ask(api: openai.OpenAI) -> str:
    answer = api.chat.completions.with_raw_response.create(
        model="bastion-sim", messages=[{"role": "user", "content": "ping"}], max_tokens=4
    )
    assert answer.headers["x-bastion-simulated"] == "true"
    return answer.headers["x-bastion-backend"]


def test_a_killed_supervised_engine_comes_back_without_operator_action(
    start_gateway: GatewayFactory,
) -> None:
    port = free_port()
    gateway = start_gateway({"local": supervised_backend(port)})
    api = client(gateway)
    wait_for(lambda: replica_state(gateway, "local", 0)["ready"], timeout=30)
    assert ask(api) == "local"
    process = replica_state(gateway, "local", 0)["process"]
    assert process["state"] == "ready" and process["restarts"] == 0
    first_pid = process["pid"]

    os.kill(first_pid, signal.SIGKILL)  # what the kernel's OOM killer does
    killed_at = time.monotonic()
    failures = 0
    while True:
        try:
            ask(api)
            break
        except openai.APIStatusError as exc:
            refused = exc.status_code
        assert refused in (502, 503), refused
        failures += 1
        assert time.monotonic() - killed_at < 30, "traffic did not resume"
        time.sleep(0.05)
    resumed_after = time.monotonic() - killed_at

    process = replica_state(gateway, "local", 0)["process"]
    assert process["restarts"] == 1
    assert process["pid"] != first_pid
    assert process["last_exit"] == "killed by SIGKILL"
    gap = process["last_gap_seconds"]
    assert gap is not None and 0 < gap <= resumed_after + 0.5
    shown = render_status(status(gateway))
    assert "restarts 1" in shown and f"last gap {gap:.1f}s" in shown
    assert "killed by SIGKILL" in shown
    print(f"\nrestart gap {gap:.2f}s; traffic resumed {resumed_after:.2f}s after the kill, "
          f"{failures} requests refused meanwhile")  # fmt: skip


def test_traffic_waits_for_readiness_and_the_engine_stops_with_the_gateway(
    start_gateway: GatewayFactory,
) -> None:
    port = free_port()
    # The simulator answers 503 on /health for its first second, like an engine loading weights.
    gateway = start_gateway(
        {"local": supervised_backend(port, command="bastion sim --port {port} --slow-start 1")}
    )
    api = client(gateway)
    state = replica_state(gateway, "local", 0)
    assert not state["ready"] and state["process"]["state"] == "starting"
    with pytest.raises(openai.APIStatusError) as caught:
        ask(api)
    assert caught.value.status_code == 503
    assert "no_replica_available" in str(caught.value.body)
    wait_for(lambda: replica_state(gateway, "local", 0)["ready"], timeout=30)
    assert ask(api) == "local"
    pid = replica_state(gateway, "local", 0)["process"]["pid"]

    gateway.server.stop()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    with pytest.raises(httpx.HTTPError):
        httpx.get(f"http://127.0.0.1:{port}/health", timeout=1)


def test_a_wedged_supervised_engine_is_restarted(
    start_gateway: GatewayFactory,
) -> None:
    port = free_port()
    backend = supervised_backend(port)
    backend["watchdog_seconds"] = 1.0
    gateway = start_gateway({"local": backend})
    api = client(gateway)
    wait_for(lambda: replica_state(gateway, "local", 0)["ready"], timeout=30)
    httpx.post(f"http://127.0.0.1:{port}/sim/faults", json={"hang": True}, timeout=5)
    with pytest.raises(openai.APIStatusError) as caught:
        ask(api)  # stuck on the wedged engine until the watchdog interrupts it
    assert caught.value.status_code == 504
    wait_for(lambda: replica_state(gateway, "local", 0)["process"]["restarts"] == 1, timeout=30)
    wait_for(lambda: replica_state(gateway, "local", 0)["ready"], timeout=30)
    assert ask(api) == "local", "the fresh process has no hang fault"
    last_exit = replica_state(gateway, "local", 0)["process"]["last_exit"]
    assert last_exit.startswith("restarted: wedged")
