"""The penalty case detail and the manager's clock queue, driven as a user would."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

pytestmark = pytest.mark.gui


def _open_case(qtbot, window, idle, number):
    page = window.page("penalties")
    page.filters.search.setText(number)
    qtbot.keyClick(page.filters.search, Qt.Key.Key_Return)
    idle()
    assert page.model.rowCount() == 1
    page.table.selectionModel().setCurrentIndex(
        page.model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    idle()
    return page


def test_recording_an_order_and_a_recheck_shows_the_count_and_its_clock(qtbot, ctx, window,
                                                                        idle):
    number = ctx.db.call(lambda ledger: ledger.conn.execute(
        "SELECT case_number FROM penalty_case WHERE daily_fine = 0 AND stage = 'paid' "
        "ORDER BY case_number LIMIT 1").fetchone()[0])
    detail = _open_case(qtbot, window, idle, number).detail
    assert detail.heading.text().startswith(number)
    detail.on_day.setText("2026-11-01")
    qtbot.mouseClick(detail.buttons["order"], Qt.MouseButton.LeftButton)
    idle()
    idle()
    clocks = [detail.clocks.item(r, 0).text() for r in range(detail.clocks.rowCount())]
    assert "复查" in clocks  # due 2026-12-01: 30 days after service
    detail.on_day.setText("2026-11-11")
    qtbot.mouseClick(detail.buttons["still"], Qt.MouseButton.LeftButton)
    idle()
    idle()
    lines = [detail.timeline.item(r).text() for r in range(detail.timeline.count())]
    assert any("计罚 2026-11-02 至 2026-11-11，共 10 日" in line for line in lines)
    assert "按日连续处罚：计罚 10 日" in detail.facts.text()
    # A recheck before any order is refused in words, beside the buttons.
    detail.on_day.setText("2020-01-01")
    qtbot.mouseClick(detail.buttons["corrected"], Qt.MouseButton.LeftButton)
    idle()
    assert "没有送达责令改正" in detail.message.text()


def test_the_clock_queue_lists_overdue_and_this_weeks_clocks(qtbot, ctx, window, idle):
    from core.penalties import clocks

    expected = ctx.db.call(clocks.queue)
    page = window.page("penalty_clocks")
    idle()
    assert page.overdue.rowCount() == len(expected["overdue"]) > 0
    assert page.this_week.rowCount() == len(expected["this_week"])
    assert page.overdue.item(0, 0).text() == expected["overdue"][0].case_number
    assert "逾期" in page.overdue.item(0, 2).text()
    page.overdue.selectRow(0)
    idle()
    assert page.detail.heading.text().startswith(expected["overdue"][0].case_number)
