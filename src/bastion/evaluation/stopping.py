"""Early stopping of a run: the checks at fixed item counts, and the record of a stop.

A run with an ``EarlyStopRule`` is checked each time the first ``k * check_every`` items of
the dataset (in its order) all have their answers — never after every result: stopping at the
first favourable of many looks makes a nominal 95% interval less than 95% sure
(``stats.early_stop``). A check computes each candidate's paired pass-rate difference against
the baseline over exactly those items, with the run's seed, and asks ``stats.early_stop``;
when every candidate's decision says stop, the run stops taking new items.

Each check depends only on the answers to a fixed prefix of the dataset, never on the order
they arrived in or on the answers beyond it, so a resumed run takes the same decisions at the
same check points as an uninterrupted one: a run that stopped stays stopped.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from bastion.evaluation.model import EarlyStopRule, EvalItem, ItemResult, RunSpec
from bastion.evaluation.stats import early_stop, paired_difference


@dataclass(frozen=True, slots=True)
class StopRecord:
    """Why a run stopped: the check point (the first ``at_items`` items of the dataset had
    all their answers) and each candidate's decision there, with its paired items and the
    difference's interval."""

    at_items: int
    check_every: int
    reasons: dict[str, str] = field(default_factory=dict)
    paired: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "at_items": self.at_items,
            "check_every": self.check_every,
            "reasons": dict(self.reasons),
            "paired": dict(self.paired),
        }

    @classmethod
    def from_json(cls, data: Any) -> StopRecord | None:
        """The record stored with a run's totals; None when there is none."""
        if not isinstance(data, dict) or not isinstance(data.get("at_items"), int):
            return None
        return cls(
            at_items=data["at_items"],
            check_every=int(data.get("check_every") or 0),
            reasons={str(k): str(v) for k, v in (data.get("reasons") or {}).items()},
            paired={str(k): int(v) for k, v in (data.get("paired") or {}).items()},
        )

    def sentence(self) -> str:
        """'at the check after 100 items (every 50), every candidate's decision was to
        stop: support@2: …'"""
        why = "; ".join(f"{name}: {reason}" for name, reason in sorted(self.reasons.items()))
        return (
            f"at the check after {self.at_items} items (checks every {self.check_every}), "
            f"every candidate's decision was to stop — {why}"
        )


def validate_rule(rule: EarlyStopRule, candidates: int) -> str | None:
    """Why ``rule`` cannot be used (a message), or None."""
    if rule.max_width is None and rule.margin is None:
        return "early stopping needs a width (max_width) or a margin"
    if rule.max_width is not None and not 0 < rule.max_width <= 2:
        return "the width to stop at lies between 0 and 2 (a difference of rates spans -1 to 1)"
    if rule.margin is not None and not -1 < rule.margin < 1:
        return "the margin to stop at lies between -1 and 1"
    if rule.check_every < 1:
        return "early stopping checks every 1 item or more"
    if rule.min_items < 1:
        return "early stopping needs at least 1 paired item"
    if candidates < 1:
        return "early stopping compares candidates with the baseline: name two targets or more"
    return None


class StopChecker:
    """Follows a run's answers and takes the stop decisions at its check points.

    ``expected`` maps each item to the targets it is sent to (items with sensitive data go to
    local targets only); an item counts once every one of them has answered. ``add`` is
    called with each result as it is stored (results of a resumed run's earlier part first)
    and returns the record of the stop once a check point decides it.

    ``may_start`` holds back items more than ``lookahead`` past the next check point until
    that check is taken: the items before a check point finish in any order, and without a
    bound a slow answer among them would let the run send on while the check waits for it.
    So a run that stops has started at most ``lookahead`` items past its check point."""

    def __init__(
        self,
        spec: RunSpec,
        rule: EarlyStopRule,
        items: Sequence[EvalItem],
        expected: Mapping[str, frozenset[str]],
        *,
        lookahead: int = 8,
    ) -> None:
        self._spec = spec
        self._rule = rule
        self._items = list(items)
        self._position = {item.id: n for n, item in enumerate(self._items)}
        self._expected = expected
        self._lookahead = max(1, lookahead)
        self._abandoned = False
        self._candidates = [t for t in spec.targets if t != spec.baseline]
        self._answered: dict[str, dict[str, ItemResult]] = {}
        self._complete = 0  # the first items of the dataset that have every answer
        self._next_check = rule.check_every
        self.stopped: StopRecord | None = None
        self.checks = 0  # check points evaluated

    def add_all(self, results: Iterable[ItemResult]) -> StopRecord | None:
        for result in results:
            self._answered.setdefault(result.item_id, {})[result.target] = result
        return self._advance()

    def add(self, result: ItemResult) -> StopRecord | None:
        self._answered.setdefault(result.item_id, {})[result.target] = result
        return self._advance()

    def may_start(self, item_id: str) -> bool:
        """Whether the item may be sent now: the run has stopped (the caller holds it back
        unless it was started), or it lies within ``lookahead`` items of the next check."""
        if self.stopped is not None or self._abandoned:
            return True
        if self._next_check >= len(self._items):
            return True  # no check point left
        return self._position.get(item_id, 0) < self._next_check + self._lookahead

    def abandon(self) -> None:
        """Some answer will not come in this run (its request never reached the gateway): the
        checked items cannot all be answered, so no check is taken and nothing held back."""
        self._abandoned = True

    @property
    def complete(self) -> int:
        """How many of the dataset's first items have every answer."""
        return self._complete

    def _done(self, item: EvalItem) -> bool:
        return self._expected.get(item.id, frozenset()) <= self._answered.get(item.id, {}).keys()

    def _advance(self) -> StopRecord | None:
        while self.stopped is None and self._complete < len(self._items):
            if not self._done(self._items[self._complete]):
                break
            self._complete += 1
            # A check point at the dataset's end decides nothing: nothing is left to send.
            if self._complete == self._next_check and self._complete < len(self._items):
                self._next_check += self._rule.check_every
                self.stopped = self._check(self._complete)
        return self.stopped

    def _check(self, count: int) -> StopRecord | None:
        self.checks += 1
        prefix = [
            result
            for item in self._items[:count]
            for result in self._answered.get(item.id, {}).values()
        ]
        reasons: dict[str, str] = {}
        paired: dict[str, int] = {}
        for candidate in self._candidates:
            difference = paired_difference(
                prefix, candidate, self._spec.baseline, seed=self._spec.seed
            )
            decision = early_stop(
                difference,
                max_width=self._rule.max_width,
                margin=self._rule.margin,
                min_items=self._rule.min_items,
            )
            if not decision.stop:
                return None
            interval = difference.interval
            assert interval is not None  # a decision to stop has paired items
            reasons[candidate] = (
                f"{decision.reason} (difference {_points(difference.difference)} points, "
                f"{difference.confidence * 100:g}% CI [{_points(interval.low)}, "
                f"{_points(interval.high)}], "
                f"{difference.items} paired items)"
            )
            paired[candidate] = difference.items
        if not reasons:
            return None
        return StopRecord(count, self._rule.check_every, reasons, paired)


def _points(value: float | None) -> str:
    return "n/a" if value is None else f"{value * 100:+.1f}"
