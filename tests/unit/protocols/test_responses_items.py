"""A stored request's input items as GET /v1/responses/{id}/input_items lists them."""

from __future__ import annotations

from typing import Any

import pytest

from bastion.protocols.responses.items import input_item_id, listed_input_item
from tests.unit.protocols.responses_support import assert_valid

RESPONSE_ID = "resp_0123abcd"

# Items as clients write them: short forms, no status, mostly no id.
SENT: list[dict[str, Any]] = [
    {"role": "user", "content": [{"type": "input_text", "text": "hello"}]},
    {"type": "message", "role": "user", "content": "plain"},
    {"role": "developer", "content": "Be brief."},
    {"role": "assistant", "content": [{"type": "output_text", "text": "Hi."}]},
    {"role": "assistant", "content": "Hi again."},
    {"role": "user", "content": [{"type": "input_image", "image_url": "https://x/a.png"}]},
    {"type": "function_call", "call_id": "call_1", "name": "f", "arguments": "{}"},
    {"type": "function_call_output", "call_id": "call_1", "output": "ok"},
    {"type": "reasoning", "id": "rs_client", "content": [{"type": "reasoning_text",
                                                          "text": "hmm"}]},
]  # fmt: skip


def listed() -> list[dict[str, Any]]:
    return [listed_input_item(RESPONSE_ID, index, item) for index, item in enumerate(SENT)]


def test_every_listed_item_is_an_item_resource() -> None:
    items = listed()
    assert_valid(
        "ResponseItemList",
        {"object": "list", "data": items, "first_id": items[0]["id"],
         "last_id": items[-1]["id"], "has_more": False},
    )  # fmt: skip
    for item in items:
        assert_valid("ItemResource", item)
    assert all(item["type"] for item in items)
    assert all(item["status"] == "completed" for item in items if item["type"] != "reasoning")


def test_short_forms_become_whole_items() -> None:
    user, plain, _, assistant, assistant_string, image, *_ = listed()
    assert user["type"] == "message"
    assert plain["content"] == [{"type": "input_text", "text": "plain"}]
    text = {"type": "output_text", "annotations": [], "logprobs": []}
    assert assistant["content"] == [{**text, "text": "Hi."}]
    assert assistant_string["content"] == [{**text, "text": "Hi again."}]
    assert image["content"][0]["detail"] == "auto"


def test_ids_are_the_clients_own_or_stable_ones_by_type() -> None:
    ids = [item["id"] for item in listed()]
    assert ids[0] == "msg_0123abcd_0"
    assert ids[6:] == ["fc_0123abcd_6", "fco_0123abcd_7", "rs_client"]
    assert ids == [item["id"] for item in listed()], "the same in every listing"
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("given", [None, "", 7])
def test_an_unusable_client_id_is_replaced(given: Any) -> None:
    item = {"type": "function_call_output", "call_id": "c", "output": "x", "id": given}
    assert input_item_id(RESPONSE_ID, 2, item) == "fco_0123abcd_2"
    assert listed_input_item(RESPONSE_ID, 2, item)["id"] == "fco_0123abcd_2"


def test_the_stored_item_is_not_changed() -> None:
    item = {"role": "assistant", "content": "Hi."}
    listed_input_item(RESPONSE_ID, 0, item)
    assert item == {"role": "assistant", "content": "Hi."}
