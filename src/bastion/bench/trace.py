"""What one request of a run left behind: raw timestamps and counts, nothing derived.

Times are seconds from the run's start (``time.perf_counter`` based). ``scheduled`` is when the
load shape wanted the request sent; ``sent`` when the generator actually started it. Latencies
are measured from ``scheduled``, so a generator that falls behind its schedule shows up as
latency (and as lag, ``sent - scheduled``) instead of being hidden: no coordinated omission.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class RequestRecord:
    index: int
    scheduled: float
    sent: float = 0.0
    # Arrival of each chunk that carried output (text, tool call arguments, refusal), in order.
    chunks: list[float] = field(default_factory=list)
    # When the answer was complete (the last byte of the body or the stream's end event).
    end: float | None = None
    status: int = 0
    # None when the request succeeded; else its kind: http_429, http_5xx, timeout, connection,
    # stream_cut, bad_response, cancelled.
    error: str | None = None
    streamed: bool = True
    input_tokens: int | None = None
    cached_tokens: int | None = None
    output_tokens: int | None = None
    # The prompt's expected input length (synthetic and replayed prompts know it).
    expected_input_tokens: int | None = None
    # The answer's ``Server-Timing`` header, when the target sends one (Bastion does): the
    # seconds the request spent upstream and in the gateway itself up to the headers — a whole
    # answer's upstream time to the end of its body, a stream's to its first bytes.
    upstream: float | None = None
    gateway: float | None = None
    # The answer came from Bastion's simulator (its ``x-bastion-simulated: true`` header, or
    # ``system_fingerprint: bastion-sim``), not an engine.
    simulated: bool = False

    @property
    def ok(self) -> bool:
        return self.error is None and self.end is not None

    @property
    def lag(self) -> float:
        """How late the generator sent this request against its schedule."""
        return max(0.0, self.sent - self.scheduled)

    def to_json(self) -> dict[str, Any]:
        data = {
            "i": self.index,
            "scheduled": round(self.scheduled, 6),
            "sent": round(self.sent, 6),
            "chunks": [round(t, 6) for t in self.chunks],
            "end": None if self.end is None else round(self.end, 6),
            "status": self.status,
            "error": self.error,
            "streamed": self.streamed,
            "input_tokens": self.input_tokens,
            "cached_tokens": self.cached_tokens,
            "output_tokens": self.output_tokens,
            "upstream": None if self.upstream is None else round(self.upstream, 6),
            "gateway": None if self.gateway is None else round(self.gateway, 6),
        }
        if self.simulated:  # only then: an engine's records stay as they were
            data["simulated"] = True
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RequestRecord:
        return cls(
            index=int(data["i"]),
            scheduled=float(data["scheduled"]),
            sent=float(data["sent"]),
            chunks=[float(t) for t in data.get("chunks") or []],
            end=None if data.get("end") is None else float(data["end"]),
            status=int(data.get("status") or 0),
            error=data.get("error"),
            streamed=bool(data.get("streamed", True)),
            input_tokens=data.get("input_tokens"),
            cached_tokens=data.get("cached_tokens"),
            output_tokens=data.get("output_tokens"),
            upstream=None if data.get("upstream") is None else float(data["upstream"]),
            gateway=None if data.get("gateway") is None else float(data["gateway"]),
            simulated=bool(data.get("simulated")),
        )
