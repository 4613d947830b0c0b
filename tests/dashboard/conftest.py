"""Dashboard GUI fixtures: the main window on a copy of the demo ledger, Overview shown."""
from __future__ import annotations

import pytest


@pytest.fixture
def ctx(app, db_path, tmp_path):
    from gui.app import open_context

    context, _ = open_context(db_path, tmp_path)
    yield context
    context.db.close()


@pytest.fixture
def window(ctx, qtbot, idle):
    from gui.main_window import MainWindow

    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.resize(1440, 860)
    main.show()
    idle()
    return main


@pytest.fixture
def board(window, idle, qtbot):
    """The Overview page, drawn."""
    page = window.page("overview")
    idle()
    qtbot.waitUntil(lambda: page.drawn)
    return page


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/dashboard/test_page" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.gui)
            item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support"))
