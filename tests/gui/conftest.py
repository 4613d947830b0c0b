"""GUI fixtures: a demo ledger file copied per test, the app context, the main window."""
from __future__ import annotations

import pytest


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
    # The offscreen platform warns that it cannot raise, grab or resize windows natively.
    for item in items:
        if "tests/gui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support"))
