"""The local spool: an append-only file that makes records durable in microseconds.

A response's records are durable once written here (page cache: they survive the process
being killed; with ``fsync`` also a power cut). A loader copies them into the database in
batches, off the request path. Each gateway process writes its own files and holds an
exclusive lock on the one it is writing, so a later process can tell a dead writer's
leftovers (lock free) from a live one's.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

SUFFIX = ".spool"


class SpoolFile:
    """The writer's end of one spool file."""

    def __init__(self, path: Path, *, fsync: bool) -> None:
        self.path = path
        self._fsync = fsync
        self._fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(self._fd)
            raise
        self.size = os.fstat(self._fd).st_size

    def append(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]
        if self._fsync:
            os.fsync(self._fd)
        self.size += len(data)

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)  # releases the lock
            self._fd = -1


def spool_files(directory: Path) -> list[Path]:
    """Every spool file, oldest first (names start with a sortable chain id and a number)."""
    if not directory.is_dir():
        return []
    return sorted(directory.glob(f"*{SUFFIX}"))


def is_abandoned(path: Path) -> bool:
    """True when no live process holds the file's lock."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return True
    finally:
        os.close(fd)


def read_lines(path: Path, offset: int, limit: int) -> tuple[list[bytes], int]:
    """Complete lines from ``offset``, up to about ``limit`` bytes, and the bytes consumed.

    A line without its newline is a write in progress (or torn by a crash): left unread.
    """
    with path.open("rb") as handle:
        handle.seek(offset)
        data = handle.read(limit)
    end = data.rfind(b"\n")
    if end < 0:
        if len(data) == limit:  # one line longer than the limit: read it whole
            with path.open("rb") as handle:
                handle.seek(offset)
                line = handle.readline()
            return ([line], len(line)) if line.endswith(b"\n") else ([], 0)
        return [], 0
    chunk = data[: end + 1]
    return chunk.splitlines(), len(chunk)
