"""Bad input and failing upstreams get clear errors in the client's protocol, never a hang."""

from __future__ import annotations

import gzip
import time
from typing import Any

import anthropic
import httpx
import openai
import pytest

from tests.conftest import ADMIN_KEY, GatewayFactory, RunningGateway
from tests.servers import free_port, wait_for

AUTH = {"Authorization": f"Bearer {ADMIN_KEY}"}
HI = b'[{"role": "user", "content": "x"}]'


def post(gateway: RunningGateway, path: str, content: bytes, **headers: str) -> httpx.Response:
    merged = {**AUTH, "content-type": "application/json", **headers}
    return httpx.post(gateway.url + path, content=content, headers=merged, timeout=10)


def openai_error(response: httpx.Response) -> dict[str, Any]:
    error = response.json()["error"]
    assert set(error) == {"message", "type", "param", "code"}
    return dict(error)


@pytest.mark.parametrize(
    ("body", "param"),
    [
        (b"{not json", None),
        (b"[1, 2]", None),
        (b'{"messages": [{"role": "user", "content": "x"}]}', "model"),
        (b'{"model": 5, "messages": []}', "model"),
        (b'{"model": "up/echo"}', "messages"),
        (b'{"model": "up/echo", "messages": "hello"}', "messages"),
        (b'{"model": "up/echo", "messages": []}', "messages"),
        (b'{"model": "up/echo", "messages": ["hi"]}', "messages"),
        (b'{"model": "up/echo", "messages": [{"role": "user"}], "stream": "yes"}', "stream"),
        (b'{"model": "up/echo", "messages": [{"role": "user"}], "max_tokens": "9"}', "max_tokens"),
        (b'{"model": "up/echo", "messages": [{"role": "user"}], "n": 0}', "n"),
        (
            b'{"model": "up/echo", "messages": [{"role": "user"}], "temperature": "hot"}',
            "temperature",
        ),
    ],
)
def test_malformed_requests_are_400(
    scripted_gateway: tuple[Any, RunningGateway], body: bytes, param: str | None
) -> None:
    upstream, gateway = scripted_gateway
    response = post(gateway, "/v1/chat/completions", body)
    assert response.status_code == 400
    error = openai_error(response)
    assert error["type"] == "invalid_request_error"
    assert error["param"] == param
    assert upstream.requests == []


def test_anthropic_errors_use_anthropic_shape(scripted_gateway: tuple[Any, RunningGateway]) -> None:
    _, gateway = scripted_gateway
    response = post(gateway, "/v1/messages", b'{"model": "anth/x", "messages": []}')
    assert response.status_code == 400
    assert response.json() == {
        "type": "error",
        "error": {"type": "invalid_request_error", "message": "'messages' must not be empty."},
    }
    hello = b'[{"role": "user", "content": "Hi"}]'
    missing = post(
        gateway, "/v1/messages", b'{"model": "nope", "max_tokens": 5, "messages": ' + hello + b"}"
    )
    assert missing.status_code == 404
    assert missing.json()["error"]["type"] == "not_found_error"


@pytest.mark.parametrize("path", ["/v1/chat/completions", "/v1/messages"])
def test_a_body_nested_deeper_than_the_gateway_can_forward_is_400(
    scripted_gateway: tuple[Any, RunningGateway], path: str
) -> None:
    """Deeper than 254 levels is refused in the client's protocol; 254 is answered."""
    upstream, gateway = scripted_gateway
    model = b'"up/echo"' if path.endswith("completions") else b'"anth/x", "max_tokens": 5'

    def body(depth: int) -> bytes:  # the body is the first level, metadata's value the second
        nested = b"[" * (depth - 2) + b'"x"' + b"]" * (depth - 2)
        return b'{"model": ' + model + b', "messages": ' + HI + b', "metadata": ' + nested + b"}"

    refused = post(gateway, path, body(300))
    assert refused.status_code == 400, refused.text
    message = "nested more than 254 levels deep"
    if path.endswith("messages"):
        assert refused.json()["type"] == "error"
        assert message in refused.json()["error"]["message"]
    else:
        assert message in openai_error(refused)["message"]
    assert upstream.requests == []
    assert post(gateway, "/v1/chat/completions", body(254)).status_code == 200


def test_a_compressed_body_is_415_in_the_clients_shape(
    scripted_gateway: tuple[Any, RunningGateway],
) -> None:
    upstream, gateway = scripted_gateway
    packed = gzip.compress(b'{"model": "up/echo", "messages": [{"role": "user", "content": "Hi"}]}')
    chat = post(gateway, "/v1/chat/completions", packed, **{"content-encoding": "gzip"})
    assert chat.status_code == 415
    error = openai_error(chat)
    assert error["type"] == "invalid_request_error"
    assert "gzip" in error["message"]
    messages = post(gateway, "/v1/messages", packed, **{"content-encoding": "gzip"})
    assert messages.status_code == 415
    assert messages.json()["error"]["type"] == "invalid_request_error"
    assert upstream.requests == []


def test_body_over_the_limit_is_413(start_gateway: GatewayFactory, scripted: Any) -> None:
    _, url = scripted
    gateway = start_gateway(
        {"up": {"kind": "openai-compatible", "location": "local", "base_url": url + "/v1"}},
        server={"max_body_bytes": 1024},
    )
    big = b'{"model": "up/echo", "messages": [{"role": "user", "content": "' + b"x" * 4096 + b'"}]}'
    response = post(gateway, "/v1/chat/completions", big)
    assert response.status_code == 413
    assert "1024" in openai_error(response)["message"]

    def chunked() -> Any:
        for _ in range(8):
            yield b"x" * 512

    # Without a Content-Length the limit is enforced while reading.
    streamed = httpx.post(
        gateway.url + "/v1/chat/completions", content=chunked(), headers=AUTH, timeout=10
    )
    assert streamed.status_code == 413


def test_unknown_model_is_404(scripted_gateway: tuple[Any, RunningGateway]) -> None:
    _, gateway = scripted_gateway
    api = openai.OpenAI(base_url=gateway.url + "/v1", api_key=ADMIN_KEY, max_retries=0)
    with pytest.raises(openai.NotFoundError) as caught:
        api.chat.completions.create(model="gpt-17", messages=[{"role": "user", "content": "x"}])
    assert caught.value.code == "model_not_found"
    # A megabyte of a name is not echoed back (nor into the audit journal), but cut.
    for path in ("/v1/chat/completions", "/v1/models/" + "m" * 5_000):
        body = {"model": "m" * 1_048_576, "messages": [{"role": "user", "content": "x"}]}
        if path.startswith("/v1/models"):
            answer = httpx.get(gateway.url + path, headers=AUTH)
        else:
            answer = httpx.post(gateway.url + path, headers=AUTH, json=body)
        assert answer.status_code == 404
        assert f"'{'m' * 200}\u2026' does not exist" in answer.json()["error"]["message"]
        assert len(answer.content) < 1_000


def test_bad_and_missing_keys_are_401(scripted_gateway: tuple[Any, RunningGateway]) -> None:
    _, gateway = scripted_gateway
    for key in ("bst-not-a-real-key", "x"):
        api = openai.OpenAI(base_url=gateway.url + "/v1", api_key=key, max_retries=0)
        with pytest.raises(openai.AuthenticationError):
            api.chat.completions.create(
                model="up/echo", messages=[{"role": "user", "content": "x"}]
            )
    response = httpx.post(gateway.url + "/v1/chat/completions", json={"model": "up/echo"})
    assert response.status_code == 401
    models = httpx.get(gateway.url + "/v1/models", headers={"x-api-key": "wrong"})
    assert models.status_code == 401
    anth = anthropic.Anthropic(base_url=gateway.url, api_key="wrong", max_retries=0)
    with pytest.raises(anthropic.AuthenticationError):
        anth.messages.create(
            model="anth/x", max_tokens=5, messages=[{"role": "user", "content": "x"}]
        )


def test_revoked_key_is_refused_on_the_next_request(
    scripted_gateway: tuple[Any, RunningGateway],
) -> None:
    _, gateway = scripted_gateway
    admin = httpx.Client(base_url=gateway.url + "/admin", headers=AUTH)
    tenant = admin.post("/tenants", json={"name": "acme"}).json()
    created = admin.post("/keys", json={"tenant": tenant["id"], "name": "ci"}).json()
    api = openai.OpenAI(base_url=gateway.url + "/v1", api_key=created["key"], max_retries=0)
    api.chat.completions.create(model="up/echo", messages=[{"role": "user", "content": "x"}])
    assert admin.post(f"/keys/{created['id']}/revoke").status_code == 200
    with pytest.raises(openai.AuthenticationError):
        api.chat.completions.create(model="up/echo", messages=[{"role": "user", "content": "x"}])


def test_upstream_refused_is_502(start_gateway: GatewayFactory) -> None:
    closed = f"http://127.0.0.1:{free_port()}/v1"
    gateway = start_gateway(
        {
            "dead": {
                "kind": "openai-compatible",
                "location": "local",
                "base_url": closed,
                "models": ["m"],
            }
        }
    )
    response = post(
        gateway, "/v1/chat/completions", b'{"model": "dead/m", "messages": ' + HI + b"}"
    )
    assert response.status_code == 502
    assert "cannot connect" in openai_error(response)["message"]
    assert gateway.metric("bastion_upstream_errors_total", backend="dead", kind="connect") == 1


def test_upstream_timeout_is_504_and_the_upstream_call_is_dropped(
    scripted_gateway: tuple[Any, RunningGateway],
) -> None:
    upstream, gateway = scripted_gateway
    started = time.monotonic()
    response = post(
        gateway, "/v1/chat/completions", b'{"model": "up/hang", "messages": ' + HI + b"}"
    )
    assert response.status_code == 504
    assert "first byte" in openai_error(response)["message"]
    assert time.monotonic() - started < 5
    wait_for(lambda: "hang" in upstream.cancelled)


@pytest.mark.parametrize(
    ("model", "status", "fragment"),
    [
        ("up/fail-500", 502, "CUDA out of memory"),
        ("up/bad-key", 502, "credentials"),
        ("up/garbage", 502, "malformed"),
        ("up/redirect", 502, "redirect"),
        ("up/fail-400", 400, "prompt is too long"),
        ("up/rate-limited", 429, "slow down"),
        ("up/overloaded", 503, "Overloaded"),
    ],
)
def test_upstream_errors_are_mapped(
    scripted_gateway: tuple[Any, RunningGateway], model: str, status: int, fragment: str
) -> None:
    _, gateway = scripted_gateway
    body = b'{"model": "%s", "messages": %s}' % (model.encode(), HI)
    response = post(gateway, "/v1/chat/completions", body)
    assert response.status_code == status
    assert fragment in openai_error(response)["message"]
    if status in (429, 503):  # the engine's own Retry-After
        assert response.headers["retry-after"] == ("7" if status == 429 else "3")


def test_anthropic_upstream_error_keeps_anthropic_shape(
    scripted_gateway: tuple[Any, RunningGateway],
) -> None:
    _, gateway = scripted_gateway
    anth = anthropic.Anthropic(base_url=gateway.url, api_key=ADMIN_KEY, max_retries=0)
    with pytest.raises(anthropic.InternalServerError) as caught:
        anth.messages.create(
            model="anth/anthropic-overloaded",
            max_tokens=5,
            messages=[{"role": "user", "content": "x"}],
        )
    # Anthropic's 529 (overloaded) is a 503 the client backs off on, not a broken answer.
    assert caught.value.status_code == 503
    assert caught.value.body["error"]["type"] == "overloaded_error"  # type: ignore[index]
    assert "busy" in str(caught.value)


def test_unknown_path_and_method(scripted_gateway: tuple[Any, RunningGateway]) -> None:
    _, gateway = scripted_gateway
    wrong = httpx.get(gateway.url + "/v1/chat/completions")
    assert wrong.status_code == 405
    assert wrong.json()["error"]["type"] == "invalid_request_error"
    missing = httpx.post(gateway.url + "/v1/nothing", headers=AUTH)
    assert missing.status_code == 404
    assert missing.json()["error"]["message"].startswith("POST /v1/nothing")
    # Not served, and not a stored response's id either: 404 rather than 405.
    uncounted = httpx.post(gateway.url + "/v1/responses/input_tokens", headers=AUTH, json={})
    assert uncounted.status_code == 404
    assert uncounted.json()["error"]["type"] == "invalid_request_error"
    # Below Anthropic's path, Anthropic's shape.
    typo = httpx.post(gateway.url + "/v1/messages/nope", headers=AUTH)
    assert typo.status_code == 404
    assert typo.json()["type"] == "error"
    assert typo.json()["error"]["type"] == "not_found_error"
