"""What the PII scan costs per KB of prompt, on dense text and on prose.

    taskset -c 1 .venv/bin/python benchmarks/guardrails/scan_cost.py [--prompts 300] [--repeat 3]

Dense prompts are ~1 KB cut from the development documents (pii_real_dev*.jsonl, about
ten values per KB): documents are joined in file order and cut at the first line break past
1,024 characters. Prose is the 1 KB prompt of the overhead benchmark. Each prompt is scanned
`--repeat` times and its best time kept (warm caches, as in a running gateway); reported are
p50 and p95 of milliseconds per KB over the prompts.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from bastion.guardrails.recognizers import scan

HERE = Path(__file__).resolve().parent
PROSE = HERE.parent / "overhead" / "request-1kb.json"


def dense_prompts(count: int) -> list[str]:
    prompts: list[str] = []
    current = ""
    for path in sorted(HERE.glob("pii_real_dev*.jsonl")):  # never the held-out split
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            current += json.loads(line)["text"] + "\n\n"
            while len(current) > 1024:
                cut = current.find("\n", 1024)
                cut = len(current) if cut < 0 else cut
                prompts.append(current[:cut])
                current = current[cut + 1 :]
                if len(prompts) == count:
                    return prompts
    return prompts


def prose_prompt() -> str:
    body = json.loads(PROSE.read_text(encoding="utf-8"))
    return "\n".join(str(m["content"]) for m in body["messages"])


def ms_per_kb(text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        scan(text)
        best = min(best, time.perf_counter() - start)
    return best * 1000 / (len(text.encode()) / 1024)


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prompts", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    prompts = dense_prompts(args.prompts)
    for text in prompts[:20]:
        scan(text)  # warm-up: compiled patterns, phone metadata, name lists
    dense = [ms_per_kb(text, args.repeat) for text in prompts]
    prose = [ms_per_kb(prose_prompt(), args.repeat) for _ in range(50)]
    print(f"dense: {len(dense)} prompts of ~1 KB")
    print(f"  p50 {percentile(dense, 50):.2f} ms/KB, p95 {percentile(dense, 95):.2f} ms/KB")
    print(f"prose (overhead benchmark prompt): p50 {percentile(prose, 50):.3f} ms/KB")


if __name__ == "__main__":
    main()
