"""The Anthropic Messages API through the gateway, driven by the official anthropic SDK."""

from __future__ import annotations

from typing import Any

import anthropic
import openai
import pytest

from tests.conftest import ADMIN_KEY, GatewayFactory, RunningGateway
from tests.servers import wait_for


@pytest.fixture
def sim_gateway(start_gateway: GatewayFactory, sim_backend: Any) -> RunningGateway:
    return start_gateway(
        {"gpu": {"kind": "openai-compatible", "location": "local", "base_url": sim_backend()}}
    )


def anthropic_client(gateway: RunningGateway) -> anthropic.Anthropic:
    return anthropic.Anthropic(base_url=gateway.url, api_key=ADMIN_KEY, max_retries=0, timeout=10)


def test_messages_to_an_openai_engine(sim_gateway: RunningGateway) -> None:
    message = anthropic_client(sim_gateway).messages.create(
        model="gpu/bastion-sim",
        max_tokens=15,
        system="You are terse.",
        messages=[{"role": "user", "content": "Hello"}],
    )
    assert message.type == "message"
    assert message.model == "gpu/bastion-sim"
    assert message.content[0].type == "text"
    assert message.content[0].text
    assert message.stop_reason in {"end_turn", "max_tokens"}
    assert message.usage.output_tokens <= 15
    assert message.usage.input_tokens > 0


def test_messages_stream_to_an_openai_engine(sim_gateway: RunningGateway) -> None:
    with anthropic_client(sim_gateway).messages.stream(
        model="gpu/bastion-sim", max_tokens=12, messages=[{"role": "user", "content": "Hi"}]
    ) as stream:
        events = [event.type for event in stream]
        final = stream.get_final_message()
    assert events[0] == "message_start"
    assert "content_block_delta" in events
    assert events[-1] == "message_stop"
    assert final.content[0].text  # type: ignore[union-attr]
    assert final.usage.output_tokens == 12
    # The completion phase runs just after the last byte is sent.
    wait_for(
        lambda: sim_gateway.metric("bastion_tokens_total", backend="gpu", direction="output") == 12
    )


def test_messages_tool_use_to_an_openai_engine(sim_gateway: RunningGateway) -> None:
    message = anthropic_client(sim_gateway).messages.create(
        model="gpu/bastion-sim",
        max_tokens=50,
        tools=[
            {
                "name": "lookup",
                "description": "Look something up",
                "input_schema": {"type": "object", "properties": {"q": {"type": "string"}}},
            }
        ],
        tool_choice={"type": "tool", "name": "lookup"},
        messages=[{"role": "user", "content": "find it"}],
    )
    assert message.stop_reason == "tool_use"
    block = next(b for b in message.content if b.type == "tool_use")
    assert block.name == "lookup"  # type: ignore[union-attr]
    assert isinstance(block.input, dict)  # type: ignore[union-attr]


def test_messages_pass_through_to_anthropic(scripted_gateway: tuple[Any, RunningGateway]) -> None:
    upstream, gateway = scripted_gateway
    message = anthropic_client(gateway).messages.create(
        model="anth/anthropic-x", max_tokens=5, messages=[{"role": "user", "content": "Hi"}]
    )
    assert message.model == "anth/anthropic-x"
    assert message.content[0].text == "echo 1 messages"  # type: ignore[union-attr]
    assert upstream.last["model"] == "anthropic-x"
    sent_headers = upstream.headers[-1]
    assert sent_headers["x-api-key"] == "sk-ant-upstream-secret"
    assert sent_headers["anthropic-version"]
    with anthropic_client(gateway).messages.stream(
        model="anth/anthropic-x", max_tokens=5, messages=[{"role": "user", "content": "Hi"}]
    ) as stream:
        assert stream.get_final_text() == "Hello there"


def test_openai_client_reaches_an_anthropic_backend(
    scripted_gateway: tuple[Any, RunningGateway],
) -> None:
    upstream, gateway = scripted_gateway
    api = openai.OpenAI(base_url=gateway.url + "/v1", api_key=ADMIN_KEY, max_retries=0)
    completion = api.chat.completions.create(
        model="anth/anthropic-x",
        messages=[{"role": "system", "content": "Be kind."}, {"role": "user", "content": "Hi"}],
    )
    assert completion.choices[0].message.content == "echo 1 messages"
    assert completion.choices[0].finish_reason == "stop"
    assert completion.usage is not None
    assert completion.usage.prompt_tokens == 11  # 9 uncached + 2 read from cache
    assert upstream.last["system"] in ("Be kind.", [{"type": "text", "text": "Be kind."}])
    assert "max_tokens" in upstream.last
    chunks = list(
        api.chat.completions.create(
            model="anth/anthropic-x",
            messages=[{"role": "user", "content": "Hi"}],
            stream=True,
            stream_options={"include_usage": True},
        )
    )
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == "Hello there"
    assert chunks[-1].usage is not None
    assert chunks[-1].usage.completion_tokens == 2


def test_embeddings_on_an_anthropic_backend_are_refused(
    scripted_gateway: tuple[Any, RunningGateway],
) -> None:
    _, gateway = scripted_gateway
    api = openai.OpenAI(base_url=gateway.url + "/v1", api_key=ADMIN_KEY, max_retries=0)
    with pytest.raises(openai.BadRequestError, match="does not support the embeddings"):
        api.embeddings.create(model="anth/anthropic-x", input="x")


def test_models_in_anthropic_shape(sim_gateway: RunningGateway) -> None:
    models = list(anthropic_client(sim_gateway).models.list())
    ids = {m.id for m in models}
    assert "gpu/bastion-sim" in ids
    assert all(m.type == "model" for m in models)


def test_models_are_paged_as_anthropic_pages_them(
    start_gateway: GatewayFactory, sim_backend: Any
) -> None:
    gateway = start_gateway(
        {"gpu": {"kind": "openai-compatible", "location": "local", "base_url": sim_backend()}},
        models=[{"name": name, "target": "gpu/bastion-sim"} for name in ("a", "b", "c")],
    )
    api = anthropic_client(gateway)
    everything = [m.id for m in api.models.list(limit=1000)]
    assert len(everything) >= 4
    # The SDK's pager follows after_id page by page and meets every model once.
    assert [m.id for m in api.models.list(limit=1)] == everything
    first = api.models.list(limit=2)
    assert [m.id for m in first.data] == everything[:2]
    assert (first.has_more, first.first_id, first.last_id) == (True, *everything[:2])
    after = api.models.list(limit=2, after_id=everything[1])
    assert [m.id for m in after.data] == everything[2:4]
    assert after.has_more is (len(everything) > 4)
    before = api.models.list(limit=2, before_id=everything[3])
    assert [m.id for m in before.data] == everything[1:3]
    assert before.has_more is True
    last = api.models.list(after_id=everything[-1])
    assert (last.data, last.has_more, last.first_id, last.last_id) == ([], False, None, None)


@pytest.mark.parametrize("limit", [0, 1001, -1])
def test_a_models_page_size_out_of_range_is_a_400(sim_gateway: RunningGateway, limit: int) -> None:
    with pytest.raises(anthropic.BadRequestError) as caught:
        anthropic_client(sim_gateway).models.list(limit=limit)
    body = caught.value.body
    assert isinstance(body, dict)
    assert body["type"] == "error"
    assert body["error"]["type"] == "invalid_request_error"
    assert "limit" in body["error"]["message"]
