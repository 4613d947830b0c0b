"""The Accounts menu and the signed-in account in the status bar, built with the main
window; the dialogs it opens (gui/dialogs/accounts.py, signin_dialog.py) load when opened."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtWidgets import QLabel, QMainWindow

from core import operators, permissions
from core.ledger import Ledger

from ..context import AppContext
from ..i18n import tr
from ..widgets import action
from .signin import REMEMBERED_FILE, role_text

if TYPE_CHECKING:
    from .accounts import AccountForm, AccountsDialog
    from .signin_dialog import SignInDialog


class AccountsMenu:
    """The "Accounts" menu and the signed-in account in the status bar."""

    def __init__(self, window: QMainWindow, ctx: AppContext, rebuild: Callable[[], None]):
        self.window, self.ctx, self.rebuild = window, ctx, rebuild
        menu = window.menuBar().addMenu(tr("&Accounts"))
        self.manage_action = action(tr("Manage accounts…"), window)
        self.manage_action.triggered.connect(self.manage)
        self.manage_action.setVisible(False)
        self.create_action = action(tr("Create accounts…"), window)
        self.create_action.triggered.connect(self.create_admin)
        self.create_action.setVisible(False)
        self.switch_action = action(tr("Switch user…"), window)
        self.switch_action.triggered.connect(self.switch_user)
        self.sign_out_action = action(tr("Sign out"), window)
        self.sign_out_action.triggered.connect(self.sign_out)
        for entry in (self.manage_action, self.create_action, self.switch_action,
                      self.sign_out_action):
            menu.addAction(entry)
        self.who = QLabel()
        window.statusBar().addPermanentWidget(self.who)
        ctx.db.op(_state).success(self._show).run()

    def _show(self, state: tuple[int, bool]) -> None:
        count, may_manage = state
        self.create_action.setVisible(count == 0)
        self.manage_action.setVisible(count > 0 and may_manage)
        self.switch_action.setVisible(count > 0)
        self.sign_out_action.setVisible(count > 0)
        if self.ctx.account is not None:
            self.who.setText(tr("Signed in: {who}").format(who=role_text(self.ctx.account)))
            self.who.setStyleSheet("")
        else:
            self.who.setText(tr("No accounts: whoever uses this PC acts as administrator"))
            self.who.setStyleSheet("color: #a15c00;")

    def manage(self) -> AccountsDialog:
        from .accounts import AccountsDialog

        dialog = AccountsDialog(self.ctx, self.window)
        dialog.open()
        self.dialog = dialog
        return dialog

    def create_admin(self) -> AccountForm:
        from .accounts import AccountForm

        form = AccountForm(self.ctx, first_admin=True, parent=self.window)
        form.accepted.connect(lambda: self._signed_in(form.created))
        form.open()
        self.form = form
        return form

    def switch_user(self) -> SignInDialog:
        from .signin_dialog import SignInDialog

        dialog = SignInDialog(self.ctx.db, self.ctx.db.path, remembered_file(self.ctx),
                              self.window)
        dialog.accepted.connect(lambda: self._signed_in(dialog.operator))
        dialog.open()
        self.dialog = dialog
        return dialog

    def sign_out(self) -> SignInDialog:
        """Forget who signed in here, and ask for the next one; Cancel closes the window."""
        operators.remember(self.ctx.db.path, None, remembered_file(self.ctx))
        dialog = self.switch_user()
        dialog.rejected.connect(self.window.close)
        return dialog

    def _signed_in(self, account: operators.Operator | None) -> None:
        if account is None:
            return
        self.ctx.account = account
        self.ctx.db_operator = account.login
        self.ctx.db.set_operator(account.login)
        self.rebuild()  # every page and menu offers again what this role may do


def _state(ledger: Ledger) -> tuple[int, bool]:
    return operators.count(ledger), permissions.can(ledger, permissions.Action.MANAGE_OPERATORS)


def remembered_file(ctx: AppContext) -> Path:
    return Path(ctx.settings.fileName()).parent / REMEMBERED_FILE
