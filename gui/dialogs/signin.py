"""Signing in at start, once a ledger has operators; the signed-in role decides what is offered."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QVBoxLayout, QWidget)

from core import messages, operators
from core.errors import LedgerError
from core.ledger import Ledger

from ..context import AppContext
from ..i18n import tr
from ..worker import Database

REMEMBERED_FILE = "remembered.json"  # in the GUI's settings folder, never in the ledger


def _state(ledger: Ledger, file: Path) -> tuple[bool, operators.Operator | None]:
    """Runs on the worker: must someone sign in, and who, if this PC remembers an operator."""
    if not operators.sign_in_required(ledger):
        return False, None
    return True, operators.sign_in_remembered(ledger, file)


def role_text(operator: operators.Operator) -> str:
    return f"{operator.name}（{messages.label(f'role.{operator.role.value}')}）"


class SignInDialog(QDialog):
    """Login and password; a wrong one is told in the dialog, which stays open."""

    def __init__(self, db: Database, ledger_path: Path, remembered_file: Path,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.ledger_path = ledger_path
        self.remembered_file = remembered_file
        self.operator: operators.Operator | None = None
        self.setWindowTitle(tr("Sign in"))
        self.login = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(tr("Remember me on this PC"))
        self.message = QLabel()
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(tr("Login"), self.login)
        form.addRow(tr("Password"), self.password)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        """Check the password on the worker; the dialog closes only when it matches."""
        login, password = self.login.text().strip(), self.password.text()
        self.buttons.setEnabled(False)
        self.message.setText(tr("Checking…"))
        self.db.op(lambda ledger: operators.sign_in(ledger, login, password)) \
            .success(self._signed_in).failure(self._refused).run()

    def _signed_in(self, operator: operators.Operator) -> None:
        self.operator = operator
        operators.remember(self.ledger_path, operator.login if self.remember.isChecked()
                           else None, self.remembered_file)
        super().accept()

    def _refused(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        if not isinstance(error, LedgerError):
            raise error
        self.message.setText(str(error))
        self.password.clear()
        self.password.setFocus()


def sign_in(ctx: AppContext, folder: Path, parent: QWidget | None = None) -> bool:
    """Before the window: sign an operator in if the ledger has any; False if the user gave up.
    The worker's ledger then writes under that login and acts with that role."""
    file = folder / REMEMBERED_FILE
    required, operator = ctx.db.call(lambda ledger: _state(ledger, file))
    if not required:
        return True
    if operator is None:
        dialog = SignInDialog(ctx.db, ctx.db.path, file, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.operator is None:
            return False
        operator = dialog.operator
    ctx.account = operator
    ctx.db_operator = operator.login
    return True


def offer(ctx: AppContext, action: operators.Action | str,
          show: Callable[[bool], None]) -> None:
    """Ask the worker's ledger whether its operator may do `action`, and pass the answer to
    `show` (a widget's setVisible or setEnabled). Core refuses the action again on every
    write, so this only keeps refused actions out of sight."""
    ctx.db.op(lambda ledger: operators.can(ledger, action)).success(show).run()
