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
from bastion.protocols.responses.exchange import (
    ResponsesPassthrough,
    ResponsesToAnthropic,
    ResponsesToChat,
)
from bastion.protocols.translate import openai_chat_to_anthropic


def exchange_for(
    operation: Operation, upstream: WireProtocol, *, native_responses: bool = False
) -> Exchange | None:
    """The exchange serving ``operation`` on a backend speaking ``upstream``, if any.

    ``native_responses``: the backend serves the Responses API itself, and the answer may pass
    as it comes (no output guardrail rewrites it).
    """
    if operation is Operation.MESSAGES:
        if upstream == "anthropic":
            return AnthropicPassthrough()
        return MessagesToChat()
    if operation is Operation.RESPONSES:
        if upstream == "anthropic":
            return ResponsesToAnthropic()
        return ResponsesPassthrough() if native_responses else ResponsesToChat()
    if upstream == "openai":
        return OpenAIPassthrough(operation)
    if operation is Operation.CHAT:
        return TranslatingExchange(openai_chat_to_anthropic, "openai", "anthropic")
    return None
