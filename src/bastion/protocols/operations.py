"""The operations clients can ask for, and which wire protocol each one speaks."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

WireProtocol = Literal["openai", "anthropic"]


class Operation(StrEnum):
    CHAT = "chat.completions"
    COMPLETIONS = "completions"
    EMBEDDINGS = "embeddings"
    MESSAGES = "messages"
    RESPONSES = "responses"

    @property
    def protocol(self) -> WireProtocol:
        return "anthropic" if self is Operation.MESSAGES else "openai"

    @property
    def streams(self) -> bool:
        return self is not Operation.EMBEDDINGS
