"""GPU memory through NVML, when the optional ``nvidia-ml-py`` package and a GPU are present."""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)


class GpuTelemetry:
    """Reads per-GPU memory use; ``available`` is False without the package or a driver."""

    def __init__(self) -> None:
        self._nvml: Any = None
        self.reason = ""
        try:
            import pynvml
        except ImportError:
            self.reason = "nvidia-ml-py is not installed (pip install 'bastion-gateway[gpu]')"
            return
        try:
            pynvml.nvmlInit()
        except Exception as exc:  # NVMLError_LibraryNotFound, _DriverNotLoaded, ...
            self.reason = f"NVML unavailable: {type(exc).__name__}"
            return
        self._nvml = pynvml

    @property
    def available(self) -> bool:
        return self._nvml is not None

    def read(self) -> list[dict[str, Any]]:
        nvml = self._nvml
        if nvml is None:
            return []
        gpus = []
        for index in range(nvml.nvmlDeviceGetCount()):
            handle = nvml.nvmlDeviceGetHandleByIndex(index)
            memory = nvml.nvmlDeviceGetMemoryInfo(handle)
            name = nvml.nvmlDeviceGetName(handle)
            gpus.append(
                {
                    "index": index,
                    "name": name.decode() if isinstance(name, bytes) else str(name),
                    "memory_used_bytes": int(memory.used),
                    "memory_total_bytes": int(memory.total),
                }
            )
        return gpus

    def describe(self) -> dict[str, Any]:
        if not self.available:
            return {"available": False, "reason": self.reason}
        try:
            return {"available": True, "gpus": self.read()}
        except Exception as exc:
            log.warning("NVML read failed", extra={"error": type(exc).__name__})
            return {"available": False, "reason": f"NVML read failed: {type(exc).__name__}"}
