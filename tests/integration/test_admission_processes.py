"""Three `bastion serve` processes sharing one limit through Redis."""

from __future__ import annotations

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


def test_a_600_per_minute_limit_holds_across_three_gateways(tmp_path: Path) -> None:
    prefix = require_redis()
    config = {
        "database": {"url": f"sqlite+aiosqlite:///{tmp_path}/shared.db"},
        "logging": {"level": "warning"},
        "ledger": {"enabled": False},
        "audit": {"enabled": False},
        "backends": {
            "sim": {"kind": "simulator", "location": "local", "simulator": {"time_scale": 100}}
        },
        "admission": {
            "tenants": {"acme": {"requests_per_minute": 600}},
            "redis": {"url": URL, "key_prefix": prefix},
        },
    }
    path = tmp_path / "bastion.yaml"
    path.write_text(yaml.safe_dump(config))
    gateways = [ServeProcess(tmp_path, "--config", str(path), env={"BASTION_ADMIN_KEY": ADMIN})
                for _ in range(3)]  # fmt: skip
    try:
        for gateway in gateways:
            gateway.wait_ready()
        admin = {"authorization": f"Bearer {ADMIN}"}
        url = gateways[0].url
        httpx.post(url + "/admin/tenants", json={"name": "acme"}, headers=admin).raise_for_status()
        created = httpx.post(
            url + "/admin/keys", json={"tenant": "acme", "name": "load"}, headers=admin
        )
        created.raise_for_status()
        secret = created.json()["key"]

        start = time.monotonic()
        admitted: list[float] = []
        refused = 0
        lock = threading.Lock()

        def load(gateway: ServeProcess) -> None:
            nonlocal refused
            body: dict[str, Any] = {
                "model": "bastion-sim",
                "messages": [{"role": "user", "content": "hi"}],
                "max_tokens": 2,
            }
            headers = {"authorization": f"Bearer {secret}"}
            with httpx.Client(base_url=gateway.url, timeout=10) as client:
                # 8 requests a second from each of the three: 1,440 offered per minute.
                for tick in range(62 * 8):
                    time.sleep(max(0.0, start + tick / 8 - time.monotonic()))
                    status = client.post("/v1/chat/completions", json=body, headers=headers)
                    with lock:
                        if status.status_code == 200:
                            admitted.append(time.monotonic() - start)
                        else:
                            assert status.status_code == 429, status.text
                            refused += 1

        threads = [threading.Thread(target=load, args=(g,)) for g in gateways]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
        first_minute = sum(1 for t in admitted if t < 60)
        assert 594 <= first_minute <= 606, first_minute  # 600 ± 1 %, not 3 x 600
        assert refused > 700
        print(f"\nadmitted {first_minute} in the first minute, {len(admitted)} in all, "
              f"{refused} refused")  # fmt: skip
    finally:
        for gateway in gateways:
            gateway.stop()
        drop_prefix(prefix)
