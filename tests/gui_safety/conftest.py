"""Fixtures of the safety GUI tests: a demo ledger file copied per test, the app context and
the main window (as tests/gui/conftest.py; kept apart so each folder's can change)."""
from __future__ import annotations

import pytest

from core import operators


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch):
    monkeypatch.setattr(operators, "SCRYPT_N", 2**10)
    monkeypatch.setattr(operators, "_decoys", {})


@pytest.fixture
def ctx(app, db_path, tmp_path, qtbot):
    from gui.app import open_context

    context, needs_setup = open_context(db_path, tmp_path)
    assert not needs_setup
    yield context
    context.db.close()


@pytest.fixture
def window(ctx, qtbot, idle):
    from gui.main_window import MainWindow

    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.show()
    idle()
    return main


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/gui_safety/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support"))
