"""What a request may cost before it runs: its prompt and the output it may produce, in tokens."""

from __future__ import annotations

from typing import Any

from bastion.protocols.operations import Operation


def estimate_tokens(
    operation: Operation, body: dict[str, Any] | None, raw_body: bytes, default_output: int
) -> int:
    """Prompt bytes / 4 plus ``max_completion_tokens``, ``max_tokens`` or ``default_output``."""
    prompt, output = estimate_split(operation, body, raw_body, default_output)
    return prompt + output


def estimate_split(
    operation: Operation, body: dict[str, Any] | None, raw_body: bytes, default_output: int
) -> tuple[int, int]:
    """(prompt, output) tokens: the prompt as its bytes / 4, the output as the most the request
    may produce."""
    prompt = len(raw_body) // 4
    if operation is Operation.EMBEDDINGS or body is None:
        return prompt, 0
    for name in ("max_completion_tokens", "max_tokens", "max_output_tokens"):
        value = body.get(name)
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            return prompt, value
    return prompt, default_output
