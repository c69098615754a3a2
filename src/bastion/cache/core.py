"""The response cache: exact lookups, and opt-in semantic lookups that guards keep honest."""

from __future__ import annotations

import asyncio
import logging
import operator
import time
from collections import OrderedDict
from collections.abc import Awaitable
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from bastion.cache import guards
from bastion.cache.backends import CacheBackend, IndexItem, MemoryBackend
from bastion.cache.embedder import (
    Embedder,
    EmbeddingError,
    LexicalEmbedder,
    TwoStageEmbedder,
    Vector,
    cosine,
    decode_vector,
    encode_vector,
)
from bastion.cache.entry import CachedResponse
from bastion.cache.keys import CacheKey

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class CacheSettings:
    ttl_s: float = 3600.0
    # Cosine similarity a semantic candidate needs before the guards are asked; with a
    # two-stage embedder, the fine (confirming) similarity it needs to be served.
    semantic_threshold: float = 0.80
    # How many candidates above the threshold are tried (best first) before giving up; with a
    # two-stage embedder, how many candidates that pass the guards the fine embedder confirms.
    semantic_candidates: int = 5
    # With a two-stage embedder, the coarse similarity a stored prompt needs to become a
    # candidate (None: the embedder's own ``candidate_threshold``).
    candidate_threshold: float | None = None
    # Most recent prompts kept in a partition's semantic index.
    index_limit: int = 1000
    # Answers larger than this are not cached.
    max_entry_bytes: int = 256 * 1024
    # Last user messages longer than this are cached exactly only.
    max_query_chars: int = 2000
    disabled_guards: frozenset[str] = frozenset()
    # Longest wait for one backend operation (None: unbounded, for the in-memory backend).
    backend_timeout_s: float | None = None
    # After a backend failure, lookups and stores skip the backend this long (an outage costs
    # one timeout per period, not one per request).
    backend_retry_s: float = 5.0
    # With a two-stage embedder, a stored prompt's fine vector may be made after the store, in
    # the background (the embedder's own thread, off the request path), so that the first
    # lookup it is a candidate for embeds only the query. Off by default: every store would
    # then cost an encoder run (25 ms of CPU per KB) whether or not the prompt is ever a
    # candidate; worth it where stores are few and rewordings of them many.
    fine_at_store: bool = False


@dataclass(slots=True)
class CacheStats:
    exact_hits: int = 0
    semantic_hits: int = 0
    misses: int = 0
    # A semantic candidate above the threshold refused by a guard (one count per lookup; with
    # a two-stage embedder, above the candidate threshold, before the fine embedder is asked).
    guard_rejections: int = 0
    guard_rejections_by_guard: dict[str, int] = field(default_factory=dict)
    stores: int = 0
    store_skips: int = 0
    errors: int = 0
    # Lookups and stores skipped because the backend failed recently.
    skipped: int = 0
    # Two-stage embedder: lookups that asked the fine embedder (a candidate passed the
    # guards), and prompts it embedded (queries, and stored prompts once each), of which in
    # the background after a store.
    confirmations: int = 0
    fine_embeddings: int = 0
    fine_embeddings_at_store: int = 0
    # Lookups served without the fine embedder: a candidate that passed the guards reads as
    # the same word pieces to it as the query (only case or invisible characters differ).
    same_for_encoder: int = 0


@dataclass(frozen=True, slots=True)
class CacheHit:
    entry: CachedResponse
    kind: Literal["exact", "semantic"]
    similarity: float = 1.0
    matched_query: str | None = None


class CacheBackendError(Exception):
    """The backend failed or took longer than ``backend_timeout_s``."""


class ResponseCache:
    """Exact and semantic response cache, hard-partitioned by :class:`CacheKey`.

    ``lookup`` and ``store`` never raise for backend or embedder failures: they count an error
    and behave as a miss / a skipped store, so the cache can only ever cost a lookup. Backend
    operations are bounded by ``backend_timeout_s``; after a failure the backend is left alone
    for ``backend_retry_s``, then tried again.
    """

    def __init__(
        self,
        backend: CacheBackend | None = None,
        *,
        embedder: Embedder | None = None,
        settings: CacheSettings | None = None,
    ) -> None:
        self.backend: CacheBackend = backend if backend is not None else MemoryBackend()
        self.embedder: Embedder = embedder if embedder is not None else LexicalEmbedder()
        self.settings = settings or CacheSettings()
        self.stats = CacheStats()
        self._vectors: OrderedDict[str, Vector] = OrderedDict()
        # Fine vectors of recent queries (two-stage embedder), encoded (1.5 KB for 384
        # floats): a store after a lookup that made one keeps it with the item, so no later
        # lookup makes it again.
        self._fine_vectors: OrderedDict[str, bytes] = OrderedDict()
        self._stacked = _Stacked()
        # Stored prompts whose fine vector is being made in the background, by (index, member).
        self._making: dict[tuple[str, str], asyncio.Task[Vector | None]] = {}
        self._resting_until = 0.0  # monotonic time before which the backend is not called

    @property
    def backend_available(self) -> bool:
        return time.monotonic() >= self._resting_until

    async def _backend(self, operation: Awaitable[T]) -> T:
        try:
            async with asyncio.timeout(self.settings.backend_timeout_s):
                result = await operation
        except Exception as exc:
            if self.backend_available:
                log.warning(
                    "cache backend failed (%s); lookups and stores skip it for %.0f s",
                    str(exc) or type(exc).__name__,
                    self.settings.backend_retry_s,
                )
            self._resting_until = time.monotonic() + self.settings.backend_retry_s
            raise CacheBackendError(str(exc)) from exc
        return result

    @staticmethod
    def _entry_key(key: CacheKey) -> str:
        return f"{key.tenant_tag}:x:{key.exact}"

    def _index_key(self, key: CacheKey) -> str:
        return f"{key.tenant_tag}:i:{key.partition}:{self.embedder.name}"

    def _semantic_allowed(self, key: CacheKey, semantic: bool, has_pii: bool) -> bool:
        return (
            semantic
            and not has_pii
            and key.query is not None
            and 0 < len(key.query) <= self.settings.max_query_chars
        )

    async def _vector(self, text: str) -> Vector:
        found = self._vectors.get(text)
        if found is not None:
            self._vectors.move_to_end(text)
            return found
        (vector,) = await self.embedder.embed([text])
        _remember(self._vectors, text, vector)
        return vector

    async def _fine_vector(self, text: str, embedder: TwoStageEmbedder) -> Vector:
        found = self._fine_vectors.get(text)
        if found is not None:
            self._fine_vectors.move_to_end(text)
            return decode_vector(found)
        (vector,) = await embedder.confirm([text])
        self.stats.fine_embeddings += 1
        _remember(self._fine_vectors, text, encode_vector(vector))
        return vector

    @property
    def _two_stage(self) -> TwoStageEmbedder | None:
        embedder = self.embedder
        return embedder if isinstance(embedder, TwoStageEmbedder) else None

    async def _read(self, entry_key: str, key: CacheKey) -> CachedResponse | None:
        data = await self._backend(self.backend.get(entry_key))
        if data is None:
            return None
        entry = CachedResponse.from_bytes(data)
        # Defence in depth: the partition travels with the entry and must match.
        return entry if entry.partition == key.partition else None

    async def lookup(
        self, key: CacheKey, *, semantic: bool = False, has_pii: bool = False
    ) -> CacheHit | None:
        """Exact lookup, then (when ``semantic`` and not ``has_pii``) a guarded semantic one."""
        if not self.backend_available:
            self.stats.skipped += 1
            self.stats.misses += 1
            return None
        try:
            entry = await self._read(self._entry_key(key), key)
            if entry is not None:
                self.stats.exact_hits += 1
                return CacheHit(entry, "exact", 1.0, key.query)
            if self._semantic_allowed(key, semantic, has_pii):
                assert key.query is not None
                hit = await self._semantic(key, key.query)
                if hit is not None:
                    self.stats.semantic_hits += 1
                    return hit
        except CacheBackendError:
            self.stats.errors += 1  # logged once per outage by _backend
        except (EmbeddingError, OSError, ValueError, TypeError) as exc:
            self.stats.errors += 1
            log.warning("cache lookup failed: %s", exc)
        except Exception as exc:  # a cache must not fail a request
            self.stats.errors += 1
            log.warning("cache lookup failed: %s: %s", type(exc).__name__, exc)
        self.stats.misses += 1
        return None

    async def _semantic(self, key: CacheKey, query: str) -> CacheHit | None:
        index = self._index_key(key)
        items = await self._backend(self.backend.index_items(index))
        if not items:
            return None
        vector = await self._vector(query)
        if not vector:
            return None  # nothing the embedder can compare (e.g. longer than it reads)
        two_stage = self._two_stage
        threshold = self.settings.semantic_threshold
        if two_stage is not None:
            chosen = self.settings.candidate_threshold
            threshold = chosen if chosen is not None else two_stage.candidate_threshold
        scored = _similar(vector, items, threshold, self._stacked.get(index, items, vector))
        if not scored:
            return None
        scored.sort(key=lambda pair: pair[0], reverse=True)
        query_features = guards.extract(query)
        limit = self.settings.semantic_candidates
        rejected: str | None = None
        hit: CacheHit | None = None
        if two_stage is None:
            for score, item in scored[:limit]:
                verdict = guards.check(
                    query_features, item.text, disabled=self.settings.disabled_guards
                )
                if verdict is not None:
                    rejected = rejected or verdict
                    continue
                entry = await self._read(item.member, key)
                if entry is not None:
                    hit = CacheHit(entry, "semantic", score, item.text)
                    break
        else:
            # The guards cost microseconds, the fine embedder milliseconds: it is asked only
            # about candidates every guard lets through. A candidate is served when it passes
            # both, whichever is asked first.
            passed: list[IndexItem] = []
            for _, item in scored[: limit * _CHECKS_PER_CANDIDATE]:
                verdict = guards.check(
                    query_features, item.text, disabled=self.settings.disabled_guards
                )
                if verdict is not None:
                    rejected = rejected or verdict
                    continue
                passed.append(item)
                if len(passed) == limit:
                    break
            if passed:
                hit = await self._same_for_encoder(key, query, passed, two_stage)
            if passed and hit is None:
                for score, item in await self._confirm(index, query, passed, two_stage):
                    entry = await self._read(item.member, key)
                    if entry is not None:
                        hit = CacheHit(entry, "semantic", score, item.text)
                        break
        if hit is None and rejected is not None:
            self.stats.guard_rejections += 1
            by_guard = self.stats.guard_rejections_by_guard
            by_guard[rejected] = by_guard.get(rejected, 0) + 1
        return hit

    async def _same_for_encoder(
        self, key: CacheKey, query: str, candidates: list[IndexItem], embedder: TwoStageEmbedder
    ) -> CacheHit | None:
        """A candidate the fine embedder would read as the same input as ``query`` (case and
        invisible characters apart), served without running it: its vector would be the
        query's. A word piece's tokenisation costs a fraction of a millisecond, the encoder
        about 25 ms per KB."""
        pieces = embedder.fine_pieces(query)
        if pieces is None:
            return None
        for item in candidates:
            if embedder.fine_pieces(item.text) == pieces:
                entry = await self._read(item.member, key)
                if entry is not None:
                    self.stats.same_for_encoder += 1
                    return CacheHit(entry, "semantic", 1.0, item.text)
        return None

    async def _confirm(
        self, index: str, query: str, candidates: list[IndexItem], embedder: TwoStageEmbedder
    ) -> list[tuple[float, IndexItem]]:
        """The candidates whose fine similarity to ``query`` reaches the semantic threshold,
        best first. A stored prompt's fine vector is made after its store, in the background
        (awaited here if still being made), or else the first time it is a candidate; it is
        kept by the backend with its item."""
        fine = await self._fine_vector(query, embedder)
        if not fine:
            return []  # longer than the fine embedder reads
        self.stats.confirmations += 1
        known = await self._backend(
            self.backend.index_fine(index, [item.member for item in candidates])
        )
        vectors = [decode_vector(data) if data is not None else None for data in known]
        for i, v in enumerate(vectors):
            making = self._making.get((index, candidates[i].member)) if v is None else None
            if making is not None:  # being made after its store: wait rather than make it twice
                vectors[i] = await asyncio.shield(making)
        missing = [i for i, v in enumerate(vectors) if v is None]
        if missing:
            made = await embedder.confirm([candidates[i].text for i in missing])
            self.stats.fine_embeddings += len(missing)
            for i, made_vector in zip(missing, made, strict=True):
                vectors[i] = made_vector
                data = encode_vector(made_vector)
                await self._backend(self.backend.index_set_fine(index, candidates[i].member, data))
        threshold = self.settings.semantic_threshold
        confirmed = []
        for item, stored in zip(candidates, vectors, strict=True):
            if stored:
                score = cosine(fine, stored)
                if score >= threshold:
                    confirmed.append((score, item))
        confirmed.sort(key=lambda pair: pair[0], reverse=True)
        return confirmed

    async def store(
        self,
        key: CacheKey,
        response: CachedResponse,
        *,
        semantic: bool = False,
        has_pii: bool = False,
    ) -> bool:
        """Store an answer under ``key``; index it for semantic lookups when allowed."""
        stamped = CachedResponse(
            protocol=response.protocol,
            model=response.model,
            text=response.text,
            finish_reason=response.finish_reason,
            input_tokens=response.input_tokens,
            output_tokens=response.output_tokens,
            created=response.created or time.time(),
            partition=key.partition,
        )
        data = stamped.to_bytes()
        if len(data) > self.settings.max_entry_bytes:
            self.stats.store_skips += 1
            return False
        if not self.backend_available:
            self.stats.skipped += 1
            return False
        entry_key = self._entry_key(key)
        try:
            await self._backend(self.backend.set(entry_key, data, self.settings.ttl_s))
            if self._semantic_allowed(key, semantic, has_pii):
                assert key.query is not None
                vector = await self._vector(key.query)
                item = IndexItem(entry_key, key.query, vector)
                if not vector:
                    self.stats.stores += 1
                    return True  # stored for exact lookups; nothing to index
                # Kept when this prompt's lookup made it; else made after the store returns.
                two_stage = self._two_stage
                fine = self._fine_vectors.get(key.query) if two_stage else None
                index = self._index_key(key)
                await self._backend(
                    self.backend.index_add(
                        index, item, self.settings.index_limit, self.settings.ttl_s, fine=fine
                    )
                )
                if two_stage is not None and fine is None and self.settings.fine_at_store:
                    self._make_later(index, entry_key, key.query, two_stage)
        except CacheBackendError:
            self.stats.errors += 1
            return False
        except Exception as exc:  # a cache must not fail a request
            self.stats.errors += 1
            log.warning("cache store failed: %s: %s", type(exc).__name__, exc)
            return False
        self.stats.stores += 1
        return True

    def _make_later(self, index: str, member: str, text: str, embedder: TwoStageEmbedder) -> None:
        """Makes a stored prompt's fine vector in the background and keeps it with its item.
        At most ``_MAKING_LIMIT`` at a time: past that (a burst of stores), the first lookup
        that needs one makes it, as it would without ``fine_at_store``."""
        slot = (index, member)
        if slot in self._making or len(self._making) >= _MAKING_LIMIT:
            return
        task = asyncio.create_task(self._make_fine(index, member, text, embedder))
        self._making[slot] = task
        task.add_done_callback(lambda _: self._making.pop(slot, None))

    async def _make_fine(
        self, index: str, member: str, text: str, embedder: TwoStageEmbedder
    ) -> Vector | None:
        try:
            (vector,) = await embedder.confirm([text])
            self.stats.fine_embeddings += 1
            self.stats.fine_embeddings_at_store += 1
            await self._backend(self.backend.index_set_fine(index, member, encode_vector(vector)))
        except Exception as exc:  # the lookup that needs it makes it then
            self.stats.errors += 1
            log.warning(
                "cache: a stored prompt's fine vector failed: %s: %s", type(exc).__name__, exc
            )
            return None
        return vector

    async def settled(self) -> None:
        """Waits until the fine vectors being made after stores are made (tests, benchmarks)."""
        while self._making:
            await asyncio.gather(*self._making.values(), return_exceptions=True)

    async def close(self) -> None:
        for task in list(self._making.values()):
            task.cancel()
        await self.backend.close()
        close = getattr(self.embedder, "close", None)
        if close is not None:
            await close()


# With a two-stage embedder, the guards check up to this many candidates per one the fine
# embedder may confirm (semantic_candidates), best coarse similarity first.
_CHECKS_PER_CANDIDATE = 8

# Fine vectors of stored prompts made in the background at once, at most (see _make_later).
_MAKING_LIMIT = 256


def _remember(memo: OrderedDict[str, T], text: str, vector: T) -> None:
    memo[text] = vector
    while len(memo) > 1024:
        memo.popitem(last=False)


class _Stacked:
    """The dense vectors of recently searched indexes, stacked into one matrix each, kept while
    the index holds the same items (the backends hand out the same item objects until the
    index changes): a lookup then scores its index with one product, without restacking.

    Most lookups miss and store their prompt, so an index changes between one lookup and the
    next by a few items added at one end and dropped at the other (the memory backend adds at
    the end, Redis at the front). The rows of the items it still holds are then reused and only
    the new items' vectors stacked: restacking a full index of 1,000 items cost a lookup about
    half a millisecond, as much as the rest of it.
    """

    def __init__(self, indexes: int = 32, min_items: int = 64) -> None:
        self._memo: OrderedDict[str, tuple[list[IndexItem], list[IndexItem], Any]] = OrderedDict()
        self._indexes = indexes
        self._min_items = min_items

    def get(
        self, index: str, items: list[IndexItem], vector: Vector
    ) -> tuple[list[IndexItem], Any] | None:
        """The items with a dense vector as long as ``vector``, and their matrix."""
        if isinstance(vector, dict) or len(items) < self._min_items:
            return None
        found = self._memo.get(index)
        if found is not None and found[2].shape[1] == len(vector):
            old, same, matrix = found
            if len(old) == len(items) and all(map(operator.is_, old, items)):
                self._memo.move_to_end(index)
                return same, matrix
            if len(same) == len(old):  # every old item has a row: its rows can be reused
                moved = _moved(old, items)
                if moved is not None:
                    updated = _restacked(matrix, items, *moved)
                    if updated is not None:
                        return self._keep(index, items, items, updated)
        same = [item for item in items if item.dense is not None and len(item.dense) == len(vector)]
        if not same:
            return None
        import numpy as np  # only semantic lookups need it (see backends._float32)

        return self._keep(index, items, same, np.stack([item.dense for item in same]))

    def _keep(
        self, index: str, items: list[IndexItem], same: list[IndexItem], matrix: Any
    ) -> tuple[list[IndexItem], Any]:
        self._memo[index] = (items, same, matrix)
        self._memo.move_to_end(index)
        while len(self._memo) > self._indexes:
            self._memo.popitem(last=False)
        return same, matrix


# How far into an index the items kept from its last lookup are looked for: as many items as
# may be added between two lookups of one partition.
_MOVED_WINDOW = 256


def _moved(old: list[IndexItem], new: list[IndexItem]) -> tuple[int, int, int] | None:
    """``(at, start, count)`` when ``new[at:at + count]`` is ``old[start:start + count]`` and
    the rest of ``new`` lies before and after that run (items added at either end, others
    dropped at the other); None when the index changed otherwise."""
    first = new[0]
    for start in range(min(len(old), _MOVED_WINDOW)):
        if old[start] is first:
            count = min(len(old) - start, len(new))
            if all(map(operator.is_, old[start : start + count], new)):
                return 0, start, count
            return None
    head = old[0]
    for at in range(1, min(len(new), _MOVED_WINDOW)):
        if new[at] is head:
            count = min(len(old), len(new) - at)
            if all(map(operator.is_, old[:count], new[at : at + count])):
                return at, 0, count
            return None
    return None


def _restacked(matrix: Any, items: list[IndexItem], at: int, start: int, count: int) -> Any:
    """The matrix of ``items``: the kept run's rows reused, the added items' stacked (None if
    an added item has no vector of the matrix's width)."""
    import numpy as np  # only semantic lookups need it (see backends._float32)

    width = matrix.shape[1]
    added = items[:at] + items[at + count :]
    if any(item.dense is None or len(item.dense) != width for item in added):
        return None
    parts = []
    if at:
        parts.append(np.stack([item.dense for item in items[:at]]))
    parts.append(matrix[start : start + count])
    if at + count < len(items):
        parts.append(np.stack([item.dense for item in items[at + count :]]))
    return np.concatenate(parts) if len(parts) > 1 else parts[0]


def _similar(
    vector: Vector,
    items: list[IndexItem],
    threshold: float,
    stacked: tuple[list[IndexItem], Any] | None = None,
) -> list[tuple[float, IndexItem]]:
    """The items whose cosine similarity to ``vector`` reaches ``threshold``.

    This loop is most of a semantic lookup's time. Dense vectors are scored in one matrix
    product (``stacked``: the items' matrix, already made). For sparse vectors, only shared
    features count, found by intersecting precomputed feature sets. And most items are skipped
    without that: take the query's heaviest features until what remains of its squared norm
    is below ``threshold``². An item sharing none of them can score at most the norm of the
    rest (Cauchy-Schwarz, the item's norm being 1), which is below the threshold, so it is
    skipped exactly, never by guess.
    """
    if not isinstance(vector, dict):
        import numpy as np  # only semantic lookups need it (see backends._float32)

        if stacked is not None:
            same, matrix = stacked
        else:
            same = [
                item for item in items if item.dense is not None and len(item.dense) == len(vector)
            ]
            if not same:
                return []
            matrix = np.stack([item.dense for item in same])
        scores = matrix @ np.asarray(vector, dtype=np.float32)
        return [(float(scores[i]), same[i]) for i in np.flatnonzero(scores >= threshold).tolist()]
    query_features = frozenset(vector)
    needed = _must_share(vector, threshold)
    weight = vector.__getitem__
    found = []
    for item in items:
        features = item.features
        if needed is not None and needed.isdisjoint(features):
            continue
        shared = query_features & features
        if shared:
            other = item.vector
            assert isinstance(other, dict)
            score = sum([weight(k) * other[k] for k in shared])
            if score >= threshold:
                found.append((score, item))
    return found


def _must_share(vector: dict[int, float], threshold: float) -> frozenset[int] | None:
    """The fewest heaviest features of ``vector`` whose removal leaves a norm below
    ``threshold`` (with a margin for rounding); None when there are none such."""
    if threshold <= 0:
        return None
    limit = (threshold / (1 + 1e-9)) ** 2
    rest = sum(w * w for w in vector.values())
    chosen = []
    for key, value in sorted(vector.items(), key=lambda kv: kv[1] * kv[1], reverse=True):
        if rest < limit:
            break
        chosen.append(key)
        rest -= value * value
    return frozenset(chosen) if rest < limit else None
