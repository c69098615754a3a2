"""The simulated engine: an asyncio loop that schedules, "runs" and emits one step at a time.

Usable without HTTP: ``submit`` (or ``generate``) returns a :class:`RequestHandle` whose events
arrive token by token as steps complete; ``abort`` frees a request's KV blocks at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
from collections.abc import Sequence as SequenceOf
from dataclasses import dataclass, field
from typing import Any

from bastion.sim.clock import SimClock
from bastion.sim.config import SimConfig
from bastion.sim.handle import RequestHandle, TokenEvent
from bastion.sim.kv_cache import KVCache, salt_of
from bastion.sim.metrics import SimMetrics
from bastion.sim.scheduler import Scheduler, Sequence, StepPlan
from bastion.sim.textgen import FinishReason, OutputSource, TextOutput, natural_length, request_rng
from bastion.sim.timing import TimingModel


class ContextLengthError(ValueError):
    """The request cannot fit in the model's context (or the whole KV cache) even alone."""


@dataclass(slots=True)
class EngineCounters:
    steps: int = 0
    preemptions: int = 0
    requests_submitted: int = 0
    requests_finished: int = 0
    requests_aborted: int = 0
    prompt_tokens: int = 0
    generation_tokens: int = 0
    cached_tokens: int = 0
    busy_seconds: float = 0.0
    by_finish_reason: dict[str, int] = field(default_factory=dict)


class SimEngine:
    def __init__(self, config: SimConfig, *, clock: SimClock | None = None) -> None:
        self.config = config
        self.clock = clock or SimClock(config.time_scale)
        self.kv = KVCache(config.num_kv_blocks, config.block_size, config.enable_prefix_caching)
        self.scheduler: Scheduler[RequestHandle] = Scheduler(
            self.kv, config.max_num_seqs, config.max_num_batched_tokens
        )
        self.timing = TimingModel(config)
        self.metrics = SimMetrics(
            config.model, config.block_size, config.num_kv_blocks, config.enable_prefix_caching
        )
        self.counters = EngineCounters()
        self._ids = itertools.count(1)
        self._handles: dict[str, RequestHandle] = {}
        self._wake = asyncio.Event()
        self._unpaused = asyncio.Event()
        self._unpaused.set()
        self._task: asyncio.Task[None] | None = None
        self._prefix_seen = (0, 0)

    # Lifecycle -------------------------------------------------------------------------------

    async def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="bastion-sim-engine")

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        for handle in list(self._handles.values()):
            self.abort(handle)

    @property
    def paused(self) -> bool:
        return not self._unpaused.is_set()

    def pause(self) -> None:
        """Stop producing tokens (a hung engine); requests are still queued."""
        self._unpaused.clear()

    def resume(self) -> None:
        self._unpaused.set()

    # Requests --------------------------------------------------------------------------------

    def check_fits(self, prompt_tokens: int, max_tokens: int) -> None:
        limit = self.config.max_request_tokens
        if prompt_tokens + max_tokens > limit:
            raise ContextLengthError(
                f"This model's maximum context length is {limit} tokens. However, you requested "
                f"{prompt_tokens + max_tokens} tokens ({prompt_tokens} in the messages, "
                f"{max_tokens} in the completion). Please reduce the length of the messages or "
                "completion."
            )

    def default_max_tokens(self, prompt_tokens: int) -> int:
        room = self.config.max_request_tokens - prompt_tokens
        if room < 1:
            self.check_fits(prompt_tokens, 1)
        return min(self.config.default_max_tokens, room)

    def text_output(
        self,
        prompt: SequenceOf[int],
        index: int,
        *,
        seed: int | None = None,
        stop: SequenceOf[str] = (),
        ignore_eos: bool = False,
        min_tokens: int = 0,
    ) -> TextOutput:
        rng = request_rng(self.config.seed, seed, prompt, index)
        length = natural_length(rng, self.config, min_tokens)
        return TextOutput(rng, None if ignore_eos else length, stop)

    def generate(
        self,
        prompt: SequenceOf[int],
        max_tokens: int,
        *,
        n: int = 1,
        seed: int | None = None,
        stop: SequenceOf[str] = (),
        ignore_eos: bool = False,
    ) -> RequestHandle:
        """Submit ``n`` free-text outputs for ``prompt`` (token ids)."""
        outputs = [
            self.text_output(prompt, i, seed=seed, stop=stop, ignore_eos=ignore_eos)
            for i in range(n)
        ]
        return self.submit(prompt, outputs, max_tokens)

    def submit(
        self,
        prompt: SequenceOf[int],
        outputs: SequenceOf[OutputSource],
        max_tokens: int,
        cache_salt: str | None = None,
    ) -> RequestHandle:
        if not prompt:
            raise ValueError("the prompt must have at least one token")
        if max_tokens < 1 or not outputs:
            raise ValueError("max_tokens and the number of outputs must be at least 1")
        self.check_fits(len(prompt), max_tokens)
        arrival = self.clock.now()
        request_id = f"sim-{next(self._ids)}"
        handle = RequestHandle(self.abort, request_id, len(prompt), arrival)
        for index, output in enumerate(outputs):
            seq = Sequence(handle, index, list(prompt), len(prompt), max_tokens, output, arrival)
            seq.last_token_at = arrival
            if cache_salt:
                seq.kv.salt = salt_of(cache_salt)
            handle.seqs.append(seq)
            self.scheduler.add(seq)
        handle._open = len(outputs)
        self._handles[request_id] = handle
        self.counters.requests_submitted += 1
        self._wake.set()
        return handle

    def abort(self, handle: RequestHandle) -> None:
        if self._handles.pop(handle.request_id, None) is None:
            return
        for seq in handle.seqs:
            if seq.finish is None:
                seq.finish = "abort"
                self.scheduler.remove(seq)
                handle._push(TokenEvent(seq.index, "", "abort"))
        self.counters.requests_aborted += 1
        self.metrics.success["abort"].inc()
        self._wake.set()

    # The loop --------------------------------------------------------------------------------

    async def _run(self) -> None:
        while True:
            await self._unpaused.wait()
            plan = self.scheduler.schedule()
            self._account_admissions(plan)
            if not plan.scheduled:
                if plan.preempted:
                    continue  # admission was skipped for this round; try again at once
                self._publish_load()
                self.clock.idle()
                self._wake.clear()
                await self._wake.wait()
                continue
            seconds = self.timing.step_seconds(plan.prefill_tokens, plan.decode_seqs, self.kv.usage)
            await self.clock.advance(seconds)
            self.counters.steps += 1
            self.counters.busy_seconds += seconds
            self._apply(plan)
            self._publish_load()

    def _account_admissions(self, plan: StepPlan[RequestHandle]) -> None:
        if plan.preempted:
            self.counters.preemptions += plan.preempted
            self.metrics.preemptions.inc(plan.preempted)
        for seq in plan.admitted:
            if seq.preemptions == 0 and seq.index == 0:
                self.counters.prompt_tokens += seq.num_prompt
                self.counters.cached_tokens += seq.num_cached or 0
                self.metrics.prompt_tokens.inc(seq.num_prompt)
        queries, hits = self.kv.query_tokens, self.kv.hit_tokens
        seen_queries, seen_hits = self._prefix_seen
        if queries != seen_queries:
            self.metrics.prefix_queries.inc(queries - seen_queries)
            self.metrics.prefix_hits.inc(hits - seen_hits)
            self._prefix_seen = (queries, hits)

    def _apply(self, plan: StepPlan[RequestHandle]) -> None:
        now = self.clock.now()
        metrics = self.metrics
        generated = 0
        for seq, num_new in plan.scheduled:
            if seq.finish is not None:
                continue
            seq.num_computed += num_new
            if seq.num_computed < len(seq.token_ids):
                continue  # a prefill chunk: no token yet
            sampled = seq.output.next_token()
            seq.token_ids.append(sampled.token_id)
            generated += 1
            if seq.first_token_at is None:
                seq.first_token_at = now
                if seq.index == 0:
                    metrics.ttft.observe(now - seq.arrival)
            else:
                metrics.observe_itl(now - seq.last_token_at)
            seq.last_token_at = now
            finish = sampled.finish
            text = sampled.text
            if finish is None and seq.num_output >= seq.max_tokens:
                finish = "length"
                text += seq.output.flush()
            if finish is not None:
                self._finish(seq, finish)
            seq.handle._push(TokenEvent(seq.index, text, finish))
        if generated:
            self.counters.generation_tokens += generated
            metrics.generation_tokens.inc(generated)

    def _finish(self, seq: Sequence[RequestHandle], reason: FinishReason) -> None:
        seq.finish = reason
        self.scheduler.remove(seq)
        handle = seq.handle
        if all(s.finish is not None for s in handle.seqs):
            self._handles.pop(handle.request_id, None)
            self.counters.requests_finished += 1
            by_reason = self.counters.by_finish_reason
            by_reason[reason] = by_reason.get(reason, 0) + 1
            self.metrics.success[reason].inc()
            self.metrics.e2e.observe(seq.last_token_at - handle.arrival)

    def _publish_load(self) -> None:
        self.metrics.set_load(
            len(self.scheduler.running), len(self.scheduler.waiting), self.kv.usage
        )

    # Introspection ---------------------------------------------------------------------------

    def state(self) -> dict[str, Any]:
        c = self.counters
        return {
            "model": self.config.model,
            "sim_time": self.clock.now(),
            "paused": self.paused,
            "running": len(self.scheduler.running),
            "waiting": len(self.scheduler.waiting),
            "kv_cache": {
                "num_blocks": self.kv.num_blocks,
                "block_size": self.kv.block_size,
                "free_blocks": self.kv.num_free,
                "cached_blocks": self.kv.num_cached_blocks,
                "usage": self.kv.usage,
                "prefix_cache_query_tokens": self.kv.query_tokens,
                "prefix_cache_hit_tokens": self.kv.hit_tokens,
            },
            "counters": {
                "steps": c.steps,
                "preemptions": c.preemptions,
                "requests_submitted": c.requests_submitted,
                "requests_finished": c.requests_finished,
                "requests_aborted": c.requests_aborted,
                "prompt_tokens": c.prompt_tokens,
                "generation_tokens": c.generation_tokens,
                "cached_tokens": c.cached_tokens,
                "busy_seconds": c.busy_seconds,
                "finish_reasons": dict(c.by_finish_reason),
            },
        }
