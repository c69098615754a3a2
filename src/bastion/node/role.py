"""What a worker process is told by its supervisor when it starts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class WorkerRole:
    index: int  # 0 .. workers - 1; a restarted worker keeps its number
    workers: int
    node_socket: Path
    # Only the first start of worker 0 prints the start-up banner (with the admin key the
    # supervisor created, if it created one): one banner per node, not per worker.
    banner: bool = False
    bootstrap_admin_key: str | None = None
