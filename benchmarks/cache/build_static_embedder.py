"""Builds the static word-piece table the semantic cache looks candidates up with.

A development step, like export_embedder.py, but it needs nothing beyond Bastion's own
dependencies (numpy, onnxruntime, tokenizers): it reads the sentence encoder Bastion ships
(``src/bastion/cache/models/minilm-l6-v2/model.int8.onnx``) and its tokenizer, and writes
``static.npz`` beside them::

    python benchmarks/cache/build_static_embedder.py

How the table is made:

1. Each of the 30,522 word pieces is run through the encoder alone, as ``[CLS] piece [SEP]``
   (one sequence per run, one thread), and its sentence vector kept: the mean-pooled,
   L2-normalised output of the model over those three positions. Special tokens and unused
   slots (ids below 999 but ``[UNK]``) get a zero row.
2. The rows are centred (the mean row subtracted) and projected on their principal
   components 2 to 129: the first component, shared by every piece, carries no meaning and
   makes every prompt look alike; 128 dimensions keep the file small.
3. Each row is multiplied by a weight that grows with the piece's rarity. From id 1996 ("the")
   on, the vocabulary is ordered by frequency, so the rank ``r = id - 1995`` (1 below that:
   single characters and punctuation) stands for it: ``w = (log(1 + r) / log(1 + r_max))²``.
   Pieces that are whole stop or filler words of ``bastion.cache.text`` ("the", "how",
   "please", "thanks"…) get a tenth of their weight: politeness should not move a prompt.
4. Each row is quantised to int8 with a scale of its own (its largest coordinate maps to 127):
   ``rows`` (int8, 30,522 by 128) and ``scales`` (float32) in an uncompressed ``.npz``, 4.0 MB.
   Against the float table, a prompt's vector keeps a cosine above 0.9998.

A prompt's static vector is then the sum of its pieces' rows, each times its scale, L2-normalised
(``bastion.cache.StaticEmbedder``). Every step is deterministic: the encoder is run on one
thread, one piece at a time, and the sign of each principal component is fixed (its largest
coordinate positive). The script prints the file's size and sha256, and checks a few
similarities.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import numpy as np
import onnxruntime as ort
from tokenizers import Tokenizer

from bastion.cache.text import FILLER, STOP_WORDS

MODEL = Path(__file__).parents[2] / "src/bastion/cache/models/minilm-l6-v2"
OUT = MODEL / "static.npz"
CLS, SEP, UNK = 101, 102, 100
FIRST_CHARACTER = 999  # ids below are special tokens and unused slots
FIRST_WORD = 1996  # "the": from here on the vocabulary is ordered by frequency
DIMENSIONS = 128
DROPPED = 1  # leading principal components left out
STOP_FACTOR = 0.1


def piece_vectors(model: Path, size: int) -> np.ndarray:
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    session = ort.InferenceSession(
        str(model / "model.int8.onnx"), options, providers=["CPUExecutionProvider"]
    )
    table = np.zeros((size, 384), dtype=np.float32)
    mask = np.ones((1, 3), dtype=np.int64)
    started = time.perf_counter()
    for piece in range(size):
        ids = np.array([[CLS, piece, SEP]], dtype=np.int64)
        (vector,) = session.run(None, {"input_ids": ids, "attention_mask": mask})
        table[piece] = vector[0]
    print(f"{size} pieces through the encoder in {time.perf_counter() - started:.1f} s")
    return table


def weights(tokenizer: Tokenizer, size: int) -> np.ndarray:
    rank = np.maximum(np.arange(size, dtype=np.float64) - (FIRST_WORD - 1), 1.0)
    w = (np.log1p(rank) / np.log1p(rank.max())) ** 2
    vocabulary = tokenizer.get_vocab()
    for word in STOP_WORDS | FILLER:
        piece = vocabulary.get(word)
        if piece is not None:
            w[piece] *= STOP_FACTOR
    return w


def build(model: Path = MODEL) -> np.ndarray:
    tokenizer = Tokenizer.from_file(str(model / "tokenizer.json"))
    size = tokenizer.get_vocab_size()
    raw = piece_vectors(model, size)
    real = np.ones(size, dtype=bool)
    real[:FIRST_CHARACTER] = False
    real[UNK] = True
    centred = raw - raw[real].mean(axis=0)
    _, _, components = np.linalg.svd(centred[real].astype(np.float64), full_matrices=False)
    basis = components[DROPPED : DROPPED + DIMENSIONS]
    # A component's sign is arbitrary (it may differ between LAPACK builds): fix it.
    largest = np.abs(basis).argmax(axis=1)
    basis *= np.sign(basis[np.arange(len(basis)), largest])[:, None]
    table = (centred @ basis.T) * weights(tokenizer, size)[:, None]
    table[~real] = 0.0
    return table


def quantise(table: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Rows as int8 with one float32 scale each (a zero row keeps scale 1)."""
    scales = np.abs(table).max(axis=1) / 127.0
    scales[scales == 0] = 1.0
    rows = np.round(table / scales[:, None]).astype(np.int8)
    return rows, scales.astype(np.float32)


def check(table: np.ndarray, rows: np.ndarray, scales: np.ndarray, model: Path = MODEL) -> None:
    tokenizer = Tokenizer.from_file(str(model / "tokenizer.json"))

    def vector(text: str, exact: bool = False) -> np.ndarray:
        ids = tokenizer.encode(text, add_special_tokens=False).ids
        if exact:
            v = table[ids].sum(axis=0)
        else:
            v = (rows[ids].astype(np.float32) * scales[ids, None]).sum(axis=0)
        return v / np.linalg.norm(v)

    pairs = [
        ("How do I reset my password?", "I forgot my password, how can I reset it?"),
        ("Summarise the plot of Hamlet.", "Give me a summary of the plot of Hamlet."),
        ("How do I reset my password?", "Write a haiku about the sea."),
        ("What is the refund window for annual plans?", "Explain quantum entanglement simply."),
    ]
    for a, b in pairs:
        print(f"{float(vector(a) @ vector(b)):6.3f}  {a!r} / {b!r}")
    agreement = min(float(vector(t) @ vector(t, exact=True)) for pair in pairs for t in pair)
    print(f"int8 against float: cosine >= {agreement:.5f}")


def main() -> None:
    table = build()
    rows, scales = quantise(table)
    with OUT.open("wb") as out:
        np.savez(out, rows=rows, scales=scales)
    data = OUT.read_bytes()
    print(f"wrote {OUT} rows {rows.shape} {rows.dtype}, scales {scales.dtype}: {len(data)} bytes")
    print(f"sha256 {hashlib.sha256(data).hexdigest()}")
    check(table, rows, scales)


if __name__ == "__main__":
    main()
