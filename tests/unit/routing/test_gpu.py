import importlib.util

import pytest

from bastion.routing.gpu import GpuTelemetry


def test_without_nvml_the_reason_is_given() -> None:
    telemetry = GpuTelemetry()
    if telemetry.available:
        pytest.skip("an NVIDIA driver is present: covered by the next test")
    described = telemetry.describe()
    assert described["available"] is False
    assert "nvidia-ml-py" in described["reason"] or "NVML" in described["reason"]
    assert telemetry.read() == []


@pytest.mark.skipif(importlib.util.find_spec("pynvml") is None, reason="nvidia-ml-py not installed")
def test_with_a_gpu_memory_is_reported() -> None:
    telemetry = GpuTelemetry()
    if not telemetry.available:
        pytest.skip(f"no GPU here: {telemetry.reason}")
    gpus = telemetry.describe()["gpus"]
    assert gpus and all(g["memory_total_bytes"] > 0 for g in gpus)
    assert all(0 <= g["memory_used_bytes"] <= g["memory_total_bytes"] for g in gpus)
