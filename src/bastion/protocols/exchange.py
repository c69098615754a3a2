"""How one operation crosses from the client's protocol to a backend's protocol and back.

Same-protocol traffic is passed through with only the model name rewritten (and usage requested
from the engine so it can be metered); crossing protocols goes through a translator named after
both ends.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Protocol

import orjson

from bastion.protocols.errors import error_body
from bastion.protocols.memo import BodyMemo
from bastion.protocols.operations import Operation, WireProtocol
from bastion.protocols.sse import (
    OPENAI_DONE,
    SSEEvent,
    encode_data,
    encode_event,
    event_object,
)
from bastion.protocols.translate import anthropic_to_openai_chat
from bastion.protocols.usage import Usage


class StreamTranslator(Protocol):
    """Turns upstream events into client bytes; see the translate package for the contract."""

    def feed(self, event: SSEEvent) -> list[bytes]: ...
    def finish(self) -> list[bytes]: ...
    def error_events(self, message: str, error_type: str) -> list[bytes]: ...
    @property
    def usage(self) -> Usage | None: ...
    @property
    def finish_reason(self) -> str | None: ...


class Exchange(ABC):
    """One (operation, backend protocol) pair."""

    client: WireProtocol
    upstream: WireProtocol
    # The upstream path (below the backend's base URL) when it is not the backend's own path for
    # the client's operation (a Responses pass-through goes to /responses, not chat).
    upstream_path: str | None = None

    @abstractmethod
    def upstream_body(
        self, body: dict[str, Any], upstream_model: str, *, stream: bool
    ) -> dict[str, Any]:
        """The body to send upstream, built from the client's parsed body."""

    @abstractmethod
    def client_body(self, body: dict[str, Any], client_model: str) -> dict[str, Any]:
        """The client's response body, built from the upstream's successful body."""

    @abstractmethod
    def client_error(self, status: int, body: dict[str, Any] | None) -> dict[str, Any]:
        """An upstream error body in the client's error shape."""

    @abstractmethod
    def stream_translator(self, client_model: str, *, include_usage: bool) -> StreamTranslator:
        """A fresh translator for one streamed response."""

    # ``memo``, where given: the request's memo of work done on the client's body, which an
    # exchange that reads the body the same way at each step may use (see protocols/memo.py).

    def upstream_request(
        self,
        body: dict[str, Any],
        upstream_model: str,
        *,
        stream: bool,
        local: bool,
        memo: BodyMemo | None = None,
    ) -> tuple[dict[str, Any], list[str]]:
        """The upstream body, and the client fields it leaves out that change the request
        (named to the client in ``x-bastion-dropped-fields``). ``local``: the backend is an
        on-premises engine rather than a cloud API."""
        return self.upstream_body(body, upstream_model, stream=stream), []

    def answer(
        self,
        body: dict[str, Any],
        client_model: str,
        request: dict[str, Any],
        memo: BodyMemo | None = None,
    ) -> dict[str, Any]:
        """``client_body`` for a request whose own fields may matter (e.g. its stop sequences)."""
        return self.client_body(body, client_model)

    def answer_stream(
        self,
        client_model: str,
        *,
        include_usage: bool,
        request: dict[str, Any],
        memo: BodyMemo | None = None,
    ) -> StreamTranslator:
        """``stream_translator`` for a request whose own fields may matter."""
        return self.stream_translator(client_model, include_usage=include_usage)

    def usage_of(self, upstream_body: dict[str, Any]) -> Usage | None:
        if self.upstream == "anthropic":
            return Usage.from_anthropic(upstream_body.get("usage"))
        return Usage.from_openai(upstream_body.get("usage"))

    def is_end(self, event: SSEEvent) -> bool:
        """True for the upstream event that marks a complete stream."""
        if self.upstream == "anthropic":
            return event.event == "message_stop"
        return event.data == "[DONE]"

    def is_error(self, event: SSEEvent) -> bool:
        """True for the upstream's own error event: an engine failing mid-stream (vLLM sends
        ``data: {"error": …}``, then possibly ``[DONE]``; Anthropic ``event: error``)."""
        if self.upstream == "anthropic":
            return event.event == "error"
        # A quoted "error" in a chunk's text is escaped (\"error\"): only a key matches.
        return '"error"' in event.data and _names_an_error(event.data)

    def is_content(self, event: SSEEvent) -> bool:
        """Roughly one per generated token; used to estimate usage when a stream is cut."""
        if self.upstream == "anthropic":
            return event.event == "content_block_delta"
        data = event.data
        if '"delta"' not in data:
            return False
        # The first chunk names the role, with empty content: no token yet.
        return not (
            '"role"' in data
            and ('"content":""' in data or '"content": ""' in data or '"content":null' in data)
            and '"tool_calls"' not in data
        )


class OpenAIPassthrough(Exchange):
    client = "openai"
    upstream = "openai"

    def __init__(self, operation: Operation) -> None:
        self.operation = operation

    def upstream_body(
        self, body: dict[str, Any], upstream_model: str, *, stream: bool
    ) -> dict[str, Any]:
        out = dict(body)
        out["model"] = upstream_model
        if stream:
            # Usage is needed for metering even when the client did not ask for it; the extra
            # final chunk is removed again before it reaches such a client.
            options = out.get("stream_options")
            out["stream_options"] = {**(options if isinstance(options, dict) else {})}
            out["stream_options"]["include_usage"] = True
        return out

    def client_body(self, body: dict[str, Any], client_model: str) -> dict[str, Any]:
        if "model" in body:
            body["model"] = client_model
        return body

    def client_error(self, status: int, body: dict[str, Any] | None) -> dict[str, Any]:
        error = body.get("error") if isinstance(body, dict) else None
        if isinstance(error, dict) and isinstance(error.get("message"), str):
            return {"error": _openai_error_object(error)}
        message = _message_of(body) or f"upstream answered HTTP {status}"
        return error_body("openai", status, message)

    def stream_translator(self, client_model: str, *, include_usage: bool) -> StreamTranslator:
        return _OpenAIPassthroughStream(client_model, include_usage)


class AnthropicPassthrough(Exchange):
    client = "anthropic"
    upstream = "anthropic"

    def upstream_body(
        self, body: dict[str, Any], upstream_model: str, *, stream: bool
    ) -> dict[str, Any]:
        out = dict(body)
        out["model"] = upstream_model
        return out

    def client_body(self, body: dict[str, Any], client_model: str) -> dict[str, Any]:
        if "model" in body:
            body["model"] = client_model
        if "id" in body:
            body["id"] = anthropic_to_openai_chat.message_id(body["id"])
        return body

    def client_error(self, status: int, body: dict[str, Any] | None) -> dict[str, Any]:
        if isinstance(body, dict) and body.get("type") == "error":
            # Anthropic's own request id names its request, not the client's: the client
            # knows the gateway's (the request-id header), and two ids would mislead support.
            body.pop("request_id", None)
            return body
        message = _message_of(body) or f"upstream answered HTTP {status}"
        return error_body("anthropic", status, message)

    def stream_translator(self, client_model: str, *, include_usage: bool) -> StreamTranslator:
        return _AnthropicPassthroughStream(client_model)


class Translator(Protocol):
    """A translator module of ``protocols/translate`` (one per client and backend protocol pair)."""

    def translate_request(self, body: dict[str, Any], upstream_model: str) -> dict[str, Any]: ...
    def translate_response(self, body: dict[str, Any], client_model: str) -> dict[str, Any]: ...
    def translate_error(self, status: int, body: dict[str, Any] | None) -> dict[str, Any]: ...
    def StreamTranslator(  # a class in the module, called like a function
        self, client_model: str, *, include_usage: bool
    ) -> StreamTranslator: ...


class TranslatingExchange(Exchange):
    """Crosses protocols through a translator module named after both ends."""

    def __init__(
        self, translator: Translator, client: WireProtocol, upstream: WireProtocol
    ) -> None:
        self.translator = translator
        self.client = client
        self.upstream = upstream

    def upstream_body(
        self, body: dict[str, Any], upstream_model: str, *, stream: bool
    ) -> dict[str, Any]:
        return self.translator.translate_request(body, upstream_model)

    def client_body(self, body: dict[str, Any], client_model: str) -> dict[str, Any]:
        return self.translator.translate_response(body, client_model)

    def client_error(self, status: int, body: dict[str, Any] | None) -> dict[str, Any]:
        return self.translator.translate_error(status, body)

    def stream_translator(self, client_model: str, *, include_usage: bool) -> StreamTranslator:
        return self.translator.StreamTranslator(client_model, include_usage=include_usage)


class MessagesToChat(TranslatingExchange):
    """Anthropic Messages clients on OpenAI chat engines: the translation depends on the engine
    (reasoning switches of local engines) and on the request (its stop sequences), and names
    what it leaves out."""

    def __init__(self) -> None:
        super().__init__(anthropic_to_openai_chat, "anthropic", "openai")

    def upstream_request(
        self,
        body: dict[str, Any],
        upstream_model: str,
        *,
        stream: bool,
        local: bool,
        memo: BodyMemo | None = None,
    ) -> tuple[dict[str, Any], list[str]]:
        dropped: list[str] = []
        out = anthropic_to_openai_chat.translate_request(
            body, upstream_model, local=local, dropped=dropped
        )
        return out, dropped

    def answer(
        self,
        body: dict[str, Any],
        client_model: str,
        request: dict[str, Any],
        memo: BodyMemo | None = None,
    ) -> dict[str, Any]:
        return anthropic_to_openai_chat.translate_response(body, client_model, request=request)

    def answer_stream(
        self,
        client_model: str,
        *,
        include_usage: bool,
        request: dict[str, Any],
        memo: BodyMemo | None = None,
    ) -> StreamTranslator:
        return anthropic_to_openai_chat.StreamTranslator(
            client_model, include_usage=include_usage, request=request
        )


def _message_of(body: dict[str, Any] | None) -> str | None:
    if not isinstance(body, dict):
        return None
    error = body.get("error")
    if isinstance(error, dict) and isinstance(error.get("message"), str):
        return str(error["message"])
    for key in ("message", "detail", "error"):
        if isinstance(body.get(key), str):
            return str(body[key])
    return None


def _openai_error_object(error: dict[str, Any]) -> dict[str, Any]:
    """An engine's error object in OpenAI's shape.

    Engines often omit fields clients may expect, and vLLM sends the HTTP status as an integer
    ``code`` where OpenAI's description allows only a string or null.
    """
    shaped = {"type": "invalid_request_error", "param": None, "code": None, **error}
    code = shaped["code"]
    if code is not None and not isinstance(code, str):
        shaped["code"] = str(code)
    return shaped


class _OpenAIPassthroughStream:
    """An engine's chat stream as it comes, with the client's model name.

    After the engine's own error event nothing more is passed on, nor added: an engine (vLLM)
    may still send ``[DONE]``, or close the connection, which the respond stage would take for
    a cut stream and report with a second error hiding the real cause (see
    docs/translation.md).
    """

    __slots__ = ("_client_model", "_failed", "_include_usage", "finish_reason", "usage")

    def __init__(self, client_model: str, include_usage: bool) -> None:
        self._client_model = client_model
        self._include_usage = include_usage
        self._failed = False
        self.usage: Usage | None = None
        self.finish_reason: str | None = None

    def feed(self, event: SSEEvent) -> list[bytes]:
        if self._failed:
            return []
        if event.data == "[DONE]":
            return [OPENAI_DONE]
        chunk = event_object(event)
        if chunk is None:
            return []
        error = chunk.get("error")
        if isinstance(error, dict):
            self._failed = True
            return [encode_data({**chunk, "error": _openai_error_object(error)})]
        usage = chunk.get("usage")
        if usage:
            self.usage = Usage.from_openai(usage)
        choices = chunk.get("choices")
        if choices:
            reason = choices[0].get("finish_reason") if isinstance(choices[0], dict) else None
            if reason:
                self.finish_reason = reason
        elif usage and not self._include_usage:
            return []
        if "model" in chunk:
            chunk["model"] = self._client_model
        return [encode_data(chunk)]

    def finish(self) -> list[bytes]:
        return []

    def error_events(self, message: str, error_type: str) -> list[bytes]:
        if self._failed:
            return []
        self._failed = True
        return [encode_data(error_body("openai", 502, message, error_type=error_type))]


class _AnthropicPassthroughStream:
    """Anthropic's stream as it comes, with the client's model name and the gateway's message
    id. Anthropic ends a failing stream with one ``error`` event and closes it: that event is
    the last one the client gets (no second error for the close that follows)."""

    __slots__ = ("_client_model", "_failed", "finish_reason", "usage")

    def __init__(self, client_model: str) -> None:
        self._client_model = client_model
        self._failed = False
        self.usage: Usage | None = None
        self.finish_reason: str | None = None

    def feed(self, event: SSEEvent) -> list[bytes]:
        if self._failed:
            return []
        name = event.event or "message"
        payload = event_object(event)
        if payload is None:
            return []
        if name == "error" or payload.get("type") == "error":
            self._failed = True
            payload.pop("request_id", None)  # Anthropic's id, not the one the client was given
            return [encode_event("error", payload)]
        if name == "message_start" and isinstance(payload.get("message"), dict):
            message = payload["message"]
            message["model"] = self._client_model
            if "id" in message:
                message["id"] = anthropic_to_openai_chat.message_id(message["id"])
            self.usage = Usage.from_anthropic(message.get("usage"))
        elif name == "message_delta":
            self._merge_delta(payload)
        return [encode_event(name, payload)]

    def _merge_delta(self, payload: dict[str, Any]) -> None:
        delta = payload.get("delta")
        if isinstance(delta, dict) and delta.get("stop_reason"):
            self.finish_reason = delta["stop_reason"]
        usage = payload.get("usage")
        if not isinstance(usage, dict):
            return
        # message_delta carries cumulative output tokens, and input counts when they changed.
        present = {key: value for key, value in usage.items() if value is not None}
        merged = Usage.from_anthropic({**self._anthropic_usage(), **present})
        self.usage = merged

    def _anthropic_usage(self) -> dict[str, Any]:
        return self.usage.to_anthropic() if self.usage else {}

    def finish(self) -> list[bytes]:
        return []

    def error_events(self, message: str, error_type: str) -> list[bytes]:
        if self._failed:
            return []
        self._failed = True
        return [encode_event("error", error_body("anthropic", 502, message, error_type=error_type))]


def _names_an_error(data: str) -> bool:
    """Whether an event's JSON object carries an error (read only when its text says so)."""
    try:
        payload = orjson.loads(data)
    except orjson.JSONDecodeError:
        return False  # malformed: the translator says so
    return isinstance(payload, dict) and bool(payload.get("error"))
