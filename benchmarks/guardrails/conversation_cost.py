"""What the input guardrails cost per turn of a coding agent's growing conversation.

A coding agent (Claude Code, Codex) sends the whole conversation with every turn: its system
prompt, every earlier question, answer, tool call and tool result, then the new turn. The
inspect stage (PII scan and injection score, the gateway's defaults) is run on each turn's body
as the gateway would, and its CPU time per turn is reported along the conversation.

The conversation is built from text nobody wrote for this script: the system prompt from the
project's own documentation (about 15 KB, as Claude Code's is), and each turn's tool result from
a source file of the package or a document of the PII development sets (one in three: records
with names, e-mails and numbers in them), cut to about 3 KB, with a short question and answer
around it.

    taskset -c 1 .venv/bin/python benchmarks/guardrails/conversation_cost.py [--turns 40]
        [--repeat 3]

Each turn is inspected ``--repeat`` times on fresh stages (nothing remembered between repeats
but what the stage keeps across requests within one conversation) and the best time kept.
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import json
import statistics
import time
from pathlib import Path
from typing import Any

from bastion.config.schema import GuardrailsConfig
from bastion.pipeline.context import RequestContext
from bastion.pipeline.stages.inspect import Inspect
from bastion.protocols.operations import Operation
from bastion.telemetry.metrics import GatewayMetrics

ROOT = Path(__file__).resolve().parents[2]
TOOL_RESULT_CHARS = 3000


def system_prompt() -> str:
    text = ""
    for path in sorted((ROOT / "docs").glob("*.md")):
        text += path.read_text(encoding="utf-8") + "\n"
        if len(text) >= 15_000:
            return text[:15_000]
    return text


def tool_results(count: int) -> list[str]:
    sources = sorted((ROOT / "src" / "bastion").rglob("*.py"))
    documents: list[str] = []
    for name in ("pii_real_dev.jsonl", "pii_real_dev2.jsonl"):
        lines = (ROOT / "benchmarks" / "guardrails" / name).read_text(encoding="utf-8")
        documents += [json.loads(line)["text"] for line in lines.splitlines() if line.strip()]
    results: list[str] = []
    for turn in range(count):
        if turn % 3 == 2:
            text = ""
            while len(text) < TOOL_RESULT_CHARS:
                text += documents[(turn * 7 + len(text)) % len(documents)] + "\n\n"
        else:
            text = sources[turn * 5 % len(sources)].read_text(encoding="utf-8")
        results.append(text[:TOOL_RESULT_CHARS])
    return results


def conversation(turns: int) -> list[dict[str, Any]]:
    """The request body of every turn, each the previous one plus a question, a tool call and
    its result."""
    messages: list[dict[str, Any]] = [{"role": "system", "content": system_prompt()}]
    bodies = []
    for turn, result in enumerate(tool_results(turns)):
        messages.append({"role": "user", "content": f"Turn {turn}: what does the next file do?"})
        arguments = json.dumps({"turn": turn})
        call = {"id": f"call_{turn}", "type": "function",
                "function": {"name": "read_file", "arguments": arguments}}  # fmt: skip
        messages.append({"role": "assistant", "content": None, "tool_calls": [call]})
        messages.append({"role": "tool", "tool_call_id": f"call_{turn}", "content": result})
        bodies.append({"model": "coder", "messages": copy.deepcopy(messages)})
        messages.append({"role": "assistant", "content": f"It handles part {turn} of the work."})
    return bodies


async def inspect_turns(bodies: list[dict[str, Any]]) -> tuple[list[float], list[int]]:
    """Milliseconds of CPU per turn, one stage inspecting the turns in order; and the turns
    left unclassified (the scan outran its time limit: kept on local backends)."""
    stage = Inspect(GuardrailsConfig(), GatewayMetrics())
    times = []
    unclassified = []
    try:
        for number, body in enumerate(bodies):
            ctx = RequestContext(f"req_{number}", Operation.CHAT, {}, b"")
            ctx.body = copy.deepcopy(body)
            ctx.model = "coder"
            started = time.process_time()
            await stage.on_request(ctx)
            times.append((time.process_time() - started) * 1000)
            if not ctx.classified:
                unclassified.append(number + 1)
    finally:
        await stage.close()
    return times, unclassified


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--turns", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    bodies = conversation(args.turns)
    runs = [asyncio.run(inspect_turns(bodies)) for _ in range(args.repeat)]
    best = [min(times[i] for times, _ in runs) for i in range(args.turns)]
    sizes = [len(json.dumps(body)) / 1024 for body in bodies]
    print(f"{'turn':>5} {'body KB':>8} {'inspect ms (CPU)':>17}")
    for turn in sorted({0, 4, 9, 19, 29, args.turns - 1} & set(range(args.turns))):
        print(f"{turn + 1:>5} {sizes[turn]:>8.1f} {best[turn]:>17.2f}")
    print(
        f"all {args.turns} turns: {sum(best):.1f} ms of CPU, "
        f"median {statistics.median(best):.2f} ms per turn"
    )
    failed = sorted({turn for _, turns in runs for turn in turns})
    print(f"turns left unclassified (scan past its time limit) in any run: {failed or 'none'}")


if __name__ == "__main__":
    main()
