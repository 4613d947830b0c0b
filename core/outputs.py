"""Files the ledger writes for the user (exchange files, returns, ledger exports, backups):
never over the ledger's own files, only with the right suffix, an existing file replaced
only when the user says so, and always through a temporary file renamed into place.

A mistyped `-o ledger.db` once overwrote the open ledger; `target` refuses that before a
byte is written, and `replacing` makes sure a failed write leaves the old file whole.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from . import companions
from .errors import LedgerError, is_disk_full

if TYPE_CHECKING:
    from .ledger import Ledger

# What SQLite keeps beside a database file while it is open or after a crash.
LEDGER_COMPANIONS = ("", "-wal", "-shm", "-journal", ".lock")
PARTIAL = ".partial"


def target(path: str | os.PathLike[str] | None, suffixes: str | tuple[str, ...],
           ledger: "Ledger | None" = None, force: bool = False) -> Path:
    """The file to write, checked: a name with one of `suffixes`, not a folder, not one of
    the open ledger's files, backups or attachments, and new unless `force`."""
    text = "" if path is None else os.fspath(path)
    if not text.strip():
        raise LedgerError("error.output_empty")
    out = Path(text)
    wanted = (suffixes,) if isinstance(suffixes, str) else tuple(suffixes)
    if out.suffix.lower() not in wanted:
        raise LedgerError("error.output_suffix", path=out, suffix="、".join(wanted))
    if out.is_dir():
        raise LedgerError("error.output_is_directory", path=out)
    if ledger is not None:
        protected = _protected_reason(ledger, out)
        if protected:
            raise LedgerError(protected, path=out)
    if out.exists() and not force:
        raise LedgerError("error.output_exists", path=out)
    return out


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _protected_reason(ledger: "Ledger", out: Path) -> str | None:
    """The message code naming why `out` must not be written, if it must not."""
    if ledger.path is None or str(ledger.path) == ":memory:":
        return None
    real = _real(out)
    own = _real(ledger.path)
    if real in {Path(str(own) + suffix) for suffix in LEDGER_COMPANIONS}:
        return "error.output_is_ledger"
    if _same_file(out, ledger.path):  # a hard link or another spelling of the same file
        return "error.output_is_ledger"
    for folder, code in _folders(ledger):
        inside = folder is not None and (real == folder or folder in real.parents)
        # a new file among the backups is harmless (a manual backup kept with them);
        # replacing one of them is not, and nothing is written among the attachments
        if inside and (out.exists() or code == "error.output_in_attachments"):
            return code
    return None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _folders(ledger: "Ledger") -> list[tuple[Path | None, str]]:
    try:
        backups = _real(companions.backup_folder(ledger))
    except LedgerError:
        backups = None
    return [(backups, "error.output_in_backups"),
            (_real(companions.attachments_folder(ledger)), "error.output_in_attachments")]


def partial_path(path: Path) -> Path:
    """The temporary file beside `path` that is renamed over it once complete."""
    return path.with_name(path.name + PARTIAL)


@contextmanager
def replacing(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces `path` in one rename, on any
    failure it is removed and `path` stays as it was. A full disk is reported as such."""
    path = Path(path)
    partial = partial_path(path)
    partial.unlink(missing_ok=True)
    try:
        yield partial
        os.replace(partial, path)
    except BaseException as exc:
        partial.unlink(missing_ok=True)
        if is_disk_full(exc):
            raise LedgerError("error.disk_full", path=path.parent) from None
        raise

