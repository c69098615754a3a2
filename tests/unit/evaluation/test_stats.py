"""The statistics of an evaluation run against values computed by hand."""

from __future__ import annotations

import random
from decimal import Decimal

import numpy as np
import pytest

from bastion.evaluation.model import Answer, CheckOutcome, EvalItem, ItemResult, Verdict
from bastion.evaluation.stats import (
    Interval,
    bootstrap_interval,
    cost_ratio,
    cost_summary,
    distribution,
    early_stop,
    latency,
    mcnemar_exact_p,
    paired_difference,
    percentile,
    slice_breakdown,
    target_summary,
    wilson_interval,
    win_tie_loss,
    worst_regressions,
    z_value,
)


def result(
    item: str,
    target: str,
    passed: bool | None,
    *,
    error: str | None = None,
    format_violation: bool = False,
    refusal: bool = False,
    latency_s: float | None = None,
    cost: str | None = None,
) -> ItemResult:
    checks = () if passed is None else (CheckOutcome("exact", passed, "" if passed else "want 4"),)
    return ItemResult(
        item_id=item,
        target=target,
        answer=Answer(
            target=target,
            status=500 if error else 200,
            text=None if error else "answer",
            error=error,
            latency=latency_s,
            cost_usd=None if cost is None else Decimal(cost),
        ),
        checks=checks,
        passed=passed,
        format_violation=format_violation,
        refusal=refusal,
    )


def verdict(item: str, winner: str, orders: tuple[str, str] = ("A", "B")) -> Verdict:
    return Verdict(
        item_id=item,
        candidate="cand",
        baseline="base",
        winner=winner,  # type: ignore[arg-type]
        orders=orders,
        judge_model="judge",
        judge_prompt_sha256="f" * 64,
    )


def paired(outcomes: list[tuple[bool, bool]]) -> list[ItemResult]:
    """(candidate passed, baseline passed) per item."""
    out = []
    for n, (cand, base) in enumerate(outcomes):
        out += [result(f"i{n:03}", "cand", cand), result(f"i{n:03}", "base", base)]
    return out


# --- Wilson ------------------------------------------------------------------------------------


def test_z_value_of_95_percent() -> None:
    assert z_value(0.95) == pytest.approx(1.959964, abs=1e-6)


@pytest.mark.parametrize(
    ("successes", "total", "low", "high"),
    [
        # p = 0.8, z² / n = 0.38415: centre (0.8 + 0.19207) / 1.38415 = 0.71674,
        # half 1.95996 / 1.38415 x √(0.016 + 0.0096037) = 0.22658.
        (8, 10, 0.4902, 0.9433),
        # No success: the upper bound is z² / (n + z²) = 3.8415 / 13.8415.
        (0, 10, 0.0, 0.2775),
        (10, 10, 0.7225, 1.0),
        (50, 100, 0.4038, 0.5962),
        (1, 2, 0.0945, 0.9055),
    ],
)
def test_wilson_bounds_of_known_counts(successes: int, total: int, low: float, high: float) -> None:
    interval = wilson_interval(successes, total)
    assert interval.low == pytest.approx(low, abs=1e-4)
    assert interval.high == pytest.approx(high, abs=1e-4)


def test_wilson_rejects_what_is_not_a_proportion() -> None:
    with pytest.raises(ValueError, match="nothing"):
        wilson_interval(0, 0)
    with pytest.raises(ValueError, match="between"):
        wilson_interval(3, 2)


def test_target_summary_counts_pass_rate_over_checked_items_and_the_rest_over_all() -> None:
    results = [
        result("a", "t", True),
        result("b", "t", False, format_violation=True),
        result("c", "t", None, refusal=True),
        result("d", "t", False, error="HTTP 503"),
        result("a", "other", True),
    ]
    summary = target_summary(results, "t")

    assert summary.items == 4
    assert (summary.pass_rate.successes, summary.pass_rate.total) == (1, 3)
    assert summary.pass_rate.interval == wilson_interval(1, 3)
    assert (summary.errors.successes, summary.errors.total) == (1, 4)
    assert summary.format_violations.rate == 0.25
    assert summary.refusals.rate == 0.25


# --- paired difference -------------------------------------------------------------------------


def test_paired_difference_counts_and_mcnemar() -> None:
    # 10 items: both pass 3, only the candidate 4, only the baseline 1, both fail 2.
    outcomes = [(True, True)] * 3 + [(True, False)] * 4 + [(False, True)] + [(False, False)] * 2
    diff = paired_difference(paired(outcomes), "cand", "base")

    assert (
        diff.items,
        diff.both_pass,
        diff.candidate_only,
        diff.baseline_only,
        diff.both_fail,
    ) == (
        10,
        3,
        4,
        1,
        2,
    )
    assert diff.candidate_rate == 0.7
    assert diff.baseline_rate == 0.4
    assert diff.difference == pytest.approx(0.3)
    # Exact McNemar: 2 x P(X ≤ 1), X ~ Bin(5, ½) = 2 x (1 + 5) / 32 = 0.375.
    assert diff.mcnemar_p == pytest.approx(0.375)
    assert diff.interval is not None
    assert diff.interval.low <= 0.3 <= diff.interval.high


def test_mcnemar_exact_values() -> None:
    assert mcnemar_exact_p(0, 0) == 1.0
    assert mcnemar_exact_p(3, 3) == 1.0
    # 10 against 0: 2 x ½¹⁰.
    assert mcnemar_exact_p(10, 0) == pytest.approx(2 / 1024)
    assert mcnemar_exact_p(0, 10) == pytest.approx(2 / 1024)


def test_items_missing_an_answer_or_checks_are_left_out_of_the_pairing() -> None:
    results = [
        *paired([(True, False), (True, True)]),
        result("only-cand", "cand", True),
        result("unchecked", "cand", None),
        result("unchecked", "base", True),
    ]
    diff = paired_difference(results, "cand", "base")
    assert diff.items == 2
    assert diff.difference == 0.5


def test_no_paired_item_has_no_interval() -> None:
    diff = paired_difference([result("a", "cand", True)], "cand", "base")
    assert (diff.items, diff.interval, diff.difference) == (0, None, None)


def test_bootstrap_interval_covers_the_true_difference() -> None:
    # Candidate right 80% of the time, baseline 70%, independently: true difference +0.10.
    rng = random.Random(7)
    outcomes = [(rng.random() < 0.8, rng.random() < 0.7) for _ in range(600)]
    diff = paired_difference(paired(outcomes), "cand", "base", seed=3)
    assert diff.interval is not None
    assert diff.interval.low <= 0.10 <= diff.interval.high
    # About ±1.96 x √((0.24 + 0.14) / 600) ≈ ±0.049 wide around the estimate.
    assert 0.07 < diff.interval.width < 0.13


def test_bootstrap_intervals_cover_the_truth_about_95_percent_of_the_time() -> None:
    rng = random.Random(11)
    covered = 0
    trials = 200
    for trial in range(trials):
        outcomes = [(rng.random() < 0.6, rng.random() < 0.5) for _ in range(200)]
        diff = paired_difference(paired(outcomes), "cand", "base", resamples=1000, seed=trial)
        assert diff.interval is not None
        covered += diff.interval.low <= 0.1 <= diff.interval.high
    assert covered / trials >= 0.9


def test_counting_bootstrap_agrees_with_resampling_items() -> None:
    # The multinomial draw of category counts is the item bootstrap: compare with resampling
    # item indices directly.
    values = np.array([1.0] * 30 + [-1.0] * 10 + [0.0] * 60)
    rng = np.random.default_rng(5)
    drawn = rng.integers(0, len(values), size=(20_000, len(values)))
    naive = np.quantile(values[drawn].mean(axis=1), [0.025, 0.975])
    counting = bootstrap_interval([30, 10, 60], [1.0, -1.0, 0.0], resamples=20_000, seed=5)
    assert counting.low == pytest.approx(naive[0], abs=0.011)
    assert counting.high == pytest.approx(naive[1], abs=0.011)


def test_bootstrap_is_seeded_and_independent_of_the_order_of_results() -> None:
    rng = random.Random(1)
    outcomes = [(rng.random() < 0.7, rng.random() < 0.6) for _ in range(150)]
    results = paired(outcomes)
    first = paired_difference(results, "cand", "base", seed=42)
    shuffled = list(results)
    random.Random(9).shuffle(shuffled)
    again = paired_difference(shuffled, "cand", "base", seed=42)
    other = paired_difference(results, "cand", "base", seed=43)

    assert first == again
    assert first.interval != other.interval


# --- judged outcomes ----------------------------------------------------------------------------


def test_win_tie_loss_counts_shares_and_win_rate() -> None:
    verdicts = [
        verdict("a", "candidate", ("A", "B")),
        verdict("b", "candidate", ("A", "B")),
        verdict("c", "baseline", ("B", "A")),
        verdict("d", "tie", ("A", "A")),  # flipped with the order
        verdict("e", "tie", ("malformed", "A")),
        verdict("f", "tie", ("tie", "tie")),
        verdict("g", "tie", ("error", "error")),
        verdict("h", "baseline", ("skipped", "skipped")),
    ]
    wtl = win_tie_loss(verdicts, "cand", "base")

    assert (wtl.judged, wtl.wins, wtl.ties, wtl.losses) == (8, 2, 4, 2)
    assert wtl.order_flips == 1
    assert wtl.judge_failures == 2
    # (2 + 4 / 2) / 8.
    assert wtl.win_rate == 0.5
    assert wtl.share("ties") == 0.5
    assert wtl.win_rate_interval is not None
    assert wtl.win_rate_interval.low <= 0.5 <= wtl.win_rate_interval.high
    assert wtl.judge_models == ("judge",)


def test_all_ties_have_a_degenerate_interval() -> None:
    wtl = win_tie_loss([verdict(str(n), "tie", ("A", "A")) for n in range(20)], "cand", "base")
    assert wtl.win_share == Interval(0.0, 0.0)
    assert wtl.tie_share == Interval(1.0, 1.0)
    assert wtl.win_rate == 0.5
    assert wtl.order_flips == 20


def test_no_readable_verdict_leaves_the_win_rate_unmeasured() -> None:
    failed = [verdict("a", "tie", ("error", "error")), verdict("b", "tie", ("malformed", "A"))]
    wtl = win_tie_loss(failed, "cand", "base")
    assert (wtl.judged, wtl.ties, wtl.judge_failures) == (2, 2, 2)
    assert (wtl.win_rate, wtl.win_rate_interval) == (None, None)
    # One readable verdict is enough to measure it.
    some = win_tie_loss([*failed, verdict("c", "candidate")], "cand", "base")
    assert some.win_rate == pytest.approx(2 / 3)


def test_nothing_judged() -> None:
    wtl = win_tie_loss([], "cand", "base")
    assert (wtl.judged, wtl.win_rate, wtl.win_share) == (0, None, None)


# --- slices and regressions ----------------------------------------------------------------------


def test_slices_break_down_pass_rates_differences_and_verdicts() -> None:
    items = [
        EvalItem(id="i000", protocol="openai", request={}, slices={"task": "qa", "tenant": "x"}),
        EvalItem(id="i001", protocol="openai", request={}, slices={"task": "qa", "tenant": "y"}),
        EvalItem(id="i002", protocol="openai", request={}, slices={"task": "sum", "tenant": "y"}),
    ]
    results = paired([(True, True), (False, True), (True, False)])
    verdicts = [verdict("i000", "tie"), verdict("i001", "baseline"), verdict("i002", "candidate")]

    rows = slice_breakdown(items, results, verdicts, baseline="base", candidates=["cand"])

    assert [(r.key, r.value, r.items) for r in rows] == [
        ("task", "qa", 2),
        ("task", "sum", 1),
        ("tenant", "x", 1),
        ("tenant", "y", 2),
    ]
    qa = rows[0]
    assert {t: p.rate for t, p in qa.pass_rates} == {"base": 1.0, "cand": 0.5}
    assert qa.differences[0].difference == -0.5
    assert (qa.judged[0].wins, qa.judged[0].ties, qa.judged[0].losses) == (0, 1, 1)
    tenant_y = rows[3]
    assert tenant_y.differences[0].difference == 0.0
    assert (tenant_y.judged[0].wins, tenant_y.judged[0].losses) == (1, 1)


def test_worst_regressions_put_double_failures_first() -> None:
    results = paired([(False, True), (True, True), (False, True), (True, True), (False, False)])
    verdicts = [verdict("i002", "baseline"), verdict("i003", "baseline")]

    found = worst_regressions(results, verdicts, "cand", "base")

    # i002: fails a check the baseline passes and loses the judgement; i000: check only;
    # i003: judged loss only; i004: both fail, not a regression.
    assert [r.item_id for r in found] == ["i002", "i000", "i003"]
    assert found[0].check_regression and found[0].judged_loss
    assert found[1].failed_checks == ("exact: want 4",)
    assert not found[2].check_regression
    assert worst_regressions(results, verdicts, "cand", "base", limit=1)[0].item_id == "i002"


# --- early stopping ------------------------------------------------------------------------------


def test_early_stop_needs_enough_items_then_a_narrow_or_decisive_interval() -> None:
    rng = random.Random(3)
    few = paired_difference(paired([(True, True)] * 10), "cand", "base")
    assert not early_stop(few, max_width=0.5).stop

    equal = paired([(b, b) for b in (rng.random() < 0.7 for _ in range(200))])
    same = paired_difference(equal, "cand", "base")
    # Identical answers: the interval is [0, 0].
    decision = early_stop(same, max_width=0.05)
    assert decision.stop
    assert "width" in decision.reason

    much_better = paired_difference(
        paired([(True, False)] * 40 + [(True, True)] * 60), "cand", "base"
    )
    assert early_stop(much_better, margin=-0.02).stop
    assert "above" in early_stop(much_better, margin=-0.02).reason
    much_worse = paired_difference(
        paired([(False, True)] * 40 + [(True, True)] * 60), "cand", "base"
    )
    assert "below" in early_stop(much_worse, margin=-0.02).reason

    noisy = paired([(rng.random() < 0.5, rng.random() < 0.5) for _ in range(60)])
    assert not early_stop(paired_difference(noisy, "cand", "base"), max_width=0.01).stop


# --- latency and cost ----------------------------------------------------------------------------


def test_percentile_interpolates_like_numpy() -> None:
    values = [0.3, 0.1, 0.9, 0.5, 0.2, 1.4, 0.7]
    for q in (0, 0.25, 0.5, 0.9, 0.95, 0.99, 1):
        assert percentile(values, q) == pytest.approx(float(np.quantile(values, q)))
    # Four values: the median is halfway between the 2nd and 3rd.
    assert percentile([1.0, 2.0, 3.0, 4.0], 0.5) == 2.5


def test_latency_leaves_failed_requests_out() -> None:
    results = [
        result("a", "t", True, latency_s=1.0),
        result("b", "t", True, latency_s=3.0),
        result("c", "t", False, latency_s=2.0),
        result("d", "t", False, error="timeout", latency_s=30.0),
    ]
    lat = latency(results, "t")
    assert lat.e2e.count == 3
    assert lat.e2e.p50 == 2.0
    assert lat.e2e.maximum == 3.0
    assert lat.ttft.count == 0
    assert distribution([None, None]).p50 is None


def test_cost_per_item_and_ratio() -> None:
    results = [
        result("a", "api", True, cost="0.0004"),
        result("b", "api", True, cost="0.0002"),
        result("a", "gpu", True, cost="0.00005"),
        result("b", "gpu", True, cost="0.00007"),
        result("c", "gpu", True),
    ]
    api = cost_summary(results, "api")
    gpu = cost_summary(results, "gpu")
    assert api.per_item == Decimal("0.0003")
    assert gpu.per_item == Decimal("0.00006")
    assert gpu.unpriced == 1
    assert cost_ratio(gpu, api) == Decimal("0.2")
    assert cost_ratio(api, cost_summary([], "none")) is None
