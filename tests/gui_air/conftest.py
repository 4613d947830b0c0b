"""Air page GUI fixtures: the main window on a copy of the demo ledger, the Air page shown."""
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
def air(window, idle, qtbot):
    """The Air page, drawn for the season running."""
    page = window.page("air")
    idle()
    qtbot.waitUntil(lambda: page.board is not None)
    return page


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/gui_air/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.gui)
            # the offscreen platform's note when a window's size hints change
            item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support"))
