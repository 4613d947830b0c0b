"""Accounts in the app: the administrator adds, disables and resets accounts; switching to a
clerk's account offers a clerk's window; a ledger without accounts is offered to make them."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from core import operators
from core.errors import LedgerError
from gui.dialogs.accounts import AccountForm, AccountsDialog

pytestmark = pytest.mark.gui

PASSWORD = "correct-horse-9"


def _signed_in_admin(ctx):
    def make(ledger):
        operators.add(ledger, "admin", "王局长", "admin", PASSWORD)
        return operators.sign_in(ledger, "admin", PASSWORD)
    ctx.account = ctx.db.call(make)
    ctx.db_operator = "admin"
    ctx.db.set_operator("admin")


def _fill(form, **values):
    for name, value in values.items():
        widget = getattr(form, name)
        if name == "role":
            widget.setCurrentIndex(widget.findData(value))
        else:
            widget.setText(value)


def test_the_administrator_adds_disables_and_resets_accounts(qtbot, ctx, idle):
    _signed_in_admin(ctx)
    dialog = AccountsDialog(ctx)
    qtbot.addWidget(dialog)
    idle()
    assert [a.login for a in dialog.rows] == ["admin"]
    form = dialog.add()
    _fill(form, login="liwy", name="李文员", role="clerk", password="wenyuan-2026",
          repeat="wenyuan-2025")
    form.accept()
    assert form.message.text() == "两次输入的密码不一致。"
    _fill(form, repeat="wenyuan-2026")
    form.accept()
    idle()
    # listed by the pinyin of the holder's name: 李文员 (li) before 王局长 (wang)
    qtbot.waitUntil(lambda: [a.login for a in dialog.rows] == ["liwy", "admin"])
    assert dialog.table.item(0, 2).text() == "录入员"
    dialog.table.selectRow(0)
    dialog.toggle_active()
    idle()
    qtbot.waitUntil(lambda: dialog.table.item(0, 3).text() == "已停用")
    with pytest.raises(LedgerError):
        ctx.db.call(lambda ledger: operators.sign_in(ledger, "liwy", "wenyuan-2026"))
    dialog.table.selectRow(0)
    dialog.toggle_active()
    idle()
    reset = dialog.reset_password()
    _fill(reset, password="new-pass-2026", repeat="new-pass-2026")
    reset.accept()
    idle()
    qtbot.waitUntil(lambda: "已为 liwy 设置新密码" in dialog.message.text())
    # signing in as liwy on the worker would change who the worker acts as; check the hash
    ok = ctx.db.call(lambda ledger: operators.password_matches(
        "new-pass-2026", ledger.conn.execute("SELECT password_hash FROM operator_account "
                                             "WHERE login = 'liwy'").fetchone()[0]))
    assert ok
    dialog.table.selectRow(1)
    dialog.change_role("clerk")              # the last administrator: refused, said
    idle()
    qtbot.waitUntil(lambda: "管理员" in dialog.message.text())
    assert dialog.table.item(1, 2).text() == "管理员"


def test_switching_to_a_clerk_gives_a_clerks_window(qtbot, ctx, window, idle):
    _signed_in_admin(ctx)
    ctx.db.call(lambda ledger: operators.add(ledger, "liwy", "李文员", "clerk", PASSWORD))
    admin_window = window.replace_for_account()
    qtbot.addWidget(admin_window)
    admin_window.backup_menu  # noqa: B018 - built as the window first paints (or is opened)
    idle()
    assert admin_window.backup_menu.restore_action.isVisible()
    assert admin_window.accounts_menu.manage_action.isVisible()
    assert "王局长" in admin_window.accounts_menu.who.text()
    dialog = admin_window.accounts_menu.switch_user()
    dialog.login.setText("liwy")
    dialog.password.setText(PASSWORD)
    dialog.accept()
    qtbot.waitUntil(lambda: ctx.window is not admin_window, timeout=10_000)
    clerk_window = ctx.window
    qtbot.addWidget(clerk_window)
    clerk_window.backup_menu  # noqa: B018
    idle()
    assert ctx.account.login == "liwy" and ctx.db_operator == "liwy"
    assert not clerk_window.backup_menu.restore_action.isVisible()
    assert not clerk_window.accounts_menu.manage_action.isVisible()
    assert "李文员（录入员）" in clerk_window.accounts_menu.who.text()
    assert not admin_window.isVisible()
    # what the clerk writes is recorded under the clerk's login
    written = ctx.db.call(lambda ledger: ledger.operator)
    assert written == "liwy"
    assert QApplication.activeModalWidget() is None


def test_a_ledger_without_accounts_is_offered_to_create_them(qtbot, ctx, window, idle):
    menu = window.accounts_menu
    idle()
    assert menu.create_action.isVisible() and not menu.switch_action.isVisible()
    assert "尚未建立账号" in menu.who.text()
    form = menu.create_admin()
    assert isinstance(form, AccountForm) and form.first_admin
    _fill(form, login="wangxf", name="王晓峰", password="xiaofeng-2026",
          repeat="xiaofeng-2026")
    form.accept()
    qtbot.waitUntil(lambda: ctx.window is not None if hasattr(ctx, "window") else False,
                    timeout=10_000)
    qtbot.addWidget(ctx.window)
    idle()
    assert ctx.account.login == "wangxf" and ctx.account.role.value == "admin"
    assert ctx.window.accounts_menu.manage_action.isVisible()
    assert not ctx.window.accounts_menu.create_action.isVisible()
