"""Building a Responses API answer: output items, the Response object and its stream events.

Both translators towards Responses clients (from chat completions and from Anthropic Messages)
describe what a stream produces through one ``ResponseWriter``: open an item, add text or
argument fragments, close it, end the response. The writer keeps the items, and when it is
streaming also the events the official SDKs expect, each with the next ``sequence_number``:

    response.created, response.in_progress,
    per item: response.output_item.added,
      message:   response.content_part.added, response.output_text.delta…,
                 response.output_text.done, response.content_part.done (refusal.* alike)
      reasoning: response.content_part.added, response.reasoning_text.delta…,
                 response.reasoning_text.done, response.content_part.done
      function call: response.function_call_arguments.delta…, .done
    response.output_item.done,
    response.completed | response.incomplete | response.failed (with the final Response).

A whole answer needs no events: the chat translator builds its Response at once from the
shapes below (``message_item``, ``response_object``…), which the writer's items use too.
"""

from __future__ import annotations

import os
import time
from typing import Any, Literal

import orjson

from bastion.protocols.responses.request import (
    ResponsesRequest,
    ToolChoiceAllowed,
    ToolChoiceFunction,
)
from bastion.protocols.sse import encode_event
from bastion.protocols.usage import Usage

__all__ = [
    "CallItem",
    "MessageItem",
    "ReasoningItem",
    "ResponseWriter",
    "call_item",
    "content_part",
    "echo",
    "message_item",
    "new_id",
    "reasoning_item",
    "response_object",
    "usage_object",
]

PartKind = Literal["output_text", "refusal"]
IncompleteReason = Literal["max_output_tokens", "content_filter"]


def new_id(prefix: str) -> str:
    """``prefix`` and 32 random hex digits (as long as a uuid4's, at a quarter of its cost)."""
    return prefix + os.urandom(16).hex()


class MessageItem:
    __slots__ = ("id", "open", "parts", "status")
    type = "message"

    def __init__(self) -> None:
        self.id = new_id("msg_")
        self.parts: list[tuple[PartKind, list[str]]] = []
        self.open = False  # the last part still receives deltas
        self.status = "in_progress"

    def to_dict(self) -> dict[str, Any]:
        parts = [content_part(kind, "".join(texts)) for kind, texts in self.parts]
        return message_item(self.id, self.status, parts)


class ReasoningItem:
    __slots__ = ("encrypted_content", "id", "open", "status", "texts")
    type = "reasoning"

    def __init__(self) -> None:
        self.id = new_id("rs_")
        self.texts: list[str] = []
        self.encrypted_content: str | None = None
        self.open = False
        self.status = "in_progress"

    def to_dict(self) -> dict[str, Any]:
        text = "".join(self.texts) if self.texts or self.open else None
        return reasoning_item(self.id, self.status, text, self.encrypted_content)


class CallItem:
    __slots__ = ("arguments", "call_id", "id", "name", "namespace", "status")
    type = "function_call"

    def __init__(self, call_id: str, name: str, namespace: str | None = None) -> None:
        self.id = new_id("fc_")
        self.call_id = call_id
        self.name = name  # as the client declared it: within its namespace, if any
        self.namespace = namespace
        self.arguments: list[str] = []
        self.status = "in_progress"

    def to_dict(self) -> dict[str, Any]:
        arguments = "".join(self.arguments)
        return call_item(
            self.id,
            self.status,
            call_id=self.call_id,
            name=self.name,
            arguments=arguments,
            namespace=self.namespace,
        )


Item = MessageItem | ReasoningItem | CallItem


# --- the shapes of output items and of the Response ------------------------------------------
# One definition each, for the streaming writer's items and for whole answers built at once.


def content_part(kind: str, text: str) -> dict[str, Any]:
    if kind == "refusal":
        return {"type": "refusal", "refusal": text}
    if kind == "reasoning_text":
        return {"type": "reasoning_text", "text": text}
    return {"type": "output_text", "text": text, "annotations": [], "logprobs": []}


def message_item(item_id: str, status: str, content: list[dict[str, Any]]) -> dict[str, Any]:
    return {"id": item_id, "type": "message", "status": status, "role": "assistant",
            "content": content}  # fmt: skip


def reasoning_item(
    item_id: str, status: str, text: str | None, encrypted_content: str | None = None
) -> dict[str, Any]:
    """A reasoning item; ``text`` None: one without readable reasoning (redacted thinking)."""
    item: dict[str, Any] = {"id": item_id, "type": "reasoning", "summary": []}
    if text is not None:
        item["content"] = [{"type": "reasoning_text", "text": text}]
    if encrypted_content is not None:
        item["encrypted_content"] = encrypted_content
    item["status"] = status
    return item


def call_item(
    item_id: str, status: str, *, call_id: str, name: str, arguments: str, namespace: str | None
) -> dict[str, Any]:
    item = {"id": item_id, "type": "function_call", "status": status, "call_id": call_id,
            "name": name, "arguments": arguments}  # fmt: skip
    if namespace is not None:
        item["namespace"] = namespace
    return item


def usage_object(usage: Usage, reasoning_tokens: int, cache_write_tokens: int) -> dict[str, Any]:
    return {
        "input_tokens": usage.input_tokens,
        "input_tokens_details": {
            "cached_tokens": usage.cached_input_tokens,
            "cache_write_tokens": cache_write_tokens,
        },
        "output_tokens": usage.output_tokens,
        "output_tokens_details": {"reasoning_tokens": reasoning_tokens},
        "total_tokens": usage.total_tokens,
    }


def response_object(
    response_id: str,
    model: str,
    *,
    created_at: int,
    status: str,
    output: list[dict[str, Any]],
    request: ResponsesRequest | None,
    usage: dict[str, Any] | None,
    reason: IncompleteReason | None = None,
    error: dict[str, Any] | None = None,
    echoed: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A Response object: its state, its ``output`` items, what it repeats of its request
    (``echoed``: that part made once before, for a stream's several snapshots)."""
    body: dict[str, Any] = {
        "id": response_id,
        "object": "response",
        "created_at": created_at,
        "status": status,
        "completed_at": int(time.time()) if status == "completed" else None,
        "error": error,
        "incomplete_details": {"reason": reason} if reason else None,
        "model": model,
        "output": output,
        **(echoed if echoed is not None else echo(request)),
    }
    if usage is not None:
        body["usage"] = usage
    return body


def echo(request: ResponsesRequest | None) -> dict[str, Any]:
    """The request parameters a Response repeats (defaults when the request is unknown)."""
    if request is None:
        request = ResponsesRequest(model="", input=())
    fmt = request.text_format
    text_format: dict[str, Any] = {"type": fmt.type if fmt else "text"}
    if fmt is not None and fmt.type == "json_schema":
        text_format.update(name=fmt.name, schema=fmt.schema, strict=bool(fmt.strict))
        if fmt.description is not None:
            text_format["description"] = fmt.description
    choice = request.tool_choice
    tool_choice: Any = choice or "auto"
    if isinstance(choice, ToolChoiceFunction):
        tool_choice = {"type": "function", "name": choice.name}
    elif isinstance(choice, ToolChoiceAllowed):
        allowed = [{"type": "function", "name": name} for name in choice.names]
        tool_choice = {"type": "allowed_tools", "mode": choice.mode, "tools": allowed}
    out: dict[str, Any] = {
        "background": False,
        "instructions": request.instructions,
        "max_output_tokens": request.max_output_tokens,
        "max_tool_calls": request.max_tool_calls,
        "metadata": dict(request.metadata),
        "parallel_tool_calls": request.parallel_tool_calls is not False,
        "previous_response_id": request.previous_response_id,
        "reasoning": {"effort": request.reasoning_effort, "summary": request.reasoning_summary},
        "safety_identifier": request.safety_identifier,
        "store": request.store,
        "temperature": 1.0 if request.temperature is None else request.temperature,
        "text": {"format": text_format, "verbosity": request.verbosity or "medium"},
        "tool_choice": tool_choice,
        "tools": [
            {
                "type": "function",
                "name": tool.name,
                "description": tool.description,
                "parameters": tool.parameters,
                # As sent; an omitted strict is not strict here (docs/responses-api.md), and
                # the Response says so rather than leave it null.
                "strict": tool.strict is True,
            }
            for tool in request.tools
        ],
        "top_logprobs": 0,
        "top_p": 1.0 if request.top_p is None else request.top_p,
        "truncation": request.truncation or "disabled",
    }
    if request.user is not None:
        out["user"] = request.user
    return out


class ResponseWriter:
    """One Response under construction; with ``streaming`` also its SSE events, in order.

    A whole answer needs only the final Response: without ``streaming``, the items change
    state exactly as they do in a stream, but no event payload is built.
    """

    def __init__(
        self,
        client_model: str,
        request: ResponsesRequest | None = None,
        *,
        streaming: bool = False,
        response_id: str | None = None,
        created_at: int | None = None,
    ) -> None:
        self.id = response_id or new_id("resp_")
        self.model = client_model
        self.request = request
        self.created_at = created_at if created_at is not None else int(time.time())
        self.streaming = streaming
        self.items: list[Item] = []
        self.usage: Usage | None = None
        self.reasoning_tokens = 0
        self.cache_write_tokens = 0
        self.status = "in_progress"
        self.incomplete_reason: IncompleteReason | None = None
        self._sequence = 0
        self._events: list[bytes] = []
        self._echoed: dict[str, Any] | None = None

    # --- events -------------------------------------------------------------------------------

    def _emit(self, kind: str, **fields: Any) -> None:
        if self.streaming:
            payload = {"type": kind, "sequence_number": self._sequence, **fields}
            self._sequence += 1
            self._events.append(encode_event(kind, payload))

    def drain(self) -> list[bytes]:
        """The events emitted since the last call."""
        events, self._events = self._events, []
        return events

    def start(self) -> None:
        """``response.created`` and ``response.in_progress``."""
        # Both events carry the same snapshot: serialised once.
        snapshot = orjson.Fragment(orjson.dumps(self.response()))
        self._emit("response.created", response=snapshot)
        self._emit("response.in_progress", response=snapshot)

    # --- items --------------------------------------------------------------------------------

    def _add(self, item: Item) -> int:
        self.items.append(item)
        index = len(self.items) - 1
        if self.streaming:
            self._emit("response.output_item.added", output_index=index, item=item.to_dict())
        return index

    def index(self, item: Item) -> int:
        return self.items.index(item)

    def open_message(self) -> MessageItem:
        item = MessageItem()
        self._add(item)
        return item

    def open_reasoning(self, *, text: bool = True) -> ReasoningItem:
        """A reasoning item; with ``text``, its reasoning_text part opens too."""
        item = ReasoningItem()
        self._add(item)
        if not text:
            return item
        item.open = True
        if self.streaming:
            self._emit(
                "response.content_part.added",
                item_id=item.id,
                output_index=self.index(item),
                content_index=0,
                part=content_part("reasoning_text", ""),
            )
        return item

    def open_call(self, call_id: str, name: str) -> CallItem:
        namespace, declared = (
            self.request.split_name(name) if self.request is not None else (None, name)
        )
        item = CallItem(call_id, declared, namespace)
        self._add(item)
        return item

    def text(self, item: MessageItem, kind: PartKind, delta: str) -> None:
        """Append ``delta`` to the message's last part of ``kind``, opening one if needed."""
        if not item.open or item.parts[-1][0] != kind:
            self.close_part(item)
            item.parts.append((kind, []))
            item.open = True
            if self.streaming:
                self._emit(
                    "response.content_part.added",
                    item_id=item.id,
                    output_index=self.index(item),
                    content_index=len(item.parts) - 1,
                    part=content_part(kind, ""),
                )
        if not delta:
            return
        item.parts[-1][1].append(delta)
        if not self.streaming:
            return
        # Built directly rather than through _emit: one per token chunk, the hottest event.
        event = "response.refusal.delta" if kind == "refusal" else "response.output_text.delta"
        payload = {
            "type": event,
            "sequence_number": self._sequence,
            "item_id": item.id,
            "output_index": self.items.index(item),
            "content_index": len(item.parts) - 1,
            "delta": delta,
        }
        if kind != "refusal":
            payload["logprobs"] = []
        self._sequence += 1
        self._events.append(encode_event(event, payload))

    def close_part(self, item: MessageItem) -> None:
        if not item.open:
            return
        item.open = False
        if not self.streaming:
            return
        kind, texts = item.parts[-1]
        text = "".join(texts)
        where = {
            "item_id": item.id,
            "output_index": self.index(item),
            "content_index": len(item.parts) - 1,
        }
        if kind == "refusal":
            self._emit("response.refusal.done", **where, refusal=text)
        else:
            self._emit("response.output_text.done", **where, text=text, logprobs=[])
        self._emit("response.content_part.done", **where, part=content_part(kind, text))

    def reasoning(self, item: ReasoningItem, delta: str) -> None:
        if delta:
            item.texts.append(delta)
            if not self.streaming:
                return
            self._emit(
                "response.reasoning_text.delta",
                item_id=item.id,
                output_index=self.index(item),
                content_index=0,
                delta=delta,
            )

    def arguments(self, item: CallItem, delta: str) -> None:
        """Append an arguments fragment; to a call already done it reaches only the final
        Response (an engine's late fragment: no event may follow ``output_item.done``)."""
        if delta:
            item.arguments.append(delta)
            if item.status != "in_progress" or not self.streaming:
                return
            self._emit(
                "response.function_call_arguments.delta",
                item_id=item.id,
                output_index=self.index(item),
                delta=delta,
            )

    def close(self, item: Item, status: str = "completed") -> None:
        """Finish ``item`` (its closing events, then ``response.output_item.done``)."""
        if item.status != "in_progress":
            return
        if not self.streaming:
            if isinstance(item, MessageItem | ReasoningItem):
                item.open = False
            item.status = status
            return
        index = self.index(item)
        if isinstance(item, MessageItem):
            self.close_part(item)
        elif isinstance(item, ReasoningItem) and item.open:
            item.open = False
            text = "".join(item.texts)
            where = {"item_id": item.id, "output_index": index, "content_index": 0}
            self._emit("response.reasoning_text.done", **where, text=text)
            self._emit(
                "response.content_part.done", **where, part=content_part("reasoning_text", text)
            )
        elif isinstance(item, CallItem):
            self._emit(
                "response.function_call_arguments.done",
                item_id=item.id,
                output_index=index,
                name=item.name,
                arguments="".join(item.arguments),
            )
        item.status = status
        self._emit("response.output_item.done", output_index=index, item=item.to_dict())

    # --- the response -------------------------------------------------------------------------

    def finish(self, reason: IncompleteReason | None = None) -> dict[str, Any]:
        """Close every open item and end the response: completed, or incomplete for ``reason``."""
        item_status = "incomplete" if reason else "completed"
        for item in self.items:
            self.close(item, item_status)
        self.status = "incomplete" if reason else "completed"
        self.incomplete_reason = reason
        final = self.response(reason=reason)
        kind = "response.incomplete" if reason else "response.completed"
        self._emit(kind, response=final)
        return final

    def fail(self, message: str, code: str = "server_error") -> dict[str, Any]:
        """End the response as failed; items left open are closed as incomplete first."""
        for item in self.items:
            self.close(item, "incomplete")
        self.status = "failed"
        final = self.response(error={"code": code, "message": message})
        self._emit("response.failed", response=final)
        return final

    @property
    def outcome(self) -> str | None:
        """How the response ended, in the Responses API's words (None while it runs):
        ``completed``, ``failed``, or the incomplete reason (``max_output_tokens``,
        ``content_filter``)."""
        if self.status == "in_progress":
            return None
        return self.incomplete_reason or self.status

    def usage_dict(self) -> dict[str, Any] | None:
        if self.usage is None:
            return None
        return usage_object(self.usage, self.reasoning_tokens, self.cache_write_tokens)

    def response(
        self, *, reason: IncompleteReason | None = None, error: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        """The Response object as it stands."""
        output = [item.to_dict() for item in self.items]
        if self._echoed is None:
            self._echoed = echo(self.request)
        return response_object(
            self.id,
            self.model,
            created_at=self.created_at,
            status=self.status,
            output=output,
            request=self.request,
            usage=self.usage_dict(),
            reason=reason,
            error=error,
            echoed=self._echoed,
        )


class ResponseStream:
    """What every stream translator that builds a Response shares: its writer, its state
    (``new``, ``open``, ``done`` or ``failed``), what the respond stage reads of it, and how it
    finishes or fails. Subclasses feed events and say how a complete stream ends (``_end``)."""

    __slots__ = ("_state", "_writer")

    def __init__(
        self, client_model: str, request: ResponsesRequest | None, response_id: str | None
    ) -> None:
        self._writer = ResponseWriter(
            client_model, request, streaming=True, response_id=response_id
        )
        self._state = "new"

    @property
    def response_id(self) -> str:
        return self._writer.id

    @property
    def usage(self) -> Usage | None:
        return self._writer.usage

    @property
    def finish_reason(self) -> str | None:
        """How the response ended, in the Responses API's words: ``completed``, ``failed``,
        ``max_output_tokens`` or ``content_filter`` (None while it runs)."""
        return self._writer.outcome

    @property
    def response(self) -> dict[str, Any]:
        """The Response as it stands (the final one once the stream ended)."""
        return self._writer.response()

    @property
    def _ended(self) -> bool:
        return self._state in ("done", "failed")

    def _begin(self) -> None:
        if self._state == "new":
            self._state = "open"
            self._writer.start()

    def _end(self) -> list[bytes]:
        raise NotImplementedError

    def _fail(self, message: str, code: str = "server_error") -> list[bytes]:
        self._state = "failed"
        self._writer.fail(message, code)
        return self._writer.drain()

    def finish(self) -> list[bytes]:
        if self._ended:
            return []
        self._begin()
        return self._end()

    def error_events(self, message: str, error_type: str) -> list[bytes]:
        if self._ended:
            return []
        self._begin()
        return self._fail(message)
