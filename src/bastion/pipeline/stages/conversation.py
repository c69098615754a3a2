"""conversation: the Responses API's memory. A request continuing a stored response
(``previous_response_id``) gets the conversation's earlier items in front of its own, before
anything reads it, so guardrails, routing and the backend see the whole conversation; each
``item_reference`` in its input is replaced by the stored item of that conversation it names.
An answer the client lets be stored (``store`` is not false) is kept for the tenant, durably
before the client gets its last bytes, so the next turn can name it at once. What is kept of the
turn's own input is what was sent upstream, after the guardrails masked it, never the text as
it arrived.

Another tenant's response, an expired or deleted one, is answered 404 as if it never existed.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson

from bastion.pipeline.context import RequestContext
from bastion.pipeline.runner import BaseStage
from bastion.protocols.errors import GatewayError, invalid_request
from bastion.protocols.operations import Operation
from bastion.protocols.responses.items import input_item_id
from bastion.protocols.responses.request import TurnMemo
from bastion.protocols.sse import SSEParser
from bastion.store.errors import ConflictError, StoreUnavailableError
from bastion.store.responses import (
    MAX_CHAIN,
    ChainTooLongError,
    ResponseRepository,
    StoredResponse,
)

_FINAL_EVENTS = ("response.completed", "response.incomplete")

log = logging.getLogger(__name__)


class Conversation(BaseStage):
    name = "conversation"

    def __init__(self, responses: ResponseRepository | None, retention: timedelta) -> None:
        self._responses = responses
        self._retention = retention

    async def on_request(self, ctx: RequestContext) -> None:
        if ctx.operation is not Operation.RESPONSES:
            return
        body = ctx.body
        assert body is not None
        assert ctx.principal is not None
        previous = body.get("previous_response_id")
        tenant = ctx.principal.tenant_id
        history: list[dict[str, Any]] = []
        if previous is not None:
            if not isinstance(previous, str) or not previous:
                raise invalid_request(
                    "'previous_response_id' must be a non-empty string.",
                    param="previous_response_id",
                )
            history = await self._history(tenant, previous)
        if _references(body.get("input")):
            body["input"] = await self._resolved(tenant, previous, body["input"])
        if previous is not None:
            # The turn's own items are the same objects in the new input, so what the
            # guardrails mask there is masked in what is stored.
            body["input"] = [*history, *own_items(body.get("input"))]
            del body["previous_response_id"]
        # A malformed request is a 400 before anything else runs. Dispatch and respond read
        # the same parse while the body is unchanged, and parse afresh once it changed; the
        # turn's memo parses the stored items apart from the client's own, so that errors
        # name the client's items as it numbered them.
        memo = TurnMemo(len(history))
        memo.get(body, memo.parse)
        ctx.body_memo = memo
        ctx.responses_turn = (len(history), previous)

    async def _history(self, tenant_id: str, previous: str) -> list[dict[str, Any]]:
        if self._responses is None:
            raise invalid_request(
                "This gateway does not keep responses, so 'previous_response_id' cannot be "
                "used; send the whole conversation in 'input'.",
                param="previous_response_id",
            )
        try:
            history = await self._responses.conversation(tenant_id, previous, now=datetime.now(UTC))
        except ChainTooLongError as exc:
            raise invalid_request(f"{exc}; send the conversation in 'input'.") from None
        except StoreUnavailableError:
            raise GatewayError(
                503, "Stored responses cannot be read right now.", code="store_unavailable"
            ) from None
        if history is None:
            raise GatewayError(
                404,
                f"Previous response with id '{previous}' not found.",
                code="previous_response_not_found",
                param="previous_response_id",
            )
        return history

    async def _resolved(self, tenant_id: str, previous: str | None, items: list[Any]) -> list[Any]:
        """``items`` with each ``item_reference`` replaced by the stored item it names: an
        input or output item of the conversation the request continues. Anything else is a
        400: the gateway keeps no items apart from their conversation."""
        wanted = {item["id"] for item in items if _is_reference(item)}
        found = await self._stored_items(tenant_id, previous, wanted) if previous else {}
        resolved: list[Any] = []
        for position, item in enumerate(items):
            if not _is_reference(item):
                resolved.append(item)
                continue
            stored = found.get(item["id"])
            if stored is None:
                raise _unresolved(item["id"], previous, position)
            resolved.append(stored)
        return resolved

    async def _stored_items(
        self, tenant_id: str, previous: str, wanted: set[str]
    ) -> dict[str, dict[str, Any]]:
        """The items named in ``wanted`` among the stored responses of the chain ending at
        ``previous``, newest first (one read per response, only until all are found: a
        reference usually names the latest answer)."""
        assert self._responses is not None  # the conversation itself was found
        found: dict[str, dict[str, Any]] = {}
        now = datetime.now(UTC)
        response_id: str | None = previous
        for _ in range(MAX_CHAIN):
            if response_id is None or wanted <= found.keys():
                break
            try:
                stored = await self._responses.get(tenant_id, response_id, now=now)
            except StoreUnavailableError:
                raise GatewayError(
                    503, "Stored responses cannot be read right now.", code="store_unavailable"
                ) from None
            if stored is None:
                break
            for item_id, item in _items_of(stored):
                if item_id in wanted:
                    found.setdefault(item_id, item)  # the newest copy of a repeated id
            response_id = stored.previous_id
        return found

    async def on_seal(self, ctx: RequestContext) -> None:
        turn = ctx.responses_turn
        reply, body = ctx.reply, ctx.body
        if turn is None or self._responses is None or reply is None or body is None:
            return
        if body.get("store") is False or reply.status != 200 or ctx.outcome != "ok":
            return
        response = final_response(reply.body, reply.tail if reply.stream is not None else None)
        if response is None or not isinstance(response.get("id"), str):
            return
        earlier, previous = turn
        # Read at the end, from the body as sent: a string input masked by the guardrails is
        # a new string, not the one that arrived.
        own = own_items(body.get("input"))[earlier:]
        assert ctx.principal is not None
        now = datetime.now(UTC)
        stored = StoredResponse(
            id=response["id"],
            tenant_id=ctx.principal.tenant_id,
            previous_id=previous,
            created_at=now,
            expires_at=now + self._retention,
            input_items=own,
            response=response,
        )
        try:
            await self._responses.put(stored)
        except StoreUnavailableError:
            # The answer itself is good; only its continuation will be refused (404).
            ctx.responses_not_stored = True
        except ConflictError:
            # An engine that answers with an id it used before (its own Responses API, passed
            # through): the earlier answer keeps the id, this one is delivered unstored.
            log.warning(
                "response id already stored; this answer is not kept",
                extra={"request_id": ctx.request_id, "response_id": stored.id},
            )
            ctx.responses_not_stored = True


def _is_reference(item: Any) -> bool:
    """An item_reference with an id to look up (one without is the parser's 400)."""
    return (
        isinstance(item, dict)
        and item.get("type") == "item_reference"
        and isinstance(item.get("id"), str)
        and bool(item["id"])
    )


def _references(value: Any) -> bool:
    return isinstance(value, list) and any(_is_reference(item) for item in value)


def _items_of(stored: StoredResponse) -> list[tuple[str, dict[str, Any]]]:
    """A stored response's items by id: its input items under the ids they are listed with,
    its output items under their own."""
    items = [
        (input_item_id(stored.id, position, item), item)
        for position, item in enumerate(stored.input_items)
    ]
    output = stored.response.get("output")
    for item in output if isinstance(output, list) else []:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            items.append((item["id"], item))
    return items


def _unresolved(item_id: str, previous: str | None, position: int) -> GatewayError:
    if previous is None:
        message = (
            f"Item reference '{item_id}' cannot be resolved: this gateway resolves references "
            "only to items of the stored conversation named by 'previous_response_id'. Send "
            "the item itself, or continue that conversation."
        )
    else:
        message = (
            f"Item reference '{item_id}' names no item of the conversation continued by "
            f"previous_response_id '{previous}'; send the item itself."
        )
    return GatewayError(400, message, code="invalid_value", param=f"input[{position}]")


def own_items(value: Any) -> list[dict[str, Any]]:
    """The request's own input as items (a string is one user message)."""
    if isinstance(value, str):
        return [{"type": "message", "role": "user", "content": value}]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, dict)]
    return []


def final_response(body: bytes | None, tail: bytes | None) -> dict[str, Any] | None:
    """The Response object an answer ended with: the JSON body, or the last event of a
    stream (``response.completed`` or ``response.incomplete``)."""
    if tail is None:
        if not body:
            return None
        answer = orjson.loads(body)
        return answer if isinstance(answer, dict) else None
    for event in reversed(SSEParser().feed(tail)):
        if event.event in _FINAL_EVENTS or any(f'"{kind}"' in event.data for kind in _FINAL_EVENTS):
            try:
                data = orjson.loads(event.data)
            except orjson.JSONDecodeError:
                return None
            response = data.get("response") if isinstance(data, dict) else None
            return response if isinstance(response, dict) else None
    return None
