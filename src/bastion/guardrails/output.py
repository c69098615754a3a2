"""Masking sensitive values in answers, or ending answers at them: whole bodies, and streams
as they are sent.

A stream is rewritten event by event in the client's protocol. The text of each choice (OpenAI)
or content block (Anthropic) goes through its own ``StreamMasker``, so a value split across two
events is still caught; what the masker holds back is sent with the choice's finishing chunk or
just before the block's ``content_block_stop``. Tool call arguments and other structured parts
pass unchanged.

Blocking ends the answer where the first value starts, as a provider's content filter does:
the text before it is sent, then the choice finishes with ``content_filter`` (OpenAI) or the
message stops with ``refusal`` (Anthropic). Whatever the engine generates after that is read
(so its usage is counted) but never sent.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

import orjson

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
    body: dict[str, Any], protocol: WireProtocol, rewrite: Callable[[str], str]
) -> None:
    """Rewrites the text of a whole answer in place."""
    if protocol == "anthropic":
        for block in body.get("content") or []:
            if isinstance(block, dict) and isinstance(block.get("text"), str):
                block["text"] = rewrite(block["text"])
        return
    for choice in body.get("choices") or []:
        if not isinstance(choice, dict):
            continue
        message = choice.get("message")
        if isinstance(message, dict) and isinstance(message.get("content"), str):
            message["content"] = rewrite(message["content"])
        if isinstance(choice.get("text"), str):
            choice["text"] = rewrite(choice["text"])


def mask_body(body: dict[str, Any], protocol: WireProtocol, scan: Scan) -> int:
    """Masks the text of a whole answer in place; returns how many values were masked."""
    count = 0

    def masked(text: str) -> str:
        nonlocal count
        findings = scan(text)
        count += len(findings)
        return mask(text, findings)

    rewrite_body(body, protocol, masked)
    return count


def block_body(body: dict[str, Any], protocol: WireProtocol, scan: Scan) -> int:
    """Ends a whole answer's text at its first sensitive value; returns how many choices (or
    messages) were ended."""
    if protocol == "anthropic":
        content = body.get("content")
        if not isinstance(content, list):
            return 0
        for position, block in enumerate(content):
            text = block.get("text") if isinstance(block, dict) else None
            findings = scan(text) if isinstance(text, str) else []
            if findings:
                block["text"] = text[: min(f.start for f in findings)]  # type: ignore[index]
                del content[position + 1 :]
                body["stop_reason"] = "refusal"
                body["stop_sequence"] = None
                return 1
        return 0
    ended = 0
    for choice in body.get("choices") or []:
        if not isinstance(choice, dict):
            continue
        message = choice.get("message")
        holder, key = (message, "content") if isinstance(message, dict) else (choice, "text")
        text = holder.get(key)
        findings = scan(text) if isinstance(text, str) else []
        if findings:
            holder[key] = text[: min(f.start for f in findings)]  # type: ignore[index]
            choice["finish_reason"] = "content_filter"
            ended += 1
    return ended


def restore_body(body: dict[str, Any], protocol: WireProtocol, values: Placeholders) -> None:
    """Puts placeholders' values back into a whole answer."""
    rewrite_body(body, protocol, values.restore)


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
        self._maskers: dict[int, TextFilter] = {}
        # The scanning masker of each choice (OpenAI) or content block (Anthropic); one that
        # blocked has ended its choice, or the whole message.
        self._scanners: dict[int, StreamMasker] = {}
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

    def _masker(self, index: int) -> TextFilter:
        found = self._maskers.get(index)
        if found is not None:
            return found
        filters: list[TextFilter] = []
        if self._scan is not None:
            masker = StreamMasker(self._scan, self._holdback, block=self._block)
            self._scanners[index] = masker
            filters.append(masker)
        if self._placeholders is not None:
            filters.append(StreamRestorer(self._placeholders))
        chain = filters[0] if len(filters) == 1 else _Chain(filters)
        self._maskers[index] = chain
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
        scanner = self._scanners.get(index)
        return scanner is not None and scanner.blocked

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
            masker = self._masker(index)
            delta = choice.get("delta")
            holder, key = (delta, "content") if isinstance(delta, dict) else (choice, "text")
            text = holder.get(key)
            released = masker.feed(text) if isinstance(text, str) else ""
            if choice.get("finish_reason") or self._cut_short(index):
                released += masker.finish()
            if self._cut_short(index):
                choice["finish_reason"] = "content_filter"
            if isinstance(text, str) or released:
                holder[key] = released
            kept.append(choice)
        if not kept and not chunk.get("usage"):
            return []
        chunk["choices"] = kept
        return [encode_data(chunk)]

    def _openai_rest(self) -> list[bytes]:
        """Text still held when the stream ends without a finishing chunk."""
        out = []
        for index, masker in self._maskers.items():
            if self._cut_short(index):
                continue
            rest = masker.finish()
            reason = "content_filter" if self._cut_short(index) else None
            if rest or reason:
                choice = {"index": index, "delta": {"content": rest}, "finish_reason": reason}
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
            if isinstance(delta, dict) and delta.get("type") == "text_delta":
                masker = self._masker(index)
                delta["text"] = masker.feed(str(delta.get("text", "")))
                if self._cut_short(index):
                    delta["text"] += masker.finish()  # what a later filter still holds
        elif kind == "content_block_stop" and index in self._maskers:
            rest = self._maskers[index].finish()
            if rest:
                held = {"type": "content_block_delta", "index": index,
                        "delta": {"type": "text_delta", "text": rest}}  # fmt: skip
                return [encode_event("content_block_delta", held), encode_event(name, payload)]
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
