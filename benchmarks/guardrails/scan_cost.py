"""What the PII scan costs per KB of prompt, on dense text and on prose.

    taskset -c 1 .venv/bin/python benchmarks/guardrails/scan_cost.py [--prompts 300] [--repeat 3]

Dense prompts are ~1 KB cut from the development documents (pii_real_dev*.jsonl, about
ten values per KB): documents are joined in file order and cut at the first line break past
1,024 characters. Prose is the 1 KB prompt of the overhead benchmark. Each prompt is scanned
`--repeat` times; reported are p50 and p95 of milliseconds per KB over the prompts, of each
prompt's first scan (as a gateway sees a new prompt: the code's caches warm, nothing of this
text remembered) and of its best scan (less of the machine's noise, but what the scan
remembers of a text, such as a phone number's validity, helps the repeats).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from bastion.guardrails.recognizers import scan, warm

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


def ms_per_kb(text: str, repeat: int) -> tuple[float, float]:
    """Milliseconds per KB of the first scan of `text` and of the best of `repeat`."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        scan(text)
        times.append(time.perf_counter() - start)
    per_kb = 1000 / (len(text.encode()) / 1024)
    return times[0] * per_kb, min(times) * per_kb


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prompts", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    prompts = dense_prompts(args.prompts + 20)
    prompts, others = prompts[: args.prompts], prompts[args.prompts :]
    warm()  # as the gateway does when it makes the inspect stage
    for text in others:
        scan(text)  # and a warm-up on other prompts: what warm() does not build ahead
    dense = [ms_per_kb(text, args.repeat) for text in prompts]
    first = [f for f, _ in dense]
    best = [b for _, b in dense]
    prose = [ms_per_kb(prose_prompt(), args.repeat)[1] for _ in range(50)]
    print(f"dense: {len(dense)} prompts of ~1 KB")
    for name, values in (("first scan", first), (f"best of {args.repeat}", best)):
        p50, p95 = percentile(values, 50), percentile(values, 95)
        print(f"  {name}: p50 {p50:.2f} ms/KB, p95 {p95:.2f} ms/KB")
    print(f"prose (overhead benchmark prompt): p50 {percentile(prose, 50):.3f} ms/KB")


if __name__ == "__main__":
    main()
