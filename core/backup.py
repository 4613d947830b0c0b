"""Backups: one ZIP file holding SQLite's online backup of the ledger, every attachment file
the ledger references and a manifest with the SHA-256 of each; manual, daily, on close,
before a restore, rotated. Restore checks every hash and the ledger itself before it
replaces anything, and backs up the ledger as it is first.

The snapshot is consistent even while the ledger is open and is a standalone file
(rollback journal, no -wal beside it). Before-migration copies, made while the ledger is
being opened, stay plain SQLite files; restore takes those and older `.db` backups too.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import sqlite3
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from . import companions
from .errors import LedgerError

if TYPE_CHECKING:
    from .ledger import Ledger

FORMAT = "ecoledger-backup"
FORMAT_VERSION = 1
MANIFEST, LEDGER_MEMBER, FILES_FOLDER = "manifest.json", "ledger.db", "attachments/"
SUFFIX = ".zip"
STALE_PARTIAL = dt.timedelta(hours=1)  # a .partial this old was left by a killed backup
DEFAULT_KEEP = 10
KEEP_SETTING = "backup_keep"
DIR_SETTING = companions.BACKUP_DIR_SETTING
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-\d+)?-(?P<reason>[a-z0-9_-]+)"
                   r"\.(?:db|zip)$")


@dataclass(frozen=True)
class Backup:
    path: Path
    made: dt.datetime
    reason: str
    size: int


@dataclass(frozen=True)
class Contents:
    """What a backup says about itself: when it was made, by whom, what it holds."""

    path: Path
    made_at: str | None
    made_by: str | None
    jurisdiction: str | None
    schema_version: int | None
    counts: dict[str, int] = field(default_factory=dict)  # problems, enterprises …
    files: int = 0          # attachment files inside
    missing: tuple[str, ...] = ()  # attachments the ledger named but the PC no longer had
    archive: bool = True    # False: a plain SQLite copy (older backups, before migrations)


def describe(found: Contents) -> str:
    """When the backup was made, by whom, and what it holds, in one line."""
    from . import messages

    counts = found.counts
    return messages.text("label.backup_contents", path=found.path.name,
                         made=(found.made_at or "?").replace("T", " "),
                         who=found.made_by or messages.label("label.someone"),
                         problems=counts.get("problem", 0),
                         enterprises=counts.get("enterprise", 0), files=found.files,
                         missing=len(found.missing))


# -- making

def _refuse_live_target(ledger: "Ledger", target: Path) -> None:
    """The live ledger, its -wal/-shm/-journal, or its attachment folder are never a target."""
    if ledger.path is None or str(ledger.path) == ":memory:":
        return
    live = ledger.path.resolve()
    resolved = target.resolve()
    forbidden = {live, *(live.with_name(live.name + s) for s in ("-wal", "-shm", "-journal"))}
    folder = _attachment_folder(ledger).resolve()
    if resolved in forbidden or resolved == folder or folder in resolved.parents:
        raise LedgerError("error.backup_onto_ledger", path=target)


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
    """A backup archive at `target` (a new .zip file, or an existing one with `force`;
    never the ledger, its -wal/-shm, one of its backups or its attachments), or into the
    backup folder (then rotated)."""
    from . import outputs

    if target is not None:
        _refuse_live_target(ledger, Path(target))
        return write_archive(ledger, outputs.target(target, ".zip", ledger, force))
    return automatic(ledger, reason)


def write_archive(ledger: "Ledger", target: Path) -> Path:
    """The ZIP: the ledger's snapshot, its attachment files and the manifest, written to
    `target.partial` and renamed, so a backup cut short leaves no half file."""
    if target.is_dir():
        raise LedgerError("error.db_is_directory", path=target)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    snapshot = target.with_name(target.name + ".db.partial")
    try:
        copy_to(ledger.conn, snapshot)
        manifest = _manifest(ledger, snapshot)
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(snapshot, LEDGER_MEMBER)
            folder = _attachment_folder(ledger)
            for item in manifest["files"]:
                archive.write(folder / item["name"], FILES_FOLDER + item["name"],
                              compress_type=zipfile.ZIP_STORED)  # photos are compressed
            archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
        snapshot.unlink(missing_ok=True)
    return target


def _manifest(ledger: "Ledger", snapshot: Path) -> dict[str, Any]:
    from . import db, schema, settings

    folder = _attachment_folder(ledger)
    files, missing = [], []
    for name, expected in _referenced(ledger):
        path = folder / name
        if path.is_file() and _sha256_file(path) == expected:
            files.append({"name": name, "sha256": expected, "size": path.stat().st_size})
        else:
            missing.append(name)
    counts = {table: ledger.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
              for table in ("problem", "enterprise", "inspection", "penalty_case", "attachment")}
    return {
        "format": FORMAT, "format_version": FORMAT_VERSION, "made_at": db.now(),
        "made_by": _who(ledger), "jurisdiction": settings.jurisdiction(ledger),
        "schema_version": schema.SCHEMA_VERSION, "counts": counts,
        "ledger": {"name": LEDGER_MEMBER, "sha256": _sha256_file(snapshot),
                   "size": snapshot.stat().st_size},
        "audit_head": _snapshot_head(snapshot),
        "files": files, "missing": missing,
    }


def _referenced(ledger: "Ledger") -> list[tuple[str, str]]:
    """(stored file name, its SHA-256) of every attachment the ledger names, once each."""
    from .attachments import stored_name

    return [(stored_name(sha, suffix), sha) for sha, suffix in ledger.conn.execute(
        "SELECT DISTINCT sha256, suffix FROM attachment ORDER BY sha256, suffix")]


def _who(ledger: "Ledger") -> str:
    row = ledger.conn.execute("SELECT name FROM operator_account WHERE login = ?",
                              (ledger.operator,)).fetchone()
    return f"{row[0]}（{ledger.operator}）" if row and row[0] != ledger.operator \
        else ledger.operator


_attachment_folder = companions.attachments_folder


def _sha256_file(path: Path) -> str:
    with open(path, "rb") as handle:
        return _sha256_stream(handle)


def _sha256_stream(handle: BinaryIO) -> str:
    digest = hashlib.sha256()
    for block in iter(lambda: handle.read(1 << 20), b""):
        digest.update(block)
    return digest.hexdigest()


def automatic(ledger: "Ledger", reason: str) -> Path:
    """A backup into the backup folder, keeping the newest `backup_keep` of them."""
    folder = folder_of(ledger)
    remove_partials(folder)
    path = write_archive(ledger, _new_name(folder, _stem(ledger), reason))
    rotate(ledger)
    return path


def remove_partials(folder: Path, now: dt.datetime | None = None) -> list[Path]:
    """Delete the `.partial` files a backup killed half-way left in `folder` (those older
    than an hour: a younger one may belong to a backup still running elsewhere)."""
    if not folder.is_dir():
        return []
    limit = (now or dt.datetime.now()) - STALE_PARTIAL
    removed = []
    for path in folder.glob("*.partial"):
        if dt.datetime.fromtimestamp(path.stat().st_mtime) < limit:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


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


def _new_name(folder: Path, stem: str, reason: str, suffix: str = SUFFIX) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    path, n = folder / f"{stem}-{stamp}-{reason}{suffix}", 1
    while path.exists():
        path, n = folder / f"{stem}-{stamp}-{n}-{reason}{suffix}", n + 1
    return path


folder_of = companions.backup_folder


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
    for path in folder.glob(f"{_stem(ledger)}-*") if folder.is_dir() else ():
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
    """The backup every migration of an existing ledger is preceded by (a plain copy: the
    ledger is not open yet, and its attachments do not change with the schema)."""
    row = conn.execute("PRAGMA database_list").fetchone()
    if not row or not row[2] or version == 0:
        return None
    path = Path(row[2])
    folder = path.parent / f"{path.stem}-backups"
    return copy_to(conn, _new_name(folder, path.stem, f"before-v{version + 1}", ".db"))


# -- reading and checking a backup

def contents(path: str | Path) -> Contents:
    """What the backup at `path` holds, after checking every hash in it (and, for a plain
    SQLite copy, the database itself); raises with the reason otherwise."""
    path = Path(path)
    if not path.is_file():
        raise LedgerError("error.restore_missing", path=path)
    if not zipfile.is_zipfile(path):
        verify(path)
        return _plain_contents(path)
    manifest = _checked_manifest(path)
    return Contents(path, manifest.get("made_at"), manifest.get("made_by"),
                    manifest.get("jurisdiction"), manifest.get("schema_version"),
                    dict(manifest.get("counts", {})), len(manifest["files"]),
                    tuple(manifest.get("missing", ())))


def _snapshot_head(snapshot: Path) -> dict | None:
    """The audit chain's last sealed entry in the snapshot: kept in the manifest, so that
    `check` finds a tail later cut off the live ledger with its seals."""
    from . import audit

    conn = sqlite3.connect(f"file:{snapshot.as_posix()}?mode=ro", uri=True)
    try:
        return audit.head(conn)
    finally:
        conn.close()


def recorded_head(ledger: "Ledger") -> tuple[dict, str] | None:
    """The chain head the newest archive backup recorded, with that backup's name; None
    when there is no such backup (the manifest alone is read: no hash is checked here)."""
    for found in list_backups(ledger):
        if found.reason == "before-restore":
            return None  # a restore since rewound the chain on purpose: no reference yet
        if not zipfile.is_zipfile(found.path):
            continue
        try:
            with zipfile.ZipFile(found.path) as archive:
                head = json.loads(archive.read(MANIFEST).decode("utf-8")).get("audit_head")
        except (zipfile.BadZipFile, KeyError, OSError, ValueError):
            continue
        if isinstance(head, dict) and head.get("seq"):
            return head, found.path.name
    return None


def _plain_contents(path: Path) -> Contents:
    conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("problem", "enterprise")}
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()
    made = dt.datetime.fromtimestamp(path.stat().st_mtime).isoformat(timespec="seconds")
    return Contents(path, made, None, None, version, counts, 0, (), archive=False)


def _checked_manifest(path: Path) -> dict[str, Any]:
    """The manifest, once the ledger and every file it lists are in the archive with the
    hash it gives."""
    try:
        with zipfile.ZipFile(path) as archive:
            try:
                manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
            except KeyError:
                raise LedgerError("error.backup_no_manifest", path=path) from None
            if manifest.get("format") != FORMAT or not isinstance(manifest.get("files"), list):
                raise LedgerError("error.backup_no_manifest", path=path)
            members = set(archive.namelist())
            wanted = [(LEDGER_MEMBER, manifest["ledger"]["sha256"])] + [
                (FILES_FOLDER + item["name"], item["sha256"]) for item in manifest["files"]]
            for name, expected in wanted:
                if name not in members:
                    raise LedgerError("error.backup_member_missing", path=path, name=name)
                with archive.open(name) as member:
                    if _sha256_stream(member) != expected:
                        raise LedgerError("error.backup_member_altered", path=path, name=name)
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, TypeError) as exc:
        raise LedgerError("error.restore_unreadable", path=path, reason=exc) from None
    return manifest


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
    """Replace the open ledger's content (and bring back its attachment files) with the
    backup `source`, after checking every hash and the ledger in it and backing up the
    current content first; returns that safety backup's path."""
    from . import permissions

    permissions.require(ledger, permissions.Action.RESTORE)
    source = Path(source)
    if ledger.path and source.exists() and source.resolve() == ledger.path.resolve():
        raise LedgerError("error.restore_same_file")
    found = contents(source)  # every hash checked before anything is touched
    if not found.archive:
        safety = automatic(ledger, "before-restore")
        _replace(ledger, source, source)
        return safety
    with tempfile.TemporaryDirectory(prefix="ecoledger-restore-",
                                     dir=_scratch_folder(ledger)) as scratch:
        unpacked = Path(scratch) / LEDGER_MEMBER
        with zipfile.ZipFile(source) as archive:
            with archive.open(LEDGER_MEMBER) as member, open(unpacked, "wb") as out:
                shutil.copyfileobj(member, out, 1 << 20)
            verify(unpacked)
            safety = automatic(ledger, "before-restore")
            _bring_back_files(ledger, archive)
        _replace(ledger, unpacked, source)
    return safety


def _scratch_folder(ledger: "Ledger") -> str | None:
    """Unpack beside the ledger (same disk, and the system temp may be small)."""
    return str(ledger.path.parent) if ledger.path and ledger.path.parent.is_dir() else None


def _bring_back_files(ledger: "Ledger", archive: zipfile.ZipFile) -> None:
    """Each attachment of the backup into the attachment folder, unless the same file (by
    hash, which is its name) is there already."""
    folder = _attachment_folder(ledger)
    for name in archive.namelist():
        if not name.startswith(FILES_FOLDER) or name.endswith("/"):
            continue
        target = folder / Path(name).name
        expected = Path(name).stem
        if target.is_file() and _sha256_file(target) == expected:
            continue
        folder.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        with archive.open(name) as member, open(partial, "wb") as out:
            shutil.copyfileobj(member, out, 1 << 20)
        partial.replace(target)


def _replace(ledger: "Ledger", database: Path, source: Path) -> None:
    from . import audit, db

    src = sqlite3.connect(f"file:{database.as_posix()}?mode=ro", uri=True)
    try:
        src.backup(ledger.conn)
    except sqlite3.DatabaseError as exc:
        raise LedgerError("error.restore_unreadable", path=source, reason=exc) from None
    finally:
        src.close()
    db.migrate(ledger.conn, before_migration)
    if audit.present(ledger.conn):
        audit.record_event(ledger, "restore", source.name, str(source))
