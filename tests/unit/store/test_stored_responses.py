"""Stored Responses API answers: per tenant, until they expire, chains read oldest first."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from bastion.store.models import StoredResponseRow
from bastion.store.responses import StoredResponse
from bastion.store.store import Store

NOW = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)


def stored(
    response_id: str,
    *,
    tenant: str = "ten_a",
    previous: str | None = None,
    text: str = "hi",
    expires: datetime = NOW + timedelta(days=30),
) -> StoredResponse:
    output: list[dict[str, Any]] = [
        {
            "type": "message",
            "id": f"msg_{response_id}",
            "role": "assistant",
            "content": [{"type": "output_text", "text": f"answer to {text}"}],
        }
    ]
    return StoredResponse(
        id=response_id,
        tenant_id=tenant,
        previous_id=previous,
        created_at=NOW,
        expires_at=expires,
        input_items=[{"type": "message", "role": "user", "content": text}],
        response={"id": response_id, "object": "response", "output": output},
    )


async def test_a_chain_is_read_oldest_first(store: Store) -> None:
    await store.responses.put(stored("resp_1", text="one"))
    await store.responses.put(stored("resp_2", previous="resp_1", text="two"))
    await store.responses.put(stored("resp_3", previous="resp_2", text="three"))
    items = await store.responses.conversation("ten_a", "resp_3", now=NOW)
    assert items is not None
    texts = [
        item["content"]
        if item["type"] == "message" and item["role"] == "user"
        else item["content"][0]["text"]
        for item in items
    ]
    assert texts == [
        "one", "answer to one", "two", "answer to two", "three", "answer to three",
    ]  # fmt: skip


async def test_another_tenants_response_is_not_found(store: Store) -> None:
    await store.responses.put(stored("resp_1", tenant="ten_a"))
    assert await store.responses.get("ten_b", "resp_1", now=NOW) is None
    assert await store.responses.conversation("ten_b", "resp_1", now=NOW) is None
    assert not await store.responses.delete("ten_b", "resp_1")
    assert await store.responses.get("ten_a", "resp_1", now=NOW) is not None


async def test_an_expired_or_deleted_link_breaks_the_chain(store: Store) -> None:
    await store.responses.put(stored("resp_1", expires=NOW + timedelta(minutes=1)))
    await store.responses.put(stored("resp_2", previous="resp_1"))
    later = NOW + timedelta(minutes=2)
    assert await store.responses.get("ten_a", "resp_1", now=later) is None
    assert await store.responses.conversation("ten_a", "resp_2", now=later) is None
    assert await store.responses.conversation("ten_a", "resp_2", now=NOW) is not None
    assert await store.responses.delete("ten_a", "resp_1")
    assert await store.responses.conversation("ten_a", "resp_2", now=NOW) is None
    assert await store.responses.purge_expired(NOW + timedelta(days=31)) == 1


async def test_strings_a_database_refuses_are_stored(store: Store) -> None:
    text = "a NUL \x00, a line separator \u2028 and an emoji \U0001f600"
    await store.responses.put(stored("resp_1", text=text))
    found = await store.responses.get("ten_a", "resp_1", now=NOW)
    assert found is not None
    assert found.input_items[0]["content"] == text


async def test_deleting_a_tenant_deletes_its_stored_answers(store: Store) -> None:
    """What its users wrote was kept for their conversations; nobody can reach it anymore."""
    acme = await store.tenants.create("acme")
    other = await store.tenants.create("other")
    await store.responses.put(stored("resp_acme", tenant=acme.id, text="patient Roe"))
    await store.responses.put(stored("resp_other", tenant=other.id))
    await store.tenants.delete(acme.id)
    async with store.engines.read.connect() as conn:
        ids = set((await conn.execute(select(StoredResponseRow.id))).scalars())
    assert ids == {"resp_other"}


async def test_tenants_have_their_own_ids(store: Store) -> None:
    """An engine passing its own ids through may give two tenants the same one: both are kept,
    each tenant reads, continues and deletes its own."""
    await store.responses.put(stored("resp_same", tenant="ten_a", text="from a"))
    await store.responses.put(stored("resp_same", tenant="ten_b", text="from b"))
    mine = await store.responses.get("ten_b", "resp_same", now=NOW)
    assert mine is not None and mine.input_items[0]["content"] == "from b"
    assert await store.responses.delete("ten_a", "resp_same")
    assert await store.responses.get("ten_a", "resp_same", now=NOW) is None
    items = await store.responses.conversation("ten_b", "resp_same", now=NOW)
    assert items is not None and items[0]["content"] == "from b"


async def test_answers_past_their_retention_are_deleted_in_the_background(store: Store) -> None:
    """Expired answers are invisible at once, and gone after the next purge: their text is not
    kept past the configured retention."""
    import asyncio

    from bastion.store.housekeeping import Housekeeping

    past = datetime.now(UTC) - timedelta(minutes=1)
    await store.responses.put(stored("resp_old", expires=past))
    await store.responses.put(stored("resp_new", expires=datetime.now(UTC) + timedelta(days=1)))
    housekeeping = Housekeeping(store.responses, every=0.05, first=0.0)
    housekeeping.start()
    try:
        for _ in range(100):
            async with store.engines.read.connect() as conn:
                ids = set((await conn.execute(select(StoredResponseRow.id))).scalars())
            if ids == {"resp_new"}:
                break
            await asyncio.sleep(0.05)
        assert ids == {"resp_new"}
    finally:
        await housekeeping.close()
