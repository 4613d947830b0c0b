"""The database worker: operations in order, results on the GUI thread, cancel rolls back."""
from __future__ import annotations

import threading
import time

import pytest

from core import settings
from gui.worker import Cancelled, Database

pytestmark = pytest.mark.gui


@pytest.fixture
def database(tmp_path, qapp):
    db = Database(tmp_path / "ledger.db", "测试员")
    yield db
    db.close()


def test_operations_run_in_order_off_the_gui_thread(qtbot, database):
    gui_thread = threading.get_ident()
    seen, threads = [], []

    def step(number):
        def run(ledger):
            threads.append(threading.get_ident())
            return number
        return run
    for number in range(5):
        database.op(step(number)).success(seen.append).run()
    qtbot.waitUntil(lambda: len(seen) == 5)
    assert seen == [0, 1, 2, 3, 4]
    assert gui_thread not in threads and len(set(threads)) == 1


def test_a_write_is_announced_once_on_the_changed_signal(qtbot, database):
    with qtbot.waitSignal(database.changed) as blocker:
        database.op(lambda ledger: settings.put(ledger, "unit_name", "曲沃县生态环境局")).run()
    assert blocker.args[0].touches("setting")


def test_cancel_stops_long_work_and_rolls_it_back(qtbot, database):
    progress, failures = [], []

    def long_work(ledger, report, cancelled):
        with ledger.transaction():
            settings.put(ledger, "unit_name", "半途而废")
            for done in range(200):
                report(done, 200, "")
                time.sleep(0.01)

    op = database.op(long_work).progress(lambda *args: (progress.append(args), op.cancel()))
    op.failure(failures.append).run()
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert isinstance(failures[0], Cancelled)
    assert progress and len(progress) < 200
    assert database.call(lambda ledger: settings.get(ledger, "unit_name")) is None


def test_an_error_without_a_handler_reaches_the_failed_signal(qtbot, database):
    with qtbot.waitSignal(database.failed) as blocker:
        database.op(lambda ledger: ledger.conn.execute("SELECT * FROM no_such_table")).run()
    assert "no_such_table" in str(blocker.args[0])
