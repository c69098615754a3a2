"""Response cache: exact and guarded semantic lookups, hard-partitioned per tenant and request.

See docs/caching.md.
"""

from bastion.cache.backends import CacheBackend, IndexItem, MemoryBackend, RedisBackend
from bastion.cache.core import CacheHit, CacheSettings, CacheStats, ResponseCache
from bastion.cache.embedder import (
    Embedder,
    EmbeddingError,
    LexicalEmbedder,
    OnnxEmbedder,
    OpenAIEmbedder,
    StaticEmbedder,
    TwoStageEmbedder,
    Vector,
    cosine,
    default_embedder,
)
from bastion.cache.entry import CachedResponse, render_json, replay_sse
from bastion.cache.keys import (
    CacheKey,
    key_for_anthropic_messages,
    key_for_openai_chat,
    make_key,
)

__all__ = [
    "CacheBackend",
    "CacheHit",
    "CacheKey",
    "CacheSettings",
    "CacheStats",
    "CachedResponse",
    "Embedder",
    "EmbeddingError",
    "IndexItem",
    "LexicalEmbedder",
    "MemoryBackend",
    "OnnxEmbedder",
    "OpenAIEmbedder",
    "RedisBackend",
    "ResponseCache",
    "StaticEmbedder",
    "TwoStageEmbedder",
    "Vector",
    "cosine",
    "default_embedder",
    "key_for_anthropic_messages",
    "key_for_openai_chat",
    "make_key",
    "render_json",
    "replay_sse",
]
