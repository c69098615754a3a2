"""Every authenticated request has an audit outcome, including those answered before anything
was sent to a backend: cache hits, guardrail blocks, admission refusals, routing denials and
invalid requests each get one *outcome* record (decision, reason, digests and, per the tenant's
capture mode, content), chained with the rest so that ``bastion audit verify`` still passes."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner

from bastion.cli.audit import audit_group
from tests.conftest import ADMIN_KEY, GatewayFactory, RunningGateway
from tests.integration.test_admission import make_key
from tests.integration.test_ledger_and_audit import audit_records, ledger_row
from tests.scripted_upstream import openai_backend

ADMIN = {"authorization": f"Bearer {ADMIN_KEY}"}


@pytest.fixture
def gateway(scripted: tuple[Any, str], start_gateway: GatewayFactory) -> RunningGateway:
    _, url = scripted
    return start_gateway(
        {"up": openai_backend(url)},
        cache={"enabled": True},
        guardrails={"input": {"actions": {"secret": "block"}}},
        routing={
            "rules": [{"name": "no-nightly", "match": {"hints": ["nightly"]}, "deny": "not now"}]
        },
        admission={"tenants": {"limited": {"requests_per_minute": 1}}},
        audit={"capture": "metadata", "tenants": {"admin": "full", "masked": "redacted"}},
    )


def chat(
    gateway: RunningGateway,
    text: str,
    *,
    key: str = ADMIN_KEY,
    stream: bool = False,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> httpx.Response:
    body = {"model": "up/echo", "messages": [{"role": "user", "content": text}], **extra}
    if stream:
        body["stream"] = True
    return httpx.post(
        gateway.url + "/v1/chat/completions",
        json=body,
        headers={"authorization": f"Bearer {key}", **(headers or {})},
        timeout=10,
    )


def records_of(tmp_path: Path, response: httpx.Response) -> dict[str, dict[str, Any]]:
    """The request's audit records by kind, once the loader has copied them in (with the
    request's ledger row: both are written together)."""
    request_id = response.headers["x-request-id"]
    ledger_row(tmp_path, request_id)
    return audit_records(tmp_path, request_id)


def test_a_cache_hit_is_audited_as_served_from_the_cache_with_what_was_sent(
    gateway: RunningGateway, tmp_path: Path
) -> None:
    first = chat(gateway, "What is the boiling point of water?")
    assert "x-bastion-cache" not in first.headers
    assert set(records_of(tmp_path, first)) == {"intent", "completion"}
    for stream in (False, True):
        hit = chat(gateway, "What is the boiling point of water?", stream=stream)
        assert hit.headers["x-bastion-cache"] == "exact"
        records = records_of(tmp_path, hit)
        assert set(records) == {"outcome"}, "no intent: nothing was sent to a backend"
        outcome = records["outcome"]
        assert outcome["decision"] == "served_from_cache"
        assert (outcome["answered_by"], outcome["cache_status"]) == ("cache", "hit")
        assert (outcome["status"], outcome["outcome"], outcome["stream"]) == (200, "ok", stream)
        assert outcome["backend"] == "none"
        # Every byte the client received, digested; the admin tenant captures content in full.
        assert outcome["response_sha256"] == hashlib.sha256(hit.content).hexdigest()
        assert outcome["response_bytes"] == len(hit.content)
        assert outcome["response"] == hit.text
        assert "boiling point" in outcome["request"]
        assert outcome["request_sha256"] == hashlib.sha256(hit.request.content).hexdigest()
        assert outcome["capture"] == "full"


@pytest.mark.parametrize(
    ("ask", "status", "decision", "reason"),
    [
        (
            {"text": "deploy with AKIAIOSFODNN7EXAMPLE please"},
            400,
            "blocked",
            "sensitive_data",
        ),
        (
            {"text": "hello", "headers": {"x-bastion-route-hint": "nightly"}},
            403,
            "denied",
            "policy_denied",
        ),
        ({"text": "hello", "max_tokens": "many"}, 400, "invalid", "invalid_request"),
    ],
    ids=["guardrail-block", "routing-denial", "invalid"],
)
def test_a_refusal_on_the_way_is_audited_with_its_reason(
    gateway: RunningGateway,
    tmp_path: Path,
    ask: dict[str, Any],
    status: int,
    decision: str,
    reason: str,
) -> None:
    response = chat(gateway, **ask)
    assert response.status_code == status, response.text
    records = records_of(tmp_path, response)
    assert set(records) == {"outcome"}
    outcome = records["outcome"]
    assert (outcome["status"], outcome["decision"], outcome["reason"]) == (status, decision, reason)
    assert outcome["error"] == response.json()["error"]["message"]
    assert outcome["response"] == response.text
    assert outcome["tenant"] == "admin"


def test_an_admission_refusal_is_audited_in_the_tenants_capture_mode(
    gateway: RunningGateway, tmp_path: Path
) -> None:
    _, secret = make_key(gateway, "limited")
    assert chat(gateway, "hello", key=secret).status_code == 200
    refused = chat(gateway, "mail jane.doe@example.com", key=secret)
    assert refused.status_code == 429
    outcome = records_of(tmp_path, refused)["outcome"]
    assert (outcome["decision"], outcome["reason"], outcome["answered_by"]) == (
        "refused",
        "rate_limit_exceeded",
        "admit",
    )
    assert (outcome["tenant"], outcome["capture"]) == ("limited", "metadata")
    assert "request" not in outcome and "response" not in outcome, "metadata: digests only"
    assert outcome["response_sha256"] == hashlib.sha256(refused.content).hexdigest()
    # Redacted capture masks the content of an outcome as it does an intent's.
    _, masked = make_key(gateway, "masked")
    blocked = chat(gateway, "mail jane.doe@example.com with AKIAIOSFODNN7EXAMPLE", key=masked)
    assert blocked.status_code == 400
    captured = records_of(tmp_path, blocked)["outcome"]["request"]
    assert "jane.doe@example.com" not in captured and "[EMAIL]" in captured


def test_the_chain_still_verifies_with_outcome_records(
    gateway: RunningGateway, tmp_path: Path
) -> None:
    chat(gateway, "Name a prime number.")
    chat(gateway, "Name a prime number.")  # from the cache
    chat(gateway, "hello", headers={"x-bastion-route-hint": "nightly"})
    last = chat(gateway, "hello", max_tokens="many")
    records_of(tmp_path, last)
    config = tmp_path / "verify.yaml"
    config.write_text(f"database: {{url: 'sqlite+aiosqlite:///{tmp_path}/bastion.db'}}\n")
    verified = CliRunner().invoke(audit_group, ["verify", "--config", str(config)])
    assert verified.exit_code == 0 and "journal intact" in verified.output, verified.output
