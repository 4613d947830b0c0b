"""Where file dialogs start: the folder the last one ended in, else the documents folder
(never the data folder the ledger lives in, which a careless Save could overwrite)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QIdentityProxyModel, QLocale, QStandardPaths, Qt, QTimer

from .context import AppContext

LAST_FOLDER = "files/last_folder"  # in gui.ini


def start(ctx: AppContext, name: str = "") -> str:
    """The path to offer: `name` inside the starting folder (the folder alone without)."""
    last = ctx.settings.value(LAST_FOLDER)
    if last and Path(str(last)).is_dir():
        folder = Path(str(last))
    else:
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        folder = Path(documents) if documents and Path(documents).is_dir() else Path.home()
    return str(folder / name) if name else str(folder)


def remember(ctx: AppContext, chosen: str | Path | list) -> None:
    """Start the next dialog where this one ended (the folder of the file chosen)."""
    if isinstance(chosen, list):
        chosen = chosen[0] if chosen else ""
    if chosen:
        ctx.settings.setValue(LAST_FOLDER, str(Path(chosen).parent))


# Every file dialog of the program goes through these three: each starts where the last
# one ended (the documents folder the first time) and remembers where this one ends.
# Qt's own (non-native) dialog writes modification dates in the system locale, whatever
# language the program speaks; `_local_dates` makes it write them in the program's.

class LocalDates(QIdentityProxyModel):
    """A file dialog's model whose Date Modified column follows QLocale() (the UI's
    language, see gui.i18n.install) instead of the system locale."""

    DATE_COLUMN = 3

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and index.column() == self.DATE_COLUMN:
            source = self.sourceModel()
            if hasattr(source, "lastModified"):
                when = source.lastModified(self.mapToSource(index))
                return QLocale().toString(when, QLocale.FormatType.ShortFormat)
        return super().data(index, role)


def _local_dates() -> None:
    """Once the file dialog about to open is shown (the static dialogs run an event loop
    of their own), give it dates in the UI's language; a native dialog is left alone."""
    QTimer.singleShot(0, _give_local_dates)


def _give_local_dates() -> None:
    from PySide6.QtWidgets import QApplication, QFileDialog

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QFileDialog) and widget.isVisible() \
                and not isinstance(widget.proxyModel(), LocalDates):
            widget.setProxyModel(LocalDates(widget))


def open_file(parent, ctx: AppContext, caption: str, filters: str = "") -> str:
    """A file to read, or "" when the dialog was cancelled."""
    from PySide6.QtWidgets import QFileDialog

    _local_dates()
    path, _ = QFileDialog.getOpenFileName(parent, caption, start(ctx), filters)
    remember(ctx, path)
    return path


def open_files(parent, ctx: AppContext, caption: str, filters: str = "") -> list[str]:
    """Files to read (none when cancelled)."""
    from PySide6.QtWidgets import QFileDialog

    _local_dates()
    paths, _ = QFileDialog.getOpenFileNames(parent, caption, start(ctx), filters)
    remember(ctx, paths)
    return paths


def save_file(parent, ctx: AppContext, caption: str, name: str, filters: str = "",
              **options) -> str:
    """Where to write a file offered as `name`, or "" when cancelled."""
    from PySide6.QtWidgets import QFileDialog

    _local_dates()
    path, _ = QFileDialog.getSaveFileName(parent, caption, start(ctx, name), filters, **options)
    remember(ctx, path)
    return path
