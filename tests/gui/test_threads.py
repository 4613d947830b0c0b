"""The writer, the reader and the files thread: neither kind of work waits for the other."""
from __future__ import annotations

import threading

import pytest

from core import settings
from core.errors import LedgerError
from gui.worker import Database

pytestmark = pytest.mark.gui


@pytest.fixture
def database(tmp_path, qapp):
    db = Database(tmp_path / "ledger.db", "测试员")
    db.call(lambda ledger: settings.put(ledger, "unit_name", "曲沃县生态环境局"))
    yield db
    db.close()


def unit_name(ledger) -> str | None:
    return settings.get(ledger, "unit_name")


def test_a_read_answers_while_a_write_is_still_running(qtbot, database):
    release, started, seen = threading.Event(), threading.Event(), []

    def slow_write(ledger):
        with ledger.transaction():
            settings.put(ledger, "unit_name", "尚未提交")
            started.set()
            release.wait(10)
    database.op(slow_write).run()
    assert started.wait(10)
    database.read(unit_name).success(seen.append).run()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    release.set()
    # The read did not queue behind the write, and saw only what was committed.
    assert seen == ["曲沃县生态环境局"]
    qtbot.waitUntil(lambda: database.pending == 0)
    database.read(unit_name).success(seen.append).run()
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert seen[1] == "尚未提交"


def test_a_write_goes_through_and_is_announced_during_a_slow_read(qtbot, database):
    release, reading, answers = threading.Event(), threading.Event(), []

    def slow_read(ledger):
        value = unit_name(ledger)
        reading.set()
        release.wait(10)
        return value
    database.read(slow_read).success(answers.append).run()
    assert reading.wait(10)
    with qtbot.waitSignal(database.changed, timeout=5000) as blocker:
        database.op(lambda ledger: settings.put(ledger, "unit_name", "翼城县生态环境局")).run()
    assert blocker.args[0].touches("setting") and answers == []
    release.set()
    qtbot.waitUntil(lambda: bool(answers))
    assert answers == ["曲沃县生态环境局"]  # the read's snapshot began before the write


def test_the_reader_runs_on_its_own_thread_and_refuses_to_write(qtbot, database):
    threads, failures = {}, []
    database.op(lambda ledger: threads.setdefault("writer", threading.get_ident())).run()
    database.read(lambda ledger: threads.setdefault("reader", threading.get_ident())).run()
    database.read(lambda ledger: settings.put(ledger, "unit_name", "x")) \
        .failure(failures.append).run()
    qtbot.waitUntil(lambda: len(threads) == 2 and bool(failures))
    assert threads["writer"] != threads["reader"] != threading.get_ident()
    assert isinstance(failures[0], LedgerError)
    assert database.call(unit_name) == "曲沃县生态环境局"


def test_parsing_a_file_needs_no_ledger_and_does_not_wait_for_the_writer(qtbot, database):
    release, started, parsed = threading.Event(), threading.Event(), []

    def busy(ledger):
        started.set()
        release.wait(10)
    database.op(busy).run()
    assert started.wait(10)
    database.parse(lambda: "读完了").success(parsed.append).run()
    qtbot.waitUntil(lambda: bool(parsed), timeout=5000)
    release.set()
    assert parsed == ["读完了"]


def test_a_slow_read_leaves_the_other_reader_for_table_pages(qtbot, database):
    release, reading, answers = threading.Event(), threading.Event(), []

    def slow_dashboard(ledger):
        reading.set()
        release.wait(10)
        return "dashboard"
    database.read(slow_dashboard).success(answers.append).run()
    assert reading.wait(10)
    database.read(lambda ledger: "a page").success(answers.append).run()
    qtbot.waitUntil(lambda: bool(answers), timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: len(answers) == 2)
    assert answers == ["a page", "dashboard"]


def test_readers_see_a_restored_backup(qtbot, database, tmp_path):
    from core import backup

    copy = tmp_path / "before.zip"
    database.call(lambda ledger: backup.make(ledger, copy, force=True))
    seen = []
    database.call(lambda ledger: settings.put(ledger, "unit_name", "改过的名称"))
    for _ in range(Database.READERS):  # every reader's connection is open now
        database.read(unit_name).success(seen.append).run()
    qtbot.waitUntil(lambda: len(seen) == Database.READERS)
    database.call(lambda ledger: backup.restore(ledger, copy))
    for _ in range(Database.READERS):
        database.read(unit_name).success(seen.append).run()
    qtbot.waitUntil(lambda: len(seen) == 2 * Database.READERS)
    assert seen == ["改过的名称"] * Database.READERS + ["曲沃县生态环境局"] * Database.READERS


@pytest.mark.parametrize("why", ["damaged", "read_only_folder"])
def test_readers_open_a_ledger_the_writer_opened_read_only(qtbot, tmp_path, monkeypatch, why):
    """A damaged file, or one in a folder nobody may write, opens read-only on the writer;
    the readers still open it (read-only, never migrating nor writing) and answer."""
    from core import db as connections
    from core.ledger import Ledger

    path = tmp_path / "ledger.db"
    with Ledger.open(path) as ledger:
        settings.put(ledger, "unit_name", "曲沃县生态环境局")
    if why == "damaged":
        def damaged(where, check=True, before_migration=None):
            raise connections.Damaged(where, "第 3 页: 测试")
        monkeypatch.setattr(connections, "connect", damaged)
    else:
        monkeypatch.setattr(connections, "writable", lambda where: False)
    before = path.read_bytes()
    database = Database(path, "测试员")
    try:
        reason = database.call(lambda ledger: ledger.read_only)
        assert reason == ("error.ledger_damaged" if why == "damaged"
                          else "error.ledger_read_only")
        seen, threads, failures = [], {}, []
        database.read(lambda ledger: (threads.setdefault("reader", threading.get_ident()),
                                      unit_name(ledger))[1]).success(seen.append).run()
        database.read(lambda ledger: settings.put(ledger, "unit_name", "x")) \
            .failure(failures.append).run()
        qtbot.waitUntil(lambda: bool(seen) and bool(failures), timeout=5000)
        assert seen == ["曲沃县生态环境局"] and threads["reader"] != threading.get_ident()
        assert isinstance(failures[0], LedgerError)
    finally:
        database.close()
    assert path.read_bytes() == before  # nothing migrated nor written
