"""The report of a run: its figures equal what the synthetic results imply, the decision line,
JSONL, the self-contained HTML page, --fail-under exit codes, and the savings of a move priced
with the economics module over a real ledger."""

from __future__ import annotations

import dataclasses
import io
import json
import random
import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from bastion.config import BastionConfig
from bastion.economics.apicost import TokenCounts
from bastion.economics.config import TcoConfig
from bastion.economics.prices import PriceQuote, Rates
from bastion.evaluation.model import (
    Answer,
    Check,
    CheckOutcome,
    EvalItem,
    ItemResult,
    RunSpec,
    Verdict,
)
from bastion.evaluation.report import (
    EXIT_BELOW_THRESHOLD,
    EXIT_NOT_MEASURED,
    EXIT_OK,
    Progress,
    build_report,
    gate,
    item_records,
    parse_threshold,
    render_text,
    report_dict,
    write_jsonl,
)
from bastion.evaluation.report_html import render_html
from bastion.evaluation.savings import locate_target, measured_savings, savings_at_volume
from bastion.evaluation.stats import wilson_interval
from bastion.store.models import Base, UsageHourlyRow

BASE = "openai/gpt-4o-mini"
CAND = "support@2"
N = 40
SPEC = RunSpec(
    run_id="run-1",
    dataset="golden.jsonl",
    dataset_sha256="ab" * 32,
    targets=(BASE, CAND),
    baseline=BASE,
    params={"temperature": 0, "max_tokens": 256},
    judge_model="local/judge",
    seed=7,
)
ITEMS = [
    EvalItem(
        id=f"item-{n:03}",
        protocol="openai",
        request={"model": "x", "messages": [{"role": "user", "content": f"Question {n}?"}]},
        checks=(Check("exact", {"expected": str(n)}),),
        slices={"task": "json" if n % 2 else "qa", "tenant": "acme" if n < 20 else "beta"},
    )
    for n in range(N)
]


def candidate_result(n: int) -> ItemResult:
    """Wrong on items 0-7, malformed JSON on 8-9, HTTP 503 on 10-11, right on 12-39."""
    item = f"item-{n:03}"
    if n < 8:
        text, passed, fmt, error = "wrong", False, False, None
    elif n < 10:
        text, passed, fmt, error = "{not json", False, True, None
    elif n < 12:
        text, passed, fmt, error = None, False, False, "HTTP 503: upstream failed"
    else:
        text, passed, fmt, error = str(n), True, False, None
    return ItemResult(
        item_id=item,
        target=CAND,
        answer=Answer(
            target=CAND,
            status=503 if error else 200,
            text=text,
            error=error,
            input_tokens=100,
            output_tokens=0 if error else 20,
            ttft=None if error else 0.1 + n / 1000,
            tpot=None if error else 0.01,
            latency=0.05 if error else 0.3 + n / 100,
            cost_usd=None if error else Decimal("0.00006"),
        ),
        checks=(CheckOutcome("exact", passed, "" if passed else f"expected {n!r}"),),
        passed=passed,
        format_violation=fmt,
    )


def baseline_result(n: int) -> ItemResult:
    return ItemResult(
        item_id=f"item-{n:03}",
        target=BASE,
        answer=Answer(
            target=BASE,
            status=200,
            text=str(n),
            input_tokens=100,
            output_tokens=20,
            ttft=0.5,
            tpot=0.02,
            latency=1.0 + n / 10,
            cost_usd=Decimal("0.0003"),
        ),
        checks=(CheckOutcome("exact", True),),
        passed=True,
    )


def verdict(n: int) -> Verdict:
    """Losses on 0-11, wins on 12-19, ties on 20-39."""
    winner = "baseline" if n < 12 else "candidate" if n < 20 else "tie"
    orders = {"baseline": ("B", "A"), "candidate": ("A", "B"), "tie": ("A", "A")}[winner]
    return Verdict(
        item_id=f"item-{n:03}",
        candidate=CAND,
        baseline=BASE,
        winner=winner,  # type: ignore[arg-type]
        orders=orders,
        judge_model="local/judge",
        judge_prompt_sha256="c" * 64,
        rationale=f"reason {n}",
    )


RESULTS = [r for n in range(N) for r in (baseline_result(n), candidate_result(n))]
VERDICTS = [verdict(n) for n in range(N)]


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    return build_report(SPEC, ITEMS, RESULTS, VERDICTS, resamples=1000)


def test_target_figures_are_what_the_results_imply(report) -> None:  # type: ignore[no-untyped-def]
    base, cand = report.target(BASE), report.target(CAND)
    assert (base.summary.pass_rate.successes, base.summary.pass_rate.total) == (40, 40)
    assert (cand.summary.pass_rate.successes, cand.summary.pass_rate.total) == (28, 40)
    assert cand.summary.pass_rate.interval == wilson_interval(28, 40)
    assert cand.summary.errors.successes == 2
    assert cand.summary.format_violations.successes == 2
    assert cand.summary.refusals.successes == 0
    # Latency of answers without an error: 38 for the candidate, E2E 0.3 + n/100 for n = 0..9
    # and 12..39; the median of those 38 values is halfway between the 19th and 20th.
    e2e = sorted(0.3 + n / 100 for n in range(N) if not 10 <= n < 12)
    assert cand.latency.e2e.count == 38
    assert cand.latency.e2e.p50 == pytest.approx((e2e[18] + e2e[19]) / 2)
    assert cand.latency.tpot.p95 == pytest.approx(0.01)
    assert base.latency.ttft.p50 == 0.5
    # Cost: 38 priced candidate answers at $0.00006, 40 baseline answers at $0.0003.
    assert cand.cost.priced == 38
    assert cand.cost.total == Decimal("0.00228")
    assert cand.cost.per_item == Decimal("0.00006")
    assert base.cost.total == Decimal("0.012")


def test_comparison_figures(report) -> None:  # type: ignore[no-untyped-def]
    c = report.comparison(CAND)
    d = c.difference
    assert (d.items, d.both_pass, d.candidate_only, d.baseline_only, d.both_fail) == (
        40,
        28,
        0,
        12,
        0,
    )
    assert d.difference == pytest.approx(-0.3)
    # Twelve discordant items, all against the candidate: 2 x (1/2)^12.
    assert d.mcnemar_p == pytest.approx(2 / 4096)
    assert d.interval is not None
    assert d.interval.high < 0
    j = c.judged
    assert (j.wins, j.ties, j.losses, j.order_flips) == (8, 20, 12, 20)
    assert j.win_rate == pytest.approx((8 + 10) / 40)
    assert c.cost_ratio == Decimal("0.2")
    # The regressions are the 12 check failures, each also a judged loss; dataset order.
    assert [r.item_id for r in c.regressions] == [f"item-{n:03}" for n in range(10)]
    assert all(r.check_regression and r.judged_loss for r in c.regressions)


def test_slices(report) -> None:  # type: ignore[no-untyped-def]
    by = {(s.key, s.value): s for s in report.slices}
    assert set(by) == {("task", "qa"), ("task", "json"), ("tenant", "acme"), ("tenant", "beta")}
    acme = by[("tenant", "acme")]
    # Items 0-19: the candidate passes 12-19.
    assert {t: (p.successes, p.total) for t, p in acme.pass_rates} == {
        BASE: (20, 20),
        CAND: (8, 20),
    }
    assert acme.differences[0].difference == pytest.approx(-0.6)
    assert (acme.judged[0].wins, acme.judged[0].losses) == (8, 12)
    beta = by[("tenant", "beta")]
    assert beta.differences[0].difference == 0
    assert beta.judged[0].ties == 20


def test_decision_line(report) -> None:  # type: ignore[no-untyped-def]
    line = report.comparison(CAND).decision
    d = report.comparison(CAND).difference
    assert line.startswith(
        f"{CAND} passes 70.0% vs 100.0% for {BASE} (difference -30.0 points, 95% CI "
        f"[{d.interval.low * 100:+.1f}, {d.interval.high * 100:+.1f}], 40 items)"
    )
    assert "the judge prefers it on 20.0%, ties 50.0%, prefers" in line
    assert "(win rate 45.0%" in line
    assert line.endswith("at 20.0% of the cost")


def test_text_summary(report) -> None:  # type: ignore[no-untyped-def]
    text = render_text(report)
    assert "Evaluation run-1: golden.jsonl (40 items" in text
    assert re.search(rf"{re.escape(CAND)}\s+40\s+70\.0% \(28/40\)", text)
    assert "only the baseline 12" in text
    assert "exact McNemar p = 0.0004883" in text
    assert "ties from order-dependent verdicts 20" in text
    assert "Worst regressions of support@2 (5 of 10):" in text
    assert "  item-000: fails checks the baseline passes; the judge prefers the baseline" in text
    assert "prompt:    Question 0?" in text
    assert "tenant=acme" in text
    assert text.rstrip().endswith(report.comparison(CAND).decision)


def test_the_report_does_not_depend_on_the_order_results_arrived_in() -> None:
    shuffled = list(RESULTS)
    random.Random(3).shuffle(shuffled)
    verdicts = list(VERDICTS)
    random.Random(4).shuffle(verdicts)
    one = build_report(SPEC, ITEMS, RESULTS, VERDICTS, resamples=500)
    other = build_report(SPEC, ITEMS, shuffled, verdicts, resamples=500)
    assert render_text(one) == render_text(other)
    assert render_html(one) == render_html(other)
    assert report_dict(one) == report_dict(other)


def test_an_incomplete_run_says_so() -> None:
    partial = build_report(SPEC, ITEMS, RESULTS[:20], VERDICTS[:10], resamples=200)
    assert partial.notes == (
        "20 of 80 answers are in (the run is incomplete or stopped early): the figures cover "
        "the items answered so far",
    )
    assert partial.comparison(CAND).difference.items == 10
    # Pairs the runner did not send (sensitive items, external targets) are not missing.
    local_only = build_report(SPEC, ITEMS, RESULTS[:-2], VERDICTS, skipped=2, resamples=200)
    assert local_only.notes == (
        "2 answers were not asked for: items with sensitive data classes go to local targets "
        "only, and are compared only where both targets answered",
    )


def test_report_json_is_serialisable(report) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(json.dumps(report_dict(report)))
    cand = next(t for t in data["targets"] if t["target"] == CAND)
    assert cand["pass_rate"]["rate"] == 0.7
    assert cand["cost"]["per_item_usd"] == 0.00006
    comparison = data["comparisons"][0]
    assert comparison["difference"]["baseline_only"] == 12
    assert comparison["judged"]["wins"] == 8
    assert comparison["cost_ratio"] == 0.2


# --- JSONL ---------------------------------------------------------------------------------------


def test_jsonl_has_every_item_in_dataset_order() -> None:
    stream = io.StringIO()
    count = write_jsonl(stream, ITEMS, reversed(RESULTS), VERDICTS, targets=SPEC.targets)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]

    assert count == len(lines) == N
    assert [line["item_id"] for line in lines] == [item.id for item in ITEMS]
    eleven = lines[11]
    assert list(eleven["results"]) == [BASE, CAND]
    assert eleven["results"][CAND]["error"] == "HTTP 503: upstream failed"
    assert eleven["results"][CAND]["passed"] is False
    assert eleven["results"][BASE]["cost_usd"] == "0.0003"
    assert eleven["verdicts"][0]["winner"] == "baseline"
    assert eleven["verdicts"][0]["judge_prompt_sha256"] == "c" * 64
    assert eleven["slices"] == {"task": "json", "tenant": "acme"}
    nine = lines[9]
    assert nine["results"][CAND]["format_violation"] is True
    assert nine["results"][CAND]["checks"] == [
        {"kind": "exact", "passed": False, "detail": "expected 9"}
    ]


def test_items_not_answered_yet_have_no_results() -> None:
    records = list(item_records(ITEMS[:3], RESULTS[:3]))
    assert list(records[0]["results"]) == [BASE, CAND]
    assert list(records[1]["results"]) == [BASE]
    assert records[2]["results"] == {}


# --- HTML ----------------------------------------------------------------------------------------


def test_html_is_self_contained_and_escapes_answers() -> None:
    hostile = ItemResult(
        item_id="item-000",
        target=CAND,
        answer=Answer(
            target=CAND,
            status=200,
            text='<script>alert(1)</script><img src="https://evil.example/x.png">',
            latency=0.2,
        ),
        checks=(CheckOutcome("exact", False, "expected '0'"),),
        passed=False,
    )
    results = [hostile if (r.item_id, r.target) == ("item-000", CAND) else r for r in RESULTS]
    page = render_html(build_report(SPEC, ITEMS, results, VERDICTS, resamples=200))

    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert "<script" not in page.lower()
    assert "<link" not in page.lower()
    assert "url(" not in page and "@import" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.count("<svg") >= 5  # pass rates, differences, wins/ties/losses, 3 latencies
    assert "Worst regressions of support@2" in page
    assert "70.0% (28/40)" in page


def test_html_without_checks_or_judge_still_renders() -> None:
    results = [
        ItemResult(item_id=r.item_id, target=r.target, answer=r.answer, passed=None)
        for r in RESULTS
    ]
    page = render_html(build_report(SPEC, ITEMS, results, (), resamples=200))
    assert "No item has checks" in page
    assert "Nothing was judged." in page


def test_simulated_targets_are_labelled_in_every_format() -> None:
    report = build_report(SPEC, ITEMS, RESULTS, VERDICTS, resamples=200, simulated=[CAND])
    note = (
        "simulated: support@2 answered from Bastion's simulator, not a real engine: their "
        "answers, latency and cost say nothing about a model"
    )
    text = render_text(report)
    assert f"Note: {note}" in text
    assert len(re.findall(rf"^  {re.escape(CAND)} \(simulated\)\s+\S", text, re.M)) == 2
    assert f"{BASE} (simulated)" not in text
    data = report_dict(report)
    assert note in data["notes"]
    assert {t["target"]: t["simulated"] for t in data["targets"]} == {BASE: False, CAND: True}
    html = render_html(report)
    assert note.replace("'", "&#x27;") in html
    assert html.count(f"<td>{CAND} (simulated)</td>") == 2
    plain = build_report(SPEC, ITEMS, RESULTS, VERDICTS, resamples=200)
    assert "simulated" not in render_text(plain)


# --- --fail-under --------------------------------------------------------------------------------


def test_parse_threshold() -> None:
    assert parse_threshold("pass_rate=0.9").minimum == 0.9
    assert parse_threshold(" diff = -2% ").minimum == pytest.approx(-0.02)
    with pytest.raises(ValueError, match="unknown metric"):
        parse_threshold("accuracy=0.9")
    with pytest.raises(ValueError, match="expected metric=value"):
        parse_threshold("pass_rate")
    with pytest.raises(ValueError, match="not a number"):
        parse_threshold("pass_rate=high")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("diff=nan", "diff lies between -1 and 1"),
        ("diff=-150%", "diff lies between -1 and 1"),
        ("pass_rate=150%", "pass_rate lies between 0 and 1"),
        ("win_rate=inf", "win_rate lies between 0 and 1"),
        ("answered=-0.1", "answered lies between 0 and 1"),
    ],
)
def test_a_threshold_out_of_its_metrics_range_is_refused(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_threshold(text)
    assert parse_threshold("diff=-100%").minimum == -1


def test_fail_under_exit_codes(report) -> None:  # type: ignore[no-untyped-def]
    def code(*specs: str) -> int:
        return gate(report, [parse_threshold(s) for s in specs]).exit_code

    assert code() == EXIT_OK
    assert code("pass_rate=0.7", "win_rate=0.45", "answered=0.95") == EXIT_OK
    assert code("pass_rate=0.71") == EXIT_BELOW_THRESHOLD
    assert code("diff=-0.02") == EXIT_BELOW_THRESHOLD
    assert code("win_rate=0.4", "diff=-0.3") == EXIT_OK
    assert code("format_ok=0.96") == EXIT_BELOW_THRESHOLD
    outcome = gate(report, [parse_threshold("pass_rate=0.9"), parse_threshold("win_rate=0.4")])
    assert outcome.lines == (
        "FAIL support@2 pass_rate 0.7000 < 0.9",
        "PASS support@2 win_rate 0.4500 >= 0.4",
    )


def test_fail_under_a_metric_the_run_did_not_measure() -> None:
    unjudged = build_report(SPEC, ITEMS, RESULTS, (), resamples=200)
    outcome = gate(unjudged, [parse_threshold("win_rate=0.4")])
    assert outcome.exit_code == EXIT_NOT_MEASURED
    assert outcome.lines == ("NOT MEASURED support@2 win_rate (needs >= 0.4)",)
    # A threshold that fails wins over one that was not measured.
    both = gate(unjudged, [parse_threshold("win_rate=0.4"), parse_threshold("pass_rate=0.9")])
    assert both.exit_code == EXIT_BELOW_THRESHOLD


def test_a_judge_that_never_answered_leaves_win_rate_not_measured() -> None:
    failed = [
        Verdict(v.item_id, CAND, BASE, "tie", ("error", "error"), "local/judge", "c" * 64)
        for v in VERDICTS
    ]
    report = build_report(SPEC, ITEMS, RESULTS, failed, resamples=200)
    outcome = gate(report, [parse_threshold("win_rate=0.5")])
    assert outcome.exit_code == EXIT_NOT_MEASURED
    assert outcome.lines == ("NOT MEASURED support@2 win_rate (needs >= 0.5)",)
    assert "win rate not measured (no verdict of the judge was readable)" in render_text(report)
    assert "(win rate not measured: no verdict was readable)" in report.comparison(CAND).decision


def test_the_decision_line_separates_a_cost_not_compared() -> None:
    unpriced = [
        dataclasses.replace(r, answer=dataclasses.replace(r.answer, cost_usd=None)) for r in RESULTS
    ]
    line = build_report(SPEC, ITEMS, unpriced, VERDICTS, resamples=200).comparison(CAND).decision
    assert re.search(r"\]\); cost not compared \(answers without a price\)$", line), line


# --- progress ------------------------------------------------------------------------------------


def test_progress_counts_what_came_in() -> None:
    out = io.StringIO()
    with Progress(80, done=4, file=out) as progress:
        # Items 4-14: the baseline passes all 11; the candidate fails 4-9, errs on 10-11 and
        # passes 12-14.
        for r in RESULTS[8:30]:
            progress.advance(r)
    assert progress.status() == "14 passed, 6 failed, 2 errors"
    assert "Evaluating" in out.getvalue()


# --- savings -------------------------------------------------------------------------------------

H100 = TcoConfig(
    gpu_hourly=Decimal("2.50"), engineering_fte=Decimal("0.1"), fte_monthly_cost=Decimal(15000)
)
MINI = PriceQuote(
    requested="gpt-4o-mini",
    model="gpt-4o-mini",
    provider="openai",
    on=datetime(2026, 12, 1).date(),
    rates=Rates(Decimal("0.15"), Decimal("0.075"), Decimal("0.60")),
    top_rates=None,
    tier_threshold=None,
    source="override",
    source_detail="test prices",
    effective_from=None,
    next_change=None,
    notes=(),
)


def test_savings_at_the_economics_worked_example() -> None:
    # docs/economics.md: 50M tokens a day, 75% input, at $0.15/$0.60 is $399.22 a month on the
    # API; one H100 with a tenth of an engineer costs $3,325.
    savings = savings_at_volume(
        self_hosted=CAND,
        backend="vllm",
        api=BASE,
        tco=H100,
        quote=MINI,
        tokens=TokenCounts(1_125_000_000, 0, 375_000_000),
        days=Decimal(30),
        capacity=None,
        volume_basis="1.5B tokens over 30 days",
    )
    assert savings.tokens_per_day == Decimal(50_000_000)
    assert savings.api_rate_per_m == Decimal("0.2625")
    assert round(savings.api_monthly, 2) == Decimal("399.22")
    assert savings.self_hosted_monthly == Decimal(3325)
    assert round(savings.monthly_saving, 2) == Decimal("-2925.78")
    assert "costs $2,925.78/month more against openai/gpt-4o-mini" in savings.sentence()
    assert any("GPU rental $1,825.00 = $2.50/GPU-h x 1 GPU" in s for s in savings.sources)
    assert any("test prices" in s for s in savings.sources)

    big = savings_at_volume(
        self_hosted=CAND,
        backend="vllm",
        api=BASE,
        tco=H100,
        quote=MINI,
        tokens=TokenCounts(112_500_000_000, 0, 37_500_000_000),
        days=Decimal(30),
        capacity=None,
        volume_basis="150B tokens over 30 days",
    )
    # 5B a day: $39,921.88 a month on the API against $3,325.
    assert round(big.monthly_saving, 2) == Decimal("36596.88")
    assert "self-hosting (support@2 on vllm) saves $36,596.88/month" in big.sentence()


def test_the_decision_line_ends_with_the_savings(report) -> None:  # type: ignore[no-untyped-def]
    savings = savings_at_volume(
        self_hosted=CAND,
        backend="vllm",
        api=BASE,
        tco=H100,
        quote=MINI,
        tokens=TokenCounts(112_500_000_000, 0, 37_500_000_000),
        days=Decimal(30),
        capacity=None,
        volume_basis="test",
    )
    with_savings = build_report(
        SPEC, ITEMS, RESULTS, VERDICTS, savings={CAND: savings}, resamples=200
    )
    line = with_savings.comparison(CAND).decision
    assert "at 20.0% of the cost; at the measured volume (5B tokens/day) self-hosting" in line
    assert line.endswith("see bastion cost report)")
    without = build_report(
        SPEC, ITEMS, RESULTS, VERDICTS, savings={CAND: "no economics.tco entry"}, resamples=200
    )
    assert "self-hosting: no economics.tco entry" in render_text(without)


CONFIG = BastionConfig.model_validate(
    {
        "backends": {
            "vllm": {
                "kind": "openai-compatible",
                "location": "local",
                "base_url": "http://127.0.0.1:8000/v1",
                "models": ["qwen"],
            },
            "openai": {
                "kind": "openai-compatible",
                "location": "external",
                "base_url": "https://api.openai.com/v1",
                "models": ["gpt-4o-mini"],
            },
            "claude": {
                "kind": "anthropic",
                "location": "external",
                "base_url": "https://api.anthropic.com",
                "models": ["claude-haiku"],
            },
        },
        "models": [{"name": "cheap", "target": "openai/gpt-4o-mini"}],
        "endpoints": {
            "support": {
                "default": "1",
                "versions": {
                    "1": {"backend": "openai", "model": "gpt-4o-mini"},
                    "2": {"backend": "vllm", "model": "qwen"},
                },
            }
        },
        "economics": {
            "tco": {"vllm": {"gpu_hourly": 2.5, "engineering_fte": 0.1, "fte_monthly_cost": 15000}}
        },
    }
)


def test_locate_target() -> None:
    v2 = locate_target(CONFIG, "support@2")
    assert (v2.backend, v2.model, v2.location) == ("vllm", "qwen", "local")
    assert v2.names == ("support", "support@1", "support@2")
    bare = locate_target(CONFIG, "support")
    assert (bare.backend, bare.location, bare.price_ref) == ("openai", "external", "gpt-4o-mini")
    alias = locate_target(CONFIG, "cheap")
    assert (alias.backend, alias.model, alias.names) == ("openai", "gpt-4o-mini", ("cheap",))
    claude = locate_target(CONFIG, "claude/claude-haiku")
    assert claude.price_ref == "anthropic:claude-haiku"
    unknown = locate_target(CONFIG, "nowhere/x")
    assert (unknown.backend, unknown.location) == (None, None)


NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)


@pytest.fixture
async def ledger(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    engine = create_async_engine(f"sqlite+aiosqlite:///{tmp_path / 'bastion.db'}")
    start = NOW - timedelta(days=30)
    rows = []
    # 1.5B tokens of the support endpoint over the 30 days (75% input), and other traffic.
    for day in range(30):
        for model, scale in (("support", 1), ("other", 7)):
            rows.append(
                {
                    "hour": start + timedelta(days=day, hours=1),
                    "tenant_id": "t",
                    "key_id": "k",
                    "endpoint": "chat.completions",
                    "model": model,
                    "backend": "openai",
                    "location": "external",
                    "requests": 1000,
                    "errors": 0,
                    "input_tokens": 37_500_000 * scale,
                    "cached_input_tokens": 0,
                    "output_tokens": 12_500_000 * scale,
                    "estimated_requests": 0,
                    "busy_ms": 0.0,
                }
            )
    async with engine.begin() as conn:
        await conn.run_sync(Base.metadata.create_all)
        await conn.execute(insert(UsageHourlyRow), rows)
    yield engine
    await engine.dispose()


async def test_measured_savings_reads_the_baselines_volume_from_the_ledger(
    ledger: AsyncEngine,
) -> None:
    savings = await measured_savings(
        ledger, CONFIG, candidate="support@2", baseline="support@1", now=NOW
    )
    assert not isinstance(savings, str), savings
    # 1.5B tokens over 30 days = 50M a day, on gpt-4o-mini's bundled prices ($0.15/$0.60).
    assert savings.tokens_per_day == Decimal(50_000_000)
    assert savings.api_rate_per_m == Decimal("0.2625")
    assert round(savings.api_monthly, 2) == Decimal("399.22")
    assert savings.self_hosted_monthly == Decimal(3325)
    assert (savings.self_hosted, savings.api, savings.backend) == ("support@2", "support@1", "vllm")
    assert any("requested as support, support@1, support@2" in s for s in savings.sources)
    assert any("genai-prices" in s for s in savings.sources)


async def test_measured_savings_says_why_there_is_no_figure(ledger: AsyncEngine) -> None:
    both_external = await measured_savings(
        ledger, CONFIG, candidate="cheap", baseline="support@1", now=NOW
    )
    assert isinstance(both_external, str)
    assert "one local and one external target" in both_external
    quiet = await measured_savings(ledger, CONFIG, candidate="support@2", baseline="cheap", now=NOW)
    assert isinstance(quiet, str)
    assert quiet.startswith("no traffic to cheap in the ledger")
    no_tco = CONFIG.model_copy(
        update={"economics": CONFIG.economics.model_copy(update={"tco": {}})}
    )
    missing = await measured_savings(
        ledger, no_tco, candidate="support@2", baseline="support@1", now=NOW
    )
    assert missing == "no economics.tco entry for backend vllm: its monthly cost is unknown"


@pytest.mark.parametrize(
    ("span", "parts", "step"),
    [(4.71, 4, 2.0), (0.02, 4, 0.005), (0.6, 2, 0.5), (1.0, 4, 0.25), (100, 4, 25), (0, 4, 1.0)],
)
def test_chart_ticks_are_round(span: float, parts: int, step: float) -> None:
    from bastion.evaluation.report_html import nice_step

    assert nice_step(span, parts) == pytest.approx(step)
