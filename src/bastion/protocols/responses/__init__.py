"""The OpenAI Responses API (``POST /v1/responses``): request parsing and answer building.

``request``: a CreateResponse body → ``ResponsesRequest`` (typed input items, tools, formats),
with OpenAI-shaped 400s for what is malformed or cannot be run here (hosted tools).
``output``: ``ResponseWriter``, which builds the Response object and its stream events for the
translators ``protocols/translate/responses_to_openai_chat.py`` and ``responses_to_anthropic.py``.
``exchange``: ``ResponsesExchange``, one request's crossing to a chat or Anthropic backend.
``items``: a stored request's input items as ``GET /v1/responses/{id}/input_items`` lists them.
See docs/responses-api.md.
"""

from __future__ import annotations

from bastion.protocols.responses.output import ResponseWriter
from bastion.protocols.responses.request import (
    ResponsesRequest,
    check_call_ids,
    parse_create_response,
    with_history,
)

__all__ = [
    "ResponseWriter",
    "ResponsesRequest",
    "check_call_ids",
    "parse_create_response",
    "with_history",
]
