"""The statistics of an evaluation run: pure functions over ItemResults and Verdicts.

- pass rates with Wilson score intervals;
- the paired difference of pass rates between a candidate and the baseline, with a percentile
  bootstrap interval over items and the exact McNemar counts and p-value;
- judged wins, ties and losses with bootstrap intervals;
- the same per slice (whatever ``EvalItem.slices`` holds: task, tenant, length…);
- format-violation, refusal and error rates; latency percentiles; cost per item;
- the worst regressions, and when a run may stop early.

Every bootstrap is seeded and depends only on counts, never on the order results arrived in, so
a resumed run gives the same figures as an uninterrupted one. An item's outcome in a paired
comparison is one of a few categories (both pass, candidate only, baseline only, both fail; win,
tie, loss), and the statistics depend only on how many items fall in each: resampling ``n``
items with replacement is then exactly drawing the category counts from a multinomial
distribution with the observed shares, which is what is done (constant work per resample, so
a large run costs no more than a small one).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from statistics import NormalDist
from typing import Literal

from bastion.evaluation.model import EvalItem, ItemResult, Verdict

CONFIDENCE = 0.95
RESAMPLES = 2000
# Judge labels of one order that are not a verdict: they count as ties, and are counted apart.
JUDGE_FAILURE_LABELS = frozenset({"malformed", "error"})


def z_value(confidence: float = CONFIDENCE) -> float:
    """The two-sided standard normal quantile: 1.959964 for 95%."""
    if not 0 < confidence < 1:
        raise ValueError("confidence must lie between 0 and 1")
    return NormalDist().inv_cdf(1 - (1 - confidence) / 2)


@dataclass(frozen=True, slots=True)
class Interval:
    low: float
    high: float

    @property
    def width(self) -> float:
        return self.high - self.low

    def excludes(self, value: float) -> bool:
        return value < self.low or value > self.high


def wilson_interval(successes: int, total: int, confidence: float = CONFIDENCE) -> Interval:
    """The Wilson score interval of a proportion ``successes / total``.

    ``(p + z²/2n ± z·√(p(1-p)/n + z²/4n²)) / (1 + z²/n)``: unlike p ± z·√(p(1-p)/n) it stays
    inside [0, 1] and is not empty at 0 or n successes (0 of 10: [0, 0.2775]).
    """
    if total <= 0:
        raise ValueError("a proportion of nothing has no interval")
    if not 0 <= successes <= total:
        raise ValueError("successes must lie between 0 and total")
    z = z_value(confidence)
    p = successes / total
    z2n = z * z / total
    centre = (p + z2n / 2) / (1 + z2n)
    half = z / (1 + z2n) * math.sqrt(p * (1 - p) / total + z2n / (4 * total))
    # Clamped against rounding: at 0 or n successes a bound is exactly 0 or 1.
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == total else min(1.0, centre + half)
    return Interval(low, high)


@dataclass(frozen=True, slots=True)
class Proportion:
    """``successes`` of ``total``, with its Wilson interval (None when ``total`` is 0)."""

    successes: int
    total: int
    interval: Interval | None

    @property
    def rate(self) -> float | None:
        return self.successes / self.total if self.total else None


def proportion(successes: int, total: int, confidence: float = CONFIDENCE) -> Proportion:
    interval = wilson_interval(successes, total, confidence) if total else None
    return Proportion(successes, total, interval)


def bootstrap_interval(
    counts: Sequence[int],
    weights: Sequence[float],
    *,
    resamples: int = RESAMPLES,
    seed: int = 0,
    confidence: float = CONFIDENCE,
) -> Interval:
    """Percentile bootstrap interval of ``Σ weight·count / n`` over items in categories.

    ``counts[k]`` items fall in category ``k``, each worth ``weights[k]``; a resample of the
    ``n`` items with replacement has multinomial category counts with the observed shares.
    """
    n = sum(counts)
    if n <= 0:
        raise ValueError("a bootstrap needs at least one item")
    # Imported here: every gateway process loads this module (resumable evaluation runs),
    # and only an evaluation's report needs numpy (about 10 MB resident).
    import numpy as np

    rng = np.random.default_rng(seed)
    shares = np.asarray(counts, dtype=float) / n
    drawn = rng.multinomial(n, shares, size=resamples)
    values = drawn @ np.asarray(weights, dtype=float) / n
    alpha = 1 - confidence
    low, high = np.quantile(values, [alpha / 2, 1 - alpha / 2])
    return Interval(float(low), float(high))


def mcnemar_exact_p(candidate_only: int, baseline_only: int) -> float:
    """Two-sided exact McNemar p-value: the discordant items under a fair coin.

    ``min(1, 2·P(X ≤ min(b, c)))`` with ``X ~ Binomial(b + c, ½)``; 1.0 without discordant
    items.
    """
    discordant = candidate_only + baseline_only
    if discordant == 0:
        return 1.0
    smaller = min(candidate_only, baseline_only)
    tail: int = sum(math.comb(discordant, k) for k in range(smaller + 1))
    return min(1.0, 2 * tail / (1 << discordant))


# --- indexing -----------------------------------------------------------------------------


def index_results(results: Iterable[ItemResult]) -> dict[tuple[str, str], ItemResult]:
    """Results by (item id, target); a later result for the same pair replaces an earlier."""
    return {(r.item_id, r.target): r for r in results}


def results_of(results: Iterable[ItemResult], target: str) -> list[ItemResult]:
    return [r for r in results if r.target == target]


# --- per target -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TargetSummary:
    """One target's outcomes over the items it answered.

    ``pass_rate`` counts items with checks (``passed`` not None); ``errors``, ``format_violations``
    and ``refusals`` count over every item the target was sent."""

    target: str
    items: int
    pass_rate: Proportion
    errors: Proportion
    format_violations: Proportion
    refusals: Proportion


def target_summary(
    results: Iterable[ItemResult], target: str, confidence: float = CONFIDENCE
) -> TargetSummary:
    mine = results_of(results, target)
    checked = [r for r in mine if r.passed is not None]
    total = len(mine)
    return TargetSummary(
        target=target,
        items=total,
        pass_rate=proportion(sum(1 for r in checked if r.passed), len(checked), confidence),
        errors=proportion(sum(1 for r in mine if r.answer.error), total, confidence),
        format_violations=proportion(sum(1 for r in mine if r.format_violation), total, confidence),
        refusals=proportion(sum(1 for r in mine if r.refusal), total, confidence),
    )


# --- candidate against baseline: checks --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PairedDifference:
    """Pass rate of the candidate minus the baseline's over the items both were checked on.

    ``candidate_only`` (b) and ``baseline_only`` (c) are McNemar's discordant counts; the
    difference is ``(b - c) / n``."""

    candidate: str
    baseline: str
    items: int
    both_pass: int
    candidate_only: int
    baseline_only: int
    both_fail: int
    interval: Interval | None
    mcnemar_p: float
    confidence: float
    resamples: int
    seed: int

    @property
    def candidate_rate(self) -> float | None:
        return (self.both_pass + self.candidate_only) / self.items if self.items else None

    @property
    def baseline_rate(self) -> float | None:
        return (self.both_pass + self.baseline_only) / self.items if self.items else None

    @property
    def difference(self) -> float | None:
        if not self.items:
            return None
        return (self.candidate_only - self.baseline_only) / self.items


def paired_difference(
    results: Iterable[ItemResult],
    candidate: str,
    baseline: str,
    *,
    item_ids: Iterable[str] | None = None,
    resamples: int = RESAMPLES,
    seed: int = 0,
    confidence: float = CONFIDENCE,
) -> PairedDifference:
    """The paired difference over items both targets were checked on (restricted to
    ``item_ids`` when given, e.g. a slice)."""
    index = index_results(results)
    wanted = None if item_ids is None else set(item_ids)
    counts = {"both": 0, "cand": 0, "base": 0, "none": 0}
    ids = sorted({i for (i, t) in index if t == candidate})
    for item_id in ids:
        if wanted is not None and item_id not in wanted:
            continue
        cand = index.get((item_id, candidate))
        base = index.get((item_id, baseline))
        if cand is None or base is None or cand.passed is None or base.passed is None:
            continue
        key = (
            ("both" if base.passed else "cand")
            if cand.passed
            else ("base" if base.passed else "none")
        )
        counts[key] += 1
    n = sum(counts.values())
    interval = (
        bootstrap_interval(
            [counts["cand"], counts["base"], counts["both"] + counts["none"]],
            [1.0, -1.0, 0.0],
            resamples=resamples,
            seed=seed,
            confidence=confidence,
        )
        if n
        else None
    )
    return PairedDifference(
        candidate=candidate,
        baseline=baseline,
        items=n,
        both_pass=counts["both"],
        candidate_only=counts["cand"],
        baseline_only=counts["base"],
        both_fail=counts["none"],
        interval=interval,
        mcnemar_p=mcnemar_exact_p(counts["cand"], counts["base"]),
        confidence=confidence,
        resamples=resamples,
        seed=seed,
    )


# --- candidate against baseline: the judge -----------------------------------------------------


def judge_failed(verdict: Verdict) -> bool:
    """The judge gave no usable verdict in some order (malformed answer or failed request)."""
    return any(label in JUDGE_FAILURE_LABELS for label in verdict.orders)


def order_flipped(verdict: Verdict) -> bool:
    """A tie because the two orders named different winners (position bias)."""
    if verdict.winner != "tie" or verdict.mode != "pairwise" or judge_failed(verdict):
        return False
    first, second = verdict.orders
    # Labels are positional: with the candidate first "A" is the candidate, with the baseline
    # first "B" is.
    named = {"A": "candidate", "B": "baseline"}
    swapped = {"A": "baseline", "B": "candidate"}
    return first in named and second in swapped and named[first] != swapped[second]


@dataclass(frozen=True, slots=True)
class WinTieLoss:
    """Judged items of a candidate against the baseline: wins, ties, losses and their shares.

    ``win_rate`` counts a tie as half a win (0.5: as good as the baseline). Ties include the
    verdicts that flipped with the answers' order and those the judge failed to give; with no
    readable verdict at all the win rate is not measured (None), not a made-up 50%."""

    candidate: str
    baseline: str
    judged: int
    wins: int
    ties: int
    losses: int
    order_flips: int
    judge_failures: int
    win_share: Interval | None
    tie_share: Interval | None
    loss_share: Interval | None
    win_rate_interval: Interval | None
    judge_models: tuple[str, ...]
    judge_prompts: tuple[str, ...]

    @property
    def readable(self) -> int:
        """Verdicts not spoilt by an unreadable or failed judge answer."""
        return self.judged - self.judge_failures

    @property
    def win_rate(self) -> float | None:
        if not self.readable:
            return None
        return (self.wins + self.ties / 2) / self.judged

    def share(self, which: Literal["wins", "ties", "losses"]) -> float | None:
        count = {"wins": self.wins, "ties": self.ties, "losses": self.losses}[which]
        return count / self.judged if self.judged else None


def win_tie_loss(
    verdicts: Iterable[Verdict],
    candidate: str,
    baseline: str,
    *,
    item_ids: Iterable[str] | None = None,
    resamples: int = RESAMPLES,
    seed: int = 0,
    confidence: float = CONFIDENCE,
) -> WinTieLoss:
    wanted = None if item_ids is None else set(item_ids)
    mine = {
        v.item_id: v
        for v in verdicts
        if v.candidate == candidate
        and v.baseline == baseline
        and (wanted is None or v.item_id in wanted)
    }
    chosen = [mine[k] for k in sorted(mine)]
    wins = sum(1 for v in chosen if v.winner == "candidate")
    losses = sum(1 for v in chosen if v.winner == "baseline")
    ties = len(chosen) - wins - losses
    n = len(chosen)
    failures = sum(1 for v in chosen if judge_failed(v))

    def interval(weights: list[float]) -> Interval | None:
        if not n:
            return None
        return bootstrap_interval(
            [wins, ties, losses], weights, resamples=resamples, seed=seed, confidence=confidence
        )

    return WinTieLoss(
        candidate=candidate,
        baseline=baseline,
        judged=n,
        wins=wins,
        ties=ties,
        losses=losses,
        order_flips=sum(1 for v in chosen if order_flipped(v)),
        judge_failures=failures,
        win_share=interval([1.0, 0.0, 0.0]),
        tie_share=interval([0.0, 1.0, 0.0]),
        loss_share=interval([0.0, 0.0, 1.0]),
        # Failures alone are ties by default, not a measured rate.
        win_rate_interval=interval([1.0, 0.5, 0.0]) if n > failures else None,
        judge_models=tuple(sorted({v.judge_model for v in chosen})),
        judge_prompts=tuple(sorted({v.judge_prompt_sha256 for v in chosen})),
    )


@dataclass(frozen=True, slots=True)
class RubricScores:
    """Mean rubric scores (1 to 5) of a candidate and the baseline over the items both were
    scored on."""

    candidate: str
    baseline: str
    items: int
    candidate_mean: float | None
    baseline_mean: float | None


def rubric_scores(verdicts: Iterable[Verdict], candidate: str, baseline: str) -> RubricScores:
    pairs = [
        v.scores
        for v in verdicts
        if v.mode == "rubric" and v.candidate == candidate and v.baseline == baseline and v.scores
    ]
    both = [(c, b) for c, b in pairs if c is not None and b is not None]
    n = len(both)
    return RubricScores(
        candidate,
        baseline,
        n,
        sum(c for c, _ in both) / n if n else None,
        sum(b for _, b in both) / n if n else None,
    )


# --- slices --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SliceComparison:
    """One slice value (``task = summarise``): each target's pass rate, and each candidate's
    paired difference and judged outcomes against the baseline."""

    key: str
    value: str
    items: int
    pass_rates: tuple[tuple[str, Proportion], ...]
    differences: tuple[PairedDifference, ...]
    judged: tuple[WinTieLoss, ...]


def slice_values(items: Iterable[EvalItem]) -> dict[tuple[str, str], list[str]]:
    """Item ids by (slice key, value), keys and values sorted."""
    groups: dict[tuple[str, str], list[str]] = {}
    for item in items:
        for key, value in item.slices.items():
            groups.setdefault((key, value), []).append(item.id)
    return dict(sorted(groups.items()))


def slice_breakdown(
    items: Iterable[EvalItem],
    results: Sequence[ItemResult],
    verdicts: Sequence[Verdict],
    *,
    baseline: str,
    candidates: Sequence[str],
    resamples: int = RESAMPLES,
    seed: int = 0,
    confidence: float = CONFIDENCE,
) -> list[SliceComparison]:
    rows = []
    targets = [baseline, *candidates]
    for (key, value), ids in slice_values(items).items():
        members = set(ids)
        inside = [r for r in results if r.item_id in members]
        rows.append(
            SliceComparison(
                key=key,
                value=value,
                items=len(members),
                pass_rates=tuple(
                    (t, target_summary(inside, t, confidence).pass_rate) for t in targets
                ),
                differences=tuple(
                    paired_difference(
                        inside,
                        c,
                        baseline,
                        resamples=resamples,
                        seed=seed,
                        confidence=confidence,
                    )
                    for c in candidates
                ),
                judged=tuple(
                    win_tie_loss(
                        verdicts,
                        c,
                        baseline,
                        item_ids=members,
                        resamples=resamples,
                        seed=seed,
                        confidence=confidence,
                    )
                    for c in candidates
                ),
            )
        )
    return rows


# --- regressions ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Regression:
    """An item the candidate did worse on than the baseline: it failed checks the baseline
    passed, and/or the judge preferred the baseline's answer."""

    item_id: str
    candidate: ItemResult | None
    baseline: ItemResult | None
    verdict: Verdict | None
    check_regression: bool
    judged_loss: bool

    @property
    def failed_checks(self) -> tuple[str, ...]:
        """The candidate's failing checks, with their details."""
        if self.candidate is None:
            return ()
        return tuple(
            f"{c.kind}: {c.detail}" if c.detail else c.kind
            for c in self.candidate.checks
            if not c.passed
        )


def worst_regressions(
    results: Sequence[ItemResult],
    verdicts: Sequence[Verdict],
    candidate: str,
    baseline: str,
    *,
    order: Sequence[str] | None = None,
    limit: int = 10,
) -> list[Regression]:
    """Items the baseline passes and the candidate fails, and judged losses; those that are
    both come first, then check regressions with more failing checks, then judged losses.
    Ties keep ``order`` (the dataset's), else item ids sorted."""
    index = index_results(results)
    judged = {v.item_id: v for v in verdicts if v.candidate == candidate and v.baseline == baseline}
    ids = sorted({i for (i, t) in index if t in (candidate, baseline)} | set(judged))
    position = {item_id: n for n, item_id in enumerate(order or ())}
    found = []
    for item_id in ids:
        cand = index.get((item_id, candidate))
        base = index.get((item_id, baseline))
        verdict = judged.get(item_id)
        check_regression = bool(
            cand is not None and base is not None and base.passed is True and cand.passed is False
        )
        loss = verdict is not None and verdict.winner == "baseline"
        if check_regression or loss:
            found.append(Regression(item_id, cand, base, verdict, check_regression, loss))

    def rank(r: Regression) -> tuple[int, int, int, str]:
        severity = 0 if (r.check_regression and r.judged_loss) else 1 if r.check_regression else 2
        return (
            severity,
            -len(r.failed_checks),
            position.get(r.item_id, len(position)),
            r.item_id,
        )

    return sorted(found, key=rank)[:limit]


# --- early stopping ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StopDecision:
    stop: bool
    reason: str


def early_stop(
    difference: PairedDifference,
    *,
    max_width: float | None = None,
    margin: float | None = None,
    min_items: int = 30,
) -> StopDecision:
    """Whether a run may stop sending items: the difference's interval is narrower than
    ``max_width``, or lies wholly above or below ``margin`` (e.g. -0.02: the candidate is at
    most 2 points worse, or certainly more than that). Never before ``min_items`` paired items.

    Looking repeatedly and stopping at the first favourable look makes a nominal 95% interval
    less than 95% sure; check at fixed item counts, and prefer ``max_width`` for decisions."""
    interval = difference.interval
    if difference.items < min_items or interval is None:
        return StopDecision(False, f"{difference.items} of at least {min_items} paired items")
    if max_width is not None and interval.width <= max_width:
        return StopDecision(
            True, f"the interval's width {interval.width:.4f} is within {max_width:g}"
        )
    if margin is not None and interval.low > margin:
        return StopDecision(True, f"the interval lies above the margin {margin:+g}")
    if margin is not None and interval.high < margin:
        return StopDecision(True, f"the interval lies below the margin {margin:+g}")
    return StopDecision(False, "the interval is still too wide")


# --- latency and cost ----------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default): the ``q``-quantile,
    0 ≤ q ≤ 1, of ``values`` (at least one)."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    below = math.floor(position)
    above = min(below + 1, len(ordered) - 1)
    fraction = position - below
    return ordered[below] + (ordered[above] - ordered[below]) * fraction


@dataclass(frozen=True, slots=True)
class Distribution:
    """Seconds: count, mean and percentiles of one timing over a target's answers."""

    count: int
    mean: float | None
    minimum: float | None
    p50: float | None
    p90: float | None
    p95: float | None
    p99: float | None
    maximum: float | None
    values: tuple[float, ...] = ()


def distribution(values: Iterable[float | None]) -> Distribution:
    present = tuple(sorted(v for v in values if v is not None))
    if not present:
        return Distribution(0, None, None, None, None, None, None, None)
    return Distribution(
        count=len(present),
        mean=sum(present) / len(present),
        minimum=present[0],
        p50=percentile(present, 0.5),
        p90=percentile(present, 0.9),
        p95=percentile(present, 0.95),
        p99=percentile(present, 0.99),
        maximum=present[-1],
        values=present,
    )


@dataclass(frozen=True, slots=True)
class Latency:
    """Time to first token, time per output token after it, end to end; answers without an
    error only (a failed request's timing says how fast it failed)."""

    target: str
    ttft: Distribution
    tpot: Distribution
    e2e: Distribution


def latency(results: Iterable[ItemResult], target: str) -> Latency:
    answered = [r.answer for r in results_of(results, target) if not r.answer.error]
    return Latency(
        target,
        distribution(a.ttft for a in answered),
        distribution(a.tpot for a in answered),
        distribution(a.latency for a in answered),
    )


@dataclass(frozen=True, slots=True)
class CostSummary:
    """Dollars the target's answers cost, as the runner priced them from the ledger."""

    target: str
    items: int
    priced: int
    total: Decimal
    input_tokens: int
    output_tokens: int

    @property
    def per_item(self) -> Decimal | None:
        return self.total / self.priced if self.priced else None

    @property
    def unpriced(self) -> int:
        return self.items - self.priced


def cost_summary(results: Iterable[ItemResult], target: str) -> CostSummary:
    mine = results_of(results, target)
    priced = [r.answer.cost_usd for r in mine if r.answer.cost_usd is not None]
    return CostSummary(
        target=target,
        items=len(mine),
        priced=len(priced),
        total=sum(priced, Decimal(0)),
        input_tokens=sum(r.answer.input_tokens for r in mine),
        output_tokens=sum(r.answer.output_tokens for r in mine),
    )


def cost_ratio(candidate: CostSummary, baseline: CostSummary) -> Decimal | None:
    """The candidate's cost per item as a share of the baseline's; None when either is
    unpriced or the baseline costs nothing."""
    cand, base = candidate.per_item, baseline.per_item
    if cand is None or base is None or base == 0:
        return None
    return cand / base


def slices_by_item(items: Iterable[EvalItem]) -> Mapping[str, Mapping[str, str]]:
    return {item.id: item.slices for item in items}
