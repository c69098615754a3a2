from datetime import UTC, datetime
from typing import Any

from bastion.config.schema import EndpointConfig
from bastion.protocols.operations import Operation
from bastion.routing.endpoints import EndpointRegistry


def registry(**versions: dict[str, Any]) -> EndpointRegistry:
    return EndpointRegistry({"support": EndpointConfig.model_validate({"versions": versions})})


V1 = {"backend": "gpu", "model": "llama-3.1-8b", "params": {"temperature": 0.2, "stop": ["END"]},
      "system_prompt": "Be brief."}  # fmt: skip


def test_bare_name_means_the_last_listed_or_the_default() -> None:
    r = registry(**{"1": V1, "2": {**V1, "model": "llama-3.3-70b"}})
    resolved = r.resolve("support")
    assert resolved is not None and resolved.name == "support@2"
    explicit = EndpointRegistry(
        {"support": EndpointConfig.model_validate({"default": "1", "versions": {"1": V1, "2": V1}})}
    )
    assert explicit.resolve("support") is explicit.resolve("support@1")
    assert r.resolve("support@3") is None


def test_digest_covers_pinned_fields_only() -> None:
    base = registry(**{"1": V1}).versions[0]
    same = registry(**{"1": {**V1, "deprecated": "2027-01-01T00:00:00Z"}}).versions[0]
    other = registry(**{"1": {**V1, "system_prompt": "Be brief.\n"}}).versions[0]
    assert base.digest == same.digest
    assert base.digest != other.digest


def test_chat_gets_system_prompt_and_defaults_client_values_win() -> None:
    version = registry(**{"1": V1}).versions[0]
    body: dict[str, Any] = {"messages": [{"role": "user", "content": "hi"}], "temperature": 0.9}
    version.apply(body, Operation.CHAT)
    assert body["messages"][0] == {"role": "system", "content": "Be brief."}
    assert body["temperature"] == 0.9
    assert body["stop"] == ["END"]


def test_messages_get_system_and_translated_params() -> None:
    version = registry(**{"1": V1}).versions[0]
    body: dict[str, Any] = {"system": "Client rules.", "messages": [], "max_tokens": 10}
    version.apply(body, Operation.MESSAGES)
    assert body["system"] == "Be brief.\n\nClient rules."
    assert body["stop_sequences"] == ["END"]
    assert body["temperature"] == 0.2


def test_completions_prompt_template() -> None:
    version = registry(**{"1": {**V1, "prompt_template": "### Q\n{prompt}\n### A\n"}}).versions[0]
    body: dict[str, Any] = {"prompt": "2+2? {x}"}
    version.apply(body, Operation.COMPLETIONS)
    assert body["prompt"] == "### Q\n2+2? {x}\n### A\n"


def test_lifecycle_headers_and_sunset() -> None:
    r = registry(
        **{
            "1": {**V1, "deprecated": "2026-06-01T00:00:00Z", "sunset": "2026-12-31T00:00:00Z",
                  "successor": "2"},
            "2": V1,
        }
    )  # fmt: skip
    old = r.versions[0]
    assert old.headers["deprecation"] == f"@{int(datetime(2026, 6, 1, tzinfo=UTC).timestamp())}"
    assert old.headers["sunset"] == "Thu, 31 Dec 2026 00:00:00 GMT"
    assert old.sunset_error(datetime(2026, 12, 30, tzinfo=UTC)) is None
    error = old.sunset_error(datetime(2027, 1, 1, tzinfo=UTC))
    assert error is not None and error.status == 410
    assert "support@2" in error.message and "2026-12-31" in error.message


SCHEMA = {"type": "object", "properties": {"answer": {"type": "string"}}}
JSON_SCHEMA = {"type": "json_schema", "json_schema": {"name": "reply", "schema": SCHEMA}}


def test_messages_get_a_pinned_json_schema_as_their_output_format() -> None:
    version = registry(**{"1": {**V1, "params": {"response_format": JSON_SCHEMA}}}).versions[0]
    body: dict[str, Any] = {"messages": [], "max_tokens": 10}
    version.apply(body, Operation.MESSAGES)
    assert body["output_config"] == {"format": {"type": "json_schema", "schema": SCHEMA}}
    # Beside the client's effort; the client's own format wins.
    effort: dict[str, Any] = {"messages": [], "output_config": {"effort": "low"}}
    version.apply(effort, Operation.MESSAGES)
    assert effort["output_config"] == {"effort": "low", "format": body["output_config"]["format"]}
    own = {"type": "json_schema", "schema": {"type": "array"}}
    chosen: dict[str, Any] = {"messages": [], "output_config": {"format": own}}
    version.apply(chosen, Operation.MESSAGES)
    assert chosen["output_config"] == {"format": own}


def test_params_a_clients_protocol_cannot_express_are_carried_to_the_upstream() -> None:
    """seed, penalties, a json_object format… have no Messages or Responses field: they stay
    out of the client's body and go to the upstream's chat body (dispatch); a token limit
    beside the client's own would conflict, and is not carried."""
    params = {"temperature": 0.2, "seed": 42, "presence_penalty": 0.5, "frequency_penalty": 0.1,
              "response_format": {"type": "json_object"}, "max_tokens": 300}  # fmt: skip
    version = registry(**{"1": {**V1, "params": params}}).versions[0]
    body: dict[str, Any] = {"messages": [], "max_tokens": 10}
    version.apply(body, Operation.MESSAGES)
    assert body == {"messages": [], "max_tokens": 10, "temperature": 0.2, "system": "Be brief."}
    carried = (("seed", 42), ("presence_penalty", 0.5), ("frequency_penalty", 0.1),
               ("response_format", {"type": "json_object"}))  # fmt: skip
    assert version.upstream_params[Operation.MESSAGES] == carried
    responses: dict[str, Any] = {"input": "hi"}
    version.apply(responses, Operation.RESPONSES)
    assert responses == {"input": "hi", "temperature": 0.2, "max_output_tokens": 300,
                         "instructions": "Be brief."}  # fmt: skip
    assert version.upstream_params[Operation.RESPONSES] == carried
    assert Operation.CHAT not in version.upstream_params  # chat takes every param itself


def test_a_pinned_stop_string_is_a_list_of_stop_sequences() -> None:
    version = registry(**{"1": {**V1, "params": {"stop": "END"}}}).versions[0]
    body: dict[str, Any] = {"messages": [], "max_tokens": 10}
    version.apply(body, Operation.MESSAGES)
    assert body["stop_sequences"] == ["END"]
    chat: dict[str, Any] = {"messages": []}
    version.apply(chat, Operation.CHAT)
    assert chat["stop"] == "END", "OpenAI takes it as it is"
