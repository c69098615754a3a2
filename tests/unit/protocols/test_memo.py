"""The body memo: a result is reused only for the same, unchanged body."""

from __future__ import annotations

from typing import Any

import pytest

from bastion.protocols.errors import GatewayError
from bastion.protocols.memo import BodyMemo
from bastion.protocols.responses.request import parse_create_response


class Counting:
    """A function of a body that counts its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, body: dict[str, Any]) -> str:
        self.calls += 1
        return repr(body)


def body() -> dict[str, Any]:
    return {
        "model": "m",
        "input": [{"role": "user", "content": "Mail bob@example.com"}],
        "temperature": 1,
        "stream": True,
    }


def test_an_unchanged_body_is_computed_once() -> None:
    memo, compute, request = BodyMemo(), Counting(), body()
    first = memo.get(request, compute)
    assert memo.get(request, compute) is first
    assert compute.calls == 1


@pytest.mark.parametrize(
    "change",
    [
        # what the inspect stage does: a value masked in place, deep in the body
        lambda b: b["input"][0].__setitem__("content", "Mail [EMAIL]"),
        # what an endpoint version does: a default added
        lambda b: b.setdefault("max_output_tokens", 50),
        lambda b: b.pop("temperature"),
        # equal in Python, not the same JSON
        lambda b: b.__setitem__("temperature", 1.0),
        lambda b: b.__setitem__("stream", 1),
        # the same keys in another order
        lambda b: b.update({"model": b.pop("model")}),
    ],
)
def test_any_change_to_the_body_computes_afresh(change: Any) -> None:
    memo, compute, request = BodyMemo(), Counting(), body()
    memo.get(request, compute)
    change(request)
    assert memo.get(request, compute) == repr(request)
    assert compute.calls == 2


def test_another_body_with_the_same_content_is_computed_afresh() -> None:
    memo, compute = BodyMemo(), Counting()
    memo.get(body(), compute)
    memo.get(body(), compute)
    assert compute.calls == 2


def test_another_function_is_computed_afresh() -> None:
    memo, request = BodyMemo(), body()
    assert memo.get(request, len) == 4
    assert memo.get(request, repr) == repr(request)


def test_a_failure_is_not_kept() -> None:
    memo, request = BodyMemo(), {"model": "m"}
    for _ in range(2):
        with pytest.raises(GatewayError):
            memo.get(request, parse_create_response)
    request["input"] = "Hi"
    assert memo.get(request, parse_create_response).input


def test_a_body_json_cannot_hold_is_computed_every_time() -> None:
    memo, compute = BodyMemo(), Counting()
    request: dict[str, Any] = {"model": "m", "value": {1, 2}}
    memo.get(request, compute)
    memo.get(request, compute)
    assert compute.calls == 2
