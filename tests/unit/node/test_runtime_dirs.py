"""A node's runtime directory (its workers' metrics, its socket) outlives a node killed with
SIGKILL; the next start removes such leftovers, and only those."""

from __future__ import annotations

from pathlib import Path

from bastion.journal.spool import FileLock
from bastion.supervisor import sweep_runtime_dirs


def _runtime(parent: Path, name: str, *, lock: bool = True) -> Path:
    path = parent / f"bastion-node-{name}"
    (path / "metrics").mkdir(parents=True)
    (path / "metrics" / "counter_1.db").write_bytes(b"\0" * 64)
    if lock:
        (path / "supervisor.lock").touch()
    return path


def test_only_the_leftovers_of_stopped_nodes_are_removed(tmp_path: Path) -> None:
    killed = _runtime(tmp_path, "killed")
    running = _runtime(tmp_path, "running")
    held = FileLock(running / "supervisor.lock")
    assert held.acquire(timeout=0)
    unlocked = _runtime(tmp_path, "being-created", lock=False)
    other = tmp_path / "something-else"
    other.mkdir()
    try:
        assert sweep_runtime_dirs(tmp_path) == [killed]
    finally:
        held.release()
    assert not killed.exists()
    assert running.exists() and unlocked.exists() and other.exists()
    assert sweep_runtime_dirs(tmp_path) == [running]  # its node has stopped since
