"""The collector set for a server: start-up objects frozen, a young generation for requests."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from bastion import collector


@pytest.fixture
def restored_collector() -> Iterator[None]:
    thresholds = gc.get_threshold()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)


@pytest.mark.usefixtures("restored_collector")
def test_settling_freezes_what_exists_and_enlarges_the_young_generation() -> None:
    gc.set_threshold(700, 10, 10)
    survivor = [object() for _ in range(3)]  # a container made at start-up
    collector.settle()
    assert gc.get_freeze_count() > 0
    # frozen: in the permanent generation, which no collection walks
    assert all(obj is not survivor for obj in gc.get_objects(generation=2))
    assert gc.get_threshold() == (collector.YOUNG_THRESHOLD, 10, 10)
