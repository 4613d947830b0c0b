"""A ledger that opened read-only says so above every page, with the reason."""
from __future__ import annotations

import pytest

from core import db

pytestmark = pytest.mark.gui


def test_a_read_only_ledger_shows_a_banner_with_the_reason(app, db_path, tmp_path, qtbot,
                                                          monkeypatch):
    from gui.app import open_context
    from gui.main_window import MainWindow

    monkeypatch.setattr(db, "writable", lambda path: False)  # a read-only folder (root may write anywhere)
    ctx, _ = open_context(db_path, tmp_path)
    try:
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.show()
        bar = window.read_only_bar
        assert bar.isVisible()
        assert bar.text().startswith("只读：")
        assert "位于只读文件夹或只读介质上" in bar.text() and str(db_path) in bar.text()
    finally:
        ctx.db.close()


def test_a_writable_ledger_shows_no_banner(window):
    assert not window.read_only_bar.isVisible()
