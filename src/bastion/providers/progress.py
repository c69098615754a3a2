"""What counts as an engine making progress, for the watchdog: output, not the signs of a
request being accepted.

An engine that has wedged still accepts connections, answers with response headers, and some
servers open every stream with events sent before any token exists (a keep-alive comment, a
``ping``, the Responses API's ``response.created``, Anthropic's ``message_start``, the role-only
first chunk of a chat completion). None of these may restart the watchdog's clock, or a
steady trickle of new requests would keep a wedged engine in service forever.
"""

from __future__ import annotations

import orjson

# A chunk is only examined when the last progress is at least this old: a busy stream pays for
# one look per replica every 50 ms at most, however many chunks arrive.
PROGRESS_GRAIN = 0.05

# Event types a server sends before it has generated anything.
_OPENING_EVENTS = frozenset(
    {"ping", "message_start", "response.created", "response.queued", "response.in_progress"}
)


def carries_output(chunk: bytes) -> bool:
    """Whether a piece of an event stream holds an event with generated output.

    Lines are read where they start with ``data:``; a line cut at the chunk's end, or a payload
    that is not one of the known opening events, counts as output: when unsure, the engine is
    taken to be making progress.
    """
    start = chunk.find(b"data:")
    while start != -1:
        end = chunk.find(b"\n", start)
        if start == 0 or chunk[start - 1] in b"\r\n":
            line = chunk[start + 5 : end if end != -1 else len(chunk)]
            if _is_output(line):
                return True
        if end == -1:
            return False
        start = chunk.find(b"data:", end)
    return False


def _is_output(payload: bytes) -> bool:
    payload = payload.strip()
    if not payload:
        return False
    try:
        event = orjson.loads(payload)
    except orjson.JSONDecodeError:
        return True  # [DONE], a line cut at the chunk's end, or not JSON at all
    if not isinstance(event, dict):
        return True
    if event.get("type") in _OPENING_EVENTS:
        return False
    choices = event.get("choices")
    if isinstance(choices, list) and not event.get("usage"):
        # Chat and completions chunks; no choice at all is an opening chunk too (Azure's
        # prompt_filter_results), the final usage chunk is not.
        return any(_choice_output(choice) for choice in choices)
    return True


def _choice_output(choice: object) -> bool:
    """A chat or completions choice with text, a tool call, reasoning or a finish reason."""
    if not isinstance(choice, dict):
        return True
    if choice.get("finish_reason") is not None or choice.get("text"):
        return True
    delta = choice.get("delta")
    if not isinstance(delta, dict):
        return False
    return any(value for key, value in delta.items() if key != "role")
