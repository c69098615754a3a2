"""The request and answer shapes of each API a run can load: what to send, and what in the
answer is output, usage and the end.

``chat`` (/v1/chat/completions), ``completions`` (/v1/completions), ``responses``
(/v1/responses), ``embeddings`` (/v1/embeddings) and ``messages`` (Anthropic, /v1/messages).
Streams are read event by event: an event *carries output* when it holds generated text, tool
call arguments, a refusal or reasoning; those are the chunks TTFT and ITL are measured on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import orjson

from bastion.bench.prompts import BenchPrompt
from bastion.bench.trace import RequestRecord

ApiKind = Literal["chat", "completions", "responses", "embeddings", "messages"]
API_KINDS: tuple[ApiKind, ...] = ("chat", "completions", "responses", "embeddings", "messages")
PATHS: dict[ApiKind, str] = {
    "chat": "/v1/chat/completions",
    "completions": "/v1/completions",
    "responses": "/v1/responses",
    "embeddings": "/v1/embeddings",
    "messages": "/v1/messages",
}
ANTHROPIC_VERSION = "2023-06-01"
# Anthropic requires max_tokens; used when the prompt does not say.
MESSAGES_DEFAULT_MAX_TOKENS = 1024


@dataclass(frozen=True, slots=True)
class ApiTarget:
    """Where and how to send: the base URL (with or without /v1), the API, the model."""

    base_url: str
    api: ApiKind
    model: str
    api_key: str | None = None
    stream: bool = True
    # Fixed output lengths on vLLM and the simulator: generate max_tokens, ignore the end token.
    ignore_eos: bool = False
    extra_body: tuple[tuple[str, Any], ...] = ()
    extra_headers: tuple[tuple[str, str], ...] = ()

    @property
    def streamed(self) -> bool:
        return self.stream and self.api != "embeddings"

    @property
    def url(self) -> str:
        base = self.base_url.rstrip("/")
        base = base.removesuffix("/v1")
        return base + PATHS[self.api]

    def headers(self) -> dict[str, str]:
        headers = {"Content-Type": "application/json"}
        if self.api == "messages":
            headers["anthropic-version"] = ANTHROPIC_VERSION
            if self.api_key:
                headers["x-api-key"] = self.api_key
        elif self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        headers.update(dict(self.extra_headers))
        return headers

    def body(self, prompt: BenchPrompt) -> bytes:
        return orjson.dumps(self.payload(prompt))

    def payload(self, prompt: BenchPrompt) -> dict[str, Any]:
        stream = self.streamed
        messages = (
            list(prompt.messages) if prompt.messages else [{"role": "user", "content": prompt.text}]
        )
        body: dict[str, Any] = {"model": self.model}
        if self.api == "chat":
            body["messages"] = messages
            if prompt.max_tokens is not None:
                body["max_tokens"] = prompt.max_tokens
        elif self.api == "completions":
            body["prompt"] = prompt.text
            if prompt.max_tokens is not None:
                body["max_tokens"] = prompt.max_tokens
        elif self.api == "responses":
            body["input"] = messages if prompt.messages else prompt.text
            if prompt.max_tokens is not None:
                body["max_output_tokens"] = prompt.max_tokens
        elif self.api == "embeddings":
            body["input"] = prompt.text
        else:
            body["messages"] = messages
            body["max_tokens"] = prompt.max_tokens or MESSAGES_DEFAULT_MAX_TOKENS
        if stream:
            body["stream"] = True
            if self.api in ("chat", "completions"):
                body["stream_options"] = {"include_usage": True}
        if self.ignore_eos and self.api in ("chat", "completions"):
            body["ignore_eos"] = True
        body.update(dict(self.extra_body))
        return body

    def describe(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "api": self.api,
            "model": self.model,
            "stream": self.streamed,
            "ignore_eos": self.ignore_eos,
            "extra_body": dict(self.extra_body),
        }


class StreamReader:
    """Reads one stream's events into its record; ``event`` returns True when the event
    carried output. ``done`` is set by the end event; ``error`` by an error event."""

    __slots__ = ("api", "done", "error", "record")

    def __init__(self, api: ApiKind, record: RequestRecord) -> None:
        self.api = api
        self.record = record
        self.done = False
        self.error: str | None = None

    def event(self, name: str | None, data: str) -> bool:
        if self.api in ("chat", "completions"):
            return self._openai(data)
        if self.api == "responses":
            return self._responses(name, data)
        return self._messages(name, data)

    def _openai(self, data: str) -> bool:
        if data == "[DONE]":
            self.done = True
            return False
        chunk = _object(data)
        if chunk is None:
            return False
        if "error" in chunk and not chunk.get("choices"):
            self.error = "stream_error"
            return False
        usage = chunk.get("usage")
        if isinstance(usage, dict):
            openai_usage(self.record, usage)
        mark_simulated(self.record, chunk)
        output = False
        for choice in chunk.get("choices") or ():
            if not isinstance(choice, dict):
                continue
            if self.api == "completions":
                output = output or bool(choice.get("text"))
                continue
            delta = choice.get("delta")
            if isinstance(delta, dict) and (
                delta.get("content")
                or delta.get("tool_calls")
                or delta.get("refusal")
                or delta.get("reasoning_content")
                or delta.get("reasoning")
            ):
                output = True
        return output

    def _responses(self, name: str | None, data: str) -> bool:
        event = _object(data)
        if event is None:
            return False
        kind = event.get("type") or name or ""
        if kind in ("response.completed", "response.incomplete"):
            response = event.get("response")
            if isinstance(response, dict) and isinstance(response.get("usage"), dict):
                responses_usage(self.record, response["usage"])
            self.done = True
            return False
        if kind in ("response.failed", "error"):
            self.error = "stream_error"
            return False
        return kind.endswith(".delta") and bool(event.get("delta"))

    def _messages(self, name: str | None, data: str) -> bool:
        event = _object(data)
        if event is None:
            return False
        kind = event.get("type") or name or ""
        if kind == "message_start":
            message = event.get("message")
            if isinstance(message, dict) and isinstance(message.get("usage"), dict):
                anthropic_usage(self.record, message["usage"])
            return False
        if kind == "message_delta":
            if isinstance(event.get("usage"), dict):
                anthropic_usage(self.record, event["usage"])
            return False
        if kind == "message_stop":
            self.done = True
            return False
        if kind == "error":
            self.error = "stream_error"
            return False
        if kind == "content_block_delta":
            delta = event.get("delta")
            return isinstance(delta, dict) and any(
                delta.get(field) for field in ("text", "partial_json", "thinking")
            )
        return False


def read_body(api: ApiKind, record: RequestRecord, body: bytes) -> bool:
    """A whole (non-streamed) answer: its usage into the record; False if it is not one."""
    answer = _object(body)
    if answer is None:
        return False
    mark_simulated(record, answer)
    usage = answer.get("usage")
    if isinstance(usage, dict):
        if api in ("chat", "completions", "embeddings"):
            openai_usage(record, usage)
        elif api == "responses":
            responses_usage(record, usage)
        else:
            anthropic_usage(record, usage)
    if api == "embeddings":
        record.output_tokens = 0
    return True


SIMULATED_HEADER = "x-bastion-simulated"
SIMULATOR_FINGERPRINT = "bastion-sim"


def mark_simulated(record: RequestRecord, answer: dict[str, Any]) -> None:
    """Bastion's simulator signs OpenAI-shaped answers with its own system fingerprint."""
    if answer.get("system_fingerprint") == SIMULATOR_FINGERPRINT:
        record.simulated = True


def openai_usage(record: RequestRecord, usage: dict[str, Any]) -> None:
    if isinstance(usage.get("prompt_tokens"), int):
        record.input_tokens = usage["prompt_tokens"]
    if isinstance(usage.get("completion_tokens"), int):
        record.output_tokens = usage["completion_tokens"]
    details = usage.get("prompt_tokens_details")
    if isinstance(details, dict) and isinstance(details.get("cached_tokens"), int):
        record.cached_tokens = details["cached_tokens"]


def responses_usage(record: RequestRecord, usage: dict[str, Any]) -> None:
    if isinstance(usage.get("input_tokens"), int):
        record.input_tokens = usage["input_tokens"]
    if isinstance(usage.get("output_tokens"), int):
        record.output_tokens = usage["output_tokens"]
    details = usage.get("input_tokens_details")
    if isinstance(details, dict) and isinstance(details.get("cached_tokens"), int):
        record.cached_tokens = details["cached_tokens"]


def anthropic_usage(record: RequestRecord, usage: dict[str, Any]) -> None:
    """Anthropic's input_tokens leave out cache reads and writes; the record counts all."""
    if isinstance(usage.get("input_tokens"), int):
        read = usage.get("cache_read_input_tokens")
        written = usage.get("cache_creation_input_tokens")
        read = read if isinstance(read, int) else 0
        written = written if isinstance(written, int) else 0
        record.input_tokens = usage["input_tokens"] + read + written
        record.cached_tokens = read
    if isinstance(usage.get("output_tokens"), int):
        record.output_tokens = usage["output_tokens"]


def _object(data: str | bytes) -> dict[str, Any] | None:
    try:
        value = orjson.loads(data)
    except orjson.JSONDecodeError:
        return None
    return value if isinstance(value, dict) else None
