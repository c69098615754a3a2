"""``POST /v1/embeddings``: deterministic unit vectors derived from a hash of each input."""

from __future__ import annotations

import base64
import hashlib
import math
import struct
import sys
from array import array
from typing import Any

import orjson
from starlette.types import Send

from bastion.sim import tokenizer
from bastion.sim.asgi import send_json
from bastion.sim.engine import ContextLengthError
from bastion.sim.errors import SimHTTPError
from bastion.sim.protocol import EmbeddingRequest
from bastion.sim.serving import InferenceEndpoint

_HALF_RANGE = 2**31 - 0.5


def embed(seed: int, key: bytes, dim: int) -> array[float]:
    """A unit-norm float32 vector that depends only on ``seed``, ``key`` and ``dim``."""
    raw = hashlib.shake_256(seed.to_bytes(8, "little", signed=True) + key).digest(dim * 4)
    values = [v / _HALF_RANGE - 1.0 for v in struct.unpack(f"<{dim}I", raw)]
    norm = math.sqrt(math.fsum(v * v for v in values)) or 1.0
    return array("f", [v / norm for v in values])


def _key(item: str | list[int]) -> bytes:
    if isinstance(item, str):
        return b"s" + item.encode()
    return b"t" + array("q", item).tobytes()


class EmbeddingEndpoint(InferenceEndpoint[EmbeddingRequest]):
    request_model = EmbeddingRequest

    async def serve(self, request: EmbeddingRequest, model: str, send: Send) -> None:
        inputs = request.inputs
        if not inputs:
            raise SimHTTPError(400, "The input must not be empty.", param="input")
        config = self.context.config
        dim = request.dimensions or config.embedding_dim
        if dim > config.embedding_dim:  # as engines and the OpenAI API answer
            raise SimHTTPError(
                400,
                f"dimensions must be at most {config.embedding_dim} for this model.",
                param="dimensions",
            )
        data: list[dict[str, Any]] = []
        total = 0
        for index, item in enumerate(inputs):
            tokens = tokenizer.count(item) if isinstance(item, str) else len(item)
            if tokens > config.max_model_len:
                raise ContextLengthError(
                    f"This model's maximum context length is {config.max_model_len} tokens. "
                    f"However, input {index} has {tokens} tokens. Please reduce the length "
                    "of the input."
                )
            total += tokens
            vector = embed(config.seed, _key(item), dim)
            if request.encoding_format == "base64":
                if sys.byteorder == "big":
                    vector.byteswap()  # base64 embeddings are little-endian float32
                value: Any = base64.b64encode(vector.tobytes()).decode()
            else:
                value = vector.tolist()
            data.append({"object": "embedding", "index": index, "embedding": value})
        # One forward pass over every input, priced like a prefill of the same size.
        await self.context.clock.sleep(self.engine.timing.prefill_seconds(total))
        body = {
            "object": "list",
            "data": data,
            "model": model,
            "usage": {"prompt_tokens": total, "total_tokens": total},
        }
        await send_json(send, 200, orjson.dumps(body))
