"""Two nodes of two workers each, sharing Redis and PostgreSQL, behave as one gateway.

Two ``bastion serve --workers 2`` on two ports, one PostgreSQL database (keys, ledger,
revocations through NOTIFY), one Redis (limits, budgets, the response cache) and two simulated
engines as the replicas of one backend. Requests go to both nodes, each on a new connection, so
all four workers take part.
"""

from __future__ import annotations

import contextlib
import re
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
import yaml

from tests.conftest_postgres import scratch_database
from tests.conftest_redis import URL as REDIS_URL
from tests.conftest_redis import drop_prefix, require_redis
from tests.nodes import Node
from tests.sim_processes import SimProcess, start_sims

Nodes = tuple[Node, Node, list[SimProcess]]
pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.redis]


@pytest.fixture(scope="module")
def nodes(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Node, Node, list[SimProcess]]]:
    """Started once for the module (each test uses tenants of its own)."""
    tmp_path = tmp_path_factory.mktemp("nodes")
    prefix = require_redis()
    sims = start_sims(2)
    with contextlib.ExitStack() as cleanup:
        cleanup.callback(drop_prefix, prefix)
        for sim in sims:
            cleanup.callback(sim.stop)
        database = cleanup.enter_context(scratch_database())
        config = {
            "database": {"url": database},
            "backends": {
                "gpu": {
                    "kind": "openai-compatible",
                    "location": "local",
                    "models": ["bastion-sim"],
                    "replicas": [{"base_url": sim.url} for sim in sims],
                    "balancing": {"affinity": "prefix", "prefix_chars": 64},
                }
            },
            "admission": {"redis": {"url": REDIS_URL, "key_prefix": prefix + "adm:"}},
            "cache": {
                "enabled": True,
                "redis": {"url": REDIS_URL, "key_prefix": prefix + "cache:"},
            },
        }
        text = yaml.safe_dump(config)
        first = Node(tmp_path, text)
        cleanup.callback(first.stop)
        second = Node(tmp_path, text)
        cleanup.callback(second.stop)
        first.wait_ready()
        second.wait_ready()
        yield first, second, sims


def _chat(node: Node, key: str, text: str, max_tokens: int = 4) -> httpx.Response:
    body = {
        "model": "gpu/bastion-sim",
        "messages": [{"role": "user", "content": text}],
        "max_tokens": max_tokens,
    }
    return node.request("POST", "/v1/chat/completions", key, json=body)


def _prompt_tokens(sim: SimProcess) -> float:
    text = httpx.get(sim.origin + "/metrics", timeout=5).text
    return sum(float(v) for v in re.findall(r"^vllm:prompt_tokens_total\{.*\} (\S+)$", text, re.M))


def test_a_limit_holds_for_both_nodes_under_concurrent_load(
    nodes: Nodes,
) -> None:
    first, second, _ = nodes
    _, key = first.key("acme", {"requests_per_minute": 11})
    statuses: list[int] = []

    def send(node: Node, thread: int) -> None:
        # Every prompt different: a cache hit would be served without counting against limits.
        for i in range(8):
            statuses.append(_chat(node, key, f"load {thread} {i}").status_code)

    threads = [
        threading.Thread(target=send, args=(node, n)) for n, node in enumerate((first, second) * 2)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert len(statuses) == 32
    assert statuses.count(200) == 11, statuses
    assert statuses.count(429) == 21, statuses


def test_a_token_budget_is_not_overspent_across_nodes(
    nodes: Nodes,
) -> None:
    first, second, _ = nodes
    _, key = first.key("globex", {"tokens_per_day": 600})
    used = 0
    refused = None
    for i in range(60):
        response = _chat((first, second)[i % 2], key, f"budget question number {i}", 16)
        if response.status_code == 429:
            refused = response.json()
            break
        assert response.status_code == 200, response.text
        used += response.json()["usage"]["total_tokens"]
    assert refused is not None, "the budget never ran out"
    assert "tokens per day" in refused["error"]["message"]
    assert 0 < used <= 600


def test_an_answer_cached_by_one_node_is_served_by_the_other(
    nodes: Nodes,
) -> None:
    first, second, _ = nodes
    _, key = first.key("initech")
    miss = _chat(first, key, "What is the boiling point of water at sea level?")
    assert miss.status_code == 200 and "x-bastion-cache" not in miss.headers
    for node in (second, first, second):
        hit = _chat(node, key, "What is the boiling point of water at sea level?")
        assert hit.headers.get("x-bastion-cache") == "exact"
        answer = hit.json()["choices"][0]["message"]["content"]
        assert answer == miss.json()["choices"][0]["message"]["content"]


def test_both_nodes_send_a_prefix_to_the_same_replica(
    nodes: Nodes,
) -> None:
    first, second, sims = nodes
    _, key = first.key("hooli")
    served = set()
    for tenant in range(8):
        before = [_prompt_tokens(sim) for sim in sims]
        for node in (first, second, first, second):
            assert _chat(node, key, f"You are the assistant of tenant {tenant}.").status_code == 200
        after = [_prompt_tokens(sim) for sim in sims]
        grew = [i for i in range(2) if after[i] > before[i]]
        assert len(grew) == 1, (tenant, before, after)
        served.add(grew[0])
    assert served == {0, 1}, "the prefixes spread over both replicas"


def test_a_key_revoked_on_one_node_fails_on_the_other_at_once(
    nodes: Nodes,
) -> None:
    first, second, _ = nodes
    key_id, key = first.key("umbrella")
    for i in range(8):  # every worker of both nodes has the key cached as valid
        assert _chat((first, second)[i % 2], key, f"warm {i}").status_code == 200
    assert first.request("POST", f"/admin/keys/{key_id}/revoke").status_code == 200
    time.sleep(0.3)  # NOTIFY, well within the 5 s the key would otherwise stay cached
    statuses = [_chat((second, first)[i % 2], key, f"after {i}").status_code for i in range(8)]
    assert statuses == [401] * 8
