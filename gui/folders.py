"""Where file dialogs start: the folder the last one ended in, else the documents folder
(never the data folder the ledger lives in, which a careless Save could overwrite)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

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
