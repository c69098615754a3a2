"""Embedders for the semantic cache: a sentence encoder shipped with Bastion (ONNX, int8, on
CPU), a static word-piece table distilled from it, the two chained (the static table finds
candidates, the encoder confirms them), a dependency-free lexical one, and an
OpenAI-compatible client.

A vector is either sparse (``dict[int, float]``, from :class:`LexicalEmbedder`) or dense
(``tuple[float, ...]``, from an embedding model). Both are L2-normalised when made, so cosine
similarity is a dot product. An empty vector means "nothing to compare" (a prompt longer than
the model reads): it is neither indexed nor looked up. Vectors are stored compactly with
:func:`encode_vector`.
"""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import logging
import math
import struct
import zlib
from array import array
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import aiohttp

from bastion.cache.text import STOP_WORDS, expand_contractions, stem, tokens

log = logging.getLogger(__name__)

SparseVector = dict[int, float]
DenseVector = tuple[float, ...]
Vector = SparseVector | DenseVector


@runtime_checkable
class Embedder(Protocol):
    """Turns prompts into normalised vectors. ``name`` identifies the vector space: vectors made
    by embedders of different names are never compared (the name is part of the index key)."""

    name: str

    async def embed(self, texts: Sequence[str]) -> list[Vector]: ...


def cosine(a: Vector, b: Vector) -> float:
    """Cosine similarity of two normalised vectors of the same kind (0.0 across kinds)."""
    if isinstance(a, dict):
        if not isinstance(b, dict):
            return 0.0
        # The key intersection runs in C; only shared features are multiplied.
        return sum([a[k] * b[k] for k in a.keys() & b.keys()])
    if isinstance(b, dict) or len(a) != len(b):
        return 0.0
    return math.fsum(x * y for x, y in zip(a, b, strict=True))


def _normalise_sparse(weights: dict[int, float]) -> SparseVector:
    norm = math.sqrt(sum(w * w for w in weights.values()))
    if norm == 0.0:
        return {}
    return {k: w / norm for k, w in weights.items()}


def _normalise_dense(values: Sequence[float]) -> DenseVector:
    norm = math.sqrt(math.fsum(v * v for v in values))
    if norm == 0.0:
        return tuple(0.0 for _ in values)
    return tuple(v / norm for v in values)


class LexicalEmbedder:
    """A dependency-free embedder for prompts: hashed, weighted lexical features.

    Features of a prompt, after contractions are expanded, casing dropped and words lightly
    stemmed (with a small synonym table): content-word unigrams (weight 1.0), stop words (0.15),
    word bigrams (0.6) and character trigrams of content words (0.25 spread over the word).
    Term frequency is sublinear (1 + log tf). Features are hashed (CRC-32, stable across
    processes) into ``2**bits`` buckets and the vector is L2-normalised.

    It captures wording, not meaning: paraphrases that reuse the words score high, synonyms
    outside its table do not. The guards, not this score, decide whether a candidate is safe.
    """

    def __init__(self, bits: int = 20) -> None:
        self.bits = bits
        self.name = f"lexical-v1-{bits}"
        self._mask = (1 << bits) - 1

    def _hash(self, feature: str) -> int:
        return zlib.crc32(feature.encode()) & self._mask

    def vector(self, text: str) -> SparseVector:
        words = [w.lower() for w in tokens(expand_contractions(text))]
        counts: dict[str, list[float]] = {}

        def add(feature: str, weight: float) -> None:
            slot = counts.setdefault(feature, [weight, 0.0])
            slot[1] += 1.0

        content: list[str] = []
        for w in words:
            if w in STOP_WORDS:
                add("s:" + w, 0.15)
                continue
            s = stem(w)
            content.append(s)
            add("u:" + s, 1.0)
            padded = f"<{w}>"
            grams = [padded[i : i + 3] for i in range(len(padded) - 2)]
            for g in grams:
                add("c:" + g, 0.25 / math.sqrt(len(grams)))
        for x, y in itertools.pairwise(content):
            add(f"b:{x} {y}", 0.6)
        weights: dict[int, float] = {}
        for feature, (base, tf) in counts.items():
            key = self._hash(feature)
            weights[key] = weights.get(key, 0.0) + base * (1.0 + math.log(tf))
        return _normalise_sparse(weights)

    async def embed(self, texts: Sequence[str]) -> list[Vector]:
        return [self.vector(t) for t in texts]


MODEL_DIR = Path(__file__).with_name("models") / "minilm-l6-v2"
STATIC_TABLE = "static.npz"


class OnnxEmbedder:
    """all-MiniLM-L6-v2 (Apache-2.0), shipped in this package as an int8 ONNX graph.

    A sentence encoder trained on paraphrase and question pairs: "refund window for annual
    plans" and "how long do I have to ask for a refund on a yearly plan" score high although
    they share few words. Runs on CPU through onnxruntime (one intra-op thread by default, in a
    worker thread of its own so the event loop is not blocked); tokenised by ``tokenizers``.
    Nothing is downloaded: the model and tokenizer files are read from ``model_dir``.

    Prompts longer than ``max_tokens`` word pieces (256, the length the model was trained on)
    get an empty vector: they are cached exactly only, never compared by meaning.
    """

    # A candidate needs this cosine similarity before the guards are asked. Tuned on the
    # evaluation set's tuning split (benchmarks/cache/): the near misses that pass every guard
    # score up to 0.80 there; 0.82 keeps a margin above them.
    threshold = 0.82

    def __init__(
        self, model_dir: Path | None = None, *, max_tokens: int = 256, threads: int = 1
    ) -> None:
        import onnxruntime  # type: ignore[import-untyped]
        from tokenizers import Tokenizer

        directory = model_dir if model_dir is not None else MODEL_DIR
        self.name = "minilm-l6-v2-int8"
        self.max_tokens = max_tokens
        self._tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self._tokenizer.no_padding()
        # Truncate one piece past the limit: a longer prompt is recognised and not embedded.
        self._tokenizer.enable_truncation(max_tokens + 1)
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        self._session = onnxruntime.InferenceSession(
            str(directory / "model.int8.onnx"), options, providers=["CPUExecutionProvider"]
        )
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cache-embedder")

    @property
    def tokenizer(self) -> Any:
        """The model's tokenizer (no padding; truncates one piece past ``max_tokens``)."""
        return self._tokenizer

    def pieces(self, text: str) -> tuple[int, ...] | None:
        """The word pieces the encoder reads for ``text`` (None: more than it reads). Two texts
        of the same pieces get the same vector: the model is uncased and its tokenizer drops
        invisible characters, so "Hi" and "hi\u200b" are one input to it."""
        ids = self._tokenizer.encode(text).ids
        return tuple(ids) if len(ids) <= self.max_tokens else None

    def vectors(self, texts: Sequence[str]) -> list[Vector]:
        """Embeds ``texts`` in this thread, one at a time: activations are quantised per
        batch, so a prompt embedded alone always gets the same vector."""
        import numpy as np

        out: list[Vector] = []
        for encoding in self._tokenizer.encode_batch(list(texts)):
            if len(encoding.ids) > self.max_tokens:
                out.append(())
                continue
            ids = np.array([encoding.ids], dtype=np.int64)
            feed = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
            (embeddings,) = self._session.run(None, feed)
            out.append(_normalise_dense(embeddings[0].tolist()))
        return out

    async def embed(self, texts: Sequence[str]) -> list[Vector]:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self.vectors, list(texts))

    async def close(self) -> None:
        self._executor.shutdown(wait=False)


class StaticEmbedder:
    """A static word-piece table distilled from the shipped encoder: the first, cheap stage.

    Each of the encoder's 30,522 word pieces was run through it alone; the vectors were
    centred, projected on 128 principal components and weighted by the piece's rarity (stop
    and filler words count a tenth), then stored as int8 rows with a scale each
    (``static.npz`` beside the model, 4 MB; ``benchmarks/cache/build_static_embedder.py``
    makes it). A prompt's vector is the sum of its pieces' rows, L2-normalised: one
    tokenisation and a gather, about 0.3 ms for 1 KB of English on one core.

    It ranks prompts by shared meaning well enough to find candidates, not to decide: its
    scores let lookalikes through that the encoder tells apart. :class:`TwoStageEmbedder` asks
    the encoder about the candidates it finds. Prompts longer than ``max_tokens`` word pieces
    (counting the encoder's two markers, as it does) get an empty vector, as they would there.
    """

    # The similarity a stored prompt needs to become a candidate for the encoder. Tuned on the
    # evaluation set's tuning split (benchmarks/cache/semantic_eval.py --tune): the pairs the
    # encoder alone serves there score at least 0.646 here; 0.60 leaves a margin under them.
    candidate_threshold = 0.60

    def __init__(
        self, model_dir: Path | None = None, *, max_tokens: int = 256, tokenizer: Any = None
    ) -> None:
        """``tokenizer``: the encoder's (:attr:`OnnxEmbedder.tokenizer`), to share one copy;
        by default the one in ``model_dir`` is loaded."""
        import numpy as np
        from tokenizers import Tokenizer

        directory = model_dir if model_dir is not None else MODEL_DIR
        path = directory / STATIC_TABLE
        with path.open("rb") as file:
            # The table's digest names the vector space: a rebuilt table never meets old vectors.
            digest = hashlib.file_digest(file, lambda: hashlib.blake2b(digest_size=6))
        with np.load(path, allow_pickle=False) as table:
            rows, scales = table["rows"], table["scales"]
        if rows.dtype != np.int8 or rows.ndim != 2 or scales.shape != (rows.shape[0],):
            raise ValueError(f"{path} is not a static embedding table")
        self._rows = rows
        self._scales = scales.astype(np.float32)
        self.dimensions = int(rows.shape[1])
        self.name = f"static-minilm-l6-v2-{digest.hexdigest()}"
        self.max_tokens = max_tokens
        if tokenizer is None:
            tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
            tokenizer.no_padding()
            tokenizer.no_truncation()
        # A prompt longer than max_tokens must still look longer: a tokenizer may truncate,
        # but only past max_tokens (the encoder's keeps one piece more).
        truncation = tokenizer.truncation
        if truncation is not None and truncation["max_length"] <= max_tokens:
            raise ValueError("the tokenizer truncates before max_tokens")
        self._tokenizer = tokenizer
        if self._tokenizer.get_vocab_size() != rows.shape[0]:
            raise ValueError(f"{path} does not match the tokenizer's vocabulary")

    def vectors(self, texts: Sequence[str]) -> list[Vector]:
        import numpy as np

        out: list[Vector] = []
        for text in texts:
            # One at a time: encode_batch's thread pool costs more than it saves here.
            ids = self._tokenizer.encode(text, add_special_tokens=False).ids
            if not ids or len(ids) + 2 > self.max_tokens:
                out.append(())
                continue
            index = np.asarray(ids, dtype=np.intp)
            summed = self._scales[index] @ self._rows[index].astype(np.float32)
            norm = float(np.sqrt(summed @ summed))
            out.append(tuple((summed / norm).tolist()) if norm > 0.0 else ())
        return out

    async def embed(self, texts: Sequence[str]) -> list[Vector]:
        # Cheap enough for the event loop (like the lexical embedder and the guards).
        return self.vectors(texts)


class TwoStageEmbedder:
    """Coarse to fine: ``coarse`` vectors are indexed and find candidates, ``fine`` confirms.

    ``embed`` returns the coarse vectors (what the cache indexes and scans). The cache asks
    ``confirm`` (the fine embedder) only for a candidate whose coarse similarity reaches
    ``candidate_threshold`` and that every guard lets through, and for each stored prompt
    once, in the background after its store (off the request path), keeping its fine vector
    with the index item: a confirmation embeds only the query. A candidate is
    served when its fine similarity reaches the cache's ``semantic_threshold`` (by default the
    fine embedder's own, :attr:`threshold`).

    ``name`` names both vector spaces, fine first (the guards relaxed are the fine embedder's).
    """

    def __init__(
        self, coarse: Embedder, fine: Embedder, *, candidate_threshold: float | None = None
    ) -> None:
        self.coarse = coarse
        self.fine = fine
        self.name = f"{fine.name}+{coarse.name}"
        self.threshold = default_threshold(fine)
        if candidate_threshold is None:
            candidate_threshold = float(getattr(coarse, "candidate_threshold", self.threshold))
        self.candidate_threshold = candidate_threshold

    async def embed(self, texts: Sequence[str]) -> list[Vector]:
        return await self.coarse.embed(texts)

    async def confirm(self, texts: Sequence[str]) -> list[Vector]:
        return await self.fine.embed(texts)

    def fine_pieces(self, text: str) -> tuple[int, ...] | None:
        """The word pieces the fine embedder reads for ``text`` (None: unknown, or more than it
        reads). Texts of the same pieces get the same vector from it: between them there is
        nothing to confirm."""
        pieces = getattr(self.fine, "pieces", None)
        return pieces(text) if pieces is not None else None

    async def close(self) -> None:
        for stage in (self.coarse, self.fine):
            close = getattr(stage, "close", None)
            if close is not None:
                await close()


def default_embedder(max_tokens: int = 256, *, two_stage: bool = True) -> Embedder:
    """The shipped sentence encoder behind the static table that finds its candidates (the
    encoder alone without ``two_stage``, or when the table cannot be loaded); the lexical
    embedder when the encoder cannot be loaded."""
    try:
        encoder = OnnxEmbedder(max_tokens=max_tokens)
    except Exception as exc:  # missing package or file, unreadable model
        log.warning(
            "semantic cache: the ONNX sentence embedder could not be loaded (%s: %s); "
            "using the lexical embedder instead (paraphrases match less often)",
            type(exc).__name__,
            exc,
        )
        return LexicalEmbedder()
    if not two_stage:
        return encoder
    try:
        static = StaticEmbedder(max_tokens=max_tokens, tokenizer=encoder.tokenizer)
    except Exception as exc:  # missing or unreadable table
        log.warning(
            "semantic cache: the static embedding table could not be loaded (%s: %s); "
            "the sentence encoder embeds every prompt instead (slower)",
            type(exc).__name__,
            exc,
        )
        return encoder
    return TwoStageEmbedder(static, encoder)


def default_threshold(embedder: Embedder) -> float:
    """The similarity an embedder's candidates need by default (0.80 unless it says)."""
    value = getattr(embedder, "threshold", 0.80)
    return float(value) if isinstance(value, int | float) else 0.80


class EmbeddingError(Exception):
    """The embedding endpoint failed, timed out or answered in an unexpected shape."""


class OpenAIEmbedder:
    """Vectors from an OpenAI-compatible ``POST {base_url}/embeddings`` (vLLM, TEI, llama.cpp…).

    One request per call, bounded by ``timeout_s``. Errors raise :class:`EmbeddingError`; the
    cache then treats the lookup as a miss.
    """

    def __init__(
        self,
        base_url: str,
        model: str,
        *,
        api_key: str | None = None,
        timeout_s: float = 2.0,
        session: aiohttp.ClientSession | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.name = f"openai:{model}"
        self._api_key = api_key
        self._timeout = aiohttp.ClientTimeout(total=timeout_s)
        self._session = session
        self._owned = session is None

    async def _client(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession()
            self._owned = True
        return self._session

    async def close(self) -> None:
        if self._owned and self._session is not None:
            await self._session.close()
        self._session = None

    async def embed(self, texts: Sequence[str]) -> list[Vector]:
        headers = {"Authorization": f"Bearer {self._api_key}"} if self._api_key else {}
        payload = {"model": self.model, "input": list(texts)}
        session = await self._client()
        try:
            async with session.post(
                f"{self.base_url}/embeddings", json=payload, headers=headers, timeout=self._timeout
            ) as response:
                if response.status != 200:
                    text = (await response.text())[:200]
                    raise EmbeddingError(f"embeddings endpoint answered {response.status}: {text}")
                body: Any = await response.json(content_type=None)
        except (TimeoutError, aiohttp.ClientError, ValueError) as exc:
            raise EmbeddingError(f"embeddings request failed: {type(exc).__name__}: {exc}") from exc
        try:
            rows = sorted(body["data"], key=lambda row: int(row.get("index", 0)))
            vectors: list[Vector] = [
                _normalise_dense([float(v) for v in row["embedding"]]) for row in rows
            ]
        except (KeyError, TypeError, ValueError) as exc:
            raise EmbeddingError(f"unexpected embeddings response: {exc}") from exc
        if len(vectors) != len(texts):
            raise EmbeddingError(f"asked for {len(texts)} embeddings, got {len(vectors)}")
        return vectors


def encode_vector(vector: Vector) -> bytes:
    """Compact bytes: b"S" + count + uint32 indices + float32 weights, or b"D" + float32s."""
    if isinstance(vector, dict):
        keys = array("I", vector.keys())
        values = array("f", vector.values())
        return b"S" + struct.pack("<I", len(keys)) + keys.tobytes() + values.tobytes()
    return b"D" + array("f", vector).tobytes()


def decode_vector(data: bytes) -> Vector:
    kind, body = data[:1], data[1:]
    if kind == b"S":
        (n,) = struct.unpack("<I", body[:4])
        keys = array("I")
        keys.frombytes(body[4 : 4 + 4 * n])
        values = array("f")
        values.frombytes(body[4 + 4 * n : 4 + 8 * n])
        return dict(zip(keys, values, strict=True))
    if kind == b"D":
        values = array("f")
        values.frombytes(body)
        return tuple(values)
    raise ValueError("not an encoded vector")
