"""The penalty form as a clerk fills it: problems picked from a list, the daily amount asked for."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

pytestmark = pytest.mark.gui


def _firm_with_problems(ledger):
    firm_id, name = ledger.conn.execute(
        "SELECT e.id, e.name FROM enterprise e WHERE (SELECT count(*) FROM problem p WHERE "
        "p.enterprise_id = e.id AND p.number IS NOT NULL) >= 2 AND (SELECT count(*) FROM "
        "enterprise x WHERE x.name = e.name) = 1 ORDER BY e.rowid LIMIT 1").fetchone()
    numbers = [r[0] for r in ledger.conn.execute(
        "SELECT number FROM problem WHERE enterprise_id = ? ORDER BY assigned_on DESC, rowid DESC",
        (firm_id,))]
    return name, numbers


def _filled_form(ctx, window, idle, number):
    from gui.forms import PenaltyForm

    form = PenaltyForm(ctx, parent=window)
    form.show()
    idle()
    form.fields["case_number"].widget.setText(number)
    form.fields["opened_on"].widget.setText("2026-11-20")
    form.fields["violation"].widget.setPlainText("超标排放")
    return form


def test_problems_are_picked_from_the_enterprises_list_and_linked(qtbot, ctx, window, idle):
    firm, numbers = ctx.db.call(_firm_with_problems)
    form = _filled_form(ctx, window, idle, "临环罚[2026]901号")
    form.fields["enterprise_id"].widget.setText(firm)
    qtbot.mouseClick(form.pick_button, Qt.MouseButton.LeftButton)
    idle()
    qtbot.waitUntil(lambda: getattr(form, "picker", None) is not None
                    and form.picker.isVisible())
    offered = form.picker.list
    assert [offered.item(r).data(Qt.ItemDataRole.UserRole) for r in range(offered.count())] \
        == numbers  # the enterprise's problems only, newest first
    offered.item(1).setCheckState(Qt.CheckState.Checked)
    form.picker.accept()
    assert form.fields["problem"].widget.text() == numbers[1]
    form.validate()
    idle()
    form.accept()
    idle()
    qtbot.waitUntil(lambda: not form.isVisible())
    linked = ctx.db.call(lambda ledger: ledger.conn.execute(
        "SELECT p.number FROM penalty_case c JOIN penalty_problem l ON l.case_id = c.id "
        "JOIN problem p ON p.id = l.problem_id WHERE c.case_number = ?",
        ("临环罚〔2026〕901号",)).fetchall())  # stored with the year in 〔〕
    assert [r[0] for r in linked] == [numbers[1]]


def test_daily_penalty_without_its_amount_is_refused_in_chinese(qtbot, ctx, window, idle):
    form = _filled_form(ctx, window, idle, "临环罚〔2026〕902号")
    form.fields["region_code"].write("141021")
    form.fields["daily_fine"].widget.setChecked(True)
    form.validate()
    idle()
    assert form.fields["daily_fine_amount"].message.text() == \
        "已勾选“按日连续处罚”，请填写按日连续处罚金额（元）"
    assert not form.save_button.isEnabled()
    form.fields["daily_fine_amount"].widget.setText("5000")
    form.validate()
    idle()
    assert form.fields["daily_fine_amount"].message.text() == ""
    assert form.save_button.isEnabled()
