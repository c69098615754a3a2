"""The paged KV cache: a pool of fixed-size blocks, with vLLM-style automatic prefix caching.

A sequence holds one block per ``block_size`` tokens it has computed or is about to compute.
With prefix caching, every full block is keyed by a chained hash (its parent's hash and its own
token ids), so two prompts sharing a prefix share those blocks. Blocks are reference-counted;
a block nobody references goes back to the free queue but keeps its hash, and stays reusable
until it is evicted, least recently freed first.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Sequence as SequenceOf
from dataclasses import dataclass, field


@dataclass(slots=True, eq=False)
class Block:
    id: int
    ref_count: int = 0
    hash: int | None = None


@dataclass(slots=True, eq=False)
class KVSlots:
    """A sequence's share of the cache: its blocks and the hashes of its full blocks."""

    blocks: list[Block] = field(default_factory=list)
    hashes: list[int] = field(default_factory=list)
    registered: int = 0
    salt: int = 0  # the first block's parent: sequences share blocks only with the same salt


def salt_of(cache_salt: str) -> int:
    """A request's ``cache_salt`` as a block hash parent (stable across processes)."""
    return int.from_bytes(hashlib.sha256(cache_salt.encode()).digest()[:8], "big") | 1


class KVCache:
    def __init__(self, num_blocks: int, block_size: int, enable_prefix_caching: bool) -> None:
        self.num_blocks = num_blocks
        self.block_size = block_size
        self.prefix_caching = enable_prefix_caching
        # Insertion order is eviction order: the front is evicted first.
        self._free: OrderedDict[int, Block] = OrderedDict((i, Block(i)) for i in range(num_blocks))
        self._by_hash: dict[int, Block] = {}
        self.query_tokens = 0
        self.hit_tokens = 0

    @property
    def num_free(self) -> int:
        return len(self._free)

    @property
    def usage(self) -> float:
        """Share of blocks held by sequences (cached but unreferenced blocks count as free)."""
        return 1.0 - len(self._free) / self.num_blocks

    @property
    def num_cached_blocks(self) -> int:
        return len(self._by_hash)

    def blocks_for(self, num_tokens: int) -> int:
        return -(-num_tokens // self.block_size)

    def find_cached(self, slots: KVSlots, token_ids: SequenceOf[int]) -> list[Block]:
        """The longest run of cached blocks at the start of ``token_ids`` (no side effects).

        At least one token is always left to compute, as the engine needs it to sample from.
        """
        if not self.prefix_caching:
            return []
        usable = (len(token_ids) - 1) // self.block_size
        self._extend_hashes(slots, token_ids, usable)
        found: list[Block] = []
        for block_hash in slots.hashes[:usable]:
            block = self._by_hash.get(block_hash)
            if block is None:
                break
            found.append(block)
        self.query_tokens += len(token_ids)
        self.hit_tokens += len(found) * self.block_size
        return found

    def allocate(
        self,
        slots: KVSlots,
        token_ids: SequenceOf[int],
        num_tokens: int,
        cached: SequenceOf[Block] = (),
    ) -> bool:
        """Give ``slots`` blocks for ``num_tokens`` tokens, reusing ``cached`` ones first.

        Returns False, changing nothing, when there are not enough free blocks.
        """
        reviving = sum(1 for b in cached if b.ref_count == 0)
        needed = self.blocks_for(num_tokens) - len(slots.blocks) - len(cached)
        if needed > len(self._free) - reviving:
            return False
        for block in cached:
            if block.ref_count == 0:
                del self._free[block.id]
            block.ref_count += 1
            slots.blocks.append(block)
        for _ in range(max(0, needed)):
            _, block = self._free.popitem(last=False)
            if block.hash is not None:
                if self._by_hash.get(block.hash) is block:
                    del self._by_hash[block.hash]
                block.hash = None
            block.ref_count = 1
            slots.blocks.append(block)
        if cached:
            slots.registered = max(slots.registered, len(cached))
        if self.prefix_caching:
            self._register(slots, token_ids, num_tokens // self.block_size)
        return True

    def free(self, slots: KVSlots) -> None:
        # Tail blocks first, so a sequence's last blocks are evicted before its shared prefix.
        for block in reversed(slots.blocks):
            block.ref_count -= 1
            if block.ref_count == 0:
                self._free[block.id] = block
                if block.hash is None:
                    self._free.move_to_end(block.id, last=False)
        slots.blocks.clear()
        slots.registered = 0

    def reset_prefix_cache(self) -> None:
        for block in self._by_hash.values():
            block.hash = None
        self._by_hash.clear()

    def _register(self, slots: KVSlots, token_ids: SequenceOf[int], full_blocks: int) -> None:
        """Make the sequence's full blocks findable by their hash."""
        if full_blocks <= slots.registered:
            return
        self._extend_hashes(slots, token_ids, full_blocks)
        for i in range(slots.registered, full_blocks):
            block = slots.blocks[i]
            block_hash = slots.hashes[i]
            if block.hash is None and block_hash not in self._by_hash:
                block.hash = block_hash
                self._by_hash[block_hash] = block
        slots.registered = full_blocks

    def _extend_hashes(self, slots: KVSlots, token_ids: SequenceOf[int], full_blocks: int) -> None:
        size = self.block_size
        hashes = slots.hashes
        for i in range(len(hashes), full_blocks):
            parent = hashes[i - 1] if i else slots.salt
            # Hashes of int tuples are stable across processes, unlike those of str.
            hashes.append(hash((parent, *token_ids[i * size : (i + 1) * size])))
