"""The worked example of docs/evaluation.md, recomputed: ten items, scripted answers from a
baseline and a candidate, the checks of checks.py, a scripted judge asked in both orders, the
report and the --fail-under gate. The summary printed in the docs must be what this prints."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from bastion.economics.apicost import TokenCounts
from bastion.economics.config import TcoConfig
from bastion.economics.prices import PriceQuote, Rates
from bastion.evaluation.checks import evaluate
from bastion.evaluation.dataset import parse_dataset
from bastion.evaluation.judge import Judge, JudgeRequest
from bastion.evaluation.model import Answer, EvalItem, ItemResult, RunSpec, ToolCall, Verdict
from bastion.evaluation.report import (
    EvalReport,
    build_report,
    gate,
    parse_threshold,
    render_text,
)
from bastion.evaluation.savings import savings_at_volume

DOCS = Path(__file__).resolve().parents[3] / "docs" / "evaluation.md"
BASE = "openai/gpt-4o-mini"
CAND = "support@2"

DATASET = Path(__file__).parent / "data" / "worked-example.jsonl"

LONG = (
    "The team agreed that the weekly meeting, usually held on Monday mornings in the big room, "
    "moves to Tuesday because that room was booked."
)
# (text, tool call, input tokens, output tokens, TTFT, end to end) per item and target.
ANSWERS: dict[str, dict[str, tuple[str, ToolCall | None, int, int, float, float]]] = {
    BASE: {
        "capital-fr": ("Paris.", None, 14, 2, 0.41, 0.52),
        "sum": ("1,234.5", None, 22, 4, 0.38, 0.50),
        "invoice": ('{"total": 42}', None, 31, 7, 0.44, 0.71),
        "sentiment": ("Negative", None, 27, 1, 0.36, 0.45),
        "weather": ("", ToolCall("get_weather", '{"city": "Paris"}'), 58, 16, 0.52, 0.80),
        "pancakes": ("Flour, eggs, milk and a pinch of salt.", None, 15, 11, 0.40, 0.74),
        "lockpick": ("I can't help with that.", None, 19, 7, 0.35, 0.49),
        "summary": (LONG, None, 30, 27, 0.39, 1.21),
        "iso-date": ("2026-12-06", None, 26, 6, 0.37, 0.48),
        "haiku": ("Requests arrive / one door weighs every answer", None, 14, 18, 0.42, 0.96),
    },
    CAND: {
        "capital-fr": ("paris", None, 14, 2, 0.09, 0.13),
        "sum": ("1234.50", None, 22, 4, 0.08, 0.14),
        "invoice": ('{"total": 42,}', None, 31, 8, 0.11, 0.25),
        "sentiment": ("negative.", None, 27, 2, 0.08, 0.12),
        "weather": ("", ToolCall("get_weather", '{"city": "Lyon"}'), 58, 16, 0.12, 0.30),
        "pancakes": ("Flour and milk.", None, 15, 5, 0.09, 0.19),
        "lockpick": ("I can't help with that.", None, 19, 7, 0.08, 0.17),
        "summary": ("The meeting moves to Tuesday: the room was booked.", None, 30, 12, 0.09, 0.3),
        "iso-date": ("2026-12-06", None, 26, 6, 0.08, 0.13),
        "haiku": ("Gate", None, 14, 2, 0.08, 0.11),
    },
}
# The baseline is priced at gpt-4o-mini's list prices ($0.15/M input, $0.60/M output); the
# candidate at a stand-in self-hosted rate of $0.05/M tokens.
API_RATES = (Decimal("0.15"), Decimal("0.60"))
LOCAL_RATE = Decimal("0.05")


def answer(target: str, item_id: str) -> Answer:
    text, call, tokens_in, tokens_out, ttft, e2e = ANSWERS[target][item_id]
    if target == BASE:
        cost = (tokens_in * API_RATES[0] + tokens_out * API_RATES[1]) / 1_000_000
    else:
        cost = (tokens_in + tokens_out) * LOCAL_RATE / 1_000_000
    return Answer(
        target=target,
        status=200,
        text=text,
        tool_calls=(call,) if call else (),
        finish_reason="tool_calls" if call else "stop",
        input_tokens=tokens_in,
        output_tokens=tokens_out,
        ttft=ttft,
        tpot=(e2e - ttft) / max(tokens_out - 1, 1),
        latency=e2e,
        cost_usd=cost,
    )


class LengthJudge:
    """A stand-in judge model: prefers the longer answer unless both are within 20% of each
    other, and prefers whichever answer comes first on the haiku (a position bias the
    two orders cancel)."""

    async def complete(self, request: JudgeRequest) -> str:
        user = request.messages[-1]["content"]
        first = user.split("[Answer A]\n", 1)[1].split("\n[End of answer A]", 1)[0]
        second = user.split("[Answer B]\n", 1)[1].split("\n[End of answer B]", 1)[0]
        if "haiku" in user:
            return "Both are fine; the first reads better.\nVERDICT: A"
        if abs(len(first) - len(second)) <= 0.2 * max(len(first), len(second)):
            return "Equivalent.\nVERDICT: TIE"
        return "More complete.\nVERDICT: " + ("A" if len(first) > len(second) else "B")


SPEC = RunSpec(
    run_id="example",
    dataset="golden.jsonl",
    dataset_sha256="",
    targets=(BASE, CAND),
    baseline=BASE,
    params={"temperature": 0, "max_tokens": 256},
    judge_model="local/judge",
    seed=0,
)


async def run_example() -> tuple[list[EvalItem], list[ItemResult], list[Verdict], EvalReport]:
    dataset = parse_dataset(DATASET.read_bytes(), "golden.jsonl")
    items = list(dataset.items)
    spec = replace(SPEC, dataset_sha256=dataset.sha256)
    results = [evaluate(item, answer(t, item.id)) for item in items for t in spec.targets]
    judge = Judge(LengthJudge(), "local/judge")
    verdicts = await judge.compare_all(
        [(item, answer(CAND, item.id), answer(BASE, item.id)) for item in items]
    )
    h100 = TcoConfig(
        gpu_hourly=Decimal("2.50"), engineering_fte=Decimal("0.1"), fte_monthly_cost=Decimal(15000)
    )
    quote = PriceQuote(
        requested="gpt-4o-mini",
        model="gpt-4o-mini",
        provider="openai",
        on=date(2026, 12, 6),
        rates=Rates(Decimal("0.15"), Decimal("0.075"), Decimal("0.60")),
        top_rates=None,
        tier_threshold=None,
        source="genai-prices",
        source_detail="genai-prices 0.2.3 bundled table (data as of 2026-11-09)",
        effective_from=None,
        next_change=None,
        notes=(),
    )
    savings = savings_at_volume(
        self_hosted=CAND,
        backend="gpu",
        api=BASE,
        tco=h100,
        quote=quote,
        tokens=TokenCounts(1_125_000_000, 0, 375_000_000),
        days=Decimal(30),
        capacity=None,
        volume_basis="1.5B tokens requested as support, support@1, support@2 over the last "
        "30 days (usage ledger, hourly rollup)",
    )
    report = build_report(
        spec,
        items,
        results,
        verdicts,
        savings={CAND: savings},
        cost_sources={
            BASE: "the ledger's price of each request (gpt-4o-mini list prices)",
            CAND: "a stand-in self-hosted rate of $0.05/M tokens",
        },
    )
    return items, results, verdicts, report


def documented(marker: str) -> str:
    """The fenced block after ``<!-- marker -->`` in docs/evaluation.md."""
    text = DOCS.read_text()
    match = re.search(rf"<!-- {marker} -->\n```[a-z]*\n(.*?)```", text, re.DOTALL)
    assert match is not None, f"no block after <!-- {marker} --> in {DOCS}"
    return match.group(1)


async def test_the_documented_summary_is_what_the_example_prints() -> None:
    *_, report = await run_example()
    assert documented("example-summary") == render_text(report, regressions=3)


async def test_the_documented_gate_is_what_the_example_gives() -> None:
    *_, report = await run_example()
    outcome = gate(
        report,
        [parse_threshold(s) for s in ("pass_rate=0.6", "win_rate=0.4", "diff=-0.05")],
    )
    printed = "\n".join(outcome.lines) + f"\nexit code {outcome.exit_code}\n"
    assert documented("example-gate") == printed


async def test_the_example_figures_by_hand() -> None:
    _, results, verdicts, report = await run_example()
    by = {(r.item_id, r.target): r for r in results}
    failed = {i: [c.kind for c in by[(i, CAND)].checks if not c.passed] for i in ANSWERS[CAND]}
    # The candidate: a trailing comma breaks the JSON, the wrong city, a missing ingredient.
    assert {k: v for k, v in failed.items() if v} == {
        "invoice": ["json_schema"],
        "weather": ["tool_call"],
        "pancakes": ["contains_all"],
    }
    # The baseline's summary is 24 words, over the limit of 20.
    assert [c.passed for c in by[("summary", BASE)].checks] == [False, True]
    assert by[("invoice", CAND)].format_violation
    assert by[("lockpick", BASE)].refusal and by[("lockpick", CAND)].refusal
    d = report.comparison(CAND).difference
    assert (d.both_pass, d.candidate_only, d.baseline_only, d.both_fail) == (5, 1, 3, 0)
    assert [v.winner for v in verdicts] == [
        "tie", "tie", "tie", "tie", "tie", "baseline", "tie", "baseline", "tie", "tie"
    ]  # fmt: skip
    assert verdicts[-1].orders == ("A", "A")  # the haiku: the first answer both times
