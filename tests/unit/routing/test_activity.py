import asyncio

from bastion.providers.http import Activity


def test_stall_is_measured_from_the_later_of_busy_start_and_last_progress() -> None:
    activity = Activity()
    assert activity.stalled_for(100.0) == 0.0  # idle is never stalled
    activity.begin(10.0)
    assert activity.stalled_for(15.0) == 5.0
    activity.last_progress = 13.0
    assert activity.stalled_for(15.0) == 2.0
    activity.begin(14.0)  # a second request does not restart the clock
    assert activity.stalled_for(15.0) == 2.0
    activity.end()
    activity.end()
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
