"""A backup made from the Backup menu, restored from the menu into a fresh data directory,
gives the same ledger and the same photos; the dialogs start in the documents folder and
remember the last one."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from core import attachments, settings
from core.ledger import Ledger
from gui import backup_menu, folders

pytestmark = pytest.mark.gui

JPEG = b"\xff\xd8\xff\xe0" + b"photo-before" * 400


def _window(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    return window


def _attach_photo(ctx, tmp_path):
    photo = tmp_path / "现场.jpg"
    photo.write_bytes(JPEG)

    def attach(ledger):
        problem = ledger.conn.execute("SELECT id FROM problem ORDER BY id LIMIT 1").fetchone()[0]
        attachments.attach(ledger, problem, [photo])
        return problem
    return ctx.db.call(attach)


def _dump(ledger):
    return {table: sorted(tuple(r) for r in ledger.conn.execute(f"SELECT * FROM {table}"))
            for table in ("problem", "problem_log", "measure", "enterprise", "penalty_case",
                          "attachment", "deadline_extension")}


def test_gui_backup_restored_into_a_fresh_data_directory(app, ctx, tmp_path, qtbot,
                                                         monkeypatch):
    from gui.app import open_context

    problem = _attach_photo(ctx, tmp_path)
    target = tmp_path / "U盘" / "台账备份.zip"
    target.parent.mkdir()
    offered = []

    def save_dialog(parent, caption, start, filters):
        offered.append(start)
        return str(target), filters
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    menu = backup_menu.BackupMenu(_window(qtbot), ctx)
    first_offer = Path(folders.start(ctx))
    menu.ask_backup()
    qtbot.waitUntil(target.is_file)
    assert Path(offered[0]).parent == first_offer != ctx.data_dir
    assert Path(folders.start(ctx)) == target.parent    # remembered
    original = ctx.db.call(_dump)

    fresh_dir = tmp_path / "fresh"
    fresh_dir.mkdir()
    with Ledger.open(fresh_dir / "ledger.db") as made:
        settings.set_jurisdiction(made, "141000")
    fresh, _ = open_context(fresh_dir / "ledger.db", tmp_path / "fresh-settings")
    try:
        asked = []
        monkeypatch.setattr(QFileDialog, "getOpenFileName",
                            lambda parent, caption, start, filters: (asked.append(start)
                                                                     or str(target), filters))
        questions = []

        def question(parent, title, text, *args):
            questions.append(text)
            return QMessageBox.StandardButton.Yes
        monkeypatch.setattr(QMessageBox, "question", question)
        done = []
        fresh.changed.connect(done.append)
        fresh_menu = backup_menu.BackupMenu(_window(qtbot), fresh)
        fresh_menu.ask_restore()
        qtbot.waitUntil(lambda: bool(done), timeout=20_000)
        assert "2,507" in questions[0] and "1 " in questions[0]  # what it holds, asked first
        assert fresh.db.call(_dump) == original
        photos = fresh.db.call(lambda ledger: attachments.of_problem(ledger, problem))
        assert [p.path.read_bytes() for p in photos] == [JPEG]
        assert photos[0].path.parent == fresh_dir / "attachments"
    finally:
        fresh.db.close()


def test_the_live_ledger_offered_as_target_is_refused(app, ctx, tmp_path, qtbot, monkeypatch):
    live = ctx.db.path
    before = live.stat().st_size
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args: (str(live), ""))
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    menu = backup_menu.BackupMenu(_window(qtbot), ctx)
    menu.ask_backup()
    qtbot.waitUntil(lambda: bool(warned))
    assert "正在使用的台账" in warned[0]
    assert live.stat().st_size == before
    assert ctx.db.call(lambda ledger: ledger.conn.execute(
        "SELECT count(*) FROM problem").fetchone()[0]) == 2507


def test_the_number_of_automatic_backups_kept_is_set_in_settings(app, ctx, qtbot, idle):
    from core import backup
    from gui.dialogs.settings import SettingsDialog

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    idle()
    assert dialog.keep.isEnabled() and dialog.keep.value() == backup.DEFAULT_KEEP
    dialog.keep.setValue(4)
    dialog.accept()
    idle()
    assert ctx.db.call(backup.keep_count) == 4
    ctx.db.call(lambda ledger: setattr(ledger, "role", "clerk"))
    again = SettingsDialog(ctx)
    qtbot.addWidget(again)
    idle()
    assert not again.keep.isEnabled() and again.keep.value() == 4
