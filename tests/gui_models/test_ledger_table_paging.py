"""The paged table model driven by a fake worker that runs each read at once on the test's
thread (as Vorta fakes its borg jobs): every page, the cache bound, and writes elsewhere."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Qt, Signal

from core import problems, queries
from core.changes import Changes
from core.queries import PROBLEMS, Query
from gui import labels
from gui.models import table
from gui.models.table import PAGE, LedgerTableModel
from gui.pages.problems import ProblemsPage

COLUMNS = ProblemsPage.columns
NUMBER = COLUMNS.index("number")


class _Read:
    def __init__(self, database: "FakeDatabase", fn):
        self.database, self.fn, self.callback = database, fn, None

    def success(self, callback):
        self.callback = callback
        return self

    def run(self):
        self.database.reads += 1
        self.callback(self.fn(self.database.ledger))
        return self


class FakeDatabase:
    """`read(fn).success(cb).run()` as gui.worker.Database has it, without threads."""

    def __init__(self, ledger):
        self.ledger, self.reads = ledger, 0

    def read(self, fn):
        return _Read(self, fn)


class FakeContext(QObject):
    changed = Signal(object)

    def __init__(self, ledger):
        super().__init__()
        self.db = FakeDatabase(ledger)


@pytest.fixture
def fake(demo_ledger, app):
    return FakeContext(demo_ledger)


def _model(fake):
    shown = LedgerTableModel(fake, PROBLEMS, COLUMNS, labels.headers(), labels.cell,
                             ProblemsPage.watched)
    shown.set_query(Query(sort="number"))
    return shown


@pytest.fixture
def model(fake, checked):
    return checked(_model(fake))


def _number(model, row):
    model.row(row)  # the first look asks for the page; the fake answers at once
    return model.index(row, NUMBER).data()


def test_scrolling_to_the_end_shows_every_problem_once_in_order(fake, monkeypatch):
    # No model tester here: on each page's dataChanged it checks all 2,000 of its cells,
    # which from Python costs seconds a page (the other tests run under it).
    model = _model(fake)
    monkeypatch.setattr(table, "MAX_PAGES", 3)  # a small cache: pages are dropped and read again
    by_key = []
    after = queries.page_after
    monkeypatch.setattr(queries, "page_after",
                        lambda *a, **k: by_key.append(1) or after(*a, **k))
    numbers = [r[0] for r in fake.db.ledger.conn.execute(
        "SELECT number FROM problem ORDER BY number, id")]
    assert model.rowCount() == len(numbers) == 2507
    assert [_number(model, row) for row in range(model.rowCount())] == numbers
    assert len(model._pages) <= 3
    pages = -(-len(numbers) // PAGE)
    assert len(by_key) == pages - 1  # each page after the first read by the key before it
    assert fake.db.reads == pages  # the count and first page in one read, then one per page
    middle = 5 * PAGE + 1
    assert 5 not in model._pages  # dropped long ago: read again, by position
    assert _number(model, middle) == numbers[middle]
    assert fake.db.reads == pages + 1 and len(by_key) == pages - 1


def test_an_edit_elsewhere_keeps_the_rows_and_shows_the_new_text(model, fake, qtbot):
    ledger = fake.db.ledger
    description = COLUMNS.index("description")
    row_id = model.row_id(3)
    assert row_id is not None
    problems.update(ledger, row_id, {"description": "料场未苫盖，已督促整改"})
    with qtbot.assertNotEmitted(model.modelReset), \
            qtbot.waitSignal(model.dataChanged, timeout=1000):
        fake.changed.emit(Changes.of("problem", ids=(row_id,)))
    assert model.index(3, description).data() == "料场未苫盖，已督促整改"
    assert model.rowCount() == 2507


def test_a_problem_added_elsewhere_is_counted_and_a_hidden_table_waits(model, fake, qtbot):
    ledger = fake.db.ledger
    shown = [True]
    model.seen = lambda: shown[0]
    shown[0] = False  # another page is in front
    added = problems.add(ledger, {"source": "inspection", "region_code": "141021",
                                  "category": "dust", "description": "新交办的问题",
                                  "assigned_on": "2026-01-05", "deadline": "2026-03-01"})
    reads = fake.db.reads
    fake.changed.emit(added)
    assert model.rowCount() == 2507 and fake.db.reads == reads  # nothing read while hidden
    fake.changed.emit(Changes.of("penalty_case"))  # not this table's: ignored
    shown[0] = True
    with qtbot.waitSignal(model.modelReset, timeout=1000):
        model.shown()
    assert model.rowCount() == 2508
    where = queries.position(ledger, PROBLEMS, model.query, added.id)
    model.row(where)
    assert model.row_id(where) == added.id
    assert model.index(where, COLUMNS.index("description")).data() == "新交办的问题"


def test_the_id_and_the_overdue_colour_come_with_the_row(model, fake):
    overdue = {r[0] for r in fake.db.ledger.conn.execute(
        "SELECT id FROM problem WHERE status <> 'closed' AND withdrawn_on IS NULL "
        "AND deadline_in_force < date('now')")}
    reds = 0
    for row in range(PAGE):
        model.row(row)
        colour = model.index(row, 0).data(Qt.ItemDataRole.ForegroundRole)
        red = colour is not None and colour.name() == "#b3261e"
        assert red == (model.index(row, 0).data(Qt.ItemDataRole.UserRole) in overdue)
        reds += red
    assert reds > 0
