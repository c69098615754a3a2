"""A run's metrics from its request records, with vLLM's definitions (benchmark_serving.py).

Per successful request, all from the request's scheduled start (see ``trace``):

- **TTFT**: arrival of the first chunk carrying output (streamed requests only);
- **E2E**: arrival of the answer's end (the stream's end event, or the whole body);
- **ITL**: the gaps between successive chunks carrying output;
- **TPOT**: ``(E2E - TTFT) / (output tokens - 1)``, for answers of more than one token.

Against a Bastion gateway, each answer's ``Server-Timing`` header splits its time into the
upstream's share and the gateway's own (see ``gateway``): the gateway's overhead is summarised
over the successful requests that carried it, and its share of E2E is the sum of their
overheads over the sum of their E2E.

Throughput is per second of the run's *duration*: from its first scheduled request to the end
of its last one. Output tokens are the counts the server reported (``usage``), else the number
of output chunks (flagged). Goodput counts the requests that met every objective of the SLO.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bastion.bench.slo import Slo
from bastion.bench.stats import Stats, summarise
from bastion.bench.trace import RequestRecord

# A request sent later than this after its scheduled time counts as late.
DEFAULT_LAG_TOLERANCE = 0.010
# The generator kept its schedule when at most this share of requests were late.
LATE_SHARE_ALLOWED = 0.01


@dataclass(frozen=True, slots=True)
class Timings:
    """What vLLM derives from one successful request (seconds)."""

    ttft: float | None
    e2e: float
    itl: tuple[float, ...]
    tpot: float | None
    output_tokens: int
    output_counted: bool  # True: counted from chunks, the server reported no usage


def timings(record: RequestRecord) -> Timings | None:
    """None for a failed request."""
    if not record.ok or record.end is None:
        return None
    origin = record.scheduled
    e2e = record.end - origin
    chunks = record.chunks
    ttft = chunks[0] - origin if record.streamed and chunks else None
    itl = tuple(b - a for a, b in itertools.pairwise(chunks)) if record.streamed else ()
    counted = record.output_tokens is None
    output = len(chunks) if counted else int(record.output_tokens or 0)
    tpot = (e2e - ttft) / (output - 1) if ttft is not None and output > 1 else None
    return Timings(ttft, e2e, itl, tpot, output, counted)


def meets(slo: Slo, t: Timings) -> bool:
    """vLLM's goodput test; a non-streamed answer's first token arrives with its body."""
    checks = {
        "ttft": t.ttft if t.ttft is not None else t.e2e,
        "tpot": t.tpot or 0.0,
        "itl": max(t.itl, default=0.0),
        "e2e": t.e2e,
    }
    return all(checks[name] <= limit for name, limit in slo.items())


@dataclass(frozen=True, slots=True)
class RunMetrics:
    requests: int
    completed: int
    failed: int
    errors: dict[str, int]
    duration: float
    input_tokens: int
    output_tokens: int
    cached_tokens: int
    output_tokens_counted: int  # requests whose output was counted from chunks
    request_throughput: float
    output_throughput: float
    total_token_throughput: float
    ttft: Stats | None
    tpot: Stats | None
    itl: Stats | None
    e2e: Stats | None
    slo: Slo
    good: int
    goodput: float
    output_goodput: float
    total_goodput: float
    mean_in_flight: float
    peak_in_flight: int
    send_rate: float
    lag: Stats | None
    late: int
    lag_tolerance: float
    latency_growth: float | None
    # From the answers' Server-Timing header, when the target sends it (None otherwise).
    gateway_overhead: Stats | None = None
    upstream: Stats | None = None
    gateway_share: float | None = None

    @property
    def kept_schedule(self) -> bool:
        return self.late <= LATE_SHARE_ALLOWED * max(self.requests, 1)

    @property
    def slo_attainment(self) -> float | None:
        if not self.slo or not self.completed:
            return None
        return self.good / self.requests

    def to_json(self) -> dict[str, Any]:
        def ms(stats: Stats | None) -> dict[str, Any] | None:
            return None if stats is None else stats.to_json()

        return {
            "requests": self.requests,
            "completed": self.completed,
            "failed": self.failed,
            "errors": dict(sorted(self.errors.items())),
            "duration_s": round(self.duration, 6),
            "input_tokens": self.input_tokens,
            "cached_tokens": self.cached_tokens,
            "output_tokens": self.output_tokens,
            "output_tokens_counted_from_chunks": self.output_tokens_counted,
            "request_throughput": _r(self.request_throughput),
            "output_throughput": _r(self.output_throughput),
            "total_token_throughput": _r(self.total_token_throughput),
            "ttft_ms": ms(self.ttft),
            "tpot_ms": ms(self.tpot),
            "itl_ms": ms(self.itl),
            "e2e_ms": ms(self.e2e),
            "slo": self.slo.to_json(),
            "good_requests": self.good,
            "slo_attainment": None if self.slo_attainment is None else _r(self.slo_attainment),
            "request_goodput": _r(self.goodput),
            "output_goodput": _r(self.output_goodput),
            "total_token_goodput": _r(self.total_goodput),
            "mean_in_flight": _r(self.mean_in_flight),
            "peak_in_flight": self.peak_in_flight,
            "send_rate": _r(self.send_rate),
            "schedule_lag_ms": ms(self.lag),
            "late_requests": self.late,
            "lag_tolerance_ms": self.lag_tolerance * 1000,
            "kept_schedule": self.kept_schedule,
            "latency_growth": None if self.latency_growth is None else _r(self.latency_growth),
            "gateway_overhead_ms": ms(self.gateway_overhead),
            "upstream_ms": ms(self.upstream),
            "gateway_share_of_e2e": (
                None if self.gateway_share is None else round(self.gateway_share, 6)
            ),
        }


def _r(value: float) -> float:
    return round(value, 4) if math.isfinite(value) else value


def compute(
    records: Sequence[RequestRecord],
    slo: Slo | None = None,
    *,
    lag_tolerance: float = DEFAULT_LAG_TOLERANCE,
) -> RunMetrics:
    slo = slo or Slo()
    sent = [r for r in records if r.status or r.end is not None or r.error]
    errors = Counter(r.error for r in records if r.error is not None)
    ttfts: list[float] = []
    tpots: list[float] = []
    itls: list[float] = []
    e2es: list[float] = []
    input_tokens = output_tokens = cached = counted = 0
    good = good_output = good_total = 0
    overheads: list[float] = []
    upstreams: list[float] = []
    timed_e2e: list[float] = []
    for record in records:
        t = timings(record)
        if t is None:
            continue
        if t.ttft is not None:
            ttfts.append(t.ttft)
        if t.tpot is not None:
            tpots.append(t.tpot)
        itls.extend(t.itl)
        e2es.append(t.e2e)
        if record.gateway is not None and record.upstream is not None:
            overheads.append(record.gateway)
            upstreams.append(record.upstream)
            timed_e2e.append(t.e2e)
        prompt = record.input_tokens
        if prompt is None:
            prompt = record.expected_input_tokens or 0
        input_tokens += prompt
        cached += record.cached_tokens or 0
        output_tokens += t.output_tokens
        counted += t.output_counted
        if slo and meets(slo, t):
            good += 1
            good_output += t.output_tokens
            good_total += t.output_tokens + prompt
    completed = len(e2es)
    start = min((r.scheduled for r in records), default=0.0)
    ends = [r.end for r in records if r.end is not None]
    duration = (max(ends) - start) if ends else 0.0
    per_s = (lambda n: n / duration) if duration > 0 else (lambda n: 0.0)
    in_flight = [(r.sent, r.end) for r in records if r.end is not None]
    sends = sorted(r.sent for r in sent)
    send_span = sends[-1] - sends[0] if len(sends) > 1 else 0.0
    lags = [r.lag for r in sent]
    return RunMetrics(
        requests=len(records),
        completed=completed,
        failed=len(records) - completed,
        errors=dict(errors),
        duration=duration,
        input_tokens=input_tokens,
        output_tokens=output_tokens,
        cached_tokens=cached,
        output_tokens_counted=counted,
        request_throughput=per_s(completed),
        output_throughput=per_s(output_tokens),
        total_token_throughput=per_s(input_tokens + output_tokens),
        ttft=summarise(ttfts),
        tpot=summarise(tpots),
        itl=summarise(itls),
        e2e=summarise(e2es),
        slo=slo,
        good=good if slo else completed,
        goodput=per_s(good if slo else completed),
        output_goodput=per_s(good_output if slo else output_tokens),
        total_goodput=per_s(good_total if slo else input_tokens + output_tokens),
        mean_in_flight=per_s(math.fsum(end - begin for begin, end in in_flight)),
        peak_in_flight=_peak(in_flight),
        send_rate=(len(sends) - 1) / send_span if send_span > 0 else 0.0,
        lag=summarise(lags),
        late=sum(1 for lag in lags if lag > lag_tolerance),
        lag_tolerance=lag_tolerance,
        latency_growth=latency_growth(records),
        gateway_overhead=summarise(overheads),
        upstream=summarise(upstreams),
        gateway_share=(
            math.fsum(overheads) / math.fsum(timed_e2e) if math.fsum(timed_e2e) > 0 else None
        ),
    )


def latency_growth(records: Sequence[RequestRecord]) -> float | None:
    """Median E2E of the last third of the successful requests (in schedule order) over that
    of the first third: about 1 while the server keeps up, growing with the run once a queue
    builds (an open-loop load above saturation). None with fewer than 9 answers."""
    answered = [(r.scheduled, t.e2e) for r in records if (t := timings(r)) is not None]
    if len(answered) < 9:
        return None
    answered.sort()
    third = len(answered) // 3
    first = summarise([e for _, e in answered[:third]])
    last = summarise([e for _, e in answered[-third:]])
    if first is None or last is None or first.median <= 0:
        return None
    return last.median / first.median


def _peak(intervals: Sequence[tuple[float, float]]) -> int:
    events = sorted([(a, 1) for a, _ in intervals] + [(b, -1) for _, b in intervals])
    peak = level = 0
    for _, step in events:
        level += step
        peak = max(peak, level)
    return peak
