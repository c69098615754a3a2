from bastion.config.schema import CircuitBreakerConfig
from bastion.routing.breaker import BreakerState, CircuitBreaker


def breaker(**settings: object) -> CircuitBreaker:
    return CircuitBreaker(
        CircuitBreakerConfig.model_validate(
            {"failure_threshold": 3, "open_seconds": 10, "max_open_seconds": 30, **settings}
        )
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


def test_a_trial_that_never_reports_back_expires() -> None:
    b = breaker()
    for t in range(3):
        b.failed(float(t), "boom")
    assert b.available(13.0)
    b.attempt(13.0)
    assert not b.available(20.0)
    assert b.available(23.5)


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
