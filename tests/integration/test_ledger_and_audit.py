"""The ledger and the audit journal as clients exercise the gateway."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest

from tests.conftest import ADMIN_KEY, GatewayFactory, RunningGateway
from tests.servers import wait_for

HEADERS = {"authorization": f"Bearer {ADMIN_KEY}", "anthropic-version": "2023-06-01"}


def backends(url: str) -> dict[str, Any]:
    return {
        "up": {
            "kind": "openai-compatible",
            "location": "local",
            "base_url": url + "/v1",
            "models": ["*"],
            "timeouts": {"first_byte": 1.0, "idle": 1.0},
        },
        "anth": {
            "kind": "anthropic",
            "location": "external",
            "base_url": url,
            "api_key": "sk-ant-upstream-secret",
            "models": ["*"],
        },
    }


def database(tmp_path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(tmp_path / "bastion.db")
    connection.row_factory = sqlite3.Row
    return connection


def ledger_row(tmp_path: Path, request_id: str) -> sqlite3.Row:
    """The request's ledger row, once the spool loader has copied it into the database."""
    found: list[sqlite3.Row] = []

    def loaded() -> bool:
        with database(tmp_path) as db:
            row = db.execute(
                "SELECT * FROM usage_ledger WHERE request_id = ?", (request_id,)
            ).fetchone()
        if row is not None:
            found.append(row)
        return row is not None

    wait_for(loaded)
    return found[0]


def audit_records(tmp_path: Path, request_id: str) -> dict[str, dict[str, Any]]:
    with database(tmp_path) as db:
        rows = db.execute(
            "SELECT kind, payload FROM audit_records WHERE request_id = ? ORDER BY seq",
            (request_id,),
        ).fetchall()
    return {row["kind"]: orjson.loads(row["payload"]) for row in rows}


def chat(
    gateway: RunningGateway, model: str, *, stream: bool = False, **extra: Any
) -> httpx.Response:
    body = {"model": model, "messages": [{"role": "user", "content": "hello"}], "stream": stream}
    body.update(extra)
    return httpx.post(gateway.url + "/v1/chat/completions", json=body, headers=HEADERS, timeout=10)


@pytest.fixture
def gateway(scripted: tuple[Any, str], start_gateway: GatewayFactory) -> RunningGateway:
    _, url = scripted
    return start_gateway(backends(url), audit={"tenants": {"admin": "metadata"}})


def test_a_whole_response_is_metered_and_audited(gateway: RunningGateway, tmp_path: Path) -> None:
    response = chat(gateway, "up/echo")
    assert response.status_code == 200
    request_id = response.headers["x-request-id"]
    row = ledger_row(tmp_path, request_id)
    assert (row["tenant"], row["key_id"], row["endpoint"]) == (
        "admin",
        "env-admin",
        "chat.completions",
    )
    assert (row["backend"], row["location"], row["upstream_model"]) == ("up", "local", "echo")
    assert (row["input_tokens"], row["output_tokens"], row["usage_estimated"]) == (11, 7, 0)
    assert (row["status"], row["outcome"], row["stream"]) == (200, "ok", 0)
    assert row["total_ms"] > 0
    records = audit_records(tmp_path, request_id)
    assert set(records) == {"intent", "completion"}
    intent, completion = records["intent"], records["completion"]
    assert intent["backend"] == "up"
    assert intent["location"] == "local"
    assert "request" not in intent  # metadata capture: digests, not content
    assert completion["response_sha256"] == hashlib.sha256(response.content).hexdigest()
    assert completion["usage"]["output_tokens"] == 7


def test_a_stream_with_reported_usage_is_metered_exactly(
    gateway: RunningGateway, tmp_path: Path
) -> None:
    response = chat(gateway, "up/echo", stream=True)
    assert response.status_code == 200
    assert response.content.rstrip().endswith(b"data: [DONE]")
    row = ledger_row(tmp_path, response.headers["x-request-id"])
    assert (row["input_tokens"], row["output_tokens"], row["usage_estimated"]) == (5, 3, 0)
    assert row["ttft_ms"] is not None
    completion = audit_records(tmp_path, response.headers["x-request-id"])["completion"]
    assert completion["response_sha256"] == hashlib.sha256(response.content).hexdigest()


def test_a_stream_without_usage_is_flagged_estimated(
    gateway: RunningGateway, tmp_path: Path
) -> None:
    response = chat(gateway, "up/no-usage", stream=True)
    assert response.status_code == 200
    row = ledger_row(tmp_path, response.headers["x-request-id"])
    assert row["usage_estimated"] == 1
    # One per chunk with a delta: the three content chunks and the finishing one.
    assert row["output_tokens"] == 4
    assert row["input_tokens"] > 0


def test_an_anthropic_stream_is_metered_exactly(gateway: RunningGateway, tmp_path: Path) -> None:
    body = {
        "model": "anth/anthropic-x",
        "max_tokens": 16,
        "messages": [{"role": "user", "content": "hi"}],
        "stream": True,
    }
    response = httpx.post(gateway.url + "/v1/messages", json=body, headers=HEADERS, timeout=10)
    assert response.status_code == 200
    assert b"event: message_stop" in response.content
    row = ledger_row(tmp_path, response.headers["x-request-id"])
    assert row["usage_estimated"] == 0
    assert row["location"] == "external"
    assert row["endpoint"] == "messages"


def test_a_cut_stream_is_metered_as_estimated(gateway: RunningGateway, tmp_path: Path) -> None:
    response = chat(gateway, "up/cut", stream=True)
    row = ledger_row(tmp_path, response.headers["x-request-id"])
    assert row["outcome"] == "upstream_cut"
    assert row["usage_estimated"] == 1
    assert row["output_tokens"] == 2  # the two content chunks sent before the cut
    assert audit_records(tmp_path, response.headers["x-request-id"])["completion"]["outcome"] == (
        "upstream_cut"
    )


def test_a_client_that_leaves_gets_an_abort_record(gateway: RunningGateway, tmp_path: Path) -> None:
    body = {
        "model": "up/slow-stream",
        "messages": [{"role": "user", "content": "x"}],
        "stream": True,
    }
    with httpx.stream(
        "POST", gateway.url + "/v1/chat/completions", json=body, headers=HEADERS, timeout=10
    ) as response:
        request_id = response.headers["x-request-id"]
        next(response.iter_bytes())
    wait_for(lambda: "abort" in audit_records(tmp_path, request_id))
    wait_for(lambda: _has_ledger_row(tmp_path, request_id))
    assert ledger_row(tmp_path, request_id)["outcome"] == "client_disconnected"


def _has_ledger_row(tmp_path: Path, request_id: str) -> bool:
    with database(tmp_path) as db:
        return bool(
            db.execute("SELECT 1 FROM usage_ledger WHERE request_id = ?", (request_id,)).fetchone()
        )


def test_requests_refused_before_dispatch_are_metered_and_audited_once(
    gateway: RunningGateway, tmp_path: Path
) -> None:
    response = chat(gateway, "nowhere/unknown-model")
    assert response.status_code == 404
    row = ledger_row(tmp_path, response.headers["x-request-id"])
    assert (row["status"], row["backend"], row["location"]) == (404, "none", "none")
    records = audit_records(tmp_path, response.headers["x-request-id"])
    assert set(records) == {"outcome"}, "nothing was sent anywhere: no intent, one outcome"
    outcome = records["outcome"]
    assert (outcome["status"], outcome["decision"], outcome["reason"]) == (
        404,
        "invalid",
        "model_not_found",
    )
    assert outcome["response_sha256"] == hashlib.sha256(response.content).hexdigest()


def test_a_megabyte_model_name_leaves_a_small_audit_record(
    gateway: RunningGateway, tmp_path: Path
) -> None:
    """The name is cut as the ledger cuts it, in the record's ``model`` and in the error message
    quoting it: a tenant cannot write megabytes of audit payload per request in ``metadata``
    capture."""
    response = chat(gateway, "m" * 1_048_576)
    assert response.status_code == 404
    row = ledger_row(tmp_path, response.headers["x-request-id"])
    outcome = audit_records(tmp_path, response.headers["x-request-id"])["outcome"]
    assert outcome["model"] == row["model"] == "m" * 200
    assert outcome["error"].startswith(f"The model '{'m' * 200}\u2026' does not exist")
    with database(tmp_path) as db:
        [(size,)] = db.execute(
            "SELECT length(payload) FROM audit_records WHERE request_id = ?",
            (response.headers["x-request-id"],),
        ).fetchall()
    assert size < 2_000


def test_unauthenticated_requests_leave_no_ledger_row(
    gateway: RunningGateway, tmp_path: Path
) -> None:
    response = httpx.post(
        gateway.url + "/v1/chat/completions",
        json={"model": "up/echo", "messages": []},
        headers={"authorization": "Bearer wrong"},
        timeout=10,
    )
    assert response.status_code == 401
    # Spooled records load in order: once a later request's row is in, this one's would be.
    ledger_row(tmp_path, chat(gateway, "up/echo").headers["x-request-id"])
    assert not _has_ledger_row(tmp_path, response.headers["x-request-id"])


@pytest.mark.parametrize("mode", ["full", "redacted"])
def test_content_capture_per_tenant(
    scripted: tuple[Any, str], start_gateway: GatewayFactory, tmp_path: Path, mode: str
) -> None:
    _, url = scripted
    gateway = start_gateway(backends(url), audit={"tenants": {"admin": mode}})
    text = (
        "mail jane.doe@example.com about card 4111 1111 1111 1111\nCharge card "
        "4111111111111111. Transfer to IBAN DE89370400440532013000. Call 07946095812."
    )
    response = chat(gateway, "up/echo-last", messages=[{"role": "user", "content": text}])
    assert response.status_code == 200
    ledger_row(tmp_path, response.headers["x-request-id"])  # loaded with its audit records
    records = audit_records(tmp_path, response.headers["x-request-id"])
    captured_request = records["intent"]["request"]
    captured_response = records["completion"]["response"]
    if mode == "full":
        assert "jane.doe@example.com" in captured_request
        assert captured_response == response.text
    else:
        for raw in ("jane.doe@example.com", "4111", "DE89370400440532013000", "07946095812"):
            assert raw not in captured_request
            assert raw not in captured_response
        assert "[EMAIL]" in captured_request
    assert records["intent"]["capture"] == mode
    if mode == "redacted":  # streamed in pieces of seven characters: masked all the same
        streamed = chat(
            gateway, "up/echo-last", messages=[{"role": "user", "content": text}], stream=True
        )
        assert streamed.status_code == 200
        ledger_row(tmp_path, streamed.headers["x-request-id"])
        captured = audit_records(tmp_path, streamed.headers["x-request-id"])["completion"]
        for raw in ("jane.doe@example.com", "4111", "DE89370400440532013000", "07946095812"):
            assert raw not in captured["response"]
        assert "[EMAIL]" in captured["response"]


def test_the_request_is_not_sent_when_its_intent_cannot_be_recorded(
    scripted: tuple[Any, str], start_gateway: GatewayFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    upstream, url = scripted
    gateway = start_gateway(backends(url), journal={"durability_timeout_seconds": 0.2})
    journal = gateway.gateway.journal
    assert journal is not None
    assert journal._spool is not None

    def disk_full(data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(journal._spool, "append", disk_full)
    sent_before = len(upstream.requests)
    response = chat(gateway, "up/echo")
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "journal_unavailable"
    assert response.headers["retry-after"] == "1"
    assert len(upstream.requests) == sent_before  # fail closed: nothing reached the backend


def test_only_an_admin_keys_requests_are_recorded_as_evaluation_traffic(
    gateway: RunningGateway, tmp_path: Path
) -> None:
    """Evaluation traffic is left out of cost reports and chargeback: a tenant's key saying
    so would take its own traffic out of its bill, so the header counts only for admin keys."""
    purpose = {"x-bastion-purpose": "evaluation"}
    admin = httpx.post(
        gateway.url + "/v1/chat/completions",
        json={"model": "up/echo", "messages": [{"role": "user", "content": "hi"}]},
        headers={**HEADERS, **purpose},
        timeout=10,
    )
    created = httpx.post(gateway.url + "/admin/tenants", json={"name": "payer"}, headers=HEADERS)
    created.raise_for_status()
    key = httpx.post(
        gateway.url + "/admin/keys", json={"tenant": "payer", "name": "app"}, headers=HEADERS
    )
    key.raise_for_status()
    tenant = httpx.post(
        gateway.url + "/v1/chat/completions",
        json={"model": "up/echo", "messages": [{"role": "user", "content": "hi"}]},
        headers={"authorization": f"Bearer {key.json()['key']}", **purpose},
        timeout=10,
    )
    assert admin.status_code == tenant.status_code == 200
    assert ledger_row(tmp_path, admin.headers["x-request-id"])["purpose"] == "evaluation"
    assert ledger_row(tmp_path, tenant.headers["x-request-id"])["purpose"] is None


def test_admin_usage_totals_per_tenant(gateway: RunningGateway, tmp_path: Path) -> None:
    for _ in range(3):
        last = chat(gateway, "up/echo")
        assert last.status_code == 200
    ledger_row(tmp_path, last.headers["x-request-id"])
    response = httpx.get(
        gateway.url + "/admin/usage",
        params={"group_by": "tenant_id,backend"},
        headers=HEADERS,
        timeout=10,
    )
    assert response.status_code == 200
    data = response.json()["data"]
    assert data == [
        {
            "tenant_id": "admin",
            "backend": "up",
            "requests": 3,
            "errors": 0,
            "input_tokens": 33,
            "cached_input_tokens": 0,
            "output_tokens": 21,
            "estimated_requests": 0,
            "busy_ms": pytest.approx(data[0]["busy_ms"]),
        }
    ]
    bad = httpx.get(
        gateway.url + "/admin/usage", params={"group_by": "secret"}, headers=HEADERS, timeout=10
    )
    assert bad.status_code == 400
    # Times at the calendar's ends: a 400 naming the parameter, never a 500.
    for params in ({"until": "0001-01-01"}, {"since": "9999-12-31T23:59:59-05:00"}):
        edge = httpx.get(gateway.url + "/admin/usage", params=params, headers=HEADERS, timeout=10)
        assert edge.status_code == 400, edge.text
        assert edge.json()["error"]["param"] == next(iter(params))
    for params in (
        {"days": "1e300"},
        {"days": "inf"},
        {"days": "nan"},
        {"until": "0001-01-01T00:30:00"},
    ):
        edge = httpx.get(
            gateway.url + "/admin/cost/report", params=params, headers=HEADERS, timeout=10
        )
        assert edge.status_code == 400, edge.text
        assert "NaN" not in edge.text  # a message for people, not Python's


def _hourly_sums(tmp_path: Path, requests_by_hour: dict[datetime, int]) -> None:
    """Rollup rows of backend ``up`` (local), as the loader would have summed them."""
    with database(tmp_path) as db:
        db.executemany(
            "INSERT INTO usage_hourly (hour, tenant_id, key_id, endpoint, model, backend, "
            "location, requests, errors, input_tokens, cached_input_tokens, output_tokens, "
            "estimated_requests, busy_ms) VALUES (?, 'admin', 'env-admin', 'chat.completions', "
            "'up/echo', 'up', 'local', ?, 0, ?, 0, ?, 0, 1.0)",
            [
                (hour.strftime("%Y-%m-%d %H:%M:%S.%f"), count, 10 * count, count)
                for hour, count in requests_by_hour.items()
            ],
        )


def test_admin_usage_sums_the_hours_the_cost_report_sums(
    gateway: RunningGateway, tmp_path: Path
) -> None:
    """Bounds inside an hour are widened to whole hours, as the cost report widens them: the
    hour holding ``since`` is summed, the one after ``until``'s is not, and both endpoints echo
    and sum the same hours."""
    ten = datetime(2026, 3, 2, 10, tzinfo=UTC)
    hours = [ten + timedelta(hours=n) for n in range(-1, 3)]  # 09:00 to 12:00
    _hourly_sums(tmp_path, dict(zip(hours, (1, 2, 4, 8), strict=True)))
    window = {"since": "2026-03-02T10:30:00Z", "until": "2026-03-02T11:15:00Z"}
    usage = httpx.get(gateway.url + "/admin/usage", params=window, headers=HEADERS, timeout=10)
    assert usage.status_code == 200, usage.text
    body = usage.json()
    # The hours summed: 10:00 and 11:00, whole.
    assert (body["since"], body["until"]) == (
        "2026-03-02T10:00:00+00:00",
        "2026-03-02T12:00:00+00:00",
    )
    assert body["partial_hour_start"] is None
    [total] = body["data"]
    assert (total["requests"], total["input_tokens"]) == (6, 60)
    report = httpx.get(
        gateway.url + "/admin/cost/report", params=window, headers=HEADERS, timeout=30
    ).json()
    assert (report["window"]["start"], report["window"]["end"]) == (body["since"], body["until"])
    assert sum(line["requests"] for line in report["traffic"]) == total["requests"]
    # No traffic after ``until``'s hour, however early in its hour ``until`` falls.
    early = {"since": "2026-03-02T10:00:00Z", "until": "2026-03-02T10:00:01Z"}
    [first] = httpx.get(
        gateway.url + "/admin/usage", params=early, headers=HEADERS, timeout=10
    ).json()["data"]
    assert first["requests"] == 2
    inverted = httpx.get(
        gateway.url + "/admin/usage",
        params={"since": window["until"], "until": window["since"]},
        headers=HEADERS,
        timeout=10,
    )
    assert inverted.status_code == 400
    assert inverted.json()["error"]["param"] == "until"


def test_stream_metrics_include_inter_token_latency(gateway: RunningGateway) -> None:
    assert chat(gateway, "up/echo", stream=True).status_code == 200
    wait_for(lambda: gateway.metric("bastion_inter_token_latency_seconds_count", backend="up") == 1)


def test_cost_report_from_measured_traffic(
    scripted: tuple[Any, str], start_gateway: GatewayFactory, tmp_path: Path
) -> None:
    """The admin cost report prices the ledger's traffic against the chosen API model."""
    _, url = scripted
    gateway = start_gateway(
        backends(url),
        economics={
            "compare_with": ["gpt-4o-mini"],
            "tco": {"up": {"gpu_hourly": "2.50", "gpus": 1}},
        },
    )
    for _ in range(4):
        last = chat(gateway, "up/echo")
        assert last.status_code == 200
    ledger_row(tmp_path, last.headers["x-request-id"])
    # Reports cover whole UTC hours; this one includes the current hour.
    hour = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    window = {"since": hour.isoformat(), "until": (hour + timedelta(hours=1)).isoformat()}
    response = httpx.get(
        gateway.url + "/admin/cost/report", params=window, headers=HEADERS, timeout=30
    )
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["currency"] == "USD"
    [backend] = report["backends"]
    assert (backend["backend"], backend["requests"]) == ("up", 4)
    assert backend["tokens"]["input"] == 44
    assert backend["tokens"]["output"] == 28
    [api] = report["api_totals"]
    assert api["model"] == "gpt-4o-mini"
    # 44 input tokens at $0.15/M and 28 output tokens at $0.60/M.
    # Figures are rounded to millionths of a dollar.
    assert float(api["cost_usd"]) == pytest.approx(44 * 0.15e-6 + 28 * 0.60e-6, abs=1e-6)
    bad = httpx.get(
        gateway.url + "/admin/cost/report", params={"days": "-1"}, headers=HEADERS, timeout=10
    )
    assert bad.status_code == 400
