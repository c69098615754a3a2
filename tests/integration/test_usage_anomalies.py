"""A tenant's burst through the real gateway: the metric and the admin event."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from bastion.events import AdminEvent, EventLog
from bastion.store.store import Store
from tests.conftest import GatewayFactory, RunningGateway
from tests.conftest_postgres import PostgresServer, require_postgres
from tests.integration.test_admission import SIM, make_key

# Seconds instead of minutes and hours, so the test runs in a few seconds: a two-second
# window, warm after two windows, calm again after two seconds.
ANOMALY = {
    "window_seconds": 2,
    "baseline_seconds": 60,
    "warmup_seconds": 4,
    "clear_after_seconds": 2,
    "min_requests_per_minute": 60,  # two requests per window
    "min_tokens_per_minute": 10_000_000,  # requests only, for a predictable test
}


def chat(client: httpx.Client, gateway: RunningGateway, secret: str) -> None:
    answer = client.post(
        gateway.url + "/v1/chat/completions",
        json={
            "model": "bastion-sim",
            "messages": [{"role": "user", "content": "hi"}],
            "max_tokens": 4,
        },
        headers={"authorization": f"Bearer {secret}"},
    )
    assert answer.status_code == 200, answer.text


def events(gateway: RunningGateway, **params: str) -> dict[str, Any]:
    answer = httpx.get(
        gateway.url + "/admin/events",
        params=params,
        headers={"authorization": f"Bearer {gateway.admin_key}"},
    )
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


def wait_for(condition: Callable[[], bool], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_a_burst_is_counted_and_listed_as_an_admin_event(start_gateway: GatewayFactory) -> None:
    gateway = start_gateway(SIM, admission={"anomaly": ANOMALY})
    _, secret = make_key(gateway, "acme")
    _, other = make_key(gateway, "globex")
    with httpx.Client(timeout=30) as client:
        started = time.monotonic()
        while time.monotonic() - started < 6:  # steady: about two requests a second
            chat(client, gateway, secret)
            chat(client, gateway, other)
            time.sleep(0.5)
        assert gateway.metric("bastion_usage_anomalies_total") == 0
        assert events(gateway)["data"] == []

        with ThreadPoolExecutor(12) as pool:  # acme: well over five times as many at once
            list(pool.map(lambda _: chat(client, gateway, secret), range(80)))

    wait_for(lambda: gateway.metric("bastion_usage_anomalies_total", what="requests") == 1)
    assert gateway.metric("bastion_usage_anomalies_active") == 1
    exposed = httpx.get(gateway.url + "/metrics").text
    assert 'bastion_usage_anomalies_total{what="requests"} 1.0' in exposed
    assert "bastion_usage_anomalies_active 1.0" in exposed

    wait_for(lambda: bool(events(gateway, kind="usage_anomaly")["data"]))  # written off-path
    listed = events(gateway, kind="usage_anomaly", tenant="acme")
    assert listed["source"] == "database"
    [anomaly] = [e for e in listed["data"] if e["details"]["what"] == "requests"]
    assert anomaly["tenant"] == "acme"
    assert anomaly["tenant_id"].startswith("ten_")
    assert anomaly["message"].startswith("tenant acme: ")
    assert anomaly["details"]["observed"] > 5 * anomaly["details"]["baseline"]
    assert events(gateway, tenant="globex")["data"] == []

    # Calm for clear_after_seconds: the anomaly ends, once.
    wait_for(lambda: gateway.metric("bastion_usage_anomalies_active") == 0)
    wait_for(lambda: bool(events(gateway, kind="usage_anomaly_ended")["data"]))
    newest = events(gateway, tenant="acme", limit="1")["data"]
    assert [e["kind"] for e in newest] == ["usage_anomaly_ended"]
    assert gateway.metric("bastion_usage_anomalies_total", what="requests") == 1


def test_events_need_an_admin_key_and_a_valid_limit(start_gateway: GatewayFactory) -> None:
    gateway = start_gateway(SIM)
    _, secret = make_key(gateway, "acme")
    url = gateway.url + "/admin/events"
    assert httpx.get(url).status_code == 401
    assert httpx.get(url, headers={"authorization": f"Bearer {secret}"}).status_code == 403
    admin = {"authorization": f"Bearer {gateway.admin_key}"}
    refused = httpx.get(url, params={"limit": "0"}, headers=admin)
    assert refused.status_code == 400
    assert refused.json()["error"]["param"] == "limit"
    assert httpx.get(url, params={"limit": "5"}, headers=admin).json() == {
        "object": "list",
        "source": "database",
        "data": [],
    }


@pytest.fixture(scope="module")
def postgres() -> PostgresServer:
    return require_postgres()


@pytest.fixture
async def pg_url(postgres: PostgresServer) -> AsyncIterator[str]:
    async with postgres.fresh_database() as url:
        yield url


@pytest.mark.postgres
async def test_every_process_events_are_listed_from_postgresql(pg_url: str) -> None:
    first, second = await Store.open(pg_url, listen=False), await Store.open(pg_url, listen=False)
    try:
        logs = [EventLog(first.events), EventLog(second.events)]
        start = datetime.now(UTC)
        for index, log in enumerate(logs):
            log.start()
            log.emit(
                AdminEvent(
                    "usage_anomaly",
                    f"tenant acme: from process {index}",
                    "acme",
                    "ten_acme",
                    {"what": "requests", "observed": 40 + index, "ratio": 12.5},
                    start + timedelta(seconds=index),
                )
            )
        logs[1].emit(AdminEvent("usage_anomaly", "tenant globex: burst", "globex", "ten_globex"))
        for log in logs:
            await log.close()
        found, source = await logs[0].recent(tenant="acme")
        assert source == "database"
        assert [e.message for e in found] == [
            "tenant acme: from process 1",
            "tenant acme: from process 0",
        ]
        assert found[0].details == {"what": "requests", "observed": 41, "ratio": 12.5}
        assert found[0].time == start + timedelta(seconds=1)
        everything, _ = await logs[0].recent(kind="usage_anomaly", limit=10)
        assert len(everything) == 3
    finally:
        await first.close()
        await second.close()
