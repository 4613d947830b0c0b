"""Every file dialog starts in the documents folder, then where the last one ended, and
shows file dates in the program's language."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, QLocale, QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QTreeView

from gui import folders

pytestmark = pytest.mark.gui


def test_dialogs_start_in_documents_then_where_the_last_one_ended(ctx, tmp_path, monkeypatch):
    offered = []

    def save_dialog(parent, caption, start, filters):
        offered.append(start)
        return str(tmp_path / "chosen" / "plot.png"), ""

    def open_dialog(parent, caption, start, filters):
        offered.append(start)
        return "", ""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_dialog)
    (tmp_path / "chosen").mkdir()
    ctx.settings.remove(folders.LAST_FOLDER)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folders.save_file(None, ctx, "导出", "图.png")
    assert Path(offered[0]).parent in (Path(documents), Path.home())
    assert Path(offered[0]).parent != ctx.data_dir  # never the hidden data folder
    folders.open_file(None, ctx, "导入")
    assert Path(offered[1]) == tmp_path / "chosen"  # remembered
    folders.open_file(None, ctx, "导入")  # a cancelled dialog keeps the folder
    assert Path(offered[2]) == tmp_path / "chosen"


def test_no_file_dialog_bypasses_the_folders_module():
    root = Path(folders.__file__).parent
    calls = []
    for path in root.rglob("*.py"):
        if path.name == "folders.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr.startswith("get") and isinstance(
                    node.value, ast.Name) and node.value.id == "QFileDialog":
                calls.append(f"{path.name}: {node.attr}")
    assert calls == []


def test_the_file_dialog_shows_dates_in_chinese(ctx, qtbot, tmp_path):
    folder = tmp_path / "照片"
    folder.mkdir()
    (folder / "整改前.jpg").write_bytes(b"jpeg")
    ctx.settings.setValue(folders.LAST_FOLDER, str(folder))
    seen = []

    def look(tries: int = 100) -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, QFileDialog) and w.isVisible()), None)
        view = dialog.findChild(QTreeView) if dialog is not None else None
        ready = view is not None and isinstance(dialog.proxyModel(), folders.LocalDates) \
            and view.model().rowCount(view.rootIndex()) > 0
        if not ready:
            if tries:
                QTimer.singleShot(50, lambda: look(tries - 1))
            elif dialog is not None:
                dialog.reject()
            return
        index = view.model().index(0, folders.LocalDates.DATE_COLUMN, view.rootIndex())
        seen.append(index.data())
        dialog.reject()
    QTimer.singleShot(50, look)
    assert folders.open_files(None, ctx, "附件", "") == []
    when = QDateTime.fromSecsSinceEpoch(int((folder / "整改前.jpg").stat().st_mtime))
    assert seen == [QLocale("zh_CN").toString(when, QLocale.FormatType.ShortFormat)]
    assert not any(month in seen[0] for month in ("Jan", "Dec", "Nov", "AM", "PM"))
