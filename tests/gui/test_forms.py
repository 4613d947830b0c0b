"""Forms driven by keyboard, as a clerk types from paper."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from core import messages
from gui.forms import InspectionForm, ProblemForm

from gui_keys import focused, tab, type_text

pytestmark = pytest.mark.gui


def _open_form(qtbot, window, page, form_class):
    window.page(page)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(f.isVisible() for f in window.findChildren(form_class)))
    form = next(f for f in window.findChildren(form_class) if f.isVisible())
    qtbot.waitUntil(form.isEnabled)
    return form


def _count(ctx, sql, *params):
    return ctx.db.call(lambda ledger: ledger.conn.execute(sql, params).fetchone()[0])


def test_an_inspection_with_two_problems_typed_by_keyboard_is_in_the_ledger(
        qtbot, ctx, window, idle):
    firm_id, code = ctx.db.call(lambda ledger: tuple(ledger.conn.execute(
        "SELECT id, credit_code FROM enterprise ORDER BY name LIMIT 1").fetchone()))
    form = _open_form(qtbot, window, "inspections", InspectionForm)
    type_text(qtbot, focused(), code)                 # enterprise, by credit code
    tab(qtbot)
    type_text(qtbot, focused(), "2024/3/5")           # inspected on, as written on paper
    tab(qtbot, 4)                                     # kind, result, campaign: defaults
    type_text(qtbot, focused(), "王建国")             # officer 1
    tab(qtbot)
    type_text(qtbot, focused(), "李海燕")             # officer 2
    for description, deadline in (("露天煤场未苫盖，扬尘明显", "2024-04-30"),
                                  ("雨污未分流，废水直排汾河", "2024年5月31日")):
        qtbot.keyClick(focused(), Qt.Key.Key_P,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        qtbot.keyClick(focused(), Qt.Key.Key_Down)    # category: the next one in the list
        tab(qtbot)
        type_text(qtbot, focused(), description)
        tab(qtbot)
        type_text(qtbot, focused(), deadline)
    idle()
    last = focused()
    qtbot.keyClick(last, Qt.Key.Key_Return)           # Enter moves on, never saves a sheet
    idle()
    assert form.isVisible() and focused() is not last
    qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S saves
    idle()
    assert [str(i) for i in form.issues] == [] and form.general.text() == ""
    qtbot.waitUntil(lambda: not form.isVisible())
    idle()
    found = ctx.db.call(lambda ledger: [tuple(r) for r in ledger.conn.execute(
        "SELECT p.description, p.deadline, p.assigned_on, p.source FROM problem p "
        "JOIN inspection i ON i.id = p.inspection_id WHERE i.enterprise_id = ? "
        "AND i.inspected_on = '2024-03-05' ORDER BY p.deadline", (firm_id,))])
    assert found == [("露天煤场未苫盖，扬尘明显", "2024-04-30", "2024-03-05", "inspection"),
                     ("雨污未分流，废水直排汾河", "2024-05-31", "2024-03-05", "inspection")]
    assert _count(ctx, "SELECT count(*) FROM inspection_officer o JOIN inspection i "
                       "ON i.id = o.inspection_id WHERE i.inspected_on = '2024-03-05' "
                       "AND o.name IN ('王建国', '李海燕')") == 2
    problems_page = window.page("problems")
    problems_page.filters.search.setText("废水直排汾河")
    qtbot.keyClick(problems_page.filters.search, Qt.Key.Key_Return)
    idle()
    assert problems_page.model.rowCount() == 1
    assert problems_page.model.value(0, "description") == "雨污未分流，废水直排汾河"


def test_an_invalid_date_shows_its_message_and_nothing_is_saved(qtbot, ctx, window, idle):
    before = _count(ctx, "SELECT count(*) FROM problem")
    form = _open_form(qtbot, window, "problems", ProblemForm)
    form.fields["enterprise_id"].widget.setFocus()
    type_text(qtbot, focused(), ctx.db.call(lambda ledger: ledger.conn.execute(
        "SELECT credit_code FROM enterprise LIMIT 1").fetchone()[0]))
    form.fields["description"].widget.setFocus()
    type_text(qtbot, focused(), "厂区道路扬尘")
    form.fields["assigned_on"].widget.setFocus()
    type_text(qtbot, focused(), "2024-02-30")
    tab(qtbot)
    type_text(qtbot, focused(), "2024-06-30")
    idle()
    message = form.fields["assigned_on"].message
    assert message.text() == messages.text("error.date_invalid", value="2024-02-30")
    assert "日期" in message.text()
    assert not form.save_button.isEnabled()
    assert "c62828" in form.fields["assigned_on"].widget.styleSheet()
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    idle()
    assert form.isVisible()
    assert _count(ctx, "SELECT count(*) FROM problem") == before
    form.fields["assigned_on"].widget.setFocus()
    form.fields["assigned_on"].widget.clear()
    type_text(qtbot, focused(), "2024-02-28")
    idle()
    assert message.text() == "" and form.save_button.isEnabled()
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.isVisible())
    idle()
    assert _count(ctx, "SELECT count(*) FROM problem") == before + 1


def test_a_draft_is_restored_after_the_window_is_closed_without_saving(qtbot, ctx, window,
                                                                       idle, monkeypatch):
    from gui.main_window import MainWindow

    form = _open_form(qtbot, window, "problems", ProblemForm)
    form.fields["description"].widget.setFocus()
    type_text(qtbot, focused(), "危险废物露天堆放，无防渗措施")
    form.fields["deadline"].widget.setFocus()
    type_text(qtbot, focused(), "2024/7/1")
    window.close()
    assert not form.isVisible()
    assert len(ctx.drafts.pending()) == 1
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    again.show()
    assert again.drafts.isVisible()
    assert "1" in again.drafts.label.text()
    qtbot.mouseClick(again.drafts.restore_button, Qt.MouseButton.LeftButton)
    restored = next(f for f in again.findChildren(ProblemForm))
    qtbot.waitUntil(restored.isEnabled)
    assert restored.fields["description"].widget.toPlainText() == "危险废物露天堆放，无防渗措施"
    assert restored.fields["deadline"].widget.text() == "2024/7/1"  # as typed: a deadline field
    assert not again.drafts.isVisible()
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: asked.append(args[2])
                        or QMessageBox.StandardButton.Discard)
    qtbot.keyClick(restored, Qt.Key.Key_Escape)   # Esc asks, then drops the draft
    assert len(asked) == 1 and ctx.drafts.pending() == []
