"""Versioned endpoints and routing rules, through the official SDKs and ``bastion serve``."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import anthropic
import httpx
import openai
import pytest
import yaml

from tests.conftest import GatewayFactory, RunningGateway
from tests.integration.test_serve_process import ServeProcess
from tests.scripted_upstream import openai_backend
from tests.servers import free_port


def sim(**settings: Any) -> dict[str, Any]:
    return {"kind": "simulator", "location": "local", "simulator": {"time_scale": 200, **settings}}


ENDPOINTS: dict[str, Any] = {
    "support": {
        "default": "2",
        "versions": {
            "1": {
                "backend": "gpu",
                "model": "bastion-sim",
                "params": {"max_tokens": 5},
                "system_prompt": "You are the ACME support desk.",
                "deprecated": "2026-01-01T00:00:00Z",
                "sunset": "2026-02-01T00:00:00Z",
                "successor": "2",
            },
            "2": {
                "backend": "gpu",
                "model": "bastion-sim",
                "params": {"max_tokens": 7},
                "deprecated": "2030-01-01T00:00:00Z",
                "sunset": "2031-01-01T00:00:00Z",
                "successor": "3",
            },
            "3": {"backend": "big", "model": "bastion-sim", "params": {"max_tokens": 9}},
        },
    }
}


@pytest.fixture
def gateway(start_gateway: GatewayFactory) -> RunningGateway:
    return start_gateway(
        {"gpu": sim(), "big": sim(seed=1)},
        endpoints=ENDPOINTS,
        routing={
            "rules": [
                {
                    "name": "no-batch-on-gpu",
                    "match": {"endpoints": ["gpu/*"], "hints": ["batch-gpu"]},
                    "deny": "batch work goes to the big pool",
                },
                {"name": "batch", "match": {"hints": ["batch"]}, "backend": "big"},
                # Would move the pinned versions of support: passed over for them.
                {"name": "support-big", "match": {"endpoints": ["support@*"]}, "backend": "big"},
            ]
        },
    )


def openai_client(gateway: RunningGateway) -> openai.OpenAI:
    return openai.OpenAI(base_url=gateway.url + "/v1", api_key=gateway.admin_key, max_retries=0)


def test_version_pins_parameters_and_announces_its_lifecycle(gateway: RunningGateway) -> None:
    api = openai_client(gateway)
    raw = api.chat.completions.with_raw_response.create(
        model="support", messages=[{"role": "user", "content": "hi"}]
    )
    answer = raw.parse()
    assert answer.model == "support"
    assert answer.usage is not None and answer.usage.completion_tokens == 7  # v2's default
    assert raw.headers["x-bastion-endpoint"] == "support@2"
    assert raw.headers["deprecation"] == "@1893456000"
    assert raw.headers["sunset"] == "Wed, 01 Jan 2031 00:00:00 GMT"

    pinned = api.chat.completions.create(
        model="support@3", messages=[{"role": "user", "content": "hi"}], max_tokens=3
    )
    assert pinned.usage is not None and pinned.usage.completion_tokens == 3, "client value wins"


def test_after_sunset_the_version_names_its_successor(gateway: RunningGateway) -> None:
    with pytest.raises(openai.APIStatusError) as caught:
        openai_client(gateway).chat.completions.create(
            model="support@1", messages=[{"role": "user", "content": "hi"}]
        )
    assert caught.value.status_code == 410
    assert "retired on 2026-02-01" in caught.value.message
    assert "support@2" in caught.value.message
    assert caught.value.response.headers["sunset"] == "Sun, 01 Feb 2026 00:00:00 GMT"

    messages = anthropic.Anthropic(base_url=gateway.url, api_key=gateway.admin_key, max_retries=0)
    with pytest.raises(anthropic.APIStatusError) as refused:
        messages.messages.create(
            model="support@1", max_tokens=5, messages=[{"role": "user", "content": "hi"}]
        )
    assert refused.value.status_code == 410 and "support@2" in refused.value.message


def test_models_list_endpoints_with_their_dates(gateway: RunningGateway) -> None:
    listed = {m.id: m for m in openai_client(gateway).models.list().data}
    assert {"support", "support@1", "support@2", "support@3"} <= set(listed)
    extra = listed["support@2"].model_extra or {}
    assert datetime.fromisoformat(extra["sunset"]) == datetime(2031, 1, 1, tzinfo=UTC)
    assert extra["successor"] == "support@3"
    assert extra["version"] == "2" and len(extra["digest"]) == 64
    assert (listed["support"].model_extra or {})["version"] == "2"
    # Versions served by the simulator say so, as the simulator's own models do.
    assert extra["simulated"] is True
    assert (listed["gpu/bastion-sim"].model_extra or {})["simulated"] is True


def test_rules_deny_and_pick_pools(gateway: RunningGateway) -> None:
    api = openai_client(gateway)
    batch = api.chat.completions.with_raw_response.create(
        model="gpu/bastion-sim",
        messages=[{"role": "user", "content": "hi"}],
        max_tokens=2,
        extra_headers={"x-bastion-route-hint": "batch"},
    )
    assert batch.headers["x-bastion-backend"] == "big"
    plain = api.chat.completions.with_raw_response.create(
        model="gpu/bastion-sim", messages=[{"role": "user", "content": "hi"}], max_tokens=2
    )
    assert plain.headers["x-bastion-backend"] == "gpu"
    with pytest.raises(openai.PermissionDeniedError) as denied:
        api.chat.completions.create(
            model="gpu/bastion-sim",
            messages=[{"role": "user", "content": "hi"}],
            extra_headers={"x-bastion-route-hint": "batch-gpu"},
        )
    assert "no-batch-on-gpu" in denied.value.message
    assert "batch work goes to the big pool" in denied.value.message


def test_rules_never_move_a_pinned_endpoint_version(gateway: RunningGateway) -> None:
    """support@2 is pinned to gpu: neither the client's route hint (rule "batch") nor a rule
    matching its name (rule "support-big") sends it elsewhere; the bare name neither."""
    api = openai_client(gateway)
    for model in ("support@2", "support"):
        for hint in ({}, {"x-bastion-route-hint": "batch"}):
            raw = api.chat.completions.with_raw_response.create(
                model=model,
                messages=[{"role": "user", "content": "hi"}],
                max_tokens=2,
                extra_headers=hint,
            )
            assert raw.headers["x-bastion-backend"] == "gpu", (model, hint)
            assert raw.headers["x-bastion-endpoint"] == "support@2"


def test_every_client_protocol_gets_the_pinned_params_on_an_openai_backend(
    scripted: tuple[Any, str], start_gateway: GatewayFactory
) -> None:
    """On an OpenAI backend, an Anthropic or Responses client's request carries the version's
    sampling params and its JSON schema (as Messages' output_config.format, translated back);
    seed and the penalties, which those protocols have no field for, are set in the upstream's
    chat body: the version samples alike whichever API the client speaks."""
    upstream, url = scripted
    schema = {"type": "object", "properties": {"answer": {"type": "string"}}}
    params = {"temperature": 0.2, "seed": 42, "presence_penalty": 0.5, "stop": "END",
              "response_format": {"type": "json_schema",
                                  "json_schema": {"name": "reply", "schema": schema}}}  # fmt: skip
    version = {"backend": "scr", "model": "echo", "params": params}
    gateway = start_gateway(
        {"scr": openai_backend(url)}, endpoints={"ver": {"versions": {"1": version}}}
    )
    messages = anthropic.Anthropic(base_url=gateway.url, api_key=gateway.admin_key, max_retries=0)
    messages.messages.create(
        model="ver@1", max_tokens=100, messages=[{"role": "user", "content": "hi"}]
    )
    sent = upstream.last
    assert (sent["temperature"], sent["stop"]) == (0.2, ["END"])
    assert sent["response_format"]["json_schema"]["schema"] == schema
    assert (sent["seed"], sent["presence_penalty"]) == (42, 0.5)
    responses = openai.OpenAI(base_url=gateway.url + "/v1", api_key=gateway.admin_key)
    answer = responses.responses.with_raw_response.create(model="ver@1", input="hi")
    sent = upstream.last
    assert (sent["temperature"], sent["seed"], sent["presence_penalty"]) == (0.2, 42, 0.5)
    assert sent["stop"] == "END"
    assert "x-bastion-dropped-fields" not in answer.headers  # nothing the client sent


def test_unknown_versions_are_404(gateway: RunningGateway) -> None:
    with pytest.raises(openai.NotFoundError) as caught:
        openai_client(gateway).chat.completions.create(
            model="support@9", messages=[{"role": "user", "content": "hi"}]
        )
    assert "support@9" in caught.value.message


def test_status_endpoint_needs_an_admin_key(gateway: RunningGateway) -> None:
    assert httpx.get(gateway.url + "/admin/status", timeout=5).status_code == 401
    shown = httpx.get(
        gateway.url + "/admin/status",
        headers={"authorization": f"Bearer {gateway.admin_key}"},
        timeout=5,
    ).json()
    assert [e["name"] for e in shown["endpoints"]] == ["support@1", "support@2", "support@3"]
    assert shown["gpu"]["available"] in (True, False)


def _serve_until_ready(config: Path, cwd: Path) -> None:
    """Runs ``bastion serve`` until it answers /readyz, then stops it."""
    process = ServeProcess(cwd, "--config", str(config))
    try:
        process.wait_ready()
    finally:
        process.stop()


def test_changing_a_published_version_stops_bastion_serve(tmp_path: Path) -> None:
    config: dict[str, Any] = {
        "database": {"url": f"sqlite+aiosqlite:///{tmp_path}/bastion.db"},
        "auth": {"admin_key": "bst-admin-0123456789abcdef"},
        "discovery": {"enabled": False},
        "backends": {"gpu": sim()},
        "endpoints": {
            "support": {
                "versions": {
                    "1": {"backend": "gpu", "model": "bastion-sim", "params": {"temperature": 0.2}}
                }
            }
        },
    }
    path = tmp_path / "bastion.yaml"
    path.write_text(yaml.safe_dump(config))
    _serve_until_ready(path, tmp_path)

    config["endpoints"]["support"]["versions"]["1"]["params"]["temperature"] = 0.7
    path.write_text(yaml.safe_dump(config))
    served = subprocess.run(
        [
            sys.executable,
            "-m",
            "bastion",
            "serve",
            "--config",
            str(path),
            "--port",
            str(free_port()),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert served.returncode != 0
    output = served.stdout + served.stderr
    assert "endpoints.support.versions.1.params" in output
    assert "support@1" in output and "immutable" in output
    # The log line is JSON here (not a terminal), so the values appear escaped.
    assert 'was {\\"temperature\\":0.2}' in output
    assert 'now says {\\"temperature\\":0.7}' in output

    # Publishing the change as version 2 is the way: it starts again.
    config["endpoints"]["support"]["versions"]["1"]["params"]["temperature"] = 0.2
    config["endpoints"]["support"]["versions"]["2"] = {
        "backend": "gpu",
        "model": "bastion-sim",
        "params": {"temperature": 0.7},
    }
    path.write_text(yaml.safe_dump(config))
    _serve_until_ready(path, tmp_path)
