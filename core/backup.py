"""Backups with SQLite's online backup API: manual, daily, on close, before migrations,
rotated; and restore, which checks a file before it replaces anything.

A backup is a consistent snapshot even while the ledger is open, and a standalone file
(rollback journal, no -wal beside it), so it can be copied to a USB stick as it is.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import LedgerError

if TYPE_CHECKING:
    from .ledger import Ledger

DEFAULT_KEEP = 10
KEEP_SETTING = "backup_keep"
DIR_SETTING = "backup_dir"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-\d+)?-(?P<reason>[a-z0-9_-]+)\.db$")


@dataclass(frozen=True)
class Backup:
    path: Path
    made: dt.datetime
    reason: str
    size: int


# -- making

def copy_to(conn: sqlite3.Connection, target: str | Path) -> Path:
    """Write a consistent snapshot of `conn`'s database to `target` (replaced atomically)."""
    from . import outputs

    target = Path(target)
    if target.is_dir():
        raise LedgerError("error.db_is_directory", path=target)
    target.parent.mkdir(parents=True, exist_ok=True)
    # a backup killed or stopped by a full disk leaves no .partial file (see also `rotate`)
    with outputs.replacing(target) as partial:
        try:
            dest = sqlite3.connect(str(partial))
            try:
                conn.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")  # standalone, no -wal beside it
            finally:
                dest.close()
        finally:
            Path(str(partial) + "-journal").unlink(missing_ok=True)
    return target


def make(ledger: "Ledger", target: str | Path | None = None, reason: str = "manual",
         force: bool = False) -> Path:
    """A backup to `target` (a new .db file, or an existing one with `force`; never the
    ledger itself nor one of its backups), or into the backup folder (then rotated)."""
    from . import outputs

    if target is not None:
        return copy_to(ledger.conn, outputs.target(target, ".db", ledger, force))
    return automatic(ledger, reason)


def automatic(ledger: "Ledger", reason: str) -> Path:
    """A backup into the backup folder, keeping the newest `backup_keep` of them."""
    folder = folder_of(ledger)
    path = copy_to(ledger.conn, _new_name(folder, _stem(ledger), reason))
    rotate(ledger)
    return path


def daily(ledger: "Ledger", today: dt.date | None = None) -> Path | None:
    """Once a day: a backup unless one was already made today."""
    today = today or dt.date.today()
    if any(b.made.date() == today for b in list_backups(ledger)):
        return None
    return automatic(ledger, "daily")


def on_close(ledger: "Ledger") -> Path | None:
    """The backup the application makes when it closes a ledger that changed."""
    return automatic(ledger, "close") if ledger.path else None


def _stem(ledger: "Ledger") -> str:
    return ledger.path.stem if ledger.path else "ledger"


def _new_name(folder: Path, stem: str, reason: str) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path, n = folder / f"{stem}-{stamp}-{reason}.db", 1
    while path.exists():
        path, n = folder / f"{stem}-{stamp}-{n}-{reason}.db", n + 1
    return path


def folder_of(ledger: "Ledger") -> Path:
    """The backup folder: the `backup_dir` setting, or `<ledger>-backups` beside the ledger."""
    from . import settings

    chosen = settings.get(ledger, DIR_SETTING)
    if chosen:
        return Path(chosen)
    if ledger.path is None:
        raise LedgerError("error.backup_no_file")
    return ledger.path.parent / f"{ledger.path.stem}-backups"


def keep_count(ledger: "Ledger") -> int:
    from . import settings

    try:
        return max(1, int(settings.get(ledger, KEEP_SETTING) or DEFAULT_KEEP))
    except ValueError:
        return DEFAULT_KEEP


def list_backups(ledger: "Ledger") -> list[Backup]:
    """The backups in the backup folder, newest first."""
    folder = folder_of(ledger)
    found = []
    for path in folder.glob(f"{_stem(ledger)}-*.db") if folder.is_dir() else ():
        match = _NAME.match(path.name)
        if match and match["stem"] == _stem(ledger):
            made = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
            found.append(Backup(path, made, match["reason"], path.stat().st_size))
    return sorted(found, key=lambda b: (b.made, b.path.stat().st_mtime_ns), reverse=True)


def rotate(ledger: "Ledger") -> list[Path]:
    """Delete all but the newest `backup_keep` backups; returns the deleted paths."""
    removed = [b.path for b in list_backups(ledger)[keep_count(ledger):]]
    removed += stale_partials(folder_of(ledger))
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


# A backup still being written is younger than this; an older .partial file is what a
# killed process or a full disk left behind.
PARTIAL_STALE_SECONDS = 600


def stale_partials(folder: Path, now: float | None = None) -> list[Path]:
    """Unfinished backups (`*.partial` and their journals) left in `folder`."""
    import time

    now = time.time() if now is None else now
    found = []
    for path in folder.glob("*.partial*") if folder.is_dir() else ():
        try:
            if now - path.stat().st_mtime > PARTIAL_STALE_SECONDS:
                found.append(path)
        except OSError:
            continue
    return found


def before_migration(conn: sqlite3.Connection, version: int) -> Path | None:
    """The backup every migration of an existing ledger is preceded by."""
    row = conn.execute("PRAGMA database_list").fetchone()
    if not row or not row[2] or version == 0:
        return None
    path = Path(row[2])
    folder = path.parent / f"{path.stem}-backups"
    return copy_to(conn, _new_name(folder, path.stem, f"before-v{version + 1}"))


def last_good_name(ledger: "Ledger") -> str | None:
    """The newest backup that passes `verify`: what to offer when the ledger is damaged."""
    try:
        found = list_backups(ledger)
    except (LedgerError, OSError):
        return None
    for candidate in found:
        try:
            verify(candidate.path)
        except LedgerError:
            continue
        return str(candidate.path)
    return None


# -- restoring

def verify(path: str | Path) -> None:
    """Raise with the reason unless `path` is an intact ledger this version can open."""
    from .schema import SCHEMA_VERSION

    path = Path(path)
    if not path.is_file():
        raise LedgerError("error.restore_missing", path=path)
    try:
        conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    except sqlite3.DatabaseError as exc:
        raise LedgerError("error.restore_unreadable", path=path, reason=exc) from None
    try:
        result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise LedgerError("error.restore_unreadable", path=path, reason=exc) from None
    finally:
        conn.close()
    if result != ["ok"]:
        raise LedgerError("error.restore_damaged", path=path, detail=result[0])
    if not {"migration", "problem", "setting"} <= tables:
        raise LedgerError("error.restore_not_ledger", path=path)
    if version > SCHEMA_VERSION:
        raise LedgerError("error.db_too_new", found=version, supported=SCHEMA_VERSION)


def restore(ledger: "Ledger", source: str | Path) -> Path:
    """Replace the open ledger's content with the backup `source`, after checking it and
    backing up the current content first; returns that safety backup's path."""
    from . import audit, db, operators

    operators.require(ledger, operators.Action.RESTORE)
    source = Path(source)
    verify(source)
    if ledger.path and source.resolve() == ledger.path.resolve():
        raise LedgerError("error.restore_same_file")
    safety = automatic(ledger, "before-restore")
    src = sqlite3.connect(f"file:{source.as_posix()}?mode=ro", uri=True)
    try:
        src.backup(ledger.conn)
    except sqlite3.DatabaseError as exc:
        raise LedgerError("error.restore_unreadable", path=source, reason=exc) from None
    finally:
        src.close()
    db.migrate(ledger.conn)
    if audit.present(ledger.conn):
        audit.record_event(ledger, "restore", source.name, str(source))
    return safety
