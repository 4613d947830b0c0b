"""Accounts in the app: the administrator adds, disables, re-enables and resets clerks and
managers; anyone signs out or switches user; a ledger without accounts (made from the
command line) is offered to create its administrator. Every rule is core's
(`core.operators`, `core.permissions`); this is only the front."""
from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox,
                               QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from core import messages, operators
from core.changes import Changes
from core.errors import LedgerError, ValidationError
from core.ledger import Ledger

from ..context import AppContext
from ..i18n import tr
from ..widgets import fit_screen

ERROR_STYLE = "color: #c62828;"


def role_name(role: operators.Role | str) -> str:
    return messages.label(f"role.{operators.Role(role).value}")


def _error_text(error: BaseException) -> str:
    if isinstance(error, ValidationError):
        return "；".join(i.message for i in error.issues)
    return str(error)


class AccountForm(QDialog):
    """A new account (login, name, role, password twice) or a new password for `login`."""

    def __init__(self, ctx: AppContext, login: str | None = None, first_admin: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.reset_login, self.first_admin = ctx, login, first_admin
        self.created: operators.Operator | None = None
        self.setWindowTitle(tr("New password for {login}").format(login=login) if login
                            else tr("Create the administrator account") if first_admin
                            else tr("New account"))
        self.login, self.name = QLineEdit(), QLineEdit()
        self.role = QComboBox()
        for role in (operators.Role.CLERK, operators.Role.MANAGER, operators.Role.ADMIN):
            self.role.addItem(role_name(role), role.value)
        self.password, self.repeat = QLineEdit(), QLineEdit()
        for edit in (self.password, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        form = QFormLayout()
        if login is None:
            form.addRow(tr("Login"), self.login)
            form.addRow(tr("Name"), self.name)
            if not first_admin:
                form.addRow(tr("Role"), self.role)
        form.addRow(tr("Password"), self.password)
        form.addRow(tr("Password again"), self.repeat)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if first_admin:
            intro = QLabel(tr("The administrator adds the clerks and managers, and is the only "
                              "one who may change the bureau's settings or restore a backup. "
                              "Each change is recorded under the account that made it."))
            intro.setWordWrap(True)
            layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        if self.password.text() != self.repeat.text():
            self.message.setText(tr("The two passwords differ."))
            return
        login, name = self.login.text().strip(), self.name.text().strip()
        role = "admin" if self.first_admin else self.role.currentData()
        password, reset = self.password.text(), self.reset_login

        def write(ledger: Ledger):
            if reset:
                return operators.set_password(ledger, reset, password)
            operators.add(ledger, login, name, role, password)
            found = operators.find(ledger, login)
            if self.first_admin:
                operators.act_as(ledger, found)
            return found
        self.buttons.setEnabled(False)
        self.ctx.db.op(write).success(self._done).failure(self._refused).run()

    def _done(self, result) -> None:
        if isinstance(result, operators.Operator):
            self.created = result
        super().accept()

    def _refused(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if not isinstance(error, LedgerError):
            raise error
        self.message.setText(_error_text(error))


class AccountsDialog(QDialog):
    """The administrator's list of accounts, with add, disable/enable, role and password."""

    COLUMNS = ("login", "name", "role", "state")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[operators.Operator] = []
        self.setWindowTitle(tr("Accounts"))
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([tr("Login"), tr("Name"), tr("Role"), tr("State")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        self.add_button = QPushButton(tr("Add account…"))
        self.active_button = QPushButton(tr("Disable"))
        self.role_button = QPushButton(tr("Change role…"))
        self.password_button = QPushButton(tr("Reset password…"))
        self.add_button.clicked.connect(self.add)
        self.active_button.clicked.connect(self.toggle_active)
        self.role_button.clicked.connect(self.change_role)
        self.password_button.clicked.connect(self.reset_password)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.active_button, self.role_button,
                       self.password_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        close.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(close)
        fit_screen(self, 720, 420)
        self.refresh()

    def refresh(self) -> None:
        self.ctx.db.op(operators.all_operators).success(self._show).run()

    def _show(self, found: list[operators.Operator]) -> None:
        chosen = self.current()
        self.rows = found
        self.table.setRowCount(len(found))
        for row, account in enumerate(found):
            state = tr("active") if account.active else tr("disabled")
            for column, text in enumerate((account.login, account.name,
                                           role_name(account.role), state)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        logins = [a.login for a in found]
        if chosen and chosen.login in logins:
            self.table.selectRow(logins.index(chosen.login))
        self._selected()

    def current(self) -> operators.Operator | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def _selected(self) -> None:
        account = self.current()
        for button in (self.active_button, self.role_button, self.password_button):
            button.setEnabled(account is not None)
        if account is not None:
            self.active_button.setText(tr("Disable") if account.active else tr("Enable"))

    def _write(self, fn: Callable[[Ledger], Changes], said: str) -> None:
        def done(_changes) -> None:
            self.message.setStyleSheet("")
            self.message.setText(said)
            self.refresh()

        def refused(error: BaseException) -> None:
            if not isinstance(error, LedgerError):
                raise error
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(_error_text(error))
        self.ctx.db.op(fn).success(done).failure(refused).run()

    def add(self) -> AccountForm:
        form = AccountForm(self.ctx, parent=self)
        form.accepted.connect(self.refresh)
        form.open()
        self.form = form
        return form

    def toggle_active(self) -> None:
        account = self.current()
        if account is None:
            return
        active = not account.active
        said = (tr("{login} may sign in again.") if active
                else tr("{login} can no longer sign in.")).format(login=account.login)
        self._write(lambda ledger: operators.update(ledger, account.login, active=active), said)

    def change_role(self, role: str | None = None) -> None:
        account = self.current()
        if account is None:
            return
        if not role:
            from PySide6.QtWidgets import QInputDialog
            names = [role_name(r) for r in operators.Role]
            chosen, ok = QInputDialog.getItem(self, tr("Change role"), tr("Role of {login}")
                                              .format(login=account.login), names,
                                              names.index(role_name(account.role)), False)
            if not ok:
                return
            role = list(operators.Role)[names.index(chosen)].value
        said = tr("{login} is now a {role}.").format(login=account.login, role=role_name(role))
        self._write(lambda ledger: operators.update(ledger, account.login, role=role), said)

    def reset_password(self) -> AccountForm | None:
        account = self.current()
        if account is None:
            return None
        form = AccountForm(self.ctx, login=account.login, parent=self)
        form.accepted.connect(lambda: self.message.setText(
            tr("New password set for {login}.").format(login=account.login)))
        form.open()
        self.form = form
        return form
