"""Token usage in one protocol-neutral shape."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(slots=True)
class Usage:
    """Tokens consumed by one request.

    ``input_tokens`` counts every prompt token, cached ones included (OpenAI's convention);
    ``cached_input_tokens`` is the part served from the engine's prefix cache.
    ``estimated`` is set when the upstream did not report usage and the numbers were counted here.
    """

    input_tokens: int = 0
    output_tokens: int = 0
    cached_input_tokens: int = 0
    estimated: bool = False

    @property
    def total_tokens(self) -> int:
        return self.input_tokens + self.output_tokens

    @classmethod
    def estimate(cls, prompt_bytes: int, output_tokens: int) -> Usage:
        """A rough count when the upstream reported none: ~4 bytes of request per prompt token."""
        return cls(
            input_tokens=max(1, prompt_bytes // 4), output_tokens=output_tokens, estimated=True
        )

    @classmethod
    def from_openai(cls, usage: dict[str, Any] | None) -> Usage | None:
        if not isinstance(usage, dict):
            return None
        details = usage.get("prompt_tokens_details") or {}
        return cls(
            input_tokens=int(usage.get("prompt_tokens") or 0),
            output_tokens=int(usage.get("completion_tokens") or 0),
            cached_input_tokens=int(details.get("cached_tokens") or 0),
        )

    def to_openai(self) -> dict[str, Any]:
        """OpenAI's usage object. The cached part of the prompt is always known (zero is a
        count too); ``completion_tokens_details`` is left out, as the description allows:
        no source here counts reasoning or prediction tokens apart from the rest."""
        return {
            "prompt_tokens": self.input_tokens,
            "completion_tokens": self.output_tokens,
            "total_tokens": self.total_tokens,
            "prompt_tokens_details": {"cached_tokens": self.cached_input_tokens},
        }

    @classmethod
    def from_anthropic(cls, usage: dict[str, Any] | None) -> Usage | None:
        """Anthropic reports uncached input separately from cache reads and writes."""
        if not isinstance(usage, dict):
            return None
        cache_read = int(usage.get("cache_read_input_tokens") or 0)
        cache_write = int(usage.get("cache_creation_input_tokens") or 0)
        return cls(
            input_tokens=int(usage.get("input_tokens") or 0) + cache_read + cache_write,
            output_tokens=int(usage.get("output_tokens") or 0),
            cached_input_tokens=cache_read,
        )

    def to_anthropic(self) -> dict[str, Any]:
        return {
            "input_tokens": self.input_tokens - self.cached_input_tokens,
            "output_tokens": self.output_tokens,
            "cache_read_input_tokens": self.cached_input_tokens,
            "cache_creation_input_tokens": 0,
        }
