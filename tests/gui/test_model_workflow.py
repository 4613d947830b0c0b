"""The GUI over the model: text deadlines typed in the problem form, closing with acceptance."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication

from core import attachments, numbering, problems
from gui.forms import ProblemForm

from gui_keys import type_text

pytestmark = pytest.mark.gui


def _problem_form(qtbot, window):
    window.page("problems")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(f.isVisible() for f in window.findChildren(ProblemForm)))
    form = next(f for f in window.findChildren(ProblemForm) if f.isVisible())
    qtbot.waitUntil(form.isEnabled)
    return form


def _type(qtbot, form, key: str, text: str) -> None:
    widget = form.fields[key].widget
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)
    type_text(qtbot, widget, text)


def _new_problem(qtbot, window, idle, description: str, deadline: str):
    form = _problem_form(qtbot, window)
    form.fields["region_code"].write("141021")
    _type(qtbot, form, "description", description)
    _type(qtbot, form, "assigned_on", "2025-09-26")
    _type(qtbot, form, "deadline", deadline)
    qtbot.waitUntil(lambda: form.save_button.isEnabled() and not form._timer.isActive())
    idle()
    return form


def _show_problem(qtbot, window, ctx, idle, status: str):
    """The problems page showing the first problem in `status`, selected."""
    row_id, number = ctx.db.call(lambda ledger: tuple(ledger.conn.execute(
        "SELECT id, number FROM problem WHERE status = ? AND withdrawn_on IS NULL "
        "ORDER BY number LIMIT 1", (status,)).fetchone()))
    page = window.page("problems")
    page.filters.search.setText(number)
    qtbot.keyClick(page.filters.search, Qt.Key.Key_Return)
    idle()
    page.table.selectionModel().setCurrentIndex(
        page.model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    idle()
    assert page.detail.row_id == row_id
    return page, row_id


def _stored(ctx, description: str) -> dict:
    return ctx.db.call(lambda ledger: dict(ledger.conn.execute(
        "SELECT * FROM problem WHERE description = ?", (description,)).fetchone()))


@pytest.mark.parametrize("deadline,kind,day", [
    ("长期坚持", "ongoing", None),
    ("20个工作日内", "working_days", "2025-10-30"),  # over the National Day holiday
])
def test_a_text_deadline_typed_in_the_problem_form(qtbot, ctx, window, idle, deadline, kind, day):
    description = f"料场扬尘（{deadline}）"
    form = _new_problem(qtbot, window, idle, description, deadline)
    assert form.save_button.isEnabled(), [str(i) for i in form.issues]
    qtbot.keyClick(form.fields["deadline"].widget, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.isVisible())
    idle()
    stored = _stored(ctx, description)
    assert (stored["deadline_kind"], stored["deadline"], stored["deadline_text"]) == (
        kind, day, deadline)
    assert stored["number"].startswith("141021-")  # numbered automatically


def test_a_vague_deadline_is_kept_with_a_warning_beside_the_field(qtbot, ctx, window, idle):
    form = _new_problem(qtbot, window, idle, "燃煤锅炉未淘汰", "采暖期前")
    qtbot.waitUntil(lambda: "请尽快确定" in form.fields["deadline"].message.text())
    assert form.save_button.isEnabled()
    form.accept()
    qtbot.waitUntil(lambda: not form.isVisible())
    assert _stored(ctx, "燃煤锅炉未淘汰")["deadline_text"] == "采暖期前"


def test_closing_asks_for_the_acceptance_in_a_small_form(qtbot, ctx, window, idle, tmp_path):
    page, row_id = _show_problem(qtbot, window, ctx, idle, "reported_done")
    qtbot.mouseClick(page.detail.transition_buttons["closed"], Qt.MouseButton.LeftButton)
    idle()
    form = page.detail.dialog
    qtbot.waitUntil(form.isEnabled)
    assert form.isVisible() and form.fields["accepted_on"].read()  # today, ready to change
    assert ctx.db.call(lambda ledger: problems.get(ledger, row_id))["status"] == "reported_done"
    # no verifier and no opinion yet: said beside the fields, and Save waits
    qtbot.waitUntil(lambda: "必填" in form.fields["accepted_by"].message.text())
    assert not form.save_button.isEnabled()
    photo = tmp_path / "整改后.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n")
    _type(qtbot, form, "accepted_by", "赵志强")
    _type(qtbot, form, "opinion", "经现场核查，已整改到位，同意销号")
    form.photo_list.set_paths([str(photo)])
    qtbot.waitUntil(form.save_button.isEnabled)
    form.accept()
    qtbot.waitUntil(lambda: not form.isVisible())
    idle()
    accepted = ctx.db.call(lambda ledger: problems.acceptances(ledger, row_id))
    assert [(a["accepted_by"], a["opinion"]) for a in accepted] == [
        ("赵志强", "经现场核查，已整改到位，同意销号")]
    assert "赵志强" in page.detail.facts.text()
    files = ctx.db.call(lambda ledger: [(f.name, f.phase)
                                        for f in attachments.of_problem(ledger, row_id)])
    assert ("整改后.png", "after") in files


def test_the_bureau_sets_its_numbering_pattern_in_the_settings(qtbot, ctx, window, idle):
    from gui.dialogs.settings import SettingsDialog

    dialog = SettingsDialog(ctx, parent=window)
    assert dialog.numbering.text() == "{region}-{seq:06d}"
    qtbot.waitUntil(dialog.numbering.isEnabled)  # an administrator's setting
    dialog.numbering.setText("QW-{sequence}")  # not a placeholder: refused, the dialog stays
    dialog.accept()
    assert "编号规则" in dialog.note.text()
    dialog.numbering.setText("QW-{year}-{seq:04d}")
    dialog.accept()
    idle()
    assert ctx.db.call(lambda ledger: numbering.pattern(ledger.conn)) == "QW-{year}-{seq:04d}"
