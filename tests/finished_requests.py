"""A finished request as the live ring records it (telemetry/recent.py), for tests: defaults
for every field, the ones a test is about given by name."""

from __future__ import annotations

from bastion.telemetry.recent import Finished


def finished(seconds: float, **overrides: object) -> Finished:
    values: dict[str, object] = {
        "status": 200,
        "ok": True,
        "seconds": seconds,
        "ttft_seconds": None,
        "input_tokens": 10,
        "output_tokens": 5,
        "cache_status": "none",
        "refused_by": None,
        "classes": (),
        "tenant": "t",
        **overrides,
    }
    return Finished(**values)  # type: ignore[arg-type]
