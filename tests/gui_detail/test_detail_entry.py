"""The problem detail: measures, progress notes and deadline extensions typed from the keyboard."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from core import problems
from gui_keys import type_text

pytestmark = pytest.mark.gui


def _problem(ctx, status: str = "in_progress") -> str:
    """A problem in `status` with no extension requested yet."""
    return ctx.db.call(lambda ledger: ledger.conn.execute(
        "SELECT id FROM problem p WHERE status = ? AND withdrawn_on IS NULL"
        " AND NOT EXISTS (SELECT 1 FROM deadline_extension WHERE problem_id = p.id)"
        " ORDER BY id LIMIT 1", (status,)).fetchone()[0])


def _detail(ctx, qtbot, row_id: str):
    from gui.problem_detail.detail import ProblemDetail

    detail = ProblemDetail(ctx)
    qtbot.addWidget(detail)
    detail.resize(900, 800)
    detail.show()
    qtbot.waitExposed(detail)
    detail.activateWindow()
    detail.show_problem(row_id)
    qtbot.waitUntil(lambda: detail.data is not None and detail.data.problem["id"] == row_id)
    return detail


def _open_form(detail, qtbot, key: str):
    """Ctrl+<key> from the detail's date field; the form once it can be typed into."""
    detail.on_day.setFocus()
    qtbot.keyClick(detail.on_day, key, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: detail.rectification.dialog is not None)
    form = detail.rectification.dialog
    qtbot.addWidget(form)
    qtbot.waitUntil(form.isEnabled)
    return form


def _type(qtbot, form, *texts: str) -> None:
    """Type each text into the field that has the focus, then Tab to the next."""
    for text in texts:
        widget = QApplication.focusWidget()
        assert widget is not None and form.isAncestorOf(widget), widget
        if text:
            type_text(qtbot, widget, text)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)


def _timeline(detail) -> list[str]:
    return [detail.timeline.item(i).text() for i in range(detail.timeline.count())]


def test_a_measure_is_added_by_keyboard_and_shows_in_the_lists(ctx, qtbot, idle):
    row_id = _problem(ctx)
    detail = _detail(ctx, qtbot, row_id)
    measures = detail.rectification.measures
    before = measures.count()
    form = _open_form(detail, qtbot, Qt.Key.Key_M)
    assert QApplication.focusWidget() is form.fields["description"].widget
    _type(qtbot, form, "料场全封闭并安装喷淋", "王建国", "2099-12-31", "60")
    qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: measures.count() == before + 1)
    assert measures.item(before).text() == \
        f"{before + 1}. 料场全封闭并安装喷淋 · 王建国 · 限 2099-12-31 前 · 60%"
    assert any("料场全封闭并安装喷淋" in line for line in _timeline(detail))
    stored = ctx.db.call(lambda ledger: problems.measures(ledger, row_id))
    assert len(stored) == before + 1
    assert (stored[-1]["description"], stored[-1]["responsible"], stored[-1]["deadline"],
            stored[-1]["progress"]) == ("料场全封闭并安装喷淋", "王建国", "2099-12-31", 60)

    # Enter on the measure opens it again; its progress is updated
    measures.setCurrentRow(before)
    measures.setFocus()
    qtbot.keyClick(measures, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: detail.rectification.dialog is not form)
    again = detail.rectification.dialog
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.isEnabled()
                    and again.fields["progress"].read() == "60")
    again.fields["progress"].widget.setText("100")
    again.fields["done_on"].widget.setText(dt.date.today().isoformat())
    qtbot.keyClick(again.fields["done_on"].widget, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: measures.item(before).text().endswith(
        f"100% · {dt.date.today().isoformat()} 完成"))


def test_an_invalid_measure_date_is_told_and_nothing_is_saved(ctx, qtbot, idle):
    row_id = _problem(ctx)
    detail = _detail(ctx, qtbot, row_id)
    stored = ctx.db.call(lambda ledger: problems.measures(ledger, row_id))
    form = _open_form(detail, qtbot, Qt.Key.Key_M)
    _type(qtbot, form, "硬化道路", "", "2024-13-45")
    deadline = form.fields["deadline"]
    # a deadline may be a text (长期坚持…): the core reads it and tells what is wrong
    qtbot.waitUntil(lambda: "不是有效日期" in deadline.message.text())
    assert not form.save_button.isEnabled()
    qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Return)
    idle()
    assert form.isVisible()

    deadline.widget.setText("2099-06-30")
    form.fields["done_on"].widget.setText("2099-07-01")  # a measure cannot be done tomorrow
    qtbot.waitUntil(lambda: "晚于今天" in form.fields["done_on"].message.text())
    assert deadline.message.text() == "" and not form.save_button.isEnabled()
    form.accept()
    idle()
    assert form.isVisible()
    assert ctx.db.call(lambda ledger: problems.measures(ledger, row_id)) == stored
    assert detail.rectification.measures.count() == len(stored)


def test_a_progress_note_is_added_with_enter_and_a_bad_date_is_marked(ctx, qtbot, idle):
    row_id = _problem(ctx)
    detail = _detail(ctx, qtbot, row_id)
    assert not detail.add_note_button.isEnabled()  # nothing typed yet
    detail.on_day.setText("2024-02-30")
    assert "不是有效日期" in detail.message.text()
    assert not detail.add_note_button.isEnabled()
    assert not any(b.isEnabled() for b in detail.transition_buttons.values())
    detail.on_day.setText("")
    assert detail.message.text() == ""
    detail.note.setFocus()
    type_text(qtbot, detail.note, "已拆除违规设备")
    qtbot.keyClick(detail.note, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any("已拆除违规设备" in line for line in _timeline(detail)))
    assert detail.note.text() == ""


def test_a_clerk_requests_an_extension_and_a_manager_approves_it(ctx, qtbot, idle, sign_in):
    sign_in("clerk")
    row_id = _problem(ctx)
    detail = _detail(ctx, qtbot, row_id)
    original = detail.data.problem["deadline"]
    in_force = dt.date.fromisoformat(detail.data.problem["deadline_in_force"])
    later = (max(in_force, dt.date.today()) + dt.timedelta(days=30)).isoformat()

    form = _open_form(detail, qtbot, Qt.Key.Key_E)
    _type(qtbot, form, later)  # the reason left blank
    qtbot.waitUntil(lambda: form.fields["reason"].message.text() == "必填")
    assert not form.save_button.isEnabled()
    qtbot.keyClick(form.focusWidget(), Qt.Key.Key_Return)
    idle()
    assert ctx.db.call(lambda ledger: problems.extensions(ledger, row_id)) == []

    form.fields["reason"].widget.setFocus()
    type_text(qtbot, form.fields["reason"].widget, "除尘设备到货延迟")
    qtbot.waitUntil(form.save_button.isEnabled)
    qtbot.keyClick(form.fields["reason"].widget, Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any("除尘设备到货延迟" in line for line in _timeline(detail)))
    assert detail.rectification.pending is not None
    assert detail.rectification.approve_button.isHidden()  # a clerk is not offered approval
    assert detail.data.problem["deadline_in_force"] == in_force.isoformat()

    sign_in("chief")
    detail.show_problem(row_id)
    qtbot.waitUntil(lambda: detail.rectification.approve_button.isVisible())
    assert later in detail.rectification.approve_button.text()
    detail.rectification.approve_button.setFocus()
    qtbot.keyClick(detail.rectification.approve_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: detail.data.problem["deadline_in_force"] == later)
    assert f"{later}（已延期，原时限 {original}）" in detail.facts.text()
    assert detail.rectification.approve_button.isHidden()  # nothing left to approve
    stored = ctx.db.call(lambda ledger: problems.get(ledger, row_id))
    assert (stored["deadline"], stored["deadline_in_force"]) == (original, later)


def test_a_clerk_sees_no_approve_button_for_a_pending_request(ctx, qtbot, sign_in):
    row_id = _problem(ctx)
    later = (dt.date.today() + dt.timedelta(days=400)).isoformat()
    ctx.db.call(lambda ledger: problems.request_extension(ledger, row_id, later, "设备采购"))
    sign_in("clerk")
    detail = _detail(ctx, qtbot, row_id)
    assert detail.rectification.pending["new_deadline"] == later
    assert detail.rectification.approve_button.isHidden()
    assert detail.rectification.request_button.isVisible()


def test_a_closed_problem_takes_no_extension_request(ctx, qtbot):
    detail = _detail(ctx, qtbot, _problem(ctx, "closed"))
    assert not detail.rectification.request_button.isEnabled()
    detail.on_day.setFocus()
    qtbot.keyClick(detail.on_day, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert detail.rectification.dialog is None
    assert detail.rectification.add_measure_button.isEnabled()


def _with_measures(ctx, texts: list[str]) -> str:
    row_id = _problem(ctx)
    for text in texts:
        ctx.db.call(lambda ledger, t=text: problems.add_measure(ledger, row_id, {"description": t}))
    return row_id


def test_a_manager_deletes_a_mistyped_measure_and_the_rest_renumber(ctx, qtbot, idle, sign_in,
                                                                    monkeypatch):
    sign_in("chief")
    row_id = _with_measures(ctx, ["更换布袋除尘器", "误录的措施", "完善台账"])
    idle()  # the writes' change signals first: a late refresh would clear the selection
    detail = _detail(ctx, qtbot, row_id)
    panel = detail.rectification
    before = detail.data.measures
    button = panel.delete_measure_button
    assert button.isVisible() and not button.isEnabled()  # nothing selected yet
    mistyped = next(i for i in range(panel.measures.count())
                    if "误录的措施" in panel.measures.item(i).text())
    panel.measures.setCurrentRow(mistyped)
    assert button.isEnabled()
    asked = []
    monkeypatch.setattr(panel, "confirm_delete", lambda text: asked.append(text) or False)
    button.click()
    idle()
    assert len(ctx.db.call(lambda ledger: problems.measures(ledger, row_id))) == len(before)
    monkeypatch.setattr(panel, "confirm_delete", lambda text: asked.append(text) or True)
    # a refresh that arrived meanwhile rebuilds the list: select the measure again
    panel.measures.setCurrentRow(next(i for i in range(panel.measures.count())
                                      if "误录的措施" in panel.measures.item(i).text()))
    button.click()
    qtbot.waitUntil(lambda: len(detail.data.measures) == len(before) - 1)
    assert all("误录的措施" in text for text in asked)
    shown = [panel.measures.item(i).text() for i in range(panel.measures.count())]
    assert not any("误录的措施" in line for line in shown)
    assert [m["seq"] for m in detail.data.measures] == list(range(1, len(before)))


def test_a_clerk_is_not_offered_measure_deletion(ctx, qtbot, sign_in):
    sign_in("clerk")
    detail = _detail(ctx, qtbot, _with_measures(ctx, ["更换布袋除尘器"]))
    assert detail.rectification.delete_measure_button.isHidden()


def test_a_manager_refuses_a_request_and_then_decides_the_one_before(ctx, qtbot, idle, sign_in,
                                                                     monkeypatch):
    row_id = _problem(ctx)
    in_force = ctx.db.call(lambda ledger: problems.get(ledger, row_id))["deadline_in_force"]
    base = max(dt.date.fromisoformat(in_force), dt.date.today())
    first, second = ((base + dt.timedelta(days=n)).isoformat() for n in (40, 20))
    for day, reason in ((first, "设备采购"), (second, "施工队伍不足")):
        ctx.db.call(lambda ledger, d=day, r=reason: problems.request_extension(ledger, row_id, d, r))
    sign_in("chief")
    detail = _detail(ctx, qtbot, row_id)
    panel = detail.rectification
    qtbot.waitUntil(panel.refuse_button.isVisible)
    assert panel.pending["new_deadline"] == second
    monkeypatch.setattr(panel, "confirm_refusal", lambda extension: True)
    panel.refuse_button.click()
    qtbot.waitUntil(lambda: panel.pending is not None and panel.pending["new_deadline"] == first)
    assert any("不予批准" in line and second in line for line in _timeline(detail))
    assert detail.data.problem["deadline_in_force"] == in_force
    assert first in panel.approve_button.text()
