"""Which exchange serves an operation on a backend of a given protocol."""

from __future__ import annotations

from bastion.protocols.exchange import (
    AnthropicPassthrough,
    Exchange,
    MessagesToChat,
    OpenAIPassthrough,
    TranslatingExchange,
)
from bastion.protocols.operations import Operation, WireProtocol
from bastion.protocols.responses.exchange import ResponsesToAnthropic, ResponsesToChat
from bastion.protocols.translate import openai_chat_to_anthropic


def exchange_for(operation: Operation, upstream: WireProtocol) -> Exchange | None:
    """The exchange serving ``operation`` on a backend speaking ``upstream``, if any."""
    if operation is Operation.MESSAGES:
        if upstream == "anthropic":
            return AnthropicPassthrough()
        return MessagesToChat()
    if operation is Operation.RESPONSES:
        return ResponsesToAnthropic() if upstream == "anthropic" else ResponsesToChat()
    if upstream == "openai":
        return OpenAIPassthrough(operation)
    if operation is Operation.CHAT:
        return TranslatingExchange(openai_chat_to_anthropic, "openai", "anthropic")
    return None
