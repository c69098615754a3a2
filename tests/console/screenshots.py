"""Screenshots of every console page for docs/console.md, taken with the browser tests'
machinery (not part of the test run).

    PYTHONPATH=. .venv/bin/python -m tests.console.screenshots docs/console

A gateway on a temporary SQLite database holding 30 days of synthetic ledger rows (the
benchmark's generator), some live traffic through the simulator (a tenant over its limit, a
prompt with an e-mail address), then each page at 1280 pixels wide.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from bastion.ledger.rollup import upsert_rollups
from bastion.store.models import UsageRow
from bastion.store.store import Store
from tests.conftest import ADMIN_KEY, RunningGateway
from tests.console.chrome import require_browser, start_chrome
from tests.console.conftest import start_console_gateway

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks" / "console"))
from fill import ledger_rows, tenants

MAX_HEIGHT = 1500


async def seed(url: str) -> tuple[str, str]:
    """Tenants, keys and 30 days of ledger rows; a tenant id and a tenant key."""
    store = await Store.open(url)
    owners = []
    try:
        for name in tenants(8):
            tenant = await store.tenants.create(name)
            keys = [(await store.keys.create(tenant.id, f"service-{i}"))[1].id for i in range(2)]
            owners.append((tenant.id, tenant.name, keys))
        reader, _ = await store.keys.create(owners[0][0], "dashboard")
        rows = list(ledger_rows(30_000, days=30, now=datetime.now(UTC), tenant_ids=owners))
        async with store.engines.write.begin() as conn:
            await conn.execute(UsageRow.__table__.insert(), rows)
            await upsert_rollups(conn, rows, "sqlite")
    finally:
        await store.close()
    return owners[0][0], reader


def traffic(gateway: RunningGateway, key: str) -> None:
    def chat(text: str, as_key: str = ADMIN_KEY) -> None:
        httpx.post(
            gateway.url + "/v1/chat/completions",
            headers={"Authorization": f"Bearer {as_key}"},
            json={"model": "bastion-sim", "max_tokens": 32, "stream": False,
                  "messages": [{"role": "user", "content": text}]},
            timeout=10,
        )  # fmt: skip

    for index in range(60):
        chat(f"Summarise ticket {index} for the support team.")
    for _ in range(4):
        chat("Please reply to jane.doe@example.com about her invoice.")
    for _ in range(5):
        chat("What is our refund policy?", key)


def shoot(driver: Any, url: str, target: Path) -> None:
    driver.get(url)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1280, min(int(height) + 20, MAX_HEIGHT))
    driver.save_screenshot(str(target))
    driver.set_window_size(1280, 900)
    print(f"{target} ({target.stat().st_size // 1024} KB)")


def sign_in(driver: Any, key: str) -> None:
    from selenium.webdriver.support.wait import WebDriverWait

    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/console/login"))
    driver.find_element("id", "key").send_keys(key + "\n")
    WebDriverWait(driver, 10).until(lambda d: not d.current_url.endswith("/console/login"))


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/console")
    out.mkdir(parents=True, exist_ok=True)
    require_browser()
    with tempfile.TemporaryDirectory(prefix="console-shots-") as folder:
        url = f"sqlite+aiosqlite:///{folder}/bastion.db"
        tenant_id, reader = asyncio.run(seed(url))
        gateway = start_console_gateway(
            Path(folder),
            economics={
                "compare_with": ["gpt-4o-mini"],
                "tco": {"vllm": {"gpus": 1, "gpu_hourly": 2.5}},
            },
            admission={"tenants": {"team-00": {"requests_per_minute": 3}}},
        )
        driver = start_chrome()
        try:
            traffic(gateway, reader)
            base = gateway.url + "/console"
            shoot(driver, base + "/login", out / "login.png")
            sign_in(driver, ADMIN_KEY)
            for name, path in (
                ("overview", "/"),
                ("backends", "/backends"),
                ("tenants", "/tenants"),
                ("tenant", f"/tenants/{tenant_id}"),
                ("money", "/money"),
                ("audit", "/audit"),
            ):
                shoot(driver, base + path, out / f"{name}.png")
            driver.find_element("xpath", "//button[text()='Sign out']").click()
            sign_in(driver, reader)
            shoot(driver, base + "/my", out / "tenant-view.png")
        finally:
            driver.quit()
            gateway.server.stop()


if __name__ == "__main__":
    main()
