"""Usage anomalies against a tenant's own baseline, on a clock the tests move."""

from __future__ import annotations

import random
from typing import Any

import pytest

from bastion.admission.anomaly import ENDED, STARTED, AnomalyDetector
from bastion.config.schema import AnomalyConfig
from bastion.events import AdminEvent
from bastion.telemetry.metrics import GatewayMetrics

MINUTE = 60.0


class Clock:
    def __init__(self) -> None:
        self.now = 10_000.0

    def __call__(self) -> float:
        return self.now


class Harness:
    def __init__(self, **settings: Any) -> None:
        self.clock = Clock()
        self.events: list[AdminEvent] = []
        self.metrics = GatewayMetrics()
        self.detector = AnomalyDetector(
            AnomalyConfig(**settings), self.metrics, self.events.append, clock=self.clock
        )

    def traffic(
        self,
        per_minute: float,
        minutes: float,
        *,
        tenant: str = "acme",
        tokens: int = 1000,
        jitter: random.Random | None = None,
    ) -> None:
        """``per_minute`` requests of ``tokens`` each, evenly spaced (or jittered) for
        ``minutes``, the periodic sweep running every five seconds as in the gateway."""
        end = self.clock.now + minutes * MINUTE
        gap = MINUTE / per_minute
        next_sweep = self.clock.now + 5
        while True:
            step = gap * (jitter.uniform(0.5, 1.5) if jitter else 1.0)
            if self.clock.now + step > end:
                break
            self.clock.now += step
            while next_sweep <= self.clock.now:
                self.detector.sweep()
                next_sweep += 5
            used = jitter.randint(tokens // 2, tokens * 3 // 2) if jitter else tokens
            self.detector.record(f"ten_{tenant}", tenant, used)
        self.clock.now = end

    def idle(self, minutes: float) -> None:
        """Nothing sent for ``minutes``; the sweep keeps running."""
        for _ in range(int(minutes * MINUTE / 5)):
            self.clock.now += 5
            self.detector.sweep()

    def kinds(self) -> list[tuple[str, str]]:
        return [(event.kind, event.details["what"]) for event in self.events]

    def counter(self, what: str) -> float:
        return self.metric("bastion_usage_anomalies_total", what=what)

    def active(self) -> float:
        return self.metric("bastion_usage_anomalies_active")

    def metric(self, name: str, **labels: str) -> float:
        value = self.metrics.registry.get_sample_value(name, labels)
        return 0.0 if value is None else value


def test_steady_traffic_raises_no_event() -> None:
    harness = Harness()
    jitter = random.Random(7)
    harness.traffic(100, 120, jitter=jitter)  # two hours, gaps and sizes ±50 %
    harness.traffic(160, 60, jitter=jitter)  # a busier hour: 1.6x is no anomaly
    assert harness.events == []
    assert harness.counter("requests") == harness.counter("tokens") == 0
    baseline = harness.detector.baseline("ten_acme", "requests")
    assert baseline is not None and 130 < baseline < 165  # per minute, moving towards 160


def test_a_tenfold_burst_after_warm_up_fires_once() -> None:
    harness = Harness()
    harness.traffic(100, 30)
    assert harness.events == []
    harness.traffic(1000, 5)
    assert sorted(harness.kinds()) == [(STARTED, "requests"), (STARTED, "tokens")]
    event = harness.events[0]
    assert event.tenant == "acme" and event.tenant_id == "ten_acme"
    assert "tenant acme:" in event.message and "its baseline of 100" in event.message
    assert event.details["baseline"] == pytest.approx(100, rel=0.01)
    assert event.details["observed"] > 5 * 100
    assert harness.counter("requests") == harness.counter("tokens") == 1
    assert harness.active() == 1  # one tenant, anomalous in both measures
    assert harness.detector.active == 1


def test_a_burst_during_warm_up_is_not_flagged() -> None:
    harness = Harness()
    harness.traffic(100, 10)
    harness.traffic(1000, 5)  # still warming up at 15 minutes
    harness.traffic(1000, 10)  # warm now, but the burst is part of the baseline
    assert harness.events == []
    assert harness.active() == 0


def test_small_absolute_numbers_are_not_flagged() -> None:
    harness = Harness()
    harness.traffic(1, 30, tokens=200)
    harness.traffic(50, 5, tokens=200)  # 50x, but under 60 requests and 50,000 tokens a minute
    assert harness.events == []

    without_floor = Harness(min_requests_per_minute=0, min_tokens_per_minute=0)
    without_floor.traffic(1, 30, tokens=200)
    without_floor.traffic(50, 5, tokens=200)
    assert sorted(without_floor.kinds()) == [(STARTED, "requests"), (STARTED, "tokens")]


def test_only_the_measure_that_rose_is_flagged() -> None:
    harness = Harness()
    harness.traffic(100, 30, tokens=1000)
    harness.traffic(100, 5, tokens=20_000)  # same requests, 20x the tokens
    assert harness.kinds() == [(STARTED, "tokens")]
    assert harness.counter("tokens") == 1 and harness.counter("requests") == 0


def test_recovery_then_a_second_burst_fires_again() -> None:
    harness = Harness()
    harness.traffic(100, 30)
    harness.traffic(1000, 2)
    assert len(harness.events) == 2
    harness.traffic(100, 3)  # below the threshold, but not for clear_after_seconds yet
    assert len(harness.events) == 2 and harness.active() == 1
    harness.traffic(100, 5)
    assert sorted(harness.kinds()[2:]) == [(ENDED, "requests"), (ENDED, "tokens")]
    assert harness.events[2].details["reason"] == "recovered"
    assert harness.active() == 0 and harness.detector.active == 0

    harness.traffic(1000, 2)
    assert sorted(harness.kinds()[4:]) == [(STARTED, "requests"), (STARTED, "tokens")]
    assert harness.counter("requests") == 2
    assert harness.active() == 1


def test_a_flapping_burst_is_one_anomaly() -> None:
    harness = Harness()
    harness.traffic(100, 30)
    for _ in range(4):  # on for a minute, off for two: never calm for five minutes
        harness.traffic(1000, 1)
        harness.traffic(100, 2)
    assert sorted(harness.kinds()) == [(STARTED, "requests"), (STARTED, "tokens")]
    harness.traffic(100, 4)
    assert sorted(harness.kinds()[2:]) == [(ENDED, "requests"), (ENDED, "tokens")]
    assert harness.events[-1].details["reason"] == "recovered"


def test_a_lasting_rise_becomes_the_new_baseline() -> None:
    harness = Harness()
    harness.traffic(100, 30)
    harness.traffic(1000, 30)  # the baseline (an hour's time constant) catches up
    assert sorted(harness.kinds()) == [
        (STARTED, "requests"),
        (STARTED, "tokens"),
        (ENDED, "requests"),
        (ENDED, "tokens"),
    ]
    ended = harness.events[-1]
    assert ended.details["reason"] == "new_baseline"
    assert "now its new baseline" in ended.message
    assert 5 * MINUTE < ended.details["duration_seconds"] < 20 * MINUTE


def test_a_tenant_that_stops_sending_recovers_on_the_sweep() -> None:
    harness = Harness()
    harness.traffic(100, 30)
    harness.traffic(1000, 2)
    assert harness.active() == 1
    harness.idle(7)
    assert sorted(harness.kinds()[2:]) == [(ENDED, "requests"), (ENDED, "tokens")]
    assert harness.active() == 0
    assert harness.detector.tracked == 1  # silent, not forgotten yet


def test_idle_tenants_are_forgotten_and_warm_up_again() -> None:
    harness = Harness()
    harness.traffic(100, 30, tenant="acme")
    harness.traffic(100, 1, tenant="globex")
    assert harness.detector.tracked == 2
    harness.idle(58)  # acme silent for 59 minutes, globex for 58
    assert harness.detector.tracked == 2
    harness.idle(1.5)
    assert harness.detector.tracked == 1  # acme's hour has passed
    harness.idle(1.5)
    assert harness.detector.tracked == 0
    assert harness.detector.baseline("ten_acme", "requests") is None
    harness.traffic(1000, 5, tenant="acme")  # back with a burst: no history to compare with
    assert harness.events == []


def test_a_tenant_back_after_a_long_silence_starts_afresh() -> None:
    harness = Harness()
    harness.traffic(100, 30, tenant="acme")
    harness.clock.now += 2 * 3600  # no sweep ran: forgotten on its next request
    harness.traffic(100, 30, tenant="acme")
    assert harness.events == []
    baseline = harness.detector.baseline("ten_acme", "requests")
    assert baseline == pytest.approx(100, rel=0.01)


def test_tracked_tenants_are_bounded() -> None:
    harness = Harness(max_tenants=3)
    for name in ("a", "b", "c", "d", "e"):
        harness.traffic(60, 1, tenant=name)
    assert harness.detector.tracked == 3
    assert harness.detector.baseline("ten_a", "requests") is None
    assert harness.detector.baseline("ten_b", "requests") is None
    assert harness.detector.baseline("ten_e", "requests") is not None


def test_a_failing_event_sink_does_not_fail_the_request() -> None:
    def broken(event: AdminEvent) -> None:
        raise RuntimeError("sink down")

    clock = Clock()
    metrics = GatewayMetrics()
    detector = AnomalyDetector(AnomalyConfig(), metrics, broken, clock=clock)
    for _ in range(30 * 100):
        clock.now += 0.6
        detector.record("ten_acme", "acme", 1000)
    for _ in range(2 * 1000):
        clock.now += 0.06
        detector.record("ten_acme", "acme", 1000)
    assert metrics.registry.get_sample_value("bastion_usage_anomalies_total", {"what": "requests"})
