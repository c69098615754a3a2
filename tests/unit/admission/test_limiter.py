from bastion.admission.limiter import CurrentUse, Grant, Limits, MemoryLimiter, Refusal
from bastion.admission.window import SlidingLog, SlidingWindow
from bastion.pipeline.stages.admit import duration


def test_a_window_admits_exactly_the_limit_in_any_minute() -> None:
    window = SlidingWindow()
    admitted = []
    for tenth in range(0, 1800):  # 3 minutes, ten attempts a second against 600/minute
        now = 1000 + tenth / 10
        if window.wait_for(now, 1, 600) == 0:
            window.add(now, 1)
            admitted.append(now)
    for start in (1000, 1060, 1120):
        in_minute = [t for t in admitted if start <= t < start + 60]
        assert len(in_minute) == 600, (start, len(in_minute))
    for index in range(len(admitted) - 600):
        assert admitted[index + 600] - admitted[index] >= 59.9  # no 60 s span holds 601


def test_the_request_log_is_exact_to_the_instant() -> None:
    log = SlidingLog()
    admitted = []
    for hundredth in range(0, 12000):  # 2 minutes, a hundred attempts a second, 600/minute
        now = 1000.5 + hundredth / 100
        if log.wait_for(now, 600) == 0:
            log.add(now)
            admitted.append(now)
    for index in range(len(admitted) - 600):
        assert admitted[index + 600] - admitted[index] >= 60 - 1e-9
    assert log.empty_in(admitted[-1]) == 60


def test_wait_for_names_when_room_frees() -> None:
    window = SlidingWindow()
    window.add(100.2, 5)
    window.add(130.7, 5)
    assert window.wait_for(131.0, 1, 10) == 100 + 60 - 131.0  # the t=100 slot leaves at 160
    assert window.wait_for(131.0, 6, 10) == 130 + 60 - 131.0
    assert window.wait_for(131.0, 11, 10) == 60.0  # never fits


def test_adjust_corrects_an_estimate_in_its_own_slot() -> None:
    window = SlidingWindow()
    window.add(10.5, 100)
    window.adjust(10.5, 20.0, -70)
    assert window.used(20.0) == 30
    window.adjust(10.5, 75.0, +500)  # already out of the window: ignored
    assert window.used(75.0) == 0


def test_reservations_are_all_or_nothing() -> None:
    limiter = MemoryLimiter()
    tenant = Limits(requests_per_minute=10)
    key = Limits(requests_per_minute=1)
    first = limiter.admit_at([("tenant a", tenant), ("key k1", key)], 10, 0.0)
    assert isinstance(first, Grant)
    refused = limiter.admit_at([("tenant a", tenant), ("key k1", key)], 10, 1.0)
    assert isinstance(refused, Refusal)
    assert (refused.scope, refused.what, refused.limit) == ("key k1", "requests per minute", 1)
    assert refused.retry_after == 59.0
    # The refused request took nothing from the tenant: nine more fit through other keys.
    other = Limits(requests_per_minute=100)
    grants = [
        limiter.admit_at([("tenant a", tenant), (f"key k{i}", other)], 10, 2.0)
        for i in range(2, 12)
    ]
    assert sum(isinstance(g, Grant) for g in grants) == 9


def test_concurrency_slots_are_held_until_settled() -> None:
    limiter = MemoryLimiter()
    limits = Limits(concurrent_requests=1)
    results = [limiter.admit_at([("tenant a", limits)], 1, 0.0) for _ in range(50)]
    grants = [r for r in results if isinstance(r, Grant)]
    assert len(grants) == 1
    limiter.settle_at(grants[0], 1, 0.5)
    limiter.settle_at(grants[0], 1, 0.5)  # settling twice gives back one slot only
    assert isinstance(limiter.admit_at([("tenant a", limits)], 1, 1.0), Grant)
    assert isinstance(limiter.admit_at([("tenant a", limits)], 1, 1.0), Refusal)


def test_token_estimates_are_settled_with_actual_usage() -> None:
    limiter = MemoryLimiter()
    limits = Limits(tokens_per_minute=1000)
    grant = limiter.admit_at([("tenant a", limits)], 900, 0.0)
    assert isinstance(grant, Grant)
    assert grant.token_budget is not None and grant.token_budget.remaining == 100
    assert isinstance(limiter.admit_at([("tenant a", limits)], 200, 0.1), Refusal)
    limiter.settle_at(grant, 150, 0.2)  # the answer was short
    assert isinstance(limiter.admit_at([("tenant a", limits)], 800, 0.3), Grant)


def test_reset_durations_in_openai_format() -> None:
    assert duration(0.02) == "20ms"
    assert duration(1.5) == "1.5s"
    assert duration(360) == "6m0s"


def test_daily_budget_refuses_until_the_day_ends_and_settles() -> None:
    from datetime import UTC, datetime

    from bastion.admission.periods import current_periods

    limiter = MemoryLimiter()
    limits = Limits(tokens_per_day=1000, tokens_per_month=1500)
    today = current_periods(datetime(2026, 12, 31, 18, 0, tzinfo=UTC))
    assert [p.id for p in today] == ["2026-12-31", "2026-12"]
    assert today[0].seconds_left == 6 * 3600 and today[1].seconds_left == 6 * 3600
    grant = limiter.admit_at([("tenant a", limits)], 900, 0.0, today)
    assert isinstance(grant, Grant)
    refused = limiter.admit_at([("tenant a", limits)], 200, 1.0, today)
    assert isinstance(refused, Refusal)
    assert (refused.what, refused.retry_after) == ("tokens per day", 6 * 3600)
    limiter.settle_at(grant, 300, 2.0)  # used 300 of the 900 reserved
    assert isinstance(limiter.admit_at([("tenant a", limits)], 700, 3.0, today), Grant)
    tomorrow = current_periods(datetime(2027, 1, 1, 0, 0, 1, tzinfo=UTC))
    assert isinstance(limiter.admit_at([("tenant a", limits)], 1000, 4.0, tomorrow), Grant)


def test_monthly_budget_spans_days() -> None:
    from datetime import UTC, datetime

    from bastion.admission.periods import current_periods

    limiter = MemoryLimiter()
    limits = Limits(tokens_per_day=1000, tokens_per_month=1500)
    first = current_periods(datetime(2026, 11, 3, 12, 0, tzinfo=UTC))
    second = current_periods(datetime(2026, 11, 4, 12, 0, tzinfo=UTC))
    assert isinstance(limiter.admit_at([("tenant a", limits)], 900, 0.0, first), Grant)
    refused = limiter.admit_at([("tenant a", limits)], 700, 1.0, second)
    assert isinstance(refused, Refusal)
    assert refused.what == "tokens per month"
    assert refused.retry_after == second[1].seconds_left  # until 1 December
    assert isinstance(limiter.admit_at([("tenant a", limits)], 600, 2.0, second), Grant)


def test_money_budgets_reserve_the_estimate_and_settle_the_real_cost() -> None:
    limiter = MemoryLimiter()
    budget = [("tenant acme", Limits(usd_micros_per_day=1_000_000))]
    first = limiter.admit_at(budget, 100, 0.0, cost=600_000)
    assert isinstance(first, Grant)
    refused = limiter.admit_at(budget, 100, 1.0, cost=600_000)
    assert isinstance(refused, Refusal)
    assert (refused.what, refused.limit) == ("usd per day", 1_000_000)
    limiter.settle_at(first, 100, 2.0, actual_cost=150_000)
    assert isinstance(limiter.admit_at(budget, 100, 3.0, cost=600_000), Grant)
    # Token budgets and money budgets are counted apart.
    tokens = [("tenant acme", Limits(tokens_per_day=150, usd_micros_per_day=10_000_000))]
    assert isinstance(limiter.admit_at(tokens, 100, 4.0, cost=1), Grant)
    refused = limiter.admit_at(tokens, 100, 5.0, cost=1)
    assert isinstance(refused, Refusal)
    assert refused.what == "tokens per day"


async def test_current_use_reads_what_each_window_counts() -> None:
    limiter = MemoryLimiter()
    limits = Limits(
        requests_per_minute=100,
        tokens_per_minute=10_000,
        concurrent_requests=5,
        tokens_per_day=1_000_000,
        tokens_per_month=10_000_000,
        usd_micros_per_day=10**9,
        usd_micros_per_month=10**9,
    )
    grants = [await limiter.admit([("tenant acme", limits)], 300, 2_000) for _ in range(3)]
    assert all(isinstance(grant, Grant) for grant in grants)
    first = grants[0]
    assert isinstance(first, Grant)
    await limiter.settle(first, 100, 500)  # 200 tokens and 1,500 micro-dollars fewer
    assert await limiter.current_use("tenant acme") == CurrentUse(
        requests_this_minute=3,
        tokens_this_minute=700,
        concurrent_requests=2,
        tokens_today=700,
        tokens_this_month=700,
        usd_micros_today=4_500,
        usd_micros_this_month=4_500,
    )
    # Reading changes nothing, and a scope never admitted counts nothing.
    assert (await limiter.current_use("tenant acme")).requests_this_minute == 3
    assert await limiter.current_use("tenant nobody") == CurrentUse()


def test_scopes_that_count_nothing_any_more_are_forgotten() -> None:
    """Tenants and keys that stopped coming (deleted, revoked) cost no memory, and forgetting
    loses nothing: a scope with a request in flight, one in the last minute or a budget used in
    the current period is kept."""
    from datetime import UTC, datetime

    from bastion.admission.periods import current_periods

    periods = current_periods(datetime(2026, 12, 7, 12, 0, tzinfo=UTC))
    limiter = MemoryLimiter(clock=lambda: 0.0)
    rpm = Limits(requests_per_minute=100)
    for i in range(200):
        assert isinstance(limiter.admit_at([(f"key gone{i}", rpm)], 10, 1.0, periods), Grant)
    held = limiter.admit_at([("key streaming", Limits(concurrent_requests=5))], 10, 1.0, periods)
    assert isinstance(held, Grant)
    budget = Limits(tokens_per_month=1_000_000)
    assert isinstance(limiter.admit_at([("tenant billed", budget)], 500, 1.0, periods), Grant)
    for second in range(70, 90):  # later admissions look at the scopes a few at a time
        limiter.admit_at([("key busy", rpm)], 1, float(second), periods)
    assert set(limiter._scopes) == {"key streaming", "tenant billed", "key busy"}
    assert limiter.current_use_at("tenant billed", 90.0, periods).tokens_this_month == 500
    limiter.settle_at(held, 10, 95.0)
