"""The folders a ledger file keeps beside it: its backups and its attachments (photos,
scanned documents). Output checks (`core.outputs`) refuse to write into either."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from . import settings
from .errors import LedgerError

if TYPE_CHECKING:
    from .ledger import Ledger

# The setting naming another backup folder than the one beside the ledger.
BACKUP_DIR_SETTING = "backup_dir"


def backup_folder(ledger: Ledger) -> Path:
    """The `backup_dir` setting, or `<ledger>-backups` beside the ledger."""
    chosen = settings.get(ledger, BACKUP_DIR_SETTING)
    if chosen:
        return Path(chosen)
    if ledger.path is None:
        raise LedgerError("error.backup_no_file")
    return ledger.path.parent / f"{ledger.path.stem}-backups"


def attachments_folder(ledger: Ledger) -> Path:
    """Attachments live beside the ledger file, in `attachments/`."""
    base = ledger.path.parent if ledger.path else Path.cwd()
    return base / "attachments"
