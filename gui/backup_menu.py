"""The backup menu (back up to a chosen file, restore from one) and the automatic backups
made at start (once a day) and on close."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from core import operators
from core.changes import Changes
from core.errors import LedgerError
from core.ledger import Ledger

from . import folders
from .context import AppContext
from .i18n import tr
from .dialogs.signin import offer
from .worker import Op

if TYPE_CHECKING:
    from core import backup

def file_filter() -> str:
    return tr("EcoLedger backup (*.zip)")


def restore_filter() -> str:
    return tr("EcoLedger backup (*.zip);;Older backup (*.db)")


def describe(found: backup.Contents) -> str:
    """When the backup was made, by whom, and what it holds, for the restore question."""
    counts = found.counts
    text = tr("Made {when} by {who}.").format(
        when=(found.made_at or "?").replace("T", " "), who=found.made_by or tr("unknown"))
    text += " " + tr("It holds {problems} problems, {enterprises} enterprises and {files} "
                     "attached files.").format(problems=f"{counts.get('problem', 0):,}",
                                               enterprises=f"{counts.get('enterprise', 0):,}",
                                               files=found.files)
    if found.missing:
        text += " " + tr("{count} attached files were already missing when it was made.") \
            .format(count=len(found.missing))
    if not found.archive:
        text += " " + tr("An older backup of the database alone: it holds no attached files.")
    return text


def make_backup(ctx: AppContext, target: Path, done: Callable[[Path], None],
                failed: Callable[[BaseException], None]) -> Op:
    """A consistent snapshot of the open ledger written to `target`."""
    from core import backup

    # the save dialog asked before replacing a file
    return ctx.db.op(lambda ledger: backup.make(ledger, target, force=True)).success(done) \
        .failure(failed).run()


def _restore(ledger: Ledger, source: Path) -> Changes:
    """Runs on the worker: replace the content, then tell every page that everything changed."""
    from core import backup

    backup.restore(ledger, source)
    tables = [r[0] for r in ledger.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    return Changes.of(*tables)


def restore_backup(ctx: AppContext, source: Path, done: Callable[[Changes], None],
                   failed: Callable[[BaseException], None]) -> Op:
    """Restore `source` into the open ledger (core checks the role and the file, and backs up
    the current content first). The worker's connection then reads the restored file, and
    the Changes of every table make every page and the bureau read it again."""
    return ctx.db.op(lambda ledger: _restore(ledger, source)).success(done) \
        .failure(failed).run()


def daily(ctx: AppContext, failed: Callable[[BaseException], None]) -> Op:
    """At start: the day's first backup into the backup folder (rotated)."""
    from core import backup  # 12 ms of imports: not before the first paint

    return ctx.db.op(backup.daily).success(lambda _: None).failure(failed).run()


def on_close(ctx: AppContext) -> Path | None:
    """As the app closes: a backup of what this session left; a failure is only reported."""
    from core import backup

    try:
        return ctx.db.call(backup.on_close)
    except (LedgerError, OSError) as error:
        QMessageBox.warning(None, tr("EcoLedger"), tr("The closing backup failed: {error}")
                            .format(error=error))
        return None


class BackupMenu:
    """The "Backup" menu of the main window."""

    def __init__(self, window: QMainWindow, ctx: AppContext, menu: QMenu | None = None):
        """Fills `menu` (by default a new "Backup" menu on the window's menu bar)."""
        self.window = window
        self.ctx = ctx
        if menu is None:
            menu = window.menuBar().addMenu(tr("&Backup"))
        self.backup_action = QAction(tr("Back up the database…"), window)
        self.backup_action.triggered.connect(self.ask_backup)
        self.restore_action = QAction(tr("Restore the database…"), window)
        self.restore_action.triggered.connect(self.ask_restore)
        self.restore_action.setVisible(False)  # until the worker says this operator may
        menu.addAction(self.backup_action)
        menu.addAction(self.restore_action)
        offer(ctx, operators.Action.RESTORE, self.restore_action.setVisible)

    def ask_backup(self) -> None:
        name = "ledger-backup-{:%Y%m%d}.zip".format(dt.date.today())
        path = folders.save_file(self.window, self.ctx, tr("Back up the database"), name,
                                 file_filter())
        if path:
            make_backup(self.ctx, Path(path), self._backed_up, self._failed)

    def ask_restore(self) -> None:
        path = folders.open_file(self.window, self.ctx, tr("Restore the database"),
                                 restore_filter())
        if not path:
            return
        from core import backup

        self.ctx.db.op(lambda _ledger: backup.contents(path)).success(
            lambda found: self._confirmed(found)).failure(self._failed).run()

    def _confirmed(self, found: backup.Contents) -> None:
        if self.confirm_restore(found):
            restore_backup(self.ctx, found.path, self._restored, self._failed)

    def confirm_restore(self, found: backup.Contents) -> bool:
        answer = QMessageBox.question(
            self.window, tr("Restore the database"),
            tr("Replace everything in the ledger with the backup {file}?").format(
                file=found.path.name) + "\n\n" + describe(found) + "\n\n" +
            tr("The ledger as it is now is backed up first."))
        return answer == QMessageBox.StandardButton.Yes

    def _backed_up(self, path: Path) -> None:
        self.window.statusBar().showMessage(tr("Backup written to {path}").format(path=path),
                                            10_000)

    def _restored(self, _changes: Changes) -> None:
        self.window.statusBar().showMessage(tr("The ledger was restored from the backup."),
                                            10_000)

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, (LedgerError, OSError)):
            raise error
        QMessageBox.warning(self.window, tr("EcoLedger"), str(error))
