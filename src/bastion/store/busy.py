"""Busy seconds of a backend as bit masks, one 60-bit mask per minute.

A second counts as busy when a request was in flight at its midpoint: sampling at every
half-second is an unbiased estimate of the time at least one request ran, and a mask of
samples merges by OR, so the loader can add each batch's requests to what earlier batches
stored without reading them back (a sum of durations would count overlaps twice).
"""

from __future__ import annotations

import math
from collections.abc import Iterator

SECONDS_PER_MINUTE = 60


def busy_minutes(started: float, finished: float) -> Iterator[tuple[int, int]]:
    """(minute start, mask of its busy seconds) for a request in flight from ``started`` to
    ``finished`` (Unix seconds); bit ``s`` is the minute's second ``s``."""
    second = math.ceil(started - 0.5)
    end = math.ceil(finished - 0.5)
    while second < end:
        minute = second - second % SECONDS_PER_MINUTE
        stop = min(end, minute + SECONDS_PER_MINUTE)
        yield minute, ((1 << (stop - minute)) - 1) ^ ((1 << (second - minute)) - 1)
        second = stop
