"""Continuous batching, as vLLM v1 schedules it.

Each step first gives every running sequence its next tokens (one for a decode, a chunk for an
unfinished prefill), preempting the most recently admitted sequence whenever the KV cache has
no block left; then, if nothing was preempted, admits waiting sequences in order while the
step's token budget, ``max_num_seqs`` and free blocks allow. A preempted sequence loses its
blocks, goes back to the front of the queue and later recomputes its prompt and everything it
had generated (prefix-cached blocks permitting).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from bastion.sim.kv_cache import KVCache, KVSlots
from bastion.sim.textgen import FinishReason, OutputSource

# The request a sequence belongs to (the engine's ``RequestHandle``); the scheduler never
# looks at it, so it does not import the module that defines it (which imports this one).
Owner = TypeVar("Owner")


@dataclass(slots=True, eq=False)
class Sequence(Generic[Owner]):
    """One output of one request (a request with ``n`` choices has ``n`` sequences)."""

    handle: Owner
    index: int
    token_ids: list[int]
    num_prompt: int
    max_tokens: int
    output: OutputSource
    arrival: float
    kv: KVSlots = field(default_factory=KVSlots)
    num_computed: int = 0
    num_cached: int | None = None
    first_token_at: float | None = None
    last_token_at: float = 0.0
    finish: FinishReason | None = None
    preemptions: int = 0

    @property
    def num_output(self) -> int:
        return len(self.token_ids) - self.num_prompt

    @property
    def is_decoding(self) -> bool:
        return self.num_output > 0 and self.num_computed == len(self.token_ids) - 1


@dataclass(slots=True)
class StepPlan(Generic[Owner]):
    scheduled: list[tuple[Sequence[Owner], int]] = field(default_factory=list)
    prefill_tokens: int = 0
    decode_seqs: int = 0
    preempted: int = 0
    admitted: list[Sequence[Owner]] = field(default_factory=list)


class Scheduler(Generic[Owner]):
    def __init__(self, kv: KVCache, max_num_seqs: int, max_num_batched_tokens: int) -> None:
        self.kv = kv
        self.max_num_seqs = max_num_seqs
        self.max_num_batched_tokens = max_num_batched_tokens
        self.waiting: deque[Sequence[Owner]] = deque()
        self.running: list[Sequence[Owner]] = []

    def add(self, seq: Sequence[Owner]) -> None:
        self.waiting.append(seq)

    def remove(self, seq: Sequence[Owner]) -> None:
        """Drop a finished or aborted sequence and give back its blocks."""
        if seq in self.running:
            self.running.remove(seq)
        elif seq in self.waiting:
            self.waiting.remove(seq)
        self.kv.free(seq.kv)

    @property
    def has_work(self) -> bool:
        return bool(self.running or self.waiting)

    def schedule(self) -> StepPlan[Owner]:
        plan = StepPlan[Owner]()
        budget = self.max_num_batched_tokens
        self._schedule_running(plan, budget)
        budget -= sum(n for _, n in plan.scheduled)
        if not plan.preempted:
            self._admit_waiting(plan, budget)
        return plan

    def _schedule_running(self, plan: StepPlan[Owner], budget: int) -> None:
        i = 0
        while i < len(self.running) and budget > 0:
            seq = self.running[i]
            num_new = min(len(seq.token_ids) - seq.num_computed, budget)
            while not self.kv.allocate(seq.kv, seq.token_ids, seq.num_computed + num_new):
                victim = self.running.pop()
                self._preempt(victim)
                plan.preempted += 1
                if victim is seq:
                    break
            else:
                self._add(plan, seq, num_new)
                budget -= num_new
                i += 1

    def _admit_waiting(self, plan: StepPlan[Owner], budget: int) -> None:
        while self.waiting and budget > 0 and len(self.running) < self.max_num_seqs:
            seq = self.waiting[0]
            if seq.finish is not None:
                self.waiting.popleft()
                continue
            cached = self.kv.find_cached(seq.kv, seq.token_ids)
            num_cached = len(cached) * self.kv.block_size
            num_new = min(len(seq.token_ids) - num_cached, budget)
            if not self.kv.allocate(seq.kv, seq.token_ids, num_cached + num_new, cached):
                break
            self.waiting.popleft()
            seq.num_computed = num_cached
            if seq.num_cached is None:
                seq.num_cached = num_cached
            self.running.append(seq)
            plan.admitted.append(seq)
            self._add(plan, seq, num_new)
            budget -= num_new

    def _add(self, plan: StepPlan[Owner], seq: Sequence[Owner], num_new: int) -> None:
        plan.scheduled.append((seq, num_new))
        if seq.is_decoding:
            plan.decode_seqs += 1
        else:
            plan.prefill_tokens += num_new

    def _preempt(self, seq: Sequence[Owner]) -> None:
        self.kv.free(seq.kv)
        seq.num_computed = 0
        seq.preemptions += 1
        self.waiting.appendleft(seq)
