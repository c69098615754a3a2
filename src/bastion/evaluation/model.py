"""What an evaluation run is made of: its items, the answers each target gave, what the checks
and the judge said about them. Plain records shared by the dataset loader, the runner, the
checks, the judge, the statistics and the report; nothing here does I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

Protocol = Literal["openai", "anthropic"]
Winner = Literal["candidate", "baseline", "tie"]
JudgeMode = Literal["pairwise", "rubric"]


@dataclass(frozen=True, slots=True)
class Check:
    """One deterministic check of an answer, as an item declares it: ``kind`` (``exact``,
    ``regex``, ``json_schema``, ``contains_all``, ``label``, ``tool_call``, ``refusal``,
    ``length``) and its parameters, as written in the dataset."""

    kind: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class EvalItem:
    """One prompt to replay: a chat completions (OpenAI) or Messages (Anthropic) request body,
    the checks its answers must pass, and the slices it is reported under (``task``,
    ``tenant``, ``length``…). ``id`` is stable across runs of the same dataset."""

    id: str
    protocol: Protocol
    request: dict[str, Any]
    checks: tuple[Check, ...] = ()
    slices: dict[str, str] = field(default_factory=dict)
    # Data classes the item's content carries (e.g. from the audit record it was drawn from);
    # such items are replayed to local targets only, as live routing would.
    classifications: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class ToolCall:
    name: str
    arguments: str  # as the model wrote them (JSON text, possibly malformed)


@dataclass(frozen=True, slots=True)
class Answer:
    """What one target answered one item, with its cost and timings.

    ``error`` is set when no usable answer came (a 4xx/5xx, a timeout, a body that is not the
    protocol's); ``text`` is the answer's text (content blocks joined) otherwise."""

    target: str
    status: int
    text: str | None = None
    tool_calls: tuple[ToolCall, ...] = ()
    finish_reason: str | None = None
    error: str | None = None
    request_id: str | None = None
    input_tokens: int = 0
    output_tokens: int = 0
    # Seconds: to the first byte of content (streamed), between tokens after it, in all.
    ttft: float | None = None
    tpot: float | None = None
    latency: float | None = None
    cost_usd: Decimal | None = None


@dataclass(frozen=True, slots=True)
class CheckOutcome:
    kind: str
    passed: bool
    detail: str = ""


@dataclass(frozen=True, slots=True)
class ItemResult:
    """An item's answer from one target and what the deterministic checks made of it.

    ``passed`` is None when the item has no checks (only a judge can compare such answers).
    ``format_violation``: a structured answer was asked for (JSON, a tool call) and the answer
    is not one. ``refusal``: the answer declines the task."""

    item_id: str
    target: str
    answer: Answer
    checks: tuple[CheckOutcome, ...] = ()
    passed: bool | None = None
    format_violation: bool = False
    refusal: bool = False


@dataclass(frozen=True, slots=True)
class Verdict:
    """A judge's comparison of the candidate's and the baseline's answers to one item, asked in
    both orders; an order-dependent verdict is a tie. The judge's model and prompt are kept with
    it so the verdict can be audited and reproduced."""

    item_id: str
    candidate: str
    baseline: str
    winner: Winner
    # The raw verdict of each order: (candidate shown first, baseline shown first), as the
    # judge named the better answer ("A", "B", "tie"), or "malformed" (no verdict could be read
    # from its answer), "error" (the judge's request failed), "skipped" (not asked: an answer
    # was missing). In rubric mode: (the candidate's score, the baseline's), or those labels.
    orders: tuple[str, str]
    judge_model: str
    judge_prompt_sha256: str
    rationale: str = ""
    # "pairwise": the judge compared the two answers; "rubric": it scored each against a
    # rubric, ``scores`` (candidate, baseline) 1 to 5 (None: no usable score), and the higher won.
    mode: JudgeMode = "pairwise"
    scores: tuple[int | None, int | None] | None = None


@dataclass(frozen=True, slots=True)
class EarlyStopRule:
    """When a run may stop sending items before the dataset's end (docs/evaluation.md,
    "Early stopping"): each time another ``check_every`` items of the dataset, in its order,
    have all their answers, every candidate's paired pass-rate difference against the
    baseline over those items is put to ``stats.early_stop`` with ``max_width``, ``margin``
    and ``min_items``; when every candidate's decision says stop, no new item is started.
    At least one of ``max_width`` and ``margin`` is set."""

    max_width: float | None = None
    margin: float | None = None
    check_every: int = 50
    min_items: int = 30


@dataclass(frozen=True, slots=True)
class RunSpec:
    """Everything that decides a run's outcome, so a resumed run is the same run.

    ``targets``: Bastion model names or endpoint versions (``support@2``,
    ``openai/gpt-4o-mini``), the first being the baseline unless ``baseline`` names another.
    ``params``: sampling parameters pinned for every target (temperature, max_tokens, seed…),
    overriding the items' own."""

    run_id: str
    dataset: str
    dataset_sha256: str
    targets: tuple[str, ...]
    baseline: str
    params: dict[str, Any] = field(default_factory=dict)
    judge_model: str | None = None
    concurrency: int = 8
    seed: int = 0
    # How the judge compares answers, pinned with the run so a resumed run judges alike.
    judge_mode: JudgeMode = "pairwise"
    judge_rubric: str | None = None
    # Stop sending items once the answers so far decide (None: every item is sent).
    early_stop: EarlyStopRule | None = None
