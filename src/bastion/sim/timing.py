"""How long one engine step takes, in simulated seconds.

The curves are NVIDIA Dynamo mocker's default polynomials (see docs/simulator.md): prefill time
is quadratic in the step's new, uncached prompt tokens (attention is quadratic in length), and
decode time rises with the share of the KV cache in use (each step reads all of it).
"""

from __future__ import annotations

from bastion.sim.config import SimConfig


class TimingModel:
    def __init__(self, config: SimConfig) -> None:
        self._p0, self._p1, self._p2 = config.prefill_ms_coefficients
        self._d0, self._d1, self._d2 = config.decode_ms_coefficients
        self._min_decode_ms = config.min_decode_ms

    def prefill_seconds(self, new_tokens: int) -> float:
        if new_tokens <= 0:
            return 0.0
        t = float(new_tokens)
        return max(0.0, self._p0 + self._p1 * t + self._p2 * t * t) / 1000.0

    def decode_seconds(self, kv_usage: float) -> float:
        u = min(max(kv_usage, 0.0), 1.0)
        return max(self._min_decode_ms, self._d0 + self._d1 * u + self._d2 * u * u) / 1000.0

    def step_seconds(self, prefill_tokens: int, decode_seqs: int, kv_usage: float) -> float:
        """A mixed step pays for its prefill chunk and, if anything decodes, one decode pass."""
        seconds = self.prefill_seconds(prefill_tokens)
        if decode_seqs:
            seconds += self.decode_seconds(kv_usage)
        return seconds
