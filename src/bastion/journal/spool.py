"""The local spool: an append-only file that makes records durable in microseconds.

A response's records are durable once written here (page cache: they survive the process
being killed; with ``fsync`` also a power cut). A loader copies them into the database in
batches, off the request path. Each gateway process writes its own files and holds an
exclusive lock on the one it is writing, so a later process can tell a dead writer's
leftovers (lock free) from a live one's.

Every file starts with a header line naming the database its records belong to (see
``bastion.store.identity``); a loader leaves other databases' files alone. An append is all
or nothing: when a write fails part way, the bytes it left are cut off again before anything
else is appended to the file, so a later record is never glued to a torn one.
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path
from types import TracebackType
from typing import Any

import orjson

SUFFIX = ".spool"
QUARANTINE_DIR = "quarantine"
_HEADER_KEY = "h"
_HEADER_MAX_BYTES = 4096


class TornSpoolError(OSError):
    """A failed append left bytes that could not be cut off: the file takes no more appends."""


class SpoolFile:
    """The writer's end of one spool file."""

    def __init__(self, path: Path, *, fsync: bool, header: bytes | None = None) -> None:
        self.path = path
        self._fsync = fsync
        # Read-write: if the file is deleted while in use, its records are read back from here.
        self._fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(self._fd)
            raise
        self.size = os.fstat(self._fd).st_size
        self._torn = False  # a failed append's bytes could not be cut off
        if header is not None and self.size == 0:
            try:
                self.append(header)
            except OSError:
                self.close()
                raise

    def append(self, data: bytes) -> None:
        """Appends ``data`` (one line) whole, or raises.

        A write that fails part way leaves a prefix without its newline, which no loader
        reads: it is cut off at once, or, if that fails too, the file takes no more appends
        (``TornSpoolError``; the writer moves on to a new file, and the loader discards the
        torn tail once the file is closed). A complete write whose ``fsync`` fails stays: a
        loader may already have read it, and a record of an unacknowledged response is
        allowed, never the other way round; the writer moves on to a new file all the same.
        """
        start = self.size
        if self._torn:
            raise TornSpoolError(f"{self.path.name} ends with a torn append that was not cut")
        view = memoryview(data)
        try:
            while view:
                written = os.write(self._fd, view)
                view = view[written:]
        except BaseException:
            self._cut(start)
            raise
        self.size = start + len(data)
        if self._fsync:
            os.fsync(self._fd)

    @property
    def deleted(self) -> bool:
        """Whether the file was removed from its directory while open (no loader would ever
        read what is appended to it)."""
        return self._fd >= 0 and os.fstat(self._fd).st_nlink == 0

    def records(self) -> bytes:
        """What was appended after the header: whole lines only."""
        data = os.pread(self._fd, self.size, 0)
        start = data.find(b"\n") + 1 if data.startswith(b'{"' + _HEADER_KEY.encode()) else 0
        end = data.rfind(b"\n") + 1
        return data[start:end] if end > start else b""

    def _cut(self, size: int) -> None:
        try:
            os.ftruncate(self._fd, size)
        except OSError:
            self._torn = True

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)  # releases the lock
            self._fd = -1


def header_line(database: str) -> bytes:
    """A spool file's first line: the database its records belong to. Loaders read it as a
    line without records, so older ones load the file as before."""
    return orjson.dumps({_HEADER_KEY: {"database": database}}) + b"\n"


def read_header(path: Path) -> dict[str, Any] | None:
    """The header of a spool file, or None when it has none (written by an older version)."""
    try:
        with path.open("rb") as handle:
            first = handle.readline(_HEADER_MAX_BYTES)
    except FileNotFoundError:
        return None
    if not first.endswith(b"\n"):
        return None
    try:
        parsed = orjson.loads(first)
    except orjson.JSONDecodeError:
        return None
    header = parsed.get(_HEADER_KEY) if isinstance(parsed, dict) else None
    return header if isinstance(header, dict) else None


def spool_files(directory: Path) -> list[Path]:
    """Every spool file, oldest first (names start with a sortable chain id and a number)."""
    if not directory.is_dir():
        return []
    return sorted(directory.glob(f"*{SUFFIX}"))


class FileLock:
    """An exclusive ``flock`` on one file, held until released or until the process dies
    (however it dies: the kernel lets go), so another process can tell a live holder from
    a dead one's leftover (``is_abandoned``)."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._fd = -1

    def acquire(self, timeout: float) -> bool:
        """Takes the lock, waiting up to ``timeout`` seconds for another holder to let go."""
        self._path.parent.mkdir(parents=True, exist_ok=True)
        self._fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o600)
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return True
            except OSError:
                if time.monotonic() >= deadline:
                    self.release()
                    return False
                time.sleep(0.05)

    def release(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def __enter__(self) -> FileLock:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


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
