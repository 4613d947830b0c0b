"""The problem table scrolled from top to bottom: pages by key, every row exactly once."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core import queries
from core.queries import PROBLEMS, Query
from gui import labels
from gui.models.table import PAGE, LedgerTableModel

pytestmark = pytest.mark.gui

COLUMNS = ("number", "enterprise", "status", "deadline")


def test_scrolling_reads_each_next_page_by_key_and_every_row_once(ctx, idle, monkeypatch,
                                                                   qtmodeltester):
    calls = {"after": 0, "at": 0}
    for name, fn in (("after", queries.page_after), ("at", queries.page_at)):
        monkeypatch.setattr(queries, f"page_{name}",
                            lambda *a, _fn=fn, _name=name, **k: (calls.__setitem__(
                                _name, calls[_name] + 1), _fn(*a, **k))[1])
    model = LedgerTableModel(ctx, PROBLEMS, COLUMNS, labels.headers(), labels.cell)
    model.set_query(Query(sort="enterprise"))
    idle()
    qtmodeltester.check(model, force_py=False)
    total = model.rowCount()
    ids = []
    for start in range(0, total, PAGE):
        model.row(start)
        idle()
        ids += [model.row_id(n) for n in range(start, min(start + PAGE, total))]
    pages = -(-total // PAGE)
    assert len(ids) == len(set(ids)) == total == 2507
    assert calls["after"] == pages - 1  # every page after the first came by key
    expected = ctx.db.call(lambda ledger: [r[0] for r in queries.page(
        ledger, PROBLEMS, Query(sort="enterprise"), 0, total)])
    assert ids == expected


def test_a_jump_reads_by_position_and_scrolling_up_from_it_by_key(ctx, idle, monkeypatch):
    before = []
    real = queries.page_before
    monkeypatch.setattr(queries, "page_before", lambda *a, **k: (before.append(1), real(*a, **k))[1])
    model = LedgerTableModel(ctx, PROBLEMS, COLUMNS, labels.headers(), labels.cell)
    model.set_query(Query(sort="deadline", descending=True))
    idle()
    model.sort(COLUMNS.index("deadline"), Qt.SortOrder.DescendingOrder)
    idle()
    middle = 6 * PAGE
    assert model.row(middle) is None  # a jump: nobody has read this far yet
    idle()
    assert model.row(middle - 1) is None
    idle()
    assert before == [1]
    whole = ctx.db.call(lambda ledger: queries.page(
        ledger, PROBLEMS, Query(sort="deadline", descending=True), 0, 2507))
    assert [model.row_id(n) for n in range(middle - PAGE, middle + PAGE)] == \
        [r[0] for r in whole[middle - PAGE:middle + PAGE]]
