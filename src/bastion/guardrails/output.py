"""Masking sensitive values in answers, or ending answers at them: whole bodies, and streams
as they are sent.

A stream is rewritten event by event in the client's protocol. The text of each choice (OpenAI)
or content block (Anthropic), its reasoning (``reasoning_content``, ``reasoning``, thinking
blocks) and refusal, and the arguments of each tool call, go through their own
``StreamMasker``, so a value split across two events is still caught; what the masker holds back
is sent with the choice's finishing chunk or just before the block's ``content_block_stop``.
Log probabilities are dropped from an answer whose text is rewritten: their tokens would spell
out what was masked.
Tool call arguments are JSON and are masked so that they stay valid JSON (``json_text``).

Blocking ends the answer where the first value starts, as a provider's content filter does:
the text before it is sent, then the choice finishes with ``content_filter`` (OpenAI) or the
message stops with ``refusal`` (Anthropic). Whatever the engine generates after that is read
(so its usage is counted) but never sent. In a whole answer, a tool call holding a value is
dropped with the calls after it; in a stream, its arguments end where the value starts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Protocol

import orjson

from bastion.guardrails.json_text import JsonMask
from bastion.guardrails.placeholders import Placeholders, StreamRestorer
from bastion.guardrails.redact import mask
from bastion.guardrails.stream import Scan, StreamMasker
from bastion.protocols.exchange import StreamTranslator
from bastion.protocols.operations import WireProtocol
from bastion.protocols.sse import OPENAI_DONE, SSEEvent, SSEParser, encode_data, encode_event
from bastion.protocols.usage import Usage


class TextFilter(Protocol):
    """Rewrites text that arrives in pieces; ``finish`` releases what it still holds."""

    def feed(self, piece: str) -> str: ...
    def finish(self) -> str: ...


class _Chain:
    __slots__ = ("_filters",)

    def __init__(self, filters: list[TextFilter]) -> None:
        self._filters = filters

    def feed(self, piece: str) -> str:
        for each in self._filters:
            piece = each.feed(piece)
        return piece

    def finish(self) -> str:
        text = ""
        for each in self._filters:
            text = each.feed(text) + each.finish() if text else each.finish()
        return text


def rewrite_body(
    body: dict[str, Any],
    protocol: WireProtocol,
    rewrite: Callable[[str], str],
    rewrite_json: Callable[[str], str],
) -> None:
    """Rewrites the text of a whole answer in place: its text with ``rewrite``, the JSON of its
    tool calls' arguments with ``rewrite_json``."""
    if protocol == "anthropic":
        for block in body.get("content") or []:
            if not isinstance(block, dict):
                continue
            key = _anthropic_text_key(block)
            if isinstance(block.get(key), str):
                block[key] = rewrite(block[key])
            elif block.get("type") == "tool_use" and "input" in block:
                arguments = orjson.dumps(block["input"]).decode()
                rewritten = rewrite_json(arguments)
                if rewritten != arguments:
                    block["input"] = orjson.loads(rewritten)
        return
    for choice in body.get("choices") or []:
        if not isinstance(choice, dict):
            continue
        message = choice.get("message")
        if isinstance(message, dict):
            for key in OPENAI_MESSAGE_TEXTS:
                if isinstance(message.get(key), str):
                    message[key] = rewrite(message[key])
        if isinstance(choice.get("text"), str):
            choice["text"] = rewrite(choice["text"])
        for function in _openai_functions(message):
            function["arguments"] = rewrite_json(function["arguments"])
            if isinstance(function.get("name"), str):
                function["name"] = rewrite(function["name"])


# The texts of an OpenAI message, in the order they are generated: reasoning (vLLM's
# ``reasoning_content``, others' ``reasoning``), then the answer or a refusal.
OPENAI_MESSAGE_TEXTS = ("reasoning_content", "reasoning", "content", "refusal")


def _anthropic_text_key(block: dict[str, Any]) -> str:
    """Where an Anthropic content block keeps its text: a thinking block in ``thinking``."""
    return "thinking" if block.get("type") == "thinking" else "text"


def _drop_logprobs(choice: dict[str, Any]) -> None:
    """Log probabilities spell the answer out token by token: once its text is rewritten, they
    would give back what was masked or cut."""
    if choice.get("logprobs") is not None:
        choice["logprobs"] = None


def _openai_functions(message: Any) -> Iterator[dict[str, Any]]:
    """The ``function`` objects with string arguments of a message's tool calls (and of the
    legacy ``function_call``)."""
    if not isinstance(message, dict):
        return
    calls = message.get("tool_calls")
    candidates = (
        [call.get("function") for call in calls if isinstance(call, dict)]
        if isinstance(calls, list)
        else []
    )
    candidates.append(message.get("function_call"))
    for function in candidates:
        if isinstance(function, dict) and isinstance(function.get("arguments"), str):
            yield function


def mask_body(body: dict[str, Any], protocol: WireProtocol, scan: Scan) -> int:
    """Masks the text of a whole answer in place; returns how many values were masked."""
    count = 0

    def masked(text: str) -> str:
        nonlocal count
        findings = scan(text)
        count += len(findings)
        return mask(text, findings)

    def masked_json(text: str) -> str:
        nonlocal count
        findings = scan(text)
        count += len(findings)
        return JsonMask()(text, findings) if findings else text

    rewrite_body(body, protocol, masked, masked_json)
    if count:
        for choice in body.get("choices") or []:
            if isinstance(choice, dict):
                _drop_logprobs(choice)
    return count


def block_body(body: dict[str, Any], protocol: WireProtocol, scan: Scan) -> int:
    """Ends a whole answer at its first sensitive value; returns how many choices (or
    messages) were ended. Text is cut where the value starts; a tool call holding one is
    dropped, with the calls after it."""
    if protocol == "anthropic":
        content = body.get("content")
        if not isinstance(content, list):
            return 0
        for position, block in enumerate(content):
            if not isinstance(block, dict):
                continue
            key = _anthropic_text_key(block)
            text = block.get(key)
            if isinstance(text, str):
                findings = scan(text)
                if not findings:
                    continue
                block[key] = text[: min(f.start for f in findings)]
                end = position + 1
            elif block.get("type") == "tool_use" and scan(
                orjson.dumps(block.get("input")).decode()
            ):
                end = position
            else:
                continue
            del content[end:]
            body["stop_reason"] = "refusal"
            body["stop_sequence"] = None
            return 1
        return 0
    ended = 0
    for choice in body.get("choices") or []:
        if not isinstance(choice, dict):
            continue
        message = choice.get("message")
        if not _cut_texts(message if isinstance(message, dict) else choice, scan):
            if not _block_calls(message, scan):
                continue
        else:
            _drop_calls(message, 0)
        choice["finish_reason"] = "content_filter"
        _drop_logprobs(choice)
        ended += 1
    return ended


def _cut_texts(holder: dict[str, Any], scan: Scan) -> bool:
    """Cuts a message's texts (or a legacy choice's) at the first value, in the order they are
    generated; the texts after it are emptied. Whether one was cut."""
    keys = OPENAI_MESSAGE_TEXTS if "text" not in holder else ("text",)
    cut = False
    for key in keys:
        text = holder.get(key)
        if not isinstance(text, str):
            continue
        if cut:
            holder[key] = ""
            continue
        findings = scan(text)
        if findings:
            holder[key] = text[: min(f.start for f in findings)]
            cut = True
    return cut


def _block_calls(message: Any, scan: Scan) -> bool:
    """Drops the first tool call whose arguments hold a value, and the calls after it."""
    if not isinstance(message, dict):
        return False
    calls = message.get("tool_calls")
    for position, call in enumerate(calls if isinstance(calls, list) else []):
        function = call.get("function") if isinstance(call, dict) else None
        arguments = function.get("arguments") if isinstance(function, dict) else None
        if isinstance(arguments, str) and scan(arguments):
            _drop_calls(message, position)
            return True
    legacy = message.get("function_call")
    if (
        isinstance(legacy, dict)
        and isinstance(legacy.get("arguments"), str)
        and scan(legacy["arguments"])
    ):
        del message["function_call"]
        return True
    return False


def _drop_calls(message: Any, start: int) -> None:
    if not isinstance(message, dict):
        return
    calls = message.get("tool_calls")
    if isinstance(calls, list) and len(calls) > start:
        if start:
            message["tool_calls"] = calls[:start]
        else:
            del message["tool_calls"]
    if start == 0:
        message.pop("function_call", None)


def restore_body(body: dict[str, Any], protocol: WireProtocol, values: Placeholders) -> None:
    """Puts placeholders' values back into a whole answer."""
    rewrite_body(body, protocol, values.restore, lambda text: values.restore(text, json=True))


# A part of an answer with text of its own: (choice or block index, part); the part is
# ``_TEXT`` for the text, or the tool call's index for its arguments (Anthropic: ``_TOOL``).
_Part = tuple[int, int]
_TEXT, _TOOL = -1, 0
# An OpenAI delta's other texts (reasoning, a refusal) and an Anthropic thinking block's: parts
# of their own, below the tool calls' indexes.
_SIDE_TEXTS = {"reasoning_content": -2, "reasoning": -3, "refusal": -4}
_THINKING = -2


class MaskingStream:
    """A ``StreamTranslator`` whose client events have their text rewritten: values masked
    (when ``scan`` is given), or the answer ended at the first one (``block``), and
    placeholders restored (when ``placeholders`` are)."""

    def __init__(
        self,
        inner: StreamTranslator,
        protocol: WireProtocol,
        scan: Scan | None,
        holdback: int,
        placeholders: Placeholders | None = None,
        *,
        block: bool = False,
    ) -> None:
        self._inner = inner
        self._anthropic = protocol == "anthropic"
        self._scan = scan
        self._holdback = holdback
        self._placeholders = placeholders
        self._block = block
        self._maskers: dict[_Part, TextFilter] = {}
        # The scanning masker of each part; one that blocked has ended its choice, or the
        # whole message.
        self._scanners: dict[_Part, StreamMasker] = {}
        self._template: dict[str, Any] = {}  # id, object, created, model of the last chunk

    @property
    def usage(self) -> Usage | None:
        return self._inner.usage

    @property
    def finish_reason(self) -> str | None:
        if self.blocked:
            return "refusal" if self._anthropic else "content_filter"
        return self._inner.finish_reason

    @property
    def masked(self) -> int:
        """Values masked so far (with ``block``: 0)."""
        if self._block:
            return 0
        return sum(len(scanner.found) for scanner in self._scanners.values())

    @property
    def blocked(self) -> int:
        """Choices (or messages) ended at a sensitive value so far."""
        return sum(scanner.blocked for scanner in self._scanners.values())

    def feed(self, event: SSEEvent) -> list[bytes]:
        return self._rewrite(self._inner.feed(event))

    def finish(self) -> list[bytes]:
        return self._rewrite(self._inner.finish())

    def error_events(self, message: str, error_type: str) -> list[bytes]:
        # What was held back is not sent: the stream ends in an error anyway.
        return self._inner.error_events(message, error_type)

    def _masker(self, part: _Part, *, json: bool = False) -> TextFilter:
        found = self._maskers.get(part)
        if found is not None:
            return found
        filters: list[TextFilter] = []
        if self._scan is not None:
            masking = JsonMask() if json else mask
            masker = StreamMasker(self._scan, self._holdback, block=self._block, masking=masking)
            self._scanners[part] = masker
            filters.append(masker)
        if self._placeholders is not None:
            filters.append(StreamRestorer(self._placeholders, json=json))
        chain = filters[0] if len(filters) == 1 else _Chain(filters)
        self._maskers[part] = chain
        return chain

    def _rewrite(self, items: list[bytes]) -> list[bytes]:
        out: list[bytes] = []
        for item in items:
            for event in SSEParser().feed(item):
                if self._anthropic:
                    out.extend(self._anthropic_event(event))
                else:
                    out.extend(self._openai_event(event))
        return out

    def _cut_short(self, index: int) -> bool:
        return any(
            scanner.blocked for (owner, _), scanner in self._scanners.items() if owner == index
        )

    def _openai_event(self, event: SSEEvent) -> list[bytes]:
        if event.data == "[DONE]":
            return [*self._openai_rest(), OPENAI_DONE]
        chunk = orjson.loads(event.data)
        choices = chunk.get("choices") if isinstance(chunk, dict) else None
        if not choices:
            return [encode_data(chunk)] if isinstance(chunk, dict) else []
        self._template = {k: chunk[k] for k in ("id", "object", "created", "model") if k in chunk}
        kept = []
        for choice in choices:
            if not isinstance(choice, dict):
                kept.append(choice)
                continue
            index = int(choice.get("index") or 0)
            if self._cut_short(index):
                continue  # this choice was ended: nothing more of it is sent
            if self._scan is not None:
                _drop_logprobs(choice)
            masker = self._masker((index, _TEXT))
            delta = choice.get("delta")
            if isinstance(delta, dict):
                self._openai_side_texts(index, delta)
                if self._cut_short(index):
                    delta.pop("content", None)
                    delta.pop("tool_calls", None)
                    choice["finish_reason"] = "content_filter"
                    kept.append(choice)
                    continue
            holder, key = (delta, "content") if isinstance(delta, dict) else (choice, "text")
            text = holder.get(key)
            released = masker.feed(text) if isinstance(text, str) else ""
            if isinstance(delta, dict) and not self._cut_short(index):
                self._openai_tool_calls(index, delta)
            if self._cut_short(index):
                released += masker.finish()  # what a later filter still holds
                choice["finish_reason"] = "content_filter"
            elif choice.get("finish_reason"):
                released += masker.finish()
                if isinstance(delta, dict) and not self._cut_short(index):
                    self._openai_flush_side_texts(index, delta)
                if isinstance(delta, dict) and not self._cut_short(index):
                    self._openai_flush_tool_calls(index, delta)
                if self._cut_short(index):  # the held text reached a value
                    choice["finish_reason"] = "content_filter"
            if isinstance(text, str) or released:
                holder[key] = released
            kept.append(choice)
        if not kept and not chunk.get("usage"):
            return []
        chunk["choices"] = kept
        return [encode_data(chunk)]

    def _openai_side_texts(self, index: int, delta: dict[str, Any]) -> None:
        """Rewrites a delta's reasoning and refusal, each through its own masker."""
        for key, part in _SIDE_TEXTS.items():
            text = delta.get(key)
            if isinstance(text, str):
                masker = self._masker((index, part))
                delta[key] = masker.feed(text)
                if self._cut_short(index):
                    delta[key] += masker.finish()
                    return

    def _openai_flush_side_texts(self, index: int, delta: dict[str, Any]) -> None:
        """Adds what the choice's reasoning and refusal maskers still hold to a delta."""
        for key, part in _SIDE_TEXTS.items():
            masker = self._maskers.get((index, part))
            rest = masker.finish() if masker is not None else ""
            if rest:
                delta[key] = (delta.get(key) or "") + rest
            if self._cut_short(index):
                return

    def _openai_tool_calls(self, index: int, delta: dict[str, Any]) -> None:
        """Rewrites the arguments of the tool calls in a delta; once one reaches a value to
        block, it and the calls after it end there."""
        calls = delta.get("tool_calls")
        if not isinstance(calls, list):
            return
        kept = []
        for call in calls:
            function = call.get("function") if isinstance(call, dict) else None
            if isinstance(function, dict) and isinstance(function.get("arguments"), str):
                part = (index, int(call.get("index") or 0))
                masker = self._masker(part, json=True)
                function["arguments"] = masker.feed(function["arguments"])
            kept.append(call)
            if self._cut_short(index):
                break
        delta["tool_calls"] = kept

    def _openai_flush_tool_calls(self, index: int, delta: dict[str, Any]) -> None:
        """Adds what the choice's tool call maskers still hold to its finishing delta."""
        calls = delta.get("tool_calls")
        entries = {
            int(call.get("index") or 0): call
            for call in (calls if isinstance(calls, list) else [])
            if isinstance(call, dict)
        }
        for (owner, part), masker in self._maskers.items():
            if owner != index or part < 0:
                continue  # the text and side texts are not tool calls
            rest = masker.finish()
            entry = entries.get(part)
            function = entry.get("function") if entry is not None else None
            if isinstance(function, dict) and isinstance(function.get("arguments"), str):
                function["arguments"] += rest
            elif rest:
                entries[part] = {"index": part, "function": {"arguments": rest}}
            if self._cut_short(index):
                break  # the answer ends here
        if entries:
            delta["tool_calls"] = [entries[part] for part in sorted(entries)]

    def _openai_rest(self) -> list[bytes]:
        """Text still held when the stream ends without a finishing chunk."""
        out = []
        for index in sorted({owner for owner, _ in self._maskers}):
            if self._cut_short(index):
                continue
            delta: dict[str, Any] = {}
            self._openai_flush_side_texts(index, delta)
            delta["content"] = (
                "" if self._cut_short(index) else self._masker((index, _TEXT)).finish()
            )
            if not self._cut_short(index):
                self._openai_flush_tool_calls(index, delta)
            reason = "content_filter" if self._cut_short(index) else None
            if any(delta.values()) or reason:
                choice = {"index": index, "delta": delta, "finish_reason": reason}
                out.append(encode_data({**self._template, "choices": [choice]}))
        return out

    def _anthropic_event(self, event: SSEEvent) -> list[bytes]:
        payload = orjson.loads(event.data)
        name = event.event or (payload.get("type") if isinstance(payload, dict) else None)
        if not isinstance(payload, dict) or name is None:
            return []
        kind = payload.get("type")
        index = int(payload.get("index") or 0)
        if self.blocked:
            return self._anthropic_after_end(name, kind, index, payload)
        if kind == "content_block_delta":
            delta = payload.get("delta")
            form = (
                _ANTHROPIC_DELTAS.get(str(delta.get("type"))) if isinstance(delta, dict) else None
            )
            if isinstance(delta, dict) and form is not None:
                part, field = form
                masker = self._masker((index, part), json=part == _TOOL)
                delta[field] = masker.feed(str(delta.get(field, "")))
                if self._cut_short(index):
                    delta[field] += masker.finish()  # what a later filter still holds
        elif kind == "content_block_stop":
            held = []
            for delta_type, (part, field) in _ANTHROPIC_DELTAS.items():
                held_by = self._maskers.get((index, part))
                rest = held_by.finish() if held_by is not None else ""
                if rest:
                    body = {"type": delta_type, field: rest}
                    held.append(
                        encode_event(
                            "content_block_delta",
                            {"type": "content_block_delta", "index": index, "delta": body},
                        )
                    )
            return [*held, encode_event(name, payload)]
        return [encode_event(name, payload)]

    def _anthropic_after_end(
        self, name: str, kind: Any, index: int, payload: dict[str, Any]
    ) -> list[bytes]:
        """Once a block is cut short: its stop, the message's end (stopped for ``refusal``)
        and pings pass; further content does not."""
        if kind == "content_block_stop" and self._cut_short(index):
            return [encode_event(name, payload)]
        if kind == "message_delta":
            delta = payload.get("delta")
            if isinstance(delta, dict):
                delta["stop_reason"] = "refusal"
                delta["stop_sequence"] = None
            return [encode_event(name, payload)]
        if kind in ("message_stop", "ping", "error"):
            return [encode_event(name, payload)]
        return []


# Anthropic deltas with text to rewrite: their part and the field holding the text.
_ANTHROPIC_DELTAS = {
    "text_delta": (_TEXT, "text"),
    "input_json_delta": (_TOOL, "partial_json"),
    "thinking_delta": (_THINKING, "thinking"),
}


class MaskedBeforeTranslation:
    """A translated stream (a Responses API client's) whose text is masked in the upstream's
    own protocol before it is translated: the upstream events pass through ``masking`` (a
    ``MaskingStream`` over a pass-through of the upstream protocol), and what comes out is fed
    to ``translator``. Every event the translator derives from the text (deltas, done events,
    the final Response object) then carries the masked text."""

    def __init__(self, masking: MaskingStream, translator: StreamTranslator) -> None:
        self._masking = masking
        self._translator = translator
        self._parser = SSEParser()

    @property
    def usage(self) -> Usage | None:
        return self._translator.usage

    @property
    def finish_reason(self) -> str | None:
        return self._translator.finish_reason

    @property
    def masked(self) -> int:
        return self._masking.masked

    @property
    def blocked(self) -> int:
        return self._masking.blocked

    def _translate(self, items: list[bytes]) -> list[bytes]:
        out: list[bytes] = []
        for item in items:
            for event in self._parser.feed(item):
                out.extend(self._translator.feed(event))
        return out

    def feed(self, event: SSEEvent) -> list[bytes]:
        return self._translate(self._masking.feed(event))

    def finish(self) -> list[bytes]:
        return [*self._translate(self._masking.finish()), *self._translator.finish()]

    def error_events(self, message: str, error_type: str) -> list[bytes]:
        return self._translator.error_events(message, error_type)
