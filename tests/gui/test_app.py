"""Starting the app: a ledger already open in another window is refused with a message."""
from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from gui import app as gui_app

pytestmark = pytest.mark.gui

HOLD = """
import sys, time
from core.ledger import Ledger
ledger = Ledger.open(sys.argv[1], operator="李海燕", exclusive=True)
print("HELD", flush=True)
sys.stdin.read()
"""


def test_a_ledger_open_in_another_window_is_refused_with_a_message(
        monkeypatch, app, db_path, tmp_path):
    other = subprocess.Popen([sys.executable, "-c", HOLD, str(db_path)], text=True,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        assert other.stdout.readline().strip() == "HELD"
        shown = []
        monkeypatch.setattr(sys, "excepthook", sys.excepthook)
        monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
        monkeypatch.setattr(gui_app, "data_dir", lambda: tmp_path)
        assert gui_app.main(["--db", str(db_path)]) == 0  # no window, nothing opened
        assert len(shown) == 1 and "李海燕" in shown[0]
    finally:
        other.communicate("")


def test_every_main_window_has_its_four_menus_with_help_last(window):
    """The window the app shows, a window rebuilt for another account and the screenshots
    all carry the same menus, About… under the last."""
    from core import messages

    bar = window.menuBar()
    titles = [action.text() for action in bar.actions()]
    assert titles == ["台账(&L)", "备份(&B)", "账号(&A)", messages.text("about.menu")], titles
    from PySide6.QtWidgets import QMenu

    helps = [m for m in bar.findChildren(QMenu) if m.title() == messages.text("about.menu")]
    assert [a.text() for a in helps[0].actions()] == [messages.text("about.action")]
