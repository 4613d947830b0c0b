from __future__ import annotations

import datetime as dt
import shutil

import pytest

from core import demo, settings
from core.ledger import Ledger


@pytest.fixture
def ledger(tmp_path):
    """An empty ledger for Linfen city (141000) in a temporary file."""
    opened = Ledger.open(tmp_path / "ledger.db", operator="测试员")
    settings.set_jurisdiction(opened, "141000")
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory):
    """A demo ledger file made once per session, to be copied by each test."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    made = Ledger.open(path, operator="测试员")
    settings.set_jurisdiction(made, "141000")
    settings.put(made, "operator_name", "测试员")
    demo.load(made, seed=1)
    made.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    made.close()
    return path


@pytest.fixture
def db_path(demo_file, tmp_path):
    """A private copy of the demo ledger file, where the app keeps its data."""
    target = tmp_path / "data" / "ledger.db"
    target.parent.mkdir()
    shutil.copyfile(demo_file, target)
    return target


@pytest.fixture
def demo_ledger(db_path):
    """The default demo ledger (2,507 problems, seed 1), a private copy for this test."""
    opened = Ledger.open(db_path, operator="测试员")
    yield opened
    opened.close()


# -- Qt (imported only by the tests that use these fixtures)

@pytest.fixture
def app(qapp):
    """The test QApplication with the app's CJK font and Chinese translations."""
    from core import messages
    from gui import app as gui_app, i18n

    qapp.setFont(gui_app.cjk_font())
    i18n.install(qapp, "zh_CN")
    yield qapp
    i18n.install(qapp, "zh_CN")
    messages.set_language("zh_CN")


@pytest.fixture
def idle(ctx, qtbot):
    """Wait until the database worker has answered everything asked of it."""
    def wait(timeout: int = 10_000) -> None:
        qtbot.waitUntil(lambda: ctx.db.pending == 0, timeout=timeout)
    return wait


@pytest.fixture
def today() -> dt.date:
    return dt.date.today()
