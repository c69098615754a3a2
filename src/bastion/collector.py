"""The cyclic garbage collector, set for a long-running server process.

Reference counting frees almost everything a request allocates; the collector only has cycles
to find, and a serving process creates few. Python's default young-generation threshold (700
container objects) is crossed by the objects of requests merely in flight, so at saturation it
ran a collection every 14 requests and a full one every two thousand: measured with the
collector's callbacks (its thread's CPU time) at about 2,500 requests a second, 28 µs a request
and full collections of 16 ms each, on the request path. With a threshold of 10,000: 8.5 µs a
request, and no full collection while serving (those left run during start-up's imports).
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 10_000


def settle() -> None:
    """Once start-up is done: what exists now is moved out of the collector's reach (it lives
    as long as the process), and the young generation made large enough for requests."""
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
