from bastion.guardrails.findings import Finding
from bastion.guardrails.memo import ScanMemo
from bastion.telemetry.logs import LogThrottle

CARD = Finding("credit_card", "pii", 3, 19)


def test_a_memo_returns_copies_and_forgets_the_least_recently_used() -> None:
    memo = ScanMemo(max_entries=2, max_chars=1000)
    memo.put("a", [CARD])
    memo.put("b", [])
    found = memo.get("a")
    assert found == [CARD]
    assert found is not None
    found.clear()  # a caller changing its list changes nothing kept
    assert memo.get("a") == [CARD]
    memo.put("c", [])  # "b" was used least recently
    assert memo.get("b") is None
    assert memo.get("a") == [CARD] and memo.get("c") == []


def test_a_memo_holds_a_bounded_number_of_characters() -> None:
    memo = ScanMemo(max_entries=100, max_chars=1000)
    memo.put("x" * 300, [])  # over a quarter of the budget: never kept
    assert len(memo) == 0
    for letter in "abcd":
        memo.put(letter * 200, [])
    memo.put("e" * 200, [])
    memo.put("f" * 200, [])
    assert len(memo) == 5 and memo.get("a" * 200) is None


def test_a_throttle_lets_one_line_through_per_interval_and_counts_the_rest() -> None:
    throttle = LogThrottle(interval=1.0)
    assert throttle.allow(10.0) == 0
    assert throttle.allow(10.2) is None
    assert throttle.allow(10.9) is None
    assert throttle.allow(11.0) == 2
    assert throttle.allow(12.5) == 0
