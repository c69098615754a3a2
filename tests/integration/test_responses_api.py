"""The OpenAI Responses API through the gateway, driven by the official openai SDK, against
the simulator (translated to chat completions): whole and streamed answers, tool calls, stored
conversations per tenant, retrieval, deletion, and bad input."""

from __future__ import annotations

from typing import Any

import httpx
import openai
import orjson
import pytest
from pydantic import BaseModel

from tests import openapi_schema
from tests.conftest import GatewayFactory, RunningGateway

WEATHER_TOOL: dict[str, Any] = {
    "type": "function",
    "name": "get_weather",
    "description": "Current weather in a city.",
    "parameters": {
        "type": "object",
        "properties": {"city": {"type": "string"}},
        "required": ["city"],
        "additionalProperties": False,
    },
}


def client(gateway: RunningGateway, key: str | None = None) -> openai.OpenAI:
    return openai.OpenAI(
        base_url=gateway.url + "/v1", api_key=key or gateway.admin_key, max_retries=0, timeout=20
    )


@pytest.fixture
def gateway(start_gateway: GatewayFactory, sim_backend: Any) -> RunningGateway:
    return start_gateway(
        {"gpu": {"kind": "openai-compatible", "location": "local", "base_url": sim_backend()}},
        models=[{"name": "coder", "target": "gpu/bastion-sim"}],
    )


def test_a_whole_answer(gateway: RunningGateway) -> None:
    response = client(gateway).responses.create(
        model="coder", instructions="Be brief.", input="Say hello", max_output_tokens=200
    )
    assert response.id.startswith("resp_")
    assert response.status == "completed"
    assert response.output_text
    assert response.usage is not None
    assert response.usage.output_tokens > 0


def test_a_streamed_answer_has_the_whole_event_sequence(gateway: RunningGateway) -> None:
    events = list(
        client(gateway).responses.create(model="coder", input="Tell me a story", stream=True)
    )
    kinds = [event.type for event in events]
    assert kinds[:2] == ["response.created", "response.in_progress"]
    assert "response.output_text.delta" in kinds
    assert kinds[-1] == "response.completed"
    numbers = [event.sequence_number for event in events]
    assert numbers == list(range(numbers[0], numbers[0] + len(numbers)))
    with client(gateway).responses.stream(model="coder", input="Hi") as stream:
        final = stream.get_final_response()
    assert final.output_text


def test_a_tool_call_and_its_result_continue_a_stored_conversation(
    gateway: RunningGateway,
) -> None:
    api = client(gateway)
    first = api.responses.create(model="coder", input="Weather in Paris?", tools=[WEATHER_TOOL])
    calls = [item for item in first.output if item.type == "function_call"]
    assert calls, first.output
    call = calls[0]
    assert call.name == "get_weather"
    second = api.responses.create(
        model="coder",
        previous_response_id=first.id,
        input=[{"type": "function_call_output", "call_id": call.call_id, "output": "18 C"}],
        tools=[WEATHER_TOOL],
    )
    assert second.output_text
    kept = api.responses.retrieve(second.id)
    assert kept.id == second.id and kept.output_text == second.output_text
    items = api.responses.input_items.list(second.id)
    assert [item.type for item in items.data] == ["function_call_output"]


def test_a_tool_output_for_an_unknown_call_is_refused(gateway: RunningGateway) -> None:
    with pytest.raises(openai.BadRequestError, match="call_id"):
        client(gateway).responses.create(
            model="coder",
            input=[{"type": "function_call_output", "call_id": "call_nope", "output": "x"}],
        )


def test_structured_output_parses_into_a_model(gateway: RunningGateway) -> None:
    class City(BaseModel):
        name: str
        population: int

    parsed = client(gateway).responses.parse(
        model="coder", input="A city, as JSON", text_format=City
    )
    assert parsed.status == "completed"


def test_responses_are_per_tenant_and_can_be_deleted(gateway: RunningGateway) -> None:
    api = client(gateway)
    admin = {"authorization": f"Bearer {gateway.admin_key}"}
    httpx.post(gateway.url + "/admin/tenants", json={"name": "other"}, headers=admin)
    created = httpx.post(
        gateway.url + "/admin/keys", json={"tenant": "other", "name": "them"}, headers=admin
    )
    created.raise_for_status()
    other = client(gateway, created.json()["key"])
    kept = api.responses.create(model="coder", input="Remember 42")
    with pytest.raises(openai.NotFoundError):
        other.responses.retrieve(kept.id)
    with pytest.raises(openai.NotFoundError):
        other.responses.create(model="coder", previous_response_id=kept.id, input="And?")
    with pytest.raises(openai.NotFoundError):
        other.responses.delete(kept.id)
    api.responses.delete(kept.id)
    with pytest.raises(openai.NotFoundError):
        api.responses.retrieve(kept.id)
    with pytest.raises(openai.NotFoundError):
        api.responses.create(model="coder", previous_response_id=kept.id, input="And?")


def test_store_false_keeps_nothing(gateway: RunningGateway) -> None:
    api = client(gateway)
    response = api.responses.create(model="coder", input="Forget me", store=False)
    with pytest.raises(openai.NotFoundError):
        api.responses.retrieve(response.id)


def test_an_unstored_turn_continues_a_stored_conversation(
    scripted: tuple[Any, str], start_gateway: GatewayFactory
) -> None:
    from tests.scripted_upstream import openai_backend

    upstream, url = scripted
    api = client(start_gateway({"up": openai_backend(url)}))
    first = api.responses.create(model="up/echo-last", input="My name is Ada.")
    second = api.responses.create(
        model="up/echo-last", previous_response_id=first.id, input="And mine?", store=False
    )
    assert upstream.last["messages"] == [
        {"role": "user", "content": "My name is Ada."},
        {"role": "assistant", "content": "My name is Ada."},
        {"role": "user", "content": "And mine?"},
    ]
    assert second.output_text == "And mine?" and second.store is False
    with pytest.raises(openai.NotFoundError):
        api.responses.retrieve(second.id)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"input": [{"type": "banana"}]}, "banana"),
        ({"input": [{"type": "message", "role": "user", "content": 5}]}, "content"),
        ({"input": "hi", "tools": [{"type": "web_search"}]}, "web_search"),
        ({"input": "hi", "previous_response_id": 7}, "previous_response_id"),
        ({"input": "hi", "temperature": "hot"}, "temperature"),
    ],
)
def test_bad_input_is_a_clear_400(
    gateway: RunningGateway, body: dict[str, Any], message: str
) -> None:
    reply = httpx.post(
        gateway.url + "/v1/responses",
        json={"model": "coder", **body},
        headers={"authorization": f"Bearer {gateway.admin_key}"},
        timeout=10,
    )
    assert reply.status_code == 400, reply.text
    error = reply.json()["error"]
    assert message in error["message"] or message == error.get("param")


def test_a_card_number_bound_for_an_external_backend_stays_home(
    start_gateway: GatewayFactory, sim_backend: Any
) -> None:
    cloud = {
        "kind": "openai-compatible",
        "location": "external",
        "base_url": sim_backend(),
        "models": ["bastion-sim"],
    }
    local = {"kind": "simulator", "location": "local", "simulator": {"time_scale": 100}}
    on_cloud = {"backend": "cloud", "model": "bastion-sim"}
    fallback = [{"backend": "gpu", "model": "bastion-sim"}]
    gateway = start_gateway(
        {"cloud": cloud, "gpu": local},
        endpoints={"assistant": {"versions": {"1": {**on_cloud, "fallbacks": fallback}}}},
    )
    api = client(gateway)
    plain = api.responses.with_raw_response.create(model="assistant", input="Hello there")
    assert plain.headers["x-bastion-backend"] == "cloud"
    card = api.responses.with_raw_response.create(
        model="assistant", input="Charge card 4111 1111 1111 1111 please"
    )
    assert card.headers["x-bastion-backend"] == "gpu"


def test_sensitive_values_in_answers_are_masked_whole_and_streamed(
    scripted: tuple[Any, str], start_gateway: GatewayFactory
) -> None:
    from tests.scripted_upstream import anthropic_backend, openai_backend

    _, url = scripted
    gateway = start_gateway(
        {"up": openai_backend(url), "anth": anthropic_backend(url)},
        guardrails={"output": {"action": "redact"}},
    )
    expected = "Your card is [CREDIT_CARD], mail me at [EMAIL] please."
    api = client(gateway)
    whole = api.responses.create(model="up/echo-last", input="Write to bob@example.com today")
    assert whole.output_text == "Write to [EMAIL] today"
    for model in ("up/leak", "anth/leak"):
        events = list(api.responses.create(model=model, input="x", stream=True))
        text = "".join(e.delta for e in events if e.type == "response.output_text.delta")
        assert text == expected, model
        done = [e for e in events if e.type == "response.completed"]
        assert done and done[0].response.output_text == expected
    raw = httpx.post(
        gateway.url + "/v1/responses",
        json={"model": "up/leak", "input": "x", "stream": True},
        headers={"authorization": f"Bearer {gateway.admin_key}"},
    )
    assert b"4111" not in raw.content and b"bob@" not in raw.content


def test_the_upstream_gets_the_request_as_masked_and_completed_after_it_was_first_read(
    scripted: tuple[Any, str], start_gateway: GatewayFactory
) -> None:
    """The request is parsed when it arrives and that parse is reused only while the body is
    unchanged: the values inspect masks and the endpoint version's prompt and defaults, added
    after that first reading, reach the upstream and the Response, whole and streamed."""
    from tests.scripted_upstream import openai_backend

    upstream, url = scripted
    version = {
        "backend": "up",
        "model": "echo-last",
        "system_prompt": "Answer in French.",
        "params": {"temperature": 0.3, "max_tokens": 50},
    }
    gateway = start_gateway(
        {"up": openai_backend(url)},
        guardrails={"input": {"actions": {"pii": "redact"}}},
        endpoints={"assistant": {"versions": {"1": version}}},
    )
    api = client(gateway)
    instructions = "Answer in French.\n\nMail [EMAIL] if stuck."
    whole = api.responses.create(
        model="assistant",
        instructions="Mail bob@example.com if stuck.",
        input="Write to alice@example.com today",
    )
    with api.responses.stream(
        model="assistant",
        instructions="Mail bob@example.com if stuck.",
        input=[{"role": "user", "content": "Write to alice@example.com today"}],
    ) as stream:
        streamed = stream.get_final_response()
    whole_sent, streamed_sent = upstream.requests[-2:]
    for sent, response in ((whole_sent, whole), (streamed_sent, streamed)):
        assert sent["messages"] == [
            {"role": "system", "content": instructions},
            {"role": "user", "content": "Write to [EMAIL] today"},
        ]
        assert sent["temperature"] == 0.3 and sent["max_tokens"] == 50
        assert b"example.com" not in orjson.dumps(sent)
        assert response.output_text == "Write to [EMAIL] today"
        assert response.instructions == instructions
        assert response.temperature == 0.3 and response.max_output_tokens == 50
    # What is kept for the next turn is what was sent, whether the input was a string or items.
    for response in (whole, streamed):
        items = api.responses.input_items.list(response.id).model_dump_json()
        assert "[EMAIL]" in items and "example.com" not in items
    follow_up = api.responses.create(
        model="assistant", input="Also carol@example.com", previous_response_id=whole.id
    )
    kept = api.responses.input_items.list(follow_up.id).model_dump_json()
    assert "Also [EMAIL]" in kept and "example.com" not in kept


def test_an_answer_is_ended_at_a_sensitive_value_when_the_policy_blocks(
    scripted: tuple[Any, str], start_gateway: GatewayFactory
) -> None:
    from tests.scripted_upstream import openai_backend

    _, url = scripted
    gateway = start_gateway({"up": openai_backend(url)}, guardrails={"output": {"action": "block"}})
    events = list(client(gateway).responses.create(model="up/leak", input="x", stream=True))
    text = "".join(e.delta for e in events if e.type == "response.output_text.delta")
    assert text == "Your card is "
    assert events[-1].type == "response.incomplete"
    assert events[-1].response.incomplete_details is not None
    assert events[-1].response.incomplete_details.reason == "content_filter"


def native_gateway(
    scripted: tuple[Any, str], start_gateway: GatewayFactory, **settings: Any
) -> tuple[Any, RunningGateway]:
    """A gateway in front of an engine that serves the Responses API itself."""
    from tests.scripted_upstream import openai_backend

    upstream, url = scripted
    return upstream, start_gateway({"up": openai_backend(url + "/native", **settings)})


def test_an_engine_serving_the_responses_api_gets_the_request_as_sent(
    scripted: tuple[Any, str], start_gateway: GatewayFactory
) -> None:
    upstream, gateway = native_gateway(scripted, start_gateway)
    api = client(gateway)
    first = api.responses.create(
        model="up/echo-last", instructions="Be brief.", input="Say hi", metadata={"k": "v"}
    )
    assert upstream.paths[-1] == "/native/v1/responses"
    sent = upstream.last
    assert sent["model"] == "echo-last" and sent["instructions"] == "Be brief."
    assert sent["metadata"] == {"k": "v"}
    # The gateway keeps the conversation; the engine is asked to keep nothing.
    assert sent["store"] is False
    assert first.output_text == "Say hi"
    assert first.model == "up/echo-last" and first.store is True
    assert first.usage is not None and first.usage.input_tokens_details.cached_tokens == 4

    second = api.responses.create(
        model="up/echo-last", previous_response_id=first.id, input="And again"
    )
    sent = upstream.last
    assert "previous_response_id" not in sent
    texts = [
        (item.get("role"), str(item.get("content")))
        for item in sent["input"]
        if item.get("type") in (None, "message")
    ]
    assert texts[0] == ("user", "Say hi") and texts[-1] == ("user", "And again")
    assert any(role == "assistant" and "Say hi" in text for role, text in texts)
    assert second.output_text == "And again"
    assert api.responses.retrieve(second.id).output_text == "And again"


def test_an_engine_reusing_a_response_id_still_answers(
    scripted: tuple[Any, str], start_gateway: GatewayFactory
) -> None:
    """The first answer keeps the id; the next is delivered, unstored, not a 500."""
    _, gateway = native_gateway(scripted, start_gateway)
    api = client(gateway)
    first = api.responses.create(model="up/same-id", input="one")
    second = api.responses.create(model="up/same-id", input="two")
    assert first.id == second.id == "resp_same"
    assert second.output_text == "The file has been read."
    assert api.responses.retrieve("resp_same").output_text == first.output_text


def test_a_native_stream_passes_with_the_called_model_name(
    scripted: tuple[Any, str], start_gateway: GatewayFactory
) -> None:
    upstream, gateway = native_gateway(scripted, start_gateway)
    with client(gateway).responses.stream(model="up/echo-last", input="Stream this") as stream:
        kinds = [event.type for event in stream]
        final = stream.get_final_response()
    assert upstream.paths[-1] == "/native/v1/responses" and upstream.last["stream"] is True
    assert kinds[:2] == ["response.created", "response.in_progress"]
    assert kinds[-1] == "response.completed"
    assert kinds.count("response.output_text.delta") == 2
    assert final.output_text == "Stream this" and final.model == "up/echo-last"


def test_an_answer_the_output_policy_rewrites_is_translated_from_a_native_engine(
    scripted: tuple[Any, str], start_gateway: GatewayFactory
) -> None:
    from tests.scripted_upstream import openai_backend

    upstream, url = scripted
    gateway = start_gateway(
        {"up": openai_backend(url + "/native")}, guardrails={"output": {"action": "redact"}}
    )
    events = list(client(gateway).responses.create(model="up/leak", input="x", stream=True))
    text = "".join(e.delta for e in events if e.type == "response.output_text.delta")
    assert text == "Your card is [CREDIT_CARD], mail me at [EMAIL] please."
    assert upstream.paths[-1] == "/native/v1/chat/completions"


@pytest.mark.parametrize(
    ("base", "settings", "path"),
    [
        ("", {}, "/v1/chat/completions"),  # no Responses route: detected, translated
        ("/native", {"responses_api": "translate"}, "/native/v1/chat/completions"),
        ("/native", {"responses_api": "native"}, "/native/v1/responses"),
    ],
)
def test_how_responses_reach_an_engine_is_detected_or_configured(
    scripted: tuple[Any, str],
    start_gateway: GatewayFactory,
    base: str,
    settings: dict[str, Any],
    path: str,
) -> None:
    from tests.scripted_upstream import openai_backend

    upstream, url = scripted
    gateway = start_gateway({"up": openai_backend(url + base, **settings)})
    answer = client(gateway).responses.create(model="up/echo-last", input="Which way?")
    assert answer.output_text == "Which way?"
    assert upstream.paths[-1] == path


def test_a_continued_conversation_numbers_new_placeholders_after_the_stored_ones(
    scripted: tuple[Any, str], start_gateway: GatewayFactory
) -> None:
    """Turn one is stored as it was sent ([[EMAIL_1]]); turn two's different address is
    numbered after every placeholder already in the conversation, so the model never sees one
    placeholder standing for two addresses."""
    from tests.scripted_upstream import openai_backend

    upstream, url = scripted
    gateway = start_gateway(
        {"up": openai_backend(url)},
        models=[{"name": "echo", "target": "up/echo-last"}],
        guardrails={"input": {"actions": {"pii": "redact"}, "redact_with": "placeholder"}},
    )
    api = client(gateway)
    first = api.responses.create(model="echo", input="Write to alice@example.com today")
    assert first.output_text == "Write to alice@example.com today"  # restored for the client
    second = api.responses.create(
        model="echo", input="Now write to bob@example.com", previous_response_id=first.id
    )
    sent = upstream.requests[-1]["messages"]
    assert sent[0]["content"] == "Write to [[EMAIL_1]] today"
    assert sent[-1]["content"].startswith("Now write to [[EMAIL_")
    assert "[[EMAIL_1]]" not in sent[-1]["content"] and "bob@" not in sent[-1]["content"]
    assert second.output_text == "Now write to bob@example.com"


# --- stored items: listing, references, error positions ---------------------------------------


def spec_errors(component: str, body: Any) -> list[str]:
    reason = openapi_schema.missing_spec_reason()
    if reason is not None:
        pytest.skip(reason)
    return openapi_schema.schema_errors(component, body)


def input_items(gateway: RunningGateway, response_id: str, query: str = "") -> httpx.Response:
    return httpx.get(
        f"{gateway.url}/v1/responses/{response_id}/input_items{query}",
        headers={"authorization": f"Bearer {gateway.admin_key}"},
        timeout=10,
    )


def test_input_items_are_listed_as_item_resources(gateway: RunningGateway) -> None:
    """Whatever short form the client wrote, an item comes back whole: typed, with a status,
    and with its own id when it had one, else a stable one."""
    api = client(gateway)
    response = api.responses.create(
        model="coder",
        max_output_tokens=16,
        input=[
            {"role": "user", "content": [{"type": "input_text", "text": "hello"}]},
            {"role": "assistant", "content": "Hi."},
            {
                "type": "function_call",
                "call_id": "call_1",
                "name": "f",
                "arguments": "{}",
                "id": "fc_client",
            },
            {"type": "function_call_output", "call_id": "call_1", "output": "ok"},
        ],
    )
    listed = input_items(gateway, response.id, "?order=asc")
    assert listed.status_code == 200
    body = listed.json()
    assert spec_errors("ResponseItemList", body) == []
    serial = response.id.removeprefix("resp_")
    assert [item["id"] for item in body["data"]] == [
        f"msg_{serial}_0", f"msg_{serial}_1", "fc_client", f"fco_{serial}_3"]  # fmt: skip
    assert [(item["type"], item["status"]) for item in body["data"]] == [
        ("message", "completed"), ("message", "completed"),
        ("function_call", "completed"), ("function_call_output", "completed")]  # fmt: skip
    assert body["data"][1]["content"] == [
        {"type": "output_text", "text": "Hi.", "annotations": [], "logprobs": []}]  # fmt: skip
    assert input_items(gateway, response.id, "?order=asc").json() == body, "ids are stable"
    sdk_items = api.responses.input_items.list(response.id, order="asc").data
    assert [item.type for item in sdk_items] == [
        "message", "message", "function_call", "function_call_output"]  # fmt: skip


@pytest.mark.parametrize(
    ("query", "param"),
    [("?limit=0", "limit"), ("?limit=101", "limit"), ("?limit=few", "limit"),
     ("?order=sideways", "order")],
)  # fmt: skip
def test_input_items_query_parameters_out_of_range_are_a_400(
    gateway: RunningGateway, query: str, param: str
) -> None:
    response = client(gateway).responses.create(model="coder", input="x", max_output_tokens=8)
    assert input_items(gateway, response.id, "?limit=100&order=asc").status_code == 200
    refused = input_items(gateway, response.id, query)
    assert refused.status_code == 400
    error = refused.json()["error"]
    assert (error["type"], error["param"]) == ("invalid_request_error", param)


def test_the_response_repeats_strict_as_applied_and_max_tool_calls(
    gateway: RunningGateway,
) -> None:
    """An omitted strict is not strict here (docs/responses-api.md): the Response says false,
    a boolean as the description's FunctionTool has it, never null."""
    loose = dict(WEATHER_TOOL)
    strict = {**WEATHER_TOOL, "name": "get_time", "strict": True}
    relaxed = {**WEATHER_TOOL, "name": "get_date", "strict": False}
    raw = client(gateway).responses.with_raw_response.create(
        model="coder", input="Weather?", tools=[loose, strict, relaxed], max_tool_calls=3
    )
    body = orjson.loads(raw.content)
    assert [tool["strict"] for tool in body["tools"]] == [False, True, False]
    assert body["max_tool_calls"] == 3
    assert spec_errors("Response", body) == []


def test_an_item_reference_names_an_item_of_the_continued_conversation(
    scripted: tuple[Any, str], start_gateway: GatewayFactory
) -> None:
    from tests.scripted_upstream import openai_backend

    upstream, url = scripted
    gateway = start_gateway({"up": openai_backend(url)})
    api = client(gateway)
    first = api.responses.create(model="up/echo-last", input="My name is Ada.")
    asked = api.responses.input_items.list(first.id).data[0].id
    answered = first.output[0].id
    second = api.responses.create(
        model="up/echo-last",
        previous_response_id=first.id,
        input=[
            {"type": "item_reference", "id": answered},
            {"type": "item_reference", "id": asked},
            {"role": "user", "content": "Again?"},
        ],
    )
    assert second.status == "completed"
    assert upstream.last["messages"][-3:] == [
        {"role": "assistant", "content": "My name is Ada."},
        {"role": "user", "content": "My name is Ada."},
        {"role": "user", "content": "Again?"},
    ]
    kept = api.responses.input_items.list(second.id, order="asc").data
    assert kept[0].id == answered, "an output item keeps its id"


@pytest.mark.parametrize("continued", [True, False])
def test_an_item_reference_to_an_unknown_item_is_a_400(
    gateway: RunningGateway, continued: bool
) -> None:
    api = client(gateway)
    extra: dict[str, Any] = {}
    if continued:
        extra["previous_response_id"] = api.responses.create(model="coder", input="Hi").id
    with pytest.raises(openai.BadRequestError) as caught:
        api.responses.create(
            model="coder",
            input=[{"role": "user", "content": "x"}, {"type": "item_reference", "id": "msg_nope"}],
            **extra,
        )
    error = caught.value.body
    assert isinstance(error, dict)
    assert error["param"] == "input[1]"
    assert "msg_nope" in error["message"] and "previous_response_id" in error["message"]


@pytest.mark.parametrize(
    ("item", "param"),
    [
        # Refused by the translation (no file store here), then by the parser.
        ({"role": "user", "content": [{"type": "input_image", "file_id": "file-abc"}]},
         "input[0].content[0]"),
        ({"role": "user", "content": [{"type": "input_text"}]}, "input[0].content[0].text"),
        ({"type": "function_call_output", "call_id": "call_nope", "output": "x"},
         "input[0].call_id"),
    ],
)  # fmt: skip
def test_errors_name_the_clients_own_items_when_a_conversation_is_continued(
    gateway: RunningGateway, item: dict[str, Any], param: str
) -> None:
    """The stored conversation goes in front of the client's items: a mistake in the first
    item the client sent is still input[0]."""
    api = client(gateway)
    first = api.responses.create(model="coder", input="Hello", max_output_tokens=16)
    for previous in (first.id, None):
        extra = {"previous_response_id": previous} if previous else {}
        with pytest.raises(openai.BadRequestError) as caught:
            api.responses.create(model="coder", input=[item], max_output_tokens=16, **extra)
        assert isinstance(caught.value.body, dict)
        assert caught.value.body["param"] == param, (previous, caught.value.body)


def test_the_gateway_purges_answers_past_their_retention(
    gateway: RunningGateway, start_gateway: GatewayFactory
) -> None:
    """One process of a node runs the purge (here, the only one; the purge itself is tested
    with the store); a gateway that keeps no answers runs none."""
    assert gateway.gateway.housekeeping is not None
    simulator = {"sim": {"kind": "simulator", "location": "local"}}
    keeps_none = start_gateway(simulator, responses={"store": False})
    assert keeps_none.gateway.housekeeping is None
