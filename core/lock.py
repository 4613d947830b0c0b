"""One writer per ledger file: an OS lock on `<ledger>.lock` beside it.

The operating system drops the lock when the process ends, even by kill -9 or a power cut,
so a crash never leaves a stale lock behind. The file also says who holds it, so that a
second instance can tell its user who has the ledger open, on which PC, since when.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from .db import now
from .errors import LedgerError


@dataclass
class Lock:
    """A held lock; `release()` (or closing the ledger) lets another instance in."""

    path: Path
    handle: object
    operator: str = ""
    head: dict | None = None

    def note_head(self, head: dict | None) -> None:
        """Keep the audit chain's last entry (number and hash) outside the ledger file, after
        every commit: a tail cut off the chain, or a -wal lost after a crash, is then found
        (see `recorded_head`)."""
        if self.handle is None or head is None or head == self.head:
            return
        self.head = head
        _write_holder(self.handle, self.operator, {"head": head})

    def release_clean(self, ledger_path: Path, checked: str | None,
                      head: dict | None = None) -> None:
        """Release after a clean close, noting the file's state so that the next open
        may skip the quick check (see `still_checked`)."""
        if self.handle is not None and checked:
            self.head = head or self.head
            _write_holder(self.handle, self.operator, {
                "head": self.head,
                "closed": {"at": now(), "file": file_state(ledger_path), "checked": checked}})
        self.release()

    def release(self) -> None:
        handle, self.handle = self.handle, None
        if handle is None:
            return
        try:
            _unlock(handle)
        finally:
            handle.close()


def lock_path(ledger_path: Path) -> Path:
    return Path(str(ledger_path) + ".lock")


def acquire(ledger_path: str | Path, operator: str = "", wait: float = 0.0) -> Lock:
    """Take the writer's lock, trying again for `wait` seconds (another command finishing),
    or raise `error.ledger_in_use` naming who holds it."""
    import time

    path = lock_path(Path(ledger_path))
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a+b")
    deadline = time.monotonic() + wait
    while True:
        try:
            _lock(handle)
            break
        except OSError:
            if time.monotonic() < deadline:
                time.sleep(0.1)
                continue
            handle.close()
            info = holder(ledger_path)
            raise LedgerError("error.ledger_in_use", operator=info.get("operator") or "?",
                              host=info.get("host") or "?", since=info.get("since") or "?",
                              pid=info.get("pid") or "?") from None
    previous = holder(ledger_path).get("head")
    head = previous if isinstance(previous, dict) else None
    _write_holder(handle, operator, {"head": head})
    return Lock(path, handle, operator, head)


def lost_changes(ledger_path: str | Path, conn) -> list[str]:
    """A warning code when the ledger holds fewer sealed changes than its last writer
    committed: a -wal deleted after a crash, or the file replaced by an older copy."""
    from .audit import head_findings

    return ["warning.wal_lost"] if head_findings(conn, recorded_head(ledger_path), "") else []


def recorded_head(ledger_path: str | Path) -> dict | None:
    """The audit chain's last entry as the last writer left it ({"seq", "hash"}), if known."""
    head = holder(ledger_path).get("head")
    if isinstance(head, dict) and isinstance(head.get("seq"), int):
        return head
    return None


def holder(ledger_path: str | Path) -> dict[str, object]:
    """Who holds (or last held) the lock: operator, host, pid, since."""
    try:
        text = lock_path(Path(ledger_path)).read_bytes().decode("utf-8")
        data = json.loads(text)
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


# A file closed cleanly and unchanged since is checked again after this many days only.
RECHECK_DAYS = 7


def file_state(ledger_path: str | Path) -> dict[str, int] | None:
    """Size and modification time of the ledger file (None when it is missing)."""
    try:
        stat = Path(ledger_path).stat()
    except OSError:
        return None
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def still_checked(ledger_path: str | Path, today: str) -> str | None:
    """The day the ledger was last found sound, if opening it may skip SQLite's quick
    check: the last holder closed it cleanly, nothing has touched the file since (same size
    and time, no journal left beside it) and that day is within RECHECK_DAYS. None when the
    open must check: after a crash, a copy over it, a restore or any other program's write."""
    closed = holder(ledger_path).get("closed")
    if not isinstance(closed, dict) or closed.get("file") != file_state(ledger_path):
        return None
    for suffix in ("-wal", "-journal"):
        journal = Path(str(ledger_path) + suffix)
        if journal.exists() and journal.stat().st_size > 0:
            return None
    checked = str(closed.get("checked") or "")
    try:
        age = (dt.date.fromisoformat(today) - dt.date.fromisoformat(checked)).days
    except ValueError:
        return None
    return checked if 0 <= age < RECHECK_DAYS else None


def _host() -> str:
    """This PC's name, as `socket.gethostname()` gives it; on POSIX without importing
    socket (and select, selectors, array: some 20 ms of the GUI's start)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket
    return socket.gethostname()


def _write_holder(handle, operator: str, extra: dict | None = None) -> None:
    info = {"operator": operator, "host": _host(), "pid": os.getpid(),
            "since": now(), **(extra or {})}
    handle.seek(0)
    handle.truncate()
    handle.write(json.dumps(info, ensure_ascii=False).encode("utf-8"))
    handle.flush()


if sys.platform == "win32":
    import msvcrt

    # Windows locks are mandatory: lock one byte far past the holder text so it stays readable.
    _LOCKED_BYTE = 1 << 30

    def _lock(handle) -> None:
        handle.seek(_LOCKED_BYTE)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle) -> None:
        handle.seek(_LOCKED_BYTE)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _lock(handle) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
