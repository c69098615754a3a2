"""Runs an evaluation: every item to every target, through a gateway, checked and stored.

Each request goes to the gateway's own API (``/v1/chat/completions`` or ``/v1/messages``)
with a Bastion key, streamed, so time to first token, time per output token and the whole
answer's time are measured as a client sees them. It carries ``x-bastion-purpose:
evaluation`` and ``x-bastion-eval-run: <run id>``: the ledger records it as evaluation
traffic, which cost reports leave out. The run's pinned parameters (``RunSpec.params``)
override the item's own. Items that carry sensitive data classes are declared as such
(``x-bastion-data-classification``) and sent to local targets only; routing would keep them
home anyway.

At most ``RunSpec.concurrency`` requests are in flight. Only connection failures are retried
(a refused or broken connection, a stream cut); an HTTP error or a malformed answer is the
target's result. Results are stored as they finish, so a run that is interrupted (the
process killed, the task cancelled, the gateway unreachable) is resumed by running it again:
finished (item, target) pairs are skipped, the others sent.

A run with an early-stopping rule (``RunSpec.early_stop``) is checked at fixed item counts
(``stopping.py``); when every candidate's decision says stop, no new item is started, the
requests in flight finish, and the run ends ``stopped_early`` with the decision in its totals.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from bastion.evaluation.checks import evaluate
from bastion.evaluation.model import (
    Answer,
    EarlyStopRule,
    EvalItem,
    ItemResult,
    JudgeMode,
    RunSpec,
    ToolCall,
    Verdict,
)
from bastion.evaluation.stopping import StopChecker, StopRecord, validate_rule
from bastion.evaluation.transport import Transport, TransportError
from bastion.protocols.sse import MalformedEvent, SSEParser
from bastion.store.evals import EvalRepository

if TYPE_CHECKING:
    from bastion.evaluation.judge import Judge

log = logging.getLogger(__name__)

PURPOSE_HEADER = "x-bastion-purpose"
RUN_HEADER = "x-bastion-eval-run"
CLASSIFICATION_HEADER = "x-bastion-data-classification"
ANTHROPIC_VERSION = "2023-06-01"
# A Messages request must say how long its answer may be; items that do not get this.
DEFAULT_MESSAGES_MAX_TOKENS = 1024
DEFAULT_TIMEOUT_SECONDS = 600.0
DEFAULT_RETRIES = 3
# Pairs in a row (each after its retries) that may fail to reach the gateway before the run
# stops as interrupted: a gateway that is down would otherwise take hours of retries to say so.
DEFAULT_MAX_UNREACHABLE = 10
_PATHS = {"openai": "/v1/chat/completions", "anthropic": "/v1/messages"}
# Chat completions parameter names as Messages names them; others keep their names.
_MESSAGES_PARAMS = {"stop": "stop_sequences", "max_completion_tokens": "max_tokens"}
_OPENAI_ONLY = frozenset({"seed", "frequency_penalty", "presence_penalty", "n", "logprobs"})

# Prices an answer: (backend, model, input tokens, output tokens) -> US dollars, or None.
Pricer = Callable[[str, str, int, int], Decimal | None]


class EvalError(Exception):
    """A run that cannot start: an unknown target, a dataset that changed since the run began."""


def new_run_id() -> str:
    return "eval_" + secrets.token_hex(10)


@dataclass(frozen=True, slots=True)
class TargetInfo:
    """What the gateway says about a target: where it runs (``local`` or ``external``)."""

    name: str
    location: str | None
    backend: str | None = None
    simulated: bool = False


@dataclass(slots=True)
class RunOutcome:
    status: str  # completed, interrupted, stopped_early
    totals: dict[str, Any]
    results: list[ItemResult] = field(default_factory=list)
    # Why the run stopped before sending every item (status stopped_early).
    stopped: StopRecord | None = None
    # Why the run gave up sending (status interrupted): the gateway kept failing to answer.
    gave_up: str | None = None


def build_request(item: EvalItem, target: str, params: Mapping[str, Any]) -> dict[str, Any]:
    """The body sent for ``item`` to ``target``: the item's request, the run's parameters
    over its own, the target as model, streamed (with usage for chat completions)."""
    body = dict(item.request)
    if item.protocol == "anthropic":
        for name, value in params.items():
            if name in _OPENAI_ONLY:
                continue
            body[_MESSAGES_PARAMS.get(name, name)] = value
        body.setdefault("max_tokens", DEFAULT_MESSAGES_MAX_TOKENS)
    else:
        body.update(params)
        body["stream_options"] = {"include_usage": True}
    body["model"] = target
    body["stream"] = True
    return body


def request_headers(
    spec: RunSpec, item: EvalItem, key: str | None, *, extra: Mapping[str, str] | None = None
) -> dict[str, str]:
    headers = {
        "content-type": "application/json",
        "accept": "text/event-stream",
        PURPOSE_HEADER: "evaluation",
        RUN_HEADER: spec.run_id,
    }
    if key:
        headers["authorization"] = f"Bearer {key}"
    if item.protocol == "anthropic":
        headers["anthropic-version"] = ANTHROPIC_VERSION
    if item.classifications:
        headers[CLASSIFICATION_HEADER] = ",".join(sorted(item.classifications))
    if extra:
        headers.update(extra)
    return headers


class _Reading:
    """What a streamed answer said so far, for either protocol."""

    def __init__(self, protocol: str, started: float) -> None:
        self.protocol = protocol
        self.started = started
        self.text: list[str] = []
        self.tools: dict[int, list[str]] = {}  # index -> [name, arguments]
        self.finish_reason: str | None = None
        self.model: str | None = None
        self.input_tokens = 0
        self.output_tokens = 0
        self.first: float | None = None
        self.last: float | None = None
        self.ended = False
        self.error: str | None = None

    def content(self) -> None:
        now = time.perf_counter()
        if self.first is None:
            self.first = now
        self.last = now

    def feed(self, event: str | None, data: str) -> None:
        if self.protocol == "anthropic":
            self._anthropic(event, data)
        else:
            self._openai(data)

    def _openai(self, data: str) -> None:
        if data.strip() == "[DONE]":
            self.ended = True
            return
        chunk = json.loads(data)
        if not isinstance(chunk, dict):
            return
        if chunk.get("error"):
            self.error = _error_message(chunk)
            return
        self.model = chunk.get("model") or self.model
        usage = chunk.get("usage")
        if isinstance(usage, dict):
            self.input_tokens = int(usage.get("prompt_tokens") or 0)
            self.output_tokens = int(usage.get("completion_tokens") or 0)
        for choice in chunk.get("choices") or []:
            if not isinstance(choice, dict) or choice.get("index", 0) != 0:
                continue
            delta = choice.get("delta") or {}
            text = delta.get("content")
            if isinstance(text, str) and text:
                self.text.append(text)
                self.content()
            refusal = delta.get("refusal")
            if isinstance(refusal, str) and refusal:
                self.text.append(refusal)
                self.finish_reason = "refusal"
                self.content()
            for call in delta.get("tool_calls") or []:
                if not isinstance(call, dict):
                    continue
                slot = self.tools.setdefault(int(call.get("index") or 0), ["", ""])
                function = call.get("function") or {}
                if function.get("name"):
                    slot[0] += function["name"]
                if function.get("arguments"):
                    slot[1] += function["arguments"]
                self.content()
            if choice.get("finish_reason") and self.finish_reason != "refusal":
                self.finish_reason = choice["finish_reason"]

    def _anthropic(self, event: str | None, data: str) -> None:
        payload = json.loads(data)
        kind = event or (payload.get("type") if isinstance(payload, dict) else None)
        if not isinstance(payload, dict):
            return
        if kind == "error":
            self.error = _error_message(payload)
        elif kind == "message_start":
            message = payload.get("message") or {}
            self.model = message.get("model") or self.model
            usage = message.get("usage") or {}
            self.input_tokens = int(usage.get("input_tokens") or 0)
            self.output_tokens = int(usage.get("output_tokens") or 0)
        elif kind == "content_block_start":
            block = payload.get("content_block") or {}
            if block.get("type") == "tool_use":
                self.tools[int(payload.get("index") or 0)] = [block.get("name") or "", ""]
                self.content()
            elif block.get("type") == "text" and block.get("text"):
                self.text.append(block["text"])
                self.content()
        elif kind == "content_block_delta":
            delta = payload.get("delta") or {}
            if delta.get("type") == "text_delta" and delta.get("text"):
                self.text.append(delta["text"])
                self.content()
            elif delta.get("type") == "input_json_delta":
                slot = self.tools.setdefault(int(payload.get("index") or 0), ["", ""])
                slot[1] += delta.get("partial_json") or ""
                self.content()
        elif kind == "message_delta":
            delta = payload.get("delta") or {}
            self.finish_reason = delta.get("stop_reason") or self.finish_reason
            usage = payload.get("usage") or {}
            if usage.get("output_tokens") is not None:
                self.output_tokens = int(usage["output_tokens"])
            if usage.get("input_tokens"):
                self.input_tokens = int(usage["input_tokens"])
        elif kind == "message_stop":
            self.ended = True

    def tool_calls(self) -> tuple[ToolCall, ...]:
        return tuple(ToolCall(name, args) for _, (name, args) in sorted(self.tools.items()))


def _error_message(payload: Mapping[str, Any]) -> str:
    error = payload.get("error")
    if isinstance(error, dict):
        return str(error.get("message") or error.get("type") or error)
    return str(error or payload)


def _whole_answer(protocol: str, payload: Any, reading: _Reading) -> None:
    """A reply that came as one JSON body although a stream was asked for."""
    if not isinstance(payload, dict):
        reading.error = "the answer is not a JSON object"
        return
    reading.model = payload.get("model")
    if protocol == "anthropic":
        for index, block in enumerate(payload.get("content") or []):
            if block.get("type") == "text":
                reading.text.append(block.get("text") or "")
            elif block.get("type") == "tool_use":
                arguments = json.dumps(block.get("input") or {})
                reading.tools[index] = [block.get("name") or "", arguments]
        reading.finish_reason = payload.get("stop_reason")
        usage = payload.get("usage") or {}
        reading.input_tokens = int(usage.get("input_tokens") or 0)
        reading.output_tokens = int(usage.get("output_tokens") or 0)
    else:
        choices = payload.get("choices") or [{}]
        message = choices[0].get("message") or {}
        reading.text.append(message.get("content") or message.get("refusal") or "")
        for index, call in enumerate(message.get("tool_calls") or []):
            function = call.get("function") or {}
            reading.tools[index] = [function.get("name") or "", function.get("arguments") or ""]
        reading.finish_reason = choices[0].get("finish_reason")
        usage = payload.get("usage") or {}
        reading.input_tokens = int(usage.get("prompt_tokens") or 0)
        reading.output_tokens = int(usage.get("completion_tokens") or 0)
    reading.content()
    reading.ended = True


class EvalRunner:
    """Sends a run's items to its targets through ``transport`` and stores the results."""

    def __init__(
        self,
        transport: Transport,
        store: EvalRepository | None,
        *,
        key: str | None,
        pricer: Pricer | None = None,
        retries: int = DEFAULT_RETRIES,
        timeout: float = DEFAULT_TIMEOUT_SECONDS,
        retry_delay: float = 0.5,
        on_result: Callable[[ItemResult], Awaitable[None] | None] | None = None,
        max_unreachable: int = DEFAULT_MAX_UNREACHABLE,
    ) -> None:
        self._transport = transport
        self._store = store
        self._key = key
        self._pricer = pricer
        self._retries = retries
        self._timeout = timeout
        self._retry_delay = retry_delay
        self._on_result = on_result
        self._max_unreachable = max_unreachable

    async def describe_targets(
        self, targets: Sequence[str], *, role: str = "target"
    ) -> dict[str, TargetInfo]:
        """Asks the gateway about each target (or the judge, ``role``); EvalError names one
        it does not know."""
        return {target: await self._describe(target, role) for target in targets}

    async def _describe(self, target: str, role: str) -> TargetInfo:
        headers = {"authorization": f"Bearer {self._key}"} if self._key else {}
        path = "/v1/models/" + quote(target, safe="/@")
        try:
            async with self._transport.request("GET", path, headers, timeout=30) as reply:
                body = b"".join([chunk async for chunk in reply.chunks])
        except (TransportError, TimeoutError) as exc:
            raise EvalError(f"cannot reach the gateway to look up {target!r}: {exc}") from None
        if reply.status == 404:
            raise EvalError(f"the gateway does not know the {role} {target!r}")
        if reply.status in (401, 403):
            raise EvalError(f"the gateway refused the key (HTTP {reply.status})")
        if reply.status != 200:
            raise EvalError(f"looking up {target!r} failed: HTTP {reply.status}")
        listed = json.loads(body)
        return TargetInfo(
            target, listed.get("location"), listed.get("backend"), bool(listed.get("simulated"))
        )

    async def run(
        self,
        spec: RunSpec,
        items: Sequence[EvalItem],
        targets: Mapping[str, TargetInfo] | None = None,
    ) -> RunOutcome:
        """Runs every unfinished (item, target) pair of ``spec``; returns the totals of all
        of the run's results (earlier ones included, when resuming)."""
        if targets is None:
            targets = await self.describe_targets(spec.targets)
        done: set[tuple[str, str]] = set()
        if self._store is not None:
            done = await self._store.finished_pairs(spec.run_id)
        pending: asyncio.Queue[tuple[EvalItem, str]] = asyncio.Queue()
        skipped = 0
        expected: dict[str, frozenset[str]] = {}
        for item in items:
            sent_to = []
            for target in spec.targets:
                if item.classifications and targets[target].location != "local":
                    skipped += 1  # sensitive data goes to local targets only
                    continue
                sent_to.append(target)
                if (item.id, target) not in done:
                    pending.put_nowait((item, target))
            expected[item.id] = frozenset(sent_to)
        fresh: list[ItemResult] = []
        unreachable: list[str] = []
        # Items of which some pair was sent (or answered before a resume): once the run
        # stops, their other pairs are still sent, so every item answered is answered whole.
        started = {item_id for item_id, _ in done}
        checker: StopChecker | None = None
        if spec.early_stop is not None:
            # Items are started at most ``concurrency`` past the next check point before it
            # is taken, so a straggler in the checked items cannot let the run run on.
            checker = StopChecker(
                spec, spec.early_stop, items, expected, lookahead=spec.concurrency
            )
            if done and self._store is not None:
                # A resumed run takes again the decisions its earlier answers imply.
                checker.add_all(await self._store.results(spec.run_id))
        changed = asyncio.Condition()
        held_back = 0
        streak = _UnreachableStreak(self._max_unreachable)

        async def worker() -> None:
            nonlocal held_back
            while not streak.gave_up:
                try:
                    item, target = pending.get_nowait()
                except asyncio.QueueEmpty:
                    return
                if checker is not None:
                    async with changed:
                        await changed.wait_for(partial(checker.may_start, item.id))
                    if checker.stopped is not None and item.id not in started:
                        held_back += 1  # stopped early: no new item is started
                        continue
                started.add(item.id)
                answer, failure = await self._ask_with_retries(spec, item, target)
                if answer is None:
                    unreachable.append(f"{item.id} → {target}")
                    streak.failed(f"item {item.id} to {target}: {failure}")
                    if checker is not None:
                        # The checked items cannot all be answered in this run: no more
                        # checks, nothing held for them.
                        checker.abandon()
                        async with changed:
                            changed.notify_all()
                    continue
                streak.reached()
                result = evaluate(item, answer)
                if self._store is not None:
                    await self._store.put_result(spec.run_id, result)
                fresh.append(result)
                if checker is not None and checker.stopped is None:
                    stop = checker.add(result)
                    if stop is not None:
                        log.info(
                            "evaluation run stopped early",
                            extra={"run": spec.run_id, "at_items": stop.at_items},
                        )
                    async with changed:
                        changed.notify_all()
                if self._on_result is not None:
                    outcome = self._on_result(result)
                    if outcome is not None:
                        await outcome

        workers = max(1, min(spec.concurrency, pending.qsize()))
        async with asyncio.TaskGroup() as group:
            for _ in range(workers):
                group.create_task(worker())
        if self._store is not None:
            results = await self._store.results(spec.run_id)
        else:
            results = _ordered(fresh, items, spec.targets)
        totals = run_totals(spec, items, results, targets, skipped=skipped)
        if unreachable:
            totals["unreachable"] = len(unreachable)
        stopped = checker.stopped if checker is not None else None
        if stopped is not None:
            totals["stopped_early"] = {**stopped.to_json(), "not_sent": held_back}
            return RunOutcome("stopped_early", totals, results, stopped)
        wanted = totals["expected"]
        status = "completed" if totals["results"] + skipped >= wanted else "interrupted"
        return RunOutcome(status, totals, results, gave_up=streak.reason())

    async def _ask_with_retries(
        self, spec: RunSpec, item: EvalItem, target: str
    ) -> tuple[Answer | None, str]:
        """The answer, or None and why no answer reached us after every retry."""
        failure = ""
        for attempt in range(self._retries + 1):
            try:
                return await self.ask(spec, item, target), ""
            except TransportError as exc:
                failure = str(exc)
            if attempt < self._retries:
                await asyncio.sleep(self._retry_delay * 2**attempt)
        log.warning(
            "evaluation request for item %s to %s failed to reach the gateway: %s",
            item.id, target, failure,
            extra={"run": spec.run_id, "item": item.id, "target": target, "error": failure},
        )  # fmt: skip
        return None, failure

    async def ask(self, spec: RunSpec, item: EvalItem, target: str) -> Answer:
        """One target's answer to one item; TransportError when no answer arrived."""
        body = json.dumps(build_request(item, target, spec.params)).encode()
        headers = request_headers(spec, item, self._key)
        started = time.perf_counter()
        reading = _Reading(item.protocol, started)
        status = 0
        response_headers: Mapping[str, str] = {}
        try:
            async with self._transport.request(
                "POST", _PATHS[item.protocol], headers, body, timeout=self._timeout
            ) as reply:
                status, response_headers = reply.status, reply.headers
                if status >= 400:
                    raw = b"".join([chunk async for chunk in reply.chunks])
                    return self._failed(target, status, raw, response_headers, started)
                if "text/event-stream" not in response_headers.get("content-type", ""):
                    raw = b"".join([chunk async for chunk in reply.chunks])
                    try:
                        _whole_answer(item.protocol, json.loads(raw), reading)
                    except ValueError:
                        reading.error = f"the answer is not JSON: {raw[:200]!r}"
                else:
                    parser = SSEParser()
                    async for chunk in reply.chunks:
                        try:
                            events = parser.feed(chunk)
                        except MalformedEvent as exc:
                            reading.error = f"a malformed stream: {exc}"
                            break
                        for event in events:
                            try:
                                reading.feed(event.event, event.data)
                            except (ValueError, TypeError, AttributeError):
                                reading.error = f"a malformed stream event: {event.data[:200]!r}"
                        if reading.error is not None:
                            break
        except TimeoutError:
            return Answer(
                target,
                status,
                error=f"no complete answer within {self._timeout:g} s",
                request_id=response_headers.get("x-request-id"),
                latency=time.perf_counter() - started,
            )
        finished = time.perf_counter()
        if reading.error is None and not reading.ended:
            reading.error = "the stream ended before the answer was complete"
        return self._answer(target, status, reading, response_headers, finished)

    def _failed(
        self,
        target: str,
        status: int,
        raw: bytes,
        headers: Mapping[str, str],
        started: float,
    ) -> Answer:
        try:
            message = _error_message(json.loads(raw))
        except ValueError:
            message = raw[:200].decode("utf-8", "replace")
        return Answer(
            target,
            status,
            error=f"HTTP {status}: {message}",
            request_id=headers.get("x-request-id"),
            latency=time.perf_counter() - started,
        )

    def _answer(
        self,
        target: str,
        status: int,
        reading: _Reading,
        headers: Mapping[str, str],
        finished: float,
    ) -> Answer:
        ttft = reading.first - reading.started if reading.first is not None else None
        tpot = None
        if reading.first is not None and reading.last is not None and reading.output_tokens > 1:
            tpot = (reading.last - reading.first) / (reading.output_tokens - 1)
        backend = headers.get("x-bastion-backend")
        return Answer(
            target=target,
            status=status,
            text="".join(reading.text) if reading.error is None else None,
            tool_calls=reading.tool_calls() if reading.error is None else (),
            finish_reason=reading.finish_reason,
            error=reading.error,
            request_id=headers.get("x-request-id"),
            input_tokens=reading.input_tokens,
            output_tokens=reading.output_tokens,
            ttft=ttft,
            tpot=tpot,
            latency=finished - reading.started,
            cost_usd=self._cost(backend, reading),
        )

    def _cost(self, backend: str | None, reading: _Reading) -> Decimal | None:
        if backend == "cache":
            return Decimal(0)  # answered from the cache: no backend ran
        if self._pricer is None or backend is None or reading.model is None:
            return None
        try:
            return self._pricer(backend, reading.model, reading.input_tokens, reading.output_tokens)
        except Exception:  # an unpriced model is a cost unknown, never a failed run
            return None


class _UnreachableStreak:
    """Pairs in a row that never reached the gateway; at ``limit`` the run gives up."""

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._count = 0
        self._last = ""
        self.gave_up = False

    def failed(self, what: str) -> None:
        self._count += 1
        self._last = what
        if self._count >= self._limit:
            self.gave_up = True

    def reached(self) -> None:
        if not self.gave_up:
            self._count = 0

    def reason(self) -> str | None:
        if not self.gave_up:
            return None
        return (
            f"stopped after {self._limit} requests in a row failed to reach the gateway "
            f"(the last, {self._last})"
        )


def _ordered(
    results: Sequence[ItemResult], items: Sequence[EvalItem], targets: Sequence[str]
) -> list[ItemResult]:
    position = {item.id: index for index, item in enumerate(items)}
    order = {target: index for index, target in enumerate(targets)}
    return sorted(results, key=lambda r: (position.get(r.item_id, 0), order.get(r.target, 0)))


def run_totals(
    spec: RunSpec,
    items: Sequence[EvalItem],
    results: Sequence[ItemResult],
    targets: Mapping[str, TargetInfo] | None = None,
    *,
    skipped: int = 0,
) -> dict[str, Any]:
    """Counts per target (results, passed, failed, unchecked, errors, format violations,
    refusals, cost) and over the run, as stored with the run and shown by ``eval show``."""
    per_target: dict[str, dict[str, Any]] = {}
    for target in spec.targets:
        mine = [r for r in results if r.target == target]
        costs = [r.answer.cost_usd for r in mine if r.answer.cost_usd is not None]
        per_target[target] = {
            "results": len(mine),
            "passed": sum(r.passed is True for r in mine),
            "failed": sum(r.passed is False for r in mine),
            "unchecked": sum(r.passed is None for r in mine),
            "errors": sum(r.answer.error is not None for r in mine),
            "format_violations": sum(r.format_violation for r in mine),
            "refusals": sum(r.refusal for r in mine),
            "cost_usd": str(sum(costs, Decimal(0))) if costs else None,
            "location": targets[target].location if targets and target in targets else None,
            # Kept with the run so every later report labels the simulator's figures.
            "simulated": bool(targets and target in targets and targets[target].simulated),
        }
    return {
        "items": len(items),
        "targets": len(spec.targets),
        "expected": len(items) * len(spec.targets),
        "results": len(results),
        "skipped": skipped,
        "per_target": per_target,
    }


async def create_run(
    store: EvalRepository,
    *,
    dataset: str,
    dataset_sha256: str,
    items: Sequence[EvalItem],
    targets: Sequence[str],
    baseline: str | None = None,
    params: Mapping[str, Any] | None = None,
    concurrency: int = 8,
    seed: int = 0,
    origin: str = "cli",
    run_id: str | None = None,
    judge_model: str | None = None,
    judge_mode: JudgeMode = "pairwise",
    judge_rubric: str | None = None,
    early_stop: EarlyStopRule | None = None,
) -> RunSpec:
    """Stores a new run and its items; the spec pins everything that decides its outcome."""
    if not targets:
        raise EvalError("a run needs at least one target")
    if len(set(targets)) != len(targets):
        raise EvalError("a target is named twice")
    chosen = baseline or targets[0]
    if chosen not in targets:
        raise EvalError(f"the baseline {chosen!r} is not one of the targets")
    if concurrency < 1:
        raise EvalError("concurrency is at least 1")
    if early_stop is not None:
        problem = validate_rule(early_stop, len(targets) - 1)
        if problem is not None:
            raise EvalError(problem)
    spec = RunSpec(
        run_id=run_id or new_run_id(),
        dataset=dataset,
        dataset_sha256=dataset_sha256,
        targets=tuple(targets),
        baseline=chosen,
        params=dict(params or {}),
        concurrency=concurrency,
        seed=seed,
        judge_model=judge_model,
        judge_mode=judge_mode,
        judge_rubric=judge_rubric,
        early_stop=early_stop,
    )
    await store.create_run(spec, items, origin=origin)
    return spec


async def execute_run(
    runner: EvalRunner, store: EvalRepository, spec: RunSpec, items: Sequence[EvalItem]
) -> RunOutcome:
    """Runs (or resumes) a stored run, keeping its status: running while it runs, then
    completed, stopped_early (its early-stopping rule decided; resuming it sends nothing),
    interrupted (cancelled, or some requests never reached the gateway: run it again to
    finish) or failed (with the error)."""
    from datetime import UTC, datetime

    stored = await store.get(spec.run_id)
    if stored is not None and stored.status == "stopped_early":
        # A run that stopped early stays stopped: resuming it sends nothing.
        return RunOutcome(
            "stopped_early",
            stored.totals,
            await store.results(spec.run_id),
            StopRecord.from_json(stored.totals.get("stopped_early")),
        )
    await store.set_status(spec.run_id, "running", started_at=datetime.now(UTC), clear_finish=True)
    targets: dict[str, TargetInfo] | None = None
    try:
        targets = await runner.describe_targets(spec.targets)
        if spec.judge_model is not None:
            # An unknown judge would make every verdict an error: refuse it before sending.
            await runner.describe_targets([spec.judge_model], role="judge")
        outcome = await runner.run(spec, items, targets)
    except asyncio.CancelledError:
        results = await asyncio.shield(store.results(spec.run_id))
        totals = run_totals(spec, items, results, targets)
        await asyncio.shield(
            store.set_status(spec.run_id, "interrupted", totals=totals, error="interrupted")
        )
        raise
    except BaseException as exc:
        message = str(exc) or type(exc).__name__
        await asyncio.shield(store.set_status(spec.run_id, "failed", error=message))
        raise
    error = None
    if outcome.status == "interrupted":
        missing = outcome.totals["expected"] - outcome.totals["results"] - outcome.totals["skipped"]
        error = f"{missing} request(s) never reached the gateway; resume the run to finish it"
        if outcome.gave_up is not None:
            error = f"{outcome.gave_up}; {error}"
    await store.set_status(
        spec.run_id,
        outcome.status,
        finished_at=datetime.now(UTC),
        totals=outcome.totals,
        error=error,
    )
    return outcome


async def judge_run(
    judge: Judge,
    store: EvalRepository,
    spec: RunSpec,
    items: Sequence[EvalItem],
    results: Sequence[ItemResult],
    *,
    on_verdict: Callable[[Verdict], None] | None = None,
) -> list[Verdict]:
    """The judge's verdict on every item that both the baseline and a candidate answered,
    each candidate against the baseline, stored as each comes; items judged before (a resumed
    run) are not asked again. Returns all of the run's verdicts."""
    judged = {(v.item_id, v.candidate, v.baseline) for v in await store.verdicts(spec.run_id)}
    answers = {(r.item_id, r.target): r.answer for r in results}
    pending = [
        (item, candidate)
        for item in items
        for candidate in spec.targets
        if candidate != spec.baseline
        and (item.id, candidate) in answers
        and (item.id, spec.baseline) in answers
        and (item.id, candidate, spec.baseline) not in judged
    ]
    slots = asyncio.Semaphore(max(1, spec.concurrency))

    async def one(item: EvalItem, candidate: str) -> None:
        async with slots:
            verdict = await judge.compare(
                item, answers[(item.id, candidate)], answers[(item.id, spec.baseline)]
            )
        await store.put_verdicts(spec.run_id, [verdict])
        if on_verdict is not None:
            on_verdict(verdict)

    async with asyncio.TaskGroup() as group:
        for item, candidate in pending:
            group.create_task(one(item, candidate))
    return await store.verdicts(spec.run_id)
