"""Workload generator for the routing benchmark: open-loop chat requests with Poisson arrivals.

Two shapes:
  shared  -- multi-tenant: each tenant's requests start with that tenant's long system prompt
             (the shape prefix caching and prefix-affine routing exist for);
  unique  -- the same sizes, but every prompt is different from its first word.

    python benchmarks/routing/workload.py shared --rate 6 --duration 60 > shared.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import asdict, dataclass
from typing import Any

# Common words of one to seven letters: each is one token for the simulator's tokenizer
# (and about one for real BPE vocabularies), so prompt sizes in tokens are predictable.
_VOCABULARY = (
    "the of and to in is you that it he was for on are as with his they at be this have from "
    "or one had by word but not what all were we when your can said there use an each which she "
    "do how their if will up other about out many then them these so some her would make like "
    "him into time has look two more write go see number no way could people my than first "
    "water been call who oil its now find long down day did get come made may part over new "
    "sound take only little work know place year live me back give most very after thing our "
    "just name good little man think say great where help through much before line right too "
    "mean old any same tell boy follow came want show also around form three small set put end "
    "does another well large must big even such because turn here why ask went men read need "
    "land differ home us move try kind hand picture again change off play spell air away animal"
)
_WORDS = tuple(dict.fromkeys(_VOCABULARY.split()))


@dataclass(frozen=True, slots=True)
class PlannedRequest:
    at: float  # seconds after the start
    tenant: str
    system: str
    question: str
    max_tokens: int


def _text(rng: random.Random, tokens: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(tokens))


def generate(
    shape: str,
    *,
    rate: float,
    duration: float,
    tenants: int = 12,
    prefix_tokens: int = 3000,
    question_tokens: int = 40,
    max_tokens: int = 64,
    seed: int = 0,
) -> list[PlannedRequest]:
    """Poisson arrivals at ``rate`` per second for ``duration`` seconds, tenants drawn uniformly."""
    rng = random.Random(seed)
    systems = [_text(random.Random(f"tenant-{t}-{seed}"), prefix_tokens) for t in range(tenants)]
    planned: list[PlannedRequest] = []
    at = rng.expovariate(rate)
    while at < duration:
        tenant = rng.randrange(tenants)
        question = _text(rng, question_tokens)
        if shape == "shared":
            system = systems[tenant]
        elif shape == "unique":
            system = _text(rng, prefix_tokens)
        else:
            raise ValueError(f"unknown workload shape {shape!r}")
        planned.append(PlannedRequest(at, f"tenant-{tenant}", system, question, max_tokens))
        at += rng.expovariate(rate)
    return planned


def chat_body(request: PlannedRequest, model: str) -> dict[str, Any]:
    return {
        "model": model,
        "messages": [
            {"role": "system", "content": request.system},
            {"role": "user", "content": request.question},
        ],
        "max_tokens": request.max_tokens,
        "stream": True,
        "stream_options": {"include_usage": True},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("shape", choices=["shared", "unique"])
    parser.add_argument("--rate", type=float, default=6.0, help="requests per second")
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--tenants", type=int, default=12)
    parser.add_argument("--prefix-tokens", type=int, default=3000)
    parser.add_argument("--question-tokens", type=int, default=40)
    parser.add_argument("--max-tokens", type=int, default=64)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    for request in generate(
        args.shape,
        rate=args.rate,
        duration=args.duration,
        tenants=args.tenants,
        prefix_tokens=args.prefix_tokens,
        question_tokens=args.question_tokens,
        max_tokens=args.max_tokens,
        seed=args.seed,
    ):
        sys.stdout.write(json.dumps(asdict(request)) + "\n")


if __name__ == "__main__":
    main()
