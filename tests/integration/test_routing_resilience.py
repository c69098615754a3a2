"""Fault injection with simulated engines running as real processes behind one gateway.

Each test breaks replicas the way engines break in production (killed, wedged, failing with
5xx) while traffic flows, and checks what clients see and what the gateway reports.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import httpx
import openai
import pytest

from tests.conftest import GatewayFactory, RunningGateway
from tests.servers import free_port, wait_for
from tests.sim_processes import SimProcess

pytestmark = pytest.mark.slow

MODEL = "bastion-sim"


def replicas_backend(sims: list[SimProcess], **settings: Any) -> dict[str, Any]:
    return {
        "kind": "openai-compatible",
        "location": "local",
        "replicas": [{"base_url": sim.url} for sim in sims],
        "models": [MODEL],
        "health": {"interval_seconds": 0.2, "timeout_seconds": 1.0},
        "engine_metrics": {"interval_seconds": 0.2},
        "timeouts": {"first_byte": 20, "idle": 20},
        **settings,
    }


def client(gateway: RunningGateway) -> openai.OpenAI:
    # No client-side retries: every failure the gateway lets through must be seen.
    return openai.OpenAI(
        base_url=gateway.url + "/v1", api_key=gateway.admin_key, max_retries=0, timeout=60
    )


def status(gateway: RunningGateway) -> dict[str, Any]:
    response = httpx.get(
        gateway.url + "/admin/status",
        headers={"authorization": f"Bearer {gateway.admin_key}"},
        timeout=5,
    )
    response.raise_for_status()
    result: dict[str, Any] = response.json()
    return result


def replica_state(gateway: RunningGateway, backend: str, index: int) -> dict[str, Any]:
    for entry in status(gateway)["backends"]:
        if entry["name"] == backend:
            replica: dict[str, Any] = entry["replicas"][index]
            return replica
    raise AssertionError(f"backend {backend} not in status")


class Load:
    """Client threads sending streamed and whole chat requests until stopped."""

    def __init__(
        self, api: openai.OpenAI, threads: int, max_tokens: int = 64, *, streamed_only: bool = False
    ) -> None:
        self.api = api
        self.max_tokens = max_tokens
        self.streamed_only = streamed_only
        self.stop_flag = threading.Event()
        self.lock = threading.Lock()
        self.completed = 0
        self.lost: list[str] = []  # failed before any byte reached the client
        self.cut_after_start: list[str] = []  # failed mid-stream, with a terminating error
        self.threads = [
            threading.Thread(target=self._run, args=(index,), daemon=True)
            for index in range(threads)
        ]

    def __enter__(self) -> Load:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop_flag.set()
        for thread in self.threads:
            thread.join(60)

    def _run(self, index: int) -> None:
        sequence = 0
        while not self.stop_flag.is_set():
            sequence += 1
            prompt = f"client {index} request {sequence}: tell me about routing"
            if sequence % 2 or self.streamed_only:
                self._streamed(prompt)
            else:
                self._whole(prompt)

    def _whole(self, prompt: str) -> None:
        try:
            self.api.chat.completions.create(
                model=MODEL,
                messages=[{"role": "user", "content": prompt}],
                max_tokens=self.max_tokens,
            )
        except Exception as exc:
            with self.lock:
                self.lost.append(f"whole: {exc}")
            return
        with self.lock:
            self.completed += 1

    def _streamed(self, prompt: str) -> None:
        chunks = 0
        try:
            stream = self.api.chat.completions.create(
                model=MODEL,
                messages=[{"role": "user", "content": prompt}],
                max_tokens=self.max_tokens,
                stream=True,
            )
            for _ in stream:
                chunks += 1
        except Exception as exc:  # a cut connection surfaces as httpx's error, not the SDK's
            with self.lock:
                (self.cut_after_start if chunks else self.lost).append(f"stream: {exc}")
            return
        with self.lock:
            self.completed += 1


def test_killing_one_of_three_replicas_under_load_loses_no_unstarted_request(
    start_gateway: GatewayFactory, sim_processes: Any, tmp_path: Path
) -> None:
    # Answers run to max_tokens, so the long ones below last ~3 s.
    settings = tmp_path / "sim.yaml"
    settings.write_text("output_len_min: 1000\noutput_len_max: 1000\n")
    sims = sim_processes(3, "--time-scale", "2", "--config", str(settings))
    # Least outstanding alone, so the long streams below spread evenly over the replicas.
    gateway = start_gateway({"gpu": replicas_backend(sims, balancing={"affinity": "none"})})
    api = client(gateway)
    # The engine to be killed holds every request half a second before starting it, so at the
    # kill it certainly has requests that have not sent a byte yet.
    sims[1].set_faults(extra_latency_ms=1000)
    # Long streamed answers beside the short ones, so the killed engine is mid-answer in some.
    with (
        Load(api, threads=9, max_tokens=128) as load,
        Load(api, threads=6, max_tokens=1000, streamed_only=True) as long_answers,
    ):
        # Until traffic flows (on a loaded machine that takes longer), and at least 1.5 s.
        started = time.monotonic()
        while load.completed <= 10 and time.monotonic() - started < 15:
            time.sleep(0.1)
        time.sleep(max(0.0, 1.5 - (time.monotonic() - started)))
        # And until the engine to be killed is answering (mostly long streams, which hold it
        # longest) and also holds a request it has not started (the gateway has more in flight
        # to it than it runs), whatever the machine's pace.
        while time.monotonic() - started < 20:
            running = sims[1].running_requests()
            if running >= 2 and replica_state(gateway, "gpu", 1)["in_flight"] > running:
                break
            time.sleep(0.02)
        before = load.completed
        sims[1].kill()
        killed = time.monotonic()
        while load.completed <= before + 10 and time.monotonic() - killed < 15:
            time.sleep(0.1)
        time.sleep(max(0.0, 2.5 - (time.monotonic() - killed)))
    assert load.lost == [] and long_answers.lost == [], (load.lost + long_answers.lost)[:5]
    assert before > 10 and load.completed > before + 10, "traffic kept flowing"
    # Streams already running on the killed engine end with an error event, not silently.
    cut = load.cut_after_start + long_answers.cut_after_start
    assert cut, "some streams were mid-answer on the killed engine"
    for failure in cut:
        assert "stream interrupted" in failure, failure
    killed = replica_state(gateway, "gpu", 1)
    assert not killed["eligible"]
    assert killed["recent_failures"], "the dead replica's failures are reported"
    assert gateway.metric("bastion_routing_retries_total") >= 1


def test_a_wedged_replica_is_taken_out_within_the_watchdog_time(
    start_gateway: GatewayFactory, sim_processes: Any
) -> None:
    sims = sim_processes(3, "--time-scale", "5")
    watchdog = 1.0
    gateway = start_gateway(
        {"gpu": replicas_backend(sims, watchdog_seconds=watchdog, balancing={"affinity": "none"})}
    )
    api = client(gateway)
    sims[0].set_faults(hang=True)  # accepts requests, produces nothing; /health stays 200
    wedged_at = time.monotonic()
    with Load(api, threads=6) as load:
        wait_for(lambda: replica_state(gateway, "gpu", 0)["circuit"] == "open", timeout=10)
        detected = time.monotonic() - wedged_at
        time.sleep(1.0)
    # The first request reached the wedged engine right away; detection follows the watchdog
    # time plus one watchdog tick (a tenth of it) and this test's 20 ms polling.
    assert detected <= watchdog * 1.1 + 0.5, detected
    state = replica_state(gateway, "gpu", 0)
    assert "watchdog" in state["circuit_reason"]
    assert state["healthy"], "its health check still passes: only the watchdog could tell"
    assert load.lost == [], load.lost[:5]
    assert load.completed > 10


def test_a_5xx_storm_opens_the_circuit_and_half_open_probing_restores_it(
    start_gateway: GatewayFactory, sim_processes: Any
) -> None:
    sims = sim_processes(3, "--time-scale", "20")
    gateway = start_gateway(
        {
            "gpu": replicas_backend(
                sims,
                balancing={"affinity": "none"},
                circuit_breaker={"failure_threshold": 3, "open_seconds": 1.0},
            )
        }
    )
    api = client(gateway)
    sims[2].set_faults(error_rate=1.0, error_status=500)
    for index in range(30):
        api.chat.completions.create(
            model=MODEL, messages=[{"role": "user", "content": f"storm {index}"}], max_tokens=8
        )  # every one succeeds: the failing replica's answers are retried elsewhere
    broken = replica_state(gateway, "gpu", 2)
    assert broken["circuit"] == "open"
    assert "consecutive failures" in broken["circuit_reason"]
    assert gateway.metric("bastion_routing_retries_total") >= 3
    served_while_open = sims[2].served_requests()

    sims[2].set_faults()  # the engine recovers
    time.sleep(1.2)
    for index in range(12):
        api.chat.completions.create(
            model=MODEL, messages=[{"role": "user", "content": f"after {index}"}], max_tokens=8
        )
    restored = replica_state(gateway, "gpu", 2)
    assert restored["circuit"] == "closed"
    assert restored["circuit_openings"] == 1
    assert sims[2].served_requests() > served_while_open, "traffic came back to it"


def test_pii_never_falls_back_to_an_external_backend(
    start_gateway: GatewayFactory, sim_processes: Any
) -> None:
    local = sim_processes(2, "--time-scale", "20")
    (cloud,) = sim_processes(1, "--time-scale", "20")
    gateway = start_gateway(
        {
            "gpu": replicas_backend(local),
            "cloud": {
                "kind": "openai-compatible",
                "location": "external",
                "base_url": cloud.url,
                "models": [MODEL],
            },
        },
        endpoints={
            "assistant": {
                "versions": {
                    "1": {
                        "backend": "gpu",
                        "model": MODEL,
                        "fallbacks": [{"backend": "cloud", "model": MODEL}],
                    }
                }
            }
        },
    )
    api = client(gateway)
    pii = {"x-bastion-data-classification": "pii"}

    healthy = api.chat.completions.with_raw_response.create(
        model="assistant", messages=[{"role": "user", "content": "hi"}], extra_headers=pii
    )
    assert healthy.headers["x-bastion-backend"] == "gpu"

    for sim in local:
        sim.kill()
    wait_for(
        lambda: not any(r["eligible"] for r in status(gateway)["backends"][0]["replicas"]),
        timeout=10,
    )
    public = api.chat.completions.with_raw_response.create(
        model="assistant", messages=[{"role": "user", "content": "hello"}]
    )
    assert public.headers["x-bastion-backend"] == "cloud", "ordinary data may fall back"
    served = cloud.served_requests()
    for _ in range(5):
        with pytest.raises(openai.APIStatusError) as caught:
            api.chat.completions.create(
                model="assistant",
                messages=[{"role": "user", "content": "my SSN is 078-05-1120"}],
                extra_headers=pii,
            )
        assert caught.value.status_code == 503
        error = caught.value.body
        assert isinstance(error, dict) and error["code"] == "no_local_backend"
        assert "classified pii" in error["message"] and "cloud" in error["message"]
    assert cloud.served_requests() == served, "no PII request reached the external backend"


def test_killed_replica_is_found_by_health_checks_without_traffic(
    start_gateway: GatewayFactory, sim_processes: Any
) -> None:
    sims = sim_processes(2, "--time-scale", "20")
    gateway = start_gateway({"gpu": replicas_backend(sims)})
    sims[0].kill()
    wait_for(lambda: not replica_state(gateway, "gpu", 0)["healthy"], timeout=5)
    state = replica_state(gateway, "gpu", 0)
    assert "health check failed" in state["health_error"]
    for index in range(6):
        answer = client(gateway).chat.completions.with_raw_response.create(
            model=MODEL, messages=[{"role": "user", "content": f"q{index}"}], max_tokens=4
        )
        assert answer.http_response.status_code == 200
    assert gateway.metric("bastion_routing_retries_total") == 0, "no request was sent to it"


def test_an_engine_without_health_or_metrics_paths_stays_in_service(
    scripted: tuple[Any, str], start_gateway: GatewayFactory
) -> None:
    _, url = scripted  # answers 404 on /health and /metrics, like Ollama
    gateway = start_gateway(
        {
            "plain": {
                "kind": "openai-compatible",
                "location": "local",
                "base_url": url + "/v1",
                "models": ["*"],
                "health": {"interval_seconds": 0.05},
                "engine_metrics": {"interval_seconds": 0.05},
            }
        }
    )
    time.sleep(0.5)  # ten probe intervals
    state = replica_state(gateway, "plain", 0)
    assert state["healthy"] and state["eligible"] and not state["saturated"]
    answer = client(gateway).chat.completions.create(
        model="plain/echo", messages=[{"role": "user", "content": "hi"}]
    )
    assert answer.choices[0].message.content


def test_engines_shedding_load_give_429_without_opening_circuits(
    start_gateway: GatewayFactory, sim_processes: Any
) -> None:
    sims = sim_processes(2, "--time-scale", "20")
    for sim in sims:
        sim.set_faults(error_rate=1.0, error_status=429)
    gateway = start_gateway(
        {"gpu": replicas_backend(sims, circuit_breaker={"failure_threshold": 2})}
    )
    for _ in range(4):
        with pytest.raises(openai.RateLimitError) as caught:
            client(gateway).chat.completions.create(
                model=MODEL, messages=[{"role": "user", "content": "hi"}], max_tokens=4
            )
        assert caught.value.response.headers["retry-after"]
        assert "overloaded" in caught.value.message
    assert gateway.metric("bastion_routing_retries_total") == 4, "each tried the other engine"
    assert all(replica_state(gateway, "gpu", i)["circuit"] == "closed" for i in range(2))


def test_a_fallback_in_another_protocol_answers_when_the_pool_is_down(
    scripted: tuple[Any, str], start_gateway: GatewayFactory
) -> None:
    upstream, url = scripted
    gateway = start_gateway(
        {
            "gpu": {
                "kind": "openai-compatible",
                "location": "local",
                "base_url": f"http://127.0.0.1:{free_port()}/v1",  # nothing listens there
                "models": ["llama"],
            },
            "anth": {
                "kind": "anthropic",
                "location": "external",
                "base_url": url,
                "api_key": "sk-ant-upstream-secret",
                "models": ["*"],
            },
        },
        endpoints={
            "chat": {
                "versions": {
                    "1": {
                        "backend": "gpu",
                        "model": "llama",
                        "fallbacks": [{"backend": "anth", "model": "cloud-small"}],
                    }
                }
            }
        },
    )
    answer = client(gateway).chat.completions.with_raw_response.create(
        model="chat", messages=[{"role": "user", "content": "hi"}]
    )
    assert answer.headers["x-bastion-backend"] == "anth"
    assert answer.parse().choices[0].message.content == "echo 1 messages"
    assert upstream.last["model"] == "cloud-small"
    assert gateway.metric("bastion_routing_fallbacks_total", backend="anth") == 1
