"""The sender: requests on a load shape's schedule, each one's raw timestamps recorded.

Open-loop shapes start every request at its scheduled time, whatever the server does; a
request that the generator itself starts late (its event loop was busy) keeps its scheduled
time as the origin of its latencies and records the lag, so falling behind is reported, never
hidden (coordinated omission). Closed-loop shapes (synchronous, concurrency) start a request
when a slot frees; their scheduled time is that moment.

One aiohttp session with a pooled keep-alive connector serves a whole run; measured on this
project's 2-CPU machine it keeps a schedule of several thousand non-streamed requests a second
from one core (benchmarks/bench/throughput.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType

import aiohttp

from bastion.bench.apis import SIMULATED_HEADER, ApiTarget, StreamReader, read_body
from bastion.bench.gateway import read_server_timing
from bastion.bench.prompts import BenchPrompt, PromptSource
from bastion.bench.shapes import Bounds, LoadShape, arrivals
from bastion.bench.trace import RequestRecord
from bastion.protocols.sse import MalformedEvent, SSEParser

# The event loop's timers are only as fine as a millisecond: waits shorter than this are made
# this long, and every request that fell due meanwhile is sent at once.
_MIN_SLEEP = 0.001
PROGRESS_EVERY = 0.5


@dataclass(slots=True)
class Progress:
    """Where a run stands, for a live display."""

    label: str
    elapsed: float
    sent: int
    finished: int
    failed: int
    in_flight: int
    planned: int | None
    late: int


ProgressCallback = Callable[[Progress], None]


class Sender:
    """``async with Sender(target, prompts) as sender: records = await sender.run(...)``."""

    def __init__(
        self,
        target: ApiTarget,
        prompts: PromptSource,
        *,
        connections: int = 4096,
        timeout: float = 600.0,
        lag_tolerance: float = 0.010,
    ) -> None:
        self.target = target
        self.prompts = prompts
        self.connections = connections
        self.timeout = timeout
        self.lag_tolerance = lag_tolerance
        self._session: aiohttp.ClientSession | None = None
        self._headers = target.headers()
        self._next_index = 0

    async def __aenter__(self) -> Sender:
        connector = aiohttp.TCPConnector(
            limit=self.connections,
            limit_per_host=0,
            ttl_dns_cache=None,
            keepalive_timeout=60,
            enable_cleanup_closed=False,
        )
        self._session = aiohttp.ClientSession(
            connector=connector,
            timeout=aiohttp.ClientTimeout(total=self.timeout),
            skip_auto_headers=("User-Agent", "Accept-Encoding"),
            auto_decompress=False,
        )
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    @property
    def session(self) -> aiohttp.ClientSession:
        assert self._session is not None, "use the sender with 'async with'"
        return self._session

    async def run(
        self,
        shape: LoadShape,
        bounds: Bounds,
        *,
        seed: int = 0,
        progress: ProgressCallback | None = None,
    ) -> list[RequestRecord]:
        """One load level. Prompts continue where the previous level of this sender ended."""
        # Collections pause the loop for milliseconds with many objects alive: the objects made
        # before the run are frozen and the young generation collected rarely while it lasts.
        gc.collect()
        gc.freeze()
        thresholds = gc.get_threshold()
        gc.set_threshold(100_000, 50, 100)
        try:
            if shape.open_loop:
                return await self._open_loop(shape, bounds, seed, progress)
            return await self._closed_loop(shape, bounds, progress)
        finally:
            gc.set_threshold(*thresholds)
            gc.unfreeze()

    # Open loop -------------------------------------------------------------------------------

    def _schedule(
        self, shape: LoadShape, bounds: Bounds, seed: int
    ) -> list[tuple[float, BenchPrompt]]:
        first = self._next_index
        if shape.kind == "replay":
            plan = _replay_plan(self.prompts, shape, bounds)
            self._next_index = 0
            return plan
        plan = [
            (offset, self.prompts.prompt(first + n))
            for n, offset in enumerate(arrivals(shape, bounds, seed))
        ]
        self._next_index = first + len(plan)
        return plan

    async def _open_loop(
        self, shape: LoadShape, bounds: Bounds, seed: int, progress: ProgressCallback | None
    ) -> list[RequestRecord]:
        plan = self._schedule(shape, bounds, seed)
        bodies = [self.target.body(prompt) for _, prompt in plan]
        records = [
            RequestRecord(
                index=n,
                scheduled=offset,
                streamed=self.target.streamed,
                expected_input_tokens=prompt.input_tokens,
            )
            for n, (offset, prompt) in enumerate(plan)
        ]
        tasks: set[asyncio.Task[None]] = set()
        clock = time.perf_counter
        start = clock() + 0.02
        state = _State(start, records, shape.describe(), len(records), self.lag_tolerance)
        reporter = self._reporter(state, progress)
        try:
            create = asyncio.get_running_loop().create_task
            index = 0
            total = len(records)
            while index < total:
                now = clock() - start
                while index < total and records[index].scheduled <= now:
                    task = create(self._send(records[index], bodies[index], start, state))
                    tasks.add(task)
                    task.add_done_callback(tasks.discard)
                    index += 1
                if index < total:
                    wait = records[index].scheduled - (clock() - start)
                    await asyncio.sleep(wait if wait > _MIN_SLEEP else _MIN_SLEEP)
            if tasks:
                await asyncio.gather(*tasks)
        finally:
            await _cancel(reporter, tasks)
        return records

    # Closed loop -----------------------------------------------------------------------------

    async def _closed_loop(
        self, shape: LoadShape, bounds: Bounds, progress: ProgressCallback | None
    ) -> list[RequestRecord]:
        records: list[RequestRecord] = []
        clock = time.perf_counter
        start = clock()
        state = _State(start, records, shape.describe(), bounds.max_requests, self.lag_tolerance)
        first = self._next_index

        def take() -> tuple[RequestRecord, bytes] | None:
            now = clock() - start
            if bounds.max_requests is not None and len(records) >= bounds.max_requests:
                return None
            if bounds.duration is not None and now >= bounds.duration:
                return None
            prompt = self.prompts.prompt(first + len(records))
            record = RequestRecord(
                index=len(records),
                scheduled=now,
                streamed=self.target.streamed,
                expected_input_tokens=prompt.input_tokens,
            )
            records.append(record)
            return record, self.target.body(prompt)

        async def worker() -> None:
            while (job := take()) is not None:
                await self._send(job[0], job[1], start, state)

        reporter = self._reporter(state, progress)
        try:
            await asyncio.gather(*(worker() for _ in range(shape.slots)))
        finally:
            await _cancel(reporter, set())
        self._next_index = first + len(records)
        return records

    # One request -----------------------------------------------------------------------------

    async def _send(self, record: RequestRecord, body: bytes, start: float, state: _State) -> None:
        session = self._session
        assert session is not None, "use the sender with 'async with'"
        clock = time.perf_counter
        record.sent = clock() - start
        state.sent += 1
        if record.sent - record.scheduled > state.lag_tolerance:
            state.late += 1
        try:
            async with session.post(self.target.url, data=body, headers=self._headers) as response:
                record.status = response.status
                if response.headers.get(SIMULATED_HEADER, "").lower() == "true":
                    record.simulated = True
                timing = response.headers.get("server-timing")
                if timing is not None:
                    read_server_timing(record, timing)
                if response.status != 200:
                    await response.read()
                    record.error = f"http_{response.status}"
                elif self.target.streamed:
                    await self._stream(record, response, start)
                else:
                    payload = await response.read()
                    if not read_body(self.target.api, record, payload):
                        record.error = "bad_response"
        except TimeoutError:
            record.error = "timeout"
        except aiohttp.ClientPayloadError:
            record.error = "stream_cut"
        except MalformedEvent:
            record.error = "bad_response"
        except (aiohttp.ClientError, OSError):
            record.error = "connection"
        except asyncio.CancelledError:
            record.error = "cancelled"
            record.end = clock() - start
            raise
        record.end = clock() - start
        state.finished += 1
        if record.error is not None:
            state.failed += 1

    async def _stream(
        self, record: RequestRecord, response: aiohttp.ClientResponse, start: float
    ) -> None:
        clock = time.perf_counter
        parser = SSEParser()
        reader = StreamReader(self.target.api, record)
        chunks = record.chunks
        async for data in response.content.iter_any():
            at = clock() - start
            for event in parser.feed(data):
                if reader.event(event.event, event.data):
                    chunks.append(at)
            if reader.error is not None:
                record.error = reader.error
                return
        if not reader.done:
            record.error = "stream_cut"

    def _reporter(
        self, state: _State, progress: ProgressCallback | None
    ) -> asyncio.Task[None] | None:
        if progress is None:
            return None

        async def report() -> None:
            while True:
                progress(state.snapshot())
                await asyncio.sleep(PROGRESS_EVERY)

        return asyncio.create_task(report())


@dataclass(slots=True)
class _State:
    start: float
    records: list[RequestRecord]
    label: str
    planned: int | None
    lag_tolerance: float
    sent: int = 0
    finished: int = 0
    failed: int = 0
    late: int = 0

    def snapshot(self) -> Progress:
        return Progress(
            label=self.label,
            elapsed=time.perf_counter() - self.start,
            sent=self.sent,
            finished=self.finished,
            failed=self.failed,
            in_flight=self.sent - self.finished,
            planned=self.planned,
            late=self.late,
        )


async def _cancel(reporter: asyncio.Task[None] | None, tasks: set[asyncio.Task[None]]) -> None:
    for task in [*tasks, *([reporter] if reporter else [])]:
        task.cancel()
    for task in [*tasks, *([reporter] if reporter else [])]:
        with contextlib.suppress(asyncio.CancelledError):
            await task


def _replay_plan(
    prompts: PromptSource, shape: LoadShape, bounds: Bounds
) -> list[tuple[float, BenchPrompt]]:
    """Every recorded request once, at its recorded offset from the first (sped up)."""
    listed: tuple[BenchPrompt, ...] = getattr(prompts, "prompts", ())
    if not listed or any(p.at is None for p in listed):
        raise ValueError("a replay needs prompts with recorded arrival times (--replay-from)")
    origin = min(p.at or 0.0 for p in listed)
    plan: list[tuple[float, BenchPrompt]] = []
    for prompt in sorted(listed, key=lambda p: p.at or 0.0):
        offset = ((prompt.at or 0.0) - origin) / shape.speed
        if bounds.duration is not None and offset >= bounds.duration:
            break
        if bounds.max_requests is not None and len(plan) >= bounds.max_requests:
            break
        plan.append((offset, prompt))
    return plan
