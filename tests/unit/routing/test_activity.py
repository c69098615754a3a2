import asyncio
import contextlib
from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from bastion.config import Timeouts
from bastion.providers.http import Activity, HttpUpstream, HttpUpstreamResponse
from bastion.providers.progress import carries_output
from tests.servers import free_port


def test_stall_is_measured_from_the_later_of_busy_start_and_last_progress() -> None:
    activity = Activity()
    assert activity.stalled_for(100.0) == 0.0  # idle is never stalled
    activity.begin(10.0)
    assert activity.stalled_for(15.0) == 5.0
    activity.last_progress = 13.0
    assert activity.stalled_for(15.0) == 2.0
    activity.begin(14.0)  # a second request does not restart the clock
    assert activity.stalled_for(15.0) == 2.0
    activity.end(16.0)
    activity.end(17.0)
    assert activity.stalled_for(20.0) == 0.0


async def test_interrupt_fails_every_waiting_call_at_once() -> None:
    activity = Activity()
    loop = asyncio.get_running_loop()

    async def waiting() -> str:
        wait = asyncio.timeout(60)
        activity.waits.add(wait)
        try:
            async with wait:
                await asyncio.sleep(60)
        except TimeoutError:
            return "interrupted" if activity.was_interrupted(wait) else "timed out"
        finally:
            activity.waits.discard(wait)
        return "finished"

    calls = [asyncio.create_task(waiting()) for _ in range(3)]
    await asyncio.sleep(0.01)
    started = loop.time()
    assert activity.interrupt(loop.time()) == 3
    assert await asyncio.gather(*calls) == ["interrupted"] * 3
    assert loop.time() - started < 1
    assert not activity.interrupted and not activity.waits


def test_a_short_rest_pauses_the_stall_clock_instead_of_restarting_it() -> None:
    activity = Activity()
    activity.bridge = 10.0  # the watchdog time
    activity.begin(0.0)
    activity.end(5.0)  # the client gave up after 5 s without output
    activity.begin(6.0)  # the next request, a second later
    assert activity.stalled_for(9.0) == 8.0, "5 s before the rest and 3 s after it"
    activity.end(10.0)
    activity.begin(25.0)  # after a rest longer than the watchdog time: a fresh start
    assert activity.stalled_for(26.0) == 1.0
    activity.end(27.0)
    activity.last_progress = 27.5  # output while idle (the engine's token counter)
    activity.begin(28.0)
    assert activity.stalled_for(29.0) == 1.0


def test_without_a_watchdog_each_busy_spell_starts_afresh() -> None:
    activity = Activity()
    activity.begin(0.0)
    activity.end(5.0)
    activity.begin(5.5)
    assert activity.stalled_for(6.0) == 0.5


@pytest.mark.parametrize(
    ("chunk", "output"),
    [
        (b": keep-alive\n\n", False),
        (b'event: ping\ndata: {"type": "ping"}\n\n', False),
        (b'event: message_start\ndata: {"type":"message_start","message":{}}\n\n', False),
        (b'data: {"type":"response.created","response":{}}\n\n', False),
        (b'data: {"type":"response.in_progress","response":{}}\n\n', False),
        (b'data: {"choices":[{"index":0,"delta":{"role":"assistant","content":""}}]}\n\n', False),
        (b'data: {"choices":[],"prompt_filter_results":[]}\n\n', False),
        (b'data: {"choices":[{"index":0,"delta":{"content":"Hi"}}]}\n\n', True),
        (b'data: {"choices": [{"index": 0, "delta": {"reasoning_content": "so"}}]}\n\n', True),
        (b'data: {"choices":[{"index":0,"delta":{"tool_calls":[{"index":0}]}}]}\n\n', True),
        (b'data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\n', True),
        (b'data: {"choices":[{"index":0,"text":"Hi","finish_reason":null}]}\n\n', True),
        (b'data: {"choices":[],"usage":{"completion_tokens":3}}\n\ndata: [DONE]\n\n', True),
        (b'event: content_block_delta\ndata: {"type":"content_block_delta","delta":{}}\n\n', True),
        (b'data: {"type":"response.output_text.delta","delta":"Hi"}\n\n', True),
        (b'data: {"choices":[{"index":0,"delta":{"con', True),  # cut: an event all the same
        # An opening event, then output in the same read.
        (b'event: ping\ndata: {"type": "ping"}\n\ndata: {"type":"content_block_delta"}\n\n', True),
        (b'data: {"choices":[{"delta":{"content":"data: x"}}]}\n\n', True),
    ],
)
def test_only_stream_events_with_output_are_progress(chunk: bytes, output: bool) -> None:
    assert carries_output(chunk) is output


# A wedged engine as some servers behave: response headers at once, then a keep-alive comment,
# an opening chat chunk and a ping, and then nothing until it is let go.
_OPENING = (
    b": keep-alive\n\n",
    b'data: {"choices":[{"index":0,"delta":{"role":"assistant","content":""}}]}\n\n',
    b'event: ping\ndata: {"type":"ping"}\n\n',
)
_OUTPUT = b'data: {"choices":[{"index":0,"delta":{"content":"at last"}}]}\n\n'


@contextlib.asynccontextmanager
async def wedged_engine(released: asyncio.Event) -> AsyncIterator[str]:
    async def stream(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"content-type": "text/event-stream"})
        await response.prepare(request)
        for piece in _OPENING:
            await response.write(piece)
        await released.wait()
        await response.write(_OUTPUT)
        await response.write_eof()
        return response

    async def errors(request: web.Request) -> web.Response:
        return web.json_response({"error": {"message": "no"}}, status=400)

    app = web.Application()
    app.router.add_post("/v1/chat/completions", stream)
    app.router.add_post("/v1/bad", errors)
    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        released.set()  # nothing stays hanging, whatever the test's outcome
        await runner.cleanup()


async def test_headers_openings_and_errors_of_a_wedged_engine_are_no_progress() -> None:
    released = asyncio.Event()
    loop = asyncio.get_running_loop()
    async with wedged_engine(released) as url:
        upstream = HttpUpstream("gpu", url, headers={}, timeouts=Timeouts(), max_connections=8)
        activity = upstream.activity
        started = loop.time()
        streams = []
        for _ in range(3):  # new streams keep arriving on the wedged engine
            response = await upstream.post("/chat/completions", b"{}", headers={})
            assert await response.first_chunk()
            streams.append(response)
            await asyncio.sleep(0.06)  # past the progress grain
        refused = await upstream.post("/bad", b"{}", headers={})
        await refused.read()  # a fast error answer is no output either
        refused.release()
        reader = asyncio.create_task(_drain(streams[0]))
        await asyncio.sleep(0.1)
        assert activity.last_progress == 0.0
        assert activity.stalled_for(loop.time()) >= loop.time() - started - 0.01
        released.set()
        assert b"at last" in await reader
        assert activity.last_progress > started
        for response in streams:
            response.abort()
        await upstream.close()


async def _drain(response: HttpUpstreamResponse) -> bytes:
    return b"".join([chunk async for chunk in response.chunks()])
