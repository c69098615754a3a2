"""What a request may cost before it runs: its prompt and the output it may produce, in tokens.

The output is reserved for every choice the engine generates: ``n`` of them for chat
completions; for legacy completions, ``best_of`` (the engine generates that many and returns the
best ``n``) for each prompt of a batch. The prompt is counted once, as engines read it once.
"""

from __future__ import annotations

from typing import Any

from bastion.protocols.operations import Operation

MAX_ESTIMATE = 2**53


def estimate_tokens(
    operation: Operation, body: dict[str, Any] | None, raw_body: bytes, default_output: int
) -> int:
    """Prompt bytes / 4 plus, per choice, ``max_completion_tokens``, ``max_tokens`` or
    ``default_output``."""
    prompt, output = estimate_split(operation, body, raw_body, default_output)
    return prompt + output


def estimate_split(
    operation: Operation, body: dict[str, Any] | None, raw_body: bytes, default_output: int
) -> tuple[int, int]:
    """(prompt, output) tokens: the prompt as its bytes / 4, the output as the most the request
    may produce, over all its choices."""
    prompt = len(raw_body) // 4
    if operation is Operation.EMBEDDINGS or body is None:
        return prompt, 0
    per_choice = default_output
    for name in ("max_completion_tokens", "max_tokens", "max_output_tokens"):
        value = body.get(name)
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            per_choice = value
            break
    # Bounded so that a reservation stays a whole number every store counts exactly (Redis
    # scripts count in doubles); any budget refuses it long before.
    return prompt, min(per_choice * choices(operation, body), MAX_ESTIMATE)


def choices(operation: Operation, body: dict[str, Any] | None) -> int:
    """How many answers the engine generates for the request (sequences it runs at once)."""
    if body is None or operation not in (Operation.CHAT, Operation.COMPLETIONS):
        return 1
    count = _positive(body.get("n"))
    if operation is Operation.COMPLETIONS:
        count = max(count, _positive(body.get("best_of")))
        count *= _prompts(body.get("prompt"))
    return count


def _positive(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 1 else 1


def _prompts(prompt: Any) -> int:
    """Prompts in a legacy completions batch: an array of strings or of token arrays is one
    prompt per entry; a string or a single token array is one."""
    if isinstance(prompt, list) and prompt and not isinstance(prompt[0], int):
        return len(prompt)
    return 1
