"""Translators between client and backend wire protocols, one module per (client, backend) pair.

``openai_chat_to_anthropic``: OpenAI Chat Completions clients, Anthropic Messages backends.
``anthropic_to_openai_chat``: Anthropic Messages clients, OpenAI-compatible chat backends.

Each module offers ``translate_request``, ``translate_response``, ``translate_error`` and a
``StreamTranslator``; see docs/translation.md for the field mapping.
"""

from __future__ import annotations

__all__ = ["TranslationError"]


class TranslationError(ValueError):
    """A client request that cannot be expressed in the backend's protocol without changing it.

    The gateway answers it with a 400 in the client's own protocol; ``param`` names the offending
    field (OpenAI's ``error.param``), e.g. ``"n"`` or ``"messages[2].content[0]"``.
    """

    def __init__(self, message: str, param: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.param = param
