"""Early stopping: checks at fixed item counts over a prefix of the dataset, decisions that do
not depend on the order answers arrived in, the rule's validation, and the report of a run
that stopped."""

from __future__ import annotations

import json
import random

import pytest

from bastion.evaluation.codec import spec_json, spec_of
from bastion.evaluation.model import (
    Answer,
    EarlyStopRule,
    EvalItem,
    ItemResult,
    RunSpec,
)
from bastion.evaluation.report import build_report, render_text, report_dict
from bastion.evaluation.stats import early_stop, paired_difference
from bastion.evaluation.stopping import StopChecker, StopRecord, validate_rule

BASE, CAND = "base", "cand"
N = 400
ITEMS = [EvalItem(f"i{n:03}", "openai", {"messages": []}) for n in range(N)]
EXPECTED = {item.id: frozenset({BASE, CAND}) for item in ITEMS}


def spec(rule: EarlyStopRule, *targets: str) -> RunSpec:
    return RunSpec("eval_s", "d", "0" * 64, targets or (BASE, CAND), BASE, seed=5, early_stop=rule)


def result(n: int, target: str, passed: bool) -> ItemResult:
    return ItemResult(f"i{n:03}", target, Answer(target, 200, text="x"), passed=passed)


def answers(candidate_fails_every: int) -> list[ItemResult]:
    """The baseline passes everything; the candidate fails every ``candidate_fails_every``th
    item (0: never)."""
    out = []
    for n in range(N):
        out.append(result(n, BASE, True))
        fails = candidate_fails_every and n % candidate_fails_every == 0
        out.append(result(n, CAND, not fails))
    return out


def first_stop(results: list[ItemResult], rule: EarlyStopRule) -> int | None:
    """The first check point at which the statistics say stop, computed directly."""
    for count in range(rule.check_every, N, rule.check_every):
        prefix = [r for r in results if int(r.item_id[1:]) < count]
        difference = paired_difference(prefix, CAND, BASE, seed=5)
        decision = early_stop(
            difference, max_width=rule.max_width, margin=rule.margin, min_items=rule.min_items
        )
        if decision.stop:
            return count
    return None


def test_an_identical_candidate_stops_at_the_first_check_with_enough_items() -> None:
    rule = EarlyStopRule(max_width=0.1, check_every=25, min_items=30)
    checker = StopChecker(spec(rule), rule, ITEMS, EXPECTED)
    stop = None
    for r in answers(0):
        stop = checker.add(r) or stop
    assert stop is not None
    # 25 paired items are fewer than 30: the check at 25 goes on, the one at 50 stops.
    assert stop.at_items == 50
    assert checker.checks == 2
    assert stop.paired == {CAND: 50}
    assert "width 0.0000 is within 0.1" in stop.reasons[CAND]


def test_the_run_stops_at_the_check_point_the_statistics_imply() -> None:
    """A candidate failing one item in six: the interval narrows as items come in, and the
    run stops at the first check point whose interval is narrow enough, not between them."""
    rule = EarlyStopRule(max_width=0.1, check_every=25)
    results = answers(6)
    expected = first_stop(results, rule)
    assert expected is not None
    assert 100 < expected < N
    checker = StopChecker(spec(rule), rule, ITEMS, EXPECTED)
    stop = next(s for r in results if (s := checker.add(r)) is not None)
    assert stop.at_items == expected
    assert checker.checks == expected // 25
    # Results after the stop change nothing.
    assert checker.add(result(N - 1, CAND, False)) is stop


def test_a_decision_does_not_depend_on_the_order_answers_arrived_in() -> None:
    rule = EarlyStopRule(max_width=0.1, check_every=25)
    results = answers(6)
    in_order = StopChecker(spec(rule), rule, ITEMS, EXPECTED)
    first = next(s for r in results if (s := in_order.add(r)) is not None)
    for seed in range(3):
        # Answers arrive out of order (as with concurrency), here within windows of 40 items.
        shuffled: list[ItemResult] = []
        for start in range(0, len(results), 80):
            window = results[start : start + 80]
            random.Random(seed).shuffle(window)
            shuffled += window
        checker = StopChecker(spec(rule), rule, ITEMS, EXPECTED)
        stop = next(s for r in shuffled if (s := checker.add(r)) is not None)
        assert stop == first
    # A resumed run fed its stored answers at once takes the same decision.
    resumed = StopChecker(spec(rule), rule, ITEMS, EXPECTED)
    assert resumed.add_all(results) == first


def test_checks_wait_for_the_prefix_and_every_candidate() -> None:
    rule = EarlyStopRule(max_width=0.5, check_every=10, min_items=5)
    other = "other"
    checker = StopChecker(spec(rule, BASE, CAND, other), rule, ITEMS, {
        item.id: frozenset({BASE, CAND, other}) for item in ITEMS
    })  # fmt: skip
    # Items 1-30 answered in full, item 0 missing one answer: no check point is reached.
    for n in range(1, 31):
        for target in (BASE, CAND, other):
            assert checker.add(result(n, target, True)) is None
    assert checker.add(result(0, BASE, True)) is None
    assert checker.add(result(0, CAND, True)) is None
    assert (checker.complete, checker.checks) == (0, 0)
    # The last answer of item 0 completes 31 items: the checks at 10, 20 and 30 are taken in
    # turn; the first with enough paired items for both candidates stops.
    stop = checker.add(result(0, other, True))
    assert stop is not None
    assert stop.at_items == 10
    assert set(stop.reasons) == {CAND, other}


def test_one_undecided_candidate_keeps_the_run_going() -> None:
    rule = EarlyStopRule(max_width=0.05, check_every=50)
    other = "other"
    checker = StopChecker(spec(rule, BASE, CAND, other), rule, ITEMS, {
        item.id: frozenset({BASE, CAND, other}) for item in ITEMS
    })  # fmt: skip
    rng = random.Random(1)
    for n in range(N):
        checker.add(result(n, BASE, True))
        checker.add(result(n, CAND, True))  # identical: decided at once
        checker.add(result(n, other, rng.random() < 0.5))  # a coin: never narrow enough
    assert checker.stopped is None
    assert checker.checks == N // 50 - 1  # no check at the dataset's end


def test_items_sent_to_fewer_targets_count_when_those_answered() -> None:
    rule = EarlyStopRule(max_width=0.5, check_every=10, min_items=5)
    expected = dict(EXPECTED)
    expected["i000"] = frozenset({BASE})  # sensitive: the candidate is external
    checker = StopChecker(spec(rule), rule, ITEMS, expected)
    checker.add(result(0, BASE, True))
    assert checker.complete == 1


def test_items_far_past_the_next_check_wait_for_it() -> None:
    rule = EarlyStopRule(max_width=0.1, check_every=25, min_items=30)
    checker = StopChecker(spec(rule), rule, ITEMS, EXPECTED, lookahead=4)
    assert checker.may_start("i028")
    assert not checker.may_start("i029")  # 25 + 4: waits for the check after 25 items
    for n in range(25):
        checker.add(result(n, BASE, True))
        checker.add(result(n, CAND, True))
    assert checker.checks == 1  # 25 paired items: not enough, the run goes on
    assert checker.may_start("i053")
    assert not checker.may_start("i054")
    for n in range(25, 50):
        checker.add(result(n, BASE, True))
        checker.add(result(n, CAND, True))
    # Stopped: every item may be taken (the runner holds back those not started).
    assert checker.stopped is not None
    assert checker.may_start("i399")
    # An answer that will not come (the gateway unreachable) lifts the bound.
    abandoned = StopChecker(spec(rule), rule, ITEMS, EXPECTED, lookahead=4)
    abandoned.abandon()
    assert abandoned.may_start("i399")
    # Past the last check point nothing waits.
    short = StopChecker(spec(rule), rule, ITEMS[:20], EXPECTED, lookahead=1)
    assert short.may_start("i019")


def test_the_rule_is_validated() -> None:
    assert validate_rule(EarlyStopRule(max_width=0.1), 1) is None
    assert validate_rule(EarlyStopRule(margin=-0.02), 2) is None
    assert "width (max_width) or a margin" in (validate_rule(EarlyStopRule(), 1) or "")
    assert "between 0 and 2" in (validate_rule(EarlyStopRule(max_width=0), 1) or "")
    assert "between -1 and 1" in (validate_rule(EarlyStopRule(margin=1.5), 1) or "")
    assert "every 1 item" in (validate_rule(EarlyStopRule(max_width=0.1, check_every=0), 1) or "")
    assert "two targets" in (validate_rule(EarlyStopRule(max_width=0.1), 0) or "")


def test_the_rule_is_stored_with_the_spec() -> None:
    rule = EarlyStopRule(max_width=0.1, margin=-0.02, check_every=25, min_items=40)
    stored = spec_of(json.loads(json.dumps(spec_json(spec(rule)))))
    assert stored.early_stop == rule
    # A run stored before early stopping existed has none.
    data = spec_json(spec(rule))
    del data["early_stop"]
    assert spec_of(data).early_stop is None


def test_a_report_of_a_run_that_stopped_says_where_and_why() -> None:
    rule = EarlyStopRule(max_width=0.1, check_every=25)
    run = spec(rule)
    results = answers(0)
    checker = StopChecker(run, rule, ITEMS, EXPECTED)
    stop = next(s for r in results if (s := checker.add(r)) is not None)
    # The requests in flight at the stop finished: 53 items answered.
    answered = [r for r in results if int(r.item_id[1:]) < 53]
    record = StopRecord.from_json(json.loads(json.dumps(stop.to_json())))
    assert record == stop
    report = build_report(run, ITEMS, answered, stopped=record, resamples=200)
    (note,) = report.notes
    assert note.startswith("the run stopped early at the check after 50 items (checks every 25)")
    assert "cand: the interval's width 0.0000 is within 0.1" in note
    assert "53 of 400 items were answered (106 of 800 answers" in note
    assert f"Note: {note}" in render_text(report)
    data = report_dict(report)
    assert data["stopped_early"]["at_items"] == 50
    assert data["stopped_early"]["reasons"][CAND] == stop.reasons[CAND]
    assert report_dict(build_report(run, ITEMS, results, resamples=200))["stopped_early"] is None


@pytest.mark.parametrize("stored", [None, {}, {"at_items": "x"}, []])
def test_no_stop_record(stored: object) -> None:
    assert StopRecord.from_json(stored) is None
