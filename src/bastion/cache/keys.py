"""Cache keys: the hard partition a request belongs to and its exact key.

A *partition* is everything about a request except its last user message: the tenant, who
asks (the API key and the end user the request names, unless the endpoint's answers are
shared), the endpoint version (or model), the client protocol, the system prompt, every other
request parameter (temperature, top_p, max_tokens, seed, tools, response_format, stop…) and
the whole conversation before the last user turn. Two requests in different partitions never
share an entry, whatever their similarity. The *exact key* adds the last user message, byte
for byte. The semantic lookup only ever compares last user messages within one partition.

Answers are per user by default: "summarise my open tickets" means something else for each
caller. An endpoint may declare its answers shared by every user of a tenant (never across
tenants); even there, a request that speaks in the first person ("my", "our", "mes", "meine",
"mis"…) or carries tool results stays per user.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Literal

import orjson

from bastion.hiding import CONFUSABLES, INVISIBLE

KEY_SCHEME = "bastion-cache-v2"

# Body fields that do not change the answer's content. Everything else is partitioned on.
_TRANSPORT_FIELDS = frozenset({"stream", "stream_options"})
# OpenAI body fields that name the end user; they go into the scope, not the parameters.
_OPENAI_USER_FIELDS = ("user", "safety_identifier")

# Words that make a request about its author, in English, French, German, Spanish, Italian,
# Portuguese and Dutch. Ambiguous ones ("us", "mes", "ma") are kept: a false alarm only keeps
# an answer private.
_FIRST_PERSON_WORDS = (
    "i me my mine myself we us our ours ourselves im ive id ill",  # English
    "je j moi me m mon ma mes nous notre nos mien mienne miens miennes",  # French
    "ich mich mir mein meine meinen meinem meiner meines wir uns unser unsere unseren unserem "
    "unserer unseres",  # German
    "yo mi mis mío mía míos mías conmigo nosotros nosotras nuestro nuestra nuestros nuestras",
    "io mio mia miei mie noi ci nostro nostra nostri nostre",  # Italian
    "eu meu minha meus minhas nós nosso nossa nossos nossas comigo",  # Portuguese
    "ik mij mijn wij ons onze",  # Dutch
)
FIRST_PERSON = frozenset(" ".join(_FIRST_PERSON_WORDS).split())
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_TOOL_ROLES = frozenset({"tool", "function"})
_TOOL_PARTS = frozenset({"tool_result", "tool_use"})


def _digest(*parts: bytes) -> str:
    h = hashlib.blake2b(digest_size=20)
    for part in parts:
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    return h.hexdigest()


def _canonical(value: Any) -> bytes:
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)


def tenant_tag(tenant: str) -> str:
    """A short, stable namespace for a tenant's keys (the raw name never reaches the store)."""
    return _digest(KEY_SCHEME.encode(), b"tenant", tenant.encode())[:16]


@dataclass(frozen=True, slots=True)
class CacheKey:
    tenant: str
    tenant_tag: str
    partition: str
    exact: str
    # The last user message as text, when it is text only; the semantic lookup's query.
    query: str | None
    # "user": entries serve the same caller only; "tenant": any user of the tenant.
    scope: Literal["user", "tenant"] = "user"


# Letters of other scripts that look like Latin ones, read as those.
_LOOKALIKES = str.maketrans(CONFUSABLES)


def first_person(text: str) -> bool:
    """The text speaks about its author: "my tickets", "our plan", "mes billets", "I"… A text
    with characters that render as nothing ("o\u200bur") counts as one: what it hides cannot
    be read, and an answer kept per user costs only a repeated call."""
    if INVISIBLE.search(text) is not None:
        return True
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_LOOKALIKES)
    return any(w in FIRST_PERSON for w in _WORD.findall(folded))


def _texts(content: Any) -> list[str]:
    if isinstance(content, str):
        return [content]
    if isinstance(content, list):
        return [str(p.get("text", "")) for p in content if isinstance(p, dict)]
    return []


def personal(messages: list[Any]) -> bool:
    """Whether the answer may depend on who asks even where answers are shared: a user turn in
    the first person, or tool calls and results (data fetched for this caller)."""
    for message in messages:
        if not isinstance(message, dict):
            return True
        role = message.get("role")
        content = message.get("content")
        if role in _TOOL_ROLES or message.get("tool_calls") or message.get("function_call"):
            return True
        if isinstance(content, list) and any(
            isinstance(p, dict) and p.get("type") in _TOOL_PARTS for p in content
        ):
            return True
        if role == "user" and any(first_person(t) for t in _texts(content)):
            return True
    return False


def make_key(
    *,
    tenant: str,
    endpoint: str,
    protocol: str,
    system: Any,
    messages: list[Any],
    params: dict[str, Any],
    user: str = "",
    shared: bool = False,
) -> CacheKey | None:
    """The key of a chat request, or ``None`` when it is not cacheable (no final user turn).

    ``user`` identifies who asks (the API key and the end user the request names). It is part
    of the partition unless ``shared`` (the endpoint's answers are the same for everyone in the
    tenant) and the request is not :func:`personal`.
    """
    if not messages or not isinstance(messages[-1], dict) or messages[-1].get("role") != "user":
        return None
    last = messages[-1]
    scope: Literal["user", "tenant"] = "tenant" if shared and not personal(messages) else "user"
    partition = _digest(
        KEY_SCHEME.encode(),
        tenant.encode(),
        scope.encode(),
        (user if scope == "user" else "").encode(),
        endpoint.encode(),
        protocol.encode(),
        _canonical(system),
        _canonical({k: v for k, v in params.items() if k not in _TRANSPORT_FIELDS}),
        _canonical(messages[:-1]),
        _canonical({k: v for k, v in last.items() if k != "content"}),
    )
    content = last.get("content")
    exact = _digest(partition.encode(), _canonical(content))
    return CacheKey(
        tenant=tenant,
        tenant_tag=tenant_tag(tenant),
        partition=partition,
        exact=exact,
        query=_text_only(content),
        scope=scope,
    )


def _text_only(content: Any) -> str | None:
    if isinstance(content, str):
        return content
    if isinstance(content, list) and content:
        texts = []
        for part in content:
            if not isinstance(part, dict) or part.get("type") != "text":
                return None
            if set(part) - {"type", "text"}:
                return None  # e.g. cache_control: keep such requests exact-only
            texts.append(str(part.get("text", "")))
        return "\n".join(texts)
    return None


def _who(caller: str, end_user: Any) -> str:
    return _canonical([caller, end_user]).decode()


def key_for_openai_chat(
    tenant: str, endpoint: str, body: dict[str, Any], *, caller: str = "", shared: bool = False
) -> CacheKey | None:
    """Key for an OpenAI ``/v1/chat/completions`` body. System messages stay in the message
    list (their position matters). Requests for several choices (``n`` > 1) are not cached.

    ``caller`` is the API key's id; with the body's ``user`` (or ``safety_identifier``) it
    names who asks. ``shared``: the endpoint's answers are shared by the tenant's users.
    """
    if body.get("n") not in (None, 1):
        return None
    messages = body.get("messages")
    if not isinstance(messages, list):
        return None
    skip = {"messages", *_OPENAI_USER_FIELDS}
    params = {k: v for k, v in body.items() if k not in skip}
    end_user = [body.get(k) for k in _OPENAI_USER_FIELDS]
    return make_key(
        tenant=tenant,
        endpoint=endpoint,
        protocol="openai_chat",
        system=None,
        messages=messages,
        params=params,
        user=_who(caller, end_user),
        shared=shared,
    )


def key_for_anthropic_messages(
    tenant: str, endpoint: str, body: dict[str, Any], *, caller: str = "", shared: bool = False
) -> CacheKey | None:
    """Key for an Anthropic ``/v1/messages`` body. ``caller`` is the API key's id; with
    ``metadata.user_id`` it names who asks. ``shared`` as for :func:`key_for_openai_chat`."""
    messages = body.get("messages")
    if not isinstance(messages, list):
        return None
    params = {k: v for k, v in body.items() if k not in ("messages", "system", "metadata")}
    metadata = body.get("metadata")
    end_user = None
    if isinstance(metadata, dict):
        end_user = metadata.get("user_id")
        rest = {k: v for k, v in metadata.items() if k != "user_id"}
        if rest:
            params["metadata"] = rest
    elif metadata is not None:
        params["metadata"] = metadata
    return make_key(
        tenant=tenant,
        endpoint=endpoint,
        protocol="anthropic_messages",
        system=body.get("system"),
        messages=messages,
        params=params,
        user=_who(caller, end_user),
        shared=shared,
    )
