from typing import Any

import pytest

from bastion.config import BackendConfig
from bastion.protocols.operations import Operation
from bastion.providers.factory import build_provider
from bastion.routing.affinity import affinity_key
from bastion.routing.pool import BackendPool
from bastion.routing.signals import EngineSample


def pool(replicas: int = 3, **settings: Any) -> BackendPool:
    config = BackendConfig.model_validate(
        {
            "kind": "openai-compatible",
            "location": "local",
            "replicas": [{"base_url": f"http://10.0.0.{i}:8000/v1"} for i in range(replicas)],
            **settings,
        }
    )
    return BackendPool(build_provider("gpu", config), config)


def key(text: str) -> int | None:
    return affinity_key(Operation.CHAT, {"messages": [{"content": text}]}, None, 2048)


def test_least_outstanding_picks_the_idlest_replica() -> None:
    p = pool()
    p.replicas[0].activity.in_flight = 4
    p.replicas[1].activity.in_flight = 1
    p.replicas[2].activity.in_flight = 2
    assert p.pick(None, (), 0.0) is p.replicas[1]


def test_engine_queue_counts_as_load() -> None:
    p = pool()
    p.replicas[1].observe(EngineSample(waiting=10), 0.0)
    p.replicas[0].activity.in_flight = 2
    p.replicas[2].activity.in_flight = 3
    assert p.pick(None, (), 0.5) is p.replicas[0]


def test_same_prefix_same_replica_while_balanced() -> None:
    p = pool()
    chosen = {p.pick(key("You are a support agent for ACME." * 10), (), 0.0) for _ in range(20)}
    assert len(chosen) == 1
    spread = {p.pick(key(f"tenant {i} system prompt"), (), 0.0) for i in range(60)}
    assert len(spread) == 3, "different prefixes spread over every replica"


def test_affinity_overflows_only_past_both_thresholds_and_keeps_its_home() -> None:
    p = pool(balancing={"imbalance_ratio": 2, "imbalance_slack": 3})
    k = key("long shared system prompt")
    home = p.pick(k, (), 0.0)
    assert home is not None
    others = [r for r in p.replicas if r is not home]
    for replica in others:
        replica.activity.in_flight = 1
    home.activity.in_flight = 4  # over 2x the least (1) but not over least + slack (4)
    assert p.pick(k, (), 0.0) is home
    for replica in others:
        replica.activity.in_flight = 2
    home.activity.in_flight = 5  # over 2x the least (2), at least + slack (5): stays
    assert p.pick(k, (), 0.0) is home
    home.activity.in_flight = 6  # over both: this request overflows to the least loaded
    overflow = p.pick(k, (), 0.0)
    assert overflow in others
    home.activity.in_flight = 0
    assert p.pick(k, (), 0.0) is home, "an overflow does not move the home"


def test_a_home_out_of_service_is_replaced_until_it_is_back() -> None:
    p = pool()
    k = key("tenant prompt")
    home = p.pick(k, (), 0.0)
    assert home is not None
    home.healthy = False
    stand_in = p.pick(k, (), 1.0)
    assert stand_in is not None and stand_in is not home
    assert p.pick(k, (), 1.5) is stand_in
    home.healthy = True
    assert p.pick(k, (), 2.0) is home


def test_every_gateway_process_agrees_on_each_home() -> None:
    """Two pools over the same replicas (two workers, two nodes) share no table, yet send each
    key to the same home, whatever order they saw the keys in and whatever their loads."""
    first, second = pool(4), pool(4)
    keys = [key(f"system prompt of tenant {i}") for i in range(200)]
    for replica in second.replicas:
        replica.activity.in_flight = 1  # equal loads, not the first pool's
    homes = [first.pick(k, (), 0.0) for k in keys]
    others = [second.pick(k, (), 0.0) for k in reversed(keys)][::-1]
    assert [r.index for r in homes if r] == [r.index for r in others if r]
    spread = {r.index for r in homes if r}
    assert spread == {0, 1, 2, 3}


def test_a_replica_leaving_moves_only_its_own_keys() -> None:
    p = pool(4)
    keys = [key(f"prompt {i}") for i in range(400)]
    before = [p.pick(k, (), 0.0) for k in keys]
    p.replicas[2].healthy = False
    after = [p.pick(k, (), 1.0) for k in keys]
    moved = [(b, a) for b, a in zip(before, after, strict=True) if b is not a]
    assert moved and all(b is p.replicas[2] for b, _ in moved)
    assert all(a is not p.replicas[2] for a in after)


def test_excluded_and_ineligible_replicas_are_skipped() -> None:
    p = pool()
    p.replicas[0].healthy = False
    p.replicas[1].breaker.trip(0.0, "wedged")
    assert p.pick(None, (), 1.0) is p.replicas[2]
    assert p.pick(None, (p.replicas[2],), 1.0) is None


def test_stale_or_full_engines_count_as_saturated() -> None:
    p = pool(engine_metrics={"stale_after_seconds": 5, "kv_saturation": 0.95})
    first, second, third = p.replicas
    first.observe(EngineSample(), 0.0)  # last heard of at t=0: stale at t=10
    second.observe(EngineSample(kv_usage=0.97), 9.0)
    third.observe(EngineSample(), 9.0)
    third.activity.in_flight = 50
    assert first.saturated(10.0) and second.saturated(10.0) and not third.saturated(10.0)
    assert p.pick(None, (), 10.0) is third


def test_an_engine_without_metrics_is_not_saturated() -> None:
    p = pool()
    assert not p.replicas[0].saturated(1000.0)


def test_round_robin_rotates() -> None:
    p = pool(balancing={"strategy": "round-robin"})
    picks = [p.pick(key("same"), (), 0.0) for _ in range(6)]
    assert picks == p.replicas * 2


@pytest.mark.parametrize("session", ["conversation-1", "conversation-2"])
def test_session_header_pins_regardless_of_prompt(session: str) -> None:
    p = pool()
    picks = {
        p.pick(affinity_key(Operation.CHAT, {"messages": [{"content": str(i)}]}, session, 64),
               (), 0.0)
        for i in range(10)
    }  # fmt: skip
    assert len(picks) == 1
