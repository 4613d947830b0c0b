"""Trust in the GUI: sign-in, what a clerk is offered, the history, backups, one instance."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from core import operators, problems
from core.errors import LedgerError
from core.ledger import Ledger
from gui import app as gui_app, backup_menu
from gui.dialogs import signin, signin_dialog
from acceptance_data import ACCEPTED



def wait_idle(qtbot, context, timeout: int = 10_000) -> None:
    qtbot.waitUntil(lambda: context.db.pending == 0, timeout=timeout)

pytestmark = pytest.mark.gui


def _problem_in(ctx, status: str) -> str:
    return ctx.db.call(lambda ledger: ledger.conn.execute(
        "SELECT id FROM problem WHERE status = ? AND withdrawn_on IS NULL ORDER BY id LIMIT 1",
        (status,)).fetchone()[0])


def _sign_in_remembered(ctx, path, folder, login: str) -> None:
    operators.remember(path, login, folder / signin.REMEMBERED_FILE)
    assert signin.sign_in(ctx, folder)


def test_wrong_password_is_told_in_chinese_and_the_right_one_signs_in(
        staffed_ctx, staffed_path, tmp_path, qtbot, password):
    file = tmp_path / signin.REMEMBERED_FILE
    dialog = signin_dialog.SignInDialog(staffed_ctx.db, staffed_path, file)
    qtbot.addWidget(dialog)
    dialog.login.setText("clerk")
    dialog.password.setText("wrong-password")
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.message.text() == "登录名或密码不对")
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.operator is None
    assert dialog.password.text() == "" and dialog.buttons.isEnabled()

    dialog.password.setText(password)
    dialog.remember.setChecked(True)
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)
    assert dialog.operator.login == "clerk"
    assert staffed_ctx.db.call(lambda ledger: (ledger.operator, ledger.role)) == ("clerk", "clerk")
    assert operators.remembered(staffed_path, file) == "clerk"


def test_a_clerk_is_not_offered_closing_and_core_refuses_it(
        staffed_ctx, staffed_path, tmp_path, qtbot):
    from gui.problem_detail.detail import ProblemDetail
    from gui.dialogs.settings import SettingsDialog

    _sign_in_remembered(staffed_ctx, staffed_path, tmp_path, "clerk")
    assert staffed_ctx.account.role is operators.Role.CLERK
    row_id = _problem_in(staffed_ctx, "reported_done")
    detail = ProblemDetail(staffed_ctx)
    qtbot.addWidget(detail)
    detail.show_problem(row_id)
    qtbot.waitUntil(lambda: detail.data is not None)
    assert "closed" not in detail.transition_buttons
    assert "in_progress" in detail.transition_buttons  # sending it back is a clerk's to do
    history = detail.open_history()  # a clerk may read who changed what
    qtbot.addWidget(history)
    qtbot.waitUntil(lambda: history.model.rowCount() > 0)

    with pytest.raises(LedgerError, match="需要"):
        staffed_ctx.db.call(lambda ledger: problems.transition(ledger, row_id, "closed", acceptance=ACCEPTED))
    assert staffed_ctx.db.call(lambda ledger: problems.get(ledger, row_id)["status"]) \
        == "reported_done"

    menu = backup_menu.BackupMenu(_window(qtbot), staffed_ctx)
    settings_dialog = SettingsDialog(staffed_ctx)
    qtbot.addWidget(settings_dialog)
    wait_idle(qtbot, staffed_ctx)
    assert not menu.restore_action.isVisible() and menu.backup_action.isVisible()
    assert not settings_dialog.unit_name.isEnabled()
    assert not settings_dialog.operator.isEnabled()


def test_a_manager_is_offered_closing(staffed_ctx, staffed_path, tmp_path, qtbot):
    from gui.problem_detail.detail import ProblemDetail

    _sign_in_remembered(staffed_ctx, staffed_path, tmp_path, "admin")
    detail = ProblemDetail(staffed_ctx)
    qtbot.addWidget(detail)
    detail.show_problem(_problem_in(staffed_ctx, "reported_done"))
    qtbot.waitUntil(lambda: detail.data is not None)
    assert "closed" in detail.transition_buttons
    menu = backup_menu.BackupMenu(_window(qtbot), staffed_ctx)
    wait_idle(qtbot, staffed_ctx)
    assert menu.restore_action.isVisible()


def _window(qtbot):
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    return window


def test_the_history_names_who_changed_which_field(ctx, qtbot):
    from gui.dialogs.history import HistoryDialog
    from gui.models.history import HistoryModel

    row_id = _problem_in(ctx, "in_progress")
    ctx.db.set_operator("张科长")
    old = ctx.db.call(lambda ledger: problems.get(ledger, row_id)["responsible_person"])
    ctx.db.call(lambda ledger: problems.update(ledger, row_id, {"responsible_person": "赵六"}))
    dialog = HistoryDialog(ctx, row_id, "问题")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0)
    model = dialog.model
    last = [model.data(model.index(model.rowCount() - 1, c)) for c in range(7)]
    assert last[HistoryModel.OPERATOR] == "张科长"
    assert last[HistoryModel.ACTION] == "修改"
    assert last[HistoryModel.OLD:] == [old or "", "赵六"]
    assert last[HistoryModel.FIELD] != "responsible_person"  # a label, not the column name
    inserted = model.data(model.index(0, HistoryModel.ACTION))
    assert inserted == "新增"


def test_a_second_instance_is_told_the_ledger_is_open(db_path, tmp_path, app, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    first = Ledger.open(db_path, "王五", exclusive=True)
    try:
        assert gui_app.start(db_path, tmp_path) is None
    finally:
        first.close()
    assert len(shown) == 1 and "已由 王五" in shown[0]


def test_backup_then_restore_round_trips(ctx, tmp_path, qtbot):
    row_id = _problem_in(ctx, "in_progress")
    target = tmp_path / "copy" / "backup.zip"
    made, errors, changed = [], [], []
    backup_menu.make_backup(ctx, target, made.append, errors.append)
    qtbot.waitUntil(lambda: bool(made or errors))
    assert made == [target] and target.is_file()

    ctx.db.call(lambda ledger: problems.add_note(ledger, row_id, "备份之后的记录"))
    notes = "SELECT count(*) FROM problem_log WHERE note = '备份之后的记录'"
    assert ctx.db.call(lambda ledger: ledger.conn.execute(notes).fetchone()[0]) == 1

    ctx.changed.connect(changed.append)
    done = []
    backup_menu.restore_backup(ctx, target, done.append, errors.append)
    qtbot.waitUntil(lambda: bool(done or errors))
    assert not errors
    assert ctx.db.call(lambda ledger: ledger.conn.execute(notes).fetchone()[0]) == 0
    assert changed and changed[0].touches("problem", "setting")


def test_a_clerk_cannot_restore(staffed_ctx, staffed_path, tmp_path, qtbot):
    _sign_in_remembered(staffed_ctx, staffed_path, tmp_path, "clerk")
    target = tmp_path / "backup.zip"
    made, errors = [], []
    backup_menu.make_backup(staffed_ctx, target, made.append, errors.append)
    qtbot.waitUntil(lambda: bool(made or errors))
    backup_menu.restore_backup(staffed_ctx, target, made.append, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], LedgerError) and "需要" in str(errors[0])
