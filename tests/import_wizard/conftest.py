"""Import wizard fixtures: an empty Linfen ledger behind the app context, the main window.
Kept here rather than shared, so that each folder's fixtures can change on their own."""
from __future__ import annotations

import pytest

from core import settings
from core.ledger import Ledger


@pytest.fixture
def db_path(tmp_path):
    """An empty ledger for Linfen city (141000), set up as after the first start."""
    path = tmp_path / "data" / "ledger.db"
    path.parent.mkdir()
    ledger = Ledger.open(path, operator="测试员")
    settings.set_jurisdiction(ledger, "141000")
    settings.put(ledger, "operator_name", "测试员")
    ledger.close()
    return path


@pytest.fixture
def ctx(app, db_path, tmp_path):
    from gui.app import open_context

    context, needs_setup = open_context(db_path, tmp_path)
    assert not needs_setup
    yield context
    context.db.close()


@pytest.fixture
def window(ctx, qtbot):
    from gui.main_window import MainWindow

    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: ctx.db.pending == 0)
    return main


def pytest_collection_modifyitems(items):
    # The offscreen platform warns that it cannot raise, grab or resize windows natively.
    for item in items:
        if "tests/import_wizard/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support"))
