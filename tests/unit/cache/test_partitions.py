"""Who may be served an entry: the same user by default, the tenant on shared endpoints, never
another tenant; first-person prompts stay per user everywhere."""

from __future__ import annotations

from typing import Any

import pytest

from bastion.cache import (
    CachedResponse,
    ResponseCache,
    key_for_anthropic_messages,
    key_for_openai_chat,
)
from bastion.cache.keys import CacheKey, first_person, personal


def openai(prompt: str, **fields: Any) -> dict[str, Any]:
    return {"model": "m", "messages": [{"role": "user", "content": prompt}], **fields}


def anthropic(prompt: str, **fields: Any) -> dict[str, Any]:
    return {
        "model": "m",
        "max_tokens": 64,
        "messages": [{"role": "user", "content": [{"type": "text", "text": prompt}]}],
        **fields,
    }


def key(protocol: str, prompt: str, *, tenant: str = "acme", **kw: Any) -> CacheKey:
    fields = kw.pop("fields", {})
    if protocol == "openai":
        found = key_for_openai_chat(tenant, "ep@1", openai(prompt, **fields), **kw)
    else:
        found = key_for_anthropic_messages(tenant, "ep@1", anthropic(prompt, **fields), **kw)
    assert found is not None
    return found


def answer(text: str) -> CachedResponse:
    return CachedResponse("openai_chat", "m", text, "stop", 1, 1)


PROTOCOLS = ["openai", "anthropic"]


@pytest.mark.parametrize("protocol", PROTOCOLS)
@pytest.mark.parametrize("semantic", [False, True])
async def test_entries_are_per_api_key_by_default(protocol: str, semantic: bool) -> None:
    cache = ResponseCache()
    prompt = "Summarise my open tickets"
    await cache.store(key(protocol, prompt, caller="key-a"), answer("A's tickets"), semantic=True)
    mine = await cache.lookup(key(protocol, prompt, caller="key-a"), semantic=semantic)
    assert mine is not None and mine.entry.text == "A's tickets"
    assert await cache.lookup(key(protocol, prompt, caller="key-b"), semantic=semantic) is None
    reworded = "summarise my open tickets please"
    assert await cache.lookup(key(protocol, reworded, caller="key-a"), semantic=True) is not None
    assert await cache.lookup(key(protocol, reworded, caller="key-b"), semantic=True) is None


@pytest.mark.parametrize(
    ("protocol", "alice", "bob"),
    [
        ("openai", {"user": "alice"}, {"user": "bob"}),
        ("openai", {"safety_identifier": "alice"}, {"safety_identifier": "bob"}),
        ("anthropic", {"metadata": {"user_id": "alice"}}, {"metadata": {"user_id": "bob"}}),
    ],
)
async def test_end_users_named_in_the_body_are_apart_under_one_key(
    protocol: str, alice: dict[str, Any], bob: dict[str, Any]
) -> None:
    cache = ResponseCache()
    prompt = "What is the capital of Austria?"
    await cache.store(key(protocol, prompt, caller="k", fields=alice), answer("x"), semantic=True)
    assert await cache.lookup(key(protocol, prompt, caller="k", fields=alice)) is not None
    assert await cache.lookup(key(protocol, prompt, caller="k", fields=bob), semantic=True) is None
    # ... unless the endpoint shares its answers: then the end user does not split entries
    await cache.store(
        key(protocol, prompt, caller="k", fields=alice, shared=True), answer("y"), semantic=True
    )
    shared = await cache.lookup(key(protocol, prompt, caller="k", fields=bob, shared=True))
    assert shared is not None and shared.entry.text == "y"


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_shared_endpoints_serve_every_user_of_the_tenant(protocol: str) -> None:
    cache = ResponseCache()
    prompt = "What payment methods do you accept?"
    stored = key(protocol, prompt, caller="key-a", shared=True)
    assert stored.scope == "tenant"
    await cache.store(stored, answer("cards"), semantic=True)
    exact = await cache.lookup(key(protocol, prompt, caller="key-b", shared=True))
    assert exact is not None and exact.entry.text == "cards"
    similar = key(
        protocol, "what payment methods do you accept, please?", caller="key-c", shared=True
    )
    assert await cache.lookup(similar, semantic=True) is not None
    # never another tenant, shared or not
    other = key(protocol, prompt, tenant="globex", caller="key-a", shared=True)
    assert await cache.lookup(other, semantic=True) is None
    # and a per-user endpoint does not see the shared entries
    assert await cache.lookup(key(protocol, prompt, caller="key-b"), semantic=True) is None


@pytest.mark.parametrize(
    "prompt",
    [
        "Summarise my open tickets",
        "What is on our roadmap?",
        "Can I get a refund?",
        "Show me the invoices",
        "Résume mes billets ouverts",
        "Fasse meine Tickets zusammen",
        "Resume mis tickets abiertos",
        "Riassumi i miei biglietti",
        "Resuma os meus bilhetes",
        "Vat mijn tickets samen",
        "Welche Rechnungen haben wir offen?",
        # Written so that a plain match misses it: hidden, full-width, look-alike letters.
        "Summarise o\u200bur open tickets",
        "Summarise ou\u00adr open tickets",
        "Summarise \uff4d\uff59 open tickets",
        "Summarise m\u0443 open tickets",
        "Summarise \U0001d426\U0001d432 open tickets",
    ],
)
@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_first_person_prompts_stay_per_user_on_shared_endpoints(
    protocol: str, prompt: str
) -> None:
    assert first_person(prompt)
    cache = ResponseCache()
    stored = key(protocol, prompt, caller="key-a", shared=True)
    assert stored.scope == "user"
    await cache.store(stored, answer("A's"), semantic=True)
    assert await cache.lookup(key(protocol, prompt, caller="key-a", shared=True)) is not None
    assert (
        await cache.lookup(key(protocol, prompt, caller="key-b", shared=True), semantic=True)
        is None
    )


@pytest.mark.parametrize(
    "prompt",
    [
        "What is the capital of Austria?",
        "Summarise the open tickets of project Apollo",
        "Quelle est la capitale de l'Autriche ?",
        "Was ist die Hauptstadt von Österreich?",
    ],
)
def test_impersonal_prompts_are_not_first_person(prompt: str) -> None:
    assert not first_person(prompt)


def test_earlier_turns_and_tool_results_make_a_request_personal() -> None:
    history = [
        {"role": "user", "content": "I run a bakery."},
        {"role": "assistant", "content": "Nice."},
        {"role": "user", "content": "Suggest a name."},
    ]
    assert personal(history)
    tool = [
        {"role": "user", "content": "What is the weather?"},
        {"role": "assistant", "content": None, "tool_calls": [{"id": "1"}]},
        {"role": "tool", "tool_call_id": "1", "content": "12 C in Oslo"},
        {"role": "user", "content": "Should a jacket be worn?"},
    ]
    assert personal(tool)
    anthropic_tool = [
        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "1", "content": "x"}]}
    ]
    assert personal(anthropic_tool)
    assert not personal([{"role": "user", "content": "Suggest a name for a bakery."}])
    found = key_for_openai_chat("acme", "ep@1", {"messages": tool}, caller="k", shared=True)
    assert found is not None and found.scope == "user"


async def test_tenants_never_share_entries_even_with_identical_users() -> None:
    cache = ResponseCache()
    for tenant in ("acme", "globex"):
        await cache.store(
            key("openai", "Summarise the Q3 plan", tenant=tenant, caller="same", shared=True),
            answer(tenant),
            semantic=True,
        )
    for tenant in ("acme", "globex"):
        hit = await cache.lookup(
            key("openai", "summarise the Q3 plan", tenant=tenant, caller="same", shared=True),
            semantic=True,
        )
        assert hit is not None and hit.entry.text == tenant
    assert (
        await cache.lookup(
            key("openai", "Summarise the Q3 plan", tenant="initech", caller="same", shared=True),
            semantic=True,
        )
        is None
    )
