from __future__ import annotations

from bastion.sim.kv_cache import KVCache, KVSlots
from tests.unit.sim.conftest import prompt


def test_blocks_are_taken_and_given_back() -> None:
    kv = KVCache(num_blocks=8, block_size=4, enable_prefix_caching=False)
    slots = KVSlots()
    tokens = prompt(10)
    assert kv.allocate(slots, tokens, 10)
    assert len(slots.blocks) == 3
    assert kv.usage == 3 / 8
    assert kv.allocate(slots, [*tokens, 1, 2, 3], 13)  # growing into a fourth block
    assert len(slots.blocks) == 4
    kv.free(slots)
    assert kv.num_free == 8
    assert kv.usage == 0.0


def test_a_failed_allocation_changes_nothing() -> None:
    kv = KVCache(num_blocks=4, block_size=4, enable_prefix_caching=True)
    first, second = KVSlots(), KVSlots()
    assert kv.allocate(first, prompt(12), 12)
    assert not kv.allocate(second, prompt(8, salt=1), 8)
    assert second.blocks == []
    assert kv.num_free == 1


def test_shared_prefixes_share_reference_counted_blocks() -> None:
    kv = KVCache(num_blocks=16, block_size=4, enable_prefix_caching=True)
    tokens = prompt(13)
    owner = KVSlots()
    assert kv.find_cached(owner, tokens) == []
    assert kv.allocate(owner, tokens, 13)
    reader = KVSlots()
    cached = kv.find_cached(reader, [*tokens[:12], 99, 98])
    assert [b.id for b in cached] == [b.id for b in owner.blocks[:3]]
    assert kv.allocate(reader, [*tokens[:12], 99, 98], 14, cached)
    assert [b.ref_count for b in owner.blocks] == [2, 2, 2, 1]
    assert kv.num_free == 16 - 5
    kv.free(owner)
    assert [b.ref_count for b in reader.blocks[:3]] == [1, 1, 1]
    assert kv.hit_tokens == 12


def test_at_least_one_token_is_left_to_compute() -> None:
    kv = KVCache(num_blocks=8, block_size=4, enable_prefix_caching=True)
    tokens = prompt(8)
    first = KVSlots()
    assert kv.allocate(first, tokens, 8)
    kv.free(first)
    # Both blocks are cached, but the last token must still run to sample from.
    assert len(kv.find_cached(KVSlots(), tokens)) == 1


def test_freed_cached_blocks_stay_reusable_until_evicted_oldest_first() -> None:
    kv = KVCache(num_blocks=4, block_size=4, enable_prefix_caching=True)
    old, new = prompt(5, salt=1), prompt(5, salt=2)
    for tokens in (old, new):
        slots = KVSlots()
        assert kv.allocate(slots, tokens, 5)
        kv.free(slots)
    assert kv.num_cached_blocks == 2
    assert kv.usage == 0.0  # cached but unreferenced blocks count as free
    assert len(kv.find_cached(KVSlots(), old)) == 1
    # Two fresh blocks: the two partial (unhashed) blocks go first, then the oldest cached one.
    big = KVSlots()
    assert kv.allocate(big, prompt(12, salt=3), 12)
    assert kv.find_cached(KVSlots(), old) == []
    assert len(kv.find_cached(KVSlots(), new)) == 1


def test_chained_hashes_only_match_identical_prefixes() -> None:
    kv = KVCache(num_blocks=16, block_size=4, enable_prefix_caching=True)
    tokens = prompt(12)
    slots = KVSlots()
    assert kv.allocate(slots, tokens, 12)
    # Same second block, different first block: nothing matches.
    other = [*prompt(4, salt=9), *tokens[4:]]
    assert kv.find_cached(KVSlots(), other) == []
