"""A submitted request as its caller sees it: token events as they come, then a result."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bastion.sim.textgen import FinishReason

if TYPE_CHECKING:
    from bastion.sim.scheduler import Sequence


@dataclass(slots=True)
class TokenEvent:
    index: int
    text: str
    finish: FinishReason | None = None


@dataclass(slots=True)
class ChoiceResult:
    index: int
    text: str
    completion_tokens: int
    finish_reason: FinishReason


@dataclass(slots=True)
class RequestResult:
    """A finished request; times are simulated seconds."""

    prompt_tokens: int
    cached_tokens: int
    choices: list[ChoiceResult]
    arrival: float
    first_token_at: float
    finished_at: float
    preemptions: int

    @property
    def completion_tokens(self) -> int:
        return sum(c.completion_tokens for c in self.choices)

    @property
    def ttft(self) -> float:
        return self.first_token_at - self.arrival

    @property
    def e2e(self) -> float:
        return self.finished_at - self.arrival

    @property
    def mean_itl(self) -> float:
        tokens = max(c.completion_tokens for c in self.choices)
        return (self.finished_at - self.first_token_at) / max(1, tokens - 1)


class RequestHandle:
    """A submitted request: its token events, as they are generated, for all its choices."""

    def __init__(
        self,
        abort: Callable[[RequestHandle], None],
        request_id: str,
        prompt_tokens: int,
        arrival: float,
    ) -> None:
        self._abort = abort
        self.request_id = request_id
        self.prompt_tokens = prompt_tokens
        self.arrival = arrival
        self.seqs: list[Sequence[RequestHandle]] = []
        self._events: deque[TokenEvent] = deque()
        self._ready = asyncio.Event()
        self._open = 0

    @property
    def finished(self) -> bool:
        return self._open == 0

    @property
    def cached_tokens(self) -> int:
        return (self.seqs[0].num_cached or 0) if self.seqs else 0

    def completion_tokens(self, index: int) -> int:
        return self.seqs[index].num_output

    async def next_events(self) -> list[TokenEvent]:
        """Every event not yet taken, waiting for at least one; empty once all are taken."""
        while not self._events:
            if self._open == 0:
                return []
            self._ready.clear()
            await self._ready.wait()
        events = list(self._events)
        self._events.clear()
        return events

    def abort(self) -> None:
        self._abort(self)

    async def result(self) -> RequestResult:
        texts = [""] * len(self.seqs)
        while events := await self.next_events():
            for event in events:
                texts[event.index] += event.text
        choices = [
            ChoiceResult(s.index, texts[s.index], s.num_output, s.finish or "abort")
            for s in self.seqs
        ]
        first = min(
            (s.first_token_at for s in self.seqs if s.first_token_at is not None),
            default=self.arrival,
        )
        return RequestResult(
            prompt_tokens=self.prompt_tokens,
            cached_tokens=self.cached_tokens,
            choices=choices,
            arrival=self.arrival,
            first_token_at=first,
            finished_at=max(s.last_token_at for s in self.seqs),
            preemptions=sum(s.preemptions for s in self.seqs),
        )

    def _push(self, event: TokenEvent) -> None:
        self._events.append(event)
        if event.finish is not None:
            self._open -= 1
        self._ready.set()
