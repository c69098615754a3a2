from bastion.config.schema import CircuitBreakerConfig
from bastion.routing.breaker import BreakerState, CircuitBreaker


def breaker(trial_seconds: float = 60.0, **settings: object) -> CircuitBreaker:
    return CircuitBreaker(
        CircuitBreakerConfig.model_validate(
            {"failure_threshold": 3, "open_seconds": 10, "max_open_seconds": 30, **settings}
        ),
        trial_seconds=trial_seconds,
    )


def test_consecutive_failures_open_the_circuit() -> None:
    b = breaker()
    assert not b.failed(0.0, "HTTP 500")
    b.succeeded()  # a success in between resets the count
    assert not b.failed(1.0, "HTTP 500")
    assert not b.failed(2.0, "HTTP 500")
    assert b.failed(3.0, "HTTP 502")
    assert b.state is BreakerState.OPEN
    assert "3 consecutive failures" in b.reason and "HTTP 502" in b.reason
    assert not b.available(12.9)
    assert b.retry_in(5.0) == 8.0


def test_half_open_lets_one_trial_through_and_its_success_closes() -> None:
    b = breaker()
    for t in range(3):
        b.failed(float(t), "boom")
    assert b.available(13.0)
    assert b.state is BreakerState.HALF_OPEN
    b.attempt(13.0)
    assert not b.available(13.5), "only one trial at a time"
    b.succeeded()
    assert b.state is BreakerState.CLOSED
    assert b.available(13.6)


def test_a_failed_trial_reopens_for_twice_as_long_up_to_the_cap() -> None:
    b = breaker()
    for t in range(3):
        b.failed(float(t), "boom")
    b.available(13.0)
    b.attempt(13.0)
    assert b.failed(13.1, "still broken")
    assert b.state is BreakerState.OPEN
    assert b.open_for == 20
    assert not b.available(33.0)
    assert b.available(33.2)
    b.attempt(33.2)
    b.failed(33.3, "again")
    assert b.open_for == 30  # capped by max_open_seconds
    assert b.openings == 3


def test_one_trial_at_a_time_until_it_ends_however_long_it_runs() -> None:
    b = breaker(trial_seconds=60.0)
    for t in range(3):
        b.failed(float(t), "boom")
    assert b.available(13.0)
    trial = b.attempt(13.0)
    assert trial
    # Long past open_seconds, the first trial is still in flight: no second one.
    for now in (23.5, 33.5, 50.0, 72.9):
        assert not b.available(now), now
    assert b.state is BreakerState.HALF_OPEN
    b.abandoned(trial)  # it ended without an outcome (its client left)
    assert b.available(73.0)
    second = b.attempt(73.0)
    assert second and second != trial
    b.abandoned(trial)  # a stale report leaves the running trial alone
    assert not b.available(74.0)


def test_a_trial_without_an_answer_within_the_watchdog_time_has_failed() -> None:
    b = breaker(trial_seconds=5.0)
    for t in range(3):
        b.failed(float(t), "boom")
    b.available(13.0)
    b.attempt(13.0)
    assert not b.available(17.9)
    assert not b.available(18.0)
    assert b.state is BreakerState.OPEN
    assert b.open_for == 20, "a failed trial doubles the wait"
    assert "no answer within 5s" in b.reason
    assert b.available(38.0)


def test_the_watchdog_tripping_a_half_open_circuit_fails_its_trial() -> None:
    b = breaker()
    b.trip(0.0, "no progress (watchdog)")
    assert b.open_for == 10
    assert b.available(10.0)
    b.attempt(10.0)
    b.trip(12.0, "no progress (watchdog)")
    assert b.state is BreakerState.OPEN
    assert b.open_for == 20 and b.reason.startswith("trial failed")
    assert not b.available(31.9)
    assert b.available(32.0)
    b.attempt(32.0)
    b.trip(33.0, "no progress (watchdog)")
    assert b.open_for == 30  # capped


def test_trip_opens_at_once() -> None:
    b = breaker()
    b.trip(5.0, "no progress for 30s (watchdog)")
    assert b.state is BreakerState.OPEN
    assert not b.available(6.0)
    assert b.reason.startswith("no progress")


def test_disabled_breaker_never_opens() -> None:
    b = breaker(enabled=False)
    for t in range(10):
        assert not b.failed(float(t), "boom")
    assert b.available(10.0)
