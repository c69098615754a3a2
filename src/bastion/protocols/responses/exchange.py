"""Exchanges for Responses API clients: one per way a backend can serve them.

``ResponsesToChat``: OpenAI-compatible engines without ``/v1/responses`` (llama.cpp, Ollama,
SGLang, TGI, the simulator): the request goes to their chat completions endpoint.
``ResponsesToAnthropic``: Anthropic Messages backends.
``ResponsesPassthrough``: engines implementing ``/v1/responses`` themselves (vLLM, OpenAI): the
body passes with only ``model`` rewritten.

They are stateless, like the other exchanges: what a Response repeats of its request comes from
the request body handed to ``answer``/``answer_stream``. The body is parsed and checked through
the request's memo where one is given (the conversation stage's parse, reused while the body is
unchanged: protocols/memo.py).
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from bastion.protocols.errors import GatewayError
from bastion.protocols.exchange import Exchange, StreamTranslator
from bastion.protocols.memo import BodyMemo
from bastion.protocols.responses.request import (
    ResponsesRequest,
    TurnMemo,
    parse_create_response,
)
from bastion.protocols.sse import SSEEvent, encode_event, event_object
from bastion.protocols.translate import responses_to_anthropic, responses_to_openai_chat
from bastion.protocols.translate._shared import obj
from bastion.protocols.usage import Usage

__all__ = ["ResponsesPassthrough", "ResponsesToAnthropic", "ResponsesToChat", "dropped_fields"]

# ``include`` values whose extra output no backend of this gateway produces.
_UNHONOURED_INCLUDES = frozenset({"message.output_text.logprobs", "message.input_image.image_url"})


def dropped_fields(request: ResponsesRequest) -> list[str]:
    """Client fields a translated request leaves out although they could change the answer."""
    dropped = list(request.ignored)
    if request.truncation == "auto":
        dropped.append("truncation")
    if request.verbosity is not None:
        dropped.append("text.verbosity")
    if request.reasoning_summary is not None:
        dropped.append("reasoning.summary")
    dropped.extend(f"include:{value}" for value in request.include if value in _UNHONOURED_INCLUDES)
    return dropped


def parsed(body: dict[str, Any], memo: BodyMemo | None) -> ResponsesRequest:
    """``body`` parsed, through ``memo`` when there is one (a 400 ``GatewayError`` if bad);
    a turn's memo knows how many of its items are the stored conversation."""
    if memo is None:
        return parse_create_response(body)
    return memo.get(body, memo.parse if isinstance(memo, TurnMemo) else parse_create_response)


def _parsed(request: dict[str, Any], memo: BodyMemo | None) -> ResponsesRequest | None:
    """The request whose parameters the Response repeats (it was validated before dispatch)."""
    try:
        return parsed(request, memo)
    except GatewayError:
        return None


class _TranslatedResponses(Exchange):
    """A Responses API client served through a translator module (``translate_request``,
    ``translate_response``, ``translate_error`` and ``StreamTranslator``)."""

    client = "openai"
    translator: ModuleType

    def _request_options(self) -> dict[str, Any]:
        """Keyword arguments of the translator's ``translate_request``."""
        return {}

    def upstream_body(
        self, body: dict[str, Any], upstream_model: str, *, stream: bool
    ) -> dict[str, Any]:
        out: dict[str, Any] = self.translator.translate_request(
            body, upstream_model, **self._request_options()
        )
        return out

    def upstream_request(
        self,
        body: dict[str, Any],
        upstream_model: str,
        *,
        stream: bool,
        local: bool,
        memo: BodyMemo | None = None,
    ) -> tuple[dict[str, Any], list[str]]:
        request = parsed(body, memo)
        out: dict[str, Any] = self.translator.translate_request(
            request, upstream_model, **self._request_options()
        )
        return out, dropped_fields(request)

    def client_body(self, body: dict[str, Any], client_model: str) -> dict[str, Any]:
        out: dict[str, Any] = self.translator.translate_response(body, client_model)
        return out

    def answer(
        self,
        body: dict[str, Any],
        client_model: str,
        request: dict[str, Any],
        memo: BodyMemo | None = None,
    ) -> dict[str, Any]:
        out: dict[str, Any] = self.translator.translate_response(
            body, client_model, request=_parsed(request, memo)
        )
        return out

    def client_error(self, status: int, body: dict[str, Any] | None) -> dict[str, Any]:
        out: dict[str, Any] = self.translator.translate_error(status, body)
        return out

    def stream_translator(self, client_model: str, *, include_usage: bool) -> StreamTranslator:
        stream: StreamTranslator = self.translator.StreamTranslator(client_model)
        return stream

    def answer_stream(
        self,
        client_model: str,
        *,
        include_usage: bool,
        request: dict[str, Any],
        memo: BodyMemo | None = None,
    ) -> StreamTranslator:
        stream: StreamTranslator = self.translator.StreamTranslator(
            client_model, request=_parsed(request, memo)
        )
        return stream


class ResponsesToChat(_TranslatedResponses):
    upstream = "openai"
    translator = responses_to_openai_chat

    def __init__(self, *, max_tokens_field: str = "max_tokens") -> None:
        self.max_tokens_field = max_tokens_field

    def _request_options(self) -> dict[str, Any]:
        return {"max_tokens_field": self.max_tokens_field}


class ResponsesToAnthropic(_TranslatedResponses):
    upstream = "anthropic"
    translator = responses_to_anthropic


class ResponsesPassthrough(Exchange):
    """Engines with their own ``/v1/responses``: the body passes, ``model`` rewritten.

    The conversation is the gateway's to keep, per tenant: the body already carries a stored
    conversation's items in ``input`` (no ``previous_response_id``), and the engine is asked
    not to store the answer (``store: false``), so nothing the tenant sent lingers in an
    engine other tenants share.
    """

    client = "openai"
    upstream = "openai"
    upstream_path = "/responses"

    def upstream_body(
        self, body: dict[str, Any], upstream_model: str, *, stream: bool
    ) -> dict[str, Any]:
        return {**body, "model": upstream_model, "store": False}

    def client_body(self, body: dict[str, Any], client_model: str) -> dict[str, Any]:
        return self.answer(body, client_model, {})

    def answer(
        self,
        body: dict[str, Any],
        client_model: str,
        request: dict[str, Any],
        memo: BodyMemo | None = None,
    ) -> dict[str, Any]:
        _as_asked(body, client_model, request.get("store") is not False)
        return body

    def client_error(self, status: int, body: dict[str, Any] | None) -> dict[str, Any]:
        return responses_to_openai_chat.translate_error(status, body)

    def stream_translator(self, client_model: str, *, include_usage: bool) -> StreamTranslator:
        return _PassthroughStream(client_model, stored=True)

    def answer_stream(
        self,
        client_model: str,
        *,
        include_usage: bool,
        request: dict[str, Any],
        memo: BodyMemo | None = None,
    ) -> StreamTranslator:
        return _PassthroughStream(client_model, stored=request.get("store") is not False)

    def usage_of(self, upstream_body: dict[str, Any]) -> Usage | None:
        return usage_of_response(upstream_body)

    def is_end(self, event: SSEEvent) -> bool:
        return (event.event or "") in _TERMINAL or any(
            f'"type":"{kind}"' in event.data for kind in _TERMINAL
        )

    def is_content(self, event: SSEEvent) -> bool:
        return (event.event or "").endswith(".delta")

    def is_error(self, event: SSEEvent) -> bool:
        name = event.event or ""
        return name in _FAILED or any(f'"type":"{kind}"' in event.data for kind in _FAILED)


_TERMINAL = ("response.completed", "response.incomplete", "response.failed")
_FAILED = ("error", "response.failed")


def usage_of_response(response: dict[str, Any]) -> Usage | None:
    """A Response object's usage in the gateway's shape."""
    usage = response.get("usage")
    if not isinstance(usage, dict):
        return None
    details = obj(usage.get("input_tokens_details"))
    return Usage(
        input_tokens=int(usage.get("input_tokens") or 0),
        output_tokens=int(usage.get("output_tokens") or 0),
        cached_input_tokens=int(details.get("cached_tokens") or 0),
    )


def _as_asked(response: dict[str, Any], client_model: str, stored: bool) -> None:
    """A native Response as the client asked for it: the model name it called, and ``store``
    as the gateway keeps it (the engine itself was told not to store)."""
    if "model" in response:
        response["model"] = client_model
    if "store" in response:
        response["store"] = stored


class _PassthroughStream:
    """A native Responses stream, its Response snapshots as the client asked for them."""

    __slots__ = ("_model", "_sequence", "_state", "_stored", "finish_reason", "usage")

    def __init__(self, client_model: str, *, stored: bool) -> None:
        self._model = client_model
        self._stored = stored
        self._state = "open"
        self._sequence = -1
        self.usage: Usage | None = None
        self.finish_reason: str | None = None

    def feed(self, event: SSEEvent) -> list[bytes]:
        if self._state != "open":
            return []
        payload = event_object(event)
        if payload is None:
            return []
        kind = str(payload.get("type") or event.event or "message")
        if isinstance(payload.get("sequence_number"), int):
            self._sequence = payload["sequence_number"]
        response = payload.get("response")
        if isinstance(response, dict):
            _as_asked(response, self._model, self._stored)
            usage = usage_of_response(response)
            if usage is not None:
                self.usage = usage
            if kind in _TERMINAL:
                self._state = "done"
                reason = obj(response.get("incomplete_details")).get("reason")
                status = response.get("status") or kind.rsplit(".", 1)[-1]
                self.finish_reason = str(reason or status)
        if kind == "error":
            self._state = "failed"
        return [encode_event(kind, payload)]

    def finish(self) -> list[bytes]:
        return []

    def error_events(self, message: str, error_type: str) -> list[bytes]:
        if self._state != "open":
            return []
        self._state = "failed"
        payload = {"type": "error", "code": error_type, "message": message, "param": None,
                   "sequence_number": self._sequence + 1}  # fmt: skip
        return [encode_event("error", payload)]
