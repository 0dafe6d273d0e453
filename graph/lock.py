"""Inter-process locking of an on-disk store: one writer at a time, readers only without a writer.

pyoxigraph 0.5 has no secondary (catch-up) mode, and ``Store.read_only`` beside a live writer is
documented as undefined behaviour; measured here, a read-only open after a writer compacted fails
with a RocksDB "Corruption: ... .sst: No such file" error. So a readers–writer lock guards the
store directory for the whole life of an open store:

* a writer takes ``flock(LOCK_EX)`` on ``<store>/write.lock``;
* a reader takes ``flock(LOCK_SH)`` on the same file, so readers share and a writer excludes all.

Whoever cannot get the lock polls until ``timeout`` and then raises :class:`StoreLockedError`
naming the store, the holders' PIDs and what to do. ``flock`` (not POSIX ``lockf``) is used on
purpose: it belongs to the open file description, so a second open inside the same process
conflicts too and closing an unrelated descriptor never drops the lock.
"""

from __future__ import annotations

import errno
import fcntl
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from judikg.errors import StoreError, StoreLockedError

LOCK_NAME = "write.lock"

# Polling keeps waits interruptible and bounded; flock has no timed wait of its own.
_POLL_START = 0.01
_POLL_MAX = 0.2


def _lock_holders(path: Path) -> list[int]:
    """PIDs holding a lock on ``path``, read from /proc/locks (Linux); empty when unknown."""
    try:
        inode = path.stat().st_ino
        lines = Path("/proc/locks").read_text(encoding="ascii", errors="replace").splitlines()
    except OSError:
        return []
    pids: set[int] = set()
    for line in lines:
        # "1: FLOCK  ADVISORY  WRITE 12345 08:01:654321 0 EOF" (blocked waiters carry "->")
        parts = line.split()
        if "->" in parts or len(parts) < 6:
            continue
        try:
            pid = int(parts[4])
            file_inode = int(parts[5].rsplit(":", 1)[1])
        except (ValueError, IndexError):
            continue
        if file_inode == inode and pid != os.getpid():
            pids.add(pid)
    return sorted(pids)


def _is_server(pid: int, depth: int = 2) -> bool:
    """Whether ``pid`` is a `judikg serve` process or one of its query workers (a child of one),
    read from /proc; False where /proc is missing."""
    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        if b"serve" in argv and any(b"judikg" in arg for arg in argv):
            return True
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii", errors="replace")
    except OSError:
        return False
    parent = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("PPid:")), 0)
    return depth > 0 and parent > 1 and _is_server(parent, depth - 1)


def _recorded_writer(path: Path) -> int | None:
    """The PID the last writer wrote into the lock file, used where /proc/locks is missing."""
    try:
        text = path.read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


@dataclass
class StoreLock:
    """A held (or not yet held) lock on one store directory; use :meth:`acquire` or ``with``."""

    store_dir: Path
    exclusive: bool
    timeout: float = 10.0
    _fd: int | None = field(default=None, init=False, repr=False)

    @property
    def path(self) -> Path:
        return self.store_dir / LOCK_NAME

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> StoreLock:
        if self._fd is not None:
            return self
        fd = self._open()
        if fd is None:  # a reader on a read-only directory without a lock file: nothing to share
            return self
        mode = fcntl.LOCK_EX if self.exclusive else fcntl.LOCK_SH
        deadline = time.monotonic() + max(self.timeout, 0.0)
        pause = _POLL_START
        while True:
            try:
                fcntl.flock(fd, mode | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    os.close(fd)
                    raise StoreError(f"{self.path}: cannot lock the store: {exc}") from exc
            now = time.monotonic()
            if now >= deadline:
                message = self._locked_message()
                os.close(fd)
                raise StoreLockedError(message)
            time.sleep(min(pause, deadline - now))
            pause = min(pause * 2, _POLL_MAX)
        if self.exclusive:
            # Recorded for systems without /proc/locks; readers leave the file alone.
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        self._fd = fd
        return self

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    def _open(self) -> int | None:
        if self.exclusive:
            try:
                self.store_dir.mkdir(parents=True, exist_ok=True)
                return os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as exc:
                raise StoreError(
                    f"{self.store_dir}: cannot create the store's lock file {LOCK_NAME}: {exc}; "
                    "check that the directory is writable"
                ) from exc
        try:
            return os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            try:
                return os.open(self.path, os.O_RDONLY)
            except OSError:
                return None

    def _locked_message(self) -> str:
        holders = _lock_holders(self.path)
        if not holders:
            recorded = _recorded_writer(self.path)
            holders = [recorded] if recorded is not None else []
        who = "PID " + ", ".join(map(str, holders)) if holders else "another process"
        servers = [pid for pid in holders if _is_server(pid)]
        if self.exclusive and servers:
            return (
                f"store {self.store_dir} is locked after waiting {self.timeout:g} s: a `judikg serve` process "
                f"(PID {', '.join(map(str, servers))}) holds it for reading; stop the server while you ingest, "
                "or ingest into another store (--store) and serve that one"
            )
        if self.exclusive:
            what = (
                f"{who} is using it; wait for it to finish (readers: a query, export or stats; "
                "writer: an ingest), or give a longer --lock-timeout"
            )
        else:
            what = f"{who} is writing it; run again when that ingest has finished, or give a longer --lock-timeout"
        return f"store {self.store_dir} is locked after waiting {self.timeout:g} s: {what}"

    def __enter__(self) -> StoreLock:
        return self.acquire()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
