"""Three `bastion serve` processes sharing one limit through Redis."""

from __future__ import annotations

import contextlib
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from tests.conftest_redis import URL, drop_prefix, require_redis
from tests.integration.test_serve_process import ServeProcess

pytestmark = [pytest.mark.redis, pytest.mark.slow]

ADMIN = "bst-admin-for-shared-limits-0123456789"


def start_gateways(
    tmp_path: Path, prefix: str, limits: dict[str, Any], time_scale: float, **redis: Any
) -> tuple[list[ServeProcess], str]:
    """Three gateways sharing ``limits`` for tenant acme through Redis, and a key of acme's."""
    config = {
        "database": {"url": f"sqlite+aiosqlite:///{tmp_path}/shared.db"},
        "logging": {"level": "warning"},
        "ledger": {"enabled": False},
        "audit": {"enabled": False},
        "backends": {
            "sim": {
                "kind": "simulator",
                "location": "local",
                "simulator": {"time_scale": time_scale},
            }
        },
        "admission": {
            "tenants": {"acme": limits},
            # Generous: six processes and the rest of the suite share two cores, and a
            # decision Redis does not answer in time is a 503, which is not what is tested.
            "redis": {"url": URL, "key_prefix": prefix, "timeout_seconds": 2.0, **redis},
        },
    }
    path = tmp_path / "bastion.yaml"
    path.write_text(yaml.safe_dump(config))
    gateways = [ServeProcess(tmp_path, "--config", str(path), env={"BASTION_ADMIN_KEY": ADMIN})
                for _ in range(3)]  # fmt: skip
    for gateway in gateways:
        gateway.wait_ready()
    admin = {"authorization": f"Bearer {ADMIN}"}
    url = gateways[0].url
    httpx.post(url + "/admin/tenants", json={"name": "acme"}, headers=admin).raise_for_status()
    created = httpx.post(
        url + "/admin/keys", json={"tenant": "acme", "name": "load"}, headers=admin
    )
    created.raise_for_status()
    return gateways, created.json()["key"]


def test_a_per_minute_limit_holds_across_three_gateways(tmp_path: Path) -> None:
    """120 a minute is 120 for the three together, not 120 each: ten seconds of load at three
    times the limit's pace (no admitted request leaves the window yet) admit exactly 120."""
    prefix = require_redis()
    gateways: list[ServeProcess] = []
    try:
        gateways, secret = start_gateways(tmp_path, prefix, {"requests_per_minute": 120}, 100)

        start = time.monotonic()
        admitted = refused = 0
        lock = threading.Lock()

        def load(gateway: ServeProcess) -> None:
            nonlocal admitted, refused
            body: dict[str, Any] = {
                "model": "bastion-sim",
                "messages": [{"role": "user", "content": "hi"}],
                "max_tokens": 2,
            }
            headers = {"authorization": f"Bearer {secret}"}
            with httpx.Client(base_url=gateway.url, timeout=10) as client:
                # 8 requests a second from each of the three: 240 offered in ten seconds.
                for tick in range(10 * 8):
                    time.sleep(max(0.0, start + tick / 8 - time.monotonic()))
                    status = client.post("/v1/chat/completions", json=body, headers=headers)
                    with lock:
                        if status.status_code == 200:
                            admitted += 1
                        else:
                            assert status.status_code == 429, status.text
                            refused += 1

        threads = [threading.Thread(target=load, args=(g,)) for g in gateways]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert time.monotonic() - start < 60  # nothing admitted has left the window
        assert (admitted, refused) == (120, 120)
    finally:
        for gateway in gateways:
            gateway.stop()
        drop_prefix(prefix)


def test_killing_a_gateway_frees_its_concurrency_slots_within_the_lease_ttl(
    tmp_path: Path,
) -> None:
    prefix = require_redis()
    ttl = 3.0
    gateways: list[ServeProcess] = []
    try:
        # A tenant may run two requests at once; the simulator at a tenth of its speed makes
        # a 200-token answer last several seconds.
        gateways, secret = start_gateways(
            tmp_path, prefix, {"concurrent_requests": 2}, 0.1, lease_ttl_seconds=ttl
        )
        doomed, survivor = gateways[0], gateways[1]
        body: dict[str, Any] = {
            "model": "bastion-sim",
            "messages": [{"role": "user", "content": "hi"}],
            "max_tokens": 200,
            "stream": True,
        }
        headers = {"authorization": f"Bearer {secret}"}
        streaming = threading.Barrier(3)

        def hold_a_slot() -> None:
            with (
                httpx.Client(base_url=doomed.url, timeout=60) as client,
                client.stream("POST", "/v1/chat/completions", json=body, headers=headers) as r,
            ):
                streaming.wait(30)
                with contextlib.suppress(httpx.HTTPError):
                    for _ in r.iter_bytes():
                        pass  # until the gateway dies

        holders = [threading.Thread(target=hold_a_slot, daemon=True) for _ in range(2)]
        for holder in holders:
            holder.start()
        streaming.wait(30)
        short = {**body, "stream": False, "max_tokens": 1}
        with httpx.Client(base_url=survivor.url, timeout=30) as client:
            refused = client.post("/v1/chat/completions", json=short, headers=headers)
            assert refused.status_code == 429, "both slots are held by the other gateway"
            assert "2 concurrent requests" in refused.text
            doomed.process.kill()  # no shutdown: its leases are only renewed no more
            killed = time.monotonic()
            while True:
                answer = client.post("/v1/chat/completions", json=short, headers=headers)
                if answer.status_code == 200:
                    break
                assert answer.status_code == 429, answer.text
                assert time.monotonic() - killed < ttl + 1, "leases outlived their TTL"
                time.sleep(0.1)
        freed = time.monotonic() - killed
        print(f"\nslots freed {freed:.2f}s after the kill (TTL {ttl}s)")
    finally:
        for gateway in gateways:
            gateway.stop()
        drop_prefix(prefix)


def test_a_budget_with_room_for_one_admits_one_of_fifty_across_three_gateways(
    tmp_path: Path,
) -> None:
    prefix = require_redis()
    gateways: list[ServeProcess] = []
    try:
        # Each request reserves ~1,000 tokens (max_tokens plus a small prompt): a daily budget
        # of 1,500 has room for one. The simulator at a tenth of its speed keeps that one
        # running (so not yet settled) while the other 49 arrive.
        gateways, secret = start_gateways(tmp_path, prefix, {"tokens_per_day": 1500}, 0.1)
        body = {"model": "bastion-sim", "messages": [{"role": "user", "content": "hi"}],
                "max_tokens": 1000}  # fmt: skip
        headers = {"authorization": f"Bearer {secret}"}
        go = threading.Barrier(50)
        statuses: list[int] = []

        def one(gateway: ServeProcess) -> None:
            with httpx.Client(base_url=gateway.url, timeout=120) as client:
                go.wait(30)
                statuses.append(
                    client.post("/v1/chat/completions", json=body, headers=headers).status_code
                )

        threads = [threading.Thread(target=one, args=(gateways[i % 3],)) for i in range(50)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(150)
        assert sorted(statuses) == [200] + [429] * 49
    finally:
        for gateway in gateways:
            gateway.stop()
        drop_prefix(prefix)
