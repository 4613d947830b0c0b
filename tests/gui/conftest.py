"""GUI fixtures: a demo ledger file copied per test, the app context, the main window."""
from __future__ import annotations

import shutil

import pytest

from core import demo, settings
from core.ledger import Ledger


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory):
    """A demo ledger (seed 1) made once; tests get copies."""
    path = tmp_path_factory.mktemp("template") / "ledger.db"
    ledger = Ledger.open(path, operator="测试员")
    settings.set_jurisdiction(ledger, "141000")
    settings.put(ledger, "operator_name", "测试员")
    demo.load(ledger, seed=1)
    ledger.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ledger.close()
    return path


@pytest.fixture
def db_path(demo_file, tmp_path):
    target = tmp_path / "data" / "ledger.db"
    target.parent.mkdir()
    shutil.copy(demo_file, target)
    return target


@pytest.fixture
def demo_ledger(db_path):
    """The demo ledger (seed 1), a fresh copy for each test; overrides the slower root one."""
    opened = Ledger.open(db_path, operator="测试员")
    yield opened
    opened.close()


@pytest.fixture
def app(qapp):
    from gui import app as gui_app, i18n

    qapp.setFont(gui_app.cjk_font())
    i18n.install(qapp, "zh_CN")
    yield qapp
    i18n.install(qapp, "zh_CN")


@pytest.fixture
def ctx(app, db_path, tmp_path, qtbot):
    from gui.app import open_context

    context, needs_setup = open_context(db_path, tmp_path)
    assert not needs_setup
    yield context
    context.db.close()


@pytest.fixture
def idle(ctx, qtbot):
    """Wait until the database worker has answered everything asked of it."""
    def wait(timeout: int = 10_000) -> None:
        qtbot.waitUntil(lambda: ctx.db.pending == 0, timeout=timeout)
    return wait


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
