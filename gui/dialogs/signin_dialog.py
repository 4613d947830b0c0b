"""The sign-in dialog: login and password, checked by core on the worker."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel,
                               QLineEdit, QVBoxLayout, QWidget)

from core import operators
from core.errors import LedgerError

from ..i18n import tr
from ..worker import Database


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
