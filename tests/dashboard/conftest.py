"""Dashboard GUI fixtures: the main window on a copy of the demo ledger, Overview shown."""
from __future__ import annotations

import shutil

import pytest


@pytest.fixture
def db_path(demo_file, tmp_path):
    target = tmp_path / "data" / "ledger.db"
    target.parent.mkdir()
    shutil.copy(demo_file, target)
    return target


@pytest.fixture
def app(qapp):
    from gui import app as gui_app, i18n

    qapp.setFont(gui_app.cjk_font())
    i18n.install(qapp, "zh_CN")
    yield qapp


@pytest.fixture
def ctx(app, db_path, tmp_path):
    from core import settings
    from core.ledger import Ledger
    from gui.app import open_context

    with Ledger.open(db_path) as ledger:  # the root demo file has no operator set
        settings.put(ledger, "operator_name", "测试员")
    context, _ = open_context(db_path, tmp_path)
    yield context
    context.db.close()


@pytest.fixture
def idle(ctx, qtbot):
    def wait(timeout: int = 10_000) -> None:
        qtbot.waitUntil(lambda: ctx.db.pending == 0, timeout=timeout)
    return wait


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
