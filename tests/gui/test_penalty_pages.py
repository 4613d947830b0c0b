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


def test_the_penalty_form_links_problems_by_number_and_the_inspection_by_date(qtbot, ctx,
                                                                           window, idle):
    from gui.forms import PenaltyForm

    firm, inspected_on, numbers = ctx.db.call(lambda ledger: _firm_with_two_problems(ledger))
    page = window.page("penalties")
    form = PenaltyForm(ctx, parent=page)
    form.show()
    idle()
    form.fields["case_number"].widget.setText("临环罚〔2026〕900号")
    form.fields["enterprise_id"].widget.setText(firm)
    form.fields["opened_on"].widget.setText("2026-11-20")
    form.fields["violation"].widget.setPlainText("超标排放")
    form.fields["problem"].widget.setText("、".join(numbers) + "、不存在的编号")
    form.fields["inspection"].widget.setText(inspected_on)
    form.validate()
    idle()
    assert "不存在的编号" in form.fields["problem"].message.text()
    assert not form.save_button.isEnabled()
    form.fields["problem"].widget.setText("、".join(numbers))
    form.validate()
    idle()
    form.accept()
    idle()
    linked = ctx.db.call(lambda ledger: ledger.conn.execute(
        "SELECT p.number, c.inspection_id IS NOT NULL FROM penalty_case c JOIN penalty_problem l "
        "ON l.case_id = c.id JOIN problem p ON p.id = l.problem_id WHERE c.case_number = ? "
        "ORDER BY l.rowid", ("临环罚〔2026〕900号",)).fetchall())
    assert [tuple(r) for r in linked] == [(numbers[0], 1), (numbers[1], 1)]


def _firm_with_two_problems(ledger):
    firm_id, name = ledger.conn.execute(
        "SELECT e.id, e.name FROM enterprise e WHERE (SELECT count(*) FROM problem p WHERE "
        "p.enterprise_id = e.id AND p.number IS NOT NULL) >= 2 AND EXISTS (SELECT 1 FROM "
        "inspection i WHERE i.enterprise_id = e.id) AND (SELECT count(*) FROM enterprise x "
        "WHERE x.name = e.name) = 1 ORDER BY e.name LIMIT 1").fetchone()
    inspected_on = ledger.conn.execute("SELECT min(inspected_on) FROM inspection WHERE "
                                       "enterprise_id = ?", (firm_id,)).fetchone()[0]
    numbers = [r[0] for r in ledger.conn.execute(
        "SELECT number FROM problem WHERE enterprise_id = ? AND number IS NOT NULL "
        "ORDER BY number LIMIT 2", (firm_id,))]
    return name, inspected_on, numbers


def test_a_seizure_extended_from_the_detail_and_the_problem_lists_its_case(qtbot, ctx, window,
                                                                          idle):
    from core.penalties import seizures

    case_id, number, problem_number = ctx.db.call(lambda ledger: ledger.conn.execute(
        "SELECT c.id, c.case_number, p.number FROM penalty_case c JOIN penalty_problem l "
        "ON l.case_id = c.id JOIN problem p ON p.id = l.problem_id WHERE c.stage <> 'closed' "
        "AND p.number IS NOT NULL ORDER BY c.case_number LIMIT 1").fetchone())
    ctx.db.call(lambda ledger: seizures.record(ledger, case_id, "2026-11-20"))
    detail = _open_case(qtbot, window, idle, number).detail
    assert detail.buttons["extend_seizure"].isVisibleTo(detail)
    detail.on_day.setText("2026-12-01")
    qtbot.mouseClick(detail.buttons["extend_seizure"], Qt.MouseButton.LeftButton)
    idle()
    idle()
    lines = [detail.timeline.item(r).text() for r in range(detail.timeline.count())]
    # From 11-20: 30 days to 12-20, extended by 30 to 2027-01-19.
    assert any("延长至 2027-01-19" in line for line in lines)
    assert not detail.buttons["extend_seizure"].isVisibleTo(detail)  # once only
    problems_page = window.page("problems")
    problems_page.filters.search.setText(problem_number)
    qtbot.keyClick(problems_page.filters.search, Qt.Key.Key_Return)
    idle()
    problems_page.table.selectionModel().setCurrentIndex(
        problems_page.model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    idle()
    assert number in problems_page.detail.facts.text()
