from bastion.routing.retry_budget import RetryBudget


def test_retries_are_capped_by_ratio_plus_floor() -> None:
    budget = RetryBudget(ratio=0.2, min_per_second=0.1)  # floor: 1 retry per 10 s window
    for _ in range(100):
        budget.request(1000.0)
    granted = sum(budget.try_retry(1000.5) for _ in range(100))
    assert granted == 21  # 0.2 * 100 + 1


def test_the_window_slides() -> None:
    budget = RetryBudget(ratio=0.0, min_per_second=0.1)
    assert budget.try_retry(0.0)
    assert not budget.try_retry(5.0)
    assert budget.try_retry(10.5), "the first retry left the 10 s window"


def test_no_requests_only_the_floor() -> None:
    budget = RetryBudget(ratio=0.5, min_per_second=0.0)
    assert not budget.try_retry(1.0)
