"""How fast ``bastion bench``'s sender keeps an open-loop schedule of non-streamed requests from
one core.

A canned HTTP/1.1 server (raw asyncio protocol on uvloop, a fixed chat.completion body) runs on
CPU 1; the sender (bastion.bench.sender, the one ``bastion bench run`` uses, with uvloop) runs
on CPU 0 and sends constant-rate levels. For each rate: the achieved send rate, the lag of
sends against the schedule (p50, p99, max), how many requests were sent more than the lag
tolerance (10 ms) late, whether the level kept its schedule (at most 1% late), and the
generator's CPU time per request.

    .venv/bin/python benchmarks/bench/throughput.py                 # 1000..5000 req/s, 10 s each
    .venv/bin/python benchmarks/bench/throughput.py --rates 2000 --duration 20
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

SERVER = r"""
import asyncio, sys, uvloop
BODY = (b'{"id":"chatcmpl-1","object":"chat.completion","created":0,"model":"m",'
        b'"choices":[{"index":0,"message":{"role":"assistant","content":"Hi."},'
        b'"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":2,'
        b'"total_tokens":14}}')
ANSWER = (b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: "
          + str(len(BODY)).encode() + b"\r\n\r\n" + BODY)

class Canned(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport, self.buffer = transport, b""
    def data_received(self, data):
        self.buffer += data
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            length = 0
            for line in self.buffer[:end].split(b"\r\n"):
                if line[:15].lower() == b"content-length:":
                    length = int(line[15:])
            if len(self.buffer) < end + 4 + length:
                return
            self.buffer = self.buffer[end + 4 + length:]
            self.transport.write(ANSWER)

async def main():
    server = await asyncio.get_running_loop().create_server(
        Canned, "127.0.0.1", int(sys.argv[1]), backlog=4096)
    print("ready", flush=True)
    await server.serve_forever()

uvloop.run(main())
"""


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def level(url: str, rate: float, duration: float) -> dict[str, object]:
    from bastion.bench.apis import ApiTarget
    from bastion.bench.metrics import compute
    from bastion.bench.prompts import SyntheticPrompts, parse_lengths
    from bastion.bench.sender import Sender
    from bastion.bench.shapes import Bounds, LoadShape

    target = ApiTarget(url, "chat", "m", stream=False)
    prompts = SyntheticPrompts(parse_lengths("8"), parse_lengths("2"))
    async with Sender(target, prompts) as sender:
        await sender.run(LoadShape("constant", rate=min(rate, 500)), Bounds(duration=1.0))
        cpu_before = resource.getrusage(resource.RUSAGE_SELF)
        started = time.perf_counter()
        records = await sender.run(LoadShape("constant", rate=rate), Bounds(duration=duration))
        wall = time.perf_counter() - started
        cpu_after = resource.getrusage(resource.RUSAGE_SELF)
    metrics = compute(records)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    lag = metrics.lag
    assert lag is not None
    assert metrics.e2e is not None
    return {
        "offered_rps": rate,
        "requests": metrics.requests,
        "failed": metrics.failed,
        "send_rate": round(metrics.send_rate, 1),
        "lag_p50_ms": round(lag.median * 1000, 3),
        "lag_p99_ms": round(lag.at(99.0) * 1000, 3),
        "lag_max_ms": round(lag.maximum * 1000, 3),
        "late_over_10ms": metrics.late,
        "kept_schedule": metrics.kept_schedule,
        "e2e_p50_ms": round(metrics.e2e.median * 1000, 3),
        "e2e_p99_ms": round(metrics.e2e.at(99.0) * 1000, 3),
        "generator_cpu_share": round(cpu / wall, 3),
        "generator_cpu_us_per_request": round(cpu / max(metrics.requests, 1) * 1e6, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rates", default="1000,2000,3000,4000,5000")
    parser.add_argument("--duration", type=float, default=10.0)
    parser.add_argument("--out", type=Path, help="also write the results as JSON lines")
    args = parser.parse_args()
    port = free_port()
    server = subprocess.Popen(
        ["taskset", "-c", "1", sys.executable, "-c", SERVER, str(port)], stdout=subprocess.PIPE
    )
    try:
        assert server.stdout is not None
        server.stdout.readline()
        os.sched_setaffinity(0, {0})
        import uvloop

        results = []
        for rate in (float(r) for r in args.rates.split(",")):
            result = uvloop.run(level(f"http://127.0.0.1:{port}", rate, args.duration))
            results.append(result)
            print(json.dumps(result), flush=True)
        if args.out:
            args.out.write_text("".join(json.dumps(r) + "\n" for r in results))
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
