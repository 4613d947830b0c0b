"""Saved inspection sheets open again from the Inspections page, are corrected and saved
with Ctrl+S only, are deleted by a manager; Esc on a changed form asks; the wheel over a
combo box the user did not click leaves it alone."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from core import inspections
from gui.forms import InspectionForm

pytestmark = pytest.mark.gui


def _sheet_without_problems(ctx):
    def make(ledger):
        firm = ledger.conn.execute("SELECT id FROM enterprise ORDER BY name LIMIT 1").fetchone()[0]
        return inspections.add(ledger, {"enterprise_id": firm, "inspected_on": "2026-11-20",
                                        "kind": "random", "result": "no_problem",
                                        "notes": "现场无异常"}, ["王建国", "李海燕"]).id
    return ctx.db.call(make)


def _open(qtbot, window, idle, row_id):
    page = window.page("inspections")
    idle()
    form = InspectionForm.edit(page.ctx, row_id, parent=page)
    qtbot.waitUntil(form.isEnabled)
    idle()
    return form


def test_a_saved_sheet_is_corrected_and_only_ctrl_s_saves(qtbot, ctx, window, idle):
    row_id = _sheet_without_problems(ctx)
    form = _open(qtbot, window, idle, row_id)
    assert form.windowTitle() == "检查记录"
    assert form.fields["officer_2"].widget.text() == "李海燕"
    notes = form.fields["officer_2"].widget
    notes.setFocus()
    notes.selectAll()
    qtbot.keyClicks(notes, "Zhao")
    qtbot.keyClick(notes, Qt.Key.Key_Return)        # moves on, does not save
    idle()
    assert form.isVisible() and QApplication.focusWidget() is not notes
    assert ctx.db.call(lambda ledger: inspections.get(ledger, row_id)["officers"]) == [
        "王建国", "李海燕"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not form.isVisible())
    assert ctx.db.call(lambda ledger: inspections.get(ledger, row_id)["officers"]) == [
        "王建国", "Zhao"]


def test_problems_found_without_a_problem_is_refused_on_the_sheet(qtbot, ctx, window, idle):
    row_id = _sheet_without_problems(ctx)
    form = _open(qtbot, window, idle, row_id)
    form.fields["result"].write("problems_found")
    form.validate()
    idle()
    qtbot.waitUntil(lambda: "没有填写任何问题" in form.fields["result"].message.text())
    assert not form.save_button.isEnabled()


def test_a_manager_deletes_a_sheet(qtbot, ctx, window, idle, monkeypatch):
    row_id = _sheet_without_problems(ctx)
    form = _open(qtbot, window, idle, row_id)
    assert form.delete_button.isVisible()               # the default operator is an admin
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kw: QMessageBox.StandardButton.Yes)
    form.ask_delete()
    qtbot.waitUntil(lambda: not form.isVisible())
    assert ctx.db.call(lambda ledger: ledger.conn.execute(
        "SELECT count(*) FROM inspection WHERE id = ?", (row_id,)).fetchone()[0]) == 0


def test_a_clerk_is_not_offered_delete(qtbot, ctx, window, idle):
    row_id = _sheet_without_problems(ctx)
    ctx.db.call(lambda ledger: setattr(ledger, "role", "clerk"))
    form = _open(qtbot, window, idle, row_id)
    assert not form.delete_button.isVisible()


def test_esc_on_a_changed_form_asks_first(qtbot, ctx, window, idle, monkeypatch):
    row_id = _sheet_without_problems(ctx)
    form = _open(qtbot, window, idle, row_id)
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kw: asked.append(args[2]) or answers.pop(0))
    form.fields["notes"].widget.setPlainText("补记")
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert form.isVisible() and len(asked) == 1        # Cancel: the form stays as typed
    assert form.fields["notes"].widget.toPlainText() == "补记"
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert not form.isVisible() and len(asked) == 2
    unchanged = _open(qtbot, window, idle, row_id)
    qtbot.keyClick(unchanged, Qt.Key.Key_Escape)       # nothing typed: closes, no question
    assert not unchanged.isVisible() and len(asked) == 2


def test_the_wheel_does_not_change_a_combo_the_user_did_not_click(qtbot, ctx, window, idle):
    form = _open(qtbot, window, idle, _sheet_without_problems(ctx))
    combo = form.fields["kind"].widget
    form.fields["officer_1"].widget.setFocus()
    before = combo.currentIndex()

    def wheel():
        event = QWheelEvent(QPointF(5, 5), QPointF(combo.mapToGlobal(QPoint(5, 5))),
                            QPoint(0, 0), QPoint(0, -120), Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(combo, event)
    wheel()
    assert combo.currentIndex() == before
    combo.setFocus()
    wheel()
    assert combo.currentIndex() == before + 1
