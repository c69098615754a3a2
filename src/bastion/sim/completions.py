"""``POST /v1/completions``, the legacy text endpoint: one engine request per prompt."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Sequence

import orjson
from starlette.types import Send

from bastion.sim.asgi import end_stream, send_data, send_json, start_stream
from bastion.sim.errors import SimHTTPError
from bastion.sim.handle import RequestHandle, TokenEvent
from bastion.sim.prompt import render_completion_prompt
from bastion.sim.protocol import CompletionRequest
from bastion.sim.responses import ChunkEncoder, envelope, group_events, handles_usage, take_tokens
from bastion.sim.serving import InferenceEndpoint, new_id


class CompletionEndpoint(InferenceEndpoint[CompletionRequest]):
    request_model = CompletionRequest

    async def serve(self, request: CompletionRequest, model: str, send: Send) -> None:
        prompts = request.prompts
        if not prompts:
            raise SimHTTPError(400, "The prompt must not be empty.", param="prompt")
        rendered = [render_completion_prompt(p) for p in prompts]
        for ids in rendered:
            self.engine.check_fits(len(ids), request.max_tokens)
        handles: list[RequestHandle] = []
        try:
            for ids in rendered:
                outputs = [
                    self.engine.text_output(
                        ids,
                        i,
                        seed=request.seed,
                        stop=request.stop_strings,
                        ignore_eos=request.ignore_eos,
                        min_tokens=request.min_tokens,
                    )
                    for i in range(request.n)
                ]
                handles.append(
                    self.engine.submit(ids, outputs, request.max_tokens, request.cache_salt)
                )
            echoes = [p if request.echo and isinstance(p, str) else "" for p in prompts]
            if request.stream:
                await self._stream(request, model, handles, echoes, send)
            else:
                await self._respond(request, model, handles, echoes, send)
        finally:
            for handle in handles:
                if not handle.finished:
                    handle.abort()

    async def _respond(
        self,
        request: CompletionRequest,
        model: str,
        handles: list[RequestHandle],
        echoes: list[str],
        send: Send,
    ) -> None:
        n = request.n
        texts = [echoes[i // n] for i in range(len(handles) * n)]
        async for which, events in _merged(handles):
            for event in events:
                texts[which * n + event.index] += event.text
        seqs = [seq for handle in handles for seq in handle.seqs]
        if any(s.finish == "abort" for s in seqs):
            raise SimHTTPError(503, "The simulated engine stopped before finishing the request.")
        body = envelope("text_completion", new_id("cmpl-"), int(time.time()), model)
        body["choices"] = [
            {
                "index": i,
                "text": texts[i],
                "logprobs": None,
                "finish_reason": seq.finish,
                "stop_reason": seq.output.matched_stop,
            }
            for i, seq in enumerate(seqs)
        ]
        body["usage"] = handles_usage(handles)
        await send_json(send, 200, orjson.dumps(body))

    async def _stream(
        self,
        request: CompletionRequest,
        model: str,
        handles: list[RequestHandle],
        echoes: list[str],
        send: Send,
    ) -> None:
        n = request.n
        encoder = ChunkEncoder(
            "text_completion", new_id("cmpl-"), int(time.time()), model, request.include_usage
        )
        faults = self.context.faults
        budget = faults.config.stream_cut_after_tokens
        pending_echo = [echoes[i // n] for i in range(len(handles) * n)]
        await start_stream(send)
        async for which, batch in _merged(handles):
            if faults.crashed:
                return
            events, cut = take_tokens(batch, budget)
            if budget is not None:
                budget -= len(events)
            payload = bytearray()
            for index, (text, finish) in group_events(events).items():
                i = which * n + index
                released, pending_echo[i] = pending_echo[i] + text, ""
                choice = {"index": i, "text": released, "logprobs": None, "finish_reason": finish}
                if finish is not None:
                    choice["stop_reason"] = handles[which].seqs[index].output.matched_stop
                payload += encoder.chunk([choice])
            if payload:
                await send_data(send, bytes(payload))
            if cut:
                return
        if request.include_usage:
            await send_data(send, encoder.usage_chunk(handles_usage(handles)))
        await end_stream(send)


async def _merged(
    handles: Sequence[RequestHandle],
) -> AsyncIterator[tuple[int, list[TokenEvent]]]:
    """Event batches of several requests as they come, tagged with the request's position."""
    if len(handles) == 1:
        while events := await handles[0].next_events():
            yield 0, events
        return
    pending = {asyncio.ensure_future(h.next_events()): i for i, h in enumerate(handles)}
    try:
        while pending:
            done, _ = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                which = pending.pop(task)
                events = task.result()
                if events:
                    yield which, events
                    pending[asyncio.ensure_future(handles[which].next_events())] = which
    finally:
        for task in pending:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
