"""Prompts to token ids, the way a real engine's chat template would count them.

Chat messages are rendered ChatML-style: each message costs its content plus four tokens of
role overhead (``<|im_start|>``, the role, a newline, ``<|im_end|>``), and the assistant turn
the model is asked to write costs three more. Tool definitions are counted as their JSON, as
the templates of open models embed them into the system prompt.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import orjson

from bastion.sim import tokenizer

# Non-text content parts (images, audio) count as a fixed number of placeholder tokens.
_MEDIA_PART_TOKENS = 256
_NEWLINE = tokenizer.piece_id("\n")
_START = tokenizer.special_id("<|im_start|>")
_END = tokenizer.special_id("<|im_end|>")
_BOS = tokenizer.special_id("<s>")


def render_chat(
    messages: Sequence[Mapping[str, Any]], tools: Sequence[Mapping[str, Any]] | None
) -> list[int]:
    ids: list[int] = []
    if tools:
        _turn(ids, "system", [orjson.dumps(list(tools)).decode()])
    for message in messages:
        _turn(ids, str(message.get("role", "user")), list(_message_texts(message)))
    ids.extend((_START, tokenizer.piece_id("assistant"), _NEWLINE))
    return ids


def _turn(ids: list[int], role: str, texts: list[str]) -> None:
    ids.extend((_START, tokenizer.piece_id(role), _NEWLINE))
    for text in texts:
        ids.extend(tokenizer.encode(text))
    ids.append(_END)


def _message_texts(message: Mapping[str, Any]) -> Iterable[str]:
    content = message.get("content")
    if isinstance(content, str):
        yield content
    elif isinstance(content, list):
        for part in content:
            if isinstance(part, Mapping) and isinstance(part.get("text"), str):
                yield part["text"]
            elif isinstance(part, Mapping) and isinstance(part.get("refusal"), str):
                yield part["refusal"]
            else:
                yield " <media>" * _MEDIA_PART_TOKENS
    for call in message.get("tool_calls") or ():
        if isinstance(call, Mapping):
            yield orjson.dumps(call.get("function", call)).decode()


def render_completion_prompt(prompt: str | Sequence[int]) -> list[int]:
    """A legacy completions prompt: text after a BOS token, or token ids used as they are."""
    if isinstance(prompt, str):
        return [_BOS, *tokenizer.encode(prompt)]
    return list(prompt)
